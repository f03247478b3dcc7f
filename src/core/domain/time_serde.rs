//! Dates and times as stored (IndexedDB, backups, meeting files), written and read by hand in
//! exactly the text chrono's own serde support wrote, so stored data does not change; without
//! chrono's general-purpose parser, which with its helpers was ≈ 14 KB of the wasm module.
//!
//! - an instant: RFC 3339 in UTC, `2026-11-25T17:46:19.123Z`, the fraction as chrono's `AutoSi`
//!   (none, 3, 6 or 9 digits); read back with any offset (`Z`, `+08:00`, `+0800`) and `T`, `t` or
//!   a space between date and time, as chrono accepted;
//! - a date: `2026-12-10` (a year outside 0–9999 with its sign, `+12345-01-01`);
//! - a time of day: `17:00:00`, with a fraction when it has one.
//!
//! Used as `#[serde(with = "…")]` on every such field of the stored model.

use std::fmt;

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::Serializer;

/// `2026-11-25T17:46:19.123Z`.
pub fn write_utc(at: &DateTime<Utc>) -> String {
    let mut out = write_date(&at.date_naive());
    out.push('T');
    out.push_str(&write_time(&at.time()));
    out.push('Z');
    out
}

/// An RFC 3339 instant with any offset, as UTC.
pub fn read_utc(text: &str) -> Option<DateTime<Utc>> {
    let split = text.find(['T', 't', ' '])?;
    let date = read_date(&text[..split])?;
    let rest = &text[split + 1..];
    let zone = rest.rfind(['Z', 'z', '+', '-'])?;
    let time = read_time(&rest[..zone])?;
    let offset = match &rest[zone..] {
        "Z" | "z" => 0,
        signed => {
            let sign = if signed.starts_with('-') { -1 } else { 1 };
            let digits = signed[1..].replacen(':', "", 1);
            if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let (hours, minutes): (i64, i64) =
                (digits[..2].parse().ok()?, digits[2..].parse().ok()?);
            if hours > 23 || minutes > 59 {
                return None;
            }
            sign * (hours * 60 + minutes)
        }
    };
    let local = NaiveDateTime::new(date, time);
    Some(
        local
            .checked_sub_signed(Duration::minutes(offset))?
            .and_utc(),
    )
}

/// `2026-12-10`, as chrono's `Display` writes it.
pub fn write_date(date: &NaiveDate) -> String {
    let year = date.year();
    if (0..=9999).contains(&year) {
        format!("{year:04}-{:02}-{:02}", date.month(), date.day())
    } else {
        format!("{year:+05}-{:02}-{:02}", date.month(), date.day())
    }
}

/// `2026-12-10`, a year with or without its sign.
pub fn read_date(text: &str) -> Option<NaiveDate> {
    let (sign, unsigned) = match text.as_bytes().first()? {
        b'+' => (1, &text[1..]),
        b'-' => (-1, &text[1..]),
        _ => (1, text),
    };
    let mut parts = unsigned.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || year.len() < 4
        || month.len() != 2
        || day.len() != 2
        || ![year, month, day]
            .iter()
            .all(|part| part.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let year: i32 = year.parse().ok()?;
    NaiveDate::from_ymd_opt(sign * year, month.parse().ok()?, day.parse().ok()?)
}

/// `17:00:00`, `17:00:00.250`: the fraction in 3, 6 or 9 digits, only when there is one.
pub fn write_time(time: &NaiveTime) -> String {
    // chrono keeps a leap second as a nanosecond count past 1e9.
    let (second, nanos) = match time.nanosecond() {
        nanos @ 1_000_000_000.. => (60, nanos - 1_000_000_000),
        nanos => (time.second(), nanos),
    };
    let mut out = format!("{:02}:{:02}:{:02}", time.hour(), time.minute(), second);
    if nanos % 1_000_000 == 0 && nanos > 0 {
        out.push_str(&format!(".{:03}", nanos / 1_000_000));
    } else if nanos % 1_000 == 0 && nanos > 0 {
        out.push_str(&format!(".{:06}", nanos / 1_000));
    } else if nanos > 0 {
        out.push_str(&format!(".{nanos:09}"));
    }
    out
}

/// `17:00`, `17:00:00`, `17:00:00.25` (digits past the ninth are ignored, as chrono did).
pub fn read_time(text: &str) -> Option<NaiveTime> {
    let (clock, fraction) = text.split_once('.').unwrap_or((text, ""));
    let mut parts = clock.split(':');
    let mut next = || -> Option<u32> {
        let part = parts.next()?;
        (part.len() == 2 && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let (hour, minute) = (next()?, next()?);
    let second = if clock.len() > 5 { next()? } else { 0 };
    if clock.len() > 8 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if text.contains('.') && fraction.is_empty() {
        return None;
    }
    let nanos = fraction
        .bytes()
        .chain(std::iter::repeat(b'0'))
        .take(9)
        .fold(0, |nanos, digit| nanos * 10 + u32::from(digit - b'0'));
    // A leap second is 59 seconds and more than 1e9 nanoseconds.
    let (second, nanos) = if second == 60 {
        (59, nanos + 1_000_000_000)
    } else {
        (second, nanos)
    };
    NaiveTime::from_hms_nano_opt(hour, minute, second, nanos)
}

/// Reads a string through `read`, borrowed or owned, naming what it expected when it fails.
struct TextVisitor<T> {
    read: fn(&str) -> Option<T>,
    expected: &'static str,
}

impl<'de, T> Visitor<'de> for TextVisitor<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str(self.expected)
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<T, E> {
        (self.read)(text).ok_or_else(|| E::invalid_value(de::Unexpected::Str(text), &self))
    }
}

/// `null` or a string read through the inner visitor.
struct OptionVisitor<T>(TextVisitor<T>);

impl<'de, T> Visitor<'de> for OptionVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        self.0.expecting(formatter)
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_str(self.0).map(Some)
    }
}

fn serialize_option<T, S: Serializer>(
    value: &Option<T>,
    write: fn(&T) -> String,
    serializer: S,
) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.serialize_some(&write(value)),
        None => serializer.serialize_none(),
    }
}

const UTC: &str = "an RFC 3339 date and time";

/// [`read_utc`] kept inside the instants every page can show (see `bounds`).
fn read_stored_utc(text: &str) -> Option<DateTime<Utc>> {
    read_utc(text).map(crate::core::domain::bounds::instant_in_range)
}
const DATE: &str = "a date (YYYY-MM-DD)";
const TIME: &str = "a time of day (HH:MM:SS)";

/// `DateTime<Utc>` fields.
pub mod utc {
    use super::*;

    pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&write_utc(at))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<DateTime<Utc>, D::Error> {
        deserializer.deserialize_str(TextVisitor {
            read: read_stored_utc,
            expected: UTC,
        })
    }
}

/// `Option<DateTime<Utc>>` fields.
pub mod opt_utc {
    use super::*;

    pub fn serialize<S: Serializer>(
        at: &Option<DateTime<Utc>>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serialize_option(at, write_utc, serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<DateTime<Utc>>, D::Error> {
        deserializer.deserialize_option(OptionVisitor(TextVisitor {
            read: read_stored_utc,
            expected: UTC,
        }))
    }
}

/// `Option<NaiveDate>` fields.
pub mod opt_date {
    use super::*;

    pub fn serialize<S: Serializer>(
        date: &Option<NaiveDate>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serialize_option(date, write_date, serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveDate>, D::Error> {
        deserializer.deserialize_option(OptionVisitor(TextVisitor {
            read: read_date,
            expected: DATE,
        }))
    }
}

/// `Option<NaiveTime>` fields.
pub mod opt_time {
    use super::*;

    pub fn serialize<S: Serializer>(
        time: &Option<NaiveTime>,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        serialize_option(time, write_time, serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(
        deserializer: D,
    ) -> Result<Option<NaiveTime>, D::Error> {
        deserializer.deserialize_option(OptionVisitor(TextVisitor {
            read: read_time,
            expected: TIME,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{SecondsFormat, TimeZone};

    #[test]
    fn instants_are_written_as_chrono_wrote_them() {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 17, 46, 19).unwrap();
        for nanos in [0, 123_000_000, 123_456_000, 123_456_789, 1_000] {
            let at = at + Duration::nanoseconds(nanos);
            let chrono = at.to_rfc3339_opts(SecondsFormat::AutoSi, true);
            assert_eq!(write_utc(&at), chrono);
            assert_eq!(read_utc(&chrono), Some(at));
        }
    }

    #[test]
    fn instants_with_offsets_and_separators_are_read_as_chrono_read_them() {
        let utc = Utc.with_ymd_and_hms(2026, 11, 25, 9, 30, 0).unwrap();
        for text in [
            "2026-11-25T17:30:00+08:00",
            "2026-11-25 17:30:00+0800",
            "2026-11-25t09:30:00z",
            "2026-11-25T04:00:00-05:30",
        ] {
            assert_eq!(read_utc(text), Some(utc), "{text}");
            assert_eq!(
                text.parse::<DateTime<Utc>>().ok(),
                Some(utc),
                "chrono: {text}"
            );
        }
        for bad in [
            "",
            "2026-11-25",
            "2026-11-25T25:00:00Z",
            "2026-02-30T10:00:00Z",
            "2026-11-25T10:00:00",
            "2026-11-25T10:00:00+8",
            "tomorrow",
        ] {
            assert_eq!(read_utc(bad), None, "{bad}");
        }
    }

    #[test]
    fn dates_and_times_round_trip_like_chrono() {
        for date in [
            NaiveDate::from_ymd_opt(2026, 12, 10).unwrap(),
            NaiveDate::from_ymd_opt(202, 1, 5).unwrap(),
            NaiveDate::from_ymd_opt(12345, 1, 1).unwrap(),
        ] {
            assert_eq!(write_date(&date), date.to_string());
            assert_eq!(read_date(&date.to_string()), Some(date));
        }
        for time in [
            NaiveTime::from_hms_opt(17, 0, 0).unwrap(),
            NaiveTime::from_hms_milli_opt(9, 5, 30, 250).unwrap(),
        ] {
            assert_eq!(write_time(&time), time.to_string());
            assert_eq!(read_time(&time.to_string()), Some(time));
        }
        assert_eq!(read_time("17:00"), NaiveTime::from_hms_opt(17, 0, 0));
        for bad in ["2026/12/10", "26-12-10", "2026-1-5", "2026-12-10x"] {
            assert_eq!(read_date(bad), None, "{bad}");
        }
    }
}
