//! The real binary in a pseudo-terminal on a hostile note: what reaches the
//! terminal when a talk is copied (one exact OSC 52 sequence) and when its
//! links are drawn (OSC 8 sequences holding only printable ASCII).

mod common;
use common::pty::Pty;
use talktree::outline::{build_outline, parse_document};

/// A talk whose notes carry ESC sequences (one an OSC 52 of its own), BEL,
/// C1 controls (CSI, ST) and a link whose target holds an escape.
const HOSTILE: &[u8] = b"# Talk (Ann)\n\n- evil \x1b]52;c;ZXZpbA==\x07 and \xc2\x9b31m red \xc2\x9c bell\x07\n- see [the slides](https://x.org/a\x1b[2Jb) now\n  - deeper, with https://y.org/\n";

/// Every sequence a `ESC ]` starts in `raw`, up to its end (`ESC \` or BEL).
fn osc_sequences(raw: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < raw.len() {
        if raw[i] == 0x1b && raw[i + 1] == b']' {
            let end = (i + 2..raw.len())
                .find(|&j| raw[j] == 0x07 || (raw[j] == 0x1b && raw.get(j + 1) == Some(&b'\\')))
                .unwrap_or(raw.len());
            out.push(raw[i..end].to_vec());
            i = end;
        } else {
            i += 1;
        }
    }
    out
}

#[test]
fn a_copy_and_the_links_reach_the_terminal_as_exact_inert_sequences() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("hostile.md");
    std::fs::write(&file, HOSTILE).unwrap();
    let mut t = Pty::spawn(&[file.to_str().unwrap()], 100, 30, &[("BROWSER", "true")]);
    t.wait_for("Talk (Ann)");
    // The talk, its notes shown in the detail pane, then copied.
    t.send("j");
    t.wait_for("the slides");
    t.send("y");
    t.wait_for("Copied talk 'Talk (Ann)' as Markdown");
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    t.assert_restored();

    // What the copy must carry: the talk as Markdown, made inert.
    let o = build_outline(vec![parse_document(HOSTILE, "hostile.md").unwrap()]);
    let talk = (0..o.len()).find(|&i| o.text(i) == "Talk (Ann)").unwrap();
    let want = talktree::clip::osc52(&talktree::export::node_markdown(&o, talk)).unwrap();

    let raw = t.raw.lock().unwrap().clone();
    let seqs = osc_sequences(&raw);
    let copies: Vec<&Vec<u8>> = seqs.iter().filter(|s| s.starts_with(b"\x1b]52;")).collect();
    assert_eq!(copies.len(), 1, "one copy, none from the note");
    assert_eq!(
        [copies[0].as_slice(), b"\x1b\\"].concat(),
        want.as_bytes(),
        "the exact sequence"
    );
    // Every other OSC is a hyperlink talktree wrote, its target printable ASCII.
    let links: Vec<&Vec<u8>> = seqs.iter().filter(|s| !s.starts_with(b"\x1b]52;")).collect();
    assert!(!links.is_empty(), "the detail pane's links are hyperlinks");
    for s in &links {
        let uri = s
            .strip_prefix(b"\x1b]8;;")
            .unwrap_or_else(|| panic!("{:?}", String::from_utf8_lossy(s)));
        assert!(
            uri.iter().all(|b| (0x21..0x7f).contains(b)),
            "{:?}",
            String::from_utf8_lossy(s)
        );
    }
    let targets: Vec<String> = links
        .iter()
        .map(|s| String::from_utf8_lossy(&s[5..]).into_owned())
        .collect();
    assert!(
        targets.iter().any(|u| u.starts_with("https://x.org/a%E2%90%9B")),
        "{targets:?}"
    );
    assert!(targets.iter().any(|u| u == "https://y.org/"), "{targets:?}");
    // No BEL and no C1 control anywhere in the output.
    assert!(!raw.contains(&0x07), "a BEL reached the terminal");
    let text = String::from_utf8_lossy(&raw);
    assert!(
        !text.chars().any(|c| ('\u{80}'..'\u{a0}').contains(&c)),
        "a C1 control reached the terminal"
    );
}

#[test]
fn hyperlinks_off_in_the_config_writes_no_osc8() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("links.md");
    std::fs::write(&file, "# Talk (Ann)\n\n- see [the slides](https://x.org/s)\n").unwrap();
    let config = dir.path().join("config.toml");
    std::fs::write(&config, "[view]\nhyperlinks = false\n").unwrap();
    let mut t = Pty::spawn(
        &["--config", config.to_str().unwrap(), file.to_str().unwrap()],
        100,
        30,
        &[],
    );
    t.wait_for("Talk (Ann)");
    t.send("j");
    t.wait_for("the slides");
    t.settle();
    t.send("q");
    assert_eq!(t.wait_exit(), 0);
    let raw = t.raw.lock().unwrap().clone();
    assert!(osc_sequences(&raw).is_empty(), "{:?}", String::from_utf8_lossy(&raw));
}
