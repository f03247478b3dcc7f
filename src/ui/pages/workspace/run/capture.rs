//! Live capture while the meeting runs (E4–E6): parked points, decisions and action rows, typed
//! in one line each; action rows stay editable and say what they still lack.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::super::fields::{row_text, Current, ACTIONS, PARTICIPANT_NAMES};
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::run;
use crate::core::domain::time::{format_date, parse_date};
use crate::ui::browser;

/// A one-line capture field: Enter adds the text through `apply` (stamped now, with a fresh id)
/// and clears the field; Escape leaves it.
pub fn capture_input(
    current: &Current,
    node: NodeRef<html::Input>,
    placeholder: T,
    testid: &'static str,
    apply: fn(&mut Meeting, chrono::DateTime<chrono::Utc>, String, &str),
) -> impl IntoView {
    let state = current.state;
    let current = current.clone();
    view! {
        <input
            type="text"
            node_ref=node
            data-testid=testid
            aria-label=state.text(placeholder)
            placeholder=state.text(placeholder)
            on:keydown=move |ev: ev::KeyboardEvent| {
                if ev.key() == "Escape" {
                    if let Some(input) = node.get_untracked() {
                        let _ = input.blur();
                    }
                }
                if !browser::is_enter(&ev) {
                    return;
                }
                let text = event_target_value(&ev);
                if text.trim().is_empty() {
                    return;
                }
                let at = browser::now();
                current.edit(|m| apply(m, at, browser::new_id(), &text));
                if let Some(input) = node.get_untracked() {
                    input.set_value("");
                }
            }
        />
    }
}

/// What has been captured so far; action rows editable, incomplete ones flagged (E6).
#[component]
pub fn Captured(current: Current) -> impl IntoView {
    let c = current.clone();
    let parked = move || {
        c.read(|m| {
            m.parking_lot
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
        })
    };
    let c = current.clone();
    let decisions = move || {
        c.read(|m| {
            m.decisions
                .iter()
                .map(|d| d.text.clone())
                .collect::<Vec<_>>()
        })
    };
    let c = current.clone();
    let action_ids = move || c.row_ids(ACTIONS);
    let list = move |items: Vec<String>, testid: &'static str| {
        view! { <ul class="captured" data-testid=testid>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }
    };
    view! {
        {move || list(parked(), "parked")}
        {move || list(decisions(), "decisions")}
        <ul class="rows actions" data-testid="actions">
            <For each=action_ids key=|id| id.clone() let:aid>
                <ActionRow current=current.clone() aid/>
            </For>
        </ul>
    }
}

#[component]
fn ActionRow(current: Current, aid: String) -> impl IntoView {
    let state = current.state;
    let (c, id) = (current.clone(), aid.clone());
    let missing = move || {
        let lang = state.prefs.lang.get();
        c.read_row(ACTIONS, &id, |a| {
            let missing = run::missing_action_fields(a);
            (!missing.is_empty()).then(|| {
                let names: Vec<&str> = missing.iter().map(|t| t.get(lang)).collect();
                tr(lang, T::Incomplete, &[&names.join(T::ListSep.get(lang))])
            })
        })
    };
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (aid.clone(), aid.clone());
    view! {
        <li class="row action-row">
            {row_text(&current, ACTIONS, &aid, T::ColTask, None, |a| a.task.clone(), |a, v| a.task = v)}
            {owner_input(&current, &aid)}
            {row_text(&current, ACTIONS, &aid, T::ColDepartment, None, |a| a.department.clone(), |a, v| a.department = v)}
            {row_text(&current, ACTIONS, &aid, T::ColAcceptance, None, |a| a.acceptance.clone(), |a, v| a.acceptance = v)}
            <input type="date" aria-label=state.text(T::ColDeadline)
                prop:value=move || read.read_row(ACTIONS, &rid, |a| a.deadline.map(format_date).unwrap_or_default())
                on:change=move |ev| {
                    let deadline = parse_date(&event_target_value(&ev));
                    write.edit_row(ACTIONS, &wid, |a| a.deadline = deadline);
                }/>
            {move || missing().map(|text| view! { <span class="incomplete" data-testid="incomplete">{text}</span> })}
        </li>
    }
}

/// The action's owner, picked from the participants (`participant-names`) or typed; a picked
/// participant brings their department (`run::set_action_owner`).
fn owner_input(current: &Current, action_id: &str) -> impl IntoView {
    let state = current.state;
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (action_id.to_owned(), action_id.to_owned());
    view! {
        <input type="text" list=PARTICIPANT_NAMES aria-label=state.text(T::ColOwner) placeholder=state.text(T::ColOwner)
            prop:value=move || read.read_row(ACTIONS, &rid, |a| a.owner.clone())
            on:input=move |ev| {
                let owner = event_target_value(&ev);
                write.edit(|m| {
                    if let Some(action) = m.actions.iter_mut().find(|a| a.id == wid) {
                        run::set_action_owner(action, &m.participants, owner);
                    }
                });
            }/>
    }
}
