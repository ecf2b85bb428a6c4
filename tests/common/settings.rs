//! Properties of the text a user (or another program) leaves in the
//! config and state files, shared by the `settings` fuzz target and the
//! proptests: nothing panics, every mistake is located and printable, no
//! config locks the user out, and a state file is read as far as it is
//! understood, moved aside whole when it is not, and never downgraded.
#![allow(dead_code)]

use talktree::config::Config;
use talktree::outline::hygiene::is_unsafe_char;
use talktree::state::store::{Saved, Store};
use talktree::state::{from_value_lenient, Changes, VERSION};

pub type Checked = Result<(), String>;

/// Any text as the config file.
pub fn config_case(text: &str) -> Checked {
    let (config, errors) = Config::load(Some(("fuzz.toml", text)));
    let last_line = text.split('\n').count();
    for e in &errors {
        if e.line == 0 || e.line > last_line {
            return Err(format!("line {} of a {last_line}-line file: {e}", e.line));
        }
        let shown = e.to_string();
        if shown.chars().any(is_unsafe_char) {
            return Err(format!("unsafe char in a message: {shown:?}"));
        }
    }
    if let Some((action, context)) = config.keymap.lockout() {
        return Err(format!("{action:?} has no key in {context:?}"));
    }
    Ok(())
}

/// Any bytes as state.json on disk, then a save over it.
pub fn state_file_case(bytes: &[u8]) -> Checked {
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let mut store = Store::at(dir.path().to_path_buf());
    std::fs::write(store.file(), bytes).map_err(|e| e.to_string())?;
    let (state, msg) = store.load();
    let mut mine = Changes::default();
    mine.state.find_history = vec!["fuzz".into()];
    let parsed = serde_json::from_slice::<serde_json::Value>(bytes)
        .ok()
        .filter(|v| v.is_object());
    let Some(v) = parsed else {
        if !msg.as_deref().is_some_and(|m| m.contains("moved to")) {
            return Err(format!("not JSON, yet not moved aside: {msg:?}"));
        }
        let aside = std::fs::read_dir(dir.path())
            .map_err(|e| e.to_string())?
            .flatten()
            .find(|e| e.file_name().to_string_lossy().starts_with("state.json.corrupt-"))
            .ok_or("no file moved aside")?;
        if std::fs::read(aside.path()).map_err(|e| e.to_string())? != bytes {
            return Err("the file moved aside differs from the original".into());
        }
        return Ok(());
    };
    if state != from_value_lenient(v) {
        return Err("read differently from the lenient reading".into());
    }
    let saved = store.save(&mine);
    let now = std::fs::read(store.file()).map_err(|e| e.to_string())?;
    if state.version > VERSION {
        if saved == Saved::Written || now != bytes {
            return Err(format!("a version {} file was overwritten", state.version));
        }
        return Ok(());
    }
    if saved != Saved::Written {
        return Err(format!("save over a readable file: {saved:?}"));
    }
    let (again, msg) = Store::at(dir.path().to_path_buf()).load();
    if msg.is_some() || again.version != VERSION || again.find_history.first().map(String::as_str) != Some("fuzz") {
        return Err(format!("the saved file does not read back: {msg:?}"));
    }
    if again.documents != state.documents || again.bookmarks != state.bookmarks {
        return Err("a save of nothing loaded changed other documents' entries".into());
    }
    Ok(())
}

/// The first byte picks the file: even the config, odd the state.
pub fn settings_case(data: &[u8]) -> Checked {
    let Some((&pick, rest)) = data.split_first() else {
        return Ok(());
    };
    if pick % 2 == 0 {
        config_case(&String::from_utf8_lossy(rest))
    } else {
        state_file_case(rest)
    }
}
