//! Emphasis and its kin: a run of a delimiter character at a word's start,
//! closed by the same run at a word's end (`**b**`, `/i/`, `=v=`). Never
//! inside a word, so `snake_case` and `2*3*4` stay as written; a closer is
//! looked for once per delimiter, however many openers wait for it.

use super::scan::{char_at, char_before, Found, Renderer};
use super::{Out, Style, Syntax};

/// A delimiter pair: its character, how many in a row, the style it gives,
/// and whether its content is taken verbatim (code).
#[derive(Clone, Copy)]
struct Delim {
    c: u8,
    len: usize,
    style: Style,
    verbatim: bool,
}

const fn d(c: u8, len: usize, style: Style, verbatim: bool) -> Delim {
    Delim {
        c,
        len,
        style,
        verbatim,
    }
}

const BI: Style = Style(Style::BOLD.0 | Style::ITALIC.0);
static MD_DELIMS: &[Delim] = &[
    d(b'*', 3, BI, false),
    d(b'*', 2, Style::BOLD, false),
    d(b'*', 1, Style::ITALIC, false),
    d(b'_', 3, BI, false),
    d(b'_', 2, Style::BOLD, false),
    d(b'_', 1, Style::ITALIC, false),
    d(b'~', 2, Style::STRIKE, false),
];
static ORG_DELIMS: &[Delim] = &[
    d(b'*', 1, Style::BOLD, false),
    d(b'/', 1, Style::ITALIC, false),
    d(b'_', 1, Style::UNDERLINE, false),
    d(b'+', 1, Style::STRIKE, false),
    d(b'=', 1, Style::CODE, true),
    d(b'~', 1, Style::CODE, true),
];
static ADOC_DELIMS: &[Delim] = &[
    d(b'*', 2, Style::BOLD, false),
    d(b'*', 1, Style::BOLD, false),
    d(b'_', 2, Style::ITALIC, false),
    d(b'_', 1, Style::ITALIC, false),
    d(b'`', 1, Style::CODE, true),
];
static RST_DELIMS: &[Delim] = &[
    d(b'*', 2, Style::BOLD, false),
    d(b'*', 1, Style::ITALIC, false),
    d(b'`', 2, Style::CODE, true),
];

/// Before an opening delimiter: the start, a space or punctuation (never a
/// letter or digit: `snake_case`, `2*3`).
pub(super) fn opens_after(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || (c.is_ascii_punctuation() && c != '\\') || is_dash_or_quote(c))
}

/// After a closing delimiter: the end, a space or punctuation.
fn closes_before(c: Option<char>) -> bool {
    c.is_none_or(|c| c.is_whitespace() || c.is_ascii_punctuation() || is_dash_or_quote(c))
}

fn is_dash_or_quote(c: char) -> bool {
    matches!(c, '–' | '—' | '“' | '”' | '‘' | '’' | '«' | '»')
}

impl Renderer<'_> {
    /// The first run of exactly `key.1` × `key.0` (any run for 0) at or after `from` that
    /// `valid` accepts as a closer (called with the run's start and end).
    /// Searches are remembered per delimiter, so each byte is looked at a
    /// bounded number of times whatever the text.
    pub(super) fn find_closer(
        &mut self,
        from: usize,
        key: (u8, usize),
        valid: impl Fn(&Self, usize) -> bool,
    ) -> Option<usize> {
        if let Some((_, f)) = self.closers.iter().find(|(k, _)| *k == key) {
            if f.from <= from && f.at.is_none_or(|at| from <= at) {
                return f.at;
            }
        }
        let (c, n) = key;
        let mut at = None;
        let mut j = from;
        while let Some(k) = memchr::memchr(c, &self.b[j..]) {
            let s = j + k;
            let len = self.run_len(s, c);
            if (n == 0 || len == n) && valid(self, s) {
                at = Some(s);
                break;
            }
            j = s + len;
        }
        let found = Found { from, at };
        match self.closers.iter_mut().find(|(k, _)| *k == key) {
            Some((_, f)) => *f = found,
            None => self.closers.push((key, found)),
        }
        at
    }

    /// Emphasis and the like: a delimiter run at a word's start, closed by
    /// the same run at a word's end.
    pub(super) fn delimited(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        let delims = match self.syntax {
            Syntax::Markdown => MD_DELIMS,
            Syntax::Org => ORG_DELIMS,
            Syntax::Rst => RST_DELIMS,
            Syntax::Asciidoc => ADOC_DELIMS,
            Syntax::Plain => return None,
        };
        let c = self.b[i];
        if i > 0 && self.b[i - 1] == c {
            return None;
        }
        let n = self.run_len(i, c);
        let delim = *delims.iter().find(|x| x.c == c && x.len == n)?;
        if !opens_after(char_before(self.src, i)) || char_at(self.src, i + n).is_none_or(char::is_whitespace) {
            return None;
        }
        let close = self.find_closer(i + n, (c, n), move |r, s| {
            !char_before(r.src, s).is_none_or(char::is_whitespace) && closes_before(char_at(r.src, s + n))
        })?;
        if close + n > end {
            return None;
        }
        let body = &self.src[i + n..close];
        let code_around = self.b.get(close + n).is_some_and(|c| b".([".contains(c)) || (i > 0 && self.b[i - 1] == b'.');
        if !body_allowed(delim, body, code_around) {
            return None;
        }
        self.flush(out, i, style, link);
        if delim.verbatim {
            out.push(body, style.with(delim.style), link);
        } else {
            self.nested(out, (i + n, close), style.with(delim.style), link)?;
        }
        Some(close + n)
    }
}

/// Shapes that look delimited but are not prose: a name between dunders
/// touching code (`__init__.py`, `x.__dict__`, `__init__()`; a lone
/// `__word__` is bold, as CommonMark reads it), and a path (`/usr/bin/`).
fn body_allowed(delim: Delim, body: &str, code_around: bool) -> bool {
    let identifier = body.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_');
    let dunder = delim.c == b'_' && delim.len == 2 && identifier && code_around;
    let path = delim.c == b'/' && body.contains('/');
    !dunder && !path
}
