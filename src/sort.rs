//! A stable insertion sort for the engine's short lists.
//!
//! What is sorted here is short: at most 50 debts (twice: priority and
//! payoff order) and at most 600 prepayments, usually a handful. The
//! standard library's stable sort (driftsort) is built for millions of items
//! and is instantiated anew at each call site: its four copies were ~24 KB of
//! the wasm module's code. Insertion sort is stable, needs no allocation and
//! is a few hundred bytes; on 600 items in reverse order it makes ~180,000
//! comparisons, well under a millisecond.

use std::cmp::Ordering;

/// Sorts `items` by `order`, keeping equal items in their original order
/// (what `slice::sort_by` does).
pub(crate) fn stable_sort_by<T>(items: &mut [T], mut order: impl FnMut(&T, &T) -> Ordering) {
    for i in 1..items.len() {
        let mut j = i;
        // Moves item i left past every item it sorts strictly before.
        while j > 0 && order(&items[j], &items[j - 1]) == Ordering::Less {
            items.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts `items` by the key `key` gives, stably (what `slice::sort_by_key` does).
pub(crate) fn stable_sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    stable_sort_by(items, |a, b| key(a).cmp(&key(b)));
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, equal keys
        /// included (each item carries its original position to tell them apart).
        #[test]
        fn sorts_as_the_standard_stable_sort(keys in prop::collection::vec(0u8..8, 0..80)) {
            let tagged: Vec<(u8, usize)> = keys.iter().copied().zip(0..).collect();
            let mut ours = tagged.clone();
            stable_sort_by_key(&mut ours, |&(k, _)| k);
            let mut std = tagged.clone();
            std.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(&ours, &std);
            let mut ours = tagged.clone();
            stable_sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            let mut std = tagged;
            std.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_the_longest_list_in_reverse() {
        let mut v: Vec<u32> = (0..600).rev().collect();
        stable_sort_by_key(&mut v, |&x| x);
        assert!(v.iter().copied().eq(0..600));
    }
}
