//! Python's format-spec mini-language (`format(x, ">8")`, `f"{x:,.2f}"`),
//! the part of it that f-strings of constants and sizes need.

use crate::pyunicode::decimal_value;
use crate::tracker::{TraceError, TraceResult};
use crate::value::Value;

/// A parsed spec: `[[fill]align][sign][0][width][,][.precision][type]`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Spec {
    fill: Option<char>,
    align: Option<char>,
    sign: Option<char>,
    zero: bool,
    width: usize,
    grouping: bool,
    precision: Option<usize>,
    ty: Option<char>,
    /// What Python reads and this tracer does not format (`#`, `z`, `_`),
    /// refused by [`Spec::check`] after Python's own errors.
    unsupported: Option<&'static str>,
    alternate: bool,
    no_neg_zero: bool,
}

impl Spec {
    /// Parses `spec` for a value of the Python type `ty` (`int`, `bool`,
    /// `float`, `str`), with Python's errors for what Python refuses while
    /// parsing, in its order; what only the value's type refuses is
    /// [`Spec::check`]'s.
    pub fn parse(spec: &str, ty: &str) -> TraceResult<Spec> {
        let chars: Vec<char> = spec.chars().collect();
        let mut parsed = Spec::default();
        let mut i = 0;
        let is_align = |c: char| matches!(c, '<' | '>' | '^' | '=');
        if chars.len() >= 2 && is_align(chars[1]) {
            parsed.fill = Some(chars[0]);
            parsed.align = Some(chars[1]);
            i = 2;
        } else if chars.first().is_some_and(|c| is_align(*c)) {
            parsed.align = Some(chars[0]);
            i = 1;
        }
        if let Some(&c @ ('+' | '-' | ' ')) = chars.get(i) {
            parsed.sign = Some(c);
            i += 1;
        }
        if chars.get(i) == Some(&'z') {
            parsed.no_neg_zero = true;
            parsed.unsupported = Some("'z' (negative zero coercion)");
            i += 1;
        }
        if chars.get(i) == Some(&'#') {
            parsed.alternate = true;
            parsed.unsupported = parsed.unsupported.or(Some("'#' (the alternate form)"));
            i += 1;
        }
        // Python's `0` flag: only where no fill is given (after a fill, a
        // `0` starts the width: `*>08` is 8 wide, padded with `*`).
        if parsed.fill.is_none() && chars.get(i) == Some(&'0') {
            parsed.zero = true;
            i += 1;
        }
        let start = i;
        while chars.get(i).is_some_and(|&c| decimal_value(c).is_some()) {
            i += 1;
        }
        parsed.width = digits(&chars[start..i], spec)?;
        let mut separator = None;
        if let Some(&c @ (',' | '_')) = chars.get(i) {
            match chars.get(i + 1) {
                Some(&other @ (',' | '_')) if other != c => {
                    return Err(TraceError::new("Cannot specify both ',' and '_'."));
                }
                Some(&same @ (',' | '_')) => return Err(cannot_group(c, same)),
                _ => {}
            }
            separator = Some(c);
            if c == '_' {
                parsed.unsupported = parsed.unsupported.or(Some("'_' grouping"));
            } else {
                parsed.grouping = true;
            }
            i += 1;
        }
        if chars.get(i) == Some(&'.') {
            i += 1;
            let start = i;
            while chars.get(i).is_some_and(|&c| decimal_value(c).is_some()) {
                i += 1;
            }
            if start == i {
                return Err(TraceError::new("Format specifier missing precision"));
            }
            parsed.precision = Some(digits(&chars[start..i], spec)?);
        }
        match &chars[i..] {
            [] => {}
            [c] => parsed.ty = Some(*c),
            _ => {
                return Err(TraceError::new(format!(
                    "Invalid format specifier '{spec}' for object of type '{ty}'"
                )));
            }
        }
        // `,` takes the decimal and float types, and no type but a str's
        // default, `s`; `_` the binary, octal and hex ones too.
        let ty_or_default = parsed.ty.or(match ty {
            "str" => Some('s'),
            _ => None,
        });
        if let Some(separator) = separator {
            let takes = if separator == '_' {
                "deEfFgG%boxX"
            } else {
                "deEfFgG%"
            };
            if let Some(c) = ty_or_default.filter(|c| !takes.contains(*c)) {
                return Err(cannot_group(separator, c));
            }
        }
        Ok(parsed)
    }

    /// The fill and the alignment that apply: the `0` flag fills with
    /// zeros, and aligns a number after its sign (`=`) unless an alignment
    /// is given; the default is right for numbers, left for strings.
    fn fill_align(&self, numeric: bool) -> (char, char) {
        let fill = self.fill.unwrap_or(if self.zero { '0' } else { ' ' });
        let align = self.align.unwrap_or(match (self.zero, numeric) {
            (true, true) => '=',
            (_, true) => '>',
            (_, false) => '<',
        });
        (fill, align)
    }

    /// Whether this spec can format a value of the Python type `ty` (so
    /// formatting a size later cannot fail): Python's errors, in its order
    /// (a type code the value has not, then what its type refuses), then
    /// what Python formats and this tracer does not.
    pub fn check(&self, ty: &str) -> TraceResult<()> {
        let types = match ty {
            "str" => "s",
            "float" => "eEfFgG%n",
            _ => "bdoxXeEfFgG%nc",
        };
        if let Some(c) = self.ty.filter(|c| !types.contains(*c)) {
            return Err(TraceError::new(format!(
                "Unknown format code '{}' for object of type '{ty}'",
                code(c)
            )));
        }
        let as_int =
            matches!(ty, "int" | "bool") && !self.ty.is_some_and(|c| "eEfFgG%".contains(c));
        let python = match ty {
            "str" if self.sign == Some(' ') => Some("Space not allowed in string format specifier"),
            "str" if self.sign.is_some() => Some("Sign not allowed in string format specifier"),
            "str" if self.no_neg_zero => {
                Some("Negative zero coercion (z) not allowed in string format specifier")
            }
            "str" if self.alternate => {
                Some("Alternate form (#) not allowed in string format specifier")
            }
            "str" if self.fill_align(false).1 == '=' => {
                Some("'=' alignment not allowed in string format specifier")
            }
            _ if as_int && self.precision.is_some() => {
                Some("Precision not allowed in integer format specifier")
            }
            _ if as_int && self.no_neg_zero => {
                Some("Negative zero coercion (z) not allowed in integer format specifier")
            }
            _ if as_int && self.ty == Some('c') && self.sign.is_some() => {
                Some("Sign not allowed with integer format specifier 'c'")
            }
            _ if as_int && self.ty == Some('c') && self.alternate => {
                Some("Alternate form (#) not allowed with integer format specifier 'c'")
            }
            _ => None,
        };
        if let Some(python) = python {
            return Err(TraceError::new(python));
        }
        if let Some(what) = self.unsupported {
            return Err(TraceError::new(format!(
                "{what} in a format spec is not supported by this tracer"
            )));
        }
        if let Some(c @ ('n' | 'c')) = self.ty {
            return Err(TraceError::new(format!(
                "format type '{c}' is not supported by this tracer (it reads [[fill]align][sign][0][width][,][.precision][type], the types b d o x X e E f F g G s %)"
            )));
        }
        Ok(())
    }
}

/// A type code as Python's errors show it: printable ASCII as it is, any
/// other character as `\x` and its hex code (`'\xe9'`).
fn code(c: char) -> String {
    if ('!'..='~').contains(&c) {
        c.to_string()
    } else {
        format!("\\x{:x}", u32::from(c))
    }
}

/// Python's error for a grouping separator and a type code it cannot go
/// with.
fn cannot_group(separator: char, ty: char) -> TraceError {
    TraceError::new(format!("Cannot specify '{separator}' with '{}'.", code(ty)))
}

/// A width or precision, in any Unicode decimal digits (`'٣'` is 3), as
/// Python reads them.
fn digits(chars: &[char], spec: &str) -> TraceResult<usize> {
    if chars.is_empty() {
        return Ok(0);
    }
    let text: String = chars
        .iter()
        .filter_map(|&c| decimal_value(c))
        .map(|digit| char::from(b'0' + digit))
        .collect();
    text.parse::<usize>()
        .ok()
        .filter(|n| *n <= 1000)
        .ok_or_else(|| invalid(spec, "width or precision too large for this tracer"))
}

fn invalid(spec: &str, why: &str) -> TraceError {
    TraceError::new(format!("invalid format spec '{spec}': {why}"))
}

/// `format(value, spec)`.
pub fn format_value(value: &Value, spec: &str) -> TraceResult<String> {
    // The spec parsed for, and checked against, the value's type.
    let spec_for = |ty: &str| -> TraceResult<Spec> {
        let parsed = Spec::parse(spec, ty)?;
        parsed.check(ty)?;
        Ok(parsed)
    };
    match value {
        // An empty spec is `str(b)`; any other formats the bool as an int.
        Value::Bool(b) if spec.is_empty() => Ok(if *b { "True" } else { "False" }.to_string()),
        Value::Bool(b) => format_int(&spec_for("bool")?, i64::from(*b)),
        Value::Int(i) => format_int(&spec_for("int")?, *i),
        Value::Float(x) => format_float(&spec_for("float")?, *x),
        Value::Str(s) => {
            let parsed = spec_for("str")?;
            let text: String = match parsed.precision {
                Some(p) => s.chars().take(p).collect(),
                None => s.to_string(),
            };
            pad(&parsed, &text, false)
        }
        // `object.__format__`, which refuses any spec before parsing it.
        other if spec.is_empty() => Ok(other.to_py_str()),
        other => Err(TraceError::new(format!(
            "unsupported format string passed to {}.__format__",
            other.type_tag()
        ))),
    }
}

fn format_int(parsed: &Spec, i: i64) -> TraceResult<String> {
    let magnitude = i.unsigned_abs();
    let body = match parsed.ty {
        None | Some('d') => group(&magnitude.to_string(), parsed.grouping),
        Some('b') => format!("{magnitude:b}"),
        Some('o') => format!("{magnitude:o}"),
        Some('x') => format!("{magnitude:x}"),
        Some('X') => format!("{magnitude:X}"),
        // Float presentation types accept ints.
        Some(_) => return format_float(parsed, i as f64),
    };
    pad(parsed, &with_sign(parsed, i < 0, body), true)
}

fn format_float(parsed: &Spec, x: f64) -> TraceResult<String> {
    let precision = parsed.precision.unwrap_or(6);
    let magnitude = x.abs();
    let upper = matches!(parsed.ty, Some('F' | 'E' | 'G'));
    let body = match parsed.ty {
        Some('f' | 'F' | 'e' | 'E' | 'g' | 'G' | '%') | None if !x.is_finite() => {
            let word = if x.is_nan() { "nan" } else { "inf" };
            let word = if upper {
                word.to_uppercase()
            } else {
                word.to_string()
            };
            if parsed.ty == Some('%') {
                format!("{word}%")
            } else {
                word
            }
        }
        None => match parsed.precision {
            Some(p) => general(magnitude, p, false, true, parsed.grouping),
            None => group_float(&Value::Float(magnitude).repr(), parsed.grouping),
        },
        Some('f' | 'F') => group_float(&format!("{magnitude:.precision$}"), parsed.grouping),
        Some('e') => crate::value::python_exponent(&format!("{magnitude:.precision$e}")),
        Some('E') => {
            crate::value::python_exponent(&format!("{magnitude:.precision$e}")).to_uppercase()
        }
        Some('g' | 'G') => general(magnitude, precision, upper, false, parsed.grouping),
        Some('%') => format!(
            "{}%",
            group_float(
                &format!("{:.precision$}", magnitude * 100.0),
                parsed.grouping
            )
        ),
        Some(c) => {
            return Err(TraceError::new(format!(
                "Unknown format code '{}' for object of type 'float'",
                code(c)
            )));
        }
    };
    // `-0.0` keeps its sign, as in Python; a NaN shows none.
    pad(
        parsed,
        &with_sign(parsed, x.is_sign_negative() && !x.is_nan(), body),
        true,
    )
}

/// Python's general format of a finite, non-negative `x` to `p` significant
/// digits (`'g'`; with `no_type`, a spec with a precision and no type, which
/// keeps a digit after the point and turns to an exponent one digit sooner):
/// fixed-point when the exponent `e` after rounding is in `-4..p` (`-4..p-1`),
/// else scientific, trailing zeros removed either way.
fn general(x: f64, p: usize, upper: bool, no_type: bool, grouping: bool) -> String {
    let p = p.max(1);
    let scientific = format!("{x:.*e}", p - 1);
    let (mantissa, exponent) = scientific.split_once('e').unwrap_or((&scientific, "0"));
    let exponent: i64 = exponent.parse().unwrap_or(0);
    let digits = i64::try_from(p).unwrap_or(i64::MAX);
    let limit = if no_type { digits - 1 } else { digits };
    let text = if (-4..limit).contains(&exponent) {
        let decimals = usize::try_from(digits - 1 - exponent).unwrap_or(0);
        let fixed = strip_zeros(&format!("{x:.decimals$}"));
        let fixed = if no_type && !fixed.contains('.') {
            format!("{fixed}.0")
        } else {
            fixed
        };
        group_float(&fixed, grouping)
    } else {
        crate::value::python_exponent(&format!("{}e{exponent}", strip_zeros(mantissa)))
    };
    if upper { text.to_uppercase() } else { text }
}

/// `1.2300` as `1.23`, `2.000` as `2`.
fn strip_zeros(text: &str) -> String {
    if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text.to_string()
    }
}

fn with_sign(parsed: &Spec, negative: bool, body: String) -> String {
    let sign = match (negative, parsed.sign) {
        (true, _) => "-",
        (false, Some('+')) => "+",
        (false, Some(' ')) => " ",
        _ => "",
    };
    // Zeros after the sign are digits of the number: grouped with it. Not
    // those of `inf` and `nan`, which have no digits to group.
    let zeros_are_digits = parsed.fill_align(true) == ('0', '=');
    let body =
        if zeros_are_digits && parsed.grouping && body.starts_with(|c: char| c.is_ascii_digit()) {
            zero_grouped(&body, parsed.width.saturating_sub(sign.len()))
        } else {
            body
        };
    format!("{sign}{body}")
}

/// Zero padding with grouping, as Python writes it: the zeros are digits of
/// the grouped integer part (`format(1234, '010,')` is `00,001,234`), and
/// the padded part never starts with a `,` (`08,` gives `0,001,234`).
fn zero_grouped(body: &str, width: usize) -> String {
    let int_end = body
        .find(|c: char| !c.is_ascii_digit() && c != ',')
        .unwrap_or(body.len());
    let (int_part, rest) = body.split_at(int_end);
    let digits: String = int_part.chars().filter(char::is_ascii_digit).collect();
    let grouped_len = |d: usize| d + d.saturating_sub(1) / 3;
    let target = width.saturating_sub(rest.chars().count());
    let mut count = digits.len();
    while grouped_len(count) < target {
        count += 1;
    }
    let padded = format!("{digits:0>count$}");
    format!("{}{rest}", group(&padded, true))
}

/// Inserts `,` between groups of three digits when `grouping`.
pub fn group(digits: &str, grouping: bool) -> String {
    if !grouping {
        return digits.to_string();
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Groups the digits of the integer part of `text` (`1234.5`, `1e+16`),
/// not those of a fraction or an exponent.
fn group_float(text: &str, grouping: bool) -> String {
    let end = text
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(text.len());
    let (int, rest) = text.split_at(end);
    format!("{}{rest}", group(int, grouping))
}

fn pad(parsed: &Spec, text: &str, numeric: bool) -> TraceResult<String> {
    let len = text.chars().count();
    if len >= parsed.width {
        return Ok(text.to_string());
    }
    let (fill, align) = parsed.fill_align(numeric);
    let n = parsed.width - len;
    let fill_n = |k: usize| fill.to_string().repeat(k);
    Ok(match align {
        '<' => format!("{text}{}", fill_n(n)),
        '^' => format!("{}{text}{}", fill_n(n / 2), fill_n(n - n / 2)),
        '=' if numeric => {
            let split = text
                .char_indices()
                .find(|(_, c)| !matches!(c, '+' | '-' | ' '))
                .map_or(0, |(i, _)| i);
            format!("{}{}{}", &text[..split], fill_n(n), &text[split..])
        }
        '=' => {
            return Err(TraceError::new(
                "'=' alignment not allowed in string format specifier",
            ));
        }
        _ => format!("{}{text}", fill_n(n)),
    })
}
