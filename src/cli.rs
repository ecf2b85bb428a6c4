//! The command line. Scripts and tests depend on these names and exit codes:
//! 0 when every file loaded, 1 when some could not, 2 for usage errors.

use crate::outline::Clean;
use clap::{Parser, ValueEnum};
use std::path::PathBuf;

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum DumpFormat {
    Text,
    Json,
}

#[derive(Debug, Parser)]
#[command(
    name = "talktree",
    version,
    about = "A terminal reader for conference notes: browse talks as a tree, fuzzy-find any bullet, read the whole session.",
    after_help = "With no PATH, opens the notes bundled with talktree.\nKeys: press ? inside the reader for every binding."
)]
pub struct Cli {
    /// Notes files or folders. Folders are searched recursively for .txt .md .org .opml ...;
    /// symlinks to folders are not followed, files linked in are read.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Print the loaded outline and exit.
    #[arg(long)]
    pub dump: bool,

    /// Output of --dump (and of the outline printed when stdout is not a terminal).
    #[arg(long, value_enum, default_value_t = DumpFormat::Text, value_name = "FORMAT")]
    pub format: DumpFormat,

    /// Print the ranked hits for QUERY (same syntax as the find pane) and exit;
    /// exit status 1 when nothing matched.
    #[arg(long, value_name = "QUERY")]
    pub search: Option<String>,

    /// How many hits --search prints: a number, or "all".
    #[arg(long, default_value = "50", value_name = "N", value_parser = parse_limit, requires = "search")]
    pub limit: usize,

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
}

impl Cli {
    /// `Cli::parse`, but a usage error is printed as display text: clap's
    /// messages quote the arguments, which may hold escape sequences.
    pub fn parse_clean() -> Cli {
        match Cli::try_parse() {
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
}

/// A usage error's lines, each cleaned (without clap's colours).
pub fn usage_error_lines(e: &clap::Error) -> Vec<Clean> {
    e.render().to_string().lines().map(Clean::new).collect()
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
mod tests {
    use super::*;

    #[test]
    fn dump_with_format_and_paths() {
        let c = Cli::try_parse_from(["talktree", "--dump", "--format", "json", "a.md", "dir"]).unwrap();
        assert!(c.dump);
        assert_eq!(c.format, DumpFormat::Json);
        assert_eq!(c.paths.len(), 2);
    }

    #[test]
    fn limit_is_a_count_or_all() {
        let limit = |v: &str| Cli::try_parse_from(["talktree", "--search", "q", "--limit", v]).map(|c| c.limit);
        assert_eq!(limit("7").unwrap(), 7);
        assert_eq!(limit("all").unwrap(), usize::MAX);
        assert_eq!(limit("ALL").unwrap(), usize::MAX);
        assert_eq!(Cli::try_parse_from(["talktree"]).unwrap().limit, 50);
    }

    #[test]
    fn usage_errors_quote_arguments_as_display_text() {
        for args in [
            vec!["talktree", "--bogus\u{1b}]0;pwned\u{7}"],
            vec!["talktree", "--search", "q", "--limit", "\u{9b}2J\u{7}many\u{85}"],
            vec!["talktree", "--dump", "--format", "x\u{1b}]52;c;aGk=\u{7}\nnext\tcol"],
        ] {
            let e = Cli::try_parse_from(&args).unwrap_err();
            let lines = usage_error_lines(&e);
            assert!(lines.len() > 1, "{lines:?}");
            for l in &lines {
                assert!(
                    !l.chars().any(crate::outline::hygiene::is_unsafe_char),
                    "{args:?}: {l:?}"
                );
            }
        }
    }

    #[test]
    fn unknown_flags_and_formats_are_usage_errors() {
        for args in [
            vec!["talktree", "--bogus"],
            vec!["talktree", "--dump", "--format", "xml"],
            vec!["talktree", "--search", "q", "--limit", "many"],
            vec!["talktree", "--search", "q", "--limit", "-1"],
            vec!["talktree", "--limit", "3"],
        ] {
            let e = Cli::try_parse_from(args).unwrap_err();
            assert_eq!(e.exit_code(), 2);
        }
    }
}
