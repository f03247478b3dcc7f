//! Checks of the preparation stage: time (R1), duration (R2), format (R3), agenda (R4),
//! pre-reads (R5) and attendance (R7).

use chrono::{Datelike, Duration, Timelike, Weekday};

use super::{CheckContext, Field, Finding, Severity};
use crate::core::domain::i18n::T;
use crate::core::domain::model::{AttendanceStatus, FormatMode, Meeting, Phase};
use crate::core::domain::time::working_days_after;

/// The guide's notice window, in working days (R1).
pub const NOTICE_DAYS: std::ops::RangeInclusive<i64> = 3..=5;

pub fn check(meeting: &Meeting, context: CheckContext<'_>) -> Vec<Finding> {
    let mut findings = Vec::new();
    time(meeting, context, &mut findings);
    duration(meeting, &mut findings);
    format(meeting, &mut findings);
    agenda(meeting, &mut findings);
    materials(meeting, context, &mut findings);
    attendance(meeting, &mut findings);
    findings
}

fn time(meeting: &Meeting, context: CheckContext<'_>, findings: &mut Vec<Finding>) {
    let Some(starts_at) = meeting.schedule.starts_at else {
        findings.push(Finding::new(
            "R1-no-time",
            Severity::MustFix,
            Field::Start,
            T::CheckNoTime,
        ));
        return;
    };
    let local = context.zone.local(starts_at);
    match (local.weekday(), local.hour() < 12) {
        (Weekday::Mon, true) => findings.push(Finding::new(
            "R1-monday-morning",
            Severity::ShouldFix,
            Field::Start,
            T::CheckMondayMorning,
        )),
        (Weekday::Fri, false) => findings.push(Finding::new(
            "R1-friday-afternoon",
            Severity::ShouldFix,
            Field::Start,
            T::CheckFridayAfternoon,
        )),
        _ => {}
    }
    if starts_at <= context.now {
        // Not yet held (the checks stop once it is): a notice would invite people to the past.
        findings.push(Finding::new(
            "R1-start-past",
            Severity::MustFix,
            Field::Start,
            T::CheckStartPast,
        ));
        return;
    }
    let noticed = meeting.schedule.notice_sent_at.unwrap_or(context.now);
    let days = working_days_after(context.zone.local(noticed).date(), local.date());
    if days < *NOTICE_DAYS.start() {
        findings.push(
            Finding::new(
                "R1-short-notice",
                Severity::ShouldFix,
                Field::Start,
                T::CheckShortNotice,
            )
            .with(days),
        );
    } else if days > *NOTICE_DAYS.end() && meeting.schedule.notice_sent_at.is_some() {
        findings.push(
            Finding::new(
                "R1-early-notice",
                Severity::Tip,
                Field::Start,
                T::CheckEarlyNotice,
            )
            .with(days),
        );
    }
}

fn duration(meeting: &Meeting, findings: &mut Vec<Finding>) {
    let minutes = meeting.schedule.duration_minutes;
    if minutes > 60 && !meeting.agenda.iter().any(|item| item.phase == Phase::Break) {
        findings.push(
            Finding::new(
                "R2-no-break",
                Severity::ShouldFix,
                Field::Agenda,
                T::CheckNoBreak,
            )
            .with(minutes),
        );
    }
}

fn format(meeting: &Meeting, findings: &mut Vec<Finding>) {
    let format = &meeting.format;
    let in_room = matches!(format.mode, FormatMode::Offline | FormatMode::Hybrid);
    let online = matches!(format.mode, FormatMode::Online | FormatMode::Hybrid);
    if in_room && format.room.trim().is_empty() {
        findings.push(Finding::new(
            "R3-no-room",
            Severity::ShouldFix,
            Field::Format,
            T::CheckNoRoom,
        ));
    }
    if in_room && format.room_is_neutral == Some(false) {
        findings.push(Finding::new(
            "R3-home-room",
            Severity::Tip,
            Field::Format,
            T::CheckHomeRoom,
        ));
    }
    if online && format.link.trim().is_empty() {
        findings.push(Finding::new(
            "R3-no-link",
            Severity::MustFix,
            Field::Format,
            T::CheckNoLink,
        ));
    }
    if online && !format.devices_tested {
        findings.push(Finding::new(
            "R3-test-devices",
            Severity::Tip,
            Field::Format,
            T::CheckTestDevices,
        ));
    }
}

fn agenda(meeting: &Meeting, findings: &mut Vec<Finding>) {
    if meeting.agenda.is_empty() {
        findings.push(Finding::new(
            "R4-no-agenda",
            Severity::MustFix,
            Field::Agenda,
            T::CheckNoAgenda,
        ));
        return;
    }
    for item in meeting
        .agenda
        .iter()
        .filter(|item| item.phase != Phase::Break)
    {
        let field = || Field::AgendaItem(item.id.clone());
        if item.title.trim().is_empty() {
            findings.push(Finding::new(
                "R4-no-title",
                Severity::MustFix,
                field(),
                T::CheckItemNoTitle,
            ));
        }
        if item.owner.trim().is_empty() {
            findings.push(
                Finding::new(
                    "R4-no-owner",
                    Severity::ShouldFix,
                    field(),
                    T::CheckItemNoOwner,
                )
                .with(&item.title),
            );
        }
        if item.expected_output.trim().is_empty() {
            findings.push(
                Finding::new(
                    "R4-no-output",
                    Severity::ShouldFix,
                    field(),
                    T::CheckItemNoOutput,
                )
                .with(&item.title),
            );
        }
    }
    if !phases_in_order(meeting) {
        findings.push(Finding::new(
            "R4-order",
            Severity::ShouldFix,
            Field::Agenda,
            T::CheckPhaseOrder,
        ));
    }
    let total = meeting.agenda_minutes();
    if total != meeting.schedule.duration_minutes {
        findings.push(
            Finding::new(
                "R4-total",
                Severity::ShouldFix,
                Field::Duration,
                T::CheckAgendaTotal,
            )
            .with(total)
            .with(meeting.schedule.duration_minutes),
        );
    }
}

/// Share, then discuss, then decide; breaks may stand anywhere (R4).
pub fn phases_in_order(meeting: &Meeting) -> bool {
    let phases: Vec<Phase> = meeting
        .agenda
        .iter()
        .map(|item| item.phase)
        .filter(|phase| *phase != Phase::Break)
        .collect();
    phases.windows(2).all(|pair| pair[0] <= pair[1])
}

fn materials(meeting: &Meeting, context: CheckContext<'_>, findings: &mut Vec<Finding>) {
    let deadline = meeting
        .schedule
        .starts_at
        // Checked: a start on the calendar's first day (a crafted file) has no day before it.
        .and_then(|start| start.checked_sub_signed(Duration::days(1)));
    for material in &meeting.materials {
        let field = || Field::Material(material.id.clone());
        let late = match (material.sent_at, deadline) {
            (Some(sent), Some(deadline)) => sent > deadline,
            (None, Some(deadline)) => context.now > deadline,
            _ => false,
        };
        if late {
            findings.push(
                Finding::new(
                    "R5-late",
                    Severity::ShouldFix,
                    field(),
                    T::CheckMaterialLate,
                )
                .with(&material.title),
            );
        }
        if material.questions.trim().is_empty() {
            findings.push(
                Finding::new(
                    "R5-no-questions",
                    Severity::Tip,
                    field(),
                    T::CheckMaterialNoQuestions,
                )
                .with(&material.title),
            );
        }
    }
}

fn attendance(meeting: &Meeting, findings: &mut Vec<Finding>) {
    let cutoff = meeting
        .schedule
        .starts_at
        .map(|start| start - Duration::hours(24));
    for person in &meeting.participants {
        let answer = &person.attendance;
        if answer.status != AttendanceStatus::Declined {
            continue;
        }
        let field = || Field::Participant(person.id.clone());
        if let (Some(responded), Some(cutoff)) = (answer.responded_at, cutoff) {
            if responded > cutoff {
                findings.push(
                    Finding::new(
                        "R7-late-absence",
                        Severity::ShouldFix,
                        field(),
                        T::CheckLateAbsence,
                    )
                    .with(&person.name),
                );
            }
        }
        if answer.substitute.trim().is_empty() {
            findings.push(
                Finding::new(
                    "R7-no-substitute",
                    Severity::ShouldFix,
                    field(),
                    T::CheckNoSubstitute,
                )
                .with(&person.name),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::checks::test_support::{codes, context, local};
    use crate::core::domain::model::{AgendaItem, Attendance, Participant, PreRead};

    fn item(id: &str, phase: Phase, minutes: u32) -> AgendaItem {
        AgendaItem {
            id: id.into(),
            title: format!("item {id}"),
            owner: "李工".into(),
            minutes,
            expected_output: "《行动项表》".into(),
            phase,
            planned_minutes: None,
        }
    }

    /// Tuesday 2026-12-01 14:00 CST, an hour long, noticed the Wednesday before (4 working days).
    fn good_meeting() -> Meeting {
        let mut meeting = Meeting::default();
        meeting.schedule.starts_at = Some(local(2026, 12, 1, 14, 0));
        meeting.schedule.duration_minutes = 60;
        meeting.schedule.notice_sent_at = Some(local(2026, 11, 25, 10, 0));
        meeting.format.room = "3楼中立会议室".into();
        meeting.agenda = vec![
            item("a", Phase::Share, 20),
            item("b", Phase::Discuss, 20),
            item("c", Phase::Decide, 20),
        ];
        meeting.materials = vec![PreRead {
            id: "m".into(),
            title: "背景".into(),
            questions: "风险是什么?".into(),
            sent_at: Some(local(2026, 11, 27, 9, 0)),
            ..PreRead::default()
        }];
        meeting.participants = vec![Participant {
            id: "p".into(),
            name: "王总".into(),
            attendance: Attendance {
                status: AttendanceStatus::Declined,
                substitute: "赵经理".into(),
                responded_at: Some(local(2026, 11, 28, 9, 0)),
                ..Attendance::default()
            },
            ..Participant::default()
        }];
        meeting
    }

    fn now() -> chrono::DateTime<chrono::Utc> {
        local(2026, 11, 27, 12, 0)
    }

    #[test]
    fn a_well_prepared_meeting_has_no_findings() {
        assert_eq!(
            codes(&check(&good_meeting(), context(now()))),
            Vec::<&str>::new()
        );
    }

    #[test]
    fn each_preparation_rule_fires_on_its_own_fault() {
        type Break = fn(&mut Meeting);
        let cases: &[(Break, &str)] = &[
            (|m| m.schedule.starts_at = None, "R1-no-time"),
            (
                |m| m.schedule.starts_at = Some(local(2026, 11, 30, 9, 30)),
                "R1-monday-morning",
            ),
            (
                |m| {
                    m.schedule.starts_at = Some(local(2026, 12, 4, 15, 0));
                    m.schedule.notice_sent_at = Some(local(2026, 11, 30, 9, 0));
                },
                "R1-friday-afternoon",
            ),
            // Sent Friday for Tuesday: Monday and Tuesday are 2 working days.
            (
                |m| m.schedule.notice_sent_at = Some(local(2026, 11, 27, 9, 0)),
                "R1-short-notice",
            ),
            (
                |m| m.schedule.notice_sent_at = Some(local(2026, 11, 20, 9, 0)),
                "R1-early-notice",
            ),
            (|m| m.format.room.clear(), "R3-no-room"),
            (|m| m.format.room_is_neutral = Some(false), "R3-home-room"),
            (|m| m.agenda[1].owner.clear(), "R4-no-owner"),
            (|m| m.agenda[2].expected_output.clear(), "R4-no-output"),
            (|m| m.agenda[0].title.clear(), "R4-no-title"),
            (|m| m.agenda.swap(0, 2), "R4-order"),
            (|m| m.agenda[0].minutes = 25, "R4-total"),
            (
                |m| m.materials[0].sent_at = Some(local(2026, 11, 30, 18, 0)),
                "R5-late",
            ),
            (|m| m.materials[0].questions.clear(), "R5-no-questions"),
            (
                |m| m.participants[0].attendance.responded_at = Some(local(2026, 12, 1, 8, 0)),
                "R7-late-absence",
            ),
            (
                |m| m.participants[0].attendance.substitute.clear(),
                "R7-no-substitute",
            ),
        ];
        for (break_it, code) in cases {
            let mut meeting = good_meeting();
            break_it(&mut meeting);
            assert_eq!(
                codes(&check(&meeting, context(now()))),
                vec![*code],
                "{code}"
            );
        }
    }

    #[test]
    fn a_start_in_the_past_must_be_fixed_until_the_meeting_is_held() {
        let mut meeting = good_meeting();
        meeting.schedule.starts_at = Some(local(2026, 11, 26, 10, 0));
        // Pre-reads and answers are judged against the start; leave only the start to judge.
        meeting.materials.clear();
        meeting.participants[0].attendance = Attendance::default();
        let findings = check(&meeting, context(now()));
        assert_eq!(codes(&findings), ["R1-start-past"]);
        assert_eq!(findings[0].severity, Severity::MustFix);
        // One minute ahead is not in the past.
        meeting.schedule.starts_at = Some(now() + Duration::minutes(1));
        assert!(!codes(&check(&meeting, context(now()))).contains(&"R1-start-past"));
    }

    #[test]
    fn online_meetings_need_a_link_and_long_ones_a_break() {
        let mut meeting = good_meeting();
        meeting.format.mode = FormatMode::Online;
        assert_eq!(
            codes(&check(&meeting, context(now()))),
            ["R3-no-link", "R3-test-devices"]
        );
        meeting.format.link = "https://meeting.example/123".into();
        meeting.format.devices_tested = true;
        meeting.schedule.duration_minutes = 90;
        meeting.agenda.push(item("d", Phase::Decide, 30));
        assert_eq!(codes(&check(&meeting, context(now()))), ["R2-no-break"]);
        meeting.agenda.insert(1, item("break", Phase::Break, 0));
        assert!(
            codes(&check(&meeting, context(now()))).is_empty(),
            "a break anywhere is fine"
        );
    }

    #[test]
    fn unsent_pre_read_is_late_only_after_the_day_before() {
        let mut meeting = good_meeting();
        meeting.materials[0].sent_at = None;
        assert!(codes(&check(&meeting, context(now()))).is_empty());
        let evening_before = local(2026, 11, 30, 15, 0);
        assert_eq!(
            codes(&check(&meeting, context(evening_before))),
            ["R5-late"]
        );
    }

    #[test]
    fn unsent_notice_counts_from_today() {
        let mut meeting = good_meeting();
        meeting.schedule.notice_sent_at = None;
        // Friday noon for Tuesday: only Monday and Tuesday remain.
        assert_eq!(codes(&check(&meeting, context(now()))), ["R1-short-notice"]);
        let a_week_ahead = local(2026, 11, 20, 12, 0);
        assert!(
            codes(&check(&meeting, context(a_week_ahead))).is_empty(),
            "early is fine before sending"
        );
    }
}
