//! The agenda editor (R4): phase, title, owner, minutes and expected output per item, each item's
//! clock time, reordering by Alt+arrows, buttons or drag and drop, sorting by phase, and a break
//! inserted at halftime (R2).

use leptos::prelude::*;

use super::fields::{remove_row_button, Current, AGENDA, PARTICIPANT_NAMES};
use crate::core::domain::agenda::{
    clock_times, format_span, insert_break, insertion_index, move_item, move_item_to, sort_by_phase,
};
use crate::core::domain::bounds::{minutes_from_input, AGENDA_ITEM_MINUTES};
use crate::core::domain::checks::phases_in_order;
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::{AgendaItem, Meeting, Phase};
use crate::ui::browser;

#[component]
pub fn AgendaEditor(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let ids = move || c.row_ids(AGENDA);
    let c = current.clone();
    let total = move || {
        c.read(|m| {
            tr(
                state.prefs.lang.get(),
                T::AgendaTotal,
                &[
                    &m.agenda_minutes().to_string(),
                    &m.schedule.duration_minutes.to_string(),
                ],
            )
        })
    };
    let c = current.clone();
    let total_matches = move || c.read(|m| m.agenda_minutes() == m.schedule.duration_minutes);
    let c = current.clone();
    let in_order = move || c.read(phases_in_order);
    let c = current.clone();
    let add = move |_| {
        let id = browser::new_id();
        let focus = format!("agenda-{id}");
        c.edit(|m| {
            let at = insertion_index(&m.agenda);
            m.agenda.insert(
                at,
                AgendaItem {
                    id,
                    minutes: 10,
                    ..AgendaItem::default()
                },
            )
        });
        browser::focus_later(focus);
    };
    let c = current.clone();
    let sort = move |_| c.edit(|m| sort_by_phase(&mut m.agenda));
    let c = current.clone();
    let add_break = move |_| {
        let title = state.text(T::PhaseBreak).to_owned();
        c.edit(|m| insert_break(&mut m.agenda, browser::new_id(), title));
    };
    let dragged = RwSignal::new(None::<String>);
    // Every item's clock times, computed once per change of the meeting; a row redraws only
    // when its own times change (a keystroke in a title changes none).
    let c = current.clone();
    let spans = Memo::new(move |_| {
        c.read(|m| {
            m.agenda
                .iter()
                .map(|item| item.id.clone())
                .zip(spans_of(m))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="sub-section" id="field-agenda" tabindex="-1">
            <h2>{state.text(T::Agenda)}</h2>
            <p class="hint">{state.text(T::AgendaHint)}</p>
            <Show when={
                let ids = ids.clone();
                move || ids().is_empty()
            }>
                <p class="empty-inline">{state.text(T::NoAgenda)}</p>
            </Show>
            <ol class="rows agenda" data-testid="agenda">
                <For each=ids key=|id| id.clone() let:item_id>
                    <AgendaRow current=current.clone() item_id dragged spans/>
                </For>
            </ol>
            <p class="total" class:warn=move || !total_matches() data-testid="agenda-total">{total}</p>
            <div class="button-row">
                <button type="button" on:click=add>"+ " {state.text(T::AddAgendaItem)}</button>
                <button type="button" data-testid="sort-by-phase" disabled=in_order on:click=sort>
                    {state.text(T::SortByPhase)}
                </button>
                <button type="button" data-testid="insert-break" on:click=add_break>{state.text(T::InsertBreak)}</button>
            </div>
        </section>
    }
}

#[component]
fn AgendaRow(
    current: Current,
    item_id: String,
    dragged: RwSignal<Option<String>>,
    spans: Memo<Vec<(String, String)>>,
) -> impl IntoView {
    let state = current.state;
    let read_item = {
        let (c, id) = (current.clone(), item_id.clone());
        move |get: fn(&AgendaItem) -> String| {
            let (c, id) = (c.clone(), id.clone());
            move || c.read_row(AGENDA, &id, get)
        }
    };
    let write_item = {
        let (c, id) = (current.clone(), item_id.clone());
        move |set: fn(&mut AgendaItem, String)| {
            let (c, id) = (c.clone(), id.clone());
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                c.edit_row(AGENDA, &id, |item| set(item, value));
            }
        }
    };
    let span = {
        let id = item_id.clone();
        move || {
            spans.with(|spans| {
                spans
                    .iter()
                    .find(|(item, _)| *item == id)
                    .map(|(_, span)| span.clone())
            })
        }
    };
    let mover = |step: isize| {
        let (c, id) = (current.clone(), item_id.clone());
        move || {
            c.edit(|m| {
                move_item(&mut m.agenda, &id, step);
            });
            browser::focus_later(format!("agenda-{id}"));
        }
    };
    let (up, down) = (mover(-1), mover(1));
    let (up_key, down_key) = (up.clone(), down.clone());
    let drop_here = {
        let (c, id) = (current.clone(), item_id.clone());
        move |ev: leptos::ev::DragEvent| {
            ev.prevent_default();
            if let Some(source) = dragged.get_untracked() {
                c.edit(|m| {
                    if let Some(target) = m.agenda.iter().position(|a| a.id == id) {
                        move_item_to(&mut m.agenda, &source, target);
                    }
                });
            }
            dragged.set(None);
        }
    };
    let drag_id = item_id.clone();
    view! {
        <li
            class="row agenda-row"
            draggable="true"
            on:dragstart=move |_| dragged.set(Some(drag_id.clone()))
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=drop_here
            on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                // Alt+↑/↓ moves the focused item, like reordering lines in an editor.
                if ev.alt_key() && ev.key() == "ArrowUp" {
                    ev.prevent_default();
                    up_key();
                } else if ev.alt_key() && ev.key() == "ArrowDown" {
                    ev.prevent_default();
                    down_key();
                }
            }
        >
            <span class="drag-handle" aria-hidden="true">"⠿"</span>
            <span class="clock" data-testid="clock-span">{span}</span>
            <select
                aria-label=state.text(T::FieldPhase)
                prop:value=read_item(|a| a.phase.key().to_owned())
                on:change=write_item(|a, v| {
                    if let Some(phase) = Phase::from_key(&v) {
                        a.phase = phase;
                    }
                })
            >
                {Phase::ALL.into_iter().map(|p| view! { <option value=p.key()>{state.text(p.label())}</option> }).collect_view()}
            </select>
            <input type="text" class="grow agenda-title" id=format!("agenda-{item_id}") aria-label=state.text(T::FieldItemTitle)
                placeholder=state.text(T::FieldItemTitle)
                prop:value=read_item(|a| a.title.clone()) on:input=write_item(|a, v| a.title = v)/>
            <input type="text" list=PARTICIPANT_NAMES aria-label=state.text(T::ColOwner) placeholder=state.text(T::ColOwner)
                prop:value=read_item(|a| a.owner.clone()) on:input=write_item(|a, v| a.owner = v)/>
            <input type="number" class="minutes" min=*AGENDA_ITEM_MINUTES.start() max=*AGENDA_ITEM_MINUTES.end()
                aria-label=state.text(T::FieldDuration)
                prop:value=read_item(|a| a.minutes.to_string())
                on:input=write_item(|a, v| if let Some(n) = minutes_from_input(&v, AGENDA_ITEM_MINUTES) { a.minutes = n })/>
            <input type="text" aria-label=state.text(T::FieldOutput) placeholder=state.text(T::FieldOutput)
                prop:value=read_item(|a| a.expected_output.clone()) on:input=write_item(|a, v| a.expected_output = v)/>
            <span class="row-buttons">
                <button type="button" class="quiet" aria-label=state.text(T::MoveUp) on:click=move |_| up()>"↑"</button>
                <button type="button" class="quiet" aria-label=state.text(T::MoveDown) on:click=move |_| down()>"↓"</button>
                {remove_row_button(&current, AGENDA, &item_id)}
            </span>
        </li>
    }
}

/// Each item's clock times as shown (`14:00–14:10`), or empty ones without a start time.
fn spans_of(meeting: &Meeting) -> Vec<String> {
    let spans = clock_times(meeting, &browser::DeviceZone).unwrap_or_default();
    (0..meeting.agenda.len())
        .map(|index| {
            spans
                .get(index)
                .copied()
                .map(format_span)
                .unwrap_or_default()
        })
        .collect()
}

/// The agenda as read-only rows, with clock times (run tab until the run view lands).
#[component]
pub fn AgendaReadOnly(current: Current) -> impl IntoView {
    let state = current.state;
    let rows = move || {
        current.read(|m| {
            m.agenda
                .iter()
                .zip(spans_of(m))
                .map(|(item, span)| {
                    view! {
                        <li class="row">
                            <span class="clock">{span}</span>
                            <span class="phase">{state.text(item.phase.label())}</span>
                            <span class="grow">{item.title.clone()}</span>
                            <span>{item.owner.clone()}</span>
                            <span class="muted">{item.expected_output.clone()}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::Agenda)}</h2>
            <ol class="rows agenda">{rows}</ol>
        </section>
    }
}
