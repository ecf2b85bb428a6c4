//! One walk over a plain-text file's lines, read by both the test for an
//! indented outline and the plain-text parser: each used to trim every
//! line and test it for a decoration and a list marker on its own.

use super::lines::{indent_of, is_decoration, list_marker};
use super::ws::Ws;

/// A line with text on it that is not a decoration.
pub struct Scanned<'a> {
    pub no: u32,
    pub indent: usize,
    /// The line without its leading whitespace.
    pub t: &'a str,
    /// Where an item's text starts in `t`, when a list marker opens it.
    pub marker: Option<usize>,
    /// A blank line since the previous scanned line.
    pub blank_before: bool,
    /// The previous scanned line is directly above: no blank line and no
    /// decoration between.
    pub tight: bool,
}

pub fn scan<'a>(lines: &[(u32, &'a str)]) -> Vec<Scanned<'a>> {
    let mut out = Vec::with_capacity(lines.len());
    let (mut blank, mut tight) = (false, false);
    for &(no, line) in lines {
        let t = line.ws_trim_start();
        if t.is_empty() {
            blank = true;
            tight = false;
            continue;
        }
        if is_decoration(t) {
            tight = false;
            continue;
        }
        out.push(Scanned {
            no,
            indent: indent_of(line),
            t,
            marker: list_marker(t),
            blank_before: blank,
            tight,
        });
        blank = false;
        tight = true;
    }
    out
}
