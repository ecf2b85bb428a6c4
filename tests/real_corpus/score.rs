//! The scoring of `../shared/tools/talk-score`, in Rust, so the test scores
//! the loader exactly as the tool does: the same text normalising, the same
//! session counts (with `optional_sessions`) and the same fact kinds.

use serde_json::Value;
use talktree::outline::{Kind, Outline};

use super::norm::norm;

/// One node as the tool sees it.
struct Seen {
    kind: Kind,
    text: String,
    raw: String,
    parent: Option<String>,
    session: Option<String>,
}

/// Every node under the document `doc`, in order.
fn walk(o: &Outline, doc: usize) -> Vec<Seen> {
    let mut out: Vec<Seen> = Vec::new();
    // Index in `out` of each node, to read its parent's text and session.
    let mut at = vec![usize::MAX; o.subtree_end(doc) - doc];
    for i in doc + 1..o.subtree_end(doc) {
        let text = norm(o.text(i));
        let up = o.parent(i).filter(|&p| p != doc).map(|p| &out[at[p - doc]]);
        let inherited = up.and_then(|u| u.session.clone());
        out.push(Seen {
            kind: o.kind(i),
            raw: o.text(i).split_whitespace().collect::<Vec<_>>().join(" "),
            parent: up.map(|u| u.text.clone()),
            session: if o.kind(i) == Kind::Session {
                Some(text.clone())
            } else {
                inherited
            },
            text,
        });
        at[i - doc] = out.len() - 1;
    }
    out
}

/// One file's counts and what failed in it.
#[derive(Default)]
pub struct FileScore {
    pub tp: usize,
    pub fp: usize,
    pub fn_: usize,
    pub facts_ok: usize,
    pub facts_all: usize,
    pub fails: Vec<String>,
    pub found: Vec<String>,
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| a.iter().filter_map(|x| x.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn pairs(v: &Value) -> Vec<(String, String)> {
    v.as_array()
        .map(|a| {
            a.iter()
                .map(strs)
                .filter(|p| p.len() == 2)
                .map(|p| (p[0].clone(), p[1].clone()))
                .collect()
        })
        .unwrap_or_default()
}

/// Scores the document `doc` of `o` against one entry of expected.json.
pub fn score_file(o: &Outline, doc: usize, e: &Value) -> FileScore {
    let mut s = FileScore::default();
    let nodes = walk(o, doc);
    let title = norm(o.text(doc));
    s.found = nodes
        .iter()
        .filter(|n| n.kind == Kind::Session)
        .map(|n| n.text.clone())
        .collect();
    let req: Vec<String> = strs(&e["sessions"]).iter().map(|x| norm(x)).collect();
    s.tp = req.iter().filter(|r| s.found.contains(r)).count();
    s.fn_ = req.len() - s.tp;
    if let Some(opt) = e.get("optional_sessions").filter(|v| !v.is_null()) {
        let allowed: Vec<String> = req.iter().cloned().chain(strs(opt).iter().map(|x| norm(x))).collect();
        s.fp = s.found.iter().filter(|f| !allowed.contains(f)).count();
    }
    if e["exact_sessions"].as_bool() == Some(true) && s.found != req {
        s.fails.push(format!("sessions differ: {:?}", s.found));
    }
    let by_text = |t: &str| -> Vec<&Seen> { nodes.iter().filter(|n| n.text == t).collect() };
    // A label of 25+ characters may be the start of a longer paragraph.
    let nodes_for = |label: &str| -> Vec<&Seen> {
        let t = norm(label);
        let got = by_text(&t);
        if !got.is_empty() || t.chars().count() < 25 {
            return got;
        }
        nodes.iter().filter(|n| n.text.starts_with(&t)).collect()
    };
    let sessions = |t: &str| -> Vec<Option<String>> { by_text(&norm(t)).iter().map(|n| n.session.clone()).collect() };
    let mut fact = |ok: bool, what: String| {
        s.facts_all += 1;
        s.facts_ok += usize::from(ok);
        if !ok {
            s.fails.push(what);
        }
    };
    let titles = strs(&e["title_any"]);
    if !titles.is_empty() {
        fact(titles.iter().any(|t| norm(t) == title), format!("title {title:?}"));
    }
    if let Some(min) = e["min_sessions"].as_u64() {
        fact(s.found.len() as u64 >= min, format!("only {} sessions", s.found.len()));
    }
    for (child, parent) in pairs(&e["child_of"]) {
        let p = norm(&parent);
        let long = p.chars().count() >= 25;
        let ok = nodes_for(&child).iter().any(|n| {
            n.parent
                .as_ref()
                .is_some_and(|up| *up == p || (long && up.starts_with(&p)))
        });
        fact(ok, format!("child_of {child:?} <- {parent:?}"));
    }
    for (text, sess) in pairs(&e["in_session"]) {
        let ok = nodes_for(&text)
            .iter()
            .any(|n| n.session.as_deref() == Some(norm(&sess).as_str()));
        fact(ok, format!("in_session {text:?} in {sess:?}"));
    }
    for (prefix, sess) in pairs(&e["in_session_prefix"]) {
        let (p, want) = (norm(&prefix), norm(&sess));
        let ok = nodes
            .iter()
            .any(|n| n.text.starts_with(&p) && n.session.as_deref() == Some(want.as_str()));
        fact(ok, format!("in_session_prefix {prefix:?} in {sess:?}"));
    }
    for text in strs(&e["once_in_session"]) {
        let all = sessions(&text);
        let mut distinct = all.clone();
        distinct.sort();
        distinct.dedup();
        fact(
            !all.is_empty() && distinct.len() == all.len(),
            format!("once_in_session {text:?}: {} hits", all.len()),
        );
    }
    for text in strs(&e["not_session"]) {
        let ok = !by_text(&norm(&text)).iter().any(|n| n.kind == Kind::Session);
        fact(ok, format!("not_session {text:?}"));
    }
    for text in strs(&e["absent"]) {
        let t = norm(&text);
        // A label that is all markup ("***", "=====") is looked for as it stands.
        let gone = if t.is_empty() {
            let raw = text.split_whitespace().collect::<Vec<_>>().join(" ");
            nodes.iter().all(|n| n.raw != raw)
        } else {
            by_text(&t).is_empty()
        };
        fact(gone, format!("absent {text:?}"));
    }
    for text in strs(&e["not_bullet"]) {
        let ok = !by_text(&norm(&text))
            .iter()
            .any(|n| matches!(n.kind, Kind::Bullet | Kind::Session | Kind::Heading));
        fact(ok, format!("not_bullet {text:?}"));
    }
    for (x, y) in pairs(&e["same_session"]) {
        let (sx, sy) = (sessions(&x), sessions(&y));
        let ok = sx.iter().any(|a| sy.contains(a)) && !sx.contains(&None);
        fact(ok, format!("same_session {x:?} {y:?}"));
    }
    for (x, y) in pairs(&e["different_session"]) {
        let (sx, sy) = (sessions(&x), sessions(&y));
        let ok = !sx.is_empty() && !sy.is_empty() && !sx.iter().any(|a| sy.contains(a));
        fact(ok, format!("different_session {x:?} {y:?}"));
    }
    s
}

/// The fact labels an entry holds, counted as failed when its file would not load.
pub fn fact_count(e: &Value) -> usize {
    let kinds = [
        "child_of",
        "in_session",
        "in_session_prefix",
        "once_in_session",
        "not_session",
        "absent",
        "not_bullet",
        "same_session",
        "different_session",
    ];
    kinds.iter().map(|k| e[k].as_array().map_or(0, Vec::len)).sum::<usize>()
        + usize::from(!strs(&e["title_any"]).is_empty())
}
