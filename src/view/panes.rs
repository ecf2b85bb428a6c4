//! How the screen is shared between the outline and the detail pane: the
//! outline's share of the width, widened and narrowed in steps within
//! bounds, and either pane given the whole screen. A small value the
//! state file can remember.

use serde::{Deserialize, Serialize};

/// The outline's share of the width, in percent: `layout::compute` keeps
/// it in these bounds too.
pub const MIN_PERCENT: u16 = 20;
pub const MAX_PERCENT: u16 = 80;
/// One widen or narrow.
pub const STEP_PERCENT: u16 = 5;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum FullScreen {
    #[default]
    None,
    Outline,
    Detail,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Panes {
    /// The outline's share of the width when both panes show.
    pub percent: u16,
    #[serde(default)]
    pub full: FullScreen,
}

impl Default for Panes {
    fn default() -> Self {
        Panes::new(40)
    }
}

impl Panes {
    pub fn new(percent: u16) -> Panes {
        Panes {
            percent: percent.clamp(MIN_PERCENT, MAX_PERCENT),
            full: FullScreen::None,
        }
    }

    /// A wider outline; leaves full screen, as the reader asked for both.
    pub fn widen(&mut self) {
        self.full = FullScreen::None;
        self.percent = (self.percent + STEP_PERCENT).min(MAX_PERCENT);
    }

    pub fn narrow(&mut self) {
        self.full = FullScreen::None;
        self.percent = self.percent.saturating_sub(STEP_PERCENT).max(MIN_PERCENT);
    }

    /// `pane` gets the whole screen, or gives it back if it had it.
    pub fn toggle_full(&mut self, pane: FullScreen) {
        self.full = if self.full == pane { FullScreen::None } else { pane };
    }

    /// Columns of `width` for the outline: all, none, or its share.
    pub fn outline_columns(&self, width: u16) -> u16 {
        match self.full {
            FullScreen::Outline => width,
            FullScreen::Detail => 0,
            FullScreen::None => {
                let p = self.percent.clamp(MIN_PERCENT, MAX_PERCENT);
                (u32::from(width) * u32::from(p) / 100) as u16
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widen_and_narrow_in_steps_within_bounds() {
        let mut p = Panes::new(40);
        p.widen();
        assert_eq!(p.percent, 45);
        assert_eq!(p.outline_columns(60), 27);
        for _ in 0..20 {
            p.widen();
        }
        assert_eq!(p.percent, MAX_PERCENT);
        for _ in 0..20 {
            p.narrow();
        }
        assert_eq!(p.percent, MIN_PERCENT);
        assert_eq!(Panes::new(3).percent, MIN_PERCENT);
    }

    #[test]
    fn full_screen_toggles_and_keeps_the_share() {
        let mut p = Panes::new(50);
        p.toggle_full(FullScreen::Detail);
        assert_eq!(p.outline_columns(120), 0);
        p.toggle_full(FullScreen::Outline);
        assert_eq!(p.outline_columns(120), 120);
        p.toggle_full(FullScreen::Outline);
        assert_eq!(p.outline_columns(120), 60);
        p.toggle_full(FullScreen::Detail);
        p.narrow();
        assert_eq!((p.full, p.percent), (FullScreen::None, 45), "resizing shows both panes");
    }

    #[test]
    fn remembered_as_a_small_value() {
        let p = Panes {
            percent: 55,
            full: FullScreen::Detail,
        };
        let json = serde_json::to_string(&p).unwrap();
        assert_eq!(json, r#"{"percent":55,"full":"detail"}"#);
        assert_eq!(serde_json::from_str::<Panes>(&json).unwrap(), p);
        let old: Panes = serde_json::from_str(r#"{"percent":30}"#).unwrap();
        assert_eq!(old.full, FullScreen::None);
    }
}
