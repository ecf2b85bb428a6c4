//! Small writing helpers shared by the format writers.

use std::io::{self, Write};

const SPACES: &[u8; 64] = &[b' '; 64];

/// Writes `n` spaces of indentation.
pub fn pad(w: &mut impl Write, mut n: usize) -> io::Result<()> {
    while n > 0 {
        let k = n.min(SPACES.len());
        w.write_all(&SPACES[..k])?;
        n -= k;
    }
    Ok(())
}

/// Writes `text` as lines of at most `width` columns (hard-wrapped the way an
/// email client or a narrow editor leaves prose), each indented by `indent`.
/// `width` 0 means one long line.
pub fn wrapped(w: &mut impl Write, text: &str, width: usize, indent: usize) -> io::Result<()> {
    let mut col = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        if col > 0 && width > 0 && col + 1 + len > width {
            w.write_all(b"\n")?;
            col = 0;
        }
        if col == 0 {
            pad(w, indent)?;
            col = indent;
        } else {
            w.write_all(b" ")?;
            col += 1;
        }
        w.write_all(word.as_bytes())?;
        col += len;
    }
    w.write_all(b"\n")
}
