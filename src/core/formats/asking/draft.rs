//! What a person is typing on the answer page (A1), kept on their device until sent (through a
//! reload or going offline), and the reply it becomes.

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::domain::asks::AskKind;
use crate::core::domain::bounds::RATING;
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::T;
use crate::core::domain::model::ActionStatus;
use crate::core::domain::time::parse_date;
use crate::core::formats::asking::{
    ActionAnswer, Answer, AskLink, AttendanceAnswer, FeedbackAnswer, MinutesAnswer, Reply,
    LINK_VERSION,
};

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// Who is answering: the ask's only person, or the one picked from a group link.
    pub person: String,
    pub attendance: AttendanceAnswer,
    pub actions: Vec<ActionAnswer>,
    pub feedback: FeedbackAnswer,
    pub minutes: MinutesAnswer,
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
            minutes: MinutesAnswer {
                confirmed: true,
                ..MinutesAnswer::default()
            },
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

    /// Writes one input of the answer page (`core/view/answer_html.rs` names each in `data-f`,
    /// an action's place in `data-i`). Returns whether the form must be drawn again because a
    /// field appears or goes (leave's reason and substitute).
    pub fn set(&mut self, field: &str, index: Option<usize>, value: &str, checked: bool) -> bool {
        let text = || value.to_owned();
        match field {
            "coming" => {
                let coming = value == "1";
                let redraw = self.attendance.coming != coming;
                self.attendance.coming = coming;
                return redraw;
            }
            "reason" => self.attendance.reason = text(),
            "substitute" => self.attendance.substitute = text(),
            "read" => self.attendance.read = checked,
            "risks" => self.attendance.risks = text(),
            "time" => self.feedback.time_right = Some(value == "1"),
            "materials" => self.feedback.materials_enough = Some(value == "1"),
            "rating" => {
                self.feedback.rating = value.parse().ok().filter(|r| RATING.contains(r));
            }
            "comment" => self.feedback.comment = text(),
            "confirmed" => {
                let confirmed = value == "1";
                let redraw = self.minutes.confirmed != confirmed;
                self.minutes.confirmed = confirmed;
                return redraw;
            }
            "correction" => self.minutes.correction = text(),
            _ => {
                let Some(answer) = index.and_then(|i| self.actions.get_mut(i)) else {
                    return false;
                };
                match field {
                    "status" => {
                        if let Some(status) = ActionStatus::from_key(value) {
                            answer.status = status;
                        }
                    }
                    "note" => answer.note = text(),
                    "date" => answer.new_deadline = parse_date(value),
                    "why" => answer.why = text(),
                    _ => {}
                }
            }
        }
        false
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
            AskKind::Minutes
                if !self.minutes.confirmed && self.minutes.correction.trim().is_empty() =>
            {
                Some(Missing::Correction)
            }
            _ => None,
        }
    }

    /// The reply this draft makes, written `now`.
    pub fn reply(&self, link: &AskLink, now: DateTime<Utc>) -> Reply {
        let answer = match link.kind {
            AskKind::Attendance => Answer::Attendance(self.attendance.clone()),
            AskKind::Actions => Answer::Actions(self.actions.clone()),
            AskKind::Feedback => Answer::Feedback(self.feedback.clone()),
            AskKind::Minutes => Answer::Minutes(self.minutes.clone()),
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
    Correction,
}

impl Missing {
    pub fn message(self) -> T {
        match self {
            Missing::Reason => T::AnswerMissingReason,
            Missing::Substitute => T::AnswerMissingSubstitute,
            Missing::NewDate => T::AnswerMissingNewDate,
            Missing::Why => T::AnswerMissingWhy,
            Missing::Correction => T::AnswerMissingCorrection,
        }
    }
}
