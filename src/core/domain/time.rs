//! Date and time text for the UI and for `<input type="datetime-local">`, written by hand:
//! chrono's strftime engine costs more in the wasm bundle than these three functions.

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Timelike, Utc};

use crate::core::domain::i18n::{tr, Lang, T};

/// The organiser's time zone as the core sees it: the UTC offset in force at an instant (D5).
/// Daylight saving makes the offset differ between instants, so each instant is shown at its
/// own offset, never at today's: a July meeting planned in a New York December is at 14:00 EDT,
/// not 13:00. The browser glue answers it for the device; a fixed offset answers it in tests.
pub trait LocalZone {
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset;

    /// `at` as this zone's wall clock shows it. At the very ends of the calendar (an instant from
    /// a crafted file) the offset cannot be added; UTC is shown there rather than trapping.
    fn local(&self, at: DateTime<Utc>) -> NaiveDateTime {
        let utc = at.naive_utc();
        utc.checked_add_offset(self.offset_at(at)).unwrap_or(utc)
    }
}

/// A zone without daylight saving (China Standard Time is `+08:00` all year).
impl LocalZone for FixedOffset {
    fn offset_at(&self, _at: DateTime<Utc>) -> FixedOffset {
        *self
    }
}

/// `2026-11-24 14:00`, for display.
pub fn format_date_time(at: NaiveDateTime) -> String {
    format!(
        "{} {:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// `2026-11-24`, the one date format of the app and its exports.
pub fn format_date(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

/// `2026-11-24T14:00`, the value of a `datetime-local` input.
pub fn format_input(at: NaiveDateTime) -> String {
    format!(
        "{}T{:02}:{:02}",
        format_date(at.date()),
        at.hour(),
        at.minute()
    )
}

/// `17:00`, a time of day, also the value of a `time` input.
pub fn format_time(at: NaiveTime) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// Reads a time of day (`HH:MM`, optionally with `:SS`), as a `time` input gives it.
pub fn parse_time(value: &str) -> Option<NaiveTime> {
    let mut parts = value.trim().splitn(3, ':').map(str::parse::<u32>);
    let (hour, minute) = (parts.next()?.ok()?, parts.next()?.ok()?);
    let second = parts.next().transpose().ok()?.unwrap_or(0);
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// Reads a `datetime-local` value (`YYYY-MM-DDTHH:MM`, optionally with `:SS`).
pub fn parse_input(value: &str) -> Option<NaiveDateTime> {
    let (date, time) = value.trim().split_once('T')?;
    let mut date_parts = date.splitn(3, '-').map(str::parse::<u32>);
    let (year, month, day) = (
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
        date_parts.next()?.ok()?,
    );
    let date = NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)?;
    Some(date.and_time(parse_time(time)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_values_round_trip() {
        let at = parse_input("2026-03-02T09:05").unwrap();
        assert_eq!(format_input(at), "2026-03-02T09:05");
        assert_eq!(format_date_time(at), "2026-03-02 09:05");
        assert_eq!(parse_input("2026-03-02T09:05:30").unwrap().second(), 30);
        let five = parse_time("17:00").unwrap();
        assert_eq!(format_time(five), "17:00");
        assert_eq!(parse_time("07:30:15").unwrap().second(), 15);
        assert_eq!(parse_time("24:00"), None);
        assert_eq!(parse_time(""), None);
    }

    #[test]
    fn wrong_dates_are_refused() {
        for bad in [
            "",
            "2026-02-30T10:00",
            "2026-13-01T10:00",
            "2026-01-01",
            "2026-01-01T25:00",
            "tomorrow",
        ] {
            assert_eq!(parse_input(bad), None, "{bad}");
        }
    }
}

/// Monday to Friday (R1: weekends are not working days; public holidays are not known).
pub fn is_working_day(day: NaiveDate) -> bool {
    day.weekday().number_from_monday() <= 5
}

/// A meeting's slot as a notice gives it: `12月10日(周四)14:00–15:00`, `Thu 10 Dec, 14:00–15:00`;
/// the end's date too when it falls on another day.
pub fn format_slot(start: NaiveDateTime, end: NaiveDateTime, lang: Lang) -> String {
    let nth = |names: &'static str, index: usize| names.split(' ').nth(index).unwrap_or_default();
    let day = |at: NaiveDateTime| {
        tr(
            lang,
            T::SlotDay,
            &[
                nth(T::MonthNames.get(lang), at.month0() as usize),
                &at.day().to_string(),
                nth(
                    T::WeekdayNames.get(lang),
                    at.weekday().num_days_from_monday() as usize,
                ),
            ],
        )
    };
    let end_text = if end.date() == start.date() {
        format_time(end.time())
    } else {
        format!("{} {}", day(end), format_time(end.time()))
    };
    tr(
        lang,
        T::Slot,
        &[&day(start), &format_time(start.time()), &end_text],
    )
}

/// The same weekday and wall-clock time as `start`, in the first week that is still ahead of
/// `now`: where a copy of last week's meeting goes. The local time stays when a daylight-saving
/// change falls between.
pub fn same_slot_ahead(
    start: DateTime<Utc>,
    now: DateTime<Utc>,
    zone: &dyn LocalZone,
) -> DateTime<Utc> {
    if start > now {
        return start;
    }
    let weeks = (now - start).num_weeks() + 1;
    chrono::Duration::try_weeks(weeks)
        .and_then(|span| later_same_clock(start, span, zone))
        .unwrap_or(start)
}

/// `start` moved by `span` (whole days), at the same wall-clock time across a daylight-saving
/// change; `None` past the end of the calendar.
pub fn later_same_clock(
    start: DateTime<Utc>,
    span: chrono::Duration,
    zone: &dyn LocalZone,
) -> Option<DateTime<Utc>> {
    let moved = start.checked_add_signed(span)?;
    let drift = zone.offset_at(start).local_minus_utc() - zone.offset_at(moved).local_minus_utc();
    Some(moved + chrono::Duration::seconds(i64::from(drift)))
}

/// Working days (Monday to Friday) after `from` up to and including `to`: a notice sent on
/// Monday for a Thursday meeting gives 3 (R1). Zero or negative when `to` is not after `from`.
pub fn working_days_after(from: NaiveDate, to: NaiveDate) -> i64 {
    if to <= from {
        return (to - from).num_days().min(0);
    }
    // Whole weeks by arithmetic, the rest day by day: a crafted date centuries away must not
    // hold up the checks for a count of every day between.
    let days = (to - from).num_days();
    let rest = from
        .iter_days()
        .skip(1)
        .take((days % 7) as usize)
        .filter(|day| is_working_day(*day))
        .count() as i64;
    days / 7 * 5 + rest
}

#[cfg(test)]
mod working_day_tests {
    use super::*;

    #[test]
    fn a_slot_reads_with_its_weekday_and_end() {
        let at = |d: u32, h: u32, m: u32| {
            NaiveDate::from_ymd_opt(2026, 12, d)
                .unwrap()
                .and_hms_opt(h, m, 0)
                .unwrap()
        };
        assert_eq!(
            format_slot(at(10, 14, 0), at(10, 15, 0), Lang::Zh),
            "12月10日(周四)14:00–15:00"
        );
        assert_eq!(
            format_slot(at(10, 14, 0), at(10, 15, 30), Lang::En),
            "Thu 10 Dec, 14:00–15:30"
        );
        assert_eq!(
            format_slot(at(13, 23, 0), at(14, 1, 0), Lang::Zh),
            "12月13日(周日)23:00–12月14日(周一) 01:00"
        );
    }

    #[test]
    fn a_past_slot_moves_to_the_same_weekday_and_time_ahead() {
        let cst = FixedOffset::east_opt(8 * 3600).unwrap();
        let at = |d: u32, h: u32| {
            NaiveDate::from_ymd_opt(2026, 12, d)
                .unwrap()
                .and_hms_opt(h, 0, 0)
                .unwrap()
                .and_utc()
        };
        // Thursday 3 December, 06:00 UTC (14:00 in Beijing).
        let start = at(3, 6);
        for (now, expected) in [
            (at(1, 0), at(3, 6)),   // still ahead: kept
            (at(3, 6), at(10, 6)),  // at the very minute: next week
            (at(6, 9), at(10, 6)),  // the Sunday after
            (at(10, 7), at(17, 6)), // an hour after next week's
            (at(31, 0), at(31, 6)), // four weeks on
        ] {
            assert_eq!(same_slot_ahead(start, now, &cst), expected, "now {now}");
        }
    }

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
    }

    #[test]
    fn weekends_are_not_working_days() {
        // 2026-11-23 is a Monday.
        assert_eq!(working_days_after(day(23), day(26)), 3, "Mon → Thu");
        assert_eq!(working_days_after(day(27), day(30)), 1, "Fri → Mon");
        assert_eq!(working_days_after(day(20), day(27)), 5, "Fri → next Fri");
        assert_eq!(working_days_after(day(28), day(29)), 0, "Sat → Sun");
        assert_eq!(working_days_after(day(26), day(26)), 0);
        assert!(working_days_after(day(26), day(24)) < 0);
    }

    #[test]
    fn working_days_match_a_count_of_every_day() {
        let counted = |from: NaiveDate, to: NaiveDate| {
            from.iter_days()
                .skip(1)
                .take_while(|d| *d <= to)
                .filter(|d| is_working_day(*d))
                .count() as i64
        };
        for from in 1..=7 {
            for length in 0..40 {
                let to = day(from) + chrono::Duration::days(length);
                assert_eq!(working_days_after(day(from), to), counted(day(from), to));
            }
        }
        // The calendar's whole range, at once.
        let all = working_days_after(NaiveDate::MIN, NaiveDate::MAX);
        assert!(all > 0);
    }
}

/// Reads a date: a `date` input's `2026-12-10`, or Excel's own `2026/12/10` and `2026/1/5`.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let mut parts = value
        .trim()
        .split(['-', '/'])
        .map(|part| part.trim().parse::<u32>());
    let (year, month, day) = (
        parts.next()?.ok()?,
        parts.next()?.ok()?,
        parts.next()?.ok()?,
    );
    if parts.next().is_some() || year < 1000 {
        return None;
    }
    NaiveDate::from_ymd_opt(i32::try_from(year).ok()?, month, day)
}
