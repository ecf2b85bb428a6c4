//! A note's key: its letters and digits, lowercased, which copies keep
//! whatever their punctuation, spacing and markup; and a hash of them.

/// A note's letters and digits, lowercased: what copies keep.
pub(super) fn letters(text: &str) -> impl Iterator<Item = char> + '_ {
    text.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
}

/// A hash of `letters(text)`, of its first `limit` only if it has more,
/// and how many it hashed; None when there are none. Every note of every file passes through here at load, so ASCII
/// (most notes) is folded by a table, a byte at a time, into a word of
/// eight that is mixed into the hash when full; the words fall at the same
/// places in two equal notes, so equal notes hash equal.
pub(super) fn note_key(text: &str, limit: usize) -> Option<(u64, usize)> {
    let mut key = Key::default();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() && key.chars < limit {
        let x = b[i];
        if x < 0x80 {
            key.push_ascii(FOLD[x as usize]);
            i += 1;
            continue;
        }
        let c = text[i..].chars().next().expect("a char starts here");
        i += c.len_utf8();
        if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                l.encode_utf8(&mut [0; 4]).bytes().for_each(|y| key.push(y));
                key.chars += 1;
            }
        }
    }
    key.finish()
}

/// ASCII letters and digits, lowercased; 0 for any other ASCII byte.
const FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        if c.is_ascii_alphanumeric() {
            t[b] = c.to_ascii_lowercase();
        }
        b += 1;
    }
    t
};

/// A note's hash as it is built.
#[derive(Default)]
struct Key {
    hash: u64,
    /// Up to eight bytes not yet mixed in.
    word: u64,
    filled: u32,
    chars: usize,
}

impl Key {
    /// A byte folded by FOLD: 0 (not a letter or digit) is dropped. Without
    /// a branch on it: letters and spaces alternate too irregularly to
    /// predict.
    fn push_ascii(&mut self, folded: u8) {
        let letter = folded != 0;
        self.word = if letter {
            (self.word << 8) | u64::from(folded)
        } else {
            self.word
        };
        self.filled += u32::from(letter);
        self.chars += usize::from(letter);
        if self.filled == 8 {
            self.hash = mix(self.hash ^ self.word, 0x9e37_79b9_7f4a_7c15);
            (self.word, self.filled) = (0, 0);
        }
    }

    fn push(&mut self, byte: u8) {
        self.word = (self.word << 8) | u64::from(byte);
        self.filled += 1;
        if self.filled == 8 {
            self.hash = mix(self.hash ^ self.word, 0x9e37_79b9_7f4a_7c15);
            (self.word, self.filled) = (0, 0);
        }
    }

    fn finish(self) -> Option<(u64, usize)> {
        let tail = self.word ^ (u64::from(self.filled) << 61);
        let hash = mix(
            mix(self.hash ^ tail, 0xa076_1d64_78bd_642f) ^ self.chars as u64,
            0xe703_7ed1_a0b4_28db,
        );
        (self.chars > 0).then_some((hash, self.chars))
    }
}

/// The high and low halves of the full product, folded: the mixing step
/// of foldhash and wyhash.
fn mix(x: u64, k: u64) -> u64 {
    let p = u128::from(x) * u128::from(k);
    (p as u64) ^ ((p >> 64) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_key_is_the_letters_whatever_the_markup_case_and_width() {
        let key = |t: &str| note_key(t, usize::MAX);
        let plain = key("we push data over RabbitMQ, to graphite").unwrap();
        assert_eq!(plain.1, 32);
        assert_eq!(key("  * We push data over rabbitmq to *graphite*!"), Some(plain));
        assert_eq!(key("wepushdataoverrabbitmqtographite"), Some(plain));
        assert_ne!(key("we push data over rabbitmq to graphite 2"), Some(plain));
        assert_ne!(key("we push data over rabbitmq to graphit"), Some(plain));
        // Beyond ASCII: lowercased as Unicode says, marks kept.
        assert_eq!(key("ÜBER naïve µs"), key("über – naïve µs"));
        assert_ne!(key("naïve"), key("naive"));
        assert_eq!(key("— … !"), None);
        // Only the first letters, when limited.
        assert_eq!(
            note_key("abcdefghij and more", 10),
            note_key("ABCDEFGHIJ, then other", 10)
        );
        assert_eq!(note_key("abcdefghij and more", 10).map(|k| k.1), Some(10));
    }
}
