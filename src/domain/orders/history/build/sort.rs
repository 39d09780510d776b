//! The two stable counting sorts that put a build's reduced orders in (client, date) order.

use super::Reduced;
use chrono::{Datelike, NaiveDate};
use std::ops::Range;

/// A number that grows with the date: the year times 366 plus the day of the year. Not a count
/// of days (a short year leaves a gap), which a counting sort does not mind, and two shifts and a
/// multiply rather than chrono's day count.
pub(super) fn day_key(date: NaiveDate) -> i32 {
    date.year() * 366 + date.ordinal() as i32
}

/// `records` sorted by date, stably. Their days are `first_day..=last_day`.
///
/// Why a counting sort: a workspace's orders span a few thousand days at most, so counting per
/// day and placing each record is two linear passes, against a comparison sort's n·log n. Days
/// spread over far more values than there are orders (a few orders, or a stray date centuries
/// away) would make the counts the cost, so those take a comparison sort instead.
pub(super) fn sort_by_day(
    mut records: Vec<Reduced>,
    first_day: i32,
    last_day: i32,
) -> Vec<Reduced> {
    let span = i64::from(last_day) - i64::from(first_day) + 1;
    if records.is_empty() || span > 4 * records.len() as i64 + 64 {
        records.sort_by_key(|r| r.date);
        return records;
    }
    counting_sort(&records, span as usize, |r| {
        (i64::from(r.day) - i64::from(first_day)) as usize
    })
}

/// `records` sorted by client, stably, and each client's range in the result.
pub(super) fn sort_by_client(
    records: &[Reduced],
    clients: usize,
) -> (Vec<Reduced>, Vec<Range<usize>>) {
    let grouped = counting_sort(records, clients, |r| r.client as usize);
    let mut bounds = Vec::with_capacity(clients);
    let mut start = 0;
    for (i, r) in grouped.iter().enumerate() {
        if i > 0 && r.client != grouped[i - 1].client {
            bounds.push(start..i);
            start = i;
        }
    }
    if !grouped.is_empty() {
        bounds.push(start..grouped.len());
    }
    (grouped, bounds)
}

/// `items` sorted by `bucket`, stably: a counting sort. Every bucket is below `buckets`.
/// Reads `items` in order and writes each to its place, so it moves every item once.
fn counting_sort<T: Copy + Default>(
    items: &[T],
    buckets: usize,
    bucket: impl Fn(&T) -> usize,
) -> Vec<T> {
    let mut starts = vec![0u32; buckets + 1];
    for item in items {
        starts[bucket(item) + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut sorted = vec![T::default(); items.len()];
    for item in items {
        let slot = &mut starts[bucket(item)];
        sorted[*slot as usize] = *item;
        *slot += 1;
    }
    sorted
}

#[cfg(test)]
mod tests {
    use super::super::Reduced;
    use super::{counting_sort, day_key, sort_by_client, sort_by_day};
    use chrono::{Duration, NaiveDate};

    #[test]
    fn the_counting_sort_orders_like_a_stable_comparison_sort() {
        // Keys with many repeats, in a scrambled order; the position tells equal keys apart.
        let items: Vec<(usize, u32)> = (0..2_000u32)
            .map(|i| (((i * 7_919) % 613) as usize, i))
            .collect();
        let mut expected = items.clone();
        expected.sort_by_key(|&(key, _)| key);
        assert_eq!(counting_sort(&items, 613, |&(key, _)| key), expected);
        assert_eq!(counting_sort(&[] as &[(usize, u32)], 0, |&(k, _)| k), []);
    }

    /// Records of scrambled clients and dates; `id_start` numbers them in input order.
    fn records(n: u32, days: i64) -> Vec<Reduced> {
        let start = NaiveDate::from_ymd_opt(2023, 12, 30).unwrap();
        (0..n)
            .map(|i| Reduced {
                client: (i * 31) % 17,
                date: start + Duration::days(i64::from(i * 7_919) % days),
                id_start: i,
                ..Reduced::default()
            })
            .map(|r| Reduced {
                day: day_key(r.date),
                ..r
            })
            .collect()
    }

    /// The key the two sorts together order by, ties by input order.
    fn key(r: &Reduced) -> (u32, NaiveDate, u32) {
        (r.client, r.date, r.id_start)
    }

    #[test]
    fn sorting_by_day_then_client_orders_by_client_date_and_input_order() {
        for (n, days) in [(3_000, 400), (500, 100_000), (1, 1), (0, 1)] {
            let input = records(n, days);
            let mut expected: Vec<_> = input.iter().map(key).collect();
            expected.sort();
            let first = input.iter().map(|r| r.day).min().unwrap_or(0);
            let last = input.iter().map(|r| r.day).max().unwrap_or(0);
            let (grouped, bounds) = sort_by_client(&sort_by_day(input, first, last), 17);
            assert_eq!(grouped.iter().map(key).collect::<Vec<_>>(), expected);
            // One range per client present, covering everything, each of one client.
            assert_eq!(bounds.iter().map(|r| r.len()).sum::<usize>(), n as usize);
            assert!(bounds.iter().all(|r| {
                let c = grouped[r.start].client;
                grouped[r.clone()].iter().all(|g| g.client == c)
            }));
        }
    }

    #[test]
    fn day_keys_grow_with_the_date() {
        let mut day = NaiveDate::from_ymd_opt(1999, 12, 25).unwrap();
        for _ in 0..3_000 {
            let next = day + Duration::days(1);
            assert!(day_key(day) < day_key(next), "{day}");
            day = next;
        }
        assert!(day_key(NaiveDate::MIN) < day_key(NaiveDate::MAX));
    }
}
