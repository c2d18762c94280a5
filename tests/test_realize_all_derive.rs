//! `#[derive(RealizeAll)]` on user types: Dynamo's `realize_all` over the
//! fields of trackers, with `#[realize_all(skip)]` for non-var fields.

use std::cell::Cell;
use std::collections::HashMap;
use std::rc::Rc;

use lazy_core::{Lazy, RealizeAll};

type Tracker = Lazy<String, Box<dyn FnOnce() -> String>>;

fn tracker(text: &'static str) -> Tracker {
    Lazy::new(Box::new(move || text.to_owned()))
}

/// Not a tracker and without `RealizeAll`: must be skipped.
struct Guards(#[allow(dead_code)] Vec<&'static str>);

#[derive(RealizeAll)]
struct Frame {
    locals: HashMap<&'static str, Tracker>,
    stack: Vec<Tracker>,
    depth: usize,
    name: String,
    #[realize_all(skip)]
    _guards: Guards,
    #[realize_all(skip)]
    not_walked: Tracker,
}

#[test]
fn struct_fields_are_walked_and_skipped_fields_are_not() {
    let frame = Frame {
        locals: [("x", tracker("1"))].into_iter().collect(),
        stack: vec![tracker("2"), tracker("3")],
        depth: 1,
        name: String::from("f"),
        _guards: Guards(vec!["TYPE_MATCH"]),
        not_walked: tracker("4"),
    };
    frame.realize_all();
    assert!(Lazy::is_realized(&frame.locals["x"]));
    assert!(frame.stack.iter().all(Lazy::is_realized));
    assert!(
        !Lazy::is_realized(&frame.not_walked),
        "skipped fields are Dynamo's _nonvar_fields: never realized"
    );
    assert_eq!((frame.depth, frame.name.as_str()), (1, "f"));
}

#[derive(RealizeAll)]
enum Value {
    Leaf(Tracker),
    Pair(Tracker, #[realize_all(skip)] Tracker),
    Named {
        items: Vec<Value>,
        #[realize_all(skip)]
        label: Tracker,
    },
    Empty,
}

#[test]
fn enum_variants_walk_their_own_fields() {
    let value = Value::Named {
        items: vec![
            Value::Leaf(tracker("a")),
            Value::Pair(tracker("b"), tracker("c")),
            Value::Empty,
        ],
        label: tracker("d"),
    };
    value.realize_all();
    let Value::Named { items, label } = &value else {
        unreachable!()
    };
    assert!(!Lazy::is_realized(label));
    let Value::Leaf(a) = &items[0] else {
        unreachable!()
    };
    let Value::Pair(b, c) = &items[1] else {
        unreachable!()
    };
    assert!(Lazy::is_realized(a));
    assert!(Lazy::is_realized(b));
    assert!(!Lazy::is_realized(c));
}

#[derive(RealizeAll)]
struct Generic<T, U: Clone> {
    walked: Vec<T>,
    #[realize_all(skip)]
    _skipped: U,
}

#[test]
fn generic_fields_get_bounds_only_where_walked() {
    /// Clone but not RealizeAll: fine, since it is skipped.
    #[derive(Clone)]
    struct Opaque;
    let g = Generic {
        walked: vec![tracker("x")],
        _skipped: Opaque,
    };
    g.realize_all();
    assert!(Lazy::is_realized(&g.walked[0]));
}

#[derive(RealizeAll)]
struct Tuple(Rc<Tracker>, Rc<Tracker>);

/// A node that counts how often a walk reaches it.
struct Counted(Rc<Cell<usize>>);

impl RealizeAll for Counted {
    fn realize_all(&self) {
        self.0.set(self.0.get() + 1);
    }
}

type CountedLazy = Lazy<Counted, Box<dyn FnOnce() -> Counted>>;

#[derive(RealizeAll)]
struct Shared {
    left: Rc<CountedLazy>,
    right: Vec<Rc<CountedLazy>>,
}

#[test]
fn a_node_shared_by_two_fields_is_walked_once() {
    let walks = Rc::new(Cell::new(0));
    let w = Rc::clone(&walks);
    let shared: Rc<CountedLazy> = Rc::new(Lazy::new(Box::new(move || Counted(w))));
    let frame = Shared {
        left: Rc::clone(&shared),
        right: vec![Rc::clone(&shared), Rc::clone(&shared)],
    };
    frame.realize_all();
    assert_eq!(
        walks.get(),
        1,
        "the derived walk shares one memo across fields"
    );

    let pair = Tuple(Rc::new(tracker("t")), Rc::new(tracker("u")));
    pair.realize_all();
    assert!(Lazy::is_realized(&pair.0) && Lazy::is_realized(&pair.1));
}

#[derive(RealizeAll)]
enum Expr<T> {
    Leaf(Lazy<T, Box<dyn FnOnce() -> T>>),
    Neg(Box<Expr<T>>),
    Add(Vec<Expr<T>>),
}

#[test]
fn recursive_generic_types_can_be_walked() {
    // Regression: the derive bounded `Box<Expr<T>>: RealizeAll`, which asks
    // for the impl being defined, so the impl never applied.
    let expr: Expr<u32> = Expr::Add(vec![
        Expr::Neg(Box::new(Expr::Leaf(Lazy::new(Box::new(|| 1))))),
        Expr::Leaf(Lazy::new(Box::new(|| 2))),
    ]);
    expr.realize_all();
    let Expr::Add(items) = &expr else {
        unreachable!()
    };
    let Expr::Neg(inner) = &items[0] else {
        unreachable!()
    };
    let (Expr::Leaf(deep), Expr::Leaf(shallow)) = (&**inner, &items[1]) else {
        unreachable!()
    };
    assert!(Lazy::is_realized(deep) && Lazy::is_realized(shallow));
}

/// A type named like the one derived, from another module: not the type
/// itself, so it is bounded like any other field (before, it was taken for
/// the type itself and left unbounded, and `T` lacked its bound).
mod named_alike {
    use lazy_core::{Lazy, RealizeAll};

    mod raw {
        use lazy_core::{Lazy, RealizeAll};

        #[derive(RealizeAll)]
        pub struct Frame<T> {
            pub locals: Vec<Lazy<T>>,
        }
    }

    #[derive(RealizeAll)]
    struct Frame<T> {
        inner: raw::Frame<T>,
        /// `Self` is the type itself, as its name is: no bound (it would ask
        /// for the impl being defined), though the field names `T`.
        parent: Option<(Box<Self>, std::marker::PhantomData<T>)>,
    }

    #[test]
    fn a_type_named_like_the_derived_one_is_not_taken_for_it() {
        let frame = Frame {
            inner: raw::Frame {
                locals: vec![Lazy::<u32>::new(|| 1)],
            },
            parent: Some((
                Box::new(Frame {
                    inner: raw::Frame {
                        locals: vec![Lazy::new(|| 2)],
                    },
                    parent: None,
                }),
                std::marker::PhantomData,
            )),
        };
        frame.realize_all();
        assert!(Lazy::is_realized(&frame.inner.locals[0]));
        let (parent, _) = frame.parent.as_ref().expect("set above");
        assert!(Lazy::is_realized(&parent.inner.locals[0]));
    }
}

/// A graph linked through `RefCell<Option<Rc<Node>>>`, the usual shape of a
/// mutable graph: each node is walked in a shared borrow of its cell, and the
/// cycle back to the first ends at its `Rc`.
#[test]
fn a_graph_linked_through_cells_is_walked_and_its_cycle_ends() {
    use std::cell::{OnceCell, RefCell};
    use std::sync::OnceLock;

    #[derive(RealizeAll)]
    struct Node {
        value: Lazy<u32, Box<dyn FnOnce() -> u32>>,
        next: RefCell<Option<Rc<Node>>>,
        memo: OnceCell<Lazy<u32>>,
        shared: OnceLock<Lazy<u32>>,
    }

    let node = |value: u32| {
        Rc::new(Node {
            value: Lazy::new(Box::new(move || value)),
            next: RefCell::new(None),
            memo: OnceCell::new(),
            shared: OnceLock::new(),
        })
    };
    let (first, second) = (node(1), node(2));
    *first.next.borrow_mut() = Some(Rc::clone(&second));
    *second.next.borrow_mut() = Some(Rc::clone(&first));
    let _ = second.memo.set(Lazy::new(|| 3));
    let _ = second.shared.set(Lazy::new(|| 4));
    first.realize_all();
    assert_eq!(Lazy::get(&first.value), Some(&1));
    assert_eq!(Lazy::get(&second.value), Some(&2));
    assert!(second.memo.get().is_some_and(Lazy::is_realized));
    assert!(second.shared.get().is_some_and(Lazy::is_realized));
    // Break the cycle so the nodes are freed.
    first.next.borrow_mut().take();
}

/// A walk that reaches a cell borrowed mutably says which cell, rather than
/// leaving what it holds unbuilt.
#[test]
fn a_walk_reaching_a_mutably_borrowed_cell_panics_saying_so() {
    use std::cell::RefCell;

    let cell = RefCell::new(vec![Lazy::new(|| 1_u32)]);
    let guard = cell.borrow_mut();
    let panic = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| cell.realize_all()))
        .expect_err("the walk cannot borrow the cell");
    drop(guard);
    let message = panic.downcast_ref::<String>().expect("a formatted message");
    assert!(
        message.starts_with(
            "realize_all reached a `RefCell<alloc::vec::Vec<lazy_core::unsync::Lazy<u32"
        ) && message.ends_with("that is mutably borrowed: end that borrow before the walk"),
        "{message}"
    );
    cell.realize_all();
    assert!(cell.borrow().iter().all(Lazy::is_realized));
}
