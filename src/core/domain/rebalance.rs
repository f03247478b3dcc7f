//! Finish on time (issue 14): when the meeting runs behind, one proposal shortens the items still
//! to come so the meeting ends at its planned end, and the two warnings the run view shows and
//! sounds (five minutes before the end, 80 % of an item's time).
//!
//! Everything is in whole agenda minutes, because that is what the agenda stores and what the
//! host reads back; the clocks keep their seconds. A proposal that fits therefore ends at the
//! planned end or less than a minute before it, never after.

use chrono::{DateTime, Duration, Utc};

use crate::core::domain::clock::{Clocks, RunState};
use crate::core::domain::edit::{At, Edit, Row};
use crate::core::domain::model::{AgendaItem, Meeting, Phase};

/// No item is shortened below this: two minutes still lets an owner say what changed and the
/// room agree on it, which a one-minute slot does not. An item planned shorter keeps its length.
pub const FLOOR_MINUTES: u32 = 2;

const MINUTE_MS: i64 = 60_000;

/// One item of a proposal.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    /// The item's place in the agenda when proposed.
    pub index: usize,
    pub id: String,
    pub old_minutes: u32,
    /// The item's new total; for the current item this includes the time already spent.
    pub new_minutes: u32,
}

/// New minutes for the current item and every later one, with the instants they lead to.
///
/// The instants assume the meeting keeps running from the moment of the proposal: a pause
/// moves them all later, which is why the UI asks for a fresh proposal rather than keeping one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// From the current item (or the first, before any item started) to the last, in order.
    pub changes: Vec<Change>,
    /// When the current item began, counting only its running time.
    pub begins_at: DateTime<Utc>,
    /// When the meeting is planned to end.
    pub planned_end: DateTime<Utc>,
    /// When the proposed agenda ends: at or before `planned_end` unless even the floors do not fit.
    pub ends_at: DateTime<Utc>,
    /// Whole minutes the proposal still runs over (rounded up); zero when it fits.
    pub over_minutes: u32,
}

impl Proposal {
    /// True when the proposal ends the meeting on time.
    pub fn fits(&self) -> bool {
        self.over_minutes == 0
    }

    /// Each changed item's new begin and end, in order, so the new clock times can be shown
    /// before anything is applied (convert with the caller's offset and `time::format_time`).
    pub fn times(&self) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let mut at = self.begins_at;
        self.changes
            .iter()
            .map(|change| {
                let begin = at;
                at += Duration::minutes(i64::from(change.new_minutes));
                (begin, at)
            })
            .collect()
    }
}

/// The order in which phases give up time. Sharing can move to the minutes or a pre-read;
/// decisions are what the meeting is for, so they go last. A break is as negotiable as the
/// discussion, but the guide wants one in a long meeting (R2), so it does not go first.
fn tier(phase: Phase) -> usize {
    match phase {
        Phase::Share => 0,
        Phase::Discuss | Phase::Break => 1,
        Phase::Decide => 2,
    }
}

/// A proposal when the items still to come cannot end by the planned end; `None` when the
/// meeting is on time or ahead, not running (not started, or ended), or has no agenda.
///
/// `clocks` must be this meeting's clocks at `now`. A paused meeting may be rebalanced: its
/// instants then assume it resumes at once. Items before the current one are never touched.
pub fn propose(
    meeting: &Meeting,
    clocks: &Clocks,
    now: DateTime<Utc>,
    floor: u32,
) -> Option<Proposal> {
    if !matches!(clocks.state, RunState::Running | RunState::Paused) {
        return None;
    }
    let first = clocks.current_item.unwrap_or(0);
    let items = meeting
        .agenda
        .get(first..)
        .filter(|rest| !rest.is_empty())?;
    // Before any item has started, every item is still to come, whole.
    let spent_ms = match clocks.current_item {
        Some(_) => clocks.item_elapsed.num_milliseconds().max(0),
        None => 0,
    };
    let current_left_ms = match clocks.current_item {
        Some(_) => clocks.item_left.num_milliseconds().max(0),
        None => i64::from(items[0].minutes) * MINUTE_MS,
    };
    let later_minutes: i64 = items[1..].iter().map(|item| i64::from(item.minutes)).sum();
    let left_ms = clocks.meeting_left.num_milliseconds();
    if current_left_ms + later_minutes * MINUTE_MS <= left_ms {
        return None;
    }

    // The current item cannot be planned shorter than what it has already taken.
    let spent_minutes = u32::try_from((spent_ms + MINUTE_MS - 1) / MINUTE_MS).unwrap_or(u32::MAX);
    let mut start = Vec::with_capacity(items.len());
    let mut low = Vec::with_capacity(items.len());
    for (offset, item) in items.iter().enumerate() {
        let kept = if offset == 0 { spent_minutes } else { 0 };
        start.push(u64::from(item.minutes.max(kept)));
        low.push(u64::from(item.minutes.min(floor).max(kept)));
    }
    // Whole minutes available from the current item's start to the planned end.
    let budget = (left_ms + spent_ms).div_euclid(MINUTE_MS);
    let total: u64 = start.iter().sum();
    let mut cut =
        u64::try_from(i64::try_from(total).unwrap_or(i64::MAX) - budget.max(0)).unwrap_or(0);

    let mut new = start.clone();
    for level in 0..3 {
        if cut == 0 {
            break;
        }
        let members: Vec<usize> = (0..items.len())
            .filter(|&i| tier(items[i].phase) == level && start[i] > low[i])
            .collect();
        let lengths: Vec<u64> = members.iter().map(|&i| start[i]).collect();
        let room: Vec<u64> = members.iter().map(|&i| start[i] - low[i]).collect();
        for (slot, taken) in shares(&lengths, &room, cut).into_iter().enumerate() {
            new[members[slot]] -= taken;
            cut -= taken;
        }
    }

    let minutes: u64 = new.iter().sum();
    let over = i64::try_from(minutes).unwrap_or(i64::MAX) - budget;
    // Checked: a crafted start or run log can put these past the calendar's last instant, where
    // `+` panics; such a meeting gets no proposal rather than a trap.
    let begins_at = now.checked_sub_signed(Duration::milliseconds(spent_ms))?;
    let planned_end = now.checked_add_signed(clocks.meeting_left)?;
    let ends_at = Duration::try_minutes(i64::try_from(minutes).ok()?)
        .and_then(|length| begins_at.checked_add_signed(length))?;
    Some(Proposal {
        changes: items
            .iter()
            .zip(&new)
            .enumerate()
            .map(|(offset, (item, minutes))| Change {
                index: first + offset,
                id: item.id.clone(),
                old_minutes: item.minutes,
                new_minutes: u32::try_from(*minutes).unwrap_or(u32::MAX),
            })
            .collect(),
        begins_at,
        planned_end,
        ends_at,
        over_minutes: u32::try_from(over.max(0)).unwrap_or(u32::MAX),
    })
}

/// Splits `cut` minutes over items in proportion to their `lengths`, none giving more than its
/// `room`; all the room when the cut is bigger. Whole minutes: an item whose share reaches its
/// room gives exactly that and the rest is shared again; the minutes left by rounding down go to
/// the largest fractions, ties to the earlier item, so the same agenda always gets the same answer.
fn shares(lengths: &[u64], room: &[u64], cut: u64) -> Vec<u64> {
    if cut >= room.iter().sum::<u64>() {
        return room.to_vec();
    }
    let mut taken = vec![0; lengths.len()];
    let mut active: Vec<usize> = (0..lengths.len()).filter(|&i| room[i] > 0).collect();
    let mut left = cut;
    // `left` stays below the room of the active items, so some item always stays active.
    loop {
        let sum: u64 = active.iter().map(|&i| lengths[i]).sum();
        // Products in u128: exact for any minutes, where a saturated u64 product was not.
        let full = |i: usize| {
            u128::from(left) * u128::from(lengths[i]) >= u128::from(room[i]) * u128::from(sum)
        };
        let filled: Vec<usize> = active.iter().copied().filter(|&i| full(i)).collect();
        if filled.is_empty() {
            break;
        }
        for &i in &filled {
            taken[i] = room[i];
            left -= room[i];
        }
        active.retain(|i| !filled.contains(i));
    }
    let sum: u64 = active.iter().map(|&i| lengths[i]).sum();
    let mut fraction = vec![0; lengths.len()];
    for &i in &active {
        let exact = u128::from(left) * u128::from(lengths[i]);
        // Both fit: the share is at most `left`, the remainder below `sum`.
        taken[i] = u64::try_from(exact / u128::from(sum)).unwrap_or(left);
        fraction[i] = u64::try_from(exact % u128::from(sum)).unwrap_or(0);
    }
    let mut spare = left - active.iter().map(|&i| taken[i]).sum::<u64>();
    let mut given = vec![false; lengths.len()];
    while spare > 0 {
        let mut best: Option<usize> = None;
        for &i in &active {
            if !given[i] && best.is_none_or(|b| fraction[i] > fraction[b]) {
                best = Some(i);
            }
        }
        let Some(i) = best else { break };
        given[i] = true;
        taken[i] += 1;
        spare -= 1;
    }
    taken
}

/// The proposal as one edit: each changed item's new minutes (items deleted since are left
/// out). Applied through the edit path, its inverse is the undo, which gives back only the
/// minutes and leaves a turn, an item started or a decision captured since.
pub fn finish_on_time(meeting: &Meeting, proposal: &Proposal) -> Edit {
    Edit::All(
        proposal
            .changes
            .iter()
            .filter_map(|change| {
                let item = meeting.agenda.iter().find(|item| item.id == change.id)?;
                let row = AgendaItem {
                    minutes: change.new_minutes,
                    // The first shortening keeps the plan; a second one keeps the same plan.
                    planned_minutes: Some(item.planned()),
                    ..item.clone()
                };
                Some(Edit::put(At::Id(item.id.clone()), Row::Agenda(row)))
            })
            .collect(),
    )
}

/// The two time warnings, as states rather than events: a flag is true for as long as its
/// condition holds. The run view shows them while true; the sound is edge-triggered in the UI
/// through [`WarningLatch`], so it plays once when a flag turns true and not on every tick.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Warnings {
    /// Five minutes or less left in the planned meeting (or already over).
    pub meeting_five_minutes: bool,
    /// The current item has used 80 % or more of its planned time.
    pub item_eighty_percent: bool,
    /// The current item has used all of its time: the banner says so instead of "80 %".
    pub item_over: bool,
    /// The planned meeting time is used up: the banner says so instead of "five minutes left".
    pub meeting_over: bool,
}

/// Only a running meeting warns: a paused room is not watching the clock, and a meeting not
/// started or ended has no time to run out of.
pub fn warnings(clocks: &Clocks) -> Warnings {
    if clocks.state != RunState::Running {
        return Warnings::default();
    }
    let planned = clocks.item_planned.num_milliseconds();
    Warnings {
        meeting_five_minutes: clocks.meeting_left <= Duration::minutes(5),
        item_eighty_percent: clocks.current_item.is_some()
            && planned > 0
            && clocks.item_elapsed.num_milliseconds().saturating_mul(5) >= planned * 4,
        item_over: clocks.item_overrun(),
        meeting_over: clocks.meeting_overrun(),
    }
}

/// Which warnings have already sounded, so that a pause and resume, a rebalance that moves the
/// item back under 80 %, or a tick's jitter never plays the sound twice: the meeting warning
/// once per meeting, the item warning once per item.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WarningLatch {
    meeting_sounded: bool,
    item_sounded: Option<usize>,
}

impl WarningLatch {
    /// A latch that counts what is already true as sounded: after a reload in the middle of a
    /// meeting, a warning that was due before the reload does not sound again.
    pub fn primed(clocks: &Clocks) -> WarningLatch {
        let mut latch = WarningLatch::default();
        latch.sound(clocks);
        latch
    }

    /// The warnings that turned true since the last call, to sound now; call on every tick.
    pub fn sound(&mut self, clocks: &Clocks) -> Warnings {
        let now = warnings(clocks);
        let meeting = now.meeting_five_minutes && !self.meeting_sounded;
        let item = now.item_eighty_percent && self.item_sounded != clocks.current_item;
        self.meeting_sounded |= meeting;
        if item {
            self.item_sounded = clocks.current_item;
        }
        // Running over is shown, not sounded: the 80 % and five-minute sounds came before it.
        Warnings {
            meeting_five_minutes: meeting,
            item_eighty_percent: item,
            ..Warnings::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::clock::{clocks, DEFAULT_TURN};
    use crate::core::domain::model::{AgendaItem, RunEvent, RunEventKind};
    use chrono::TimeZone;

    fn t(minute: i64, second: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap()
            + Duration::minutes(minute)
            + Duration::seconds(second)
    }

    /// A 60-minute meeting with these items, started at t(0, 0).
    fn meeting(items: &[(&str, Phase, u32)]) -> Meeting {
        let mut meeting = Meeting {
            id: "m".into(),
            agenda: items
                .iter()
                .map(|(id, phase, minutes)| AgendaItem {
                    id: (*id).into(),
                    phase: *phase,
                    minutes: *minutes,
                    ..AgendaItem::default()
                })
                .collect(),
            ..Meeting::default()
        };
        meeting.schedule.duration_minutes = 60;
        meeting
    }

    fn log(meeting: &mut Meeting, at: DateTime<Utc>, kind: RunEventKind) {
        meeting.run_log.push(RunEvent { at, kind });
    }

    fn item(id: &str) -> RunEventKind {
        RunEventKind::ItemStarted { item_id: id.into() }
    }

    fn proposal_at(meeting: &Meeting, now: DateTime<Utc>) -> Option<Proposal> {
        propose(
            meeting,
            &clocks(meeting, now, DEFAULT_TURN),
            now,
            FLOOR_MINUTES,
        )
    }

    fn new_minutes(proposal: &Proposal) -> Vec<u32> {
        proposal.changes.iter().map(|c| c.new_minutes).collect()
    }

    /// Share 10, Discuss 20, Decide 20, Share 10 = 60; the first item ran `late` minutes over.
    fn late_by(late: i64) -> (Meeting, DateTime<Utc>) {
        let mut m = meeting(&[
            ("a", Phase::Share, 10),
            ("b", Phase::Discuss, 20),
            ("c", Phase::Decide, 20),
            ("d", Phase::Share, 10),
        ]);
        log(&mut m, t(0, 0), RunEventKind::Started);
        log(&mut m, t(0, 0), item("a"));
        log(&mut m, t(10 + late, 0), item("b"));
        (m, t(10 + late, 0))
    }

    #[test]
    fn on_time_or_ahead_proposes_nothing() {
        let (m, now) = late_by(0);
        assert_eq!(proposal_at(&m, now), None, "on time");
        let (m, now) = late_by(-3);
        assert_eq!(proposal_at(&m, now), None, "ahead");
        let m = meeting(&[("a", Phase::Share, 90)]);
        assert_eq!(proposal_at(&m, t(0, 0)), None, "not started: a plan check");
        let (mut m, now) = late_by(5);
        log(&mut m, now, RunEventKind::Ended);
        assert_eq!(proposal_at(&m, now), None, "ended");
    }

    #[test]
    fn sharing_goes_first_and_decisions_last() {
        let (m, now) = late_by(6);
        let proposal = proposal_at(&m, now).unwrap();
        // b Discuss 20, c Decide 20, d Share 10: the share item gives 6 of its 8 spare minutes.
        assert_eq!(new_minutes(&proposal), [20, 20, 4]);
        let (m, now) = late_by(12);
        let proposal = proposal_at(&m, now).unwrap();
        assert_eq!(
            new_minutes(&proposal),
            [16, 20, 2],
            "the share item at the floor, then discussion"
        );
        let (m, now) = late_by(30);
        let proposal = proposal_at(&m, now).unwrap();
        assert_eq!(
            new_minutes(&proposal),
            [2, 16, 2],
            "decisions give time only when nothing else can"
        );
        assert!(proposal.fits());
    }

    #[test]
    fn a_proposal_that_fits_ends_at_the_planned_end() {
        let (m, now) = late_by(7);
        let proposal = proposal_at(&m, now).unwrap();
        assert_eq!(proposal.planned_end, t(60, 0));
        assert_eq!(proposal.ends_at, t(60, 0));
        assert_eq!(proposal.begins_at, now, "b has just begun");
        let changes: Vec<_> = proposal
            .changes
            .iter()
            .map(|c| (c.index, c.id.as_str(), c.old_minutes, c.new_minutes))
            .collect();
        assert_eq!(
            changes,
            [(1, "b", 20, 20), (2, "c", 20, 20), (3, "d", 10, 3)]
        );
        assert_eq!(
            proposal.times(),
            [
                (t(17, 0), t(37, 0)),
                (t(37, 0), t(57, 0)),
                (t(57, 0), t(60, 0))
            ]
        );
        // Seconds late: whole minutes end less than a minute early, never late.
        let mut m = m.clone();
        m.run_log[2].at = t(17, 20);
        let proposal = proposal_at(&m, t(17, 20)).unwrap();
        assert_eq!(new_minutes(&proposal), [20, 20, 2]);
        assert_eq!(proposal.ends_at, t(59, 20));
    }

    #[test]
    fn the_current_item_keeps_what_it_has_used() {
        let mut m = meeting(&[
            ("a", Phase::Share, 10),
            ("b", Phase::Discuss, 30),
            ("c", Phase::Share, 20),
        ]);
        log(&mut m, t(0, 0), RunEventKind::Started);
        log(&mut m, t(0, 0), item("a"));
        log(&mut m, t(25, 0), item("b"));
        // At 25 + 6:10 the meeting has 28:50 left; b needs 23:50 more and c 20.
        let now = t(31, 10);
        let proposal = proposal_at(&m, now).unwrap();
        assert_eq!(proposal.begins_at, t(25, 0));
        let new = new_minutes(&proposal);
        assert_eq!(new, [30, 5], "c shares, so it gives the 15 minutes over");
        assert!(
            new[0] >= 7,
            "never below the 6:10 already spent, rounded up"
        );
        assert_eq!(proposal.ends_at, t(60, 0));

        // Far behind: b keeps its spent minutes, rounded up, and the rest still runs over.
        let now = t(80, 30);
        let proposal = proposal_at(&m, now).unwrap();
        assert_eq!(new_minutes(&proposal), [56, 2]);
        assert!(!proposal.fits());
        assert_eq!(proposal.over_minutes, 23, "25 + 56 + 2 = 83 minutes of 60");
    }

    #[test]
    fn floors_hold_and_the_overrun_is_reported_when_they_do_not_fit() {
        let (m, now) = late_by(45);
        let proposal = proposal_at(&m, now).unwrap();
        assert_eq!(new_minutes(&proposal), [2, 2, 2]);
        assert_eq!(proposal.over_minutes, 1, "55 + 6 = 61");
        assert_eq!(proposal.ends_at, t(61, 0));
        let short = meeting(&[("a", Phase::Share, 10), ("b", Phase::Share, 1)]);
        let mut short = short;
        log(&mut short, t(0, 0), RunEventKind::Started);
        log(&mut short, t(0, 0), item("a"));
        let proposal = proposal_at(&short, t(70, 0)).unwrap();
        assert_eq!(
            new_minutes(&proposal),
            [70, 1],
            "an item under the floor keeps its length"
        );
    }

    #[test]
    fn within_a_phase_longer_items_give_more_in_whole_minutes() {
        let mut m = meeting(&[
            ("a", Phase::Share, 5),
            ("b", Phase::Discuss, 30),
            ("c", Phase::Discuss, 10),
            ("d", Phase::Break, 5),
            ("e", Phase::Discuss, 10),
        ]);
        log(&mut m, t(0, 0), RunEventKind::Started);
        log(&mut m, t(0, 0), item("a"));
        log(&mut m, t(18, 0), item("b"));
        let proposal = proposal_at(&m, t(18, 0)).unwrap();
        // 13 minutes over 55, in proportion: 7.09, 2.36, 1.18, 2.36 → 7, 2, 1, 2, and the spare
        // minute to c, the earlier of the two equal fractions.
        assert_eq!(new_minutes(&proposal), [23, 7, 4, 8]);
        assert_eq!(proposal.ends_at, t(60, 0));
        assert_eq!(proposal_at(&m, t(18, 0)), Some(proposal), "deterministic");
    }

    #[test]
    fn before_the_first_item_every_item_is_still_to_come() {
        let mut m = meeting(&[("a", Phase::Share, 30), ("b", Phase::Decide, 30)]);
        log(&mut m, t(0, 0), RunEventKind::Started);
        let proposal = proposal_at(&m, t(5, 0)).unwrap();
        assert_eq!(proposal.changes[0].index, 0);
        assert_eq!(new_minutes(&proposal), [25, 30]);
        assert_eq!(proposal.begins_at, t(5, 0));
    }

    #[test]
    fn apply_changes_the_agenda_and_undo_restores_it() {
        let (mut m, now) = late_by(12);
        let before = m.clone();
        let proposal = proposal_at(&m, now).unwrap();
        let undo = finish_on_time(&m, &proposal).apply(&mut m).unwrap();
        let minutes: Vec<u32> = m.agenda.iter().map(|item| item.minutes).collect();
        assert_eq!(minutes, [10, 16, 20, 2]);
        assert_eq!(proposal_at(&m, now), None, "on time after applying");
        // Moved meanwhile: the undo follows the ids.
        m.agenda.swap(2, 3);
        undo.apply(&mut m).unwrap();
        m.agenda.swap(2, 3);
        assert_eq!(m, before);
    }

    #[test]
    fn a_shortened_item_keeps_its_plan_and_a_copy_plans_with_it() {
        let (mut m, now) = late_by(12);
        let planned: Vec<u32> = m.agenda.iter().map(|item| item.minutes).collect();
        let proposal = proposal_at(&m, now).unwrap();
        finish_on_time(&m, &proposal).apply(&mut m).unwrap();
        let kept: Vec<u32> = m.agenda.iter().map(AgendaItem::planned).collect();
        assert_eq!(kept, planned, "plan against actual compares with the plan");
        // Shortened a second time, later: still the plan made before the meeting.
        let later = now + Duration::minutes(10);
        if let Some(again) = proposal_at(&m, later) {
            finish_on_time(&m, &again).apply(&mut m).unwrap();
        }
        let kept: Vec<u32> = m.agenda.iter().map(AgendaItem::planned).collect();
        assert_eq!(kept, planned);
        let copy: Vec<u32> = m
            .plan_only()
            .agenda
            .iter()
            .map(|item| item.minutes)
            .collect();
        assert_eq!(copy, planned, "a copy plans with the planned minutes");
        assert!(m
            .plan_only()
            .agenda
            .iter()
            .all(|item| item.planned_minutes.is_none()));
    }

    #[test]
    fn over_time_replaces_the_warning_it_follows() {
        let at_eighty = warnings(&running(10, 480, 3600));
        assert!(at_eighty.item_eighty_percent && !at_eighty.item_over);
        assert!(!warnings(&running(10, 599, 3600)).item_over);
        assert!(warnings(&running(10, 601, 3600)).item_over);
        assert!(
            !warnings(&running(10, 60, 0)).meeting_over,
            "at the end, not yet over"
        );
        let over = warnings(&running(10, 60, -1));
        assert!(over.meeting_five_minutes && over.meeting_over);
        // Shown, never sounded.
        let mut latch = WarningLatch::default();
        let sounded = latch.sound(&running(10, 900, -60));
        assert!(!sounded.item_over && !sounded.meeting_over);
    }

    fn running(item_planned: i64, item_elapsed_s: i64, meeting_left_s: i64) -> Clocks {
        Clocks {
            state: RunState::Running,
            current_item: Some(0),
            item_planned: Duration::minutes(item_planned),
            item_elapsed: Duration::seconds(item_elapsed_s),
            item_left: Duration::minutes(item_planned) - Duration::seconds(item_elapsed_s),
            meeting_left: Duration::seconds(meeting_left_s),
            ..Clocks::default()
        }
    }

    #[test]
    fn warnings_fire_at_eighty_percent_and_five_minutes() {
        // 10 minutes: 80 % is 8:00, 79 % is 7:54.
        assert!(!warnings(&running(10, 474, 3600)).item_eighty_percent);
        assert!(warnings(&running(10, 480, 3600)).item_eighty_percent);
        assert!(
            warnings(&running(10, 900, 3600)).item_eighty_percent,
            "over"
        );
        assert!(
            !warnings(&running(0, 60, 3600)).item_eighty_percent,
            "no plan"
        );
        assert!(!warnings(&running(10, 0, 301)).meeting_five_minutes, "5:01");
        assert!(warnings(&running(10, 0, 300)).meeting_five_minutes, "5:00");
        assert!(warnings(&running(10, 0, -60)).meeting_five_minutes, "over");
        let paused = Clocks {
            state: RunState::Paused,
            ..running(10, 900, 0)
        };
        assert_eq!(warnings(&paused), Warnings::default());
        for state in [RunState::NotStarted, RunState::Ended] {
            let clocks = Clocks {
                state,
                ..running(10, 900, 0)
            };
            assert_eq!(warnings(&clocks), Warnings::default());
        }
        let no_item = Clocks {
            current_item: None,
            ..running(10, 900, 3600)
        };
        assert!(!warnings(&no_item).item_eighty_percent);
    }

    #[test]
    fn warnings_follow_the_replayed_clocks() {
        let (m, _) = late_by(0);
        let at = |now| warnings(&clocks(&m, now, DEFAULT_TURN));
        assert!(!at(t(25, 59)).item_eighty_percent, "b: 15:59 of 20 minutes");
        assert!(at(t(26, 0)).item_eighty_percent, "16 of 20 minutes");
        assert!(!at(t(54, 59)).meeting_five_minutes);
        assert!(at(t(55, 0)).meeting_five_minutes);
    }

    #[test]
    fn each_warning_sounds_once() {
        let mut latch = WarningLatch::default();
        assert_eq!(latch.sound(&running(10, 100, 3600)), Warnings::default());
        assert!(latch.sound(&running(10, 480, 3600)).item_eighty_percent);
        assert!(!latch.sound(&running(10, 481, 3600)).item_eighty_percent);
        let paused = Clocks {
            state: RunState::Paused,
            ..running(10, 490, 3600)
        };
        latch.sound(&paused);
        assert_eq!(
            latch.sound(&running(10, 490, 3600)),
            Warnings::default(),
            "not again after a pause"
        );
        let next_item = Clocks {
            current_item: Some(1),
            ..running(10, 480, 300)
        };
        assert_eq!(
            latch.sound(&next_item),
            Warnings {
                meeting_five_minutes: true,
                item_eighty_percent: true,
                ..Warnings::default()
            }
        );
        assert_eq!(latch.sound(&next_item), Warnings::default());
        let mut reloaded = WarningLatch::primed(&next_item);
        assert_eq!(
            reloaded.sound(&next_item),
            Warnings::default(),
            "a reload stays quiet"
        );
    }
}
