//! Stable sorting through one shared copy of the standard library's sort.
//!
//! Every `sort_by` or `sort_by_key` call with its own closure makes the compiler emit another
//! copy of the standard stable sort, about 4 KiB of WebAssembly each — thirteen of them in this
//! app. Here the standard sort runs on positions, with the comparison behind a trait object, so
//! it is compiled once; the elements are then moved into their places.

use std::cmp::Ordering;

/// Like `slice::sort_by`: stable, `compare` decides the order.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    move_into_order(items, order);
}

/// Like `slice::sort_by_key`: stable, ascending by `key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// The positions `0..len`, stably ordered by `compare`: the one instance of the standard sort.
#[allow(clippy::disallowed_methods)] // the one place the standard sort is meant to be used
fn sorted_positions(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut positions: Vec<usize> = (0..len).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Rearranges `items` so that position `i` holds what was at `order[i]`, following each cycle of
/// the permutation with swaps (no copies, no `Clone`).
fn move_into_order<T>(items: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..items.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
#[allow(clippy::disallowed_methods)] // checked against the standard sort itself
mod tests {
    use super::*;

    /// Small pseudo-random vectors with many equal keys, so stability is exercised.
    fn samples() -> Vec<Vec<(u8, usize)>> {
        let mut seed: u32 = 0x2545_f491;
        (0..200)
            .map(|round| {
                (0..round % 37)
                    .map(|index| {
                        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                        (((seed >> 16) % 5) as u8, index)
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn orders_exactly_like_the_standard_stable_sort() {
        for sample in samples() {
            let mut expected = sample.clone();
            expected.sort_by_key(|&(key, _)| key);
            let mut actual = sample.clone();
            sort_by_key(&mut actual, |&(key, _)| key);
            assert_eq!(actual, expected, "input {sample:?}");

            let mut descending = sample.clone();
            sort_by(&mut descending, |a, b| b.0.cmp(&a.0));
            expected.sort_by_key(|entry| std::cmp::Reverse(entry.0));
            assert_eq!(descending, expected, "input {sample:?}");
        }
    }

    #[test]
    fn moves_values_without_copying_them() {
        let mut words: Vec<String> = ["delta", "alpha", "charlie", "bravo"]
            .map(String::from)
            .into();
        sort_by(&mut words, |a, b| a.cmp(b));
        assert_eq!(words, ["alpha", "bravo", "charlie", "delta"]);
    }
}
