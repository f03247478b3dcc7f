//! Airtime by department (issue 14) against arbitrary run logs: whatever the host pressed, and
//! even with a device clock that jumped backwards, speaking time never exceeds the running time
//! of the meeting clock, every turn lands in exactly one item (or visibly outside the agenda),
//! and the departments' shares add up.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use crossmeet::core::domain::airtime::{airtime, Airtime, ItemFocus};
use crossmeet::core::domain::clock::{clocks, DEFAULT_TURN};
use crossmeet::core::domain::model::{
    AgendaItem, Attendance, AttendanceStatus, Meeting, Participant, RunEvent, RunEventKind,
};
use crossmeet::core::domain::run;

const CASES: u32 = 2_000;

/// Speaker texts of every kind the resolver knows: names, labels, departments, substitutes,
/// strangers, brackets, nothing.
const SPEAKERS: [&str; 10] = [
    "张三",
    "李四（市场部）",
    "研发部",
    "alice (finance)",
    "小周",
    "路人甲",
    "",
    "Carol (Legal)",
    "FINANCE",
    "王五（线上）",
];

fn base() -> Meeting {
    let person = |name: &str, department: &str| Participant {
        name: name.into(),
        department: department.into(),
        ..Participant::default()
    };
    Meeting {
        id: "m".into(),
        agenda: ["a", "b", "c"]
            .iter()
            .map(|id| AgendaItem {
                id: (*id).into(),
                minutes: 10,
                ..AgendaItem::default()
            })
            .collect(),
        participants: vec![
            person("张三", "研发部"),
            person("李四", "市场部"),
            person("Alice", "Finance"),
            person("王五", "法务部"),
            Participant {
                attendance: Attendance {
                    status: AttendanceStatus::Declined,
                    substitute: "小周".into(),
                    ..Attendance::default()
                },
                ..person("钱七", "财务部")
            },
        ],
        ..Meeting::default()
    }
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap()
}

/// One raw event: seconds since the previous one (sometimes negative), what, and which.
fn raw_event() -> impl Strategy<Value = (i64, u8, usize)> {
    (
        prop_oneof![8 => 0i64..600, 1 => -120i64..0],
        0u8..6,
        0usize..SPEAKERS.len(),
    )
}

fn raw_log(events: &[(i64, u8, usize)]) -> (Meeting, DateTime<Utc>) {
    let mut meeting = base();
    let mut at = t0();
    let item_ids = ["a", "b", "c", "deleted"];
    for &(step, kind, which) in events {
        at += Duration::seconds(step);
        let kind = match kind {
            0 => RunEventKind::Started,
            1 => RunEventKind::Paused,
            2 => RunEventKind::Resumed,
            3 => RunEventKind::ItemStarted {
                item_id: item_ids[which % item_ids.len()].into(),
            },
            4 => RunEventKind::SpeakerTurn {
                speaker: SPEAKERS[which].into(),
            },
            _ => RunEventKind::Ended,
        };
        meeting.run_log.push(RunEvent { at, kind });
    }
    (meeting, at)
}

fn total(parts: impl Iterator<Item = Duration>) -> Duration {
    parts.fold(Duration::zero(), |sum, part| sum + part)
}

/// What holds for any log: the sums, the shares, and the items with the time outside them.
fn check_sums(meeting: &Meeting, now: DateTime<Utc>) -> Result<Airtime<'_>, TestCaseError> {
    let air = airtime(meeting, now, ItemFocus::Current);
    let elapsed = clocks(meeting, now, DEFAULT_TURN).meeting_elapsed;
    prop_assert!(air.meeting_total >= Duration::zero());
    prop_assert!(
        air.meeting_total <= elapsed,
        "{:?} spoken in {:?} of running time",
        air.meeting_total,
        elapsed
    );
    prop_assert_eq!(
        total(air.departments.iter().map(|row| row.meeting)),
        air.meeting_total
    );
    prop_assert_eq!(
        total(air.departments.iter().map(|row| row.item)),
        air.item_total
    );
    for (percents, whole) in [
        (
            air.departments
                .iter()
                .map(|row| u32::from(row.meeting_percent))
                .sum::<u32>(),
            air.meeting_total,
        ),
        (
            air.departments
                .iter()
                .map(|row| u32::from(row.item_percent))
                .sum::<u32>(),
            air.item_total,
        ),
    ] {
        let expected = if whole > Duration::zero() { 100 } else { 0 };
        prop_assert_eq!(percents, expected);
    }

    let mut per_item = Duration::zero();
    for index in 0..meeting.agenda.len() {
        let focused = airtime(meeting, now, ItemFocus::Index(index));
        prop_assert_eq!(focused.meeting_total, air.meeting_total);
        prop_assert_eq!(focused.outside_agenda, air.outside_agenda);
        per_item += focused.item_total;
    }
    prop_assert_eq!(per_item + air.outside_agenda, air.meeting_total);

    // Only departments someone attends for are asked in, each once.
    for (index, department) in air.not_heard.iter().enumerate() {
        prop_assert!(!air.not_heard[..index].contains(department));
        let attends = meeting.participants.iter().any(|p| {
            p.department == *department
                && (p.attendance.status != AttendanceStatus::Declined
                    || !p.attendance.substitute.is_empty())
        });
        prop_assert!(attends, "{} is asked in", department);
    }
    Ok(air)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any sequence of events, in any order, with clocks going backwards now and then.
    #[test]
    fn airtime_fits_in_the_running_time_for_any_log(
        events in proptest::collection::vec(raw_event(), 0..40),
        later in 0i64..900,
    ) {
        let (meeting, last) = raw_log(&events);
        check_sums(&meeting, last + Duration::seconds(later))?;
    }

    /// Logs the run view can write: the first item starts with the meeting, so every turn
    /// belongs to an item and the items' airtime is the meeting's, to the millisecond.
    #[test]
    fn the_items_share_out_the_whole_meeting(
        actions in proptest::collection::vec((1i64..400_000, 0u8..5, 0usize..SPEAKERS.len()), 0..40),
        later in 0i64..900_000,
    ) {
        let mut meeting = base();
        let mut now = t0();
        run::start(&mut meeting, now);
        for (step, action, which) in actions {
            now += Duration::milliseconds(step);
            match action {
                0 | 1 => run::speaker_turn(&mut meeting, now, SPEAKERS[which]),
                2 => {
                    run::next_item(&mut meeting, now);
                }
                3 => run::toggle_pause(&mut meeting, now),
                _ if which == 0 => run::end(&mut meeting, now),
                _ => {}
            }
        }
        let now = now + Duration::milliseconds(later);
        let air = check_sums(&meeting, now)?;
        prop_assert_eq!(air.outside_agenda, Duration::zero());
        let per_item = total(
            (0..meeting.agenda.len())
                .map(|index| airtime(&meeting, now, ItemFocus::Index(index)).item_total),
        );
        prop_assert_eq!(per_item, air.meeting_total);
        let current = clocks(&meeting, now, DEFAULT_TURN).current_item;
        prop_assert_eq!(air.item, current, "the clocks' current item");
    }
}
