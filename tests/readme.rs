//! The README shows the real reader: its screen capture and key table are
//! generated here and must match. `UPDATE_README=1 cargo test --test readme`
//! rewrites them after a deliberate change.

mod common;
use common::render::{app_on, keys, render, text};
use talktree::app::help::help_lines;
use talktree::config::Config;
use talktree::outline::load_seeds;

fn screen() -> String {
    capture(100, 30, "/ r i e m a n n Enter")
}

fn capture(w: u16, h: u16, ks: &str) -> String {
    let mut a = app_on(load_seeds(), w, h);
    keys(&mut a, ks);
    format!("```\n{}```", text(&render(&a)))
}

/// The captures that explain issue 20's features, each between its
/// markers: (marker, keys typed at 120x40).
const VIEW_CAPTURES: [(&str, &str); 4] = [
    ("screen-tree", "/ r i e m a n n Ctrl-v"),
    ("screen-marks", "/ m e n t o r i n g Enter n n"),
    ("screen-zoom", "} ] ] ] z i"),
    ("screen-full", "} ] ] ] F"),
];

fn key_table() -> String {
    let mut out = String::new();
    // A section's table header is written with its first row, so a section
    // of plain text (the find syntax) stays a line, not an empty table.
    let mut header_due = false;
    for (keys, what) in help_lines(&Config::defaults().keymap) {
        match (keys.is_empty(), what.is_empty()) {
            (true, true) => {}
            (true, false) => {
                out.push_str(&format!("\n**{what}**\n\n"));
                header_due = true;
            }
            _ => {
                if std::mem::take(&mut header_due) {
                    out.push_str("| Keys | Does |\n|---|---|\n");
                }
                out.push_str(&format!("| `{}` | {what} |\n", keys.replace('|', "\\|")));
            }
        }
    }
    out.trim().to_string()
}

/// Replaces what sits between `<!-- NAME:start -->` and `<!-- NAME:end -->`.
fn splice(doc: &str, name: &str, body: &str) -> String {
    let start = format!("<!-- {name}:start -->");
    let end = format!("<!-- {name}:end -->");
    let a = doc.find(&start).expect("start marker") + start.len();
    let b = doc.find(&end).expect("end marker");
    format!("{}\n{}\n{}", &doc[..a], body, &doc[b..])
}

#[test]
fn readme_shows_the_real_screen_and_keys() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let mut want = splice(&splice(&doc, "screen", &screen()), "keys", &key_table());
    for (name, ks) in VIEW_CAPTURES {
        want = splice(&want, name, &capture(120, 40, ks));
    }
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    assert!(
        doc == want,
        "README.md is out of date: run `UPDATE_README=1 cargo test --test readme`"
    );
}

/// The config example in the README is one a user can paste: no errors.
#[test]
fn readme_config_example_loads_cleanly() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let doc = std::fs::read_to_string(path).unwrap();
    let start = doc.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let example = &doc[start..start + doc[start..].find("```").unwrap()];
    let (config, errors) = Config::load(Some(("README example", example)));
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(config.open_level, 3);
}
