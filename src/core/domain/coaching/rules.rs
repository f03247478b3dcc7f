//! The rules: for each, what one meeting shows ([`per_meeting`]) and when the series shows a
//! pattern ([`find`]).

use chrono::{Datelike, Duration, NaiveDate, Timelike, Weekday};

use super::{Change, Finding, Rule, ENOUGH_MEETINGS};
use crate::core::domain::airtime::{airtime, same, ItemFocus};
use crate::core::domain::clock::{clocks, DEFAULT_TURN};
use crate::core::domain::i18n::T;
use crate::core::domain::model::{ActionStatus, AttendanceStatus, Meeting, Participant, Phase};
use crate::core::domain::retro::overrun_minutes;
use crate::core::domain::time::{working_days_after, LocalZone};

/// Who a rule is about: a department or an owner (empty for the rules about the whole meeting).
pub type Subject<'a> = &'a str;

/// A report phase counts as overrun, and the later items as cut, from 3 minutes on.
const SLACK_SECONDS: i64 = 180;

/// Whether `meeting` shows the rule's pattern; `None` when it has no data for it (no airtime
/// recorded, no materials, no feedback …), so it neither counts for nor against.
pub fn per_meeting(
    rule: Rule,
    meeting: &Meeting,
    subject: Subject<'_>,
    today: NaiveDate,
    zone: &dyn LocalZone,
) -> Option<bool> {
    let start = meeting.schedule.starts_at;
    match rule {
        Rule::ReportsOverrun => {
            let run = clocks(meeting, meeting.run_log.last()?.at, DEFAULT_TURN);
            let (mut share_over, mut later_cut, mut phases) = (0, 0, 0u8);
            for (item, actual) in meeting.agenda.iter().zip(&run.actual) {
                let gap = actual.num_seconds() - i64::from(item.planned()) * 60;
                match item.phase {
                    Phase::Share => (share_over, phases) = (share_over + gap, phases | 1),
                    Phase::Discuss | Phase::Decide => {
                        (later_cut, phases) = (later_cut - gap, phases | 2)
                    }
                    Phase::Break => {}
                }
            }
            (phases == 3).then_some(share_over >= SLACK_SECONDS && later_cut >= SLACK_SECONDS)
        }
        Rule::DepartmentDominates | Rule::DepartmentUnheard => {
            let air = airtime(meeting, meeting.run_log.last()?.at, ItemFocus::Current);
            if air.meeting_total <= Duration::zero() {
                return None;
            }
            let spoke = air
                .departments
                .iter()
                .find(|row| row.known && same(row.department, subject))
                .map_or(Duration::zero(), |row| row.meeting);
            if rule == Rule::DepartmentDominates {
                return Some(spoke * 2 > air.meeting_total);
            }
            let invited = attending(meeting).any(|p| same(&p.department, subject));
            invited.then_some(spoke <= Duration::zero())
        }
        Rule::ActionsLate => {
            let mut theirs = meeting
                .actions
                .iter()
                .filter(|a| a.deadline.is_some() && a.status != ActionStatus::Cancelled)
                .filter(|a| same(&a.department, subject) || same(&a.owner, subject))
                .peekable();
            theirs.peek()?;
            Some(theirs.any(|action| is_late(action, today)))
        }
        Rule::PreReadsLate => {
            let line = start? - Duration::hours(24);
            let mut sent = meeting.materials.iter().map(|m| m.sent_at).peekable();
            sent.peek()?;
            Some(sent.any(|at| at.is_none_or(|at| at > line)))
        }
        Rule::NoticeShort => {
            let (sent, start) = (meeting.schedule.notice_sent_at?, start?);
            let days = working_days_after(zone.local(sent).date(), zone.local(start).date());
            Some(days < 3)
        }
        Rule::AwkwardSlot => Some(awkward_shift(zone.local(start?)).is_some()),
        Rule::ManyLeaves => {
            let invited = meeting.participants.len();
            let declined = meeting
                .participants
                .iter()
                .filter(|p| p.attendance.status == AttendanceStatus::Declined);
            let (count, unreplaced) = declined.fold((0, 0), |(count, unreplaced), p| {
                let missing = p.attendance.substitute.trim().is_empty();
                (count + 1, unreplaced + usize::from(missing))
            });
            (invited > 0).then_some(count >= 3 || count * 5 > invited || unreplaced >= 2)
        }
        Rule::LargeAttendance => {
            (!meeting.participants.is_empty()).then(|| attending(meeting).count() > 10)
        }
        Rule::TimeFeedbackLow | Rule::MaterialsFeedbackLow => {
            let (yes, no) = answers(meeting, rule);
            (yes + no > 0).then_some(no > yes)
        }
    }
}

/// Whether the series shows `rule`'s pattern in `window` (the meetings under review);
/// `earlier` are the series' held meetings before them, the baseline for feedback.
pub(super) fn find(
    rule: Rule,
    window: &[&Meeting],
    earlier: &[&Meeting],
    today: NaiveDate,
    zone: &dyn LocalZone,
) -> Option<Finding> {
    let subject = match rule {
        Rule::DepartmentDominates | Rule::DepartmentUnheard => {
            most_often(rule, window, departments(window), today, zone)?
        }
        Rule::ActionsLate => late_subject(window, today)?,
        _ => String::new(),
    };
    let (hits, looked_at) = tally(rule, window, &subject, today, zone);
    if looked_at < ENOUGH_MEETINGS || (rule != Rule::ActionsLate && hits.len() * 2 <= looked_at) {
        return None;
    }
    let mut finding = Finding {
        rule,
        subject,
        evidence: hits.iter().map(|m| m.id.clone()).collect(),
        looked_at,
        change: None,
    };
    finding.change = match rule {
        Rule::ReportsOverrun => {
            let over: i64 = hits.iter().map(|m| share_overrun_minutes(m)).sum();
            let average = over / hits.len() as i64;
            // Rounded to 5 minutes, at least 5: a plan moves in steps people remember.
            let minutes = ((average + 2) / 5 * 5).clamp(5, 60) as u32;
            finding.subject = minutes.to_string();
            Some(Change::ReportsToDiscussion { minutes })
        }
        Rule::DepartmentDominates => Some(Change::AskInput {
            departments: departments(window)
                .into_iter()
                .filter(|d| !same(d, &finding.subject))
                .collect(),
        }),
        Rule::DepartmentUnheard => Some(Change::AskInput {
            departments: vec![finding.subject.clone()],
        }),
        Rule::ActionsLate => Some(Change::AddItem {
            title: T::CoachCheckItem,
            subject: finding.subject.clone(),
        }),
        Rule::PreReadsLate => {
            // The pattern only matters when those meetings ran over more than the others.
            let on_time: Vec<&Meeting> = window
                .iter()
                .copied()
                .filter(|m| per_meeting(rule, m, "", today, zone) == Some(false))
                .collect();
            let over = |meetings: &[&Meeting]| -> i64 {
                let sum: i64 = meetings.iter().filter_map(|m| overrun_minutes(m)).sum();
                sum / meetings.len().max(1) as i64
            };
            if !on_time.is_empty() && over(&hits) <= over(&on_time) {
                return None;
            }
            None
        }
        Rule::AwkwardSlot => {
            let mondays = hits
                .iter()
                .filter_map(|m| m.schedule.starts_at)
                .filter(|at| awkward_shift(zone.local(*at)) == Some(1))
                .count();
            Some(Change::ShiftDays(if mondays * 2 >= hits.len() {
                1
            } else {
                -1
            }))
        }
        Rule::TimeFeedbackLow | Rule::MaterialsFeedbackLow => {
            // Enough answers, and worse than the series did before when it has a record.
            let share = |meetings: &[&Meeting]| {
                let (yes, no) = meetings.iter().fold((0, 0), |(y, n), m| {
                    let (yes, no) = answers(m, rule);
                    (y + yes, n + no)
                });
                (yes + no >= 5).then(|| yes * 100 / (yes + no))
            };
            let now = share(window)?;
            if share(earlier).is_some_and(|before| now >= before) {
                return None;
            }
            (rule == Rule::MaterialsFeedbackLow).then_some(Change::AddItem {
                title: T::CoachDataSyncItem,
                subject: String::new(),
            })
        }
        Rule::NoticeShort | Rule::ManyLeaves | Rule::LargeAttendance => None,
    };
    Some(finding)
}

/// The meetings of `window` showing the pattern, and how many had data for it.
pub(super) fn tally<'a>(
    rule: Rule,
    window: &[&'a Meeting],
    subject: &str,
    today: NaiveDate,
    zone: &dyn LocalZone,
) -> (Vec<&'a Meeting>, usize) {
    let mut hits = Vec::new();
    let mut looked_at = 0;
    for meeting in window {
        if let Some(shows) = per_meeting(rule, meeting, subject, today, zone) {
            looked_at += 1;
            if shows {
                hits.push(*meeting);
            }
        }
    }
    (hits, looked_at)
}

/// Minutes the share items ran over their plan.
fn share_overrun_minutes(meeting: &Meeting) -> i64 {
    let Some(last) = meeting.run_log.last() else {
        return 0;
    };
    let run = clocks(meeting, last.at, DEFAULT_TURN);
    let seconds: i64 = meeting
        .agenda
        .iter()
        .zip(&run.actual)
        .filter(|(item, _)| item.phase == Phase::Share)
        .map(|(item, actual)| actual.num_seconds() - i64::from(item.planned()) * 60)
        .sum();
    (seconds + 30).div_euclid(60)
}

/// The participants who take part: not declined, or declined with a substitute.
fn attending(meeting: &Meeting) -> impl Iterator<Item = &Participant> {
    meeting.participants.iter().filter(|p| {
        p.attendance.status != AttendanceStatus::Declined
            || !p.attendance.substitute.trim().is_empty()
    })
}

/// The departments invited to any meeting of `window`, each once, as first spelt.
fn departments(window: &[&Meeting]) -> Vec<String> {
    let mut seen: Vec<String> = Vec::new();
    for participant in window.iter().flat_map(|m| attending(m)) {
        let department = participant.department.trim();
        if !department.is_empty() && !seen.iter().any(|d| same(d, department)) {
            seen.push(department.to_owned());
        }
    }
    seen
}

/// The candidate showing the pattern in the most meetings (the first listed on a tie).
fn most_often(
    rule: Rule,
    window: &[&Meeting],
    candidates: Vec<String>,
    today: NaiveDate,
    zone: &dyn LocalZone,
) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for candidate in candidates {
        let hits = tally(rule, window, &candidate, today, zone).0.len();
        if hits > 0 && best.as_ref().is_none_or(|(most, _)| hits > *most) {
            best = Some((hits, candidate));
        }
    }
    best.map(|(_, candidate)| candidate)
}

fn is_late(action: &crate::core::domain::model::ActionItem, today: NaiveDate) -> bool {
    match (action.status, action.completed_on, action.deadline) {
        (ActionStatus::Done, Some(done), Some(deadline)) => done > deadline,
        _ => action.is_overdue(today),
    }
}

/// The department, else the owner, whose actions are late far more often than everyone else's:
/// at least 4 actions with a deadline, half or more of them late, and at least twice the late
/// share of the other actions (of which there must also be 4 to compare with).
fn late_subject(window: &[&Meeting], today: NaiveDate) -> Option<String> {
    let actions: Vec<_> = window
        .iter()
        .flat_map(|m| &m.actions)
        .filter(|a| a.deadline.is_some() && a.status != ActionStatus::Cancelled)
        .collect();
    let late_share = |pick: &dyn Fn(&str) -> bool| {
        let (mut late, mut all, mut rest_late, mut rest_all) = (0, 0, 0, 0);
        for action in &actions {
            let late_one = usize::from(is_late(action, today));
            if pick(&action.department) || pick(&action.owner) {
                (late, all) = (late + late_one, all + 1);
            } else {
                (rest_late, rest_all) = (rest_late + late_one, rest_all + 1);
            }
        }
        (late, all, rest_late, rest_all)
    };
    let mut best: Option<(usize, String)> = None;
    for by_department in [true, false] {
        let mut names: Vec<&str> = Vec::new();
        for action in &actions {
            let name = if by_department {
                &action.department
            } else {
                &action.owner
            }
            .trim();
            if !name.is_empty() && !names.iter().any(|n| same(n, name)) {
                names.push(name);
            }
        }
        for name in names {
            let pick = |field: &str| same(field, name);
            let (late, all, rest_late, rest_all) = late_share(&pick);
            let qualifies = all >= 4
                && rest_all >= 4
                && late * 2 >= all
                && late * rest_all >= 2 * rest_late * all;
            // In percent of its own actions; a department wins over one of its owners on a tie.
            let percent = late * 100 / all.max(1);
            if qualifies && best.as_ref().is_none_or(|(most, _)| percent > *most) {
                best = Some((percent, name.to_owned()));
            }
        }
        if best.is_some() {
            break;
        }
    }
    best.map(|(_, name)| name)
}

/// The quick feedback's answers to the rule's question: (yes, no).
fn answers(meeting: &Meeting, rule: Rule) -> (usize, usize) {
    meeting.feedback.iter().fold((0, 0), |(yes, no), feedback| {
        let answer = if rule == Rule::TimeFeedbackLow {
            feedback.agenda_time_right
        } else {
            feedback.materials_enough
        };
        match answer {
            Some(true) => (yes + 1, no),
            Some(false) => (yes, no + 1),
            None => (yes, no),
        }
    })
}

/// Monday morning (+1: move to Tuesday) or Friday afternoon (−1: move to Thursday), the peaks
/// the guide says to avoid (R1); `None` for any other slot.
pub(super) fn awkward_shift(local: chrono::NaiveDateTime) -> Option<i64> {
    match (local.weekday(), local.hour() < 12) {
        (Weekday::Mon, true) => Some(1),
        (Weekday::Fri, false) => Some(-1),
        _ => None,
    }
}
