//! The owners' action calendar (F3): one `.ics` file an owner imports into the calendar they
//! already use, so the reminders reach them without a server or an account.
//!
//! Each action with a deadline is an all-day VEVENT on that day, not a VTODO: Outlook and Google
//! Calendar drop VTODOs when they import a file, and Feishu's calendar reads events only. Every
//! event carries two alarms (the working day before and the morning of, 09:00), the task, its
//! acceptance standard, the meeting and its host in the description. A done or cancelled action
//! is written as a cancelled event, so importing the file again clears it. UIDs are built from
//! the meeting and action ids, so a re-import updates events instead of adding copies, and
//! SEQUENCE follows the meeting's revision, which grows with every stored edit.
//!
//! A meeting that set a daily progress time also gets one recurring event at that time on
//! working days (RRULE) until its last open deadline. Its time is floating — the same wall-clock
//! time wherever the owner's calendar is — as the rule "update by 17:00" means.

use chrono::{DateTime, NaiveDate, NaiveTime, Timelike, Utc};

use super::ical::{date, utc, Ical};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{ActionItem, Meeting};
use crate::core::domain::time::{format_date, is_working_day, LocalZone};

/// The hour of the day the morning alarms go off.
const MORNING_HOUR: i64 = 9;

/// The calendar file, and what it could not include.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionCalendar {
    pub ics: String,
    /// Events written: one per action with a deadline, plus the progress reminders.
    pub events: usize,
    /// Actions left out because they have no deadline to put on a calendar.
    pub without_deadline: usize,
}

/// The calendar for `rows` (actions with their meetings, as the tracker lists them), written
/// `now`; the progress reminders start on the first working day from `today`, and each meeting
/// is named with its date in `zone`.
pub fn action_calendar(
    rows: &[(&Meeting, &ActionItem)],
    lang: Lang,
    zone: &dyn LocalZone,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> ActionCalendar {
    let mut ical = Ical::begin();
    let stamp = utc(now);
    let mut events = 0;
    let mut without_deadline = 0;
    for (meeting, action) in rows {
        match action.deadline {
            Some(deadline) => {
                action_event(&mut ical, meeting, action, deadline, lang, zone, &stamp);
                events += 1;
            }
            None => without_deadline += 1,
        }
    }
    let mut meetings: Vec<&Meeting> = Vec::new();
    for (meeting, _) in rows {
        if !meetings.iter().any(|seen| seen.id == meeting.id) {
            meetings.push(meeting);
        }
    }
    for meeting in meetings {
        let Some(at) = meeting.progress_time else {
            continue;
        };
        let actions: Vec<&ActionItem> = rows
            .iter()
            .filter(|(m, action)| m.id == meeting.id && action.deadline.is_some())
            .map(|(_, action)| *action)
            .collect();
        if !actions.is_empty() {
            progress_event(&mut ical, meeting, &actions, at, lang, &stamp, today);
            events += 1;
        }
    }
    ActionCalendar {
        ics: ical.finish(),
        events,
        without_deadline,
    }
}

fn action_event(
    ical: &mut Ical,
    meeting: &Meeting,
    action: &ActionItem,
    deadline: NaiveDate,
    lang: Lang,
    zone: &dyn LocalZone,
    stamp: &str,
) {
    let open = !action.status.is_closed();
    let mut summary = tr(lang, T::IcsActionSummary, &[action.task.trim()]);
    if !action.owner.trim().is_empty() {
        summary.push_str(&format!(" ({})", action.owner.trim()));
    }
    ical.raw("BEGIN:VEVENT", "");
    ical.text(
        "UID",
        &format!("action-{}-{}@crossmeet.invalid", meeting.id, action.id),
    );
    ical.raw("DTSTAMP:", stamp);
    ical.raw("DTSTART;VALUE=DATE:", &date(deadline));
    // `succ_opt`: the calendar's last day (only a crafted file holds it) has no day after.
    let end = deadline.succ_opt().unwrap_or(deadline);
    ical.raw("DTEND;VALUE=DATE:", &date(end));
    ical.raw("SEQUENCE:", &meeting.revision.to_string());
    ical.text("SUMMARY", &summary);
    ical.text(
        "DESCRIPTION",
        &description(meeting, action, deadline, lang, zone),
    );
    ical.raw("STATUS:", if open { "CONFIRMED" } else { "CANCELLED" });
    // A deadline is a reminder, not a meeting: it does not make the owner look busy.
    ical.raw("TRANSP:TRANSPARENT", "");
    if open {
        let hours_before = working_days_back(deadline) * 24 - MORNING_HOUR;
        alarm(ical, &format!("-{}", duration(hours_before)), &summary);
        alarm(ical, &duration(MORNING_HOUR), &summary);
    }
    ical.raw("END:VEVENT", "");
}

fn description(
    meeting: &Meeting,
    action: &ActionItem,
    deadline: NaiveDate,
    lang: Lang,
    zone: &dyn LocalZone,
) -> String {
    let line = |label: T, value: &str| {
        let value = value.trim();
        let value = if value.is_empty() {
            T::NotFilled.get(lang)
        } else {
            value
        };
        format!("{}{}{}\n", label.get(lang), T::Colon.get(lang), value)
    };
    let owner = match action.department.trim() {
        "" => action.owner.trim().to_owned(),
        department => format!("{}({department})", action.owner.trim()),
    };
    let host = meeting
        .participants
        .iter()
        .find(|p| p.is_host)
        .map(|host| match host.department.trim() {
            "" => host.name.trim().to_owned(),
            department => format!("{}({department})", host.name.trim()),
        })
        .unwrap_or_default();
    let mut held = meeting.title_or_untitled(lang).to_owned();
    if let Some(start) = meeting.schedule.starts_at {
        held.push_str(&format!(" {}", format_date(zone.local(start).date())));
    }
    [
        line(T::ColTask, &action.task),
        line(T::ColOwner, &owner),
        line(T::ColDeadline, &format_date(deadline)),
        line(T::ColAcceptance, &action.acceptance),
        line(T::ColStatus, action.status.label().get(lang)),
        line(T::ColMeeting, &held),
        line(T::Host, &host),
    ]
    .concat()
}

/// Calendar days from the working day before `deadline` to `deadline` (3 for a Monday).
fn working_days_back(deadline: NaiveDate) -> i64 {
    let mut day = deadline;
    while let Some(before) = day.pred_opt() {
        day = before;
        if is_working_day(day) {
            break;
        }
    }
    (deadline - day).num_days()
}

/// `PT15H`, `P2DT15H`: an alarm's offset in whole hours.
fn duration(hours: i64) -> String {
    match (hours / 24, hours % 24) {
        (0, hours) => format!("PT{hours}H"),
        (days, 0) => format!("P{days}D"),
        (days, hours) => format!("P{days}DT{hours}H"),
    }
}

fn alarm(ical: &mut Ical, trigger: &str, description: &str) {
    ical.raw("BEGIN:VALARM", "");
    ical.raw("ACTION:DISPLAY", "");
    ical.raw("TRIGGER:", trigger);
    ical.text("DESCRIPTION", description);
    ical.raw("END:VALARM", "");
}

/// The daily progress reminder of one meeting, on working days from the first one on or after
/// `today` until the last open deadline; cancelled once nothing is open.
fn progress_event(
    ical: &mut Ical,
    meeting: &Meeting,
    actions: &[&ActionItem],
    at: NaiveTime,
    lang: Lang,
    stamp: &str,
    today: NaiveDate,
) {
    let open: Vec<&&ActionItem> = actions.iter().filter(|a| !a.status.is_closed()).collect();
    let mut first = today;
    while !is_working_day(first) {
        let Some(next) = first.succ_opt() else { break };
        first = next;
    }
    let last = open
        .iter()
        .filter_map(|a| a.deadline)
        .max()
        .unwrap_or(first)
        .max(first);
    let title = meeting.title_or_untitled(lang);
    let summary = tr(lang, T::IcsProgressSummary, &[title]);
    let mut body = T::IcsProgressBody.get(lang).to_owned();
    for action in &open {
        body.push_str(&format!(
            "\n- {} · {} · {}",
            action.task.trim(),
            action.owner.trim(),
            action.deadline.map(format_date).unwrap_or_default()
        ));
    }
    ical.raw("BEGIN:VEVENT", "");
    ical.text("UID", &format!("progress-{}@crossmeet.invalid", meeting.id));
    ical.raw("DTSTAMP:", stamp);
    ical.raw(
        "DTSTART:",
        &format!("{}T{:02}{:02}00", date(first), at.hour(), at.minute()),
    );
    ical.raw("DURATION:PT15M", "");
    ical.raw(
        "RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=",
        &format!("{}T235959", date(last)),
    );
    ical.raw("SEQUENCE:", &meeting.revision.to_string());
    ical.text("SUMMARY", &summary);
    ical.text("DESCRIPTION", &body);
    ical.raw("TRANSP:TRANSPARENT", "");
    if open.is_empty() {
        ical.raw("STATUS:CANCELLED", "");
    } else {
        ical.raw("STATUS:CONFIRMED", "");
        alarm(ical, "PT0S", &summary);
    }
    ical.raw("END:VEVENT", "");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{ActionStatus, Participant};
    use chrono::{FixedOffset, TimeZone};

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn meeting() -> Meeting {
        let action = |id: &str, task: &str, deadline: Option<u32>, status| ActionItem {
            id: id.into(),
            task: task.into(),
            owner: "张工".into(),
            department: "研发部".into(),
            acceptance: "评审通过".into(),
            deadline: deadline.map(day),
            status,
            ..ActionItem::default()
        };
        Meeting {
            id: "m1".into(),
            revision: 7,
            title: "Q3 排期会".into(),
            participants: vec![Participant {
                name: "王总".into(),
                department: "运营部".into(),
                is_host: true,
                ..Participant::default()
            }],
            actions: vec![
                action("a1", "完成技术方案初稿", Some(7), ActionStatus::Open),
                action("a2", "确认预算", Some(9), ActionStatus::Done),
                action("a3", "待定事项", None, ActionStatus::Open),
            ],
            ..Meeting::default()
        }
    }

    fn calendar_of(meeting: &Meeting) -> ActionCalendar {
        let rows: Vec<(&Meeting, &ActionItem)> =
            meeting.actions.iter().map(|a| (meeting, a)).collect();
        let now = Utc.with_ymd_and_hms(2026, 12, 3, 8, 0, 0).unwrap();
        action_calendar(
            &rows,
            Lang::Zh,
            &FixedOffset::east_opt(8 * 3600).unwrap(),
            now,
            day(5),
        )
    }

    fn unfolded(ics: &str) -> String {
        ics.replace("\r\n ", "")
    }

    #[test]
    fn each_action_with_a_deadline_is_an_all_day_event_with_two_alarms() {
        let calendar = calendar_of(&meeting());
        let ics = unfolded(&calendar.ics);
        assert_eq!((calendar.events, calendar.without_deadline), (2, 1));
        assert!(ics.contains("UID:action-m1-a1@crossmeet.invalid\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20261207\r\nDTEND;VALUE=DATE:20261208\r\n"));
        assert!(ics.contains("SEQUENCE:7\r\n"));
        assert!(ics.contains("SUMMARY:行动项截止:完成技术方案初稿 (张工)\r\n"));
        assert!(ics.contains("交付标准:评审通过\\n"), "{ics}");
        assert!(ics.contains("主持人:王总(运营部)\\n"), "{ics}");
        // 2026-12-07 is a Monday: the working day before is Friday, 09:00.
        assert!(ics.contains("TRIGGER:-P2DT15H\r\n"));
        assert!(ics.contains("TRIGGER:PT9H\r\n"));
        assert_eq!(
            ics.matches("BEGIN:VALARM").count(),
            2,
            "the done action has none"
        );
        assert!(ics.contains("UID:action-m1-a2@crossmeet.invalid\r\n"));
        assert_eq!(ics.matches("STATUS:CANCELLED").count(), 1);
        assert!(!ics.contains("RRULE"), "no progress time set");
    }

    #[test]
    fn the_alarm_before_skips_the_weekend() {
        assert_eq!(working_days_back(day(8)), 1, "Tuesday → Monday");
        assert_eq!(working_days_back(day(7)), 3, "Monday → Friday");
        assert_eq!(working_days_back(day(6)), 2, "Sunday → Friday");
        assert_eq!(duration(15), "PT15H");
        assert_eq!(duration(63), "P2DT15H");
        assert_eq!(duration(48), "P2D");
    }

    #[test]
    fn a_progress_time_adds_one_recurring_reminder_until_the_last_open_deadline() {
        let mut meeting = meeting();
        meeting.progress_time = NaiveTime::from_hms_opt(17, 0, 0);
        let ics = unfolded(&calendar_of(&meeting).ics);
        assert_eq!(ics.matches("RRULE:").count(), 1);
        // Today is Saturday the 5th: the reminders start on Monday the 7th.
        assert!(ics.contains("DTSTART:20261207T170000\r\n"));
        assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR;UNTIL=20261207T235959\r\n"));
        assert!(ics.contains("UID:progress-m1@crossmeet.invalid\r\n"));
        assert_eq!(ics.matches("BEGIN:VALARM").count(), 3);

        for action in &mut meeting.actions {
            action.status = ActionStatus::Done;
        }
        let ics = unfolded(&calendar_of(&meeting).ics);
        assert_eq!(
            ics.matches("STATUS:CANCELLED").count(),
            3,
            "both actions and the reminder"
        );
        assert!(!ics.contains("BEGIN:VALARM"));
    }

    #[test]
    fn uids_stay_the_same_when_an_action_changes() {
        let before = calendar_of(&meeting()).ics;
        let mut edited = meeting();
        edited.revision += 1;
        edited.actions[0].task = "改过的任务".into();
        edited.actions[0].deadline = Some(day(10));
        let after = calendar_of(&edited).ics;
        let uids = |ics: &str| -> Vec<String> {
            ics.lines()
                .filter(|l| l.starts_with("UID:"))
                .map(str::to_owned)
                .collect()
        };
        assert_eq!(uids(&before), uids(&after));
        assert!(after.contains("SEQUENCE:8\r\n"));
    }
}
