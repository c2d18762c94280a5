// What `#[derive(RealizeForward)]` writes for an enum whose variants have
// one target type: a `Self` argument is realized in whichever variant it
// is, after the receiver:
//
// #[lazy_core::forwardable]
// pub trait Pairwise {
//     fn same(&self, other: &Self) -> bool;
// }
//
// #[derive(RealizeForward)]
// #[realize_forward(Pairwise)]
// enum MaybeLazy {
//     Ready(Count),
//     Later(#[realize] Lazy<Count>),
// }

use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_MaybeLazy;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Pairwise;
    use Pairwise as __lazy_trait_0_MaybeLazy;
    {
        #[automatically_derived]
        impl Pairwise for MaybeLazy
        where
            Count: Pairwise,
            Lazy<Count>: ::lazy_core::Realize,
            <Lazy<Count> as ::lazy_core::Realize>::Target: Pairwise,
        {
            #[inline]
            fn same(&self, __arg0: &Self) -> bool {
                match self {
                    Self::Ready(__target) => Pairwise::same(
                        __target,
                        match __arg0 {
                            Self::Ready(__other0) => __other0,
                            Self::Later(__other0) => ::lazy_core::Realize::realize(__other0),
                        },
                    ),
                    Self::Later(__target) => Pairwise::same(
                        ::lazy_core::Realize::realize(__target),
                        match __arg0 {
                            Self::Ready(__other0) => __other0,
                            Self::Later(__other0) => ::lazy_core::Realize::realize(__other0),
                        },
                    ),
                }
            }
        }
    }
};
