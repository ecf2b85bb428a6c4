//! The command line. Scripts and tests depend on these names and exit codes:
//! 0 when every file loaded, 1 when some could not (or `--search` found
//! nothing), 2 for usage errors.

use crate::export::ExportFormat;
use crate::outline::Clean;
use clap::error::ErrorKind;
use clap::{CommandFactory, Parser, ValueEnum};
use clap_complete::Shell;
use std::path::PathBuf;

/// Every output `--format` names; which ones a mode takes is checked by
/// `Cli::mode`, so one flag serves them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Readable lines: the indented outline, or `--search`'s score, breadcrumb and text.
    Text,
    /// One JSON document (--dump, --export), or one JSON object a line (--search).
    Json,
    /// --search only: PATH:LINE:COL: breadcrumb › text, for an editor's quickfix list.
    Grep,
    /// --export only: Markdown.
    Md,
    /// --export only: org-mode.
    Org,
}

impl Format {
    fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Grep => "grep",
            Format::Md => "md",
            Format::Org => "org",
        }
    }

    /// The mode a format belongs to, when only one writes it.
    fn only_for(self) -> Option<&'static str> {
        match self {
            Format::Text | Format::Json => None,
            Format::Grep => Some("--search"),
            Format::Md | Format::Org => Some("--export"),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DumpFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SearchFormat {
    Text,
    Grep,
    Json,
}

#[derive(Debug, Parser)]
#[command(
    name = "talktree",
    version,
    about = "A terminal reader for conference notes: browse talks as a tree, fuzzy-find any bullet, read the whole session.",
    after_help = "With no PATH, opens the notes bundled with talktree. A PATH of - reads notes from standard input\n(curl URL | talktree -); the reader then takes keys from the terminal.\nKeys: press ? inside the reader for every binding."
)]
pub struct Cli {
    /// Notes files or folders. Folders are searched recursively for .txt .md .org .opml ...;
    /// symlinks to folders are not followed, files linked in are read. `-` (or /dev/stdin)
    /// reads standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print the loaded outline and exit.
    #[arg(long, conflicts_with_all = ["search", "export"])]
    pub dump: bool,

    /// Output format. --dump (and the outline printed when stdout is not a terminal): text or
    /// json. --search: text (score, breadcrumb, text, tab separated), grep (PATH:LINE:COL:
    /// breadcrumb › text) or json (one object a line). --export: md (the default), org or json.
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Print the ranked hits for QUERY and exit; exit status 1 when nothing matched. The find
    /// pane's syntax: words that must all match, in any order; 'word exactly, ^word at the
    /// start, word$ at the end, !word leaves out; a capital letter makes a word match case.
    #[arg(long, value_name = "QUERY", value_parser = parse_query)]
    pub search: Option<String>,

    /// Print the notes (or the talks --talk chooses) as clean Markdown, org or JSON and exit:
    /// inline styles as that format's markup, links as links.
    #[arg(long, conflicts_with = "search")]
    pub export: bool,

    /// --export only the talks whose titles match QUERY (the find syntax); exit status 1 when
    /// none does.
    #[arg(long, value_name = "QUERY", value_parser = parse_query, requires = "export")]
    pub talk: Option<String>,

    /// How many hits --search prints: a number, or "all"; 0 prints none, for the exit status
    /// alone (0: something matched, 1: nothing did), as grep -q.
    #[arg(long, default_value = "50", value_name = "N", value_parser = parse_limit, requires = "search")]
    pub limit: usize,

    /// With --search: print a hit on a copy of an earlier file's notes too
    /// (by default a note held by two files is printed once, from the first).
    #[arg(long, requires = "search")]
    pub all_copies: bool,

    /// With --search: plain terms match exactly, as fzf --exact ('term is
    /// then fuzzy). The default comes from the config's find.exact.
    #[arg(long, requires = "search")]
    pub exact: bool,

    /// Reopen the paths of the last run that named some.
    #[arg(long, conflicts_with = "paths")]
    pub last: bool,

    /// Neither read nor write remembered state (folds, selection, bookmarks, history).
    #[arg(long)]
    pub no_state: bool,

    /// Use this config file instead of the default one (also: TALKTREE_CONFIG).
    #[arg(long, value_name = "PATH")]
    pub config: Option<PathBuf>,

    /// Print the default configuration (every option, documented) and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Print the completion script for SHELL and exit (e.g. talktree --completions bash
    /// > ~/.local/share/bash-completion/completions/talktree).
    #[arg(long, value_enum, value_name = "SHELL", exclusive = true)]
    pub completions: Option<Shell>,

    /// Print the man page (roff) and exit (e.g. talktree --man | man -l -).
    #[arg(long, exclusive = true)]
    pub man: bool,
}

/// What this run does, once the flags are checked against each other.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mode {
    PrintConfig,
    Completions(Shell),
    Man,
    Search {
        query: String,
        format: SearchFormat,
        limit: usize,
    },
    Dump(DumpFormat),
    Export {
        format: ExportFormat,
        talk: Option<String>,
    },
    /// The reader, or the outline printed in this format when stdout is
    /// not a terminal.
    Read(DumpFormat),
}

impl Cli {
    /// `Cli::parse` then `mode`, but a usage error is printed as display
    /// text: clap's messages quote the arguments, which may hold escape
    /// sequences.
    pub fn parse_clean() -> (Cli, Mode) {
        let parsed = Cli::try_parse().and_then(|c| c.mode().map(|m| (c, m)));
        match parsed {
            Ok(c) => c,
            // --help and --version: our own words, to stdout, as clap prints them.
            Err(e) if !e.use_stderr() => e.exit(),
            Err(e) => {
                use std::io::Write;
                let mut err = std::io::stderr().lock();
                for line in usage_error_lines(&e) {
                    let _ = writeln!(err, "{line}");
                }
                std::process::exit(e.exit_code());
            }
        }
    }

    /// The mode the flags ask for, or a usage error when `--format` names
    /// an output that mode does not write.
    pub fn mode(&self) -> Result<Mode, clap::Error> {
        if self.print_config {
            return Ok(Mode::PrintConfig);
        }
        if let Some(shell) = self.completions {
            return Ok(Mode::Completions(shell));
        }
        if self.man {
            return Ok(Mode::Man);
        }
        if self.export {
            let format = match self.format.unwrap_or(Format::Md) {
                Format::Md => ExportFormat::Markdown,
                Format::Org => ExportFormat::Org,
                Format::Json => ExportFormat::Json,
                other => return Err(wrong_format(other, "--export", "md, org or json")),
            };
            let talk = self.talk.clone();
            return Ok(Mode::Export { format, talk });
        }
        if let Some(query) = &self.search {
            let format = match self.format.unwrap_or(Format::Text) {
                Format::Text => SearchFormat::Text,
                Format::Grep => SearchFormat::Grep,
                Format::Json => SearchFormat::Json,
                other => return Err(wrong_format(other, "--search", "text, grep or json")),
            };
            return Ok(Mode::Search {
                query: query.clone(),
                format,
                limit: self.limit,
            });
        }
        let format = match self.format.unwrap_or(Format::Text) {
            Format::Text => DumpFormat::Text,
            Format::Json => DumpFormat::Json,
            other => return Err(wrong_format(other, "printing the outline", "text or json")),
        };
        Ok(if self.dump {
            Mode::Dump(format)
        } else {
            Mode::Read(format)
        })
    }
}

fn wrong_format(f: Format, what: &str, takes: &str) -> clap::Error {
    let msg = match f.only_for() {
        Some(mode) => format!("--format {} is for {mode}; {what} takes {takes}", f.name()),
        None => format!("--format {}: {what} takes {takes}", f.name()),
    };
    Cli::command().error(ErrorKind::ArgumentConflict, msg)
}

/// A usage error's lines, each cleaned (without clap's colours).
pub fn usage_error_lines(e: &clap::Error) -> Vec<Clean> {
    e.render().to_string().lines().map(Clean::new).collect()
}

/// `--search`: a query with at least one term. A blank query (or operators
/// alone, `!` or `'`) matches nothing, which a script would take for "no
/// hits" rather than for its own mistake.
fn parse_query(s: &str) -> Result<String, String> {
    if crate::search::Query::parse(s).is_empty() {
        return Err("the query is empty: give a word to find (the find syntax is in talktree --help)".into());
    }
    Ok(s.to_string())
}

/// `--limit`: a count, or "all" for every hit (as `fzf --filter` prints).
fn parse_limit(s: &str) -> Result<usize, String> {
    if s.eq_ignore_ascii_case("all") {
        return Ok(usize::MAX);
    }
    s.parse()
        .map_err(|_| format!("expected a number of hits or \"all\", not {s:?}"))
}

#[cfg(test)]
#[path = "cli_tests.rs"]
mod tests;
