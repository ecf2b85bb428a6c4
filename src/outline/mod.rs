//! The model and the loaders: any notes file (bytes) becomes a document of
//! groups, talks, sub-headings and notes. Pure: no terminal, no global state;
//! `fs` is the only part that touches the file system.

mod asciidoc;
mod body;
mod chrome;
pub mod clean;
mod dates;
mod detect;
mod doctitle;
pub mod dump;
mod evidence;
pub mod fs;
pub mod hygiene;
mod indented;
mod inline;
mod levels;
pub mod lines;
mod mangled;
mod markdown;
mod model;
mod names;
mod opml;
mod org;
mod patterns;
mod recurring;
mod repair;
mod rst;
mod rules;
mod same_notes;
mod scan;
mod shape;
pub mod signals;
mod squeeze;
mod text;
mod titlelines;
mod tree;
mod untitled;
mod vocabulary;
mod ws;

use ws::Ws;

pub use clean::Clean;
pub use inline::{render as render_inline, Style as InlineStyle, Syntax};
pub use model::{Block, Children, DocInfo, Format, Kind, Outline, Styled};
pub use same_notes::{Repeat, SameNotes};
pub use titlelines::read_as_titles;
pub use untitled::{is_identifier, STDIN_SOURCE};

/// What a format's parser hands back: depth-ordered blocks, and a title if
/// the file names itself.
#[derive(Debug, Default)]
pub struct Parsed {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// One parsed file, ready to join the outline.
#[derive(Debug)]
pub struct Document {
    pub title: String,
    /// The path as given, as display text.
    pub source: Clean,
    /// Identity for remembered state (see `DocInfo::key`).
    pub key: String,
    pub format: Format,
    pub warnings: Vec<String>,
    pub blocks: Vec<Block>,
}

/// A file that could not be loaded, and why (shown as `source: reason`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    pub source: Clean,
    /// Our own words (and the system's error text): never a file's name.
    pub reason: String,
}

impl std::fmt::Display for LoadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.source, self.reason)
    }
}

/// Parses one file's bytes. `source` is the path as given; its extension
/// only breaks format ties and its stem names an untitled document.
pub fn parse_document(bytes: &[u8], source: &str) -> Result<Document, LoadError> {
    parse_document_owned(bytes.to_vec(), source)
}

/// `parse_document` taking the bytes, which then become the text without
/// a copy when they need no cleaning.
pub fn parse_document_owned(bytes: Vec<u8>, source: &str) -> Result<Document, LoadError> {
    if hygiene::looks_binary(&bytes) {
        return Err(LoadError {
            source: Clean::new(source),
            reason: "looks like a binary file (NUL bytes near the start), not notes".into(),
        });
    }
    let decoded = hygiene::decode_owned(bytes);
    let path = std::path::Path::new(source);
    let ext = path.extension().and_then(|e| e.to_str());
    let (format, parsed, warnings) = if opml::looks_like(&decoded.text) {
        (
            Format::Opml,
            shape::classify(opml::parse(&decoded.text)),
            decoded.warnings,
        )
    } else {
        let keep_widths = mangled::may_apply(&decoded.text);
        let (decoded, map) = squeeze::squeeze_blank_runs(decoded, keep_widths);
        // Split once: detection and the parsers all read these lines.
        let lines: Vec<&str> = lines::split(&decoded.text).collect();
        let format = detect::detect(&lines, ext);
        let mut parsed = parse_lines(format, &decoded, &lines, ext);
        map.restore(&mut parsed.blocks);
        (format, parsed, decoded.warnings)
    };
    let title = parsed
        .title
        .filter(|t| !t.ws_trim().is_empty())
        .or_else(|| preamble_event_name(&parsed.blocks))
        .unwrap_or_else(|| {
            let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or(source);
            // A file's name did not come through hygiene: cleaned as display text.
            untitled::title(source, &Clean::new(stem), &parsed.blocks)
        });
    Ok(Document {
        title,
        source: Clean::new(source),
        key: source.to_string(),
        format,
        warnings,
        blocks: parsed.blocks,
    })
}

/// Lines with page chrome and slug echoes blanked out (kept as empty lines
/// so line numbers stay true).
fn blank_chrome<'a>(lines: &[&'a str]) -> Vec<&'a str> {
    let mut out = lines.to_vec();
    for i in chrome::chrome_lines(lines) {
        out[i] = "";
    }
    // A page's file-name echo sits above its title, at the top.
    let nonblank: Vec<usize> = (0..out.len())
        .filter(|&i| !out[i].ws_trim().is_empty())
        .take(20)
        .collect();
    for w in nonblank.windows(2) {
        if chrome::is_slug_echo(out[w[0]], out[w[1]]) {
            out[w[0]] = "";
        }
    }
    out
}

/// Parses a line format (org, Markdown, rst, AsciiDoc or plain text) from the text's lines.
fn parse_lines(format: Format, decoded: &hygiene::Decoded, lines: &[&str], ext: Option<&str>) -> Parsed {
    match format {
        Format::Org => shape::classify(org::parse(lines, lines::estimate_wrap(lines))),
        Format::Markdown => shape::classify(markdown::parse(&blank_chrome(lines), lines::estimate_wrap(lines))),
        Format::Rst => titled(rst::parse(lines, lines::estimate_wrap(lines))),
        Format::Asciidoc => titled(asciidoc::parse(lines, lines::estimate_wrap(lines))),
        Format::Text | Format::Opml => parse_text(decoded, lines, ext),
    }
}

/// For formats whose document title is also their first section (rst,
/// AsciiDoc): the
/// blocks go through the same title and talk decision as a Markdown file
/// whose `#` heading is its title, and the title names the document
/// whatever that decides.
fn titled(mut parsed: Parsed) -> Parsed {
    let title = parsed.title.take();
    let mut p = shape::classify(parsed);
    if p.title.is_none() {
        p.title = title;
    }
    p
}

fn parse_text(decoded: &hygiene::Decoded, raw: &[&str], ext: Option<&str>) -> Parsed {
    let blank_width = |i: usize| decoded.blank_width(i);
    let cleaned = blank_chrome(raw);
    let wrap = lines::estimate_wrap(&cleaned);
    if mangled::detect(&cleaned, &blank_width) {
        let fixed = mangled::decode(&cleaned, &blank_width);
        let lines: Vec<(u32, &str)> = fixed.iter().map(|(n, s)| (*n, s.as_str())).collect();
        text::parse(&lines, wrap)
    } else {
        let lines: Vec<(u32, &str)> = cleaned.iter().enumerate().map(|(i, s)| (i as u32 + 1, *s)).collect();
        let scanned = scan::scan(&lines);
        if indented::detect(&scanned, ext) {
            shape::classify(indented::parse(&scanned))
        } else {
            text::parse_scanned(&scanned, wrap)
        }
    }
}

/// "DotScale 2015" from the prose before the first talk, for untitled posts.
fn preamble_event_name(blocks: &[Block]) -> Option<String> {
    blocks
        .iter()
        .take_while(|b| !b.kind.is_structural())
        .filter(|b| b.kind == Kind::Paragraph)
        .take(3)
        .find_map(|b| names::event_name(&b.text))
}

impl Document {
    /// This document alone as an outline; `Outline::concat` joins them.
    pub fn into_outline(self) -> Outline {
        let info = DocInfo {
            node: 0,
            source: self.source,
            format: self.format,
            warnings: self.warnings,
            key: self.key,
        };
        let mut outline = Outline::new();
        outline.push_document(&self.title, info, &self.blocks);
        outline
    }
}

/// Parsed documents as one outline, in order.
pub fn build_outline(docs: Vec<Document>) -> Outline {
    Outline::concat(docs.into_iter().map(Document::into_outline).collect())
}

/// The notes this project started from, built into the binary so that
/// `talktree` with no paths works from any directory.
pub const SEEDS: &[(&str, &[u8])] = &[
    (
        "seeds/000_d4f2b3bd88ab5530.txt",
        include_bytes!("../../seeds/000_d4f2b3bd88ab5530.txt"),
    ),
    (
        "seeds/001_9bddaddb8d0d360c.txt",
        include_bytes!("../../seeds/001_9bddaddb8d0d360c.txt"),
    ),
    (
        "seeds/002_e5e5766fcc69a426.txt",
        include_bytes!("../../seeds/002_e5e5766fcc69a426.txt"),
    ),
    (
        "seeds/003_06d17b40e4ac878b.txt",
        include_bytes!("../../seeds/003_06d17b40e4ac878b.txt"),
    ),
    (
        "seeds/004_91da693db45061a5.txt",
        include_bytes!("../../seeds/004_91da693db45061a5.txt"),
    ),
];

/// The bundled seeds as one outline.
pub fn load_seeds() -> Outline {
    let docs = SEEDS
        .iter()
        .filter_map(|(name, bytes)| parse_document(bytes, name).ok())
        .map(|d| Document {
            key: format!("bundled:{}", d.source),
            ..d
        })
        .collect();
    build_outline(docs)
}

/// Blocks as indented "kind text" lines: the shape the loaders' tests
/// expect, written once for all of them.
#[cfg(test)]
pub(crate) fn block_lines(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| format!("{}{} {}", "  ".repeat(b.depth as usize), b.kind.name(), b.text))
        .collect()
}
