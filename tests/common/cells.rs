//! What a drawn screen must be, whatever text it shows: every cell
//! printable, and every row exactly as wide as the screen when measured the
//! way a terminal advances its cursor (so nothing shifts or wraps).
#![allow(dead_code)]

use ratatui::buffer::Buffer;
use unicode_width::UnicodeWidthStr;

/// Checks every cell and row of `b`; the error names the first bad spot.
pub fn check_buffer(b: &Buffer) -> Result<(), String> {
    let w = b.area.width as usize;
    for y in 0..b.area.height {
        let mut used = 0;
        let mut x = 0;
        while x < b.area.width {
            let s = b[(x, y)].symbol();
            if let Some(c) = s.chars().find(|&c| c.is_control() || is_invisible_steering(c)) {
                return Err(format!("({x},{y}): unprintable {c:?} in {s:?}\n{}", row(b, y)));
            }
            let sw = s.width();
            if sw == 0 {
                return Err(format!("({x},{y}): zero-width cell {s:?}\n{}", row(b, y)));
            }
            // The cells a wide character covers must be blank: anything
            // drawn there is hidden by the terminal.
            for dx in 1..sw as u16 {
                if let Some(c) = b.cell((x + dx, y)).filter(|c| c.symbol() != " ") {
                    return Err(format!(
                        "({},{y}): {:?} under wide {s:?}\n{}",
                        x + dx,
                        c.symbol(),
                        row(b, y)
                    ));
                }
            }
            used += sw;
            x += sw as u16;
        }
        if used != w {
            return Err(format!("row {y} is {used} columns wide, not {w}\n{}", row(b, y)));
        }
    }
    Ok(())
}

/// Bidi controls print nothing but reorder what follows.
fn is_invisible_steering(c: char) -> bool {
    matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

fn row(b: &Buffer, y: u16) -> String {
    (0..b.area.width).map(|x| b[(x, y)].symbol()).collect()
}
