//! What web pages and static-site generators leave in notes: HTML tags
//! (embeds dropped with their content, `<b>` and the like kept as styles,
//! `<a href>` as a link, other known tags stripped), comments, entities,
//! autolinks in angle brackets, Hugo/Jekyll shortcodes and Liquid tags.
//! Only known element names count: `Vec<String>` and `<stdin>` stay text.

use super::entities::{decode_entities, entity};
use super::scan::Renderer;
use super::{Out, Style, NO_LINK, SELF_LINK};
use crate::outline::hygiene::clean_inline;

/// Elements whose content is not words to read.
const EMBEDS: &[&str] = &[
    "iframe", "script", "style", "object", "video", "audio", "canvas", "noscript", "template", "svg",
];

/// Elements that break a line: they leave a space.
const BLOCKS: &[&str] = &[
    "br",
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "figure",
    "figcaption",
    "details",
    "summary",
    "pre",
    "center",
    "address",
    "body",
    "html",
    "form",
    "fieldset",
    "caption",
    "embed",
    "img",
    "picture",
    "source",
    "track",
    "input",
    "button",
    "label",
];

/// Inline elements stripped without a trace.
const INLINE: &[&str] = &[
    "span", "font", "small", "big", "mark", "abbr", "sub", "sup", "time", "data", "bdi", "bdo", "wbr", "q", "a", "b",
    "strong", "i", "em", "cite", "dfn", "var", "code", "kbd", "samp", "tt", "s", "del", "strike", "u", "ins",
];

fn styled(name: &str) -> Option<Style> {
    Some(match name {
        "b" | "strong" => Style::BOLD,
        "i" | "em" | "cite" | "dfn" | "var" => Style::ITALIC,
        "code" | "kbd" | "samp" | "tt" => Style::CODE,
        "s" | "del" | "strike" => Style::STRIKE,
        "u" | "ins" => Style::UNDERLINE,
        "a" => Style::LINK,
        _ => return None,
    })
}

/// A tag read at the start of `s`.
struct Tag<'a> {
    name: &'static str,
    closing: bool,
    len: usize,
    href: Option<&'a str>,
}

/// A tag is at most this long; longer is not a tag.
const MAX_TAG: usize = 1024;
/// How far the closing tag of `<b>` or `<iframe>` is looked for.
const MAX_ELEMENT: usize = 8192;

fn tag(s: &str) -> Option<Tag<'_>> {
    let b = s.as_bytes();
    let closing = b.get(1) == Some(&b'/');
    let at = 1 + usize::from(closing);
    let name_len = b[at..].iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    let raw = &s[at..at + name_len];
    let name = *EMBEDS
        .iter()
        .chain(BLOCKS)
        .chain(INLINE)
        .find(|n| n.eq_ignore_ascii_case(raw))?;
    let rest = &b[at + name_len..];
    if !rest
        .first()
        .is_some_and(|&c| c == b'>' || c == b'/' || c.is_ascii_whitespace())
    {
        return None;
    }
    let mut quote = None;
    let mut gt = None;
    for (k, &c) in rest.iter().enumerate().take(MAX_TAG) {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(c),
            (None, b'<') => return None,
            (None, b'>') => {
                gt = Some(at + name_len + k);
                break;
            }
            _ => {}
        }
    }
    let gt = gt?;
    let attrs = &s[at + name_len..gt];
    Some(Tag {
        name,
        closing,
        len: gt + 1,
        href: (name == "a").then(|| attr(attrs, "href")).flatten(),
    })
}

/// The value of attribute `key` in a tag's attribute text.
fn attr<'a>(attrs: &'a str, key: &str) -> Option<&'a str> {
    let lower = attrs.to_ascii_lowercase();
    let k = lower.find(&format!("{key}="))? + key.len() + 1;
    let v = &attrs[k..];
    let (open, body) = match v.as_bytes().first() {
        Some(&q @ (b'"' | b'\'')) => (q, &v[1..]),
        _ => (b' ', v),
    };
    let stop = body
        .bytes()
        .position(|c| c == open || (open == b' ' && c == b'>'))
        .unwrap_or(body.len());
    Some(body[..stop].trim()).filter(|v| !v.is_empty())
}

/// Where `</name` starts in `s`, any case, within `MAX_ELEMENT` bytes.
fn closing_tag(s: &str, name: &str) -> Option<usize> {
    let b = &s.as_bytes()[..s.len().min(MAX_ELEMENT)];
    memchr::memchr_iter(b'<', b).find(|&k| {
        b.get(k + 1) == Some(&b'/')
            && b.get(k + 2..k + 2 + name.len())
                .is_some_and(|n| n.eq_ignore_ascii_case(name.as_bytes()))
            && b.get(k + 2 + name.len())
                .is_none_or(|&c| c == b'>' || c.is_ascii_whitespace())
    })
}

/// Hugo shortcodes and Liquid: the opening, and what closes it.
const TEMPLATES: &[(&str, &str)] = &[("{{<", ">}}"), ("{{%", "%}}"), ("{%", "%}"), ("{{", "}}")];

impl Renderer<'_> {
    /// `<!-- comment -->`, `<https://autolink>`, or an HTML tag.
    pub(super) fn angle(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        let rest = &self.src[i..end];
        if rest.starts_with("<!--") {
            let close = self.next_of("-->", i + 4)?;
            if close + 3 > end {
                return None;
            }
            self.flush(out, i, style, link);
            out.dropped();
            return Some(close + 3);
        }
        if let Some(next) = self.autolink(out, i, end, style, link) {
            return Some(next);
        }
        let t = tag(rest)?;
        self.flush(out, i, style, link);
        let after = i + t.len;
        if !t.closing && EMBEDS.contains(&t.name) && !rest[..t.len].ends_with("/>") {
            let close = closing_tag(&self.src[after..end], t.name).map(|k| after + k);
            out.dropped();
            let Some(close) = close else { return Some(after) };
            return Some(tag(&self.src[close..end]).map_or(close, |c| close + c.len));
        }
        if !t.closing {
            if let (Some(s), Some(close)) = (styled(t.name), closing_tag(&self.src[after..end], t.name)) {
                let close = after + close;
                let id = match t.href {
                    Some(h) if link == NO_LINK => out.link(&clean_inline(&decode_entities(h))),
                    _ => link,
                };
                self.nested(out, (after, close), style.with(s), id)?;
                return Some(tag(&self.src[close..end]).map_or(close, |c| close + c.len));
            }
        }
        if BLOCKS.contains(&t.name) {
            out.space();
        } else {
            out.dropped();
        }
        Some(after)
    }

    /// `<https://x.org>` and `<name@example.org>`: the address, as a link.
    fn autolink(&mut self, out: &mut Out<'_, '_>, i: usize, end: usize, style: Style, link: u32) -> Option<usize> {
        let inner_len = self.b[i + 1..end]
            .iter()
            .take(2048)
            .position(|&c| c == b'>' || c == b'<' || c.is_ascii_whitespace())?;
        let close = i + 1 + inner_len;
        if self.b[close] != b'>' {
            return None;
        }
        let inner = &self.src[i + 1..close];
        let url = inner.contains("://") && inner.starts_with(|c: char| c.is_ascii_alphabetic());
        let email = !url && inner.contains('@') && inner.contains('.') && !inner.starts_with('@');
        if !url && !email {
            return None;
        }
        self.flush(out, i, style, link);
        let id = match (link, email) {
            (NO_LINK, true) => out.link(&format!("mailto:{inner}")),
            (NO_LINK, false) => SELF_LINK,
            _ => link,
        };
        out.push(inner, style.with(Style::LINK), id);
        Some(close + 1)
    }

    /// `&amp;`, `&#8217;`, `&#x2014;`: the character, made safe to show.
    pub(super) fn entity(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        let (c, len) = entity(&self.src[i..end])?;
        self.flush(out, i, style, link);
        // A decoded control character gets the placeholder raw ones get.
        let mut buf = [0u8; 4];
        let shown = clean_inline(c.encode_utf8(&mut buf));
        out.push(if shown.is_empty() { " " } else { &shown }, style, link);
        Some(i + len)
    }

    /// `{{< shortcode >}}`, `{{% shortcode %}}`, `{% liquid %}`, `{{ var }}`:
    /// dropped whole.
    pub(super) fn template(
        &mut self,
        out: &mut Out<'_, '_>,
        i: usize,
        end: usize,
        style: Style,
        link: u32,
    ) -> Option<usize> {
        let rest = &self.src[i..end];
        let &(open, close) = TEMPLATES.iter().find(|(o, _)| rest.starts_with(o))?;
        let at = self.next_of(close, i + open.len())?;
        if at + close.len() > end || self.src[i + open.len()..at].trim().is_empty() {
            return None;
        }
        self.flush(out, i, style, link);
        out.dropped();
        Some(at + close.len())
    }
}
