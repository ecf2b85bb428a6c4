//! Repeats a closure and keeps the minimum and median wall time: on a busy
//! shared machine the minimum is the most repeatable number.

use std::time::{Duration, Instant};

#[derive(Clone, Copy, Debug)]
pub struct Timing {
    pub min: Duration,
    pub median: Duration,
}

impl Timing {
    pub fn from(mut samples: Vec<Duration>) -> Timing {
        samples.sort();
        Timing {
            min: samples[0],
            median: samples[samples.len() / 2],
        }
    }
}

/// Runs `f` `runs` times; returns the timing and the last result.
pub fn measure<T>(runs: usize, mut f: impl FnMut() -> T) -> (Timing, T) {
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs.max(1) {
        let t = Instant::now();
        let r = std::hint::black_box(f());
        samples.push(t.elapsed());
        last = Some(r);
    }
    (Timing::from(samples), last.expect("ran at least once"))
}

/// Milliseconds with two decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.2}", d.as_secs_f64() * 1e3)
}

/// Fewer repeats for the big corpus.
pub fn runs_for(bullets: usize, small: usize) -> usize {
    match bullets {
        n if n >= 1_000_000 => (small / 4).max(3),
        n if n >= 100_000 => (small / 2).max(3),
        _ => small,
    }
}
