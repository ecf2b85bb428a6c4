//! Markdown's backslash escapes, where the loader would otherwise read a
//! note's literal text as markup.

/// `text` with a backslash before each char Markdown would read as markup
/// there: a block marker at a line's start (`#`, `- `, `1.`, `>`), and
/// inline the chars that open code, links, HTML, entities and templates,
/// and the emphasis delimiters where they touch a word's edge
/// (`snake_case` and `2*3` stay as they are, as the loader leaves them).
pub fn escape_markdown(text: &str, line_start: bool, out: &mut String) {
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    // "1." or "1)" at the start reads as a numbered item: escape the dot.
    let number_mark = (line_start && digits > 0 && matches!(b.get(digits), Some(b'.' | b')'))).then_some(digits);
    let word = |at: Option<char>| at.is_some_and(char::is_alphanumeric);
    let mut prev: Option<char> = None;
    let mut rest = text.char_indices().peekable();
    while let Some((k, c)) = rest.next() {
        let next = rest.peek().map(|&(_, n)| n);
        let at_start = line_start && k == 0 && matches!(c, '#' | '-' | '+' | '*' | '>' | '|' | '=');
        let escape = at_start
            || number_mark == Some(k)
            || match c {
                '\\' | '`' | '[' | ']' => true,
                '*' | '_' | '~' | '=' | '^' => !(word(prev) && word(next)),
                '<' => next.is_some_and(|n| n.is_ascii_alphabetic() || matches!(n, '/' | '!' | '?')),
                '&' => is_entity(&text[k..]),
                '{' => matches!(next, Some('{' | '%' | '<')),
                _ => false,
            };
        if escape {
            out.push('\\');
        }
        out.push(c);
        prev = Some(c);
    }
}

/// Whether `s` starts with what the loader decodes as an HTML entity:
/// `&name;` or `&#123;`.
fn is_entity(s: &str) -> bool {
    let body = s[1..]
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
        .count();
    body > 0 && s.as_bytes().get(1 + body) == Some(&b';')
}
