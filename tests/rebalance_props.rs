//! Finish on time (issue 14), as properties: for any agenda, any item being discussed and any
//! lateness, a proposal never goes below the floor, never lengthens an item (the current one
//! only keeps the minutes it has already used), and ends at the planned end whenever the floors
//! allow; and applying it then undoing it gives the agenda back.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Duration, TimeZone, Utc};
use proptest::prelude::*;

use crossmeet::core::domain::clock::{clocks, DEFAULT_TURN};
use crossmeet::core::domain::model::{AgendaItem, Meeting, Phase, RunEvent, RunEventKind};
use crossmeet::core::domain::rebalance::{finish_on_time, propose, FLOOR_MINUTES};

fn start() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap()
}

fn agenda() -> impl Strategy<Value = Vec<(Phase, u32)>> {
    prop::collection::vec(
        (prop::sample::select(Phase::ALL.to_vec()), 0u32..=90),
        1..10,
    )
}

/// A meeting that ran through the first `current` items as planned, then spent `pause` seconds
/// paused and `behind` seconds more than planned before the current item (`seconds_in` into
/// it); `paused` leaves it paused at `now`.
fn case() -> impl Strategy<Value = (Meeting, DateTime<Utc>)> {
    (
        agenda(),
        0usize..10,
        0i64..7_200,
        0i64..5_400,
        0i64..600,
        any::<bool>(),
        0u32..240,
    )
        .prop_map(
            |(items, current, behind, seconds_in, pause, paused, duration)| {
                let current = current % items.len();
                let mut meeting = Meeting {
                    agenda: items
                        .iter()
                        .enumerate()
                        .map(|(i, (phase, minutes))| AgendaItem {
                            id: format!("i{i}"),
                            phase: *phase,
                            minutes: *minutes,
                            ..AgendaItem::default()
                        })
                        .collect(),
                    ..Meeting::default()
                };
                meeting.schedule.duration_minutes = duration;
                let before: i64 = items[..current].iter().map(|(_, m)| i64::from(*m)).sum();
                let mut at = start();
                let mut log = vec![(at, RunEventKind::Started)];
                at += Duration::seconds(pause.min(before * 60));
                log.push((at, RunEventKind::Paused));
                at += Duration::seconds(pause);
                log.push((at, RunEventKind::Resumed));
                at += Duration::seconds(before * 60 + behind - pause.min(before * 60));
                log.push((
                    at,
                    RunEventKind::ItemStarted {
                        item_id: format!("i{current}"),
                    },
                ));
                at += Duration::seconds(seconds_in);
                if paused {
                    log.push((at, RunEventKind::Paused));
                }
                meeting.run_log = log
                    .into_iter()
                    .map(|(at, kind)| RunEvent { at, kind })
                    .collect();
                (meeting, at)
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn proposals_respect_floors_and_end_on_time_when_they_can((meeting, now) in case()) {
        let clocks = clocks(&meeting, now, DEFAULT_TURN);
        let Some(proposal) = propose(&meeting, &clocks, now, FLOOR_MINUTES) else {
            // None only when what is left fits in the time left.
            let current = clocks.current_item.unwrap();
            let later: i64 = meeting.agenda[current + 1..].iter().map(|i| i64::from(i.minutes)).sum();
            let needed = clocks.item_left.max(Duration::zero()) + Duration::minutes(later);
            prop_assert!(needed <= clocks.meeting_left);
            return Ok(());
        };
        let spent = (clocks.item_elapsed.num_milliseconds() + 59_999) / 60_000;
        let spent = u32::try_from(spent).unwrap();
        let mut floors = 0u64;
        for (n, change) in proposal.changes.iter().enumerate() {
            let item = &meeting.agenda[change.index];
            prop_assert_eq!(&change.id, &item.id);
            prop_assert_eq!(change.old_minutes, item.minutes);
            let kept = if n == 0 { spent } else { 0 };
            let floor = item.minutes.min(FLOOR_MINUTES).max(kept);
            prop_assert!(change.new_minutes >= floor, "below the floor: {:?}", change);
            prop_assert!(change.new_minutes <= item.minutes.max(kept), "lengthened: {:?}", change);
            floors += u64::from(floor);
        }
        // A decision item gives time only when no share, discussion or break item has any left.
        let shortened_decision = proposal.changes.iter().any(|c| {
            meeting.agenda[c.index].phase == Phase::Decide && c.new_minutes < c.old_minutes
        });
        if shortened_decision {
            for (n, change) in proposal.changes.iter().enumerate() {
                let item = &meeting.agenda[change.index];
                let kept = if n == 0 { spent } else { 0 };
                if item.phase != Phase::Decide {
                    prop_assert_eq!(change.new_minutes, item.minutes.min(FLOOR_MINUTES).max(kept));
                }
            }
        }
        // Whole minutes from the current item's start to the planned end.
        let budget = (clocks.meeting_left + clocks.item_elapsed).num_milliseconds().div_euclid(60_000);
        let total: u64 = proposal.changes.iter().map(|c| u64::from(c.new_minutes)).sum();
        prop_assert_eq!(proposal.ends_at - proposal.begins_at, Duration::minutes(total as i64));
        if i64::try_from(floors).unwrap() <= budget {
            prop_assert!(proposal.fits());
            prop_assert_eq!(total as i64, budget, "ends in the planned end's minute");
            prop_assert!(proposal.ends_at <= proposal.planned_end);
            prop_assert!(proposal.planned_end - proposal.ends_at < Duration::minutes(1));
        } else {
            prop_assert_eq!(total, floors, "all at the floor");
            prop_assert_eq!(i64::from(proposal.over_minutes), total as i64 - budget);
        }
        let times = proposal.times();
        prop_assert_eq!(times.len(), proposal.changes.len());
        prop_assert_eq!(times.last().map(|(_, end)| *end), Some(proposal.ends_at));

        prop_assert_eq!(propose(&meeting, &clocks, now, FLOOR_MINUTES), Some(proposal.clone()));
        let mut edited = meeting.clone();
        let undo = finish_on_time(&edited, &proposal).apply(&mut edited).expect("applies");
        undo.apply(&mut edited).expect("and is undone");
        prop_assert_eq!(edited, meeting);
    }
}
