//! The ranges a meeting's numbers may take, and their enforcement where a meeting comes in from
//! outside the forms: a share link, a meeting file, a backup or a stored record (D3, D4). A crafted
//! file could otherwise carry a duration no form allows (4294967295 minutes) that overflows the
//! arithmetic of the clocks and agenda times; in the release build a panic aborts the module, so
//! the meeting would trap its page every time it was opened.
//!
//! Out-of-range values are brought to the nearest allowed one rather than refusing the whole file,
//! so nothing else of an import is lost; the importers say when they did (`formats::backup`).

use std::ops::RangeInclusive;

use chrono::{DateTime, Duration, Utc};
use serde::de::{self, Deserialize, Deserializer, Visitor};

/// An agenda item's minutes. 0 is what the agenda editor allows while an item is being planned;
/// the top is the longest meeting, since no item can outlast it.
pub const AGENDA_ITEM_MINUTES: RangeInclusive<u32> = 0..=24 * 60;

/// A meeting's planned duration, as the prepare tab's duration field allows: 5 minutes to a day.
pub const MEETING_MINUTES: RangeInclusive<u32> = 5..=24 * 60;

/// A feedback rating (F5): one to five stars.
pub const RATING: RangeInclusive<u8> = 1..=5;

/// A stored instant kept a day inside the calendar's ends (±262,143 years), so that showing it at
/// any UTC offset cannot fall off the calendar, which panics in chrono. No real meeting is moved.
pub fn instant_in_range(at: DateTime<Utc>) -> DateTime<Utc> {
    let margin = Duration::days(1);
    let first = DateTime::<Utc>::MIN_UTC.checked_add_signed(margin);
    let last = DateTime::<Utc>::MAX_UTC.checked_sub_signed(margin);
    match (first, last) {
        (Some(first), Some(last)) => at.clamp(first, last),
        _ => at,
    }
}

/// Whether the number `value` (as a file holds it) lies in `range`; anything but a number is left
/// to the decoder to refuse.
pub fn is_out_of_range(value: &serde_json::Value, range: RangeInclusive<u32>) -> bool {
    value.is_number()
        && !value
            .as_u64()
            .is_some_and(|n| n >= u64::from(*range.start()) && n <= u64::from(*range.end()))
}

/// Minutes typed in a form, brought into `range`; `None` when the text is no whole number.
pub fn minutes_from_input(text: &str, range: RangeInclusive<u32>) -> Option<u32> {
    let text = text.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value = if text.starts_with('-') {
        i128::MIN
    } else {
        digits.parse::<i128>().unwrap_or(i128::MAX)
    };
    Some(clamp(value, range))
}

fn clamp(value: i128, range: RangeInclusive<u32>) -> u32 {
    let (low, high) = (i128::from(*range.start()), i128::from(*range.end()));
    // In range after the clamp, so the conversion cannot fail.
    u32::try_from(value.clamp(low, high)).unwrap_or(*range.end())
}

/// Any JSON integer, however large or negative, to be clamped by the caller.
struct AnyInteger(i128);

impl<'de> Deserialize<'de> for AnyInteger {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Integer;
        impl Visitor<'_> for Integer {
            type Value = AnyInteger;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a whole number")
            }
            fn visit_u64<E: de::Error>(self, value: u64) -> Result<AnyInteger, E> {
                Ok(AnyInteger(i128::from(value)))
            }
            fn visit_i64<E: de::Error>(self, value: i64) -> Result<AnyInteger, E> {
                Ok(AnyInteger(i128::from(value)))
            }
        }
        deserializer.deserialize_i64(Integer)
    }
}

/// `#[serde(deserialize_with)]` for [`AgendaItem::minutes`](super::model::AgendaItem).
pub fn agenda_item_minutes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    AnyInteger::deserialize(deserializer).map(|n| clamp(n.0, AGENDA_ITEM_MINUTES))
}

/// `#[serde(deserialize_with)]` for [`AgendaItem::planned_minutes`](super::model::AgendaItem).
pub fn opt_agenda_item_minutes<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<u32>, D::Error> {
    Option::<AnyInteger>::deserialize(deserializer)
        .map(|n| n.map(|n| clamp(n.0, AGENDA_ITEM_MINUTES)))
}

/// `#[serde(deserialize_with)]` for [`Schedule::duration_minutes`](super::model::Schedule).
pub fn meeting_minutes<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    AnyInteger::deserialize(deserializer).map(|n| clamp(n.0, MEETING_MINUTES))
}

/// `#[serde(deserialize_with)]` for [`Feedback::rating`](super::model::Feedback); `null` is "not
/// rated".
pub fn rating<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u8>, D::Error> {
    let range = u32::from(*RATING.start())..=u32::from(*RATING.end());
    Option::<AnyInteger>::deserialize(deserializer)
        .map(|n| n.map(|n| u8::try_from(clamp(n.0, range.clone())).unwrap_or(*RATING.end())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{AgendaItem, Feedback, Schedule};

    #[test]
    fn numbers_no_form_allows_are_brought_into_range() {
        let cases = [
            ("4294967295", 1440, 1440),
            ("18446744073709551615", 1440, 1440),
            ("-9223372036854775808", 0, 5),
            ("-1", 0, 5),
            ("0", 0, 5),
            ("45", 45, 45),
            ("1440", 1440, 1440),
        ];
        for (number, item, meeting) in cases {
            let read: AgendaItem =
                serde_json::from_str(&format!(r#"{{"minutes":{number}}}"#)).unwrap();
            assert_eq!(read.minutes, item, "item {number}");
            let read: Schedule =
                serde_json::from_str(&format!(r#"{{"duration_minutes":{number}}}"#)).unwrap();
            assert_eq!(read.duration_minutes, meeting, "meeting {number}");
        }
        for (rating, read) in [
            ("0", Some(1)),
            ("3", Some(3)),
            ("300", Some(5)),
            ("null", None),
        ] {
            let feedback: Feedback =
                serde_json::from_str(&format!(r#"{{"rating":{rating}}}"#)).unwrap();
            assert_eq!(feedback.rating, read, "rating {rating}");
        }
    }

    #[test]
    fn anything_but_a_whole_number_is_still_refused() {
        for bad in [r#""45""#, "4.5", "true", "[]"] {
            let read = serde_json::from_str::<AgendaItem>(&format!(r#"{{"minutes":{bad}}}"#));
            assert!(read.is_err(), "{bad}");
        }
    }

    #[test]
    fn stored_instants_stay_a_day_inside_the_calendar() {
        let ordinary = DateTime::from_timestamp(1_764_000_000, 0).unwrap();
        assert_eq!(instant_in_range(ordinary), ordinary);
        let offset = chrono::FixedOffset::east_opt(-86_399).unwrap();
        for end in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
            let kept = instant_in_range(end);
            assert_ne!(kept, end);
            let _ = kept.with_timezone(&offset).naive_local();
            let _ = kept
                .with_timezone(&chrono::FixedOffset::east_opt(86_399).unwrap())
                .naive_local();
        }
    }

    #[test]
    fn typed_minutes_are_brought_into_range() {
        let cases = [
            ("30", Some(30)),
            (" 4294967295 ", Some(1440)),
            ("99999999999999999999999999999999999999999", Some(1440)),
            ("-3", Some(0)),
            ("", None),
            ("1e3", None),
            ("abc", None),
        ];
        for (typed, minutes) in cases {
            assert_eq!(
                minutes_from_input(typed, AGENDA_ITEM_MINUTES),
                minutes,
                "{typed:?}"
            );
        }
        assert_eq!(minutes_from_input("1", MEETING_MINUTES), Some(5));
    }

    #[test]
    fn out_of_range_is_judged_on_the_number_as_written() {
        let value = |text: &str| serde_json::from_str::<serde_json::Value>(text).unwrap();
        assert!(is_out_of_range(&value("4294967295"), AGENDA_ITEM_MINUTES));
        assert!(is_out_of_range(&value("-1"), AGENDA_ITEM_MINUTES));
        assert!(is_out_of_range(&value("2.5"), AGENDA_ITEM_MINUTES));
        assert!(is_out_of_range(&value("4"), MEETING_MINUTES));
        assert!(!is_out_of_range(&value("0"), AGENDA_ITEM_MINUTES));
        assert!(!is_out_of_range(&value("\"x\""), AGENDA_ITEM_MINUTES));
    }
}
