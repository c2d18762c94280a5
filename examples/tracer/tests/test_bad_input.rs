//! What users throw at the tracer: each case once crashed or gave a wrong
//! value (issue 17), and is now either Python's answer or one error line
//! with exit code 2.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use lazy_tracer::builder::Mode;
use lazy_tracer::program::MAX_NESTING;
use lazy_tracer::run::{Input, TracerError, main_with_args, parse_frame, parse_program, run_mode};

const BIN: &str = env!("CARGO_BIN_EXE_lazy-tracer");

fn temp_dir() -> PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("lazy-tracer-bad-input");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let path = temp_dir().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn one_line(text: &str) -> bool {
    text.ends_with('\n') && text.trim_end().lines().count() == 1
}

/// Runs `program` lazily and eagerly over `frame`; both must agree.
fn run(frame: &str, program: &str) -> Result<Vec<String>, TracerError> {
    let input = Input {
        frame: parse_frame("f.json", frame)?,
        frame_name: "f.json".into(),
        program: parse_program("p", program)?,
        program_name: "p".into(),
    };
    let lazy = run_mode(&input, Mode::Lazy).map(|r| r.returned);
    let eager = run_mode(&input, Mode::Eager).map(|r| r.returned);
    assert_eq!(lazy, eager, "{program}");
    lazy
}

/// The value of one expression, as the trace returns it.
fn eval(expr: &str) -> String {
    match run("{}", &format!("return {expr}\n")) {
        Ok(mut values) => values.remove(0),
        Err(error) => panic!("{expr}: {error}"),
    }
}

/// The error of one expression's trace (or parse).
fn eval_error(expr: &str) -> String {
    match run("{}", &format!("return {expr}\n")) {
        Ok(values) => panic!("{expr} returned {values:?}"),
        Err(error) => {
            assert_eq!(error.line(), Some(1), "{error}");
            assert_eq!(error.exit_code(), 2);
            error.to_string()
        }
    }
}

fn constant(text: &str) -> String {
    format!("ConstantVariable({text})")
}

// --- the process: output that cannot be written, file names ----------------

#[test]
fn a_closed_stdout_ends_the_command_quietly_with_exit_code_0() {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let output = Command::new(BIN)
        .arg("--verbose")
        .stdout(writer)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&output.stderr), "");
}

#[test]
fn a_full_disk_is_one_error_line_and_exit_code_2() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return; // not on this system
    };
    let output = Command::new(BIN)
        .stdout(full)
        .stderr(Stdio::piped())
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2));
    assert!(one_line(&stderr), "{stderr:?}");
    assert!(
        stderr.starts_with("error: cannot write the report: "),
        "{stderr}"
    );
}

/// Runs the binary with `args`, `stdin` piped to it.
fn run_with_stdin(args: &[&str], stdin: &[u8], dir: &Path) -> std::process::Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_vec();
    // Written beside the reading of the output, which could fill its pipe.
    let writer = std::thread::spawn(move || {
        // The command may stop reading early (a usage error): not a failure.
        let _ = std::io::Write::write_all(&mut pipe, &input);
    });
    let output = child.wait_with_output().unwrap();
    writer.join().unwrap();
    output
}

/// `--frame -` reads the frame from standard input, as command-line tools
/// read `-` (it opened a file named `-`: "cannot read -: No such file or
/// directory"); so does `--program -`. Errors and the report name it
/// `<stdin>`; a file named `-` is `./-`.
#[test]
fn a_frame_or_program_named_dash_is_read_from_standard_input() {
    let dir = temp_dir().join("stdin");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("return-x.prog"), "return L['x']\n").unwrap();
    std::fs::write(dir.join("frame.json"), r#"{"locals": {"x": 8}}"#).unwrap();
    let stdout = |output: &std::process::Output| {
        assert_eq!(
            output.status.code(),
            Some(0),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout.clone()).unwrap()
    };
    let stderr = |output: &std::process::Output| {
        assert_eq!(output.status.code(), Some(2));
        let stderr = String::from_utf8(output.stderr.clone()).unwrap();
        assert!(one_line(&stderr), "{stderr:?}");
        stderr
    };

    let frame_in = run_with_stdin(
        &["--frame", "-", "--program", "return-x.prog"],
        br#"{"locals": {"x": 7}}"#,
        &dir,
    );
    let report = stdout(&frame_in);
    assert!(
        report.contains("\nframe:   <stdin> (1 values; 1 locals, 0 globals)\n"),
        "{report}"
    );
    assert!(
        report.contains("\nreturned:    ConstantVariable(7)\n"),
        "{report}"
    );
    assert!(
        report.contains("Both runs return the same values: yes"),
        "{report}"
    );

    let program_in = run_with_stdin(
        &["--lazy-only", "--program", "-", "--frame", "frame.json"],
        b"y = L['x'] * 2\nreturn y\n",
        &dir,
    );
    let report = stdout(&program_in);
    assert!(
        report.contains("\nprogram: <stdin> (2 lines)\n"),
        "{report}"
    );
    assert!(
        report.contains("\nreturned:    ConstantVariable(16)\n"),
        "{report}"
    );

    // Errors in what standard input held name it.
    let bad = run_with_stdin(&["--frame", "-"], b"{\"locals\": {\"x\": }}", &dir);
    assert_eq!(stderr(&bad), "error: <stdin>:1:18: expected value\n");
    let bad = run_with_stdin(&["--program", "-"], b"return L['nope']\n", &dir);
    assert!(
        stderr(&bad).starts_with("error: <stdin>:1: "),
        "{:?}",
        bad.stderr
    );
    // One standard input for two files: refused before either is read.
    let both = run_with_stdin(&["--frame", "-", "--program", "-"], b"{}", &dir);
    assert!(
        stderr(&both)
            .starts_with("error: `--frame -` and `--program -` would both read standard input"),
        "{:?}",
        both.stderr
    );
    // A file named `-` is read as `./-`, and not from standard input.
    std::fs::write(dir.join("-"), r#"{"locals": {"x": 9}}"#).unwrap();
    let file = run_with_stdin(
        &["--frame", "./-", "--program", "return-x.prog"],
        br#"{"locals": {"x": 7}}"#,
        &dir,
    );
    let report = stdout(&file);
    assert!(report.contains("\nframe:   ./- (1 values"), "{report}");
    assert!(
        report.contains("\nreturned:    ConstantVariable(9)\n"),
        "{report}"
    );
    // The help says so.
    let help = main_with_args(["--help"]);
    assert!(
        help.stdout
            .contains("`--frame -` (or `--program -`) reads that file from standard input."),
        "{}",
        help.stdout
    );
}

#[cfg(unix)]
#[test]
fn a_file_name_that_is_not_utf8_is_read_or_reported_in_one_line() {
    use std::os::unix::ffi::OsStringExt as _;

    let dir = temp_dir();
    let mut name = dir.clone().into_os_string().into_vec();
    name.extend_from_slice(b"/\xff-frame.json");
    let path = PathBuf::from(OsString::from_vec(name));
    std::fs::write(&path, r#"{"locals": {"x": 1}}"#).unwrap();
    let program = temp_file("return-x.prog", b"return L['x']\n");
    let args = |frame: &Path| -> Vec<OsString> {
        vec![
            "--frame".into(),
            frame.into(),
            "--program".into(),
            program.clone().into(),
        ]
    };

    let outcome = main_with_args(args(&path));
    assert_eq!(outcome.code, 0, "{}", outcome.stderr);
    assert!(
        outcome.stdout.contains("\u{fffd}-frame.json (1 values"),
        "{}",
        outcome.stdout
    );

    std::fs::remove_file(&path).unwrap();
    let outcome = main_with_args(args(&path));
    assert_eq!(outcome.code, 2);
    assert!(one_line(&outcome.stderr), "{:?}", outcome.stderr);
    assert!(outcome.stderr.contains("\u{fffd}-frame.json"));

    let outcome = main_with_args([OsString::from_vec(b"--fr\xffme".to_vec())]);
    assert_eq!(outcome.code, 2);
    assert!(outcome.stderr.contains("unknown argument `--fr\u{fffd}me`"));
}

// --- nesting and encodings -----------------------------------------------------

fn nested_ifs(depth: usize) -> String {
    let mut text = String::from("x = 0\n");
    for _ in 0..depth {
        text.push_str("if True\nx = x + 1\n");
    }
    for _ in 0..depth {
        text.push_str("end\n");
    }
    text.push_str("return x\n");
    text
}

#[test]
fn nesting_deeper_than_the_limit_is_an_error_at_its_line_at_any_depth() {
    assert_eq!(
        run("{}", &nested_ifs(MAX_NESTING)).unwrap(),
        [constant("100")]
    );
    for depth in [MAX_NESTING + 1, 25_000, 1_000_000] {
        let error = parse_program("p", &nested_ifs(depth)).unwrap_err();
        // Line 1 is `x = 0`; each level is two lines.
        assert_eq!(error.line(), Some(2 + 2 * MAX_NESTING), "{error}");
        assert!(
            error.to_string().contains("nested more than 100 deep"),
            "{error}"
        );
    }
}

#[test]
fn deeply_nested_json_is_an_error_at_its_line() {
    let json = format!(
        "{{\"locals\": {{\"x\":\n{}{}}}}}",
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let error = parse_frame("f.json", &json).unwrap_err();
    assert_eq!(error.line(), Some(2), "{error}");
    assert!(error.to_string().contains("recursion limit"), "{error}");
    assert!(error.to_string().contains("128 levels deep"), "{error}");
}

#[test]
fn invalid_utf8_is_reported_with_its_line_and_column() {
    let program = temp_file("latin1.prog", b"x = 1\ny = 'caf\xe9'\nreturn y\n");
    let outcome = main_with_args(["--program".into(), program.into_os_string()]);
    assert_eq!(outcome.code, 2);
    assert!(one_line(&outcome.stderr), "{:?}", outcome.stderr);
    assert!(
        outcome.stderr.contains(
            "latin1.prog:2:9: invalid UTF-8 (byte 0xe9); frames and programs must be UTF-8 text"
        ),
        "{}",
        outcome.stderr
    );

    // Columns count characters: `é` before the bad byte is one column.
    let frame = temp_file("latin1.json", b"{\"locals\": {\n  \"\xc3\xa9\": \"\xff\"}}");
    let outcome = main_with_args(["--frame".into(), frame.into_os_string()]);
    assert_eq!(outcome.code, 2);
    assert!(
        outcome
            .stderr
            .contains("latin1.json:2:9: invalid UTF-8 (byte 0xff)"),
        "{}",
        outcome.stderr
    );
}

// --- Python's arithmetic ----------------------------------------------------------

#[test]
fn floor_division_and_modulo_round_toward_negative_infinity_as_python() {
    let cases = [
        ("7 // 2", "3"),
        ("7 // -2", "-4"),
        ("-7 // 2", "-4"),
        ("-7 // -2", "3"),
        ("7 % 2", "1"),
        ("7 % -2", "-1"),
        ("-7 % 2", "1"),
        ("-7 % -2", "-1"),
        ("6 % -3", "0"),
        ("7.0 // -2", "-4.0"),
        ("7.0 % -2", "-1.0"),
        ("-7.5 % 2", "0.5"),
        ("7 % -2.5", "-0.5"),
        ("-0.0 % 5", "0.0"),
        ("0.0 % -5", "-0.0"),
        ("True // -2", "-1"),
        ("-9223372036854775808 % -1", "0"),
        ("-9223372036854775808 // 1", "-9223372036854775808"),
    ];
    for (expr, python) in cases {
        assert_eq!(eval(expr), constant(python), "{expr}");
    }
}

/// `int / int` is the exact quotient rounded once to the nearest float,
/// half to even, as Python's (checked against `python3`); past 2**53 each
/// int was rounded to a float first, and the quotient's last digit could
/// differ (`...469.0` for `...468.0`).
#[test]
fn true_division_of_ints_rounds_the_exact_quotient_once_as_python() {
    let cases = [
        ("-6755985577202380367 / 940", "-7187218699151468.0"),
        (
            "3979880673574169990 / -7964820345776178569",
            "-0.499682416023952",
        ),
        ("203 / 7982538696050461025", "2.5430506224847838e-17"),
        ("9007199254740993 / 1", "9007199254740992.0"),
        ("9007199254740993 / 2", "4503599627370496.0"),
        ("9007199254740995 / 1", "9007199254740996.0"),
        ("-9223372036854775808 / 3", "-3.0744573456182584e+18"),
        ("9223372036854775807 / 9223372036854775806", "1.0"),
        ("1 / -9223372036854775808", "-1.0842021724855044e-19"),
        ("0 / -9223372036854775808", "-0.0"),
        ("-9223372036854775808 / -1", "9.223372036854776e+18"),
        ("0 / -5", "-0.0"),
        ("7 / 2", "3.5"),
    ];
    for (expr, python) in cases {
        assert_eq!(eval(expr), constant(python), "{expr}");
    }
}

#[test]
fn floor_division_of_a_symbolic_size_uses_python_rounding() {
    let frame = r#"{"locals": {"x": {"$tensor": [7, 3], "dynamic": [0]}}}"#;
    let returned = run(frame, "n = L['x'].size(0)\nreturn n // -2, n % -2\n").unwrap();
    assert_eq!(returned.len(), 2);
    assert!(returned[0].contains("-4"), "{returned:?}");
    assert!(returned[1].contains("-1"), "{returned:?}");
}

#[test]
fn ints_are_exact_64_bit_and_never_become_floats() {
    assert_eq!(
        eval("-9223372036854775808"),
        constant("-9223372036854775808")
    );
    assert_eq!(eval("9223372036854775807"), constant("9223372036854775807"));
    assert_eq!(eval("int(9007199254740993)"), constant("9007199254740993"));
    assert_eq!(eval("int('-1_000')"), constant("-1000"));
    assert_eq!(eval("int(-2.9)"), constant("-2"));
    for expr in [
        "-9223372036854775808 // -1",
        "9223372036854775807 + 1",
        "-9223372036854775807 - 2",
        "4611686018427387904 * 2",
        "-(-9223372036854775808)",
        "abs(-9223372036854775808)",
        "int(1e19)",
        "int('9223372036854775808')",
    ] {
        let error = eval_error(expr);
        assert!(error.contains("integer overflow"), "{expr}: {error}");
    }
    for literal in ["9223372036854775808", "100000000000000000000"] {
        let error = eval_error(literal);
        assert!(
            error.contains(&format!("integer {literal} does not fit in 64 bits")),
            "{error}"
        );
    }
    assert!(eval_error("int(float('nan'))").contains("cannot convert float NaN"));
    assert!(eval_error("int(float('inf'))").contains("cannot convert float infinity"));
    assert!(eval_error("int('1__0')").contains("invalid literal for int() with base 10: '1__0'"));
}

#[test]
fn ints_and_floats_compare_exactly_as_python() {
    let cases = [
        ("9007199254740993 == 9007199254740992.0", "False"),
        ("9007199254740993 > 9007199254740992.0", "True"),
        ("9223372036854775807 < 9223372036854775808.0", "True"),
        ("-9223372036854775808 == -9223372036854775808.0", "True"),
        ("1 == 1.0", "True"),
        ("2 > 1.5", "True"),
        ("-2 < -1.5", "True"),
        (
            "max(9007199254740993, 9007199254740992.0)",
            "9007199254740993",
        ),
    ];
    for (expr, python) in cases {
        assert_eq!(eval(expr), constant(python), "{expr}");
    }
}

#[test]
fn int_literals_past_64_bits_in_a_frame_are_errors_at_their_line() {
    for (json, literal) in [
        (
            "{\"locals\": {\n\"n\": 100000000000000000000}}",
            "100000000000000000000",
        ),
        (
            "{\"locals\": {\n\"n\": [1, -9223372036854775809]}}",
            "-9223372036854775809",
        ),
        (
            "{\"locals\": {\n\"n\": 9223372036854775808}}",
            "9223372036854775808",
        ),
    ] {
        let error = parse_frame("f.json", json).unwrap_err();
        assert_eq!(error.line(), Some(2), "{error}");
        assert!(
            error
                .to_string()
                .contains(&format!("integer {literal} does not fit in 64 bits")),
            "{error}"
        );
    }
    // Floats stay floats; the extreme ints stay ints.
    let frame =
        r#"{"locals": {"a": 1e20, "b": -9223372036854775808, "s": "100000000000000000000"}}"#;
    let returned = run(frame, "return L['a'], L['b'], L['s']\n").unwrap();
    assert_eq!(
        returned,
        [
            constant("1e+20"),
            constant("-9223372036854775808"),
            constant("'100000000000000000000'")
        ]
    );
}

// --- duplicate keys --------------------------------------------------------------

#[test]
fn duplicate_keys_are_errors_at_the_line_of_the_second() {
    let many: String = (0..40).map(|i| format!("\"k{i}\": {i}, ")).collect();
    let cases = [
        (
            "{\"locals\": {\"a\": 1,\n \"a\": 2}}".to_string(),
            "duplicate key `a`",
        ),
        (
            format!("{{\"globals\": {{{many}\n\"k7\": 0}}}}"),
            "duplicate key `k7`",
        ),
        (
            "{\"locals\": {\"d\": {\"x\": {},\n\"x\": []}}}".to_string(),
            "duplicate key `x`",
        ),
        (
            "{\"locals\": {\"o\": {\"$object\": \"Linear\", \"w\": 1,\n\"w\": 2}}}".to_string(),
            "duplicate attribute `w` of a `Linear` object",
        ),
        (
            "{\"locals\": {\"t\": {\"$tensor\": [2], \"dtype\": \"int8\",\n\"dtype\": \"int8\"}}}"
                .to_string(),
            "duplicate key `dtype` in a tensor",
        ),
        (
            "{\"locals\": {},\n\"locals\": {}}".to_string(),
            "duplicate key `locals` in a frame",
        ),
        (
            "{\"locals\": {\"d\": {\"$dict\": [[1, \"a\"],\n[1.0, \"b\"],\n[2, \"c\"]]}}}"
                .to_string(),
            "duplicate key 1.0 in a $dict",
        ),
    ];
    for (json, message) in cases {
        let error = parse_frame("f.json", &json).unwrap_err();
        assert_eq!(error.line(), Some(2), "{json}: {error}");
        assert!(error.to_string().contains(message), "{json}: {error}");
    }
    // The same name as a local and as a global is fine.
    let frame = r#"{"locals": {"a": 1}, "globals": {"a": 2}}"#;
    assert_eq!(
        run(frame, "return L['a'], G['a']\n").unwrap(),
        [constant("1"), constant("2")]
    );
}

/// An `$object` whose class has a builtin type's name would pass that
/// type's guards (`TYPE_MATCH L['x'] str` judges by the name), so a trace
/// of a real `str` would be reused for it: refused where it is written.
/// `object`, the base of every class, is a class of the frame's like any.
#[test]
fn an_object_of_a_class_named_like_a_builtin_type_is_an_error_at_its_line() {
    for class in ["str", "int", "NoneType", "list", "Tensor", "function"] {
        let json = format!("{{\"locals\": {{\n\"x\": {{\"$object\": \"{class}\"}}}}}}");
        let error = parse_frame("f.json", &json).unwrap_err();
        assert_eq!(error.line(), Some(2), "{json}: {error}");
        assert!(
            error.to_string().contains(&format!(
                "an `$object` of class `{class}`, a builtin type's name"
            )),
            "{json}: {error}"
        );
    }
    let frame = r#"{"locals": {"x": {"$object": "object"}, "y": {"$object": "Str"}}}"#;
    assert_eq!(
        run(
            frame,
            "return hasattr(L['x'], 'upper'), hasattr(L['y'], 'upper')\n"
        )
        .unwrap(),
        [constant("False"), constant("False")]
    );
}

#[test]
fn a_dict_pair_that_is_not_key_and_value_is_an_error_at_its_line() {
    for (pairs, message) in [
        ("[[]]", "invalid length 0, expected a [key, value] pair"),
        ("[[1]]", "invalid length 1, expected a [key, value] pair"),
        (
            "[[1, 2, 3]]",
            "invalid length 3, expected a [key, value] pair",
        ),
        ("[1]", "expected a [key, value] pair"),
    ] {
        let json = format!("{{\"locals\": {{\n\"d\": {{\"$dict\": {pairs}}}}}}}");
        let error = parse_frame("f.json", &json).unwrap_err();
        assert_eq!(error.line(), Some(2), "{json}: {error}");
        assert!(error.to_string().contains(message), "{json}: {error}");
    }
}

/// An empty frame, a byte order mark and a column after multi-byte
/// characters: each error says what is wrong, and columns count characters
/// as Python's `json` does. A program's lines end at `\n`, `\r\n` or `\r`.
#[test]
fn empty_files_byte_order_marks_and_columns_are_told_as_they_are() {
    let error = |text: &str| parse_frame("f.json", text).expect_err(text).to_string();
    assert!(
        error("  \n").contains("f.json:1:1: the frame is empty"),
        "{}",
        error("  \n")
    );
    let bom = error("\u{feff}{\"locals\": {}}");
    assert!(
        bom.contains("f.json:1:1: the file starts with a byte order mark"),
        "{bom}"
    );
    let program_bom = parse_program("p", "\u{feff}return 1\n")
        .expect_err("a BOM")
        .to_string();
    assert!(
        program_bom.contains("p:1: the file starts with a byte order mark"),
        "{program_bom}"
    );
    // Python: "Expecting value: line 1 column 22 (char 21)".
    let column = error("{\"locals\": {\"ééééé\": x}}");
    assert!(column.contains("f.json:1:22:"), "{column}");
    assert_eq!(run("{}", "x = 1\rreturn x\r"), Ok(vec![constant("1")]));
    assert_eq!(run("{}", "x = 2\r\nreturn x\r\n"), Ok(vec![constant("2")]));
}

/// Unary minus is Python's: the sign of `-0.0`, `-True`, and its own error
/// for a type without it (as `python3` says each).
#[test]
fn unary_minus_is_pythons() {
    assert_eq!(eval("-(0.0 * 1)"), constant("-0.0"));
    assert_eq!(eval("-(1.0 - 1.0)"), constant("-0.0"));
    assert_eq!(eval("-True"), constant("-1"));
    assert_eq!(eval("-(-3)"), constant("3"));
    assert!(
        eval_error("-('a')").contains("bad operand type for unary -: 'str'"),
        "{}",
        eval_error("-('a')")
    );
}

/// A float literal ends at its second `.`, which starts an attribute, as in
/// Python (`1.5.is_integer()`); the whole was read as one number, an error
/// blaming underscores.
#[test]
fn a_float_literal_ends_before_an_attribute() {
    for (expr, attribute) in [
        ("1.5.is_integer()", "float.is_integer"),
        ("2.0.real", "float.real"),
        ("1e5.real", "float.real"),
        ("1..real", "float.real"),
    ] {
        let error = eval_error(expr);
        assert!(
            error.contains(&format!("'{attribute}' is not supported by this tracer")),
            "{expr}: {error}"
        );
    }
    assert_eq!(eval("1.5e1 + 1."), constant("16.0"));
    // An int has no `.` of its own to end at: Python's "invalid decimal
    // literal".
    assert!(eval_error("1.real").contains("invalid decimal literal `1.real`"));
}

/// Python's string prefixes in any case (`u`, `r`, `f`, `rf`), adjacent
/// literals joined (with an f-string too, whose braces stay placeholders
/// only in its own part) and triple quotes on one line read as Python
/// reads them: each was a confusing syntax error ("unexpected `'abc'`
/// after the expression", or "unknown escape" for a raw string). Bytes, and
/// a triple-quoted string over several lines, say that this tracer does not
/// support them. Each value is `python3`'s.
#[test]
fn string_prefixes_joined_literals_and_triple_quotes_read_as_python() {
    for (expr, want) in [
        ("u'abc'", "'abc'"),
        ("U\"abc\"", "'abc'"),
        ("r'a\\d'", "'a\\\\d'"),
        ("R'a\\'b'", "\"a\\\\'b\""),
        ("r'\\n'", "'\\\\n'"),
        ("F\"{1 + 1}\"", "'2'"),
        ("rf'{1}\\d'", "'1\\\\d'"),
        ("Fr'{1}'", "'1'"),
        ("'a' 'b'", "'ab'"),
        ("'a''b' \"c\"", "'abc'"),
        ("'{x}' f'{1}'", "'{x}1'"),
        ("f'{1}' '}'", "'1}'"),
        ("f'{1}' f'{2}'", "'12'"),
        ("u'a' r'\\d'", "'a\\\\d'"),
        ("'''abc'''", "'abc'"),
        ("\"\"\"it's \"q\" \"\"\"", "'it\\'s \"q\" '"),
        ("''''''", "''"),
        ("f'''{1}'''", "'1'"),
        ("len('''a''' 'bc')", "3"),
    ] {
        assert_eq!(eval(expr), constant(want), "{expr}");
    }
    assert_eq!(
        run(r#"{"locals": {"ab": 5}}"#, "return L['a' 'b']\n"),
        Ok(vec![constant("5")])
    );
    for (expr, error) in [
        (
            "b'a'",
            "bytes literals (`b'...'`) are not supported by this tracer",
        ),
        (
            "Rb'a'",
            "bytes literals (`b'...'`) are not supported by this tracer",
        ),
        (
            "'''abc",
            "unterminated triple-quoted string literal (a string over several lines is not supported by this tracer)",
        ),
        ("r'a\\'", "unterminated string"),
        // Each f-string parses alone, as Python's: no placeholder spans two.
        ("'a{' f'{1}}'", "single `}` in an f-string"),
        ("f'{1' f'}'", "unclosed `{` in an f-string"),
    ] {
        let got = eval_error(expr);
        assert!(got.contains(error), "{expr}: {got}");
    }
}

/// `float()` of a string takes single `_` between digits, as Python's does,
/// and refuses them anywhere else.
#[test]
fn float_of_a_string_reads_underscores_as_python() {
    assert_eq!(eval("float('1_000.5')"), constant("1000.5"));
    assert_eq!(eval("float('-1_0.2_5')"), constant("-10.25"));
    assert_eq!(eval("float('1e1_0')"), constant("10000000000.0"));
    for text in ["1__0.5", "_1.5", "1.5_", "1_e5"] {
        let error = eval_error(&format!("float('{text}')"));
        assert!(
            error.contains("could not convert string to float: '"),
            "{error}"
        );
    }
}

/// `int()` and `float()` of a string read any Unicode decimal digit and
/// white space as Python does, and refuse what Python refuses with its
/// message (each case's answer is python3's).
#[test]
fn int_and_float_of_a_string_read_unicode_digits_as_python() {
    for (expr, want) in [
        ("int(' ١٢ ')", "12"),
        ("int('-١_٢')", "-12"),
        ("int('１２３')", "123"),
        ("int('\u{3000}5\u{3000}')", "5"),
        ("int('\u{85}5')", "5"),
        ("int('\x0b7\x0c')", "7"),
        ("int('𝟗𝟖')", "98"),
        ("float('١٢.٥')", "12.5"),
        ("float('１e３')", "1000.0"),
        ("float('-١_٢')", "-12.0"),
    ] {
        assert_eq!(eval(expr), constant(want), "{expr}");
    }
    // Python cuts int()'s repr at 200 characters, not float()'s.
    let long = "x".repeat(300);
    let error = eval_error(&format!("int('{long}')"));
    let repr = format!("'{}", "x".repeat(199));
    assert!(error.ends_with(&format!("base 10: {repr}")), "{error}");
    let error = eval_error(&format!("float('{long}')"));
    assert!(error.ends_with(&format!("float: '{long}'")), "{error}");
    for (expr, want) in [
        (
            "int('١٢.٥')",
            "invalid literal for int() with base 10: '١٢.٥'",
        ),
        ("int('½')", "invalid literal for int() with base 10: '½'"),
        ("int('²')", "invalid literal for int() with base 10: '²'"),
        (
            "int('\x1c5')",
            "invalid literal for int() with base 10: '\\x1c5'",
        ),
        ("float('٫5')", "could not convert string to float: '٫5'"),
        (
            "float('inf\x1c')",
            "could not convert string to float: 'inf\\x1c'",
        ),
        ("float('Ⅻ')", "could not convert string to float: 'Ⅻ'"),
    ] {
        let error = eval_error(expr);
        assert!(error.contains(want), "{expr}: {error}");
    }
}

/// Lists and tuples order lexicographically as Python's do, and a bool
/// indexes a sequence or a string as the int it is.
#[test]
fn sequences_compare_and_bools_index_as_python() {
    let frame = r#"{"locals": {"a": [1, 2], "b": [1, 3], "t": {"$tuple": [1, 2]}, "u": {"$tuple": [1, 2, 0]}, "w": {"$tuple": [2]}, "v": {"$tuple": [1, 5]}, "s": "ab"}}"#;
    for (expr, want) in [
        ("L['a'] < L['b']", "True"),
        ("L['t'] < L['u']", "True"),
        ("L['a'] <= L['a']", "True"),
        ("L['w'] > L['v']", "True"),
        ("L['b'] < L['a']", "False"),
        ("L['a'][True]", "2"),
        ("L['s'][True]", "'b'"),
    ] {
        assert_eq!(
            run(frame, &format!("r = {expr}\nreturn r\n")),
            Ok(vec![constant(want)]),
            "{expr}"
        );
    }
}

/// A frame's `$object` compares by identity, as an instance of a class
/// without `__eq__` does in Python: equal to itself (also stored as a
/// global), to no constant, and searched for in a list by it. `1 == obj`
/// was "a 'Linear' is not a constant the trace can know"; each answer is
/// `python3`'s.
#[test]
fn objects_compare_by_identity_as_python() {
    let frame = r#"{"locals": {"o": {"$object": "Linear", "w": 1}, "p": {"$object": "Linear"},
        "l": [1, {"$object": "Linear"}], "m": [1, {"$object": "Linear"}],
        "t": {"$tuple": [{"$object": "Linear"}]}, "d": {"k": {"$object": "Linear"}},
        "x": {"$tensor": [2, 3], "dynamic": [0]}}}"#;
    for (expr, want) in [
        ("L['o'] == L['o']", "True"),
        ("L['o'] == L['p']", "False"),
        ("L['o'] == 1", "False"),
        ("1 == L['o']", "False"),
        ("1 != L['o']", "True"),
        ("None == L['o']", "False"),
        ("'a' != L['o']", "True"),
        ("L['o'] in L['l']", "False"),
        ("L['l'][1] in L['l']", "True"),
        ("1 in L['l']", "True"),
        ("L['t'][0] in L['t']", "True"),
        ("L['l'].count(1)", "1"),
        ("L['l'].index(L['l'][1])", "1"),
        ("L['l'] == L['l']", "True"),
        ("L['l'] == L['m']", "False"),
        ("L['l'] <= L['l']", "True"),
        ("1 == L['l']", "False"),
        ("L['t'] == L['l']", "False"),
        ("L['d'] == L['d']", "True"),
        ("L['o'] in L['d']", "False"),
        ("L['d']['k'] in L['d'].values()", "True"),
        ("L['x'].shape[0] == L['o']", "False"),
    ] {
        assert_eq!(
            run(frame, &format!("r = {expr}\nreturn r\n")),
            Ok(vec![constant(want)]),
            "{expr}"
        );
    }
    // A copy stored elsewhere is the same object.
    assert_eq!(
        run(frame, "G['g'] = L['o']\nr = G['g'] == L['o']\nreturn r\n"),
        Ok(vec![constant("True")])
    );
    for (expr, error) in [
        (
            "1 < L['o']",
            "'<' not supported between instances of 'int' and 'Linear'",
        ),
        (
            "L['l'] < L['m']",
            "'<' not supported between instances of 'Linear' and 'Linear'",
        ),
        ("L['l'] in L['d']", "unhashable type: 'list'"),
        (
            "L['o'] in 'abc'",
            "'in <string>' requires string as left operand, not Linear",
        ),
        ("L['o'] in 1", "argument of type 'int' is not iterable"),
        // Python's repr holds the object's address: the README says so.
        ("L['l'].index(L['o'])", "<Linear object> is not in list"),
    ] {
        let got = run(frame, &format!("r = {expr}\nreturn r\n"))
            .expect_err(expr)
            .to_string();
        assert!(got.ends_with(error), "{expr}: {got}");
    }
}

/// A container compares an item that is the other value itself as equal
/// before calling `==`, as CPython's `PyObject_RichCompareBool` does:
/// `t in [t]`, `[t].count(t)` and `[t] == [t]` of a tensor were "a branch
/// on `==` on a tensor depends on its data" (or "a 'Tensor' is not a
/// constant the trace can know"), where Python answers. A tensor that is
/// not the same object is still compared by its data, which Python's
/// `bool()` of it refuses too. Each answer is `python3`'s with torch.
#[test]
fn containers_compare_the_same_tensor_by_identity_first() {
    let frame = r#"{"locals": {"ts": [{"$tensor": [2]}], "tt": {"$tuple": [{"$tensor": [2]}]},
        "us": [{"$tensor": [2]}, {"$tensor": [2]}], "d": {"a": {"$tensor": [2]}},
        "x": {"$tensor": [2]}}}"#;
    for (expr, want) in [
        ("L['ts'][0] in L['ts']", "True"),
        ("L['ts'].count(L['ts'][0])", "1"),
        ("(L['ts'] * 3).count(L['ts'][0])", "3"),
        ("L['ts'].index(L['ts'][0])", "0"),
        ("L['tt'][0] in L['tt']", "True"),
        ("L['us'][0] in L['us']", "True"),
        ("L['ts'] == L['ts']", "True"),
        ("L['ts'] != L['ts']", "False"),
        ("L['ts'] * 2 == L['ts'] * 2", "True"),
        ("L['ts'] <= L['ts']", "True"),
        ("L['ts'] < L['ts'] * 2", "True"),
        ("L['tt'] == L['tt']", "True"),
        ("L['d'] == L['d']", "True"),
        ("L['d']['a'] in L['d'].values()", "True"),
    ] {
        assert_eq!(
            run(frame, &format!("r = {expr}\nreturn r\n")),
            Ok(vec![constant(want)]),
            "{expr}"
        );
    }
    // A copy stored elsewhere is the same tensor.
    assert_eq!(
        run(
            frame,
            "G['g'] = L['ts'][0]\nr = G['g'] in L['ts']\nreturn r\n"
        ),
        Ok(vec![constant("True")])
    );
    // Another tensor is compared by its data, as in Python (whose `bool()`
    // of a two-element result is an error).
    for expr in [
        "L['x'] in L['ts']",
        "L['us'][1] in L['us']",
        "L['us'].count(L['us'][0])",
        "L['ts'] * 2 == L['us']",
        "L['x'] == L['x']",
    ] {
        let got = run(frame, &format!("r = {expr}\nreturn r\n"))
            .expect_err(expr)
            .to_string();
        assert!(
            got.contains("depends on its data") || got.contains("not a constant"),
            "{expr}: {got}"
        );
    }
}

/// `abs`, unary `-`, `int()` and `float()` of an `$object` (or of a list
/// holding one) is Python's error naming its type; it was "a 'Linear' is
/// not a constant the trace can know". Python's texts.
#[test]
fn numbers_of_an_object_are_pythons_errors() {
    let frame = r#"{"locals": {"o": {"$object": "Linear"}, "l": [{"$object": "Linear"}]}}"#;
    for (expr, error) in [
        ("abs(L['o'])", "bad operand type for abs(): 'Linear'"),
        ("-L['o']", "bad operand type for unary -: 'Linear'"),
        (
            "int(L['o'])",
            "int() argument must be a string, a bytes-like object or a real number, not 'Linear'",
        ),
        (
            "float(L['o'])",
            "float() argument must be a string or a real number, not 'Linear'",
        ),
        ("abs(L['l'])", "bad operand type for abs(): 'list'"),
        ("-L['l']", "bad operand type for unary -: 'list'"),
    ] {
        let got = run(frame, &format!("r = {expr}\nreturn r\n"))
            .expect_err(expr)
            .to_string();
        assert!(got.ends_with(error), "{expr}: {got}");
    }
}

/// A `$dict`'s key that is an `$object` (or a tuple holding one) is that
/// object, with its identity and attributes: it was a constant compared by
/// its contents, so that two objects alike were one key (`a == c` was
/// True, `L['d'][c]` found the other, two `{"$object": "A"}` keys were
/// "duplicate"), and its attributes were unknown. Each answer is
/// `python3`'s.
#[test]
fn objects_as_dict_keys_have_identity_as_python() {
    let frame = r#"{"locals": {
        "d": {"$dict": [[{"$object": "A", "v": 1}, 1], [{"$object": "A", "v": 2}, 2]]},
        "e": {"$dict": [[{"$object": "A", "v": 1}, 1]]},
        "e2": {"$dict": [[{"$object": "A", "v": 1}, 1]]},
        "dd": {"$dict": [[{"$object": "A"}, 1], [{"$object": "A"}, 2]]},
        "t": {"$dict": [[{"$tuple": [1, {"$object": "A", "v": 5}]}, "x"], [{"$tuple": [1, 2]}, "y"]]},
        "o": {"$object": "A"}}}"#;
    for (program, want) in [
        ("a, b = L['d']\nc, = L['e']\nr = a == c", "False"),
        ("a, b = L['d']\nr = a in L['e']", "False"),
        ("c, = L['e']\nr = L['d'].get(c)", "None"),
        ("a, b = L['d']\nr = hash(a) == hash(b)", "False"),
        ("a, = L['e']\nr = a.v", "1"),
        ("a, b = L['d']\nr = L['d'][b]", "2"),
        ("a, b = L['d']\nr = a in L['d']", "True"),
        ("a, b = L['d']\nr = b in L['d'].keys()", "True"),
        ("c, = L['e']\nr = c in L['d'].keys()", "False"),
        ("a, b = L['d']\nr = L['d'].get(L['o'], 7)", "7"),
        ("r = L['o'] in L['d']", "False"),
        ("a, b = L['dd']\nr = a == b", "False"),
        ("r = len(L['dd'])", "2"),
        ("r = L['e'] == L['e2']", "False"),
        ("r = L['e'] == L['e']", "True"),
        ("r = L['d'].keys() == L['d'].keys()", "True"),
        ("r = L['d'].keys() == L['e'].keys()", "False"),
        // A tuple key is a tuple, its object an object.
        ("k, k2 = L['t']\nx, y = k\nr = y.v", "5"),
        ("k, k2 = L['t']\nr = L['t'][k]", "'x'"),
        ("k, k2 = L['t']\nr = k == k", "True"),
        ("k, k2 = L['t']\nr = hash(k) == hash(k)", "True"),
        ("k, k2 = L['t']\na, b = k2\nr = b", "2"),
        ("k, k2 = L['t']\nr = k2[1] + len(k2)", "4"),
    ] {
        assert_eq!(
            run(frame, &format!("{program}\nreturn r\n")),
            Ok(vec![constant(want)]),
            "{program}"
        );
    }
    for (program, error) in [
        // Python's repr holds the object's address.
        ("c, = L['e']\nr = L['d'][c]", "KeyError: <A object>"),
        // As `str(L['o'])`: an object's text holds its address.
        (
            "a, b = L['d']\nr = str(a)",
            "a 'A' is not a constant the trace can know",
        ),
    ] {
        let got = run(frame, &format!("{program}\nreturn r\n"))
            .expect_err(program)
            .to_string();
        assert!(got.ends_with(error), "{program}: {got}");
    }
}

/// `dict.keys()` and `dict.values()` are views, not lists (they were
/// lists): printed, typed, compared and refused as Python's, each checked
/// against `python3`.
#[test]
fn dict_views_are_no_lists() {
    let frame = r#"{"locals": {"d": {"x": 1, "y": 2}, "e": {"y": 5, "x": 6}, "l": ["x", "y"],
        "nv": [[1, 2]], "nk": [["x", "y"]]}}"#;
    let value = |expr: &str| run(frame, &format!("r = {expr}\nreturn r\n"));
    for (expr, want) in [
        // A view is no list where a list is searched: `in`, `index`,
        // `count` compare it with Python's `==` (the trial found them
        // `True` through the view's items read as a list).
        ("L['d'].values() in L['nv']", "False"),
        ("L['d'].keys() in L['nk']", "False"),
        ("L['nk'].count(L['d'].keys())", "0"),
        // A values view hashes (by identity), so a dict is searched for it.
        ("L['d'].values() in L['d']", "False"),
        ("L['d'].get(L['d'].values())", "None"),
        ("str(L['d'].keys())", "\"dict_keys(['x', 'y'])\""),
        ("f\"{L['d'].values()}\"", "'dict_values([1, 2])'"),
        ("isinstance(L['d'].keys(), list)", "False"),
        ("L['d'].keys() == L['e'].keys()", "True"),
        ("L['d'].values() == L['d'].values()", "False"),
        ("L['l'] == L['d'].keys()", "False"),
        ("1 == L['d'].values()", "False"),
        ("L['d'].keys() != L['l']", "True"),
        ("len(L['d'].values())", "2"),
        ("'y' in L['d'].keys()", "True"),
        ("max(L['d'].values())", "2"),
    ] {
        assert_eq!(value(expr), Ok(vec![constant(want)]), "{expr}");
    }
    // A values view is equal to itself, a copy under another name too.
    assert_eq!(
        run(frame, "v = L['d'].values()\nr = v == v\nreturn r\n"),
        Ok(vec![constant("True")])
    );
    assert_eq!(
        run(
            frame,
            "v = L['d'].values()\nG['v'] = v\nr = G['v'] == v\nreturn r\n"
        ),
        Ok(vec![constant("True")])
    );
    for (expr, error) in [
        (
            "L['d'].keys()[0]",
            "'dict_keys' object is not subscriptable",
        ),
        (
            "L['d'].keys() * 2",
            "unsupported operand type(s) for *: 'dict_keys' and 'int'",
        ),
        (
            "2 * L['d'].values()",
            "unsupported operand type(s) for *: 'int' and 'dict_values'",
        ),
        (
            "'ab' * L['d'].keys()",
            "can't multiply sequence by non-int of type 'dict_keys'",
        ),
        (
            "L['l'] + L['d'].values()",
            "can only concatenate list (not \"dict_values\") to list",
        ),
        (
            "L['d'].values() + L['l']",
            "unsupported operand type(s) for +: 'dict_values' and 'list'",
        ),
        ("hash(L['d'].keys())", "unhashable type: 'dict_keys'"),
        (
            "L['nv'].index(L['d'].values())",
            "dict_values([1, 2]) is not in list",
        ),
        // A keys view is searched as its dict: the key must be hashable.
        ("L['l'] in L['d'].keys()", "unhashable type: 'list'"),
        (
            "L['d'].keys() in 'ab'",
            "'in <string>' requires string as left operand, not dict_keys",
        ),
        (
            "hash(L['d'].values())",
            "hash() of a dict_values is the view's identity in Python; not supported by this tracer",
        ),
        (
            "L['l'] < L['d'].keys()",
            "'<' not supported between instances of 'list' and 'dict_keys'",
        ),
        (
            "L['d'].keys().isdisjoint(L['l'])",
            "'dict_keys.isdisjoint' is not supported by this tracer",
        ),
        // What reads a view's items as a list's still names the view, and
        // orders no view as a list (`max` compared them as lists).
        (
            "-L['d'].keys()",
            "bad operand type for unary -: 'dict_keys'",
        ),
        (
            "abs(L['d'].values())",
            "bad operand type for abs(): 'dict_values'",
        ),
        (
            "float(L['d'].keys())",
            "float() argument must be a string or a real number, not 'dict_keys'",
        ),
        (
            "1 < L['d'].keys()",
            "'<' not supported between instances of 'int' and 'dict_keys'",
        ),
        (
            "max(L['l'], L['d'].keys())",
            "'>' not supported between instances of 'dict_keys' and 'list'",
        ),
        (
            "max(L['d'].values(), L['e'].values())",
            "'>' not supported between instances of 'dict_values' and 'dict_values'",
        ),
        (
            "max(L['d'].keys(), L['e'].keys())",
            "'>' on a dict_keys (a set comparison) is not supported by this tracer",
        ),
    ] {
        match value(expr) {
            Err(e) => assert!(e.to_string().contains(error), "{expr}: {e}"),
            Ok(values) => panic!("{expr} returned {values:?}"),
        }
    }
}

/// A list, tuple or dict beside a dict's view hands the operation to the
/// view, as a constant does, so that either side says the same: `[1] -
/// d.keys()` is a set in Python, and was "unsupported operand type(s) for
/// -: 'list' and 'dict_keys'" where `d.keys() - [1]` said it is not
/// supported by this tracer. The other errors are `python3`'s.
#[test]
fn a_list_beside_a_dict_view_lets_the_view_answer() {
    let frame =
        r#"{"locals": {"d": {"x": 1}, "l": ["x", 2], "t": {"$tuple": [2]}, "e": {"y": 1}}}"#;
    let set_difference = "'-' on a dict_keys (a set difference) is not supported by this tracer";
    for (expr, error) in [
        ("L['l'] - L['d'].keys()", set_difference),
        ("L['d'].keys() - L['l']", set_difference),
        ("L['t'] - L['d'].keys()", set_difference),
        ("L['e'] - L['d'].keys()", set_difference),
        (
            "L['l'] - L['d'].values()",
            "unsupported operand type(s) for -: 'list' and 'dict_values'",
        ),
        (
            "L['l'] / L['d'].keys()",
            "unsupported operand type(s) for /: 'list' and 'dict_keys'",
        ),
        (
            "L['e'] * L['d'].keys()",
            "unsupported operand type(s) for *: 'dict' and 'dict_keys'",
        ),
        // `+` and `*` stay the list's own.
        (
            "L['l'] + L['d'].keys()",
            "can only concatenate list (not \"dict_keys\") to list",
        ),
        (
            "L['l'] * L['d'].keys()",
            "can't multiply sequence by non-int of type 'dict_keys'",
        ),
        (
            "L['l'] - 1",
            "unsupported operand type(s) for -: 'list' and 'int'",
        ),
    ] {
        let got = run(frame, &format!("r = {expr}\nreturn r\n"))
            .expect_err(expr)
            .to_string();
        assert!(got.ends_with(error), "{expr}: {got}");
    }
}

/// `NaN` and `Infinity`, which Python's json writes for floats that are not
/// finite, say so, where serde_json said "expected value" or "invalid
/// number".
#[test]
fn a_frame_with_nan_or_infinity_says_it_is_not_json() {
    for (frame, word) in [
        (r#"{"locals": {"x": NaN}}"#, "NaN"),
        (r#"{"locals": {"x": Infinity}}"#, "Infinity"),
        (r#"{"locals": {"x": -Infinity}}"#, "Infinity"),
    ] {
        let error = parse_frame("f.json", frame).unwrap_err().to_string();
        assert!(
            error.contains(&format!("`{word}` is not JSON")),
            "{frame}: {error}"
        );
        assert!(error.contains("f.json:1:"), "{error}");
    }
}

/// A lone surrogate escape in a frame's string (`"\ud800"`, which Python's
/// json reads into a str) is one error at the escape that says what it
/// is; serde_json said "unexpected end of hex escape", or "lone leading
/// surrogate" of a trailing one, past the escape.
#[test]
fn a_frame_with_a_lone_surrogate_says_so_where_it_is() {
    for (frame, at, unit) in [
        (r#"{"locals": {"s": "ab\ud800cd"}}"#, "1:21", "\\ud800"),
        (r#"{"locals": {"s": "\ud800"}}"#, "1:19", "\\ud800"),
        (r#"{"locals": {"s": "\uD800\u0041"}}"#, "1:19", "\\ud800"),
        (r#"{"locals": {"s": "\ud800\ud800"}}"#, "1:19", "\\ud800"),
        (r#"{"locals": {"s": "\udc00x"}}"#, "1:19", "\\udc00"),
        // In a key, on a later line, after a pair and escapes that are no
        // surrogate's (`\\ud800` is a backslash and text).
        (
            "{\"locals\": {\"p\": \"\\ud83d\\ude00\", \"q\": \"\\\\ud800\\\"\",\n \"\\udfff\": 1}}",
            "2:3",
            "\\udfff",
        ),
    ] {
        let error = parse_frame("f.json", frame).unwrap_err().to_string();
        assert_eq!(
            error,
            format!(
                "error: f.json:{at}: lone surrogate {unit} not supported: this tracer's strings are Unicode text, which holds a surrogate only as half of a pair (\\ud83d\\ude00); Python's json reads a lone one"
            ),
            "{frame}"
        );
    }
    // A pair is one character; a lone surrogate after another error is not
    // that error's cause.
    let pair = parse_frame("f.json", r#"{"locals": {"s": "\ud83d\ude00"}}"#).unwrap();
    assert_eq!(
        *pair.locals[0].1,
        lazy_tracer::value::Value::str("\u{1f600}")
    );
    let earlier = parse_frame("f.json", r#"{"locals": {"x": 1,, "s": "\ud800"}}"#)
        .unwrap_err()
        .to_string();
    assert_eq!(earlier, "error: f.json:1:20: key must be a string");
}

/// A symbolic size with a float or a string is valid Python that this
/// tracer does not trace: the error says so, and how to go on (`int(n)`
/// specializes the size), instead of calling the operation invalid.
#[test]
fn a_symbolic_size_with_a_float_says_what_to_do() {
    let frame = r#"{"locals": {"x": {"$tensor": [3, 2], "dynamic": [0]}}}"#;
    for expr in ["n * 1.5", "'ab' * n"] {
        let error = run(
            frame,
            &format!("n = L['x'].size(0)\nr = {expr}\nreturn r\n"),
        )
        .expect_err(expr)
        .to_string();
        assert!(
            error.contains("not supported by this tracer (Python allows it)"),
            "{error}"
        );
        assert!(error.contains("int(n)"), "{error}");
    }
    assert_eq!(
        run(frame, "n = L['x'].size(0)\nr = int(n) * 1.5\nreturn r\n"),
        Ok(vec![constant("4.5")])
    );
    // What Python refuses too is Python's error, the operands in the order
    // written (the trial found "(Python allows it)" for `'ab' - n`, and
    // `None + n` named `'int' and 'NoneType'`).
    for (expr, error) in [
        (
            "'ab' - n",
            "unsupported operand type(s) for -: 'str' and 'int'",
        ),
        ("'ab' + n", "can only concatenate str (not \"int\") to str"),
        (
            "n - 'ab'",
            "unsupported operand type(s) for -: 'int' and 'str'",
        ),
        (
            "L['l'] // n",
            "unsupported operand type(s) for //: 'list' and 'int'",
        ),
        (
            "None + n",
            "unsupported operand type(s) for +: 'NoneType' and 'int'",
        ),
        (
            "'%d' % n",
            "printf-style formatting (str % args) is not supported",
        ),
    ] {
        let frame = r#"{"locals": {"x": {"$tensor": [3, 2], "dynamic": [0]}, "l": [1]}}"#;
        let got = run(
            frame,
            &format!("n = L['x'].size(0)\nr = {expr}\nreturn r\n"),
        )
        .expect_err(expr)
        .to_string();
        assert!(got.contains(error), "{expr}: {got}");
    }
}

/// Python's builtin types are classes (`str(int)`, `isinstance(int, type)`),
/// where the tracer's builtins are functions.
#[test]
fn builtin_types_are_classes() {
    assert_eq!(eval("str(int)"), constant("\"<class 'int'>\""));
    assert_eq!(eval("str(len)"), constant("'<built-in function len>'"));
    assert_eq!(eval("isinstance(float, type)"), constant("True"));
    assert_eq!(eval("isinstance(len, type)"), constant("False"));
    assert_eq!(eval("isinstance(3, int)"), constant("True"));
    assert!(
        eval_error("int(int)").contains("not 'type'"),
        "{}",
        eval_error("int(int)")
    );
    for (expr, error) in [
        ("int.xyz", "type object 'int' has no attribute 'xyz'"),
        ("int[0]", "type 'int' is not subscriptable"),
        (
            "len.xyz",
            "'builtin_function_or_method' object has no attribute 'xyz'",
        ),
    ] {
        let got = eval_error(expr);
        assert!(got.contains(error), "{expr}: {got}");
    }
}

/// A method called on a class is looked up as its attribute, and the error
/// names the class, as Python's does (it said "'type' object has no
/// attribute 'upper'"). Python's texts.
#[test]
fn a_method_of_a_class_names_the_class() {
    let frame = r#"{"locals": {"C": {"$class": "Linear"}}}"#;
    for (expr, error) in [
        (
            "L['C'].upper()",
            "type object 'Linear' has no attribute 'upper'",
        ),
        ("int.upper()", "type object 'int' has no attribute 'upper'"),
        ("L['C'].__name__()", "'str' object is not callable"),
        (
            "len.upper()",
            "'builtin_function_or_method' object has no attribute 'upper'",
        ),
    ] {
        let got = run(frame, &format!("r = {expr}\nreturn r\n"))
            .expect_err(expr)
            .to_string();
        assert!(got.ends_with(error), "{expr}: {got}");
    }
}

/// A format spec's width and precision may be written in any Unicode
/// decimal digits, as Python reads them (`format(1, '٣')` was "Unknown
/// format code '\\x663' for object of type 'int'"); the `0` flag is ASCII's
/// alone. `python3`'s answers.
#[test]
fn format_widths_read_unicode_digits_as_python() {
    for (expr, want) in [
        ("format(1, '٣')", "'  1'"),
        ("format('ab', '٣')", "'ab '"),
        ("format(1, '٠5')", "'    1'"),
        ("format(1.5, '.٢f')", "'1.50'"),
        ("format(1, '*>١٠.٢f')", "'******1.00'"),
        ("format(1, '𝟓')", "'    1'"),
        ("f\"{1.25:.١f}\"", "'1.2'"),
    ] {
        assert_eq!(eval(expr), constant(want), "{expr}");
    }
}

/// Valid Python this tracer does not read is named as such, not as a
/// character or a value it did not expect; an argument count or type is
/// Python's words where the README says so.
#[test]
fn unsupported_syntax_and_builtin_arguments_say_what_they_are() {
    for (expr, error) in [
        (
            "1 & 2",
            "`&` (a bitwise operator) is not supported by this tracer",
        ),
        (
            "1 | 2",
            "`|` (a bitwise operator) is not supported by this tracer",
        ),
        (
            "1 ^ 2",
            "`^` (a bitwise operator) is not supported by this tracer",
        ),
        (
            "1 << 2",
            "`<<` (a bitwise operator) is not supported by this tracer",
        ),
        (
            "1 >> 2",
            "`>>` (a bitwise operator) is not supported by this tracer",
        ),
        ("+1", "unary `+` is not supported by this tracer"),
        (".5", "(`.5`) is not supported by this tracer; write `0.5`"),
        ("1.bit_length()", "invalid decimal literal `1.bit_length`"),
        (
            "~1",
            "`~` (a bitwise operator) is not supported by this tracer",
        ),
        (".5e3", "(`.5`) is not supported by this tracer"),
        ("0x10", "`0x` literals are not supported by this tracer"),
        ("0B1", "`0b` literals are not supported by this tracer"),
        (
            "1j",
            "complex numbers (`1j`) are not supported by this tracer",
        ),
        (
            "f\"{1!r}\"",
            "conversions in f-strings (`{x!r}`) are not supported",
        ),
        ("f\"{1=}\"", "`=` in an f-string (`{x=}`) is not supported"),
        (
            "f\"{1!}\"",
            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        ),
        (
            "f\"{1!x}\"",
            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        ),
        (
            "f\"{1! r}\"",
            "f-string: invalid conversion character: expected 's', 'r', or 'a'",
        ),
        ("f\"{1!ab}\"", "f-string: expecting '}'"),
        ("f\"{1!r }\"", "f-string: expecting '}'"),
        ("len()", "len() takes exactly one argument (0 given)"),
        ("hash(1, 2)", "hash() takes exactly one argument (2 given)"),
        ("isinstance(1)", "isinstance expected 2 arguments, got 1"),
        ("format(1, 2)", "format() argument 2 must be str, not int"),
        ("hasattr(1, 5)", "attribute name must be string, not 'int'"),
    ] {
        let got = eval_error(expr);
        assert!(got.contains(error), "{expr}: {got}");
    }
}

/// A wrong number of arguments to a builtin or to a str, list, tuple or
/// dict method is Python 3.11's error, whose words differ by the C code
/// that reads them (the tracer said "upper() takes 0 argument(s), got 1");
/// each is `python3`'s. `str()`, `int()`, `float()` and `bool()` without
/// an argument are Python's defaults, `strip` takes Python's `chars`, and
/// `str(x, encoding)`, which decodes bytes (the tracer has none), is
/// Python's error.
#[test]
fn argument_counts_are_pythons_words() {
    let frame = r#"{"locals": {"l": [1, 2], "t": {"$tuple": [1]}, "d": {"a": 1}, "o": {"$object": "Linear"}}}"#;
    for (expr, error) in [
        ("'s'.upper(1)", "str.upper() takes no arguments (1 given)"),
        (
            "'s'.lower(1, 2)",
            "str.lower() takes no arguments (2 given)",
        ),
        (
            "'s'.strip(1, 2)",
            "strip expected at most 1 argument, got 2",
        ),
        ("'s'.strip(1)", "strip arg must be None or str"),
        (
            "'s'.startswith()",
            "startswith() takes at least 1 argument (0 given)",
        ),
        (
            "'s'.endswith('a', 1, 2, 3)",
            "endswith() takes at most 3 arguments (4 given)",
        ),
        (
            "L['l'].index()",
            "index expected at least 1 argument, got 0",
        ),
        (
            "L['t'].index(1, 2, 3, 4)",
            "index expected at most 3 arguments, got 4",
        ),
        (
            "L['l'].count(1, 2)",
            "list.count() takes exactly one argument (2 given)",
        ),
        (
            "L['t'].count()",
            "tuple.count() takes exactly one argument (0 given)",
        ),
        ("L['d'].get()", "get expected at least 1 argument, got 0"),
        (
            "L['d'].get(1, 2, 3)",
            "get expected at most 2 arguments, got 3",
        ),
        ("L['d'].keys(1)", "dict.keys() takes no arguments (1 given)"),
        (
            "L['d'].values(1)",
            "dict.values() takes no arguments (1 given)",
        ),
        (
            "str(1, 2, 3, 4)",
            "str() takes at most 3 arguments (4 given)",
        ),
        ("int(1, 2, 3)", "int() takes at most 2 arguments (3 given)"),
        ("float(1, 2)", "float expected at most 1 argument, got 2"),
        ("bool(1, 2)", "bool expected at most 1 argument, got 2"),
        ("format()", "format expected at least 1 argument, got 0"),
        (
            "format(1, 2, 3)",
            "format expected at most 2 arguments, got 3",
        ),
        (
            "str(1, 2)",
            "str() argument 'encoding' must be str, not int",
        ),
        (
            "str(1, 'u', 3)",
            "str() argument 'errors' must be str, not int",
        ),
        ("str('a', 'utf-8')", "decoding str is not supported"),
        (
            "str(L['o'], 'utf-8')",
            "decoding to str: need a bytes-like object, Linear found",
        ),
        // Python takes these; the tracer says it does not.
        (
            "'s'.startswith('s', 0)",
            "startswith() with 2 arguments is not supported by this tracer",
        ),
        (
            "int('10', 2)",
            "int() with 2 arguments is not supported by this tracer",
        ),
    ] {
        let got = run(frame, &format!("r = {expr}\nreturn r\n"))
            .expect_err(expr)
            .to_string();
        assert!(got.ends_with(error), "{expr}: {got}");
    }
    for (expr, want) in [
        ("str()", "''"),
        ("int()", "0"),
        ("float()", "0.0"),
        ("bool()", "False"),
        ("'xsx'.strip('x')", "'s'"),
        ("' s '.strip(None)", "'s'"),
        ("'abc'.strip('')", "'abc'"),
    ] {
        assert_eq!(eval(expr), constant(want), "{expr}");
    }
}

/// An argument that Python's argument parsing refuses by its type is named
/// as `_PyArg_BadArgument` names it: `None` itself, not `NoneType` (the
/// tracer said "not NoneType"); an `$object` by its class, without its
/// value (`format(1, obj)` was "a 'Linear' is not a constant the trace can
/// know"). Each is `python3`'s.
#[test]
fn a_refused_argument_is_named_as_python_names_it() {
    let frame = r#"{"locals": {"o": {"$object": "Linear"}, "n": null}}"#;
    for (expr, error) in [
        (
            "str(1, None)",
            "str() argument 'encoding' must be str, not None",
        ),
        (
            "str(1, 'u', None)",
            "str() argument 'errors' must be str, not None",
        ),
        (
            "str(1, L['n'])",
            "str() argument 'encoding' must be str, not None",
        ),
        (
            "str(1, L['o'])",
            "str() argument 'encoding' must be str, not Linear",
        ),
        (
            "format(1, None)",
            "format() argument 2 must be str, not None",
        ),
        (
            "format(1, L['o'])",
            "format() argument 2 must be str, not Linear",
        ),
        (
            "hasattr(1, None)",
            "attribute name must be string, not 'NoneType'",
        ),
        (
            "hasattr(1, L['o'])",
            "attribute name must be string, not 'Linear'",
        ),
    ] {
        let got = run(frame, &format!("r = {expr}\nreturn r\n"))
            .expect_err(expr)
            .to_string();
        assert!(got.ends_with(error), "{expr}: {got}");
    }
}

/// C's `&&`, `||` and `!x` are invalid syntax in Python, not bitwise
/// operators or unexpected characters: the error says what Python writes.
#[test]
fn c_style_logic_is_invalid_syntax_that_names_python_s_word() {
    for (expr, error) in [
        (
            "1 && 2",
            "invalid syntax: `&&` is not Python, which writes `and`, which this tracer does not support",
        ),
        (
            "1 || 2",
            "invalid syntax: `||` is not Python, which writes `or`, which this tracer does not support",
        ),
        (
            "!True",
            "invalid syntax: `!` is not Python, which writes `not`",
        ),
    ] {
        assert_eq!(eval_error(expr), format!("error: p:1: {error}"), "{expr}");
    }
    assert_eq!(eval("1 != 2"), constant("True"));
    assert_eq!(eval("not 1"), constant("False"));
}

/// Names are Python's (PEP 3131): made of `XID_Start` and `XID_Continue`
/// characters, else Python's "invalid character" (a superscript, `×`, a
/// no-break space), and one name under NFKC (`ﬁ` is `fi`, `ｘ` is `x`).
#[test]
fn names_are_read_and_normalized_as_python_reads_them() {
    let run1 = |program: &str| run("{}", program).map(|mut values| values.remove(0));
    assert_eq!(run1("ﬁ = 3\nreturn fi\n").unwrap(), constant("3"));
    assert_eq!(run1("ｘ = 2\nreturn x + 1\n").unwrap(), constant("3"));
    assert_eq!(run1("café = 1\nreturn café\n").unwrap(), constant("1"));
    assert_eq!(run1("_x1 = 4\nreturn _x1\n").unwrap(), constant("4"));
    for (program, error) in [
        ("x² = 1\n", "invalid character '²' (U+00B2)"),
        ("return 1 × 2\n", "invalid character '×' (U+00D7)"),
        (
            "return 1\u{a0}+ 2\n",
            "invalid non-printable character U+00A0",
        ),
        ("return ١\n", "invalid character '١' (U+0661)"),
        // Name characters since Unicode 15.1, none in Python 3.11's.
        ("x\u{200d} = 1\n", "invalid non-printable character U+200D"),
        ("x\u{30fb} = 1\n", "invalid character '\u{30fb}' (U+30FB)"),
        (
            "ｒｅｔｕｒｎ 1\n",
            "`ｒｅｔｕｒｎ` is a name in Python, not the keyword `return`, which is written in ASCII",
        ),
    ] {
        let got = run("{}", program).unwrap_err();
        assert_eq!(got.to_string(), format!("error: p:1: {error}"), "{program}");
    }
}

/// A frame that is a list (or any value that is no object) is refused at
/// a column from 1, as every column: serde_json puts a `[` at the start of
/// a line, which it has not read past, at column 0 (`f.json:1:0:`).
#[test]
fn a_frame_that_is_no_object_is_refused_at_a_column_from_1() {
    let error = |text: &str| parse_frame("f.json", text).expect_err(text).to_string();
    for (text, at) in [
        ("[]", "f.json:1:1:"),
        ("[1, 2]", "f.json:1:1:"),
        ("\n\n[1]", "f.json:3:1:"),
        ("5", "f.json:1:1:"),
    ] {
        let message = error(text);
        assert!(
            message.starts_with(&format!("error: {at} invalid type")),
            "{text}: {message}"
        );
    }
}
