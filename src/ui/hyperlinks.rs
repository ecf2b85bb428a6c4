//! Links in the detail pane as OSC 8 hyperlinks. ratatui's cells hold one
//! visible character each and the screen diff measures them, so a sequence
//! put into a cell would break the widths. Instead, after a frame is drawn,
//! the cells of each visible link are written once more, as they are,
//! between an OSC 8 opening and closing: the screen looks the same and the
//! terminal knows the words are a link. Targets are percent-encoded into
//! the bytes OSC 8 allows (`links::osc8_open`); the words are the frame's
//! own cells, display text already.

use crate::app::App;
use crate::links::{self, OSC8_CLOSE};
use crate::wrap::width;
use ratatui::buffer::Buffer;
use ratatui::crossterm::cursor::{MoveTo, RestorePosition, SavePosition};
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{Attribute, Color, Print, SetAttribute, SetBackgroundColor, SetForegroundColor};
use ratatui::style::Modifier;
use std::collections::HashMap;
use std::io::{self, Write};

/// A run of cells on one row that is a link.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct LinkArea {
    pub x: u16,
    pub y: u16,
    /// In columns.
    pub width: u16,
    pub target: String,
}

/// Where the detail pane drew links in the frame for `app`: none when
/// hyperlinks are off, or an overlay lies over the pane.
pub fn areas(app: &App) -> Vec<LinkArea> {
    let o = app.outline();
    let l = app.layout();
    let overlay = app.help.is_some() || app.bookmark_list.is_some() || app.picker.is_some();
    if !app.opts.hyperlinks || overlay || o.is_empty() || l.too_small {
        return Vec::new();
    }
    let body = l.detail_body;
    let d = app.detail();
    let mut targets: HashMap<u32, Vec<links::Link>> = HashMap::new();
    let mut out = Vec::new();
    for (row, line) in d.lines.iter().skip(d.scroll).take(body.height as usize).enumerate() {
        let lead = width(&line.prefix);
        for (range, k) in &line.links {
            let (Some(before), Some(words)) = (line.text.get(..range.start), line.text.get(range.clone())) else {
                continue;
            };
            let node_links = targets
                .entry(line.node)
                .or_insert_with(|| links::of_node(o, line.node as usize));
            let Some(link) = node_links.get(*k as usize) else {
                continue;
            };
            let x = body.x as usize + lead + width(before);
            let right = (x + width(words)).min(body.right() as usize);
            if x < right {
                out.push(LinkArea {
                    x: x as u16,
                    y: body.y + row as u16,
                    width: (right - x) as u16,
                    target: link.target.clone(),
                });
            }
        }
    }
    out
}

const MODIFIERS: [(Modifier, Attribute); 6] = [
    (Modifier::BOLD, Attribute::Bold),
    (Modifier::DIM, Attribute::Dim),
    (Modifier::ITALIC, Attribute::Italic),
    (Modifier::UNDERLINED, Attribute::Underlined),
    (Modifier::REVERSED, Attribute::Reverse),
    (Modifier::CROSSED_OUT, Attribute::CrossedOut),
];

/// Writes each area's cells from `buf` again, wrapped in OSC 8. The cursor
/// is put back where it was (the find input's, when find is open) and the
/// attributes reset: ratatui sets every cell's style itself.
pub fn write(buf: &Buffer, areas: &[LinkArea], out: &mut impl Write) -> io::Result<()> {
    if areas.is_empty() {
        return Ok(());
    }
    queue!(out, SavePosition)?;
    for a in areas {
        let Some(open) = links::osc8_open(&a.target) else {
            continue;
        };
        queue!(out, MoveTo(a.x, a.y), Print(open))?;
        let mut x = a.x;
        while x < a.x + a.width {
            let Some(cell) = buf.cell((x, a.y)) else { break };
            queue!(
                out,
                SetAttribute(Attribute::Reset),
                SetForegroundColor(Color::from(cell.fg)),
                SetBackgroundColor(Color::from(cell.bg)),
            )?;
            for (m, attr) in MODIFIERS {
                if cell.modifier.contains(m) {
                    queue!(out, SetAttribute(attr))?;
                }
            }
            queue!(out, Print(cell.symbol()))?;
            // A wide character covers the cell after it.
            x += width(cell.symbol()).max(1) as u16;
        }
        queue!(out, Print(OSC8_CLOSE), SetAttribute(Attribute::Reset))?;
    }
    queue!(out, RestorePosition)
}

/// What an area's cells hold now (symbols and styles): the area needs
/// writing again when this changes, since ratatui then redraws its cells
/// without the link.
pub fn fingerprint(buf: &Buffer, a: &LinkArea) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    a.hash(&mut h);
    for x in a.x..a.x.saturating_add(a.width) {
        if let Some(c) = buf.cell((x, a.y)) {
            (c.symbol(), c.fg, c.bg, c.modifier).hash(&mut h);
        }
    }
    h.finish()
}

#[cfg(test)]
mod tests;
