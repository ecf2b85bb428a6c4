//! The README shows the real reader: its screen capture and key table are
//! generated here and must match. `UPDATE_README=1 cargo test --test readme`
//! rewrites them after a deliberate change.

mod common;
use common::render::{app_on, keys, render, text};
use talktree::config::Config;
use talktree::outline::load_seeds;
use talktree::ui::help::help_lines;

fn screen() -> String {
    let mut a = app_on(load_seeds(), 100, 30);
    keys(&mut a, "/ r i e m a n n Enter");
    format!("```\n{}```", text(&render(&a)))
}

fn key_table() -> String {
    let mut out = String::new();
    for (keys, what) in help_lines(&Config::defaults().keymap) {
        match (keys.is_empty(), what.is_empty()) {
            (true, true) => {}
            (true, false) => out.push_str(&format!("\n**{what}**\n\n| Keys | Does |\n|---|---|\n")),
            _ => out.push_str(&format!("| `{}` | {what} |\n", keys.replace('|', "\\|"))),
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
    let want = splice(&splice(&doc, "screen", &screen()), "keys", &key_table());
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(&path, &want).unwrap();
        return;
    }
    assert!(
        doc == want,
        "README.md is out of date: run `UPDATE_README=1 cargo test --test readme`"
    );
}
