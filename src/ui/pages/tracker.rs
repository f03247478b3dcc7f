//! The action tracker: every action item of every meeting in one table (F3), overdue rows marked.

use chrono::Local;
use leptos::prelude::*;

use crate::core::i18n::T;
use crate::core::model::ActionItem;
use crate::core::route::{Route, Stage};
use crate::core::time::format_date;
use crate::ui::state::{display_title, AppState};

#[derive(Clone, PartialEq)]
struct Row {
    action: ActionItem,
    meeting_id: String,
    meeting_title: String,
}

#[component]
pub fn Tracker() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = Memo::new(move |_| {
        let lang = state.lang.get();
        state.meetings.with(|meetings| {
            meetings
                .iter()
                .filter(|meeting| !meeting.is_template)
                .flat_map(|meeting| {
                    meeting.actions.iter().map(move |action| Row {
                        action: action.clone(),
                        meeting_id: meeting.id.clone(),
                        meeting_title: display_title(meeting, lang),
                    })
                })
                .collect::<Vec<_>>()
        })
    });
    let header = move |key: T| view! { <th scope="col">{state.text(key)}</th> };
    view! {
        <section>
            <h1>{state.text(T::TrackerTitle)}</h1>
            <Show
                when=move || !rows.with(Vec::is_empty)
                fallback=move || view! { <p class="empty" data-testid="tracker-empty">{state.text(T::TrackerEmpty)}</p> }
            >
                <div class="table-scroll">
                    <table class="tracker">
                        <thead>
                            <tr>
                                {header(T::ColTask)}
                                {header(T::ColOwner)}
                                {header(T::ColDepartment)}
                                {header(T::ColMeeting)}
                                {header(T::ColDeadline)}
                                {header(T::ColStatus)}
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let today = Local::now().date_naive();
                                rows.get()
                                    .into_iter()
                                    .map(|row| {
                                        let href = Route::Meeting { id: row.meeting_id, stage: Stage::FollowUp }.href();
                                        let overdue = row.action.is_overdue(today);
                                        view! {
                                            <tr class:overdue=overdue>
                                                <td>{row.action.task}</td>
                                                <td>{row.action.owner}</td>
                                                <td>{row.action.department}</td>
                                                <td><a href=href>{row.meeting_title}</a></td>
                                                <td>{row.action.deadline.map(format_date).unwrap_or_default()}</td>
                                                <td>{state.text(row.action.status.label())}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}
