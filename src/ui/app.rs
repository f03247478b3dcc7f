//! The app shell: header and navigation, the banners that report storage and updates, the page
//! for the current `#/…` route, and the toast with undo.

use leptos::ev;
use leptos::prelude::*;

use super::browser;
use super::pages::workspace::Workspace;
use super::pages::{
    answer::AnswerPage, meeting_list::MeetingList, replies::RepliesPage, review::Review,
    settings::Settings, share::SharePage, standup::Standup, tracker::Tracker,
};
use super::state::{display_title, AppState};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::tracker::reminder_counts;
use crate::core::formats::backup::export_backup;
use crate::core::storage::save_book::{Source, StoredVersion};
use crate::core::view::route::{Route, Stage};

#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    super::first_screen::adopt_early_language(state);
    browser::set_document_lang(state.prefs.lang.get_untracked().tag());
    state.load();
    // The team space's views are drawn by its worker, in the page's language (T5).
    Effect::new(move || {
        state.prefs.lang.track();
        state.space.language_changed(state);
    });

    let hash_listener = window_event_listener(ev::hashchange, move |_| {
        state.arrive(Route::parse(&browser::current_hash()));
    });
    // Hiding is the last moment a page is sure to run code (mobile browsers may never fire
    // unload), so pending edits are written then.
    let hide_listener = window_event_listener(ev::visibilitychange, move |_| {
        if browser::document_is_hidden() {
            state.leave();
        }
    });
    let pagehide_listener = window_event_listener(ev::pagehide, move |_| state.leave());
    // A restore is not journaled (it may not fit in localStorage): while it is being written,
    // closing the page asks first.
    let unload_listener = window_event_listener(ev::beforeunload, move |event| {
        if state.saving.bulk_pending.get_untracked() > 0 {
            event.prevent_default();
        }
    });
    let update_listener = window_event_listener_untyped("crossmeet-update-ready", move |_| {
        state.update_ready.set(true)
    });
    super::notify::watch_due_soon(state);
    super::tabs::listen(
        state.saving.tab_id(),
        move |id| state.saving.reload_saved_elsewhere(id),
        move |id| state.deleted_elsewhere(&id),
    );
    on_cleanup(move || {
        hash_listener.remove();
        hide_listener.remove();
        pagehide_listener.remove();
        unload_listener.remove();
        update_listener.remove();
    });

    // A language switch is rare: rebuilding the page then lets every label be plain text
    // instead of a reactive node of its own, which keeps the bundle and the DOM updates small.
    // The meeting list can be drawn from the stored summaries before every meeting is loaded;
    // a memo, so the list is not rebuilt when loading then finishes.
    let ready = Memo::new(move |_| {
        state.loaded.get()
            || (state.route.with(|route| *route == Route::MeetingList)
                && state.list_preview.with(Option::is_some))
    });
    super::first_screen::hand_over(state, ready);
    let answering = Memo::new(move |_| state.route.with(|route| matches!(route, Route::Answer(_))));
    move || {
        state.prefs.lang.track();
        // The answer page is for people who never use the app themselves (A1): no organiser's
        // navigation, only the language switch.
        view! {
            {if answering.get() { view! { <LangSwitch/> }.into_any() } else { view! { <Header/> }.into_any() }}
            <Banners/>
            <main id="main" class="page">
                {move || {
                    if !ready.get() {
                        return view! {
                            <p class="loading" role="status">{state.text(T::Loading)}</p>
                        }
                        .into_any();
                    }
                    match state.route.get() {
                        Route::MeetingList => view! { <MeetingList/> }.into_any(),
                        Route::Meeting { id, stage } => view! { <Workspace id stage/> }.into_any(),
                        Route::Projector(id) => view! { <Workspace id stage=Stage::Run projector=true/> }.into_any(),
                        Route::Tracker => view! { <Tracker/> }.into_any(),
                        Route::Standup => view! { <Standup/> }.into_any(),
                        Route::Review => view! { <Review/> }.into_any(),
                        Route::Share(payload) => view! { <SharePage payload/> }.into_any(),
                        Route::Answer(payload) => view! { <AnswerPage payload/> }.into_any(),
                        Route::Replies(token) => view! { <RepliesPage token/> }.into_any(),
                        Route::Settings => view! { <Settings/> }.into_any(),
                        Route::NotFound => {
                            view! { <p class="empty">{state.text(T::PageNotFound)}</p> }.into_any()
                        }
                    }
                }}
            </main>
            <ToastBar/>
        }
    }
}

#[component]
fn Header() -> impl IntoView {
    let state = expect_context::<AppState>();
    let nav_link = move |route: Route, label: T| {
        let href = route.href();
        let current = move || {
            let here = state.route.get();
            let active = match (&here, &route) {
                (Route::Meeting { .. }, Route::MeetingList) => true,
                (Route::Standup, Route::Tracker) => true,
                (Route::Share(_), Route::MeetingList) => true,
                _ => here == route,
            };
            active.then_some("page")
        };
        view! {
            <a href=href aria-current=current>{state.text(label)}</a>
        }
    };
    view! {
        <header class="app-header">
            <a class="brand" href="#/">
                <span class="brand-mark" aria-hidden="true">"⇄"</span>
                {state.text(T::AppName)}
            </a>
            <nav aria-label="primary">
                {nav_link(Route::MeetingList, T::NavMeetings)}
                {nav_link(Route::Tracker, T::NavTracker)}
                {nav_link(Route::Review, T::NavReview)}
                {nav_link(Route::Settings, T::NavSettings)}
            </nav>
            // The team space's state at a glance (T5), drawn by its worker.
            {move || crate::ui::space::space_view(state, "header", None, "", true)}
            <LangSwitch/>
        </header>
    }
}

#[component]
fn LangSwitch() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button
            class="lang-switch"
            type="button"
            title=state.text(T::SwitchLanguageLabel)
            lang=state.prefs.lang.get_untracked().other().tag()
            on:click=move |_| state.prefs.set_lang(state.prefs.lang.get_untracked().other())
        >
            {state.text(T::SwitchLanguage)}
        </button>
    }
}

/// Storage failures, unreadable records and waiting updates: each stays visible until resolved.
#[component]
fn Banners() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The reminder shows once per visit until dismissed (F3).
    let reminder_dismissed = RwSignal::new(false);
    view! {
        <div class="banners">
            {move || {
                let lang = state.prefs.lang.get();
                state.saving.failures.get().into_iter().map(|(source, error, named)| {
                    view! {
                        <div class="banner banner-error" role="alert" data-testid="storage-error" data-source=source.name()>
                            {error.message(lang)}
                            " "
                            {not_stored(state, source, &named)}
                        </div>
                    }
                }).collect_view()
            }}
            {move || {
                let lang = state.prefs.lang.get();
                state.saving.conflicts.get().into_iter().map(|(id, theirs)| conflict_banner(state, lang, id, theirs)).collect_view()
            }}
            {move || {
                let count = state.undecodable.with(Vec::len);
                (count > 0).then(|| {
                    view! {
                        <div class="banner banner-warn" role="status" data-testid="undecodable">
                            {tr(state.prefs.lang.get(), T::Undecodable, &[&count.to_string()])}
                            " "
                            <a href=Route::Settings.href()>{state.text(T::NavSettings)}</a>
                        </div>
                    }
                })
            }}
            {move || {
                let today = browser::today();
                let soon_days = state.prefs.due_soon_days.get();
                let counts = state.meetings.with(|ms| reminder_counts(ms, today, soon_days));
                (state.loaded.get() && !reminder_dismissed.get() && counts.any()).then(|| {
                    view! {
                        <div class="banner banner-warn" role="status" data-testid="reminder">
                            <a href=Route::Tracker.href()>
                                {tr(state.prefs.lang.get(), T::Reminder, &[&counts.overdue.to_string(), &counts.today.to_string(), &counts.soon.to_string()])}
                            </a>
                            " "
                            <button type="button" class="quiet" aria-label=state.text(T::Dismiss) on:click=move |_| reminder_dismissed.set(true)>"×"</button>
                        </div>
                    }
                })
            }}
            {move || {
                state.update_ready.get().then(|| {
                    view! {
                        <div class="banner banner-info" role="status">
                            {state.text(T::UpdateReady)}
                            " "
                            <button type="button" on:click=|_| browser::apply_update()>
                                {state.text(T::Reload)}
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}

/// What a failed kind of write left unstored, named for the user.
fn not_stored(state: AppState, source: Source, ids: &[String]) -> String {
    let lang = state.prefs.lang.get_untracked();
    match source {
        Source::Database => String::new(),
        Source::Meetings => {
            // Tracked: the banner names the meetings as they are being edited.
            let titles: Vec<String> = state.meetings.with(|meetings| {
                ids.iter()
                    .map(|id| match meetings.iter().find(|m| &m.id == id) {
                        Some(meeting) => display_title(meeting, lang),
                        None => id.clone(),
                    })
                    .collect()
            });
            // A handful by name; a restore of hundreds is summed up.
            const NAMED: usize = 3;
            let separator = if lang == Lang::Zh { "、" } else { ", " };
            let named = titles[..titles.len().min(NAMED)].join(separator);
            match titles.len().checked_sub(NAMED).filter(|more| *more > 0) {
                Some(more) => tr(lang, T::NotStoredMany, &[&named, &more.to_string()]),
                None => tr(lang, T::NotStoredMeetings, &[&named]),
            }
        }
        Source::Deletes => tr(lang, T::NotStoredDeletes, &[&ids.len().to_string()]),
        Source::Preferences => T::NotStoredPreferences.get(lang).to_owned(),
        Source::Journal => T::NotStoredJournal.get(lang).to_owned(),
    }
}

/// A meeting saved elsewhere while edited here: the user chooses which version stays. A stored
/// version this build cannot read is said to be so, and is replaced only on an explicit choice.
fn conflict_banner(state: AppState, lang: Lang, id: String, theirs: StoredVersion) -> AnyView {
    let mine = state.find(&id);
    let title = mine
        .as_ref()
        .map(|mine| display_title(mine, lang))
        .unwrap_or_default();
    let keep = id.clone();
    let keep_mine = move |label: T| {
        view! {
            <button type="button" data-testid="conflict-mine" on:click=move |_| state.saving.resolve_conflict(&keep, true)>
                {state.text(label)}
            </button>
        }
    };
    if let StoredVersion::Unreadable { error, .. } = &theirs {
        let message = tr(lang, T::ConflictUnreadable, &[&title, &error.message(lang)]);
        return view! {
            <div class="banner banner-error" role="alert" data-testid="conflict" data-unreadable="true">
                {message}
                " "
                <button type="button" data-testid="conflict-export" on:click=move |_| {
                    // The whole meeting, as a backup to restore from: not just its plan.
                    if let Some(mine) = &mine {
                        let file = export_backup(std::slice::from_ref(mine), browser::now());
                        state.download(&format!("crossmeet-backup-{}.json", mine.id), "application/json", &file);
                    }
                }>
                    {state.text(T::ConflictExportMine)}
                </button>
                " "
                {keep_mine(T::ConflictOverwrite)}
            </div>
        }
        .into_any();
    }
    if theirs == StoredVersion::Gone {
        let go = id;
        return view! {
            <div class="banner banner-error" role="alert" data-testid="conflict" data-deleted="true">
                {tr(lang, T::ConflictDeleted, &[&title])}
                " "
                {keep_mine(T::ConflictKeepMine)}
                " "
                <button type="button" data-testid="conflict-let-go" on:click=move |_| state.let_deleted_go(&go)>
                    {state.text(T::ConflictLetGo)}
                </button>
            </div>
        }
        .into_any();
    }
    let take = id;
    view! {
        <div class="banner banner-error" role="alert" data-testid="conflict">
            {tr(lang, T::ConflictMessage, &[&title])}
            " "
            {matches!(theirs, StoredVersion::Readable(_)).then(|| view! {
                <button type="button" data-testid="conflict-theirs" on:click=move |_| state.saving.resolve_conflict(&take, false)>
                    {state.text(T::ConflictTakeTheirs)}
                </button>
            })}
            " "
            {keep_mine(T::ConflictKeepMine)}
        </div>
    }
    .into_any()
}

#[component]
fn ToastBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <div class="toast-region" aria-live="polite">
            {move || {
                state.toasts.current.get().map(|toast| {
                    let undo = toast.undo.clone();
                    view! {
                        <div class="toast" data-testid="toast">
                            <span>{toast.message}</span>
                            {undo.map(|undo| {
                                view! {
                                    <button type="button" on:click=move |_| state.undo(undo.clone())>
                                        {state.text(T::Undo)}
                                    </button>
                                }
                            })}
                            <button
                                type="button"
                                class="quiet"
                                aria-label=state.text(T::Dismiss)
                                on:click=move |_| state.toasts.dismiss()
                            >
                                "×"
                            </button>
                        </div>
                    }
                })
            }}
        </div>
    }
}
