//! One stable counting sort, for keys in a small range: ranking hits by
//! score and queueing texts for the scorer by length both use it.

use std::ops::Range;

use rayon::prelude::*;

/// Below this many items one core sorts: splitting costs more.
const PARALLEL_FROM: usize = 1 << 16;

/// `items` ordered by `key`, stably (equal keys keep their order). Every
/// key is below `keys`. Large inputs are counted and placed on all cores,
/// each core taking one run of the items.
pub(crate) fn sort_by_small_key<T: Copy + Send + Sync>(
    items: &[T],
    keys: usize,
    key: impl Fn(&T) -> usize + Sync,
) -> Vec<T> {
    sort_by_small_key_at(items, keys, |_, x| key(x))
}

/// `sort_by_small_key` with the key of an item found from its position in
/// `items` too (what a list kept beside them says of it).
pub(crate) fn sort_by_small_key_at<T: Copy + Send + Sync>(
    items: &[T],
    keys: usize,
    key: impl Fn(usize, &T) -> usize + Sync,
) -> Vec<T> {
    let parts = rayon::current_num_threads().max(1);
    let parts = if items.len() < PARALLEL_FROM { 1 } else { parts };
    let run = items.len().div_ceil(parts).max(1);
    // Each run's slots for each key, counted as 0..count first. A key's
    // items go after every smaller key's, and within a key the runs keep
    // their order: that is what makes it stable. The slots of all runs and
    // keys then tile 0..items.len(), and each run's add up to its length.
    let mut slots: Vec<Vec<Range<usize>>> = items
        .par_chunks(run)
        .enumerate()
        .map(|(r, part)| {
            let mut count = vec![0..0; keys];
            for (j, x) in part.iter().enumerate() {
                count[key(r * run + j, x)].end += 1;
            }
            count
        })
        .collect();
    let mut at = 0;
    for k in 0..keys {
        for of_run in &mut slots {
            let count = of_run[k].len();
            of_run[k] = at..at + count;
            at += count;
        }
    }
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    let base = Shared(out.as_mut_ptr());
    items
        .par_chunks(run)
        .enumerate()
        .zip(slots)
        .for_each(|((r, part), mut slots)| {
            for (j, x) in part.iter().enumerate() {
                let free = &mut slots[key(r * run + j, x)];
                // `key` is called again here rather than its first answers
                // kept (a word an item): a key that changed since the count
                // would write into another run's slot, or past the end.
                assert!(
                    free.start < free.end,
                    "sort_by_small_key: a key changed between two calls"
                );
                // SAFETY: `at` needs a slot within `out`'s room that no other
                // run writes: `free.start` is one of this run's slots (just
                // checked), below items.len(), and used up by this write.
                unsafe { base.at(free.start).write(*x) };
                free.start += 1;
            }
        });
    // SAFETY: `set_len` needs the first items.len() slots written, within
    // the capacity. Each run wrote one item a slot of its own, never more
    // than a key's slots hold, and its slots add up to its length: so every
    // slot was filled (a panic above leaves `out` empty).
    unsafe { out.set_len(items.len()) };
    out
}

/// The output's start, shared by the runs that place items into it.
struct Shared<T>(*mut T);

// SAFETY: sending `&Shared` to the runs gives each the pointer; a run
// writes only through `at`, whose callers promise slots no other run
// writes, and `T: Send` lets values written on one thread be read on
// another.
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// Where slot `i` of the output is.
    ///
    /// # Safety
    /// `i` must be within the allocation (at most its capacity), and a
    /// write through the result must not race another run's access to
    /// the same slot.
    unsafe fn at(&self, i: usize) -> *mut T {
        // SAFETY: `add` stays within the allocation, as the caller promises.
        unsafe { self.0.add(i) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn sorts_stably_on_one_core_and_on_all() {
        for len in [0, 1, 1000, PARALLEL_FROM + 17] {
            let items: Vec<(usize, usize)> = (0..len).map(|i| (i * 7919 % 13, i)).collect();
            let got = sort_by_small_key(&items, 13, |x| x.0);
            let mut want = items.clone();
            want.sort_by_key(|x| x.0);
            assert_eq!(got, want, "{len} items");
        }
    }

    #[test]
    #[should_panic(expected = "a key changed between two calls")]
    fn a_key_that_changes_between_calls_panics_rather_than_writes_anywhere() {
        // Counted as keys 0 and 1, then both placed as key 0.
        let calls = AtomicUsize::new(0);
        let key = |_: &u8| {
            let n = calls.fetch_add(1, Ordering::Relaxed);
            if n < 2 {
                n
            } else {
                0
            }
        };
        sort_by_small_key(&[1u8, 2], 2, key);
    }
}
