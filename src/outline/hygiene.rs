//! Text hygiene: bytes from any file become clean lines, once, at load.
//!
//! After this pass no control character, escape sequence or bidi override is
//! left (each becomes a visible placeholder), tabs are expanded, NBSP is a
//! space, line ends are `\n`, and trailing spaces are gone. Nothing after
//! this module needs to distrust the text again.

use super::ws::Ws;

/// Tab stops used when expanding tabs (indentation is measured after this).
pub const TAB_WIDTH: usize = 4;

/// Placeholder for characters with no control picture (C1, bidi controls).
pub const PLACEHOLDER: char = '\u{FFFD}';
/// Placeholder for an escape sequence, which is swallowed whole.
pub const ESC_PLACEHOLDER: char = '\u{241B}';

pub struct Decoded {
    pub text: String,
    pub warnings: Vec<String>,
    /// (0-based line, width) of lines that held only whitespace before
    /// cleaning: one broken list encoding carries depth in them.
    pub blank_widths: Vec<(u32, u32)>,
}

impl Decoded {
    /// Width of the whitespace a blank line held (0 for a truly empty line).
    pub fn blank_width(&self, line: usize) -> usize {
        self.blank_widths
            .binary_search_by_key(&(line as u32), |&(l, _)| l)
            .map(|k| self.blank_widths[k].1 as usize)
            .unwrap_or(0)
    }
}

/// True if the first 8 KiB hold a NUL byte and no UTF-16 byte-order mark.
pub fn looks_binary(bytes: &[u8]) -> bool {
    if utf16_bom(bytes).is_some() {
        return false;
    }
    bytes[..bytes.len().min(8192)].contains(&0)
}

fn utf16_bom(bytes: &[u8]) -> Option<bool> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(false),
        [0xFE, 0xFF, ..] => Some(true),
        _ => None,
    }
}

/// Decodes (UTF-8, or UTF-16 with a BOM; invalid bytes replaced with a
/// warning) and cleans every line.
pub fn decode(bytes: &[u8]) -> Decoded {
    decode_owned(bytes.to_vec())
}

/// `decode` taking the bytes: valid UTF-8 that needs no cleaning (most
/// notes) becomes the text as it is, without a copy (a byte-order mark is
/// shifted out).
pub fn decode_owned(mut bytes: Vec<u8>) -> Decoded {
    let mut warnings = Vec::new();
    let raw: String = if let Some(big_endian) = utf16_bom(&bytes) {
        let units = bytes[2..].chunks(2).map(|c| {
            let pair = [c[0], *c.get(1).unwrap_or(&0)];
            if big_endian {
                u16::from_be_bytes(pair)
            } else {
                u16::from_le_bytes(pair)
            }
        });
        let s: String = char::decode_utf16(units)
            .map(|r| r.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect();
        if s.contains(char::REPLACEMENT_CHARACTER) {
            warnings.push("invalid UTF-16 was replaced with \u{FFFD}".to_string());
        }
        s
    } else {
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        String::from_utf8(bytes).unwrap_or_else(|e| {
            warnings.push("invalid UTF-8 was replaced with \u{FFFD}".to_string());
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        })
    };
    if already_clean(&raw) {
        return Decoded {
            text: raw,
            warnings,
            blank_widths: Vec::new(),
        };
    }
    let mut text = String::with_capacity(raw.len() + raw.len() / 16);
    let mut blank_widths = Vec::new();
    // Without a carriage return, lines end at '\n' alone, found with memchr
    // instead of a test per byte.
    let lines: Box<dyn Iterator<Item = &str>> = if memchr::memchr(b'\r', raw.as_bytes()).is_some() {
        Box::new(split_lines(&raw))
    } else {
        Box::new(super::lines::split(&raw))
    };
    for (i, line) in lines.enumerate() {
        if i > 0 {
            text.push('\n');
        }
        let before = text.len();
        clean_line_into(line, &mut text);
        if text.len() == before && !line.is_empty() {
            blank_widths.push((i as u32, whitespace_width(line) as u32));
        }
    }
    Decoded {
        text,
        warnings,
        blank_widths,
    }
}

/// Whether cleaning would leave `text` as it is: `\n` the only line end,
/// no character `clean_line_into` changes, and no line ending in
/// whitespace. Most files are; they skip the line-by-line copy.
fn already_clean(text: &str) -> bool {
    !needs_cleaning(text) && super::lines::split(text).all(|line| !line.ends_with(char::is_whitespace))
}

/// Whether `text` holds a character `clean_line_into` replaces or drops
/// (a line break aside). Scanned in blocks: a block with no byte that can
/// start one (compares only, so the loop vectorizes) is passed over, and
/// only blocks with one are looked at byte by byte.
fn needs_cleaning(text: &str) -> bool {
    const BLOCK: usize = 32;
    let b = text.as_bytes();
    b.chunks(BLOCK).enumerate().any(|(k, block)| {
        let suspect = block.iter().fold(false, |hit, &x| {
            hit | (x < 0x20 && x != b'\n') | (x == 0x7F) | (x == 0xC2) | (x == 0xD8) | (x == 0xE2) | (x == 0xEF)
        });
        suspect && (0..block.len()).any(|j| changed_at(b, k * BLOCK + j))
    })
}

/// Whether the character starting at byte `i` is one `clean_line_into`
/// changes: a control (C0, DEL, C1), a space it normalises (NBSP, U+2007,
/// U+202F, line and paragraph separators), a bidi control, or U+FEFF.
fn changed_at(b: &[u8], i: usize) -> bool {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        b'\n' => false,
        0x00..=0x1F | 0x7F => true,
        0xC2 => at(1) <= 0xA0,
        0xD8 => at(1) == 0x9C,
        0xE2 => matches!(
            (at(1), at(2)),
            (0x80, 0x87 | 0x8E | 0x8F | 0xA8..=0xAF) | (0x81, 0xA6..=0xA9)
        ),
        0xEF => (at(1), at(2)) == (0xBB, 0xBF),
        _ => false,
    }
}

fn whitespace_width(line: &str) -> usize {
    line.chars().fold(0, |col, c| {
        if c == '\t' {
            col + TAB_WIDTH - col % TAB_WIDTH
        } else {
            col + 1
        }
    })
}

/// Splits on `\n`, `\r\n` and lone `\r`.
pub fn split_lines(s: &str) -> impl Iterator<Item = &str> {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut i = 0;
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        while i < bytes.len() {
            let b = bytes[i];
            if b == b'\n' || b == b'\r' {
                let line = &s[start..i];
                i += if b == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                start = i;
                return Some(line);
            }
            i += 1;
        }
        done = true;
        Some(&s[start..])
    })
}

/// Cleans one line of a file (tabs expanded by column) and appends it.
pub fn clean_line_into(line: &str, out: &mut String) {
    let start = out.len();
    // Most lines hold nothing to replace.
    if !needs_cleaning(line) {
        out.push_str(line.ws_trim_end());
        return;
    }
    let mut col = 0usize;
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\t' => {
                let n = TAB_WIDTH - col % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
                continue;
            }
            '\u{1B}' => {
                swallow_escape(&mut chars);
                out.push(ESC_PLACEHOLDER);
            }
            '\u{A0}' | '\u{2007}' | '\u{202F}' | '\u{2028}' | '\u{2029}' | '\u{85}' => out.push(' '),
            '\u{FEFF}' => continue,
            _ => out.push(replacement(c).unwrap_or(c)),
        }
        col += 1;
    }
    let trimmed = out[start..].ws_trim_end().len();
    out.truncate(start + trimmed);
}

/// Cleans text that is not a file line (an OPML attribute, say): any line
/// break or tab becomes a single space.
pub fn clean_inline(s: &str) -> String {
    // Most values (OPML labels) hold no break or tab: they skip the copy.
    let joined: std::borrow::Cow<str> = if memchr::memchr3(b'\n', b'\r', b'\t', s.as_bytes()).is_some() {
        s.replace(['\n', '\r', '\t'], " ").into()
    } else {
        s.into()
    };
    let mut out = String::with_capacity(joined.len());
    clean_line_into(joined.ws_trim(), &mut out);
    out
}

/// The visible stand-in for a character that must never reach a terminal
/// (display text outside the files uses the same ones: see `clean`).
pub(crate) fn replacement(c: char) -> Option<char> {
    match c {
        '\0'..='\u{1F}' => char::from_u32(0x2400 + c as u32),
        '\u{7F}' => Some('\u{2421}'),
        '\u{80}'..='\u{9F}' => Some(PLACEHOLDER),
        // Bidi embeddings, overrides and isolates, and the marks that steer them.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}' => Some(PLACEHOLDER),
        _ => None,
    }
}

/// After ESC: drops a CSI (`[` params final) or OSC/DCS/APC/PM/SOS string
/// (up to BEL or ST), or the single character of a two-byte escape.
fn swallow_escape(chars: &mut std::iter::Peekable<std::str::Chars<'_>>) {
    match chars.peek().copied() {
        Some('[') => {
            chars.next();
            for c in chars.by_ref() {
                if ('\u{40}'..='\u{7E}').contains(&c) {
                    break;
                }
            }
        }
        Some(']' | 'P' | '_' | '^' | 'X') => {
            chars.next();
            while let Some(c) = chars.next() {
                if c == '\u{7}' || c == '\u{9C}' {
                    break;
                }
                if c == '\u{1B}' && chars.peek() == Some(&'\\') {
                    chars.next();
                    break;
                }
            }
        }
        Some(c) if ('\u{20}'..='\u{7E}').contains(&c) => {
            chars.next();
        }
        _ => {}
    }
}

/// True if `c` must never be written to a terminal as-is.
pub fn is_unsafe_char(c: char) -> bool {
    c.is_control() || replacement(c).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clean(s: &str) -> String {
        decode(s.as_bytes()).text
    }

    #[test]
    fn line_ends_of_every_kind_are_newlines() {
        assert_eq!(clean("a\r\nb\rc\nd"), "a\nb\nc\nd");
        assert_eq!(split_lines("a\r\n\rb").count(), 3);
    }

    #[test]
    fn bom_is_stripped_and_trailing_spaces_dropped() {
        assert_eq!(clean("\u{FEFF}title  \n  x\t"), "title\n  x");
    }

    #[test]
    fn clean_files_pass_unchanged_and_one_dirty_line_is_enough_to_clean() {
        let tidy = "Talk — “naïve” µs ✓\n- a bullet\n\n  - nested 日本語 ‘x’\n";
        assert!(already_clean(tidy));
        assert_eq!(clean(tidy), tidy);
        for dirty in [
            " trailing \nx",
            "x\nlast\u{3000}",
            "a\u{A0}b",
            "a\tb",
            "a\r\nb",
            "  \nx",
            "— \u{202E}evil",
            "x\u{2069}",
            "\u{85}",
            "\u{FEFF}x",
            "\u{61C}",
            "\u{2007}",
        ] {
            assert!(!already_clean(dirty), "{dirty:?}");
            let lines: Vec<String> = split_lines(dirty)
                .map(|l| {
                    let mut out = String::new();
                    clean_line_into(l, &mut out);
                    out
                })
                .collect();
            assert_eq!(clean(dirty), lines.join("\n"), "{dirty:?}");
        }
    }

    #[test]
    fn tabs_expand_to_the_next_stop() {
        assert_eq!(clean("\t-\tx"), "    -   x");
        assert_eq!(clean("ab\tc"), "ab  c");
    }

    #[test]
    fn escape_sequences_become_one_placeholder() {
        let s = clean("red \u{1B}[31mtext\u{1B}[0m, title \u{1B}]0;pwned\u{7}, clip \u{1B}]52;c;aGk=\u{1B}\\ end");
        assert_eq!(s, "red ␛text␛, title ␛, clip ␛ end");
    }

    #[test]
    fn controls_c1_del_and_bidi_are_replaced() {
        let s = clean("a\u{7}b\u{7F}c\u{9B}d\u{202E}e\u{2067}f\u{A0}g");
        assert_eq!(s, "a␇b␡c\u{FFFD}d\u{FFFD}e\u{FFFD}f g");
        assert!(!s.chars().any(is_unsafe_char));
    }

    #[test]
    fn invalid_utf8_is_decoded_with_a_warning() {
        let d = decode(b"ok \xFF\xFE bad");
        assert!(d.text.starts_with("ok "));
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "hé\nyo".encode_utf16() {
            bytes.extend(u.to_le_bytes());
        }
        assert!(!looks_binary(&bytes));
        assert_eq!(decode(&bytes).text, "hé\nyo");
    }

    #[test]
    fn nul_bytes_mean_binary() {
        assert!(looks_binary(b"abc\0def"));
        assert!(!looks_binary(b"abc"));
    }
}
