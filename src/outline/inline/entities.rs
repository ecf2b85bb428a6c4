//! HTML character references: the named ones notes carry, and numeric
//! ones. The character is returned as it is; the caller makes it safe.

/// Named entities notes carry; any other name stays as written.
const ENTITIES: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("nbsp", ' '),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("laquo", '«'),
    ("raquo", '»'),
    ("copy", '©'),
    ("reg", '®'),
    ("trade", '™'),
    ("middot", '·'),
    ("bull", '•'),
    ("deg", '°'),
    ("times", '×'),
    ("divide", '÷'),
    ("plusmn", '±'),
    ("euro", '€'),
    ("pound", '£'),
    ("yen", '¥'),
    ("cent", '¢'),
    ("sect", '§'),
    ("para", '¶'),
    ("larr", '←'),
    ("rarr", '→'),
    ("harr", '↔'),
    ("rArr", '⇒'),
    ("lArr", '⇐'),
    ("eacute", 'é'),
    ("egrave", 'è'),
    ("agrave", 'à'),
    ("ccedil", 'ç'),
    ("ouml", 'ö'),
    ("uuml", 'ü'),
    ("auml", 'ä'),
    ("szlig", 'ß'),
];

/// The character `&…;` at the start of `s` stands for, and its length.
pub(super) fn entity(s: &str) -> Option<(char, usize)> {
    let semi = s.as_bytes().iter().take(34).position(|&c| c == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(n).unwrap_or(char::REPLACEMENT_CHARACTER)
    } else {
        ENTITIES.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, semi + 1))
}

/// `s` with its entities decoded (an `href`'s `&amp;`).
pub(super) fn decode_entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        match entity(&rest[k..]) {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[k + len..];
            }
            None => {
                out.push('&');
                rest = &rest[k + 1..];
            }
        }
    }
    out.push_str(rest);
    out
}
