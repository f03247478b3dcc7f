//! The plan tab (P1–P4): title, type, objective with live feedback and examples, the necessity
//! questions, and participants by role with host and recorder.

use leptos::prelude::*;

use super::fields::{
    check_field, enum_select, remove_row_button, text_field, Current, PARTICIPANTS,
};
use crate::core::domain::checks::{objective_issue, ObjectiveIssue};
use crate::core::domain::choice::Choice;
use crate::core::domain::cost::{attendees, cost_text, Cost};
use crate::core::domain::edit::{FieldKey, Value};
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::{MeetingType, Participant, Role, SeriesRef};
use crate::core::domain::order;
use crate::core::domain::people::{department_of, known_departments, known_people};
use crate::core::domain::retro::carried_notes;
use crate::core::view::route::{Route, Stage};
use crate::ui::browser;
use crate::ui::state::display_title;

#[component]
pub fn PlanStage(current: Current) -> impl IntoView {
    let state = current.state;
    // Beside the necessity questions: what the meeting costs in people's time (issue 14.3).
    let current_cost = current.clone();
    let (read, write) = (current.clone(), current.clone());
    let feedback = {
        let current = current.clone();
        move || {
            let issue = current.read_field(FieldKey::Objective, |m| objective_issue(&m.objective));
            let (class, text) = match issue {
                None => ("feedback ok", T::ObjectiveGood),
                Some(ObjectiveIssue::Empty) => ("feedback", T::CheckObjectiveEmpty),
                Some(ObjectiveIssue::Vague) => ("feedback bad", T::CheckObjectiveVague),
                Some(ObjectiveIssue::NoVerb) => ("feedback warn", T::CheckObjectiveNoVerb),
                Some(ObjectiveIssue::NoDeliverable) => {
                    ("feedback warn", T::CheckObjectiveNoDeliverable)
                }
            };
            view! { <p class=class data-testid="objective-feedback" aria-live="polite">{state.text(text)}</p> }
        }
    };
    let agenda_href = Route::Meeting {
        id: current.id.clone(),
        stage: Stage::Prepare,
    }
    .href();
    view! {
        <div class="form-grid">
            {text_field(&current, T::FieldTitle, "title", FieldKey::Title, |m| m.title.clone(), Value::Title)}
            <label class="field">
                <span>{state.text(T::FieldType)}</span>
                {enum_select(&current, "field-kind", &MeetingType::ALL, MeetingType::label, |m| m.kind, |m, v| m.kind = v)}
            </label>
            <label class="field wide">
                <span>{state.text(T::FieldObjective)}</span>
                <textarea
                    id="field-objective"
                    name="objective"
                    rows="2"
                    placeholder=state.text(T::FieldObjectivePlaceholder)
                    prop:value=move || read.read_field(FieldKey::Objective, |m| m.objective.clone())
                    on:input=move |ev| write.set(Value::Objective(event_target_value(&ev)))
                ></textarea>
                {feedback}
                <details class="examples">
                    <summary>{state.text(T::ObjectiveExamplesTitle)}</summary>
                    <ul>
                        {move || state.text(T::ObjectiveExamples).split('\n').map(|example| view! { <li>{example}</li> }).collect_view()}
                    </ul>
                </details>
            </label>
            // People look for the agenda here; it is planned with the time and place.
            <a class="to-agenda field wide" data-testid="plan-to-agenda" href=agenda_href on:click=|_| browser::focus_later("field-agenda".into())>
                {state.text(T::PlanToAgenda)} " →"
            </a>
            <fieldset class="field wide" id="field-necessity" tabindex="-1">
                <legend>{state.text(T::FieldNecessity)}</legend>
                {check_field(&current, T::NecessityMultiDept,
                    FieldKey::NeedsSeveralDepartments,
                    |m| m.necessity.needs_several_departments == Some(true),
                    |v| Value::NeedsSeveralDepartments(Some(v)))}
                {check_field(&current, T::NecessityResources,
                    FieldKey::NeedsCombinedResources,
                    |m| m.necessity.needs_combined_resources == Some(true),
                    |v| Value::NeedsCombinedResources(Some(v)))}
                {check_field(&current, T::NecessityAsync,
                    FieldKey::AsyncUpdateWouldDo,
                    |m| m.necessity.async_update_would_do == Some(true),
                    |v| Value::AsyncUpdateWouldDo(Some(v)))}
                <p class="cost-line" data-testid="plan-cost">{move || {
                    let lang = state.prefs.lang.get();
                    let rate = state.prefs.rate();
                    current_cost.read(|m| {
                        let planned = Cost::of(m).planned();
                        let mut line = tr(lang, T::CostPlanned, &[&cost_text(planned, rate, lang)]);
                        line.push_str(" · ");
                        line.push_str(&tr(lang, T::CostAttendees, &[&attendees(m).to_string()]));
                        line
                    })
                }}</p>
            </fieldset>
            <SeriesField current=current.clone()/>
        </div>
        <CarriedNotes current=current.clone()/>
        <Participants current/>
    }
}

/// The series a recurring meeting belongs to, picked from the known ones or named anew (F5).
#[component]
fn SeriesField(current: Current) -> impl IntoView {
    let state = current.state;
    let read = current.clone();
    let names = move || {
        let mut names: Vec<String> = state.meetings.with(|meetings| {
            meetings
                .iter()
                .filter_map(|m| m.series.as_ref().map(|s| s.name.clone()))
                .collect()
        });
        order::sort_by(&mut names, String::cmp);
        names.dedup();
        names
            .into_iter()
            .map(|name| view! { <option value=name/> })
            .collect_view()
    };
    let change = move |ev: leptos::ev::Event| {
        let name = event_target_value(&ev).trim().to_owned();
        let known = state.meetings.with_untracked(|meetings| {
            meetings
                .iter()
                .filter_map(|m| m.series.clone())
                .find(|series| series.name == name)
        });
        let series = (!name.is_empty()).then(|| {
            known.unwrap_or_else(|| SeriesRef {
                id: browser::new_id(),
                name,
            })
        });
        current.edit(|m| m.series = series);
    };
    view! {
        <label class="field wide">
            <span>{state.text(T::FieldSeries)}</span>
            <input
                type="text"
                id="field-series"
                list="series-names"
                data-testid="series"
                prop:value=move || read.read(|m| m.series.as_ref().map(|s| s.name.clone()).unwrap_or_default())
                on:change=change
            />
            <datalist id="series-names">{names}</datalist>
            <small class="hint">{state.text(T::FieldSeriesHint)}</small>
        </label>
    }
}

/// The last review's improvement notes from the same series, so this meeting starts from them.
#[component]
fn CarriedNotes(current: Current) -> impl IntoView {
    let state = current.state;
    move || {
        // The series is the one field this depends on; the other meetings arrive through the
        // collection signal, which settles after typing.
        let carried = current.read_field(FieldKey::Series, |meeting| {
            state.meetings.with(|all| {
                carried_notes(all, meeting).map(|source| {
                    (
                        display_title(source, state.prefs.lang.get()),
                        source.improvement_notes.clone(),
                    )
                })
            })
        });
        carried.map(|(title, notes)| {
            view! {
                <aside class="carried-notes" data-testid="carried-notes">
                    <h2>{tr(state.prefs.lang.get(), T::CarriedNotesTitle, &[&title])}</h2>
                    <ul>{notes.into_iter().filter(|n| !n.trim().is_empty()).map(|note| view! { <li>{note}</li> }).collect_view()}</ul>
                </aside>
            }
        })
    }
}

#[component]
fn Participants(current: Current) -> impl IntoView {
    let state = current.state;
    let c = current.clone();
    let ids = move || c.row_ids(PARTICIPANTS);
    let c = current.clone();
    let size = move || {
        let count = c.row_ids(PARTICIPANTS).len();
        tr(state.prefs.lang.get(), T::SizeHint, &[&count.to_string()])
    };
    let c = current.clone();
    let add = Callback::new(move |()| {
        let id = browser::new_id();
        let focus = format!("participant-{id}");
        c.edit(|m| {
            m.participants.push(Participant {
                id,
                ..Participant::default()
            })
        });
        browser::focus_later(focus);
    });
    // Who was invited before, and the departments named before (P4): suggested, not retyped.
    let people = Memo::new(move |_| state.meetings.with(|ms| known_people(ms)));
    let people_options = move || {
        people.with(|people| {
            people
                .iter()
                .map(|(name, department)| view! { <option value=name.clone()>{department.clone()}</option> })
                .collect_view()
        })
    };
    // A memo: a typing pause in this meeting redraws the options only if the list changed.
    let departments = Memo::new(move |_| state.meetings.with(|ms| known_departments(ms)));
    let department_options = move || {
        departments
            .get()
            .into_iter()
            .map(|department| view! { <option value=department/> })
            .collect_view()
    };
    view! {
        <section class="sub-section" id="field-participants" tabindex="-1">
            <h2>{state.text(T::Participants)} " " <small class="muted" data-testid="size-hint">{size}</small></h2>
            <Show when={
                let ids = ids.clone();
                move || ids().is_empty()
            }>
                <p class="empty-inline">{state.text(T::NoParticipants)}</p>
            </Show>
            <datalist id=KNOWN_PEOPLE>{people_options}</datalist>
            <datalist id=KNOWN_DEPARTMENTS>{department_options}</datalist>
            <ul class="rows" data-testid="participants">
                <For each=ids key=|id| id.clone() let:pid>
                    <ParticipantRow current=current.clone() pid people add/>
                </For>
            </ul>
            <button type="button" on:click=move |_| add.run(())>"+ " {state.text(T::AddParticipant)}</button>
        </section>
    }
}

/// The ids of the datalists of known people and departments.
pub const KNOWN_PEOPLE: &str = "known-people";
pub const KNOWN_DEPARTMENTS: &str = "known-departments";

#[component]
fn ParticipantRow(
    current: Current,
    pid: String,
    people: Memo<Vec<(String, String)>>,
    add: Callback<()>,
) -> impl IntoView {
    let state = current.state;
    let flag = |label: T, get: fn(&Participant) -> bool, set: fn(&mut Participant, bool)| {
        let (read, write) = (current.clone(), current.clone());
        let (rid, wid) = (pid.clone(), pid.clone());
        view! {
            <label class="check">
                <input
                    type="checkbox"
                    prop:checked=move || read.read_row(PARTICIPANTS, &rid, get)
                    on:change=move |ev| write.edit_row(PARTICIPANTS, &wid, |p| set(p, event_target_checked(&ev)))
                />
                {state.text(label)}
            </label>
        }
    };
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (pid.clone(), pid.clone());
    let (name_read, name_write, department_read, department_write) = (
        current.clone(),
        current.clone(),
        current.clone(),
        current.clone(),
    );
    let (nid, nwid, did, dwid) = (pid.clone(), pid.clone(), pid.clone(), pid.clone());
    // Enter in a row's name or department starts the next row, as in a spreadsheet.
    let next_row = move |ev: leptos::ev::KeyboardEvent| {
        if browser::is_enter(&ev) {
            ev.prevent_default();
            add.run(());
        }
    };
    view! {
        <li class="row participant">
            <input type="text" id=format!("participant-{pid}") list=KNOWN_PEOPLE
                aria-label=state.text(T::ColOwnerName) placeholder=state.text(T::ColOwnerName)
                prop:value=move || name_read.read_row(PARTICIPANTS, &nid, |p| p.name.clone())
                on:keydown=next_row
                on:input=move |ev| {
                    let name = event_target_value(&ev);
                    // A person invited before brings their department, unless one is typed.
                    let department = people.with_untracked(|people| department_of(people, &name).map(str::to_owned));
                    name_write.edit_row(PARTICIPANTS, &nwid, |p| {
                        if p.department.trim().is_empty() {
                            if let Some(department) = department {
                                p.department = department;
                            }
                        }
                        p.name = name;
                    })
                }/>
            <input type="text" list=KNOWN_DEPARTMENTS
                aria-label=state.text(T::ColDepartment) placeholder=state.text(T::ColDepartment)
                prop:value=move || department_read.read_row(PARTICIPANTS, &did, |p| p.department.clone())
                on:keydown=next_row
                on:input=move |ev| {
                    let department = event_target_value(&ev);
                    department_write.edit_row(PARTICIPANTS, &dwid, |p| p.department = department)
                }/>
            <select
                aria-label=state.text(T::FieldRole)
                prop:value=move || read.read_row(PARTICIPANTS, &rid, |p| p.role.key().to_owned())
                on:change=move |ev| {
                    let value = event_target_value(&ev);
                    if let Some(role) = Role::from_key(&value) {
                        write.edit_row(PARTICIPANTS, &wid, |p| p.role = role);
                    }
                }
            >
                {Role::ALL.into_iter().map(|r| view! { <option value=r.key()>{state.text(r.label())}</option> }).collect_view()}
            </select>
            {flag(T::Host, |p| p.is_host, |p, v| p.is_host = v)}
            {flag(T::Recorder, |p| p.is_recorder, |p, v| p.is_recorder = v)}
            {remove_row_button(&current, PARTICIPANTS, &pid)}
        </li>
    }
}
