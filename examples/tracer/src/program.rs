//! The traced program: a small Python-like language, one operation per line.
//!
//! ```text
//! # comments run to the end of the line
//! model = L['self']                  # load a local; G['name'] loads a global
//! w = model.layers[3].attn.weight    # attribute and item access
//! h = x @ w + 1                      # arithmetic: + - * / // % @
//! n = x.size(0)                      # method calls
//! rows, cols = x.shape               # unpacking
//! label = f"batch {n:>5}"            # f-strings with format specs
//! log(label, w)                      # builtins: len, isinstance, str, format, ...
//! G['cache'] = w                     # store a global
//! if n > 16                          # comparisons branch: == != < <= > >= in, is None
//!   h = h.relu()
//! else
//!   h = h.tanh()
//! end
//! return h, n
//! ```

use crate::tracker::{BinOp, CmpOp};
use crate::value::Value;
use unicode_normalization::UnicodeNormalization;

/// A parsed program.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub body: Vec<Stmt>,
    /// Lines of text, blank and comment lines included.
    pub lines: usize,
}

/// One statement and the line it is on (1-based).
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    pub line: usize,
    pub kind: StmtKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// `name = expr`.
    Assign { name: String, expr: Expr },
    /// `a, b = expr`: unpacks a sequence.
    Unpack { names: Vec<String>, expr: Expr },
    /// `G['name'] = expr`.
    StoreGlobal { name: String, expr: Expr },
    /// A call whose result is dropped: `log(x)`.
    Expr(Expr),
    /// `if cond` ... [`else` ...] `end`.
    If {
        cond: Expr,
        then: Vec<Stmt>,
        otherwise: Vec<Stmt>,
    },
    /// `return a, b`.
    Return(Vec<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum Expr {
    /// A name the program assigned, a builtin, or a type name.
    Name(String),
    /// `L['name']`.
    Local(String),
    /// `G['name']`.
    Global(String),
    Lit(Value),
    Attr(Box<Expr>, String),
    Item(Box<Expr>, Box<Expr>),
    Call(Box<Expr>, Vec<Expr>),
    FString(Vec<FPart>),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    Compare(CmpOp, Box<Expr>, Box<Expr>),
    /// `a in b`.
    In(Box<Expr>, Box<Expr>),
    /// `a is None` (`negated`: `a is not None`).
    IsNone(Box<Expr>, bool),
    Not(Box<Expr>),
    /// `-x`: a number's negation (`-0.0` included), a tensor's or a size's
    /// as `0 - x`, and Python's error for anything else.
    Neg(Box<Expr>),
}

#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    Text(String),
    /// A placeholder: its expression and its format spec.
    Expr(Expr, Vec<SpecPart>),
}

/// A piece of a placeholder's format spec: text, or a nested placeholder
/// (`f"{x:{width}}"`, `f"{x:{width:03}}"`) whose value is put in as
/// `format(value, spec)` gives it, with its own spec (text only: Python
/// nests placeholders no deeper).
#[derive(Clone, Debug, PartialEq)]
pub enum SpecPart {
    Text(String),
    Expr(Expr, String),
}

/// A parse error: the line and a one-line message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub message: String,
}

type PResult<T> = Result<T, String>;

const KEYWORDS: &[&str] = &[
    "if", "else", "end", "return", "not", "in", "is", "None", "True", "False",
];

/// How deeply `if` blocks may nest: deep enough for any real program,
/// shallow enough that running one never exhausts the stack (the
/// interpreter recurses once per block).
pub const MAX_NESTING: usize = 100;

/// Parses a program.
pub fn parse(text: &str) -> Result<Program, ParseError> {
    // Blocks being filled: the body, then one entry per open `if`.
    struct Open {
        line: usize,
        cond: Option<Expr>,
        then: Vec<Stmt>,
        otherwise: Option<Vec<Stmt>>,
    }
    let mut body: Vec<Stmt> = Vec::new();
    let mut open: Vec<Open> = Vec::new();
    let mut lines = 0;
    if text.starts_with('\u{feff}') {
        return Err(ParseError {
            line: 1,
            message:
                "the file starts with a byte order mark (U+FEFF): save it as UTF-8 without one"
                    .to_string(),
        });
    }
    // Python refuses the whole file, at the line of the first NUL.
    if let Some(at) = text.find('\0') {
        let before = &text[..at];
        let line = 1 + before.matches('\n').count() + before.matches('\r').count()
            - before.matches("\r\n").count();
        return Err(ParseError {
            line,
            message: "source code cannot contain null bytes".to_string(),
        });
    }
    // Lines end as in Python: at `\n`, `\r\n` or a lone `\r`.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    for (index, raw) in text.lines().enumerate() {
        let line = index + 1;
        lines = line;
        let err = |message: String| ParseError { line, message };
        let tokens = tokenize(raw).map_err(err)?;
        if tokens.is_empty() {
            continue;
        }
        match &tokens[0] {
            Tok::Ident(k) if k == "if" => {
                if open.len() >= MAX_NESTING {
                    return Err(err(format!(
                        "`if` blocks nested more than {MAX_NESTING} deep"
                    )));
                }
                let cond = Parser::new(&tokens[1..])
                    .expression_line(true)
                    .map_err(err)?;
                open.push(Open {
                    line,
                    cond: Some(cond),
                    then: Vec::new(),
                    otherwise: None,
                });
                continue;
            }
            Tok::Ident(k) if k == "else" => {
                expect_alone(&tokens, true).map_err(err)?;
                match open.last_mut() {
                    Some(block) if block.otherwise.is_none() => block.otherwise = Some(Vec::new()),
                    Some(_) => return Err(err("a second `else` for the same `if`".into())),
                    None => return Err(err("`else` without `if`".into())),
                }
                continue;
            }
            Tok::Ident(k) if k == "end" => {
                expect_alone(&tokens, false).map_err(err)?;
                let Some(block) = open.pop() else {
                    return Err(err("`end` without `if`".into()));
                };
                let stmt = Stmt {
                    line: block.line,
                    kind: StmtKind::If {
                        cond: block.cond.unwrap_or(Expr::Lit(Value::Bool(false))),
                        then: block.then,
                        otherwise: block.otherwise.unwrap_or_default(),
                    },
                };
                push(&mut open, &mut body, stmt);
                continue;
            }
            _ => {}
        }
        let stmt = parse_simple(&tokens).map_err(err)?;
        push(&mut open, &mut body, Stmt { line, kind: stmt });
    }
    if let Some(block) = open.last() {
        return Err(ParseError {
            line: block.line,
            message: "`if` is never closed with `end`".into(),
        });
    }
    fn push(open: &mut [Open], body: &mut Vec<Stmt>, stmt: Stmt) {
        match open.last_mut() {
            Some(block) => match &mut block.otherwise {
                Some(otherwise) => otherwise.push(stmt),
                None => block.then.push(stmt),
            },
            None => body.push(stmt),
        }
    }
    Ok(Program { body, lines })
}

fn expect_alone(tokens: &[Tok], colon_ok: bool) -> PResult<()> {
    match tokens.get(1) {
        None => Ok(()),
        Some(Tok::Op(":")) if colon_ok && tokens.len() == 2 => Ok(()),
        Some(other) => Err(format!(
            "unexpected {} after `{}`",
            other.describe(),
            tokens[0].describe_bare()
        )),
    }
}

fn parse_simple(tokens: &[Tok]) -> PResult<StmtKind> {
    match tokens {
        [Tok::Ident(k), rest @ ..] if k == "return" => {
            if rest.is_empty() {
                return Ok(StmtKind::Return(Vec::new()));
            }
            let mut parser = Parser::new(rest);
            let mut values = vec![parser.expr()?];
            while parser.eat(",") {
                values.push(parser.expr()?);
            }
            parser.finish()?;
            Ok(StmtKind::Return(values))
        }
        [Tok::Ident(_), Tok::Op(","), ..] if tokens.contains(&Tok::Op("=")) => {
            let Some(eq) = tokens.iter().position(|t| *t == Tok::Op("=")) else {
                return Err(unknown_operation(tokens));
            };
            let mut names = Vec::new();
            for (i, token) in tokens[..eq].iter().enumerate() {
                match (i % 2, token) {
                    (0, Tok::Ident(name)) => names.push(assignable(name)?),
                    (1, Tok::Op(",")) => {}
                    _ => {
                        return Err(format!(
                            "expected `NAME, NAME = EXPR`, found {}",
                            token.describe()
                        ));
                    }
                }
            }
            let expr = Parser::new(&tokens[eq + 1..]).expression_line(false)?;
            Ok(StmtKind::Unpack { names, expr })
        }
        [Tok::Ident(name), Tok::Op("="), rest @ ..] => {
            assignable(name)?;
            let expr = Parser::new(rest).expression_line(false)?;
            Ok(StmtKind::Assign {
                name: name.clone(),
                expr,
            })
        }
        [
            Tok::Ident(g),
            Tok::Op("["),
            Tok::Str(name),
            Tok::Op("]"),
            Tok::Op("="),
            rest @ ..,
        ] if g == "G" => {
            let expr = Parser::new(rest).expression_line(false)?;
            Ok(StmtKind::StoreGlobal {
                name: name.clone(),
                expr,
            })
        }
        [
            Tok::Ident(g),
            Tok::Op("["),
            Tok::Str(_),
            Tok::Op("]"),
            Tok::Op("="),
            ..,
        ] if g == "L" => {
            Err("storing into a local of the frame is not supported; assign a name instead".into())
        }
        _ => {
            let parsed = Parser::new(tokens).expression_line(false);
            match parsed {
                Ok(expr @ Expr::Call(..)) => Ok(StmtKind::Expr(expr)),
                _ => Err(unknown_operation(tokens)),
            }
        }
    }
}

fn assignable(name: &str) -> PResult<String> {
    if KEYWORDS.contains(&name) || name == "L" || name == "G" {
        Err(format!("cannot assign to `{name}`"))
    } else {
        Ok(name.to_string())
    }
}

fn unknown_operation(tokens: &[Tok]) -> String {
    format!(
        "unknown operation {}: expected `NAME = EXPR`, `G['NAME'] = EXPR`, a call, `if`, `else`, `end` or `return`",
        tokens[0].describe()
    )
}

// ---------------------------------------------------------------------------

#[derive(Clone, Debug, PartialEq)]
enum Tok {
    Ident(String),
    /// An int literal, unsigned: `-9223372036854775808` is `-` then 2^63.
    Int(u64),
    Float(f64),
    Str(String),
    FStr(String),
    Op(&'static str),
}

impl Tok {
    fn describe(&self) -> String {
        format!("`{}`", self.describe_bare())
    }

    fn describe_bare(&self) -> String {
        match self {
            Tok::Ident(s) => s.clone(),
            Tok::Int(i) => i.to_string(),
            Tok::Float(x) => x.to_string(),
            Tok::Str(s) => format!("'{s}'"),
            Tok::FStr(s) => format!("f\"{s}\""),
            Tok::Op(op) => (*op).to_string(),
        }
    }
}

const OPS: &[&str] = &[
    "==", "!=", "<=", ">=", "//", "<", ">", "=", "+", "-", "*", "/", "%", "@", "(", ")", "[", "]",
    ".", ",", ":",
];

fn tokenize(line: &str) -> PResult<Vec<Tok>> {
    let chars: Vec<char> = line.chars().collect();
    let mut tokens = Vec::new();
    // Adjacent literals joined into one token still count one each toward
    // `MAX_TOKENS` (the join rewrites the text so far, so a line of many
    // would take time in the square of their number): the joins so far.
    let mut joined = 0;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '#' {
            break;
        }
        // Python's white space between tokens is ASCII's; any other
        // character beyond ASCII starts a name, as Python's tokenizer reads
        // it (`x\u{a0}= 1` is an invalid character there).
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c.is_ascii_alphabetic() || c == '_' || !c.is_ascii() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || !chars[i].is_ascii())
            {
                i += 1;
            }
            // A string's prefix (`u'..'`, `F"..."`, `rf'..'`): Python's, in
            // any case.
            let prefix = chars[start..i].iter().collect::<String>().to_lowercase();
            if matches!(chars.get(i), Some('"' | '\''))
                && matches!(
                    prefix.as_str(),
                    "u" | "r" | "f" | "b" | "fr" | "rf" | "br" | "rb"
                )
            {
                let (token, next) = string_literal(&chars, i, &prefix)?;
                if push_string(&mut tokens, token)? {
                    joined += 1;
                }
                if tokens.len() + joined > MAX_TOKENS {
                    return Err(format!("line too long: more than {MAX_TOKENS} tokens"));
                }
                i = next;
                continue;
            }
            tokens.push(Tok::Ident(identifier(&chars[start..i])?));
        } else if c.is_ascii_digit() {
            let start = i;
            while i < chars.len()
                && (chars[i].is_ascii_alphanumeric() || chars[i] == '_' || chars[i] == '.')
            {
                // A float's own `.` is its only one, before any exponent: a
                // further `.` starts an attribute (`1.5.is_integer()`).
                if chars[i] == '.' && chars[start..i].iter().any(|c| matches!(c, '.' | 'e' | 'E')) {
                    break;
                }
                // `1e-5`: a sign right after an exponent belongs to the number.
                if matches!(chars[i], 'e' | 'E') && matches!(chars.get(i + 1), Some('-' | '+')) {
                    i += 1;
                }
                i += 1;
            }
            // As in Python, a `_` stands between two digits (`1_000`, not
            // `1__000` or `1_`), and an int has no leading zeros (`0777`).
            let written = &chars[start..i];
            let lone_underscores = written.iter().enumerate().all(|(at, c)| {
                *c != '_'
                    || (at > 0
                        && written[at - 1].is_ascii_digit()
                        && written.get(at + 1).is_some_and(char::is_ascii_digit))
            });
            let text: String = written.iter().filter(|c| **c != '_').collect();
            // What Python reads and this tracer does not: `0x1f`, `0o7`,
            // `0b1`, `1j`.
            let lower = text.to_ascii_lowercase();
            if ["0x", "0o", "0b"]
                .iter()
                .any(|prefix| lower.starts_with(prefix))
            {
                return Err(format!(
                    "`{}` literals are not supported by this tracer",
                    &lower[..2]
                ));
            }
            if lower.ends_with('j') && lower[..lower.len() - 1].parse::<f64>().is_ok() {
                return Err("complex numbers (`1j`) are not supported by this tracer".into());
            }
            // Letters that make no number (`1.bit_length()`, `2x`): Python's
            // error, before any about a `_` among them.
            let float = text.parse::<f64>();
            let digits = text.bytes().all(|b| b.is_ascii_digit());
            if !digits && float.is_err() {
                let written: String = written.iter().collect();
                return Err(format!("invalid decimal literal `{written}`"));
            }
            if !lone_underscores {
                let written: String = written.iter().collect();
                return Err(format!(
                    "invalid decimal literal `{written}`: a `_` goes between two digits"
                ));
            }
            if digits && text.starts_with('0') && text.bytes().any(|b| b != b'0') {
                return Err(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers"
                        .to_string(),
                );
            }
            match float {
                _ if digits => {
                    let int = text.parse::<u64>().ok().filter(|&i| i <= I64_MIN_MAGNITUDE);
                    let Some(int) = int else {
                        return Err(too_large(&text));
                    };
                    tokens.push(Tok::Int(int));
                }
                Ok(float) => tokens.push(Tok::Float(float)),
                Err(_) => return Err(format!("invalid decimal literal `{text}`")),
            }
        } else if c == '"' || c == '\'' {
            let (token, next) = string_literal(&chars, i, "")?;
            if push_string(&mut tokens, token)? {
                joined += 1;
            }
            if tokens.len() + joined > MAX_TOKENS {
                return Err(format!("line too long: more than {MAX_TOKENS} tokens"));
            }
            i = next;
        } else {
            let rest: String = chars[i..chars.len().min(i + 2)].iter().collect();
            if rest == "**" {
                return Err("`**` (power) is not supported by this tracer".to_string());
            }
            // C's `&&`, `||` and `!x`: no Python, which writes words.
            let word = match (rest.as_str(), c) {
                ("&&", _) => Some(("&&", "`and`, which this tracer does not support")),
                ("||", _) => Some(("||", "`or`, which this tracer does not support")),
                (_, '!') if rest != "!=" => Some(("!", "`not`")),
                _ => None,
            };
            if let Some((written, word)) = word {
                return Err(format!(
                    "invalid syntax: `{written}` is not Python, which writes {word}"
                ));
            }
            // Python's bitwise operators, valid there and named here.
            if rest == "<<" || rest == ">>" || matches!(c, '&' | '|' | '^' | '~') {
                let op = if matches!(c, '&' | '|' | '^' | '~') {
                    c.to_string()
                } else {
                    rest
                };
                return Err(format!(
                    "`{op}` (a bitwise operator) is not supported by this tracer"
                ));
            }
            let Some(op) = OPS.iter().find(|op| rest.starts_with(**op)) else {
                // Escaped: a control character (a NUL) would reach the
                // terminal as it is.
                return Err(match crate::pyunicode::is_printable(c) {
                    true => format!("unexpected character `{}`", c.escape_debug()),
                    // Python's words for a control character.
                    false => format!("invalid non-printable character U+{:04X}", u32::from(c)),
                });
            };
            tokens.push(Tok::Op(op));
            i += op.len();
        }
    }
    if tokens.len() + joined > MAX_TOKENS {
        return Err(format!("line too long: more than {MAX_TOKENS} tokens"));
    }
    Ok(tokens)
}

/// A name as Python reads it: a first character of Unicode's `XID_Start`
/// (or `_`), then `XID_Continue` ones, else Python's "invalid character"
/// at the first that is not (`x²`, `1×2`'s `×`, a no-break space); and
/// normalized to NFKC, so that `ﬁ` and `fi`, or `ｘ` and `x`, are one name,
/// as in Python (PEP 3131). By the Unicode of `unicode-ident` and
/// `unicode-normalization`, newer than Python 3.11's 14.0: a character
/// assigned since is a letter here and an invalid character there.
fn identifier(written: &[char]) -> PResult<String> {
    for (at, &c) in written.iter().enumerate() {
        let valid = match at {
            0 => c == '_' || unicode_ident::is_xid_start(c),
            _ => unicode_ident::is_xid_continue(c) && !NOT_NAME_CHARACTERS_IN_PYTHON.contains(&c),
        };
        if !valid {
            let code = u32::from(c);
            return Err(match crate::pyunicode::is_printable(c) {
                true => format!("invalid character '{c}' (U+{code:04X})"),
                false => format!("invalid non-printable character U+{code:04X}"),
            });
        }
    }
    let text: String = written.iter().collect();
    if text.is_ascii() {
        return Ok(text);
    }
    let normal: String = text.nfkc().collect();
    // Python takes `ｒｅｔｕｒｎ` for a name (its tokenizer matches keywords
    // before normalizing), where this parser would read the keyword.
    if KEYWORDS.contains(&normal.as_str()) {
        return Err(format!(
            "`{text}` is a name in Python, not the keyword `{normal}`, which is written in ASCII"
        ));
    }
    Ok(normal)
}

/// Characters that Unicode 15.1 made `XID_Continue`, long after Python
/// 3.11's Unicode 14.0, where they make no name: the zero-width non-joiner
/// and joiner, and the two katakana middle dots (found by a scan of every
/// code point against `python3`).
const NOT_NAME_CHARACTERS_IN_PYTHON: [char; 4] = ['\u{200C}', '\u{200D}', '\u{30FB}', '\u{FF65}'];

/// 2^63: the largest int literal, which fits only under a unary minus.
const I64_MIN_MAGNITUDE: u64 = 1 << 63;

fn too_large(literal: &str) -> String {
    format!("integer {literal} does not fit in 64 bits (this tracer's ints are 64-bit)")
}

/// How many tokens a line may have, which bounds how deep the interpreter
/// recurses into one line's expression.
const MAX_TOKENS: usize = 512;

/// The string literal whose quote is at `start`, after its `prefix`
/// (lowercase, `""` for none), as Python reads it: `u` changes nothing,
/// `r` keeps its backslashes as they are (`r'a\d'`), `f` makes an
/// f-string (`F"..."`, `rf'...'` too); in one quote or three (`'''a'b'''`,
/// on one line). Bytes (`b'..'`) are an error that says so. Also returns
/// where the literal ends.
fn string_literal(chars: &[char], start: usize, prefix: &str) -> PResult<(Tok, usize)> {
    if prefix.contains('b') {
        return Err("bytes literals (`b'...'`) are not supported by this tracer".into());
    }
    let raw = prefix.contains('r');
    let (text, next) = read_string(chars, start, raw)?;
    if !prefix.contains('f') {
        return Ok((Tok::Str(text), next));
    }
    let quote = chars[start];
    let quotes = if chars[start..].starts_with(&[quote; 3]) {
        3
    } else {
        1
    };
    check_fstring_backslashes(&chars[start + quotes..next - quotes])?;
    // `f'{L['x']}'`: the inner quote ended the f-string, inside a
    // placeholder (as in Python before 3.12).
    if chars[next..].contains(&'}') && parse_fstring(&text).is_err_and(|e| e == UNCLOSED) {
        let other = if quote == '\'' { '"' } else { '\'' };
        return Err(format!(
            "{UNCLOSED}: the `{quote}` inside a placeholder ends the f-string; quote inside it with `{other}`"
        ));
    }
    Ok((Tok::FStr(text), next))
}

/// Pushes a string literal's token, joined to the literal right before it
/// as Python joins adjacent ones (`'a' 'b'` is `'ab'`); with an f-string,
/// into one f-string, whose plain parts keep their braces as text. Each
/// f-string must parse alone first: a placeholder does not span two.
/// Whether it was joined.
fn push_string(tokens: &mut Vec<Tok>, token: Tok) -> PResult<bool> {
    let braces = |text: &str| text.replace('{', "{{").replace('}', "}}");
    let joined = match (tokens.last(), &token) {
        (Some(Tok::Str(a)), Tok::Str(b)) => Tok::Str(format!("{a}{b}")),
        (Some(Tok::Str(a)), Tok::FStr(b)) => {
            parse_fstring(b)?;
            Tok::FStr(format!("{}{b}", braces(a)))
        }
        (Some(Tok::FStr(a)), Tok::Str(b)) => {
            parse_fstring(a)?;
            Tok::FStr(format!("{a}{}", braces(b)))
        }
        (Some(Tok::FStr(a)), Tok::FStr(b)) => {
            parse_fstring(a)?;
            parse_fstring(b)?;
            Tok::FStr(format!("{a}{b}"))
        }
        _ => {
            tokens.push(token);
            return Ok(false);
        }
    };
    if let Some(last) = tokens.last_mut() {
        *last = joined;
    }
    Ok(true)
}

/// The text of the string whose (first) quote is at `start`, and where it
/// ends. Escapes are `\n \t \\ \' \"`; a raw string keeps a backslash and
/// the character after it as they are (that quote ends nothing). Three
/// quotes open a string that ends at three, on this line: a program's
/// lines are read one by one.
fn read_string(chars: &[char], start: usize, raw: bool) -> PResult<(String, usize)> {
    let quote = chars[start];
    let triple = chars[start..].starts_with(&[quote; 3]);
    let mut text = String::new();
    let mut i = start + if triple { 3 } else { 1 };
    while i < chars.len() {
        match chars[i] {
            '\\' if raw => {
                text.extend(&chars[i..chars.len().min(i + 2)]);
                i += 2;
            }
            '\\' => {
                let escaped = match chars.get(i + 1) {
                    Some('n') => '\n',
                    Some('t') => '\t',
                    Some(&c @ ('\\' | '\'' | '"')) => c,
                    Some(c) => return Err(format!("unknown escape `\\{c}` in a string")),
                    None => break,
                };
                text.push(escaped);
                i += 2;
            }
            c if c == quote && !triple => return Ok((text, i + 1)),
            c if c == quote && chars[i..].starts_with(&[quote; 3]) => return Ok((text, i + 3)),
            c => {
                text.push(c);
                i += 1;
            }
        }
    }
    if triple {
        return Err(
            "unterminated triple-quoted string literal (a string over several lines is not supported by this tracer)"
                .into(),
        );
    }
    Err("unterminated string".into())
}

// ---------------------------------------------------------------------------

struct Parser<'t> {
    tokens: &'t [Tok],
    pos: usize,
    depth: usize,
}

/// How deeply expressions may nest: deep enough for any real program,
/// shallow enough that parsing never exhausts the stack.
const MAX_DEPTH: usize = 64;

impl<'t> Parser<'t> {
    fn new(tokens: &'t [Tok]) -> Parser<'t> {
        Parser {
            tokens,
            pos: 0,
            depth: 0,
        }
    }

    fn peek(&self) -> Option<&'t Tok> {
        self.tokens.get(self.pos)
    }

    fn next(&mut self) -> Option<&'t Tok> {
        let tok = self.tokens.get(self.pos);
        self.pos += 1;
        tok
    }

    fn eat(&mut self, op: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Op(o)) if *o == op) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn eat_keyword(&mut self, keyword: &str) -> bool {
        if matches!(self.peek(), Some(Tok::Ident(k)) if k == keyword) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn found(&self) -> String {
        match self.peek() {
            Some(tok) => tok.describe(),
            None => "the end of the line".into(),
        }
    }

    fn expect(&mut self, op: &str, after: &str) -> PResult<()> {
        if self.eat(op) {
            Ok(())
        } else {
            Err(format!("expected `{op}` {after}, found {}", self.found()))
        }
    }

    fn finish(&self) -> PResult<()> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(format!("unexpected {} after the expression", self.found())),
        }
    }

    /// A whole line's expression (an `if` condition may end with `:`).
    fn expression_line(mut self, colon_ok: bool) -> PResult<Expr> {
        if self.peek().is_none() {
            return Err("expected an expression".into());
        }
        let expr = self.expr()?;
        if colon_ok {
            self.eat(":");
        }
        self.finish()?;
        Ok(expr)
    }

    fn expr(&mut self) -> PResult<Expr> {
        if self.depth >= MAX_DEPTH {
            return Err(format!("expression nested more than {MAX_DEPTH} deep"));
        }
        self.depth += 1;
        let expr = self.comparison();
        self.depth -= 1;
        expr
    }

    fn comparison(&mut self) -> PResult<Expr> {
        if self.eat_keyword("not") {
            return Ok(Expr::Not(Box::new(self.expr()?)));
        }
        let left = self.sum()?;
        let op = match self.peek() {
            Some(Tok::Op("==")) => CmpOp::Eq,
            Some(Tok::Op("!=")) => CmpOp::Ne,
            Some(Tok::Op("<")) => CmpOp::Lt,
            Some(Tok::Op("<=")) => CmpOp::Le,
            Some(Tok::Op(">")) => CmpOp::Gt,
            Some(Tok::Op(">=")) => CmpOp::Ge,
            Some(Tok::Ident(k)) if k == "in" => {
                self.pos += 1;
                return Ok(Expr::In(Box::new(left), Box::new(self.sum()?)));
            }
            Some(Tok::Ident(k)) if k == "is" => {
                self.pos += 1;
                let negated = self.eat_keyword("not");
                if !self.eat_keyword("None") {
                    return Err(format!(
                        "`is` compares with `None` only, found {}",
                        self.found()
                    ));
                }
                return Ok(Expr::IsNone(Box::new(left), negated));
            }
            _ => return Ok(left),
        };
        self.pos += 1;
        Ok(Expr::Compare(op, Box::new(left), Box::new(self.sum()?)))
    }

    fn sum(&mut self) -> PResult<Expr> {
        let mut left = self.term()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op("+")) => BinOp::Add,
                Some(Tok::Op("-")) => BinOp::Sub,
                _ => return Ok(left),
            };
            self.pos += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.term()?));
        }
    }

    fn term(&mut self) -> PResult<Expr> {
        let mut left = self.unary()?;
        loop {
            let op = match self.peek() {
                Some(Tok::Op("*")) => BinOp::Mul,
                Some(Tok::Op("/")) => BinOp::Div,
                Some(Tok::Op("//")) => BinOp::FloorDiv,
                Some(Tok::Op("%")) => BinOp::Mod,
                Some(Tok::Op("@")) => BinOp::MatMul,
                _ => return Ok(left),
            };
            self.pos += 1;
            left = Expr::Binary(op, Box::new(left), Box::new(self.unary()?));
        }
    }

    fn unary(&mut self) -> PResult<Expr> {
        if self.eat("-") {
            if self.depth >= MAX_DEPTH {
                return Err(format!("expression nested more than {MAX_DEPTH} deep"));
            }
            // `-9223372036854775808`: i64::MIN is written as `-` and 2^63.
            if let Some(Tok::Int(I64_MIN_MAGNITUDE)) = self.peek()
                && !matches!(
                    self.tokens.get(self.pos + 1),
                    Some(Tok::Op("." | "[" | "("))
                )
            {
                self.pos += 1;
                return Ok(Expr::Lit(Value::Int(i64::MIN)));
            }
            self.depth += 1;
            let operand = self.unary();
            self.depth -= 1;
            return Ok(match operand? {
                Expr::Lit(Value::Int(i)) if i != i64::MIN => Expr::Lit(Value::Int(-i)),
                Expr::Lit(Value::Float(x)) => Expr::Lit(Value::Float(-x)),
                other => Expr::Neg(Box::new(other)),
            });
        }
        self.postfix()
    }

    fn postfix(&mut self) -> PResult<Expr> {
        let mut expr = self.atom()?;
        loop {
            if self.eat(".") {
                match self.next() {
                    Some(Tok::Ident(name)) => expr = Expr::Attr(Box::new(expr), name.clone()),
                    _ => {
                        self.pos -= 1;
                        return Err(format!(
                            "expected an attribute name after `.`, found {}",
                            self.found()
                        ));
                    }
                }
            } else if self.eat("[") {
                let index = self.expr()?;
                self.expect("]", "after the index")?;
                expr = Expr::Item(Box::new(expr), Box::new(index));
            } else if self.eat("(") {
                let mut args = Vec::new();
                if !self.eat(")") {
                    loop {
                        args.push(self.expr()?);
                        if self.eat(")") {
                            break;
                        }
                        self.expect(",", "between arguments")?;
                    }
                }
                expr = Expr::Call(Box::new(expr), args);
            } else {
                return Ok(expr);
            }
        }
    }

    fn atom(&mut self) -> PResult<Expr> {
        let found = self.found();
        let Some(tok) = self.next() else {
            return Err(format!("expected a value, found {found}"));
        };
        Ok(match tok {
            Tok::Int(i) => match i64::try_from(*i) {
                Ok(i) => Expr::Lit(Value::Int(i)),
                Err(_) => return Err(too_large(&i.to_string())),
            },
            Tok::Float(x) => Expr::Lit(Value::Float(*x)),
            Tok::Str(s) => Expr::Lit(Value::str(s)),
            Tok::FStr(s) => Expr::FString(parse_fstring(s)?),
            Tok::Op("(") => {
                let inner = self.expr()?;
                self.expect(")", "to close `(`")?;
                inner
            }
            Tok::Ident(k) if k == "True" => Expr::Lit(Value::Bool(true)),
            Tok::Ident(k) if k == "False" => Expr::Lit(Value::Bool(false)),
            Tok::Ident(k) if k == "None" => Expr::Lit(Value::None),
            Tok::Ident(root) if (root == "L" || root == "G") && self.eat("[") => {
                let name = match self.next() {
                    Some(Tok::Str(name)) => name.clone(),
                    _ => {
                        self.pos -= 1;
                        return Err(format!(
                            "expected a quoted name in {root}[...], found {}",
                            self.found()
                        ));
                    }
                };
                self.expect("]", &format!("after {root}['{name}'"))?;
                if root == "L" {
                    Expr::Local(name)
                } else {
                    Expr::Global(name)
                }
            }
            Tok::Ident(k) if KEYWORDS.contains(&k.as_str()) => {
                return Err(format!("unexpected keyword `{k}`"));
            }
            Tok::Ident(name) => Expr::Name(name.clone()),
            // Valid Python: `+x`, `.5`.
            Tok::Op("+") => return Err("unary `+` is not supported by this tracer".to_string()),
            Tok::Op(".")
                if matches!(self.tokens.get(self.pos), Some(Tok::Int(_) | Tok::Float(_))) =>
            {
                return Err(
                    "a float without a digit before its point (`.5`) is not supported by this tracer; write `0.5`"
                        .to_string(),
                );
            }
            other => return Err(format!("expected a value, found {}", other.describe())),
        })
    }
}

/// A placeholder's expression.
fn placeholder_expr(text: &str) -> PResult<Expr> {
    // Python's `{x!r}` and `{x=}`, which this tracer does not read.
    let trimmed = text.trim_end();
    // A conversion is a word or nothing after the last `!` (not `!=`, nor a
    // `!` inside a string: `{L['a!b']}`).
    if let Some((_, conversion)) = text.rsplit_once('!')
        && conversion.trim().chars().all(char::is_alphanumeric)
    {
        // Python reads one character after `!`, then wants `}` (or the
        // spec's `:`, split off before): `{x! r}` and `{x!}` are invalid
        // conversions, `{x!ab}` and `{x!r }` lack the `}`.
        let mut chars = conversion.chars();
        return Err(match (chars.next(), chars.as_str()) {
            (Some('r' | 's' | 'a'), "") => {
                "conversions in f-strings (`{x!r}`) are not supported by this tracer".into()
            }
            (Some('r' | 's' | 'a'), _) => "f-string: expecting '}'".into(),
            _ => "f-string: invalid conversion character: expected 's', 'r', or 'a'".into(),
        });
    }
    if trimmed.ends_with('=') && !trimmed.ends_with("==") && !trimmed.ends_with(['!', '<', '>']) {
        return Err("`=` in an f-string (`{x=}`) is not supported by this tracer".into());
    }
    let tokens = tokenize(text)?;
    Parser::new(&tokens)
        .expression_line(false)
        .map_err(|e| format!("in an f-string placeholder: {e}"))
}

/// A placeholder's format spec, with its nested placeholders (`{width}`,
/// `{width:03}`: one level deep, as Python's).
fn parse_spec(text: &str) -> PResult<Vec<SpecPart>> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut at = 0;
    while let Some(&c) = chars.get(at) {
        match c {
            '{' => {
                let (colon, close) = nested_end(&chars, at + 1).ok_or(UNCLOSED)?;
                let expr: String = chars[at + 1..colon].iter().collect();
                let spec: String = chars[(colon + 1).min(close)..close].iter().collect();
                // Python 3.11 reads a nested placeholder's spec as text:
                // one more placeholder in it is its syntax error.
                if spec.contains('{') {
                    return Err("f-string: expressions nested too deeply".into());
                }
                if !literal.is_empty() {
                    parts.push(SpecPart::Text(std::mem::take(&mut literal)));
                }
                parts.push(SpecPart::Expr(placeholder_expr(&expr)?, spec));
                at = close + 1;
            }
            '}' => return Err("single `}` in an f-string".into()),
            c => {
                literal.push(c);
                at += 1;
            }
        }
    }
    if !literal.is_empty() {
        parts.push(SpecPart::Text(literal));
    }
    Ok(parts)
}

/// The error of an f-string placeholder that is never closed.
const UNCLOSED: &str = "unclosed `{` in an f-string";

/// Where the expression of a placeholder starting at `chars[start]` (just
/// after its `{`) ends: at the first `:` or `}` outside strings and
/// brackets, as Python 3.11 reads it (`{d['a:b']}`, `{'}'}`).
fn expression_end(chars: &[char], start: usize) -> Option<usize> {
    let mut quote: Option<char> = None;
    let mut depth = 0usize;
    for (at, &c) in chars.iter().enumerate().skip(start) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '[' | '(' | '{') => depth += 1,
            (None, ']' | ')' | '}') if depth > 0 => depth -= 1,
            (None, ':' | '}') => return Some(at),
            _ => {}
        }
    }
    None
}

/// A placeholder nested in a format spec, from `chars[start]` (just after
/// its `{`): where its expression ends (its `:` or `}`) and the `}` that
/// closes it. Its expression is read as any placeholder's, past strings
/// and brackets (`{'}'}`); its own spec, as text, up to the first `}` (one
/// more placeholder in it is refused by `parse_spec`, as Python does).
fn nested_end(chars: &[char], start: usize) -> Option<(usize, usize)> {
    let end = expression_end(chars, start)?;
    if chars[end] == '}' {
        return Some((end, end));
    }
    let mut depth = 0usize;
    for (at, &c) in chars.iter().enumerate().skip(end + 1) {
        match c {
            '{' => depth += 1,
            '}' if depth > 0 => depth -= 1,
            '}' => return Some((end, at)),
            _ => {}
        }
    }
    None
}

/// Where the placeholder that `chars` starts with (at its `{`) ends: the
/// `}` that closes it, as Python 3.11 finds it. In the expression, past
/// strings (`{'}'}`) and brackets; in the spec, which starts at the first
/// `:` outside them and where a quote is text (`{x:'>5}`), past nested
/// placeholders (`{x:{width}}`, `{x:{'}'}>5}`, `{x:{w:03}}`).
fn placeholder_end(chars: &[char]) -> Option<usize> {
    let mut at = expression_end(chars, 1)?;
    if chars[at] == '}' {
        return Some(at);
    }
    at += 1;
    while let Some(&c) = chars.get(at) {
        match c {
            '{' => at = nested_end(chars, at + 1)?.1 + 1,
            '}' => return Some(at),
            _ => at += 1,
        }
    }
    None
}

/// Python 3.11 refuses a backslash in an f-string's expressions
/// (`f"{'\n'}"`), in a placeholder or nested in its format spec; the text
/// around them and the spec itself may hold escapes. `raw` is the f-string
/// as written, between its quotes (its escapes not yet read).
fn check_fstring_backslashes(raw: &[char]) -> PResult<()> {
    const BACKSLASH: &str = "f-string expression part cannot include a backslash";
    let mut i = 0;
    while i < raw.len() {
        match raw[i] {
            '{' if raw.get(i + 1) == Some(&'{') => i += 2,
            '{' => {
                // An unclosed placeholder is `parse_fstring`'s error.
                let Some(close) = placeholder_end(&raw[i..]) else {
                    return Ok(());
                };
                let inner = &raw[i + 1..i + close];
                let (expression, spec) = inner.split_at(spec_colon(inner).unwrap_or(inner.len()));
                if expression.contains(&'\\') {
                    return Err(BACKSLASH.into());
                }
                // A placeholder nested in the spec (`{x:{width}}`) is an
                // expression too; its own spec is text (`{x:{w:\x3e5}}`).
                let mut j = 0;
                while j < spec.len() {
                    if spec[j] != '{' {
                        j += 1;
                        continue;
                    }
                    let (end, close) = nested_end(spec, j + 1).unwrap_or((spec.len(), spec.len()));
                    if spec[j + 1..end].contains(&'\\') {
                        return Err(BACKSLASH.into());
                    }
                    j = close + 1;
                }
                i += close + 1;
            }
            _ => i += 1,
        }
    }
    Ok(())
}

/// Where a placeholder's spec starts: its first `:` outside brackets and
/// quotes, the end of its expression.
fn spec_colon(inner: &[char]) -> Option<usize> {
    let mut depth = 0i32;
    let mut quote: Option<char> = None;
    for (j, &c) in inner.iter().enumerate() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') => quote = Some(c),
            (None, '[' | '(') => depth += 1,
            (None, ']' | ')') => depth -= 1,
            (None, ':') if depth == 0 => return Some(j),
            _ => {}
        }
    }
    None
}

/// `f"batch {n:>5} of {total}"` into text and placeholders.
fn parse_fstring(text: &str) -> PResult<Vec<FPart>> {
    let chars: Vec<char> = text.chars().collect();
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '{' if chars.get(i + 1) == Some(&'{') => {
                literal.push('{');
                i += 2;
            }
            '}' if chars.get(i + 1) == Some(&'}') => {
                literal.push('}');
                i += 2;
            }
            '}' => return Err("single `}` in an f-string".into()),
            '{' => {
                let Some(close) = placeholder_end(&chars[i..]) else {
                    return Err(UNCLOSED.into());
                };
                let inner = &chars[i + 1..i + close];
                let (expr_text, spec) = match spec_colon(inner) {
                    Some(j) => (
                        inner[..j].iter().collect::<String>(),
                        parse_spec(&inner[j + 1..].iter().collect::<String>())?,
                    ),
                    None => (inner.iter().collect(), Vec::new()),
                };
                let expr = placeholder_expr(&expr_text)?;
                if !literal.is_empty() {
                    parts.push(FPart::Text(std::mem::take(&mut literal)));
                }
                parts.push(FPart::Expr(expr, spec));
                i += close + 1;
            }
            c => {
                literal.push(c);
                i += 1;
            }
        }
    }
    if !literal.is_empty() {
        parts.push(FPart::Text(literal));
    }
    Ok(parts)
}
