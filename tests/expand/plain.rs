// What `#[derive(RealizeForward)]` writes for a plain field, with a method
// that returns the wrapper (built back with `FromRealized`):
//
// #[lazy_core::forwardable]
// pub trait Tracker {
//     fn python_type(&self) -> &'static str;
//     fn set_name_hint(&mut self, hint: &str);
//     fn into_name(self) -> String;
//     fn renamed(&self, name: &str) -> Option<Self> where Self: Sized;
// }
//
// #[derive(RealizeForward)]
// #[realize_forward(Tracker)]
// pub struct Named {
//     hint: Option<String>,
//     #[realize(plain)]
//     inner: ConstantTracker,
// }

#[automatically_derived]
impl ::lazy_core::Realize for Named {
    type Target = ConstantTracker;
    #[inline]
    fn realize(&self) -> &Self::Target {
        &self.inner
    }
}
use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_Named;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Tracker;
    use Tracker as __lazy_trait_0_Named;
    {
        #[automatically_derived]
        impl Tracker for Named
        where
            <Self as ::lazy_core::Realize>::Target: Tracker,
            <Self as ::lazy_core::Realize>::Target: ::core::marker::Sized,
        {
            #[inline]
            fn python_type(&self) -> &'static str {
                Tracker::python_type(::lazy_core::Realize::realize(self))
            }
            #[inline]
            fn set_name_hint(&mut self, __arg0: &str) {
                Tracker::set_name_hint(::lazy_core::RealizeMut::realize_mut(self), __arg0)
            }
            #[inline]
            fn into_name(self) -> ::lazy_core::__private::String {
                Tracker::into_name(::lazy_core::RealizeInto::into_realized(self))
            }
            #[inline]
            fn renamed(&self, __arg0: &str) -> ::core::option::Option<Self>
            where
                Self: Sized,
            {
                ::core::option::Option::map(
                    Tracker::renamed(::lazy_core::Realize::realize(self), __arg0),
                    <Self as ::lazy_core::FromRealized<ConstantTracker>>::from_realized,
                )
            }
        }
        #[automatically_derived]
        impl ::lazy_core::RealizeMut for Named {
            #[inline]
            fn realize_mut(&mut self) -> &mut Self::Target {
                &mut self.inner
            }
        }
        #[automatically_derived]
        impl ::lazy_core::RealizeInto for Named {
            #[inline]
            fn into_realized(self) -> Self::Target
            where
                Self::Target: ::core::marker::Sized,
            {
                {
                    use ::lazy_core::__private::{ProbeDrop as _, ProbeMove as _};
                    let __moves = (&&::lazy_core::__private::DropProbe::<Self>::NEW).moves();
                    ::lazy_core::__private::MovableFields::<Self>::check(__moves);
                }
                self.inner
            }
        }
    }
};
