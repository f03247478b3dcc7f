//! Pre-read materials with questions and a sent flag (R5), and what each department must prepare
//! (R6).

use leptos::prelude::*;

use super::fields::{remove_row_button, row_text, Current, MATERIALS};
use crate::core::domain::i18n::T;
use crate::core::domain::model::{PreRead, PreparationAsk};
use crate::core::domain::people::asks_for_departments;
use crate::ui::browser;

#[component]
pub fn Materials(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let ids = move || c.row_ids(MATERIALS);
    let c = current.clone();
    let add = move |_| {
        let id = browser::new_id();
        let focus = format!("material-{id}");
        c.edit(|m| {
            m.materials.push(PreRead {
                id,
                ..PreRead::default()
            })
        });
        browser::focus_later(focus);
    };
    view! {
        <section class="sub-section" id="field-materials" tabindex="-1">
            <h2>{state.text(T::PreReads)}</h2>
            <p class="hint">{state.text(T::PreReadsHint)}</p>
            <ul class="rows" data-testid="materials">
                <For each=ids key=|id| id.clone() let:mid>
                    <MaterialRow current=current.clone() mid/>
                </For>
            </ul>
            <button type="button" on:click=add>"+ " {state.text(T::AddPreRead)}</button>
        </section>
    }
}

#[component]
fn MaterialRow(current: Current, mid: String) -> impl IntoView {
    let state = current.state;
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (mid.clone(), mid.clone());
    view! {
        <li class="row">
            {row_text(&current, MATERIALS, &mid, T::FieldItemTitle, Some(format!("material-{mid}")), |x| x.title.clone(), |x, v| x.title = v)}
            {row_text(&current, MATERIALS, &mid, T::FieldMaterialLink, None, |x| x.link.clone(), |x, v| x.link = v)}
            {row_text(&current, MATERIALS, &mid, T::FieldQuestions, None, |x| x.questions.clone(), |x, v| x.questions = v)}
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || read.read_row(MATERIALS, &rid, |x| x.sent_at.is_some())
                    on:change=move |ev| {
                        let sent = event_target_checked(&ev).then(browser::now);
                        write.edit_row(MATERIALS, &wid, |x| x.sent_at = sent)
                    }
                />
                {state.text(T::Sent)}
            </label>
            {remove_row_button(&current, MATERIALS, &mid)}
        </li>
    }
}

#[component]
pub fn PreparationAsks(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let count = move || c.read(|m| m.preparation_asks.len());
    let c = current.clone();
    let add = move |_| c.edit(|m| m.preparation_asks.push(PreparationAsk::default()));
    // One ask per invited department not yet asked, with the guide's usual request (R6).
    let c = current.clone();
    let from_departments = move |_| {
        let ask = state.text(T::DefaultAsk);
        c.edit(|m| {
            let asks = asks_for_departments(m, ask);
            m.preparation_asks.extend(asks);
        });
    };
    let row = move |index: usize| {
        let field = |label: T,
                     get: fn(&PreparationAsk) -> String,
                     set: fn(&mut PreparationAsk, String)| {
            let (read, write) = (current.clone(), current.clone());
            view! {
                <input type="text" aria-label=state.text(label) placeholder=state.text(label)
                    prop:value=move || read.read(|m| m.preparation_asks.get(index).map(get).unwrap_or_default())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        write.edit(|m| if let Some(ask) = m.preparation_asks.get_mut(index) { set(ask, value) })
                    }/>
            }
        };
        let remove = current.clone();
        // What the department sent back through a reply link (A1).
        let answered = current.clone();
        let reply = move || {
            let reply = answered.read(|m| {
                m.preparation_asks
                    .get(index)
                    .map(|a| a.reply.clone())
                    .unwrap_or_default()
            });
            (!reply.is_empty()).then(|| view! {
                <p class="ask-reply" data-testid="ask-reply">{state.text(T::ReplyFieldRisks)}":\n"{reply}</p>
            })
        };
        view! {
            <li class="row">
                {field(T::ColDepartment, |a| a.department.clone(), |a, v| a.department = v)}
                <span class="grow">{field(T::FieldAsk, |a| a.ask.clone(), |a, v| a.ask = v)}</span>
                <button type="button" class="quiet" aria-label=state.text(T::Delete)
                    on:click=move |_| remove.edit(|m| { if index < m.preparation_asks.len() { m.preparation_asks.remove(index); } })>"×"</button>
                {reply}
            </li>
        }
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::PreparationAsks)}</h2>
            <ul class="rows">{move || (0..count()).map(row.clone()).collect_view()}</ul>
            <button type="button" on:click=add>"+ " {state.text(T::AddAsk)}</button>
            <button type="button" data-testid="asks-from-departments" on:click=from_departments>{state.text(T::AsksFromDepartments)}</button>
        </section>
    }
}
