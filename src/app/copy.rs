//! Copying the selected node: as Markdown with everything under it (the
//! export's own writer), or its breadcrumb. The copy goes out through OSC 52
//! (the terminal loop writes the sequence the app leaves, then sends
//! `Event::Written`) or through the configured command; the status line says
//! what was copied and how much, or why nothing was.

use super::App;
use crate::clip::{self, Clipboard};
use crate::launch::{Launch, System};
use crate::outline::{dump::UNTITLED, Kind, Outline};
use crate::wrap::fit;

/// What the reader hands to the world outside: where copies go, the
/// program that starts link openers and clipboard commands, and `$BROWSER`.
pub(crate) struct Outside {
    pub clipboard: Clipboard,
    pub launcher: Box<dyn Launch>,
    pub browser: Option<String>,
    /// An OSC 52 sequence for the terminal loop to write.
    pub osc52: Option<String>,
}

impl Outside {
    pub fn from_env() -> Outside {
        Outside {
            clipboard: Clipboard::Osc52,
            launcher: Box::new(System),
            browser: std::env::var("BROWSER").ok(),
            osc52: None,
        }
    }
}

/// "talk", "note": how the status line names a node's kind.
pub(super) fn kind_word(kind: Kind) -> &'static str {
    match kind {
        Kind::Document => "file",
        Kind::Group => "group",
        Kind::Session => "talk",
        Kind::Heading => "heading",
        Kind::Bullet => "note",
        Kind::Paragraph => "paragraph",
        Kind::Code => "code line",
    }
}

/// Columns a node's title may take in a status message at most.
const MESSAGE_TITLE: usize = 32;

/// "talk 'Riemann at scale'": a node as a message names it, its title cut
/// to `cols` columns.
pub(super) fn named(o: &Outline, i: usize, cols: usize) -> String {
    let t = o.text(i);
    let t = if t.is_empty() { UNTITLED } else { t };
    format!("{} '{}'", kind_word(o.kind(i)), fit(t, cols))
}

/// "File › Talk › Heading › note": the titles from the document down to `i`.
pub fn breadcrumb(o: &Outline, i: usize) -> String {
    let mut chain: Vec<usize> = std::iter::once(i).chain(o.ancestors(i)).collect();
    chain.reverse();
    let titles: Vec<&str> = chain
        .into_iter()
        .map(|n| if o.text(n).is_empty() { UNTITLED } else { o.text(n) })
        .collect();
    titles.join(" › ")
}

impl App {
    /// Where copies go (the config's `clipboard.via`).
    pub fn set_clipboard(&mut self, c: Clipboard) {
        self.outside.clipboard = c;
    }

    /// The program that starts link openers and clipboard commands, and
    /// the `$BROWSER` it reads: tests record instead of starting programs.
    pub fn set_launcher(&mut self, launcher: Box<dyn Launch>, browser: Option<String>) {
        self.outside.launcher = launcher;
        self.outside.browser = browser;
    }

    /// The OSC 52 sequence waiting for the terminal, if a copy left one.
    pub fn clipboard_sequence(&self) -> Option<&str> {
        self.outside.osc52.as_deref()
    }

    pub(super) fn copy_markdown(&mut self) {
        let o = self.outline.clone();
        let sel = self.tree.selected;
        let text = crate::export::node_markdown(&o, sel);
        self.copy(&|cols| format!("{} as Markdown", named(&o, sel, cols)), &text);
    }

    pub(super) fn copy_breadcrumb(&mut self) {
        let o = self.outline.clone();
        let sel = self.tree.selected;
        let text = breadcrumb(&o, sel);
        self.copy(&|cols| format!("the breadcrumb of {}", named(&o, sel, cols)), &text);
    }

    /// Copies `text`, and says so naming it with `what`, given how many
    /// columns the node's title may take: cut so a message that fits the
    /// screen still ends with how much was copied.
    fn copy(&mut self, what: &dyn Fn(usize) -> String, text: &str) {
        let text = clip::sanitize(text);
        let outcome = self.send_copy(&text);
        let said = |cols: usize| outcome.say(&what(cols), &text);
        let room = usize::from(self.size.0).saturating_sub(2);
        let over = crate::wrap::width(&said(MESSAGE_TITLE)).saturating_sub(room);
        // A refusal saying what to do is long anyway: its title stays whole.
        let cols = match outcome {
            Copied::Done(_) => MESSAGE_TITLE.saturating_sub(over).max(8),
            _ => MESSAGE_TITLE,
        };
        self.status = Some(said(cols).into());
    }

    /// Puts sanitised `text` where copies go.
    fn send_copy(&mut self, text: &str) -> Copied {
        match &self.outside.clipboard {
            Clipboard::Osc52 => match clip::osc52(text) {
                Ok(seq) => {
                    self.outside.osc52 = Some(seq);
                    Copied::Done(None)
                }
                Err(_) => Copied::TooBig,
            },
            Clipboard::Command(argv) => {
                let argv = argv.clone();
                match self.outside.launcher.pipe(&argv, text) {
                    Ok(()) => Copied::Done(Some(argv[0].clone())),
                    Err(e) => Copied::Failed(e),
                }
            }
        }
    }
}

/// How a copy went.
enum Copied {
    /// Sent (through the named command, or OSC 52).
    Done(Option<String>),
    /// Over what a terminal takes through OSC 52.
    TooBig,
    Failed(String),
}

impl Copied {
    fn say(&self, what: &str, text: &str) -> String {
        let amount = clip::amount(text);
        match self {
            Copied::Done(None) => format!("Copied {what}: {amount}"),
            Copied::Done(Some(command)) => format!("Copied {what} with {command}: {amount}"),
            Copied::TooBig => format!(
                "Not copied: {what} is {}, more than a terminal takes through OSC 52 ({}). \
                 Set clipboard.via to a command (wl-copy, xclip -selection clipboard, pbcopy), \
                 or use talktree --export --talk",
                clip::size(text.len()),
                clip::size(clip::OSC52_MAX_TEXT)
            ),
            Copied::Failed(e) => format!("Not copied: {e}"),
        }
    }
}

#[cfg(test)]
pub(super) mod tests;
