//! One talk's notes as a flat list of items (depth, kind, text). Every format
//! renders the same items its own way. The items weigh exactly `budget`
//! bullets, which is how the corpus hits the requested total exactly.

use super::rng::Rng;
use super::text;
use super::words::{SECTIONS, SNIPPETS};

pub enum Kind {
    Bullet,
    /// An item of a numbered list, with its number.
    Numbered(usize),
    /// Prose, 150-400 characters, outside any list (depth 0).
    Paragraph,
    /// A code block; the item's text holds its lines, each counted as a bullet.
    Code(&'static str),
    /// A part of the talk ("Q&A"); not counted as a bullet.
    Heading,
}

pub struct Item {
    pub depth: usize,
    pub kind: Kind,
    pub text: String,
}

/// How a format's talks tend to look.
pub struct Shape {
    /// Deepest bullet depth (0-based): 2 gives three levels, 3 gives four.
    pub max_depth: usize,
    /// Chance per item (per mille) of a prose paragraph.
    pub paragraph: usize,
    /// Chance per talk (percent) of one code block.
    pub code: usize,
    /// Chance per item (per mille) of a sub-heading.
    pub heading: usize,
}

/// The notes of one talk. `speaker` (when the heading lacks it) becomes the
/// first bullet.
pub fn talk(rng: &mut Rng, budget: usize, shape: &Shape, speaker: Option<String>) -> Vec<Item> {
    let mut items: Vec<Item> = Vec::with_capacity(budget + budget / 8);
    let mut counted = 0;
    if let (Some(name), true) = (speaker, budget > 0) {
        let label = rng.pick(&["Speaker: ", "by ", "speaker: ", "presented by "]);
        items.push(item(0, Kind::Bullet, format!("{label}{name}")));
        counted += 1;
    }
    // Loaders keep each line of code as its own node, so each line counts.
    let snippet = rng.pick(SNIPPETS);
    let code_lines = snippet.1.lines().count();
    let mut code_at =
        (budget >= code_lines + 3 && rng.below(100) < shape.code).then(|| rng.range(2, budget - code_lines));
    let mut depth = 0;
    while counted < budget {
        let left = budget - counted;
        if code_at.is_some_and(|at| counted >= at && left >= code_lines) {
            code_at = None;
            items.push(item(0, Kind::Code(snippet.0), snippet.1.to_string()));
            counted += code_lines;
            depth = 0;
        } else if counted > 2 && !after_heading(&items) && rng.per_mille(shape.heading) {
            items.push(item(0, Kind::Heading, rng.pick(SECTIONS).to_string()));
            depth = 0;
        } else if rng.per_mille(shape.paragraph) {
            let mut s = String::with_capacity(400);
            text::paragraph(rng, &mut s);
            items.push(item(0, Kind::Paragraph, s));
            counted += 1;
            depth = 0;
        } else if depth < shape.max_depth && left >= 3 && rng.per_mille(25) {
            counted += numbered_run(rng, depth, left, &mut items);
        } else {
            let s = fresh_bullet(rng, depth, &items);
            items.push(item(depth, Kind::Bullet, s));
            counted += 1;
            depth = next_depth(rng, depth, shape.max_depth);
        }
    }
    debug_assert_eq!(items.iter().map(Item::weight).sum::<usize>(), budget);
    items
}

impl Item {
    /// How many bullets this item counts as.
    pub fn weight(&self) -> usize {
        match self.kind {
            Kind::Heading => 0,
            Kind::Code(_) => self.text.lines().count(),
            _ => 1,
        }
    }
}

fn item(depth: usize, kind: Kind, text: String) -> Item {
    Item { depth, kind, text }
}

/// "Rollout steps:" and 2-5 numbered children; returns how many it counted.
fn numbered_run(rng: &mut Rng, depth: usize, left: usize, items: &mut Vec<Item>) -> usize {
    let intro = rng.pick(&[
        "how they rolled it out:",
        "steps:",
        "the recipe, in order:",
        "migration plan:",
        "three takeaways:",
    ]);
    items.push(item(depth, Kind::Bullet, intro.to_string()));
    let n = rng.range(2, 5).min(left - 1);
    for k in 1..=n {
        let s = fresh_bullet(rng, depth + 1, items);
        items.push(item(depth + 1, Kind::Numbered(k), s));
    }
    1 + n
}

fn after_heading(items: &[Item]) -> bool {
    items.last().is_some_and(|it| matches!(it.kind, Kind::Heading))
}

/// A bullet not yet in this talk. A repeated line reads as a copy-paste slip,
/// and loaders drop those, which would throw the count off. Talks are short,
/// so a scan is cheap.
fn fresh_bullet(rng: &mut Rng, depth: usize, items: &[Item]) -> String {
    loop {
        let mut s = String::with_capacity(96);
        text::bullet(rng, depth, &mut s);
        let echo = items.last().is_some_and(|last| same_words(&last.text, &s));
        if !echo && !items.iter().any(|it| it.text == s) {
            return s;
        }
    }
}

/// Equal ignoring case, quotes and punctuation, as a reader would see it.
fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect::<String>()
    };
    a.len().abs_diff(b.len()) < 8 && words(a) == words(b)
}

/// A random walk over depths that gives the 3-4 level trees notes have:
/// often one deeper, often a sibling, sometimes back up one or more levels.
fn next_depth(rng: &mut Rng, depth: usize, max: usize) -> usize {
    match rng.below(100) {
        0..=37 if depth < max => depth + 1,
        0..=69 => depth,
        _ if depth == 0 => 0,
        _ => depth - rng.range(1, depth),
    }
}
