//! The run tab's two ends: the opening checklist before the start (E1), and the closing summary
//! once the meeting has ended (E7).

use leptos::prelude::*;

use super::super::fields::Current;
use super::super::read_back::ReadBack;
use super::airtime::AirtimePanel;
use super::Act;
use crate::core::domain::clock::RunState;
use crate::core::domain::cost::{figures_text, Cost};
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::run;
use crate::core::formats::export::minutes::follow_up_rule;
use crate::core::view::route::{Route, Stage};

#[component]
pub fn Opening(current: Current, start: Act) -> impl IntoView {
    let state = current.state;
    let objective = current.read(|m| m.objective.clone());
    let turn = state.prefs.turn_minutes.get_untracked().to_string();
    let lang = state.prefs.lang.get_untracked();
    let check = |label: String| view! { <li><label class="check"><input type="checkbox"/>{label}</label></li> };
    view! {
        <section class="opening">
            <h2>{state.text(T::OpeningTitle)}</h2>
            <ul class="checklist">
                {check(format!("{}{}{}", state.text(T::OpeningObjective), state.text(T::Colon), objective))}
                {check(state.text(T::OpeningAgenda).to_owned())}
                {check(tr(lang, T::OpeningRules, &[&turn]))}
                {check(state.text(T::OpeningRound).to_owned())}
            </ul>
            <button type="button" class="primary big" data-testid="start-meeting" on:click=move |_| start.run(run::start)>
                {state.text(T::StartMeeting)} <span class="key-hint">" (␣)"</span>
            </button>
        </section>
        <super::super::agenda_editor::AgendaReadOnly current/>
    }
}

/// The closing screen (E7): the read-back and the follow-up rule, then on to follow-up.
#[component]
pub fn Summary(current: Current) -> impl IntoView {
    let state = current.state;
    let follow_up = Route::Meeting {
        id: current.id.clone(),
        stage: Stage::FollowUp,
    }
    .href();
    let lang = state.prefs.lang.get_untracked();
    let rule = current.read(|m| follow_up_rule(m, lang));
    let cost = current.read(|m| {
        let cost = Cost::of(m);
        figures_text(
            cost.planned(),
            cost.actual(),
            cost.overrun(),
            state.prefs.rate(),
            lang,
        )
    });
    let now = RwSignal::new(crate::ui::browser::now());
    let ended = Memo::new(|_| RunState::Ended);
    view! {
        <section class="summary" data-testid="summary">
            <h2>{state.text(T::SummaryTitle)}</h2>
            <ReadBack current=current.clone()/>
            <p class="follow-up-rule">{rule}</p>
            <p class="cost-line" data-testid="summary-cost"><strong>{state.text(T::CostTitle)}</strong> " " {cost}</p>
            <AirtimePanel current now run_state=ended/>
            <a class="button primary" href=follow_up>{state.text(T::GoFollowUp)}</a>
        </section>
    }
}
