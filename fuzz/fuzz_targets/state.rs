//! Arbitrary bytes as the state file: read leniently, saved back, merged
//! and restored into a reader that then draws.
//! The properties live in tests/common/props.rs, shared with the proptests.
#![no_main]

#[path = "../../tests/common/cells.rs"]
mod cells;
#[path = "../../tests/common/props.rs"]
mod props;
#[path = "../../tests/common/render.rs"]
mod render;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = props::state_case(data) {
        panic!("{e}");
    }
});
