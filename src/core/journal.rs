//! The leaving journal (D1): the meetings whose save had not reached IndexedDB when the page was
//! hidden or closed, written to localStorage at that moment because that write is synchronous.
//!
//! A browser may abort an IndexedDB transaction still running as the page goes away, so an edit
//! saved "at the last moment" can be lost. The journal is read at the next start: an entry is
//! replayed only if the stored meeting is still at the revision the entry was edited from — if
//! the save landed after all (or another tab saved since), the stored record is left alone.

use serde::{Deserialize, Serialize};

use super::model::Meeting;
use super::persist::{decode_meeting, encode_meeting};

const JOURNAL_VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct StoredJournal {
    v: u32,
    entries: Vec<StoredEntry>,
}

#[derive(Serialize, Deserialize)]
struct StoredEntry {
    /// The stored revision the edits were made on; `None` for a meeting never stored.
    known: Option<u64>,
    /// The meeting as a stored record (`persist::encode_meeting`), so old journals migrate.
    record: String,
}

/// One meeting whose save had not finished, with the stored revision it was edited from.
#[derive(Clone, Debug, PartialEq)]
pub struct Pending {
    pub known: Option<u64>,
    pub meeting: Meeting,
}

pub fn encode_journal(pending: &[(Option<u64>, &Meeting)]) -> String {
    let journal = StoredJournal {
        v: JOURNAL_VERSION,
        entries: pending
            .iter()
            .map(|(known, meeting)| StoredEntry {
                known: *known,
                record: encode_meeting(meeting),
            })
            .collect(),
    };
    serde_json::to_string(&journal).expect("a journal always serialises")
}

/// The readable entries of a journal. A damaged journal or entry yields nothing: it is a second
/// copy of edits, never the only one of data already stored.
pub fn decode_journal(text: &str) -> Vec<Pending> {
    let Ok(journal) = serde_json::from_str::<StoredJournal>(text) else {
        return Vec::new();
    };
    if journal.v != JOURNAL_VERSION {
        return Vec::new();
    }
    journal
        .entries
        .into_iter()
        .filter_map(|entry| {
            decode_meeting(&entry.record).ok().map(|meeting| Pending {
                known: entry.known,
                meeting,
            })
        })
        .collect()
}

/// The journaled meetings whose save never landed: the store still holds the revision they were
/// edited from (`stored_revision` gives `None` for a meeting not stored at all). When several
/// journals name one meeting, the one edited last wins.
pub fn to_replay(
    pending: Vec<Pending>,
    stored_revision: impl Fn(&str) -> Option<u64>,
) -> Vec<Meeting> {
    let mut replay: Vec<Meeting> = Vec::new();
    for entry in pending {
        if stored_revision(&entry.meeting.id) != entry.known {
            continue;
        }
        match replay.iter_mut().find(|m| m.id == entry.meeting.id) {
            Some(earlier) if earlier.updated_at >= entry.meeting.updated_at => {}
            Some(earlier) => *earlier = entry.meeting,
            None => replay.push(entry.meeting),
        }
    }
    replay
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn meeting(id: &str, title: &str, minute: u32) -> Meeting {
        Meeting {
            id: id.into(),
            title: title.into(),
            updated_at: Some(Utc.with_ymd_and_hms(2026, 11, 25, 9, minute, 0).unwrap()),
            ..Meeting::default()
        }
    }

    #[test]
    fn a_journal_reads_back_what_was_written() {
        let (a, b) = (meeting("a", "周会", 1), meeting("b", "Launch \"Q3\"", 2));
        let text = encode_journal(&[(Some(4), &a), (None, &b)]);
        let pending = decode_journal(&text);
        assert_eq!(
            pending,
            vec![
                Pending {
                    known: Some(4),
                    meeting: a
                },
                Pending {
                    known: None,
                    meeting: b
                },
            ]
        );
    }

    #[test]
    fn damaged_or_foreign_journals_yield_nothing() {
        for text in [
            "",
            "not json",
            "{}",
            r#"{"v":2,"entries":[]}"#,
            r#"{"v":1,"entries":[{"known":1}]}"#,
        ] {
            assert!(decode_journal(text).is_empty(), "{text}");
        }
        // One unreadable entry does not hide the others.
        let good = encode_journal(&[(None, &meeting("a", "ok", 1))]);
        let mixed = good.replace(
            r#""entries":["#,
            r#""entries":[{"known":null,"record":"{\"schema\":99,\"meeting\":{}}"},"#,
        );
        assert_eq!(decode_journal(&mixed).len(), 1);
    }

    #[test]
    fn replays_only_edits_whose_save_never_landed() {
        let pending = vec![
            // Stored at 3, edited from 3: the save was lost.
            Pending {
                known: Some(3),
                meeting: meeting("lost", "new text", 1),
            },
            // Stored at 4, edited from 3: the save landed (or another tab saved since).
            Pending {
                known: Some(3),
                meeting: meeting("landed", "new text", 1),
            },
            // Never stored, still absent: a new meeting whose first save was lost.
            Pending {
                known: None,
                meeting: meeting("new", "first", 1),
            },
            // Never stored by this tab, but present now: someone else's record.
            Pending {
                known: None,
                meeting: meeting("taken", "mine", 1),
            },
            // Stored once, gone now: deleted since; a journal does not resurrect it.
            Pending {
                known: Some(2),
                meeting: meeting("deleted", "old", 1),
            },
        ];
        let stored = |id: &str| match id {
            "lost" => Some(3),
            "landed" => Some(4),
            "taken" => Some(1),
            _ => None,
        };
        let ids: Vec<String> = to_replay(pending, stored)
            .into_iter()
            .map(|m| m.id)
            .collect();
        assert_eq!(ids, ["lost", "new"]);
    }

    #[test]
    fn the_latest_edit_wins_across_journals() {
        let pending = vec![
            Pending {
                known: Some(1),
                meeting: meeting("a", "later", 5),
            },
            Pending {
                known: Some(1),
                meeting: meeting("a", "earlier", 2),
            },
        ];
        let replay = to_replay(pending, |_| Some(1));
        assert_eq!(replay.len(), 1);
        assert_eq!(replay[0].title, "later");
    }
}
