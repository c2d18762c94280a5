//! Generated frames and programs through the whole command: it exits with
//! 0 and a report, or with 2 and one error line; it never panics.
//!
//! Frames are random values written as JSON, sometimes with a byte broken;
//! programs are random lines of the program language over the frame's
//! names, with extreme ints, every operator and the methods the trackers
//! know. Seeded, so a failure reproduces: the message shows the inputs.

mod common;

use std::path::PathBuf;
use std::rc::Rc;

use common::Rng;
use lazy_tracer::run::main_with_args;
use lazy_tracer::value::{Frame, Object, TensorMeta, Value};

const NAMES: &[&str] = &["x", "xs", "obj", "cfg", "n", "s"];

const INTS: &[&str] = &[
    "0",
    "1",
    "-1",
    "7",
    "-2",
    "3",
    "9223372036854775807",
    "-9223372036854775808",
    "9007199254740993",
    "100000000000000000000",
];

fn gen_value(rng: &mut Rng, depth: usize) -> Value {
    let leaf = depth >= 3;
    match rng.below(if leaf { 7 } else { 12 }) {
        0 => Value::None,
        1 => Value::Bool(rng.one_in(2)),
        2 => Value::Int([0, 1, -1, 7, -2, i64::MAX, i64::MIN, (1 << 53) + 1][rng.below(8)]),
        3 => Value::Float([0.5, -0.0, 1e300, 1e-7, 3.0, -2.5][rng.below(6)]),
        4 => Value::str(rng.pick(&["", "relu", "gelu", "a'b", "é", "{x}"])),
        5 => Value::Function(rng.pick(&["torch.relu", "torch.nn.functional.gelu"]).into()),
        6 => {
            let shape: Vec<i64> = (0..rng.below(4))
                .map(|_| [0, 1, 4, 16][rng.below(4)])
                .collect();
            let dynamic = if !shape.is_empty() && rng.one_in(2) {
                vec![0]
            } else {
                Vec::new()
            };
            Value::Tensor(TensorMeta {
                shape,
                dtype: rng.pick(&["float32", "int64", "bool"]).into(),
                dynamic,
            })
        }
        7 => Value::List(gen_items(rng, depth)),
        8 => Value::Tuple(gen_items(rng, depth)),
        9 => Value::Dict(
            NAMES[..rng.below(4)]
                .iter()
                .map(|name| (Value::str(name), Rc::new(gen_value(rng, depth + 1))))
                .collect(),
        ),
        10 => Value::Dict(
            (0..rng.below(4))
                .map(|i| (Value::Int(i as i64), Rc::new(gen_value(rng, depth + 1))))
                .collect(),
        ),
        _ => Value::Object(Object::new(
            rng.pick(&["Linear", "MLP"]).into(),
            ["weight", "bias", "act", "n"][..rng.below(5)]
                .iter()
                .map(|name| (Rc::from(*name), Rc::new(gen_value(rng, depth + 1))))
                .collect(),
        )),
    }
}

fn gen_items(rng: &mut Rng, depth: usize) -> Vec<Rc<Value>> {
    (0..rng.below(4))
        .map(|_| Rc::new(gen_value(rng, depth + 1)))
        .collect()
}

fn gen_frame(rng: &mut Rng) -> Vec<u8> {
    // Most names, each once; a duplicate now and then.
    let mut named = || -> Vec<(Rc<str>, Rc<Value>)> {
        let mut names: Vec<&str> = NAMES.iter().copied().filter(|_| !rng.one_in(4)).collect();
        if rng.one_in(10) && !names.is_empty() {
            names.push(names[0]);
        }
        names
            .into_iter()
            .map(|name| (Rc::from(name), Rc::new(gen_value(rng, 0))))
            .collect()
    };
    let frame = Frame {
        locals: named(),
        globals: named(),
    };
    let mut bytes = frame.to_json().into_bytes();
    if rng.one_in(8) && !bytes.is_empty() {
        let at = rng.below(bytes.len());
        bytes[at] = *rng.pick(&[&b'{', &b'"', &b']', &b'9', &b'-', &0xff, &b'\n']);
    }
    bytes
}

fn gen_expr(rng: &mut Rng, names: &[String], depth: usize) -> String {
    if depth >= 2 || rng.one_in(2) {
        return gen_atom(rng, names);
    }
    let inner = |rng: &mut Rng| gen_expr(rng, names, depth + 1);
    match rng.below(10) {
        0 | 1 => {
            let op = rng.pick(&[
                "+", "-", "*", "/", "//", "%", "@", "==", "!=", "<", "<=", ">", ">=", "in",
            ]);
            format!("{} {op} {}", inner(rng), inner(rng))
        }
        2 => format!("-{}", inner(rng)),
        3 => format!(
            "({}).{}",
            inner(rng),
            rng.pick(&["weight", "bias", "shape", "dtype", "ndim", "act", "nope"])
        ),
        4 => format!("{}[{}]", inner(rng), inner(rng)),
        5 => {
            let call = rng.pick(&[
                "size(0)",
                "size()",
                "t()",
                "relu()",
                "float()",
                "dim()",
                "softmax(-1)",
                "keys()",
                "values()",
                "get('x')",
                "append(1)",
                "pop()",
                "upper()",
                "sum()",
                "count(1)",
                "index(0)",
                "mean()",
                "permute(1, 0)",
            ]);
            format!("({}).{call}", inner(rng))
        }
        6 => {
            let builtin = rng.pick(&[
                "len", "str", "bool", "int", "float", "hash", "abs", "format", "log",
            ]);
            format!("{builtin}({})", inner(rng))
        }
        7 => format!(
            "f\"{{{}:{}}}\"",
            gen_atom(rng, names),
            rng.pick(&["", ">5", "05d", ".2f", ",", "x", "e", "^10", "!"])
        ),
        8 => format!("({})", inner(rng)),
        _ => match rng.below(3) {
            0 => format!("not {}", inner(rng)),
            1 => format!("{} is None", inner(rng)),
            _ => format!(
                "isinstance({}, {})",
                inner(rng),
                rng.pick(&["int", "Linear", "Tensor"])
            ),
        },
    }
}

fn gen_atom(rng: &mut Rng, names: &[String]) -> String {
    match rng.below(7) {
        0 | 1 => format!("L['{}']", rng.pick(NAMES)),
        2 => format!("G['{}']", rng.pick(NAMES)),
        3 => rng.pick(INTS).to_string(),
        4 => rng
            .pick(&["0.5", "-0.0", "1e300", "'relu'", "True", "None", "\"s\""])
            .to_string(),
        _ if !names.is_empty() => names[rng.below(names.len())].clone(),
        _ => "1".to_string(),
    }
}

fn gen_program(rng: &mut Rng) -> String {
    let mut names: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut open = 0;
    for _ in 0..rng.below(12) {
        let line = match rng.below(10) {
            0..=3 => {
                let name = rng.pick(&["a", "b", "h", "n"]).to_string();
                let line = format!("{name} = {}", gen_expr(rng, &names, 0));
                names.push(name);
                line
            }
            4 => format!("a, b = {}", gen_expr(rng, &names, 0)),
            5 => format!("G['{}'] = {}", rng.pick(NAMES), gen_expr(rng, &names, 0)),
            6 => format!("log({})", gen_expr(rng, &names, 0)),
            7 => {
                open += 1;
                format!("if {}", gen_expr(rng, &names, 0))
            }
            8 if open > 0 && rng.one_in(3) => "else".to_string(),
            8 if open > 0 => {
                open -= 1;
                "end".to_string()
            }
            8 => "log(1)".to_string(),
            _ => format!("return {}", gen_expr(rng, &names, 0)),
        };
        text.push_str(&line);
        text.push('\n');
    }
    if !rng.one_in(8) {
        text.push_str(&"end\n".repeat(open));
    }
    text.push_str(&format!("return {}\n", gen_expr(rng, &names, 0)));
    text
}

fn write(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lazy-tracer-generated");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn generated_frames_and_programs_exit_0_or_2_with_one_error_line() {
    let (mut ok, mut refused) = (0, 0);
    for seed in 0..400 {
        let mut rng = Rng::new(seed);
        let frame = gen_frame(&mut rng);
        let program = gen_program(&mut rng);
        let frame_path = write("frame.json", &frame);
        let program_path = write("program.txt", program.as_bytes());
        for lazy_only in [false, true] {
            let mut args = vec![
                "--frame".into(),
                frame_path.clone().into_os_string(),
                "--program".into(),
                program_path.clone().into_os_string(),
            ];
            if lazy_only {
                args.push("--lazy-only".into());
            }
            let outcome = main_with_args(args);
            let case = format!(
                "seed {seed}\nframe:\n{}\nprogram:\n{program}\noutcome: {outcome:?}",
                String::from_utf8_lossy(&frame)
            );
            match outcome.code {
                0 => {
                    assert!(outcome.stderr.is_empty(), "{case}");
                    assert!(outcome.stdout.contains("returned:"), "{case}");
                    ok += 1;
                }
                2 => {
                    if std::env::var_os("SHOW_ERRORS").is_some() {
                        eprint!("{}", outcome.stderr);
                    }
                    assert!(outcome.stdout.is_empty(), "{case}");
                    assert!(outcome.stderr.starts_with("error: "), "{case}");
                    assert!(outcome.stderr.ends_with('\n'), "{case}");
                    assert_eq!(outcome.stderr.lines().count(), 1, "{case}");
                    refused += 1;
                }
                _ => panic!("exit code {}: {case}", outcome.code),
            }
        }
    }
    // The generator reaches both sides: traces that succeed, and errors.
    assert!(ok > 40 && refused > 40, "{ok} traced, {refused} refused");
}
