//! Config mistakes, located for the user. Each is kept with its byte offset
//! and numbered once at the end, in one pass over the text (numbering each
//! by counting the lines before it made 100,000 mistakes take minutes).
//! What is quoted from the file is display text (`Clean`), so a key name holding escape
//! sequences cannot reach the terminal.

use crate::outline::Clean;

/// A mistake in a config file, located for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConfigError {
    pub file: Clean,
    pub line: usize,
    pub message: Clean,
}

impl std::fmt::Display for ConfigError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Collects mistakes by offset; `finish` gives them in line order.
pub(super) struct Errors<'a> {
    file: Clean,
    text: &'a str,
    found: Vec<(usize, Clean)>,
}

impl<'a> Errors<'a> {
    pub(super) fn new(file: &str, text: &'a str) -> Self {
        Errors {
            file: Clean::new(file),
            text,
            found: Vec::new(),
        }
    }

    pub(super) fn at(&mut self, offset: usize, message: String) {
        self.found.push((offset.min(self.text.len()), Clean::from(message)));
    }

    pub(super) fn finish(mut self) -> Vec<ConfigError> {
        self.found.sort_by_key(|&(offset, _)| offset);
        let bytes = self.text.as_bytes();
        let (mut line, mut counted) = (1, 0);
        let mut out = Vec::with_capacity(self.found.len());
        for (offset, message) in self.found {
            line += memchr::memchr_iter(b'\n', &bytes[counted..offset]).count();
            counted = offset;
            out.push(ConfigError {
                file: self.file.clone(),
                line,
                message,
            });
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mistakes_come_back_numbered_in_line_order_and_cleaned() {
        let text = "a\nb\n\nc\x1b]0;x\x07\n";
        let mut e = Errors::new("f\x1b[2J.toml", text);
        e.at(4, "third".into());
        e.at(0, "first".into());
        e.at(5, format!("quoting {}", &text[5..]));
        e.at(2, "second".into());
        e.at(999, "past the end".into());
        let got = e.finish();
        let lines: Vec<usize> = got.iter().map(|e| e.line).collect();
        assert_eq!(lines, vec![1, 2, 3, 4, 5]);
        for e in &got {
            let shown = e.to_string();
            assert!(!shown.chars().any(crate::outline::hygiene::is_unsafe_char), "{shown:?}");
        }
    }
}
