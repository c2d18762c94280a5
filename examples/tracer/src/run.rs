//! The command line: reading the inputs, running the lazy and the eager
//! trace, and the report that compares them.

use std::ffi::OsString;
use std::fmt::{self, Write as _};
use std::io::{Read, Write as _};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use lazy_core::RealizeAll;

use crate::builder::{Event, Graph, Mode, Stats, Tx};
use crate::frame_gen;
use crate::guards::{Guard, GuardKind};
use crate::interp::{FrameTrackers, trace};
use crate::lazy::as_lazy;
use crate::memory;
use crate::program::{self, Program};
use crate::tracker::VariableTracker;
use crate::value::{self, Frame};

pub const USAGE: &str =
    "usage: tracer [--frame FILE.json] [--program FILE] [--lazy-only] [--verbose]";

/// Every way the tracer can refuse its input. Each prints as one line and
/// makes the command exit with code 2.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TracerError {
    /// Bad command-line arguments.
    Usage(String),
    /// A file that cannot be read.
    Io { path: String, message: String },
    /// A frame that is not valid JSON, or not a valid frame.
    Json {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    /// A frame or program that is not UTF-8 text: where the first bad byte is.
    Utf8 {
        file: String,
        line: usize,
        column: usize,
        byte: u8,
    },
    /// A run that would need more memory than the system has left.
    Memory(String),
    /// A program that does not parse, or fails while traced.
    Program {
        file: String,
        line: usize,
        message: String,
    },
}

impl TracerError {
    /// The exit code of the command for this error.
    pub fn exit_code(&self) -> i32 {
        2
    }

    /// The line of the input the error is on, if it is about an input.
    pub fn line(&self) -> Option<usize> {
        match self {
            TracerError::Json { line, .. }
            | TracerError::Utf8 { line, .. }
            | TracerError::Program { line, .. } => Some(*line),
            TracerError::Usage(_) | TracerError::Io { .. } | TracerError::Memory(_) => None,
        }
    }
}

impl fmt::Display for TracerError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = match self {
            TracerError::Usage(message) => format!("error: {message} ({USAGE})"),
            TracerError::Io { path, message } => format!("error: cannot read {path}: {message}"),
            TracerError::Memory(message) => format!("error: {message}"),
            TracerError::Json {
                file,
                line,
                column,
                message,
            } => format!("error: {file}:{line}:{column}: {message}"),
            TracerError::Utf8 {
                file,
                line,
                column,
                byte,
            } => format!(
                "error: {file}:{line}:{column}: invalid UTF-8 (byte 0x{byte:02x}); frames and programs must be UTF-8 text"
            ),
            TracerError::Program {
                file,
                line,
                message,
            } => format!("error: {file}:{line}: {message}"),
        };
        // One line, whatever the message held.
        f.write_str(&text.replace(['\n', '\r'], " "))
    }
}

impl std::error::Error for TracerError {}

/// The command-line options.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    pub frame: Option<PathBuf>,
    pub program: Option<PathBuf>,
    pub verbose: bool,
    /// Trace lazily only, without the eager comparison (Dynamo's own case:
    /// nobody builds every tracker).
    pub lazy_only: bool,
    pub help: bool,
}

/// The file name that stands for standard input (`--frame -`), as
/// command-line tools read it; a file named `-` is `./-`.
pub const STDIN_ARG: &str = "-";

/// How errors and the report name standard input.
pub const STDIN_NAME: &str = "<stdin>";

/// Whether `path` stands for standard input.
fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == STDIN_ARG
}

/// How errors and the report name the file at `path`.
fn input_name(path: &Path) -> String {
    if is_stdin(path) {
        STDIN_NAME.to_string()
    } else {
        path.display().to_string()
    }
}

/// Parses the arguments. Paths may be any file name the system allows,
/// UTF-8 or not; `-` is standard input, for one of the two files.
pub fn parse_args<I>(args: I) -> Result<Options, TracerError>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    let mut options = Options::default();
    let mut args = args.into_iter().map(Into::into);
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some(flag @ ("--frame" | "--program")) => {
                let Some(path) = args.next() else {
                    return Err(TracerError::Usage(format!("`{flag}` needs a file")));
                };
                let slot = if flag == "--frame" {
                    &mut options.frame
                } else {
                    &mut options.program
                };
                // One of each: a second would silently win over the first.
                if slot.is_some() {
                    return Err(TracerError::Usage(format!(
                        "`{flag}` is given twice; give one file"
                    )));
                }
                *slot = Some(PathBuf::from(path));
            }
            Some("--verbose" | "-v") => options.verbose = true,
            Some("--lazy-only") => options.lazy_only = true,
            Some("--help" | "-h") => options.help = true,
            _ => {
                return Err(TracerError::Usage(format!(
                    "unknown argument `{}`",
                    arg.to_string_lossy()
                )));
            }
        }
    }
    if let (Some(frame), Some(program)) = (&options.frame, &options.program)
        && is_stdin(frame)
        && is_stdin(program)
    {
        return Err(TracerError::Usage(
            "`--frame -` and `--program -` would both read standard input; give a file for one"
                .to_string(),
        ));
    }
    Ok(options)
}

/// A frame and a program, ready to trace.
pub struct Input {
    pub frame: Frame,
    pub frame_name: String,
    pub program: Program,
    pub program_name: String,
}

pub const BUILT_IN: &str = "built-in";

impl Input {
    /// The built-in frame and program.
    pub fn built_in() -> Input {
        Input {
            frame: frame_gen::default_frame(),
            frame_name: BUILT_IN.into(),
            program: parse_program(BUILT_IN, frame_gen::DEFAULT_PROGRAM).unwrap_or_else(|_| {
                Program {
                    body: Vec::new(),
                    lines: 0,
                }
            }),
            program_name: BUILT_IN.into(),
        }
    }

    pub fn load(options: &Options) -> Result<Input, TracerError> {
        let read = |path: &PathBuf| {
            let name = input_name(path);
            let stdin = is_stdin(path);
            // Standard input's size is not known beforehand: read as a pipe.
            let size = if stdin {
                0
            } else {
                std::fs::metadata(path).map_or(0, |m| m.len())
            };
            let what = format!("loading {name} ({:.0} MB)", size as f64 / 1e6);
            // The text first, then what its values will take: the first
            // estimate counts the bytes, the second also the values in them.
            let available = memory::available();
            memory::check(
                size.saturating_mul(memory::LOAD_BYTES_PER_JSON_BYTE),
                available,
                &what,
                "",
            )
            .map_err(TracerError::Memory)?;
            let io_error = |e: std::io::Error| TracerError::Io {
                path: name.clone(),
                message: e.to_string(),
            };
            // A pipe or a device (`-`, `/dev/stdin`, `/dev/zero`) has no
            // size beforehand, and one may never end: read no more than the
            // first estimate lets fit, and one byte past it to tell.
            let most = available.map(|room| room / memory::LOAD_BYTES_PER_JSON_BYTE);
            let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
            let file: Box<dyn Read> = if stdin {
                Box::new(std::io::stdin().lock())
            } else {
                Box::new(std::fs::File::open(path).map_err(io_error)?)
            };
            let limit = most.map_or(u64::MAX, |most| most.saturating_add(1));
            file.take(limit).read_to_end(&mut bytes).map_err(io_error)?;
            let read = bytes.len() as u64;
            if let (Some(most), Some(room)) = (most, available)
                && read > most
            {
                return Err(TracerError::Memory(format!(
                    "loading {name}: it holds more than {} (read so far), and loading that would need more than the {} of memory available",
                    memory::gigabytes(most),
                    memory::gigabytes(room)
                )));
            }
            // What was read, which a pipe's size (0) did not tell.
            let what = format!("loading {name} ({:.0} MB)", read.max(size) as f64 / 1e6);
            memory::check(
                memory::load_estimate(&bytes),
                memory::available(),
                &what,
                "",
            )
            .map_err(TracerError::Memory)?;
            decode_utf8(&name, bytes)
        };
        let (frame, frame_name) = match &options.frame {
            Some(path) => {
                let name = input_name(path);
                (parse_frame(&name, &read(path)?)?, name)
            }
            None => (frame_gen::default_frame(), BUILT_IN.to_string()),
        };
        let (text, program_name) = match &options.program {
            Some(path) => (read(path)?, input_name(path)),
            None => (frame_gen::DEFAULT_PROGRAM.to_string(), BUILT_IN.to_string()),
        };
        let program = parse_program(&program_name, &text)?;
        Ok(Input {
            frame,
            frame_name,
            program,
            program_name,
        })
    }
}

/// The text of a file, or where its first byte that is not UTF-8 is (the
/// column counts characters, from 1).
pub fn decode_utf8(file: &str, bytes: Vec<u8>) -> Result<String, TracerError> {
    String::from_utf8(bytes).map_err(|error| {
        let bytes = error.as_bytes();
        let at = error.utf8_error().valid_up_to();
        let (line, column) = line_and_column(bytes, at);
        TracerError::Utf8 {
            file: file.to_string(),
            line,
            column,
            byte: bytes[at],
        }
    })
}

/// The 1-based line and column (in characters) of byte `at`, whose
/// preceding bytes are valid UTF-8.
fn line_and_column(bytes: &[u8], at: usize) -> (usize, usize) {
    let before = &bytes[..at];
    let line = 1 + before.iter().filter(|b| **b == b'\n').count();
    let line_start = before
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&before[line_start..])
        .chars()
        .count();
    (line, column)
}

/// serde_json's column (bytes, 1-based) on `line` as characters, as the
/// other errors count it.
fn char_column(text: &str, line: usize, column: usize) -> usize {
    let Some(line_text) = text.split('\n').nth(line.saturating_sub(1)) else {
        return column;
    };
    let mut end = column.min(line_text.len());
    while !line_text.is_char_boundary(end) {
        end -= 1;
    }
    let whole = line_text[..end].chars().count();
    // A column in the middle of a character counts that character.
    whole + usize::from(end < column.min(line_text.len()))
}

/// Reads a frame from JSON; errors carry the line and column.
pub fn parse_frame(file: &str, text: &str) -> Result<Frame, TracerError> {
    let json_error = |line, column, message: String| TracerError::Json {
        file: file.to_string(),
        line,
        column,
        message,
    };
    if text.starts_with('\u{feff}') {
        return Err(json_error(
            1,
            1,
            "the file starts with a byte order mark (U+FEFF): save it as UTF-8 without one"
                .to_string(),
        ));
    }
    if text.trim().is_empty() {
        return Err(json_error(
            1,
            1,
            "the frame is empty: write a JSON object, such as {\"locals\": {}, \"globals\": {}}"
                .to_string(),
        ));
    }
    value::take_maybe_huge_int();
    let frame = serde_json::from_str::<Frame>(text).map_err(|e| {
        // A `\ud800` that is no half of a pair: serde_json's words for it
        // ("unexpected end of hex escape", "lone leading surrogate" for a
        // trailing one) point past it; this says where it is and what.
        // It is the error's cause when it comes before where serde_json
        // stopped: the text up to there is JSON, and one would have
        // stopped it.
        if e.is_syntax()
            && let Some((at, unit)) = find_lone_surrogate(text)
            && at < byte_offset(text, e.line(), e.column())
        {
            let (line, column) = line_and_column(text.as_bytes(), at);
            return json_error(
                line,
                column,
                format!(
                    "lone surrogate \\u{unit:04x} not supported: this tracer's strings are Unicode text, which holds a surrogate only as half of a pair (\\ud83d\\ude00); Python's json reads a lone one"
                ),
            );
        }
        let full = e.to_string();
        let position = format!(" at line {} column {}", e.line(), e.column());
        let mut message = full.strip_suffix(&position).unwrap_or(&full).to_string();
        if message == "recursion limit exceeded" {
            message.push_str(": the frame nests 128 levels deep or more (serde_json's limit, counting its own object)");
        }
        // Python's json writes and reads these; JSON has no such value.
        let rest = text
            .lines()
            .nth(e.line().saturating_sub(1))
            .and_then(|line| line.get(e.column().saturating_sub(1)..))
            .unwrap_or("");
        if let Some(word) = ["NaN", "Infinity"].into_iter().find(|word| rest.starts_with(word)) {
            message = format!(
                "`{word}` is not JSON (Python's json module writes it for a float that is not finite): this tracer reads strict JSON; write a finite number"
            );
        }
        // serde_json counts the characters it read on the line: 0 for a
        // value it refused at the line's start without reading it (a frame
        // that is a list), which is the column of that value's first.
        let column = char_column(text, e.line(), e.column()).max(1);
        json_error(e.line(), column, message)
    })?;
    // serde_json reads an int literal past 64 bits as a float: refuse it,
    // as the tracer's ints are exact 64-bit integers.
    if value::take_maybe_huge_int()
        && let Some((at, literal)) = value::find_huge_int_literal(text)
    {
        let (line, column) = line_and_column(text.as_bytes(), at);
        return Err(json_error(line, column, value::int_too_large(literal)));
    }
    Ok(frame)
}

/// The byte offset of serde_json's `line` and `column` (1-based, in bytes)
/// in `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    line_start + column
}

/// The first `\uXXXX` escape in a string of the JSON `text` that is a
/// surrogate and not half of a pair (a leading one, `\ud800`, not followed
/// by a trailing one's escape, or a trailing one, `\udc00`, alone): its
/// byte offset (at its `\`) and its code unit.
fn find_lone_surrogate(text: &str) -> Option<(usize, u16)> {
    let bytes = text.as_bytes();
    // The code unit of the `\uXXXX` escape at `at`, if there is one.
    let escape = |at: usize| -> Option<u16> {
        let hex = bytes.get(at..at + 6)?.strip_prefix(b"\\u")?;
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()
    };
    let (mut at, mut in_string) = (0, false);
    while at < bytes.len() {
        match bytes[at] {
            b'"' => in_string = !in_string,
            b'\\' if in_string => {
                match escape(at) {
                    Some(unit @ 0xd800..=0xdbff) => match escape(at + 6) {
                        Some(0xdc00..=0xdfff) => at += 6,
                        _ => return Some((at, unit)),
                    },
                    Some(unit @ 0xdc00..=0xdfff) => return Some((at, unit)),
                    _ => {}
                }
                // The escaped byte (`\"`, `\\`, `u`) is no quote or escape.
                at += 1;
            }
            _ => {}
        }
        at += 1;
    }
    None
}

pub fn parse_program(file: &str, text: &str) -> Result<Program, TracerError> {
    program::parse(text).map_err(|e| TracerError::Program {
        file: file.to_string(),
        line: e.line,
        message: e.message,
    })
}

/// What one trace did.
#[derive(Clone, Debug)]
pub struct Run {
    pub mode: Mode,
    pub stats: Stats,
    pub wall: Duration,
    /// The `debug_repr` of each returned value.
    pub returned: Vec<String>,
    /// The bytecode that rebuilds the returned values.
    pub codegen: Vec<String>,
    /// `G['name']` stores, with the stored value's `debug_repr`.
    pub stored: Vec<(String, String)>,
    /// What the run built and guarded, in order; empty if it was not asked
    /// to record it (`run_mode_with_events`).
    pub events: Vec<Event>,
    pub guards: Vec<Guard>,
    pub log: Vec<String>,
    pub graph: Graph,
}

/// Traces the input once, lazily or eagerly, recording its events. The
/// run's `wall` time covers everything it costs: creating the trackers, the
/// trace, and dropping them.
pub fn run_mode(input: &Input, mode: Mode) -> Result<Run, TracerError> {
    run_mode_with_events(input, mode, true)
}

/// [`run_mode`], recording the run's events only if `events`: the command
/// records them for `--verbose` only, which prints the lazy run's.
pub fn run_mode_with_events(input: &Input, mode: Mode, events: bool) -> Result<Run, TracerError> {
    let start = Instant::now();
    let mut run = trace_input(input, mode, events)?;
    // Every tracker of the run is dropped by now.
    run.wall = start.elapsed();
    Ok(run)
}

fn trace_input(input: &Input, mode: Mode, events: bool) -> Result<Run, TracerError> {
    let tx = Tx::with_events(mode, events);
    let frame = FrameTrackers::create(&tx, &input.frame);
    let at_line = |line: usize, message: String| TracerError::Program {
        file: input.program_name.clone(),
        line,
        message,
    };
    let output = trace(&tx, &frame, &input.program).map_err(|e| at_line(e.line, e.message))?;
    // Whatever leaves the trace must be fully known.
    output.realize_all();
    let codegen = output
        .codegen()
        .map_err(|e| at_line(output.return_line.unwrap_or(input.program.lines), e.0))?;
    let stats = tx.stats();
    let records = tx.take_records();
    Ok(Run {
        mode,
        stats,
        wall: Duration::ZERO,
        returned: output.returned.iter().map(|t| shown(&**t)).collect(),
        codegen: codegen.instructions,
        stored: output
            .stored_globals
            .iter()
            .map(|(name, t)| (format!("G['{name}']"), shown(&**t)))
            .collect(),
        events: records.events,
        guards: records.guards,
        log: records.log,
        graph: records.graph,
    })
}

/// The built tracker's `debug_repr`, looking through a lazy wrapper: the
/// lazy and the eager run must show the same values.
fn shown(tracker: &dyn VariableTracker) -> String {
    match as_lazy(tracker).and_then(|lazy| lazy.unwrap()) {
        Some(built) => built.debug_repr(),
        None => tracker.debug_repr(),
    }
}

/// The lazy run and the eager run of one input.
pub struct Comparison {
    pub lazy: Run,
    pub eager: Run,
}

pub fn compare(input: &Input) -> Result<Comparison, TracerError> {
    Ok(Comparison {
        lazy: run_mode(input, Mode::Lazy)?,
        eager: run_mode(input, Mode::Eager)?,
    })
}

/// `12345` as `12,345`.
pub fn thousands(n: usize) -> String {
    crate::format::group(&n.to_string(), true)
}

/// `0.29 ms`, `77.50 ms`, or `106.63 s` from 10 s on.
fn millis(d: Duration) -> String {
    if d.as_secs() >= 10 {
        format!("{:.2} s", d.as_secs_f64())
    } else {
        format!("{:.2} ms", d.as_secs_f64() * 1000.0)
    }
}

fn count(guards: &[Guard], kind: GuardKind) -> usize {
    guards.iter().filter(|g| g.kind == kind).count()
}

/// How long the whole command took, and its parts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Timings {
    /// Reading and parsing the frame and the program.
    pub input: Duration,
    /// From the start of the command to the end of the last run.
    pub whole: Duration,
}

/// The report the command prints: the lazy run, compared with the eager
/// run when there is one.
pub fn render(
    input: &Input,
    lazy: &Run,
    eager: Option<&Run>,
    timings: Option<Timings>,
    verbose: bool,
) -> String {
    let mut out = String::new();
    let w = &mut out;
    let _ = match eager {
        Some(_) => writeln!(w, "Dynamo-style tracer: lazy vs eager variable trackers"),
        None => writeln!(
            w,
            "Dynamo-style tracer: lazy variable trackers (--lazy-only)"
        ),
    };
    let _ = writeln!(
        w,
        "frame:   {} ({} values; {} locals, {} globals)",
        input.frame_name,
        thousands(input.frame.value_count()),
        input.frame.locals.len(),
        input.frame.globals.len()
    );
    let _ = writeln!(
        w,
        "program: {} ({} lines)",
        input.program_name, input.program.lines
    );
    let _ = writeln!(w);
    let values = input.frame.value_count();
    match eager {
        Some(eager) => render_table(w, lazy, eager, timings),
        None => render_lazy_table(w, lazy, values, timings),
    }
    let _ = writeln!(w);
    let _ = writeln!(w, "returned:    {}", lazy.returned.join(", "));
    let _ = writeln!(w, "output code: {}", lazy.codegen.join("; "));
    for (target, value) in &lazy.stored {
        let _ = writeln!(w, "stored:      {target} = {value}");
    }
    if !lazy.log.is_empty() {
        let _ = writeln!(w, "trace log (printing a lazy tracker never builds it):");
        for line in &lazy.log {
            let _ = writeln!(w, "  {line}");
        }
    }
    let _ = writeln!(w, "graph:");
    for node in &lazy.graph.nodes {
        let _ = writeln!(w, "  {node}");
    }
    let _ = writeln!(w, "guards of the lazy run:");
    for guard in &lazy.guards {
        let _ = writeln!(w, "  {guard}");
    }
    if verbose {
        let _ = writeln!(w, "what the lazy run did, in order:");
        for event in &lazy.events {
            match event {
                Event::Realize {
                    source,
                    kind,
                    guards,
                } => {
                    let _ = writeln!(w, "  realize {source} -> {kind}");
                    for guard in guards {
                        let _ = writeln!(w, "      + {guard}");
                    }
                }
                Event::Guard(guard) => {
                    let _ = writeln!(w, "  guard   + {guard}");
                }
            }
        }
    }
    out
}

fn render_table(w: &mut String, lazy: &Run, eager: &Run, timings: Option<Timings>) {
    let _ = writeln!(w, "{:<22}{:>12}{:>12}", "", "lazy", "eager");
    let mut row = |label: &str, a: String, b: String| {
        let _ = writeln!(w, "{label:<22}{a:>12}{b:>12}");
    };
    let stat = |f: fn(&Stats) -> usize| (thousands(f(&lazy.stats)), thousands(f(&eager.stats)));
    for (label, get) in STAT_ROWS.iter().take(3) {
        let (a, b) = stat(*get);
        row(label, a, b);
    }
    for kind in GuardKind::ALL {
        let (a, b) = (count(&lazy.guards, kind), count(&eager.guards, kind));
        if a + b > 0 {
            row(&format!("  {kind}"), thousands(a), thousands(b));
        }
    }
    for (label, get) in STAT_ROWS.iter().skip(3) {
        let (a, b) = stat(*get);
        row(label, a, b);
    }
    row("wall time", millis(lazy.wall), millis(eager.wall));
    render_timings(w, timings);
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "The lazy run built {} of {} trackers and installed {} of {} guards:",
        thousands(lazy.stats.realized),
        thousands(eager.stats.realized),
        thousands(lazy.stats.guards),
        thousands(eager.stats.guards),
    );
    let _ = writeln!(
        w,
        "the values it never built can change without forcing a recompile."
    );
    let _ = writeln!(
        w,
        "Both runs return the same values: {}",
        if same_results(lazy, eager) {
            "yes"
        } else {
            "NO (this is a bug)"
        }
    );
}

/// Whether the two runs returned, rebuilt and stored the same values, up to
/// the names of size symbols: each run numbers its symbols in the order it
/// creates them (`s0`, `s1`), which for the lazy run is the order the
/// program uses the tensors, for the eager run the frame's.
pub fn same_results(lazy: &Run, eager: &Run) -> bool {
    canonical_symbols(lazy) == canonical_symbols(eager)
}

/// A run's returned values, output code and stores, as one list, with each
/// symbol `sN` renamed by the order of its first appearance.
fn canonical_symbols(run: &Run) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    let texts = run.returned.iter().chain(&run.codegen).chain(
        run.stored
            .iter()
            .flat_map(|(target, value)| [target, value]),
    );
    texts
        .map(|text| {
            let mut out = String::with_capacity(text.len());
            let mut rest = text.as_str();
            while let Some(at) = rest.find('s') {
                let (before, from) = rest.split_at(at);
                out.push_str(before);
                let digits = from[1..]
                    .find(|c: char| !c.is_ascii_digit())
                    .unwrap_or(from.len() - 1);
                let word_start = out
                    .chars()
                    .next_back()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                let word_end = from[1 + digits..]
                    .chars()
                    .next()
                    .is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                if digits > 0 && word_start && word_end {
                    let symbol = &from[..1 + digits];
                    let index = match names.iter().position(|name| name == symbol) {
                        Some(index) => index,
                        None => {
                            names.push(symbol.to_string());
                            names.len() - 1
                        }
                    };
                    out.push_str(&format!("s{index}"));
                    rest = &from[1 + digits..];
                } else {
                    out.push('s');
                    rest = &from[1..];
                }
            }
            out.push_str(rest);
            out
        })
        .collect()
}

fn render_lazy_table(w: &mut String, lazy: &Run, values: usize, timings: Option<Timings>) {
    let _ = writeln!(w, "{:<22}{:>12}", "", "lazy");
    let mut row = |label: &str, a: String| {
        let _ = writeln!(w, "{label:<22}{a:>12}");
    };
    for (label, get) in STAT_ROWS.iter().take(3) {
        row(label, thousands(get(&lazy.stats)));
    }
    for kind in GuardKind::ALL {
        let a = count(&lazy.guards, kind);
        if a > 0 {
            row(&format!("  {kind}"), thousands(a));
        }
    }
    for (label, get) in STAT_ROWS.iter().skip(3) {
        row(label, thousands(get(&lazy.stats)));
    }
    row("wall time", millis(lazy.wall));
    render_timings(w, timings);
    let _ = writeln!(w);
    let _ = writeln!(
        w,
        "The lazy run built {} trackers for a frame of {} values and installed {} guards.",
        thousands(lazy.stats.realized),
        thousands(values),
        thousands(lazy.stats.guards),
    );
}

/// The whole command's time, under the table.
fn render_timings(w: &mut String, timings: Option<Timings>) {
    if let Some(timings) = timings {
        let _ = writeln!(
            w,
            "whole command: {} (reading the input: {}); a run's time includes dropping its trackers",
            millis(timings.whole),
            millis(timings.input)
        );
    }
}

/// Reads one number of a run's [`Stats`].
type StatOf = fn(&Stats) -> usize;

/// The rows of the table that come from [`Stats`], in order; the guard
/// kinds go after the first three.
const STAT_ROWS: [(&str, StatOf); 5] = [
    ("trackers created", |s| s.created),
    ("trackers realized", |s| s.realized),
    ("guards installed", |s| s.guards),
    ("graph inputs", |s| s.graph_inputs),
    ("graph nodes", |s| s.graph_nodes),
];

/// What `main` prints and returns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub code: i32,
}

/// The whole command, minus the process: tests call this.
pub fn main_with_args<I>(args: I) -> Outcome
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    command(args).0
}

/// The command as a process: reads the arguments, prints, and exits.
pub fn main() -> ! {
    // The input stays alive until the process exits, which frees it at
    // once: dropping a frame of 10^7 values value by value takes seconds.
    let (outcome, _input) = command(std::env::args_os().skip(1));
    std::process::exit(emit(&outcome))
}

/// The outcome of the command, and its input if it got that far.
fn command<I>(args: I) -> (Outcome, Option<Input>)
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    let mut input = None;
    let outcome = match run_command(args, &mut input) {
        Ok((stdout, false)) => Outcome {
            stdout,
            stderr: String::new(),
            code: 0,
        },
        Ok((stdout, true)) => Outcome {
            stdout,
            stderr: "error: the lazy and the eager run returned different values: a bug of the tracer (please report it with the frame and the program)\n".to_string(),
            code: 1,
        },
        Err(error) => Outcome {
            stdout: String::new(),
            stderr: format!("{error}\n"),
            code: error.exit_code(),
        },
    };
    (outcome, input)
}

/// Writes an outcome to stdout and stderr; returns the exit code.
///
/// A reader that goes away early (`tracer | head`) ends the command quietly
/// with the outcome's own code, as other command-line tools do; any other
/// failure to write the report (a full disk) is one error line and code 2.
fn emit(outcome: &Outcome) -> i32 {
    let mut stdout = std::io::stdout().lock();
    let written = stdout
        .write_all(outcome.stdout.as_bytes())
        .and_then(|()| stdout.flush());
    let mut stderr = std::io::stderr().lock();
    match written {
        Ok(()) => {}
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(error) => {
            let _ = writeln!(stderr, "error: cannot write the report: {error}");
            return 2;
        }
    }
    // Nothing sensible is left to do if stderr itself cannot be written.
    let _ = stderr.write_all(outcome.stderr.as_bytes());
    outcome.code
}

/// The report, and whether the two runs' results differ (a bug of the
/// tracer, which the report says and the exit code tells).
fn run_command<I>(args: I, keep: &mut Option<Input>) -> Result<(String, bool), TracerError>
where
    I: IntoIterator,
    I::Item: Into<OsString>,
{
    let start = Instant::now();
    let options = parse_args(args)?;
    if options.help {
        return Ok((
            format!(
                "{USAGE}\n\nTraces a program over a frame twice, with lazy and with eager variable\ntrackers, and compares what each built and guarded. Without arguments it\nuses a built-in frame of over 10,000 values and a built-in program.\n`--lazy-only` traces only with lazy trackers, as Dynamo does.\n`--frame -` (or `--program -`) reads that file from standard input.\n"
            ),
            false,
        ));
    }
    let input = keep.insert(Input::load(&options)?);
    let input_time = start.elapsed();
    let lazy = run_mode_with_events(input, Mode::Lazy, options.verbose)?;
    let eager = if options.lazy_only {
        None
    } else {
        let values = input.frame.value_count();
        memory::check(
            (values as u64).saturating_mul(memory::EAGER_BYTES_PER_VALUE),
            memory::available(),
            &format!("the eager run over {} values", thousands(values)),
            "trace with --lazy-only, which builds only what the program uses",
        )
        .map_err(TracerError::Memory)?;
        Some(run_mode_with_events(input, Mode::Eager, false)?)
    };
    let timings = Timings {
        input: input_time,
        whole: start.elapsed(),
    };
    let report = render(input, &lazy, eager.as_ref(), Some(timings), options.verbose);
    let differ = eager
        .as_ref()
        .is_some_and(|eager| !same_results(&lazy, eager));
    Ok((report, differ))
}
