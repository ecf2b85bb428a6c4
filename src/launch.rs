//! Starting other programs for the reader: the link opener (detached, its
//! output kept off the terminal) and a clipboard command (fed the text on
//! its standard input). Never through a shell: an argv is run as it is. The
//! app holds a `Launch` so tests put a recorder in its place and never start
//! a browser.

use std::io::{Read, Write};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub trait Launch: Send {
    /// Starts `argv` and returns without waiting for it.
    fn open(&mut self, argv: &[String]) -> Result<(), String>;
    /// Runs `argv` with `input` on its standard input, until it exits.
    fn pipe(&mut self, argv: &[String], input: &str) -> Result<(), String>;
}

/// Starts real processes.
#[derive(Default)]
pub struct System;

/// How long a clipboard command may take before the reader stops waiting
/// (it is left to finish): the keys wait meanwhile.
const PIPE_WAIT: Duration = Duration::from_secs(2);

fn command(argv: &[String]) -> Result<Command, String> {
    let (program, args) = argv.split_first().ok_or("no command given")?;
    let mut c = Command::new(program);
    c.args(args);
    // Its own process group: Ctrl-C in the reader is not sent to it.
    std::os::unix::process::CommandExt::process_group(&mut c, 0);
    Ok(c)
}

/// "'xdg-open' is not installed", or the system's reason.
fn spawn_error(argv: &[String], e: &std::io::Error) -> String {
    let name = argv.first().map_or("", String::as_str);
    match e.kind() {
        std::io::ErrorKind::NotFound => format!("{name:?} is not installed (or not on PATH)"),
        std::io::ErrorKind::PermissionDenied => format!("{name:?} cannot be run (permission denied)"),
        _ => format!("{name:?} could not start: {e}"),
    }
}

/// Waits for the child in the background, so it never lingers as a zombie.
fn reap(mut child: Child) {
    std::thread::spawn(move || child.wait());
}

impl Launch for System {
    fn open(&mut self, argv: &[String]) -> Result<(), String> {
        let child = command(argv)?
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| spawn_error(argv, &e))?;
        reap(child);
        Ok(())
    }

    fn pipe(&mut self, argv: &[String], input: &str) -> Result<(), String> {
        let mut child = command(argv)?
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .map_err(|e| spawn_error(argv, &e))?;
        // Written and read on threads: a command that neither reads nor
        // exits cannot hold the reader, and one that forks a helper to keep
        // the selection (xclip) keeps its stderr open with it.
        let mut stdin = child.stdin.take().expect("piped");
        let input = input.to_string();
        std::thread::spawn(move || stdin.write_all(input.as_bytes()));
        let mut stderr = child.stderr.take().expect("piped");
        let (tx, said) = mpsc::channel();
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            let _ = (&mut stderr).take(4096).read_to_end(&mut buf);
            let _ = tx.send(buf);
        });
        let started = Instant::now();
        let status = loop {
            match child.try_wait() {
                Ok(Some(status)) => break status,
                Ok(None) if started.elapsed() < PIPE_WAIT => std::thread::sleep(Duration::from_millis(5)),
                Ok(None) => {
                    reap(child);
                    return Err(format!("{:?} did not finish within 2 s (left running)", argv.join(" ")));
                }
                Err(e) => return Err(format!("{:?}: {e}", argv.join(" "))),
            }
        };
        if status.success() {
            return Ok(());
        }
        let words = said.recv_timeout(Duration::from_millis(200)).unwrap_or_default();
        let words = String::from_utf8_lossy(&words);
        let first = words.lines().map(str::trim).find(|l| !l.is_empty());
        let why = match (status.code(), first) {
            (Some(c), Some(w)) => format!("exit status {c}: {w}"),
            (Some(c), None) => format!("exit status {c}"),
            (None, _) => "killed by a signal".to_string(),
        };
        Err(format!("{:?} failed ({why})", argv.join(" ")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn argv(s: &[&str]) -> Vec<String> {
        s.iter().map(|a| a.to_string()).collect()
    }

    #[test]
    fn a_clipboard_command_gets_the_text_on_stdin() {
        let dir = std::env::temp_dir().join(format!("talktree-pipe-{}", std::process::id()));
        let out = dir.with_extension("txt");
        let script = format!("cat > '{}'", out.display());
        System
            .pipe(&argv(&["sh", "-c", &script]), "line one\nline two\n")
            .unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "line one\nline two\n");
        let _ = std::fs::remove_file(out);
    }

    #[test]
    fn a_missing_or_failing_command_is_told_in_words() {
        let missing = System.pipe(&argv(&["talktree-no-such-copier"]), "x").unwrap_err();
        assert!(
            missing.contains("\"talktree-no-such-copier\" is not installed"),
            "{missing}"
        );
        let failed = System
            .pipe(&argv(&["sh", "-c", "echo 'Error: no display' >&2; exit 3"]), "x")
            .unwrap_err();
        assert!(failed.contains("failed (exit status 3: Error: no display)"), "{failed}");
        let missing = System
            .open(&argv(&["talktree-no-such-opener", "https://x.org"]))
            .unwrap_err();
        assert!(missing.contains("not installed"), "{missing}");
    }
}
