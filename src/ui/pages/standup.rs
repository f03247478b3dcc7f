//! The weekly stand-up (F4): open and blocked action items only, grouped by owner; owners with a
//! blocked or overdue item first, then by pinyin; each row's status and progress changed on the
//! spot. A 10-minute clock computed from its start time like the meeting clocks
//! (`core::domain::standup`).

use chrono::Duration;
use leptos::prelude::*;

use crate::core::domain::choice::Choice;
use crate::core::domain::clock::format_duration;
use crate::core::domain::i18n::T;
use crate::core::domain::model::ActionStatus;
use crate::core::domain::standup::{current_start, time_left};
use crate::core::domain::time::format_date;
use crate::core::domain::tracker::{standup_groups, TrackerRow};
use crate::ui::browser;
use crate::ui::hooks::use_now;
use crate::ui::pages::action_edits::{set_status, ActionKey, NoteDrafts};
use crate::ui::state::AppState;

#[component]
pub fn Standup() -> impl IntoView {
    let state = expect_context::<AppState>();
    let now = use_now(std::time::Duration::from_millis(500));
    // A memo, so the tick re-runs only the clock text, not the button label.
    let started = Memo::new(move |_| current_start(state.prefs.standup_started.get(), now.get()));
    let left = move || time_left(started.get(), now.get());
    let over = move || left() < Duration::zero();
    let order = browser::name_order();
    let groups = Memo::new(move |_| {
        let today = browser::today();
        state.meetings.with(|ms| standup_groups(ms, today, &order))
    });
    // A note being typed is kept by its action when the list is redrawn.
    let drafts = NoteDrafts::default();
    let body = move || {
        let groups = groups.get();
        if groups.is_empty() {
            return view! { <p class="empty" data-testid="standup-empty">{state.text(T::StandupEmpty)}</p> }.into_any();
        }
        let today = browser::today();
        groups
            .into_iter()
            .map(|(owner, rows)| {
                let owner = if owner.is_empty() {
                    state.text(T::NoOwner).to_owned()
                } else {
                    owner
                };
                let items = rows
                    .into_iter()
                    .map(|row| standup_row(state, row, today, drafts))
                    .collect_view();
                view! {
                    <section class="standup-owner">
                        <h2>{owner}</h2>
                        <ul>{items}</ul>
                    </section>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <section class="standup" data-testid="standup">
            <h1>{state.text(T::StandupTitle)}</h1>
            <p class="hint">{state.text(T::StandupHint)}</p>
            <div class="clock-face" class:over=over>
                <span class="clock-big" data-testid="standup-clock">
                    {move || format_duration(left())}
                </span>
                <button type="button" class="primary" data-testid="standup-start" on:click=move |_| state.prefs.start_standup()>
                    {move || state.text(if started.with(Option::is_some) { T::StandupRestart } else { T::StandupStart })}
                </button>
            </div>
            {body}
        </section>
    }
}

/// One open action: status to change, the task with its deadline (and whether it is late), the
/// last progress line, and a field that adds today's.
fn standup_row(
    state: AppState,
    row: TrackerRow,
    today: chrono::NaiveDate,
    drafts: NoteDrafts,
) -> impl IntoView {
    let TrackerRow {
        meeting_id,
        meeting_title,
        action,
    } = row;
    let key: ActionKey = (meeting_id, action.id.clone());
    let (status_key, draft_key, type_key) = (key.clone(), key.clone(), key.clone());
    let set_status =
        move |ev: leptos::ev::Event| set_status(state, &status_key, &event_target_value(&ev));
    let draft = move || drafts.text(&draft_key);
    let type_note =
        move |ev: leptos::ev::Event| drafts.type_in(type_key.clone(), event_target_value(&ev));
    let add_note = move |ev: leptos::ev::KeyboardEvent| {
        if browser::is_enter(&ev) {
            drafts.file(state, &key);
        }
    };
    let blocked = action.status == ActionStatus::Blocked;
    let overdue = action.is_overdue(today);
    let deadline = action.deadline.map(format_date).unwrap_or_default();
    let last_note = action.progress.last().map(|note| {
        let on = note.on.map(format_date).unwrap_or_default();
        view! { <p class="last-note muted" data-testid="last-note">{on} " " {note.text.clone()}</p> }
    });
    view! {
        <li class:blocked=blocked class:overdue=overdue data-action=action.id.clone()>
            <div class="row">
                <select aria-label=state.text(T::ColStatus) prop:value=action.status.key() on:change=set_status>
                    {ActionStatus::ALL.into_iter().map(|s| view! { <option value=s.key()>{state.text(s.label())}</option> }).collect_view()}
                </select>
                <span class="grow">{action.task}</span>
                <span class="muted">
                    {deadline}
                    {overdue.then(|| view! { " " <span class="badge due-overdue" data-testid="overdue">{state.text(T::DueOverdue)}</span> })}
                    " · " {meeting_title}
                </span>
            </div>
            {last_note}
            <input type="text" aria-label=state.text(T::AddProgress) placeholder=state.text(T::AddProgress)
                prop:value=draft on:input=type_note on:keydown=add_note/>
        </li>
    }
}
