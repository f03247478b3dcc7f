//! Finish on time (issue 14.2): when the remaining items no longer fit before the planned end,
//! one button proposes shorter durations (`core::domain::rebalance`), shows the new clock times, and
//! applies them with undo. The proposal is made afresh when opened: a pause moves every time.

use leptos::prelude::*;

use super::super::fields::Current;
use crate::core::domain::clock::Clocks;
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::rebalance::{self, FLOOR_MINUTES};
use crate::core::domain::time::{format_time, LocalZone};
use crate::ui::browser::{self, DeviceZone};

#[component]
pub fn FinishOnTime(current: Current, all: Memo<Clocks>) -> impl IntoView {
    let state = current.state;
    let open = RwSignal::new(false);
    // Behind when a proposal is needed at all; a memo, so the button comes and goes rarely.
    let behind = {
        let current = current.clone();
        Memo::new(move |_| {
            let at = browser::now();
            all.with(|c| current.read(|m| rebalance::propose(m, c, at, FLOOR_MINUTES).is_some()))
        })
    };
    let proposal = {
        let current = current.clone();
        move || {
            let at = browser::now();
            all.with_untracked(|c| current.read(|m| rebalance::propose(m, c, at, FLOOR_MINUTES)))
        }
    };
    let panel = {
        let current = current.clone();
        move || {
            if !open.get() {
                return None;
            }
            let lang = state.prefs.lang.get_untracked();
            let Some(plan) = proposal() else {
                return Some(
                    view! { <p class="muted" role="status">{state.text(T::RebalanceOnTime)}</p> }
                        .into_any(),
                );
            };
            let clock =
                |at: chrono::DateTime<chrono::Utc>| format_time(DeviceZone.local(at).time());
            let titles = current.read(|m| {
                plan.changes
                    .iter()
                    .map(|change| {
                        m.agenda
                            .get(change.index)
                            .map(|i| i.title.clone())
                            .unwrap_or_default()
                    })
                    .collect::<Vec<_>>()
            });
            let lines = plan
                .changes
                .iter()
                .zip(plan.times())
                .zip(titles)
                // Only what changes: an item keeping its minutes is not news (its new clock
                // time shows in the end time below).
                .filter(|((change, _), _)| change.new_minutes != change.old_minutes)
                .map(|((change, (begin, end)), title)| {
                    let item = tr(
                        lang,
                        T::RebalanceItem,
                        &[
                            &title,
                            &change.old_minutes.to_string(),
                            &change.new_minutes.to_string(),
                        ],
                    );
                    view! {
                        <li>
                            <span class="muted">{clock(begin)} "–" {clock(end)}</span> " " {item}
                        </li>
                    }
                })
                .collect_view();
            let ends = tr(
                lang,
                T::RebalanceEndsAt,
                &[&clock(plan.ends_at), &clock(plan.planned_end)],
            );
            let still_over = (!plan.fits()).then(|| {
                view! { <p class="error">{tr(lang, T::RebalanceStillOver, &[&plan.over_minutes.to_string()])}</p> }
            });
            let apply = {
                let current = current.clone();
                move |_| {
                    let at = browser::now();
                    // Proposed again at the moment of the click, in case the clock moved on.
                    let fresh = all.with_untracked(|c| {
                        current.read(|m| rebalance::propose(m, c, at, FLOOR_MINUTES))
                    });
                    if let Some(fresh) = fresh {
                        let edit = current
                            .state
                            .with_meeting(&current.id, |m| rebalance::finish_on_time(m, &fresh));
                        if let Some(edit) = edit {
                            current.state.dispatch_with_undo(
                                &current.id,
                                edit,
                                T::RebalanceApplied,
                            );
                        }
                    }
                    open.set(false);
                }
            };
            Some(view! {
                <div class="rebalance" role="dialog" aria-label=state.text(T::RebalanceTitle) data-testid="rebalance">
                    <h3>{state.text(T::RebalanceTitle)}</h3>
                    <p class="hint">{tr(lang, T::RebalanceRule, &[&FLOOR_MINUTES.to_string()])}</p>
                    <ol class="rebalance-items">{lines}</ol>
                    <p><strong>{ends}</strong></p>
                    {still_over}
                    <div class="button-row">
                        <button type="button" class="primary" data-testid="rebalance-apply" on:click=apply>{state.text(T::RebalanceApply)}</button>
                        <button type="button" on:click=move |_| open.set(false)>{state.text(T::Cancel)}</button>
                    </div>
                </div>
            }.into_any())
        }
    };
    view! {
        <Show when=move || behind.get() || open.get()>
            <button type="button" class="finish-on-time" data-testid="finish-on-time" aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {state.text(T::FinishOnTime)}
            </button>
        </Show>
        {panel}
    }
}
