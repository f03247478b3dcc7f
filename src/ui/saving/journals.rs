//! The leaving journal's side of saving (D1): written as the page is hidden, and the journals of
//! closed tabs taken over at start-up — never removed before their edits are stored.

use leptos::prelude::*;

use super::Saving;
use crate::core::domain::model::Meeting;
use crate::core::storage::journal::{self, Recovery};
use crate::core::storage::save_book::{SaveBook, StoredVersion};
use crate::store;
use crate::store::meetings::UndecodableRecord;
use crate::ui::tabs;

/// What a start-up found in the journals of closed tabs.
pub struct JournalFindings {
    /// Edits to bring back; conflicts among them are already raised.
    pub meetings: Vec<Meeting>,
    /// Journals (or parts) this build cannot read: kept in localStorage and reported.
    pub unreadable: Vec<UndecodableRecord>,
}

impl Saving {
    /// The page is being hidden or closed: start writing every unsaved meeting, and journal
    /// them synchronously in case the browser aborts that write as the page goes (D1).
    pub fn leave(self) {
        self.strict_next.set_value(true);
        self.flush();
        let pending = self.book.with_value(SaveBook::to_journal);
        if pending.is_empty() {
            self.drop_stale_journal();
            return;
        }
        let text = self.meetings.with_untracked(|meetings| {
            let entries: Vec<(&Meeting, Option<u64>)> = meetings
                .iter()
                .filter(|meeting| pending.contains(&meeting.id))
                .map(|meeting| (meeting, self.known_revision(&meeting.id)))
                .collect();
            journal::encode_journal(&entries)
        });
        match store::journal::write(&self.tab_id.get_value(), &text) {
            Ok(()) => {
                self.journal_written.set_value(true);
                self.book(SaveBook::journal_written);
                // This tab's journal now holds every edit it took over from closed tabs, unless
                // they are still being written as a whole (they are not journaled again).
                if self.bulk_pending.get_untracked() == 0 {
                    self.let_go_of_adopted_journals();
                }
            }
            Err(error) => self.book(|book| book.journal_failed(error)),
        }
    }

    /// Every save of this tab has landed: its journal, and those it took over, are out of date.
    pub(super) fn drop_stale_journal(self) {
        if !self.book.with_value(SaveBook::is_settled) {
            return;
        }
        if self.journal_written.get_value() {
            store::journal::clear(&self.tab_id.get_value());
            self.journal_written.set_value(false);
        }
        self.let_go_of_adopted_journals();
    }

    /// The edits of adopted journals are stored (or journaled again): remove those journals,
    /// keeping only what this build could not read.
    fn let_go_of_adopted_journals(self) {
        let adopted = self
            .adopted_journals
            .try_update_value(std::mem::take)
            .unwrap_or_default();
        for (key, kept) in adopted {
            match kept {
                Some(text) => {
                    if let Err(error) = store::journal::replace(&key, &text) {
                        self.book(|book| book.journal_failed(error));
                    }
                }
                None => store::journal::remove(&key),
            }
        }
    }

    /// Reads the journals closed pages left, without removing any: lost saves come back to be
    /// written, edits the store has moved on from come back as conflicts, and what this build
    /// cannot read stays where it is and is reported. The journals are cut down only once their
    /// edits are stored. A journal of a tab that is still open (only hidden) is left to it.
    pub async fn read_journals(self) -> JournalFindings {
        let journals = store::journal::read_all();
        let writers = journals
            .iter()
            .filter_map(|(key, _)| store::journal::tab_of(key).map(str::to_owned))
            .collect();
        let open = tabs::open_tabs(writers).await;
        let mut pending = Vec::new();
        let mut unreadable = Vec::new();
        let mut adopted = Vec::new();
        for (key, text) in journals {
            if store::journal::tab_of(&key).is_some_and(|tab| open.contains(tab)) {
                continue;
            }
            let read = journal::read_journal(&text);
            pending.extend(read.pending);
            let kept = read.unreadable.map(|(raw, error)| {
                unreadable.push(UndecodableRecord {
                    key: key.clone(),
                    raw: raw.clone(),
                    error,
                });
                raw
            });
            // A journal this build cannot read at all is already as it must stay.
            if kept.as_deref() != Some(text.as_str()) {
                adopted.push((key, kept));
            }
        }
        self.adopted_journals.set_value(adopted);
        let recoveries = self.meetings.with_untracked(|meetings| {
            journal::recover(pending, |id| meetings.iter().find(|m| m.id == id))
        });
        // Conflicts are raised first, so the flush that stores the rest holds those back for the
        // user's choice.
        let meetings = recoveries
            .into_iter()
            .map(|recovery| match recovery {
                Recovery::Replay(meeting) => meeting,
                Recovery::Conflict { mine, theirs } => {
                    let theirs = theirs.map_or(StoredVersion::Gone, StoredVersion::Readable);
                    self.show_conflict(mine.id.clone(), theirs);
                    self.book(|book| book.conflict_raised(&mine.id));
                    mine
                }
            })
            .collect();
        JournalFindings {
            meetings,
            unreadable,
        }
    }
}
