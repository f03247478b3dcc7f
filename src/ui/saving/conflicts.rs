//! Other tabs' saves: a conflict between this tab's version and the stored one, settled by the
//! user, and another tab's save shown here when this tab is not editing that meeting.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{sort_newest_first, Saving};
use crate::core::domain::model::Meeting;
use crate::core::storage::save_book::{Source, StoredVersion};
use crate::store::StoreError;

impl Saving {
    pub(super) fn show_conflict(self, id: String, theirs: StoredVersion) {
        self.conflicts.update(|conflicts| {
            conflicts.retain(|(known, _)| *known != id);
            conflicts.push((id, theirs));
        });
    }

    /// Settles a conflict: `keep_mine` writes this tab's version over theirs; otherwise theirs
    /// replaces this tab's edits.
    pub fn resolve_conflict(self, id: &str, keep_mine: bool) {
        let Some((_, theirs)) = self
            .conflicts
            .with_untracked(|conflicts| conflicts.iter().find(|(known, _)| known == id).cloned())
        else {
            return;
        };
        self.conflicts
            .update(|conflicts| conflicts.retain(|(known, _)| known != id));
        let revision = theirs.revision();
        match (keep_mine, theirs) {
            (false, StoredVersion::Readable(theirs)) => {
                self.book(|book| book.resolved(id, false, revision));
                self.replace_from_store(*theirs);
            }
            (true, _) => {
                self.book(|book| book.resolved(id, true, revision));
                self.flush();
            }
            // Deleted elsewhere, and the user lets it go: nothing of it is written.
            (false, StoredVersion::Gone) => self.book(|book| book.resolved(id, false, None)),
            // Nothing readable to take: the choice stays open.
            (false, theirs) => self.show_conflict(id.to_owned(), theirs),
        }
    }

    /// Whether this tab holds edits of `id` not stored yet (or in a conflict over them).
    pub fn has_unsaved(self, id: &str) -> bool {
        self.is_being_edited(id) || self.book.with_value(|book| book.is_conflicted(id))
    }

    /// Another tab deleted `id`: nothing of it is written from here again without the user
    /// choosing (its next save meets the deletion as a conflict).
    pub fn forget_deleted_elsewhere(self, id: &str) {
        self.book(|book| book.resolved(id, false, None));
    }

    /// Another tab saved `id`: show its version here unless this tab is editing that meeting.
    pub fn reload_saved_elsewhere(self, id: String) {
        if self.is_being_edited(&id) {
            // The next save of ours will meet their revision and ask the user.
            return;
        }
        let Some(store) = self.store.get_value() else {
            return;
        };
        spawn_local(async move {
            let read = store.load_one(&id).await;
            // A failed read is shown until a later read works; the connection's own problems
            // (unavailable, upgrade waiting, superseded) stay until they are over.
            let read_problem = self.failures.with_untracked(|failures| {
                failures.iter().any(|(source, error, _)| {
                    *source == Source::Database
                        && matches!(error, StoreError::Other(_) | StoreError::Quota)
                })
            });
            if read.is_ok() && read_problem {
                self.database_problem(None);
            }
            match read {
                // Typed into meanwhile: this tab's edit wins the race and meets theirs on saving.
                Ok(Some(_)) if self.is_being_edited(&id) => {}
                Ok(Some(meeting)) => self.replace_from_store(meeting),
                Ok(None) => {}
                Err(error) => self.database_problem(Some(error)),
            }
        });
    }

    fn is_being_edited(self, id: &str) -> bool {
        self.book.with_value(|book| book.is_being_edited(id))
    }

    fn replace_from_store(self, stored: Meeting) {
        self.book(|book| book.read_from_store(&stored.id, stored.revision));
        let id = stored.id.clone();
        self.meetings.update(|meetings| {
            match meetings.iter_mut().find(|local| local.id == stored.id) {
                Some(local) => *local = stored,
                None => meetings.push(stored),
            }
            sort_newest_first(meetings);
        });
        self.keys.replaced(&id);
    }
}
