//! The flat tree's invariants: pre-order ranges, parents, clamping, and
//! outlines built apart then joined.

use super::*;

impl DocInfo {
    /// A plain text document's info, for outlines built in tests.
    pub(crate) fn for_tests() -> DocInfo {
        DocInfo {
            node: 0,
            source: "x".into(),
            format: Format::Text,
            warnings: vec![],
            key: String::new(),
        }
    }
}

thread_local! {
    /// Steps up the tree taken on this thread (`Outline::parent` calls).
    pub(super) static PARENT_STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

fn parent_steps<T>(f: impl FnOnce() -> T) -> (T, usize) {
    PARENT_STEPS.with(|s| s.set(0));
    let out = f();
    (out, PARENT_STEPS.with(|s| s.get()))
}

fn info() -> DocInfo {
    DocInfo::for_tests()
}

//  doc
//  ├─ a
//  │  ├─ b
//  │  └─ c
//  └─ d
#[test]
fn pre_order_ranges_and_parents() {
    let mut o = Outline::new();
    let blocks = [
        Block::new(0, Kind::Session, "a", 1),
        Block::new(1, Kind::Bullet, "b", 2),
        Block::new(1, Kind::Bullet, "c", 3),
        Block::new(0, Kind::Session, "d", 4),
    ];
    o.push_document("doc", info(), &blocks);
    assert_eq!(o.len(), 5);
    assert_eq!(o.children(0).collect::<Vec<_>>(), vec![1, 4]);
    assert_eq!(o.children(1).collect::<Vec<_>>(), vec![2, 3]);
    assert_eq!(o.parent(3), Some(1));
    assert_eq!(o.subtree_end(1), 4);
    assert_eq!(o.session_of(3), Some(1));
    assert_eq!(o.document_of(3), 0);
    assert_eq!(o.text(2), "b");
}

#[test]
fn too_deep_block_is_clamped_to_a_child() {
    let mut o = Outline::new();
    let blocks = [Block::new(0, Kind::Bullet, "a", 1), Block::new(5, Kind::Bullet, "b", 2)];
    o.push_document("doc", info(), &blocks);
    assert_eq!(o.parent(2), Some(1));
    assert_eq!(o.depth(2), 2);
}

#[test]
fn concatenated_parts_equal_one_outline_built_in_order() {
    let docs = [
        (
            "one",
            vec![
                Block::new(0, Kind::Session, "a", 1),
                Block::new(1, Kind::Bullet, "b", 2),
            ],
        ),
        ("two", vec![]),
        ("three", vec![Block::new(0, Kind::Bullet, "c", 4)]),
    ];
    let mut whole = Outline::new();
    let mut parts = Vec::new();
    for (title, blocks) in &docs {
        whole.push_document(title, info(), blocks);
        let mut part = Outline::new();
        part.push_document(title, info(), blocks);
        parts.push(part);
    }
    let joined = Outline::concat(parts);
    assert_eq!(joined.len(), whole.len());
    for i in 0..whole.len() {
        let facts = |o: &Outline| {
            (
                o.text(i).to_string(),
                o.parent(i),
                o.subtree_end(i),
                o.depth(i),
                o.line(i),
                o.kind(i),
            )
        };
        assert_eq!(facts(&joined), facts(&whole), "node {i}");
    }
    let roots = |o: &Outline| o.docs().iter().map(|d| d.node).collect::<Vec<_>>();
    assert_eq!(roots(&joined), vec![0, 3, 4]);
    assert_eq!(roots(&joined), roots(&whole));
}

#[test]
fn second_document_has_its_own_root() {
    let mut o = Outline::new();
    o.push_document("one", info(), &[Block::new(0, Kind::Bullet, "a", 1)]);
    o.push_document("two", info(), &[Block::new(0, Kind::Bullet, "b", 1)]);
    assert_eq!(o.documents().collect::<Vec<_>>(), vec![0, 2]);
    assert_eq!(o.doc_index(3), 1);
    assert_eq!(o.parent(2), None);
}

/// One talk holding `n` nested bullets: the shape of a deep OPML file.
fn deep(n: u32) -> Outline {
    let mut blocks = vec![Block::new(0, Kind::Session, "talk", 1)];
    blocks.extend((1..=n).map(|d| Block::new(d, Kind::Bullet, "x", d + 1)));
    let mut o = Outline::new();
    o.push_document("doc", info(), &blocks);
    o
}

/// `--search` named each hit's talk by walking up from it: at 100,000
/// levels that took 14 s, at a million it never finished. The session is
/// stored: breadcrumbs for ten times the levels take ten times the work.
#[test]
fn search_breadcrumbs_on_deep_outlines_take_no_walk_up() {
    let crumbs = |o: &Outline| {
        (0..o.len())
            .filter(|&i| crate::search::breadcrumb(o, i).to_string().starts_with("doc"))
            .count()
    };
    let (small, large) = (deep(2_000), deep(20_000));
    let ((a, steps_small), (b, steps_large)) = (parent_steps(|| crumbs(&small)), parent_steps(|| crumbs(&large)));
    assert_eq!((a, b), (small.len(), large.len()));
    assert!(
        steps_small <= small.len() && steps_large <= large.len(),
        "{steps_small} and {steps_large} steps up for {a} and {b} breadcrumbs"
    );
    for i in 1..small.len() {
        assert_eq!(small.session_of(i), Some(1));
    }
    assert_eq!(small.session_of(0), None);
}

#[test]
fn the_stored_session_is_the_nearest_one_after_joining() {
    let mut a = Outline::new();
    a.push_document(
        "a",
        info(),
        &[
            Block::new(0, Kind::Heading, "h", 1),
            Block::new(1, Kind::Bullet, "b", 2),
        ],
    );
    let mut b = Outline::new();
    b.push_document(
        "b",
        info(),
        &[
            Block::new(0, Kind::Session, "s", 1),
            Block::new(1, Kind::Session, "inner", 2),
            Block::new(2, Kind::Bullet, "x", 3),
            Block::new(1, Kind::Bullet, "y", 4),
        ],
    );
    let o = Outline::concat(vec![a, b]);
    let walked = |i: usize| {
        std::iter::once(i)
            .chain(o.ancestors(i))
            .find(|&n| o.kind(n) == Kind::Session)
    };
    for i in 0..o.len() {
        assert_eq!(o.session_of(i), walked(i), "node {i}");
    }
    assert_eq!(o.session_of(6), Some(5), "the inner talk, not the outer one");
}
