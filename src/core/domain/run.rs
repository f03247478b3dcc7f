//! Running the meeting (E1–E7): the actions the host takes, each appending a timestamped event to
//! the run log or capturing a point, decision or action item. Pure: the caller passes `now`.

use chrono::{DateTime, Utc};

use crate::core::domain::clock::{clocks, RunState, DEFAULT_TURN};
use crate::core::domain::i18n::T;
use crate::core::domain::model::{
    ActionItem, Decision, Meeting, ParkedPoint, Participant, Phase, RunEvent, RunEventKind,
};

fn log(meeting: &mut Meeting, at: DateTime<Utc>, kind: RunEventKind) {
    meeting.run_log.push(RunEvent { at, kind });
}

pub fn state(meeting: &Meeting, now: DateTime<Utc>) -> RunState {
    clocks(meeting, now, DEFAULT_TURN).state
}

/// Starts the meeting at its first agenda item (after the opening, E1).
pub fn start(meeting: &mut Meeting, now: DateTime<Utc>) {
    if state(meeting, now) != RunState::NotStarted {
        return;
    }
    log(meeting, now, RunEventKind::Started);
    if let Some(first) = meeting.agenda.first() {
        let item_id = first.id.clone();
        log(meeting, now, RunEventKind::ItemStarted { item_id });
    }
}

/// Pauses a running meeting or resumes a paused one; starts one not yet started.
pub fn toggle_pause(meeting: &mut Meeting, now: DateTime<Utc>) {
    match state(meeting, now) {
        RunState::NotStarted => start(meeting, now),
        RunState::Running => log(meeting, now, RunEventKind::Paused),
        RunState::Paused => log(meeting, now, RunEventKind::Resumed),
        RunState::Ended => {}
    }
}

/// Moves to the next agenda item; false when there is none (time for the summary).
pub fn next_item(meeting: &mut Meeting, now: DateTime<Utc>) -> bool {
    let clocks = clocks(meeting, now, DEFAULT_TURN);
    if matches!(clocks.state, RunState::NotStarted | RunState::Ended) {
        return false;
    }
    match clocks.next_item {
        Some(next) => {
            let item_id = meeting.agenda[next].id.clone();
            log(meeting, now, RunEventKind::ItemStarted { item_id });
            true
        }
        None => false,
    }
}

/// Starts a speaking turn (the turn timer restarts).
pub fn speaker_turn(meeting: &mut Meeting, now: DateTime<Utc>, speaker: &str) {
    if state(meeting, now) == RunState::Running {
        log(
            meeting,
            now,
            RunEventKind::SpeakerTurn {
                speaker: speaker.trim().to_owned(),
            },
        );
    }
}

pub fn end(meeting: &mut Meeting, now: DateTime<Utc>) {
    if matches!(state(meeting, now), RunState::Running | RunState::Paused) {
        log(meeting, now, RunEventKind::Ended);
    }
}

/// The agenda item being discussed, if the meeting runs.
pub fn current_item(meeting: &Meeting, now: DateTime<Utc>) -> Option<String> {
    clocks(meeting, now, DEFAULT_TURN)
        .current_item
        .map(|index| meeting.agenda[index].id.clone())
}

/// Parks an off-topic point against the current item (E4).
pub fn park(meeting: &mut Meeting, now: DateTime<Utc>, id: String, text: &str) {
    let agenda_item_id = current_item(meeting, now);
    meeting.parking_lot.push(ParkedPoint {
        id,
        text: text.trim().to_owned(),
        agenda_item_id,
        ..ParkedPoint::default()
    });
}

/// Records a decision against the current item (E5).
pub fn decide(meeting: &mut Meeting, now: DateTime<Utc>, id: String, text: &str) {
    let agenda_item_id = current_item(meeting, now);
    meeting.decisions.push(Decision {
        id,
        text: text.trim().to_owned(),
        agenda_item_id,
        made_at: Some(now),
    });
}

/// Adds an action item (E6); the caller fills the rest of the row.
pub fn add_action(meeting: &mut Meeting, now: DateTime<Utc>, id: String, task: &str) {
    let agenda_item_id = current_item(meeting, now);
    meeting.actions.push(ActionItem {
        id,
        task: task.trim().to_owned(),
        agenda_item_id,
        ..ActionItem::default()
    });
}

/// Turns a parked point into an action item in one step (E4, E6): its text becomes the task, its
/// owner and date the action's (the owner's department with them, when a participant), and the
/// point leaves the parking lot. `false` when the point is gone.
pub fn parked_to_action(meeting: &mut Meeting, parked_id: &str, action_id: String) -> bool {
    let Some(index) = meeting.parking_lot.iter().position(|p| p.id == parked_id) else {
        return false;
    };
    let point = meeting.parking_lot.remove(index);
    let mut action = ActionItem {
        id: action_id,
        task: point.text,
        deadline: point.deadline,
        agenda_item_id: point.agenda_item_id,
        ..ActionItem::default()
    };
    set_action_owner(&mut action, &meeting.participants, point.owner);
    meeting.actions.push(action);
    true
}

/// Names `owner` as the action's owner; when the owner is a participant, their department is
/// filled in if the action has none yet or has another participant's (issue 14.6: picked from
/// the participants, still free text). A department that is none of the participants' was typed
/// for this action and is never overwritten.
pub fn set_action_owner(action: &mut ActionItem, participants: &[Participant], owner: String) {
    let named = |name: &str| {
        participants
            .iter()
            .find(|p| !p.name.trim().is_empty() && p.name.trim() == name.trim())
    };
    let current = action.department.trim();
    let replaceable =
        current.is_empty() || participants.iter().any(|p| p.department.trim() == current);
    if let Some(participant) = named(&owner).filter(|_| replaceable) {
        action.department = participant.department.trim().to_owned();
    }
    action.owner = owner;
}

/// What an action item still lacks of task, owner, department, acceptance standard and
/// deadline (E6).
pub fn missing_action_fields(action: &ActionItem) -> Vec<T> {
    let mut missing = Vec::new();
    for (empty, label) in [
        (action.task.trim().is_empty(), T::ColTask),
        (action.owner.trim().is_empty(), T::ColOwner),
        (action.department.trim().is_empty(), T::ColDepartment),
        (action.acceptance.trim().is_empty(), T::ColAcceptance),
        (action.deadline.is_none(), T::ColDeadline),
    ] {
        if empty {
            missing.push(label);
        }
    }
    missing
}

/// Facilitation prompts suited to the phase of the current item (E3).
pub fn prompts(phase: Phase) -> &'static [T] {
    match phase {
        Phase::Share => &[T::PromptAskView, T::PromptPark],
        Phase::Discuss => &[T::PromptInviteDissent, T::PromptAskView, T::PromptPark],
        Phase::Decide => &[T::PromptConclude, T::PromptOwner, T::PromptInviteDissent],
        Phase::Break => &[T::PromptBreak],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_owner_picked_from_the_participants_brings_their_department() {
        let people = [Participant {
            name: "李工".into(),
            department: " 研发部 ".into(),
            ..Participant::default()
        }];
        let mut action = ActionItem::default();
        set_action_owner(&mut action, &people, "李工".into());
        assert_eq!(
            (action.owner.as_str(), action.department.as_str()),
            ("李工", "研发部")
        );
        // A department already typed stays; a free-text owner fills nothing.
        action.department = "质量部".into();
        set_action_owner(&mut action, &people, "李工".into());
        assert_eq!(action.department, "质量部");
        let mut free = ActionItem::default();
        set_action_owner(&mut free, &people, "外部顾问".into());
        assert_eq!(
            (free.owner.as_str(), free.department.as_str()),
            ("外部顾问", "")
        );
        // Another participant picked later brings theirs in place of the first one's, also
        // when the name is typed letter by letter through names that are nobody's.
        let team = [
            people[0].clone(),
            Participant {
                name: "王总".into(),
                department: "运营部".into(),
                ..Participant::default()
            },
        ];
        let mut changed = ActionItem::default();
        for typed in ["李工", "王", "王总"] {
            set_action_owner(&mut changed, &team, typed.into());
        }
        assert_eq!(changed.department, "运营部");
    }
    use crate::core::domain::model::AgendaItem;
    use chrono::{Duration, NaiveDate, TimeZone};

    fn t(minute: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap() + Duration::minutes(minute)
    }

    fn meeting() -> Meeting {
        Meeting {
            id: "m".into(),
            agenda: ["a", "b"]
                .iter()
                .map(|id| AgendaItem {
                    id: (*id).into(),
                    minutes: 10,
                    ..AgendaItem::default()
                })
                .collect(),
            ..Meeting::default()
        }
    }

    #[test]
    fn a_meeting_runs_from_start_through_items_to_the_end() {
        let mut m = meeting();
        assert!(
            !next_item(&mut m, t(0)),
            "nothing to advance before the start"
        );
        toggle_pause(&mut m, t(0));
        assert_eq!(state(&m, t(1)), RunState::Running);
        assert_eq!(current_item(&m, t(1)).as_deref(), Some("a"));
        toggle_pause(&mut m, t(2));
        assert_eq!(state(&m, t(3)), RunState::Paused);
        toggle_pause(&mut m, t(4));
        assert!(next_item(&mut m, t(8)));
        assert_eq!(current_item(&m, t(9)).as_deref(), Some("b"));
        assert!(!next_item(&mut m, t(12)), "the last item has no next");
        end(&mut m, t(20));
        assert_eq!(state(&m, t(30)), RunState::Ended);
        let events = m.run_log.len();
        start(&mut m, t(31));
        toggle_pause(&mut m, t(31));
        assert_eq!(m.run_log.len(), events, "an ended meeting stays ended");
    }

    #[test]
    fn captures_are_tied_to_the_current_item() {
        let mut m = meeting();
        start(&mut m, t(0));
        park(&mut m, t(1), "p1".into(), "  预算问题会后单独沟通 ");
        decide(&mut m, t(2), "d1".into(), "同意按方案A推进");
        add_action(&mut m, t(3), "x1".into(), "完成技术方案初稿");
        assert_eq!(m.parking_lot[0].text, "预算问题会后单独沟通");
        assert_eq!(m.parking_lot[0].agenda_item_id.as_deref(), Some("a"));
        // Given an owner and a date, the point becomes an action in one step.
        m.participants.push(Participant {
            name: "李工".into(),
            department: "研发部".into(),
            ..Participant::default()
        });
        let point = &mut m.parking_lot[0];
        point.owner = "李工".into();
        point.deadline = chrono::NaiveDate::from_ymd_opt(2026, 12, 9);
        let id = point.id.clone();
        assert!(parked_to_action(&mut m, &id, "act".into()));
        assert!(m.parking_lot.is_empty());
        let action = m.actions.last().unwrap();
        assert_eq!(
            (
                action.id.as_str(),
                action.task.as_str(),
                action.owner.as_str(),
                action.department.as_str()
            ),
            ("act", "预算问题会后单独沟通", "李工", "研发部")
        );
        assert_eq!(
            action.deadline,
            chrono::NaiveDate::from_ymd_opt(2026, 12, 9)
        );
        assert_eq!(action.agenda_item_id.as_deref(), Some("a"));
        assert!(!parked_to_action(&mut m, &id, "again".into()), "gone");
        assert_eq!(m.decisions[0].made_at, Some(t(2)));
        assert_eq!(m.actions[0].agenda_item_id.as_deref(), Some("a"));
    }

    #[test]
    fn incomplete_action_rows_say_what_is_missing() {
        let mut action = ActionItem {
            task: "初稿".into(),
            ..ActionItem::default()
        };
        assert_eq!(
            missing_action_fields(&action),
            [
                T::ColOwner,
                T::ColDepartment,
                T::ColAcceptance,
                T::ColDeadline
            ]
        );
        action.owner = "张工".into();
        action.department = "研发部".into();
        action.acceptance = "通过内部评审".into();
        action.deadline = NaiveDate::from_ymd_opt(2026, 12, 10);
        assert!(missing_action_fields(&action).is_empty());
    }

    #[test]
    fn every_phase_has_prompts() {
        for phase in Phase::ALL {
            assert!(!prompts(phase).is_empty());
        }
    }
}
