//! Property: any sequence of calls on a lazy wrapper answers exactly as the
//! same calls on the eager value, and builds the value at most once (exactly
//! once if any call was made).

mod common;

use common::{Counted, counted};
use lazy_core::{Lazy, RealizeForward, forwardable};
use proptest::prelude::*;

#[forwardable]
pub trait Stack {
    fn push(&mut self, value: i32);
    fn pop(&mut self) -> Option<i32>;
    fn peek(&self) -> Option<&i32>;
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct VecStack(Vec<i32>);

impl Stack for VecStack {
    fn push(&mut self, value: i32) {
        self.0.push(value);
    }
    fn pop(&mut self) -> Option<i32> {
        self.0.pop()
    }
    fn peek(&self) -> Option<&i32> {
        self.0.last()
    }
    fn len(&self) -> usize {
        self.0.len()
    }
}

#[derive(RealizeForward)]
#[realize_forward(Stack)]
pub struct LazyStack(#[realize] Lazy<VecStack, Counted<VecStack>>);

#[derive(Clone, Debug)]
enum Op {
    Push(i32),
    Pop,
    Peek,
    Len,
    IsEmpty,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        any::<i32>().prop_map(Op::Push),
        Just(Op::Pop),
        Just(Op::Peek),
        Just(Op::Len),
        Just(Op::IsEmpty),
    ]
}

/// Applies `op` and returns what it answered, as text.
fn apply(stack: &mut impl Stack, op: &Op) -> String {
    match op {
        Op::Push(value) => {
            stack.push(*value);
            String::new()
        }
        Op::Pop => format!("{:?}", stack.pop()),
        Op::Peek => format!("{:?}", stack.peek()),
        Op::Len => stack.len().to_string(),
        Op::IsEmpty => stack.is_empty().to_string(),
    }
}

proptest! {
    #[test]
    fn lazy_answers_as_eager_and_builds_at_most_once(
        initial in proptest::collection::vec(any::<i32>(), 0..4),
        ops in proptest::collection::vec(op(), 0..24),
    ) {
        let mut eager = VecStack(initial.clone());
        let (cache, builds) = counted(move || VecStack(initial));
        let mut lazy = LazyStack(cache);
        for op in &ops {
            prop_assert_eq!(apply(&mut lazy, op), apply(&mut eager, op));
        }
        prop_assert_eq!(builds.get(), u32::from(!ops.is_empty()));
        let expected = (!ops.is_empty()).then_some(&eager);
        prop_assert_eq!(Lazy::get(&lazy.0), expected, "the built value went through the same calls");
    }
}
