//! Airtime by department, live (issue 14.1): each department's share of the speaking time in
//! this item and in the whole meeting, and in a discussion or decision item the departments not
//! heard yet, named in the facilitation prompt (E3). Once the meeting has ended (the summary),
//! only the whole meeting's shares. Shares are whole percents, so the list is
//! redrawn only when one of them changes, not on every tick.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::super::fields::Current;
use crate::core::domain::airtime::{airtime, not_heard_prompt, ItemFocus};
use crate::core::domain::clock::RunState;
use crate::core::domain::i18n::T;
use crate::core::domain::model::Phase;

#[derive(Clone, Debug, Default, PartialEq)]
struct Shares {
    /// Department, share in this item, share in the meeting.
    rows: Vec<(String, u8, u8)>,
    not_heard: Option<String>,
}

#[component]
pub fn AirtimePanel(
    current: Current,
    now: RwSignal<DateTime<Utc>>,
    run_state: Memo<RunState>,
) -> impl IntoView {
    let state = current.state;
    let shares = Memo::new(move |_| {
        let at = now.get();
        let lang = state.prefs.lang.get();
        let running = run_state.get() == RunState::Running;
        current.read(|m| {
            let air = airtime(m, at, ItemFocus::Current);
            let discussing = air
                .item
                .and_then(|index| m.agenda.get(index))
                .is_some_and(|item| matches!(item.phase, Phase::Discuss | Phase::Decide));
            Shares {
                rows: air
                    .departments
                    .iter()
                    .map(|d| (d.label(lang), d.item_percent, d.meeting_percent))
                    .collect(),
                not_heard: (running && discussing)
                    .then(|| not_heard_prompt(lang, &air.not_heard))
                    .flatten(),
            }
        })
    });
    let live = move || run_state.get() != RunState::Ended;
    let rows = move || {
        let live = live();
        shares.with(|s| {
            s.rows
                .iter()
                .map(|(department, item, meeting)| {
                    view! {
                        <tr>
                            <th scope="row">{department.clone()}</th>
                            {live.then(|| view! { <td><progress max="100" value=*item></progress> {*item} "%"</td> })}
                            <td><progress max="100" value=*meeting></progress> {*meeting} "%"</td>
                        </tr>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="airtime" data-testid="airtime">
            <h3>{state.text(T::AirtimeTitle)}</h3>
            {move || shares.with(|s| s.not_heard.clone()).map(|prompt| view! {
                <p class="not-heard" role="status" data-testid="not-heard">{prompt}</p>
            })}
            {move || if shares.with(|s| s.rows.is_empty()) {
                view! { <p class="muted">{state.text(T::AirtimeNoTurns)}</p> }.into_any()
            } else {
                view! {
                    <table class="airtime-table">
                        <thead><tr><th></th>{move || live().then(|| view! { <th>{state.text(T::AirtimeThisItem)}</th> })}<th>{state.text(T::AirtimeWholeMeeting)}</th></tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                }.into_any()
            }}
        </section>
    }
}
