//! The three formats, parsed back: grep lines split at their first three
//! colons (no regex), JSON lines with serde_json, each checked against the
//! file the hits came from.

use super::*;
use crate::outline::fs::{load, ScanOptions};
use std::path::{Path, PathBuf};

/// Notes where finding the column takes each path of `column::locate`:
/// list markers at several depths, a tab inside text (expanded by the
/// loader), a paragraph wrapped over lines, multi-byte text before a match.
const NOTES: &str = "# Monitoring day\n\
\n\
## Riemann in production (Ann Lee)\n\
\n\
- is anyone using riemann?\n\
\t* we push events\tto riemann\n\
    - Über-fast µriemann setup\n\
\n\
We tried graphite first, and then\n\
moved everything to riemann for events.\n\
\n\
## Graphite at scale (Bo Ng)\n\
\n\
- graphite, not riemann\n";

fn loaded(files: &[(&str, &str)]) -> (tempfile::TempDir, Outline, Vec<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let paths: Vec<PathBuf> = files
        .iter()
        .map(|(name, text)| {
            let p = dir.path().join(name);
            std::fs::write(&p, text).unwrap();
            p
        })
        .collect();
    let r = load(&paths, &ScanOptions::default());
    assert!(r.errors.is_empty(), "{:?}", r.errors);
    (dir, r.outline, paths)
}

fn printed(o: &Outline, query: &str, format: SearchFormat) -> String {
    let hits = search::find(o, query, search::Scope::All);
    assert!(!hits.is_empty(), "{query}");
    let mut out = Vec::new();
    write_hits(o, &hits, &search::Query::parse(query), format, None, &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

/// `PATH:LINE:COL: rest`, split at the first three colons.
fn grep_fields(line: &str) -> (&str, usize, usize, &str) {
    let f: Vec<&str> = line.splitn(4, ':').collect();
    assert_eq!(f.len(), 4, "{line:?}");
    let rest = f[3]
        .strip_prefix(' ')
        .unwrap_or_else(|| panic!("a space after COL: {line:?}"));
    (f[0], f[1].parse().unwrap(), f[2].parse().unwrap(), rest)
}

#[test]
fn grep_lines_point_at_the_matched_word_in_the_file() {
    let (_dir, o, paths) = loaded(&[("monitoring.md", NOTES)]);
    let out = printed(&o, "riemann", SearchFormat::Grep);
    let file: Vec<&str> = NOTES.split('\n').collect();
    let lines: Vec<&str> = out.lines().collect();
    // The title, three bullets, the paragraph and the last talk's bullet.
    assert_eq!(lines.len(), 6, "{out}");
    for l in &lines {
        let (path, line, col, rest) = grep_fields(l);
        assert_eq!(Path::new(path), paths[0]);
        let at = &file[line - 1][col - 1..];
        assert!(at.to_lowercase().starts_with("riemann"), "{l:?} points at {at:?}");
        assert!(rest.starts_with("Monitoring day › "), "{l:?}");
        assert!(rest.to_lowercase().contains("riemann"), "{l:?}");
    }
    // The paragraph joined from two lines points at its second.
    assert!(lines.iter().any(|l| grep_fields(l).1 == 10), "{out}");
    // A hit inside a talk names it in the breadcrumb; a talk title does not.
    assert!(out.contains(" › Riemann in production (Ann Lee) › is anyone using riemann?\n"));
    assert!(out.contains("Monitoring day › Riemann in production (Ann Lee)\n"));
}

#[test]
fn json_lines_parse_and_agree_with_the_grep_lines() {
    let (_dir, o, paths) = loaded(&[("monitoring.md", NOTES)]);
    let json = printed(&o, "riemann", SearchFormat::Json);
    let grep = printed(&o, "riemann", SearchFormat::Grep);
    let text = printed(&o, "riemann", SearchFormat::Text);
    assert_eq!(json.lines().count(), grep.lines().count());
    assert_eq!(json.lines().count(), text.lines().count());
    let file: Vec<&str> = NOTES.split('\n').collect();
    for ((j, g), t) in json.lines().zip(grep.lines()).zip(text.lines()) {
        let v: serde_json::Value = serde_json::from_str(j).unwrap();
        let (path, _, _, rest) = grep_fields(g);
        assert_eq!(v["path"], path);
        assert_eq!(Path::new(v["path"].as_str().unwrap()), paths[0]);
        let crumb: Vec<&str> = v["breadcrumb"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c.as_str().unwrap())
            .collect();
        let shown = v["text"].as_str().unwrap();
        assert_eq!(rest, format!("{} › {shown}", crumb.join(" › ")));
        let cols: Vec<&str> = t.split('\t').collect();
        assert_eq!(cols, [v["score"].to_string().as_str(), &crumb.join(" › "), shown]);
        // The node starts on its line; its matched chars spell the query.
        let line = v["line"].as_u64().unwrap() as usize;
        assert!(!file[line - 1].trim().is_empty(), "{j}");
        let chars: Vec<char> = shown.chars().collect();
        let matched: String = v["matches"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| chars[m.as_u64().unwrap() as usize])
            .collect();
        assert_eq!(matched.to_lowercase(), "riemann", "{j}");
    }
}

#[test]
fn fields_stay_fields_whatever_a_name_or_a_note_holds() {
    let name = "evil\u{1b}]0;t\u{7}\ttab\nline.md";
    let notes = "# Talk\u{1b}[2J\tone\n- note\twith\u{1b}]52;c;aGk=\u{7} tabs\u{85}and C1\n";
    let (_dir, o, _) = loaded(&[(name, notes)]);
    for format in [SearchFormat::Grep, SearchFormat::Json, SearchFormat::Text] {
        let out = printed(&o, "note", format);
        assert_eq!(out.lines().count(), 1, "{format:?}: {out:?}");
        let bad = |c: char| c.is_control() && c != '\n' && !(format == SearchFormat::Text && c == '\t');
        assert!(!out.chars().any(bad), "{format:?}: {out:?}");
        // The text format names the document (its title, the file's stem).
        assert!(out.contains("evil␛]0;t␇␉tab␊line"), "{format:?}: {out:?}");
    }
    let grep = printed(&o, "note", SearchFormat::Grep);
    let (_, line, col, _) = grep_fields(grep.trim_end());
    assert_eq!((line, col), (2, 3));
    let v: serde_json::Value = serde_json::from_str(&printed(&o, "note", SearchFormat::Json)).unwrap();
    assert!(v["path"].as_str().unwrap().ends_with("evil␛]0;t␇␉tab␊line.md"), "{v}");
    assert!(v["breadcrumb"][1].as_str().unwrap().starts_with("Talk␛"), "{v}");
}

#[test]
fn bundled_notes_get_columns_from_the_copy_built_in() {
    let o = crate::outline::load_seeds();
    let grep = printed(&o, "'riemann", SearchFormat::Grep);
    for l in grep.lines() {
        let (path, line, col, _) = grep_fields(l);
        let (_, bytes) = crate::outline::SEEDS.iter().find(|(n, _)| *n == path).unwrap();
        let text = std::str::from_utf8(bytes).unwrap();
        let at = &text.lines().nth(line - 1).unwrap()[col - 1..];
        assert!(at.to_lowercase().starts_with("riemann"), "{l:?}: {at:?}");
    }
}
