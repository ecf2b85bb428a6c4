//! The loader against real notes nobody tuned it for: each file of
//! ../shared/corpus/real is loaded and scored against the talks a careful
//! reader labelled in its expected.json, as `../shared/tools/talk-score` does.
//! Fails when session F1 drops below 0.95 or the facts below 90%.
//!
//! The corpus sits next to the checkout and is never copied into it; when it
//! is missing this says so on the terminal (the message is not swallowed by
//! the test harness), and TALKTREE_REQUIRE_CORPUS=1 makes that a failure.
//! TALKTREE_REAL_CORPUS=DIR scores another labelled folder.

#[path = "real_corpus/norm.rs"]
mod norm;
#[path = "real_corpus/score.rs"]
mod score;

use std::io::Write;
use std::path::Path;
use talktree::outline::fs;

const MIN_F1: f64 = 0.95;
const MIN_FACTS: f64 = 0.90;

/// Says something the harness does not capture: a skipped score must be seen.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{msg}");
}

#[test]
fn real_notes_score_at_least_f1_095_and_90_percent_of_facts() {
    let dir = std::env::var_os("TALKTREE_REAL_CORPUS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/real"),
        std::path::PathBuf::from,
    );
    let expected = dir.join("expected.json");
    let Ok(json) = std::fs::read_to_string(&expected) else {
        let msg = format!(
            "real_corpus: NOT SCORED: {} is missing, so the loader's talk finding on real notes was not checked",
            expected.display()
        );
        assert!(std::env::var_os("TALKTREE_REQUIRE_CORPUS").is_none(), "{msg}");
        say(&msg);
        return;
    };
    let exp: serde_json::Value = serde_json::from_str(&json).expect("expected.json parses");
    let (mut tp, mut fp, mut fn_, mut ok, mut all) = (0, 0, 0, 0, 0);
    let mut report = Vec::new();
    for (name, e) in exp.as_object().expect("expected.json is an object") {
        if name.starts_with('_') {
            continue;
        }
        let r = fs::load(&[dir.join(name)], &fs::ScanOptions::default());
        let Some(doc) = r.outline.documents().next().filter(|_| r.errors.is_empty()) else {
            fn_ += e["sessions"].as_array().map_or(0, Vec::len);
            all += score::fact_count(e);
            report.push(format!("{name}: FAILED TO LOAD ({:?})", r.errors));
            continue;
        };
        let s = score::score_file(&r.outline, doc, e);
        (tp, fp, fn_, ok, all) = (tp + s.tp, fp + s.fp, fn_ + s.fn_, ok + s.facts_ok, all + s.facts_all);
        report.push(format!(
            "{name}: sessions {}/{} found, {} unexpected; {} failing{}",
            s.tp,
            s.tp + s.fn_,
            s.fp,
            s.fails.len(),
            s.fails.iter().map(|f| format!("\n    {f}")).collect::<String>()
        ));
    }
    let precision = if tp + fp > 0 { tp as f64 / (tp + fp) as f64 } else { 0.0 };
    let recall = if tp + fn_ > 0 {
        tp as f64 / (tp + fn_) as f64
    } else {
        0.0
    };
    let f1 = if precision + recall > 0.0 {
        2.0 * precision * recall / (precision + recall)
    } else {
        0.0
    };
    let facts = if all > 0 { ok as f64 / all as f64 } else { 1.0 };
    let line = format!("f1={f1:.2} (precision {precision:.2}, recall {recall:.2}) facts={ok}/{all}");
    assert!(
        f1 >= MIN_F1 && facts >= MIN_FACTS,
        "{}\n{line}: below the floor (F1 {MIN_F1}, facts {MIN_FACTS})",
        report.join("\n")
    );
    say(&format!("real_corpus: {line}"));
}
