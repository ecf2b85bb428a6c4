//! Runs of blank lines, squeezed before parsing: each line costs each
//! parsing stage a slice or more, and no parser reads more than "a blank
//! line here" from a run, so one blank line a run is enough. A `LineMap`
//! puts what was parsed back on the file's own lines.

use super::hygiene::Decoded;
use super::Block;

/// Where a squeezed text's lines came from in the file.
#[derive(Debug, Default)]
pub struct LineMap {
    /// (first 1-based line of the squeezed text after a drop, lines dropped
    /// before it), in order.
    shifts: Vec<(u32, u32)>,
}

impl LineMap {
    /// The file's line number for line `line` of the squeezed text.
    pub fn original(&self, line: u32) -> u32 {
        match self.shifts.partition_point(|&(from, _)| from <= line) {
            0 => line,
            k => line + self.shifts[k - 1].1,
        }
    }

    /// Puts blocks parsed from the squeezed text back on their file's lines.
    pub fn restore(&self, blocks: &mut [Block]) {
        if !self.shifts.is_empty() {
            blocks.iter_mut().for_each(|b| b.line = self.original(b.line));
        }
    }
}

/// The text with each run of blank lines left as one blank line, and the
/// map back to the file's line numbers. Every parser reads a blank line
/// as "a blank line here", never as how many; but each line costs each
/// stage a slice or more, so 60 M newlines (a 60 MB file) took 3.3 GB to
/// load into nothing. `keep_widths`: the blank lines' whitespace carries
/// structure (`mangled`), so only lines that were empty are dropped, and
/// only after an empty one; their widths are renumbered.
pub fn squeeze_blank_runs(d: Decoded, keep_widths: bool) -> (Decoded, LineMap) {
    let t = d.text.as_bytes();
    // Most files hold no run: they are passed on as they are.
    if !t.starts_with(b"\n") && memchr::memmem::find(t, b"\n\n\n").is_none() {
        return (d, LineMap::default());
    }
    let mut text = String::new();
    let mut widths = Vec::new();
    let mut map = LineMap::default();
    let (mut removed, mut shifted) = (0u32, 0u32);
    let (mut kept, mut prev_blank, mut prev_width) = (0u32, false, 0u32);
    let mut next_width = d.blank_widths.iter().peekable();
    for (i, line) in super::lines::split(&d.text).enumerate() {
        let i = i as u32;
        let width = match next_width.peek() {
            Some(&&(at, w)) if at == i => {
                next_width.next();
                w
            }
            _ => 0,
        };
        let blank = line.is_empty();
        if blank && prev_blank && (!keep_widths || (width == 0 && prev_width == 0)) {
            removed += 1;
            continue;
        }
        if removed != shifted {
            map.shifts.push((kept + 1, removed));
            shifted = removed;
        }
        if kept > 0 {
            text.push('\n');
        }
        text.push_str(line);
        if keep_widths && width > 0 {
            widths.push((kept, width));
        }
        (kept, prev_blank, prev_width) = (kept + 1, blank, width);
    }
    let squeezed = Decoded {
        text,
        warnings: d.warnings,
        blank_widths: widths,
    };
    (squeezed, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The blocks of `text`, and of `text` with `extra` more blank lines
    /// after each empty line, alike, each on its line of the original.
    fn padded_alike(text: &str, extra: &str) {
        let parse = |t: &str| crate::outline::parse_document(t.as_bytes(), "t.txt").unwrap();
        let mut padded = String::new();
        let mut to_padded = vec![0u32];
        for line in text.split('\n') {
            to_padded.push(padded.matches('\n').count() as u32 + 1);
            padded.push_str(line);
            padded.push('\n');
            if line.is_empty() {
                padded.push_str(extra);
            }
        }
        let (a, b) = (parse(text), parse(&padded));
        assert_eq!(a.format, b.format);
        let shape = |d: &crate::outline::Document| -> Vec<String> { block_shapes(&d.blocks) };
        assert_eq!(shape(&a), shape(&b), "{text:?}");
        for (x, y) in a.blocks.iter().zip(&b.blocks) {
            assert_eq!(to_padded[x.line as usize], y.line, "{:?} in {text:?}", x.text);
        }
    }

    fn block_shapes(blocks: &[crate::outline::Block]) -> Vec<String> {
        blocks
            .iter()
            .map(|b| format!("{} {:?} {}", b.depth, b.kind, b.text))
            .collect()
    }

    #[test]
    fn runs_of_blank_lines_read_as_one_and_keep_their_line_numbers() {
        for (_, bytes) in crate::outline::SEEDS {
            let text = std::str::from_utf8(bytes).unwrap();
            padded_alike(text, "\n\n\n");
            // Whitespace-only lines are blank lines too, but in the broken
            // list encoding (one seed) their widths are structure.
            if !super::super::mangled::may_apply(text) {
                padded_alike(text, "   \n\t\n\n");
            }
        }
        padded_alike("# Talk\n\n```\ncode\n\n\nmore\n```\n\n- a\n\n  - b\n", "\n\n");
        padded_alike("\n\nTalk (Ann)\n\n- a\n\nNotes\n\n\n- b\n", "\n\n\n\n");
    }

    /// In the broken list encoding (see `mangled`) the width of a
    /// whitespace-only line is structure: those lines are kept, and only
    /// empty lines after an empty line are dropped.
    #[test]
    fn the_widths_of_whitespace_lines_survive_in_the_broken_list_encoding() {
        let mangled = "- a\n    \n- b\n - c\n        \n- d\n \n \n - b\n\n\n\n- e\n    \n- f\n - g\n - h\n";
        assert!(super::super::mangled::may_apply(mangled));
        padded_alike(mangled, "\n\n");
        let d = crate::outline::hygiene::decode(mangled.as_bytes());
        let (s, map) = squeeze_blank_runs(d, true);
        assert_eq!(s.text.matches('\n').count(), 15, "two of the four empty lines go");
        assert_eq!(s.blank_widths, vec![(1, 4), (4, 8), (6, 1), (7, 1), (11, 4)]);
        assert_eq!(map.original(12), 14);
    }

    #[test]
    fn a_text_without_runs_is_passed_on_untouched() {
        let d = crate::outline::hygiene::decode(b"a\n\nb\n\nc");
        let ptr = d.text.as_ptr();
        let (s, map) = squeeze_blank_runs(d, false);
        assert_eq!((s.text.as_ptr(), map.original(5)), (ptr, 5));
    }
}
