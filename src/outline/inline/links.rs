//! Links in each syntax, and the backquoted forms of rst: the text a reader
//! sees stays, the target is kept for "open link", the brackets go.
//! Markdown `[t](u)` and `![alt](u)`, org `[[u][t]]` and `[[u]]`, rst
//! `` `t <u>`_ ``, `` `t`_ ``, `` `interpreted` `` and `:role:`text``, and
//! bare URLs everywhere.

use super::scan::Renderer;
use super::{Out, Style, NO_LINK, SELF_LINK};

/// Matching `[]` and `()` pairs of a text, found in one stack pass the first
/// time a link may start (a text full of brackets costs one pass, not one
/// per bracket).
pub(crate) struct Pairs {
    square: Vec<(usize, usize)>,
    round: Vec<(usize, usize)>,
}

impl Pairs {
    fn new(b: &[u8]) -> Pairs {
        let (mut square, mut round) = (Vec::new(), Vec::new());
        let (mut open_sq, mut open_rd) = (Vec::new(), Vec::new());
        for (i, &c) in b.iter().enumerate() {
            match c {
                b'[' => open_sq.push(i),
                b'(' => open_rd.push(i),
                b']' => square.extend(open_sq.pop().map(|o| (o, i))),
                b')' => round.extend(open_rd.pop().map(|o| (o, i))),
                _ => {}
            }
        }
        square.sort_unstable();
        round.sort_unstable();
        Pairs { square, round }
    }

    fn close(list: &[(usize, usize)], open: usize) -> Option<usize> {
        list.binary_search_by_key(&open, |p| p.0).ok().map(|k| list[k].1)
    }
}

/// A bare URL around the `:` at `colon`: (start, end). Its scheme may not
/// reach back before `min_start` (text already written out) and its end
/// drops the punctuation that closes a sentence or a bracket around it.
/// AsciiDoc's URLs end at the `[` of their link text.
pub(super) fn bare_url(
    src: &str,
    colon: usize,
    min_start: usize,
    end: usize,
    to_bracket: bool,
) -> Option<(usize, usize)> {
    let b = src.as_bytes();
    let mut s = colon;
    while s > min_start && (b[s - 1].is_ascii_alphanumeric() || matches!(b[s - 1], b'+' | b'.' | b'-')) {
        s -= 1;
    }
    while s < colon && !b[s].is_ascii_alphabetic() {
        s += 1;
    }
    let scheme = &src[s..colon];
    if !(2..=12).contains(&scheme.len()) || (s > 0 && b[s - 1].is_ascii_alphanumeric()) {
        return None;
    }
    let after = &b[colon + 1..end];
    let slashes = after.starts_with(b"//") && after.get(2).is_some_and(|c| !c.is_ascii_whitespace());
    let mailto = scheme.eq_ignore_ascii_case("mailto") && after.first().is_some_and(|c| !c.is_ascii_whitespace());
    if !slashes && !mailto {
        return None;
    }
    let mut e = colon + 1;
    let stops = |c: u8| matches!(c, b'<' | b'>' | b'"' | b'`') || c.is_ascii_whitespace() || (to_bracket && c == b'[');
    while e < end && !stops(b[e]) {
        e += 1;
    }
    loop {
        let url = &src[s..e];
        let last = b[e - 1];
        let unbalanced = |open: char, close: char| url.matches(close).count() > url.matches(open).count();
        if matches!(
            last,
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'*' | b'_' | b'~'
        ) || (last == b')' && unbalanced('(', ')'))
            || (last == b']' && unbalanced('[', ']'))
        {
            e -= 1;
        } else {
            break;
        }
    }
    let bracket = to_bracket && b.get(e) == Some(&b'[');
    (e > colon + 3 || (mailto && e > colon + 1) || bracket && e > colon + 1).then_some((s, e))
}

impl Renderer<'_> {
    /// Markdown `[text](target "title")`, and `![alt](src)` (its alt text).
    pub(super) fn md_link(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        // `!` is no trigger of its own: an image is found at its `[`, with
        // the `!` before it not yet written out.
        let open = i;
        let image = i > self.copied && self.b[i - 1] == b'!';
        let i = i - usize::from(image);
        let pairs = self.brackets.get_or_insert_with(|| Pairs::new(self.b));
        let close = Pairs::close(&pairs.square, open)?;
        if self.b.get(close + 1) != Some(&b'(') {
            return None;
        }
        let paren = Pairs::close(&pairs.round, close + 1)?;
        if paren >= end {
            return None;
        }
        let dest = self.src[close + 2..paren].split_whitespace().next().unwrap_or("");
        let dest = dest.strip_prefix('<').and_then(|d| d.strip_suffix('>')).unwrap_or(dest);
        self.flush(out, i, style, link);
        if close == open + 1 && (image || dest.is_empty()) {
            // An image without alt text, or a link to nowhere: no words.
            out.dropped();
            return Some(paren + 1);
        }
        let id = match (link, dest.is_empty()) {
            (NO_LINK, false) => out.link(dest),
            _ => link,
        };
        if close == open + 1 {
            out.push(dest, style.with(Style::LINK), id);
        } else {
            self.nested(out, (open + 1, close), style.with(Style::LINK), id)?;
        }
        Some(paren + 1)
    }

    /// org `[[target][description]]` and `[[target]]`.
    pub(super) fn org_link(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        if self.b.get(i + 1) != Some(&b'[') {
            return None;
        }
        let p = self.next_of("]", i + 2)?;
        if p == i + 2 || p + 1 >= end {
            return None;
        }
        let target = &self.src[i + 2..p];
        match self.b[p + 1] {
            b']' => {
                self.flush(out, i, style, link);
                let id = if link == NO_LINK { SELF_LINK } else { link };
                out.push(target, style.with(Style::LINK), id);
                Some(p + 2)
            }
            b'[' => {
                let q = self.next_of("]]", p + 2)?;
                if q + 2 > end || q == p + 2 {
                    return None;
                }
                self.flush(out, i, style, link);
                let id = if link == NO_LINK { out.link(target) } else { link };
                self.nested(out, (p + 2, q), style.with(Style::LINK), id)?;
                Some(q + 2)
            }
            _ => None,
        }
    }
}
