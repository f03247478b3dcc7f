//! A meeting's workspace: the four stages as tabs, with the readiness panel beside plan and
//! prepare. `Current` is the handle every stage uses to read and edit the open meeting.

mod agenda_editor;
mod ask_panel;
mod attendance;
mod feedback;
mod fields;
mod follow_up;
mod materials;
mod notice;
mod plan;
mod prepare;
mod read_back;
mod readiness;
mod run;
mod share_plan;

use leptos::prelude::*;

use crate::core::domain::edit::FieldKey;
use crate::core::domain::i18n::T;
use crate::core::view::route::{Route, Stage};
use crate::ui::state::{display_title, AppState};

pub use fields::Current;

/// The open meeting's workspace, or a word that it is not there (never was, or was deleted in
/// another tab while open here).
#[component]
pub fn Workspace(
    id: String,
    stage: Stage,
    /// The room's view of the running meeting only, for a projector window.
    #[prop(optional)]
    projector: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let exists = {
        let id = id.clone();
        Memo::new(move |_| state.meetings.with(|ms| ms.iter().any(|m| m.id == id)))
    };
    move || {
        if exists.get() {
            if projector {
                let current = Current::new(id.clone(), state);
                return view! { <run::RunStage current projector=true/> }.into_any();
            }
            view! { <OpenMeeting id=id.clone() stage/> }.into_any()
        } else {
            view! {
                <div class="empty" data-testid="meeting-not-found">
                    <p>{state.text(T::MeetingNotFound)}</p>
                    <a href="#/">{state.text(T::BackToList)}</a>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn OpenMeeting(id: String, stage: Stage) -> impl IntoView {
    let state = expect_context::<AppState>();
    let current = Current::new(id.clone(), state);
    let title = {
        let current = current.clone();
        move || {
            current.read_field(FieldKey::Title, |m| {
                display_title(m, state.prefs.lang.get())
            })
        }
    };
    let tabs = Stage::ALL
        .into_iter()
        .map(|tab| {
            let href = Route::Meeting { id: id.clone(), stage: tab }.href();
            view! {
                <a role="tab" href=href aria-selected=(tab == stage).to_string() class:active=tab == stage>
                    {state.text(tab.label())}
                </a>
            }
        })
        .collect_view();
    let findings =
        matches!(stage, Stage::Plan | Stage::Prepare).then(|| readiness::findings(&current));
    let with_readiness = findings.is_some();
    let body = match stage {
        Stage::Plan => view! { <plan::PlanStage current=current.clone()/> }.into_any(),
        Stage::Prepare => view! { <prepare::PrepareStage current=current.clone()/> }.into_any(),
        Stage::Run => view! { <run::RunStage current=current.clone()/> }.into_any(),
        Stage::FollowUp => view! { <follow_up::FollowUpStage current=current.clone()/> }.into_any(),
    };
    view! {
        <section class="workspace">
            <a class="back" href="#/">{state.text(T::BackToList)}</a>
            <div class="workspace-head">
                <h1 data-testid="workspace-title">{title}</h1>
                <button type="button" data-testid="save-template" on:click={
                    let id = id.clone();
                    move |_| state.save_as_template(&id)
                }>
                    {state.text(T::SaveAsTemplate)}
                </button>
                <share_plan::SharePlan current=current.clone()/>
            </div>
            {
                let id = id.clone();
                move || crate::ui::space::space_view(state, &format!("meeting:{id}"), Some("share"), &id, false)
            }
            <nav class="stage-tabs" role="tablist">{tabs}</nav>
            {findings.map(|findings| view! { <readiness::ReadinessJump findings/> })}
            <div class="workspace-columns" class:single=!with_readiness>
                <div class="stage-body" role="tabpanel">{body}</div>
                {fields::participant_names(&current)}
                {findings.map(|findings| view! { <readiness::Readiness findings id=id.clone()/> })}
            </div>
        </section>
    }
    .into_any()
}
