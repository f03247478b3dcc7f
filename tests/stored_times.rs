//! Stored dates and times (`core::domain::time_serde`) against chrono, whose serde support wrote every
//! record stored so far: for any instant and date the same text, read back to the same value, and
//! whatever the hand-written reader accepts, chrono reads the same.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat, Utc};
use proptest::prelude::*;

use crossmeet::core::domain::time_serde::{read_date, read_utc, write_date, write_utc};

/// Instants across years 1–9999 with whole, milli-, micro- and nanosecond fractions.
fn instant() -> impl Strategy<Value = DateTime<Utc>> {
    let seconds = -62_135_596_800i64..253_402_300_799;
    let nanos = prop_oneof![
        Just(0u32),
        (0u32..1000).prop_map(|n| n * 1_000_000),
        (0u32..1_000_000).prop_map(|n| n * 1_000),
        0u32..1_000_000_000,
    ];
    (seconds, nanos).prop_map(|(s, n)| DateTime::from_timestamp(s, n).unwrap())
}

proptest! {
    #[test]
    fn any_instant_is_written_and_read_as_chrono_does(at in instant(), offset_minutes in -1439i32..1440) {
        let written = write_utc(&at);
        prop_assert_eq!(&written, &at.to_rfc3339_opts(SecondsFormat::AutoSi, true));
        prop_assert_eq!(read_utc(&written), Some(at));
        let elsewhere = at.with_timezone(&FixedOffset::east_opt(offset_minutes * 60).unwrap());
        prop_assert_eq!(read_utc(&elsewhere.to_rfc3339()), Some(at));
    }

    #[test]
    fn what_this_reads_chrono_reads_the_same(text in "[0-9+:. TtZz-]{0,40}") {
        if let Some(at) = read_utc(&text) {
            prop_assert_eq!(text.parse::<DateTime<Utc>>().ok(), Some(at), "{}", text);
        }
    }

    #[test]
    fn any_date_is_written_and_read_as_chrono_does(days in -3_000_000i32..3_000_000) {
        let date = NaiveDate::from_num_days_from_ce_opt(days).unwrap();
        prop_assert_eq!(write_date(&date), date.to_string());
        prop_assert_eq!(read_date(&date.to_string()), Some(date));
    }
}
