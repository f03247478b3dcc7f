//! What the meeting list shows of a meeting, stored beside each meeting record so the list can
//! be drawn before every meeting has been read and decoded (issue 6: a year of meetings is
//! megabytes of JSON; their summaries are a few kilobytes per hundred).
//!
//! A summary is a cache, never the data: one that is missing, of another format version or
//! unreadable is simply rebuilt from the meeting.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::domain::model::{Meeting, MeetingType, Situation};
use crate::core::domain::order;

/// Bumped whenever the fields change; stored summaries of another version are rebuilt.
pub const SUMMARY_VERSION: u32 = 1;

#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct MeetingSummary {
    pub id: String,
    pub revision: u64,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub updated_at: Option<DateTime<Utc>>,
    pub title: String,
    /// Searched with the title; see [`MeetingSummary::matches`].
    pub objective: String,
    pub situation: Situation,
    pub kind: MeetingType,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub starts_at: Option<DateTime<Utc>>,
    pub duration_minutes: u32,
    pub participants: usize,
    pub agenda_items: usize,
    pub open_actions: usize,
    pub is_template: bool,
}

impl From<&Meeting> for MeetingSummary {
    fn from(meeting: &Meeting) -> Self {
        MeetingSummary {
            id: meeting.id.clone(),
            revision: meeting.revision,
            updated_at: meeting.updated_at,
            title: meeting.title.clone(),
            objective: meeting.objective.clone(),
            situation: meeting.situation,
            kind: meeting.kind,
            starts_at: meeting.schedule.starts_at,
            duration_minutes: meeting.schedule.duration_minutes,
            participants: meeting.participants.len(),
            agenda_items: meeting.agenda.len(),
            open_actions: meeting.open_action_count(),
            is_template: meeting.is_template,
        }
    }
}

impl MeetingSummary {
    /// Whether the title or objective contains `query`, already trimmed and ASCII-lowercased by
    /// the caller. ASCII folding suffices for Chinese and English titles and keeps the Unicode
    /// case tables out of the bundle.
    pub fn matches(&self, query: &str) -> bool {
        query.is_empty()
            || self.title.to_ascii_lowercase().contains(query)
            || self.objective.to_ascii_lowercase().contains(query)
    }
}

#[derive(Serialize)]
struct StoredOut<'a> {
    v: u32,
    summary: &'a MeetingSummary,
}

#[derive(Deserialize)]
struct StoredIn {
    v: u32,
    summary: MeetingSummary,
}

/// The text stored for one summary.
pub fn encode_summary(summary: &MeetingSummary) -> String {
    serde_json::to_string(&StoredOut {
        v: SUMMARY_VERSION,
        summary,
    })
    .expect("a summary always serialises")
}

/// A stored summary, or `None` when it must be rebuilt from its meeting.
pub fn decode_summary(text: &str) -> Option<MeetingSummary> {
    serde_json::from_str::<StoredIn>(text)
        .ok()
        .filter(|stored| stored.v == SUMMARY_VERSION)
        .map(|stored| stored.summary)
}

/// Newest edit first, as the list shows them.
pub fn sort_newest_first(summaries: &mut [MeetingSummary]) {
    order::sort_by_key(summaries, |summary| std::cmp::Reverse(summary.updated_at));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{ActionItem, ActionStatus, AgendaItem, Participant};

    fn meeting() -> Meeting {
        let now = DateTime::parse_from_rfc3339("2026-11-25T09:00:00Z")
            .unwrap()
            .with_timezone(&Utc);
        let mut meeting = Meeting::blank("m1".into(), now);
        meeting.title = "Launch 排期评审".into();
        meeting.objective = "确定上线日期".into();
        meeting.revision = 7;
        meeting.schedule.starts_at = Some(now);
        meeting.participants = vec![Participant::default(), Participant::default()];
        meeting.agenda = vec![AgendaItem::default(); 3];
        meeting.actions = vec![
            ActionItem::default(),
            ActionItem {
                status: ActionStatus::Done,
                ..ActionItem::default()
            },
        ];
        meeting
    }

    #[test]
    fn summary_counts_what_the_card_shows() {
        let summary = MeetingSummary::from(&meeting());
        assert_eq!(summary.revision, 7);
        assert_eq!(summary.participants, 2);
        assert_eq!(summary.agenda_items, 3);
        assert_eq!(summary.open_actions, 1, "done actions are not open");
    }

    #[test]
    fn search_covers_title_and_objective_ignoring_ascii_case() {
        let summary = MeetingSummary::from(&meeting());
        for query in ["launch", "排期", "上线", ""] {
            assert!(summary.matches(query), "{query}");
        }
        assert!(!summary.matches("预算"));
    }

    #[test]
    fn stored_summary_round_trips_and_other_versions_are_rebuilt() {
        let summary = MeetingSummary::from(&meeting());
        let text = encode_summary(&summary);
        assert_eq!(decode_summary(&text), Some(summary));
        let other_version = text.replacen("\"v\":1", "\"v\":99", 1);
        assert_ne!(other_version, text);
        assert_eq!(decode_summary(&other_version), None);
        assert_eq!(decode_summary("not json"), None);
        assert_eq!(decode_summary(r#"{"v":1,"summary":{"id":"x"}}"#), None);
    }

    #[test]
    fn newest_edit_comes_first() {
        let older = MeetingSummary::from(&meeting());
        let mut newer = older.clone();
        newer.updated_at = older.updated_at.map(|at| at + chrono::Duration::hours(1));
        newer.id = "m2".into();
        let mut list = vec![older, newer];
        sort_newest_first(&mut list);
        assert_eq!(list[0].id, "m2");
    }
}
