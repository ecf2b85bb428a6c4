use super::*;

fn mode(args: &[&str]) -> Result<Mode, clap::Error> {
    Cli::try_parse_from(args).and_then(|c| c.mode())
}

#[test]
fn dump_with_format_and_paths() {
    let c = Cli::try_parse_from(["talktree", "--dump", "--format", "json", "a.md", "dir"]).unwrap();
    assert_eq!(c.mode().unwrap(), Mode::Dump(DumpFormat::Json));
    assert_eq!(c.paths.len(), 2);
    assert_eq!(mode(&["talktree", "x"]).unwrap(), Mode::Read(DumpFormat::Text));
}

#[test]
fn search_takes_text_grep_or_json() {
    for (f, want) in [
        (None, SearchFormat::Text),
        (Some("text"), SearchFormat::Text),
        (Some("grep"), SearchFormat::Grep),
        (Some("json"), SearchFormat::Json),
    ] {
        let mut args = vec!["talktree", "--search", "q"];
        args.extend(f.map(|f| ["--format", f]).into_iter().flatten());
        match mode(&args).unwrap() {
            Mode::Search { query, format, .. } => assert_eq!((query.as_str(), format), ("q", want)),
            other => panic!("{args:?}: {other:?}"),
        }
    }
}

#[test]
fn grep_format_outside_search_is_a_usage_error() {
    for args in [
        vec!["talktree", "--format", "grep"],
        vec!["talktree", "--dump", "--format", "grep", "x.md"],
    ] {
        let e = mode(&args).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{args:?}");
        assert!(e.to_string().contains("--format grep is for --search"), "{e}");
    }
}

#[test]
fn a_blank_query_is_a_usage_error_that_says_so() {
    for q in ["", "   ", "\t", "!", "' ^ $"] {
        let e = mode(&["talktree", "--search", q]).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{q:?}");
        assert!(e.to_string().contains("the query is empty"), "{q:?}: {e}");
    }
    assert!(mode(&["talktree", "--search", " ^ok "]).is_ok());
}

#[test]
fn completions_and_man_stand_alone() {
    assert_eq!(
        mode(&["talktree", "--completions", "zsh"]).unwrap(),
        Mode::Completions(Shell::Zsh)
    );
    assert_eq!(mode(&["talktree", "--man"]).unwrap(), Mode::Man);
    for args in [
        vec!["talktree", "--man", "x.md"],
        vec!["talktree", "--completions", "bash", "--dump"],
        vec!["talktree", "--completions", "tcsh"],
    ] {
        assert_eq!(mode(&args).unwrap_err().exit_code(), 2, "{args:?}");
    }
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
        vec!["talktree", "--completions", "x\u{1b}]0;t\u{7}"],
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
        vec!["talktree", "--search", "q", "--dump"],
        vec!["talktree", "--all-copies"],
        vec!["talktree", "--exact"],
    ] {
        let e = mode(&args).unwrap_err();
        assert_eq!(e.exit_code(), 2, "{args:?}");
    }
}
