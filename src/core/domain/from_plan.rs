//! A new meeting made from another one's plan: duplicated, planned from a template, saved as a
//! template, or received as a shared plan. One function, so the four differ only where the
//! reason differs; every one of them starts from [`Meeting::plan_only`], because what happened at
//! the original (its run, actions, minutes, feedback) must never be counted twice by the tracker
//! or the review.

use chrono::{DateTime, Utc};

use crate::core::domain::i18n::{Lang, T};
use crate::core::domain::model::{Meeting, Schedule};
use crate::core::domain::time::{same_slot_ahead, LocalZone};

/// Why a meeting is made from another one's plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanUse {
    /// "Duplicate" in the list: the same plan, named as a copy in this language, at the same
    /// weekday and time in the first week still ahead (last week's meeting, copied, is next
    /// week's).
    Duplicate(Lang),
    /// A meeting planned from a user template (S1): a fresh plan with no date of its own.
    FromTemplate,
    /// "Save as template" (S1): the plan without a date, listed with the templates.
    AsTemplate,
    /// A plan received by link or file (E4). It keeps its id, so a second import of the same plan
    /// is recognised, unless this device already holds that id: then it comes in beside the
    /// local meeting, never over it.
    Shared { id_taken: bool },
}

/// The new meeting; `new_id` gives the meeting's id and, where rows are renewed, each row's.
///
/// | use | id | title | schedule | row ids | review notes | template |
/// |---|---|---|---|---|---|---|
/// | Duplicate | new | "… (copy)" | same slot, next week ahead | kept | dropped | as the original |
/// | FromTemplate | new | kept | duration only | new | dropped | no |
/// | AsTemplate | new | kept | duration only | new | dropped | yes |
/// | Shared | kept unless taken or blank | kept | kept | kept | kept | as sent |
pub fn from_plan(
    source: &Meeting,
    use_: PlanUse,
    now: DateTime<Utc>,
    zone: &dyn LocalZone,
    mut new_id: impl FnMut() -> String,
) -> Meeting {
    let mut meeting = source.plan_only();
    meeting.revision = 0;
    meeting.created_at = Some(now);
    meeting.updated_at = Some(now);
    match use_ {
        PlanUse::Shared { id_taken } => {
            if id_taken || meeting.id.is_empty() {
                meeting.id = new_id();
            }
            return meeting;
        }
        PlanUse::Duplicate(lang) => {
            meeting.title = format!(
                "{}{}",
                source.title_or_untitled(lang),
                T::CopySuffix.get(lang)
            );
            meeting.schedule.starts_at = meeting
                .schedule
                .starts_at
                .map(|start| same_slot_ahead(start, now, zone));
        }
        PlanUse::FromTemplate | PlanUse::AsTemplate => {
            meeting.is_template = use_ == PlanUse::AsTemplate;
            meeting.schedule = Schedule {
                duration_minutes: source.schedule.duration_minutes,
                ..Schedule::default()
            };
            for participant in &mut meeting.participants {
                participant.id = new_id();
            }
            for item in &mut meeting.agenda {
                item.id = new_id();
            }
            for material in &mut meeting.materials {
                material.id = new_id();
            }
        }
    }
    meeting.id = new_id();
    meeting.improvement_notes.clear();
    meeting.carried.clear();
    meeting
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{
        ActionItem, AgendaItem, Attendance, AttendanceStatus, Decision, Minutes, Participant,
    };

    const CST: chrono::FixedOffset = chrono::FixedOffset::east_opt(8 * 3600).unwrap();

    fn at(seconds: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_796_000_000 + seconds, 0).unwrap()
    }

    /// A meeting that was planned, held and followed up, so every rule has something to keep or
    /// to drop.
    fn held_meeting() -> Meeting {
        Meeting {
            id: "m".into(),
            revision: 9,
            title: "月度对齐".into(),
            objective: "确定上线日期".into(),
            schedule: Schedule {
                starts_at: Some(at(-86_400)),
                duration_minutes: 45,
                notice_sent_at: Some(at(-300_000)),
            },
            agenda: vec![AgendaItem {
                id: "a".into(),
                minutes: 15,
                ..AgendaItem::default()
            }],
            participants: vec![Participant {
                id: "p".into(),
                name: "李工".into(),
                attendance: Attendance {
                    status: AttendanceStatus::Declined,
                    ..Attendance::default()
                },
                ..Participant::default()
            }],
            decisions: vec![Decision::default()],
            actions: vec![ActionItem::default()],
            improvement_notes: vec!["缩短汇报".into()],
            minutes: Minutes {
                text: "纪要".into(),
                ..Minutes::default()
            },
            ..Meeting::default()
        }
    }

    fn numbered() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("id{n}")
        }
    }

    #[test]
    fn every_use_takes_the_plan_and_nothing_that_happened() {
        let source = held_meeting();
        for use_ in [
            PlanUse::Duplicate(Lang::Zh),
            PlanUse::FromTemplate,
            PlanUse::AsTemplate,
            PlanUse::Shared { id_taken: false },
            PlanUse::Shared { id_taken: true },
        ] {
            let made = from_plan(&source, use_, at(5), &CST, numbered());
            assert_eq!(made.revision, 0, "{use_:?}");
            assert_eq!(
                (made.created_at, made.updated_at),
                (Some(at(5)), Some(at(5)))
            );
            assert!(
                made.decisions.is_empty() && made.actions.is_empty(),
                "{use_:?}"
            );
            assert!(made.minutes.text.is_empty(), "{use_:?}");
            assert_eq!(made.schedule.notice_sent_at, None, "{use_:?}");
            assert_eq!(
                made.participants[0].attendance.status,
                AttendanceStatus::Pending,
                "{use_:?}"
            );
            assert_eq!(made.objective, "确定上线日期", "{use_:?}");
            assert_eq!(made.agenda[0].minutes, 15, "{use_:?}");
            assert_eq!(made.schedule.duration_minutes, 45, "{use_:?}");
        }
    }

    #[test]
    fn each_use_keeps_or_renews_what_its_table_row_says() {
        let source = held_meeting();
        // (use, id, title, starts kept, row id, notes kept, template)
        let table = [
            (
                PlanUse::Duplicate(Lang::Zh),
                "id1",
                "月度对齐(副本)",
                true,
                "a",
                false,
                false,
            ),
            (
                PlanUse::FromTemplate,
                "id3",
                "月度对齐",
                false,
                "id2",
                false,
                false,
            ),
            (
                PlanUse::AsTemplate,
                "id3",
                "月度对齐",
                false,
                "id2",
                false,
                true,
            ),
            (
                PlanUse::Shared { id_taken: false },
                "m",
                "月度对齐",
                true,
                "a",
                true,
                false,
            ),
            (
                PlanUse::Shared { id_taken: true },
                "id1",
                "月度对齐",
                true,
                "a",
                true,
                false,
            ),
        ];
        for (use_, id, title, starts_kept, row_id, notes_kept, template) in table {
            let made = from_plan(&source, use_, at(5), &CST, numbered());
            assert_eq!(made.id, id, "{use_:?}");
            assert_eq!(made.title, title, "{use_:?}");
            assert_eq!(made.schedule.starts_at.is_some(), starts_kept, "{use_:?}");
            assert_eq!(made.agenda[0].id, row_id, "{use_:?}");
            assert_eq!(made.improvement_notes.is_empty(), !notes_kept, "{use_:?}");
            assert_eq!(made.is_template, template, "{use_:?}");
        }
    }

    #[test]
    fn a_blank_title_or_id_is_never_carried_into_the_copy() {
        let source = Meeting {
            id: String::new(),
            title: "  ".into(),
            ..Meeting::default()
        };
        let copy = from_plan(
            &source,
            PlanUse::Duplicate(Lang::En),
            at(0),
            &CST,
            numbered(),
        );
        assert_eq!(copy.title, "Untitled meeting (copy)");
        let shared = from_plan(
            &source,
            PlanUse::Shared { id_taken: false },
            at(0),
            &CST,
            numbered(),
        );
        assert_eq!(shared.id, "id1", "a plan without an id gets one");
    }

    #[test]
    fn a_copy_of_last_weeks_meeting_is_planned_for_next_week() {
        let mut source = held_meeting();
        // Thursday 3 December 2026, 14:00 in Beijing.
        let thursday = DateTime::from_timestamp(1_796_277_600, 0).unwrap();
        source.schedule.starts_at = Some(thursday);
        let monday_after = thursday + chrono::Duration::days(4);
        let copy = from_plan(
            &source,
            PlanUse::Duplicate(Lang::Zh),
            monday_after,
            &CST,
            numbered(),
        );
        assert_eq!(
            copy.schedule.starts_at,
            Some(thursday + chrono::Duration::weeks(1))
        );
        // A plan copied ahead of its own date keeps it.
        let before = thursday - chrono::Duration::days(1);
        let early = from_plan(
            &source,
            PlanUse::Duplicate(Lang::Zh),
            before,
            &CST,
            numbered(),
        );
        assert_eq!(early.schedule.starts_at, Some(thursday));
    }

    #[test]
    fn a_template_made_from_a_template_is_planned_as_a_meeting() {
        let mut template = held_meeting();
        template.is_template = true;
        let planned = from_plan(&template, PlanUse::FromTemplate, at(0), &CST, numbered());
        assert!(!planned.is_template);
    }
}
