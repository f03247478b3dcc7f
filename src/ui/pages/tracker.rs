//! The action tracker (F3): every action item of every meeting in one table — filter, sort,
//! overdue, due today and due soon marked, status and dated progress notes edited in place —
//! with the Excel round trip (`tracker_csv.rs`) and reaching the owners (`reach.rs`).

use leptos::prelude::*;

use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::T;
use crate::core::domain::model::{meetings_only, ActionStatus};
use crate::core::domain::run;
use crate::core::domain::time::format_date;
use crate::core::domain::tracker::{
    due, open_parked, tracker_refs, Due, OpenPoint, SortKey, TrackerFilter, TrackerRow,
};
use crate::core::view::route::{Route, Stage};
use crate::ui::browser;
use crate::ui::pages::action_edits::{set_status, NoteDrafts};
use crate::ui::pages::reach::ReachOwners;
use crate::ui::pages::show_more;
use crate::ui::pages::tracker_csv::RoundTrip;
use crate::ui::state::{display_title, title_or_untitled, AppState};

fn sort_label(key: SortKey) -> T {
    match key {
        SortKey::Deadline => T::ColDeadline,
        SortKey::Owner => T::ColOwner,
        SortKey::Status => T::ColStatus,
        SortKey::Meeting => T::ColMeeting,
    }
}

/// Rows drawn at first and per "show more": a year of actions stays quick to filter, because
/// only what fits a couple of screens is ever in the DOM (a row with its status menu, notes and
/// note field is some twenty nodes; 50 rows took the filter past its 50 ms budget).
const TRACKER_PAGE: usize = 30;

#[component]
pub fn Tracker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let filter = RwSignal::new(TrackerFilter::default());
    let sort = RwSignal::new(SortKey::default());
    let shown = RwSignal::new(TRACKER_PAGE);
    // (all rows that pass, the first `shown` of them): only drawn rows are copied.
    // Half-typed progress notes, by meeting and action id.
    let drafts = NoteDrafts::default();
    let rows = Memo::new(move |_| {
        let (filter, sort, shown) = (filter.get(), sort.get(), shown.get());
        state.meetings.with(|meetings| {
            let refs = tracker_refs(meetings, &filter, sort);
            let drawn: Vec<TrackerRow> = refs
                .iter()
                .take(shown)
                .copied()
                .map(TrackerRow::from)
                .collect();
            (refs.len(), drawn)
        })
    });
    let has_any = move || {
        state
            .meetings
            .with(|ms| meetings_only(ms).any(|m| !m.actions.is_empty()))
    };
    let lang = state.prefs.lang.get_untracked();
    let meeting_options = state.meetings.with_untracked(|ms| {
        meetings_only(ms)
            .filter(|m| !m.actions.is_empty())
            .map(|m| (m.id.clone(), display_title(m, lang)))
            .collect::<Vec<_>>()
    });
    let header = move |key: T| view! { <th scope="col">{state.text(key)}</th> };
    view! {
        <section>
            <div class="workspace-head">
                <h1>{state.text(T::TrackerTitle)}</h1>
                <a class="button" href=Route::Standup.href() data-testid="open-standup">{state.text(T::StandupTitle)}</a>
            </div>
            <RoundTrip/>
            <Show
                when=has_any
                fallback=move || view! { <p class="empty" data-testid="tracker-empty">{state.text(T::TrackerEmpty)}</p> }
            >
                <div class="filters" role="search">
                    <input
                        type="search"
                        aria-label=state.text(T::FilterPerson)
                        placeholder=state.text(T::FilterPerson)
                        data-testid="filter-person"
                        on:input=move |ev| filter.update(|f| f.person = event_target_value(&ev))
                    />
                    <select aria-label=state.text(T::ColMeeting) data-testid="filter-meeting"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            filter.update(|f| f.meeting_id = (!value.is_empty()).then_some(value));
                        }>
                        <option value="">{state.text(T::AllMeetings)}</option>
                        {meeting_options.iter().map(|(id, title)| view! { <option value=id.clone()>{title.clone()}</option> }).collect_view()}
                    </select>
                    <select aria-label=state.text(T::ColStatus) data-testid="filter-status"
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            filter.update(|f| f.status = ActionStatus::from_key(&value));
                        }>
                        <option value="">{state.text(T::AllStatuses)}</option>
                        {ActionStatus::ALL.into_iter().map(|s| view! { <option value=s.key()>{state.text(s.label())}</option> }).collect_view()}
                    </select>
                    <label class="inline">
                        {state.text(T::SortBy)} " "
                        <select data-testid="sort"
                            on:change=move |ev| {
                                let value = event_target_value(&ev);
                                if let Some(key) = SortKey::from_key(&value) {
                                    sort.set(key);
                                }
                            }>
                            {SortKey::ALL.into_iter().map(|k| view! { <option value=k.key()>{state.text(sort_label(k))}</option> }).collect_view()}
                        </select>
                    </label>
                </div>
                <div class="table-scroll">
                    <table class="tracker" data-testid="tracker">
                        <thead>
                            <tr>
                                {header(T::ColTask)}
                                {header(T::ColOwner)}
                                {header(T::ColDepartment)}
                                {header(T::ColMeeting)}
                                {header(T::ColDeadline)}
                                {header(T::ColStatus)}
                                {header(T::ColProgress)}
                            </tr>
                        </thead>
                        <tbody>
                            <For each=move || 0..rows.with(|(_, drawn)| drawn.len()) key=|place| *place let:place>
                                <TrackerLine rows place drafts/>
                            </For>
                        </tbody>
                    </table>
                </div>
                {move || show_more(shown, rows.with(|(total, _)| *total), TRACKER_PAGE, state.prefs.lang.get())}
                <ReachOwners filter file_stem="crossmeet-tracker".to_owned()/>
            </Show>
            <OpenParked/>
        </section>
    }
}

/// The parked points still open (E4), with their owner and date, each marked resolved or made
/// an action item in its meeting.
#[component]
fn OpenParked() -> impl IntoView {
    let state = expect_context::<AppState>();
    let points = Memo::new(move |_| state.meetings.with(|ms| open_parked(ms)));
    let lang = state.prefs.lang.get_untracked();
    let rows = move || {
        points
            .get()
            .into_iter()
            .map(|OpenPoint { meeting_id, meeting_title, point }| {
                let href = Route::Meeting { id: meeting_id.clone(), stage: Stage::FollowUp }.href();
                let (resolve_meeting, resolve_point) = (meeting_id.clone(), point.id.clone());
                let (action_meeting, action_point) = (meeting_id, point.id.clone());
                let deadline = point.deadline.map(format_date).unwrap_or_default();
                view! {
                    <li class="row" data-point=point.id.clone()>
                        <span class="grow">{point.text}</span>
                        <span>{point.owner}</span>
                        <span class="muted">{deadline}</span>
                        <a href=href>{title_or_untitled(&meeting_title, lang).to_owned()}</a>
                        <button type="button" data-testid="parked-resolve" on:click=move |_| {
                            state.edit_meeting_with_undo(&resolve_meeting, T::ParkedResolved, |m| {
                                if let Some(p) = m.parking_lot.iter_mut().find(|p| p.id == resolve_point) {
                                    p.resolved = true;
                                }
                            })
                        }>{state.text(T::Resolved)}</button>
                        <button type="button" data-testid="parked-to-action" on:click=move |_| {
                            let new_id = browser::new_id();
                            state.edit_meeting_with_undo(&action_meeting, T::ParkedMadeAction, |m| {
                                run::parked_to_action(m, &action_point, new_id);
                            })
                        }>{state.text(T::ParkedToAction)}</button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <Show when=move || points.with(|p| !p.is_empty())>
            <section class="sub-section" data-testid="open-parked">
                <h2>{state.text(T::OpenParkedTitle)}</h2>
                <ul class="rows">{rows}</ul>
            </section>
        </Show>
    }
}

/// One row of the page, by its place: its cells follow whichever action the filter puts there,
/// so a filter keystroke rewrites texts instead of tearing down and building rows (issue 15.3).
#[component]
fn TrackerLine(
    rows: Memo<(usize, Vec<TrackerRow>)>,
    place: usize,
    drafts: NoteDrafts,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let row = Memo::new(move |_| rows.with(|(_, drawn)| drawn.get(place).cloned()));
    // The action shown here, by id: a half-typed progress note belongs to it and follows it
    // wherever a re-sort or another tab's save moves it (F3).
    let action_key = move || {
        row.with(|row| {
            row.as_ref()
                .map(|row| (row.meeting_id.clone(), row.action.id.clone()))
        })
    };
    let read = move |read: fn(&TrackerRow) -> String| {
        move || row.with(|row| row.as_ref().map(read).unwrap_or_default())
    };
    let judged = move || {
        row.with(|row| {
            row.as_ref().map(|row| {
                let today = browser::today();
                due(
                    &row.action,
                    today,
                    state.prefs.due_soon_days.get_untracked(),
                )
            })
        })
    };
    let class = move || match judged() {
        Some(Due::Overdue) => "overdue",
        Some(Due::Today) => "due-today",
        Some(Due::Soon) => "due-soon",
        _ => "",
    };
    let badge = move || match judged() {
        Some(Due::Overdue) => state.text(T::DueOverdue),
        Some(Due::Today) => state.text(T::ChaseDueToday),
        Some(Due::Soon) => state.text(T::ChaseDueSoon),
        _ => "",
    };
    let set_status = move |ev: leptos::ev::Event| {
        if let Some(key) = untrack(action_key) {
            set_status(state, &key, &event_target_value(&ev));
        }
    };
    let draft = move || {
        action_key()
            .map(|key| drafts.text(&key))
            .unwrap_or_default()
    };
    let type_note = move |ev: leptos::ev::Event| {
        if let Some(key) = untrack(action_key) {
            drafts.type_in(key, event_target_value(&ev));
        }
    };
    let add_note = move |ev: leptos::ev::KeyboardEvent| {
        if browser::is_enter(&ev) {
            if let Some(key) = untrack(action_key) {
                drafts.file(state, &key);
            }
        }
    };
    let notes = move || {
        row.with(|row| {
            row.iter()
                .flat_map(|row| &row.action.progress)
                .map(|note| {
                    let date = note.on.map(format_date).unwrap_or_default();
                    view! { <li><span class="muted">{date}</span> " " {note.text.clone()}</li> }
                })
                .collect_view()
        })
    };
    let lang = state.prefs.lang.get_untracked();
    view! {
        <tr class=class data-action=read(|row| row.action.id.clone())>
            <td data-label=state.text(T::ColTask)>
                {read(|row| row.action.task.clone())}
                {move || {
                    let slot = row.with(|row| row.as_ref().map(|row| (format!("row:{}:{}", row.meeting_id, row.action.id), row.meeting_id.clone())));
                    slot.and_then(|(slot, id)| crate::ui::space::space_view(state, &slot, None, &id, true))
                }}
            </td>
            <td data-label=state.text(T::ColOwner)>{read(|row| row.action.owner.clone())}</td>
            <td data-label=state.text(T::ColDepartment)>{read(|row| row.action.department.clone())}</td>
            <td data-label=state.text(T::ColMeeting)>
                <a href=read(|row| Route::Meeting { id: row.meeting_id.clone(), stage: Stage::FollowUp }.href())>
                    {move || row.with(|row| row.as_ref().map(|row| title_or_untitled(&row.meeting_title, lang)).unwrap_or_default())}
                </a>
            </td>
            <td data-label=state.text(T::ColDeadline)>
                <span>
                    {read(|row| row.action.deadline.map(format_date).unwrap_or_default())} " "
                    <span class="badge" data-testid="due-badge">{badge}</span>
                </span>
            </td>
            <td data-label=state.text(T::ColStatus)>
                <select aria-label=state.text(T::ColStatus) prop:value=read(|row| row.action.status.key().to_owned()) on:change=set_status>
                    {ActionStatus::ALL.into_iter().map(|s| view! { <option value=s.key()>{state.text(s.label())}</option> }).collect_view()}
                </select>
            </td>
            <td data-label=state.text(T::ColProgress)>
                <ul class="notes">{notes}</ul>
                <input type="text" aria-label=state.text(T::AddProgress) placeholder=state.text(T::AddProgress)
                    prop:value=draft on:input=type_note on:keydown=add_note/>
            </td>
        </tr>
    }
}
