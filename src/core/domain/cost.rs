//! Meeting cost (issue 14): what a meeting takes from the people in it, in person-hours, on the
//! plan beside the necessity check (P1), in the summary and in the review (F5). An optional
//! hourly rate from the settings turns person-hours into money.
//!
//! Everything is integer arithmetic: person-minutes inside, hours shown in tenths and money in
//! whole yuan, so the text is exact and the wasm build needs no float formatting.

use crate::core::domain::clock::{clocks, RunState, DEFAULT_TURN};
use crate::core::domain::grouping::{entry, group_of, in_review_order, Group, Grouping};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{meetings_only, AttendanceStatus, Meeting};
use crate::core::domain::time::LocalZone;

/// The people the meeting costs: every participant who has not declined. A pending invitee
/// counts, because the plan reserves their time until they say no; the app records no presence
/// at the meeting itself, so the same count is used after it.
pub fn attendees(meeting: &Meeting) -> u32 {
    let count = meeting
        .participants
        .iter()
        .filter(|p| p.attendance.status != AttendanceStatus::Declined)
        .count();
    u32::try_from(count).unwrap_or(u32::MAX)
}

/// One meeting's cost: who, for how long as planned, and for how long it really ran.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cost {
    pub attendees: u32,
    pub planned_minutes: u32,
    /// Running time replayed from the run log, pauses excluded, to the nearest minute; `None`
    /// until the meeting has ended, since a running meeting's cost is not yet its cost.
    pub actual_minutes: Option<u32>,
}

impl Cost {
    pub fn of(meeting: &Meeting) -> Cost {
        Cost {
            attendees: attendees(meeting),
            planned_minutes: meeting.schedule.duration_minutes,
            actual_minutes: actual_minutes(meeting),
        }
    }

    /// Attendees × planned duration, in person-minutes.
    pub fn planned(&self) -> u64 {
        u64::from(self.attendees) * u64::from(self.planned_minutes)
    }

    /// Attendees × running time, in person-minutes, once the meeting has ended.
    pub fn actual(&self) -> Option<u64> {
        self.actual_minutes
            .map(|minutes| u64::from(self.attendees) * u64::from(minutes))
    }

    /// The person-minutes spent past the planned end; zero for a meeting that ended on time or
    /// early (time saved is not a negative cost to anyone).
    pub fn overrun(&self) -> Option<u64> {
        self.actual_minutes.map(|minutes| {
            u64::from(self.attendees) * u64::from(minutes.saturating_sub(self.planned_minutes))
        })
    }
}

/// Rounded the way `retro::overrun_minutes` rounds, so cost and review agree on the minutes.
fn actual_minutes(meeting: &Meeting) -> Option<u32> {
    let ended_at = meeting.run_log.last()?.at;
    let run = clocks(meeting, ended_at, DEFAULT_TURN);
    (run.state == RunState::Ended).then(|| {
        let minutes = (run.meeting_elapsed.num_milliseconds().max(0) + 30_000) / 60_000;
        u32::try_from(minutes).unwrap_or(u32::MAX)
    })
}

/// Person-minutes at an hourly rate per person in whole yuan, to the nearest yuan: the rate is
/// a rough figure for a decision, so cents would claim a precision it does not have.
pub fn money(person_minutes: u64, yuan_per_hour: u32) -> u64 {
    person_minutes
        .saturating_mul(u64::from(yuan_per_hour))
        .saturating_add(30)
        / 60
}

/// `3,600`: digits grouped by thousands, the same in both languages.
pub fn push_grouped(out: &mut String, mut number: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (number % 10) as u8;
        len += 1;
        number /= 10;
        if number == 0 {
            break;
        }
    }
    for place in (0..len).rev() {
        out.push(char::from(digits[place]));
        if place > 0 && place.is_multiple_of(3) {
            out.push(',');
        }
    }
}

/// `12 人时` / `12.5 person-hours`: to a tenth of an hour, the tenth left out when it is zero.
pub fn person_hours_text(person_minutes: u64, lang: Lang) -> String {
    // Six minutes to the tenth, half up.
    let tenths = (person_minutes + 3) / 6;
    let mut hours = String::new();
    push_grouped(&mut hours, tenths / 10);
    let tenth = (tenths % 10) as u8;
    if tenth != 0 {
        hours.push('.');
        hours.push(char::from(b'0' + tenth));
    }
    tr(lang, T::CostPersonHours, &[&hours])
}

/// `12 人时 · ¥3,600`, or only the person-hours when no rate is set (a rate of zero is none).
pub fn cost_text(person_minutes: u64, yuan_per_hour: Option<u32>, lang: Lang) -> String {
    let hours = person_hours_text(person_minutes, lang);
    match yuan_per_hour.filter(|rate| *rate > 0) {
        Some(rate) => {
            let mut amount = String::new();
            push_grouped(&mut amount, money(person_minutes, rate));
            tr(lang, T::CostWithMoney, &[&hours, &amount])
        }
        None => hours,
    }
}

/// `计划 10 人时 · 实际 12 人时 · 超时 2 人时`, money beside each when a rate is set; actual and
/// overrun only when known and not zero. The summary's and the review's line.
pub fn figures_text(
    planned: u64,
    actual: Option<u64>,
    overrun: Option<u64>,
    yuan_per_hour: Option<u32>,
    lang: Lang,
) -> String {
    let mut line = tr(
        lang,
        T::CostPlanned,
        &[&cost_text(planned, yuan_per_hour, lang)],
    );
    for (key, value) in [(T::CostActual, actual), (T::CostOverrun, overrun)] {
        if let Some(value) = value.filter(|value| *value > 0) {
            line.push_str(" · ");
            line.push_str(&tr(lang, key, &[&cost_text(value, yuan_per_hour, lang)]));
        }
    }
    line
}

/// One group of the review's cost figures, in person-minutes (convert with [`cost_text`]).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CostGroup {
    /// The same label as the review's group (`retro::RetroGroup::label`), to put them together.
    pub label: String,
    pub meetings: usize,
    /// The meetings that have ended; only these have an actual cost.
    pub held: usize,
    /// Every meeting in the group: what the plans booked.
    pub planned: u64,
    /// The held meetings' running time.
    pub actual: u64,
    /// The held meetings' time past their planned end.
    pub overrun: u64,
}

/// Cost per series or per quarter, grouped and ordered as `retro::retrospective` groups: series
/// by name with meetings outside a series last, quarters newest first with undated ones last.
/// A meeting's quarter is the calendar quarter of its start (else its creation) in `zone`, so
/// a meeting on 31 December evening UTC can belong to the next year's first quarter in UTC+8.
pub fn cost_review(
    meetings: &[Meeting],
    grouping: Grouping,
    zone: &dyn LocalZone,
    lang: Lang,
) -> Vec<CostGroup> {
    let mut keyed: Vec<(Group, CostGroup)> = Vec::new();
    for meeting in meetings_only(meetings) {
        let group = entry(
            &mut keyed,
            group_of(meeting, grouping, zone, lang),
            |label| CostGroup {
                label,
                ..CostGroup::default()
            },
        );
        let cost = Cost::of(meeting);
        group.meetings += 1;
        group.planned += cost.planned();
        if let (Some(actual), Some(overrun)) = (cost.actual(), cost.overrun()) {
            group.held += 1;
            group.actual += actual;
            group.overrun += overrun;
        }
    }
    in_review_order(keyed)
}

#[cfg(test)]
mod figures_tests {
    use super::*;

    #[test]
    fn the_line_names_what_is_known_with_money_when_a_rate_is_set() {
        assert_eq!(
            figures_text(600, None, None, None, Lang::Zh),
            "计划 10 人时"
        );
        assert_eq!(
            figures_text(600, Some(720), Some(120), Some(300), Lang::Zh),
            "计划 10 人时 · ¥3,000 · 实际 12 人时 · ¥3,600 · 超时 2 人时 · ¥600"
        );
        assert_eq!(
            figures_text(600, Some(540), Some(0), None, Lang::En),
            "Planned 10 person-hours · Actual 9 person-hours"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{Attendance, Participant, RunEvent, RunEventKind, SeriesRef};
    use chrono::{DateTime, Duration, FixedOffset, NaiveDate, TimeZone, Utc};

    fn at(year: i32, month: u32, day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(year, month, day, hour, 0, 0).unwrap()
    }

    fn utc8() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    fn person(status: AttendanceStatus) -> Participant {
        Participant {
            attendance: Attendance {
                status,
                ..Attendance::default()
            },
            ..Participant::default()
        }
    }

    /// A 60-minute meeting with three confirmed, one pending and one declined participant.
    fn meeting(id: &str, series: Option<&str>, starts: DateTime<Utc>) -> Meeting {
        let mut meeting = Meeting::blank(id.into(), starts);
        meeting.schedule.starts_at = Some(starts);
        meeting.schedule.duration_minutes = 60;
        meeting.participants = vec![
            person(AttendanceStatus::Confirmed),
            person(AttendanceStatus::Confirmed),
            person(AttendanceStatus::Confirmed),
            person(AttendanceStatus::Pending),
            person(AttendanceStatus::Declined),
        ];
        meeting.series = series.map(|name| SeriesRef {
            id: format!("s-{name}"),
            name: name.into(),
        });
        meeting
    }

    /// Run for `ran` minutes from its start, with a ten-minute pause after the first half hour.
    fn held(mut meeting: Meeting, ran: i64) -> Meeting {
        let start = meeting.schedule.starts_at.unwrap();
        let minute = |m: i64| start + Duration::minutes(m);
        meeting.run_log = [
            (minute(0), RunEventKind::Started),
            (minute(30), RunEventKind::Paused),
            (minute(40), RunEventKind::Resumed),
            (minute(ran + 10), RunEventKind::Ended),
        ]
        .into_iter()
        .map(|(at, kind)| RunEvent { at, kind })
        .collect();
        meeting
    }

    #[test]
    fn declined_participants_cost_nothing_and_pending_ones_count() {
        let m = meeting("a", None, at(2026, 11, 2, 6));
        assert_eq!(attendees(&m), 4);
        let cost = Cost::of(&m);
        assert_eq!(cost.planned(), 240);
        assert_eq!(cost.actual(), None, "not held yet");
        assert_eq!(cost.overrun(), None);
    }

    #[test]
    fn the_actual_cost_comes_from_the_run_log_without_pauses() {
        let cost = Cost::of(&held(meeting("a", None, at(2026, 11, 2, 6)), 65));
        assert_eq!(
            cost.actual_minutes,
            Some(65),
            "75 minutes on the wall, 10 paused"
        );
        assert_eq!(cost.actual(), Some(260));
        assert_eq!(cost.overrun(), Some(20), "4 people × 5 minutes");
        let early = Cost::of(&held(meeting("b", None, at(2026, 11, 2, 6)), 50));
        assert_eq!((early.actual(), early.overrun()), (Some(200), Some(0)));
        let mut running = held(meeting("c", None, at(2026, 11, 2, 6)), 65);
        running.run_log.pop();
        assert_eq!(Cost::of(&running).actual(), None, "still running");
    }

    #[test]
    fn money_is_grouped_by_thousands_in_both_languages() {
        assert_eq!(cost_text(720, Some(300), Lang::Zh), "12 人时 · ¥3,600");
        assert_eq!(
            cost_text(720, Some(300), Lang::En),
            "12 person-hours · ¥3,600"
        );
        assert_eq!(cost_text(720, None, Lang::En), "12 person-hours");
        assert_eq!(
            cost_text(720, Some(0), Lang::En),
            "12 person-hours",
            "no rate"
        );
        assert_eq!(money(90, 100), 150);
        assert_eq!(money(1, 20), 0, "0.33 yuan");
        assert_eq!(money(1, 30), 1, "half a yuan rounds up");
        let grouped = |n| {
            let mut out = String::new();
            push_grouped(&mut out, n);
            out
        };
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(1_234_567), "1,234,567");
        assert_eq!(grouped(u64::MAX), "18,446,744,073,709,551,615");
    }

    #[test]
    fn hours_are_shown_to_a_tenth() {
        assert_eq!(person_hours_text(90, Lang::En), "1.5 person-hours");
        assert_eq!(person_hours_text(60, Lang::En), "1 person-hour");
        assert_eq!(person_hours_text(60, Lang::Zh), "1 人时");
        assert_eq!(
            person_hours_text(3, Lang::En),
            "0.1 person-hours",
            "half up"
        );
        assert_eq!(person_hours_text(2, Lang::En), "0 person-hours");
        assert_eq!(person_hours_text(62, Lang::En), "1 person-hour");
        assert_eq!(person_hours_text(75_000, Lang::Zh), "1,250 人时");
    }

    #[test]
    fn quarters_follow_the_local_date_across_the_year_boundary() {
        let meetings = [
            held(meeting("q4", None, at(2026, 12, 31, 10)), 65),
            // 20:00 UTC on 31 December is already 1 January in UTC+8.
            held(meeting("q1", None, at(2026, 12, 31, 20)), 60),
            meeting("q1-planned", None, at(2027, 3, 31, 1)),
            meeting("q3", None, at(2026, 9, 30, 1)),
        ];
        let groups = cost_review(&meetings, Grouping::Quarter, &utc8(), Lang::Zh);
        let summary: Vec<_> = groups
            .iter()
            .map(|g| {
                (
                    g.label.as_str(),
                    g.meetings,
                    g.held,
                    g.planned,
                    g.actual,
                    g.overrun,
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("2027 年第 1 季度", 2, 1, 480, 240, 0),
                ("2026 年第 4 季度", 1, 1, 240, 260, 20),
                ("2026 年第 3 季度", 1, 0, 240, 0, 0),
            ]
        );
        let in_london = cost_review(
            &meetings,
            Grouping::Quarter,
            &FixedOffset::east_opt(0).unwrap(),
            Lang::En,
        );
        assert_eq!(in_london[1].label, "2026 Q4");
        assert_eq!(in_london[1].meetings, 2, "both on 31 December in UTC");
    }

    #[test]
    fn series_group_like_the_review_and_templates_are_left_out() {
        let mut template = meeting("t", Some("周例会"), at(2026, 11, 1, 6));
        template.is_template = true;
        let meetings = [
            held(meeting("1", Some("周例会"), at(2026, 11, 2, 6)), 70),
            meeting("2", None, at(2026, 11, 3, 6)),
            held(meeting("3", Some("Launch"), at(2026, 11, 4, 6)), 60),
            held(meeting("4", Some("周例会"), at(2026, 11, 9, 6)), 65),
            template,
        ];
        let groups = cost_review(&meetings, Grouping::Series, &utc8(), Lang::En);
        let labels: Vec<_> = groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["Launch", "周例会", "Not in a series"]);
        assert_eq!(groups[1].meetings, 2);
        assert_eq!(groups[1].actual, 4 * (70 + 65));
        assert_eq!(groups[1].overrun, 4 * (10 + 5));
        assert_eq!(
            cost_text(groups[1].overrun, Some(200), Lang::En),
            "1 person-hour · ¥200"
        );
        let retro = crate::core::domain::retro::retrospective(
            &meetings,
            Grouping::Series,
            NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(),
            &utc8(),
            Lang::En,
        );
        let retro_labels: Vec<_> = retro.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, retro_labels, "the same groups in the same order");
    }
}
