// What `#[derive(RealizeForward)]` writes for:
//
// #[lazy_core::forwardable]
// pub trait Shapes<T> {
//     async fn fetch(&self, key: T) -> u32;
//     unsafe fn get_unchecked(&self, index: usize) -> u8;
//     #[cfg(feature = "extra")]
//     fn extra(&self) -> u8;
//     #[deprecated]
//     fn old(&self) -> u8;
//     fn patterns(&self, (a, b): (u8, u8), _: u8) -> u8 { a + b }
//     fn create() -> Self where Self: Sized;
// }
//
// #[derive(RealizeForward)]
// #[realize_forward(Shapes<u64>, except(create))]
// pub struct LazyShapes {
//     #[realize(deref)]
//     cache: Lazy<Box<dyn Shapes<u64>>>,
// }
//
// (`extra` is there when the trait's crate has `feature = "extra"`.)

#[automatically_derived]
impl ::lazy_core::Realize for LazyShapes
where
    Lazy<Box<dyn Shapes<u64>>>: ::lazy_core::Realize<Target = Box<dyn Shapes<u64>>>,
    Box<dyn Shapes<u64>>: ::lazy_core::__private::DerefValue,
{
    type Target = << Lazy < Box < dyn Shapes < u64 > > > as :: lazy_core :: Realize > :: Target as :: lazy_core :: __private :: DerefValue > :: Target ;
    #[inline]
    fn realize(&self) -> &Self::Target {
        ::lazy_core::__private::DerefValue::__lazy_deref_value(::lazy_core::Realize::realize(
            &self.cache,
        ))
    }
}
use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_LazyShapes;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Shapes;
    use Shapes as __lazy_trait_0_LazyShapes;
    {
        #[automatically_derived]
        impl Shapes<u64> for LazyShapes
        where
            Lazy<Box<dyn Shapes<u64>>>: ::lazy_core::Realize<Target = Box<dyn Shapes<u64>>>,
            Box<dyn Shapes<u64>>: ::lazy_core::__private::DerefValue,
            <Self as ::lazy_core::Realize>::Target: Shapes<u64>,
        {
            #[inline]
            fn fetch(&self, __arg0: u64) -> impl ::core::future::Future<Output = u32> {
                Shapes::<u64>::fetch(::lazy_core::Realize::realize(self), __arg0)
            }
            #[inline]
            unsafe fn get_unchecked(&self, __arg0: usize) -> u8 {
                unsafe { Shapes::<u64>::get_unchecked(::lazy_core::Realize::realize(self), __arg0) }
            }
            #[inline]
            fn extra(&self) -> u8 {
                Shapes::<u64>::extra(::lazy_core::Realize::realize(self))
            }
            #[allow(deprecated)]
            #[inline]
            fn old(&self) -> u8 {
                Shapes::<u64>::old(::lazy_core::Realize::realize(self))
            }
            #[inline]
            fn patterns(&self, __arg0: (u8, u8), __arg1: u8) -> u8 {
                Shapes::<u64>::patterns(::lazy_core::Realize::realize(self), __arg0, __arg1)
            }
            #[inline]
            #[deny(
                unconditional_recursion,
                reason = "`create` is listed in `except(...)`, so the wrapper answers it with an inherent method `fn create() -> Self where Self: Sized`; none is visible here (it is missing; or private to another module: make it `pub(crate)`; or written for some of a generic wrapper's arguments only, as in `impl W<u8>`: write it for all, `impl<T> W<T>`), so this forwarder would call itself"
            )]
            fn create() -> Self
            where
                Self: Sized,
            {
                let __inherent =
                    <_ as ::lazy_core::__private::InherentMethod<(), Self, _>>::__lazy_checked(
                        Self::create,
                    );
                let __result = __inherent();
                __result
            }
        }
    }
};
