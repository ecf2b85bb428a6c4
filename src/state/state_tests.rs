use super::*;

#[test]
fn round_trip_keeps_unknown_fields_everywhere() {
    let text = r#"{"version":2,"future":{"a":1},"documents":{"/n.md":{"level":2,"nodes":[[0,"A",0]],"opened":[1],"selected":1,"detail_scroll":3,"colour":"red"}},
        "bookmarks":[{"doc":"/n.md","path":[["A",0]],"label":"A","pinned":true}],"find_history":["x"],"last_paths":["/n"],"last_document":"/n.md"}"#;
    let s = from_value_lenient(serde_json::from_str(text).unwrap());
    let d = &s.documents["/n.md"];
    assert_eq!((d.detail_scroll, d.selected, &d.opened), (3, Some(1), &vec![1]));
    assert_eq!(d.nodes, vec![Entry(0, "A".into(), 0)]);
    assert_eq!(d.extra["colour"], "red");
    assert_eq!(s.bookmarks[0].extra["pinned"], true);
    let again: Value = serde_json::to_value(&s).unwrap();
    assert_eq!(again["future"]["a"], 1);
    assert_eq!(from_value_lenient(again), s);
}

#[test]
fn a_first_format_file_is_read_as_a_table() {
    let text = r#"{"version":1,"documents":{"/n.md":{"level":2,"opened":[[["A",0]],[["A",0],["x",1]]],"closed":[],"selected":[["A",0],["x",1],["deep",0]],"detail_scroll":3}}}"#;
    let s = from_value_lenient(serde_json::from_str(text).unwrap());
    assert_eq!(s.version, 1);
    let d = &s.documents["/n.md"];
    assert_eq!(
        d.nodes,
        vec![
            Entry(0, "A".into(), 0),
            Entry(1, "x".into(), 1),
            Entry(2, "deep".into(), 0)
        ],
        "each path's steps named once"
    );
    assert_eq!((&d.opened, d.selected, d.detail_scroll), (&vec![1, 2], Some(3), 3));
    assert_eq!(from_value_lenient(serde_json::to_value(&s).unwrap()), s);
}

#[test]
fn damaged_fields_are_skipped_not_fatal() {
    let s = from_value_lenient(
        serde_json::json!({"version": 7, "documents": {"a": {"level": "x"}, "b": {"level": 3}}, "find_history": 5}),
    );
    assert_eq!(s.version, 7);
    assert_eq!(s.documents.len(), 1);
    assert!(s.find_history.is_empty());
    assert_eq!(from_value_lenient(serde_json::json!([1, 2])), State::default());
}

#[test]
fn history_is_recent_first_deduplicated_and_capped() {
    let mut h = Vec::new();
    for i in 0..150 {
        remember_query(&mut h, &format!("q{}", i % 120));
    }
    remember_query(&mut h, "q5");
    remember_query(&mut h, "  ");
    remember_query(&mut h, &"paste ".repeat(MAX_QUERY_CHARS));
    assert_eq!(h.len(), HISTORY);
    assert_eq!(h[0], "q5");
    assert_eq!(h.iter().filter(|x| *x == "q5").count(), 1);
}

/// Issue 22 item 4: 100k history entries in the file were all kept in
/// memory and merged entry by entry on every save.
#[test]
fn a_long_find_history_on_disk_is_cut_as_it_is_read() {
    let long: Vec<String> = (0..100_000).map(|i| format!("query {i}")).collect();
    let s = from_value_lenient(serde_json::json!({ "version": 2, "find_history": long }));
    assert_eq!(s.find_history.len(), HISTORY);
    assert_eq!(s.find_history[0], "query 0");
    let odd = from_value_lenient(serde_json::json!({ "find_history": ["ok", 3, "", "x".repeat(5000), "also"] }));
    assert_eq!(
        odd.find_history,
        vec!["ok", "also"],
        "non-strings, empty and huge queries skipped"
    );
}
