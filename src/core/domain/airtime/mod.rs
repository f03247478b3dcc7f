//! Airtime by department (issue 14, E3): how much of the speaking time each department held, in
//! the meeting and in one agenda item, and which departments have not been heard yet in it.
//!
//! Like the clocks (`core::domain::clock`), everything is replayed from the run log's timestamps and
//! `now` — never counted by ticks — so a reload gives the same figures. Pauses are excluded.
//!
//! A turn lasts from its `SpeakerTurn` event to the next `SpeakerTurn`, `ItemStarted` or `Ended`
//! (or to `now` while it runs) and belongs to the agenda item current at the time. Like the turn
//! clock, it goes on after a pause, and the paused time counts for nobody: the shares on the
//! screen and the speaker's clock never disagree about who holds the floor.
//!
//! The speaker is free text; [`resolve_speaker`] turns it into a participant or a department.
//! Results borrow their department names from the meeting, so the run view's once-a-second
//! recomputation allocates two short vectors and no strings.
//!
//! One job per file: [`speaker`] places a speaker text, this file replays the shares, and
//! [`series`] weighs a series of meetings for the review.

use chrono::{DateTime, Duration, Utc};

use crate::core::domain::clock::RunState;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{AttendanceStatus, Meeting, Participant, RunEventKind};

mod speaker;
#[cfg(test)]
mod tests;

pub use speaker::*;

/// Which agenda item the per-item figures are for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ItemFocus {
    /// The item being discussed (as the clocks see it), the run view's and room mode's choice.
    #[default]
    Current,
    /// An item by its position in the agenda (see [`item_index`] for an id).
    Index(usize),
}

/// The position of the agenda item with `id`, for [`ItemFocus::Index`].
pub fn item_index(meeting: &Meeting, id: &str) -> Option<usize> {
    meeting.agenda.iter().position(|item| item.id == id)
}

/// One department's airtime. `meeting_percent` and `item_percent` are whole percents of the
/// speaking time, not of the meeting time, and each sums to exactly 100 over the departments.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DepartmentTime<'a> {
    /// The department as a participant spells it, or as stated in the speaker text; when
    /// `known` is false, the speaker text itself (empty for a turn with no name).
    pub department: &'a str,
    pub known: bool,
    pub meeting: Duration,
    pub meeting_percent: u8,
    /// In the focused item only.
    pub item: Duration,
    pub item_percent: u8,
}

impl DepartmentTime<'_> {
    /// The row's name for display: the department, or `王五(部门未知)` for a speaker nobody
    /// could place, or "unnamed speaker" for a turn with no name. Plain text, not escaped.
    pub fn label(&self, lang: Lang) -> String {
        if self.known {
            self.department.to_owned()
        } else if self.department.is_empty() {
            T::AirtimeUnnamedSpeaker.get(lang).to_owned()
        } else {
            tr(lang, T::AirtimeUnknownDepartment, &[self.department])
        }
    }
}

/// Airtime at one instant: the share panel in the run view, room mode and summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Airtime<'a> {
    /// In the order the departments first spoke, so rows do not jump about as times change.
    pub departments: Vec<DepartmentTime<'a>>,
    /// All speaking time, pauses excluded; at most the meeting clock's elapsed time.
    pub meeting_total: Duration,
    /// The focused item, if it exists (the current item may be none before the start).
    pub item: Option<usize>,
    pub item_total: Duration,
    /// Speaking time while no agenda item was current (before the first, or in one deleted
    /// since): part of the meeting total and of no item's.
    pub outside_agenda: Duration,
    /// The department holding the floor now, as a position in `departments`.
    pub speaking: Option<usize>,
    /// Departments of the participants who attend (not declined, or declined with a substitute)
    /// with no speaking time yet in the focused item, in participant order, each once. Empty
    /// when no item is in focus. The department speaking right now counts as heard.
    pub not_heard: Vec<&'a str>,
}

/// Replays the run log up to `now`, with per-item figures for `focus`.
pub fn airtime(meeting: &Meeting, now: DateTime<Utc>, focus: ItemFocus) -> Airtime<'_> {
    let participants = &meeting.participants;
    let position = |item_id: &str| meeting.agenda.iter().position(|item| item.id == item_id);
    let focused = match focus {
        // The clocks' current item: the one named by the last `ItemStarted`, if it still exists.
        ItemFocus::Current => meeting
            .run_log
            .iter()
            .rev()
            .find_map(|event| match &event.kind {
                RunEventKind::ItemStarted { item_id } => Some(position(item_id)),
                _ => None,
            })
            .flatten(),
        ItemFocus::Index(index) => (index < meeting.agenda.len()).then_some(index),
    };
    let mut air = Airtime {
        item: focused,
        ..Airtime::default()
    };

    // The same state machine as `clock::clocks`, so airtime never exceeds the meeting clock.
    let mut state = RunState::NotStarted;
    let mut running_since: Option<DateTime<Utc>> = None;
    let mut current: Option<usize> = None;
    let mut speaking: Option<usize> = None;
    for event in &meeting.run_log {
        if state == RunState::Running {
            air.account(event.at, &mut running_since, speaking, current);
        }
        match &event.kind {
            RunEventKind::Started | RunEventKind::Resumed => {
                if state != RunState::Ended {
                    state = RunState::Running;
                    running_since = Some(event.at);
                }
            }
            RunEventKind::Paused => {
                if state == RunState::Running {
                    state = RunState::Paused;
                }
                // The speaker keeps the floor across a pause, as the turn clock does
                // (`clock::clocks`); the paused time itself counts for nobody.
                running_since = None;
            }
            RunEventKind::ItemStarted { item_id } => {
                current = position(item_id);
                speaking = None;
            }
            RunEventKind::SpeakerTurn { speaker } => {
                speaking = Some(air.row_of(participants, speaker));
            }
            RunEventKind::Ended => {
                state = RunState::Ended;
                running_since = None;
                speaking = None;
            }
        }
    }
    if state == RunState::Running {
        air.account(now, &mut running_since, speaking, current);
        air.speaking = speaking;
    }

    let (meeting_total, item_total) = (air.meeting_total, air.item_total);
    share_out(
        &mut air.departments,
        meeting_total,
        |row| row.meeting,
        |row, percent| row.meeting_percent = percent,
    );
    share_out(
        &mut air.departments,
        item_total,
        |row| row.item,
        |row, percent| row.item_percent = percent,
    );

    if focused.is_some() {
        let speaking_here = air.speaking.filter(|_| current == focused);
        for participant in participants {
            let attendance = &participant.attendance;
            let department = participant.department.trim();
            if department.is_empty()
                || (attendance.status == AttendanceStatus::Declined
                    && attendance.substitute.trim().is_empty())
                || air.not_heard.iter().any(|listed| same(listed, department))
            {
                continue;
            }
            let heard = air.departments.iter().enumerate().any(|(index, row)| {
                row.known
                    && same(row.department, department)
                    && (row.item > Duration::zero() || speaking_here == Some(index))
            });
            if !heard {
                air.not_heard.push(department);
            }
        }
    }
    air
}

impl<'a> Airtime<'a> {
    /// Credits the running time since the last event to the turn in progress, if any.
    fn account(
        &mut self,
        until: DateTime<Utc>,
        running_since: &mut Option<DateTime<Utc>>,
        speaking: Option<usize>,
        current: Option<usize>,
    ) {
        let (Some(start), Some(row)) = (running_since.replace(until), speaking) else {
            return;
        };
        // A device clock set backwards must not make time run backwards.
        let segment = (until - start).max(Duration::zero());
        self.meeting_total += segment;
        self.departments[row].meeting += segment;
        match current {
            None => self.outside_agenda += segment,
            Some(_) if current == self.item => {
                self.item_total += segment;
                self.departments[row].item += segment;
            }
            Some(_) => {}
        }
    }

    /// The row for a speaker text, added on first use.
    fn row_of(&mut self, participants: &'a [Participant], speaker: &'a str) -> usize {
        let resolved = resolve_speaker(participants, speaker);
        let (department, known) = match resolved.department(participants) {
            Some(department) => (department, true),
            None => (speaker.trim(), false),
        };
        match self
            .departments
            .iter()
            .position(|row| same(row.department, department))
        {
            Some(index) => {
                self.departments[index].known |= known;
                index
            }
            None => {
                self.departments.push(DepartmentTime {
                    department,
                    known,
                    ..DepartmentTime::default()
                });
                self.departments.len() - 1
            }
        }
    }
}

/// Whole percents of `total` for the rows' parts that sum to exactly 100 (when `total` is
/// positive): each row gets its rounded-down percent, and the points left go to the largest
/// remainders, the earlier row first on a tie. A part of zero never gets a point. No allocation.
fn share_out<R>(
    rows: &mut [R],
    total: Duration,
    part: impl Fn(&R) -> Duration,
    put: impl Fn(&mut R, u8),
) {
    let total = total.num_milliseconds();
    if total <= 0 {
        rows.iter_mut().for_each(|row| put(row, 0));
        return;
    }
    let scaled = |row: &R| part(row).num_milliseconds().max(0) * 100;
    let mut given = 0;
    for row in rows.iter_mut() {
        let floor = scaled(row) / total;
        given += floor;
        put(row, floor as u8);
    }
    // The n-th extra point goes to the n-th largest (remainder, earlier first): each round takes
    // the best key below the last one taken, so no list of remainders is needed.
    let key = |index: usize, row: &R| (scaled(row) % total, std::cmp::Reverse(index));
    let mut last = None;
    for _ in given..100 {
        let next = rows
            .iter()
            .enumerate()
            .map(|(index, row)| key(index, row))
            .filter(|candidate| last.is_none_or(|last| *candidate < last))
            .max();
        let Some(taken) = next else { break };
        let row = &mut rows[taken.1 .0];
        let raised = scaled(row) / total + 1;
        put(row, raised as u8);
        last = Some(taken);
    }
}

/// The facilitation prompt naming the departments not heard yet (E3), e.g. `还没发言的部门:
/// 法务部、财务部,请他们谈谈`; `None` when there are none to name.
pub fn not_heard_prompt(lang: Lang, not_heard: &[&str]) -> Option<String> {
    let (first, rest) = not_heard.split_first()?;
    let mut names = String::with_capacity(not_heard.iter().map(|d| d.len() + 3).sum());
    names.push_str(first);
    for department in rest {
        names.push_str(T::AirtimeListSeparator.get(lang));
        names.push_str(department);
    }
    Some(tr(lang, T::AirtimeNotHeard, &[&names]))
}
