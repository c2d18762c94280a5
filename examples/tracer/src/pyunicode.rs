//! What Python reads as digits and white space in a string given to `int()`
//! or `float()`: any Unicode decimal digit (`'١٢'`, `'１２'`), not only
//! ASCII's, and Unicode's white space around the number.

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
}
