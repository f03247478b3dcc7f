//! The running meeting (E2–E6): the clocks panel, the current item with its facilitation prompts
//! and what comes next, live capture, and the agenda planned against actual.

use leptos::html;
use leptos::prelude::*;

use chrono::{DateTime, Utc};

use super::super::fields::{Current, ACTIONS, DECISIONS, PARKED};
use super::airtime::AirtimePanel;
use super::capture::{
    capture_input, captured_texts, nothing, parked_follow_up, row_count, CaptureKind,
    CapturedActions,
};
use super::clocks::ClocksPanel;
use super::finish::FinishOnTime;
use super::Act;
use crate::core::domain::agenda::planned_actual;
use crate::core::domain::clock::{Clocks, RunState};
use crate::core::domain::i18n::T;
use crate::core::domain::model::{AgendaItem, Phase};
use crate::core::domain::run;

/// The capture fields the shortcuts focus: parking lot, decision, action, speaker.
pub type Inputs = (
    NodeRef<html::Input>,
    NodeRef<html::Input>,
    NodeRef<html::Input>,
    NodeRef<html::Input>,
);

#[component]
pub fn Running(
    current: Current,
    all: Memo<Clocks>,
    run_state: Memo<RunState>,
    act: Act,
    now: RwSignal<DateTime<Utc>>,
    end_meeting: impl Fn() + Clone + Send + Sync + 'static,
    inputs: Inputs,
) -> impl IntoView {
    let state = current.state;
    let (park_input, decision_input, action_input, speaker_input) = inputs;
    // Indices into the agenda: the tick compares two numbers, not two ids.
    let item_index = Memo::new(move |_| all.with(|c| c.current_item));
    let next_index = Memo::new(move |_| all.with(|c| c.next_item));
    let item = {
        let current = current.clone();
        move |index: Option<usize>| -> Option<AgendaItem> {
            current.read(|m| index.and_then(|i| m.agenda.get(i).cloned()))
        }
    };
    let current_card = {
        let item = item.clone();
        move || {
            item(item_index.get()).map(|it| {
                let prompts = run::prompts(it.phase)
                    .iter()
                    .map(|p| view! { <li>{state.text(*p)}</li> })
                    .collect_view();
                view! {
                    <p class="phase-tag">{state.text(it.phase.label())}</p>
                    <h2 class="current-title" data-testid="current-item">{it.title}</h2>
                    <p class="muted">{it.owner} " · " {it.expected_output}</p>
                    <details class="prompts" open=it.phase != Phase::Break>
                        <summary>{state.text(T::Prompts)}</summary>
                        <ul>{prompts}</ul>
                    </details>
                }
            })
        }
    };
    let next_line = move || match item(next_index.get()) {
        Some(next) => format!(
            "{}{}{}",
            state.text(T::NextUp),
            state.text(T::Colon),
            next.title
        ),
        None => state.text(T::LastItem).to_owned(),
    };
    view! {
        <div class="run-grid">
            <ClocksPanel current=current.clone() all run_state act=act.clone() end_meeting speaker_input/>
            <section class="current">
                {current_card}
                <p class="next" data-testid="next-line">{next_line}</p>
                <FinishOnTime current=current.clone() all/>
                <AirtimePanel current=current.clone() now run_state/>
            </section>
            <section class="capture" data-testid="capture">
                <CaptureKind current=current.clone() heading=T::Decisions key="D" count=row_count(&current, DECISIONS)
                    input=capture_input(&current, decision_input, T::DecisionPlaceholder, "decision-input", run::decide).into_any()
                    list=captured_texts(&current, DECISIONS, "decisions", T::Decisions, |d| d.text.clone(), |d, v| d.text = v, nothing).into_any()/>
                <CaptureKind current=current.clone() heading=T::ActionItems key="A" count=row_count(&current, ACTIONS)
                    input=capture_input(&current, action_input, T::ActionPlaceholder, "action-input", run::add_action).into_any()
                    list=view! { <CapturedActions current=current.clone()/> }.into_any()/>
                <CaptureKind current=current.clone() heading=T::ParkingLot key="P" count=row_count(&current, PARKED)
                    input=capture_input(&current, park_input, T::ParkPlaceholder, "park-input", run::park).into_any()
                    list=captured_texts(&current, PARKED, "parked", T::ParkingLot, |p| p.text.clone(), |p, v| p.text = v, parked_follow_up).into_any()/>
            </section>
            <AgendaProgress current=current.clone() all/>
        </div>
    }
}

/// The agenda with planned and actual minutes; changes once a minute, not every tick.
#[component]
fn AgendaProgress(current: Current, all: Memo<Clocks>) -> impl IntoView {
    let state = current.state;
    // Whole minutes per item: equal from one tick to the next, so the list is redrawn once a
    // minute at most.
    let minutes = Memo::new(move |_| {
        all.with(|c| {
            (
                c.current_item,
                c.actual.iter().map(|d| d.num_minutes()).collect::<Vec<_>>(),
            )
        })
    });
    let rows = move || {
        let (now_index, actual) = minutes.get();
        current.read(|m| {
            m.agenda
                .iter()
                .enumerate()
                .map(|(index, item)| {
                    let spent = actual.get(index).copied().unwrap_or(0);
                    let is_current = now_index == Some(index);
                    let over = i64::from(item.planned()) < spent;
                    view! {
                        <li class="row" class:current=is_current class:over=over>
                            <span class="grow">{item.title.clone()}</span>
                            <span class="muted">{planned_actual(item, spent)}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <section class="progress">
            <h3>{state.text(T::Agenda)} " · " {state.text(T::PlannedActual)}</h3>
            <ol class="rows">{rows}</ol>
        </section>
    }
}
