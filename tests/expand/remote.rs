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
use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_LazyName;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Display;
    use Display as __lazy_trait_0_LazyName;
    {
        #[automatically_derived]
        impl ::core::fmt::Display for LazyName
        where
            lazy_core::Lazy<String>: ::lazy_core::Realize,
            <Self as ::lazy_core::Realize>::Target: ::core::fmt::Display,
        {
            #[inline]
            fn fmt(&self, __arg0: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                <<Self as ::lazy_core::Realize>::Target as ::core::fmt::Display>::fmt(
                    ::lazy_core::Realize::realize(self),
                    __arg0,
                )
            }
        }
    }
};
