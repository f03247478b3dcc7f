//! The prepare tab (R1–R7): time with the working-day count, duration presets, format details,
//! the agenda editor, pre-reads, what departments must prepare, attendance, and the notice.

use chrono::{Local, TimeZone, Utc};
use leptos::prelude::*;

use super::fields::{check_field, enum_select, text_field, Current};
use super::notice::NoticePanel;
use crate::core::agenda::{
    clock_times, format_span, insert_break, move_item, move_item_to, sort_by_phase,
};
use crate::core::checks::phases_in_order;
use crate::core::i18n::{tr, T};
use crate::core::model::{
    AgendaItem, AttendanceStatus, FormatMode, Meeting, Phase, PreRead, PreparationAsk,
};
use crate::core::time::{format_input, parse_input, working_days_after};
use crate::ui::browser;

#[component]
pub fn PrepareStage(current: Current) -> impl IntoView {
    let state = current.state;
    let (read, write) = (current.clone(), current.clone());
    let start = move || {
        read.read(|m| {
            m.schedule
                .starts_at
                .map(|at| format_input(at.with_timezone(&Local).naive_local()))
                .unwrap_or_default()
        })
    };
    let set_start = move |ev| {
        let value = event_target_value(&ev);
        let parsed = parse_input(&value)
            .and_then(|naive| Local.from_local_datetime(&naive).earliest())
            .map(|local| local.with_timezone(&Utc));
        write.edit(|m| m.schedule.starts_at = parsed);
    };
    let c = current.clone();
    let days_ahead = move || {
        c.read(|m| {
            m.schedule.starts_at.map(|start| {
                let from = m.schedule.notice_sent_at.unwrap_or_else(browser::now);
                let days = working_days_after(
                    from.with_timezone(&Local).date_naive(),
                    start.with_timezone(&Local).date_naive(),
                );
                tr(state.lang.get(), T::WorkingDaysAhead, &[&days.to_string()])
            })
        })
    };
    let (read, write) = (current.clone(), current.clone());
    let duration = move || read.read(|m| m.schedule.duration_minutes.to_string());
    let set_duration =
        move |minutes: u32| write.edit(|m| m.schedule.duration_minutes = minutes.clamp(5, 24 * 60));
    let preset = {
        let set_duration = set_duration.clone();
        let c = current.clone();
        move |minutes: u32| {
            let set_duration = set_duration.clone();
            let c = c.clone();
            view! {
                <button
                    type="button"
                    aria-pressed=move || c.read(|m| m.schedule.duration_minutes == minutes).to_string()
                    on:click=move |_| set_duration(minutes)
                >
                    {tr(state.lang.get_untracked(), T::MinutesShort, &[&minutes.to_string()])}
                </button>
            }
        }
    };
    let c = current.clone();
    let mode = move || c.read(|m| m.format.mode);
    let offline_fields = {
        let (c, mode) = (current.clone(), mode.clone());
        move || {
            (mode() != FormatMode::Online).then(|| view! {
                {text_field(&c, T::FieldRoom, "room", |m| m.format.room.clone(), |m, v| m.format.room = v)}
                {check_field(&c, T::RoomIsHome, |m| m.format.room_is_neutral == Some(false), |m, v| m.format.room_is_neutral = Some(!v))}
            })
        }
    };
    let online_fields = {
        let (c, mode) = (current.clone(), mode.clone());
        move || {
            (mode() != FormatMode::Offline).then(|| view! {
                {text_field(&c, T::FieldPlatform, "platform", |m| m.format.platform.clone(), |m, v| m.format.platform = v)}
                {text_field(&c, T::FieldLink, "link", |m| m.format.link.clone(), |m, v| m.format.link = v)}
                {check_field(&c, T::DevicesTested, |m| m.format.devices_tested, |m, v| m.format.devices_tested = v)}
            })
        }
    };
    let (notice_read, notice_write) = (current.clone(), current.clone());
    view! {
        <div class="form-grid">
            <label class="field">
                <span>{state.text(T::FieldStart)}</span>
                <input type="datetime-local" id="field-start" name="start" prop:value=start on:change=set_start/>
                <small class="muted" data-testid="working-days">{days_ahead}</small>
            </label>
            <div class="field span-2">
                <span id="duration-label">{state.text(T::FieldDuration)}</span>
                <div class="segmented" role="group" aria-labelledby="duration-label">
                    {preset(30)}
                    {preset(60)}
                    {preset(90)}
                    <input
                        type="number"
                        id="field-duration"
                        name="duration"
                        class="minutes"
                        min="5"
                        max="1440"
                        step="5"
                        aria-labelledby="duration-label"
                        prop:value=duration
                        on:change=move |ev| {
                            if let Ok(minutes) = event_target_value(&ev).parse() {
                                set_duration(minutes)
                            }
                        }
                    />
                </div>
            </div>
            <label class="field">
                <span>{state.text(T::FieldFormat)}</span>
                {enum_select(&current, "field-format", &FormatMode::ALL, FormatMode::label, |m| m.format.mode, |m, v| m.format.mode = v)}
            </label>
            {offline_fields}
            {online_fields}
        </div>
        <AgendaEditor current=current.clone()/>
        <Materials current=current.clone()/>
        <PreparationAsks current=current.clone()/>
        <Attendance current=current.clone()/>
        <section class="sub-section">
            <h2>{state.text(T::NoticeTitle)}</h2>
            <p class="muted">
                {move || notice_read.read(|m| m.schedule.notice_sent_at.map(|at| tr(state.lang.get(), T::NoticeSentAt, &[&crate::core::time::format_date_time(at.with_timezone(&Local).naive_local())])))}
            </p>
            <NoticePanel current=current.clone()/>
            <button type="button" data-testid="mark-notice-sent" on:click=move |_| {
                let now = browser::now();
                notice_write.edit(|m| m.schedule.notice_sent_at = Some(now));
            }>
                {state.text(T::MarkNoticeSent)}
            </button>
        </section>
    }
}

fn edit_item(current: &Current, id: &str, change: impl FnOnce(&mut AgendaItem)) {
    current.edit(|m| {
        if let Some(item) = m.agenda.iter_mut().find(|a| a.id == id) {
            change(item);
        }
    });
}

#[component]
fn AgendaEditor(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let ids = move || c.read(|m| m.agenda.iter().map(|a| a.id.clone()).collect::<Vec<_>>());
    let c = current.clone();
    let total = move || {
        c.read(|m| {
            tr(
                state.lang.get(),
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
            m.agenda.push(AgendaItem {
                id,
                minutes: 10,
                ..AgendaItem::default()
            })
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
                    <AgendaRow current=current.clone() item_id dragged/>
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
) -> impl IntoView {
    let state = current.state;
    let read_item = {
        let (c, id) = (current.clone(), item_id.clone());
        move |get: fn(&AgendaItem) -> String| {
            let (c, id) = (c.clone(), id.clone());
            move || {
                c.read(|m| {
                    m.agenda
                        .iter()
                        .find(|a| a.id == id)
                        .map(get)
                        .unwrap_or_default()
                })
            }
        }
    };
    let write_item = {
        let (c, id) = (current.clone(), item_id.clone());
        move |set: fn(&mut AgendaItem, String)| {
            let (c, id) = (c.clone(), id.clone());
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                edit_item(&c, &id, |item| set(item, value));
            }
        }
    };
    let span = {
        let (c, id) = (current.clone(), item_id.clone());
        move || {
            c.read(|m: &Meeting| {
                let index = m.agenda.iter().position(|a| a.id == id)?;
                clock_times(m, browser::local_offset()).map(|spans| format_span(spans[index]))
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
    let remove = {
        let (c, id) = (current.clone(), item_id.clone());
        move |_| c.edit(|m| m.agenda.retain(|a| a.id != id))
    };
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
                prop:value=read_item(|a| format!("{:?}", a.phase))
                on:change=write_item(|a, v| {
                    if let Some(phase) = Phase::ALL.into_iter().find(|p| format!("{p:?}") == v) {
                        a.phase = phase;
                    }
                })
            >
                {Phase::ALL.into_iter().map(|p| view! { <option value=format!("{p:?}")>{state.text(p.label())}</option> }).collect_view()}
            </select>
            <input type="text" class="grow agenda-title" id=format!("agenda-{item_id}") aria-label=state.text(T::FieldItemTitle)
                placeholder=state.text(T::FieldItemTitle)
                prop:value=read_item(|a| a.title.clone()) on:input=write_item(|a, v| a.title = v)/>
            <input type="text" aria-label=state.text(T::ColOwner) placeholder=state.text(T::ColOwner)
                prop:value=read_item(|a| a.owner.clone()) on:input=write_item(|a, v| a.owner = v)/>
            <input type="number" class="minutes" min="0" max="600" aria-label=state.text(T::FieldDuration)
                prop:value=read_item(|a| a.minutes.to_string())
                on:change=write_item(|a, v| if let Ok(n) = v.parse() { a.minutes = n })/>
            <input type="text" aria-label=state.text(T::FieldOutput) placeholder=state.text(T::FieldOutput)
                prop:value=read_item(|a| a.expected_output.clone()) on:input=write_item(|a, v| a.expected_output = v)/>
            <span class="row-buttons">
                <button type="button" class="quiet" aria-label=state.text(T::MoveUp) on:click=move |_| up()>"↑"</button>
                <button type="button" class="quiet" aria-label=state.text(T::MoveDown) on:click=move |_| down()>"↓"</button>
                <button type="button" class="quiet" aria-label=state.text(T::Delete) on:click=remove>"×"</button>
            </span>
        </li>
    }
}

/// The agenda as read-only rows, with clock times (run tab until the run view lands).
#[component]
pub fn AgendaReadOnly(current: Current) -> impl IntoView {
    let state = current.state;
    let rows = move || {
        current.read(|m| {
            let spans = clock_times(m, browser::local_offset());
            m.agenda
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    let span = spans
                        .as_ref()
                        .map(|s| format_span(s[index]))
                        .unwrap_or_default();
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

#[component]
fn Materials(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let ids = move || c.read(|m| m.materials.iter().map(|x| x.id.clone()).collect::<Vec<_>>());
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
    let text = |label: T,
                dom_id: Option<String>,
                get: fn(&PreRead) -> String,
                set: fn(&mut PreRead, String)| {
        let (read, write) = (current.clone(), current.clone());
        let (rid, wid) = (mid.clone(), mid.clone());
        view! {
            <input type="text" id=dom_id aria-label=state.text(label) placeholder=state.text(label)
                prop:value=move || read.read(|m| m.materials.iter().find(|x| x.id == rid).map(get).unwrap_or_default())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    write.edit(|m| if let Some(x) = m.materials.iter_mut().find(|x| x.id == wid) { set(x, value) })
                }/>
        }
    };
    let (read, write, remove) = (current.clone(), current.clone(), current.clone());
    let (rid, wid, xid) = (mid.clone(), mid.clone(), mid.clone());
    view! {
        <li class="row">
            {text(T::FieldItemTitle, Some(format!("material-{mid}")), |x| x.title.clone(), |x, v| x.title = v)}
            {text(T::FieldMaterialLink, None, |x| x.link.clone(), |x, v| x.link = v)}
            {text(T::FieldQuestions, None, |x| x.questions.clone(), |x, v| x.questions = v)}
            <label class="check">
                <input type="checkbox"
                    prop:checked=move || read.read(|m| m.materials.iter().any(|x| x.id == rid && x.sent_at.is_some()))
                    on:change=move |ev| {
                        let sent = event_target_checked(&ev).then(browser::now);
                        write.edit(|m| if let Some(x) = m.materials.iter_mut().find(|x| x.id == wid) { x.sent_at = sent })
                    }/>
                {state.text(T::Sent)}
            </label>
            <button type="button" class="quiet" aria-label=state.text(T::Delete)
                on:click=move |_| remove.edit(|m| m.materials.retain(|x| x.id != xid))>"×"</button>
        </li>
    }
}

#[component]
fn PreparationAsks(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let count = move || c.read(|m| m.preparation_asks.len());
    let c = current.clone();
    let add = move |_| c.edit(|m| m.preparation_asks.push(PreparationAsk::default()));
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
        view! {
            <li class="row">
                {field(T::ColDepartment, |a| a.department.clone(), |a, v| a.department = v)}
                <span class="grow">{field(T::FieldAsk, |a| a.ask.clone(), |a, v| a.ask = v)}</span>
                <button type="button" class="quiet" aria-label=state.text(T::Delete)
                    on:click=move |_| remove.edit(|m| { if index < m.preparation_asks.len() { m.preparation_asks.remove(index); } })>"×"</button>
            </li>
        }
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::PreparationAsks)}</h2>
            <ul class="rows">{move || (0..count()).map(row.clone()).collect_view()}</ul>
            <button type="button" on:click=add>"+ " {state.text(T::AddAsk)}</button>
        </section>
    }
}

#[component]
fn Attendance(current: Current) -> impl IntoView {
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
    let c = current.clone();
    let id = pid.clone();
    let name = move || {
        c.read(|m| {
            m.participants
                .iter()
                .find(|p| p.id == id)
                .map(|p| p.name.clone())
                .unwrap_or_default()
        })
    };
    let c = current.clone();
    let id = pid.clone();
    let declined = move || {
        c.read(|m| {
            m.participants
                .iter()
                .any(|p| p.id == id && p.attendance.status == AttendanceStatus::Declined)
        })
    };
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (pid.clone(), pid.clone());
    let text = {
        let (current, pid) = (current.clone(), pid.clone());
        move |label: T,
              get: fn(&crate::core::model::Attendance) -> String,
              set: fn(&mut crate::core::model::Attendance, String)| {
            let (read, write) = (current.clone(), current.clone());
            let (rid, wid) = (pid.clone(), pid.clone());
            view! {
                <input type="text" aria-label=state.text(label) placeholder=state.text(label)
                    prop:value=move || read.read(|m| m.participants.iter().find(|p| p.id == rid).map(|p| get(&p.attendance)).unwrap_or_default())
                    on:input=move |ev| {
                        let value = event_target_value(&ev);
                        write.edit(|m| if let Some(p) = m.participants.iter_mut().find(|p| p.id == wid) { set(&mut p.attendance, value) })
                    }/>
            }
        }
    };
    view! {
        <li class="row">
            <span class="grow">{name}</span>
            <select
                aria-label=state.text(T::AttendanceTitle)
                prop:value=move || read.read(|m| m.participants.iter().find(|p| p.id == rid).map(|p| format!("{:?}", p.attendance.status)).unwrap_or_default())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    let Some((status, _)) = STATUSES.into_iter().find(|(s, _)| format!("{s:?}") == value) else { return };
                    let now = browser::now();
                    write.edit(|m| if let Some(p) = m.participants.iter_mut().find(|p| p.id == wid) {
                        p.attendance.status = status;
                        p.attendance.responded_at = Some(now);
                    })
                }
            >
                {STATUSES.into_iter().map(|(s, label)| view! { <option value=format!("{s:?}")>{state.text(label)}</option> }).collect_view()}
            </select>
            {move || declined().then(|| view! {
                {text(T::FieldReason, |a| a.reason.clone(), |a, v| a.reason = v)}
                {text(T::FieldSubstitute, |a| a.substitute.clone(), |a, v| a.substitute = v)}
            })}
        </li>
    }
}
