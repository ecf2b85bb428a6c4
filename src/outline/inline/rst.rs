//! rst's backquoted forms: `` `text <target>`_ `` and `` `text`_ ``
//! references, `` `interpreted text` ``, and `:role:`text`` roles.

use super::delims::opens_after;
use super::scan::{char_at, char_before, Renderer};
use super::{Out, Style, NO_LINK};

impl Renderer<'_> {
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
}
