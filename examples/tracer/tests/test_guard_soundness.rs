//! The lazy run's guards are exactly what its result depends on: two
//! frames that give a program different results must not give it the same
//! guards (else the trace of one would be reused for the other), and the
//! lazy and the eager run agree on the result.

use std::collections::BTreeSet;

use lazy_tracer::builder::Mode;
use lazy_tracer::run::{Input, Run, parse_frame, parse_program, run_mode};

fn input(frame: &str, program: &str) -> Input {
    Input {
        frame: parse_frame("f.json", frame).expect("the frame parses"),
        frame_name: "f.json".into(),
        program: parse_program("p", program).expect("the program parses"),
        program_name: "p".into(),
    }
}

/// The lazy run, after checking that the eager run returns the same.
fn lazy_run(frame: &str, program: &str) -> Run {
    let input = input(frame, program);
    let lazy = run_mode(&input, Mode::Lazy).expect("the lazy trace succeeds");
    let eager = run_mode(&input, Mode::Eager).expect("the eager trace succeeds");
    assert_eq!(lazy.returned, eager.returned, "{program}");
    lazy
}

/// The lazy run's guards, as `KIND SOURCE DETAIL`.
fn guards(run: &Run) -> BTreeSet<String> {
    run.guards
        .iter()
        .map(|g| format!("{} {} {}", g.kind, g.source, g.detail))
        .collect()
}

/// `program` returns `want_a` over `frame_a` and `want_b` over `frame_b`
/// (two different values), so the lazy run over `frame_a` must install a
/// guard that `frame_b` fails, and the other way round. Every guard a run
/// installs holds of its own frame, so neither run's guards may be among
/// the other's: if `frame_a`'s all were among `frame_b`'s, they would all
/// hold of `frame_b`, and the trace of `frame_a` would be reused for it.
fn assert_guards_tell_apart(
    frame_a: &str,
    frame_b: &str,
    program: &str,
    want_a: &str,
    want_b: &str,
) -> BTreeSet<String> {
    let (a, b) = (lazy_run(frame_a, program), lazy_run(frame_b, program));
    assert_eq!(a.returned, [want_a], "{program}");
    assert_eq!(b.returned, [want_b], "{program}");
    let (guards_a, guards_b) = (guards(&a), guards(&b));
    assert!(
        !guards_a.is_subset(&guards_b),
        "{program}: the first frame's guards {guards_a:?} all hold of the second, {guards_b:?}"
    );
    assert!(
        !guards_b.is_subset(&guards_a),
        "{program}: the second frame's guards {guards_b:?} all hold of the first, {guards_a:?}"
    );
    guards_a
}

/// `program` returns `want` over both frames, which differ only in what
/// its answer does not depend on: the lazy runs install the same guards,
/// so every guard of either frame holds of the other, and the trace of one
/// is reused for the other. Returns those guards.
fn assert_same_guards(frame_a: &str, frame_b: &str, program: &str, want: &str) -> BTreeSet<String> {
    let (a, b) = (lazy_run(frame_a, program), lazy_run(frame_b, program));
    assert_eq!(a.returned, [want], "{program}");
    assert_eq!(b.returned, [want], "{program}");
    let (guards_a, guards_b) = (guards(&a), guards(&b));
    assert_eq!(guards_a, guards_b, "{program}");
    guards_a
}

#[test]
fn isinstance_of_a_class_named_by_a_global_guards_the_global() {
    // `Linear` in `isinstance(x, Linear)` is Python's LOAD_GLOBAL: another
    // frame's global of that name may hold another class.
    let frame = |class: &str| {
        format!(
            r#"{{"locals": {{"obj": {{"$object": "Linear"}}}},
                "globals": {{"Linear": {{"$class": "{class}"}}}}}}"#
        )
    };
    let program = "r = isinstance(L['obj'], Linear)\nreturn r\n";
    let guards = assert_guards_tell_apart(
        &frame("Linear"),
        &frame("Conv"),
        program,
        "ConstantVariable(True)",
        "ConstantVariable(False)",
    );
    // The same guard as `isinstance(L['obj'], G['Linear'])` installs.
    assert!(
        guards.contains("ID_MATCH G['Linear'] <class 'Linear'>"),
        "{guards:?}"
    );
    let spelled_out = lazy_run(
        &frame("Linear"),
        "r = isinstance(L['obj'], G['Linear'])\nreturn r\n",
    );
    assert_eq!(self::guards(&spelled_out), guards);
}

#[test]
fn a_global_named_as_a_builtin_type_shadows_it_in_isinstance() {
    // `float` in `isinstance(x, float)` is Python's LOAD_GLOBAL too: the
    // frame's global of that name, if there is one, else the builtin.
    let frame = |globals: &str| {
        format!(
            r#"{{"locals": {{"x": 1.5, "obj": {{"$object": "Linear"}}}},
                "globals": {{{globals}}}}}"#
        )
    };
    let builtin = frame("");
    let shadowed = frame(r#""float": {"$class": "Linear"}"#);
    let program = "r = isinstance(L['x'], float)\nreturn r\n";
    let guards = assert_guards_tell_apart(
        &builtin,
        &shadowed,
        program,
        "ConstantVariable(True)",
        "ConstantVariable(False)",
    );
    // The builtin's answer holds only while no global shadows it.
    assert_eq!(
        guards,
        BTreeSet::from([
            "DICT_CONTAINS G has no 'float'".to_string(),
            "TYPE_MATCH L['x'] float".to_string(),
        ])
    );
    // The global's answer depends on which class it holds: guarded as
    // `isinstance(L['x'], G['float'])` guards it.
    let shadowing = guards_of(&shadowed, program);
    assert!(
        shadowing.contains("ID_MATCH G['float'] <class 'Linear'>"),
        "{shadowing:?}"
    );
    assert_eq!(
        shadowing,
        guards_of(&shadowed, "r = isinstance(L['x'], G['float'])\nreturn r\n")
    );
    assert_guards_tell_apart(
        &shadowed,
        &frame(r#""float": {"$class": "float"}"#),
        program,
        "ConstantVariable(False)",
        "ConstantVariable(True)",
    );
    // An instance of the class the global holds, not of the builtin.
    let object = "r = isinstance(L['obj'], float)\nreturn r\n";
    assert_guards_tell_apart(
        &builtin,
        &shadowed,
        object,
        "ConstantVariable(False)",
        "ConstantVariable(True)",
    );
    // A builtin type the global holds (`float = int`), and a tuple of types.
    let int = frame(r#""float": {"$builtin": "int"}"#);
    assert_eq!(
        lazy_run(&int, program).returned,
        ["ConstantVariable(False)"]
    );
    let one = "r = isinstance(1, float)\nreturn r\n";
    assert_eq!(lazy_run(&int, one).returned, ["ConstantVariable(True)"]);
    let tuple = frame(r#""float": {"$tuple": [{"$builtin": "str"}, {"$class": "Linear"}]}"#);
    assert_eq!(
        lazy_run(&tuple, object).returned,
        ["ConstantVariable(True)"]
    );
    assert_eq!(
        lazy_run(&tuple, program).returned,
        ["ConstantVariable(False)"]
    );
    // What the trace stores to the global is what the name reads after.
    let stored = "G['float'] = int\nr = isinstance(1, float)\nreturn r\n";
    let stored_run = lazy_run(&builtin, stored);
    assert_eq!(stored_run.returned, ["ConstantVariable(True)"]);
    let stored_guards = self::guards(&stored_run);
    assert!(
        !stored_guards.iter().any(|g| g.starts_with("DICT_CONTAINS")),
        "{stored_guards:?}"
    );
    // A local (a name the program assigned) comes before either.
    let local = "float = G['Linear']\nr = isinstance(L['obj'], float)\nreturn r\n";
    let with_linear = frame(r#""Linear": {"$class": "Linear"}"#);
    assert_eq!(
        lazy_run(&with_linear, local).returned,
        ["ConstantVariable(True)"]
    );
}

#[test]
fn hasattr_of_an_object_guards_whether_it_has_the_attribute() {
    // An object's own attributes are its instance's, not its class's: the
    // `TYPE_MATCH` on its class does not tell whether it has one.
    let with_bias = r#"{"locals": {"obj": {"$object": "Linear", "bias": 1}}}"#;
    let without = r#"{"locals": {"obj": {"$object": "Linear"}}}"#;
    let program = "r = hasattr(L['obj'], 'bias')\nreturn r\n";
    let guards = assert_guards_tell_apart(
        with_bias,
        without,
        program,
        "ConstantVariable(True)",
        "ConstantVariable(False)",
    );
    assert_eq!(
        guards,
        BTreeSet::from([
            "TYPE_MATCH L['obj'] Linear".to_string(),
            "HASATTR L['obj'] has 'bias'".to_string(),
        ])
    );
    let absent = guards_of(without, program);
    assert!(
        absent.contains("HASATTR L['obj'] has no 'bias'"),
        "{absent:?}"
    );
    // The attribute's value is not used: never built, nor guarded.
    assert!(!guards.iter().any(|g| g.contains(".bias")), "{guards:?}");
    // An attribute every object has (`__class__`) is the class's: the
    // `TYPE_MATCH` tells it, and no more is guarded.
    let every = guards_of(without, "r = hasattr(L['obj'], '__class__')\nreturn r\n");
    assert_eq!(
        every,
        BTreeSet::from(["TYPE_MATCH L['obj'] Linear".to_string()])
    );
    // A copy under another source is the frame's object: guarded where it
    // was built from.
    let copied = guards_of(
        with_bias,
        "G['o'] = L['obj']\nr = hasattr(G['o'], 'bias')\nreturn r\n",
    );
    assert!(copied.contains("HASATTR L['obj'] has 'bias'"), "{copied:?}");
}

fn guards_of(frame: &str, program: &str) -> BTreeSet<String> {
    guards(&lazy_run(frame, program))
}

/// A dict's `DICT_KEYS` guard checks all its keys, and its text says so:
/// it wrote the first three and the count (`keys == ['a', 'b', 'c', ...]
/// (4 keys)`), which read the same for two dicts whose fourth keys differ,
/// so that `'x' in L['d']`, `True` of one and `False` of the other, had the
/// same guards. It now says how many keys it does not write out, and ends
/// with a hash of them all.
#[test]
fn dict_keys_guard_says_how_many_keys_it_leaves_out_and_tells_them_apart() {
    let frame = |keys: &str| format!(r#"{{"locals": {{"d": {{{keys}}}}}}}"#);
    let with_x = frame(r#""a": 1, "b": 2, "c": 3, "x": 4"#);
    let with_y = frame(r#""a": 1, "b": 2, "c": 3, "y": 4"#);
    let program = "r = 'x' in L['d']\nreturn r\n";
    assert_guards_tell_apart(
        &with_x,
        &with_y,
        program,
        "ConstantVariable(True)",
        "ConstantVariable(False)",
    );
    let printed = |frame: &str| -> String {
        let run = lazy_run(frame, program);
        let line = run.guards.iter().find(|g| g.detail.starts_with("keys == "));
        line.expect("a DICT_KEYS guard").to_string()
    };
    // Up to three keys, all written out.
    assert_eq!(
        printed(&frame(r#""x": 1"#)),
        "DICT_KEYS      L['d'] keys == ['x'] (1 key)"
    );
    assert_eq!(
        printed(&frame(r#""a": 1, "b": 2, "x": 3"#)),
        "DICT_KEYS      L['d'] keys == ['a', 'b', 'x'] (3 keys)"
    );
    // Past three, how many more, and a hash of all of them, in order.
    let shown =
        "DICT_KEYS      L['d'] keys == ['a', 'b', 'c', ... and 1 more] (4 keys, hash of all 0x";
    let (x, y) = (printed(&with_x), printed(&with_y));
    for line in [&x, &y] {
        let hash = line
            .strip_prefix(shown)
            .and_then(|rest| rest.strip_suffix(')'))
            .unwrap_or_else(|| panic!("{line}"));
        assert!(
            hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()),
            "{line}"
        );
    }
    assert_ne!(x, y);
    // The same keys in another order are another guard, as in Dynamo
    // (`list(d.keys()) == [...]`); the same dict, the same text every run.
    assert_ne!(
        printed(&frame(r#""a": 1, "b": 2, "c": 3, "x": 4, "y": 5"#)),
        printed(&frame(r#""a": 1, "b": 2, "c": 3, "y": 5, "x": 4"#))
    );
    assert_eq!(x, printed(&with_x));
    let many = frame(
        &(0..10)
            .map(|i| format!(r#""k{i}": {i}"#))
            .collect::<Vec<_>>()
            .join(", "),
    );
    assert!(
        printed(&many)
            .starts_with("DICT_KEYS      L['d'] keys == ['k0', 'k1', 'k2', ... and 7 more] (10 keys, hash of all 0x"),
        "{}",
        printed(&many)
    );
}

/// `hasattr(x, name)` of a constant, a list, a tuple or a dict depends on
/// `x`'s type alone (none of them has attributes of its own), and is
/// guarded by it: it built `x`, guarding its value (`CONSTANT_MATCH`), its
/// length or its keys, so a frame whose `x` had another value of the same
/// type failed the guards and was traced again for the same answer.
#[test]
fn hasattr_of_a_constant_or_a_container_guards_its_type_alone() {
    let frame = |x: &str| format!(r#"{{"locals": {{"x": {x}}}}}"#);
    let upper = "r = hasattr(L['x'], 'upper')\nreturn r\n";
    let append = "r = hasattr(L['x'], 'append')\nreturn r\n";
    let is_integer = "r = hasattr(L['x'], 'is_integer')\nreturn r\n";
    // Values of types with and without the attribute: told apart.
    let true_false = ["ConstantVariable(True)", "ConstantVariable(False)"];
    for (a, b, program) in [
        (r#""ab""#, "3", upper),
        ("1.5", "3", is_integer),
        ("[1, 2]", r#"{"$tuple": [1, 2]}"#, append),
        ("[]", r#"{"a": 1}"#, append),
    ] {
        let guards =
            assert_guards_tell_apart(&frame(a), &frame(b), program, true_false[0], true_false[1]);
        assert_eq!(guards.len(), 1, "{program}: {guards:?}");
    }
    // Values of one type: the same guard, its type.
    for (a, b, program, want, ty) in [
        (r#""ab""#, r#""a longer string""#, upper, "True", "str"),
        ("3", "-70", upper, "False", "int"),
        ("1.5", "2.0", is_integer, "True", "float"),
        ("true", "false", is_integer, "False", "bool"),
        ("[1, 2]", r#"["a", [3], 4.5]"#, append, "True", "list"),
        (
            r#"{"$tuple": [1]}"#,
            r#"{"$tuple": []}"#,
            append,
            "False",
            "tuple",
        ),
        (
            r#"{"a": 1}"#,
            r#"{"b": 2, "c": 3}"#,
            append,
            "False",
            "dict",
        ),
    ] {
        let want = format!("ConstantVariable({want})");
        assert_eq!(
            assert_same_guards(&frame(a), &frame(b), program, &want),
            BTreeSet::from([format!("TYPE_MATCH L['x'] {ty}")]),
            "{program} over {a} and {b}"
        );
    }
}

/// `isinstance(x, tuple)` and `x is None` depend on `x`'s type alone
/// (`None` is the one value of its type), and are guarded by it: they
/// built `x`, guarding a tuple's or a list's length (`LEN_CHECK`), a
/// dict's keys, so a frame whose `x` had another length failed the guards
/// and was traced again for the same answer.
#[test]
fn isinstance_and_is_none_guard_the_type_alone() {
    let frame = |x: &str| format!(r#"{{"locals": {{"x": {x}}}}}"#);
    let tuple = "r = isinstance(L['x'], tuple)\nreturn r\n";
    let none = "r = L['x'] is None\nreturn r\n";
    let not_none = "r = L['x'] is not None\nreturn r\n";
    let (yes, no) = ("ConstantVariable(True)", "ConstantVariable(False)");
    // Values of other types: other answers, guards that tell them apart.
    for (a, b, program) in [
        (r#"{"$tuple": [1, 2]}"#, "[1, 2]", tuple),
        (r#"{"$tuple": []}"#, r#"{"a": 1}"#, tuple),
        ("null", "[1, 2]", none),
        ("null", r#"{"$tuple": [1]}"#, none),
        ("null", "0", none),
        (r#"{"a": 1}"#, "null", not_none),
    ] {
        let guards = assert_guards_tell_apart(&frame(a), &frame(b), program, yes, no);
        assert!(
            guards
                .iter()
                .all(|g| g.starts_with("TYPE_MATCH ") || g.starts_with("DICT_CONTAINS G has no ")),
            "{program}: {guards:?}"
        );
    }
    // Values of one type: the same guards, the type's.
    let no_tuple = "DICT_CONTAINS G has no 'tuple'";
    for (a, b, program, want, guards) in [
        (
            r#"{"$tuple": [1, 2]}"#,
            r#"{"$tuple": [[3], "a", 4.5, {"$tuple": []}]}"#,
            tuple,
            yes,
            &[no_tuple, "TYPE_MATCH L['x'] tuple"][..],
        ),
        (
            "[1, 2]",
            "[]",
            tuple,
            no,
            &[no_tuple, "TYPE_MATCH L['x'] list"],
        ),
        ("[1, 2]", r#"["a"]"#, none, no, &["TYPE_MATCH L['x'] list"]),
        (
            r#"{"$tuple": [1]}"#,
            r#"{"$tuple": [1, 2, 3]}"#,
            none,
            no,
            &["TYPE_MATCH L['x'] tuple"],
        ),
        (
            r#"{"a": 1}"#,
            r#"{"b": 2, "c": 3}"#,
            not_none,
            yes,
            &["TYPE_MATCH L['x'] dict"],
        ),
    ] {
        let want_guards: BTreeSet<String> = guards.iter().map(|g| g.to_string()).collect();
        assert_eq!(
            assert_same_guards(&frame(a), &frame(b), program, want),
            want_guards,
            "{program} over {a} and {b}"
        );
    }
}

/// `xs == xs` of a list, a tuple or a dict (one variable on both sides)
/// is True whatever its items: CPython compares containers' items by
/// identity first, so each is equal to itself (a NaN too). It built `xs`
/// and compared its items, guarding its length and each item's value, so
/// a frame whose list held other items failed the guards and was traced
/// again for the same answer. What the answer depends on is still
/// guarded: whether the two sides are one object, and a bare float's value
/// (`nan == nan` is False).
#[test]
fn a_container_compared_with_itself_guards_its_type_alone() {
    let (yes, no) = ("ConstantVariable(True)", "ConstantVariable(False)");
    // One list on both sides or two lists: the branch that chose is guarded.
    let pick = "\
if L['same']
  ys = L['xs']
else
  ys = L['zs']
end
r = L['xs'] == ys
return r
";
    let frame = |same: &str, xs: &str, zs: &str| {
        format!(r#"{{"locals": {{"same": {same}, "xs": {xs}, "zs": {zs}}}}}"#)
    };
    let one = assert_guards_tell_apart(
        &frame("true", "[1, 2]", "[1, 3]"),
        &frame("false", "[1, 2]", "[1, 3]"),
        pick,
        yes,
        no,
    );
    assert_eq!(
        one,
        BTreeSet::from([
            "CONSTANT_MATCH L['same'] == True".to_string(),
            "TYPE_MATCH L['xs'] list".to_string(),
        ])
    );
    // A bare float is compared by its value: a NaN is not equal to itself.
    let float = "n = float(L['s'])\nr = n == n\nreturn r\n";
    let text = |s: &str| format!(r#"{{"locals": {{"s": "{s}"}}}}"#);
    assert_guards_tell_apart(&text("1.5"), &text("nan"), float, yes, no);
    // One container on both sides, whatever it holds: the same guards.
    let x = |x: &str| format!(r#"{{"locals": {{"x": {x}}}}}"#);
    for (a, b, op, want, ty) in [
        ("[1, 2]", r#"["a", [3], 4.5]"#, "==", yes, "list"),
        ("[1, 2]", "[]", "!=", no, "list"),
        (
            "[1]",
            r#"[{"$tensor": [2]}, {"$object": "A"}]"#,
            "==",
            yes,
            "list",
        ),
        (
            r#"{"$tuple": [1]}"#,
            r#"{"$tuple": ["b", 2]}"#,
            "<",
            no,
            "tuple",
        ),
        (
            r#"{"$tuple": [1]}"#,
            r#"{"$tuple": [[1], 2.5]}"#,
            ">=",
            yes,
            "tuple",
        ),
        (r#"{"a": 1}"#, r#"{"b": [2], "c": 3}"#, "==", yes, "dict"),
    ] {
        let program = format!("r = L['x'] {op} L['x']\nreturn r\n");
        assert_eq!(
            assert_same_guards(&x(a), &x(b), &program, want),
            BTreeSet::from([format!("TYPE_MATCH L['x'] {ty}")]),
            "{program} over {a} and {b}"
        );
    }
}

/// Two dims broadcast together (`x + y`), or the inner dims of `x @ y`,
/// were compared by their hints: of two dynamic dims of size 4, or a
/// dynamic 4 and a fixed 4, nothing was guarded, so a frame whose `y` had
/// size 2 passed every guard (`TENSOR_MATCH` does not check a dynamic
/// size) and reused a trace that is a shape mismatch for it. Their
/// equality is guarded now (the guard oracle of `test_guard_oracle.rs`
/// found it).
#[test]
fn dims_found_equal_where_one_is_dynamic_are_guarded_equal() {
    let tensors = |x: &str, y: &str| {
        format!(
            r#"{{"locals": {{"x": {{"$tensor": {x}, "dtype": "float32", "dynamic": [0]}},
                "y": {{"$tensor": {y}, "dtype": "float32", "dynamic": [0]}},
                "w": {{"$tensor": [4, 3], "dtype": "float32"}}}}}}"#
        )
    };
    let same = tensors("[4]", "[4]");
    for (program, guard) in [
        (
            "h = L['x'] + L['y']\nreturn h\n",
            "SHAPE_ENV L['x'].size()[0] == L['y'].size()[0]",
        ),
        (
            "h = L['x'] @ L['y']\nreturn h\n",
            "SHAPE_ENV L['x'].size()[0] == L['y'].size()[0]",
        ),
        (
            "h = L['x'] @ L['w']\nreturn h\n",
            "SHAPE_ENV L['x'].size()[0] == 4",
        ),
        (
            "h = L['x'] * L['x']\nreturn h\n",
            "TENSOR_MATCH L['x'] float32[?4]",
        ),
    ] {
        let guards = guards_of(&same, program);
        assert!(guards.contains(guard), "{program}: {guards:?}");
    }
    // A fixed 1 broadcasts against any size: nothing more to guard.
    let one = tensors("[4]", "[4]").replace(r#""$tensor": [4, 3]"#, r#""$tensor": [1]"#);
    let guards = guards_of(&one, "h = L['x'] + L['w']\nreturn h\n");
    assert!(
        !guards.iter().any(|g| g.starts_with("SHAPE_ENV")),
        "{guards:?}"
    );
    // The same variable on both sides is one size.
    let guards = guards_of(&same, "h = L['x'] * L['x']\nreturn h\n");
    assert!(
        !guards.iter().any(|g| g.starts_with("SHAPE_ENV")),
        "{guards:?}"
    );
    // The frame with another size fails that guard, and its trace fails.
    let other = input(&tensors("[4]", "[2]"), "h = L['x'] + L['y']\nreturn h\n");
    let error = run_mode(&other, Mode::Lazy).expect_err("a shape mismatch");
    assert!(error.to_string().contains("shape mismatch"), "{error}");
}

/// `//` and `%` by a symbolic size compared its hint with zero and nothing
/// was guarded: the trace of `7 // (s0 - 2)` over a `z` of size 5 was
/// reused for a `z` of size 2 (`TENSOR_MATCH` does not check a dynamic
/// size), whose trace is Python's ZeroDivisionError. The divisor is
/// guarded `!= 0` now, as a relation, not its value (the guard oracle's
/// size family found it).
#[test]
fn a_symbolic_divisor_is_guarded_nonzero() {
    let z = |size: &str| {
        format!(
            r#"{{"locals": {{"z": {{"$tensor": [{size}], "dtype": "float32", "dynamic": [0]}}}}}}"#
        )
    };
    for (program, guard) in [
        (
            "m = 7 // (L['z'].size(0) - 2)\nreturn m\n",
            "SHAPE_ENV L['z'].size()[0]-2 != 0",
        ),
        (
            "m = 7 % (L['z'].size(0) - 2)\nreturn m\n",
            "SHAPE_ENV L['z'].size()[0]-2 != 0",
        ),
        // `(-2) % s0` is 0 where `s0` is 2: the quotient's divisor too.
        (
            "m = -2 % L['z'].size(0)\nq = -2 // m\nreturn q\n",
            "SHAPE_ENV (-2)%L['z'].size()[0] != 0",
        ),
    ] {
        let guards = guards_of(&z("5"), program);
        assert!(guards.contains(guard), "{program}: {guards:?}");
        // The frame that fails the guard fails the trace.
        let error = run_mode(&input(&z("2"), program), Mode::Lazy).expect_err("divides by zero");
        assert!(error.to_string().contains("by zero"), "{program}: {error}");
    }
    // A size divided by a constant needs no guard: the constant's own is
    // enough, and a size's relation to it is not used.
    let guards = guards_of(&z("5"), "m = L['z'].size(0) // 2\nreturn m\n");
    assert!(
        !guards.iter().any(|g| g.starts_with("SHAPE_ENV")),
        "{guards:?}"
    );
}
