use super::*;
use crate::outline::{build_outline, parse_document, Block, DocInfo, Kind};

fn outline(src: &str) -> Outline {
    build_outline(vec![parse_document(src.as_bytes(), "n.md").unwrap()])
}

/// Bullets n0 > n1 > … each with a side branch (side > leaf) before the next.
fn chain(depth: usize) -> Outline {
    let mut blocks = Vec::new();
    for d in 0..depth as u32 {
        blocks.push(Block::new(d, Kind::Bullet, format!("n{d}"), d + 1));
        blocks.push(Block::new(d + 1, Kind::Bullet, "side", d + 1));
        blocks.push(Block::new(d + 2, Kind::Bullet, "leaf", d + 1));
    }
    let mut o = Outline::new();
    o.push_document("deep", DocInfo::for_tests(), &blocks);
    o
}

fn find(o: &Outline, text: &str) -> usize {
    (0..o.len()).find(|&i| o.text(i) == text).unwrap()
}

/// Encodes `open` against a level under which nothing is open, decodes
/// it, and returns the state and the folds it restores.
fn round_trip(o: &Outline, open: &[bool], selected: Option<usize>) -> (DocState, Restored) {
    let differs: Vec<u32> = (0..o.len())
        .filter(|&n| o.has_children(n) && open[n])
        .map(|n| n as u32)
        .collect();
    let view = View {
        doc: 0,
        level: 1,
        open,
        differs: &differs,
        selected,
        detail_scroll: 0,
    };
    let state = encode(o, &view);
    let restored = decode(o, 0, &state);
    (state, restored)
}

fn opened(o: &Outline, r: &Restored) -> Vec<bool> {
    let mut open = vec![false; o.len()];
    for &(n, is) in &r.folds {
        open[n] = is;
    }
    open
}

#[test]
fn folds_and_selection_round_trip_naming_each_node_once() {
    let o = outline("# A\n- x\n  - deep\n    - deeper\n- y\n  - z\n# B\n- x\n  - w\n");
    let mut open = vec![false; o.len()];
    for t in ["A", "x", "deep"] {
        open[find(&o, t)] = true;
    }
    let sel = find(&o, "deeper");
    let (state, r) = round_trip(&o, &open, Some(sel));
    assert_eq!(r.selected, Some(sel));
    let want: Vec<bool> = (0..o.len()).map(|n| open[n] && o.has_children(n)).collect();
    assert_eq!(opened(&o, &r), want);
    // "A", "x", "deep", "deeper": the three folds and the selection share one path.
    assert_eq!(state.nodes.len(), 4, "{:?}", state.nodes);
}

#[test]
fn a_wholly_open_subtree_is_one_entry() {
    let mut src = String::from("# Same\n- a\n  - b\n");
    for _ in 0..50 {
        src.push_str("# Same\n- a\n  - b\n");
    }
    let o = outline(&src);
    let open: Vec<bool> = vec![true; o.len()];
    let (state, r) = round_trip(&o, &open, None);
    assert_eq!((state.opened_all.clone(), state.nodes.len()), (vec![0], 0));
    let want: Vec<bool> = (0..o.len()).map(|n| o.has_children(n)).collect();
    assert_eq!(opened(&o, &r), want);
    // One talk left closed: each other talk's subtree is one entry.
    let mut open = open;
    open[find(&o, "Same")] = false;
    open[find(&o, "a")] = false;
    let (state, r) = round_trip(&o, &open, None);
    assert_eq!(state.opened_all.len(), 50);
    assert_eq!(state.opened, vec![0]);
    assert!(state
        .nodes
        .iter()
        .enumerate()
        .all(|(k, e)| e.1 == "Same" && e.2 == k as u32 + 1));
    let want: Vec<bool> = (0..o.len()).map(|n| o.has_children(n) && open[n]).collect();
    assert_eq!(opened(&o, &r), want);
}

#[test]
fn the_table_stops_at_its_limit_and_a_deep_selection_keeps_its_ancestor() {
    // A chain deeper than the limit, each level with a closed side branch.
    let depth = MAX_DOC_NODES + 50;
    let o = chain(depth);
    let mut open = vec![false; o.len()];
    for d in 0..depth {
        open[find(&o, &format!("n{d}"))] = true;
    }
    let deepest = find(&o, &format!("n{}", depth - 1));
    let (state, r) = round_trip(&o, &open, Some(deepest));
    assert_eq!(state.nodes.len(), MAX_DOC_NODES);
    let sel = r.selected.expect("an ancestor at least");
    assert_eq!(o.text(sel), format!("n{}", MAX_DOC_NODES - 1));
    assert_eq!(r.folds.len(), state.opened.len());
}

#[test]
fn nonsense_ids_resolve_to_nothing() {
    let o = outline("# A\n- x\n  - y\n");
    let d = DocState {
        nodes: vec![
            Entry(5, "A".into(), 0),
            Entry(0, "A".into(), 9),
            Entry(0, "A".into(), 0),
            Entry(3, "x".into(), 0),
        ],
        opened: vec![1, 2, 3, 4, 99, u32::MAX],
        opened_all: vec![3, 3, 0, 4],
        selected: Some(1_000_000),
        ..DocState::default()
    };
    let r = decode(&o, 0, &d);
    assert_eq!(r.selected, None);
    let a = find(&o, "A");
    let x = find(&o, "x");
    let nodes: std::collections::BTreeSet<usize> = r.folds.iter().map(|f| f.0).collect();
    assert_eq!(nodes, [0, a, x].into_iter().collect());
    assert_eq!(
        r.folds.iter().filter(|f| f.0 == x).count(),
        2,
        "once by opened_all (under 0), once by opened"
    );
}
