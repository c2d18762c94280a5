//! The tracer example (`examples/tracer`), tested through its library half:
//! exact counts of what the lazy and the eager run build and guard, the
//! surface of Dynamo's lazy trackers that the tracer relies on, and the
//! promised one-line errors on bad input.

mod common;

use lazy_tracer as tracer;

use std::collections::BTreeSet;
use std::rc::Rc;

use tracer::builder::{Event, Mode, Tx};
use tracer::guards::{Guard, GuardKind, GuardLog};
use tracer::interp::FrameTrackers;
use tracer::lazy::{as_lazy, realized_as};
use tracer::run::{
    Input, Run, TracerError, compare, main_with_args, parse_frame, parse_program, run_mode,
    same_results,
};
use tracer::source::Source;
use tracer::tracker::{Tracker, VariableTracker};
use tracer::trackers::{
    ConstantTracker, DictTracker, FunctionTracker, ObjectTracker, SequenceTracker, TensorTracker,
};
use tracer::value::{Frame, Value};

fn frame(json: &str) -> Frame {
    parse_frame("test.json", json).expect("test frame parses")
}

fn input(frame: Frame, program: &str) -> Input {
    Input {
        frame,
        frame_name: "test.json".into(),
        program: parse_program("test.prog", program).expect("test program parses"),
        program_name: "test.prog".into(),
    }
}

fn lazy_run(json: &str, program: &str) -> Run {
    run_mode(&input(frame(json), program), Mode::Lazy).expect("the trace succeeds")
}

/// A run's `SHAPE_ENV` guards, as `SOURCE DETAIL`.
fn shape_env_guards(run: &Run) -> Vec<String> {
    run.guards
        .iter()
        .filter(|g| g.kind == GuardKind::ShapeEnv)
        .map(|g| format!("{} {}", g.source, g.detail))
        .collect()
}

/// The guards of the lazy run of `r = EXPR; return r` over the frame
/// `json`, as `KIND SOURCE DETAIL`, after checking that it returns the
/// constant `want`.
fn returned_and_guards(json: &str, expr: &str, want: &str) -> Vec<String> {
    let run = lazy_run(json, &format!("r = {expr}\nreturn r\n"));
    assert_eq!(
        run.returned,
        [format!("ConstantVariable({want})")],
        "{expr}"
    );
    run.guards
        .iter()
        .map(|g| format!("{} {} {}", g.kind, g.source, g.detail))
        .collect()
}

fn guard_sources(run: &Run) -> BTreeSet<String> {
    run.guards.iter().map(|g| g.source.clone()).collect()
}

fn count(run: &Run, kind: GuardKind) -> usize {
    run.guards.iter().filter(|g| g.kind == kind).count()
}

/// A frame of `n` int locals `v0..v{n-1}`.
fn many_locals(n: usize) -> String {
    let entries: Vec<String> = (0..n).map(|i| format!("\"v{i}\": {i}")).collect();
    format!("{{\"locals\": {{{}}}}}", entries.join(", "))
}

const SMALL: &str = r#"{
  "locals": {
    "xs": [1, 2, 3],
    "x": {"$tensor": [32, 16], "dtype": "float32", "dynamic": [0]},
    "w": {"$tensor": [16, 4]},
    "lr": 0.01,
    "name": "net",
    "obj": {"$object": "Linear", "weight": {"$tensor": [4, 16]}, "bias": {"$tensor": [4]}, "scale": 2},
    "cfg": {"depth": 3, "act": "relu"}
  },
  "globals": {
    "fn": {"$function": "torch.relu"},
    "cls": {"$class": "Linear"},
    "blt": {"$builtin": "len"},
    "pair": {"$tuple": [{"$function": "torch.relu"}, {"$class": "Linear"}]},
    "nums": {"$tuple": [1, 2]}
  }
}"#;

/// The trackers of `SMALL`, lazily created, with their builder.
fn small_trackers() -> (Tx, FrameTrackers) {
    let tx = Tx::new(Mode::Lazy);
    let trackers = FrameTrackers::create(&tx, &frame(SMALL));
    (tx, trackers)
}

fn local(trackers: &FrameTrackers, name: &str) -> Tracker {
    Rc::clone(trackers.local(name).expect("the local exists"))
}

fn global(trackers: &FrameTrackers, name: &str) -> Tracker {
    Rc::clone(trackers.global(name).expect("the global exists"))
}

// --- counts -------------------------------------------------------------------

#[test]
fn built_in_frame_has_at_least_10000_values() {
    let input = Input::built_in();
    assert!(
        input.frame.value_count() >= 10_000,
        "{}",
        input.frame.value_count()
    );
    assert!(input.program.lines > 0, "the built-in program parses");
}

#[test]
fn touching_3_of_10000_locals_realizes_3_and_installs_only_their_guards() {
    let program = "a = L['v7'] + 1\nif L['v4242'] > 100\n  b = a * L['v9999']\nend\nreturn b\n";
    let input = input(frame(&many_locals(10_000)), program);
    let runs = compare(&input).unwrap();

    assert_eq!(runs.lazy.stats.created, 10_000);
    assert_eq!(runs.lazy.stats.realized, 3);
    let touched: BTreeSet<String> = ["L['v7']", "L['v4242']", "L['v9999']"]
        .into_iter()
        .map(String::from)
        .collect();
    assert_eq!(guard_sources(&runs.lazy), touched);
    assert_eq!(count(&runs.lazy, GuardKind::ConstantMatch), 3);

    assert_eq!(runs.eager.stats.created, 10_000);
    assert_eq!(runs.eager.stats.realized, 10_000);
    assert_eq!(count(&runs.eager, GuardKind::ConstantMatch), 10_000);
    // v4242 > 100, so b = (7 + 1) * 9999.
    assert_eq!(
        runs.lazy.returned,
        vec![format!("ConstantVariable({})", (7 + 1) * 9999)]
    );
    assert_eq!(runs.lazy.returned, runs.eager.returned);
}

#[test]
fn eager_run_realizes_every_value_of_the_built_in_frame() {
    let input = Input::built_in();
    let runs = compare(&input).unwrap();
    let values = input.frame.value_count();
    assert_eq!(runs.eager.stats.created, values);
    assert_eq!(runs.eager.stats.realized, values);
    // Every tensor of the frame becomes a graph input when built eagerly.
    let tensors = runs
        .eager
        .guards
        .iter()
        .filter(|g| g.kind == GuardKind::TensorMatch)
        .count();
    assert_eq!(runs.eager.stats.graph_inputs, tensors);
    assert!(
        runs.lazy.stats.realized * 100 < values,
        "lazy built {}",
        runs.lazy.stats.realized
    );
    assert!(runs.lazy.stats.guards * 100 < runs.eager.stats.guards);
    assert_eq!(runs.lazy.returned, runs.eager.returned);
    assert_eq!(runs.lazy.codegen, runs.eager.codegen);
    assert_eq!(runs.lazy.graph.nodes, runs.eager.graph.nodes);
}

#[test]
fn lazy_run_counts_match_its_event_log() {
    let runs = compare(&Input::built_in()).unwrap();
    let realizations = runs
        .lazy
        .events
        .iter()
        .filter(|e| matches!(e, Event::Realize { .. }))
        .count();
    // Every build of a frame value is one event (the lazy f-string is not a
    // frame value, and is never rendered by the built-in program).
    assert_eq!(runs.lazy.stats.realized, realizations);
    let installed: Vec<&Guard> = runs
        .lazy
        .events
        .iter()
        .flat_map(|e| match e {
            Event::Realize { guards, .. } => guards.iter().collect(),
            Event::Guard(guard) => vec![guard],
        })
        .collect();
    assert_eq!(runs.lazy.guards.len(), runs.lazy.stats.guards);
    // Every guard in the log was installed by an event; an installed guard
    // missing from the log is a TYPE_MATCH that a CONSTANT_MATCH on the same
    // source replaced.
    for guard in &runs.lazy.guards {
        assert!(installed.contains(&guard), "{guard}");
    }
    let replaced: Vec<&&Guard> = installed
        .iter()
        .filter(|g| !runs.lazy.guards.contains(g))
        .collect();
    assert!(
        !replaced.is_empty(),
        "the built-in program type-checks constants it then uses"
    );
    for guard in replaced {
        assert_eq!(guard.kind, GuardKind::TypeMatch);
        assert!(
            runs.lazy
                .guards
                .iter()
                .any(|g| g.kind == GuardKind::ConstantMatch && g.source == guard.source)
        );
    }
}

#[test]
fn realize_all_builds_everything_a_returned_value_holds() {
    let run = lazy_run(SMALL, "return L['obj']\n");
    // obj, weight, bias, scale: the whole subtree, nothing else.
    assert_eq!(run.stats.realized, 4);
    let sources = guard_sources(&run);
    assert!(
        sources.iter().all(|s| s.starts_with("L['obj']")),
        "{sources:?}"
    );
    assert_eq!(count(&run, GuardKind::TensorMatch), 2);
    assert_eq!(run.codegen, vec!["LOAD L['obj']", "RETURN_VALUE"]);

    // The same tracker returned twice, and a clone sharing its cache: one
    // build each, whatever the number of paths.
    let twice = lazy_run(SMALL, "a = L['obj']\nb = a\nreturn a, b, L['obj']\n");
    assert_eq!(twice.stats.realized, 4);
    assert_eq!(twice.stats.guards, run.stats.guards);
}

#[test]
fn loading_and_naming_a_value_builds_nothing() {
    let run = lazy_run(SMALL, "a = L['obj']\nb = a\nlog(a, b)\n");
    assert_eq!(run.stats.realized, 0);
    assert_eq!(run.stats.guards, 0);
    assert_eq!(
        run.log,
        vec!["LazyVariableTracker(unrealized: Linear) LazyVariableTracker(unrealized: Linear)"]
    );
}

// --- the lazy tracker's surface -----------------------------------------------

#[test]
fn is_hashable_answers_functions_classes_builtins_and_tuples_of_them_without_building() {
    let (tx, trackers) = small_trackers();
    for name in ["fn", "cls", "blt", "pair"] {
        let tracker = global(&trackers, name);
        assert!(tracker.is_python_hashable(), "{name}");
        assert!(!tracker.is_realized(), "{name} was built");
    }
    assert_eq!(tx.stats().realized, 0);
    assert_eq!(tx.stats().guards, 0);

    // Anything else needs the real tracker.
    let nums = global(&trackers, "nums");
    assert!(nums.is_python_hashable());
    assert!(nums.is_realized());
    let xs = local(&trackers, "xs");
    assert!(!xs.is_python_hashable());
    assert!(xs.is_realized());
}

#[test]
fn a_dict_key_of_a_lazy_function_is_checked_without_building_then_used() {
    let json = r#"{"globals": {"f": {"$function": "torch.relu"},
        "names": {"$dict": [[{"$function": "torch.relu"}, "relu"]]},
        "xs": [1, 2]}}"#;
    let run = lazy_run(json, "n = G['names'][G['f']]\nreturn n\n");
    assert_eq!(run.returned, vec!["ConstantVariable('relu')"]);
    let error = run_mode(&input(frame(json), "n = G['names'][G['xs']]\n"), Mode::Lazy).unwrap_err();
    assert_eq!(
        error,
        TracerError::Program {
            file: "test.prog".into(),
            line: 1,
            message: "unhashable type: 'list'".into()
        }
    );
}

#[test]
fn clone_with_the_same_source_shares_the_cache() {
    let (_tx, trackers) = small_trackers();
    let original = local(&trackers, "xs");
    let clone = original.clone_with_source(original.source());
    let (a, b) = (as_lazy(&*original).unwrap(), as_lazy(&*clone).unwrap());
    assert!(a.shares_cache_with(b));
    assert!(!original.is_realized());
    assert_eq!(clone.sequence_len(), Ok(3));
    assert!(
        original.is_realized(),
        "realizing the clone realizes the original"
    );
}

#[test]
fn clone_with_another_source_realizes_first() {
    let (tx, trackers) = small_trackers();
    let original = local(&trackers, "xs");
    let moved = original.clone_with_source(Some(Source::global("saved")));
    assert!(original.is_realized());
    assert!(as_lazy(&*moved).is_none(), "the clone is the built tracker");
    assert_eq!(moved.source(), Some(Source::global("saved")));
    assert_eq!(moved.kind(), "ListVariable");
    assert_eq!(tx.stats().realized, 1);
}

#[test]
fn a_concrete_trackers_clone_takes_the_new_source_and_keeps_the_rest() {
    let (tx, trackers) = small_trackers();
    let xs = local(&trackers, "xs");
    let built = as_lazy(&*xs).unwrap().realize_tracker();
    built.set_name_hint("items");
    let moved = built.clone_with_source(Some(Source::global("saved")));
    assert_eq!(moved.source(), Some(Source::global("saved")));
    assert_eq!(built.source(), Some(Source::local("xs")));
    assert_eq!(moved.name_hint().as_deref(), Some("items"));
    assert_eq!(moved.kind(), built.kind());
    assert_eq!(moved.sequence_len(), Ok(3));
    assert_eq!(tx.stats().realized, 1, "the items stay unbuilt");
}

#[test]
fn store_global_of_an_unbuilt_value_builds_it() {
    let run = lazy_run(SMALL, "G['keep'] = L['cfg']\nlog(G['keep'])\n");
    // cfg, then (realize_all on what leaves the trace) its two values.
    assert_eq!(run.stats.realized, 3);
    assert_eq!(
        run.stored,
        vec![(
            "G['keep']".to_string(),
            "ConstDictVariable(len=2)".to_string()
        )]
    );
    assert_eq!(run.log, vec!["ConstDictVariable(len=2)"]);
}

#[test]
fn getattr_fallback_realizes_then_downcasts_through_any() {
    let (_tx, trackers) = small_trackers();
    let xs = local(&trackers, "xs");
    assert!(!xs.is_realized());
    let list = realized_as::<SequenceTracker>(&*xs).expect("a list tracker");
    assert_eq!(list.items.len(), 3);
    assert!(xs.is_realized());
    assert!(realized_as::<TensorTracker>(&*xs).is_none());
    // The lazy wrapper can reach it too.
    let lazy = as_lazy(&*xs).unwrap();
    assert_eq!(
        lazy.realized_as::<SequenceTracker>().map(|l| l.items.len()),
        Some(3)
    );

    // `len` reads the items of a lazy list this way.
    let run = lazy_run(SMALL, "return len(L['xs'])\n");
    assert_eq!(run.returned, vec!["ConstantVariable(3)"]);
    assert_eq!(run.stats.realized, 1);
}

#[test]
fn lazy_sym_format_string_guards_nothing_unless_used() {
    let unused = lazy_run(
        SMALL,
        "n = L['x'].size(0)\ns = f\"{n:>8}\"\nlog(s)\nreturn L['x']\n",
    );
    assert_eq!(count(&unused, GuardKind::ShapeEnv), 0);
    assert_eq!(unused.log, vec!["LazyVariableTracker(unrealized: str)"]);

    let used = lazy_run(
        SMALL,
        "n = L['x'].size(0)\ns = f\"rows {n:>4}\"\nreturn s\n",
    );
    let shape: Vec<String> = used
        .guards
        .iter()
        .filter(|g| g.kind == GuardKind::ShapeEnv)
        .map(|g| format!("{} {}", g.source, g.detail))
        .collect();
    assert_eq!(shape, vec!["L['x'].size()[0] == 32"]);
    assert_eq!(used.returned, vec!["ConstantVariable('rows   32')"]);
    // `--verbose` shows the guard under the f-string's build.
    let build = used
        .events
        .iter()
        .find_map(|e| match e {
            Event::Realize {
                source,
                kind,
                guards,
            } if source.starts_with("f\"") => Some((source, kind, guards)),
            _ => None,
        })
        .expect("the f-string was built");
    assert_eq!(build.0, "f\"rows {s0:>4}\"");
    assert_eq!(*build.1, "ConstantVariable");
    assert_eq!(build.2.len(), 1);
    assert_eq!(build.2[0].kind, GuardKind::ShapeEnv);

    // `format(n, spec)` is the same lazy string.
    let formatted = lazy_run(SMALL, "s = format(L['x'].size(0), '05d')\nlog(s)\n");
    assert_eq!(count(&formatted, GuardKind::ShapeEnv), 0);
}

#[test]
fn lazy_format_with_a_spec_invalid_for_int_is_an_error_at_its_line() {
    let error = run_mode(
        &input(frame(SMALL), "n = L['x'].size(0)\ns = f\"{n:s}\"\n"),
        Mode::Lazy,
    )
    .unwrap_err();
    assert_eq!(error.line(), Some(2));
    assert!(
        error
            .to_string()
            .ends_with("Unknown format code 's' for object of type 'int'"),
        "{error}"
    );
}

#[test]
fn name_hints_are_buffered_through_realization() {
    let (tx, trackers) = small_trackers();
    let obj = local(&trackers, "obj");
    obj.set_name_hint("layer");
    assert!(!obj.is_realized());
    assert_eq!(obj.name_hint().as_deref(), Some("layer"));
    let lazy = as_lazy(&*obj).unwrap();
    let built = lazy.realize_tracker();
    assert_eq!(built.name_hint().as_deref(), Some("layer"));
    assert_eq!(tx.stats().realized, 1);
    // After the build, hints go straight to the built tracker.
    obj.set_name_hint("renamed");
    assert_eq!(
        lazy.unwrap().and_then(|t| t.name_hint()).as_deref(),
        Some("renamed")
    );
}

#[test]
fn display_and_debug_never_realize() {
    let (tx, trackers) = small_trackers();
    let xs = local(&trackers, "xs");
    let lazy = as_lazy(&*xs).unwrap();
    assert_eq!(lazy.to_string(), "LazyVariableTracker(unrealized: list)");
    assert_eq!(format!("{lazy:?}"), "LazyVariableTracker(unrealized: list)");
    assert_eq!(
        format!("{:?}", &*xs),
        "LazyVariableTracker(unrealized: list)"
    );
    assert_eq!(xs.debug_repr(), "LazyVariableTracker(unrealized: list)");
    assert_eq!(
        lazy.peek_type().map(|t| t.to_string()).as_deref(),
        Some("list")
    );
    assert_eq!(lazy.original_source(), Some(Source::local("xs")));
    assert!(lazy.peek_value().is_some());
    assert!(!xs.is_realized());
    assert_eq!(tx.stats().realized, 0);

    xs.realize_all();
    assert_eq!(
        xs.debug_repr(),
        "LazyVariableTracker(realized: ListVariable(len=3))"
    );
    assert!(lazy.peek_value().is_none(), "the seed is gone once built");
    assert!(lazy.original_source().is_none());
    assert_eq!(
        xs.source(),
        Some(Source::local("xs")),
        "the wrapper keeps its own source"
    );
}

#[test]
fn lazy_constant_installs_only_type_match_until_used() {
    let (tx, trackers) = small_trackers();
    let lr = local(&trackers, "lr");
    assert_eq!(lr.python_type_name(), "float");
    assert!(!lr.is_tensor());
    assert!(lr.is_python_constant());
    assert!(!lr.is_realized());
    let guards = tx.guards();
    assert_eq!(guards.len(), 1, "{guards:?}");
    assert_eq!(guards[0].kind, GuardKind::TypeMatch);
    assert_eq!(guards[0].source, "L['lr']");

    assert_eq!(lr.as_python_constant(), Ok(Value::Float(0.01)));
    assert!(lr.is_realized());
    assert_eq!(tx.guard_count(GuardKind::ConstantMatch), 1);
    // The value guard checks the type too: it replaces the TYPE_MATCH.
    assert_eq!(tx.guard_count(GuardKind::TypeMatch), 0);
    assert_eq!(lr.python_type_name(), "float");
    assert_eq!(tx.guards().len(), 1);
}

/// The lazy constant forwards its metadata to the lazy it wraps, which
/// answers it without building; its clone under the same source is a lazy
/// constant again.
#[test]
fn lazy_constant_answers_its_source_and_name_hint_without_building() {
    let (tx, trackers) = small_trackers();
    let lr = local(&trackers, "lr");
    assert_eq!(lr.source(), Some(Source::local("lr")));
    lr.set_name_hint("rate");
    assert_eq!(lr.name_hint().as_deref(), Some("rate"));
    let clone = lr.clone_with_source(lr.source());
    assert_eq!(
        clone.debug_repr(),
        "LazyConstantVariable(unrealized: float)"
    );
    assert!(!lr.is_realized());
    assert_eq!(tx.stats().realized, 0);
    assert_eq!(tx.stats().guards, 0);

    assert_eq!(clone.as_python_constant(), Ok(Value::Float(0.01)));
    assert!(lr.is_realized(), "the clone shares the cache");
    let built = as_lazy(&*lr).and_then(|lazy| lazy.unwrap());
    assert_eq!(
        built.and_then(|b| b.name_hint()).as_deref(),
        Some("rate"),
        "the buffered hint reaches the built tracker"
    );
    assert_eq!(tx.stats().realized, 1);
}

#[test]
fn lazy_constant_in_a_program_type_query_then_use() {
    let checked = lazy_run(
        SMALL,
        "if isinstance(L['lr'], float)\n  log(L['lr'])\nend\n",
    );
    assert_eq!(checked.stats.realized, 0);
    assert_eq!(
        checked
            .guards
            .iter()
            .map(|g| (g.kind, g.source.as_str()))
            .collect::<Vec<_>>(),
        // The builtin `float` is the answer's while no global shadows it.
        vec![
            (GuardKind::DictContains, "G"),
            (GuardKind::TypeMatch, "L['lr']")
        ]
    );
    let used = lazy_run(
        SMALL,
        "if isinstance(L['lr'], float)\n  y = L['lr'] * 2\nend\nreturn y\n",
    );
    assert_eq!(used.stats.realized, 1);
    assert_eq!(count(&used, GuardKind::ConstantMatch), 1);
    assert_eq!(used.returned, vec!["ConstantVariable(0.02)"]);
    // As the README says of `--verbose`: the event log keeps the
    // `TYPE_MATCH` the `CONSTANT_MATCH` replaced in the run's guards.
    assert_eq!(count(&used, GuardKind::TypeMatch), 0);
    assert!(used.events.iter().any(|event| matches!(
        event,
        Event::Guard(guard) if guard.kind == GuardKind::TypeMatch && guard.source == "L['lr']"
    )));
}

#[test]
fn a_constant_that_only_passes_through_is_never_guarded() {
    let run = lazy_run(SMALL, "a = L['lr']\nb = a\nlog(b)\n");
    assert_eq!(run.stats.guards, 0);
    assert_eq!(run.stats.realized, 0);
}

#[test]
fn a_lazy_tracker_sits_beside_eager_trackers_in_one_vec() {
    let (tx, trackers) = small_trackers();
    let mixed: Vec<Tracker> = vec![local(&trackers, "xs"), tx.constant(Value::Int(1))];
    let kinds: Vec<bool> = mixed.iter().map(|t| t.is_realized()).collect();
    assert_eq!(kinds, vec![false, true]);
    assert_eq!(mixed[0].kind(), "ListVariable");
    assert!(mixed[0].is_realized());
}

#[test]
fn tensor_ops_record_the_graph_and_guard_only_used_tensors() {
    let run = lazy_run(SMALL, "h = L['x'] @ L['w']\nh = h.relu()\nreturn h\n");
    assert_eq!(run.stats.realized, 2);
    assert_eq!(run.stats.graph_inputs, 2);
    assert_eq!(
        run.graph.nodes,
        vec![
            "matmul = torch.matmul(l_x_, l_w_)",
            "relu = torch.relu(matmul)"
        ]
    );
    assert_eq!(run.returned, vec!["TensorVariable(float32[s0, 4])"]);
    assert_eq!(count(&run, GuardKind::TensorMatch), 2);
}

/// Graph inputs are named after their sources, lowercased, with `_1`, `_2`
/// after a name's first use: `L['X'].w` after `L['x'].w` would be
/// `l_x_w_1`, which is also `L['x'].w_1`'s own name. Each input gets a
/// name of its own, so the graph's nodes say which input they read.
#[test]
fn graph_inputs_whose_names_meet_get_distinct_names() {
    let json = r#"{"locals": {"x": {"$object": "M", "w": {"$tensor": [2, 2]}, "w_1": {"$tensor": [2, 2]}}, "X": {"$object": "M", "w": {"$tensor": [2, 2]}}}}"#;
    let run = lazy_run(
        json,
        "a = L['x'].w + L['X'].w\nb = a + L['x'].w_1\nreturn b\n",
    );
    assert_eq!(run.graph.inputs, vec!["l_x_w", "l_x_w_1", "l_x_w_1_1"]);
    assert_eq!(
        run.graph.nodes,
        vec![
            "add = torch.add(l_x_w, l_x_w_1)",
            "add_1 = torch.add(add, l_x_w_1_1)"
        ]
    );
}

/// Two dynamic tensors used in the reverse of their frame order: the lazy
/// run creates their size symbols in the program's order, the eager run in
/// the frame's; the results are the same up to those names, and the
/// command says so with exit code 0. Different results are told apart.
#[test]
fn symbols_numbered_in_another_order_are_the_same_results() {
    let json = r#"{"locals": {"a": {"$tensor": [3, 2], "dynamic": [0]}, "b": {"$tensor": [5, 2], "dynamic": [0]}}}"#;
    let program = "n = L['b'].size(0)\nm = L['a'].size(0)\nreturn L['b'].relu(), n, m\n";
    let both = input(frame(json), program);
    let lazy = run_mode(&both, Mode::Lazy).expect("the lazy trace succeeds");
    let eager = run_mode(&both, Mode::Eager).expect("the eager trace succeeds");
    assert_ne!(
        lazy.returned, eager.returned,
        "the symbols are numbered apart"
    );
    assert!(same_results(&lazy, &eager));
    let other = lazy_run(json, "return L['a'].size(0), L['b'].size(0)\n");
    assert!(!same_results(&lazy, &other));

    let frame_file = temp_file("two-dynamic.json", json);
    let program_file = temp_file("two-dynamic.prog", program);
    let outcome = main_with_args([
        "--frame".into(),
        frame_file.clone().into_os_string(),
        "--program".into(),
        program_file.clone().into_os_string(),
    ]);
    assert_eq!(outcome.code, 0, "{outcome:?}");
    assert!(
        outcome
            .stdout
            .contains("Both runs return the same values: yes")
    );
}

#[test]
fn branching_on_a_dynamic_size_installs_one_shape_guard() {
    let run = lazy_run(
        SMALL,
        "n = L['x'].size(0)\nif n > 16\n  r = 1\nelse\n  r = 2\nend\nreturn r\n",
    );
    assert_eq!(run.returned, vec!["ConstantVariable(1)"]);
    let shape: Vec<String> = run
        .guards
        .iter()
        .filter(|g| g.kind == GuardKind::ShapeEnv)
        .map(|g| format!("{} {}", g.source, g.detail))
        .collect();
    assert_eq!(shape, vec!["L['x'].size()[0] > 16"]);
}

/// A dict's key that is an `$object` is tracked at its own source,
/// Dynamo's `list(L['d'].keys())[0]`, and guarded there only for what the
/// program reads of it; its value's source names it.
#[test]
fn an_object_key_is_guarded_at_its_own_source() {
    let run = lazy_run(
        r#"{"locals": {"e": {"$dict": [[{"$object": "A", "v": 1, "w": 2}, 3]]}}}"#,
        "a, = L['e']\nr = a.v\nreturn r\n",
    );
    assert_eq!(run.returned, vec!["ConstantVariable(1)"]);
    let guards: Vec<String> = run.guards.iter().map(|g| g.to_string()).collect();
    assert_eq!(
        guards,
        vec![
            "TYPE_MATCH     L['e'] dict",
            "DICT_KEYS      L['e'] keys == [<A object>] (1 key)",
            "TYPE_MATCH     list(L['e'].keys())[0] A",
            "CONSTANT_MATCH list(L['e'].keys())[0].v == 1",
        ]
    );
    let run = lazy_run(
        r#"{"locals": {"e": {"$dict": [[{"$object": "A"}, 3]]}}}"#,
        "a, = L['e']\nr = L['e'][a]\nreturn r\n",
    );
    assert_eq!(run.returned, vec!["ConstantVariable(3)"]);
    assert!(
        guard_sources(&run).contains("L['e'][list(L['e'].keys())[0]]"),
        "{:?}",
        run.guards
    );
}

/// An `$object`, or a list, compared with a symbolic size is never equal
/// to it, whatever the size: the size is not guarded (each added
/// `SHAPE_ENV L['x'].size()[0] == 2`, but for `size == obj`), nor the
/// list's items (`x.shape == lo`, a tuple and a list, guarded them).
#[test]
fn comparing_an_object_or_a_list_with_a_size_guards_no_size() {
    let json = r#"{"locals": {"o": {"$object": "Linear"}, "lo": [1, {"$object": "Linear"}],
        "x": {"$tensor": [2, 3], "dynamic": [0]}}}"#;
    for (expr, want) in [
        ("L['o'] == L['x'].shape[0]", "False"),
        ("L['o'] != L['x'].shape[0]", "True"),
        ("L['x'].shape[0] == L['o']", "False"),
        ("L['o'] in L['x'].shape", "False"),
        ("L['x'].shape.count(L['o'])", "0"),
        ("L['lo'] == L['x'].shape[0]", "False"),
        ("L['x'].shape == L['lo']", "False"),
    ] {
        let run = lazy_run(json, &format!("r = {expr}\nreturn r\n"));
        assert_eq!(
            run.returned,
            [format!("ConstantVariable({want})")],
            "{expr}"
        );
        assert_eq!(
            count(&run, GuardKind::ShapeEnv),
            0,
            "{expr}: {:?}",
            run.guards
        );
        assert!(
            guard_sources(&run)
                .iter()
                .all(|s| !s.starts_with("L['lo'][")),
            "{expr}: {:?}",
            run.guards
        );
    }
}

/// `==` with an `$object` is its identity: the other value's type is all
/// its answer depends on, and a container holding objects is compared
/// item by item, each guarded for no more than its answer needs (`obj ==
/// big` guarded every leaf of `big`, `big.count(obj)` and `obj in l` each
/// item's value, `obj == n` `n`'s value).
#[test]
fn comparing_with_an_object_guards_only_what_the_answer_depends_on() {
    let json = r#"{"locals": {"o": {"$object": "Linear"}, "big": [1, 2, 3, 4, 5, [6, 7]],
        "l": [1, "a", 2.5], "d": {"a": 1, "b": [2, 3]}, "n": 3,
        "lo": [1, {"$object": "Linear"}], "lobj": [{"$object": "Linear"}, 1]}}"#;
    let guards = |expr: &str, want: &str| returned_and_guards(json, expr, want);
    for (expr, want, expected) in [
        (
            "L['o'] == L['big']",
            "False",
            &["TYPE_MATCH L['o'] Linear", "TYPE_MATCH L['big'] list"][..],
        ),
        (
            "L['o'] == L['d']",
            "False",
            &["TYPE_MATCH L['o'] Linear", "TYPE_MATCH L['d'] dict"],
        ),
        (
            "L['o'] == L['n']",
            "False",
            &["TYPE_MATCH L['o'] Linear", "TYPE_MATCH L['n'] int"],
        ),
        (
            "L['n'] != L['o']",
            "True",
            &["TYPE_MATCH L['n'] int", "TYPE_MATCH L['o'] Linear"],
        ),
        (
            "L['o'] in L['l']",
            "False",
            &[
                "TYPE_MATCH L['l'] list",
                "LEN_CHECK L['l'] len == 3",
                "TYPE_MATCH L['l'][0] int",
                "TYPE_MATCH L['o'] Linear",
                "TYPE_MATCH L['l'][1] str",
                "TYPE_MATCH L['l'][2] float",
            ],
        ),
        (
            "L['lobj'] == L['lo']",
            "False",
            &[
                "TYPE_MATCH L['lobj'] list",
                "TYPE_MATCH L['lo'] list",
                "LEN_CHECK L['lobj'] len == 2",
                "LEN_CHECK L['lo'] len == 2",
                "TYPE_MATCH L['lobj'][0] Linear",
                "TYPE_MATCH L['lo'][0] int",
            ],
        ),
        // A value the answer depends on is guarded.
        (
            "L['l'].count('a')",
            "1",
            &[
                "TYPE_MATCH L['l'] list",
                "LEN_CHECK L['l'] len == 3",
                "TYPE_MATCH L['l'][0] int",
                "CONSTANT_MATCH L['l'][1] == 'a'",
                "TYPE_MATCH L['l'][2] float",
            ],
        ),
    ] {
        assert_eq!(guards(expr, want), expected, "{expr}");
    }
    let big = guards("L['big'].count(L['o'])", "0");
    let nested = "L['big'][5][";
    let only_types = big
        .iter()
        .all(|g| !g.starts_with("CONSTANT_MATCH") && !g.contains(nested));
    assert!(only_types, "{big:?}");
    assert_eq!(
        guards("L['lo'][1] in L['lo']", "True"),
        [
            "TYPE_MATCH L['lo'] list",
            "LEN_CHECK L['lo'] len == 2",
            "TYPE_MATCH L['lo'][0] int",
            "TYPE_MATCH L['lo'][1] Linear",
        ]
    );
}

/// A size inside `x.shape` compared with a tuple's item, and a size looked
/// up in a dict (`in`, `in d.keys()`, `get`, `d[n]`), guards the relation
/// to each number it is compared with (`!= 2`), not its value: it was
/// pinned (`SHAPE_ENV L['x'].size()[0] == 3`), and among string keys,
/// which no int equals, it is not guarded at all.
#[test]
fn a_size_in_a_shape_or_a_dict_guards_only_the_relation() {
    let json = r#"{"locals": {"x": {"$tensor": [3, 4], "dtype": "float32", "dynamic": [0]},
        "a": [{"$tuple": [2, 4]}], "d": {"a": 1, "b": 2},
        "n": {"$dict": [["a", 1], [2, 5], [3.0, 7]]}}}"#;
    let shape_guards = |expr: &str, want: &str| {
        let mut returned = Vec::new();
        for mode in [Mode::Lazy, Mode::Eager] {
            let run = run_mode(
                &input(frame(json), &format!("r = {expr}\nreturn r\n")),
                mode,
            )
            .unwrap_or_else(|e| panic!("{expr}: {e}"));
            returned.push(run.returned.clone());
            if mode == Mode::Lazy {
                assert_eq!(
                    run.returned,
                    [format!("ConstantVariable({want})")],
                    "{expr}"
                );
            }
        }
        assert_eq!(returned[0], returned[1], "{expr}: lazy and eager");
        shape_env_guards(&lazy_run(json, &format!("r = {expr}\nreturn r\n")))
    };
    for (expr, want) in [
        ("L['a'].count(L['x'].shape)", "0"),
        ("L['x'].shape == L['a'][0]", "False"),
        ("L['a'][0] == L['x'].shape", "False"),
        ("L['x'].shape in L['a']", "False"),
    ] {
        assert_eq!(
            shape_guards(expr, want),
            ["L['x'].size()[0] != 2"],
            "{expr}"
        );
    }
    for (expr, want) in [
        ("L['x'].shape[0] in L['d']", "False"),
        ("L['x'].shape[0] in L['d'].keys()", "False"),
        ("L['d'].get(L['x'].shape[0])", "None"),
        ("L['d'].get(L['x'].shape[0], 0)", "0"),
    ] {
        assert_eq!(shape_guards(expr, want), Vec::<String>::new(), "{expr}");
    }
    // Among number keys, `!=` for each that differs, `==` for the one found.
    for (expr, want) in [
        ("L['n'].get(L['x'].shape[0])", "7"),
        ("L['n'][L['x'].shape[0]]", "7"),
        ("L['x'].shape[0] in L['n']", "True"),
    ] {
        assert_eq!(
            shape_guards(expr, want),
            ["L['x'].size()[0] != 2", "L['x'].size()[0] == 3.0"],
            "{expr}"
        );
    }
}

/// `in`, `count` and `index` compare each item with the needle by the `==`
/// of the program (type first): they built the needle's value first, so
/// that a size was pinned (`SHAPE_ENV ... == 2`) where no int is in the
/// list, or where `!= 5` and `!= 6` suffice, and a constant was guarded
/// by its value among strings or objects, a list by its items among ints.
#[test]
fn in_count_and_index_guard_only_what_the_answer_depends_on() {
    let sizes = r#"{"locals": {"x": {"$tensor": [2, 3], "dtype": "float32", "dynamic": [0]},
        "lo": [{"$object": "A"}], "s": ["a"], "l": [5, 6], "d": {"k": "v"}}}"#;
    let run_of = |json: &str, expr: &str, want: &str| {
        let run = lazy_run(json, &format!("r = {expr}\nreturn r\n"));
        assert_eq!(
            run.returned,
            [format!("ConstantVariable({want})")],
            "{expr}"
        );
        run
    };
    let shape_guards = shape_env_guards;
    for (expr, want) in [
        ("L['x'].shape[0] in L['lo']", "False"),
        ("L['lo'].count(L['x'].shape[0])", "0"),
        ("L['x'].shape[0] in L['s']", "False"),
        ("L['s'].count(L['x'].shape[0])", "0"),
        ("L['x'].shape[0] in L['d'].values()", "False"),
    ] {
        let run = run_of(sizes, expr, want);
        assert_eq!(shape_guards(&run), Vec::<String>::new(), "{expr}");
    }
    for (expr, want) in [
        ("L['x'].shape[0] in L['l']", "False"),
        ("L['l'].count(L['x'].shape[0])", "0"),
    ] {
        let run = run_of(sizes, expr, want);
        assert_eq!(
            shape_guards(&run),
            ["L['x'].size()[0] != 5", "L['x'].size()[0] != 6"],
            "{expr}"
        );
    }
    let json = r#"{"locals": {"n": 1, "s": ["a", "b"], "lo": [{"$object": "A"}, {"$object": "A"}],
        "l": [5, 6], "ints": [1, 2]}}"#;
    for (expr, want) in [
        ("L['n'] in L['s']", "False"),
        ("L['s'].count(L['n'])", "0"),
        ("L['n'] in L['lo']", "False"),
        ("L['lo'].count(L['n'])", "0"),
    ] {
        let run = run_of(json, expr, want);
        let n: Vec<_> = run.guards.iter().filter(|g| g.source == "L['n']").collect();
        assert_eq!(n.len(), 1, "{expr}: {n:?}");
        assert_eq!(n[0].kind, GuardKind::TypeMatch, "{expr}: {n:?}");
    }
    let run = run_of(json, "L['l'] in L['ints']", "False");
    let l: Vec<_> = run
        .guards
        .iter()
        .filter(|g| g.source.starts_with("L['l']"))
        .map(|g| format!("{} {} {}", g.kind, g.source, g.detail))
        .collect();
    assert_eq!(l, ["TYPE_MATCH L['l'] list"]);
    // What the answer depends on is still guarded.
    let run = run_of(json, "L['n'] in L['ints']", "True");
    assert!(
        run.guards
            .iter()
            .any(|g| g.kind == GuardKind::ConstantMatch && g.source == "L['n']"),
        "{:?}",
        run.guards
    );
    assert_constants(json, &[("L['ints'].index(L['n'])", "0")]);
    assert_python_errors(json, &[("L['s'].index(L['n'])", "1 is not in list")]);
}

/// The guards the command prints for the lazy run of `program` over the
/// frame `json`, the lines after `guards of the lazy run:` as they are,
/// after checking that it exits 0: the lazy and the eager run returned the
/// same. `name` names the files, one pair per call site (the tests run in
/// parallel).
fn printed_guards(name: &str, json: &str, program: &str) -> Vec<String> {
    let frame = temp_file(&format!("{name}.json"), json);
    let program = temp_file(&format!("{name}.prog"), program);
    let outcome = main_with_args([
        "--frame".to_string(),
        frame.display().to_string(),
        "--program".to_string(),
        program.display().to_string(),
    ]);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    let heading = "guards of the lazy run:\n";
    let at = outcome
        .stdout
        .find(heading)
        .expect("the report lists the guards");
    outcome.stdout[at + heading.len()..]
        .lines()
        .map(str::to_string)
        .collect()
}

/// `hasattr(x, name)` of a constant, a list, a tuple or a dict is answered
/// by its type alone (none has attributes of its own): a `TYPE_MATCH`, not
/// the `CONSTANT_MATCH` of its value (nor a list's `LEN_CHECK`, a dict's
/// `DICT_KEYS`) that building it installed. An `$object` still gets its
/// `HASATTR`, and a function its `ID_MATCH`.
#[test]
fn hasattr_of_a_constant_or_a_container_guards_its_type_alone() {
    let json = r#"{"locals": {"i": 3, "s": "ab", "f": 1.5, "b": true, "n": null,
        "l": [1, 2], "t": {"$tuple": [1]}, "d": {"a": 1}, "o": {"$object": "Linear", "w": 1}},
        "globals": {"fn": {"$function": "torch.relu"}}}"#;
    let program = "\
a = hasattr(L['i'], 'real')
b = hasattr(L['s'], 'upper')
c = hasattr(L['f'], 'nope')
d = hasattr(L['b'], 'bit_length')
e = hasattr(L['n'], 'x')
f = hasattr(L['l'], 'append')
g = hasattr(L['t'], 'append')
h = hasattr(L['d'], 'keys')
k = hasattr(L['o'], 'w')
m = hasattr(G['fn'], '__name__')
return a, b, c, d, e, f, g, h, k, m
";
    assert_eq!(
        printed_guards("hasattr_by_type", json, program),
        [
            "  TYPE_MATCH     L['i'] int",
            "  TYPE_MATCH     L['s'] str",
            "  TYPE_MATCH     L['f'] float",
            "  TYPE_MATCH     L['b'] bool",
            "  TYPE_MATCH     L['n'] NoneType",
            "  TYPE_MATCH     L['l'] list",
            "  TYPE_MATCH     L['t'] tuple",
            "  TYPE_MATCH     L['d'] dict",
            "  TYPE_MATCH     L['o'] Linear",
            "  HASATTR        L['o'] has 'w'",
            "  ID_MATCH       G['fn'] <function torch.relu>",
        ]
    );
    let run = lazy_run(json, program);
    let answers = [
        "True", "True", "False", "True", "False", "True", "False", "True", "True", "True",
    ];
    let want: Vec<String> = answers
        .iter()
        .map(|a| format!("ConstantVariable({a})"))
        .collect();
    assert_eq!(run.returned, want);
    // The value used after is guarded as before: its `CONSTANT_MATCH`
    // replaces the `TYPE_MATCH`.
    let used = printed_guards(
        "hasattr_then_used",
        json,
        "a = hasattr(L['i'], 'real')\nb = L['i'] + 1\nreturn a, b\n",
    );
    assert_eq!(used, ["  CONSTANT_MATCH L['i'] == 3"]);
}

/// `isinstance(x, T)` and `x is None` depend on `x`'s type alone (`None`
/// is the one value of its type), and guard no more: a frame's value not
/// built yet gets a `TYPE_MATCH` and stays unbuilt, where building it
/// installed a tuple's or a list's `LEN_CHECK`, a dict's `DICT_KEYS` and
/// `None`'s `CONSTANT_MATCH`.
#[test]
fn isinstance_and_is_none_guard_the_type_alone() {
    let json = r#"{"locals": {"t": {"$tuple": [1, [2, 3]]}, "l": [4], "d": {"a": 1},
        "n": null, "o": {"$object": "Linear", "w": 1}},
        "globals": {"fn": {"$function": "torch.relu"}}}"#;
    let program = "\
a = isinstance(L['t'], tuple)
b = isinstance(L['d'], dict)
c = L['t'] is None
e = L['l'] is not None
f = L['n'] is None
g = L['d'] is None
h = isinstance(L['o'], int)
k = G['fn'] is None
return a, b, c, e, f, g, h, k
";
    assert_eq!(
        printed_guards("isinstance_is_none", json, program),
        [
            "  DICT_CONTAINS  G has no 'tuple'",
            "  TYPE_MATCH     L['t'] tuple",
            "  DICT_CONTAINS  G has no 'dict'",
            "  TYPE_MATCH     L['d'] dict",
            "  TYPE_MATCH     L['l'] list",
            "  TYPE_MATCH     L['n'] NoneType",
            "  DICT_CONTAINS  G has no 'int'",
            "  TYPE_MATCH     L['o'] Linear",
            "  TYPE_MATCH     G['fn'] function",
        ]
    );
    let run = lazy_run(json, program);
    let answers = [
        "True", "True", "False", "True", "True", "False", "False", "False",
    ];
    let want: Vec<String> = answers
        .iter()
        .map(|a| format!("ConstantVariable({a})"))
        .collect();
    assert_eq!(run.returned, want);
    assert_eq!(run.stats.realized, 0, "{:?}", run.events);
    // A value used afterwards is built and guarded as before.
    let used = printed_guards(
        "isinstance_then_len",
        json,
        "a = isinstance(L['t'], tuple)\nb = L['n'] is None\nc = len(L['t'])\nreturn a, b, c\n",
    );
    assert_eq!(
        used,
        [
            "  DICT_CONTAINS  G has no 'tuple'",
            "  TYPE_MATCH     L['t'] tuple",
            "  TYPE_MATCH     L['n'] NoneType",
            "  LEN_CHECK      L['t'] len == 2",
        ]
    );
}

/// A list, a tuple or a dict compared with itself (the same variable on
/// both sides) is equal to itself whatever its items, as in CPython, whose
/// containers compare items by identity first (`xs = [nan]; xs == xs` is
/// True): its type is guarded, not its length nor its items, and a tensor
/// among them is not built. A bare float is compared by its value (`nan ==
/// nan` is False), and guarded by it.
#[test]
fn a_container_compared_with_itself_guards_its_type_alone() {
    let json = r#"{"locals": {"xs": [1, 2.5, "a"], "t": {"$tuple": [1, [2]]}, "d": {"a": 1},
        "lt": [{"$tensor": [2]}], "f": 1.5, "s": "nan"}}"#;
    let program = "\
a = L['xs'] == L['xs']
b = L['t'] != L['t']
c = L['d'] == L['d']
e = L['xs'] <= L['xs']
g = L['t'] < L['t']
ys = L['xs']
h = ys == L['xs']
k = L['lt'] == L['lt']
m = L['f'] == L['f']
n = float(L['s'])
p = n == n
return a, b, c, e, g, h, k, m, p
";
    assert_eq!(
        printed_guards("compared_with_itself", json, program),
        [
            "  TYPE_MATCH     L['xs'] list",
            "  TYPE_MATCH     L['t'] tuple",
            "  TYPE_MATCH     L['d'] dict",
            "  TYPE_MATCH     L['lt'] list",
            "  CONSTANT_MATCH L['f'] == 1.5",
            "  CONSTANT_MATCH L['s'] == 'nan'",
        ]
    );
    let run = lazy_run(json, program);
    let answers = [
        "True", "False", "True", "True", "False", "True", "True", "True", "False",
    ];
    let want: Vec<String> = answers
        .iter()
        .map(|a| format!("ConstantVariable({a})"))
        .collect();
    assert_eq!(run.returned, want);
    assert_eq!(run.stats.graph_inputs, 0);
    // Two lists with the same items are compared item by item, as before.
    let two = r#"{"locals": {"xs": [1], "ys": [1]}}"#;
    assert_eq!(
        printed_guards(
            "compared_with_another",
            two,
            "r = L['xs'] == L['ys']\nreturn r\n"
        ),
        [
            "  TYPE_MATCH     L['xs'] list",
            "  TYPE_MATCH     L['ys'] list",
            "  LEN_CHECK      L['xs'] len == 1",
            "  LEN_CHECK      L['ys'] len == 1",
            "  CONSTANT_MATCH L['xs'][0] == 1",
            "  CONSTANT_MATCH L['ys'][0] == 1",
        ]
    );
    // Dicts are not ordered, compared with themselves too.
    assert_python_errors(
        json,
        &[(
            "L['d'] < L['d']",
            "'<' not supported between instances of 'dict' and 'dict'",
        )],
    );
}

#[test]
fn verbose_lists_each_realization_with_its_source_and_guards() {
    let input = input(frame(SMALL), "h = L['x'].relu()\nreturn h\n");
    let runs = compare(&input).unwrap();
    let text = tracer::run::render(&input, &runs.lazy, Some(&runs.eager), None, true);
    assert!(text.contains("realize L['x'] -> TensorVariable"), "{text}");
    assert!(
        text.contains("+ TENSOR_MATCH   L['x'] float32[?32, 16]"),
        "{text}"
    );
    let quiet = tracer::run::render(&input, &runs.lazy, Some(&runs.eager), None, false);
    assert!(!quiet.contains("realize L['x']"));
}

#[test]
fn the_command_runs_the_built_in_input_with_no_arguments() {
    let outcome = main_with_args(Vec::<String>::new());
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(outcome.stdout.contains("trackers realized"));
    assert!(
        outcome
            .stdout
            .contains("Both runs return the same values: yes")
    );
    assert!(outcome.stderr.is_empty());
}

// --- errors ---------------------------------------------------------------------

fn temp_file(name: &str, text: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lazy-tracer-test");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

fn one_line(text: &str) -> bool {
    text.ends_with('\n') && text.trim_end().lines().count() == 1
}

#[test]
fn malformed_json_is_a_one_line_error_with_its_line_and_exit_code_2() {
    let path = temp_file(
        "bad.json",
        "{\n  \"locals\": {\n    \"x\": [1, 2,,]\n  }\n}\n",
    );
    let outcome = main_with_args(["--frame".to_string(), path.display().to_string()]);
    assert_eq!(outcome.code, 2);
    assert!(one_line(&outcome.stderr), "{:?}", outcome.stderr);
    assert!(outcome.stderr.contains("bad.json:3:"), "{}", outcome.stderr);
    assert!(outcome.stdout.is_empty());
}

#[test]
fn frame_errors_name_their_line() {
    let cases = [
        (
            "{\"locals\": {\n\"t\": {\"$tnsor\": [1]}}}",
            2,
            "unknown tag `$tnsor`",
        ),
        (
            "{\"locals\": {\n\n\"t\": {\"$tensor\": [1], \"dtype\": \"float33\"}}}",
            3,
            "unknown dtype `float33`",
        ),
        ("{\"frame\": {}}", 1, "unexpected key `frame`"),
        (
            "{\"locals\": {\"d\": {\"$dict\": [[[1], 2]]}}}",
            1,
            "unhashable dict key of type 'list'",
        ),
        (
            "{\"locals\": {\"t\": {\"$tensor\": [2], \"dynamic\": [1]}}}",
            1,
            "dynamic dim 1 is out of range",
        ),
        (
            "{\"locals\": {\"a\": 1, \"$b\": 2}}",
            1,
            "must be the first key",
        ),
        ("", 1, "the frame is empty"),
    ];
    for (json, line, message) in cases {
        let error = parse_frame("f.json", json).unwrap_err();
        assert_eq!(error.line(), Some(line), "{json}: {error}");
        assert!(error.to_string().contains(message), "{json}: {error}");
        assert_eq!(error.to_string().lines().count(), 1);
        assert_eq!(error.exit_code(), 2);
    }
}

#[test]
fn unknown_operation_is_an_error_with_its_line() {
    let error = parse_program("p.txt", "x = L['x']\n\nfrobnicate x\n").unwrap_err();
    assert_eq!(
        error,
        TracerError::Program {
            file: "p.txt".into(),
            line: 3,
            message: "unknown operation `frobnicate`: expected `NAME = EXPR`, `G['NAME'] = EXPR`, a call, `if`, `else`, `end` or `return`".into(),
        }
    );
    let path = temp_file("bad.prog", "x = L['x']\nfrobnicate x\n");
    let outcome = main_with_args(["--program".to_string(), path.display().to_string()]);
    assert_eq!(outcome.code, 2);
    assert!(one_line(&outcome.stderr));
    assert!(outcome.stderr.starts_with("error: "), "{}", outcome.stderr);
    assert!(
        outcome
            .stderr
            .contains("bad.prog:2: unknown operation `frobnicate`"),
        "{}",
        outcome.stderr
    );
}

#[test]
fn program_syntax_errors_name_their_line() {
    let cases = [
        ("if L['x']\nx = 1\n", 1, "`if` is never closed"),
        ("x = 1\nend\n", 2, "`end` without `if`"),
        ("x = 1\nelse\n", 2, "`else` without `if`"),
        ("x = (1\n", 1, "expected `)`"),
        ("x = L[x]\n", 1, "expected a quoted name"),
        ("x = 'open\n", 1, "unterminated string"),
        ("x = 1 $ 2\n", 1, "unexpected character `$`"),
        ("x = 1 \0 2\n", 1, "source code cannot contain null bytes"),
        ("x = 1\n# \0\n", 2, "source code cannot contain null bytes"),
        (
            "x = 1 \u{b} 2\n",
            1,
            "invalid non-printable character U+000B",
        ),
        ("\n\nif = 3\n", 3, "expected a value, found `=`"),
        ("\nif\nend\n", 2, "expected an expression"),
        ("x = f\"{n\"\n", 1, "unclosed `{`"),
        (
            "x = f'{L['x']}'\n",
            1,
            "the `'` inside a placeholder ends the f-string; quote inside it with `\"`",
        ),
        ("L['x'] = 1\n", 1, "storing into a local"),
        ("x = 1\nx\n", 2, "unknown operation `x`"),
        (
            "x = 0777\n",
            1,
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        ),
        ("x = 1__000\n", 1, "a `_` goes between two digits"),
        ("x = 1_\n", 1, "a `_` goes between two digits"),
        ("x = 1_e5\n", 1, "a `_` goes between two digits"),
        (
            "x = 1\ny = ((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((((1))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))))\n",
            2,
            "nested more than 64 deep",
        ),
    ];
    for (text, line, message) in cases {
        let error = parse_program("p", text).unwrap_err();
        assert_eq!(error.line(), Some(line), "{text:?}: {error}");
        assert!(error.to_string().contains(message), "{text:?}: {error}");
    }
}

/// Number literals Python reads (checked against `python3`): `_` between
/// digits, in an exponent too; zeros alone, and before a float's point.
#[test]
fn number_literals_read_as_python() {
    let cases = [
        ("1_000", "1000"),
        ("00", "0"),
        ("0_0", "0"),
        ("1_0.5", "10.5"),
        ("007.5", "7.5"),
        ("1e1_0", "10000000000.0"),
    ];
    for (literal, want) in cases {
        let run = lazy_run(SMALL, &format!("x = {literal}\nreturn x\n"));
        assert_eq!(
            run.returned,
            [format!("ConstantVariable({want})")],
            "{literal}"
        );
    }
}

#[test]
fn huge_lines_are_refused_not_overflowing_the_stack() {
    let chain = format!("x = L['obj']{}\n", ".a".repeat(100_000));
    let error = parse_program("p", &chain).unwrap_err();
    assert_eq!(error.line(), Some(1));
    assert!(error.to_string().contains("line too long"), "{error}");
    let sum = format!("x = 1{}\n", " + 1".repeat(200));
    let run = lazy_run(SMALL, &format!("{sum}return x\n"));
    assert_eq!(run.returned, vec!["ConstantVariable(201)"]);
    // Adjacent literals joined into one token count one each: a line of
    // many is refused as soon as it passes the bound, plain or f-strings.
    for literal in ["'ab'", "f'ab'"] {
        let joined = format!("x = {}\n", [literal; 600].join(" "));
        let error = parse_program("p", &joined).unwrap_err();
        assert!(error.to_string().contains("line too long"), "{error}");
    }
    let few = format!("x = {}\nreturn len(x)\n", ["'ab'"; 200].join(" "));
    let run = lazy_run(SMALL, &few);
    assert_eq!(run.returned, vec!["ConstantVariable(400)"]);
}

#[test]
fn paths_that_do_not_exist_are_errors_with_their_line() {
    let cases = [
        ("a = 1\nb = L['nope']\n", 2, "the frame has no local 'nope'"),
        ("b = G['nope']\n", 1, "the frame has no global 'nope'"),
        (
            "a = L['obj']\n\nb = a.missing\n",
            3,
            "'Linear' object has no attribute 'missing'",
        ),
        ("b = L['cfg']['width']\n", 1, "KeyError: 'width'"),
        ("b = L['xs'][7]\n", 1, "list index out of range"),
        ("b = y + 1\n", 1, "unknown name 'y'"),
        ("b = L['x'] @ L['x']\n", 1, "shape mismatch for @"),
        ("if L['x'] > 0\nend\n", 1, "depends on its data"),
        ("b = nope(1)\n", 1, "unknown name 'nope'"),
        // A builtin Python has and this tracer lacks says so; it was an
        // "unknown name", which Python's `NameError` would be.
        (
            "b = round(2.5)\n",
            1,
            "the Python builtin 'round' is not supported by this tracer",
        ),
        (
            "b = sorted(L['xs'])\n",
            1,
            "the Python builtin 'sorted' is not supported by this tracer",
        ),
        (
            "b = divmod(7, 2)\n",
            1,
            "the Python builtin 'divmod' is not supported by this tracer",
        ),
        (
            "b = list(L['xs'])\n",
            1,
            "the Python builtin 'list' is not supported by this tracer",
        ),
    ];
    for (program, line, message) in cases {
        let error = run_mode(&input(frame(SMALL), program), Mode::Lazy).unwrap_err();
        assert_eq!(error.line(), Some(line), "{program:?}: {error}");
        assert!(error.to_string().contains(message), "{program:?}: {error}");
        assert_eq!(error.to_string().lines().count(), 1);
    }
}

#[test]
fn bad_arguments_and_missing_files_exit_with_code_2() {
    let outcome = main_with_args(["--bogus".to_string()]);
    assert_eq!(outcome.code, 2);
    assert!(outcome.stderr.contains("unknown argument `--bogus`"));
    let outcome = main_with_args(["--frame".to_string()]);
    assert_eq!(outcome.code, 2);
    // A second file for one flag is refused, not silently taken.
    let outcome = main_with_args(["--program", "a.prog", "--program", "b.prog"].map(String::from));
    assert_eq!(outcome.code, 2);
    assert!(
        outcome.stderr.contains("`--program` is given twice"),
        "{}",
        outcome.stderr
    );
    let outcome = main_with_args(["--frame".to_string(), "/nonexistent/frame.json".to_string()]);
    assert_eq!(outcome.code, 2);
    assert!(one_line(&outcome.stderr));
    assert!(
        outcome
            .stderr
            .contains("cannot read /nonexistent/frame.json")
    );
}

/// Generated programs and frames: never a panic, only one-line errors.
///
/// A small seeded generator instead of proptest (see `common::Rng`); a
/// failure prints the input, which is enough to turn it into a test.
mod no_panics {
    use super::common::Rng;
    use super::{SMALL, frame, tracer};
    use tracer::builder::Mode;
    use tracer::run::{Input, parse_frame, parse_program, run_mode};

    const PIECES: &[&str] = &[
        "x",
        "=",
        "L['x']",
        "L['xs']",
        "L['obj']",
        "L['cfg']",
        "G['fn']",
        "G['pair']",
        ".",
        "weight",
        "size",
        "(",
        ")",
        "[",
        "]",
        "0",
        "-1",
        "'act'",
        "+",
        "*",
        "@",
        "//",
        "%",
        "==",
        ">",
        "in",
        "is",
        "None",
        "not",
        "if",
        "else",
        "end",
        "return",
        ",",
        "\n",
        "f\"{x:>4}\"",
        "len",
        "log",
        "isinstance",
        "float",
        "format",
        "'05d'",
        "relu",
        "t",
        "G['k']",
        "=",
        "1e3",
        "\"s\"",
        ":",
    ];

    #[test]
    fn arbitrary_programs_never_panic() {
        for seed in 0..300 {
            let mut rng = Rng::new(seed);
            let len = rng.below(40);
            let text: Vec<&str> = (0..len).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            let text = text.join(" ");
            if let Ok(program) = parse_program("p", &text) {
                let input = Input {
                    frame: frame(SMALL),
                    frame_name: "f".into(),
                    program,
                    program_name: "p".into(),
                };
                for mode in [Mode::Lazy, Mode::Eager] {
                    if let Err(error) = run_mode(&input, mode) {
                        assert_eq!(error.to_string().lines().count(), 1, "{text:?}");
                        assert!(error.line().is_some(), "{text:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn arbitrary_frames_never_panic() {
        const CHARS: &[u8] = b"[]{}:,\"$abcdefghijklmnopqrstuvwxyz0123456789 \n-";
        for seed in 0..300 {
            let mut rng = Rng::new(seed);
            let len = rng.below(61);
            let text: String = (0..len)
                .map(|_| char::from(CHARS[rng.below(CHARS.len())]))
                .collect();
            if let Err(error) = parse_frame("f", &text) {
                assert_eq!(error.to_string().lines().count(), 1, "{text:?}");
            }
        }
    }
}

// --- Python text -------------------------------------------------------------------

#[test]
fn float_reprs_match_python() {
    let cases = [
        (0.125, "0.125"),
        (3.0, "3.0"),
        (1e-5, "1e-05"),
        (-2.5e-7, "-2.5e-07"),
        (1e16, "1e+16"),
        (0.0001, "0.0001"),
    ];
    for (x, text) in cases {
        assert_eq!(Value::Float(x).repr(), text);
    }
    // Python's own answers (tests/data/float_reprs.txt, written by python3),
    // among them ties where Rust's shortest digits are the other string of
    // the same length (`...296.13` for Python's `...296.12`).
    let table = include_str!("data/float_reprs.txt");
    let mut checked = 0;
    for line in table.lines().filter(|line| !line.starts_with('#')) {
        let (bits, text) = line.split_once(' ').expect("bits, then the repr");
        let x = f64::from_bits(bits.parse().expect("the bits of an f64"));
        assert_eq!(Value::Float(x).repr(), text, "the f64 of bits {bits}");
        checked += 1;
    }
    assert!(checked > 250, "the table has {checked} values");
}

/// A frame's floats are read exactly: serde_json's default parser may read
/// a decimal 1 ULP off (`1.4000000000000001` as `1.4`, for about 30% of
/// random bit patterns); its `float_roundtrip` feature reads them as Python
/// does. Each value of tests/data/float_reprs.txt, written as Python's
/// repr in a frame, must come back as the same bits, and its guard and the
/// returned value must show the same repr.
#[test]
fn frame_floats_are_read_exactly() {
    let run = lazy_run(
        r#"{"locals": {"a": 1.4000000000000001, "b": 983.3904328663875}}"#,
        "r = L['a'] == 1.4000000000000001\nreturn L['a'], r, L['b']\n",
    );
    assert_eq!(
        run.returned,
        [
            "ConstantVariable(1.4000000000000001)",
            "ConstantVariable(True)",
            "ConstantVariable(983.3904328663875)",
        ]
    );
    let guards: Vec<String> = run.guards.iter().map(|g| g.to_string()).collect();
    assert!(
        guards
            .iter()
            .any(|g| g.ends_with("L['a'] == 1.4000000000000001")),
        "{guards:?}"
    );
    let table = include_str!("data/float_reprs.txt");
    let mut entries = Vec::new();
    let mut bits_of = Vec::new();
    for line in table.lines().filter(|line| !line.starts_with('#')) {
        let (bits, text) = line.split_once(' ').expect("bits, then the repr");
        let x = f64::from_bits(bits.parse().expect("the bits of an f64"));
        if !x.is_finite() {
            continue; // JSON has no inf or nan
        }
        entries.push(format!("\"v{}\": {text}", entries.len()));
        bits_of.push(x.to_bits());
    }
    let frame = frame(&format!("{{\"locals\": {{{}}}}}", entries.join(", ")));
    assert_eq!(frame.locals.len(), bits_of.len());
    for ((name, value), bits) in frame.locals.iter().zip(&bits_of) {
        match **value {
            Value::Float(x) => assert_eq!(x.to_bits(), *bits, "{name}: read as {x:?}"),
            ref other => panic!("{name}: {other:?}"),
        }
    }
    assert!(
        bits_of.len() > 250,
        "the table has {} values",
        bits_of.len()
    );
}

/// `hash()` of numbers and tuples of them is Python's (values from
/// `python3`; 3,000 random ones agreed when this was written), and equal
/// numbers hash equal.
#[test]
fn hash_of_numbers_and_tuples_is_pythons() {
    use std::rc::Rc;
    let tuple = |items: Vec<Value>| Value::Tuple(items.into_iter().map(Rc::new).collect());
    let cases = [
        (Value::Int(5), 5),
        (Value::Int(-1), -2),
        (Value::Int(1 << 61), 1),
        (Value::Int(i64::MIN), -4),
        (Value::Bool(true), 1),
        (Value::Float(2.0), 2),
        (Value::Float(1.5), 1_152_921_504_606_846_977),
        (Value::Float(-0.5), -1_152_921_504_606_846_976),
        (Value::Float(1e300), 1_224_995_262_755_759_164),
        (Value::Float(f64::INFINITY), 314_159),
        (tuple(vec![]), 5_740_354_900_026_072_187),
        (
            tuple(vec![Value::Int(1), Value::Int(2)]),
            -3_550_055_125_485_641_917,
        ),
        (
            tuple(vec![
                Value::Int(1),
                tuple(vec![Value::Int(2), Value::Int(3)]),
            ]),
            7_267_574_591_690_527_098,
        ),
    ];
    for (value, hash) in cases {
        assert_eq!(value.py_hash() as i64, hash, "{value:?}");
    }
    let run = lazy_run(
        r#"{"locals": {"t": {"$tuple": [1, 2]}}}"#,
        "r = hash(L['t'])\nreturn r\n",
    );
    assert_eq!(run.returned, ["ConstantVariable(-3550055125485641917)"]);
}

/// The empty string's hash is not salted: Python's `hash('')` is 0 in every
/// run (`PYTHONHASHSEED` or not), and so a tuple holding it hashes as one
/// holding 0 (checked against `python3`). It was a hash of its repr.
#[test]
fn hash_of_the_empty_string_is_0_as_in_python() {
    let json = r#"{"locals": {"e": "", "t": {"$tuple": [""]}}}"#;
    assert_constants(
        json,
        &[
            ("hash('')", "0"),
            ("hash(L['e'])", "0"),
            ("hash(L['t'])", "-8753497827991233192"),
        ],
    );
}

/// An `$object` and a tensor hash by their identity, which their source and
/// their graph node stand for: under a tag, so that no string's hash is
/// theirs (`hash(L['o']) == hash("L['o']")` was True, as was
/// `hash(L['x']) == hash('l_x_')`). Python's hashes differ (an address).
#[test]
fn hashes_of_objects_and_tensors_are_no_strings_hashes() {
    let json = r#"{"locals": {"o": {"$object": "A"}, "x": {"$tensor": [2, 3]}}}"#;
    for program in [
        "r = hash(L['o']) == hash(\"L['o']\")",
        "r = hash(L['x']) == hash('l_x_')",
        "r = hash(L['x']) == hash('l_x')",
        "G['g'] = L['o']\nr = hash(G['g']) == hash(\"L['o']\")",
    ] {
        let run = lazy_run(json, &format!("{program}\nreturn r\n"));
        assert_eq!(run.returned, ["ConstantVariable(False)"], "{program}");
    }
    // Still by identity: a copy hashes as the object.
    let run = lazy_run(
        json,
        "G['g'] = L['o']\nr = hash(G['g']) == hash(L['o'])\nreturn r\n",
    );
    assert_eq!(run.returned, ["ConstantVariable(True)"]);
}

/// `hash()` of a NaN is its object's identity since Python 3.10, so no
/// value the tracer gives could be Python's (it gave 0): an error that says
/// so (a program builds no tuple, and a frame's JSON holds no NaN, so a
/// NaN inside a tuple cannot be reached); other floats hash as before
/// (Python's `hash(float('inf'))` is 314159).
#[test]
fn hash_of_a_nan_is_an_error() {
    let json = r#"{"locals": {"t": {"$tuple": [1, {"$tuple": [2.5]}]}}}"#;
    let message = "hash() of a float NaN depends on the object's identity in Python 3.10+; not supported by this tracer";
    assert_errors(
        json,
        &[
            ("hash(float('nan'))", message),
            ("hash(-float('nan'))", message),
            ("hash(float('inf') - float('inf'))", message),
        ],
    );
    assert_constants(
        json,
        &[
            ("hash(float('inf'))", "314159"),
            ("hash(L['t']) == hash(L['t'])", "True"),
        ],
    );
}

/// A spec Python refuses is refused with Python's text (the tracer had
/// its own: "invalid format spec ',x': cannot specify ',' with 'x'"), in
/// Python's order: what parsing refuses, then the type code the value has
/// not, then what its type refuses. Python's texts, from `python3` 3.11
/// (the audit's 1,815 + more generated specs Python refuses agree).
#[test]
fn format_spec_errors_are_pythons() {
    use tracer::format::format_value;
    let cases = [
        (
            Value::Int(1),
            "5q5",
            "Invalid format specifier '5q5' for object of type 'int'",
        ),
        (Value::Int(1), ".", "Format specifier missing precision"),
        (Value::str("a"), ".", "Format specifier missing precision"),
        (
            Value::Int(1),
            "s",
            "Unknown format code 's' for object of type 'int'",
        ),
        (
            Value::str("a"),
            "x",
            "Unknown format code 'x' for object of type 'str'",
        ),
        (
            Value::Float(1.5),
            "d",
            "Unknown format code 'd' for object of type 'float'",
        ),
        (
            Value::Int(1),
            ".2d",
            "Precision not allowed in integer format specifier",
        ),
        (
            Value::Int(1),
            ".2",
            "Precision not allowed in integer format specifier",
        ),
        (Value::Int(1), ",x", "Cannot specify ',' with 'x'."),
        (Value::Float(1.5), ",x", "Cannot specify ',' with 'x'."),
        (Value::str("a"), ",x", "Cannot specify ',' with 'x'."),
        (Value::str("a"), ",", "Cannot specify ',' with 's'."),
        (
            Value::str("a"),
            "+",
            "Sign not allowed in string format specifier",
        ),
        (
            Value::str("a"),
            " ",
            "Space not allowed in string format specifier",
        ),
        (
            Value::str("a"),
            "=5",
            "'=' alignment not allowed in string format specifier",
        ),
        (
            Value::Bool(true),
            ".1b",
            "Precision not allowed in integer format specifier",
        ),
        (
            Value::Bool(true),
            "q",
            "Unknown format code 'q' for object of type 'bool'",
        ),
        (Value::Int(1), ",,", "Cannot specify ',' with ','."),
        (Value::Int(1), ",_", "Cannot specify both ',' and '_'."),
        (
            Value::Int(1),
            ".5q",
            "Unknown format code 'q' for object of type 'int'",
        ),
        (
            Value::Int(1),
            "5 ",
            "Unknown format code '\\x20' for object of type 'int'",
        ),
        (
            Value::Int(1),
            "é",
            "Unknown format code '\\xe9' for object of type 'int'",
        ),
        (Value::Int(1), ",é", "Cannot specify ',' with '\\xe9'."),
        (
            Value::Float(1.5),
            "c",
            "Unknown format code 'c' for object of type 'float'",
        ),
        (
            Value::str("a"),
            "n",
            "Unknown format code 'n' for object of type 'str'",
        ),
        (
            Value::None,
            "5",
            "unsupported format string passed to NoneType.__format__",
        ),
    ];
    for (value, spec, python) in cases {
        let error = format_value(&value, spec).expect_err(spec);
        assert_eq!(error.0, python, "{value:?} {spec:?}");
    }
}

/// What Python reads and the tracer does not format (`#`, `z`, `_`, the
/// types `n` `c`) is refused only after Python's own errors: a spec Python
/// refuses for another reason gets Python's text (the tracer named the
/// unsupported part first). Python's texts; the unsupported ones, which
/// Python formats, stay the tracer's refusal.
#[test]
fn format_spec_errors_come_before_what_the_tracer_does_not_support() {
    use tracer::format::format_value;
    let a = || Value::str("a");
    let cases = [
        (
            a(),
            "#x",
            "Unknown format code 'x' for object of type 'str'",
        ),
        (
            a(),
            "#",
            "Alternate form (#) not allowed in string format specifier",
        ),
        (
            a(),
            "z",
            "Negative zero coercion (z) not allowed in string format specifier",
        ),
        (a(), "_", "Cannot specify '_' with 's'."),
        (a(), "+#", "Sign not allowed in string format specifier"),
        (
            Value::Int(1),
            "z",
            "Negative zero coercion (z) not allowed in integer format specifier",
        ),
        (
            Value::Int(1),
            "+c",
            "Sign not allowed with integer format specifier 'c'",
        ),
        (
            Value::Int(1),
            "#c",
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ),
        (
            Value::Int(1),
            ".2c",
            "Precision not allowed in integer format specifier",
        ),
        (
            Value::Int(1),
            ".1n",
            "Precision not allowed in integer format specifier",
        ),
        (Value::Int(1), ",n", "Cannot specify ',' with 'n'."),
        (Value::Int(1), "_n", "Cannot specify '_' with 'n'."),
        (
            Value::Float(1.5),
            "_x",
            "Unknown format code 'x' for object of type 'float'",
        ),
    ];
    for (value, spec, python) in cases {
        let error = format_value(&value, spec).expect_err(spec);
        assert_eq!(error.0, python, "{value:?} {spec:?}");
    }
    for (value, spec) in [
        (Value::Int(1), "#x"),
        (Value::Float(1.5), "z.1f"),
        (Value::Int(1), "_"),
        (Value::Int(1), "c"),
        (Value::Float(1.5), "n"),
    ] {
        let error = format_value(&value, spec).expect_err(spec);
        assert!(
            error.0.contains("is not supported by this tracer"),
            "{spec}: {}",
            error.0
        );
    }
}

#[test]
fn format_specs_match_python() {
    use tracer::format::format_value;
    let cases = [
        (Value::Int(32), ">5", "   32"),
        (Value::Int(32), "05d", "00032"),
        (Value::Int(-32), "05d", "-0032"),
        (Value::Int(1234567), ",", "1,234,567"),
        (Value::Int(255), "x", "ff"),
        (Value::Int(5), "*^7", "***5***"),
        (Value::Int(7), "+", "+7"),
        (Value::Float(1.23456), ".2f", "1.23"),
        (Value::Float(0.25), ".1%", "25.0%"),
        (Value::Float(1234.5), ".3e", "1.234e+03"),
        (Value::str("net"), "<6", "net   "),
        (Value::str("network"), ".3", "net"),
        (Value::Bool(true), "", "True"),
        // General format and no type with a precision: significant digits,
        // fixed or scientific by the exponent, trailing zeros dropped.
        (Value::Float(1234567.0), "g", "1.23457e+06"),
        (Value::Float(1e20), "g", "1e+20"),
        (Value::Float(1.23456), ".3g", "1.23"),
        (Value::Float(0.0001234), "G", "0.0001234"),
        (Value::Float(1e-7), "G", "1E-07"),
        (Value::Float(100.0), "g", "100"),
        (Value::Float(2.5), ".0g", "2"),
        (Value::Float(1234.5), ",g", "1,234.5"),
        (Value::Float(1.23456), ".2", "1.2"),
        (Value::Float(2.0), ".3", "2.0"),
        (Value::Float(1e-7), ".3", "1e-07"),
        (Value::Float(123.0), ".2", "1.2e+02"),
        (Value::Float(1e16), ".20", "10000000000000000.0"),
        // NaN and infinities in every float type; the sign of -0.0.
        (Value::Float(f64::NAN), "f", "nan"),
        (Value::Float(-f64::NAN), "e", "nan"),
        (Value::Float(f64::INFINITY), "F", "INF"),
        (Value::Float(f64::NEG_INFINITY), "%", "-inf%"),
        (Value::Float(-0.0), "", "-0.0"),
        (Value::Float(-0.0), ".1f", "-0.0"),
        (Value::Float(-0.0), "g", "-0"),
        // Zero padding with grouping pads with grouped digits.
        (Value::Int(1234), "010,", "00,001,234"),
        (Value::Int(1234), "08,", "0,001,234"),
        (Value::Int(-1234), "08,", "-001,234"),
        (Value::Float(1234.5), "010,", "0,001,234.5"),
        // A bool with a spec is formatted as an int; a string's `0` fills.
        (Value::Bool(true), ">6", "     1"),
        (Value::str("ab"), "05", "ab000"),
        // The `0` flag fills with zeros beside an alignment, and after a
        // fill it starts the width.
        (Value::Float(1.25), ">08", "00001.25"),
        (Value::Int(32), ">05", "00032"),
        (Value::Int(-32), "<06", "-32000"),
        (Value::Bool(true), "^ 08d", "000 1000"),
        (Value::Int(7), "*>08", "*******7"),
        (Value::Float(-0.0), "=08,.1F", "-0,000.0"),
        // `,` groups the integer part only, `%` too; zeros before `inf` and
        // `nan` are not grouped.
        (Value::Float(1e16), ",", "1e+16"),
        (Value::Float(1e16), "=012,", "0,000,001e+16"),
        (Value::Float(1234.5), ",.1%", "123,450.0%"),
        (Value::Float(f64::INFINITY), "010,", "0000000inf"),
        (Value::Float(f64::NEG_INFINITY), "08,.3E", "-0000INF"),
    ];
    for (value, spec, text) in cases {
        assert_eq!(
            format_value(&value, spec).as_deref(),
            Ok(text),
            "{value:?} {spec}"
        );
    }
    for (value, spec) in [
        (Value::Float(1.0), "d"),
        (Value::str("s"), "+"),
        (Value::Int(1), "s"),
        (Value::Int(1), "q"),
        (Value::Int(255), ",x"),
        (Value::Int(12), ".0"),
        (Value::Float(1.0), "#"),
        (Value::str("abc"), "=s"),
        (Value::str("abc"), "0="),
    ] {
        assert!(format_value(&value, spec).is_err(), "{value:?} {spec}");
    }
}

// --- the built-in input, exactly ---------------------------------------------------

fn realized_sources(run: &Run) -> Vec<String> {
    run.events
        .iter()
        .filter_map(|e| match e {
            Event::Realize { source, .. } => Some(source.clone()),
            Event::Guard(_) => None,
        })
        .collect()
}

#[test]
fn built_in_lazy_run_builds_exactly_what_the_program_uses() {
    let runs = compare(&Input::built_in()).unwrap();
    let block = "L['self'].layers[3]";
    let expected: Vec<String> = [
        "L['self']".to_string(),
        "L['self'].layers".into(),
        "L['self'].training".into(),
        "L['x']".into(),
        block.into(),
        format!("{block}.attn"),
        format!("{block}.attn.q_proj"),
        format!("{block}.attn.q_proj.weight"),
        format!("{block}.attn.q_proj.bias"),
        // `isinstance(block.attn.dropout, float)` builds nothing.
        "G['SCALE']".into(),
        format!("{block}.mlp"),
        format!("{block}.mlp.activation"),
        "G['F_relu']".into(),
        "L['step']".into(),
        "G['LOG_EVERY']".into(),
        // `G['last_norm'] = block.norm2` builds it, and `realize_all` on what
        // leaves the trace builds what it holds.
        format!("{block}.norm2"),
        format!("{block}.norm2.weight"),
        format!("{block}.norm2.bias"),
        format!("{block}.norm2.eps"),
    ]
    .into();
    assert_eq!(realized_sources(&runs.lazy), expected);
    assert_eq!(runs.lazy.stats.realized, expected.len());
    // Type questions guard without building.
    let dropout = format!("{block}.attn.dropout");
    assert!(
        runs.lazy
            .guards
            .iter()
            .any(|g| g.kind == GuardKind::TypeMatch && g.source == dropout)
    );
    assert!(
        !runs
            .lazy
            .guards
            .iter()
            .any(|g| g.kind == GuardKind::ConstantMatch && g.source == dropout)
    );
    // The f-string of the batch size is only logged: the one size guard is
    // the branch `n > 1`.
    let shape: Vec<String> = runs
        .lazy
        .guards
        .iter()
        .filter(|g| g.kind == GuardKind::ShapeEnv)
        .map(|g| format!("{} {}", g.source, g.detail))
        .collect();
    assert_eq!(shape, vec!["L['x'].size()[0] > 1"]);
    // Placeholders: the 12 frame names, and the items of every container built.
    let frame = Input::built_in().frame;
    let model_attrs = 5;
    let layers = tracer::frame_gen::LAYERS;
    let block_attrs = 6;
    let attn_attrs = 7;
    let q_proj_attrs = 4;
    let mlp_attrs = 3;
    let norm_attrs = 3;
    assert_eq!(
        runs.lazy.stats.created,
        frame.locals.len()
            + frame.globals.len()
            + model_attrs
            + layers
            + block_attrs
            + attn_attrs
            + q_proj_attrs
            + mlp_attrs
            + norm_attrs
    );
}

/// Counts the values of a frame that each guard kind covers when built.
fn eager_guards_expected(frame: &Frame) -> [(GuardKind, usize); 6] {
    fn walk(value: &Value, counts: &mut [usize; 6]) {
        match value {
            Value::None | Value::Bool(_) | Value::Int(_) | Value::Float(_) | Value::Str(_) => {
                counts[1] += 1
            }
            Value::List(items) | Value::Tuple(items) => {
                counts[0] += 1;
                counts[3] += 1;
                items.iter().for_each(|i| walk(i, counts));
            }
            Value::Dict(entries) => {
                counts[0] += 1;
                counts[4] += 1;
                entries.iter().for_each(|(_, v)| walk(v, counts));
            }
            Value::Tensor(_) => counts[2] += 1,
            Value::Object(object) => {
                counts[0] += 1;
                object.attrs.iter().for_each(|(_, v)| walk(v, counts));
            }
            Value::Function(_) | Value::Class(_) | Value::Builtin(_) => counts[5] += 1,
            Value::DictView(_) => unreachable!("a frame holds no dict view"),
        }
    }
    let mut counts = [0; 6];
    for (_, value) in frame.locals.iter().chain(&frame.globals) {
        walk(value, &mut counts);
    }
    [
        (GuardKind::TypeMatch, counts[0]),
        (GuardKind::ConstantMatch, counts[1]),
        (GuardKind::TensorMatch, counts[2]),
        (GuardKind::LenCheck, counts[3]),
        (GuardKind::DictKeys, counts[4]),
        (GuardKind::IdMatch, counts[5]),
    ]
}

#[test]
fn built_in_eager_run_guards_every_value_of_the_frame() {
    let input = Input::built_in();
    let eager = run_mode(&input, Mode::Eager).unwrap();
    for (kind, expected) in eager_guards_expected(&input.frame) {
        assert_eq!(count(&eager, kind), expected, "{kind}");
    }
}

#[test]
fn unpacking_builds_the_sequence_but_not_its_items() {
    let run = lazy_run(
        SMALL,
        "a, b, c = L['xs']\nlog(a, c)\nrows, cols = L['x'].shape\nreturn cols\n",
    );
    // xs (its items stay placeholders: only logged), then x.
    assert_eq!(realized_sources(&run), vec!["L['xs']", "L['x']"]);
    assert_eq!(
        run.log,
        vec!["LazyConstantVariable(unrealized: int) LazyConstantVariable(unrealized: int)"]
    );
    assert_eq!(run.returned, vec!["ConstantVariable(16)"]);
    let cases = [
        ("a, b = L['xs']\n", "too many values to unpack (expected 2)"),
        (
            "a, b, c, d = L['xs']\n",
            "not enough values to unpack (expected 4, got 3)",
        ),
        (
            "a, b = L['lr']\n",
            "cannot unpack non-iterable float object",
        ),
        // A tensor is iterable: its 32 rows are too many.
        ("a, b = L['x']\n", "too many values to unpack (expected 2)"),
    ];
    for (program, message) in cases {
        let error = run_mode(&input(frame(SMALL), program), Mode::Lazy).unwrap_err();
        assert_eq!(error.line(), Some(1));
        assert!(error.to_string().contains(message), "{program:?}: {error}");
    }
    let error = parse_program("p", "a, 3 = L['xs']\n").unwrap_err();
    assert!(
        error.to_string().contains("expected `NAME, NAME = EXPR`"),
        "{error}"
    );
}

/// `a, b, c = x` unpacks a tensor along its first dim, one `select` per
/// row, as Dynamo does (it was "cannot unpack non-iterable Tensor object",
/// which a tensor is not): a dynamic dim is specialized, guarded `== 3`, and
/// a count that does not match, or a 0-d tensor, is torch's and Python's
/// error, before any row is made.
#[test]
fn unpacking_a_tensor_yields_its_rows() {
    let json = r#"{"locals": {"x": {"$tensor": [3, 4]}, "y": {"$tensor": [3, 4], "dynamic": [0]},
        "z": {"$tensor": []}, "long": {"$tensor": [1000000000]}}}"#;
    let run = lazy_run(json, "a, b, c = L['x']\nreturn a, c\n");
    assert_eq!(
        run.returned,
        ["TensorVariable(float32[4])", "TensorVariable(float32[4])"]
    );
    assert_eq!(
        run.graph.nodes,
        [
            "select = torch.select(l_x_, 0)",
            "select_1 = torch.select(l_x_, 1)",
            "select_2 = torch.select(l_x_, 2)",
        ]
    );
    assert_eq!(
        run.codegen,
        [
            "LOAD_GRAPH_OUTPUT select",
            "LOAD_GRAPH_OUTPUT select_2",
            "BUILD_TUPLE 2",
            "RETURN_VALUE"
        ]
    );
    assert!(shape_env_guards(&run).is_empty());
    let run = lazy_run(json, "a, b, c = L['y']\nreturn b\n");
    assert_eq!(run.returned, ["TensorVariable(float32[4])"]);
    assert_eq!(shape_env_guards(&run), ["L['y'].size()[0] == 3"]);
    for (program, error) in [
        ("a, b = L['x']", "too many values to unpack (expected 2)"),
        (
            "a, b, c, d = L['y']",
            "not enough values to unpack (expected 4, got 3)",
        ),
        ("a, b = L['z']", "iteration over a 0-d tensor"),
        ("a, b = L['long']", "too many values to unpack (expected 2)"),
    ] {
        for mode in [Mode::Lazy, Mode::Eager] {
            let message = run_mode(&input(frame(json), &format!("{program}\nreturn a\n")), mode)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default();
            assert_eq!(
                message,
                format!("error: test.prog:1: {error}"),
                "{program} ({mode:?})"
            );
        }
    }
}

#[test]
fn realizing_never_produces_another_lazy_tracker() {
    let (_tx, trackers) = small_trackers();
    let names = ["xs", "x", "w", "lr", "name", "obj", "cfg"];
    for name in names {
        let tracker = local(&trackers, name);
        let lazy = as_lazy(&*tracker).expect("frame values start lazy");
        let built = lazy.realize_tracker();
        assert!(as_lazy(built).is_none(), "{name} built into a lazy");
        assert!(built.is_realized());
        assert_eq!(built.source(), Some(Source::local(name)));
    }
    for name in ["fn", "cls", "blt", "pair", "nums"] {
        let tracker = global(&trackers, name);
        let built = as_lazy(&*tracker).unwrap().realize_tracker();
        assert!(as_lazy(built).is_none(), "{name} built into a lazy");
    }
}

/// The kind of the concrete tracker behind `tracker`, found by downcasting
/// (`as_any`); `None` for a wrapper of any sort (a lazy, or anything that
/// would hold the built tracker instead of being it).
fn concrete_kind(tracker: &dyn VariableTracker) -> Option<&'static str> {
    let any = tracker.as_any();
    let kinds = [
        any.downcast_ref::<ConstantTracker>().map(|t| t.kind()),
        any.downcast_ref::<SequenceTracker>().map(|t| t.kind()),
        any.downcast_ref::<DictTracker>().map(|t| t.kind()),
        any.downcast_ref::<TensorTracker>().map(|t| t.kind()),
        any.downcast_ref::<ObjectTracker>().map(|t| t.kind()),
        any.downcast_ref::<FunctionTracker>().map(|t| t.kind()),
    ];
    kinds.into_iter().flatten().next()
}

/// What a lazy tracker built, as `realize_tracker` and `unwrap` give it, is
/// the concrete tracker itself, and so is every tracker of an eager run: a
/// downcast (Dynamo's `__getattr__` fallback: sequence `+`, tensor and size
/// operations) finds it. A built tracker held in a wrapper (an enum of the
/// tracker kinds, say) would make every downcast find nothing.
#[test]
fn a_built_tracker_is_the_concrete_tracker_lazy_or_eager() {
    let kinds = [
        ("xs", "ListVariable"),
        ("x", "TensorVariable"),
        ("lr", "ConstantVariable"),
        ("obj", "UserDefinedObjectVariable"),
        ("cfg", "ConstDictVariable"),
    ];
    let (_tx, trackers) = small_trackers();
    for (name, kind) in kinds {
        let tracker = local(&trackers, name);
        let lazy = as_lazy(&*tracker).expect("frame values start lazy");
        assert!(lazy.unwrap().is_none());
        assert_eq!(concrete_kind(&*tracker), None, "{name} is a lazy");
        assert_eq!(concrete_kind(lazy.realize_tracker()), Some(kind), "{name}");
        let unwrapped = lazy.unwrap().expect("built");
        assert_eq!(concrete_kind(unwrapped), Some(kind), "{name}");
    }
    let xs = local(&trackers, "xs");
    assert!(realized_as::<SequenceTracker>(&*xs).is_some());
    assert!(realized_as::<TensorTracker>(&*local(&trackers, "x")).is_some());
    assert!(realized_as::<ConstantTracker>(&*local(&trackers, "lr")).is_some());

    let tx = Tx::new(Mode::Eager);
    let eager = FrameTrackers::create(&tx, &frame(SMALL));
    for (name, kind) in kinds {
        let tracker = local(&eager, name);
        assert!(as_lazy(&*tracker).is_none());
        assert_eq!(concrete_kind(&*tracker), Some(kind), "{name}");
    }
    assert!(realized_as::<SequenceTracker>(&*local(&eager, "xs")).is_some());
}

#[test]
fn the_command_traces_a_frame_and_program_from_files() {
    let data = concat!(env!("CARGO_MANIFEST_DIR"), "/data");
    let args = [
        "--frame".to_string(),
        format!("{data}/mlp_frame.json"),
        "--program".to_string(),
        format!("{data}/mlp_program.txt"),
    ];
    let outcome = main_with_args(args);
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome
            .stdout
            .contains("Both runs return the same values: yes")
    );

    let frame = parse_frame(
        "mlp_frame.json",
        &std::fs::read_to_string(format!("{data}/mlp_frame.json")).unwrap(),
    )
    .unwrap();
    let program = std::fs::read_to_string(format!("{data}/mlp_program.txt")).unwrap();
    let runs = compare(&input(frame, &program)).unwrap();
    // Never built: the labels (only logged), the config's name, the dropout,
    // the activation name, the training flag, the other function and the
    // other dict value. The class `Linear` is built for its `ID_MATCH`:
    // `isinstance(model.fc1, Linear)` depends on which class it is.
    let built: BTreeSet<String> = realized_sources(&runs.lazy).into_iter().collect();
    assert!(built.contains("G['Linear']"));
    for unused in [
        "L['labels']",
        "L['config']['name']",
        "L['self'].dropout",
        "L['self'].activation",
        "L['self'].training",
    ] {
        assert!(!built.contains(unused), "{unused} was built");
    }
    assert_eq!(runs.eager.stats.realized, 32);
    assert_eq!(runs.lazy.stats.realized, 16);
    assert_eq!(runs.lazy.returned, vec!["TensorVariable(float32[s0, 10])"]);
}

#[test]
fn programs_that_double_a_value_every_line_fail_instead_of_exhausting_memory() {
    let doubling = |start: &str, step: &str| {
        let mut program = format!("a = {start}\n");
        for _ in 0..64 {
            program.push_str(&format!("a = {step}\n"));
        }
        program
    };
    let cases = [
        (doubling("'ab'", "a + a"), "string too large"),
        (doubling("L['xs']", "a + a"), "sequence too large"),
        (
            doubling("L['x'].size(0)", "a + a"),
            "symbolic expression too large",
        ),
        (doubling("'ab'", "a * 2"), "string repetition too large"),
    ];
    for (program, message) in cases {
        let error = run_mode(&input(frame(SMALL), &program), Mode::Lazy).unwrap_err();
        assert!(error.to_string().contains(message), "{error}");
        assert!(error.line().is_some_and(|line| line > 2));
    }
}

/// Text made from a value is held to the bound of every string the trace
/// builds (1 MiB) as it is written, and the output code to its own (64
/// MiB): `str()`, `format()` and an f-string of a list, a list's or a key's
/// repr in an error, and the output code that rebuilds a returned list, one
/// `LOAD_CONST` per item. A list of a million references to one
/// 100,000-character string made each of them about 100 GB of text.
#[test]
fn text_made_from_a_large_value_stops_at_its_bound() {
    let json = |chars: usize| {
        let text = "x".repeat(chars);
        format!(
            r#"{{"locals": {{"l": ["{text}"], "d": {{"a": 1}}, "t": {{"$tuple": ["{text}"]}}}}}}"#
        )
    };
    let shown = "<a value whose repr() is too large for this tracer to show>";
    // 2 MB of text from 2,000 references to 1,000 characters.
    assert_errors(
        &json(1000),
        &[
            ("str(L['l'] * 2000)", "string too large for this tracer"),
            ("format(L['l'] * 2000)", "string too large for this tracer"),
            ("f\"{L['t'] * 2000}\"", "string too large for this tracer"),
            (
                "L['l'].index(L['l'] * 2000)",
                &format!("{shown} is not in list"),
            ),
            ("L['d'][L['t'] * 2000]", &format!("KeyError: {shown}")),
        ],
    );
    // Under the bounds, the same text as before.
    assert_constants(
        r#"{"locals": {"l": ["ab", 1], "t": {"$tuple": ["ab"]}}}"#,
        &[
            ("str(L['l'] * 2)", "\"['ab', 1, 'ab', 1]\""),
            ("format(L['t'])", "\"('ab',)\""),
            ("f\"{L['t'] * 2}\"", "\"('ab', 'ab')\""),
        ],
    );
    let output_code = |json: &str, program: &str| {
        run_mode(&input(frame(json), program), Mode::Lazy)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default()
    };
    // The review's cases: a million references to 100,000 characters.
    let big = json(100_000);
    let message = output_code(&big, "a = L['l'] * 1000000\nreturn a\n");
    assert!(message.contains("output code too large"), "{message}");
    assert_errors(
        &big,
        &[("str(L['l'] * 1000000)", "string too large for this tracer")],
    );
}

/// A symbolic size ordered with a list or a tuple is Python's `TypeError`,
/// whatever the items: a million references to one 100,000-character
/// string made its repr first (for the guard's text), 100 GB, and the
/// trace aborted in the allocator. The text is made only once the
/// comparison has an answer, within the 1 MiB of any text; with a number
/// the guard is the same as before.
#[test]
fn a_size_ordered_with_a_large_sequence_makes_no_text_of_it() {
    let text = "x".repeat(100_000);
    let json = format!(
        r#"{{"locals": {{"x": {{"$tensor": [4, 8], "dynamic": [0]}}, "l": ["{text}"], "t": {{"$tuple": ["{text}"]}}}}}}"#
    );
    assert_errors(
        &json,
        &[
            (
                "L['x'].size(0) < L['t'] * 1000000",
                "'<' not supported between instances of 'int' and 'tuple'",
            ),
            (
                "L['x'].size(0) >= L['l'] * 1000000",
                "'>=' not supported between instances of 'int' and 'list'",
            ),
            (
                "L['l'] * 1000000 > L['x'].size(0)",
                "'>' not supported between instances of 'list' and 'int'",
            ),
        ],
    );
    let run = lazy_run(&json, "r = L['x'].size(0) < 5\nreturn r\n");
    assert_eq!(run.returned, ["ConstantVariable(True)"]);
    assert_eq!(shape_env_guards(&run), ["L['x'].size()[0] < 5"]);
}

/// A string is equal to itself before its text is compared, as in CPython
/// (and a list's or a tuple's items are compared by identity first): two
/// tuples of 2^20 references to one 16 MiB string compare in 2^20 steps,
/// where each of `r1` to `r4` compared 16 TiB of text, minutes each (the
/// command took 13 s for 10^6 references to 10^6 characters, 0.1 s for 10
/// characters). Two strings of the same text are still compared by it
/// (`r5`, `r6`).
#[test]
fn references_to_one_long_string_compare_by_identity_first() {
    let text = "x".repeat(16 << 20);
    let json = format!(
        r#"{{"locals": {{"t": {{"$tuple": ["{text}"]}}, "u": {{"$tuple": ["{text}", "y"]}}}}}}"#
    );
    let n = 1 << 20;
    let program = format!(
        "a = L['t'] * {n}
b = L['t'] * {n}
r1 = a == b
r2 = a < b
r3 = a.count(L['t'][0])
r4 = max(a) == L['t'][0]
r5 = L['t'][0] < L['u'][0]
r6 = L['t'] * 2 < L['u']
return r1, r2, r3, r4, r5, r6
"
    );
    let run = lazy_run(&json, &program);
    let want = ["True", "False", &n.to_string(), "True", "False", "True"];
    let want: Vec<String> = want
        .iter()
        .map(|v| format!("ConstantVariable({v})"))
        .collect();
    assert_eq!(run.returned, want);
}

/// `hash()` of a tuple hashes each item once however many times it holds
/// it, as CPython keeps a string's hash in the string: 2^20 references to
/// one 4 MiB string hashed it 2^20 times before (4 TiB of its repr; the
/// command took 2.8 s for 1,000 references to 10^6 characters). The value
/// is Python's tuple hash of the items' hashes, as before.
#[test]
fn a_tuple_of_references_to_one_long_string_hashes_it_once() {
    let text = "x".repeat(4 << 20);
    let json = format!(r#"{{"locals": {{"t": {{"$tuple": ["{text}", 1]}}}}}}"#);
    let n = 1 << 19;
    let run = lazy_run(&json, &format!("r = hash(L['t'] * {n})\nreturn r\n"));
    let lanes = [Value::str(&text).py_hash(), Value::Int(1).py_hash()].repeat(n);
    let hash = tracer::value::hash_tuple_lanes(&lanes) as i64;
    assert_eq!(run.returned, [format!("ConstantVariable({hash})")]);
}

/// `hash()` of a tuple of ints asks each item's type (a `TYPE_MATCH` on
/// each) before it hashes them, and each item's `CONSTANT_MATCH` then
/// replaces its `TYPE_MATCH`. The guards are the tuple's own, then the
/// items' values in order, with no `TYPE_MATCH` left for an item; 20,000
/// items, where replacing them one by one took seconds when each
/// replacement searched the whole log.
#[test]
fn hash_of_a_long_tuple_of_ints_replaces_each_items_type_guard_in_order() {
    let n = 20_000;
    let items: Vec<String> = (0..n).map(|i| (i * 7).to_string()).collect();
    let json = format!(
        r#"{{"locals": {{"t": {{"$tuple": [{}]}}}}}}"#,
        items.join(", ")
    );
    let lanes: Vec<u64> = (0..n).map(|i| Value::Int(i * 7).py_hash()).collect();
    let hash = tracer::value::hash_tuple_lanes(&lanes) as i64;
    let guards = returned_and_guards(&json, "hash(L['t'])", &hash.to_string());
    let mut want = vec![
        "TYPE_MATCH L['t'] tuple".to_string(),
        format!("LEN_CHECK L['t'] len == {n}"),
    ];
    want.extend((0..n).map(|i| format!("CONSTANT_MATCH L['t'][{i}] == {}", i * 7)));
    assert_eq!(guards, want);
}

/// A `CONSTANT_MATCH` replaces every `TYPE_MATCH` on its source wherever
/// it is in the log; the guards around it keep their order, and a
/// `TYPE_MATCH` after it, or a guard installed again, adds nothing.
#[test]
fn guard_log_replaces_type_guards_and_keeps_the_order() {
    let guard = |kind, source: &str, detail: &str| Guard {
        kind,
        source: source.to_string(),
        detail: detail.to_string(),
    };
    let mut log = GuardLog::default();
    let installs = [
        (guard(GuardKind::TypeMatch, "L['a']", "int"), true),
        (guard(GuardKind::TypeMatch, "L['b']", "int"), true),
        (guard(GuardKind::LenCheck, "L['x']", "len == 2"), true),
        (guard(GuardKind::TypeMatch, "L['c']", "int"), true),
        (guard(GuardKind::TypeMatch, "L['b']", "bool"), true),
        (guard(GuardKind::ConstantMatch, "L['b']", "== 1"), true),
        (guard(GuardKind::TypeMatch, "L['b']", "int"), false),
        (guard(GuardKind::TypeMatch, "L['b']", "str"), false),
        (guard(GuardKind::TypeMatch, "L['a']", "int"), false),
        (guard(GuardKind::ConstantMatch, "L['a']", "== 2"), true),
        (guard(GuardKind::ConstantMatch, "L['a']", "== 2"), false),
        (guard(GuardKind::TypeMatch, "L['d']", "float"), true),
        // A value guard with no type guard before it turns one away too.
        (guard(GuardKind::ConstantMatch, "L['e']", "== 5"), true),
        (guard(GuardKind::TypeMatch, "L['e']", "int"), false),
        (guard(GuardKind::LenCheck, "L['x']", "len == 2"), false),
    ];
    for (g, added) in installs {
        assert_eq!(log.install(g.clone()), added, "{g}");
    }
    assert_eq!(log.len(), 6);
    assert_eq!(log.count(GuardKind::TypeMatch), 2);
    assert_eq!(log.count(GuardKind::ConstantMatch), 3);
    let guards: Vec<String> = log.into_guards().iter().map(Guard::to_string).collect();
    assert_eq!(
        guards,
        [
            "LEN_CHECK      L['x'] len == 2",
            "TYPE_MATCH     L['c'] int",
            "CONSTANT_MATCH L['b'] == 1",
            "CONSTANT_MATCH L['a'] == 2",
            "TYPE_MATCH     L['d'] float",
            "CONSTANT_MATCH L['e'] == 5",
        ]
    );
}

/// Each value has its bound, and so has all that a trace builds: a program
/// that keeps one more long list or string on each line (in a name, or
/// stored in a global) fails once it built 256 MiB, where a few thousand
/// such lines held gigabytes. Under the bound, nothing changes.
#[test]
fn a_trace_that_keeps_building_fails_at_its_total_bound() {
    let json = r#"{"locals": {"l": ["x"]}}"#;
    let program = |first: &str, step: &dyn Fn(usize) -> String, lines: usize| {
        let mut program = format!("{first}\n");
        for i in 0..lines {
            program.push_str(&step(i));
            program.push('\n');
        }
        program + "return 1\n"
    };
    let budget = "the trace built more than 256 MiB of strings, lists and log text";
    // 16 MiB a list of a million items, 1 MB a string.
    for (program, line) in [
        (program("", &|i| format!("a{i} = L['l'] * 1000000"), 20), 18),
        (program("", &|i| format!("s{i} = 'x' * 1000000"), 300), 270),
        (
            program("a = L['l'] * 1000000", &|i| format!("G['g{i}'] = a"), 20),
            17,
        ),
    ] {
        let error = run_mode(&input(frame(json), &program), Mode::Lazy).unwrap_err();
        assert!(error.to_string().contains(budget), "{error}");
        assert_eq!(error.line(), Some(line), "{error}");
    }
    let under = program("", &|i| format!("a{i} = L['l'] * 1000000"), 15);
    assert!(run_mode(&input(frame(json), &under), Mode::Lazy).is_ok());
}

#[test]
fn string_reprs_match_python() {
    let cases = [
        ("net", "'net'"),
        ("it's", "\"it's\""),
        ("say \"hi\" it's", "'say \"hi\" it\\'s'"),
        ("a\nb\\", "'a\\nb\\\\'"),
    ];
    for (text, repr) in cases {
        assert_eq!(Value::str(text).repr(), repr);
    }
}

/// Runs `r = EXPR; return r` over the frame `json` for each case and checks
/// that it returns the constant `want`.
fn assert_constants(json: &str, cases: &[(&str, &str)]) {
    for (expr, want) in cases {
        let run = lazy_run(json, &format!("r = {expr}\nreturn r\n"));
        assert_eq!(
            run.returned,
            [format!("ConstantVariable({want})")],
            "{expr}"
        );
    }
}

/// Runs `r = EXPR; return r` over the frame `json` for each case and checks
/// that it fails with an error that contains `error`.
fn assert_errors(json: &str, cases: &[(&str, &str)]) {
    for (expr, error) in cases {
        let program = parse_program("test.prog", &format!("r = {expr}\nreturn r\n"))
            .expect("the program parses");
        let run = run_mode(
            &Input {
                frame: frame(json),
                frame_name: "test.json".into(),
                program,
                program_name: "test.prog".into(),
            },
            Mode::Lazy,
        );
        let message = run.err().map(|e| e.to_string()).unwrap_or_default();
        assert!(message.contains(error), "{expr}: {message}");
    }
}

/// Runs `r = EXPR; return r` over the frame `json` for each case and checks
/// that it fails with exactly the message `python`, Python's own.
fn assert_python_errors(json: &str, cases: &[(&str, &str)]) {
    for (expr, python) in cases {
        for mode in [Mode::Lazy, Mode::Eager] {
            let run = run_mode(
                &input(frame(json), &format!("r = {expr}\nreturn r\n")),
                mode,
            );
            let message = run.err().map(|e| e.to_string()).unwrap_or_default();
            assert_eq!(
                message,
                format!("error: test.prog:1: {python}"),
                "{expr} ({mode:?})"
            );
        }
    }
}

/// The frame of the error tests: a list, a tuple, a str, a dict, a tensor.
const ERRORS: &str = r#"{"locals": {"l": [1, 2], "t": {"$tuple": [1, 2]}, "s": "ab", "d": {"a": 1}, "x": {"$tensor": [3, 4]}}}"#;

/// An index out of range is Python's error, which names neither the index
/// nor the length (the tracer named both); a tensor's is torch's, which
/// does. Python's (and torch's) texts.
#[test]
fn index_out_of_range_is_pythons_error() {
    assert_python_errors(
        ERRORS,
        &[
            ("L['l'][5]", "list index out of range"),
            ("L['l'][-3]", "list index out of range"),
            ("L['t'][2]", "tuple index out of range"),
            ("L['s'][5]", "string index out of range"),
            ("L['s'][-3]", "string index out of range"),
            (
                "L['x'][3]",
                "index 3 is out of bounds for dimension 0 with size 3",
            ),
        ],
    );
}

/// Indexing a tensor along a dynamic dim is checked against the size's hint,
/// as torch checks the symbolic size: past the end it is torch's
/// `IndexError` (it returned a `select` of the missing row, unguarded), and
/// in bounds the relation that keeps the index valid is guarded, not the
/// size's value.
#[test]
fn indexing_a_dynamic_dim_checks_the_size_and_guards_the_relation() {
    let json = r#"{"locals": {"x": {"$tensor": [2, 3], "dynamic": [0]}}}"#;
    assert_python_errors(
        json,
        &[
            (
                "L['x'][5]",
                "index 5 is out of bounds for dimension 0 with size 2",
            ),
            (
                "L['x'][2]",
                "index 2 is out of bounds for dimension 0 with size 2",
            ),
            (
                "L['x'][-3]",
                "index -3 is out of bounds for dimension 0 with size 2",
            ),
        ],
    );
    for (expr, guard) in [
        ("L['x'][1]", "L['x'].size()[0] > 1"),
        ("L['x'][0]", "L['x'].size()[0] > 0"),
        ("L['x'][-2]", "L['x'].size()[0] >= 2"),
    ] {
        let run = lazy_run(json, &format!("r = {expr}\nreturn r\n"));
        assert_eq!(run.returned, ["TensorVariable(float32[3])"], "{expr}");
        assert_eq!(shape_env_guards(&run), [guard], "{expr}");
    }
}

/// Division by zero is Python's error for each operator and operand types
/// (the tracer said `division by zero` for all). Python's texts.
#[test]
fn division_by_zero_is_pythons_error_for_each_operator() {
    assert_python_errors(
        ERRORS,
        &[
            ("1 / 0", "division by zero"),
            ("1 // 0", "integer division or modulo by zero"),
            ("1 % 0", "integer modulo by zero"),
            ("True / False", "division by zero"),
            ("True // False", "integer division or modulo by zero"),
            ("True % False", "integer modulo by zero"),
            ("1.0 / 0", "float division by zero"),
            ("1 / 0.0", "float division by zero"),
            ("1.5 / False", "float division by zero"),
            ("1.0 // 0", "float floor division by zero"),
            ("True // 0.0", "float floor division by zero"),
            ("1.0 % 0", "float modulo"),
            ("1 % -0.0", "float modulo"),
        ],
    );
}

/// A missing key is Python's `KeyError`, whose message is the key's repr,
/// shown as the last line of Python's traceback shows it (the tracer said
/// `key 1 not found in L['d']`). Python 3.11's lines, from `python3`: the
/// key's repr after `KeyError: `, a tuple's with its parentheses.
#[test]
fn a_missing_key_is_pythons_key_error() {
    assert_python_errors(
        ERRORS,
        &[
            ("L['d'][1]", "KeyError: 1"),
            ("L['d']['b']", "KeyError: 'b'"),
            ("L['d']['width']", "KeyError: 'width'"),
            ("L['d'][\"it's\"]", "KeyError: \"it's\""),
            ("L['d'][None]", "KeyError: None"),
            ("L['d'][L['t']]", "KeyError: (1, 2)"),
        ],
    );
    // Tuple keys that a program reads from its frame.
    let tuples = r#"{"locals": {"d": {"$dict": [[{"$tuple": [1, 2]}, 3]]}, "e": {"$tuple": []}, "n": {"$tuple": ["it's", {"$tuple": [1]}]}}}"#;
    assert_python_errors(
        tuples,
        &[
            ("L['d'][L['e']]", "KeyError: ()"),
            ("L['d'][L['n']]", "KeyError: (\"it's\", (1,))"),
        ],
    );
}

/// `+` of a str, list or tuple and anything not of its type is Python's
/// "can only concatenate" error; with the sequence on the right it stays
/// "unsupported operand type(s)". Python's texts.
#[test]
fn concatenating_another_type_is_pythons_error() {
    assert_python_errors(
        ERRORS,
        &[
            (
                "L['l'] + L['t']",
                "can only concatenate list (not \"tuple\") to list",
            ),
            (
                "L['t'] + L['l']",
                "can only concatenate tuple (not \"list\") to tuple",
            ),
            (
                "L['l'] + 1",
                "can only concatenate list (not \"int\") to list",
            ),
            (
                "L['t'] + 1",
                "can only concatenate tuple (not \"int\") to tuple",
            ),
            (
                "L['l'] + L['d']",
                "can only concatenate list (not \"dict\") to list",
            ),
            (
                "L['l'] + L['s']",
                "can only concatenate list (not \"str\") to list",
            ),
            (
                "L['s'] + 1",
                "can only concatenate str (not \"int\") to str",
            ),
            (
                "L['s'] + None",
                "can only concatenate str (not \"NoneType\") to str",
            ),
            (
                "L['s'] + L['l']",
                "can only concatenate str (not \"list\") to str",
            ),
            (
                "1 + L['l']",
                "unsupported operand type(s) for +: 'int' and 'list'",
            ),
            (
                "1 + L['s']",
                "unsupported operand type(s) for +: 'int' and 'str'",
            ),
            (
                "L['d'] + L['l']",
                "unsupported operand type(s) for +: 'dict' and 'list'",
            ),
        ],
    );
}

/// Indexing a list or tuple with a non-int is Python's error, which names
/// slices and does not quote the type; a str's differs. Python's texts.
#[test]
fn a_non_int_index_is_pythons_error() {
    assert_python_errors(
        ERRORS,
        &[
            (
                "L['l'][1.0]",
                "list indices must be integers or slices, not float",
            ),
            (
                "L['t'][1.0]",
                "tuple indices must be integers or slices, not float",
            ),
            (
                "L['l']['a']",
                "list indices must be integers or slices, not str",
            ),
            (
                "L['t'][None]",
                "tuple indices must be integers or slices, not NoneType",
            ),
            (
                "L['s'][1.0]",
                "string indices must be integers, not 'float'",
            ),
            (
                "L['s'][None]",
                "string indices must be integers, not 'NoneType'",
            ),
        ],
    );
}

/// A str, list or tuple times a non-int, on either side, is Python's
/// "can't multiply sequence" error, naming the other operand's type (the
/// right one's when both are sequences). Python's texts.
#[test]
fn repeating_by_a_non_int_is_pythons_error() {
    assert_python_errors(
        ERRORS,
        &[
            (
                "L['l'] * 1.5",
                "can't multiply sequence by non-int of type 'float'",
            ),
            (
                "1.5 * L['l']",
                "can't multiply sequence by non-int of type 'float'",
            ),
            (
                "L['t'] * 1.5",
                "can't multiply sequence by non-int of type 'float'",
            ),
            (
                "L['s'] * 1.5",
                "can't multiply sequence by non-int of type 'float'",
            ),
            (
                "None * L['s']",
                "can't multiply sequence by non-int of type 'NoneType'",
            ),
            (
                "L['s'] * L['s']",
                "can't multiply sequence by non-int of type 'str'",
            ),
            (
                "L['l'] * L['l']",
                "can't multiply sequence by non-int of type 'list'",
            ),
            (
                "L['t'] * L['l']",
                "can't multiply sequence by non-int of type 'list'",
            ),
            (
                "L['s'] * L['l']",
                "can't multiply sequence by non-int of type 'list'",
            ),
            (
                "L['l'] * L['s']",
                "can't multiply sequence by non-int of type 'str'",
            ),
            (
                "None * L['l']",
                "can't multiply sequence by non-int of type 'NoneType'",
            ),
            (
                "L['d'] * L['l']",
                "can't multiply sequence by non-int of type 'dict'",
            ),
            (
                "L['l'] * L['d']",
                "can't multiply sequence by non-int of type 'dict'",
            ),
            (
                "L['d'] * L['s']",
                "can't multiply sequence by non-int of type 'dict'",
            ),
        ],
    );
    assert_constants(
        ERRORS,
        &[("len(2 * L['l'])", "4"), ("True * L['s']", "'ab'")],
    );
}

/// `index()` of a value a tuple does not hold is Python's error, which for
/// a tuple does not name the value (a list's does). Python's texts.
#[test]
fn index_of_a_missing_value_is_pythons_error() {
    assert_python_errors(
        ERRORS,
        &[
            ("L['t'].index(9)", "tuple.index(x): x not in tuple"),
            ("L['l'].index(9)", "9 is not in list"),
            ("L['l'].index('a')", "'a' is not in list"),
        ],
    );
}

/// `index` stops at the first match, as Python's does: the items after it
/// are never compared (a tensor among them was an error, "a 'Tensor' is
/// not a constant the trace can know", where Python returns 0) nor guarded
/// (`[1, 2, 3].index(1)` guarded the 2 and the 3). Its `start` and `stop`
/// are Python's slice bounds (they were "not supported by this tracer").
#[test]
fn index_stops_at_the_first_match_and_reads_start_and_stop() {
    let json = r#"{"locals": {"t": [1, {"$tensor": [2], "dtype": "float32"}],
        "tt": {"$tuple": [1, {"$tensor": [2], "dtype": "float32"}]}, "l": [1, 2, 3, 2]}}"#;
    let guards = |expr: &str, want: &str| returned_and_guards(json, expr, want);
    assert_eq!(
        guards("L['t'].index(1)", "0"),
        [
            "TYPE_MATCH L['t'] list",
            "LEN_CHECK L['t'] len == 2",
            "CONSTANT_MATCH L['t'][0] == 1"
        ]
    );
    assert_eq!(
        guards("L['tt'].index(1)", "0"),
        [
            "TYPE_MATCH L['tt'] tuple",
            "LEN_CHECK L['tt'] len == 2",
            "CONSTANT_MATCH L['tt'][0] == 1"
        ]
    );
    assert_eq!(
        guards("L['l'].index(1)", "0"),
        [
            "TYPE_MATCH L['l'] list",
            "LEN_CHECK L['l'] len == 4",
            "CONSTANT_MATCH L['l'][0] == 1"
        ]
    );
    // From `start`, up to `stop`: only the items searched are guarded.
    assert_eq!(
        guards("L['l'].index(2, 2)", "3"),
        [
            "TYPE_MATCH L['l'] list",
            "LEN_CHECK L['l'] len == 4",
            "CONSTANT_MATCH L['l'][2] == 3",
            "CONSTANT_MATCH L['l'][3] == 2"
        ]
    );
    assert_constants(
        json,
        &[
            ("L['l'].index(2, -1)", "3"),
            ("L['l'].index(2, True)", "1"),
            ("L['l'].index(1, -100, 100)", "0"),
            ("L['l'].index(3, 0, -1)", "2"),
            ("L['l'].count(2)", "2"),
        ],
    );
    assert_python_errors(
        json,
        &[
            ("L['l'].index(2, 2, 3)", "2 is not in list"),
            ("L['l'].index(1, 1, 100)", "1 is not in list"),
            ("L['l'].index(1, 0, -4)", "1 is not in list"),
            ("L['tt'].index(2, 0, 1)", "tuple.index(x): x not in tuple"),
            (
                "L['l'].index(1, 'a')",
                "slice indices must be integers or have an __index__ method",
            ),
            (
                "L['l'].index(1, 0, None)",
                "slice indices must be integers or have an __index__ method",
            ),
        ],
    );
}

/// `start` and `stop` of `list.index` and `tuple.index` that are an
/// `$object`, a container holding one or a dict's view of one are Python's
/// error, as any other value without `__index__` (it was "a 'A' is not a
/// constant the trace can know"). Python's texts.
#[test]
fn index_bounds_the_trace_cannot_know_are_pythons_error() {
    let json = r#"{"locals": {"a": [1, 2, 3], "t": {"$tuple": [1, 2, 3]},
        "s": {"$object": "A", "x": 1}, "l": [{"$object": "A"}],
        "p": {"$tuple": [{"$object": "A"}]},
        "d": {"$dict": [[{"$object": "A", "x": 1}, 1]]}, "v": {"k": {"$object": "B"}}}}"#;
    let refused = "slice indices must be integers or have an __index__ method";
    let mut cases = Vec::new();
    for bound in [
        "L['s']",
        "L['l']",
        "L['p']",
        "L['d']",
        "L['d'].keys()",
        "L['v'].values()",
    ] {
        cases.push(format!("L['a'].index(3, {bound})"));
        cases.push(format!("L['a'].index(3, 0, {bound})"));
        cases.push(format!("L['t'].index(3, {bound})"));
    }
    let cases: Vec<(&str, &str)> = cases.iter().map(|c| (c.as_str(), refused)).collect();
    assert_python_errors(json, &cases);
}

/// Subscripting by an `$object` (or a container holding one) is refused by
/// the container's type, in Python's words (it was "a 'A' is not a
/// constant the trace can know"), and an unhashable tuple names the list
/// or dict inside it however it holds an object (it named the tuple).
#[test]
fn an_object_key_and_an_unhashable_tuple_of_objects_are_pythons_errors() {
    let json = r#"{"locals": {"l": [1], "t": {"$tuple": [1]}, "s": "ab", "n": 1,
        "o": {"$object": "A"}, "lo": [{"$object": "A"}], "b": {"k": 1},
        "a3": {"$tuple": [[{"$object": "B"}]]},
        "a4": {"$tuple": [{"$dict": [[{"$object": "B"}, 1.0]]}]}}}"#;
    assert_python_errors(
        json,
        &[
            (
                "L['l'][L['o']]",
                "list indices must be integers or slices, not A",
            ),
            (
                "L['t'][L['o']]",
                "tuple indices must be integers or slices, not A",
            ),
            ("L['s'][L['o']]", "string indices must be integers, not 'A'"),
            ("L['n'][L['o']]", "'int' object is not subscriptable"),
            ("L['o'][L['o']]", "'A' object is not subscriptable"),
            (
                "L['l'][L['lo']]",
                "list indices must be integers or slices, not list",
            ),
            (
                "L['s'][L['lo']]",
                "string indices must be integers, not 'list'",
            ),
            (
                "L['l'][L['a3']]",
                "list indices must be integers or slices, not tuple",
            ),
            ("L['o'][L['lo']]", "'A' object is not subscriptable"),
            ("hash(L['a3'])", "unhashable type: 'list'"),
            ("hash(L['a4'])", "unhashable type: 'dict'"),
            ("L['b'][L['a3']]", "unhashable type: 'list'"),
            ("L['b'][L['a4']]", "unhashable type: 'dict'"),
        ],
    );
}

/// `list.index()` of a list, tuple, dict or dict's view holding an
/// `$object`, not in the list, names it by its repr with `<B object>` for
/// the object (Python's repr, but for the address no trace knows), as
/// Python does (it was "<list object> is not in list").
#[test]
fn index_of_a_container_holding_an_object_names_it() {
    let json = r#"{"locals": {"a": [{"$object": "B", "x": "a"}, 1.5], "b": [],
        "t": {"$tuple": [{"$object": "B"}]}, "l": [1],
        "d": {"$dict": [[{"$object": "B"}, [{"$object": "A"}]], ["k", {"$tuple": [{"$object": "C"}]}]]}}}"#;
    assert_python_errors(
        json,
        &[
            (
                "L['b'].index(L['a'], -1)",
                "[<B object>, 1.5] is not in list",
            ),
            ("L['l'].index(L['t'])", "(<B object>,) is not in list"),
            (
                "L['l'].index(L['d'])",
                "{<B object>: [<A object>], 'k': (<C object>,)} is not in list",
            ),
            (
                "L['l'].index(L['d'].keys())",
                "dict_keys([<B object>, 'k']) is not in list",
            ),
            (
                "L['l'].index(L['d'].values())",
                "dict_values([[<A object>], (<C object>,)]) is not in list",
            ),
            ("L['l'].index(L['a'][0])", "<B object> is not in list"),
        ],
    );
}

/// Subscripting by a dict's view holding an `$object` is refused by the
/// container's type, as by any view (it was "a 'A' is not a constant the
/// trace can know"). Python's texts.
#[test]
fn a_view_of_an_object_as_an_index_is_pythons_error() {
    let json = r#"{"locals": {"c": [1, 2], "t": {"$tuple": [1]}, "s": "ab", "n": 1,
        "o": {"$object": "B"}, "d": {"$dict": [[{"$object": "A", "x": 1}, 1]]},
        "v": {"k": {"$object": "A"}}}}"#;
    assert_python_errors(
        json,
        &[
            (
                "L['c'][L['d'].keys()]",
                "list indices must be integers or slices, not dict_keys",
            ),
            (
                "L['c'][L['v'].values()]",
                "list indices must be integers or slices, not dict_values",
            ),
            (
                "L['t'][L['d'].keys()]",
                "tuple indices must be integers or slices, not dict_keys",
            ),
            (
                "L['s'][L['v'].values()]",
                "string indices must be integers, not 'dict_values'",
            ),
            ("L['n'][L['d'].keys()]", "'int' object is not subscriptable"),
            ("L['o'][L['v'].values()]", "'B' object is not subscriptable"),
        ],
    );
}

/// `x in y` where `y` is no container is Python's error, "argument of
/// type ..." (the tracer said "'int' object is not iterable", which is
/// iterating's). Python's texts.
#[test]
fn in_of_no_container_is_pythons_error() {
    assert_python_errors(
        ERRORS,
        &[
            ("1 in 5", "argument of type 'int' is not iterable"),
            ("1 in 5.0", "argument of type 'float' is not iterable"),
            ("'a' in None", "argument of type 'NoneType' is not iterable"),
            ("1 in True", "argument of type 'bool' is not iterable"),
            (
                "1 in len",
                "argument of type 'builtin_function_or_method' is not iterable",
            ),
        ],
    );
}

/// Only a dict needs a hashable key: indexing anything else by a list is
/// that type's own error, as in Python (the tracer checked the key's hash
/// first, for every object). Python's texts.
#[test]
fn an_unhashable_index_is_the_indexed_types_error() {
    assert_python_errors(
        ERRORS,
        &[
            (
                "L['l'][L['l']]",
                "list indices must be integers or slices, not list",
            ),
            (
                "L['t'][L['d']]",
                "tuple indices must be integers or slices, not dict",
            ),
            (
                "L['s'][L['l']]",
                "string indices must be integers, not 'list'",
            ),
            ("5[L['l']]", "'int' object is not subscriptable"),
            ("L['d'][L['l']]", "unhashable type: 'list'"),
        ],
    );
}

/// `int()` and `float()` of what is no number or string is Python's error,
/// whose wording differs between the two. Python's texts.
#[test]
fn int_and_float_of_no_number_are_pythons_errors() {
    assert_python_errors(
        ERRORS,
        &[
            (
                "int(L['l'])",
                "int() argument must be a string, a bytes-like object or a real number, not 'list'",
            ),
            (
                "int(None)",
                "int() argument must be a string, a bytes-like object or a real number, not 'NoneType'",
            ),
            (
                "float(L['t'])",
                "float() argument must be a string or a real number, not 'tuple'",
            ),
            (
                "float(None)",
                "float() argument must be a string or a real number, not 'NoneType'",
            ),
        ],
    );
}

/// `max()` and `min()` without arguments are Python's errors. Python's
/// texts.
#[test]
fn max_and_min_of_nothing_are_pythons_errors() {
    assert_python_errors(
        ERRORS,
        &[
            ("max()", "max expected at least 1 argument, got 0"),
            ("min()", "min expected at least 1 argument, got 0"),
        ],
    );
}

/// `str % args` (printf-style formatting, which Python has) is refused as
/// unsupported, not as a type error Python would not raise; `%` with a str
/// on the right is Python's type error.
#[test]
fn printf_style_formatting_is_refused_as_unsupported() {
    assert_python_errors(
        ERRORS,
        &[
            (
                "'%d' % 5",
                "printf-style formatting (str % args) is not supported by this tracer; use an f-string or format()",
            ),
            (
                "L['s'] % L['t']",
                "printf-style formatting (str % args) is not supported by this tracer; use an f-string or format()",
            ),
            (
                "5 % L['s']",
                "unsupported operand type(s) for %: 'int' and 'str'",
            ),
        ],
    );
}

/// A placeholder of an f-string ends at the `}` that closes it as Python
/// 3.11 finds it: past a quoted `}` or `{` in its expression, while in its
/// spec a quote or bracket is text (the tracer stopped at the first `}`,
/// inside the string). Python's answers.
#[test]
fn an_f_string_placeholder_ends_past_strings_in_its_expression() {
    let json = r#"{"locals": {"d": {"}": 1, "a{": 2}, "x": 7}}"#;
    let cases = [
        (r#"f"{'}'}""#, "'}'"),
        (r#"f"{'{'}""#, "'{'"),
        (r#"f"<{L['d']['}']}>""#, "'<1>'"),
        (r#"f"{L['d']['a{']:>3}""#, "'  2'"),
        (r#"f"{L['x']:'>4}""#, r#""'''7""#),
        (r#"f"{L['x']:[^5}""#, "'[[7[['"),
        (r#"f"{L['x']:>{L['x']}}|""#, "'      7|'"),
    ];
    assert_constants(json, &cases);
}

/// A backslash in an f-string's expression, in a placeholder or nested in
/// its spec, is Python 3.11's syntax error (it was read); in the text and in
/// the spec itself it is an escape. Python's answers.
#[test]
fn an_f_string_expression_holds_no_backslash() {
    for program in [r#"f"{'\n'}""#, r#"f"{1:{'\n'}>3}""#] {
        let error = parse_program("test.prog", &format!("r = {program}\nreturn r\n"))
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert!(
            error.contains("f-string expression part cannot include a backslash"),
            "{program}: {error}"
        );
    }
    let json = r#"{"locals": {"x": 7}}"#;
    let cases = [
        (r#"f"{1:\n>3}""#, r"'\n\n1'"),
        (r#"f"a\nb{L['x']}""#, r"'a\nb7'"),
        (r#"f"it\'s {L['x']}""#, r#""it's 7""#),
    ];
    assert_constants(json, &cases);
}

/// `str()`, `format()` and f-strings of a container show every item, as
/// Python's do (checked against `python3`): they showed six, then `...`.
#[test]
fn str_of_a_long_container_shows_every_item() {
    let json = r#"{"locals": {"l": [1, 2, 3, 4, 5, 6, 7, 8], "t": {"$tuple": [0, 1, 2, 3, 4, 5, 6]}, "d": {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5}}}"#;
    let cases = [
        ("str(L['l'])", "'[1, 2, 3, 4, 5, 6, 7, 8]'"),
        ("format(L['l'])", "'[1, 2, 3, 4, 5, 6, 7, 8]'"),
        ("f\"{L['t']}\"", "'(0, 1, 2, 3, 4, 5, 6)'"),
        (
            "str(L['d'])",
            "\"{'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5}\"",
        ),
    ];
    assert_constants(json, &cases);
}

/// A format spec may hold placeholders of its own (`f"{x:{width}}"`), put
/// in as `format(value, '')` gives them (checked against `python3`).
#[test]
fn nested_format_specs_read_as_python() {
    let json = r#"{"locals": {"x": 3, "w": 5, "p": 2, "f": 3.14159, "s": ">5"}}"#;
    assert_constants(
        json,
        &[
            ("f\"{L['x']:{L['w']}}\"", "'    3'"),
            ("f\"{L['f']:{L['w'] + 3}.{L['p']}f}\"", "'    3.14'"),
            ("f\"{L['x']:>{L['w']}}\"", "'    3'"),
            ("f\"{L['x']:{L['s']}}\"", "'    3'"),
            ("f\"{L['x']:*^{L['w']}}\"", "'**3**'"),
            // A nested placeholder has a spec of its own, and its
            // expression is read past strings and brackets as any
            // placeholder's (they were refused, or misread).
            ("f\"{L['x']:{L['w']:}}\"", "'    3'"),
            ("f\"{L['x']:{L['w']:03}}\"", "'00003'"),
            ("f\"{L['x']:{'*'}^{L['w']:d}}\"", "'**3**'"),
            ("f\"{L['f']:{L['s']:.1}{L['p']}}\"", "'3.14159'"),
            ("f\"{L['f']:.{L['p']:d}f}\"", "'3.14'"),
            ("f\"{L['x']:{'}'}>{L['w']}}\"", "'}}}}3'"),
            ("f\"{L['x']:{'{'}>{L['w']}}\"", "'{{{{3'"),
            ("f\"{L['x']:{'a:b'[1]}>{L['w']}}\"", "'::::3'"),
        ],
    );
    // Python 3.11's errors: a nested spec is text, and one of `2:3`
    // makes the spec `'  2'`.
    assert_errors(
        json,
        &[(
            "f\"{1:{2:3}}\"",
            "Invalid format specifier '  2' for object of type 'int'",
        )],
    );
    let error = parse_program("p", "r = f\"{1:{2:{3}}}\"\n").unwrap_err();
    assert!(
        error
            .to_string()
            .contains("f-string: expressions nested too deeply"),
        "{error}"
    );
}

/// Strings as Python treats them (checked against `python3`): `strip()`
/// removes what `str.isspace()` calls space (the separators \x1c to \x1f
/// too, not a zero-width space), and `repr()` escapes what
/// `str.isprintable()` does not print (a no-break space, a zero-width
/// space, a private-use character) but shows combining marks and emoji;
/// every type is an `object`.
#[test]
fn strings_strip_and_show_as_python() {
    let json = r#"{"locals": {"s": "\u001c a\u00a0\u200b\u0301\u001f", "ls": ["\u001c a\u00a0\u200b\u0301\u001f"], "le": ["\ud83d\ude00\ue000"], "l": [1]}}"#;
    let cases = [
        ("L['s'].strip()", "'a\\xa0\\u200b\u{301}'"),
        (
            "str(L['ls'])",
            "\"['\\\\x1c a\\\\xa0\\\\u200b\u{301}\\\\x1f']\"",
        ),
        ("str(L['le'])", "\"['\u{1f600}\\\\ue000']\""),
        ("isinstance(L['l'], object)", "True"),
        ("isinstance(L['s'], object)", "True"),
        ("isinstance(L['l'], dict)", "False"),
    ];
    assert_constants(json, &cases);
}

/// A bare class name in `isinstance` is a builtin type or a class the
/// frame's globals hold (read off the global); any other is an unknown name,
/// as Python's `NameError` (it was taken as a class no value belongs to:
/// `False`), and what is no type is Python's `TypeError`.
#[test]
fn isinstance_of_an_unknown_class_name_is_an_error() {
    let json = r#"{"locals": {"x": 1, "obj": {"$object": "Linear", "weight": 1}}, "globals": {"Linear": {"$class": "Linear"}, "Lin": {"$class": "Linear"}, "k": 3}}"#;
    // Each answer and error is python3's, for the same names.
    assert_constants(
        json,
        &[
            ("isinstance(L['x'], int)", "True"),
            ("isinstance(L['x'], object)", "True"),
            ("isinstance(L['x'], set)", "False"),
            ("isinstance(L['x'], ValueError)", "False"),
            ("isinstance(L['x'], Linear)", "False"),
            ("isinstance(L['obj'], Linear)", "True"),
            ("isinstance(L['obj'], Lin)", "True"),
        ],
    );
    let not_a_type = "isinstance() arg 2 must be a type, a tuple of types, or a union";
    assert_errors(
        json,
        &[
            (
                "isinstance(L['obj'], Linaer)",
                "unknown name 'Linaer' in isinstance()",
            ),
            ("isinstance(L['x'], integer)", "unknown name 'integer'"),
            ("isinstance(L['x'], len)", not_a_type),
            ("isinstance(L['x'], k)", not_a_type),
            ("isinstance(L['x'], 3)", not_a_type),
        ],
    );
}

/// `isinstance`'s second argument may be a tuple of types, as a frame's
/// `$tuple` holds them, nested too, tried in order as Python does (it was
/// "arg 2 must be a type, a tuple of types, or a union"). Each answer and
/// error is python3's.
#[test]
fn isinstance_takes_a_tuple_of_types_from_the_frame() {
    let json = r#"{"locals": {"x": 1, "s": "a", "obj": {"$object": "Linear"},
        "ty": {"$tuple": [{"$builtin": "int"}, {"$builtin": "str"}]},
        "nested": {"$tuple": [{"$builtin": "float"}, {"$tuple": [{"$class": "Linear"}, {"$builtin": "str"}]}]},
        "empty": {"$tuple": []},
        "first": {"$tuple": [{"$builtin": "int"}, 5]},
        "late": {"$tuple": [{"$builtin": "str"}, 5]},
        "fn": {"$tuple": [{"$builtin": "len"}]}}}"#;
    assert_constants(
        json,
        &[
            ("isinstance(3, L['ty'])", "True"),
            ("isinstance(L['s'], L['ty'])", "True"),
            ("isinstance(1.5, L['ty'])", "False"),
            ("isinstance(L['obj'], L['nested'])", "True"),
            ("isinstance(L['s'], L['nested'])", "True"),
            ("isinstance(L['x'], L['nested'])", "False"),
            ("isinstance(L['x'], L['empty'])", "False"),
            ("isinstance(L['x'], L['first'])", "True"),
        ],
    );
    let not_a_type = "isinstance() arg 2 must be a type, a tuple of types, or a union";
    assert_python_errors(
        json,
        &[
            ("isinstance(L['x'], L['late'])", not_a_type),
            ("isinstance(L['x'], L['fn'])", not_a_type),
        ],
    );
}

/// `hasattr` on a builtin type answers as Python (checked against
/// `python3`), and an attribute Python has that this tracer does not model
/// is an error that says so, not "no attribute".
#[test]
fn hasattr_of_builtin_types_answers_as_python() {
    let json = r#"{"locals": {"s": "x", "l": [1], "d": {"a": 1}, "i": 3, "b": true, "n": null}}"#;
    let cases = [
        ("hasattr(L['s'], 'upper')", "True"),
        ("hasattr(L['s'], 'split')", "True"),
        ("hasattr(L['s'], 'nope')", "False"),
        ("hasattr(L['l'], 'append')", "True"),
        ("hasattr(L['d'], 'keys')", "True"),
        ("hasattr(L['i'], 'real')", "True"),
        ("hasattr(L['b'], 'bit_length')", "True"),
        ("hasattr(L['n'], 'x')", "False"),
        // A class has its instances' attributes and `type`'s; a builtin
        // function its own.
        ("hasattr(int, 'bit_length')", "True"),
        ("hasattr(bool, 'bit_length')", "True"),
        ("hasattr(str, 'upper')", "True"),
        ("hasattr(int, 'mro')", "True"),
        ("hasattr(int, '__name__')", "True"),
        ("hasattr(int, 'nope')", "False"),
        ("hasattr(L['i'], 'mro')", "False"),
        ("hasattr(len, '__call__')", "True"),
        ("hasattr(len, 'bit_length')", "False"),
    ];
    assert_constants(json, &cases);
    // An `$object` has its own attributes and every object's; a user class
    // its annotations too.
    let objects = r#"{"locals": {"o": {"$object": "Linear", "w": 1}, "C": {"$class": "Linear"}, "b": {"$object": "object"}, "O": {"$class": "object"}}}"#;
    let object_cases = [
        ("hasattr(L['o'], 'w')", "True"),
        ("hasattr(L['o'], '__class__')", "True"),
        ("hasattr(L['o'], '__dict__')", "True"),
        ("hasattr(L['o'], 'zz')", "False"),
        ("hasattr(L['C'], '__annotations__')", "True"),
        ("hasattr(int, '__annotations__')", "False"),
        // `object` itself: no instance dict, module or weak references.
        ("hasattr(L['b'], '__dict__')", "False"),
        ("hasattr(L['b'], '__class__')", "True"),
        ("hasattr(L['O'], '__annotations__')", "False"),
        ("hasattr(L['O'], '__weakref__')", "False"),
        ("hasattr(L['O'], '__dict__')", "True"),
    ];
    assert_constants(objects, &object_cases);
    assert_errors(
        objects,
        &[(
            "L['o'].__class__",
            "'Linear.__class__' is not supported by this tracer ('Linear' objects have it in Python)",
        )],
    );
    assert_errors(
        json,
        &[
            (
                "L['s'].split()",
                "'str.split' is not supported by this tracer ('str' objects have it in Python)",
            ),
            ("L['s'].nope()", "'str' object has no attribute 'nope'"),
            (
                "int.bit_length",
                "'int.bit_length' is not supported by this tracer (the class has it in Python)",
            ),
            ("int.nope", "type object 'int' has no attribute 'nope'"),
        ],
    );
}

/// Python's answers, checked against `python3`: dict equality ignores order
/// and compares `1` with `1.0`; `min`/`max` of one iterable; a sequence or
/// string repeated from either side and by a bool; an unhashable dict key.
#[test]
fn builtins_and_operators_answer_as_python() {
    let json = r#"{"locals": {"d": {"a": 1, "b": 2}, "d2": {"b": 2, "a": 1}, "d3": {"a": 1.0, "b": 2}, "d4": {"a": 1, "b": 3}, "t": {"$tuple": [3, 1, 2]}, "l": [1, 2], "e": [], "tl": {"$tuple": [1, [2]]}}}"#;
    let cases = [
        ("L['d'] == L['d2']", "True"),
        ("L['d'] == L['d3']", "True"),
        ("L['d'] == L['d4']", "False"),
        ("max(L['t'])", "3"),
        ("min(L['t'])", "1"),
        ("max('abc')", "'c'"),
        ("min(L['d'])", "'a'"),
        ("max(3, 7, 5)", "7"),
        ("'ab' * True", "'ab'"),
        ("False * 'ab'", "''"),
        ("len(2 * L['l'])", "4"),
        ("len(L['l'] * 2)", "4"),
    ];
    assert_constants(json, &cases);
    assert_errors(
        json,
        &[
            ("max(3)", "'int' object is not iterable"),
            ("max(L['e'])", "max() arg is an empty sequence"),
            // A dict hashes the key first: an unhashable one is an error, named
            // by its innermost list or dict.
            ("L['l'] in L['d']", "unhashable type: 'list'"),
            ("L['d'].get(L['l'])", "unhashable type: 'list'"),
            ("L['tl'] in L['d']", "unhashable type: 'list'"),
            ("L['d'][L['tl']]", "unhashable type: 'list'"),
            ("hash(L['tl'])", "unhashable type: 'list'"),
        ],
    );
}

/// `min()` and `max()` return the winning object, as Python does: a list
/// or tuple that wins stays one (it was returned as a constant, which
/// `bool()` called true whatever it held and `len()` refused). Python's
/// answers, from `python3`.
#[test]
fn min_and_max_return_the_winning_object() {
    let json = r#"{"locals": {"ee": [[], []], "ll": [[1, 2], [3]], "tt": {"$tuple": [{"$tuple": [1]}, {"$tuple": [1, 0]}]}}}"#;
    let cases = [
        ("bool(max(L['ee']))", "False"),
        ("not min(L['ee'])", "True"),
        ("len(max(L['ll']))", "1"),
        ("len(min(L['ll']))", "2"),
        ("max(L['ll'])[0]", "3"),
        ("len(max(L['tt']))", "2"),
        ("len(max(L['ll'][0], L['ll'][1]))", "1"),
    ];
    assert_constants(json, &cases);
    let run = lazy_run(json, "m = max(L['ll'])\nreturn m, min(L['tt'])\n");
    assert_eq!(
        run.returned,
        ["ListVariable(len=1)", "TupleVariable(len=1)"]
    );
}

/// `str.upper()` and `str.lower()` by Python 3.11's Unicode (14.0): four
/// letters Rust's newer tables give an uppercase keep theirs (Python's
/// answers, from `python3` 3.11; the reproducer of the audit).
#[test]
fn upper_and_lower_use_python_3_11s_unicode() {
    let json =
        r#"{"locals": {"s": "\u019b\u0264\ua7d3\ua7d5", "g": "stra\u00dfe \u03a3\u0391\u03a3"}}"#;
    let cases = [
        ("L['s'].upper() == L['s']", "True"),
        ("len(L['s'].upper())", "4"),
        ("L['g'].upper()", "'STRASSE ΣΑΣ'"),
        ("L['g'].lower()", "'straße σας'"),
    ];
    assert_constants(json, &cases);
}

/// `**` is refused by name; an f-string is held to the bound of every other
/// string operation instead of exhausting memory.
#[test]
fn power_and_huge_f_strings_are_errors_that_say_so() {
    let power = parse_program("test.prog", "x = 2 ** 3\nreturn x\n")
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(power.contains("`**` (power) is not supported"), "{power}");
    let doubled = "{s}".repeat(3);
    let program = format!("s = 'a' * 1000000\nt = f\"{doubled}\"\nreturn t\n");
    let input = input(frame(r#"{"locals": {}}"#), &program);
    let message = run_mode(&input, Mode::Lazy)
        .err()
        .map(|e| e.to_string())
        .unwrap_or_default();
    assert!(message.contains("string too large"), "{message}");
}

/// `@` follows torch.matmul's shapes: the dims before the last two
/// broadcast, and a vector on either side drops its dim.
#[test]
fn matmul_broadcasts_batch_dims_as_torch() {
    let json = r#"{"locals": {"a": {"$tensor": [4, 3]}, "b": {"$tensor": [2, 3, 5]}, "c": {"$tensor": [2, 4, 3]}, "v": {"$tensor": [3]}, "d": {"$tensor": [2, 1, 4, 3]}, "e": {"$tensor": [5, 3, 6]}}}"#;
    for (expr, shape) in [
        ("L['a'] @ L['b']", vec![2, 4, 5]),
        ("L['c'] @ L['v']", vec![2, 4]),
        ("L['v'] @ L['b']", vec![2, 5]),
        ("L['d'] @ L['e']", vec![2, 5, 4, 6]),
        ("L['v'] @ L['v']", vec![]),
    ] {
        let sizes: Vec<String> = (0..shape.len()).map(|i| format!("y.size({i})")).collect();
        let program = format!(
            "y = {expr}\nn = len(y.shape)\nreturn n{}\n",
            sizes.iter().map(|s| format!(", {s}")).collect::<String>()
        );
        let run = lazy_run(json, &program);
        let mut want = vec![format!("ConstantVariable({})", shape.len())];
        want.extend(shape.iter().map(|n| format!("ConstantVariable({n})")));
        assert_eq!(run.returned, want, "{expr}");
    }
}

/// The report's guards and `--verbose` events for a trace that installs
/// guards again (outside a build and inside one) and replaces type guards
/// with value guards, in and outside builds, at two depths: what the guard
/// log and the event log must keep however they store their guards. Without
/// `--verbose` the report ends with the same guards.
#[test]
fn the_report_keeps_the_guards_and_events_of_repeated_and_replaced_guards() {
    let frame = temp_file(
        "replaced.json",
        r#"{"locals": {"a": 3, "b": 1.5, "c": 7, "t": {"$tuple": [1, 2, {"$tuple": [3, 4]}, 5.5]}}, "globals": {}}"#,
    );
    let program = temp_file(
        "replaced.prog",
        "a = isinstance(L['a'], int)\nb = isinstance(L['b'], float)\nc = isinstance(L['c'], int)\nd = L['b'] + 1\ne = isinstance(L['a'], int)\nf = L['a'] * 2\ng = isinstance(L['c'], int)\nr = hash(L['t'])\ns = hash(L['t'])\nreturn d, f, r, s\n",
    );
    let guards = "\
guards of the lazy run:
  DICT_CONTAINS  G has no 'int'
  DICT_CONTAINS  G has no 'float'
  TYPE_MATCH     L['c'] int
  CONSTANT_MATCH L['b'] == 1.5
  CONSTANT_MATCH L['a'] == 3
  TYPE_MATCH     L['t'] tuple
  LEN_CHECK      L['t'] len == 4
  TYPE_MATCH     L['t'][2] tuple
  LEN_CHECK      L['t'][2] len == 2
  CONSTANT_MATCH L['t'][0] == 1
  CONSTANT_MATCH L['t'][1] == 2
  CONSTANT_MATCH L['t'][2][0] == 3
  CONSTANT_MATCH L['t'][2][1] == 4
  CONSTANT_MATCH L['t'][3] == 5.5
";
    let events = "\
what the lazy run did, in order:
  guard   + DICT_CONTAINS  G has no 'int'
  guard   + TYPE_MATCH     L['a'] int
  guard   + DICT_CONTAINS  G has no 'float'
  guard   + TYPE_MATCH     L['b'] float
  guard   + TYPE_MATCH     L['c'] int
  realize L['b'] -> ConstantVariable
      + CONSTANT_MATCH L['b'] == 1.5
  realize L['a'] -> ConstantVariable
      + CONSTANT_MATCH L['a'] == 3
  realize L['t'] -> TupleVariable
      + TYPE_MATCH     L['t'] tuple
      + LEN_CHECK      L['t'] len == 4
  guard   + TYPE_MATCH     L['t'][0] int
  guard   + TYPE_MATCH     L['t'][1] int
  realize L['t'][2] -> TupleVariable
      + TYPE_MATCH     L['t'][2] tuple
      + LEN_CHECK      L['t'][2] len == 2
  guard   + TYPE_MATCH     L['t'][2][0] int
  guard   + TYPE_MATCH     L['t'][2][1] int
  guard   + TYPE_MATCH     L['t'][3] float
  realize L['t'][0] -> ConstantVariable
      + CONSTANT_MATCH L['t'][0] == 1
  realize L['t'][1] -> ConstantVariable
      + CONSTANT_MATCH L['t'][1] == 2
  realize L['t'][2][0] -> ConstantVariable
      + CONSTANT_MATCH L['t'][2][0] == 3
  realize L['t'][2][1] -> ConstantVariable
      + CONSTANT_MATCH L['t'][2][1] == 4
  realize L['t'][3] -> ConstantVariable
      + CONSTANT_MATCH L['t'][3] == 5.5
";
    let files = [
        "--frame".to_string(),
        frame.display().to_string(),
        "--program".to_string(),
        program.display().to_string(),
    ];
    let report = |flags: &[&str]| {
        let args = flags.iter().map(|f| f.to_string()).chain(files.clone());
        let outcome = main_with_args(args.collect::<Vec<_>>());
        assert_eq!(outcome.code, 0, "{}", outcome.stderr);
        let at = outcome.stdout.find("guards of the lazy run:").unwrap();
        outcome.stdout[at..].to_string()
    };
    for lazy_only in [&["--lazy-only"][..], &[]] {
        let verbose = [lazy_only, &["--verbose"]].concat();
        assert_eq!(report(&verbose), format!("{guards}{events}"));
        assert_eq!(report(lazy_only), guards);
    }
}

/// A dim of size 0 or 1 is never symbolic (Dynamo's 0/1 specialization),
/// even where the frame marks it dynamic: a 1 broadcasts against any size,
/// as torch does, and its `TENSOR_MATCH` checks that it is 1 (another
/// frame's 5 would not broadcast alike). A dynamic dim of another size
/// stays symbolic.
#[test]
fn a_dynamic_dim_of_size_one_is_specialized_and_broadcasts() {
    let json = r#"{"locals": {
        "x": {"$tensor": [1, 4], "dynamic": [0, 1]},
        "y": {"$tensor": [3, 4]}
    }}"#;
    let guards = printed_guards("specialized-one", json, "h = L['x'] + L['y']\nreturn h\n");
    assert!(
        guards.contains(&"  TENSOR_MATCH   L['x'] float32[1, ?4]".to_string()),
        "{guards:?}"
    );
    assert!(
        guards.contains(&"  TENSOR_MATCH   L['y'] float32[3, 4]".to_string()),
        "{guards:?}"
    );
}
