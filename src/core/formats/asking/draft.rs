//! What a person is typing on the answer page (A1), kept on their device until sent (through a
//! reload or going offline), and the reply it becomes.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::core::domain::asks::AskKind;
use crate::core::domain::i18n::T;
use crate::core::formats::asking::{
    ActionAnswer, Answer, AskLink, AttendanceAnswer, FeedbackAnswer, Reply, LINK_VERSION,
};

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Draft {
    /// Who is answering: the ask's only person, or the one picked from a group link.
    pub person: String,
    pub attendance: AttendanceAnswer,
    pub actions: Vec<ActionAnswer>,
    pub feedback: FeedbackAnswer,
}

impl Draft {
    /// A fresh draft for `person`, starting from what the ask shows them.
    pub fn new(link: &AskLink, person: &str) -> Draft {
        let asked = link
            .people
            .iter()
            .find(|p| p.id == person)
            .map(|p| p.status)
            .unwrap_or_default();
        Draft {
            person: person.to_owned(),
            attendance: AttendanceAnswer {
                coming: true,
                asked,
                ..AttendanceAnswer::default()
            },
            actions: link
                .actions_of(person)
                .map(|action| ActionAnswer {
                    id: action.id.clone(),
                    status: action.status,
                    asked_status: action.status,
                    asked_deadline: action.deadline,
                    ..ActionAnswer::default()
                })
                .collect(),
            feedback: FeedbackAnswer::default(),
        }
    }

    /// A stored draft, if it is for this ask's people; else a fresh one for the only person.
    pub fn restore(link: &AskLink, stored: Option<Draft>) -> Option<Draft> {
        match stored {
            Some(draft) if link.people.iter().any(|p| p.id == draft.person) => Some(draft),
            _ => match link.people.as_slice() {
                [only] => Some(Draft::new(link, &only.id)),
                _ => None,
            },
        }
    }

    /// The answer for one action, found by id.
    pub fn action_mut(&mut self, id: &str) -> Option<&mut ActionAnswer> {
        self.actions.iter_mut().find(|action| action.id == id)
    }

    /// Whether the reply may be made: leave needs a reason and a substitute (R7), a new date a
    /// reason (F3). The first thing missing, if any.
    pub fn missing(&self, kind: AskKind, today: NaiveDate, link: &AskLink) -> Option<Missing> {
        match kind {
            AskKind::Attendance if !self.attendance.coming => {
                if self.attendance.reason.trim().is_empty() {
                    Some(Missing::Reason)
                } else if self.attendance.substitute.trim().is_empty() {
                    Some(Missing::Substitute)
                } else {
                    None
                }
            }
            AskKind::Actions => self.actions.iter().find_map(|answer| {
                let late = link
                    .actions
                    .iter()
                    .find(|a| a.id == answer.id)
                    .and_then(|a| a.deadline)
                    .is_some_and(|deadline| deadline < today);
                let open = !answer.status.is_closed();
                if late && open && answer.new_deadline.is_none() {
                    Some(Missing::NewDate)
                } else if answer.new_deadline.is_some() && answer.why.trim().is_empty() {
                    Some(Missing::Why)
                } else {
                    None
                }
            }),
            _ => None,
        }
    }

    /// The reply this draft makes, written `now`.
    pub fn reply(&self, link: &AskLink, now: DateTime<Utc>) -> Reply {
        let answer = match link.kind {
            AskKind::Attendance => Answer::Attendance(self.attendance.clone()),
            AskKind::Actions => Answer::Actions(self.actions.clone()),
            AskKind::Feedback => Answer::Feedback(self.feedback.clone()),
        };
        Reply {
            version: LINK_VERSION,
            ask: link.ask.clone(),
            meeting: link.meeting.clone(),
            from: self.person.clone(),
            written_at: now,
            answer,
        }
    }
}

/// What a reply still needs before it can be sent.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Missing {
    Reason,
    Substitute,
    NewDate,
    Why,
}

impl Missing {
    pub fn message(self) -> T {
        match self {
            Missing::Reason => T::AnswerMissingReason,
            Missing::Substitute => T::AnswerMissingSubstitute,
            Missing::NewDate => T::AnswerMissingNewDate,
            Missing::Why => T::AnswerMissingWhy,
        }
    }
}
