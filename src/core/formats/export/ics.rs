//! The calendar invitation (R6) as iCalendar: times in UTC, and the agenda in the description so
//! it travels with the invitation.

use chrono::{DateTime, Duration, Utc};

use super::ical::{utc, Ical};
use super::notice::{notice, NoticeStyle};
use crate::core::domain::i18n::Lang;
use crate::core::domain::model::{FormatMode, Meeting};
use crate::core::domain::time::LocalZone;

/// The `.ics` file for `meeting`, or `None` when it has no start time yet (or one so late that
/// its end is past the calendar's last instant, which only a crafted file can hold).
pub fn calendar(
    meeting: &Meeting,
    lang: Lang,
    zone: &dyn LocalZone,
    now: DateTime<Utc>,
) -> Option<String> {
    let start = meeting.schedule.starts_at?;
    let end = start.checked_add_signed(Duration::minutes(i64::from(
        meeting.schedule.duration_minutes,
    )))?;
    let title = meeting.title_or_untitled(lang);
    let location = match meeting.format.mode {
        FormatMode::Offline => meeting.format.room.trim().to_owned(),
        FormatMode::Online => meeting.format.link.trim().to_owned(),
        FormatMode::Hybrid => [meeting.format.room.trim(), meeting.format.link.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join(" / "),
    };
    let mut ical = Ical::begin();
    ical.raw("BEGIN:VEVENT", "");
    ical.text("UID", &format!("{}@crossmeet.invalid", meeting.id));
    ical.raw("DTSTAMP:", &utc(now));
    ical.raw("DTSTART:", &utc(start));
    ical.raw("DTEND:", &utc(end));
    ical.text("SUMMARY", title);
    ical.text(
        "DESCRIPTION",
        &notice(meeting, lang, zone, NoticeStyle::PlainText),
    );
    ical.text("LOCATION", &location);
    ical.raw("SEQUENCE:", &meeting.revision.to_string());
    ical.raw("END:VEVENT", "");
    Some(ical.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    #[test]
    fn a_meeting_without_a_time_has_no_invitation() {
        let now = Utc.with_ymd_and_hms(2026, 11, 24, 0, 0, 0).unwrap();
        let offset = FixedOffset::east_opt(0).unwrap();
        assert_eq!(calendar(&Meeting::default(), Lang::Zh, &offset, now), None);
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
        let ics = calendar(&meeting, Lang::Zh, &offset, now).unwrap();
        assert!(ics.contains("DTSTART:20261201T060000Z\r\n"));
        assert!(ics.contains("DTEND:20261201T070000Z\r\n"));
        assert!(ics.contains("DTSTAMP:20261124T083000Z\r\n"));
        assert!(ics.contains("SUMMARY:评审\\, 第一轮\\; \"终稿\"\r\n"));
        assert!(!ics.replace("\r\n", "").contains('\n'), "bare LF");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
    }
}
