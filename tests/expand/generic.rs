// What `#[derive(RealizeForward)]` writes for:
//
// #[lazy_core::forwardable]
// pub trait Store<K, V = String> {
//     const CAPACITY: usize;
//     type Iter<'a>: Iterator<Item = &'a V> where Self: 'a;
//     fn get<Q: ?Sized + PartialEq<K>>(&self, key: &Q) -> Option<&V>;
//     fn parse<T: std::str::FromStr>(&self, key: &K) -> Option<T>;
//     fn extend(&mut self, items: impl IntoIterator<Item = (K, V)>);
//     fn iter<'a>(&'a self) -> Self::Iter<'a>;
// }
//
// #[derive(RealizeForward)]
// #[realize_forward(Store)]
// pub struct LazyStore<T> where T: Clone {
//     #[realize]
//     cache: lazy_core::Lazy<Map<T>>,
// }

#[automatically_derived]
impl<T> ::lazy_core::Realize for LazyStore<T>
where
    T: Clone,
    lazy_core::Lazy<Map<T>>: ::lazy_core::Realize,
{
    type Target = <lazy_core::Lazy<Map<T>> as ::lazy_core::Realize>::Target;
    #[inline]
    fn realize(&self) -> &Self::Target {
        ::lazy_core::Realize::realize(&self.cache)
    }
}
use ::lazy_core::__private::__not_forwardable as __lazy_trait_0_LazyStore;
const _: () = {
    use ::lazy_core::__private::NOT_A_TRAIT as Store;
    use Store as __lazy_trait_0_LazyStore;
    {
        #[automatically_derived]
        impl<T, K, V> Store<K, V> for LazyStore<T>
        where
            T: Clone,
            LazyStore<T>: ::lazy_core::RealizeMut<Target = Map<T>>,
            Map<T>: Store<K, V>,
            <Self as ::lazy_core::Realize>::Target: Store<K, V>,
        {
            type Iter<'a>
                = <<Self as ::lazy_core::Realize>::Target as Store<K, V>>::Iter<'a>
            where
                Self: 'a;
            const CAPACITY: usize =
                <<Self as ::lazy_core::Realize>::Target as Store<K, V>>::CAPACITY;
            #[inline]
            fn get<Q: ?Sized + PartialEq<K>>(&self, __arg0: &Q) -> ::core::option::Option<&V> {
                Store::<K, V>::get::<Q>(::lazy_core::Realize::realize(self), __arg0)
            }
            #[inline]
            fn parse<__T: std::str::FromStr>(&self, __arg0: &K) -> ::core::option::Option<__T> {
                Store::<K, V>::parse::<__T>(::lazy_core::Realize::realize(self), __arg0)
            }
            #[inline]
            fn extend(&mut self, __arg0: impl IntoIterator<Item = (K, V)>) {
                Store::<K, V>::extend(::lazy_core::RealizeMut::realize_mut(self), __arg0)
            }
            #[inline]
            fn iter<'a>(&'a self) -> Self::Iter<'a> {
                Store::<K, V>::iter(::lazy_core::Realize::realize(self))
            }
        }
        #[automatically_derived]
        impl<T> ::lazy_core::RealizeMut for LazyStore<T>
        where
            T: Clone,
            lazy_core::Lazy<Map<T>>: ::lazy_core::__private::RealizeMutField,
        {
            #[inline]
            fn realize_mut(&mut self) -> &mut Self::Target {
                ::lazy_core::__private::RealizeMutField::__lazy_realize_field_mut(&mut self.cache)
            }
        }
    }
};
