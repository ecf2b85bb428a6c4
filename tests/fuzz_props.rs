//! The fuzz targets' properties (tests/common/props.rs) as proptests, so
//! `cargo test` checks them on stable: loading any bytes as any format,
//! reading any state file, and drawing any file at any size after a few
//! actions. Cases are few; `cargo fuzz` (see README) runs them at length.

mod common;
use common::props::{find_case, load_case, render_case, state_case};
use proptest::prelude::*;

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_load_as_any_format(data in prop::collection::vec(any::<u8>(), 0..2000)) {
        load_case(&data).map_err(TestCaseError::fail)?;
    }

}

// Each case builds and draws a reader: fewer cases keep these to seconds.
proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn any_json_reads_as_state(data in state_json()) {
        state_case(data.as_bytes()).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn any_bytes_draw_cleanly_after_any_actions(head in prop::collection::vec(any::<u8>(), 4..16), file in notes_bytes()) {
        let mut data = head;
        data.extend(file);
        render_case(&data).map_err(TestCaseError::fail)?;
    }
}

/// Bytes that look like notes more often than random bytes do.
fn notes_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        prop::sample::select(vec![
            "- ",
            "# ",
            "## ",
            "* ",
            "  ",
            "\t",
            "\n",
            "\r",
            "\r\n",
            "1. ",
            "Talk by Ann\n",
            "<outline text=\""
        ])
        .prop_map(str::to_string),
        "[a-z 日😀\u{1b}\u{9b}\u{202e}\u{200d}\u{301}]{0,12}",
    ];
    prop::collection::vec(piece, 0..60).prop_map(|p| p.concat().into_bytes())
}

/// JSON shaped like a state file, with fields of the right and wrong types.
fn state_json() -> impl Strategy<Value = String> {
    let step = ("[A-Bxyz]{0,2}", 0u32..3).prop_map(|(t, n)| format!("[{t:?},{n}]"));
    let path = prop::collection::vec(step, 0..3).prop_map(|s| format!("[{}]", s.join(",")));
    let paths = prop::collection::vec(path.clone(), 0..3).prop_map(|p| format!("[{}]", p.join(",")));
    let doc = (0u64..12, paths.clone(), paths, path.clone(), any::<u64>()).prop_map(|(l, o, c, s, d)| {
        format!(r#"{{"level":{l},"opened":{o},"closed":{c},"selected":{s},"detail_scroll":{d}}}"#)
    });
    let docs = prop::collection::vec(doc, 0..3).prop_map(|d| {
        d.iter()
            .enumerate()
            .map(|(i, d)| format!("\"d{i}\":{d}"))
            .collect::<Vec<_>>()
            .join(",")
    });
    let mark = path.prop_map(|p| format!(r#"{{"doc":"x","path":{p},"label":"\u001b]52;c;aGk=\u0007"}}"#));
    let marks = prop::collection::vec(mark, 0..3).prop_map(|m| m.join(","));
    let junk = prop::sample::select(vec![
        "",
        r#","documents":7"#,
        r#","find_history":[1]"#,
        r#","future":{"a":[]}"#,
    ]);
    (0u32..4, docs, marks, junk).prop_map(|(v, d, m, j)| {
        format!(r#"{{"version":{v},"documents":{{{d}}},"bookmarks":[{m}],"last_document":"d0"{j}}}"#)
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Any bytes in the state file load: a JSON object reads as far as it
    /// is understood, anything else is moved aside (never deleted) and the
    /// reader starts fresh.
    #[test]
    fn any_state_file_on_disk_loads_or_is_moved_aside(data in prop_oneof![
        prop::collection::vec(any::<u8>(), 0..300),
        state_json().prop_map(String::into_bytes),
    ]) {
        use talktree::state::{from_value_lenient, store::Store, State};
        let dir = tempfile::tempdir().unwrap();
        let mut store = Store::at(dir.path().to_path_buf());
        std::fs::write(store.file(), &data).unwrap();
        let (s, msg) = store.load();
        let parsed = std::str::from_utf8(&data).ok().and_then(|t| serde_json::from_str::<serde_json::Value>(t).ok());
        match parsed {
            Some(v @ serde_json::Value::Object(_)) => prop_assert_eq!(s, from_value_lenient(v)),
            _ => {
                prop_assert_eq!(s, State::default());
                prop_assert!(msg.is_some_and(|m| m.contains("damaged")));
                let aside = std::fs::read_dir(dir.path()).unwrap().flatten()
                    .find(|e| e.file_name().to_string_lossy().starts_with("state.json.corrupt-"));
                prop_assert_eq!(std::fs::read(aside.expect("moved aside").path()).unwrap(), data);
            }
        }
    }
}

// The find input: arbitrary keys and pastes of any length and content.
// `cargo fuzz run find` (see README) runs it at length.
proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_and_pastes_in_find_keep_it_drawable_and_closable(data in find_events()) {
        find_case(&data).map_err(TestCaseError::fail)?;
    }
}

/// Find events as `find_case` reads them: keys, and pastes of up to 2,000
/// chars of any kind (a paste's length is its two bytes after the marker).
fn find_events() -> impl Strategy<Value = Vec<u8>> {
    let key = (0u8..64).prop_map(|k| vec![k]);
    let paste = (64u8..=255, 0u16..2000, prop::collection::vec(any::<u8>(), 3..60)).prop_map(|(m, len, text)| {
        let mut v = vec![m];
        v.extend(len.to_le_bytes());
        v.push(text.len() as u8);
        v.extend(text);
        v
    });
    let event = prop_oneof![3 => key, 1 => paste];
    (any::<u8>(), any::<u8>(), prop::collection::vec(event, 0..12)).prop_map(|(w, h, events)| {
        let mut v = vec![w, h];
        v.extend(events.concat());
        v
    })
}

/// TOML shaped like a config: sections, actions bound to keys (often the
/// keys that quit, help or close find), values of the wrong type, escapes.
fn config_text() -> impl Strategy<Value = String> {
    let section = prop::sample::select(vec![
        "[keys.global]",
        "[keys.outline]",
        "[keys.detail]",
        "[keys.find]",
        "[view]",
        "[theme]",
        "[keys.\"x\\u001b]0;t\\u0007\"]",
        "[\"\\u009b2J\"]",
    ])
    .prop_map(str::to_string);
    let action = prop::sample::select(
        talktree::action::BINDABLE
            .iter()
            .map(|(_, name, _)| name.to_string())
            .chain(["open_level".into(), "\"k\\u001b[31m\"".into()])
            .collect::<Vec<_>>(),
    );
    let key = prop::sample::select(vec![
        "q", "Ctrl-c", "?", "Esc", "j", "z", "z q", "Enter", "Down", "x y", "Hyper-q", "",
    ]);
    let value = prop_oneof![
        key.clone().prop_map(|k| format!("{k:?}")),
        prop::collection::vec(key, 0..4).prop_map(|ks| format!("{ks:?}")),
        Just("3".to_string()),
        Just("[1, 2]".to_string()),
    ];
    let line = prop_oneof![
        section,
        (action, value).prop_map(|(a, v)| format!("{a} = {v}")),
        "[ -~]{0,12}",
    ];
    prop::collection::vec(line, 0..24).prop_map(|l| l.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The `settings` fuzz target's properties: any config text is reported
    /// line by line, printable, and never locks the user out; any state
    /// file is read, moved aside or left alone (newer), and saved over safely.
    #[test]
    fn any_text_reads_as_config_or_state(data in prop_oneof![
        config_text().prop_map(|t| [&[0u8][..], t.as_bytes()].concat()),
        state_json().prop_map(|t| [&[1u8][..], t.as_bytes()].concat()),
        prop::collection::vec(any::<u8>(), 0..300),
    ]) {
        common::settings::settings_case(&data).map_err(TestCaseError::fail)?;
    }
}
