//! Carrying a finding's change into the series' next meeting (F6), and saying beforehand what it
//! will change.

use chrono::{Duration, NaiveDate};

use super::rules::awkward_shift;
use super::{CarriedChange, Change, Finding};
use crate::core::domain::airtime::same;
use crate::core::domain::grouping::when;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{AgendaItem, Meeting, Phase, PreparationAsk};
use crate::core::domain::people::asks_for_departments;
use crate::core::domain::time::{format_date_time, later_same_clock, LocalZone};

/// Minutes of an item the review adds (a data sync, a check of late actions).
const ADDED_ITEM_MINUTES: u32 = 5;
/// A share item is never shortened below this.
const SHORTEST_ITEM: u32 = 2;

/// The series' next meeting: the earliest one not yet started that is dated after every meeting
/// of the series that was (a forgotten older draft is not "next").
/// `series` holds the series' meetings ([`of_series`](super::of_series)).
pub fn next_meeting<'a>(series: &[&'a Meeting]) -> Option<&'a Meeting> {
    let last_started = series
        .iter()
        .filter(|m| !m.run_log.is_empty())
        .filter_map(|m| when(m))
        .max();
    series
        .iter()
        .copied()
        .filter(|m| m.run_log.is_empty())
        .filter(|m| last_started.is_none_or(|last| when(m).is_some_and(|at| at > last)))
        .min_by_key(|m| when(m))
}

/// Makes `finding`'s change to `meeting` and records it there; false when there is nothing to
/// change (no change proposed, already carried, or the meeting already avoids the pattern).
pub fn carry(
    meeting: &mut Meeting,
    finding: &Finding,
    today: NaiveDate,
    zone: &dyn LocalZone,
    lang: Lang,
    new_id: &mut dyn FnMut() -> String,
) -> bool {
    let Some(change) = &finding.change else {
        return false;
    };
    if meeting.carried.iter().any(|c| c.rule == finding.rule) {
        return false;
    }
    let changed = match change {
        Change::ReportsToDiscussion { minutes } => move_to_discussion(meeting, *minutes),
        Change::AddItem { title, subject } => {
            let title = match subject.is_empty() {
                true => title.get(lang).to_owned(),
                false => tr(lang, *title, &[subject]),
            };
            meeting.agenda.insert(
                0,
                AgendaItem {
                    id: new_id(),
                    title,
                    owner: subject.clone(),
                    minutes: ADDED_ITEM_MINUTES,
                    ..AgendaItem::default()
                },
            );
            let planned: u32 = meeting.agenda.iter().map(|item| item.minutes).sum();
            let duration = &mut meeting.schedule.duration_minutes;
            *duration = (*duration).max(planned);
            true
        }
        Change::AskInput { departments } => {
            let ask = T::CoachAskText.get(lang);
            let before = meeting.preparation_asks.len();
            let mut wanted = meeting.clone();
            wanted
                .participants
                .retain(|p| departments.iter().any(|d| same(d, &p.department)));
            meeting
                .preparation_asks
                .extend(asks_for_departments(&wanted, ask));
            meeting.preparation_asks.len() > before
        }
        Change::ShiftDays(days) => match meeting.schedule.starts_at {
            Some(start) if awkward_shift(zone.local(start)) == Some(*days) => {
                meeting.schedule.starts_at =
                    later_same_clock(start, Duration::days(*days), zone).or(Some(start));
                true
            }
            _ => false,
        },
    };
    if changed {
        meeting.carried.push(CarriedChange {
            rule: finding.rule,
            subject: finding.subject.clone(),
            on: Some(today),
        });
    }
    changed
}

/// Moves up to `minutes` from the share items (longest first, none below [`SHORTEST_ITEM`]) to
/// the first discussion item, else the first decision item.
fn move_to_discussion(meeting: &mut Meeting, minutes: u32) -> bool {
    let Some(to) = [Phase::Discuss, Phase::Decide]
        .iter()
        .find_map(|phase| meeting.agenda.iter().position(|item| item.phase == *phase))
    else {
        return false;
    };
    let mut moved = 0;
    while moved < minutes {
        let longest = meeting
            .agenda
            .iter_mut()
            .filter(|item| item.phase == Phase::Share && item.minutes > SHORTEST_ITEM)
            .max_by_key(|item| item.minutes);
        let Some(item) = longest else { break };
        item.minutes -= 1;
        item.planned_minutes = None;
        moved += 1;
    }
    let target = &mut meeting.agenda[to];
    target.minutes += moved;
    target.planned_minutes = None;
    moved > 0
}

/// What carrying `finding` into `meeting` would change, in a line; `None` when it changes nothing.
pub fn preview(
    meeting: &Meeting,
    finding: &Finding,
    zone: &dyn LocalZone,
    lang: Lang,
) -> Option<String> {
    let mut after = meeting.clone();
    let today = NaiveDate::default();
    if !carry(&mut after, finding, today, zone, lang, &mut String::new) {
        return None;
    }
    let phase_minutes = |m: &Meeting, phase: Phase| -> u32 {
        m.agenda
            .iter()
            .filter(|item| item.phase == phase)
            .map(|item| item.minutes)
            .sum()
    };
    Some(match finding.change.as_ref()? {
        Change::ReportsToDiscussion { .. } => [Phase::Share, Phase::Discuss, Phase::Decide]
            .iter()
            .filter(|phase| phase_minutes(meeting, **phase) != phase_minutes(&after, **phase))
            .map(|phase| {
                format!(
                    "{} {}′ → {}′",
                    phase.label().get(lang),
                    phase_minutes(meeting, *phase),
                    phase_minutes(&after, *phase)
                )
            })
            .collect::<Vec<_>>()
            .join(" · "),
        Change::AddItem { .. } => format!("+ {} {ADDED_ITEM_MINUTES}′", after.agenda[0].title),
        Change::AskInput { .. } => {
            let added: &[PreparationAsk] =
                &after.preparation_asks[meeting.preparation_asks.len()..];
            let names: Vec<&str> = added.iter().map(|a| a.department.as_str()).collect();
            tr(lang, T::CoachAsksAdded, &[&names.join("、")])
        }
        Change::ShiftDays(_) => {
            let local = |m: &Meeting| {
                m.schedule
                    .starts_at
                    .map(|at| format_date_time(zone.local(at)))
            };
            format!("{} → {}", local(meeting)?, local(&after)?)
        }
    })
}
