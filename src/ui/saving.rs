//! Saving, around the pure `core::save_book`: the timers, the IndexedDB and localStorage calls,
//! and the signals the banners read. Every rule of what is stored and what is not lives in the
//! book; this file only carries its decisions out (D1).
//!
//! An edit starts its write at once when no write of that meeting is on the way; edits made
//! meanwhile go into the next write, which starts as soon as that one lands (issue 19): no timer
//! stands between an edit and its write, so a crash loses at most the write in progress. Hiding
//! or closing the page also journals whatever has not landed. A failed write keeps its meetings unsaved and named in the
//! banner; any later successful write, and a retry timer, try everything pending again.

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::tabs;
use crate::core::journal::{self, Recovery};
use crate::core::model::Meeting;
use crate::core::order;
use crate::core::save_book::{Landed, SaveBook, Source, StoredVersion};
use crate::store::meetings::{Durability, MeetingStore, Saved, UndecodableRecord};
use crate::store::{self, prefs, StoreError};

/// How often failed writes are tried again while nothing else succeeds (space may be freed
/// outside the app).
const RETRY_AFTER: Duration = Duration::from_secs(3);

/// A storage failure as the banner shows it: what failed, why, and which meetings it left
/// unsaved (ids).
pub type Failure = (Source, StoreError, Vec<String>);

/// What a start-up found in the journals of closed tabs.
pub struct JournalFindings {
    /// Edits to bring back; conflicts among them are already raised.
    pub meetings: Vec<Meeting>,
    /// Journals (or parts) this build cannot read: kept in localStorage and reported.
    pub unreadable: Vec<UndecodableRecord>,
}

/// The save machinery of this tab; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct Saving {
    meetings: RwSignal<Vec<Meeting>>,
    book: StoredValue<SaveBook<StoreError>>,
    /// The book's failures, for the banners; refreshed after every change of the book.
    pub failures: RwSignal<Vec<Failure>>,
    /// Meetings of a restore or import not stored yet, for its progress.
    pub bulk_pending: RwSignal<usize>,
    /// Meetings another tab saved while this one had unsaved edits, with the stored version,
    /// until the user chooses.
    pub conflicts: RwSignal<Vec<(String, StoredVersion)>>,
    store: StoredValue<Option<Rc<MeetingStore>>, LocalStorage>,
    /// This page's id, written into every record it saves (see `MeetingStore::save_checked`).
    tab_id: StoredValue<String>,
    retry_timer: StoredValue<Option<TimeoutHandle>>,
    /// The preferences last asked to be saved, for a retry after a failure.
    last_prefs: StoredValue<Option<prefs::Prefs>>,
    /// This tab left a journal in localStorage that its next completed save makes stale.
    journal_written: StoredValue<bool>,
    /// The next write must reach the disk, not just the operating system: the page was hidden
    /// while a write was on its way, and what follows it is the page's last word.
    strict_next: StoredValue<bool>,
    /// Journals of closed tabs taken over at start-up, each with what must stay of it (the part
    /// this build cannot read): cut down only once their edits are stored or journaled again.
    adopted_journals: StoredValue<Vec<(String, Option<String>)>>,
}

impl Saving {
    pub fn new(meetings: RwSignal<Vec<Meeting>>, tab_id: String) -> Saving {
        Saving {
            meetings,
            book: StoredValue::new(SaveBook::default()),
            failures: RwSignal::new(Vec::new()),
            bulk_pending: RwSignal::new(0),
            conflicts: RwSignal::new(Vec::new()),
            store: StoredValue::new_local(None),
            tab_id: StoredValue::new(tab_id),
            retry_timer: StoredValue::new(None),
            last_prefs: StoredValue::new(None),
            journal_written: StoredValue::new(false),
            strict_next: StoredValue::new(false),
            adopted_journals: StoredValue::new(Vec::new()),
        }
    }

    /// Changes the book and shows its failures as they now are.
    fn book<R>(self, change: impl FnOnce(&mut SaveBook<StoreError>) -> R) -> R {
        let result = self
            .book
            .try_update_value(change)
            .expect("the book lives as long as the app");
        let failures = self.book.with_value(SaveBook::errors);
        if self.failures.with_untracked(|shown| *shown != failures) {
            self.failures.set(failures);
        }
        let bulk = self.book.with_value(SaveBook::bulk_pending);
        if self.bulk_pending.get_untracked() != bulk {
            self.bulk_pending.set(bulk);
        }
        result
    }

    /// This page's id, as other tabs know it.
    pub fn tab_id(self) -> String {
        self.tab_id.get_value()
    }

    /// The database is open (or taken over by a newer build: `None`).
    pub fn use_store(self, store: Option<Rc<MeetingStore>>) {
        self.store.set_value(store);
    }

    /// A problem with the database itself, or `None` once it is over.
    pub fn database_problem(self, problem: Option<StoreError>) {
        self.book(|book| book.database(problem));
    }

    pub fn has_database_problem(self, problem: &StoreError) -> bool {
        self.failures.with_untracked(|failures| {
            failures
                .iter()
                .any(|(source, error, _)| *source == Source::Database && error == problem)
        })
    }

    /// The meetings were read from the store at these revisions.
    pub fn loaded(self, meetings: &[Meeting]) {
        let revisions = meetings.iter().map(|m| (m.id.clone(), m.revision));
        self.book(|book| book.loaded(revisions.collect::<Vec<_>>()));
    }

    /// A meeting changed in memory: its write starts now, or as soon as the one on its way lands.
    pub fn edited(self, id: &str) {
        self.book(|book| book.edited(id));
        self.flush();
    }

    /// Many meetings changed at once (a restore, recovered journals, an imported tracker): one
    /// write for all of them, durable against a crash of the machine.
    pub fn edited_all<'a>(self, ids: impl IntoIterator<Item = &'a String>) {
        self.book(|book| ids.into_iter().for_each(|id| book.edited_in_bulk(id)));
        self.write(Durability::Strict);
    }

    /// Writes every unsaved meeting that is not already on its way.
    pub fn flush(self) {
        self.write(Durability::Default);
    }

    fn write(self, durability: Durability) {
        let Some(store) = self.store.get_value() else {
            // Storage never opened: that is shown; the data stays in memory, unsaved.
            return;
        };
        let ids = self.book(SaveBook::take_batch);
        if ids.is_empty() {
            return;
        }
        let durability = if self.strict_next.get_value() {
            self.strict_next.set_value(false);
            Durability::Strict
        } else {
            durability
        };
        let batch: Vec<(Meeting, Option<u64>)> = self.meetings.with_untracked(|meetings| {
            meetings
                .iter()
                .filter(|meeting| ids.contains(&meeting.id))
                .map(|meeting| (meeting.clone(), self.known_revision(&meeting.id)))
                .collect()
        });
        let tab_id = self.tab_id.get_value();
        spawn_local(async move {
            match store.save_checked(&tab_id, &batch, durability).await {
                Ok(outcomes) => {
                    let landed = self.settle(outcomes);
                    let more = self.book(|book| book.landed(&ids, landed));
                    if more {
                        self.flush();
                    }
                    self.after_success();
                    self.drop_stale_journal();
                }
                Err(error) => {
                    self.book(|book| book.write_failed(&ids, error));
                    self.schedule_retry();
                }
            }
        });
    }

    /// Records what a checked save did: conflicts for the user, saves announced to other tabs.
    fn settle(self, outcomes: Vec<Saved>) -> Vec<Landed> {
        outcomes
            .into_iter()
            .map(|outcome| match outcome {
                Saved::Written { id, revision } => {
                    tabs::announce_saved(&id);
                    Landed::Written { id, revision }
                }
                Saved::Conflict { id, theirs } => {
                    self.show_conflict(id.clone(), theirs);
                    Landed::Conflict { id }
                }
            })
            .collect()
    }

    /// A write worked, so storage works again: try whatever failed before, now.
    fn after_success(self) {
        if self.book.with_value(SaveBook::needs_retry) {
            self.retry();
        }
    }

    fn schedule_retry(self) {
        if self.retry_timer.get_value().is_some() {
            return;
        }
        let handle = set_timeout_with_handle(
            move || {
                self.retry_timer.set_value(None);
                self.retry();
            },
            RETRY_AFTER,
        )
        .ok();
        self.retry_timer.set_value(handle);
    }

    /// Writes again everything whose last write failed: meetings, deletions, preferences.
    fn retry(self) {
        self.flush();
        for id in self.book(SaveBook::take_failed_deletes) {
            self.remove_stored(id);
        }
        if self.book.with_value(SaveBook::preferences_unsaved) {
            if let Some(prefs) = self.last_prefs.get_value() {
                self.save_prefs(prefs);
            }
        }
    }

    /// A meeting was deleted in memory: remove it from the store.
    pub fn deleted(self, id: &str) {
        self.book(|book| book.deleted(id));
        self.remove_stored(id.to_owned());
    }

    fn remove_stored(self, id: String) {
        let Some(store) = self.store.get_value() else {
            return;
        };
        spawn_local(async move {
            match store.delete(&id).await {
                Ok(()) => {
                    self.book(|book| book.delete_landed(&id));
                    self.after_success();
                }
                Err(error) => {
                    self.book(|book| book.delete_failed(&id, error));
                    self.schedule_retry();
                }
            }
        });
    }

    pub fn save_prefs(self, saved: prefs::Prefs) {
        let result = prefs::save(&saved);
        self.last_prefs.set_value(Some(saved));
        match result {
            Ok(()) => {
                let retried = self.book.with_value(SaveBook::preferences_unsaved);
                self.book(SaveBook::preferences_saved);
                if !retried {
                    self.after_success();
                }
            }
            Err(error) => {
                self.book(|book| book.preferences_failed(error));
                self.schedule_retry();
            }
        }
    }

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

    /// The stored revision of `id` as this tab last read or wrote it.
    fn known_revision(self, id: &str) -> Option<u64> {
        self.book.with_value(|book| book.known_revision(id))
    }

    /// Every save of this tab has landed: its journal, and those it took over, are out of date.
    fn drop_stale_journal(self) {
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

    fn show_conflict(self, id: String, theirs: StoredVersion) {
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
            // Nothing readable to take: the choice stays open.
            (false, theirs) => self.show_conflict(id.to_owned(), theirs),
        }
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
        self.meetings.update(|meetings| {
            match meetings.iter_mut().find(|local| local.id == stored.id) {
                Some(local) => *local = stored,
                None => meetings.push(stored),
            }
            sort_newest_first(meetings);
        });
    }
}

/// Newest first, as the meeting list shows them.
pub fn sort_newest_first(meetings: &mut [Meeting]) {
    order::sort_by_key(meetings, |meeting| std::cmp::Reverse(meeting.updated_at));
}
