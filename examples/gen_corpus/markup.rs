//! The two marked-up formats: Markdown (`#` conference, `##` day, `###` talk)
//! and org (`#+TITLE:`, `*` day, `**` talk, `***` part of a talk). Each file
//! picks its own habits (indent width, bullet marker, byline) like a person would.

use super::body::{self, Item, Kind, Shape};
use super::emit::{pad, wrapped};
use super::plan::Doc;
use super::rng::Rng;
use super::text::{self, Byline};
use super::words::{FIRST_NAMES, LAST_NAMES, ORG_TAGS};
use std::io::{self, Write};

pub fn markdown(w: &mut impl Write, rng: &mut Rng, doc: &Doc) -> io::Result<()> {
    let unit = rng.pick(&[2, 2, 4]);
    // The second marker is for odd depths; some people alternate.
    let markers = rng.pick(&[
        ["-", "-"],
        ["-", "-"],
        ["-", "-"],
        ["*", "*"],
        ["*", "*"],
        ["+", "+"],
        ["-", "*"],
    ]);
    let usual = rng.pick(&[Byline::Paren, Byline::Paren, Byline::Dash, Byline::Bare]);
    let wrap = if rng.per_mille(200) { 80 } else { 0 };
    let shape = Shape {
        max_depth: rng.range(2, 3),
        paragraph: 40,
        code: 12,
        heading: 6,
    };
    writeln!(w, "# {}\n", doc.title)?;
    for g in &doc.groups {
        writeln!(w, "## {}\n", g.label)?;
        for &budget in &g.talks {
            let t = text::talk(rng, usual);
            writeln!(w, "### {}\n", t.heading)?;
            let items = body::talk(rng, budget, &shape, t.speaker);
            markdown_items(w, &items, unit, markers, wrap)?;
        }
    }
    Ok(())
}

fn markdown_items(w: &mut impl Write, items: &[Item], unit: usize, markers: [&str; 2], wrap: usize) -> io::Result<()> {
    let mut in_list = false;
    for it in items {
        if let Kind::Bullet | Kind::Numbered(_) = it.kind {
            pad(w, it.depth * unit)?;
            match it.kind {
                Kind::Numbered(k) => write!(w, "{k}. ")?,
                _ => write!(w, "{} ", markers[it.depth % 2])?,
            }
            writeln!(w, "{}", it.text)?;
            in_list = true;
            continue;
        }
        if in_list {
            writeln!(w)?; // a blank line ends the list before other blocks
            in_list = false;
        }
        match it.kind {
            Kind::Paragraph => wrapped(w, &it.text, wrap, 0)?,
            Kind::Code(lang) => writeln!(w, "```{lang}\n{}\n```", it.text)?,
            _ => writeln!(w, "#### {}", it.text)?,
        }
        writeln!(w)?;
    }
    if in_list {
        writeln!(w)?;
    }
    Ok(())
}

pub fn org(w: &mut impl Write, rng: &mut Rng, doc: &Doc) -> io::Result<()> {
    writeln!(w, "#+TITLE: {}", doc.title)?;
    if rng.per_mille(700) {
        writeln!(w, "#+AUTHOR: {} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES))?;
    }
    writeln!(w, "#+DATE: {}-{:02}-{:02}", doc.year, doc.month + 1, doc.day)?;
    if rng.per_mille(400) {
        writeln!(w, "#+STARTUP: overview")?;
    }
    let usual = rng.pick(&[Byline::Bare, Byline::Bare, Byline::Paren, Byline::Dash]);
    let plus = rng.per_mille(200); // `+` for nested items
    let airy = rng.per_mille(500); // blank lines between talks
    let shape = Shape {
        max_depth: rng.range(2, 3),
        paragraph: 30,
        code: 8,
        heading: 12,
    };
    for g in &doc.groups {
        writeln!(w, "\n* {}", g.label)?;
        for &budget in &g.talks {
            let mut t = text::talk(rng, usual);
            org_headline(w, rng, &t.heading)?;
            if t.speaker.is_some() && rng.per_mille(150) {
                let name = t.speaker.take().unwrap_or_default();
                writeln!(w, "   :PROPERTIES:\n   :SPEAKER:  {name}\n   :END:")?;
            }
            let items = body::talk(rng, budget, &shape, t.speaker);
            org_items(w, rng, &items, plus)?;
            if airy {
                writeln!(w)?;
            }
        }
    }
    Ok(())
}

/// `** [TODO] Title   :tag:` with the keyword and tags now and then.
fn org_headline(w: &mut impl Write, rng: &mut Rng, title: &str) -> io::Result<()> {
    let keyword = match rng.below(100) {
        0..=6 => "TODO ",
        7..=11 => "DONE ",
        _ => "",
    };
    let head = format!("** {keyword}{title}");
    if !rng.per_mille(150) {
        return writeln!(w, "{head}");
    }
    let tag = rng.pick(ORG_TAGS);
    if rng.per_mille(300) {
        writeln!(w, "{head:<64} :{tag}:{}:", rng.pick(ORG_TAGS))
    } else {
        writeln!(w, "{head:<64} :{tag}:")
    }
}

fn org_items(w: &mut impl Write, rng: &mut Rng, items: &[Item], plus: bool) -> io::Result<()> {
    let mut in_list = false;
    for it in items {
        match it.kind {
            Kind::Bullet | Kind::Numbered(_) => {
                pad(w, it.depth * 2)?;
                match it.kind {
                    Kind::Numbered(k) => write!(w, "{k}. ")?,
                    _ if plus && it.depth > 0 => write!(w, "+ ")?,
                    _ => write!(w, "- ")?,
                }
                writeln!(w, "{}", it.text)?;
                in_list = true;
                continue;
            }
            // Blank lines around prose, or a loader joins it to its neighbours.
            Kind::Paragraph => writeln!(w, "{}{}\n", if in_list { "\n" } else { "" }, it.text)?,
            Kind::Code(lang) => writeln!(w, "#+BEGIN_SRC {lang}\n{}\n#+END_SRC", it.text)?,
            Kind::Heading => {
                let keyword = if rng.per_mille(60) { "TODO " } else { "" };
                writeln!(w, "*** {keyword}{}", it.text)?
            }
        }
        in_list = false;
    }
    Ok(())
}
