//! The text of the files that hits came from, read again for their columns
//! (the outline keeps each node's text and line, not the line as written).
//! Each document with a printed hit is read once, in parallel; a file that
//! has gone or changed since it loaded only makes its columns fall back to
//! the line's start (see `column`).

use crate::outline::{fs, Clean, Outline, SEEDS, STDIN_SOURCE};
use crate::search::Hit;
use rayon::prelude::*;
use std::borrow::Cow;
use std::path::Path;

/// One document's text, split into lines as the loader numbered them.
pub struct Source {
    text: String,
    /// Byte offset where each line starts.
    starts: Vec<usize>,
}

impl Source {
    pub fn new(bytes: &[u8]) -> Source {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        // UTF-16 (the loader reads it by its byte-order mark) is not worth
        // a second decoder here: its columns fall back to the line's start.
        let text = String::from_utf8_lossy(bytes).into_owned();
        let mut starts = vec![0];
        let b = text.as_bytes();
        // Line ends as hygiene reads them: \n, \r\n, or a lone \r.
        let mut i = 0;
        while let Some(k) = memchr::memchr2(b'\n', b'\r', &b[i..]) {
            let at = i + k;
            i = at
                + if b[at] == b'\r' && b.get(at + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
            starts.push(i);
        }
        Source { text, starts }
    }

    /// Lines `from..from + n` (1-based), as many of them as the text holds,
    /// without their line ends.
    pub fn lines(&self, from: u32, n: usize) -> Vec<&str> {
        let first = (from as usize).saturating_sub(1);
        (first..self.starts.len().min(first.saturating_add(n)))
            .map(|i| {
                let end = self.starts.get(i + 1).copied().unwrap_or(self.text.len());
                self.text[self.starts[i]..end].trim_end_matches(['\n', '\r'])
            })
            .collect()
    }
}

/// The sources of every document that holds one of `hits`, by document
/// index; `stdin` is what standard input held, if it was read.
pub fn read(o: &Outline, hits: &[Hit], stdin: Option<&[u8]>) -> Vec<Option<Source>> {
    let mut wanted = vec![false; o.docs().len()];
    for h in hits {
        wanted[o.doc_index(h.node as usize)] = true;
    }
    o.docs()
        .par_iter()
        .zip(wanted)
        .map(|(info, wanted)| {
            wanted
                .then(|| bytes_of(&info.key, stdin))
                .flatten()
                .map(|b| Source::new(&b))
        })
        .collect()
}

/// A document's bytes by its key: a path, a bundled seed, or stdin.
fn bytes_of<'a>(key: &str, stdin: Option<&'a [u8]>) -> Option<Cow<'a, [u8]>> {
    if key == STDIN_SOURCE {
        return stdin.map(Cow::Borrowed);
    }
    if let Some(name) = key.strip_prefix("bundled:") {
        return SEEDS.iter().find(|(n, _)| *n == name).map(|(_, b)| Cow::Borrowed(*b));
    }
    fs::read_file(Path::new(key), &Clean::new(key)).ok().map(Cow::Owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_are_numbered_as_the_loader_numbers_them() {
        let s = Source::new(b"\xEF\xBB\xBFone\r\ntwo\rthree\n\nfive");
        assert_eq!(s.lines(1, 9), ["one", "two", "three", "", "five"]);
        assert_eq!(s.lines(3, 2), ["three", ""]);
        assert!(s.lines(9, 2).is_empty());
        assert!(s.lines(0, 1) == ["one"]);
    }
}
