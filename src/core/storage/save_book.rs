//! The save bookkeeping of one tab (D1), as a pure state machine: which meetings are edited but
//! not stored, which are on their way to the store, which wait for the user's choice in a
//! conflict, which deletions have not landed, and the last failure of each kind of write.
//!
//! `ui::saving` does the timers and I/O around it and asks it what to write next; every rule of
//! "is this stored yet?" lives here, so it is tested natively, transition by transition. The
//! error type is a parameter because failures come from the browser's storage (`store`).

use std::collections::{BTreeSet, HashMap};

use crate::core::domain::model::Meeting;
use crate::core::storage::persist::DecodeError;

/// What kind of write failed: each keeps its own failure, so a success of one kind never hides a
/// failure of another (a deleted meeting does not make an unsaved edit look saved).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(usize)]
pub enum Source {
    /// Opening or upgrading the database.
    Database,
    /// Writing edited meetings.
    Meetings,
    /// Removing deleted meetings.
    Deletes,
    /// The preferences (language, turn length, stand-up clock).
    Preferences,
    /// The leaving journal, written as the page is hidden.
    Journal,
}

impl Source {
    const ALL: [Source; 5] = [
        Source::Database,
        Source::Meetings,
        Source::Deletes,
        Source::Preferences,
        Source::Journal,
    ];

    /// A stable name, for the page (`data-source`) and tests.
    pub fn name(self) -> &'static str {
        match self {
            Source::Database => "Database",
            Source::Meetings => "Meetings",
            Source::Deletes => "Deletes",
            Source::Preferences => "Preferences",
            Source::Journal => "Journal",
        }
    }
}

/// What a landed write did with one meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Landed {
    /// Stored under this revision.
    Written { id: String, revision: u64 },
    /// Not stored: another tab changed the record since this one read it.
    Conflict { id: String },
}

/// The stored side of a conflict, as the user is shown it.
#[derive(Clone, Debug, PartialEq)]
pub enum StoredVersion {
    /// The meeting was deleted elsewhere.
    Gone,
    Readable(Box<Meeting>),
    /// Written by a newer build, or damaged: it cannot be shown here, and it is never written
    /// over unless the user, told so, chooses to.
    Unreadable {
        revision: Option<u64>,
        error: DecodeError,
    },
}

impl StoredVersion {
    /// The stored revision, if it can be told: keeping this tab's version writes over it.
    pub fn revision(&self) -> Option<u64> {
        match self {
            StoredVersion::Gone => None,
            StoredVersion::Readable(meeting) => Some(meeting.revision),
            StoredVersion::Unreadable { revision, .. } => *revision,
        }
    }
}

/// One tab's saving state. See the module documentation.
#[derive(Clone, Debug)]
pub struct SaveBook<E> {
    /// Edited in memory since the last write of it was taken.
    unsaved: BTreeSet<String>,
    /// Taken into a write that has not landed yet.
    in_flight: BTreeSet<String>,
    /// Held back until the user chooses between this tab's version and the stored one.
    conflicted: BTreeSet<String>,
    /// Meetings whose last write failed: named by the banner until a write of them lands.
    failed: BTreeSet<String>,
    /// Deleted in memory; the removal from the store has not landed.
    deletes: BTreeSet<String>,
    /// Deletions whose removal failed and is not being tried again yet.
    failed_deletes: BTreeSet<String>,
    /// Written as a whole from a file the user still has (a restore, an imported tracker):
    /// not journaled when the page goes, so a restore of hundreds of meetings never depends on
    /// fitting into localStorage. Until stored, the page says so and asks before closing.
    bulk: BTreeSet<String>,
    /// The stored revision of each meeting as this tab last read or wrote it.
    known: HashMap<String, u64>,
    /// The preferences changed and their last write failed.
    preferences_unsaved: bool,
    /// The last failure of each source, by `Source as usize` (an array: a map of five keys
    /// would add its own copy of the B-tree code to the bundle).
    errors: [Option<E>; Source::ALL.len()],
}

impl<E> Default for SaveBook<E> {
    fn default() -> Self {
        SaveBook {
            unsaved: BTreeSet::new(),
            in_flight: BTreeSet::new(),
            conflicted: BTreeSet::new(),
            failed: BTreeSet::new(),
            deletes: BTreeSet::new(),
            failed_deletes: BTreeSet::new(),
            bulk: BTreeSet::new(),
            known: HashMap::new(),
            preferences_unsaved: false,
            errors: [None, None, None, None, None],
        }
    }
}

impl<E: Clone> SaveBook<E> {
    /// The store was read: these are the revisions this tab knows.
    pub fn loaded(&mut self, revisions: impl IntoIterator<Item = (String, u64)>) {
        self.known.extend(revisions);
    }

    /// A meeting was read from the store again (another tab saved it, or the user took theirs).
    pub fn read_from_store(&mut self, id: &str, revision: u64) {
        self.known.insert(id.to_owned(), revision);
    }

    pub fn known_revision(&self, id: &str) -> Option<u64> {
        self.known.get(id).copied()
    }

    /// A meeting changed in memory (an edit, a new meeting, a restore, an undo).
    pub fn edited(&mut self, id: &str) {
        self.bulk.remove(id);
        self.unsaved.insert(id.to_owned());
        self.deletes.remove(id);
        self.failed_deletes.remove(id);
        if self.deletes.is_empty() {
            self.errors[Source::Deletes as usize] = None;
        }
    }

    /// A meeting written as part of a whole file (see `bulk`).
    pub fn edited_in_bulk(&mut self, id: &str) {
        self.edited(id);
        self.bulk.insert(id.to_owned());
    }

    /// Meetings of a restore or import not stored yet.
    pub fn bulk_pending(&self) -> usize {
        self.bulk.len()
    }

    /// The next write: every unsaved meeting that is neither on its way already nor held for a
    /// conflict, now counted as in flight. A meeting edited while its write is on the way waits
    /// for that write to land, so the two never race and the later edit is written after it.
    pub fn take_batch(&mut self) -> Vec<String> {
        let batch: Vec<String> = self
            .unsaved
            .iter()
            .filter(|id| !self.in_flight.contains(*id) && !self.conflicted.contains(*id))
            .cloned()
            .collect();
        for id in &batch {
            self.unsaved.remove(id);
            self.in_flight.insert(id.clone());
        }
        batch
    }

    /// A write of `batch` landed with these outcomes. Returns whether there is more to write:
    /// edits made while it was on the way, or earlier failures to retry now that a write works.
    pub fn landed(&mut self, batch: &[String], outcomes: Vec<Landed>) -> bool {
        for id in batch {
            self.in_flight.remove(id);
            self.failed.remove(id);
        }
        for outcome in outcomes {
            match outcome {
                Landed::Written { id, revision } => {
                    if !self.unsaved.contains(&id) {
                        self.bulk.remove(&id);
                    }
                    self.known.insert(id, revision);
                }
                Landed::Conflict { id } => self.conflict_raised(&id),
            }
        }
        if self.failed.is_empty() {
            self.errors[Source::Meetings as usize] = None;
        }
        self.has_work()
    }

    /// A write of `batch` failed: those meetings are unsaved again and named by the banner.
    pub fn write_failed(&mut self, batch: &[String], error: E) {
        for id in batch {
            self.in_flight.remove(id);
            self.unsaved.insert(id.clone());
            self.failed.insert(id.clone());
        }
        self.errors[Source::Meetings as usize] = Some(error);
    }

    /// This tab's version of `id` met a different stored one: keep it unsaved, and out of every
    /// write, until the user chooses.
    pub fn conflict_raised(&mut self, id: &str) {
        self.conflicted.insert(id.to_owned());
        self.unsaved.insert(id.to_owned());
    }

    /// The user chose: `keep_mine` writes this tab's version over the stored one (whose revision,
    /// if it could be read, is now known); otherwise the stored one replaces this tab's edits.
    pub fn resolved(&mut self, id: &str, keep_mine: bool, stored_revision: Option<u64>) {
        self.conflicted.remove(id);
        match stored_revision {
            Some(revision) => {
                self.known.insert(id.to_owned(), revision);
            }
            // Deleted elsewhere and kept here: written as a new meeting.
            None => {
                self.known.remove(id);
            }
        }
        if keep_mine {
            self.unsaved.insert(id.to_owned());
        } else {
            self.unsaved.remove(id);
            self.failed.remove(id);
        }
    }

    pub fn is_conflicted(&self, id: &str) -> bool {
        self.conflicted.contains(id)
    }

    /// A meeting was deleted in memory: it is no longer to be written, but to be removed.
    pub fn deleted(&mut self, id: &str) {
        self.bulk.remove(id);
        self.unsaved.remove(id);
        self.failed.remove(id);
        self.conflicted.remove(id);
        self.deletes.insert(id.to_owned());
        // Deleted here: a later write of it is this tab's own undo, written as new. Any other
        // tab that still knows it is told it is gone (`persist::next_revision`).
        self.known.remove(id);
        if self.failed.is_empty() {
            self.errors[Source::Meetings as usize] = None;
        }
    }

    /// The removal of `id` landed.
    pub fn delete_landed(&mut self, id: &str) {
        self.deletes.remove(id);
        self.failed_deletes.remove(id);
        if self.deletes.is_empty() {
            self.errors[Source::Deletes as usize] = None;
        }
    }

    /// The removal of `id` failed; it stays pending and is retried with everything else.
    pub fn delete_failed(&mut self, id: &str, error: E) {
        if self.deletes.contains(id) {
            self.failed_deletes.insert(id.to_owned());
        }
        self.errors[Source::Deletes as usize] = Some(error);
    }

    /// Failed deletions to try again, now counted as on their way.
    pub fn take_failed_deletes(&mut self) -> Vec<String> {
        std::mem::take(&mut self.failed_deletes)
            .into_iter()
            .collect()
    }

    pub fn preferences_saved(&mut self) {
        self.preferences_unsaved = false;
        self.errors[Source::Preferences as usize] = None;
    }

    pub fn preferences_failed(&mut self, error: E) {
        self.preferences_unsaved = true;
        self.errors[Source::Preferences as usize] = Some(error);
    }

    pub fn preferences_unsaved(&self) -> bool {
        self.preferences_unsaved
    }

    pub fn journal_written(&mut self) {
        self.errors[Source::Journal as usize] = None;
    }

    pub fn journal_failed(&mut self, error: E) {
        self.errors[Source::Journal as usize] = Some(error);
    }

    /// The database could not be opened or was taken over; `None` once that is over.
    pub fn database(&mut self, error: Option<E>) {
        self.errors[Source::Database as usize] = error;
    }

    /// Meetings not in the store as they are in memory: edited, or on their way.
    pub fn pending(&self) -> BTreeSet<String> {
        self.unsaved.union(&self.in_flight).cloned().collect()
    }

    /// What the leaving journal must hold: every pending meeting but those of a bulk write,
    /// whose file the user still has.
    pub fn to_journal(&self) -> BTreeSet<String> {
        self.pending()
            .into_iter()
            .filter(|id| !self.bulk.contains(id))
            .collect()
    }

    /// Edited here and not yet stored, or on its way: another tab's version must not replace it.
    pub fn is_being_edited(&self, id: &str) -> bool {
        self.unsaved.contains(id) || self.in_flight.contains(id)
    }

    /// Nothing of this tab's waits to be stored.
    pub fn is_settled(&self) -> bool {
        self.unsaved.is_empty() && self.in_flight.is_empty()
    }

    /// Something failed and waits to be written again: a retry is due.
    pub fn needs_retry(&self) -> bool {
        !self.failed.is_empty() || !self.failed_deletes.is_empty() || self.preferences_unsaved
    }

    /// Meetings to write now that nothing is on the way: edits made meanwhile, earlier failures.
    fn has_work(&self) -> bool {
        self.unsaved
            .iter()
            .any(|id| !self.in_flight.contains(id) && !self.conflicted.contains(id))
    }

    /// The failures to show, one per source, with the meetings a failed write left unsaved.
    pub fn errors(&self) -> Vec<(Source, E, Vec<String>)> {
        Source::ALL
            .into_iter()
            .filter_map(|source| {
                let error = self.errors[source as usize].clone()?;
                let named = match source {
                    Source::Meetings => self.failed.iter().cloned().collect(),
                    Source::Deletes => self.deletes.iter().cloned().collect(),
                    _ => Vec::new(),
                };
                Some((source, error, named))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Book = SaveBook<&'static str>;

    fn ids(list: &[&str]) -> Vec<String> {
        list.iter().map(|id| id.to_string()).collect()
    }

    fn written(id: &str, revision: u64) -> Landed {
        Landed::Written {
            id: id.into(),
            revision,
        }
    }

    #[test]
    fn an_edit_is_written_once_and_then_settled() {
        let mut book = Book::default();
        book.loaded([("a".to_owned(), 3)]);
        book.edited("a");
        assert!(!book.is_settled());
        assert_eq!(book.take_batch(), ids(&["a"]));
        assert_eq!(book.take_batch(), ids(&[]), "nothing is taken twice");
        assert!(
            book.is_being_edited("a"),
            "in flight counts as being edited"
        );
        assert!(!book.landed(&ids(&["a"]), vec![written("a", 4)]));
        assert_eq!(book.known_revision("a"), Some(4));
        assert!(book.is_settled());
        assert!(book.errors().is_empty());
    }

    #[test]
    fn edits_during_a_write_wait_for_it_and_follow_it() {
        let mut book = Book::default();
        book.edited("a");
        let first = book.take_batch();
        book.edited("a");
        book.edited("b");
        assert_eq!(
            book.take_batch(),
            ids(&["b"]),
            "a waits for its write to land"
        );
        assert_eq!(book.pending(), ids(&["a", "b"]).into_iter().collect());
        assert!(
            book.landed(&first, vec![written("a", 1)]),
            "the later edit of a is still to write"
        );
        assert_eq!(book.take_batch(), ids(&["a"]));
    }

    #[test]
    fn a_failed_write_stays_named_until_a_write_of_it_lands() {
        let mut book = Book::default();
        book.edited("a");
        let batch = book.take_batch();
        book.write_failed(&batch, "quota");
        assert_eq!(
            book.errors(),
            vec![(Source::Meetings, "quota", ids(&["a"]))]
        );
        assert!(book.needs_retry());
        assert!(!book.is_settled());

        // Another edit goes with the retry, which fails too; a delete that lands meanwhile
        // does not make either look saved.
        book.edited("b");
        let batch = book.take_batch();
        assert_eq!(
            batch,
            ids(&["a", "b"]),
            "the retry goes with the next write"
        );
        book.write_failed(&batch, "quota");
        book.deleted("x");
        book.delete_landed("x");
        assert_eq!(
            book.errors(),
            vec![(Source::Meetings, "quota", ids(&["a", "b"]))]
        );

        let retry = book.take_batch();
        assert!(!book.landed(&retry, vec![written("a", 1), written("b", 1)]));
        assert!(book.errors().is_empty());
        assert!(!book.needs_retry());
    }

    #[test]
    fn a_successful_delete_does_not_clear_a_failed_save() {
        let mut book = Book::default();
        book.loaded([("b".to_owned(), 2)]);
        book.edited("a");
        let batch = book.take_batch();
        book.write_failed(&batch, "quota");
        book.deleted("b");
        book.delete_landed("b");
        assert_eq!(
            book.errors(),
            vec![(Source::Meetings, "quota", ids(&["a"]))]
        );
        assert_eq!(book.known_revision("b"), None);
    }

    #[test]
    fn failures_are_kept_per_source() {
        let mut book = Book::default();
        book.preferences_failed("prefs full");
        book.edited("a");
        let batch = book.take_batch();
        book.landed(&batch, vec![written("a", 1)]);
        assert_eq!(
            book.errors(),
            vec![(Source::Preferences, "prefs full", vec![])],
            "a meeting save does not wipe a preference failure"
        );
        assert!(book.needs_retry());
        book.preferences_saved();
        assert!(book.errors().is_empty());

        book.deleted("x");
        book.delete_failed("x", "gone");
        book.journal_failed("journal full");
        book.database(Some("blocked"));
        assert_eq!(
            book.errors(),
            vec![
                (Source::Database, "blocked", vec![]),
                (Source::Deletes, "gone", ids(&["x"])),
                (Source::Journal, "journal full", vec![]),
            ]
        );
        assert!(book.needs_retry());
        assert_eq!(book.take_failed_deletes(), ids(&["x"]));
        assert_eq!(
            book.take_failed_deletes(),
            ids(&[]),
            "on its way, not taken twice"
        );
        assert!(!book.needs_retry());
        assert_eq!(book.errors()[1], (Source::Deletes, "gone", ids(&["x"])));
        book.delete_landed("x");
        book.journal_written();
        book.database(None);
        assert!(book.errors().is_empty());
    }

    #[test]
    fn deleting_an_unsaved_meeting_forgets_its_failure_and_undo_forgets_the_delete() {
        let mut book = Book::default();
        book.edited("a");
        let batch = book.take_batch();
        book.write_failed(&batch, "quota");
        book.deleted("a");
        assert!(book.errors().is_empty());
        assert!(book.is_settled());
        book.delete_failed("a", "gone");
        book.edited("a");
        assert!(book.take_failed_deletes().is_empty(), "undo puts it back");
        assert!(book.errors().is_empty());
        assert_eq!(book.take_batch(), ids(&["a"]));
    }

    #[test]
    fn a_bulk_write_is_not_journaled_and_counts_until_stored() {
        let mut book = Book::default();
        book.edited("typed");
        for id in ["r1", "r2"] {
            book.edited_in_bulk(id);
        }
        assert_eq!(book.bulk_pending(), 2);
        assert_eq!(book.to_journal(), ids(&["typed"]).into_iter().collect());
        let batch = book.take_batch();
        book.write_failed(&batch, "quota");
        assert_eq!(book.bulk_pending(), 2, "a failure leaves it pending");
        // Typed into after the restore: now the user's edit, journaled like any.
        book.edited("r2");
        assert_eq!(
            book.to_journal(),
            ids(&["r2", "typed"]).into_iter().collect()
        );
        let batch = book.take_batch();
        book.landed(
            &batch,
            vec![written("r1", 1), written("r2", 1), written("typed", 1)],
        );
        assert_eq!(book.bulk_pending(), 0);
        assert!(book.is_settled());
    }

    #[test]
    fn conflicts_are_held_back_until_resolved() {
        let mut book = Book::default();
        book.loaded([("a".to_owned(), 1), ("b".to_owned(), 1)]);
        book.edited("a");
        book.edited("b");
        let batch = book.take_batch();
        let more = book.landed(
            &batch,
            vec![Landed::Conflict { id: "a".into() }, written("b", 2)],
        );
        assert!(
            !more,
            "a conflicted meeting is no work until the user chooses"
        );
        assert!(book.is_conflicted("a"));
        book.edited("a");
        assert_eq!(book.take_batch(), ids(&[]), "held while in conflict");
        assert_eq!(book.pending(), ids(&["a"]).into_iter().collect());

        book.resolved("a", true, Some(5));
        assert_eq!(book.known_revision("a"), Some(5));
        assert_eq!(book.take_batch(), ids(&["a"]), "keep mine writes it");

        let mut book = Book::default();
        book.conflict_raised("c");
        book.resolved("c", false, Some(7));
        assert!(book.is_settled(), "taking theirs leaves nothing to write");
        assert_eq!(book.known_revision("c"), Some(7));
        assert!(!book.is_being_edited("c"));
    }
}
