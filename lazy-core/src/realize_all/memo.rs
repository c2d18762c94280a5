//! The memory of a walk: which shared nodes it has visited.
//!
//! With `std`, one memo per thread, in a thread-local, for the top-level walk
//! under way. Without `std` there are no thread-locals, so no memo: a shared
//! node is walked once per path that reaches it, and a cycle through shared
//! pointers is not detected (see the crate's `std` feature).

#[cfg(feature = "std")]
pub(super) use with_std::{outside_walk, scope, visit_once};
#[cfg(not(feature = "std"))]
pub(super) use without_std::{outside_walk, scope, visit_once};

#[cfg(feature = "std")]
mod with_std {
    use core::hash::{BuildHasherDefault, Hasher};
    use std::cell::RefCell;

    use crate::RealizeAll;
    use std::collections::HashSet;

    /// What the memo records of a shared node: the address and size of what the
    /// pointer points at, and the walk it is reached for
    /// ([`RealizeAll::__lazy_walk_id`]). The size keeps apart a value and its
    /// first field where their sizes differ; the walk, a struct and its only
    /// field (`(&frame, &frame.locals)`), and zero-sized values of different
    /// types, which all share an address (`0x1` when not inside another value).
    type NodeKey = (usize, usize, usize);

    /// Addresses are already well spread: a multiply per word and a rotation
    /// are all the hashing they need, and much cheaper than SipHash on a walk
    /// of millions of nodes.
    #[derive(Default)]
    struct AddressHasher(u64);

    impl Hasher for AddressHasher {
        #[inline]
        fn write(&mut self, bytes: &[u8]) {
            for &byte in bytes {
                self.write_u64(u64::from(byte));
            }
        }

        #[inline]
        fn write_u64(&mut self, n: u64) {
            self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }

        #[inline]
        fn write_usize(&mut self, n: usize) {
            self.write_u64(n as u64);
        }

        /// The product's high bits depend on every bit written, its low
        /// bits only on the low bits (of which an address's alignment makes
        /// several the same): the table picks a bucket by the low bits, so
        /// the high ones are rotated down.
        #[inline]
        fn finish(&self) -> u64 {
            self.0.rotate_left(26)
        }
    }

    type Memo = HashSet<NodeKey, BuildHasherDefault<AddressHasher>>;

    std::thread_local! {
        /// The nodes visited by the walk under way on this thread; `None` when no
        /// walk is under way.
        static VISITED: RefCell<Option<Memo>> = const { RefCell::new(None) };
    }

    /// Removes the memo when the top-level walk ends, also by unwinding.
    struct EndWalk;

    impl Drop for EndWalk {
        fn drop(&mut self) {
            let _ = VISITED.try_with(|visited| visited.borrow_mut().take());
        }
    }

    /// Runs `walk` as one walk; see [`realize_all_scope`](crate::realize_all_scope).
    ///
    /// While this thread's locals are being destroyed the memo is gone: the
    /// walk then goes on without one, as without `std`.
    #[inline]
    pub(in crate::realize_all) fn scope(walk: impl FnOnce()) {
        let _end = VISITED
            .try_with(|visited| start_walk(&mut visited.borrow_mut()))
            .ok()
            .flatten();
        walk();
    }

    /// Installs a memo if no walk is under way; the returned guard, if any, ends
    /// the walk when dropped.
    #[inline]
    fn start_walk(visited: &mut Option<Memo>) -> Option<EndWalk> {
        if visited.is_some() {
            return None;
        }
        *visited = Some(Memo::default());
        Some(EndWalk)
    }

    /// Runs a build with the walk under way set aside.
    ///
    /// A build may make and drop lazies of its own, and even walk them: their
    /// addresses are freed when the build returns and may be reused by the next
    /// build, so they must not enter the memo of the walk that outlives them. A
    /// walk started inside the build gets a memo of its own.
    pub(in crate::realize_all) fn outside_walk<R>(build: impl FnOnce() -> R) -> R {
        /// Puts the set-aside memo back, also when the build unwinds.
        struct Resume(Option<Memo>);

        impl Drop for Resume {
            fn drop(&mut self) {
                let memo = self.0.take();
                let _ = VISITED.try_with(|visited| *visited.borrow_mut() = memo);
            }
        }

        let set_aside = VISITED
            .try_with(|visited| visited.borrow_mut().take())
            .ok()
            .flatten();
        let _resume = Resume(set_aside);
        build()
    }

    /// Runs `walk` unless the shared node was already visited by the walk under way,
    /// starting a walk if none is. The node is recorded before `walk` runs, so a
    /// cycle back to it ends there (recording it after would recurse forever).
    /// Without the memo (while this thread's locals are being destroyed), every
    /// node is walked, as without `std`.
    #[inline]
    pub(in crate::realize_all) fn visit_once<N: RealizeAll + ?Sized>(
        node: &N,
        walk: impl FnOnce(),
    ) {
        // A leaf (`Rc<str>`) has nothing to walk: not remembered.
        if node.__lazy_holds_no_lazy() {
            return;
        }
        let key = (
            (node as *const N).cast::<()>().addr(),
            size_of_val(node),
            node.__lazy_walk_id(),
        );
        let (end, first) = VISITED
            .try_with(|visited| {
                let mut visited = visited.borrow_mut();
                let end = start_walk(&mut visited);
                let first = visited.as_mut().is_some_and(|memo| memo.insert(key));
                (end, first)
            })
            .unwrap_or((None, true));
        if first {
            walk();
        }
        drop(end);
    }
}

#[cfg(not(feature = "std"))]
mod without_std {
    #[inline]
    pub(in crate::realize_all) fn scope(walk: impl FnOnce()) {
        walk();
    }

    #[inline]
    pub(in crate::realize_all) fn outside_walk<R>(build: impl FnOnce() -> R) -> R {
        build()
    }

    #[inline]
    pub(in crate::realize_all) fn visit_once<N: crate::RealizeAll + ?Sized>(
        _node: &N,
        walk: impl FnOnce(),
    ) {
        walk();
    }
}
