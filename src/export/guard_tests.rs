//! Paragraphs the loader would read back as title lines, written with a
//! guard line above them (`markup::guard_paragraphs`).

use super::tests::{export, load, only_talk, shape};
use super::ExportFormat;
use crate::outline::Kind;

#[test]
fn a_paragraph_the_loader_would_read_as_a_title_line_is_guarded() {
    // "Architecture" as a paragraph over a list: written plain, the loader
    // reads it back as a title line; a dropped line above keeps it a note.
    let o = load("talk.md", "# Widgets (Ann Lee)\n\n<!-- -->\nArchitecture\n\n- a\n- b\n");
    let t = only_talk(&o).expect("one talk");
    assert_eq!(o.kind(t + 1), Kind::Paragraph, "{:?}", shape(&o, t));
    for (format, name) in [(ExportFormat::Markdown, "back.md"), (ExportFormat::Org, "back.org")] {
        let out = export(&o, &[t], format);
        let back = load(name, &out);
        let b = only_talk(&back).expect("one talk back");
        assert_eq!(shape(&back, b), shape(&o, t), "{format:?}:\n{out}");
        let unguarded = out.replace("<!-- -->\n", "").replace("\n#\n", "\n");
        let plain = load(name, &unguarded);
        assert!(
            (0..plain.len()).any(|i| plain.kind(i) == Kind::Heading && plain.text(i) == "Architecture"),
            "{format:?}: the guard is what keeps it a note:\n{unguarded}"
        );
    }
}
