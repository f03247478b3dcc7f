//! The app's shared state and the actions components dispatch on the meetings in memory. Each
//! concern keeps its own small type: [`Preferences`], [`Toasts`], and [`Saving`], to which every
//! change of a meeting is handed to reach IndexedDB and which reports what is not stored.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::browser::{self, DeviceZone};
use super::keyed::Keys;
use super::preferences::Preferences;
use super::saving::{sort_newest_first, Saving};
use super::space::TeamSpace;
use super::toast::{Toasts, Undo};
use crate::core::domain::edit::{diff, Edit, Refused};
use crate::core::domain::from_plan::{from_plan, PlanUse};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{Meeting, Situation};
use crate::core::domain::templates::meeting_from_template;
use crate::core::storage::summary::{self, MeetingSummary};
use crate::core::view::route::Route;
use crate::store::meetings::{MeetingStore, UndecodableRecord, APP_DATABASE};
use crate::store::StoreError;

/// Everything the pages share; `Copy`, so closures take it freely.
#[derive(Clone, Copy)]
pub struct AppState {
    pub prefs: Preferences,
    pub route: RwSignal<Route>,
    pub meetings: RwSignal<Vec<Meeting>>,
    /// The stored list summaries, newest first, shown by the meeting list while `meetings` is
    /// still being read; `None` once every meeting is loaded.
    pub list_preview: RwSignal<Option<Vec<MeetingSummary>>>,
    /// Every meeting has been read (or storage failed): editing is possible.
    pub loaded: RwSignal<bool>,
    /// Writing meetings and preferences, with the failures and conflicts the banners show.
    pub saving: Saving,
    pub undecodable: RwSignal<Vec<UndecodableRecord>>,
    pub persisted: RwSignal<Option<bool>>,
    pub update_ready: RwSignal<bool>,
    pub toasts: Toasts,
    /// The views' subscriptions to parts of meetings (the keyed store).
    pub keys: Keys,
    /// The team space, when this device has turned it on (T1).
    pub space: TeamSpace,
    /// Pending notice to the views of the whole collection (list, tracker, header counts).
    collection_timer: StoredValue<Option<TimeoutHandle>>,
    /// The meeting just created from a template or blank and not edited since: opened only to
    /// look at a template, it is discarded when the user leaves it (S1).
    fresh: StoredValue<Option<String>>,
}

/// How long views of the whole collection wait after a keystroke in one meeting: a typed word
/// redraws them once, not per keystroke (the meeting's own views redraw at once).
const COLLECTION_SETTLE: std::time::Duration = std::time::Duration::from_millis(200);

impl AppState {
    pub fn new() -> AppState {
        let meetings = RwSignal::new(Vec::new());
        let keys = Keys::default();
        let saving = Saving::new(meetings, keys, browser::new_id());
        AppState {
            prefs: Preferences::load(saving),
            route: RwSignal::new(Route::parse(&browser::current_hash())),
            meetings,
            list_preview: RwSignal::new(None),
            loaded: RwSignal::new(false),
            saving,
            undecodable: RwSignal::new(Vec::new()),
            persisted: RwSignal::new(None),
            update_ready: RwSignal::new(browser::update_is_waiting()),
            toasts: Toasts::default(),
            keys,
            space: TeamSpace::new(),
            collection_timer: StoredValue::new(None),
            fresh: StoredValue::new(None),
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
                move || {
                    self.saving
                        .database_problem(Some(StoreError::UpgradeWaiting))
                },
                move || {
                    self.saving.use_store(None);
                    self.saving.database_problem(Some(StoreError::Superseded));
                },
            )
            .await;
            if self
                .saving
                .has_database_problem(&StoreError::UpgradeWaiting)
            {
                self.saving.database_problem(None);
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
                            self.saving.loaded(&meetings);
                            sort_newest_first(&mut meetings);
                            let rebuilt: Option<Vec<MeetingSummary>> = (!summaries_current)
                                .then(|| meetings.iter().map(MeetingSummary::from).collect());
                            self.meetings.set(meetings);
                            self.keys.replaced_all();
                            self.undecodable.set(loaded.undecodable);
                            if let Some(rebuilt) = rebuilt {
                                if let Err(error) = store.rebuild_summaries(&rebuilt).await {
                                    self.saving.database_problem(Some(error));
                                }
                            }
                        }
                        Err(error) => self.saving.database_problem(Some(error)),
                    }
                    // A newer build in another tab may have taken the database over meanwhile:
                    // then this connection is closed and must not be used for saves.
                    if !self.saving.has_database_problem(&StoreError::Superseded) {
                        self.saving.use_store(Some(store));
                    }
                    // Only against what is known to be stored: otherwise the journal waits.
                    if replay_journal {
                        self.replay_journal().await;
                    }
                }
                Err(error) => self.saving.database_problem(Some(error)),
            }
            self.loaded.set(true);
            self.list_preview.set(None);
            self.space.resume(self);
            let persisted = crate::store::persistence::request_persistent_storage().await;
            self.persisted.set(persisted);
        });
    }

    pub fn text(&self, key: T) -> &'static str {
        key.get(self.prefs.lang.get())
    }

    /// The address changed to `route`: leaving a meeting just created and never touched
    /// discards it, with undo (opening a template to look at it leaves nothing behind).
    pub fn arrive(self, route: Route) {
        let left = self.fresh.with_value(|fresh| {
            fresh
                .clone()
                .filter(|fresh| !matches!(&route, Route::Meeting { id, .. } if id == fresh))
        });
        if let Some(untouched) = left {
            self.fresh.set_value(None);
            self.remove_with_undo(&untouched, T::UntouchedDiscarded);
        }
        self.route.set(route);
    }

    pub fn go(self, route: Route) {
        browser::set_hash(&route.href());
        self.route.set(route);
    }

    /// Creates a meeting from a template (or blank) and opens it.
    pub fn create_meeting(self, situation: Situation) {
        let meeting = meeting_from_template(
            situation,
            self.prefs.lang.get_untracked(),
            browser::new_id(),
            browser::now(),
            browser::new_id,
        );
        self.add_and_open(meeting);
    }

    /// Stores a new meeting at the top of the list and opens its plan.
    fn add_and_open(self, meeting: Meeting) {
        let id = meeting.id.clone();
        self.fresh.set_value(Some(id.clone()));
        self.meetings.update(|meetings| meetings.insert(0, meeting));
        self.saving.edited(&id);
        self.go(Route::Meeting {
            id,
            stage: Default::default(),
        });
    }

    /// Reads meeting `id` without subscribing to anything: the caller tracks what it shows
    /// through [`Keys`].
    pub fn with_meeting<R>(self, id: &str, read: impl FnOnce(&Meeting) -> R) -> Option<R> {
        self.meetings
            .with_untracked(|meetings| meetings.iter().find(|meeting| meeting.id == id).map(read))
    }

    /// Saves a copy of a meeting's plan as a user template (S1).
    pub fn save_as_template(self, id: &str) {
        let Some(meeting) = self.find(id) else {
            return;
        };
        let lang = self.prefs.lang.get_untracked();
        let template = from_plan(
            &meeting,
            PlanUse::AsTemplate,
            browser::now(),
            &DeviceZone,
            browser::new_id,
        );
        let message = tr(lang, T::SavedAsTemplate, &[&display_title(&template, lang)]);
        let template_id = template.id.clone();
        self.meetings.update(|meetings| meetings.push(template));
        self.saving.edited(&template_id);
        self.toasts
            .show(message, Some(Undo::Remove { id: template_id }));
    }

    /// Plans a new meeting from a user template and opens it.
    pub fn create_from_template(self, template_id: &str) {
        if let Some(template) = self.find(template_id) {
            let now = browser::now();
            self.add_and_open(from_plan(
                &template,
                PlanUse::FromTemplate,
                now,
                &DeviceZone,
                browser::new_id,
            ));
        }
    }

    /// Applies one edit to meeting `id`: every change a user makes goes through here. Memory
    /// first, then the views of the parts it changed, then its write (D1), then the views of the
    /// whole collection (list, tracker, header). Returns the edit's inverse, for undo.
    pub fn dispatch(self, id: &str, edit: Edit) -> Result<Edit, Refused> {
        let outcome = self.apply(id, edit);
        if outcome.is_ok() {
            self.meetings.notify();
        }
        outcome
    }

    /// [`dispatch`](Self::dispatch) for a keystroke in the open meeting: the views of the whole
    /// collection follow once typing settles, so a typed word redraws them once.
    pub fn dispatch_typing(self, id: &str, edit: Edit) {
        if self.apply(id, edit).is_ok() {
            self.collection_changed_soon();
        }
    }

    fn apply(self, id: &str, edit: Edit) -> Result<Edit, Refused> {
        let now = browser::now();
        let mut parts = Vec::new();
        edit.parts(&mut parts);
        let mut outcome = Err(Refused::Gone);
        self.meetings.update_untracked(|meetings| {
            if let Some(meeting) = meetings.iter_mut().find(|meeting| meeting.id == id) {
                outcome = edit.apply(meeting);
                if outcome.is_ok() {
                    meeting.touch(now);
                }
            }
        });
        if outcome.is_ok() {
            self.keys.changed(id, parts);
            self.saving.edited(id);
            if self.fresh.with_value(|fresh| fresh.as_deref() == Some(id)) {
                self.fresh.set_value(None);
            }
        }
        outcome
    }

    /// Dispatches `edit` and offers to take it back for a few seconds, saying `message`. Undo
    /// applies the inverse, so edits made meanwhile stay.
    pub fn dispatch_with_undo(self, id: &str, edit: Edit, message: T) {
        let message = self.text(message).to_owned();
        self.dispatch_many_with_undo(vec![(id.to_owned(), edit)], message);
    }

    /// Dispatches edits to several meetings as one step (an import), offering to take them all
    /// back for a few seconds, saying `message`.
    pub fn dispatch_many_with_undo(self, edits: Vec<(String, Edit)>, message: String) {
        let inverses: Vec<(String, Edit)> = edits
            .into_iter()
            .filter(|(_, edit)| !edit.is_nothing())
            .filter_map(|(id, edit)| self.dispatch(&id, edit).ok().map(|inverse| (id, inverse)))
            .collect();
        if !inverses.is_empty() {
            self.toasts.show(message, Some(Undo::Edits(inverses)));
        }
    }

    /// Applies a change computed on a copy of meeting `id`, as the named edits it makes.
    pub fn edit_meeting(self, id: &str, change: impl FnOnce(&mut Meeting)) -> Option<Edit> {
        let edit = self.edits_of(id, change)?;
        self.dispatch(id, edit).ok()
    }

    /// As [`edit_meeting`](Self::edit_meeting), offering to take the change back for a few
    /// seconds, saying `message`.
    pub fn edit_meeting_with_undo(self, id: &str, message: T, change: impl FnOnce(&mut Meeting)) {
        if let Some(edit) = self.edits_of(id, change) {
            self.dispatch_with_undo(id, edit, message);
        }
    }

    /// The named edits a change computed on a copy of meeting `id` makes; `None` when it makes
    /// none, or the meeting is gone.
    fn edits_of(self, id: &str, change: impl FnOnce(&mut Meeting)) -> Option<Edit> {
        self.with_meeting(id, |before| {
            let mut after = before.clone();
            change(&mut after);
            diff(before, &after)
        })
        .filter(|edit| !edit.is_nothing())
    }

    fn collection_changed_soon(self) {
        if let Some(handle) = self.collection_timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                self.collection_timer.set_value(None);
                self.meetings.notify();
            },
            COLLECTION_SETTLE,
        )
        .ok();
        self.collection_timer.set_value(handle);
    }

    pub fn duplicate_meeting(self, id: &str) {
        let lang = self.prefs.lang.get_untracked();
        let Some(original) = self.find(id) else {
            return;
        };
        let copy = from_plan(
            &original,
            PlanUse::Duplicate(lang),
            browser::now(),
            &DeviceZone,
            browser::new_id,
        );
        let message = tr(lang, T::Duplicated, &[&copy.title]);
        let new_id = copy.id.clone();
        self.meetings.update(|meetings| meetings.insert(0, copy));
        self.saving.edited(&new_id);
        self.toasts.show(message, Some(Undo::Remove { id: new_id }));
    }

    /// Deletes a meeting, offering undo for a few seconds.
    pub fn delete_meeting(self, id: &str) {
        self.remove_with_undo(id, T::Deleted);
    }

    /// Removes meeting `id`, saying `message` (with the title) and offering undo.
    fn remove_with_undo(self, id: &str, message: T) {
        let lang = self.prefs.lang.get_untracked();
        let mut removed = None;
        self.meetings.update(|meetings| {
            if let Some(index) = meetings.iter().position(|meeting| meeting.id == id) {
                removed = Some((meetings.remove(index), index));
            }
        });
        let Some((meeting, index)) = removed else {
            return;
        };
        let message = tr(lang, message, &[&display_title(&meeting, lang)]);
        self.saving.deleted(id);
        self.toasts.show(
            message,
            Some(Undo::Restore {
                meeting: Box::new(meeting),
                index,
            }),
        );
    }

    /// Another tab deleted meeting `id`. Without edits of it here, it goes from this tab too,
    /// with a word; with unsaved edits it stays, and its next save asks the user (keep it, or
    /// let it go).
    pub fn deleted_elsewhere(self, id: &str) {
        if self.saving.has_unsaved(id) {
            self.saving.flush();
            return;
        }
        let mut removed = None;
        self.meetings.update(|meetings| {
            if let Some(index) = meetings.iter().position(|meeting| meeting.id == id) {
                removed = Some(meetings.remove(index));
            }
        });
        let Some(meeting) = removed else {
            return;
        };
        self.saving.forget_deleted_elsewhere(id);
        self.keys.replaced(id);
        let lang = self.prefs.lang.get_untracked();
        let message = tr(lang, T::DeletedElsewhere, &[&display_title(&meeting, lang)]);
        self.toasts.show(message, None);
    }

    /// Lets go of a meeting this tab still holds that was deleted elsewhere (the user chose).
    pub fn let_deleted_go(self, id: &str) {
        self.saving.resolve_conflict(id, false);
        self.meetings
            .update(|meetings| meetings.retain(|meeting| meeting.id != id));
        self.keys.replaced(id);
    }

    pub fn undo(self, undo: Undo) {
        self.toasts.dismiss();
        match undo {
            Undo::Restore { meeting, index } => {
                let id = meeting.id.clone();
                self.meetings.update(|meetings| {
                    let index = index.min(meetings.len());
                    meetings.insert(index, *meeting);
                });
                self.keys.replaced(&id);
                self.saving.edited(&id);
            }
            Undo::Edits(inverses) => {
                // Every inverse is tried; the user hears of the refused ones once.
                let refused: Vec<_> = inverses
                    .into_iter()
                    .rev()
                    .filter_map(|(id, inverse)| self.dispatch(&id, inverse).err())
                    .collect();
                if let Some(refused) = refused.first() {
                    let lang = self.prefs.lang.get_untracked();
                    self.toasts
                        .show(refused.message().get(lang).to_owned(), None);
                }
            }
            Undo::Remove { id } => {
                self.meetings
                    .update(|meetings| meetings.retain(|meeting| meeting.id != id));
                self.saving.deleted(&id);
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
        ids.iter().for_each(|id| self.keys.replaced(id));
        self.saving.edited_all(&ids);
    }

    pub fn find(&self, id: &str) -> Option<Meeting> {
        self.meetings
            .with_untracked(|meetings| meetings.iter().find(|meeting| meeting.id == id).cloned())
    }

    /// Saves `body` as a file through the browser's download; says so in the user's language
    /// when the browser refuses (the data stays in the app, nothing is lost). True when saved.
    pub fn download(self, name: &str, mime: &str, body: &str) -> bool {
        let saved = browser::download(name, mime, body).is_ok();
        if !saved {
            let lang = self.prefs.lang.get_untracked();
            self.toasts.show(tr(lang, T::DownloadFailed, &[name]), None);
        }
        saved
    }

    /// Copies `text` to the clipboard and says whether it worked.
    pub fn copy_to_clipboard(self, text: String) {
        spawn_local(async move {
            let lang = self.prefs.lang.get_untracked();
            let message = match browser::copy_text(&text).await {
                Ok(()) => T::Copied.get(lang).to_owned(),
                Err(cause) => tr(lang, T::CopyFailed, &[&cause]),
            };
            self.toasts.show(message, None);
        });
    }

    /// The page is being hidden or closed.
    pub fn leave(self) {
        self.saving.leave();
    }

    /// Brings back edits closing pages journaled but never stored, and reports journals this
    /// build cannot read beside the unreadable records.
    async fn replay_journal(self) {
        let found = self.saving.read_journals().await;
        if !found.unreadable.is_empty() {
            self.undecodable
                .update(|undecodable| undecodable.extend(found.unreadable));
        }
        if found.meetings.is_empty() {
            return;
        }
        let count = found.meetings.len();
        self.put_meetings(found.meetings);
        let lang = self.prefs.lang.get_untracked();
        self.toasts
            .show(tr(lang, T::RecoveredUnsaved, &[&count.to_string()]), None);
    }
}

impl Default for AppState {
    fn default() -> Self {
        AppState::new()
    }
}

/// The title to show: the meeting's own, or a placeholder for an untitled one.
pub fn display_title(meeting: &Meeting, lang: Lang) -> String {
    meeting.title_or_untitled(lang).to_owned()
}

/// A title as shown: "untitled" for a blank one (`model::title_or_untitled`, the one rule).
pub fn title_or_untitled(title: &str, lang: Lang) -> String {
    crate::core::domain::model::title_or_untitled(title, lang).to_owned()
}
