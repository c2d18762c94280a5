// What `#[derive(RealizeForward)]` writes for a field that points to its
// target (`Box<dyn Tracker>`: the `dyn Tracker`):
//
// #[lazy_core::forwardable]
// pub trait Tracker {
//     fn python_type(&self) -> &'static str;
//     fn set_name_hint(&mut self, hint: &str);
// }
//
// #[derive(RealizeForward)]
// #[realize_forward(Tracker)]
// pub struct Boxed {
//     #[realize(plain, deref)]
//     inner: Box<dyn Tracker>,
// }

#[automatically_derived]
impl ::lazy_core::Realize for Boxed
where
    Box<dyn Tracker>: ::lazy_core::__private::DerefValue,
{
    type Target = <Box<dyn Tracker> as ::lazy_core::__private::DerefValue>::Target;
    #[inline]
    fn realize(&self) -> &Self::Target {
        ::lazy_core::__private::DerefValue::__lazy_deref_value(&self.inner)
    }
}
use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_Boxed;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Tracker;
    use Tracker as __lazy_trait_0_Boxed;
    {
        #[automatically_derived]
        impl Tracker for Boxed
        where
            Box<dyn Tracker>: ::lazy_core::__private::DerefMutValue,
            <Self as ::lazy_core::Realize>::Target: Tracker,
        {
            #[inline]
            fn python_type(&self) -> &'static str {
                Tracker::python_type(::lazy_core::Realize::realize(self))
            }
            #[inline]
            fn set_name_hint(&mut self, __arg0: &str) {
                Tracker::set_name_hint(::lazy_core::RealizeMut::realize_mut(self), __arg0)
            }
        }
        #[automatically_derived]
        impl ::lazy_core::RealizeMut for Boxed
        where
            Box<dyn Tracker>: ::lazy_core::__private::DerefMutValue,
        {
            #[inline]
            fn realize_mut(&mut self) -> &mut Self::Target {
                ::lazy_core::__private::DerefMutValue::__lazy_deref_value_mut(&mut self.inner)
            }
        }
    }
};
