//! One stable counting sort, for keys in a small range: ranking hits by
//! score and queueing texts for the scorer by length both use it.

/// `items` ordered by `key`, stably (equal keys keep their order). Every
/// key is below `keys`.
pub(crate) fn sort_by_small_key<T: Copy>(items: &[T], keys: usize, key: impl Fn(&T) -> usize) -> Vec<T> {
    let mut next = vec![0usize; keys];
    for x in items {
        next[key(x)] += 1;
    }
    let mut start = 0;
    for n in &mut next {
        (*n, start) = (start, start + *n);
    }
    let mut out = items.to_vec();
    for x in items {
        let k = key(x);
        out[next[k]] = *x;
        next[k] += 1;
    }
    out
}
