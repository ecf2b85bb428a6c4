//! OPML from outliner apps: nested `<outline text=..>` elements, `_note` kept
//! as a paragraph, entities decoded. The scanner is deliberately forgiving:
//! unknown, empty, unclosed or stray elements are skipped, never fatal.

use super::hygiene::clean_inline;
use super::model::{Block, Kind};
use super::ws::Ws;
use super::Parsed;
use std::borrow::Cow;

enum Tag<'a> {
    Start { name: &'a str, attrs: &'a str, empty: bool },
    End(&'a str),
}

/// Decodes the five named entities and numeric references (most text
/// holds none, and is handed back as it is).
pub fn decode_entities(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'&', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let Some(semi) = rest.as_bytes().iter().take(12).position(|&b| b == b';') else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let ch = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "nbsp" => Some(' '),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The raw values of an `<outline>`'s attributes that matter, each the
/// first of its name.
#[derive(Default)]
struct OutlineAttrs<'a> {
    text: Option<&'a str>,
    title: Option<&'a str>,
    note: Option<&'a str>,
}

/// Reads a tag's attribute text once for all three names: a lookup per
/// name walked the same attributes again each time.
fn outline_attrs(attrs: &str) -> OutlineAttrs<'_> {
    let mut found = OutlineAttrs::default();
    let mut rest = attrs;
    loop {
        rest = rest.ws_trim_start();
        let Some(eq) = rest.find('=') else { return found };
        let name = rest[..eq].ws_trim();
        let after = rest[eq + 1..].ws_trim_start();
        let Some(quote) = after.chars().next() else {
            return found;
        };
        let (value, next) = if quote == '"' || quote == '\'' {
            let body = &after[1..];
            let close = body.find(quote).unwrap_or(body.len());
            (&body[..close], body.get(close + 1..).unwrap_or(""))
        } else {
            let end = after.find(char::is_whitespace).unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        let slot = match name {
            "text" => &mut found.text,
            "title" => &mut found.title,
            "_note" => &mut found.note,
            _ => {
                rest = next;
                continue;
            }
        };
        slot.get_or_insert(value);
        rest = next;
    }
}

/// Splits `text` into tags, skipping comments, declarations and CDATA.
/// Calls `f(tag, byte offset)` for each.
fn scan_tags<'a>(text: &'a str, mut f: impl FnMut(Tag<'a>, usize)) {
    let mut pos = 0;
    while let Some(off) = text[pos..].find('<') {
        let at = pos + off;
        let rest = &text[at..];
        let skip_to = |end: &str| rest.find(end).map_or(text.len(), |e| at + e + end.len());
        if rest.starts_with("<!--") {
            pos = skip_to("-->");
        } else if rest.starts_with("<![CDATA[") {
            pos = skip_to("]]>");
        } else if rest.starts_with("<?") {
            pos = skip_to("?>");
        } else if rest.starts_with("<!") {
            pos = skip_to(">");
        } else {
            let Some(close) = tag_end(rest) else { break };
            let inner = &rest[1..close];
            pos = at + close + 1;
            if let Some(name) = inner.strip_prefix('/') {
                f(Tag::End(name.ws_trim()), at);
            } else {
                let empty = inner.ends_with('/');
                let inner = inner.trim_end_matches('/');
                let name_end = inner.find(char::is_whitespace).unwrap_or(inner.len());
                f(
                    Tag::Start {
                        name: &inner[..name_end],
                        attrs: &inner[name_end..],
                        empty,
                    },
                    at,
                );
            }
        }
    }
}

/// The `>` closing a tag, ignoring any inside quoted attribute values.
fn tag_end(s: &str) -> Option<usize> {
    // The three bytes looked for are ASCII: a byte search stops where a
    // walk by characters would, and jumps over everything between.
    let b = s.as_bytes();
    let mut i = s.chars().next()?.len_utf8();
    loop {
        let j = i + memchr::memchr3(b'"', b'\'', b'>', &b[i..])?;
        if b[j] == b'>' {
            return Some(j);
        }
        i = j + 1 + memchr::memchr(b[j], &b[j + 1..])? + 1;
    }
}

pub fn parse(text: &str) -> Parsed {
    let mut blocks: Vec<Block> = Vec::new();
    // Open <outline> elements: index of their block, or None for a skipped
    // one; `kept` holds just the Some entries (the parents of new outlines).
    let mut open: Vec<Option<usize>> = Vec::new();
    let mut kept: Vec<usize> = Vec::new();
    let mut title: Option<String> = None;
    let mut title_start: Option<usize> = None;
    let mut line = 1u32;
    let mut counted = 0usize;
    scan_tags(text, |tag, at| {
        line += memchr::memchr_iter(b'\n', &text.as_bytes()[counted..at]).count() as u32;
        counted = at;
        match tag {
            Tag::Start { name, attrs, empty } if name.eq_ignore_ascii_case("outline") => {
                let found = outline_attrs(attrs);
                let raw = found.text.or(found.title).unwrap_or("");
                let label = clean_inline(&decode_entities(raw));
                let note = found
                    .note
                    .map(|n| clean_inline(&decode_entities(n)))
                    .filter(|n| !n.is_empty());
                let depth = kept.len() as u32;
                let keep = !label.is_empty() || note.is_some() || !empty;
                let idx = keep.then(|| {
                    if let Some(&p) = kept.last() {
                        blocks[p].kind = Kind::Heading;
                    }
                    let own = blocks.len();
                    blocks.push(Block::new(depth, Kind::Bullet, label, line));
                    if let Some(n) = note {
                        blocks.push(Block::new(depth + 1, Kind::Paragraph, n, line));
                    }
                    own
                });
                if !empty {
                    open.push(idx);
                    kept.extend(idx);
                }
            }
            Tag::End(name) if name.eq_ignore_ascii_case("outline") => {
                if let Some(Some(_)) = open.pop() {
                    kept.pop();
                }
            }
            Tag::Start { name, empty: false, .. } if name.eq_ignore_ascii_case("title") => {
                title_start = Some(at);
            }
            Tag::End(name) if name.eq_ignore_ascii_case("title") => {
                if let Some(s) = title_start.take() {
                    let inner = &text[s..at];
                    let inner = inner.find('>').map_or("", |g| &inner[g + 1..]);
                    let t = clean_inline(&decode_entities(inner));
                    if !t.is_empty() && title.is_none() {
                        title = Some(t);
                    }
                }
            }
            _ => {}
        }
    });
    // An outline that kept only an empty label and no children says nothing.
    let mut keep = vec![true; blocks.len()];
    for i in 0..blocks.len() {
        let leaf = blocks.get(i + 1).is_none_or(|n| n.depth <= blocks[i].depth);
        if blocks[i].text.is_empty() && leaf {
            keep[i] = false;
        }
    }
    let mut k = keep.into_iter();
    blocks.retain(|_| k.next().unwrap_or(true));
    Parsed { title, blocks }
}

/// Content that looks like OPML: an `<opml` element near the start.
pub fn looks_like(text: &str) -> bool {
    let mut cut = text.len().min(4096);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    head.ws_trim_start().starts_with('<') && head.to_ascii_lowercase().contains("<opml")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(src: &str) -> Vec<String> {
        crate::outline::block_lines(&parse(src).blocks)
    }

    #[test]
    fn sniffing_a_long_file_never_cuts_inside_a_character() {
        let s = format!("{}ラ rest", "a".repeat(4095));
        assert!(!looks_like(&s));
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            decode_entities("a &amp; b &lt;c&gt; &#65;&#x42; &bogus; &"),
            "a & b <c> AB &bogus; &"
        );
        assert_eq!(decode_entities("&#27;é日␛ x"), "\u{1b}é日␛ x");
    }

    #[test]
    fn outlines_nest_and_notes_become_paragraphs() {
        let src = r#"<?xml version="1.0"?><!-- made by X --><opml version="2.0"><head><title>My &amp; Notes</title><vertScrollState /></head>
<body><outline text="Talk" _note="A note&#10;on two lines"><outline text="point">
<outline text="deeper"/></outline><outline text=""/></outline><weird/></body></opml>"#;
        let p = parse(src);
        assert_eq!(p.title.as_deref(), Some("My & Notes"));
        assert_eq!(
            shape(src),
            vec![
                "heading Talk",
                "  paragraph A note on two lines",
                "  heading point",
                "    bullet deeper"
            ]
        );
        assert_eq!(p.blocks[2].line, 2);
    }

    #[test]
    fn broken_xml_is_tolerated() {
        let src = "<opml><body><outline text='a'><outline text=\"b > c\"><outline text=unquoted";
        assert_eq!(shape(src), vec!["heading a", "  bullet b > c"]);
        assert!(parse("</outline></outline><<<>>").blocks.is_empty());
    }

    #[test]
    fn entity_encoded_controls_are_cleaned() {
        let p = parse("<opml><body><outline text=\"x&#27;[31my\"/></body></opml>");
        assert!(!p.blocks[0].text.contains('\u{1b}'));
    }
}
