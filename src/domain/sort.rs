//! One stable sort for the whole app, to keep the wasm small.
//!
//! Why: the standard library's stable sort (driftsort) compiles into about 4.5 KB of wasm for
//! every element type and comparator it is called with, and the app called it with 30-odd —
//! 147 KB of the wasm's code before wasm-opt. Here the standard sort is instantiated once, on
//! positions (`usize`) with a comparator behind `&mut dyn FnMut`; each caller's own code is only
//! the closure and a small in-place permutation. The result is exactly `slice::sort_by`'s: a
//! stable sort's output is fully determined by the comparator.
//!
//! The cost is an indirect call per comparison and a list of positions: fine for the lists of a
//! screen (clients, tasks, transfers) and the small per-client lists; the hot paths over every
//! order (the history index's counting sort) keep their own code.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, exactly as `items.sort_by(compare)` would.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let items: &[T] = items;
        sort_positions(&mut order, &mut |a, b| compare(&items[a], &items[b]));
    }
    permute(items, order);
}

/// Sorts `items` stably by `key`, exactly as `items.sort_by_key(key)` would.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, exactly as `items.sort()` would.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instantiation of the standard sort: positions ordered by what they point at.
#[inline(never)]
fn sort_positions(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Rearranges `items` in place so that position `k` holds what was at `order[k]`, following each
/// cycle of the permutation with swaps (a done position is marked by pointing at itself).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{sort, sort_by, sort_by_key};

    /// A small deterministic generator, so the cases are the same on every run.
    fn numbers(seed: u64, count: usize, modulo: u64) -> Vec<u64> {
        let mut state = seed;
        (0..count)
            .map(|_| {
                state = state
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                (state >> 33) % modulo
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort_with_ties_kept_in_order() {
        for (seed, count, modulo) in [
            (1, 0, 5),
            (2, 1, 5),
            (3, 2, 2),
            (4, 17, 3),
            (5, 300, 7),
            (6, 5000, 1000),
        ] {
            // (key, original position): equal keys must keep their original order.
            let input: Vec<(u64, usize)> =
                numbers(seed, count, modulo).into_iter().zip(0..).collect();
            let mut expected = input.clone();
            expected.sort_by_key(|p| p.0);
            let mut ours = input.clone();
            sort_by_key(&mut ours, |p| p.0);
            assert_eq!(ours, expected, "seed {seed}, {count} items");
            let mut reversed = input.clone();
            sort_by(&mut reversed, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|p| std::cmp::Reverse(p.0));
            assert_eq!(reversed, expected, "seed {seed}, {count} items, descending");
        }
    }

    #[test]
    fn natural_order_of_strings() {
        let mut words = vec!["вода", "альфа", "Бета", "альфа", "z"];
        let mut expected = words.clone();
        expected.sort();
        sort(&mut words);
        assert_eq!(words, expected);
    }

    #[test]
    fn sorts_a_part_of_a_slice() {
        let mut list = vec![9, 3, 2, 1, 0];
        sort(&mut list[1..4]);
        assert_eq!(list, vec![9, 1, 2, 3, 0]);
    }
}
