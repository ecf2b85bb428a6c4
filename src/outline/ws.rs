//! Whitespace trims with an ASCII fast path. Every loader trims nearly every
//! line, and std's trims decode each character to ask Unicode whether it is
//! whitespace; here ASCII bytes are tested directly and only a non-ASCII
//! byte at the edge hands the rest to std, so results are the same.

/// ASCII bytes that `char::is_whitespace` accepts.
#[inline]
fn ascii_ws(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

pub trait Ws {
    fn ws_trim_start(&self) -> &str;
    fn ws_trim_end(&self) -> &str;
    fn ws_trim(&self) -> &str;
}

// Inline: called from every loader, which codegen may place in other
// units than this one.
impl Ws for str {
    #[inline]
    fn ws_trim_start(&self) -> &str {
        let b = self.as_bytes();
        let i = b.iter().take_while(|&&c| ascii_ws(c)).count();
        // Only ASCII was skipped: `i` is a char boundary.
        match b.get(i) {
            Some(&c) if !c.is_ascii() => self[i..].trim_start(),
            _ => &self[i..],
        }
    }

    #[inline]
    fn ws_trim_end(&self) -> &str {
        let b = self.as_bytes();
        let end = b.len() - b.iter().rev().take_while(|&&c| ascii_ws(c)).count();
        match end.checked_sub(1).map(|k| b[k]) {
            Some(c) if !c.is_ascii() => self[..end].trim_end(),
            _ => &self[..end],
        }
    }

    #[inline]
    fn ws_trim(&self) -> &str {
        self.ws_trim_start().ws_trim_end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_as_std() {
        for s in [
            "",
            " ",
            "a",
            "  a b  ",
            "\t\x0b\x0c\r\n x \r",
            "\u{a0}x\u{3000}",
            " \u{2003} é \u{85}",
            "é",
            " \u{200b}x",
        ] {
            assert_eq!(s.ws_trim_start(), s.trim_start(), "{s:?}");
            assert_eq!(s.ws_trim_end(), s.trim_end(), "{s:?}");
            assert_eq!(s.ws_trim(), s.trim(), "{s:?}");
        }
    }
}
