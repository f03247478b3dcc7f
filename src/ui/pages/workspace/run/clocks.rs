//! The clocks panel (E2, E3): the item and meeting clocks, the speaking turn, and the buttons that
//! pause, move on and end. Every figure is read from the clocks memo; a tick rewrites only the
//! clock texts.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::super::fields::Current;
use super::Act;
use crate::core::domain::airtime::speaker_choices;
use crate::core::domain::clock::{format_duration, Clocks, RunState};
use crate::core::domain::i18n::T;
use crate::core::domain::rebalance::warnings;
use crate::core::domain::run;
use crate::ui::browser;

#[component]
pub fn ClocksPanel(
    current: Current,
    all: Memo<Clocks>,
    run_state: Memo<RunState>,
    act: Act,
    end_meeting: impl Fn() + Clone + Send + Sync + 'static,
    speaker_input: NodeRef<html::Input>,
) -> impl IntoView {
    let state = current.state;
    let item_over = Memo::new(move |_| all.with(|c| c.item_overrun()));
    let meeting_over = Memo::new(move |_| all.with(|c| c.meeting_overrun()));
    let turn_speaker = Memo::new(move |_| all.with(|c| c.turn.as_ref().map(|t| t.speaker.clone())));
    let turn_over = Memo::new(move |_| all.with(|c| c.turn.as_ref().is_some_and(|t| t.is_over())));
    let warned = Memo::new(move |_| all.with(warnings));
    let choices = {
        let current = current.clone();
        move || {
            current
                .read(|m| speaker_choices(&m.participants))
                .into_iter()
                .map(|choice| view! { <option value=choice></option> })
                .collect_view()
        }
    };
    // Unsigned: the label beside it says "left" or "over" (E2).
    let clock_text = move |read: fn(&Clocks) -> chrono::Duration| {
        move || all.with(|c| format_duration(read(c).abs()))
    };
    let left_or_over = move |over: Memo<bool>| {
        move || state.text(if over.get() { T::Overrun } else { T::TimeLeft })
    };
    let start_turn = move || {
        let name = speaker_input
            .get_untracked()
            .map(|input| input.value())
            .unwrap_or_default();
        let at = browser::now();
        current.edit(|m| run::speaker_turn(m, at, &name));
    };
    let start_turn_key = start_turn.clone();
    let (pause_act, next_act) = (act.clone(), act);
    view! {
        <section class="clocks" aria-live="off">
            <div class="clock-face" class:over=item_over data-testid="item-clock">
                <span class="clock-label">{state.text(T::ItemClock)}</span>
                <span class="clock-big" data-testid="item-elapsed">{clock_text(|c| c.item_elapsed)}</span>
                <span class="clock-sub">
                    {left_or_over(item_over)} " "
                    <span data-testid="item-left">{clock_text(|c| c.item_left)}</span>
                </span>
            </div>
            {move || {
                let w = warned.get();
                let meeting = w.meeting_five_minutes.then_some(if w.meeting_over {
                    T::WarnMeetingOver
                } else {
                    T::WarnMeetingFiveMinutes
                });
                let item = w.item_eighty_percent.then_some(if w.item_over {
                    T::WarnItemOver
                } else {
                    T::WarnItemEightyPercent
                });
                (meeting.is_some() || item.is_some()).then(|| view! {
                    <p class="time-warning" class:over=w.item_over || w.meeting_over role="status" data-testid="time-warning">
                        {meeting.map(|key| state.text(key))}
                        {(meeting.is_some() && item.is_some()).then_some(" · ")}
                        {item.map(|key| state.text(key))}
                    </p>
                })
            }}
            <div class="clock-face small" class:over=meeting_over>
                <span class="clock-label">{state.text(T::MeetingClock)}</span>
                <span class="clock-mid" data-testid="meeting-elapsed">{clock_text(|c| c.meeting_elapsed)}</span>
                <span class="clock-sub">{left_or_over(meeting_over)} " " <span data-testid="meeting-left">{clock_text(|c| c.meeting_left)}</span></span>
            </div>
            <Show when=move || run_state.get() == RunState::Paused>
                <p class="paused-banner" role="status">{state.text(T::Paused)}</p>
            </Show>
            <div class="turn" class:over=turn_over>
                <input type="text" node_ref=speaker_input aria-label=state.text(T::Speaker) placeholder=state.text(T::Speaker)
                    list="speaker-choices" title=state.text(T::AirtimeSpeakerPick)
                    on:keydown=move |ev: ev::KeyboardEvent| if browser::is_enter(&ev) { start_turn_key() }/>
                <datalist id="speaker-choices">{choices}</datalist>
                <button type="button" on:click=move |_| start_turn()>{state.text(T::StartTurn)} <span class="key-hint">" (T)"</span></button>
                {move || turn_speaker.get().map(|speaker| view! {
                    <span class="turn-clock" data-testid="turn-left">{speaker} " · "
                        {move || state.text(if turn_over.get() { T::TurnOver } else { T::TurnLeft })} " "
                        {move || all.with(|c| c.turn.as_ref().map(|t| format_duration(t.left.abs())).unwrap_or_default())}
                    </span>
                })}
            </div>
            <div class="button-row">
                <button type="button" class="primary" data-testid="pause" on:click=move |_| pause_act.run(run::toggle_pause)>
                    {move || state.text(if run_state.get() == RunState::Paused { T::Resume } else { T::Pause })} <span class="key-hint">" (␣)"</span>
                </button>
                <button type="button" data-testid="next-item" on:click=move |_| next_act.run(|m, at| { run::next_item(m, at); })>
                    {state.text(T::NextItem)} <span class="key-hint">" (N)"</span>
                </button>
                <button type="button" class="danger" data-testid="end-meeting" on:click=move |_| end_meeting()>
                    {state.text(T::EndMeeting)} <span class="key-hint">" (E)"</span>
                </button>
            </div>
        </section>
    }
}
