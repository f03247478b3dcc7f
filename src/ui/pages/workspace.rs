//! A meeting's workspace: the four stages as tabs. The stages show and edit the basic fields; the
//! coaching checks, clocks and minutes build on them.

use chrono::{Local, TimeZone, Utc};
use leptos::prelude::*;

use crate::core::i18n::{tr, T};
use crate::core::model::{AgendaItem, FormatMode, Meeting, MeetingType, Participant, Phase, Role};
use crate::core::route::{Route, Stage};
use crate::core::time::{format_input, parse_input};
use crate::ui::browser;
use crate::ui::state::{display_title, AppState};

/// Reads and edits one meeting by id.
#[derive(Clone)]
struct Current {
    id: String,
    meeting: Memo<Option<Meeting>>,
    state: AppState,
}

impl Current {
    fn read<R: Default>(&self, read: impl FnOnce(&Meeting) -> R) -> R {
        self.meeting
            .with(|meeting| meeting.as_ref().map(read).unwrap_or_default())
    }

    fn edit(&self, change: impl FnOnce(&mut Meeting)) {
        self.state.edit_meeting(&self.id, change);
    }
}

#[component]
pub fn Workspace(id: String, stage: Stage) -> impl IntoView {
    let state = expect_context::<AppState>();
    let meeting = {
        let id = id.clone();
        Memo::new(move |_| {
            state
                .meetings
                .with(|ms| ms.iter().find(|m| m.id == id).cloned())
        })
    };
    if meeting.get_untracked().is_none() {
        return view! {
            <div class="empty">
                <p>{state.text(T::MeetingNotFound)}</p>
                <a href="#/">{state.text(T::BackToList)}</a>
            </div>
        }
        .into_any();
    }
    let current = Current {
        id: id.clone(),
        meeting,
        state,
    };
    let title = {
        let current = current.clone();
        move || current.read(|m| display_title(m, state.lang.get()))
    };
    let tabs = Stage::ALL
        .into_iter()
        .map(|tab| {
            let href = Route::Meeting {
                id: id.clone(),
                stage: tab,
            }
            .href();
            view! {
                <a
                    role="tab"
                    href=href
                    aria-selected=(tab == stage).to_string()
                    class:active=tab == stage
                >
                    {state.text(tab.label())}
                </a>
            }
        })
        .collect_view();
    let body = match stage {
        Stage::Plan => view! { <PlanStage current=current.clone()/> }.into_any(),
        Stage::Prepare => view! { <PrepareStage current=current.clone()/> }.into_any(),
        Stage::Run => view! { <RunStage current=current.clone()/> }.into_any(),
        Stage::FollowUp => view! { <FollowUpStage current=current.clone()/> }.into_any(),
    };
    view! {
        <section class="workspace">
            <a class="back" href="#/">{state.text(T::BackToList)}</a>
            <h1 data-testid="workspace-title">{title}</h1>
            <nav class="stage-tabs" role="tablist">{tabs}</nav>
            <div class="stage-body" role="tabpanel">{body}</div>
        </section>
    }
    .into_any()
}

#[component]
fn PlanStage(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let title = move || c.read(|m| m.title.clone());
    let c = current.clone();
    let set_title = move |ev| c.edit(|m| m.title = event_target_value(&ev));
    let c = current.clone();
    let objective = move || c.read(|m| m.objective.clone());
    let c = current.clone();
    let set_objective = move |ev| c.edit(|m| m.objective = event_target_value(&ev));
    let c = current.clone();
    let kind = move || c.read(|m| format!("{:?}", m.kind));
    let c = current.clone();
    let set_kind = move |ev| {
        let value = event_target_value(&ev);
        if let Some(kind) = MeetingType::ALL
            .into_iter()
            .find(|k| format!("{k:?}") == value)
        {
            c.edit(|m| m.kind = kind);
        }
    };
    let necessity = |label: T, get: fn(&Meeting) -> Option<bool>, set: fn(&mut Meeting, bool)| {
        let read = current.clone();
        let write = current.clone();
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || read.read(|m| get(m).unwrap_or(false))
                    on:change=move |ev| write.edit(|m| set(m, event_target_checked(&ev)))
                />
                {state.text(label)}
            </label>
        }
    };
    view! {
        <div class="form-grid">
            <label class="field">
                <span>{state.text(T::FieldTitle)}</span>
                <input type="text" name="title" prop:value=title on:input=set_title/>
            </label>
            <label class="field">
                <span>{state.text(T::FieldType)}</span>
                <select name="kind" prop:value=kind on:change=set_kind>
                    {MeetingType::ALL
                        .into_iter()
                        .map(|k| {
                            view! {
                                <option value=format!("{k:?}")>{state.text(k.label())}</option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <label class="field wide">
                <span>{state.text(T::FieldObjective)}</span>
                <textarea
                    name="objective"
                    rows="2"
                    placeholder=state.text(T::FieldObjectivePlaceholder)
                    prop:value=objective
                    on:input=set_objective
                ></textarea>
            </label>
            <fieldset class="field wide">
                <legend>{state.text(T::FieldNecessity)}</legend>
                {necessity(
                    T::NecessityMultiDept,
                    |m| m.necessity.needs_several_departments,
                    |m, v| m.necessity.needs_several_departments = Some(v),
                )}
                {necessity(
                    T::NecessityResources,
                    |m| m.necessity.needs_combined_resources,
                    |m, v| m.necessity.needs_combined_resources = Some(v),
                )}
                {necessity(
                    T::NecessityAsync,
                    |m| m.necessity.async_update_would_do,
                    |m, v| m.necessity.async_update_would_do = Some(v),
                )}
            </fieldset>
        </div>
        <Participants current/>
    }
}

#[component]
fn Participants(current: Current) -> impl IntoView {
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
    let c = current.clone();
    let add = move |_| {
        c.edit(|m| {
            m.participants.push(Participant {
                id: browser::new_id(),
                ..Participant::default()
            })
        })
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::Participants)}</h2>
            <Show when={
                let ids = ids.clone();
                move || ids().is_empty()
            }>
                <p class="empty-inline">{state.text(T::NoParticipants)}</p>
            </Show>
            <ul class="rows">
                <For each=ids key=|id| id.clone() let:pid>
                    <ParticipantRow current=current.clone() pid/>
                </For>
            </ul>
            <button type="button" on:click=add>"+ " {state.text(T::AddParticipant)}</button>
        </section>
    }
}

#[component]
fn ParticipantRow(current: Current, pid: String) -> impl IntoView {
    let state = current.state;
    let field = |label: T, get: fn(&Participant) -> String, set: fn(&mut Participant, String)| {
        let (read, write) = (current.clone(), current.clone());
        let (rid, wid) = (pid.clone(), pid.clone());
        view! {
            <input
                type="text"
                aria-label=state.text(label)
                placeholder=state.text(label)
                prop:value=move || read.read(|m| participant(m, &rid).map(get).unwrap_or_default())
                on:input=move |ev| {
                    let value = event_target_value(&ev);
                    write.edit(|m| {
                        if let Some(p) = m.participants.iter_mut().find(|p| p.id == wid) {
                            set(p, value)
                        }
                    })
                }
            />
        }
    };
    let (read, write, remove) = (current.clone(), current.clone(), current.clone());
    let (rid, wid, xid) = (pid.clone(), pid.clone(), pid.clone());
    view! {
        <li class="row">
            {field(T::ColOwner, |p| p.name.clone(), |p, v| p.name = v)}
            {field(T::ColDepartment, |p| p.department.clone(), |p, v| p.department = v)}
            <select
                aria-label=state.text(T::Participants)
                prop:value=move || read.read(|m| participant(m, &rid).map(|p| format!("{:?}", p.role)).unwrap_or_default())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(role) = Role::ALL.into_iter().find(|r| format!("{r:?}") == value) {
                        write.edit(|m| {
                            if let Some(p) = m.participants.iter_mut().find(|p| p.id == wid) {
                                p.role = role;
                            }
                        })
                    }
                }
            >
                {Role::ALL
                    .into_iter()
                    .map(|r| view! { <option value=format!("{r:?}")>{state.text(r.label())}</option> })
                    .collect_view()}
            </select>
            <button
                type="button"
                class="quiet"
                aria-label=state.text(T::Delete)
                on:click=move |_| remove.edit(|m| m.participants.retain(|p| p.id != xid))
            >
                "×"
            </button>
        </li>
    }
}

fn participant<'a>(meeting: &'a Meeting, id: &str) -> Option<&'a Participant> {
    meeting.participants.iter().find(|p| p.id == id)
}

#[component]
fn PrepareStage(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let start = move || {
        c.read(|m| {
            m.schedule
                .starts_at
                .map(|at| format_input(at.with_timezone(&Local).naive_local()))
                .unwrap_or_default()
        })
    };
    let c = current.clone();
    let set_start = move |ev| {
        let value = event_target_value(&ev);
        let parsed = parse_input(&value)
            .and_then(|naive| Local.from_local_datetime(&naive).earliest())
            .map(|local| local.with_timezone(&Utc));
        c.edit(|m| m.schedule.starts_at = parsed);
    };
    let c = current.clone();
    let duration = move || c.read(|m| m.schedule.duration_minutes.to_string());
    let c = current.clone();
    let set_duration = move |ev| {
        if let Ok(minutes) = event_target_value(&ev).parse::<u32>() {
            c.edit(|m| m.schedule.duration_minutes = minutes.min(24 * 60));
        }
    };
    let c = current.clone();
    let mode = move || c.read(|m| format!("{:?}", m.format.mode));
    let c = current.clone();
    let set_mode = move |ev| {
        let value = event_target_value(&ev);
        if let Some(mode) = FormatMode::ALL
            .into_iter()
            .find(|f| format!("{f:?}") == value)
        {
            c.edit(|m| m.format.mode = mode);
        }
    };
    let text_field = |label: T,
                      name: &'static str,
                      get: fn(&Meeting) -> String,
                      set: fn(&mut Meeting, String)| {
        let (read, write) = (current.clone(), current.clone());
        view! {
            <label class="field">
                <span>{state.text(label)}</span>
                <input
                    type="text"
                    name=name
                    prop:value=move || read.read(get)
                    on:input=move |ev| write.edit(|m| set(m, event_target_value(&ev)))
                />
            </label>
        }
    };
    view! {
        <div class="form-grid">
            <label class="field">
                <span>{state.text(T::FieldStart)}</span>
                <input type="datetime-local" name="start" prop:value=start on:change=set_start/>
            </label>
            <label class="field">
                <span>{state.text(T::FieldDuration)}</span>
                <input
                    type="number"
                    name="duration"
                    min="5"
                    max="1440"
                    step="5"
                    list="duration-presets"
                    prop:value=duration
                    on:change=set_duration
                />
                <datalist id="duration-presets">
                    <option value="30"></option>
                    <option value="60"></option>
                    <option value="90"></option>
                </datalist>
            </label>
            <label class="field">
                <span>{state.text(T::FieldFormat)}</span>
                <select name="format" prop:value=mode on:change=set_mode>
                    {FormatMode::ALL
                        .into_iter()
                        .map(|f| view! { <option value=format!("{f:?}")>{state.text(f.label())}</option> })
                        .collect_view()}
                </select>
            </label>
            {text_field(T::FieldRoom, "room", |m| m.format.room.clone(), |m, v| m.format.room = v)}
            {text_field(T::FieldPlatform, "platform", |m| m.format.platform.clone(), |m, v| m.format.platform = v)}
            {text_field(T::FieldLink, "link", |m| m.format.link.clone(), |m, v| m.format.link = v)}
        </div>
        <AgendaList current editable=true/>
    }
}

/// The agenda as a table; editable in the prepare stage, read-only elsewhere.
#[component]
fn AgendaList(current: Current, editable: bool) -> impl IntoView {
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
    let add = move |_| {
        c.edit(|m| {
            m.agenda.push(AgendaItem {
                id: browser::new_id(),
                minutes: 10,
                ..AgendaItem::default()
            })
        })
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::Agenda)}</h2>
            <Show when={
                let ids = ids.clone();
                move || ids().is_empty()
            }>
                <p class="empty-inline">{state.text(T::NoAgenda)}</p>
            </Show>
            <ol class="rows agenda" data-testid="agenda">
                <For each=ids key=|id| id.clone() let:item_id>
                    <AgendaRow current=current.clone() item_id editable/>
                </For>
            </ol>
            <p class="total" data-testid="agenda-total">{total}</p>
            {editable.then(|| view! {
                <button type="button" on:click=add.clone()>"+ " {state.text(T::AddAgendaItem)}</button>
            })}
        </section>
    }
}

#[component]
fn AgendaRow(current: Current, item_id: String, editable: bool) -> impl IntoView {
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
    if !editable {
        return view! {
            <li class="row">
                <span class="phase">{
                    let r = read_item(|a| format!("{:?}", a.phase));
                    move || Phase::ALL.into_iter().find(|p| format!("{p:?}") == r()).map(|p| state.text(p.label())).unwrap_or_default()
                }</span>
                <span class="grow">{read_item(|a| a.title.clone())}</span>
                <span>{read_item(|a| a.owner.clone())}</span>
                <span>{read_item(|a| a.minutes.to_string())} "′"</span>
                <span class="muted">{read_item(|a| a.expected_output.clone())}</span>
            </li>
        }
        .into_any();
    }
    let write_item = {
        let (c, id) = (current.clone(), item_id.clone());
        move |set: fn(&mut AgendaItem, String)| {
            let (c, id) = (c.clone(), id.clone());
            move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                c.edit(|m| {
                    if let Some(item) = m.agenda.iter_mut().find(|a| a.id == id) {
                        set(item, value);
                    }
                })
            }
        }
    };
    let remove = {
        let (c, id) = (current.clone(), item_id.clone());
        move |_| c.edit(|m| m.agenda.retain(|a| a.id != id))
    };
    view! {
        <li class="row">
            <select
                aria-label=state.text(T::FieldType)
                prop:value=read_item(|a| format!("{:?}", a.phase))
                on:change=write_item(|a, v| {
                    if let Some(phase) = Phase::ALL.into_iter().find(|p| format!("{p:?}") == v) {
                        a.phase = phase;
                    }
                })
            >
                {Phase::ALL
                    .into_iter()
                    .map(|p| view! { <option value=format!("{p:?}")>{state.text(p.label())}</option> })
                    .collect_view()}
            </select>
            <input type="text" class="grow" aria-label=state.text(T::Agenda)
                prop:value=read_item(|a| a.title.clone()) on:input=write_item(|a, v| a.title = v)/>
            <input type="text" aria-label=state.text(T::ColOwner) placeholder=state.text(T::ColOwner)
                prop:value=read_item(|a| a.owner.clone()) on:input=write_item(|a, v| a.owner = v)/>
            <input type="number" class="minutes" min="0" max="600" aria-label=state.text(T::FieldDuration)
                prop:value=read_item(|a| a.minutes.to_string())
                on:change=write_item(|a, v| if let Ok(n) = v.parse() { a.minutes = n })/>
            <input type="text" aria-label="output" placeholder="《…》"
                prop:value=read_item(|a| a.expected_output.clone()) on:input=write_item(|a, v| a.expected_output = v)/>
            <button type="button" class="quiet" aria-label=state.text(T::Delete) on:click=remove>"×"</button>
        </li>
    }
    .into_any()
}

#[component]
fn RunStage(current: Current) -> impl IntoView {
    let state = current.state;
    view! {
        <p class="hint">{state.text(T::StageComingRun)}</p>
        <AgendaList current editable=false/>
    }
}

#[component]
fn FollowUpStage(current: Current) -> impl IntoView {
    let state = current.state;
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
    let actions = move || {
        c.read(|m| {
            m.actions
                .iter()
                .map(|a| format!("{} — {} {}", a.task, a.owner, a.department))
                .collect::<Vec<_>>()
        })
    };
    let c = current.clone();
    let minutes = move || c.read(|m| state.text(m.minutes.status.label()).to_owned());
    let list = move |items: Vec<String>| {
        if items.is_empty() {
            view! { <p class="empty-inline">{state.text(T::NothingYet)}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        }
    };
    view! {
        <dl class="facts">
            <dt>{state.text(T::MinutesStatus)}</dt>
            <dd>{minutes}</dd>
        </dl>
        <section class="sub-section">
            <h2>{state.text(T::Decisions)}</h2>
            {move || list(decisions())}
        </section>
        <section class="sub-section">
            <h2>{state.text(T::ActionItems)}</h2>
            {move || list(actions())}
        </section>
    }
}
