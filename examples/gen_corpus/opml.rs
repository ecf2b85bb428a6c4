//! OPML as outliner apps save it: nested `<outline text="...">`, entities for
//! `&` `<` `"`, the odd `_note`. Sub-headings of a talk become outlines that
//! hold the items after them, since OPML has no other way to say "section".

use super::body::{self, Item, Kind, Shape};
use super::emit::pad;
use super::plan::Doc;
use super::rng::Rng;
use super::text::{self, Byline};
use super::words::{MONTHS, PROSE};
use std::io::{self, Write};

pub fn opml(w: &mut impl Write, rng: &mut Rng, doc: &Doc) -> io::Result<()> {
    let unit = rng.pick(&[2, 2, 4]);
    let usual = rng.pick(&[Byline::Paren, Byline::Dash, Byline::Bare]);
    // No code: a snippet would be one outline, and its lines could not be counted.
    let shape = Shape {
        max_depth: rng.range(2, 3),
        paragraph: 10,
        code: 0,
        heading: 6,
    };
    writeln!(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">")?;
    writeln!(
        w,
        "{:u$}<head>\n{:v$}<title>{}</title>",
        "",
        "",
        escape(&doc.title),
        u = unit,
        v = 2 * unit
    )?;
    let month = &MONTHS[doc.month][..3];
    writeln!(
        w,
        "{:v$}<dateCreated>{:02} {month} {} 09:00:00 GMT</dateCreated>",
        "",
        doc.day,
        doc.year,
        v = 2 * unit
    )?;
    writeln!(w, "{:u$}</head>\n{:u$}<body>", "", "", u = unit)?;
    for g in &doc.groups {
        open(w, 2 * unit, &g.label, None)?;
        for &budget in &g.talks {
            let t = text::talk(rng, usual);
            open(w, 3 * unit, &t.heading, None)?;
            let items = body::talk(rng, budget, &shape, t.speaker);
            outlines(w, rng, &items, 4, unit)?;
            close(w, 3 * unit)?;
        }
        close(w, 2 * unit)?;
    }
    writeln!(w, "{:u$}</body>\n</opml>", "", u = unit)
}

/// Writes a talk's items as outlines nested `level` deep, and closes them.
fn outlines(w: &mut impl Write, rng: &mut Rng, items: &[Item], level: usize, unit: usize) -> io::Result<()> {
    let depths = nested_depths(items);
    let mut open_at: Vec<usize> = Vec::new();
    let mut note = String::new();
    for (i, it) in items.iter().enumerate() {
        let d = depths[i];
        while let Some(&o) = open_at.last().filter(|&&o| o >= d) {
            open_at.pop();
            close(w, (level + o) * unit)?;
        }
        note.clear();
        let text = match it.kind {
            Kind::Numbered(k) => format!("{k}. {}", it.text),
            Kind::Code(lang) => {
                note.push_str(&it.text);
                format!("example ({lang})")
            }
            _ => {
                // Outliners keep a node's note as multi-line text: `&#10;` in the file.
                for line in 0..3 {
                    if !rng.per_mille(if line == 0 { 30 } else { 300 }) {
                        break;
                    }
                    if line > 0 {
                        note.push('\n');
                    }
                    let sentence = rng.pick(PROSE);
                    text::expand(rng, sentence, &mut note);
                }
                it.text.clone()
            }
        };
        let note = (!note.is_empty()).then_some(note.as_str());
        if depths.get(i + 1).is_some_and(|&next| next > d) {
            open(w, (level + d) * unit, &text, note)?;
            open_at.push(d);
        } else {
            leaf(w, (level + d) * unit, &text, note)?;
        }
    }
    while let Some(o) = open_at.pop() {
        close(w, (level + o) * unit)?;
    }
    Ok(())
}

/// Depth of each item once a sub-heading holds the items that follow it.
fn nested_depths(items: &[Item]) -> Vec<usize> {
    let mut in_section = false;
    items
        .iter()
        .map(|it| match it.kind {
            Kind::Heading => {
                in_section = true;
                0
            }
            _ => it.depth + usize::from(in_section),
        })
        .collect()
}

fn attrs(w: &mut impl Write, indent: usize, text: &str, note: Option<&str>) -> io::Result<()> {
    pad(w, indent)?;
    write!(w, "<outline text=\"{}\"", escape(text))?;
    if let Some(n) = note {
        write!(w, " _note=\"{}\"", escape(n))?;
    }
    Ok(())
}

fn open(w: &mut impl Write, indent: usize, text: &str, note: Option<&str>) -> io::Result<()> {
    attrs(w, indent, text, note)?;
    writeln!(w, ">")
}

fn leaf(w: &mut impl Write, indent: usize, text: &str, note: Option<&str>) -> io::Result<()> {
    attrs(w, indent, text, note)?;
    writeln!(w, "/>")
}

fn close(w: &mut impl Write, indent: usize) -> io::Result<()> {
    pad(w, indent)?;
    writeln!(w, "</outline>")
}

/// XML attribute text (double-quoted): `&` `<` `>` `"` as entities, newlines as `&#10;`.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\n' => out.push_str("&#10;"),
            _ => out.push(c),
        }
    }
    out
}
