//! Saving, around the pure `core::storage::save_book`: the timers, the IndexedDB and localStorage calls,
//! and the signals the banners read. Every rule of what is stored and what is not lives in the
//! book; these files only carry its decisions out (D1). Here: writing, retrying, deleting and the
//! preferences; `journals.rs`: the leaving journal; `conflicts.rs`: other tabs' saves.
//!
//! An edit starts its write as soon as the frame showing it is painted, when no write of that
//! meeting is on the way; edits made meanwhile go into the next write, which starts as soon as
//! that one lands (issue 19). Only that paint stands between an edit and its write (a hidden
//! page writes at once), so a crash loses at most the write in progress. A failed
//! write keeps its meetings unsaved and named in the banner; any later successful write, and a
//! retry timer, try everything pending again.

mod conflicts;
mod journals;

pub use journals::JournalFindings;

use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::keyed::Keys;
use super::tabs;
use crate::core::domain::model::Meeting;
use crate::core::domain::order;
use crate::core::storage::save_book::{Landed, SaveBook, Source, StoredVersion};
use crate::store::meetings::{Durability, MeetingStore, Saved};
use crate::store::{prefs, StoreError};

/// How often failed writes are tried again while nothing else succeeds (space may be freed
/// outside the app).
const RETRY_AFTER: Duration = Duration::from_secs(3);

/// A storage failure as the banner shows it: what failed, why, and which meetings it left
/// unsaved (ids).
pub type Failure = (Source, StoreError, Vec<String>);

/// What the team space is told of saves.
pub enum Watched<'a> {
    Written(&'a [(Meeting, Option<u64>)]),
    Deleted(&'a str),
}

/// The save machinery of this tab; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct Saving {
    meetings: RwSignal<Vec<Meeting>>,
    keys: Keys,
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
    /// A write is due once the frame the edit changed has been painted.
    write_after_paint: StoredValue<bool>,
    /// Journals of closed tabs taken over at start-up, each with what must stay of it (the part
    /// this build cannot read): cut down only once their edits are stored or journaled again.
    adopted_journals: StoredValue<Vec<(String, Option<String>)>>,
}

impl Saving {
    pub fn new(meetings: RwSignal<Vec<Meeting>>, keys: Keys, tab_id: String) -> Saving {
        Saving {
            meetings,
            keys,
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
            write_after_paint: StoredValue::new(false),
        }
    }

    /// The team space (T1) takes the shared meetings' changes from here, whichever path made
    /// them: every meeting on its way to the store, and every deletion.
    fn tell(self, watched: Watched) {
        crate::ui::space::watched(watched);
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
        self.book(|book| book.loaded(revisions));
    }

    /// A meeting changed in memory: its write starts as soon as the frame showing the change is
    /// painted (a few milliseconds; the whole record is encoded, which a keystroke in a large
    /// meeting should not wait for), or as soon as the one on its way lands.
    pub fn edited(self, id: &str) {
        self.book(|book| book.edited(id));
        // A hidden page paints no frames: its write starts at once.
        if browser::document_is_hidden() {
            self.flush();
            return;
        }
        if self.write_after_paint.get_value() {
            return;
        }
        self.write_after_paint.set_value(true);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    self.write_after_paint.set_value(false);
                    self.flush();
                },
                Duration::ZERO,
            )
        });
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
        self.tell(Watched::Written(&batch));
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
                    // What the app writes from memory (the `.ics` SEQUENCE, RFC 5545 §3.8.7.4)
                    // counts from the stored revision, not the one the page loaded.
                    self.meetings.update_untracked(|meetings| {
                        if let Some(meeting) = meetings.iter_mut().find(|m| m.id == id) {
                            meeting.revision = revision;
                        }
                    });
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
        self.tell(Watched::Deleted(id));
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
                    tabs::announce_deleted(&id);
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

    /// The stored revision of `id` as this tab last read or wrote it.
    fn known_revision(self, id: &str) -> Option<u64> {
        self.book.with_value(|book| book.known_revision(id))
    }
}

/// Newest first, as the meeting list shows them.
pub fn sort_newest_first(meetings: &mut [Meeting]) {
    order::sort_by_key(meetings, |meeting| std::cmp::Reverse(meeting.updated_at));
}
