//! Where keys are read: each part of the screen that takes keys has its own
//! table of bindings (`[keys.NAME]` in the config). A new overlay is one
//! variant here and one row in `ABOUT`, plus its table in the defaults.

/// A keymap context: the focused pane, or the overlay on top of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Context {
    /// Bindings that work in both the outline and the detail pane.
    Global,
    Outline,
    Detail,
    Find,
    /// The help overlay.
    Help,
    /// The bookmark list.
    Bookmarks,
    /// The link picker.
    Links,
}

/// What the rest of the program says about a context.
struct About {
    /// The config table: `[keys.NAME]`.
    name: &'static str,
    /// The heading of its keys in the help overlay and the README.
    title: &'static str,
    /// How a message names it ("no key for quit in the outline").
    place: &'static str,
    /// Whether global bindings work here too (under its own).
    global: bool,
}

/// In `Context` order: the help lists contexts in this order.
const ABOUT: [About; Context::ALL.len()] = [
    About {
        name: "global",
        title: "Everywhere",
        place: "any pane",
        global: false,
    },
    About {
        name: "outline",
        title: "Outline (left)",
        place: "the outline",
        global: true,
    },
    About {
        name: "detail",
        title: "Detail (right), after Ctrl-w or a click",
        place: "the detail pane",
        global: true,
    },
    About {
        name: "find",
        title: "Find (after /)",
        place: "the find pane",
        global: false,
    },
    About {
        name: "help",
        title: "Help (after ?)",
        place: "the help",
        global: false,
    },
    About {
        name: "bookmarks",
        title: "Bookmark list (after ')",
        place: "the bookmark list",
        global: false,
    },
    About {
        name: "links",
        title: "Link picker (after o on a note with several links)",
        place: "the link picker",
        global: false,
    },
];

impl Context {
    pub const ALL: [Context; 7] = [
        Context::Global,
        Context::Outline,
        Context::Detail,
        Context::Find,
        Context::Help,
        Context::Bookmarks,
        Context::Links,
    ];

    fn about(self) -> &'static About {
        &ABOUT[self as usize]
    }

    pub fn name(self) -> &'static str {
        self.about().name
    }

    pub fn title(self) -> &'static str {
        self.about().title
    }

    pub fn place(self) -> &'static str {
        self.about().place
    }

    /// The tables a key is looked up in, in order: the context's own, then
    /// the global one where it applies (never in find, where typing must
    /// reach the input, nor in an overlay, which takes every key).
    pub fn tables(self) -> impl Iterator<Item = Context> {
        std::iter::once(self).chain(self.about().global.then_some(Context::Global))
    }

    pub fn from_name(s: &str) -> Option<Context> {
        Context::ALL.into_iter().find(|c| c.name() == s)
    }
}
