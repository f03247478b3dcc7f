//! What the organiser asked of whom, kept on the meeting (A1): each ask holds the secret its
//! replies are signed with and the replies already taken, so a reply is checked against the ask
//! that caused it and the same or an older reply never changes anything twice.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::domain::choice::choice;
use crate::core::domain::i18n::T;

/// One kind of question, one short screen on the answer page.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AskKind {
    /// Before the meeting: attending or leave with a substitute (R7), pre-reads read (R5), the
    /// department's risk points the notice asked for (R6).
    #[default]
    Attendance,
    /// An owner's open actions: status, a progress note, a new date when late (F3).
    Actions,
    /// The review's questions after the meeting (F5).
    Feedback,
    /// The minutes' draft confirmed, or a correction, within 24 hours (F1).
    Minutes,
}

choice!(AskKind {
    Attendance,
    Actions,
    Feedback,
    Minutes
});

impl AskKind {
    pub const ALL: [AskKind; 4] = [
        AskKind::Attendance,
        AskKind::Actions,
        AskKind::Feedback,
        AskKind::Minutes,
    ];

    pub fn label(self) -> T {
        match self {
            AskKind::Attendance => T::AskKindAttendance,
            AskKind::Actions => T::AskKindActions,
            AskKind::Feedback => T::AskKindFeedback,
            AskKind::Minutes => T::AskKindMinutes,
        }
    }
}

/// A reply already taken from one person, by the time it was written on their phone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Taken {
    pub from: String,
    #[serde(with = "crate::core::domain::time_serde::opt_utc")]
    pub written_at: Option<DateTime<Utc>>,
}

/// One ask as the organiser's copy remembers it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AskRecord {
    pub id: String,
    pub kind: AskKind,
    /// Whom it asks: participant ids, or owners' names for actions. More than one for a group
    /// link, where each person picks their own name.
    pub to: Vec<String>,
    /// 16 random bytes in base64url: the key of the replies' HMAC. Only the link carries it out.
    pub secret: String,
    #[serde(with = "crate::core::domain::time_serde::opt_utc")]
    pub made_at: Option<DateTime<Utc>>,
    pub taken: Vec<Taken>,
}

impl AskRecord {
    /// When the latest reply taken from `person` was written.
    pub fn taken_from(&self, person: &str) -> Option<DateTime<Utc>> {
        self.taken
            .iter()
            .filter(|taken| taken.from == person)
            .filter_map(|taken| taken.written_at)
            .max()
    }

    /// This record with `person`'s reply written at `at` remembered as taken.
    pub fn with_taken(&self, person: &str, at: DateTime<Utc>) -> AskRecord {
        let mut record = self.clone();
        record.taken.retain(|taken| taken.from != person);
        record.taken.push(Taken {
            from: person.to_owned(),
            written_at: Some(at),
        });
        record
    }

    /// Whether `person` has answered this ask yet.
    pub fn has_answered(&self, person: &str) -> bool {
        self.taken.iter().any(|taken| taken.from == person)
    }
}
