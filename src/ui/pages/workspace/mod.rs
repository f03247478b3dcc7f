//! A meeting's workspace: the four stages as tabs, with the readiness panel beside plan and
//! prepare. `Current` is the handle every stage uses to read and edit the open meeting.

mod agenda_editor;
mod attendance;
mod fields;
mod materials;
mod notice;
mod plan;
mod prepare;
mod readiness;
mod run;

use leptos::prelude::*;

use crate::core::export::csv::{actions_csv, agenda_csv, decisions_csv};
use crate::core::export::minutes::minutes_markdown;
use crate::core::i18n::T;
use crate::core::model::Meeting;
use crate::core::route::{Route, Stage};
use crate::ui::browser;
use crate::ui::state::{display_title, AppState};

pub use fields::Current;

#[component]
pub fn Workspace(id: String, stage: Stage) -> impl IntoView {
    let state = expect_context::<AppState>();
    let meeting = state.meeting_memo(id.clone());
    if meeting.get_untracked().is_none() {
        return view! {
            <div class="empty">
                <p>{state.text(T::MeetingNotFound)}</p>
                <a href="#/">{state.text(T::BackToList)}</a>
            </div>
        }
        .into_any();
    }
    let current = Current::new(id.clone(), meeting, state);
    let title = {
        let current = current.clone();
        move || current.read(|m| display_title(m, state.lang.get()))
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
    let with_readiness = matches!(stage, Stage::Plan | Stage::Prepare);
    let body = match stage {
        Stage::Plan => view! { <plan::PlanStage current=current.clone()/> }.into_any(),
        Stage::Prepare => view! { <prepare::PrepareStage current=current.clone()/> }.into_any(),
        Stage::Run => view! { <run::RunStage current=current.clone()/> }.into_any(),
        Stage::FollowUp => view! { <FollowUpStage current=current.clone()/> }.into_any(),
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
            </div>
            <nav class="stage-tabs" role="tablist">{tabs}</nav>
            <div class="workspace-columns" class:single=!with_readiness>
                <div class="stage-body" role="tabpanel">{body}</div>
                {with_readiness.then(|| view! { <readiness::Readiness current=current.clone()/> })}
            </div>
        </section>
    }
    .into_any()
}

/// The follow-up tab until the minutes editor, tracker and review of issue 5 land: the minutes
/// status, the exports (minutes Markdown, CSV for Excel) and the meeting's read-back.
#[component]
fn FollowUpStage(current: Current) -> impl IntoView {
    let state = current.state;
    let status = current.read(|m: &Meeting| m.minutes.status).label();
    let reader = current.clone();
    let export = move |kind: Export| {
        let lang = state.lang.get_untracked();
        let (name, mime, text) = reader.read(|m| {
            let stem = format!("crossmeet-{}", m.id);
            match kind {
                Export::Minutes => (
                    format!("{stem}-minutes.md"),
                    "text/markdown;charset=utf-8",
                    minutes_markdown(m, lang, browser::local_offset(), browser::now()),
                ),
                Export::Actions => (
                    format!("{stem}-actions.csv"),
                    "text/csv;charset=utf-8",
                    actions_csv([m], lang),
                ),
                Export::Decisions => (
                    format!("{stem}-decisions.csv"),
                    "text/csv;charset=utf-8",
                    decisions_csv(m, lang),
                ),
                Export::Agenda => (
                    format!("{stem}-agenda.csv"),
                    "text/csv;charset=utf-8",
                    agenda_csv(m, lang),
                ),
            }
        });
        if let Err(cause) = browser::download(&name, mime, &text) {
            state.show_toast(format!("{cause:?}"), None);
        }
    };
    let button = move |kind: Export, label: T, testid: &'static str| {
        let export = export.clone();
        view! { <button type="button" data-testid=testid on:click=move |_| export(kind)>{state.text(label)}</button> }
    };
    view! {
        <dl class="facts">
            <dt>{state.text(T::MinutesStatus)}</dt>
            <dd>{state.text(status)}</dd>
        </dl>
        <div class="button-row">
            {button(Export::Minutes, T::DownloadMinutes, "download-minutes")}
            {button(Export::Actions, T::DownloadActionsCsv, "download-actions")}
            {button(Export::Decisions, T::DownloadDecisionsCsv, "download-decisions")}
            {button(Export::Agenda, T::DownloadAgendaCsv, "download-agenda")}
        </div>
        <run::ReadBack current/>
    }
}

#[derive(Clone, Copy)]
enum Export {
    Minutes,
    Actions,
    Decisions,
    Agenda,
}
