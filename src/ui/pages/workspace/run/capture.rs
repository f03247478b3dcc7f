//! Live capture while the meeting runs (E4–E6): parked points, decisions and action rows, typed
//! in one line each; action rows stay editable and say what they still lack.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::super::fields::{
    remove_row_button, row_date, row_text, row_textarea, Current, Rows, ACTIONS, PARKED,
    PARTICIPANT_NAMES,
};
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::run;
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

/// One kind of capture (E4–E6): its heading with how many there are, the one-line input, and
/// what was captured, newest first so the latest stay in view; each item editable in place,
/// wrapped, and removable with undo.
#[component]
pub fn CaptureKind(
    current: Current,
    heading: T,
    key: &'static str,
    count: Signal<usize>,
    input: AnyView,
    list: AnyView,
) -> impl IntoView {
    let state = current.state;
    view! {
        <div class="capture-kind">
            <h3>
                {state.text(heading)} " " <span class="count">{move || count.get()}</span>
                <span class="key-hint">" (" {key} ")"</span>
            </h3>
            {input}
            {list}
        </div>
    }
}

/// How many rows `rows` has, redrawn when its rows come and go.
pub fn row_count<R: 'static>(current: &Current, rows: Rows<R>) -> Signal<usize> {
    let current = current.clone();
    Signal::derive(move || current.read_list(rows, <[R]>::len))
}

/// Captured parked points or decisions, newest first, each a wrapping text with a remove button.
pub fn captured_texts<R: Clone + Send + Sync + 'static>(
    current: &Current,
    rows: Rows<R>,
    testid: &'static str,
    label: T,
    get: fn(&R) -> String,
    set: fn(&mut R, String),
    extra: fn(&Current, &str) -> AnyView,
) -> impl IntoView {
    // Redrawn whole when an item comes or goes, which is rare; what is typed is in memory at
    // every keystroke, so a redraw loses nothing. A keyed list per kind cost 3.6 KB of code each.
    let current = current.clone();
    let items = move || {
        newest_first(current.row_ids(rows))
            .into_iter()
            .map(|id| {
                view! {
                    <li class="row">
                        {row_textarea(&current, rows, &id, label, get, set)}
                        {extra(&current, &id)}
                        {remove_row_button(&current, rows, &id)}
                    </li>
                }
            })
            .collect_view()
    };
    view! { <ol class="captured" data-testid=testid>{items}</ol> }
}

/// Nothing beside a captured decision.
pub fn nothing(_: &Current, _: &str) -> AnyView {
    ().into_any()
}

/// A parked point's owner and date, and the step that makes it an action (E4).
pub fn parked_follow_up(current: &Current, id: &str) -> AnyView {
    let state = current.state;
    let (read_owner, write_owner, to_action) = (current.clone(), current.clone(), current.clone());
    let (oid, owid, aid) = (id.to_owned(), id.to_owned(), id.to_owned());
    view! {
        <input type="text" class="parked-owner" list=PARTICIPANT_NAMES aria-label=state.text(T::ColOwner) placeholder=state.text(T::ColOwner)
            prop:value=move || read_owner.read_row(PARKED, &oid, |p| p.owner.clone())
            on:input=move |ev| {
                let owner = event_target_value(&ev);
                write_owner.edit_row(PARKED, &owid, |p| p.owner = owner)
            }/>
        {row_date(current, PARKED, id, |p| p.deadline, |p, date| p.deadline = date)}
        <button type="button" class="quiet" data-testid="parked-to-action" title=state.text(T::ParkedToAction) aria-label=state.text(T::ParkedToAction)
            on:click=move |_| {
                let new_id = browser::new_id();
                to_action.edit_with_undo(T::ParkedMadeAction, |m| {
                    run::parked_to_action(m, &aid, new_id);
                })
            }>"→ " {state.text(T::ActionShort)}</button>
    }
    .into_any()
}

fn newest_first(mut ids: Vec<String>) -> Vec<String> {
    ids.reverse();
    ids
}

/// The action rows, newest first; each editable, flagged while incomplete (E6), removable.
#[component]
pub fn CapturedActions(current: Current) -> impl IntoView {
    let c = current.clone();
    let action_ids = move || newest_first(c.row_ids(ACTIONS));
    view! {
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
    view! {
        <li class="row action-row">
            {row_textarea(&current, ACTIONS, &aid, T::ColTask, |a| a.task.clone(), |a, v| a.task = v)}
            {owner_input(&current, &aid)}
            {row_text(&current, ACTIONS, &aid, T::ColDepartment, None, |a| a.department.clone(), |a, v| a.department = v)}
            {row_text(&current, ACTIONS, &aid, T::ColAcceptance, None, |a| a.acceptance.clone(), |a, v| a.acceptance = v)}
            {row_date(&current, ACTIONS, &aid, |a| a.deadline, |a, date| a.deadline = date)}
            {remove_row_button(&current, ACTIONS, &aid)}
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
