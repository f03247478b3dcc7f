//! The app's shared state and the actions components dispatch. Edits change the in-memory list at
//! once and reach IndexedDB through a short debounce; hiding or closing the page flushes at once,
//! so a reload a second after typing loses nothing (D1).

use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser;
use super::tabs;
use crate::core::i18n::{tr, Lang, T};
use crate::core::journal::{self, Recovery};
use crate::core::model::{Meeting, Situation};
use crate::core::order;
use crate::core::route::Route;
use crate::core::summary::{self, MeetingSummary};
use crate::core::templates::meeting_from_template;
use crate::store::meetings::{MeetingStore, Saved, UndecodableRecord, APP_DATABASE};
use crate::store::{self, prefs, StoreError};

/// Long enough to batch a burst of keystrokes, short enough that a reload one second later finds
/// the edit stored.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(300);
const TOAST_LIFETIME: Duration = Duration::from_secs(8);

/// A short message at the bottom of the screen, with an optional way back.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub message: String,
    pub undo: Option<Undo>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// Put a deleted meeting back where it was.
    Restore { meeting: Box<Meeting>, index: usize },
    /// Remove a meeting just created by duplication.
    Remove { id: String },
    /// Put back a meeting as it was before an edit (a removed row).
    Revert { meeting: Box<Meeting> },
}

/// Everything the pages share; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    /// Minutes per speaking turn, from the preferences.
    pub turn_minutes: RwSignal<u32>,
    pub standup_started: RwSignal<Option<DateTime<Utc>>>,
    pub route: RwSignal<Route>,
    pub meetings: RwSignal<Vec<Meeting>>,
    /// The stored list summaries, newest first, shown by the meeting list while `meetings` is
    /// still being read; `None` once every meeting is loaded.
    pub list_preview: RwSignal<Option<Vec<MeetingSummary>>>,
    /// Every meeting has been read (or storage failed): editing is possible.
    pub loaded: RwSignal<bool>,
    /// The last storage failure, shown until a save succeeds.
    pub storage_error: RwSignal<Option<StoreError>>,
    pub undecodable: RwSignal<Vec<UndecodableRecord>>,
    pub persisted: RwSignal<Option<bool>>,
    pub update_ready: RwSignal<bool>,
    pub toast: RwSignal<Option<Toast>>,
    /// Meetings another tab saved while this one had unsaved edits: the stored version
    /// ("theirs", `None` if it is gone or unreadable) and the id, until the user chooses.
    pub conflicts: RwSignal<Vec<(String, Option<Meeting>)>>,
    store: StoredValue<Option<Rc<MeetingStore>>, LocalStorage>,
    unsaved: StoredValue<BTreeSet<String>>,
    /// The stored revision of each meeting as this tab last read or wrote it.
    known_revisions: StoredValue<HashMap<String, u64>>,
    /// Meetings whose save is on its way to IndexedDB: a notice from another tab must not
    /// replace them in memory before this tab's write has met theirs.
    in_flight: StoredValue<BTreeSet<String>>,
    /// This page's id, written into every record it saves (see `MeetingStore::save_checked`).
    tab_id: StoredValue<String>,
    save_timer: StoredValue<Option<TimeoutHandle>>,
    /// This tab left a journal in localStorage that its next completed save makes stale.
    journal_written: StoredValue<bool>,
    toast_timer: StoredValue<Option<TimeoutHandle>>,
}

impl AppState {
    pub fn new() -> AppState {
        let saved = prefs::load();
        AppState {
            lang: RwSignal::new(saved.lang),
            turn_minutes: RwSignal::new(saved.turn_minutes),
            standup_started: RwSignal::new(saved.standup_started),
            route: RwSignal::new(Route::parse(&browser::current_hash())),
            meetings: RwSignal::new(Vec::new()),
            list_preview: RwSignal::new(None),
            loaded: RwSignal::new(false),
            storage_error: RwSignal::new(None),
            undecodable: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            update_ready: RwSignal::new(browser::update_is_waiting()),
            toast: RwSignal::new(None),
            conflicts: RwSignal::new(Vec::new()),
            store: StoredValue::new_local(None),
            unsaved: StoredValue::new(BTreeSet::new()),
            known_revisions: StoredValue::new(HashMap::new()),
            in_flight: StoredValue::new(BTreeSet::new()),
            tab_id: StoredValue::new(browser::new_id()),
            save_timer: StoredValue::new(None),
            journal_written: StoredValue::new(false),
            toast_timer: StoredValue::new(None),
        }
    }

    /// Opens the database and loads every meeting. On failure the app still runs in memory.
    ///
    /// The list summaries are read first and shown at once; the full meetings (megabytes for a
    /// year of them) follow. The summary read is a shortcut only: if it fails, the full read
    /// that follows meets the same failure and reports it.
    pub fn load(self) {
        spawn_local(async move {
            let opened = MeetingStore::open_watched(
                APP_DATABASE,
                move || self.storage_error.set(Some(StoreError::UpgradeWaiting)),
                move || {
                    self.store.set_value(None);
                    self.storage_error.set(Some(StoreError::Superseded));
                },
            )
            .await;
            if self.storage_error.get_untracked() == Some(StoreError::UpgradeWaiting) {
                self.storage_error.set(None);
            }
            match opened {
                Ok(store) => {
                    let store = Rc::new(store);
                    let summaries_current = match store.load_summaries().await {
                        Ok(Some(mut summaries)) => {
                            summary::sort_newest_first(&mut summaries);
                            self.list_preview.set(Some(summaries));
                            true
                        }
                        Ok(None) | Err(_) => false,
                    };
                    let mut replay_journal = false;
                    match store.load_all().await {
                        Ok(loaded) => {
                            replay_journal = true;
                            let mut meetings = loaded.meetings;
                            self.known_revisions.set_value(
                                meetings
                                    .iter()
                                    .map(|m| (m.id.clone(), m.revision))
                                    .collect(),
                            );
                            sort_newest_first(&mut meetings);
                            let rebuilt: Option<Vec<MeetingSummary>> = (!summaries_current)
                                .then(|| meetings.iter().map(MeetingSummary::from).collect());
                            self.meetings.set(meetings);
                            self.undecodable.set(loaded.undecodable);
                            if let Some(rebuilt) = rebuilt {
                                if let Err(error) = store.rebuild_summaries(&rebuilt).await {
                                    self.storage_error.set(Some(error));
                                }
                            }
                        }
                        Err(error) => self.storage_error.set(Some(error)),
                    }
                    // A newer build in another tab may have taken the database over meanwhile:
                    // then this connection is closed and must not be used for saves.
                    if self.storage_error.get_untracked() != Some(StoreError::Superseded) {
                        self.store.set_value(Some(store));
                    }
                    // Only against what is known to be stored: otherwise the journal waits.
                    if replay_journal {
                        self.replay_journal();
                    }
                }
                Err(error) => self.storage_error.set(Some(error)),
            }
            self.loaded.set(true);
            self.list_preview.set(None);
            let persisted = crate::store::persistence::request_persistent_storage().await;
            self.persisted.set(persisted);
        });
    }

    pub fn text(&self, key: T) -> &'static str {
        key.get(self.lang.get())
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        browser::set_document_lang(lang.tag());
        self.save_prefs();
    }

    pub fn set_turn_minutes(self, minutes: u32) {
        self.turn_minutes.set(minutes.clamp(1, 30));
        self.save_prefs();
    }

    pub fn start_standup(self) {
        self.standup_started.set(Some(browser::now()));
        self.save_prefs();
    }

    fn save_prefs(self) {
        let prefs = prefs::Prefs {
            lang: self.lang.get_untracked(),
            turn_minutes: self.turn_minutes.get_untracked(),
            standup_started: self.standup_started.get_untracked(),
        };
        if let Err(error) = prefs::save(&prefs) {
            self.storage_error.set(Some(error));
        }
    }

    pub fn go(self, route: Route) {
        browser::set_hash(&route.href());
        self.route.set(route);
    }

    /// Creates a meeting from a template (or blank) and opens it.
    pub fn create_meeting(self, situation: Situation) {
        let meeting = meeting_from_template(
            situation,
            self.lang.get_untracked(),
            browser::new_id(),
            browser::now(),
            browser::new_id,
        );
        self.add_and_open(meeting);
    }

    /// Stores a new meeting at the top of the list and opens its plan.
    fn add_and_open(self, meeting: Meeting) {
        let id = meeting.id.clone();
        self.meetings.update(|meetings| meetings.insert(0, meeting));
        self.mark_unsaved(&id);
        self.flush();
        self.go(Route::Meeting {
            id,
            stage: Default::default(),
        });
    }

    /// The meeting with `id`, as a memo that changes only when that meeting does.
    pub fn meeting_memo(self, id: String) -> Memo<Option<Meeting>> {
        Memo::new(move |_| {
            self.meetings
                .with(|meetings| meetings.iter().find(|meeting| meeting.id == id).cloned())
        })
    }

    /// Saves a copy of a meeting's plan as a user template (S1).
    pub fn save_as_template(self, id: &str) {
        let Some(meeting) = self.find(id) else {
            return;
        };
        let mut template = meeting.instantiate(browser::new_id(), browser::now(), browser::new_id);
        template.is_template = true;
        let lang = self.lang.get_untracked();
        let message = tr(lang, T::SavedAsTemplate, &[&display_title(&template, lang)]);
        let template_id = template.id.clone();
        self.meetings.update(|meetings| meetings.push(template));
        self.mark_unsaved(&template_id);
        self.flush();
        self.show_toast(message, Some(Undo::Remove { id: template_id }));
    }

    /// Plans a new meeting from a user template and opens it.
    pub fn create_from_template(self, template_id: &str) {
        if let Some(template) = self.find(template_id) {
            self.add_and_open(template.instantiate(
                browser::new_id(),
                browser::now(),
                browser::new_id,
            ));
        }
    }

    /// Applies `change` to one meeting and schedules its save.
    pub fn edit_meeting(self, id: &str, change: impl FnOnce(&mut Meeting)) {
        let now = browser::now();
        let mut found = false;
        self.meetings.update(|meetings| {
            if let Some(meeting) = meetings.iter_mut().find(|meeting| meeting.id == id) {
                change(meeting);
                meeting.touch(now);
                found = true;
            }
        });
        if found {
            self.mark_unsaved(id);
            self.schedule_save();
        }
    }

    pub fn duplicate_meeting(self, id: &str) {
        let lang = self.lang.get_untracked();
        let Some(original) = self.find(id) else {
            return;
        };
        // A copy is a new meeting from the same plan: what happened at the original (its run,
        // actions, minutes, feedback) stays there, or the tracker and review would count it twice.
        let mut copy = original.plan_only();
        copy.improvement_notes.clear();
        let now = browser::now();
        copy.id = browser::new_id();
        copy.title = format!("{}{}", display_title(&copy, lang), T::CopySuffix.get(lang));
        copy.created_at = Some(now);
        copy.updated_at = Some(now);
        copy.revision = 0;
        let message = tr(lang, T::Duplicated, &[&copy.title]);
        let new_id = copy.id.clone();
        self.meetings.update(|meetings| meetings.insert(0, copy));
        self.mark_unsaved(&new_id);
        self.flush();
        self.show_toast(message, Some(Undo::Remove { id: new_id }));
    }

    /// Deletes a meeting, offering undo for a few seconds.
    pub fn delete_meeting(self, id: &str) {
        let lang = self.lang.get_untracked();
        let mut removed = None;
        self.meetings.update(|meetings| {
            if let Some(index) = meetings.iter().position(|meeting| meeting.id == id) {
                removed = Some((meetings.remove(index), index));
            }
        });
        let Some((meeting, index)) = removed else {
            return;
        };
        let message = tr(lang, T::Deleted, &[&display_title(&meeting, lang)]);
        self.unsaved.update_value(|unsaved| {
            unsaved.remove(id);
        });
        let id = id.to_owned();
        self.with_store(move |store| async move { store.delete(&id).await });
        self.show_toast(
            message,
            Some(Undo::Restore {
                meeting: Box::new(meeting),
                index,
            }),
        );
    }

    pub fn undo(self, undo: Undo) {
        self.toast.set(None);
        match undo {
            Undo::Restore { meeting, index } => {
                let id = meeting.id.clone();
                self.meetings.update(|meetings| {
                    let index = index.min(meetings.len());
                    meetings.insert(index, *meeting);
                });
                self.mark_unsaved(&id);
                self.flush();
            }
            Undo::Revert { meeting } => {
                let id = meeting.id.clone();
                self.edit_meeting(&id, move |current| *current = *meeting);
            }
            Undo::Remove { id } => {
                self.meetings
                    .update(|meetings| meetings.retain(|meeting| meeting.id != id));
                self.with_store(move |store| async move { store.delete(&id).await });
            }
        }
    }

    /// Adds or replaces meetings (a restore) and saves them in one transaction.
    pub fn put_meetings(self, incoming: Vec<Meeting>) {
        let ids: Vec<String> = incoming.iter().map(|meeting| meeting.id.clone()).collect();
        self.meetings.update(|meetings| {
            for meeting in incoming {
                match meetings.iter_mut().find(|local| local.id == meeting.id) {
                    Some(local) => *local = meeting,
                    None => meetings.push(meeting),
                }
            }
            sort_newest_first(meetings);
        });
        for id in &ids {
            self.mark_unsaved(id);
        }
        self.flush();
    }

    pub fn find(&self, id: &str) -> Option<Meeting> {
        self.meetings
            .with_untracked(|meetings| meetings.iter().find(|meeting| meeting.id == id).cloned())
    }

    /// Copies `text` to the clipboard and says whether it worked.
    pub fn copy_to_clipboard(self, text: String) {
        spawn_local(async move {
            let lang = self.lang.get_untracked();
            let message = match browser::copy_text(&text).await {
                Ok(()) => T::Copied.get(lang).to_owned(),
                Err(cause) => tr(lang, T::CopyFailed, &[&cause]),
            };
            self.show_toast(message, None);
        });
    }

    pub fn show_toast(self, message: String, undo: Option<Undo>) {
        if let Some(handle) = self.toast_timer.get_value() {
            handle.clear();
        }
        self.toast.set(Some(Toast { message, undo }));
        let handle = set_timeout_with_handle(move || self.toast.set(None), TOAST_LIFETIME).ok();
        self.toast_timer.set_value(handle);
    }

    /// Writes every unsaved meeting now. Never deferred: when the page is being hidden or closed
    /// this is the last chance, and IndexedDB runs this tab's transactions in order anyway.
    pub fn flush(self) {
        if let Some(handle) = self.save_timer.get_value() {
            handle.clear();
        }
        self.save_timer.set_value(None);
        let conflicted: Vec<String> = self
            .conflicts
            .with_untracked(|conflicts| conflicts.iter().map(|(id, _)| id.clone()).collect());
        // Meetings in conflict wait for the user's choice; the rest are written now.
        let ids: BTreeSet<String> = self.unsaved.with_value(|unsaved| {
            unsaved
                .iter()
                .filter(|id| !conflicted.contains(id))
                .cloned()
                .collect()
        });
        if ids.is_empty() {
            return;
        }
        self.unsaved
            .update_value(|unsaved| unsaved.retain(|id| !ids.contains(id)));
        let Some(store) = self.store.get_value() else {
            // Storage never opened: the error is already shown; data stays in memory.
            self.unsaved.update_value(|unsaved| unsaved.extend(ids));
            return;
        };
        let batch: Vec<(Meeting, Option<u64>)> = self.meetings.with_untracked(|meetings| {
            meetings
                .iter()
                .filter(|meeting| ids.contains(&meeting.id))
                .map(|meeting| (meeting.clone(), self.known_revision(&meeting.id)))
                .collect()
        });
        let tab_id = self.tab_id.get_value();
        self.in_flight
            .update_value(|in_flight| in_flight.extend(ids.iter().cloned()));
        spawn_local(async move {
            let result = store.save_checked(&tab_id, &batch).await;
            self.in_flight
                .update_value(|in_flight| in_flight.retain(|id| !ids.contains(id)));
            match result {
                Ok(outcomes) => {
                    self.storage_error.set(None);
                    self.settle(outcomes);
                    self.drop_stale_journal();
                }
                Err(error) => {
                    // Keep the ids so the next edit retries them.
                    self.unsaved.update_value(|unsaved| unsaved.extend(ids));
                    self.storage_error.set(Some(error));
                }
            }
        });
    }

    /// The page is being hidden or closed: start writing every unsaved meeting, and journal
    /// them synchronously in case the browser aborts that write as the page goes (D1).
    pub fn leave(self) {
        self.flush();
        let pending: BTreeSet<String> = self.unsaved.with_value(|unsaved| {
            self.in_flight
                .with_value(|in_flight| unsaved.union(in_flight).cloned().collect())
        });
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
            Ok(()) => self.journal_written.set_value(true),
            Err(error) => self.storage_error.set(Some(error)),
        }
    }

    /// The stored revision of `id` as this tab last read or wrote it.
    fn known_revision(self, id: &str) -> Option<u64> {
        self.known_revisions
            .with_value(|known| known.get(id).copied())
    }

    /// Every save of this tab has landed: its journal, if any, is out of date.
    fn drop_stale_journal(self) {
        let settled = self.unsaved.with_value(BTreeSet::is_empty)
            && self.in_flight.with_value(BTreeSet::is_empty);
        if settled && self.journal_written.get_value() {
            store::journal::clear(&self.tab_id.get_value());
            self.journal_written.set_value(false);
        }
    }

    /// Brings back edits a closing page journaled but never stored: lost saves are written now;
    /// edits the store has moved on from are offered as conflicts.
    fn replay_journal(self) {
        let pending: Vec<journal::Pending> = store::journal::take_all()
            .iter()
            .flat_map(|text| journal::decode_journal(text))
            .collect();
        if pending.is_empty() {
            return;
        }
        let recoveries = self.meetings.with_untracked(|meetings| {
            journal::recover(pending, |id| meetings.iter().find(|m| m.id == id))
        });
        if recoveries.is_empty() {
            return;
        }
        let count = recoveries.len();
        // Conflicts are raised first, so the flush in `put_meetings` holds those meetings back
        // for the user's choice and writes the rest.
        let mine: Vec<Meeting> = recoveries
            .into_iter()
            .map(|recovery| match recovery {
                Recovery::Replay(meeting) => meeting,
                Recovery::Conflict { mine, theirs } => {
                    self.raise_conflict(mine.id.clone(), theirs.map(|t| *t));
                    mine
                }
            })
            .collect();
        self.put_meetings(mine);
        let lang = self.lang.get_untracked();
        self.show_toast(tr(lang, T::RecoveredUnsaved, &[&count.to_string()]), None);
    }

    /// Records what a checked save did: new revisions, and conflicts for the user to settle.
    fn settle(self, outcomes: Vec<Saved>) {
        for outcome in outcomes {
            match outcome {
                Saved::Written { id, revision } => {
                    self.known_revisions.update_value(|known| {
                        known.insert(id.clone(), revision);
                    });
                    tabs::announce_saved(&id);
                }
                Saved::Conflict { id, theirs } => self.raise_conflict(id, theirs.map(|t| *t)),
            }
        }
    }

    /// This tab's version of `id` (in memory) meets a different stored one: keep it unsaved
    /// until the user chooses between them.
    fn raise_conflict(self, id: String, theirs: Option<Meeting>) {
        self.mark_unsaved(&id);
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
        let stored = theirs.as_ref().map(|meeting| meeting.revision);
        self.known_revisions.update_value(|known| {
            if let Some(stored) = stored {
                known.insert(id.to_owned(), stored);
            }
        });
        match (keep_mine, theirs) {
            (false, Some(theirs)) => {
                self.unsaved.update_value(|unsaved| {
                    unsaved.remove(id);
                });
                self.replace_from_store(theirs);
            }
            _ => {
                self.mark_unsaved(id);
                self.flush();
            }
        }
    }

    /// Another tab saved `id`: show its version here unless this tab is editing that meeting.
    pub fn reload_saved_elsewhere(self, id: String) {
        let busy = self.is_being_edited(&id);
        let Some(store) = self.store.get_value() else {
            return;
        };
        if busy {
            // The next save of ours will meet their revision and ask the user.
            return;
        }
        spawn_local(async move {
            match store.load_one(&id).await {
                // Typed into meanwhile: this tab's edit wins the race and meets theirs on saving.
                Ok(Some(_)) if self.is_being_edited(&id) => {}
                Ok(Some(meeting)) => self.replace_from_store(meeting),
                Ok(None) => {}
                Err(error) => self.storage_error.set(Some(error)),
            }
        });
    }

    /// Edited here and not yet stored, or on its way to the store.
    fn is_being_edited(self, id: &str) -> bool {
        self.unsaved.with_value(|unsaved| unsaved.contains(id))
            || self
                .in_flight
                .with_value(|in_flight| in_flight.contains(id))
    }

    fn replace_from_store(self, stored: Meeting) {
        self.known_revisions.update_value(|known| {
            known.insert(stored.id.clone(), stored.revision);
        });
        self.meetings.update(|meetings| {
            match meetings.iter_mut().find(|local| local.id == stored.id) {
                Some(local) => *local = stored,
                None => meetings.push(stored),
            }
            sort_newest_first(meetings);
        });
    }

    fn mark_unsaved(&self, id: &str) {
        self.unsaved.update_value(|unsaved| {
            unsaved.insert(id.to_owned());
        });
    }

    fn schedule_save(self) {
        if self.save_timer.get_value().is_some() {
            return;
        }
        let handle = set_timeout_with_handle(move || self.flush(), SAVE_DEBOUNCE).ok();
        self.save_timer.set_value(handle);
    }

    /// Runs a write and reports its outcome in `storage_error`.
    fn with_store<F, Fut>(self, write: F)
    where
        F: FnOnce(Rc<MeetingStore>) -> Fut + 'static,
        Fut: std::future::Future<Output = Result<(), StoreError>> + 'static,
    {
        let Some(store) = self.store.get_value() else {
            // Storage never opened: the error is already shown; data stays in memory.
            return;
        };
        spawn_local(async move {
            match write(store).await {
                Ok(()) => self.storage_error.set(None),
                Err(error) => self.storage_error.set(Some(error)),
            }
        });
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

/// The title to show: the meeting's own, or a placeholder for an untitled one.
pub fn display_title(meeting: &Meeting, lang: Lang) -> String {
    title_or_untitled(&meeting.title, lang)
}

/// A title as shown: "untitled" for a blank one.
pub fn title_or_untitled(title: &str, lang: Lang) -> String {
    if title.trim().is_empty() {
        T::Untitled.get(lang).to_owned()
    } else {
        title.to_owned()
    }
}

fn sort_newest_first(meetings: &mut [Meeting]) {
    order::sort_by_key(meetings, |meeting| std::cmp::Reverse(meeting.updated_at));
}
