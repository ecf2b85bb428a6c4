//! Talks separated by rules: notes that put a line of dashes (or `=`, `*`,
//! `#`, `~`) between talks and give each talk's title as the first line of
//! its block. A second kind of rule inside a block splits it again (the
//! talks of a "Lightning talks" block), one rank down.

use super::titlelines::is_title_shaped;
use super::ws::Ws;

/// The character of a rule line: three or more of one of `-=*_#~+`.
fn rule_char(line: &str) -> Option<char> {
    let t = line.ws_trim();
    let c = t.chars().next()?;
    ("-=*_#~+".contains(c) && t.len() >= 3 && t.chars().all(|x| x == c)).then_some(c)
}

fn blank(lines: &[&str], i: usize) -> bool {
    lines.get(i).is_none_or(|l| l.ws_trim_start().is_empty())
}

/// A plain title-shaped line that an underline does not make a heading.
fn block_title(lines: &[&str], i: usize) -> bool {
    let t = lines[i].ws_trim();
    let underlined = lines
        .get(i + 1)
        .is_some_and(|n| rule_char(n).is_some_and(|c| c == '-' || c == '='));
    !underlined
        && !t.starts_with(['#', '>', '|', '<', '`', '~', '*', '-', '+', '['])
        && super::lines::list_marker(t).is_none()
        && is_title_shaped(t)
}

/// The first line with text in `from..to`.
fn first_text(lines: &[&str], from: usize, to: usize) -> Option<usize> {
    (from..to).find(|&i| !blank(lines, i))
}

/// The rank (by which rule character came first) of each block title in
/// `lines[from..]`, when most blocks between rules open with a title line.
/// A rule has a blank line (or the start) above it: a line of dashes right
/// under text underlines it instead.
#[cfg(test)]
pub fn block_titles(lines: &[&str], from: usize) -> Vec<Option<u8>> {
    let mut rules = Rules::default();
    for (i, t) in outside_code(lines, from) {
        rules.see(lines, from, i, t);
    }
    rules.block_titles(lines, from)
}

/// The lines of `lines[from..]` outside code fences (the fence lines left
/// out too), each with its index and its text less leading spaces.
pub fn outside_code<'a>(lines: &'a [&'a str], from: usize) -> impl Iterator<Item = (usize, &'a str)> + 'a {
    let mut fenced = false;
    (from..lines.len()).filter_map(move |i| {
        let t = lines[i].ws_trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            return None;
        }
        (!fenced).then_some((i, t))
    })
}

/// The rules of a file, gathered line by line (by a reader's own pass
/// over the lines): where each is and its rank, by which
/// rule character came first.
#[derive(Default)]
pub struct Rules {
    at: Vec<(usize, u8)>,
    chars: Vec<char>,
}

impl Rules {
    /// Line `i` (not in code), `t` its text without leading spaces.
    pub fn see(&mut self, lines: &[&str], from: usize, i: usize, t: &str) {
        // Most lines are not rules: the first byte turns them away.
        if !t.starts_with(['-', '=', '*', '_', '#', '~', '+']) || !(i == from || blank(lines, i - 1)) {
            return;
        }
        if let Some(c) = rule_char(t) {
            let rank = self.chars.iter().position(|&x| x == c).unwrap_or_else(|| {
                self.chars.push(c);
                self.chars.len() - 1
            });
            self.at.push((i, rank.min(3) as u8));
        }
    }

    /// The marks of `block_titles` for the rules seen.
    pub fn block_titles(&self, lines: &[&str], from: usize) -> Vec<Option<u8>> {
        let mut marks = vec![None; lines.len()];
        let rules = &self.at;
        if rules.len() < 2 {
            return marks;
        }
        // Blocks: (first line, end, rank of the rule above; the first block
        // takes the outermost rank).
        let mut blocks: Vec<(usize, usize, u8)> = vec![(from, rules[0].0, 0)];
        for (k, &(at, rank)) in rules.iter().enumerate() {
            blocks.push((at + 1, rules.get(k + 1).map_or(lines.len(), |r| r.0), rank));
        }
        let mut titled = 0;
        let mut with_text = 0;
        for (k, &(start, end, rank)) in blocks.iter().enumerate() {
            let Some(first) = first_text(lines, start, end) else {
                continue;
            };
            with_text += 1;
            if !block_title(lines, first) {
                continue;
            }
            titled += 1;
            marks[first] = Some(rank);
            // A deeper rule ends this block: its first talk opens right after
            // the block's own title ("Lightning talks", then the first talk).
            let deeper = blocks.get(k + 1).is_some_and(|b| b.2 == rank + 1);
            let para = (first + 1..end).find(|&i| blank(lines, i - 1) && !blank(lines, i) && i > first + 1);
            if let Some(p) = para.filter(|&p| deeper && block_title(lines, p)) {
                marks[p] = Some(rank + 1);
            }
        }
        if titled * 2 <= with_text {
            marks.iter_mut().for_each(|m| *m = None);
        }
        marks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(src: &str) -> Vec<(u8, &str)> {
        let lines: Vec<&str> = src.lines().collect();
        let m = block_titles(&lines, 0);
        (0..lines.len()).filter_map(|i| m[i].map(|r| (r, lines[i]))).collect()
    }

    #[test]
    fn each_block_between_dash_rules_opens_with_its_title() {
        let src =
            "Widgets at Scale\n\nnotes\n\nPart\n----\nmore\n\n--------\n\nGadgets\n\nx\n\n--------\n\nSprockets\n\ny\n";
        assert_eq!(
            marked(src),
            vec![(0, "Widgets at Scale"), (0, "Gadgets"), (0, "Sprockets")]
        );
    }

    #[test]
    fn a_second_rule_splits_a_block_one_rank_down() {
        let src = "One\n\na\n\n----\n\nLightning (Wed)\n\nFirst quick one\n\nb\n\n====\n\nSecond quick one\n\nc\n\n----\n\nThree\n";
        assert_eq!(
            marked(src),
            vec![
                (0, "One"),
                (0, "Lightning (Wed)"),
                (1, "First quick one"),
                (1, "Second quick one"),
                (0, "Three")
            ]
        );
    }

    #[test]
    fn rules_before_headings_or_prose_mark_nothing() {
        assert!(marked("# A\n\nx\n\n---\n\n# B\n\ny\n\n---\n\n# C\n").is_empty());
        assert!(marked("Some prose here that ends.\n\n---\n\nMore prose that ends.\n\n---\n\nAnd more.\n").is_empty());
    }
}
