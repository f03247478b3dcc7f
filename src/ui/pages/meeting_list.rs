//! The meeting list: search, create (blank or from the four S1 templates), open, duplicate and
//! delete with undo.

use chrono::Local;
use leptos::prelude::*;

use crate::core::i18n::{tr, Lang, T};
use crate::core::model::{Meeting, Situation};
use crate::core::route::{Route, Stage};
use crate::core::time::format_date_time;
use crate::ui::pages::show_more;
use crate::ui::state::{display_title, AppState};

/// Cards drawn at first and per "show more", newest first.
const LIST_PAGE: usize = 30;

#[component]
pub fn MeetingList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let query = RwSignal::new(String::new());
    let shown = RwSignal::new(LIST_PAGE);
    let visible = Memo::new(move |_| {
        let needle = query.get().trim().to_ascii_lowercase();
        state.meetings.with(|meetings| {
            meetings
                .iter()
                .filter(|meeting| !meeting.is_template && meeting.matches(&needle))
                .map(|meeting| meeting.id.clone())
                .collect::<Vec<_>>()
        })
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
            <CreateMeeting/>
            {move || {
                let has_meetings = state.meetings.with(|meetings| meetings.iter().any(|m| !m.is_template));
                if !has_meetings {
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
                            {tr(state.lang.get(), T::NoSearchResults, &[&query.get()])}
                        </p>
                    }
                    .into_any()
                } else {
                    view! {
                        <ul class="meeting-cards" data-testid="meeting-list">
                            <For
                                each=move || visible.with(|ids| ids.iter().take(shown.get()).cloned().collect::<Vec<_>>())
                                key=|id| id.clone()
                                let:id
                            >
                                <MeetingCard id/>
                            </For>
                        </ul>
                        {move || show_more(shown, visible.with(Vec::len), LIST_PAGE, state.lang.get())}
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

#[component]
fn CreateMeeting() -> impl IntoView {
    let state = expect_context::<AppState>();
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
                                data-template=format!("{situation:?}")
                                on:click=move |_| state.create_meeting(situation)
                            >
                                <strong>{state.text(situation.label())}</strong>
                                <span>{state.text(situation.hint())}</span>
                            </button>
                        }
                    })
                    .collect_view()}
                {move || {
                    state.meetings.with(|meetings| {
                        meetings
                            .iter()
                            .filter(|m| m.is_template)
                            .map(|template| {
                                let (use_id, delete_id) = (template.id.clone(), template.id.clone());
                                view! {
                                    <div class="template template-mine">
                                        <button type="button" class="quiet" data-testid="my-template" on:click=move |_| state.create_from_template(&use_id)>
                                            <strong>{display_title(template, state.lang.get())}</strong>
                                            <span>{state.text(T::MyTemplates)}</span>
                                        </button>
                                        <button type="button" class="quiet" aria-label=state.text(T::Delete) on:click=move |_| state.delete_meeting(&delete_id)>"×"</button>
                                    </div>
                                }
                            })
                            .collect_view()
                    })
                }}
                <button
                    type="button"
                    class="template template-blank"
                    data-template="Blank"
                    on:click=move |_| state.create_meeting(Situation::Blank)
                >
                    <strong>"+ " {state.text(T::NewBlank)}</strong>
                </button>
            </div>
        </section>
    }
}

#[component]
fn MeetingCard(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let meeting = state.meeting_memo(id.clone());
    let href = Route::Meeting {
        id: id.clone(),
        stage: Stage::Plan,
    }
    .href();
    let duplicate_id = id.clone();
    view! {
        <li class="meeting-card">
            {move || {
                meeting.get().map(|meeting| {
                    let lang = state.lang.get();
                    view! {
                        <a class="meeting-title" href=href.clone()>{display_title(&meeting, lang)}</a>
                        <p class="meeting-facts">{facts(&meeting, lang)}</p>
                    }
                })
            }}
            <div class="card-actions">
                <button type="button" on:click=move |_| state.duplicate_meeting(&duplicate_id)>
                    {state.text(T::Duplicate)}
                </button>
                <button
                    type="button"
                    class="danger"
                    on:click=move |_| state.delete_meeting(&id)
                >
                    {state.text(T::Delete)}
                </button>
            </div>
        </li>
    }
}

/// One line of key facts: situation, start, duration, size, agenda and open actions.
fn facts(meeting: &Meeting, lang: Lang) -> String {
    let start = meeting.schedule.starts_at.map_or_else(
        || T::NotScheduled.get(lang).to_owned(),
        |at| format_date_time(at.with_timezone(&Local).naive_local()),
    );
    let mut parts = vec![
        meeting.situation.label().get(lang).to_owned(),
        meeting.kind.label().get(lang).to_owned(),
        start,
        tr(
            lang,
            T::MinutesShort,
            &[&meeting.schedule.duration_minutes.to_string()],
        ),
        tr(
            lang,
            T::ParticipantsCount,
            &[&meeting.participants.len().to_string()],
        ),
        tr(lang, T::AgendaCount, &[&meeting.agenda.len().to_string()]),
    ];
    let open = meeting.open_action_count();
    if open > 0 {
        parts.push(tr(lang, T::ActionsOpenCount, &[&open.to_string()]));
    }
    parts.join(" · ")
}
