//! `--export`: notes written as Markdown or org load back as the same tree,
//! on real notes (../shared/corpus, skipped with a message when absent) and
//! through the real binary (a talk exported, piped back in with `-`).

mod common;
use common::corpus_dir;
use std::io::Write;
use std::process::{Command, Output, Stdio};
use talktree::export::{self, ExportFormat};
use talktree::outline::{build_outline, fs, parse_document, Kind, Outline};

/// What a reader sees of a subtree: per node, its depth, whether it is a
/// title or which kind of note, and its text. A title's kind (group, talk,
/// sub-heading) is the loader's call from the shape around it.
fn seen(o: &Outline, root: usize) -> Vec<(usize, &'static str, String)> {
    let base = o.depth(root);
    (root..o.subtree_end(root))
        .map(|i| {
            let kind = if o.kind(i).is_structural() {
                "title"
            } else {
                o.kind(i).name()
            };
            (o.depth(i) - base, kind, o.text(i).to_string())
        })
        .collect()
}

/// Whether Markdown can hold this document's nesting: it has no list under
/// a paragraph, and no note after a sub-heading at the sub-heading's level
/// (in Markdown what follows a heading is that heading's).
fn nests_as_markdown_can(o: &Outline, root: usize) -> bool {
    (root + 1..o.subtree_end(root)).all(|i| {
        let parent = o.parent(i).unwrap_or(root);
        let after_title = i > parent + 1 && {
            let prev = o.children(parent).take_while(|&c| c < i).last();
            prev.is_some_and(|p| o.kind(p).is_structural())
        };
        o.kind(parent) != Kind::Paragraph && (o.kind(i).is_structural() || !after_title)
    })
}

#[test]
fn every_corpus_document_exported_as_markdown_loads_back_the_same() {
    let Some(dir) = corpus_dir() else {
        eprintln!("../shared/corpus is not here: skipping the corpus round trip");
        return;
    };
    let mut files: Vec<_> = walk(&dir);
    files.retain(|p| !p.ends_with("README.md") && p.extension().is_none_or(|e| e != "json"));
    let r = fs::load(&files, &fs::ScanOptions::default());
    let o = &r.outline;
    let (mut failed, mut nested) = (Vec::new(), 0);
    for d in o.documents() {
        let mut md = Vec::new();
        export::write(o, &[d], ExportFormat::Markdown, &mut md).unwrap();
        let back = build_outline(vec![parse_document(&md, "back.md").unwrap()]);
        let (got, want) = (seen(&back, 0), seen(o, d));
        let source = &o.docs()[o.doc_index(d)].source;
        // Nothing lost, added or moved: the same titles and notes in order.
        let flat = |v: &[(usize, &'static str, String)]| v.iter().map(|(_, k, t)| (*k, t.clone())).collect::<Vec<_>>();
        if flat(&got) != flat(&want) {
            let first = flat(&got).into_iter().zip(flat(&want)).find(|(a, b)| a != b);
            failed.push(format!("{source}: first difference {first:?}"));
        } else if nests_as_markdown_can(o, d) {
            // And nested as they were, where Markdown can say it.
            nested += 1;
            if got != want {
                let first = got.into_iter().zip(want).find(|(a, b)| a != b);
                failed.push(format!("{source}: nesting differs first at {first:?}"));
            }
        }
    }
    assert!(failed.is_empty(), "{}", failed.join("\n"));
    assert!(
        nested > 0,
        "no corpus document nests as Markdown can: the nesting went unchecked"
    );
    eprintln!(
        "{nested} of {} corpus documents checked for nesting too",
        o.docs().len()
    );
}

fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else {
            out.push(p);
        }
    }
    out.sort();
    out
}

fn run(args: &[&str], input: Option<&[u8]>) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_talktree"))
        .args(args)
        .env("TALKTREE_STATE_DIR", dir.path().join("state"))
        .env("XDG_CONFIG_HOME", dir.path().join("config"))
        .env_remove("TALKTREE_CONFIG")
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    if let Some(bytes) = input {
        stdin.write_all(bytes).unwrap();
    }
    drop(stdin);
    child.wait_with_output().unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stdout)))
}

/// Kinds, texts and nesting of a `--dump --format json` node, lines left out.
fn tree(v: &serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "kind": v["kind"],
        "text": v["text"],
        "children": v["children"].as_array().unwrap().iter().map(tree).collect::<Vec<_>>(),
    })
}

#[test]
fn a_talk_exported_and_piped_back_in_is_the_same_tree() {
    // The bundled notes: talks of nested bullets, questions and answers.
    for format in ["md", "org"] {
        let out = run(&["--export", "--format", format, "--talk", "'monitoring"], None);
        assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
        // Markdown piped back in (found from its headings); org saved as a
        // .org file, as org is written (a talk of bullets alone holds too
        // few of org's signs to be told from plain text by content).
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("talk.org");
        std::fs::write(&file, &out.stdout).unwrap();
        let back = match format {
            "md" => run(&["--dump", "--format", "json", "-"], Some(&out.stdout)),
            _ => run(&["--dump", "--format", "json", file.to_str().unwrap()], None),
        };
        let back = json(&back);
        let dumped = json(&run(&["--dump", "--format", "json"], None));
        let talks: Vec<serde_json::Value> = dumped["documents"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|d| d["children"].as_array().unwrap().clone())
            .filter(|t| t["kind"] == "session" && t["text"].as_str().unwrap().to_lowercase().contains("monitoring"))
            .map(|t| tree(&t))
            .collect();
        assert!(!talks.is_empty(), "a talk on monitoring in the seeds");
        let got: Vec<serde_json::Value> = back["documents"][0]["children"]
            .as_array()
            .unwrap()
            .iter()
            .map(tree)
            .collect();
        assert_eq!(got, talks, "{format}:\n{}", String::from_utf8_lossy(&out.stdout));
    }
}

#[test]
fn no_talk_matching_is_exit_status_1_with_words() {
    let out = run(&["--export", "--talk", "zqxzqx"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains("--talk \"zqxzqx\": no talk title matches"), "{err}");
    for args in [
        &["--export", "--format", "grep"][..],
        &["--export", "--format", "text"],
        &["--search", "x", "--format", "md"],
        &["--dump", "--format", "org"],
        &["--talk", "x"],
        &["--export", "--dump"],
        &["--export", "--talk", " "],
    ] {
        assert_eq!(run(args, None).status.code(), Some(2), "{args:?}");
    }
}
