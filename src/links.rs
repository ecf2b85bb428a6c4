//! Links in notes, the pure parts: a node's links from its inline styles
//! (markup links and bare URLs, as the loader kept them), which targets open
//! without asking, the command that opens one (never through a shell), and
//! the OSC 8 sequence that makes drawn text a hyperlink. No process is
//! started and no terminal written here.

use crate::outline::{InlineStyle, Outline};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// One link of a node: where its words are in the node's text, and where
/// it goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Link {
    pub range: Range<usize>,
    pub target: String,
}

/// Node `i`'s links in order. Neighbouring styled stretches of one link
/// (`[a **b** c](u)` is three) are one link.
pub fn of_node(o: &Outline, i: usize) -> Vec<Link> {
    iter(o, i).collect()
}

/// `of_node`, read lazily: the detail pane reads a huge note's links no
/// further than the part it shows.
pub fn iter(o: &Outline, i: usize) -> impl Iterator<Item = Link> + '_ {
    let mut spans = o
        .styles(i)
        .filter_map(|s| Some((s.range, s.target.filter(|_| s.style.contains(InlineStyle::LINK))?)))
        .peekable();
    std::iter::from_fn(move || {
        let (mut range, target) = spans.next()?;
        while let Some((r, t)) = spans.peek() {
            if r.start != range.end || *t != target {
                break;
            }
            range.end = r.end;
            spans.next();
        }
        Some(Link {
            range,
            target: target.to_string(),
        })
    })
}

/// The links of `i`, or when it has none, of the notes under it (a talk's
/// slides link sits in one of its bullets), at most `max`: each with the
/// node it is in.
pub fn near(o: &Outline, i: usize, max: usize) -> Vec<(usize, Link)> {
    let own: Vec<(usize, Link)> = of_node(o, i).into_iter().map(|l| (i, l)).collect();
    if !own.is_empty() {
        return own.into_iter().take(max).collect();
    }
    (i + 1..o.subtree_end(i))
        .flat_map(|n| of_node(o, n).into_iter().map(move |l| (n, l)))
        .take(max)
        .collect()
}

/// What a target is, for deciding how (and whether) to open it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// http, https or file: opened at once.
    Web(String),
    /// A path on this machine, resolved against the note's folder.
    File(PathBuf),
    /// Any other scheme (mailto:, ftp:, javascript:, a custom app's): asked
    /// about first, since opening it may start a program.
    Other { scheme: String, target: String },
    /// `#section`: a place in the page it was written in; nothing to open.
    Fragment,
}

/// The scheme of `target` (`https` of `https://x`), if it starts with one
/// as RFC 3986 spells it. A Windows drive (`C:\`) is not a scheme.
fn scheme(target: &str) -> Option<&str> {
    let (s, _) = target.split_once(':')?;
    let mut chars = s.chars();
    let ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        && s.len() > 1;
    ok.then_some(s)
}

/// How to open `target`, a link in a note from `doc_dir` (none for bundled
/// notes and standard input, where a relative path means nothing).
pub fn classify(target: &str, doc_dir: Option<&Path>) -> Kind {
    let t = target.trim();
    if let Some(s) = scheme(t) {
        return match s.to_ascii_lowercase().as_str() {
            "http" | "https" | "file" => Kind::Web(t.to_string()),
            _ => Kind::Other {
                scheme: s.to_string(),
                target: t.to_string(),
            },
        };
    }
    if t.is_empty() || t.starts_with('#') {
        return Kind::Fragment;
    }
    if t.starts_with("www.") {
        return Kind::Web(format!("https://{t}"));
    }
    // A relative link is a file next to the note (`slides.pdf`,
    // `../day2.md`); its `#part` is for a browser, not a path.
    let path = Path::new(t.split('#').next().unwrap_or(t));
    match doc_dir {
        _ if path.is_absolute() => Kind::File(path.to_path_buf()),
        Some(dir) => Kind::File(dir.join(path)),
        None => Kind::Fragment,
    }
}

/// The program that opens links: `$BROWSER` when set (a `:`-separated list
/// as xdg-utils reads it, the first entry used; `%s` in it stands for the
/// link, else the link is the last argument), else the system's opener.
pub fn opener(target: &str, browser: Option<&str>, macos: bool) -> Vec<String> {
    let entry = browser.and_then(|b| b.split(':').map(str::trim).find(|e| !e.is_empty()));
    let Some(entry) = entry else {
        let program = if macos { "open" } else { "xdg-open" };
        return vec![program.to_string(), target.to_string()];
    };
    let mut argv: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
    if argv.iter().any(|a| a.contains("%s")) {
        for a in argv.iter_mut().skip(1) {
            *a = a.replace("%s", target);
        }
    } else {
        argv.push(target.to_string());
    }
    argv
}

/// Longest link target written as OSC 8; longer ones (some terminals cap
/// URIs at about 2 kB) are drawn underlined only.
pub const OSC8_MAX: usize = 2048;

/// The OSC 8 opening sequence for `target`, or `None` when it cannot be
/// one. The spec allows bytes 32 to 126 only: every other byte (controls,
/// ESC, non-ASCII, the stand-ins cleaning left) is percent-encoded, so the
/// sequence ends where talktree ends it.
pub fn osc8_open(target: &str) -> Option<String> {
    let mut uri = String::with_capacity(target.len());
    for b in target.bytes() {
        if (0x21..0x7f).contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    (!uri.is_empty() && uri.len() <= OSC8_MAX).then(|| format!("\x1b]8;;{uri}\x1b\\"))
}

/// Ends the hyperlink `osc8_open` started.
pub const OSC8_CLOSE: &str = "\x1b]8;;\x1b\\";

#[cfg(test)]
mod tests;
