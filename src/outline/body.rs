//! The tree builder shared by the marked-up line formats (Markdown, org):
//! headings by level, list items nested by indentation relative to their
//! parent, paragraphs joined only where the prose was wrapped, code lines.
//! Format modules decide what each line is; this decides where it goes.

/// Heading levels are kept as `level * STEP`; a title line (ranks below
/// `STEP`) sits between the marked heading above it and the next level.
const STEP: usize = 8;

use super::lines::continues_prose;
use super::model::{Block, Kind};
use super::ws::Ws;

pub struct Body {
    pub blocks: Vec<Block>,
    /// Open headings: (level, depth), levels scaled by `STEP` so that title
    /// lines fit between a heading level and the next.
    heads: Vec<(usize, u32)>,
    /// The level of the innermost heading written as one (not a title line).
    marked: usize,
    /// Inside blocks between rules: the level of the block's title, under
    /// which the block's own headings nest whatever their level; and the
    /// level the blocks start from.
    floor: usize,
    blocks_base: Option<usize>,
    /// A list introduced by a paragraph ("The parts:"): the depth its items
    /// start at, and the indentation they keep to stay in it.
    intro: Option<(u32, usize)>,
    /// Open list items: (marker indent, block index).
    list: Vec<(usize, usize)>,
    /// The block whose text the next unbroken line may continue, and the
    /// byte offset of its last line.
    open: Option<(usize, usize)>,
    wrap: Option<usize>,
}

impl Body {
    pub fn new(wrap: Option<usize>) -> Self {
        Body {
            blocks: Vec::new(),
            heads: Vec::new(),
            marked: 0,
            floor: 0,
            blocks_base: None,
            intro: None,
            list: Vec::new(),
            open: None,
            wrap,
        }
    }

    fn head_depth(&self) -> u32 {
        self.heads.len() as u32
    }

    pub fn blank(&mut self) {
        self.open = None;
    }

    /// A heading its format marks as one, at `level` (1 is the outermost).
    /// It closes the title lines under the level above it.
    pub fn heading(&mut self, level: usize, text: &str, line: u32) {
        let level = self.floor + level * STEP;
        self.push_heading(level, level - STEP + 1, text, line);
        self.marked = level;
    }

    /// A title line (see `titlelines`): under the last marked heading, above
    /// the next marked level.
    pub fn title_line(&mut self, text: &str, line: u32) {
        let level = self.marked + STEP / 2;
        self.push_heading(level, level, text, line);
        if let Some(b) = self.blocks.last_mut() {
            b.title_line = true;
        }
    }

    /// The title of a block between rules, of the rule's `rank` (0 for the
    /// outermost rule): above every heading inside the blocks.
    pub fn block_title(&mut self, rank: u8, text: &str, line: u32) {
        let base = *self.blocks_base.get_or_insert(self.marked);
        let level = base + 1 + usize::from(rank).min(STEP / 2 - 2);
        self.push_heading(level, level, text, line);
        self.floor = level;
        self.marked = level;
    }

    fn push_heading(&mut self, level: usize, closes: usize, text: &str, line: u32) {
        self.open = None;
        self.intro = None;
        self.list.clear();
        while self.heads.last().is_some_and(|h| h.0 >= closes) {
            self.heads.pop();
        }
        let depth = self.head_depth();
        self.blocks.push(Block::new(depth, Kind::Heading, text, line));
        self.heads.push((level, depth));
    }

    /// Ends open lists (a rule or a heading-level paragraph does).
    pub fn end_lists(&mut self) {
        self.list.clear();
        self.intro = None;
        self.open = None;
    }

    pub fn item(&mut self, indent: usize, text: &str, line: u32) {
        while self.list.last().is_some_and(|&(ind, _)| ind >= indent) {
            self.list.pop();
        }
        if self.list.is_empty() {
            self.intro = self.introducing().map(|d| (d + 1, indent)).or(self.intro);
        }
        let base = match self.intro {
            Some((d, ind)) if indent >= ind => d,
            _ => {
                self.intro = None;
                self.head_depth()
            }
        };
        let depth = base + self.list.len() as u32;
        let idx = self.blocks.len();
        if text.is_empty() {
            // A lone marker holds nothing to read; it still closes deeper items.
            self.open = None;
            return;
        }
        self.blocks.push(Block::new(depth, Kind::Bullet, text, line));
        self.list.push((indent, idx));
        self.open = Some((idx, 0));
    }

    /// The depth of the paragraph just written, if it ends with a colon and
    /// so introduces the list that starts right under it.
    fn introducing(&self) -> Option<u32> {
        let b = self.blocks.last()?;
        (b.kind == Kind::Paragraph && b.depth == self.head_depth() && b.text.ws_trim_end().ends_with(':'))
            .then_some(b.depth)
    }

    /// An unmarked line of prose at `indent`.
    pub fn text(&mut self, indent: usize, text: &str, line: u32) {
        if let Some((idx, tail)) = self.open {
            let b = &mut self.blocks[idx];
            if continues_prose(&b.text[tail..], text, self.wrap) {
                let tail = b.text.len() + 1;
                b.text.push(' ');
                b.text.push_str(text);
                self.open = Some((idx, tail));
                return;
            }
        }
        while self.list.last().is_some_and(|&(ind, _)| ind >= indent) {
            self.list.pop();
        }
        if self.list.is_empty() {
            self.intro = None;
        }
        let base = self.intro.map_or(self.head_depth(), |(d, _)| d);
        let depth = base + self.list.len() as u32;
        self.open = Some((self.blocks.len(), 0));
        self.blocks.push(Block::new(depth, Kind::Paragraph, text, line));
    }

    /// A line of code (or a table row) at `indent` in the current container.
    pub fn code(&mut self, indent: usize, text: &str, line: u32) {
        self.open = None;
        while self.list.last().is_some_and(|&(ind, _)| ind >= indent) {
            self.list.pop();
        }
        if self.list.is_empty() {
            self.intro = None;
        }
        let base = self.intro.map_or(self.head_depth(), |(d, _)| d);
        let depth = base + self.list.len() as u32;
        if !text.ws_trim().is_empty() {
            self.blocks.push(Block::new(depth, Kind::Code, text, line));
        }
    }

    /// Indentation of the innermost open list item's marker, if any.
    pub fn list_indent(&self) -> Option<usize> {
        self.list.last().map(|&(ind, _)| ind)
    }

    /// The paragraph just started, if it is still a single line (for Setext
    /// headings, whose underline turns the line above into a heading).
    pub fn take_single_line_paragraph(&mut self) -> Option<Block> {
        let (idx, tail) = self.open?;
        let b = &self.blocks[idx];
        if idx + 1 != self.blocks.len() || b.kind != Kind::Paragraph || tail != 0 || !self.list.is_empty() {
            return None;
        }
        self.open = None;
        self.blocks.pop()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(b: &Body) -> Vec<String> {
        crate::outline::block_lines(&b.blocks)
    }

    #[test]
    fn headings_nest_by_level_and_items_by_indent() {
        let mut b = Body::new(None);
        b.heading(1, "Conf", 1);
        b.heading(3, "Talk", 2);
        b.item(0, "a", 3);
        b.item(4, "a1", 4);
        b.item(2, "a2", 5); // between 0 and 4: a sibling of a1
        b.item(0, "b", 6);
        b.heading(2, "Day 2", 7);
        assert_eq!(
            shape(&b),
            vec![
                "heading Conf",
                "  heading Talk",
                "    bullet a",
                "      bullet a1",
                "      bullet a2",
                "    bullet b",
                "  heading Day 2"
            ]
        );
    }

    #[test]
    fn wrapped_prose_joins_and_separate_lines_stay_apart() {
        let mut b = Body::new(None);
        b.text(0, "This line goes", 1);
        b.text(0, "on here.", 2);
        b.text(0, "Serializable transactions", 3);
        b.blank();
        b.text(0, "new paragraph", 5);
        assert_eq!(
            shape(&b),
            vec![
                "paragraph This line goes on here.",
                "paragraph Serializable transactions",
                "paragraph new paragraph"
            ]
        );
    }

    #[test]
    fn indented_text_after_an_item_belongs_to_it() {
        let mut b = Body::new(None);
        b.item(0, "Team was great.", 1);
        b.text(4, "TimeLion - stats", 2);
        b.text(4, "Graph - paid", 3);
        b.text(0, "Outside the list.", 4);
        assert_eq!(
            shape(&b),
            vec![
                "bullet Team was great.",
                "  paragraph TimeLion - stats",
                "  paragraph Graph - paid",
                "paragraph Outside the list."
            ]
        );
    }
}
