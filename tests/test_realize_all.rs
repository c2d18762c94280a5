//! `RealizeAll` on std's containers and pointers: every lazy reached is
//! built, a shared node is built once and walked once, and cycles end.

use std::cell::{Cell, OnceCell};
use std::collections::{BTreeMap, HashMap, VecDeque};
use std::panic::AssertUnwindSafe;
use std::rc::Rc;
use std::sync::Arc;

use lazy_core::{Lazy, Realize, RealizeAll, realize_all_scope, sync};

thread_local! {
    static BUILDS: Cell<usize> = const { Cell::new(0) };
}

fn builds() -> usize {
    BUILDS.with(Cell::get)
}

fn counted(value: u32) -> Lazy<u32, Box<dyn FnOnce() -> u32>> {
    Lazy::new(Box::new(move || {
        BUILDS.with(|builds| builds.set(builds.get() + 1));
        value
    }))
}

type Counted = Lazy<u32, Box<dyn FnOnce() -> u32>>;

#[test]
fn realizes_every_lazy_in_std_containers() {
    let before = builds();
    let vec = vec![counted(1), counted(2)];
    let deque: VecDeque<_> = [counted(3)].into_iter().collect();
    let array = [counted(4), counted(5)];
    let boxed = Box::new(counted(6));
    let option = Some(counted(7));
    let none: Option<Counted> = None;
    let hash: HashMap<&str, _> = [("a", counted(8))].into_iter().collect();
    let btree: BTreeMap<u8, _> = [(1, counted(9))].into_iter().collect();
    let tuple = (counted(10), String::from("leaf"), 3_u8, counted(11));
    let slice: &[Counted] = &vec;

    slice.realize_all();
    (
        &deque, &array, &boxed, &option, &none, &hash, &btree, &tuple,
    )
        .realize_all();

    assert_eq!(builds() - before, 11);
    let all = vec
        .iter()
        .chain(&deque)
        .chain(&array)
        .chain([&*boxed, option.as_ref().unwrap(), &hash["a"], &btree[&1]])
        .chain([&tuple.0, &tuple.3]);
    for lazy in all {
        assert!(Lazy::is_realized(lazy));
    }
}

#[test]
fn realizes_lazies_nested_inside_lazies() {
    let inner = Rc::new(counted(1));
    let captured = Rc::clone(&inner);
    let outer: Lazy<Vec<Rc<Counted>>, _> = Lazy::new(move || vec![captured]);
    outer.realize_all();
    assert!(Lazy::is_realized(&outer));
    assert!(Lazy::is_realized(&inner));
}

/// A set element: ordered and hashed by its key, holding a lazy.
struct Keyed(u8, Rc<Counted>);

impl PartialEq for Keyed {
    fn eq(&self, other: &Self) -> bool {
        self.0 == other.0
    }
}
impl Eq for Keyed {}
impl std::hash::Hash for Keyed {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}
impl PartialOrd for Keyed {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Keyed {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.0.cmp(&other.0)
    }
}
impl RealizeAll for Keyed {
    fn realize_all(&self) {
        self.1.realize_all();
    }
}

#[test]
// `Keyed` hashes and compares by its `u8` alone: the lazy is not part of the key.
#[allow(clippy::mutable_key_type)]
fn sets_heaps_and_cows_are_walked() {
    use std::borrow::Cow;
    use std::collections::{BTreeSet, BinaryHeap, HashSet};
    let before = builds();
    let lazies: Vec<Rc<Counted>> = (0..5).map(|n| Rc::new(counted(n))).collect();
    let hash: HashSet<Keyed> = [Keyed(0, lazies[0].clone())].into_iter().collect();
    let ordered: BTreeSet<Keyed> = [Keyed(1, lazies[1].clone())].into_iter().collect();
    let heap: BinaryHeap<Keyed> = [Keyed(2, lazies[2].clone())].into_iter().collect();
    let cow: Cow<'_, [Rc<Counted>]> = Cow::Borrowed(&lazies[3..]);
    let text: Cow<'_, str> = Cow::Borrowed("leaf");
    (&hash, &ordered, &heap, &cow, &text).realize_all();
    assert_eq!(builds() - before, 5);
    assert!(lazies.iter().all(|lazy| Lazy::is_realized(lazy)));
}

#[test]
fn ranges_walk_both_ends_and_addresses_are_leaves() {
    use std::net::{Ipv4Addr, Ipv6Addr, SocketAddrV4, SocketAddrV6};
    let before = builds();
    let range = counted(1)..counted(2);
    let inclusive = counted(3)..=counted(4);
    range.realize_all();
    inclusive.realize_all();
    assert_eq!(builds() - before, 4);
    assert!(Lazy::is_realized(&range.start) && Lazy::is_realized(&range.end));
    assert!(Lazy::is_realized(inclusive.start()) && Lazy::is_realized(inclusive.end()));
    // Leaves, as `IpAddr` and `SocketAddr` are: a frame of spans and
    // addresses derives `RealizeAll` without a `skip`.
    let v4 = SocketAddrV4::new(Ipv4Addr::LOCALHOST, 80);
    let v6 = SocketAddrV6::new(Ipv6Addr::LOCALHOST, 80, 0, 0);
    (0usize..3, v4, v6, Ipv4Addr::LOCALHOST, Ipv6Addr::LOCALHOST).realize_all();
}

#[test]
fn twelve_tuple_is_walked() {
    let t = (
        counted(1),
        counted(2),
        counted(3),
        counted(4),
        counted(5),
        counted(6),
        counted(7),
        counted(8),
        counted(9),
        counted(10),
        counted(11),
        counted(12),
    );
    t.realize_all();
    assert!(Lazy::is_realized(&t.0) && Lazy::is_realized(&t.11));
}

/// A node whose value walks count how often they run.
#[derive(Clone)]
struct Walked {
    walks: Rc<Cell<usize>>,
}

impl RealizeAll for Walked {
    fn realize_all(&self) {
        self.walks.set(self.walks.get() + 1);
    }
}

#[test]
fn a_shared_node_is_built_and_walked_once_however_many_paths_reach_it() {
    let walks = Rc::new(Cell::new(0));
    let builds = Rc::new(Cell::new(0));
    let (w, b) = (Rc::clone(&walks), Rc::clone(&builds));
    let shared = Rc::new(Lazy::new(move || {
        b.set(b.get() + 1);
        Walked { walks: w }
    }));
    let frame = vec![
        vec![Rc::clone(&shared), Rc::clone(&shared)],
        vec![Rc::clone(&shared)],
    ];
    frame.realize_all();
    assert_eq!(builds.get(), 1);
    assert_eq!(walks.get(), 1, "one walk reaches the shared node once");

    // A new top-level walk walks it again (and still builds nothing).
    frame.realize_all();
    assert_eq!((builds.get(), walks.get()), (1, 2));
}

#[test]
fn arc_and_sync_lazies_are_walked() {
    let lazy = Arc::new(sync::Lazy::new(|| vec![1_u8, 2]));
    let both = (Arc::clone(&lazy), Arc::clone(&lazy));
    both.realize_all();
    assert_eq!(sync::Lazy::get(&lazy).map(Vec::len), Some(2));
}

type NodeLazy = Lazy<Node, Box<dyn FnOnce() -> Node>>;

/// A tracker that can point back at itself once built.
struct Node {
    next: Option<Rc<NodeLazy>>,
}

impl RealizeAll for Node {
    fn realize_all(&self) {
        self.next.realize_all();
    }
}

#[test]
fn a_cycle_through_lazies_ends() {
    let slot: Rc<OnceCell<Rc<NodeLazy>>> = Rc::new(OnceCell::new());
    let inner = Rc::clone(&slot);
    let a: Rc<NodeLazy> = Rc::new(Lazy::new(Box::new(move || Node {
        next: inner.get().cloned(),
    })));
    let _ = slot.set(Rc::clone(&a));
    a.realize_all();
    let next = a
        .realize()
        .next
        .as_ref()
        .expect("the node points at itself");
    assert!(Rc::ptr_eq(next, &a));
    // Break the cycle so the test does not leak.
    drop(slot);
}

#[test]
fn a_panicking_build_ends_the_walk_and_the_next_walk_starts_fresh() {
    let walks = Rc::new(Cell::new(0));
    let w = Rc::clone(&walks);
    let shared = Rc::new(Lazy::new(move || Walked { walks: w }));
    let broken: Lazy<Walked> = Lazy::new(|| panic!("builder failed"));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        (Rc::clone(&shared), &broken).realize_all()
    }));
    assert!(result.is_err());
    assert_eq!(walks.get(), 1);
    // The memo of the failed walk is gone: this walk reaches the node again.
    vec![Rc::clone(&shared)].realize_all();
    assert_eq!(walks.get(), 2);
}

#[test]
fn realize_all_scope_shares_one_memo_across_children() {
    let walks = Rc::new(Cell::new(0));
    let w = Rc::clone(&walks);
    let shared = Rc::new(Lazy::new(move || Walked { walks: w }));
    realize_all_scope(|| {
        shared.realize_all();
        shared.realize_all();
    });
    assert_eq!(walks.get(), 1);
}

/// A range has two children, as a pair has: a node that both ends share
/// is walked once per top-level walk of the range.
#[test]
fn a_node_shared_by_both_ends_of_a_range_is_walked_once() {
    let walks = Rc::new(Cell::new(0));
    let w = Rc::clone(&walks);
    let shared = Rc::new(Lazy::new(move || Walked { walks: w }));
    let range = Rc::clone(&shared)..Rc::clone(&shared);
    range.realize_all();
    assert_eq!(
        walks.get(),
        1,
        "one walk of the range reaches the node once"
    );
    let inclusive = Rc::clone(&shared)..=Rc::clone(&shared);
    inclusive.realize_all();
    assert_eq!(
        walks.get(),
        2,
        "one walk of the range reaches the node once"
    );
}

/// A borrowed `Cow` is a shared reference, as `&` is: a node it borrows and
/// that another path reaches too is walked once per top-level walk.
#[test]
fn a_node_borrowed_by_cows_is_walked_once() {
    use std::borrow::Cow;
    let walks = Rc::new(Cell::new(0));
    let node = Walked {
        walks: Rc::clone(&walks),
    };
    (Cow::Borrowed(&node), Cow::Borrowed(&node)).realize_all();
    assert_eq!(walks.get(), 1, "one walk reaches the borrowed node once");
    (&node, Cow::Borrowed(&node)).realize_all();
    assert_eq!(walks.get(), 2, "a `&` and a borrowed `Cow` are one path");
    let owned: Cow<'_, Walked> = Cow::Owned(node.clone());
    (&owned, &node).realize_all();
    assert_eq!(walks.get(), 4, "an owned `Cow` holds a node of its own");
}

#[test]
fn a_lazy_at_offset_zero_of_another_lazys_value_is_still_realized() {
    // Regression: the memo keyed lazies by their own address, which a lazy at
    // the start of the outer lazy's value can share.
    let outer: sync::Lazy<sync::Lazy<u128>> = sync::Lazy::new(|| sync::Lazy::new(|| 1));
    outer.realize_all();
    assert!(sync::Lazy::is_realized(outer.realize()));

    #[repr(C, align(16))]
    struct Padded {
        first: Lazy<u64>,
        second: u8,
    }
    impl RealizeAll for Padded {
        fn realize_all(&self) {
            self.first.realize_all();
        }
    }
    let outer: Lazy<Padded> = Lazy::new(|| Padded {
        first: Lazy::new(|| 2),
        second: 0,
    });
    outer.realize_all();
    assert!(Lazy::is_realized(&outer.realize().first));
    assert_eq!(outer.realize().second, 0);
}

#[test]
fn lazies_walked_inside_builds_do_not_hide_later_ones_at_the_same_address() {
    // Regression: a build that walks a temporary lazy left its address in
    // the memo of the outer walk; the next build's temporary, at the same
    // stack address, was then skipped.
    fn build() -> u32 {
        let helper: Lazy<u32> = Lazy::new(|| 5);
        helper.realize_all();
        Lazy::get(&helper).copied().unwrap_or(0)
    }
    let frame: Vec<Lazy<u32>> = vec![Lazy::new(build), Lazy::new(build), Lazy::new(build)];
    frame.realize_all();
    let values: Vec<Option<u32>> = frame.iter().map(|lazy| Lazy::get(lazy).copied()).collect();
    assert_eq!(values, [Some(5), Some(5), Some(5)]);
}

#[test]
fn a_value_and_its_first_field_by_reference_are_both_walked() {
    #[repr(C)] // `locals` first: at `frame`'s own address
    struct Frame {
        locals: Vec<Counted>,
        globals: Vec<Counted>,
    }
    impl RealizeAll for Frame {
        fn realize_all(&self) {
            realize_all_scope(|| {
                self.locals.realize_all();
                self.globals.realize_all();
            });
        }
    }
    let frame = Frame {
        locals: vec![counted(1)],
        globals: vec![counted(2)],
    };
    // `frame.locals` may sit at `frame`'s address: the walk must still see
    // `frame` as a node of its own.
    (&frame.locals, &frame).realize_all();
    assert!(frame.globals.iter().all(Lazy::is_realized));
}

/// A struct of one field shares its field's address and size: the walk tells
/// them apart by their walks, so a struct whose walk skips the field does not
/// hide it, in either order, by reference or behind `dyn RealizeAll`.
#[test]
fn a_struct_and_its_only_field_are_both_walked() {
    struct Frame {
        locals: Vec<Counted>,
    }
    impl RealizeAll for Frame {
        fn realize_all(&self) {
            // As `#[realize_all(skip)]` on the field: this walk leaves it.
        }
    }
    let frame = Frame {
        locals: vec![counted(1)],
    };
    (&frame, &frame.locals).realize_all();
    assert!(frame.locals.iter().all(Lazy::is_realized));

    let frame = Frame {
        locals: vec![counted(2)],
    };
    let nodes: [&dyn RealizeAll; 2] = [&frame, &frame.locals];
    nodes.realize_all();
    assert!(frame.locals.iter().all(Lazy::is_realized));
}

/// A zero-sized node is remembered too (its type's walk keeps it apart from
/// other zero-sized nodes at its address): a cycle through it ends, even where
/// its node with data is reached directly, not through a pointer.
#[test]
fn a_cycle_through_a_zero_sized_node_ends() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static WALKS: AtomicUsize = AtomicUsize::new(0);
    static HOLDER: sync::Lazy<Arc<Node>> = sync::Lazy::new(|| Arc::new(Node));
    struct Node;
    impl RealizeAll for Node {
        fn realize_all(&self) {
            WALKS.fetch_add(1, Ordering::Relaxed);
            HOLDER.realize_all();
        }
    }
    // Node, through its reference; HOLDER's Arc of it; HOLDER's again, which
    // the walk remembers. Before the memory took zero-sized nodes, this
    // overflowed the stack.
    <&Node as RealizeAll>::realize_all(&&Node);
    assert_eq!(WALKS.load(Ordering::Relaxed), 2);
}

type BackLazy<'a> = Lazy<Back<'a>, Box<dyn FnOnce() -> Back<'a> + 'a>>;

/// A node that points back at the lazy holding it, through a reference.
struct Back<'a> {
    me: &'a OnceCell<&'a BackLazy<'a>>,
    walks: &'a Cell<usize>,
}

impl RealizeAll for Back<'_> {
    fn realize_all(&self) {
        self.walks.set(self.walks.get() + 1);
        if let Some(me) = self.me.get() {
            <&BackLazy<'_> as RealizeAll>::realize_all(me);
        }
    }
}

#[test]
fn a_cycle_through_references_ends() {
    // A node that refers to its own lazy must outlive the borrow: leak the
    // three pieces for the test's duration.
    let slot: &'static OnceCell<&'static BackLazy<'static>> = Box::leak(Box::default());
    let walks: &'static Cell<usize> = Box::leak(Box::default());
    let seed: Box<dyn FnOnce() -> Back<'static>> = Box::new(|| Back { me: slot, walks });
    let lazy: &'static BackLazy<'static> = Box::leak(Box::new(Lazy::new(seed)));
    let _ = slot.set(lazy);
    lazy.realize_all();
    // Walked from the top, then once more through the reference, which the
    // walk remembers: the cycle ends there.
    assert_eq!(walks.get(), 2);
}

/// Distinct zero-sized nodes share an address (`0x1`): each is walked, not
/// taken for the one before.
#[test]
fn distinct_zero_sized_nodes_are_each_walked() {
    static GLOBALS: sync::Lazy<u8> = sync::Lazy::new(|| 1);
    static BUILTINS: sync::Lazy<u8> = sync::Lazy::new(|| 2);
    struct Globals;
    struct Builtins;
    impl RealizeAll for Globals {
        fn realize_all(&self) {
            GLOBALS.realize();
        }
    }
    impl RealizeAll for Builtins {
        fn realize_all(&self) {
            BUILTINS.realize();
        }
    }
    let (globals, builtins) = (&Globals, &Builtins);
    (Rc::new(globals), Rc::new(builtins)).realize_all();
    assert!(sync::Lazy::get(&GLOBALS).is_some());
    assert!(sync::Lazy::get(&BUILTINS).is_some());
}

/// While a thread's locals are destroyed, a walk goes on without its memory
/// (as without `std`) instead of panicking out of a destructor.
#[test]
fn a_walk_while_locals_are_destroyed_builds_without_its_memory() {
    struct WalkOnDrop(std::sync::mpsc::Sender<bool>);
    impl Drop for WalkOnDrop {
        fn drop(&mut self) {
            let shared = Rc::new(Lazy::new(|| 3_u32));
            let walked = std::panic::catch_unwind(AssertUnwindSafe(|| {
                vec![Rc::clone(&shared), Rc::clone(&shared)].realize_all();
            }))
            .is_ok();
            let _ = self.0.send(walked && Lazy::is_realized(&shared));
        }
    }
    thread_local! {
        static ON_EXIT: std::cell::RefCell<Option<WalkOnDrop>> =
            const { std::cell::RefCell::new(None) };
    }
    let (sent, walked) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        // Registered before the walk's memory, so destroyed after it.
        ON_EXIT.with(|slot| *slot.borrow_mut() = Some(WalkOnDrop(sent)));
        vec![Rc::new(Lazy::new(|| 1_u32))].realize_all();
    })
    .join()
    .expect("the thread ends");
    assert_eq!(walked.recv(), Ok(true));
}
