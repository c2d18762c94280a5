//! What Python reads as digits and white space in a string given to `int()`
//! or `float()`: any Unicode decimal digit (`'١٢'`, `'１２'`), not only
//! ASCII's, and Unicode's white space around the number; and `str.upper()`
//! and `str.lower()` by Python 3.11's Unicode (14.0), not Rust's newer one.

/// The digit zero of each run of Unicode decimal digits (general category
/// `Nd`), in Python 3.11's Unicode (14.0): each run is the ten digits 0 to
/// 9 in order, from its zero. Listed by
/// `[c for c in range(0x110000) if unicodedata.decimal(chr(c), -1) == 0]`;
/// `tests::runs_are_ten_digits` checks what Rust's own tables can.
const DECIMAL_ZEROS: [u32; 66] = [
    0x0030, 0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6,
    0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80,
    0x1A90, 0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0,
    0xFF10, 0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0,
    0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0,
    0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// The value of `c` as a Unicode decimal digit (`'٣'`: 3), as Python's
/// `unicodedata.decimal`; `None` for any other character.
pub fn decimal_value(c: char) -> Option<u8> {
    let code = u32::from(c);
    // The last zero at or below `c`: `c` is a digit if within nine of it.
    let run = DECIMAL_ZEROS.partition_point(|&zero| zero <= code);
    let zero = DECIMAL_ZEROS[run.checked_sub(1)?];
    u8::try_from(code - zero).ok().filter(|&value| value <= 9)
}

/// The text of a number as Python's `int()` and `float()` read it, in
/// ASCII: each non-ASCII decimal digit becomes its ASCII digit, each
/// non-ASCII white space a space, and the white space around it (ASCII's:
/// space, `\t`, `\n`, `\v`, `\f`, `\r`) is trimmed; `None` when it holds any
/// other non-ASCII character, which no number can. ASCII characters stay as
/// they are: `'\x1c5'` is no number for Python, though `'\x1c'.isspace()`.
pub fn number_text(text: &str) -> Option<String> {
    let mut ascii = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_ascii() {
            ascii.push(c);
        } else if c.is_whitespace() {
            // Rust's `White_Space` beyond ASCII is Python's `isspace()`
            // there (`tests::white_space_beyond_ascii_is_pythons`).
            ascii.push(' ');
        } else {
            ascii.push(char::from(b'0' + decimal_value(c)?));
        }
    }
    let trimmed = ascii.trim_matches([' ', '\t', '\n', '\x0b', '\x0c', '\r']);
    Some(trimmed.to_string())
}

/// Four lowercase letters of Python 3.11's Unicode (14.0) that later
/// versions, Rust's (17.0 in Rust 1.95), gave an uppercase: Python leaves
/// them as they are.
const LETTERS_WITHOUT_UPPER_IN_PYTHON: [char; 4] = ['\u{19B}', '\u{264}', '\u{A7D3}', '\u{A7D5}'];

/// Characters unassigned in Python 3.11's Unicode (14.0) that Rust's (17.0
/// in Rust 1.95) maps to another case (upper or lower), or counts as cased
/// or case-ignorable beside a capital sigma that `lower` maps: Python
/// leaves them as they are, and beside a sigma they are neither cased nor
/// case-ignorable to it, as a space. With the four letters above and
/// `CHANGED_BESIDE_SIGMA`, these are every character where `python3` 3.11
/// (`unicodedata.unidata_version` 14.0.0) and Rust 1.95 differ, over every
/// code point `c`: in `c.upper()`, `c.lower()`, or in how `'cΣ'`, `'AcΣ'`,
/// `'AΣc'` and `'AΣcA'` lower, which tells whether each takes `c` for
/// cased, case-ignorable or neither.
const UNASSIGNED_IN_PYTHON: [(u32, u32); 50] = [
    (0x0897, 0x0897),
    (0x0ECE, 0x0ECE),
    (0x1ACF, 0x1ADD),
    (0x1AE0, 0x1AEB),
    (0x1C89, 0x1C8A),
    (0xA7CB, 0xA7CF),
    (0xA7D2, 0xA7D2),
    (0xA7D4, 0xA7D4),
    (0xA7DA, 0xA7DC),
    (0xA7F1, 0xA7F1),
    (0x10D4E, 0x10D4E),
    (0x10D50, 0x10D65),
    (0x10D69, 0x10D6D),
    (0x10D6F, 0x10D85),
    (0x10EC5, 0x10EC5),
    (0x10EFA, 0x10EFF),
    (0x11241, 0x11241),
    (0x113BB, 0x113C0),
    (0x113CE, 0x113CE),
    (0x113D0, 0x113D0),
    (0x113D2, 0x113D2),
    (0x113E1, 0x113E2),
    (0x11B60, 0x11B60),
    (0x11B62, 0x11B64),
    (0x11B66, 0x11B66),
    (0x11DD9, 0x11DD9),
    (0x11F00, 0x11F01),
    (0x11F36, 0x11F3A),
    (0x11F40, 0x11F40),
    (0x11F42, 0x11F42),
    (0x11F5A, 0x11F5A),
    (0x13439, 0x13440),
    (0x13447, 0x13455),
    (0x1611E, 0x16129),
    (0x1612D, 0x1612F),
    (0x16D40, 0x16D42),
    (0x16D6B, 0x16D6C),
    (0x16EA0, 0x16EB8),
    (0x16EBB, 0x16ED3),
    (0x16FF2, 0x16FF3),
    (0x1DF25, 0x1DF2A),
    (0x1E030, 0x1E06D),
    (0x1E08F, 0x1E08F),
    (0x1E4EB, 0x1E4EF),
    (0x1E5EE, 0x1E5EF),
    (0x1E6E3, 0x1E6E3),
    (0x1E6E6, 0x1E6E6),
    (0x1E6EE, 0x1E6EF),
    (0x1E6F5, 0x1E6F5),
    (0x1E6FF, 0x1E6FF),
];

fn unassigned_in_python(c: char) -> bool {
    let code = u32::from(c);
    UNASSIGNED_IN_PYTHON
        .iter()
        .any(|&(low, high)| (low..=high).contains(&code))
}

/// Two characters of Unicode 14.0 that Rust 1.95 counts as neither cased
/// nor case-ignorable beside a sigma, each with a character Rust counts as
/// Python 3.11 counts it: U+0295 `'ʕ'` is cased to Python (as `'a'`), and
/// U+1171E AHOM CONSONANT SIGN MEDIAL RA case-ignorable (as `'\''`). Neither
/// has another case, in Python or Rust.
const CHANGED_BESIDE_SIGMA: [(char, char); 2] = [('\u{295}', 'a'), ('\u{1171E}', '\'')];

/// The character that Rust's `to_lowercase` takes for cased,
/// case-ignorable or neither beside a sigma as Python 3.11 takes `c`, where
/// the two differ; `None` where they agree.
fn sigma_stand_in(c: char) -> Option<char> {
    if unassigned_in_python(c) {
        return Some(' ');
    }
    CHANGED_BESIDE_SIGMA
        .iter()
        .find(|&&(changed, _)| changed == c)
        .map(|&(_, stand_in)| stand_in)
}

/// Python 3.11's `str.upper()`: Rust's full case mapping (`'ß'` is `'SS'`),
/// but the characters Python 3.11 has no uppercase for stay as they are.
pub fn upper(text: &str) -> String {
    let mut upper = String::with_capacity(text.len());
    for c in text.chars() {
        if LETTERS_WITHOUT_UPPER_IN_PYTHON.contains(&c) || unassigned_in_python(c) {
            upper.push(c);
        } else {
            upper.extend(c.to_uppercase());
        }
    }
    upper
}

/// Python 3.11's `str.lower()`: Rust's, whose final sigma (`'ΑΣ'` is
/// `'ας'`, a word's last capital sigma) needs the whole string, but the
/// characters Python 3.11 does not know stay as they are, and every
/// character counts beside a sigma as Python 3.11 counts it (cased,
/// case-ignorable or neither: Unicode 14.0's `Cased` and `Case_Ignorable`).
/// So Rust lowercases the text with each character it would count
/// otherwise replaced by its stand-in; each character of `text` is then
/// the same number of characters of that, a capital sigma one.
pub fn lower(text: &str) -> String {
    if !text.chars().any(|c| sigma_stand_in(c).is_some()) {
        return text.to_lowercase();
    }
    let masked: String = text
        .chars()
        .map(|c| sigma_stand_in(c).unwrap_or(c))
        .collect();
    let lowered = masked.to_lowercase();
    let mut rust = lowered.chars();
    let mut lower = String::with_capacity(text.len());
    for c in text.chars() {
        if sigma_stand_in(c).is_some() {
            // Python lowers none of them: each stays, for its stand-in.
            rust.next();
            lower.push(c);
        } else {
            let count = if c == 'Σ' {
                1
            } else {
                c.to_lowercase().count()
            };
            lower.extend(rust.by_ref().take(count));
        }
    }
    lower
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_are_ten_digits() {
        // Sorted, so that the search finds the run; each run numeric to
        // Rust too, and no two runs overlapping.
        for pair in DECIMAL_ZEROS.windows(2) {
            assert!(pair[0] + 10 <= pair[1], "{:#x} {:#x}", pair[0], pair[1]);
        }
        for zero in DECIMAL_ZEROS {
            for value in 0..10 {
                let c = char::from_u32(zero + value).unwrap();
                assert!(c.is_numeric(), "{c:?}");
                assert_eq!(decimal_value(c), Some(value as u8), "{c:?}");
            }
        }
    }

    #[test]
    fn white_space_beyond_ascii_is_pythons() {
        // `[hex(c) for c in range(128, 0x110000) if chr(c).isspace()]` in
        // Python 3.11.
        let python = [
            0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007,
            0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
        ];
        let rust: Vec<u32> = (128..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| c.is_whitespace())
            .map(u32::from)
            .collect();
        assert_eq!(rust, python);
    }

    #[test]
    fn digits_and_spaces_become_ascii() {
        assert_eq!(number_text(" ١٢ ").as_deref(), Some("12"));
        assert_eq!(number_text("１e３").as_deref(), Some("1e3"));
        assert_eq!(number_text("\u{3000}-５\u{85}").as_deref(), Some("-5"));
        assert_eq!(number_text("\x0b7\x0c").as_deref(), Some("7"));
        // Numeric, but no decimal digit: Python reads none of these.
        assert_eq!(number_text("½"), None);
        assert_eq!(number_text("²"), None);
        assert_eq!(number_text("Ⅻ"), None);
        assert_eq!(number_text("٫5"), None);
        // ASCII stays, for the parser to refuse.
        assert_eq!(number_text("\x1c5").as_deref(), Some("\x1c5"));
        assert_eq!(decimal_value('/'), None);
        assert_eq!(decimal_value(':'), None);
        assert_eq!(decimal_value('\0'), None);
    }

    /// Python 3.11's answers (`python3`): beside a capital sigma, a
    /// character newer than Unicode 14.0 is neither cased nor
    /// case-ignorable, on either side, though Rust 1.95's tables take it
    /// for one; U+0295 is cased and U+1171E case-ignorable, as in 14.0,
    /// though Rust's take them for neither.
    #[test]
    fn final_sigma_is_decided_by_python_3_11s_cased_and_case_ignorable() {
        let python = [
            // Cased to Rust: after a sigma, and before one.
            ("ΑΣ\u{1df25}", "ας\u{1df25}"),
            ("\u{1df25}Σ", "\u{1df25}σ"),
            ("ΑΣ\u{1c89}", "ας\u{1c89}"),
            // Case-ignorable to Rust: before a sigma, and after one.
            ("Α\u{1e030}Σ", "α\u{1e030}σ"),
            ("Α\u{1acf}Σ", "α\u{1acf}σ"),
            ("ΑΣ\u{1e030}Β", "ας\u{1e030}β"),
            ("ΑΣ\u{897}Α", "ας\u{897}α"),
            // Neither to Rust.
            ("\u{295}Σ", "\u{295}ς"),
            ("ΑΣ\u{295}", "ασ\u{295}"),
            ("Α\u{1171e}Σ", "α\u{1171e}ς"),
            ("ΑΣ\u{1171e}Β", "ασ\u{1171e}β"),
            // Where both agree: a combining acute accent is case-ignorable.
            ("Α\u{301}Σ", "α\u{301}ς"),
            ("ΑΣ\u{301}Β", "ασ\u{301}β"),
        ];
        for (text, python) in python {
            assert_eq!(lower(text), python, "{text:?}");
        }
    }

    /// Python 3.11's answers (`python3`): the characters where Rust's
    /// newer Unicode maps and Python's does not, beside ones both map.
    #[test]
    fn upper_and_lower_are_python_3_11s() {
        assert_eq!(
            upper("\u{19b}\u{264}\u{a7d3}\u{a7d5}"),
            "\u{19b}\u{264}\u{a7d3}\u{a7d5}"
        );
        assert_eq!(
            upper("\u{1c8a}\u{a7cd}\u{10d70}\u{10d85}\u{16ebb}\u{16ed3}"),
            "\u{1c8a}\u{a7cd}\u{10d70}\u{10d85}\u{16ebb}\u{16ed3}"
        );
        assert_eq!(
            lower("\u{a7dc}\u{a7cb}\u{1c89}\u{10d50}\u{10d65}\u{16ea0}\u{16eb8}"),
            "\u{a7dc}\u{a7cb}\u{1c89}\u{10d50}\u{10d65}\u{16ea0}\u{16eb8}"
        );
        // What both map: full case mapping, final sigma, the neighbours of
        // the listed characters.
        assert_eq!(
            upper("straße ǆ ŉ \u{19a}\u{a7d1}"),
            "STRASSE Ǆ ʼN \u{23d}\u{a7d0}"
        );
        assert_eq!(
            lower("ΑΣ ΑΣΑ İ \u{a7dc}Σ \u{a7d0}\u{23d}"),
            "ας ασα i\u{307} \u{a7dc}σ \u{a7d1}\u{19a}"
        );
        // Beside a sigma, a character Python 3.11 does not know is not cased.
        assert_eq!(lower("ΑΣ\u{a7cb}"), "ας\u{a7cb}");
        assert_eq!(lower("\u{10d50}Σ\u{16ea0}"), "\u{10d50}σ\u{16ea0}");
        assert_eq!(upper("abc"), "ABC");
        assert_eq!(lower("ABC"), "abc");
        // Python leaves every listed character as it is.
        for &(low, high) in &UNASSIGNED_IN_PYTHON {
            for code in low..=high {
                let c = char::from_u32(code).unwrap().to_string();
                assert_eq!(upper(&c), c, "{code:#x}");
                assert_eq!(lower(&c), c, "{code:#x}");
            }
        }
    }
}
