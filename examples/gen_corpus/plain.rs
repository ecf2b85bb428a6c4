//! The unmarked formats. Plain notes: title lines, then `•`/`-`/`*` bullets
//! indented two spaces a level. Clipped web pages: a blog post copied as text,
//! page furniture and all, mostly prose with the odd bullet list. No code
//! blocks here: unfenced code reads as prose, so its lines could not be counted.

use super::body::{self, Item, Kind, Shape};
use super::emit::{pad, wrapped};
use super::plan::Doc;
use super::rng::Rng;
use super::text::{self, Byline};
use super::words::{MONTHS, WEB_FOOTER, WEB_HEADER};
use std::io::{self, Write};

/// How a file writes its lists.
struct Lists {
    marker: &'static str,
    /// Indentation of top-level items.
    base: usize,
    /// Indentation added per level.
    step: usize,
    /// Wrap width for prose (0: one line per paragraph).
    wrap: usize,
}

pub fn plain(w: &mut impl Write, rng: &mut Rng, doc: &Doc) -> io::Result<()> {
    let lists = Lists {
        marker: rng.pick(&["•", "-", "-", "*"]),
        base: rng.pick(&[0, 0, 2]),
        step: 2,
        wrap: 0,
    };
    let usual = rng.pick(&[Byline::By, Byline::By, Byline::Paren, Byline::Bare]);
    let upper = rng.per_mille(300); // "DAY 1"
    let gap = rng.per_mille(300); // a blank line between a title and its bullets
    let shape = Shape {
        max_depth: rng.range(2, 3),
        paragraph: 12,
        code: 0,
        heading: 4,
    };
    writeln!(w, "{}\n", doc.title)?;
    for g in &doc.groups {
        if upper {
            writeln!(w, "{}\n", g.label.to_uppercase())?;
        } else {
            writeln!(w, "{}\n", g.label)?;
        }
        for &budget in &g.talks {
            let t = text::talk(rng, usual);
            writeln!(w, "{}", t.heading)?;
            if gap {
                writeln!(w)?;
            }
            let items = body::talk(rng, budget, &shape, t.speaker);
            items_as_text(w, &items, &lists, gap)?;
            writeln!(w)?;
        }
    }
    Ok(())
}

/// `after_blank`: whether a blank line already separates the items from the title.
fn items_as_text(w: &mut impl Write, items: &[Item], l: &Lists, after_blank: bool) -> io::Result<()> {
    let mut in_list = !after_blank; // prose needs a blank line before it
    for it in items {
        if let Kind::Bullet | Kind::Numbered(_) = it.kind {
            pad(w, l.base + it.depth * l.step)?;
            match it.kind {
                Kind::Numbered(k) => write!(w, "{k}. ")?,
                _ => write!(w, "{} ", l.marker)?,
            }
            writeln!(w, "{}", it.text)?;
            in_list = true;
            continue;
        }
        if in_list {
            writeln!(w)?;
        }
        match it.kind {
            Kind::Paragraph => wrapped(w, &it.text, l.wrap, 0)?,
            Kind::Code(_) => {
                for line in it.text.lines() {
                    pad(w, l.base + 4)?;
                    writeln!(w, "{line}")?;
                }
            }
            _ => writeln!(w, "{}:", it.text)?,
        }
        writeln!(w)?;
        in_list = false;
    }
    Ok(())
}

pub fn web(w: &mut impl Write, rng: &mut Rng, doc: &Doc) -> io::Result<()> {
    let lists = Lists {
        marker: rng.pick(&["•", "•", "*", "-"]),
        base: 2,
        step: 4,
        wrap: if rng.per_mille(400) { rng.range(72, 80) } else { 0 },
    };
    let usual = rng.pick(&[Byline::Paren, Byline::Dash, Byline::Bare, Byline::Bare]);
    let shape = Shape {
        max_depth: 2,
        paragraph: 400,
        code: 0,
        heading: 8,
    };
    for line in &WEB_HEADER[..rng.range(1, WEB_HEADER.len())] {
        writeln!(w, "{line}")?;
    }
    let title = match rng.below(3) {
        0 => format!("{} {} recap", doc.conf, doc.year),
        1 => format!("What I learned at {} {}", doc.conf, doc.year),
        _ => doc.title.clone(),
    };
    writeln!(w, "\n{title}")?;
    let mut author = String::new();
    text::person(rng, &mut author);
    if rng.per_mille(600) {
        writeln!(
            w,
            "Posted on {} {}, {} by {author}",
            MONTHS[doc.month],
            doc.day + 5,
            doc.year
        )?;
    }
    writeln!(w)?;
    // An intro paragraph, paid for with one of the first talk's bullets.
    let mut intro = doc.groups[0].talks.first().is_some_and(|&b| b > 1);
    if intro {
        let mut s = String::new();
        text::paragraph(rng, &mut s);
        wrapped(w, &s, lists.wrap, 0)?;
        writeln!(w)?;
    }
    for g in &doc.groups {
        writeln!(w, "{}\n", g.label)?;
        for &budget in &g.talks {
            let budget = if intro { budget - 1 } else { budget };
            intro = false;
            let t = text::talk(rng, usual);
            writeln!(w, "{}\n", t.heading)?;
            let items = body::talk(rng, budget, &shape, t.speaker);
            items_as_text(w, &items, &lists, true)?;
            writeln!(w)?;
        }
    }
    for line in &WEB_FOOTER[rng.below(4)..] {
        writeln!(w, "{line}")?;
    }
    writeln!(w, "© {} {author}", doc.year)
}
