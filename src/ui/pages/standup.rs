//! The weekly stand-up (F4): open and blocked action items only, grouped by owner, blocked first,
//! with a 10-minute clock computed from its start time like the meeting clocks (`core::domain::standup`).

use chrono::Duration;
use leptos::prelude::*;

use crate::core::domain::clock::format_duration;
use crate::core::domain::i18n::T;
use crate::core::domain::model::ActionStatus;
use crate::core::domain::standup::{current_start, time_left};
use crate::core::domain::time::format_date;
use crate::core::domain::tracker::standup_groups;
use crate::ui::hooks::use_now;
use crate::ui::state::AppState;

#[component]
pub fn Standup() -> impl IntoView {
    let state = expect_context::<AppState>();
    let now = use_now(std::time::Duration::from_millis(500));
    // A memo, so the tick re-runs only the clock text, not the button label.
    let started = Memo::new(move |_| current_start(state.prefs.standup_started.get(), now.get()));
    let left = move || time_left(started.get(), now.get());
    let over = move || left() < Duration::zero();
    let groups = Memo::new(move |_| state.meetings.with(|ms| standup_groups(ms)));
    let body = move || {
        let groups = groups.get();
        if groups.is_empty() {
            return view! { <p class="empty" data-testid="standup-empty">{state.text(T::StandupEmpty)}</p> }.into_any();
        }
        groups
            .into_iter()
            .map(|(owner, rows)| {
                let owner = if owner.is_empty() { state.text(T::NoOwner).to_owned() } else { owner };
                let items = rows
                    .into_iter()
                    .map(|row| {
                        let blocked = row.action.status == ActionStatus::Blocked;
                        let deadline = row.action.deadline.map(format_date).unwrap_or_default();
                        view! {
                            <li class:blocked=blocked>
                                <span class="status">{state.text(row.action.status.label())}</span>
                                " " {row.action.task} " " <span class="muted">{deadline} " · " {row.meeting_title}</span>
                            </li>
                        }
                    })
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
