//! Which editor opens a notes file and how it is told the line: `$VISUAL`,
//! else `$EDITOR`, else `vi`, with the line in the syntax that editor reads.
//! Pure: the command is built here as data; `terminal` runs it.

use std::ffi::OsString;
use std::path::Path;

/// The editor when neither variable names one (as git and crontab do).
pub const FALLBACK: &str = "vi";

/// A command to run: the program and its arguments, never through a shell.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Command {
    pub program: OsString,
    pub args: Vec<OsString>,
}

/// The editor's command line: `$VISUAL`, else `$EDITOR`, else `vi`. A
/// variable that is empty or only blanks counts as unset.
pub fn chosen(visual: Option<OsString>, editor: Option<OsString>) -> OsString {
    [visual, editor]
        .into_iter()
        .flatten()
        .find(|v| !v.to_string_lossy().trim().is_empty())
        .unwrap_or_else(|| FALLBACK.into())
}

/// How an editor is told the line to open at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineSyntax {
    /// `+LINE FILE`: vi, vim, neovim, nano, emacs, kakoune, micro, joe, mcedit...
    Plus,
    /// `FILE:LINE`: helix, Sublime Text, Zed.
    Colon,
    /// `-g FILE:LINE`: VS Code and its forks.
    Goto,
}

fn syntax_of(program: &str) -> LineSyntax {
    let name = program.rsplit('/').next().unwrap_or(program);
    let name = name.strip_suffix(".exe").unwrap_or(name);
    match name {
        "hx" | "helix" | "subl" | "sublime_text" | "zed" | "zeditor" => LineSyntax::Colon,
        "code" | "code-insiders" | "codium" | "vscodium" | "cursor" | "windsurf" => LineSyntax::Goto,
        _ => LineSyntax::Plus,
    }
}

/// The command that opens `file` at `line` (1-based; 0 opens at the top).
/// The editor variable may hold arguments (`code -w`, `emacs -nw`): it is
/// split at blanks, as most programs that read `$EDITOR` without a shell do.
pub fn command(editor: &OsString, file: &Path, line: u32) -> Command {
    let text = editor.to_string_lossy();
    let mut words = text.split_whitespace().map(OsString::from);
    let program = words.next().unwrap_or_else(|| FALLBACK.into());
    let mut args: Vec<OsString> = words.collect();
    let at_line = |sep: &str| {
        let mut s = file.as_os_str().to_os_string();
        s.push(format!("{sep}{line}"));
        s
    };
    match (line, syntax_of(&program.to_string_lossy())) {
        (0, _) => args.push(file.into()),
        (_, LineSyntax::Plus) => {
            args.push(format!("+{line}").into());
            args.push(file.into());
        }
        (_, LineSyntax::Colon) => args.push(at_line(":")),
        (_, LineSyntax::Goto) => {
            args.push("-g".into());
            args.push(at_line(":"));
        }
    }
    Command { program, args }
}

/// Why the editor did not finish well, in words for the status line.
pub fn failure(program: &OsString, outcome: &std::io::Result<std::process::ExitStatus>) -> Option<String> {
    use std::os::unix::process::ExitStatusExt;
    let name = crate::outline::Clean::new(&program.to_string_lossy());
    match outcome {
        Ok(s) if s.success() => None,
        Ok(s) => Some(match (s.code(), s.signal()) {
            (Some(c), _) => format!("the editor {name} exited with status {c}; the notes are as they were"),
            (_, Some(sig)) => format!("the editor {name} was ended by signal {sig}"),
            _ => format!("the editor {name} failed"),
        }),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Some(format!(
            "no editor {name} found: set $VISUAL or $EDITOR to the editor you use"
        )),
        Err(e) => Some(format!("could not start the editor {name}: {e}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(editor: &str, line: u32) -> Vec<String> {
        let c = command(&editor.into(), Path::new("/n/talks.md"), line);
        std::iter::once(c.program)
            .chain(c.args)
            .map(|a| a.to_string_lossy().into_owned())
            .collect()
    }

    #[test]
    fn visual_wins_then_editor_then_vi() {
        assert_eq!(chosen(Some("nvim".into()), Some("nano".into())), "nvim");
        assert_eq!(chosen(Some(" ".into()), Some("nano".into())), "nano");
        assert_eq!(chosen(None, Some("nano".into())), "nano");
        assert_eq!(chosen(None, Some("".into())), FALLBACK);
        assert_eq!(chosen(None, None), FALLBACK);
    }

    #[test]
    fn each_editor_gets_the_line_in_its_own_syntax() {
        for plus in ["vi", "/usr/bin/vim", "nvim", "nano", "emacs -nw", "kak", "micro"] {
            let a = argv(plus, 12);
            assert_eq!(a[a.len() - 2..], ["+12", "/n/talks.md"], "{plus}");
        }
        assert_eq!(argv("hx", 7), ["hx", "/n/talks.md:7"]);
        assert_eq!(argv("/opt/zed", 7), ["/opt/zed", "/n/talks.md:7"]);
        assert_eq!(argv("code -w", 7), ["code", "-w", "-g", "/n/talks.md:7"]);
        assert_eq!(argv("emacs -nw", 3), ["emacs", "-nw", "+3", "/n/talks.md"]);
    }

    #[test]
    fn no_line_opens_the_file_alone() {
        assert_eq!(argv("hx", 0), ["hx", "/n/talks.md"]);
        assert_eq!(argv("vim", 0), ["vim", "/n/talks.md"]);
    }

    #[test]
    fn failures_are_said_in_words_with_the_name_cleaned() {
        use std::os::unix::process::ExitStatusExt;
        let bad = std::process::ExitStatus::from_raw(3 << 8);
        let said = failure(&"ed\x1b]0;x".into(), &Ok(bad)).unwrap();
        assert!(said.contains("status 3") && !said.contains('\x1b'), "{said}");
        let missing = Err(std::io::Error::from(std::io::ErrorKind::NotFound));
        assert!(failure(&"nope".into(), &missing).unwrap().contains("$EDITOR"));
        assert_eq!(failure(&"vi".into(), &Ok(std::process::ExitStatus::from_raw(0))), None);
    }
}
