//! Agenda arithmetic and edits (R4): each item's clock time, reordering, sorting by phase and
//! inserting a break (R2).

use chrono::{DateTime, NaiveTime, Utc};

use crate::core::domain::model::{AgendaItem, Meeting, Phase};
use crate::core::domain::order;
use crate::core::domain::templates;
use crate::core::domain::time::LocalZone;

/// The minutes of a break inserted by [`insert_break`].
pub const BREAK_MINUTES: u32 = 10;

/// Each item's local start and end, in order, when the meeting has a start time; `None` without
/// one, or when the times would run past the last instant the calendar holds (a start time in
/// the year 262143, say, read from a crafted file: adding to it unchecked panics). Each instant
/// is read at its own offset, so a meeting across a daylight-saving change shows the clock on
/// the wall.
pub fn clock_times(meeting: &Meeting, zone: &dyn LocalZone) -> Option<Vec<(NaiveTime, NaiveTime)>> {
    let mut at: DateTime<Utc> = meeting.schedule.starts_at?;
    meeting
        .agenda
        .iter()
        .map(|item| {
            let begin = zone.local(at).time();
            at = at.checked_add_signed(chrono::Duration::minutes(i64::from(item.minutes)))?;
            Some((begin, zone.local(at).time()))
        })
        .collect()
}

/// `14:00–14:10`.
pub fn format_span((begin, end): (NaiveTime, NaiveTime)) -> String {
    format!("{}–{}", begin.format_hm(), end.format_hm())
}

trait FormatHm {
    fn format_hm(&self) -> String;
}

impl FormatHm for NaiveTime {
    fn format_hm(&self) -> String {
        use chrono::Timelike;
        format!("{:02}:{:02}", self.hour(), self.minute())
    }
}

/// Where a new item goes: before the closing read-back of conclusions (E7) when the agenda ends
/// with one, else at the end. The closing item is recognised by the templates' title or output,
/// in either language.
pub fn insertion_index(agenda: &[AgendaItem]) -> usize {
    match agenda.last() {
        Some(last) if is_closing(last) => agenda.len() - 1,
        _ => agenda.len(),
    }
}

fn is_closing(item: &AgendaItem) -> bool {
    let (title_zh, title_en, _, _, output_zh, output_en) = templates::SUMMARY;
    let (title, output) = (item.title.trim(), item.expected_output.trim());
    title == title_zh || title == title_en || output == output_zh || output == output_en
}

/// An item's plan against what it took, for the run view and the minutes (E2): `15′ / 17′`, or
/// `20′ → 51′ / 50′` when "finish on time" gave it new minutes, so the plan made before the
/// meeting stays the one compared with.
pub fn planned_actual(item: &AgendaItem, spent_minutes: i64) -> String {
    let planned = item.planned();
    if planned == item.minutes {
        format!("{planned}′ / {spent_minutes}′")
    } else {
        format!("{planned}′ → {}′ / {spent_minutes}′", item.minutes)
    }
}

/// Moves the item with `id` one place up (`-1`) or down (`1`); false when it cannot move.
pub fn move_item(agenda: &mut [AgendaItem], id: &str, step: isize) -> bool {
    let Some(index) = agenda.iter().position(|item| item.id == id) else {
        return false;
    };
    let Some(target) = index.checked_add_signed(step).filter(|t| *t < agenda.len()) else {
        return false;
    };
    agenda.swap(index, target);
    true
}

/// Moves the item with `id` to `target` (drag and drop).
pub fn move_item_to(agenda: &mut Vec<AgendaItem>, id: &str, target: usize) {
    if let Some(index) = agenda.iter().position(|item| item.id == id) {
        let item = agenda.remove(index);
        agenda.insert(target.min(agenda.len()), item);
    }
}

/// Orders share → discuss → decide, keeping the order within a phase; a break stays after the
/// item it followed.
pub fn sort_by_phase(agenda: &mut Vec<AgendaItem>) {
    let mut sorted: Vec<AgendaItem> = Vec::with_capacity(agenda.len());
    let mut pending_breaks: Vec<(Option<String>, AgendaItem)> = Vec::new();
    let mut previous: Option<String> = None;
    for item in agenda.drain(..) {
        if item.phase == Phase::Break {
            pending_breaks.push((previous.clone(), item));
        } else {
            previous = Some(item.id.clone());
            sorted.push(item);
        }
    }
    order::sort_by_key(&mut sorted, |item| item.phase);
    for (after, item) in pending_breaks {
        let at = after
            .and_then(|id| sorted.iter().position(|other| other.id == id))
            .map_or(0, |index| index + 1);
        sorted.insert(at, item);
    }
    *agenda = sorted;
}

/// Inserts a break after the item during which the meeting's halfway point falls.
pub fn insert_break(agenda: &mut Vec<AgendaItem>, id: String, title: String) {
    // In u64, so no number of items can overflow the sum or its double.
    let total: u64 = agenda.iter().map(|item| u64::from(item.minutes)).sum();
    let mut elapsed = 0;
    let mut at = agenda.len();
    for (index, item) in agenda.iter().enumerate() {
        elapsed += u64::from(item.minutes);
        if elapsed * 2 >= total {
            at = index + 1;
            break;
        }
    }
    agenda.insert(
        at,
        AgendaItem {
            id,
            title,
            minutes: BREAK_MINUTES,
            phase: Phase::Break,
            ..AgendaItem::default()
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    fn item(id: &str, phase: Phase, minutes: u32) -> AgendaItem {
        AgendaItem {
            id: id.into(),
            phase,
            minutes,
            ..AgendaItem::default()
        }
    }

    fn ids(agenda: &[AgendaItem]) -> Vec<&str> {
        agenda.iter().map(|item| item.id.as_str()).collect()
    }

    #[test]
    fn a_new_item_goes_before_the_closing_read_back() {
        let item = |title: &str, output: &str| AgendaItem {
            title: title.into(),
            expected_output: output.into(),
            ..AgendaItem::default()
        };
        let cases = [
            (vec![], 0),
            (vec![item("需求对齐", "")], 1),
            (vec![item("需求对齐", ""), item("总结与跟进方式", "")], 1),
            (
                vec![
                    item("Status", ""),
                    item("Wrap-up", "Read-back of conclusions"),
                ],
                1,
            ),
            (vec![item("Summary and follow-up", "")], 0),
            (vec![item("总结与跟进方式", ""), item("补充议题", "")], 2),
        ];
        for (agenda, expected) in cases {
            assert_eq!(insertion_index(&agenda), expected, "{agenda:?}");
        }
    }

    #[test]
    fn plan_against_actual_keeps_the_plan_made_before_the_meeting() {
        let item = |minutes, planned_minutes| AgendaItem {
            minutes,
            planned_minutes,
            ..AgendaItem::default()
        };
        for (item, spent, text) in [
            (item(15, None), 17, "15′ / 17′"),
            (item(51, Some(20)), 50, "20′ → 51′ / 50′"),
            (item(20, Some(20)), 0, "20′ / 0′"),
        ] {
            assert_eq!(planned_actual(&item, spent), text);
        }
    }

    #[test]
    fn clock_times_follow_the_durations_in_local_time() {
        let cst = FixedOffset::east_opt(8 * 3600).unwrap();
        let meeting = Meeting {
            agenda: vec![
                item("a", Phase::Share, 10),
                item("b", Phase::Discuss, 20),
                item("c", Phase::Decide, 20),
                item("d", Phase::Decide, 10),
            ],
            schedule: crate::core::domain::model::Schedule {
                starts_at: Some(
                    cst.with_ymd_and_hms(2026, 12, 1, 14, 0, 0)
                        .unwrap()
                        .with_timezone(&Utc),
                ),
                ..Default::default()
            },
            ..Meeting::default()
        };
        let spans: Vec<String> = clock_times(&meeting, &cst)
            .unwrap()
            .into_iter()
            .map(format_span)
            .collect();
        assert_eq!(
            spans,
            ["14:00–14:10", "14:10–14:30", "14:30–14:50", "14:50–15:00"]
        );
        assert_eq!(clock_times(&Meeting::default(), &cst), None);
    }

    #[test]
    fn items_move_up_and_down_within_bounds() {
        let mut agenda = vec![
            item("a", Phase::Share, 1),
            item("b", Phase::Share, 1),
            item("c", Phase::Share, 1),
        ];
        assert!(move_item(&mut agenda, "c", -1));
        assert_eq!(ids(&agenda), ["a", "c", "b"]);
        assert!(!move_item(&mut agenda, "a", -1));
        assert!(!move_item(&mut agenda, "b", 1));
        assert!(!move_item(&mut agenda, "missing", 1));
        move_item_to(&mut agenda, "b", 0);
        assert_eq!(ids(&agenda), ["b", "a", "c"]);
    }

    #[test]
    fn sorting_by_phase_is_stable_and_keeps_breaks_in_place() {
        let mut agenda = vec![
            item("decide", Phase::Decide, 10),
            item("share1", Phase::Share, 10),
            item("pause", Phase::Break, 10),
            item("discuss", Phase::Discuss, 10),
            item("share2", Phase::Share, 10),
        ];
        sort_by_phase(&mut agenda);
        assert_eq!(
            ids(&agenda),
            ["share1", "pause", "share2", "discuss", "decide"]
        );
    }

    #[test]
    fn a_break_goes_in_at_halftime() {
        let mut agenda = vec![
            item("a", Phase::Share, 30),
            item("b", Phase::Discuss, 30),
            item("c", Phase::Decide, 30),
        ];
        insert_break(&mut agenda, "x".into(), "休息".into());
        assert_eq!(ids(&agenda), ["a", "b", "x", "c"]);
        assert_eq!(agenda[2].minutes, BREAK_MINUTES);
        let mut empty = Vec::new();
        insert_break(&mut empty, "x".into(), "休息".into());
        assert_eq!(ids(&empty), ["x"]);
    }
}
