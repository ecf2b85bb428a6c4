//! Each small file in tests/formats/ loaded and dumped as text, against the
//! dump kept beside it (`NAME.dump`). `UPDATE_GOLDENS=1 cargo test --test
//! formats` rewrites the dumps; read the diff before committing it.

use std::path::Path;
use talktree::outline::{build_outline, dump, parse_document};

fn dump_of(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    let name = format!("formats/{}", path.file_name().unwrap().to_string_lossy());
    let doc = parse_document(&bytes, &name).unwrap();
    let mut out = Vec::new();
    dump::write_text(&build_outline(vec![doc]), &mut out).unwrap();
    String::from_utf8(out).unwrap()
}

#[test]
fn every_format_sample_dumps_as_kept() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/formats");
    let mut checked = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "dump") {
            continue;
        }
        let got = dump_of(&path);
        let kept = path.with_file_name(format!("{}.dump", path.file_name().unwrap().to_string_lossy()));
        if std::env::var_os("UPDATE_GOLDENS").is_some() {
            std::fs::write(&kept, &got).unwrap();
        }
        let want = std::fs::read_to_string(&kept).unwrap_or_default();
        assert_eq!(got, want, "{} differs from {}", path.display(), kept.display());
        checked += 1;
    }
    assert!(checked >= 1, "no samples in {}", dir.display());
}

/// The real reStructuredText notes in ../shared/corpus/real (when that
/// checkout is beside this one): read as rst, titled as labelled, no
/// directive, comment or adornment left as text, their code kept as code.
#[test]
fn real_rst_notes_read_as_rst_without_markup_noise() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real");
    let Ok(expected) = std::fs::read_to_string(dir.join("expected.json")) else {
        eprintln!("skipped: no corpus at {}", dir.display());
        return;
    };
    let expected: serde_json::Value = serde_json::from_str(&expected).unwrap();
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "rst") {
            continue;
        }
        seen += 1;
        let doc = parse_document(&std::fs::read(&path).unwrap(), &path.display().to_string()).unwrap();
        assert_eq!(doc.format, talktree::outline::Format::Rst, "{}", path.display());
        let name = path.file_name().unwrap().to_str().unwrap();
        let titles = &expected[name]["title_any"];
        assert!(
            titles
                .as_array()
                .unwrap()
                .iter()
                .any(|t| t.as_str() == Some(doc.title.as_str())),
            "{name}: title {:?}",
            doc.title
        );
        for b in doc.blocks.iter().filter(|b| b.kind != talktree::outline::Kind::Code) {
            let t = b.text.trim();
            let adornment = t.len() >= 4 && t.bytes().all(|c| c == t.as_bytes()[0] && c.is_ascii_punctuation());
            assert!(
                !t.starts_with(".. ") && !adornment,
                "{name}: markup left as text: {t:?}"
            );
        }
    }
    assert!(seen >= 1, "no .rst notes in {}", dir.display());
}
