//! The meeting list: search, create (blank or from the four S1 templates), open, duplicate and
//! delete with undo.

use leptos::prelude::*;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Situation;
use crate::core::domain::time::{format_date_time, LocalZone};
use crate::core::storage::summary::MeetingSummary;
use crate::core::view::first_screen::template_name;
use crate::core::view::route::{Route, Stage};
use crate::ui::browser::{self, DeviceZone};
use crate::ui::pages::show_more;
use crate::ui::state::{title_or_untitled, AppState};

/// Cards drawn at first and per "show more", newest first.
const LIST_PAGE: usize = 30;

#[component]
pub fn MeetingList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(LIST_PAGE);
    let summaries = list_summaries(state);
    let visible = Memo::new(move |_| {
        let needle = query.get().trim().to_ascii_lowercase();
        summaries.with(|summaries| {
            summaries
                .iter()
                .filter(|summary| !summary.is_template && summary.matches(&needle))
                .cloned()
                .collect::<Vec<_>>()
        })
    });

    let has_meetings =
        Memo::new(move |_| summaries.with(|summaries| summaries.iter().any(|s| !s.is_template)));
    // Written when it changes, not on every edit: the first screen's hint (index.html).
    Effect::new(move |_| {
        if state.loaded.get() {
            browser::remember_has_meetings(has_meetings.get());
        }
    });
    view! {
        <section class="list-page">
            <div class="list-toolbar">
                <h1>{state.text(T::NavMeetings)}</h1>
                <input
                    type="search"
                    class="search"
                    aria-label=state.text(T::SearchMeetings)
                    placeholder=state.text(T::SearchMeetings)
                    prop:value=query
                    on:input=move |ev| query.set(event_target_value(&ev))
                />
                <a class="button" href=Route::Share(String::new()).href() data-testid="open-shared">
                    {state.text(T::OpenShared)}
                </a>
            </div>
            <CreateMeeting summaries/>
            {move || {
                if !has_meetings.get() {
                    view! {
                        <div class="empty" data-testid="empty-list">
                            <h2>{state.text(T::EmptyListTitle)}</h2>
                            <p>{state.text(T::EmptyListHint)}</p>
                        </div>
                    }
                    .into_any()
                } else if visible.with(Vec::is_empty) {
                    view! {
                        <p class="empty">
                            {tr(state.prefs.lang.get(), T::NoSearchResults, &[&query.get()])}
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <ul class="meeting-cards" data-testid="meeting-list">
                            <For
                                each=move || visible.with(|list| list.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                                key=|summary| summary.clone()
                                let:summary
                            >
                                <MeetingCard summary/>
                            </For>
                        </ul>
                        {move || show_more(shown, visible.with(Vec::len), LIST_PAGE, state.prefs.lang.get())}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// What the list shows of every meeting: the stored summaries until the meetings are loaded,
/// then summaries of the meetings in memory (so an edit shows when the list is next drawn).
fn list_summaries(state: AppState) -> Memo<Vec<MeetingSummary>> {
    Memo::new(move |_| {
        state.list_preview.with(|preview| match preview {
            Some(preview) => preview.clone(),
            None => state
                .meetings
                .with(|meetings| meetings.iter().map(MeetingSummary::from).collect()),
        })
    })
}

/// Buttons that change meetings wait until every meeting is loaded: before that, the list is
/// drawn from summaries and there is nothing yet to copy, delete or save into.
fn still_loading(state: AppState) -> impl Fn() -> bool + Copy {
    move || !state.loaded.get()
}

#[component]
fn CreateMeeting(summaries: Memo<Vec<MeetingSummary>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loading = still_loading(state);
    view! {
        <section class="create" aria-labelledby="create-heading">
            <h2 id="create-heading">{state.text(T::FromTemplate)}</h2>
            <div class="template-grid">
                {Situation::TEMPLATES
                    .into_iter()
                    .map(|situation| {
                        view! {
                            <button
                                type="button"
                                class="template"
                                data-template=template_name(situation)
                                disabled=loading
                                on:click=move |_| state.create_meeting(situation)
                            >
                                <strong>{state.text(situation.label())}</strong>
                                <span>{state.text(situation.hint())}</span>
                            </button>
                        }
                    })
                    .collect_view()}
                {move || {
                    summaries.with(|summaries| {
                        summaries
                            .iter()
                            .filter(|s| s.is_template)
                            .map(|template| {
                                let (use_id, delete_id) = (template.id.clone(), template.id.clone());
                                view! {
                                    <div class="template template-mine">
                                        <button type="button" class="quiet" data-testid="my-template" disabled=loading on:click=move |_| state.create_from_template(&use_id)>
                                            <strong>{title_or_untitled(&template.title, state.prefs.lang.get())}</strong>
                                            <span>{state.text(T::MyTemplates)}</span>
                                        </button>
                                        <button type="button" class="quiet" aria-label=state.text(T::Delete) disabled=loading on:click=move |_| state.delete_meeting(&delete_id)>"×"</button>
                                    </div>
                                }
                            })
                            .collect_view()
                    })
                }}
                <button
                    type="button"
                    class="template template-blank"
                    data-template=template_name(Situation::Blank)
                    disabled=loading
                    on:click=move |_| state.create_meeting(Situation::Blank)
                >
                    <strong>"+ " {state.text(T::NewBlank)}</strong>
                </button>
            </div>
        </section>
    }
}

#[component]
fn MeetingCard(summary: MeetingSummary) -> impl IntoView {
    let state = expect_context::<AppState>();
    let loading = still_loading(state);
    let href = Route::Meeting {
        id: summary.id.clone(),
        stage: Stage::Plan,
    }
    .href();
    let lang = state.prefs.lang.get_untracked();
    let (duplicate_id, delete_id) = (summary.id.clone(), summary.id.clone());
    let space_id = summary.id.clone();
    // The team space's marks (T3, T4), drawn by its worker.
    let space_marks = move || {
        crate::ui::space::space_view(state, &format!("card:{space_id}"), None, &space_id, true)
    };
    view! {
        <li class="meeting-card">
            <a class="meeting-title" href=href>{title_or_untitled(&summary.title, lang)}</a>
            {space_marks}
            <p class="meeting-facts">{facts(&summary, lang)}</p>
            <div class="card-actions">
                <button type="button" disabled=loading on:click=move |_| state.duplicate_meeting(&duplicate_id)>
                    {state.text(T::Duplicate)}
                </button>
                <button
                    type="button"
                    class="danger"
                    disabled=loading
                    on:click=move |_| state.delete_meeting(&delete_id)
                >
                    {state.text(T::Delete)}
                </button>
            </div>
        </li>
    }
}

/// One line of key facts: situation, start, duration, size, agenda and open actions.
fn facts(summary: &MeetingSummary, lang: Lang) -> String {
    let start = summary.starts_at.map_or_else(
        || T::NotScheduled.get(lang).to_owned(),
        |at| format_date_time(DeviceZone.local(at)),
    );
    let mut parts = vec![
        summary.situation.label().get(lang).to_owned(),
        summary.kind.label().get(lang).to_owned(),
        start,
        tr(
            lang,
            T::MinutesShort,
            &[&summary.duration_minutes.to_string()],
        ),
        tr(
            lang,
            T::ParticipantsCount,
            &[&summary.participants.to_string()],
        ),
        tr(lang, T::AgendaCount, &[&summary.agenda_items.to_string()]),
    ];
    if summary.open_actions > 0 {
        parts.push(tr(
            lang,
            T::ActionsOpenCount,
            &[&summary.open_actions.to_string()],
        ));
    }
    parts.join(" · ")
}
