//! Airtime by department (issue 14, E3): how much of the speaking time each department held, in
//! the meeting and in one agenda item, and which departments have not been heard yet in it.
//!
//! Like the clocks (`core::clock`), everything is replayed from the run log's timestamps and
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

use chrono::{DateTime, Duration, Utc};

use super::clock::RunState;
use super::i18n::{tr, Lang, T};
use super::model::{AttendanceStatus, Meeting, Participant, RunEventKind};
use super::order;

/// What a speaker text stands for. Each variant says why, so the UI can explain a grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker<'a> {
    /// A participant, by position in `meeting.participants`.
    Participant(usize),
    /// The named substitute of a participant who declined (R7): speaks for that department.
    Substitute(usize),
    /// A department: one a participant belongs to (spelled as the participant has it), or one
    /// stated in brackets after a name nobody in the list has (a guest, `李四（法务部）`).
    Department(&'a str),
    /// Nothing matched: the time is grouped under this text, department unknown.
    Unknown(&'a str),
}

impl<'a> Speaker<'a> {
    /// The department the time goes to; `None` when unknown (or the participant has none).
    pub fn department(&self, participants: &'a [Participant]) -> Option<&'a str> {
        let department = match *self {
            Speaker::Participant(index) | Speaker::Substitute(index) => {
                participants[index].department.trim()
            }
            Speaker::Department(department) => department,
            Speaker::Unknown(_) => "",
        };
        (!department.is_empty()).then_some(department)
    }
}

/// Resolves a speaker text, taking the first rule that fits:
///
/// 1. a participant's exact name (trimmed; case-insensitive, which matters for Latin names),
///    preferring one who has not declined;
/// 2. the named substitute of a participant who declined;
/// 3. a participant's department (`研发部`, `r&d` for `R&D`);
/// 4. `name (department)` or `name（部门）`: the participant with that name and department,
///    else the department if a participant belongs to it, else the participant with that name,
///    else the department as written;
/// 5. otherwise unknown, grouped under the text itself.
///
/// [`speaker_label`] writes the form of rule 4, so a picked participant resolves to itself.
pub fn resolve_speaker<'a>(participants: &'a [Participant], speaker: &'a str) -> Speaker<'a> {
    let text = speaker.trim();
    if let Some(found) = resolve_bare(participants, text) {
        return found;
    }
    if let Some((name, department)) = split_bracket(text) {
        if department.is_empty() {
            if let Some(found) = resolve_bare(participants, name) {
                return found;
            }
        } else {
            let exact = participants.iter().position(|p| {
                !p.name.trim().is_empty() && same(&p.name, name) && same(&p.department, department)
            });
            if let Some(index) = exact {
                return Speaker::Participant(index);
            }
            if let Some(known) = known_department(participants, department) {
                return Speaker::Department(known);
            }
            if let Some(index) = by_name(participants, name)
                .filter(|&index| !participants[index].department.trim().is_empty())
            {
                return Speaker::Participant(index);
            }
            return Speaker::Department(department);
        }
    }
    Speaker::Unknown(text)
}

/// Rules 1–3 of [`resolve_speaker`], on a text without brackets.
fn resolve_bare<'a>(participants: &'a [Participant], text: &str) -> Option<Speaker<'a>> {
    if text.is_empty() {
        return None;
    }
    if let Some(index) = by_name(participants, text) {
        return Some(Speaker::Participant(index));
    }
    let substitute = participants.iter().position(|p| {
        p.attendance.status == AttendanceStatus::Declined
            && !p.attendance.substitute.trim().is_empty()
            && same(&p.attendance.substitute, text)
    });
    if let Some(index) = substitute {
        return Some(Speaker::Substitute(index));
    }
    known_department(participants, text).map(Speaker::Department)
}

fn by_name(participants: &[Participant], name: &str) -> Option<usize> {
    let named = |p: &Participant| !p.name.trim().is_empty() && same(&p.name, name);
    participants
        .iter()
        .position(|p| named(p) && p.attendance.status != AttendanceStatus::Declined)
        .or_else(|| participants.iter().position(named))
}

fn known_department<'a>(participants: &'a [Participant], text: &str) -> Option<&'a str> {
    participants
        .iter()
        .map(|p| p.department.trim())
        .find(|department| !department.is_empty() && same(department, text))
}

/// Equal after trimming, ignoring ASCII case (Latin names; Chinese has no case). Not Unicode
/// case folding: its tables alone cost some 10 KB of the compressed module.
fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// `张三（研发部）` or `Alice (R&D)` → the name and the department, both trimmed. The last
/// bracket pair counts, and it may nest: `Li (R&D (Beijing))` is Li of `R&D (Beijing)`.
fn split_bracket(text: &str) -> Option<(&str, &str)> {
    let inner_end = text.strip_suffix(')').or_else(|| text.strip_suffix('）'))?;
    let mut depth = 0usize;
    for (at, c) in inner_end.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth == 0 => {
                let inside = &inner_end[at + c.len_utf8()..];
                return Some((inner_end[..at].trim(), inside.trim()));
            }
            '(' | '（' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// How a participant is offered in the speaker picker and written into the run log:
/// `张三（研发部）` with Chinese text, `Alice Chen (R&D)` otherwise, just the name or the
/// department when the other is missing. [`resolve_speaker`] reads it back to the participant.
pub fn speaker_label(participant: &Participant) -> String {
    label(participant.name.trim(), participant.department.trim())
}

fn label(name: &str, department: &str) -> String {
    if name.is_empty() || department.is_empty() {
        return if name.is_empty() { department } else { name }.to_owned();
    }
    let wide = is_wide(name) || is_wide(department);
    let mut out = String::with_capacity(name.len() + department.len() + 7);
    out.push_str(name);
    out.push_str(if wide { "（" } else { " (" });
    out.push_str(department);
    out.push(if wide { '）' } else { ')' });
    out
}

/// Chinese, Japanese or Korean text, which takes full-width brackets.
fn is_wide(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
    })
}

/// The speakers to pick from, in participant order: everyone who has not declined, and the
/// substitutes of those who did (with the department they stand in for). Duplicates once.
pub fn speaker_choices(participants: &[Participant]) -> Vec<String> {
    let mut choices: Vec<String> = Vec::with_capacity(participants.len());
    for participant in participants {
        let choice = if participant.attendance.status != AttendanceStatus::Declined {
            speaker_label(participant)
        } else {
            label(
                participant.attendance.substitute.trim(),
                participant.department.trim(),
            )
        };
        let declined_alone = participant.attendance.status == AttendanceStatus::Declined
            && participant.attendance.substitute.trim().is_empty();
        if !choice.is_empty() && !declined_alone && !choices.contains(&choice) {
            choices.push(choice);
        }
    }
    choices
}

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

/// One department across a series, for the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DepartmentBalance<'a> {
    pub department: &'a str,
    /// As in [`DepartmentTime::known`].
    pub known: bool,
    /// The mean of its meeting shares (0 where it did not speak), each meeting weighing the
    /// same; whole percents summing to 100 over the departments.
    pub average_percent: u8,
    /// In how many meetings it had the largest share (a tie counts for each).
    pub largest_in: usize,
}

/// A department holding more than half of the speaking time, meeting after meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dominating<'a> {
    pub department: &'a str,
    /// How many of the last `of_last` meetings it held more than half of the speaking time in.
    pub meetings_over_half: usize,
    pub of_last: usize,
}

impl Dominating<'_> {
    /// The review's warning.
    pub fn warning(&self, lang: Lang) -> String {
        tr(
            lang,
            T::AirtimeDominating,
            &[
                self.department,
                &self.meetings_over_half.to_string(),
                &self.of_last.to_string(),
            ],
        )
    }
}

/// Airtime across the meetings of a series (F5 review).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeriesBalance<'a> {
    /// Largest average share first.
    pub departments: Vec<DepartmentBalance<'a>>,
    /// Meetings with any speaking time recorded; the others count nowhere.
    pub meetings_with_airtime: usize,
    pub dominating: Option<Dominating<'a>>,
}

/// How many of the latest meetings with airtime the dominating rule looks at.
pub const DOMINATING_WINDOW: usize = 3;

/// The balance of a series' meetings (templates skipped), each taken as of its last run-log
/// event, in the order they took place (start, else creation).
///
/// The rule: a department *dominates* when it held more than half of the speaking time (exactly,
/// not the rounded percent) in at least 2 of the last [`DOMINATING_WINDOW`] meetings with
/// airtime — one meeting is never a pattern. Only a known department can dominate; a speaker
/// nobody could place is not a department to warn about. At most one department can qualify.
pub fn series_balance<'a>(meetings: impl IntoIterator<Item = &'a Meeting>) -> SeriesBalance<'a> {
    let mut held: Vec<&Meeting> = meetings
        .into_iter()
        .filter(|meeting| !meeting.is_template)
        .collect();
    order::sort_by_key(&mut held, |meeting| {
        meeting.schedule.starts_at.or(meeting.created_at)
    });
    let mut balance = SeriesBalance::default();
    let mut percent_sums: Vec<u32> = Vec::new();
    // Per meeting with airtime, the row that held more than half, if any.
    let mut majorities: Vec<Option<usize>> = Vec::new();
    for meeting in held {
        let Some(last) = meeting.run_log.last() else {
            continue;
        };
        let air = airtime(meeting, last.at, ItemFocus::Current);
        if air.meeting_total <= Duration::zero() {
            continue;
        }
        balance.meetings_with_airtime += 1;
        let largest = air.departments.iter().map(|row| row.meeting).max();
        let mut majority = None;
        for row in &air.departments {
            let index = match balance
                .departments
                .iter()
                .position(|known| same(known.department, row.department))
            {
                Some(index) => index,
                None => {
                    balance.departments.push(DepartmentBalance {
                        department: row.department,
                        known: false,
                        average_percent: 0,
                        largest_in: 0,
                    });
                    percent_sums.push(0);
                    balance.departments.len() - 1
                }
            };
            let entry = &mut balance.departments[index];
            entry.known |= row.known;
            percent_sums[index] += u32::from(row.meeting_percent);
            if Some(row.meeting) == largest {
                entry.largest_in += 1;
            }
            if row.meeting * 2 > air.meeting_total {
                majority = Some(index);
            }
        }
        majorities.push(majority);
    }

    // The shares add up to 100 per meeting, so their sums share out over 100 per meeting.
    let mut averages: Vec<(u32, u8)> = percent_sums.into_iter().map(|sum| (sum, 0)).collect();
    share_out(
        &mut averages,
        Duration::milliseconds(balance.meetings_with_airtime as i64 * 100),
        |(sum, _)| Duration::milliseconds(i64::from(*sum)),
        |(_, average), percent| *average = percent,
    );
    for (department, (_, average)) in balance.departments.iter_mut().zip(averages) {
        department.average_percent = average;
    }

    let window = &majorities[majorities.len().saturating_sub(DOMINATING_WINDOW)..];
    balance.dominating = (0..balance.departments.len())
        .filter(|&index| balance.departments[index].known)
        .map(|index| (index, window.iter().filter(|m| **m == Some(index)).count()))
        .find(|&(_, over_half)| over_half >= 2)
        .map(|(index, over_half)| Dominating {
            department: balance.departments[index].department,
            meetings_over_half: over_half,
            of_last: window.len(),
        });
    order::sort_by(&mut balance.departments, |a, b| {
        b.average_percent.cmp(&a.average_percent)
    });
    balance
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{AgendaItem, Attendance, RunEvent, SeriesRef};
    use chrono::TimeZone;

    fn t(minute: i64, second: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap()
            + Duration::minutes(minute)
            + Duration::seconds(second)
    }

    fn person(name: &str, department: &str) -> Participant {
        Participant {
            name: name.into(),
            department: department.into(),
            ..Participant::default()
        }
    }

    fn declined(name: &str, department: &str, substitute: &str) -> Participant {
        Participant {
            attendance: Attendance {
                status: AttendanceStatus::Declined,
                substitute: substitute.into(),
                ..Attendance::default()
            },
            ..person(name, department)
        }
    }

    fn meeting(log: Vec<(DateTime<Utc>, RunEventKind)>) -> Meeting {
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
                person("Alice Chen", "Finance"),
                person("王五", "法务部"),
            ],
            run_log: log
                .into_iter()
                .map(|(at, kind)| RunEvent { at, kind })
                .collect(),
            ..Meeting::default()
        }
    }

    fn item(id: &str) -> RunEventKind {
        RunEventKind::ItemStarted { item_id: id.into() }
    }

    fn turn(speaker: &str) -> RunEventKind {
        RunEventKind::SpeakerTurn {
            speaker: speaker.into(),
        }
    }

    fn row<'a>(air: &'a Airtime, department: &str) -> &'a DepartmentTime<'a> {
        air.departments
            .iter()
            .find(|row| row.department == department)
            .unwrap_or_else(|| panic!("no row {department} in {:?}", air.departments))
    }

    fn minutes(m: i64) -> Duration {
        Duration::minutes(m)
    }

    #[test]
    fn pauses_are_not_airtime_and_the_speaker_keeps_the_floor_across_one() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(1, 0), turn("研发部")),
            (t(3, 0), RunEventKind::Paused),
        ]);
        let paused = airtime(&m, t(10, 0), ItemFocus::Current);
        assert_eq!(
            row(&paused, "研发部").meeting,
            minutes(2),
            "up to the pause"
        );
        assert_eq!(paused.meeting_total, minutes(2));
        assert_eq!(paused.speaking, None, "while paused nobody is counted");

        // As the turn clock does, the turn goes on after the pause; the pause is nobody's.
        let mut resumed = m.clone();
        resumed.run_log.push(RunEvent {
            at: t(8, 0),
            kind: RunEventKind::Resumed,
        });
        let air = airtime(&resumed, t(10, 0), ItemFocus::Current);
        assert_eq!(
            row(&air, "研发部").meeting,
            minutes(4),
            "2 before the pause, 2 after"
        );
        assert_eq!(air.meeting_total, minutes(4));
        assert!(air.speaking.is_some(), "the speaker still holds the floor");
    }

    #[test]
    fn a_turn_ends_at_the_next_turn_item_or_end() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(0, 0), turn("张三")),
            (t(2, 0), turn("李四")),
            (t(5, 0), item("b")),
            (t(6, 0), turn("Alice Chen")),
            (t(7, 30), RunEventKind::Ended),
        ]);
        let air = airtime(&m, t(30, 0), ItemFocus::Current);
        assert_eq!(row(&air, "研发部").meeting, minutes(2));
        assert_eq!(
            row(&air, "市场部").meeting,
            minutes(3),
            "to the item change"
        );
        assert_eq!(
            row(&air, "Finance").meeting,
            Duration::seconds(90),
            "to the end"
        );
        assert_eq!(air.meeting_total, Duration::seconds(390));
        assert_eq!(air.speaking, None);
        assert_eq!(
            air.item,
            Some(1),
            "the last item stays current, as on the clocks"
        );
        assert_eq!(air.item_total, Duration::seconds(90));
    }

    #[test]
    fn the_running_turn_counts_up_to_now() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(1, 0), turn("李四")),
        ]);
        let air = airtime(&m, t(4, 15), ItemFocus::Current);
        assert_eq!(row(&air, "市场部").meeting, Duration::seconds(195));
        assert_eq!(air.speaking, Some(0));
        assert_eq!(
            airtime(&m, t(5, 15), ItemFocus::Current).meeting_total,
            Duration::seconds(255),
            "the same log a minute later"
        );
    }

    #[test]
    fn item_shares_differ_from_meeting_shares() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(0, 0), turn("研发部")),
            (t(6, 0), turn("市场部")),
            (t(8, 0), item("b")),
            (t(8, 0), turn("市场部")),
            (t(11, 0), turn("研发部")),
        ]);
        let now = t(12, 0);
        let current = airtime(&m, now, ItemFocus::Current);
        assert_eq!(current.item, Some(1));
        assert_eq!(
            (
                row(&current, "市场部").item_percent,
                row(&current, "研发部").item_percent
            ),
            (75, 25)
        );
        assert_eq!(
            (
                row(&current, "研发部").meeting_percent,
                row(&current, "市场部").meeting_percent
            ),
            (58, 42),
            "7 and 5 of 12 minutes"
        );
        let first = airtime(&m, now, ItemFocus::Index(item_index(&m, "a").unwrap()));
        assert_eq!(first.item_total, minutes(8));
        assert_eq!(row(&first, "研发部").item, minutes(6));
        assert_eq!(
            first.meeting_total, current.meeting_total,
            "the meeting figures do not depend on the focus"
        );
        let never = airtime(&m, now, ItemFocus::Index(2));
        assert_eq!(never.item_total, Duration::zero());
        assert!(never.departments.iter().all(|row| row.item_percent == 0));
        let missing = airtime(&m, now, ItemFocus::Index(9));
        assert_eq!((missing.item, missing.not_heard.len()), (None, 0));
    }

    #[test]
    fn a_revisited_item_adds_up_its_visits() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(0, 0), turn("研发部")),
            (t(3, 0), item("b")),
            (t(3, 0), turn("市场部")),
            (t(5, 0), item("a")),
            (t(5, 0), turn("研发部")),
        ]);
        let air = airtime(&m, t(6, 0), ItemFocus::Current);
        assert_eq!((air.item, air.item_total), (Some(0), minutes(4)));
    }

    #[test]
    fn time_before_any_item_belongs_to_no_item() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), turn("研发部")),
            (t(2, 0), item("gone")),
            (t(2, 0), turn("研发部")),
            (t(3, 0), item("a")),
        ]);
        let air = airtime(&m, t(4, 0), ItemFocus::Current);
        assert_eq!(air.meeting_total, minutes(3));
        assert_eq!(
            air.outside_agenda,
            minutes(3),
            "before the first and a deleted item"
        );
        assert_eq!(air.item_total, Duration::zero());
    }

    #[test]
    fn a_clock_set_backwards_adds_no_time() {
        let m = meeting(vec![
            (t(10, 0), RunEventKind::Started),
            (t(10, 0), item("a")),
            (t(10, 0), turn("研发部")),
            (t(5, 0), turn("市场部")),
        ]);
        let air = airtime(&m, t(7, 0), ItemFocus::Current);
        assert_eq!(air.meeting_total, minutes(2), "only 5:00 → 7:00 counts");
    }

    #[test]
    fn departments_not_heard_yet_in_the_item() {
        let mut m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(0, 0), turn("张三")),
            (t(2, 0), item("b")),
            (t(2, 0), turn("李四")),
            (t(4, 0), turn("陌生人")),
        ]);
        m.participants.extend([
            person("赵六", "研发部"),
            person("", "  "),
            declined("钱七", "财务部", ""),
            declined("孙八", "采购部", "周九"),
            person("吴十", "finance"),
        ]);
        let air = airtime(&m, t(5, 0), ItemFocus::Current);
        assert_eq!(
            air.not_heard,
            ["研发部", "Finance", "法务部", "采购部"],
            "participant order, once each; 财务部 declined; 采购部 sends a substitute"
        );
        let stranger = row(&air, "陌生人");
        assert!(!stranger.known);
        assert_eq!(stranger.label(Lang::Zh), "陌生人(部门未知)");
        assert_eq!(stranger.label(Lang::En), "陌生人 (department unknown)");
        assert_eq!(
            not_heard_prompt(Lang::Zh, &air.not_heard).unwrap(),
            "还没发言的部门:研发部、Finance、法务部、采购部,请他们谈谈"
        );
        assert_eq!(
            not_heard_prompt(Lang::En, &air.not_heard[..2]).unwrap(),
            "Not heard yet: 研发部, Finance — invite them in"
        );
        assert_eq!(not_heard_prompt(Lang::En, &[]), None);

        let first = airtime(&m, t(5, 0), ItemFocus::Index(0));
        assert!(!first.not_heard.contains(&"研发部"));
        assert!(first.not_heard.contains(&"市场部"));
    }

    #[test]
    fn the_department_speaking_now_counts_as_heard() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(1, 0), turn("王五")),
        ]);
        let air = airtime(&m, t(1, 0), ItemFocus::Current);
        assert_eq!(
            row(&air, "法务部").item,
            Duration::zero(),
            "the turn just began"
        );
        assert_eq!(air.not_heard, ["研发部", "市场部", "Finance"], "not 法务部");
        let not_started = meeting(vec![]);
        assert!(airtime(&not_started, t(0, 0), ItemFocus::Current)
            .not_heard
            .is_empty());
    }

    #[test]
    fn speakers_resolve_in_chinese() {
        let mut people = vec![
            person("张三", "研发部"),
            person("张三", "市场部"),
            declined("李四", "财务部", "小周"),
            person("王五", ""),
        ];
        let r = |text: &'static str| resolve_speaker(&people, text);
        assert_eq!(
            r(" 张三 "),
            Speaker::Participant(0),
            "the first of the same name"
        );
        assert_eq!(r("张三（市场部）"), Speaker::Participant(1));
        assert_eq!(r("张三(市场部)"), Speaker::Participant(1));
        assert_eq!(r("研发部"), Speaker::Department("研发部"));
        assert_eq!(r("小周"), Speaker::Substitute(2));
        assert_eq!(r("小周").department(&people), Some("财务部"));
        assert_eq!(
            r("赵六（研发部）"),
            Speaker::Department("研发部"),
            "a guest"
        );
        assert_eq!(
            r("赵六（法务部）"),
            Speaker::Department("法务部"),
            "as written"
        );
        assert_eq!(
            r("张三（线上）"),
            Speaker::Participant(0),
            "not a department"
        );
        assert_eq!(r("（研发部）"), Speaker::Department("研发部"));
        assert_eq!(r("王五（）"), Speaker::Participant(3));
        assert_eq!(r("王五").department(&people), None, "no department given");
        assert_eq!(r("路人甲"), Speaker::Unknown("路人甲"));
        assert_eq!(r("  "), Speaker::Unknown(""));
        people[0].attendance.status = AttendanceStatus::Declined;
        assert_eq!(
            resolve_speaker(&people, "张三"),
            Speaker::Participant(1),
            "who attends comes first"
        );
    }

    #[test]
    fn speakers_resolve_in_english() {
        let people = vec![
            person("Alice Chen", "R&D"),
            person("Bob", "Sales (EMEA)"),
            person("Li (Jack)", "Ops"),
        ];
        let r = |text: &'static str| resolve_speaker(&people, text);
        assert_eq!(r("alice chen"), Speaker::Participant(0));
        assert_eq!(r("ALICE CHEN (r&d)"), Speaker::Participant(0));
        assert_eq!(
            r("r&d"),
            Speaker::Department("R&D"),
            "spelled as the participant has it"
        );
        assert_eq!(
            r("Bob (Sales (EMEA))"),
            Speaker::Participant(1),
            "nested brackets"
        );
        assert_eq!(r("sales (emea)"), Speaker::Department("Sales (EMEA)"));
        assert_eq!(
            r("Li (Jack)"),
            Speaker::Participant(2),
            "brackets in a name"
        );
        assert_eq!(r("Carol (Legal)"), Speaker::Department("Legal"));
        assert_eq!(r("Carol"), Speaker::Unknown("Carol"));
        assert_eq!(r("Émile"), Speaker::Unknown("Émile"));
    }

    #[test]
    fn labels_round_trip_through_the_resolver() {
        let people = vec![
            person("张三", "研发部"),
            person("张三", "市场部"),
            person("Alice Chen", "R&D"),
            person("Li (Jack)", "Ops (Beijing)"),
            person("Wang Fang", "市场部"),
            person("王芳", ""),
            person("", "法务部"),
            declined("李四", "财务部", "小周"),
            declined("Dave", "Ops", ""),
        ];
        assert_eq!(speaker_label(&people[0]), "张三（研发部）");
        assert_eq!(speaker_label(&people[2]), "Alice Chen (R&D)");
        assert_eq!(speaker_label(&people[4]), "Wang Fang（市场部）");
        assert_eq!(speaker_label(&people[5]), "王芳");
        let choices = speaker_choices(&people);
        assert_eq!(
            choices,
            [
                "张三（研发部）",
                "张三（市场部）",
                "Alice Chen (R&D)",
                "Li (Jack) (Ops (Beijing))",
                "Wang Fang（市场部）",
                "王芳",
                "法务部",
                "小周（财务部）",
            ]
        );
        for (index, person) in people.iter().enumerate().take(6) {
            assert_eq!(
                resolve_speaker(&people, &speaker_label(person)),
                Speaker::Participant(index),
                "{}",
                speaker_label(person)
            );
        }
        for choice in &choices {
            let resolved = resolve_speaker(&people, choice);
            assert!(
                resolved.department(&people).is_some() || choice == "王芳",
                "{choice}: {resolved:?}"
            );
        }
        assert_eq!(
            resolve_speaker(&people, "小周（财务部）").department(&people),
            Some("财务部")
        );
    }

    #[test]
    fn unknown_speakers_group_under_their_own_text() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(0, 0), turn("路人甲")),
            (t(1, 0), turn("研发部")),
            (t(2, 0), turn("路人甲 ")),
            (t(3, 0), turn("")),
            (t(4, 0), turn("carol (Legal)")),
            (t(5, 0), turn("legal")),
        ]);
        let air = airtime(&m, t(6, 0), ItemFocus::Current);
        let rows: Vec<(&str, bool, i64)> = air
            .departments
            .iter()
            .map(|row| (row.department, row.known, row.meeting.num_minutes()))
            .collect();
        assert_eq!(
            rows,
            [
                ("路人甲", false, 2),
                ("研发部", true, 1),
                ("", false, 1),
                ("Legal", true, 2),
            ],
            "a bare \"legal\" joins the department stated earlier"
        );
        assert_eq!(air.departments[2].label(Lang::En), "Unnamed speaker");
    }

    #[test]
    fn shares_sum_to_a_hundred() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(0, 0), turn("研发部")),
            (t(1, 0), turn("市场部")),
            (t(2, 0), turn("Finance")),
            (t(3, 0), turn("法务部")),
            (t(3, 0), turn("陌生人")),
        ]);
        let air = airtime(&m, t(3, 0), ItemFocus::Current);
        let percents: Vec<u8> = air.departments.iter().map(|r| r.meeting_percent).collect();
        assert_eq!(
            percents,
            [34, 33, 33, 0, 0],
            "thirds; a zero never gets a point"
        );

        for parts in [
            vec![1, 1, 1, 1, 1, 1, 1],
            vec![1, 2, 3, 4, 5, 6],
            vec![999, 1],
            vec![5, 0, 5, 0, 1],
            vec![1; 150],
        ] {
            let total: i64 = parts.iter().sum();
            let mut rows: Vec<(i64, u8)> = parts.iter().map(|&part| (part, 0)).collect();
            share_out(
                &mut rows,
                Duration::seconds(total),
                |(part, _)| Duration::seconds(*part),
                |(_, percent), p| *percent = p,
            );
            let out: Vec<u8> = rows.iter().map(|(_, percent)| *percent).collect();
            assert_eq!(
                out.iter().map(|&p| u32::from(p)).sum::<u32>(),
                100,
                "{parts:?}"
            );
            for (part, percent) in parts.iter().zip(&out) {
                let exact = *part as f64 * 100.0 / total as f64;
                assert!(
                    (f64::from(*percent) - exact).abs() < 1.0,
                    "{parts:?} → {out:?}"
                );
            }
        }
        let mut nothing = [7u8; 2];
        share_out(
            &mut nothing,
            Duration::zero(),
            |_| Duration::zero(),
            |row, p| *row = p,
        );
        assert_eq!(nothing, [0, 0]);
    }

    /// A held meeting of the series on `day`, with minutes of airtime per department.
    fn held(day: u32, shares: &[(&str, i64)]) -> Meeting {
        let start = Utc.with_ymd_and_hms(2026, 11, day, 6, 0, 0).unwrap();
        let mut log = vec![(start, RunEventKind::Started), (start, item("a"))];
        let mut at = start;
        for (speaker, minutes) in shares {
            log.push((at, turn(speaker)));
            at += Duration::minutes(*minutes);
        }
        log.push((at, RunEventKind::Ended));
        let mut m = meeting(log);
        m.id = day.to_string();
        m.schedule.starts_at = Some(start);
        m.series = Some(SeriesRef {
            id: "s".into(),
            name: "周例会".into(),
        });
        m
    }

    #[test]
    fn a_department_dominates_over_half_in_two_of_the_last_three() {
        let meetings = [
            held(2, &[("研发部", 8), ("市场部", 2)]),
            held(9, &[("研发部", 6), ("市场部", 4)]),
            held(16, &[("研发部", 5), ("市场部", 5)]),
            held(23, &[("研发部", 4), ("市场部", 6)]),
        ];
        let early = series_balance(&meetings[..2]);
        assert_eq!(
            early.dominating,
            Some(Dominating {
                department: "研发部",
                meetings_over_half: 2,
                of_last: 2
            })
        );
        assert_eq!(
            early.dominating.unwrap().warning(Lang::En),
            "研发部 had more than half the speaking time in 2 of the last 2 meetings: draw the other departments in."
        );
        assert_eq!(
            series_balance(&meetings[..1]).dominating,
            None,
            "one is no pattern"
        );

        // Given out of order: the last three are 9th (研发部 60 %), 16th (a tie), 23rd (市场部).
        let reordered = [&meetings[3], &meetings[0], &meetings[2], &meetings[1]];
        let all = series_balance(reordered);
        assert_eq!(all.meetings_with_airtime, 4);
        assert_eq!(all.dominating, None, "exactly half is not more than half");
        let rows: Vec<(&str, u8, usize)> = all
            .departments
            .iter()
            .map(|d| (d.department, d.average_percent, d.largest_in))
            .collect();
        assert_eq!(
            rows,
            [("研发部", 58, 3), ("市场部", 42, 2)],
            "the tie counts for both"
        );
    }

    #[test]
    fn meetings_without_airtime_and_unknown_speakers_do_not_dominate() {
        let mut quiet = held(20, &[]);
        quiet.run_log.truncate(2);
        let mut template = held(21, &[("市场部", 9)]);
        template.is_template = true;
        let meetings = [
            held(2, &[("路人甲", 9), ("研发部", 1)]),
            held(9, &[("路人甲", 9), ("研发部", 1)]),
            quiet,
            template,
            Meeting::default(),
        ];
        let balance = series_balance(&meetings);
        assert_eq!(balance.meetings_with_airtime, 2);
        assert_eq!(balance.dominating, None);
        assert_eq!(balance.departments[0].department, "路人甲");
        assert!(!balance.departments[0].known);
        assert_eq!(series_balance(&[]).departments.len(), 0);
    }
}
