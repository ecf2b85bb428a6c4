//! Arbitrary bytes as a notes file; the first byte picks the extension
//! (txt, md, org, opml, or one left to detection).
//! The properties live in tests/common/props.rs, shared with the proptests.
#![no_main]

#[path = "../../tests/common/cells.rs"]
mod cells;
#[path = "../../tests/common/props.rs"]
mod props;
#[path = "../../tests/common/render.rs"]
mod render;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = props::load_case(data) {
        panic!("{e}");
    }
});
