//! AsciiDoc's link macros: `link:u[t]`, `mailto:a[t]`, `xref:id[t]`, a
//! URL's `[text]`, and `<<id,text>>` cross references.

use super::scan::{char_before, Renderer};
use super::{Out, Style, NO_LINK};

impl Renderer<'_> {
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
