// What `#[derive(RealizeForward)]` writes for an enum: each method matches
// on the variant and forwards to its field, realized for `#[realize]`:
//
// #[lazy_core::forwardable]
// pub trait Shape {
//     type Unit;
//     fn area(&self) -> u32;
//     fn grow(&mut self, by: u32);
//     fn same(&self, other: &Self) -> bool;
//     fn scaled(&self, k: u32) -> Self;
//     fn corners(&self) -> impl Iterator<Item = u32>;
// }
//
// #[derive(RealizeForward)]
// #[realize_forward(Shape)]
// enum AnyShape {
//     Square(Square),
//     Circle(Circle),
//     Later(#[realize] Lazy<Polygon, PolygonSeed>),
// }

use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_AnyShape;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Shape;
    use Shape as __lazy_trait_0_AnyShape;
    {
        #[automatically_derived]
        impl Shape for AnyShape
        where
            Square: Shape + ::core::marker::Sized,
            <Circle as ::lazy_core::__private::Identity>::Type:
                Shape<Unit = <Square as Shape>::Unit> + ::core::marker::Sized,
            Lazy<Polygon, PolygonSeed>: ::lazy_core::Realize,
            <Lazy<Polygon, PolygonSeed> as ::lazy_core::Realize>::Target:
                Shape<Unit = <Square as Shape>::Unit> + ::core::marker::Sized,
        {
            type Unit = <Square as Shape>::Unit;
            #[inline]
            fn area(&self) -> u32 {
                match self {
                    Self::Square(__target) => Shape::area(__target),
                    Self::Circle(__target) => Shape::area(__target),
                    Self::Later(__target) => Shape::area(::lazy_core::Realize::realize(__target)),
                }
            }
            #[inline]
            fn grow(&mut self, __arg0: u32) {
                match self {
                    Self::Square(__target) => Shape::grow(__target, __arg0),
                    Self::Circle(__target) => Shape::grow(__target, __arg0),
                    Self::Later(__target) => Shape::grow(
                        ::lazy_core::__private::RealizeMutField::__lazy_realize_field_mut(__target),
                        __arg0,
                    ),
                }
            }
            #[inline]
            fn same(&self, __arg0: &Self) -> bool {
                match (self, __arg0) {
                    (Self::Square(__target), Self::Square(__other0)) => {
                        Shape::same(__target, __other0)
                    }
                    (Self::Circle(__target), Self::Circle(__other0)) => {
                        Shape::same(__target, __other0)
                    }
                    (Self::Later(__target), Self::Later(__other0)) => Shape::same(
                        ::lazy_core::Realize::realize(__target),
                        ::lazy_core::Realize::realize(__other0),
                    ),
                    __values => ::lazy_core::__private::variant_mismatch(
                        "Shape::same",
                        &[
                            match &__values.0 {
                                Self::Square { .. } => "Square",
                                Self::Circle { .. } => "Circle",
                                Self::Later { .. } => "Later",
                            },
                            match &__values.1 {
                                Self::Square { .. } => "Square",
                                Self::Circle { .. } => "Circle",
                                Self::Later { .. } => "Later",
                            },
                        ],
                    ),
                }
            }
            #[inline]
            fn scaled(&self, __arg0: u32) -> Self {
                match self {
                    Self::Square(__target) => Self::Square(Shape::scaled(__target, __arg0)),
                    Self::Circle(__target) => Self::Circle(Shape::scaled(__target, __arg0)),
                    Self::Later(__target) => {
                        Self::Later(<Lazy<Polygon, PolygonSeed> as ::lazy_core::FromRealized<
                            <Lazy<Polygon, PolygonSeed> as ::lazy_core::Realize>::Target,
                        >>::from_realized(Shape::scaled(
                            ::lazy_core::Realize::realize(__target),
                            __arg0,
                        )))
                    }
                }
            }
            #[inline]
            fn corners(&self) -> impl Iterator<Item = u32> {
                match self {
                    Self::Square(__target) => ::lazy_core::__private::Either::Left(
                        ::lazy_core::__private::Either::Left(Shape::corners(__target)),
                    ),
                    Self::Circle(__target) => ::lazy_core::__private::Either::Left(
                        ::lazy_core::__private::Either::Right(Shape::corners(__target)),
                    ),
                    Self::Later(__target) => ::lazy_core::__private::Either::Right(Shape::corners(
                        ::lazy_core::Realize::realize(__target),
                    )),
                }
            }
        }
    }
};
