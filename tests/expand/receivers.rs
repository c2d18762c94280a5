// What `#[derive(RealizeForward)]` writes for:
//
// #[lazy_core::forwardable]
// pub trait Tracker {
//     type Tag;
//     fn python_type(&self) -> &'static str;
//     fn call(&mut self, args: &[i64]) -> i64;
//     fn into_tag(self) -> Self::Tag;
//     fn set_name_hint(&mut self, hint: &str);
//     fn describe(&self) -> String { String::new() }
// }
//
// #[derive(RealizeForward)]
// #[realize_forward(Tracker, except(set_name_hint))]
// pub struct LazyTracker {
//     #[realize]
//     cache: lazy_core::Lazy<Real, TrackerSeed>,
//     source: Source,
// }

#[automatically_derived]
impl ::lazy_core::Realize for LazyTracker
where
    lazy_core::Lazy<Real, TrackerSeed>: ::lazy_core::Realize,
{
    type Target = <lazy_core::Lazy<Real, TrackerSeed> as ::lazy_core::Realize>::Target;
    #[inline]
    fn realize(&self) -> &Self::Target {
        ::lazy_core::Realize::realize(&self.cache)
    }
}
use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_LazyTracker;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Tracker;
    use Tracker as __lazy_trait_0_LazyTracker;
    {
        #[automatically_derived]
        impl Tracker for LazyTracker
        where
            lazy_core::Lazy<Real, TrackerSeed>: ::lazy_core::Realize,
            lazy_core::Lazy<Real, TrackerSeed>: ::lazy_core::Realize,
            <Self as ::lazy_core::Realize>::Target: Tracker,
            <Self as ::lazy_core::Realize>::Target: ::core::marker::Sized,
        {
            type Tag = <<Self as ::lazy_core::Realize>::Target as Tracker>::Tag;
            #[inline]
            fn python_type(&self) -> &'static str {
                Tracker::python_type(::lazy_core::Realize::realize(self))
            }
            #[inline]
            fn call(&mut self, __arg0: &[i64]) -> i64 {
                Tracker::call(::lazy_core::RealizeMut::realize_mut(self), __arg0)
            }
            #[inline]
            fn into_tag(self) -> Self::Tag {
                Tracker::into_tag(::lazy_core::RealizeInto::into_realized(self))
            }
            #[inline]
            #[deny(
                unconditional_recursion,
                reason = "`set_name_hint` is listed in `except(...)`, so the wrapper answers it with an inherent method `fn set_name_hint(&mut self, hint: &str)`; none is visible here (it is missing; or private to another module: make it `pub(crate)`; or written for some of a generic wrapper's arguments only, as in `impl W<u8>`: write it for all, `impl<T> W<T>`), so this forwarder would call itself"
            )]
            fn set_name_hint(&mut self, __arg0: &str) {
                let __inherent =
                    <_ as ::lazy_core::__private::InherentMethod<(_, &str), (), _>>::__lazy_checked(
                        Self::set_name_hint,
                    );
                let __result = __inherent(
                    <Self as ::lazy_core::__private::MutReceiver<'_, _>>::__lazy_lend(self),
                    __arg0,
                );
                __result
            }
            #[inline]
            fn describe(&self) -> ::lazy_core::__private::String {
                Tracker::describe(::lazy_core::Realize::realize(self))
            }
        }
        #[automatically_derived]
        impl ::lazy_core::RealizeMut for LazyTracker
        where
            lazy_core::Lazy<Real, TrackerSeed>: ::lazy_core::Realize,
        {
            #[inline]
            fn realize_mut(&mut self) -> &mut Self::Target {
                ::lazy_core::__private::RealizeMutField::__lazy_realize_field_mut(&mut self.cache)
            }
        }
        #[automatically_derived]
        impl ::lazy_core::RealizeInto for LazyTracker
        where
            lazy_core::Lazy<Real, TrackerSeed>: ::lazy_core::Realize,
        {
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
                ::lazy_core::__private::RealizeIntoField::__lazy_into_realized_field(self.cache)
            }
        }
    }
};
