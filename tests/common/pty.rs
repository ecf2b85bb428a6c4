//! Drives the real binary in a pseudo-terminal and reads its screen through
//! a vt100 parser: no tmux or other system tools needed.
#![allow(dead_code)]

use portable_pty::{native_pty_system, Child, CommandBuilder, MasterPty, PtySize};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub struct Pty {
    /// A private home for state and config, so tests never touch the user's.
    pub home: tempfile::TempDir,
    pub master: Box<dyn MasterPty + Send>,
    pub child: Box<dyn Child + Send + Sync>,
    writer: Box<dyn Write + Send>,
    pub parser: Arc<Mutex<vt100::Parser>>,
    /// Every byte the program wrote, for checks on raw escape sequences.
    pub raw: Arc<Mutex<Vec<u8>>>,
}

impl Pty {
    pub fn spawn(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        Pty::spawn_program(env!("CARGO_BIN_EXE_talktree"), args, cols, rows, env)
    }

    /// Any program (a shell, for job control) with the same private home.
    pub fn spawn_program(program: &str, args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)]) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("TALKTREE_CONFIG");
        let home = tempfile::tempdir().expect("temp home");
        cmd.env("TALKTREE_STATE_DIR", home.path().join("state"));
        cmd.env("XDG_CONFIG_HOME", home.path().join("config"));
        cmd.env("HOME", home.path());
        for (k, v) in env {
            cmd.env(k, v);
        }
        cmd.cwd(std::env::temp_dir());
        let child = pair.slave.spawn_command(cmd).expect("spawn talktree");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let parser = Arc::new(Mutex::new(vt100::Parser::new(rows, cols, 0)));
        let raw = Arc::new(Mutex::new(Vec::new()));
        let (p, r) = (parser.clone(), raw.clone());
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
                r.lock().unwrap().extend_from_slice(&buf[..n]);
            }
        });
        Pty {
            home,
            master: pair.master,
            child,
            writer,
            parser,
            raw,
        }
    }

    pub fn send(&mut self, s: &str) {
        self.writer.write_all(s.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Waits until the screen shows `needle` (up to 20 s: CI machines are slow).
    pub fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(needle) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "timed out waiting for {needle:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// Waits for the program to exit; returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread drain the last bytes.
                std::thread::sleep(Duration::from_millis(150));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < Duration::from_secs(20),
                "program did not exit; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(Duration::from_millis(30));
        }
    }

    /// The state file the program wrote in its private home, if any.
    pub fn state_file(&self) -> Option<String> {
        std::fs::read_to_string(self.home.path().join("state").join("state.json")).ok()
    }

    /// Waits until nothing changes on screen for a moment (keys processed).
    pub fn settle(&self) -> String {
        let mut last = self.screen();
        loop {
            std::thread::sleep(Duration::from_millis(250));
            let now = self.screen();
            if now == last {
                return now;
            }
            last = now;
        }
    }

    pub fn pid(&self) -> i32 {
        self.child.process_id().expect("child pid") as i32
    }

    /// The terminal is back to normal: main screen, cursor shown, no mouse
    /// reporting, and the line discipline out of raw mode.
    pub fn assert_restored(&self) {
        let p = self.parser.lock().unwrap();
        let s = p.screen();
        assert!(!s.alternate_screen(), "still on the alternate screen");
        assert!(!s.hide_cursor(), "cursor still hidden");
        assert_eq!(
            s.mouse_protocol_mode(),
            vt100::MouseProtocolMode::None,
            "mouse reporting still on"
        );
        assert!(!s.bracketed_paste(), "bracketed paste still on");
        let fd = self.master.as_raw_fd().expect("master fd");
        let mut t: libc::termios = unsafe { std::mem::zeroed() };
        // SAFETY: tcgetattr fills `t` for a valid terminal fd.
        assert_eq!(unsafe { libc::tcgetattr(fd, &mut t) }, 0);
        assert!(t.c_lflag & libc::ICANON != 0, "raw mode still on (ICANON off)");
        assert!(t.c_lflag & libc::ECHO != 0, "raw mode still on (ECHO off)");
    }
}

impl Drop for Pty {
    /// A failed test must not leave its program running.
    fn drop(&mut self) {
        if self.child.try_wait().ok().flatten().is_none() {
            let _ = self.child.kill();
        }
    }
}
