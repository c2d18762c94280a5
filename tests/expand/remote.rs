// What `#[derive(RealizeForward)]` writes for a mirror of a std trait:
//
// #[derive(RealizeForward)]
// #[realize_forward(lazy_core::remote::Display)]
// pub struct LazyName(#[realize] lazy_core::Lazy<String>);

#[automatically_derived]
impl ::lazy_core::Realize for LazyName
where
    lazy_core::Lazy<String>: ::lazy_core::Realize,
{
    type Target = <lazy_core::Lazy<String> as ::lazy_core::Realize>::Target;
    #[inline]
    fn realize(&self) -> &Self::Target {
        ::lazy_core::Realize::realize(&self.0)
    }
}
#[automatically_derived]
impl ::core::fmt::Display for LazyName
where
    lazy_core::Lazy<String>: ::lazy_core::Realize,
    <LazyName as ::lazy_core::Realize>::Target: ::core::fmt::Display,
{
    #[inline]
    fn fmt(&self, __arg0: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        <<LazyName as ::lazy_core::Realize>::Target as ::core::fmt::Display>::fmt(
            ::lazy_core::Realize::realize(self),
            __arg0,
        )
    }
}
