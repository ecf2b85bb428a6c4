//! The greedy first match of a pattern's bytes: the cheap test every
//! scored text passes first, and where the score matrix's rows start.

/// Where the greedy first match of `pattern`'s bytes in `text` starts
/// (ASCII letters in either case unless `cs`), None when the pattern is
/// not a subsequence of it. Each byte is found with a vectorised search,
/// unless the pattern is long for the text: then the few bytes between
/// matches cost less to step over than a search call each.
pub(crate) fn greedy_bytes(text: &[u8], pattern: &[u8], cs: bool) -> Option<usize> {
    greedy_each(text, pattern, cs, |_, _| {})
}

/// `greedy_bytes`, telling `found_at` where each pattern byte (by index)
/// matched.
#[inline(always)]
pub(super) fn greedy_each(
    text: &[u8],
    pattern: &[u8],
    cs: bool,
    mut found_at: impl FnMut(usize, usize),
) -> Option<usize> {
    let mut at = 0;
    let mut first = None;
    let by_byte = pattern.len() * 16 > text.len();
    for (row, &p) in pattern.iter().enumerate() {
        let rest = &text[at..];
        let found = match (cs || !p.is_ascii_alphabetic(), by_byte) {
            (true, true) => rest.iter().position(|&b| b == p),
            // `b | 0x20` folds only letters onto a lowercase letter.
            (false, true) => rest.iter().position(|&b| b | 0x20 == p | 0x20),
            (true, false) => memchr::memchr(p, rest),
            (false, false) => memchr::memchr2(p.to_ascii_lowercase(), p.to_ascii_uppercase(), rest),
        }?;
        first = first.or(Some(at + found));
        found_at(row, at + found);
        at += found + 1;
    }
    first
}
