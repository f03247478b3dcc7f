//! The calendar invitation as iCalendar (RFC 5545): CRLF line ends, lines folded at 75 octets
//! without splitting a UTF-8 character, TEXT values escaped, times in UTC, and the agenda in the
//! description so it travels with the invitation.

use chrono::{DateTime, Duration, FixedOffset, Utc};

use super::notice::{notice, NoticeStyle};
use crate::core::i18n::{Lang, T};
use crate::core::model::{FormatMode, Meeting};

/// The `.ics` file for `meeting`, or `None` when it has no start time yet.
pub fn calendar(
    meeting: &Meeting,
    lang: Lang,
    offset: FixedOffset,
    now: DateTime<Utc>,
) -> Option<String> {
    let start = meeting.schedule.starts_at?;
    let end = start + Duration::minutes(i64::from(meeting.schedule.duration_minutes));
    let title = if meeting.title.trim().is_empty() {
        T::Untitled.get(lang)
    } else {
        meeting.title.trim()
    };
    let location = match meeting.format.mode {
        FormatMode::Offline => meeting.format.room.trim().to_owned(),
        FormatMode::Online => meeting.format.link.trim().to_owned(),
        FormatMode::Hybrid => [meeting.format.room.trim(), meeting.format.link.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" / "),
    };
    let lines = [
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//CrossMeet//CrossMeet 0.1//ZH".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}@crossmeet.invalid", meeting.id),
        format!("DTSTAMP:{}", utc(now)),
        format!("DTSTART:{}", utc(start)),
        format!("DTEND:{}", utc(end)),
        format!("SUMMARY:{}", escape_text(title)),
        format!(
            "DESCRIPTION:{}",
            escape_text(&notice(meeting, lang, offset, NoticeStyle::PlainText))
        ),
        format!("LOCATION:{}", escape_text(&location)),
        format!("SEQUENCE:{}", meeting.revision),
        "END:VEVENT".to_owned(),
        "END:VCALENDAR".to_owned(),
    ];
    Some(
        lines
            .iter()
            .map(|line| fold(line))
            .collect::<Vec<_>>()
            .concat(),
    )
}

/// `20261201T060000Z`.
fn utc(at: DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}{:02}{:02}T{:02}{:02}{:02}Z",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line into chunks of at most 75 octets, each continuation starting with a
/// space, every line ending in CRLF (RFC 5545 §3.1).
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        let width = c.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let folded = fold(&format!("DESCRIPTION:{}", "会议".repeat(40)));
        for line in folded.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded: String = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "会议".repeat(40)));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(escape_text("a,b;c\\d\r\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn a_meeting_without_a_time_has_no_invitation() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap();
        let offset = FixedOffset::east_opt(0).unwrap();
        assert_eq!(calendar(&Meeting::default(), Lang::Zh, offset, now), None);
    }

    #[test]
    fn invitation_has_utc_times_and_crlf() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 8, 30, 0).unwrap();
        let offset = FixedOffset::east_opt(8 * 3600).unwrap();
        let mut meeting = Meeting {
            id: "m1".into(),
            title: "评审, 第一轮; \"终稿\"".into(),
            ..Meeting::default()
        };
        meeting.schedule.starts_at = Some(
            offset
                .with_ymd_and_hms(2026, 12, 1, 14, 0, 0)
                .unwrap()
                .with_timezone(&Utc),
        );
        let ics = calendar(&meeting, Lang::Zh, offset, now).unwrap();
        assert!(ics.contains("DTSTART:20261201T060000Z\r\n"));
        assert!(ics.contains("DTEND:20261201T070000Z\r\n"));
        assert!(ics.contains("DTSTAMP:20261124T083000Z\r\n"));
        assert!(ics.contains("SUMMARY:评审\\, 第一轮\\; \"终稿\"\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
