//! The command line as scripts use it: completions and the man page made
//! from the clap definition, `--search`'s formats fed to other tools, and
//! the usage errors that stop a script early.

use clap::CommandFactory;
use std::process::{Command, Output, Stdio};
use talktree::cli::Cli;

fn run(args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_talktree"))
        .args(args)
        .env("TALKTREE_STATE_DIR", dir.path().join("state"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env_remove("TALKTREE_CONFIG")
        .current_dir(dir.path())
        .stdin(Stdio::null())
        .output()
        .unwrap()
}

/// Every long flag the parser knows, read from the definition itself.
fn long_flags() -> Vec<String> {
    let flags: Vec<String> = Cli::command()
        .get_arguments()
        .filter_map(|a| a.get_long())
        .map(|l| format!("--{l}"))
        .collect();
    assert!(flags.len() >= 10, "{flags:?}");
    flags
}

/// Whether `program` can be started here (shells other than sh are not on
/// every machine; those checks are skipped, and say so).
fn have(program: &str) -> bool {
    let found = Command::new(program).arg("--version").output().is_ok();
    if !found {
        eprintln!("{program} is not installed: skipping its check");
    }
    found
}

#[test]
fn completions_name_every_long_flag_and_parse() {
    for (shell, check) in [
        ("bash", Some(["bash", "-n"])),
        ("zsh", Some(["zsh", "-n"])),
        ("fish", None),
    ] {
        let out = run(&["--completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let script = String::from_utf8(out.stdout).unwrap();
        for flag in long_flags() {
            // fish names flags without their dashes: `-l dump`.
            let named = script.contains(&flag) || script.contains(&format!("-l {}", &flag[2..]));
            assert!(named, "{shell} completions lack {flag}");
        }
        // The formats and shells are offered as values.
        assert!(script.contains("grep") && script.contains("json"), "{shell}");
        if let Some([program, flag]) = check.filter(|c| have(c[0])) {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("talktree.sh");
            std::fs::write(&file, &script).unwrap();
            let ok = Command::new(program).arg(flag).arg(&file).status().unwrap();
            assert!(ok.success(), "{program} {flag} rejects the script");
        }
    }
}

#[test]
fn the_man_page_is_roff_naming_every_long_flag() {
    let out = run(&["--man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{}", &page[..80]);
    assert!(page.contains(".TH talktree 1"), "a section 1 page");
    for flag in long_flags() {
        // roff spells a dash `\-`.
        assert!(page.contains(&flag.replace('-', "\\-")), "man page lacks {flag}");
    }
}

#[test]
fn completions_and_man_take_nothing_else() {
    for args in [
        &["--man", "notes.md"][..],
        &["--completions", "bash", "--dump"],
        &["--completions", "csh"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
}

#[test]
fn a_blank_query_is_a_usage_error() {
    for q in ["", "  ", "!"] {
        let out = run(&["--search", q]);
        assert_eq!(out.status.code(), Some(2), "{q:?}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert!(err.contains("the query is empty"), "{q:?}: {err}");
        assert!(out.stdout.is_empty());
    }
    let out = run(&["--format", "grep", "--dump"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8(out.stderr)
        .unwrap()
        .contains("--format grep is for --search"));
}

/// `vim -q` reads the grep lines as its quickfix list and lands on each
/// hit's matched word (skipped where vim is not installed).
#[test]
fn vim_reads_the_grep_lines_as_a_quickfix_list() {
    if !have("vim") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.md");
    std::fs::write(
        &notes,
        "# Ops day\n\n## Monitoring (Ann Lee)\n\n- is anyone using riemann?\n\t- riemann\tfor events\n",
    )
    .unwrap();
    let out = run(&["--search", "riemann", "--format", "grep", notes.to_str().unwrap()]);
    let list = dir.path().join("hits");
    std::fs::write(&list, &out.stdout).unwrap();
    let report = dir.path().join("report");
    let script = format!(
        "for i in range(len(getqflist()))|exe 'cc' (i + 1)|call writefile([strpart(getline('.'), col('.') - 1, 7)], '{}', 'a')|endfor|qa!",
        report.display()
    );
    let status = Command::new("vim")
        .args(["-N", "-u", "NONE", "-es", "-q"])
        .arg(&list)
        .args(["-c", &script])
        .stdin(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success());
    let words = std::fs::read_to_string(&report).unwrap();
    let hits = String::from_utf8_lossy(&out.stdout);
    assert_eq!(words.lines().collect::<Vec<_>>(), ["riemann", "riemann"], "{hits}");
}
