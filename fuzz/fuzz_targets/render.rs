//! Arbitrary bytes loaded and drawn at an arbitrary size, then after each
//! of a few arbitrary actions; every screen must be printable and full width.
//! The properties live in tests/common/props.rs, shared with the proptests.
#![no_main]

#[path = "../../tests/common/cells.rs"]
mod cells;
#[path = "../../tests/common/props.rs"]
mod props;
#[path = "../../tests/common/render.rs"]
mod render;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = props::render_case(data) {
        panic!("{e}");
    }
});
