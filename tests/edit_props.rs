#![cfg(not(target_arch = "wasm32"))]
//! Every edit knows its inverse: applied to any meeting and then inverted, it gives back exactly
//! the meeting it started from; refused, it changes nothing; and the inverse of the inverse
//! redoes it. Over arbitrary meetings and every kind of edit, each field and each list.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use crossmeet::core::domain::edit::{diff, At, Edit, List, Row, Value};
use crossmeet::core::domain::model::*;
use proptest::prelude::*;

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-z会议,\"\n ]{0,6}", any::<String>()]
}

fn instant() -> impl Strategy<Value = Option<DateTime<Utc>>> {
    proptest::option::of(
        (0i64..4_000_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
    )
}

fn flag() -> impl Strategy<Value = Option<bool>> {
    proptest::option::of(any::<bool>())
}

fn value() -> BoxedStrategy<Value> {
    prop_oneof![
        text().prop_map(Value::Title),
        text().prop_map(Value::Objective),
        prop_oneof![
            Just(MeetingType::Decision),
            Just(MeetingType::Discussion),
            Just(MeetingType::Inform)
        ]
        .prop_map(Value::Kind),
        flag().prop_map(Value::NeedsSeveralDepartments),
        flag().prop_map(Value::NeedsCombinedResources),
        flag().prop_map(Value::AsyncUpdateWouldDo),
        instant().prop_map(Value::StartsAt),
        any::<u32>().prop_map(Value::DurationMinutes),
        instant().prop_map(Value::NoticeSentAt),
        prop_oneof![
            Just(FormatMode::Offline),
            Just(FormatMode::Online),
            Just(FormatMode::Hybrid)
        ]
        .prop_map(Value::Mode),
        text().prop_map(Value::Room),
        flag().prop_map(Value::RoomIsNeutral),
        text().prop_map(Value::Platform),
        text().prop_map(Value::Link),
        any::<bool>().prop_map(Value::DevicesTested),
        text().prop_map(Value::MinutesText),
        prop_oneof![
            Just(MinutesStatus::NotStarted),
            Just(MinutesStatus::DraftSent),
            Just(MinutesStatus::FinalSent)
        ]
        .prop_map(Value::MinutesStatus),
        instant().prop_map(Value::DraftSentAt),
        instant().prop_map(Value::FinalSentAt),
        proptest::option::of(
            (0u32..86_400)
                .prop_map(|s| { NaiveTime::from_num_seconds_from_midnight_opt(s, 0).unwrap() })
        )
        .prop_map(Value::ProgressTime),
        proptest::option::of((text(), text()).prop_map(|(id, name)| SeriesRef { id, name }))
            .prop_map(Value::Series),
        proptest::collection::vec(text(), 0..3).prop_map(Value::ImprovementNotes),
    ]
    .boxed()
}

/// A row of any list; ids come from a small set so inserts sometimes collide with rows there.
fn row() -> BoxedStrategy<Row> {
    let id = (0u8..6).prop_map(|n| format!("r{n}"));
    prop_oneof![
        (id.clone(), text(), text()).prop_map(|(id, name, department)| Row::Participant(
            Participant {
                id,
                name,
                department,
                ..Participant::default()
            }
        )),
        (id.clone(), text(), 0u32..500).prop_map(|(id, title, minutes)| Row::Agenda(AgendaItem {
            id,
            title,
            minutes,
            ..AgendaItem::default()
        })),
        (id.clone(), text(), instant()).prop_map(|(id, title, sent_at)| Row::Material(PreRead {
            id,
            title,
            sent_at,
            ..PreRead::default()
        })),
        (text(), text(), text()).prop_map(|(department, ask, reply)| Row::Ask(PreparationAsk {
            department,
            ask,
            reply
        })),
        (id.clone(), text(), any::<bool>()).prop_map(|(id, text, resolved)| Row::Parked(
            ParkedPoint {
                id,
                text,
                resolved,
                ..ParkedPoint::default()
            }
        )),
        (id.clone(), text()).prop_map(|(id, text)| Row::Decision(Decision {
            id,
            text,
            ..Decision::default()
        })),
        (id, text(), text(), proptest::option::of(0i64..3000)).prop_map(
            |(id, task, owner, day)| Row::Action(ActionItem {
                id,
                task,
                owner,
                deadline: day
                    .map(|d| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()
                        + chrono::Days::new(d as u64)),
                ..ActionItem::default()
            })
        ),
        (proptest::option::of(1u8..=5), text()).prop_map(|(rating, comment)| Row::Feedback(
            Feedback {
                rating,
                comment,
                ..Feedback::default()
            }
        )),
        (
            (0u8..6).prop_map(|n| format!("k{n}")),
            text(),
            proptest::option::of(0i64..4_000_000_000)
        )
            .prop_map(|(id, from, seconds)| Row::Asked(
                crossmeet::core::domain::asks::AskRecord {
                    id,
                    taken: vec![crossmeet::core::domain::asks::Taken {
                        from,
                        written_at: seconds.and_then(|s| DateTime::from_timestamp(s, 0)),
                    }],
                    ..Default::default()
                }
            )),
    ]
    .boxed()
}

fn list() -> impl Strategy<Value = List> {
    prop_oneof![
        Just(List::Participant),
        Just(List::Agenda),
        Just(List::Material),
        Just(List::Ask),
        Just(List::Parked),
        Just(List::Decision),
        Just(List::Action),
        Just(List::Feedback),
        Just(List::Asked),
    ]
}

fn event() -> BoxedStrategy<RunEvent> {
    (
        (0i64..4_000_000_000).prop_map(|s| DateTime::from_timestamp(s, 0).unwrap()),
        prop_oneof![
            Just(RunEventKind::Started),
            Just(RunEventKind::Paused),
            Just(RunEventKind::Ended),
            text().prop_map(|item_id| RunEventKind::ItemStarted { item_id }),
            text().prop_map(|speaker| RunEventKind::SpeakerTurn { speaker }),
        ],
    )
        .prop_map(|(at, kind)| RunEvent { at, kind })
        .boxed()
}

/// Where a row may be: an id from the same small set, or a place that may be past the end.
fn at() -> impl Strategy<Value = At> {
    prop_oneof![
        (0u8..6).prop_map(|n| At::Id(format!("r{n}"))),
        (0usize..5).prop_map(At::Index),
    ]
}

fn single_edit() -> BoxedStrategy<Edit> {
    prop_oneof![
        (value(), proptest::option::of(value())).prop_map(|(to, from)| Edit::Set { to, from }),
        (at(), row()).prop_map(|(at, row)| Edit::put(at, row)),
        (0usize..6, row()).prop_map(|(index, row)| Edit::Insert { index, row }),
        (list(), at()).prop_map(|(list, at)| Edit::remove(list, at)),
        (list(), at(), 0usize..6).prop_map(|(list, at, to)| Edit::Move { list, at, to }),
        event().prop_map(Edit::Log),
        event().prop_map(Edit::Unlog),
    ]
    .boxed()
}

fn edit() -> BoxedStrategy<Edit> {
    prop_oneof![
        4 => single_edit(),
        1 => proptest::collection::vec(single_edit(), 0..4).prop_map(Edit::All),
    ]
    .boxed()
}

/// A meeting with a few rows in every list, made by applying inserts, so the rows are whatever
/// the row strategy makes.
fn meeting() -> BoxedStrategy<Meeting> {
    (
        proptest::collection::vec(row(), 0..12),
        proptest::collection::vec(event(), 0..4),
        proptest::collection::vec(value(), 0..6),
    )
        .prop_map(|(rows, events, values)| {
            let mut meeting = Meeting::default();
            for row in rows {
                let _ = Edit::Insert { index: 0, row }.apply(&mut meeting);
            }
            meeting.run_log = events;
            for value in values {
                let _ = Edit::set(value).apply(&mut meeting);
            }
            meeting
        })
        .boxed()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(800))]

    #[test]
    fn an_edit_then_its_inverse_is_the_identity(mut meeting in meeting(), edit in edit()) {
        let before = meeting.clone();
        match edit.apply(&mut meeting) {
            Ok(inverse) => {
                let after = meeting.clone();
                let redo = inverse.apply(&mut meeting).expect("an inverse applies right after its edit");
                prop_assert_eq!(&meeting, &before);
                redo.apply(&mut meeting).expect("the inverse of the inverse redoes the edit");
                prop_assert_eq!(&meeting, &after);
            }
            Err(_) => prop_assert_eq!(&meeting, &before, "a refused edit changes nothing"),
        }
    }

    /// Undo after other edits: the inverse either takes back exactly its own change, leaving the
    /// later edits' results, or is refused and changes nothing.
    #[test]
    fn an_undo_after_later_edits_never_takes_back_more_than_its_own(
        mut meeting in meeting(),
        first in single_edit(),
        later in proptest::collection::vec(single_edit(), 0..4),
    ) {
        let Ok(undo) = first.apply(&mut meeting) else { return Ok(()) };
        for edit in later {
            let _ = edit.apply(&mut meeting);
        }
        let before_undo = meeting.clone();
        match undo.clone().apply(&mut meeting) {
            Ok(redo) => {
                // Redoing it gives back exactly the state before the undo: the undo changed
                // nothing but what its edit had changed.
                redo.apply(&mut meeting).expect("redo right after an undo");
                prop_assert_eq!(&meeting, &before_undo);
            }
            Err(_) => prop_assert_eq!(&meeting, &before_undo),
        }
    }

    /// Any change made on a copy becomes named edits that make the same change: after edits
    /// related to it, and to a meeting with nothing in common with it.
    #[test]
    fn the_diff_of_two_meetings_turns_one_into_the_other(
        before in meeting(),
        edits in proptest::collection::vec(edit(), 0..6),
        unrelated in meeting(),
        use_unrelated in any::<bool>(),
    ) {
        let mut after = if use_unrelated { unrelated } else { before.clone() };
        for edit in edits {
            let _ = edit.apply(&mut after);
        }
        let mut changed = before.clone();
        let inverse = diff(&before, &after).apply(&mut changed).expect("a diff applies to its own start");
        prop_assert_eq!(&changed, &after);
        inverse.apply(&mut changed).expect("and its inverse right after");
        prop_assert_eq!(&changed, &before);
    }
}
