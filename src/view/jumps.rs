//! The jump list, as vim's with `jumpoptions=stack`: each jump records the
//! place left; Ctrl-o goes back, Ctrl-i forward; jumping after going back
//! drops the places ahead. Bounded: the oldest place goes first.

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JumpList<T> {
    places: Vec<T>,
    /// The place we are at in `places`; `places.len()` when at the head
    /// (not on a recorded place).
    at: usize,
    cap: usize,
}

impl<T: Copy + PartialEq> JumpList<T> {
    /// `cap` places at most (at least 2, so back and forward can work).
    pub fn new(cap: usize) -> JumpList<T> {
        JumpList {
            places: Vec::new(),
            at: 0,
            cap: cap.max(2),
        }
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    /// Records `here` before a jump away from it.
    pub fn record(&mut self, here: T) {
        self.places.truncate(self.at);
        if self.places.last() != Some(&here) {
            self.places.push(here);
        }
        if self.places.len() > self.cap {
            let extra = self.places.len() - self.cap;
            self.places.drain(..extra);
        }
        self.at = self.places.len();
    }

    /// Ctrl-o from `here`: the place before, if any. From the head, `here`
    /// is kept so that Ctrl-i comes back to it.
    pub fn back(&mut self, here: T) -> Option<T> {
        if self.at == self.places.len() {
            if self.places.last() == Some(&here) {
                // Already recorded: step back past it.
                self.at = self.places.len() - 1;
            } else {
                self.record(here);
                self.at = self.places.len() - 1;
            }
        }
        let before = self.at.checked_sub(1)?;
        self.at = before;
        Some(self.places[before])
    }

    /// The places carried by `map` (a file reloaded), those with no new
    /// self dropped; where we are stays with the places before it.
    pub fn carry(&mut self, map: impl Fn(T) -> Option<T>) {
        let before = self.places[..self.at.min(self.places.len())]
            .iter()
            .filter(|&&p| map(p).is_some())
            .count();
        self.places = self.places.iter().filter_map(|&p| map(p)).collect();
        self.at = before;
    }

    /// Ctrl-i: the place after, if we went back.
    pub fn forward(&mut self) -> Option<T> {
        let next = self.at + 1;
        let place = *self.places.get(next)?;
        self.at = next;
        Some(place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn back_and_forward_as_in_vim() {
        let mut j = JumpList::new(10);
        j.record(1); // at 1, jump to 2
        j.record(2); // at 2, jump to 3
        assert_eq!(j.back(3), Some(2));
        assert_eq!(j.back(2), Some(1));
        assert_eq!(j.back(1), None, "nothing before the first place");
        assert_eq!(j.forward(), Some(2));
        assert_eq!(j.forward(), Some(3), "the place we went back from");
        assert_eq!(j.forward(), None);
    }

    #[test]
    fn jumping_after_going_back_drops_the_places_ahead() {
        let mut j = JumpList::new(10);
        j.record(1);
        j.record(2);
        assert_eq!(j.back(3), Some(2));
        assert_eq!(j.back(2), Some(1));
        j.record(1); // jump from 1 to 7
        assert_eq!(j.forward(), None, "2 and 3 are gone");
        assert_eq!(j.back(7), Some(1));
        assert_eq!(j.back(1), None);
    }

    #[test]
    fn the_oldest_place_goes_first() {
        let mut j = JumpList::new(3);
        for p in 1..=5 {
            j.record(p);
        }
        assert_eq!(j.len(), 3);
        assert_eq!(j.back(6), Some(5));
        assert_eq!(j.back(5), Some(4));
        assert_eq!(j.back(4), None, "the list holds 4, 5, 6");
    }

    #[test]
    fn a_place_is_not_recorded_twice_in_a_row() {
        let mut j = JumpList::new(5);
        j.record(4);
        j.record(4);
        assert_eq!(j.len(), 1);
        assert_eq!(j.back(4), None);
    }

    #[derive(Clone, Debug)]
    enum Op {
        Record(u8),
        Back(u8),
        Forward,
    }

    proptest! {
        #[test]
        fn never_longer_than_its_bound(
            cap in 0usize..6,
            ops in prop::collection::vec(prop_oneof![
                any::<u8>().prop_map(Op::Record),
                any::<u8>().prop_map(Op::Back),
                Just(Op::Forward),
            ], 0..60),
        ) {
            let mut j = JumpList::new(cap);
            for op in ops {
                match op {
                    Op::Record(p) => j.record(p),
                    Op::Back(p) => { j.back(p); }
                    Op::Forward => { j.forward(); }
                }
                prop_assert!(j.len() <= cap.max(2));
                prop_assert!(j.at <= j.len());
            }
        }
    }
}
