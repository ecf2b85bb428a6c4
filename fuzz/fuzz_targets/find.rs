//! The find input under arbitrary keys and pastes of any length and
//! content (control characters, escapes, line breaks): every screen stays
//! printable and full width, the query within its limit, and Esc closes
//! the pane. The property lives in tests/common/props.rs (`find_case`),
//! shared with the proptest.
#![no_main]

#[path = "../../tests/common/cells.rs"]
mod cells;
#[path = "../../tests/common/props.rs"]
mod props;
#[path = "../../tests/common/render.rs"]
mod render;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = props::find_case(data) {
        panic!("{e}");
    }
});
