//! Attendance (R7): each participant confirmed or absent, with reason and same-level substitute;
//! the answer's time is kept so late absences can be flagged.

use leptos::prelude::*;

use super::fields::{row_text, Current, PARTICIPANTS};
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::T;
use crate::core::domain::model::AttendanceStatus;
use crate::core::domain::people::substitute_as_participant;
use crate::ui::browser;

#[component]
pub fn Attendance(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let ids = move || {
        c.read(|m| {
            m.participants
                .iter()
                .map(|p| p.id.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::AttendanceTitle)}</h2>
            <Show when={
                let ids = ids.clone();
                move || ids().is_empty()
            }>
                <p class="empty-inline">{state.text(T::NoParticipants)}</p>
            </Show>
            <ul class="rows" data-testid="attendance">
                <For each=ids key=|id| id.clone() let:pid>
                    <AttendanceRow current=current.clone() pid/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn AttendanceRow(current: Current, pid: String) -> impl IntoView {
    let state = current.state;
    const STATUSES: [(AttendanceStatus, T); 3] = [
        (AttendanceStatus::Pending, T::AttendancePending),
        (AttendanceStatus::Confirmed, T::AttendanceConfirmed),
        (AttendanceStatus::Declined, T::AttendanceDeclined),
    ];
    let (c, id) = (current.clone(), pid.clone());
    let name = move || c.read_row(PARTICIPANTS, &id, |p| p.name.clone());
    let (c, id) = (current.clone(), pid.clone());
    let declined = move || {
        c.read_row(PARTICIPANTS, &id, |p| {
            p.attendance.status == AttendanceStatus::Declined
        })
    };
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (pid.clone(), pid.clone());
    let details = {
        let (c, id) = (current.clone(), pid.clone());
        move || {
            // The substitute can join as a participant, and so own actions (R7).
            let (can_join, join_as, absent) = (c.clone(), c.clone(), id.clone());
            let joinable = move || {
                can_join.read(|m| substitute_as_participant(m, &absent, String::new()).is_some())
            };
            let absent = id.clone();
            let join = move |_| {
                join_as.edit_with_undo(T::SubstituteJoined, |m| {
                    if let Some(joined) = substitute_as_participant(m, &absent, browser::new_id()) {
                        m.participants.push(joined);
                    }
                })
            };
            declined().then(|| view! {
                {row_text(&c, PARTICIPANTS, &id, T::FieldReason, None, |p| p.attendance.reason.clone(), |p, v| p.attendance.reason = v)}
                {row_text(&c, PARTICIPANTS, &id, T::FieldSubstitute, None, |p| p.attendance.substitute.clone(), |p, v| p.attendance.substitute = v)}
                <Show when=joinable>
                    <button type="button" data-testid="substitute-join" on:click=join.clone()>{state.text(T::SubstituteJoin)}</button>
                </Show>
            })
        }
    };
    // What replies said besides attendance (A1): pre-reads read, the minutes confirmed.
    let (c, id) = (current.clone(), pid.clone());
    let lang = state.prefs.lang.get_untracked();
    let facts = move || c.read_row(PARTICIPANTS, &id, |p| p.attendance.replied_facts(lang));
    view! {
        <li class="row">
            <span class="grow">{name}" "<small class="muted" data-testid="attendance-facts">{facts}</small></span>
            <select
                aria-label=state.text(T::AttendanceTitle)
                prop:value=move || read.read_row(PARTICIPANTS, &rid, |p| p.attendance.status.key().to_owned())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let Some(status) = AttendanceStatus::from_key(&value) else {
                        return;
                    };
                    let now = browser::now();
                    write.edit_row(PARTICIPANTS, &wid, |p| {
                        p.attendance.status = status;
                        p.attendance.responded_at = Some(now);
                    })
                }
            >
                {STATUSES.into_iter().map(|(s, label)| view! { <option value=s.key()>{state.text(label)}</option> }).collect_view()}
            </select>
            {details}
        </li>
    }
}
