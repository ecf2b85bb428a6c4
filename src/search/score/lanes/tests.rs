//! The two vector tricks of lanes against plain loops. (The scores
//! themselves are checked against SkimMatcherV2 in `score::tests`.)

use proptest::prelude::*;

use super::super::online::Slots;
use super::*;

fn avx2() -> bool {
    std::arch::is_x86_feature_detected!("avx2")
}

#[test]
fn a_block_of_rows_turns_into_its_columns() {
    if !avx2() {
        return;
    }
    let mut rows = vec![0u8; LANES * STRIDE];
    for lane in 0..LANES {
        for col in 0..32 {
            rows[lane * STRIDE + col] = (lane * 16 + col % 16) as u8 ^ ((col / 16) as u8 * 0x80);
        }
    }
    for from in [0, 16] {
        // SAFETY: AVX2 was found above.
        let columns = unsafe { kernel::columns_as_bytes(&rows, from) };
        for (c, column) in columns.iter().enumerate() {
            let want: Vec<u8> = (0..LANES).map(|lane| rows[lane * STRIDE + from + c]).collect();
            assert_eq!(column.as_slice(), want, "column {} of the block at {from}", from + c);
        }
    }
}

/// Texts of every length around the 32-byte windows, from bytes that fold,
/// do not, and are not ASCII.
fn text() -> impl Strategy<Value = String> {
    "[aAbB ^`@\\[{~é0]{0,100}"
}

proptest! {
    #[test]
    fn the_span_is_the_one_slots_find(text in text(), pattern in "[aAbB ^`@\\[{~0]{2,5}", cs in any::<bool>()) {
        let pattern = if cs { pattern } else { pattern.to_ascii_lowercase() };
        let p = pattern.as_bytes();
        let lanes = Lanes::new(p, cs);
        prop_assume!(lanes.is_some());
        let lanes = lanes.unwrap();
        let (mut want, mut got) = (vec![0; p.len()], vec![0; p.len()]);
        let expected = Slots::new(p, cs).span_and_greedy(text.as_bytes(), p, cs, &mut want);
        prop_assert_eq!(lanes.span(text.as_bytes(), &mut got), expected.clone());
        if expected.is_some() {
            prop_assert_eq!(got, want);
        }
    }
}

#[test]
fn a_short_copy_moves_exactly_its_bytes() {
    let from: Vec<u8> = (1..=40).collect();
    for n in 0..32 {
        let mut to = [0xEEu8; 40];
        copy_short(&from[..n], &mut to);
        assert_eq!(&to[..n], &from[..n], "{n} bytes copied");
        assert!(to[n..].iter().all(|&b| b == 0xEE), "nothing past {n} written");
    }
}
