//! Links in each syntax, and the backquoted forms of rst: the text a reader
//! sees stays, the target is kept for "open link", the brackets go.
//! Markdown `[t](u)` and `![alt](u)`, org `[[u][t]]` and `[[u]]`, rst
//! `` `t <u>`_ ``, `` `t`_ ``, `` `interpreted` `` and `:role:`text``, and
//! bare URLs everywhere.

use super::scan::{char_at, char_before, opens_after, Renderer};
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
        let image = self.b[i] == b'!';
        let open = i + usize::from(image);
        if self.b.get(open) != Some(&b'[') {
            return None;
        }
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

    /// The closing backquote of rst interpreted text opened at `i`.
    fn rst_close(&mut self, i: usize, end: usize) -> Option<usize> {
        if !opens_after(char_before(self.src, i)) || char_at(self.src, i + 1).is_none_or(char::is_whitespace) {
            return None;
        }
        let close = self.find_closer(i + 1, (b'`', 1), |r, s| {
            !char_before(r.src, s).is_none_or(char::is_whitespace)
        })?;
        (close < end).then_some(close)
    }

    /// rst `` `text <target>`_ `` (and `__`), `` `text`_ ``, and
    /// `` `interpreted text` `` (italic, as its default role shows it).
    pub(super) fn rst_backquote(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        if (i > 0 && self.b[i - 1] == b'`') || self.run_len(i, b'`') != 1 {
            return None;
        }
        let close = self.rst_close(i, end)?;
        let body = &self.src[i + 1..close];
        let refs = self.b[close + 1..end]
            .iter()
            .take(2)
            .take_while(|&&c| c == b'_')
            .count();
        self.flush(out, i, style, link);
        if refs == 0 {
            self.nested(out, (i + 1, close), style.with(Style::ITALIC), link)?;
            return Some(close + 1);
        }
        let (text_end, target) = match body.strip_suffix('>').and_then(|b| b.rfind('<').map(|k| (k, b))) {
            Some((k, b)) => (b[..k].trim_end().len(), Some(&b[k + 1..])),
            None => (body.len(), None),
        };
        let id = match target {
            Some(t) if link == NO_LINK && !t.is_empty() => out.link(t),
            _ => link,
        };
        if text_end == 0 {
            out.push(target.unwrap_or(""), style.with(Style::LINK), id);
        } else {
            self.nested(out, (i + 1, i + 1 + text_end), style.with(Style::LINK), id)?;
        }
        Some(close + 1 + refs)
    }

    /// rst `:role:`text``: code for Sphinx's many code roles, emphasis and
    /// strong for theirs, the title of a `:ref:`title <target>``.
    pub(super) fn rst_role(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        if !opens_after(char_before(self.src, i)) {
            return None;
        }
        let name_len = self.b[i + 1..end]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b'+' | b':'))
            .count();
        // The name may hold colons (`py:func`): it ends at the last one
        // before the backquote.
        let tick = i + 1 + name_len;
        if name_len < 2 || self.b.get(tick) != Some(&b'`') || self.b[tick - 1] != b':' {
            return None;
        }
        let name = &self.src[i + 1..tick - 1];
        let close = self.rst_close(tick, end)?;
        let body = &self.src[tick + 1..close];
        let shown = match body.strip_suffix('>').and_then(|b| b.rfind(" <")) {
            Some(k) => &body[..k],
            None => body,
        };
        let role_style = match name.rsplit(':').next().unwrap_or(name) {
            "emphasis" => Style::ITALIC,
            "strong" => Style::BOLD,
            "ref" | "doc" | "term" | "numref" | "any" | "download" | "pep" | "rfc" => Style::LINK,
            "sub" | "sup" | "subscript" | "superscript" | "title" | "t" | "abbr" => Style::PLAIN,
            _ => Style::CODE,
        };
        self.flush(out, i, style, link);
        out.push(shown.trim_start_matches('~'), style.with(role_style), link);
        Some(close + 1)
    }

    /// AsciiDoc `link:target[text]`, `mailto:address[text]` and
    /// `xref:id[text]` at the `:` after the macro's name.
    pub(super) fn adoc_macro(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        let name = ["link", "xref", "mailto"]
            .into_iter()
            .find(|n| self.src[..i].ends_with(n))?;
        let start = i - name.len();
        if start < self.copied || char_before(self.src, start).is_some_and(char::is_alphanumeric) {
            return None;
        }
        let open = i
            + 1
            + self.b[i + 1..end]
                .iter()
                .position(|&c| c == b'[' || c.is_ascii_whitespace())?;
        if self.b[open] != b'[' || open == i + 1 {
            return None;
        }
        self.flush(out, start, style, link);
        let target = if name == "link" { i + 1 } else { start };
        self.adoc_text(out, (target, open), open, end, style, link)
    }

    /// The `[text]` after an AsciiDoc link's target (`target` as a byte
    /// range): the text as a link to it, or the target itself when empty.
    pub(super) fn adoc_text(
        &mut self,
        out: &mut Out<'_, '_>,
        (t0, t1): (usize, usize),
        open: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        let close = self.next_of("]", open + 1).filter(|&c| c < end)?;
        let xref = self.src[t0..t1].starts_with("xref:");
        let target = &self.src[t0..t1];
        let id = match link {
            NO_LINK if !xref => out.link(target),
            _ => link,
        };
        // Text after a comma is the macro's attributes, not words.
        let text_end = self.src[open + 1..close].find(',').map_or(close, |k| open + 1 + k);
        if text_end == open + 1 {
            let shown = target.strip_prefix("xref:").unwrap_or(target);
            out.push(shown, style.with(Style::LINK), id);
        } else {
            self.nested(out, (open + 1, text_end), style.with(Style::LINK), id)?;
        }
        Some(close + 1)
    }

    /// AsciiDoc `<<id,text>>` and `<<id>>`: the text (or the id).
    pub(super) fn adoc_xref(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        if !self.src[i..end].starts_with("<<") {
            return None;
        }
        let close = self.next_of(">>", i + 2).filter(|&c| c < end && c > i + 2)?;
        let inner = &self.src[i + 2..close];
        if inner.contains(char::is_whitespace) && !inner.contains(',') {
            return None;
        }
        self.flush(out, i, style, link);
        let shown = inner.split_once(',').map_or(inner, |(_, t)| t.trim());
        out.push(shown, style.with(Style::LINK), link);
        Some(close + 2)
    }
}
