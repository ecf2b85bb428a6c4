//! Copying to the system clipboard, the pure parts: the text made safe to
//! hand over, the OSC 52 sequence that carries it through the terminal (over
//! SSH too), the size it may have, and the words the status line says. The
//! terminal layer writes the sequence; an external command is run by
//! `launch`. Nothing here touches a terminal or a process.

use crate::outline::Clean;

/// Where copies go, from the config's `clipboard.via`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Clipboard {
    /// The terminal's clipboard, through an OSC 52 sequence.
    Osc52,
    /// A program run without a shell, the text on its standard input.
    Command(Vec<String>),
}

impl Clipboard {
    /// `"osc52"`, or a command line split at blanks (`xclip -selection
    /// clipboard`): no shell reads it, so no quoting either.
    pub fn parse(s: &str) -> Result<Clipboard, String> {
        let words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
        match words.as_slice() {
            [] => Err("clipboard.via must be \"osc52\" or a command like \"wl-copy\"".into()),
            [one] if one.eq_ignore_ascii_case("osc52") => Ok(Clipboard::Osc52),
            _ => Ok(Clipboard::Command(words)),
        }
    }
}

/// The most base64 an OSC 52 sequence carries here. Terminals cap what they
/// accept (hterm and some others at about 100 kB; tmux passes on what it
/// gets, within its own buffer limits); past the cap many drop the copy
/// silently. A copy over it is refused with words instead, never cut short.
pub const OSC52_MAX_PAYLOAD: usize = 100_000;

/// The most text that fits in `OSC52_MAX_PAYLOAD` once encoded.
pub const OSC52_MAX_TEXT: usize = OSC52_MAX_PAYLOAD / 4 * 3;

/// Text made safe to paste anywhere: every control character (C0 but line
/// breaks, DEL, C1, ESC) and bidi control becomes its visible stand-in, as
/// on screen. Outline text was cleaned at load; this holds whatever the
/// copy was built from.
pub fn sanitize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (k, line) in text.split('\n').enumerate() {
        if k > 0 {
            out.push('\n');
        }
        out.push_str(&Clean::new(line));
    }
    out
}

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64 with padding (RFC 4648 section 4).
pub fn base64(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The OSC 52 sequence that puts `text` (sanitised first) on the clipboard:
/// `ESC ] 52 ; c ; BASE64 ESC \`. Only the base64 alphabet lies between the
/// fixed ends, so nothing from the text can act on the terminal. `Err`
/// carries the encoded size when it is over `OSC52_MAX_PAYLOAD`.
pub fn osc52(text: &str) -> Result<String, usize> {
    let payload = base64(sanitize(text).as_bytes());
    if payload.len() > OSC52_MAX_PAYLOAD {
        return Err(payload.len());
    }
    Ok(format!("\x1b]52;c;{payload}\x1b\\"))
}

/// "23 lines, 1.2 kB": how much a copy holds.
pub fn amount(text: &str) -> String {
    let lines = text.lines().count();
    let lines = if lines == 1 {
        "1 line".to_string()
    } else {
        format!("{lines} lines")
    };
    format!("{lines}, {}", size(text.len()))
}

/// Bytes as people read them: "512 B", "1.2 kB", "3.4 MB" (powers of 1000).
pub fn size(bytes: usize) -> String {
    match bytes {
        n if n < 1000 => format!("{n} B"),
        n if n < 1_000_000 => format!("{:.1} kB", n as f64 / 1e3),
        n => format!("{:.1} MB", n as f64 / 1e6),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_the_rfc_vectors() {
        let cases = [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in cases {
            assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
        }
        assert_eq!(base64(&[0xff, 0xfe, 0x00]), "//4A");
    }

    #[test]
    fn the_osc52_sequence_is_exact() {
        assert_eq!(osc52("hi\nthere").unwrap(), "\x1b]52;c;aGkKdGhlcmU=\x1b\\");
    }

    #[test]
    fn hostile_text_reaches_the_clipboard_inert_and_the_terminal_as_base64() {
        // ESC sequences, BEL, a C1 CSI and an OSC 52 of its own in a note.
        let hostile = "a\x1b]52;c;ZXZpbA==\x07b\u{9b}31mc\x1b[2Jd\u{202e}e\r\x7f";
        let seq = osc52(hostile).unwrap();
        let body = seq.strip_prefix("\x1b]52;c;").unwrap().strip_suffix("\x1b\\").unwrap();
        assert!(
            body.bytes().all(|b| b.is_ascii_alphanumeric() || b"+/=".contains(&b)),
            "{body}"
        );
        // One ESC opens, one ends: none came from the note.
        assert_eq!(seq.matches('\x1b').count(), 2);
        let pasted = sanitize(hostile);
        assert!(
            !pasted.chars().any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "{pasted:?}"
        );
        // What the sequence carries is exactly the sanitised text.
        assert_eq!(body, base64(pasted.as_bytes()));
        assert!(pasted.contains("␛]52;c;ZXZpbA==␇b"), "{pasted:?}");
    }

    #[test]
    fn a_copy_too_big_for_osc52_is_refused_not_cut() {
        assert!(osc52(&"x".repeat(OSC52_MAX_TEXT)).is_ok());
        let over = osc52(&"x".repeat(OSC52_MAX_TEXT + 1)).unwrap_err();
        assert!(over > OSC52_MAX_PAYLOAD);
    }

    #[test]
    fn amounts_read_as_words() {
        assert_eq!(amount("one"), "1 line, 3 B");
        assert_eq!(amount(&"abcdefghi\n".repeat(120)), "120 lines, 1.2 kB");
        assert_eq!(size(3_400_000), "3.4 MB");
    }

    #[test]
    fn the_config_names_osc52_or_a_command() {
        assert_eq!(Clipboard::parse("osc52"), Ok(Clipboard::Osc52));
        assert_eq!(Clipboard::parse(" OSC52 "), Ok(Clipboard::Osc52));
        assert_eq!(
            Clipboard::parse("xclip -selection clipboard"),
            Ok(Clipboard::Command(vec![
                "xclip".into(),
                "-selection".into(),
                "clipboard".into()
            ]))
        );
        assert!(Clipboard::parse("  ").is_err());
    }
}
