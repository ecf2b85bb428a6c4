//! Arbitrary text as the config file or the state file (the first byte
//! picks which): read, reported, saved over.
//! The properties live in tests/common/settings.rs, shared with the proptests.
#![no_main]

#[path = "../../tests/common/settings.rs"]
mod settings;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(e) = settings::settings_case(data) {
        panic!("{e}");
    }
});
