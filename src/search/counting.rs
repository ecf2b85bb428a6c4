//! One stable counting sort, for keys in a small range: ranking hits by
//! score and queueing texts for the scorer by length both use it.

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
    let parts = rayon::current_num_threads().max(1);
    let parts = if items.len() < PARALLEL_FROM { 1 } else { parts };
    let run = items.len().div_ceil(parts).max(1);
    let mut starts: Vec<Vec<usize>> = items
        .par_chunks(run)
        .map(|part| {
            let mut count = vec![0usize; keys];
            for x in part {
                count[key(x)] += 1;
            }
            count
        })
        .collect();
    // A key's items go after every smaller key's, and within a key the
    // runs keep their order: that is what makes it stable.
    let mut at = 0;
    for k in 0..keys {
        for count in &mut starts {
            (count[k], at) = (at, at + count[k]);
        }
    }
    let mut out: Vec<T> = Vec::with_capacity(items.len());
    let base = Shared(out.as_mut_ptr());
    items.par_chunks(run).zip(starts).for_each(|(part, mut next)| {
        for x in part {
            let k = key(x);
            // SAFETY: the starts give every item its own slot below
            // items.len(), which `out` holds room for; no two runs share one.
            unsafe { base.at(next[k]).write(*x) };
            next[k] += 1;
        }
    });
    // SAFETY: every slot below items.len() was written just above.
    unsafe { out.set_len(items.len()) };
    out
}

/// The output's start, shared by the runs that place items into it.
struct Shared<T>(*mut T);

// SAFETY: the runs write disjoint slots (see `sort_by_small_key`).
unsafe impl<T: Send> Sync for Shared<T> {}

impl<T> Shared<T> {
    /// # Safety
    /// `i` must be within the allocation.
    unsafe fn at(&self, i: usize) -> *mut T {
        // SAFETY: as the caller promises.
        unsafe { self.0.add(i) }
    }
}
