//! The leaving journal (D1): the meetings whose save had not reached IndexedDB when the page was
//! hidden or closed, written to localStorage at that moment because that write is synchronous.
//!
//! A browser may abort an IndexedDB transaction still running as the page goes away, so an edit
//! saved "at the last moment" can be lost. The journal is read at the next start: an entry is
//! replayed if the stored meeting is still at the revision it was edited from, dropped if its
//! save landed after all, and otherwise offered as a conflict — never written over another
//! tab's newer record, never silently lost.

use serde::{Deserialize, Serialize};

use crate::core::domain::model::Meeting;
use crate::core::storage::persist::{decode_meeting, encode_meeting, DecodeError};

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

/// The journal text for meetings paired with the stored revision each was edited from.
pub fn encode_journal(pending: &[(&Meeting, Option<u64>)]) -> String {
    let journal = StoredJournal {
        v: JOURNAL_VERSION,
        entries: pending
            .iter()
            .map(|(meeting, known)| StoredEntry {
                known: *known,
                record: encode_meeting(meeting),
            })
            .collect(),
    };
    serde_json::to_string(&journal).expect("a journal always serialises")
}

/// A journal as read back: the entries this build can read, and what it cannot, kept as text.
#[derive(Clone, Debug, PartialEq)]
pub struct ReadJournal {
    pub pending: Vec<Pending>,
    /// What must stay in localStorage for a later version (or a person) to recover: the whole
    /// journal if it cannot be read at all, else a journal of just the unreadable entries.
    pub unreadable: Option<(String, DecodeError)>,
}

/// Reads a journal without dropping anything: a damaged journal, one of another version, or an
/// entry written by a newer build is kept whole and reported, never deleted unread.
pub fn read_journal(text: &str) -> ReadJournal {
    let kept_whole = |error| ReadJournal {
        pending: Vec::new(),
        unreadable: Some((text.to_owned(), error)),
    };
    let journal = match serde_json::from_str::<StoredJournal>(text) {
        Ok(journal) => journal,
        Err(error) => return kept_whole(DecodeError::BadShape(error.to_string())),
    };
    if journal.v > JOURNAL_VERSION {
        return kept_whole(DecodeError::NewerSchema(u64::from(journal.v)));
    }
    if journal.v != JOURNAL_VERSION {
        return kept_whole(DecodeError::BadShape(format!("journal v{}", journal.v)));
    }
    let mut pending = Vec::new();
    let mut unreadable = Vec::new();
    let mut first_error = None;
    for entry in journal.entries {
        match decode_meeting(&entry.record) {
            Ok(meeting) => pending.push(Pending {
                known: entry.known,
                meeting,
            }),
            Err(error) => {
                first_error.get_or_insert(error);
                unreadable.push(entry);
            }
        }
    }
    let unreadable = first_error.map(|error| {
        let rest = StoredJournal {
            v: JOURNAL_VERSION,
            entries: unreadable,
        };
        let text = serde_json::to_string(&rest).expect("a journal always serialises");
        (text, error)
    });
    ReadJournal {
        pending,
        unreadable,
    }
}

/// What to do with one journaled meeting at the next start.
#[derive(Clone, Debug, PartialEq)]
pub enum Recovery {
    /// The store still holds the revision it was edited from: the save was lost; write it.
    Replay(Meeting),
    /// The store moved on without these edits (another tab saved, or deleted the meeting):
    /// the user chooses, as with any conflict; `theirs` is `None` if the meeting is gone.
    Conflict {
        mine: Meeting,
        theirs: Option<Box<Meeting>>,
    },
}

/// Sorts journaled meetings against what is stored now (`stored` gives the stored meeting by
/// id). Edits whose save landed after all are dropped; nothing else is. When several journals
/// name one meeting, the one edited last counts.
pub fn recover<'a>(
    pending: Vec<Pending>,
    stored: impl Fn(&str) -> Option<&'a Meeting>,
) -> Vec<Recovery> {
    let mut latest: Vec<Pending> = Vec::new();
    for entry in pending {
        match latest.iter_mut().find(|m| m.meeting.id == entry.meeting.id) {
            Some(earlier) if earlier.meeting.updated_at >= entry.meeting.updated_at => {}
            Some(earlier) => *earlier = entry,
            None => latest.push(entry),
        }
    }
    latest
        .into_iter()
        .filter_map(|Pending { known, meeting }| {
            let now_stored = stored(&meeting.id);
            if now_stored.map(|m| m.revision) == known {
                return Some(Recovery::Replay(meeting));
            }
            match now_stored {
                Some(theirs) if same_content(theirs, &meeting) => None,
                theirs => Some(Recovery::Conflict {
                    mine: meeting,
                    theirs: theirs.cloned().map(Box::new),
                }),
            }
        })
        .collect()
}

/// Equal but for the revision, which only the save itself sets.
fn same_content(stored: &Meeting, journaled: &Meeting) -> bool {
    let mut journaled = journaled.clone();
    journaled.revision = stored.revision;
    *stored == journaled
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
        let text = encode_journal(&[(&a, Some(4)), (&b, None)]);
        let read = read_journal(&text);
        assert_eq!(read.unreadable, None);
        assert_eq!(
            read.pending,
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
    fn damaged_or_foreign_journals_are_kept_whole_and_reported() {
        // The text, and the newer journal version it names (else it is just damaged).
        let cases = [
            ("", None),
            ("not json", None),
            ("{}", None),
            (r#"{"v":2,"entries":[]}"#, Some(2)),
            (r#"{"v":0,"entries":[]}"#, None),
        ];
        for (text, newer) in cases {
            let read = read_journal(text);
            assert!(read.pending.is_empty(), "{text}");
            let (kept, error) = read.unreadable.expect("reported");
            assert_eq!(kept, text, "kept exactly as it was");
            match newer {
                Some(version) => assert_eq!(error, DecodeError::NewerSchema(version)),
                None => assert!(
                    matches!(error, DecodeError::BadShape(_)),
                    "{text}: {error:?}"
                ),
            }
        }
    }

    #[test]
    fn a_newer_builds_entry_is_kept_and_the_others_are_read() {
        let newer = r#"{"known":3,"record":"{\"schema\":99,\"meeting\":{}}"}"#;
        let good = encode_journal(&[(&meeting("a", "ok", 1), None)]);
        let mixed = good.replace(r#""entries":["#, &format!(r#""entries":[{newer},"#));
        let read = read_journal(&mixed);
        assert_eq!(read.pending.len(), 1);
        assert_eq!(read.pending[0].meeting.title, "ok");
        let (kept, error) = read.unreadable.expect("the newer entry is kept");
        assert_eq!(error, DecodeError::NewerSchema(99));
        assert_eq!(kept, format!(r#"{{"v":1,"entries":[{newer}]}}"#));
        let again = read_journal(&kept);
        assert!(again.pending.is_empty());
        assert_eq!(again.unreadable.map(|(text, _)| text), Some(kept));
    }

    /// A journal is replayed exactly when a save of the same meeting would be written without
    /// asking: the two paths share one rule, including "known here, gone from storage".
    #[test]
    fn a_journal_is_replayed_exactly_when_a_save_would_be_written() {
        use crate::core::storage::persist::next_revision;
        for (stored, known) in [
            (None, None),
            (None, Some(3)),
            (Some(3), Some(3)),
            (Some(4), Some(3)),
        ] {
            let journaled = meeting("m", "edited here", 30);
            let on_disk = stored.map(|revision| Meeting {
                revision,
                ..meeting("m", "stored", 10)
            });
            let recovered = recover(
                vec![Pending {
                    known,
                    meeting: journaled,
                }],
                |_| on_disk.as_ref(),
            );
            let replayed = matches!(recovered.as_slice(), [Recovery::Replay(_)]);
            assert_eq!(
                replayed,
                next_revision(stored, known).is_ok(),
                "stored {stored:?}, known {known:?}"
            );
        }
    }

    #[test]
    fn replays_lost_saves_drops_landed_ones_and_never_drops_other_edits() {
        let stored_meeting = |id: &str, title: &str, revision: u64| Meeting {
            revision,
            ..meeting(id, title, 1)
        };
        let stored = [
            stored_meeting("lost", "old text", 3),
            // The save landed: same content, one revision on.
            stored_meeting("landed", "new text", 4),
            // Another tab saved something else since.
            stored_meeting("theirs", "their text", 4),
            // Someone else's record under the id of a meeting this tab never stored.
            stored_meeting("taken", "their text", 1),
            // The first save of a new meeting landed.
            stored_meeting("first", "first", 1),
        ];
        let pending = vec![
            Pending {
                known: Some(3),
                meeting: meeting("lost", "new text", 1),
            },
            Pending {
                known: Some(3),
                meeting: meeting("landed", "new text", 1),
            },
            Pending {
                known: Some(3),
                meeting: meeting("theirs", "my text", 1),
            },
            Pending {
                known: None,
                meeting: meeting("new", "never stored", 1),
            },
            Pending {
                known: None,
                meeting: meeting("taken", "my text", 1),
            },
            Pending {
                known: None,
                meeting: meeting("first", "first", 1),
            },
            Pending {
                known: Some(2),
                meeting: meeting("deleted", "my text", 1),
            },
        ];
        let found = |id: &str| stored.iter().find(|m| m.id == id);
        let outcome: Vec<(String, &str)> = recover(pending, found)
            .into_iter()
            .map(|recovery| match recovery {
                Recovery::Replay(m) => (m.id, "replay"),
                Recovery::Conflict {
                    mine,
                    theirs: Some(_),
                } => (mine.id, "conflict"),
                Recovery::Conflict { mine, theirs: None } => (mine.id, "gone"),
            })
            .collect();
        assert_eq!(
            outcome,
            [
                ("lost".to_owned(), "replay"),
                ("theirs".to_owned(), "conflict"),
                ("new".to_owned(), "replay"),
                ("taken".to_owned(), "conflict"),
                ("deleted".to_owned(), "gone"),
            ]
        );
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
        let stored = Meeting {
            revision: 1,
            ..meeting("a", "stored", 0)
        };
        let recovered = recover(pending, |_| Some(&stored));
        assert!(matches!(&recovered[..], [Recovery::Replay(m)] if m.title == "later"));
    }
}
