//! The run tab (E1–E8): the opening checklist, then the running view — clocks computed from the
//! run log, the current and next item, facilitation prompts, live capture of parked points,
//! decisions and actions — with keyboard shortcuts, room mode for a projector, a gentle sound at
//! the end of a speaking turn and the screen kept awake; the summary once the meeting ends.
//!
//! The clock's half-second tick only moves `now`; slow-changing facts (state, current item,
//! overrun) are memos, so a tick rewrites just the clock texts.

use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::fields::{row_text, Current, ACTIONS};
use crate::core::clock::{clocks, format_duration, RunState};
use crate::core::i18n::{tr, T};
use crate::core::model::{Meeting, Phase};
use crate::core::route::{Route, Stage};
use crate::core::run;
use crate::core::time::{format_date, parse_date};
use crate::ui::browser;
use crate::ui::toast::Undo;

#[component]
pub fn RunStage(current: Current) -> impl IntoView {
    let state = current.state;
    // Half a second, with rounded display: the shown time is never a second off, and a text
    // node only changes when its second does.
    let now = browser::use_now(std::time::Duration::from_millis(500));
    let all = {
        let current = current.clone();
        Memo::new(move |_| {
            let at = now.get();
            let turn = chrono::Duration::minutes(i64::from(state.prefs.turn_minutes.get()));
            current.read(|m| clocks(m, at, turn))
        })
    };
    let run_state = Memo::new(move |_| all.with(|c| c.state));
    let room = RwSignal::new(false);
    let help = RwSignal::new(false);
    let muted = RwSignal::new(false);

    // Every action stamps `now` fresh, not the last tick.
    let act = {
        let current = current.clone();
        move |change: fn(&mut Meeting, chrono::DateTime<chrono::Utc>)| {
            let at = browser::now();
            // Written at once, like every edit: a lid closed a moment later loses nothing.
            current.edit(|m| change(m, at));
            now.set(at);
        }
    };
    let end_meeting = {
        let current = current.clone();
        move || {
            let before = state.find(&current.id);
            let at = browser::now();
            current.edit(|m| run::end(m, at));
            now.set(at);
            if let Some(meeting) = before {
                state.toasts.show(
                    state.text(T::MeetingEnded).to_owned(),
                    Some(Undo::Revert {
                        meeting: Box::new(meeting),
                    }),
                );
            }
        }
    };

    let park_input = NodeRef::<html::Input>::new();
    let decision_input = NodeRef::<html::Input>::new();
    let action_input = NodeRef::<html::Input>::new();
    let speaker_input = NodeRef::<html::Input>::new();
    let focus = |node: NodeRef<html::Input>| {
        if let Some(input) = node.get_untracked() {
            let _ = input.focus();
        }
    };

    let keys = {
        let act = act.clone();
        let end_meeting = end_meeting.clone();
        window_event_listener(ev::keydown, move |event| {
            if event.key() == "Escape" {
                help.set(false);
                if browser::is_typing_target(&event) {
                    browser::blur_active();
                }
                if room.get_untracked() {
                    room.set(false);
                    browser::set_fullscreen(false);
                }
                return;
            }
            if browser::is_typing_target(&event)
                || event.ctrl_key()
                || event.meta_key()
                || event.alt_key()
            {
                return;
            }
            let handled = match event.key().as_str() {
                " " => {
                    act(run::toggle_pause);
                    true
                }
                "n" | "N" => {
                    act(|m, at| {
                        run::next_item(m, at);
                    });
                    true
                }
                "t" | "T" => {
                    focus(speaker_input);
                    true
                }
                "p" | "P" => {
                    focus(park_input);
                    true
                }
                "d" | "D" => {
                    focus(decision_input);
                    true
                }
                "a" | "A" => {
                    focus(action_input);
                    true
                }
                "r" | "R" => {
                    let on = !room.get_untracked();
                    room.set(on);
                    browser::set_fullscreen(on);
                    true
                }
                "e" | "E" => {
                    if run_state.get_untracked() != RunState::NotStarted {
                        end_meeting();
                    }
                    true
                }
                "?" => {
                    help.update(|shown| *shown = !*shown);
                    true
                }
                _ => false,
            };
            if handled {
                event.prevent_default();
            }
        })
    };
    on_cleanup(move || keys.remove());

    // The gentle sound when a speaking turn runs out (E8).
    let turn_over = Memo::new(move |_| {
        all.with(|c| {
            c.turn
                .as_ref()
                .is_some_and(|t| t.left <= chrono::Duration::zero())
        })
    });
    Effect::new(move |was_over: Option<bool>| {
        let over = turn_over.get();
        if over && was_over == Some(false) && !muted.get_untracked() {
            browser::beep();
        }
        over
    });

    // Keep the screen awake while the meeting runs; browsers drop the lock when the page is
    // hidden, so it is asked for again when the page is shown (E8).
    let sentinel = StoredValue::new_local(None::<JsValue>);
    let want_lock = move || run_state.get_untracked() == RunState::Running;
    let acquire = move || {
        if sentinel.with_value(Option::is_some) || !want_lock() {
            return;
        }
        spawn_local(async move {
            match browser::request_wake_lock().await {
                Ok(lock) => sentinel.set_value(Some(lock)),
                Err(cause) => state.toasts.show(
                    tr(state.prefs.lang.get_untracked(), T::WakeLockOff, &[&cause]),
                    None,
                ),
            }
        });
    };
    let release = move || {
        if let Some(lock) = sentinel.try_update_value(Option::take).flatten() {
            browser::release_wake_lock(&lock);
        }
    };
    Effect::new(move |_| {
        if run_state.get() == RunState::Running {
            acquire();
        } else {
            release();
        }
    });
    let visibility = window_event_listener(ev::visibilitychange, move |_| {
        if browser::document_is_hidden() {
            sentinel.set_value(None);
        } else {
            acquire();
        }
    });
    on_cleanup(move || {
        visibility.remove();
        release();
        browser::set_fullscreen(false);
    });

    let body = {
        let current = current.clone();
        move || match run_state.get() {
            RunState::NotStarted => {
                view! { <Opening current=current.clone() start=act.clone()/> }.into_any()
            }
            RunState::Ended => view! { <Summary current=current.clone()/> }.into_any(),
            RunState::Running | RunState::Paused => view! {
                <Running
                    current=current.clone()
                    all
                    run_state
                    act=act.clone()
                    end_meeting=end_meeting.clone()
                    inputs=(park_input, decision_input, action_input, speaker_input)
                />
            }
            .into_any(),
        }
    };
    view! {
        <div class="run" class:room=room data-testid="run">
            <div class="run-toolbar">
                <button type="button" aria-pressed=move || room.get().to_string() data-testid="room-mode"
                    on:click=move |_| {
                        let on = !room.get_untracked();
                        room.set(on);
                        browser::set_fullscreen(on);
                    }>
                    {move || state.text(if room.get() { T::ExitRoomMode } else { T::RoomMode })}
                </button>
                <label class="check">
                    <input type="checkbox" prop:checked=muted on:change=move |ev| muted.set(event_target_checked(&ev))/>
                    {state.text(T::Mute)}
                </label>
                <button type="button" class="quiet" aria-expanded=move || help.get().to_string() on:click=move |_| help.update(|h| *h = !*h)>
                    {state.text(T::Shortcuts)} " (?)"
                </button>
            </div>
            <Show when=move || help.get()>
                <p class="shortcut-help" role="note" data-testid="shortcut-help">{state.text(T::ShortcutsHelp)}</p>
            </Show>
            {body}
        </div>
    }
}

#[component]
fn Opening(
    current: Current,
    start: impl Fn(fn(&mut Meeting, chrono::DateTime<chrono::Utc>)) + Clone + Send + Sync + 'static,
) -> impl IntoView {
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
            <button type="button" class="primary big" data-testid="start-meeting" on:click=move |_| start(run::start)>
                {state.text(T::StartMeeting)} " (␣)"
            </button>
        </section>
        <super::agenda_editor::AgendaReadOnly current/>
    }
}

type Inputs = (
    NodeRef<html::Input>,
    NodeRef<html::Input>,
    NodeRef<html::Input>,
    NodeRef<html::Input>,
);

#[component]
fn Running(
    current: Current,
    all: Memo<crate::core::clock::Clocks>,
    run_state: Memo<RunState>,
    act: impl Fn(fn(&mut Meeting, chrono::DateTime<chrono::Utc>)) + Clone + Send + Sync + 'static,
    end_meeting: impl Fn() + Clone + Send + Sync + 'static,
    inputs: Inputs,
) -> impl IntoView {
    let state = current.state;
    let (park_input, decision_input, action_input, speaker_input) = inputs;
    let item_id = Memo::new(move |_| all.with(|c| c.current_item.clone()));
    let next_id = Memo::new(move |_| all.with(|c| c.next_item.clone()));
    let item_over = Memo::new(move |_| all.with(|c| c.item_overrun()));
    let meeting_over = Memo::new(move |_| all.with(|c| c.meeting_overrun()));
    let turn_speaker = Memo::new(move |_| all.with(|c| c.turn.as_ref().map(|t| t.speaker.clone())));
    let turn_over = Memo::new(move |_| {
        all.with(|c| {
            c.turn
                .as_ref()
                .is_some_and(|t| t.left < chrono::Duration::zero())
        })
    });
    let item = {
        let current = current.clone();
        move |id: Option<String>| {
            current.read(|m| id.and_then(|id| m.agenda.iter().find(|a| a.id == id).cloned()))
        }
    };
    let current_card = {
        let item = item.clone();
        move || {
            item(item_id.get()).map(|it| {
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
    let next_line = {
        let item = item.clone();
        move || match item(next_id.get()) {
            Some(next) => format!(
                "{}{}{}",
                state.text(T::NextUp),
                state.text(T::Colon),
                next.title
            ),
            None => state.text(T::LastItem).to_owned(),
        }
    };
    let clock_text = move |read: fn(&crate::core::clock::Clocks) -> chrono::Duration| {
        move || all.with(|c| format_duration(read(c)))
    };
    let capture =
        |node: NodeRef<html::Input>,
         placeholder: T,
         testid: &'static str,
         apply: fn(&mut Meeting, chrono::DateTime<chrono::Utc>, String, &str)| {
            let current = current.clone();
            view! {
                <input
                    type="text"
                    node_ref=node
                    data-testid=testid
                    aria-label=state.text(placeholder)
                    placeholder=state.text(placeholder)
                    on:keydown=move |ev: ev::KeyboardEvent| {
                        if ev.key() == "Escape" {
                            if let Some(input) = node.get_untracked() {
                                let _ = input.blur();
                            }
                        }
                        if !browser::is_enter(&ev) {
                            return;
                        }
                        let text = event_target_value(&ev);
                        if text.trim().is_empty() {
                            return;
                        }
                        let at = browser::now();
                        current.edit(|m| apply(m, at, browser::new_id(), &text));
                        if let Some(input) = node.get_untracked() {
                            input.set_value("");
                        }
                    }
                />
            }
        };
    let start_turn = {
        let current = current.clone();
        move || {
            let name = speaker_input
                .get_untracked()
                .map(|input| input.value())
                .unwrap_or_default();
            let at = browser::now();
            current.edit(|m| run::speaker_turn(m, at, &name));
        }
    };
    let start_turn_key = start_turn.clone();
    let (pause_act, next_act) = (act.clone(), act.clone());
    view! {
        <div class="run-grid">
            <section class="clocks" aria-live="off">
                <div class="clock-face" class:over=item_over data-testid="item-clock">
                    <span class="clock-label">{state.text(T::ItemClock)}</span>
                    <span class="clock-big" data-testid="item-elapsed">{clock_text(|c| c.item_elapsed)}</span>
                    <span class="clock-sub">
                        {move || state.text(if item_over.get() { T::Overrun } else { T::TimeLeft })} " "
                        <span data-testid="item-left">{clock_text(|c| c.item_left)}</span>
                    </span>
                </div>
                <div class="clock-face small" class:over=meeting_over>
                    <span class="clock-label">{state.text(T::MeetingClock)}</span>
                    <span class="clock-mid" data-testid="meeting-elapsed">{clock_text(|c| c.meeting_elapsed)}</span>
                    <span class="clock-sub">{state.text(T::TimeLeft)} " " <span>{clock_text(|c| c.meeting_left)}</span></span>
                </div>
                <Show when=move || run_state.get() == RunState::Paused>
                    <p class="paused-banner" role="status">{state.text(T::Paused)}</p>
                </Show>
                <div class="turn" class:over=turn_over>
                    <input type="text" node_ref=speaker_input aria-label=state.text(T::Speaker) placeholder=state.text(T::Speaker)
                        on:keydown=move |ev: ev::KeyboardEvent| if browser::is_enter(&ev) { start_turn_key() }/>
                    <button type="button" on:click=move |_| start_turn()>{state.text(T::StartTurn)} " (T)"</button>
                    {move || turn_speaker.get().map(|speaker| view! {
                        <span class="turn-clock" data-testid="turn-left">{speaker} " · " {state.text(T::TurnLeft)} " "
                            {move || all.with(|c| c.turn.as_ref().map(|t| format_duration(t.left)).unwrap_or_default())}
                        </span>
                    })}
                </div>
                <div class="button-row">
                    <button type="button" class="primary" data-testid="pause" on:click=move |_| pause_act(run::toggle_pause)>
                        {move || state.text(if run_state.get() == RunState::Paused { T::Resume } else { T::Pause })} " (␣)"
                    </button>
                    <button type="button" data-testid="next-item" on:click=move |_| next_act(|m, at| { run::next_item(m, at); })>
                        {state.text(T::NextItem)} " (N)"
                    </button>
                    <button type="button" class="danger" data-testid="end-meeting" on:click=move |_| end_meeting()>
                        {state.text(T::EndMeeting)} " (E)"
                    </button>
                </div>
            </section>
            <section class="current">
                {current_card}
                <p class="next" data-testid="next-line">{next_line}</p>
            </section>
            <section class="capture">
                <label class="field"><span>{state.text(T::ParkingLot)} " (P)"</span>
                    {capture(park_input, T::ParkPlaceholder, "park-input", run::park)}</label>
                <label class="field"><span>{state.text(T::Decisions)} " (D)"</span>
                    {capture(decision_input, T::DecisionPlaceholder, "decision-input", run::decide)}</label>
                <label class="field"><span>{state.text(T::ActionItems)} " (A)"</span>
                    {capture(action_input, T::ActionPlaceholder, "action-input", run::add_action)}</label>
                <Captured current=current.clone()/>
            </section>
            <AgendaProgress current=current.clone() all/>
        </div>
    }
}

/// What has been captured so far; action rows editable, incomplete ones flagged (E6).
#[component]
fn Captured(current: Current) -> impl IntoView {
    let c = current.clone();
    let parked = move || {
        c.read(|m| {
            m.parking_lot
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>()
        })
    };
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
    let action_ids = move || c.read(|m| m.actions.iter().map(|a| a.id.clone()).collect::<Vec<_>>());
    let list = move |items: Vec<String>, testid: &'static str| {
        view! { <ul class="captured" data-testid=testid>{items.into_iter().map(|t| view! { <li>{t}</li> }).collect_view()}</ul> }
    };
    view! {
        {move || list(parked(), "parked")}
        {move || list(decisions(), "decisions")}
        <ul class="rows actions" data-testid="actions">
            <For each=action_ids key=|id| id.clone() let:aid>
                <ActionRow current=current.clone() aid/>
            </For>
        </ul>
    }
}

#[component]
fn ActionRow(current: Current, aid: String) -> impl IntoView {
    let state = current.state;
    let (c, id) = (current.clone(), aid.clone());
    let missing = move || {
        let lang = state.prefs.lang.get();
        c.read_row(ACTIONS, &id, |a| {
            let missing = run::missing_action_fields(a);
            (!missing.is_empty()).then(|| {
                let names: Vec<&str> = missing.iter().map(|t| t.get(lang)).collect();
                tr(lang, T::Incomplete, &[&names.join(T::ListSep.get(lang))])
            })
        })
    };
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (aid.clone(), aid.clone());
    view! {
        <li class="row action-row">
            {row_text(&current, ACTIONS, &aid, T::ColTask, None, |a| a.task.clone(), |a, v| a.task = v)}
            {row_text(&current, ACTIONS, &aid, T::ColOwner, None, |a| a.owner.clone(), |a, v| a.owner = v)}
            {row_text(&current, ACTIONS, &aid, T::ColDepartment, None, |a| a.department.clone(), |a, v| a.department = v)}
            {row_text(&current, ACTIONS, &aid, T::ColAcceptance, None, |a| a.acceptance.clone(), |a, v| a.acceptance = v)}
            <input type="date" aria-label=state.text(T::ColDeadline)
                prop:value=move || read.read_row(ACTIONS, &rid, |a| a.deadline.map(format_date).unwrap_or_default())
                on:change=move |ev| {
                    let deadline = parse_date(&event_target_value(&ev));
                    write.edit_row(ACTIONS, &wid, |a| a.deadline = deadline);
                }/>
            {move || missing().map(|text| view! { <span class="incomplete" data-testid="incomplete">{text}</span> })}
        </li>
    }
}

/// The agenda with planned and actual minutes; changes once a minute, not every tick.
#[component]
fn AgendaProgress(current: Current, all: Memo<crate::core::clock::Clocks>) -> impl IntoView {
    let state = current.state;
    let minutes = Memo::new(move |_| {
        all.with(|c| {
            (
                c.current_item.clone(),
                c.actual
                    .iter()
                    .map(|(id, d)| (id.clone(), d.num_minutes()))
                    .collect::<Vec<_>>(),
            )
        })
    });
    let rows = move || {
        let (now_id, actual) = minutes.get();
        current.read(|m| {
            m.agenda
                .iter()
                .map(|item| {
                    let spent = actual
                        .iter()
                        .find(|(id, _)| *id == item.id)
                        .map(|(_, n)| *n)
                        .unwrap_or(0);
                    let is_current = now_id.as_deref() == Some(item.id.as_str());
                    let over = i64::from(item.minutes) < spent;
                    view! {
                        <li class="row" class:current=is_current class:over=over>
                            <span class="grow">{item.title.clone()}</span>
                            <span class="muted">{format!("{}′ / {}′", item.minutes, spent)}</span>
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

/// Decisions, actions with owners and deadlines, and parked points: the read-back of the summary
/// (E7) and, until the minutes land, of the follow-up tab.
#[component]
pub fn ReadBack(current: Current) -> impl IntoView {
    let state = current.state;
    let (decisions, actions, parked) = current.read(|m| {
        (
            m.decisions
                .iter()
                .map(|d| d.text.clone())
                .collect::<Vec<_>>(),
            m.actions
                .iter()
                .map(|a| {
                    let deadline = a.deadline.map(format_date).unwrap_or_default();
                    format!("{} — {} {} {}", a.task, a.owner, a.department, deadline)
                })
                .collect::<Vec<_>>(),
            m.parking_lot
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>(),
        )
    });
    let block = move |title: T, items: Vec<String>, testid: &'static str| {
        let body = if items.is_empty() {
            view! { <p class="empty-inline">{state.text(T::NothingYet)}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        };
        view! { <section class="sub-section" data-testid=testid><h3>{state.text(title)}</h3>{body}</section> }
    };
    view! {
        {block(T::Decisions, decisions, "summary-decisions")}
        {block(T::ActionItems, actions, "summary-actions")}
        {block(T::ParkingLot, parked, "summary-parked")}
    }
}

/// The closing screen (E7): the read-back and the follow-up rule, then on to follow-up.
#[component]
fn Summary(current: Current) -> impl IntoView {
    let state = current.state;
    let follow_up = Route::Meeting {
        id: current.id.clone(),
        stage: Stage::FollowUp,
    }
    .href();
    view! {
        <section class="summary" data-testid="summary">
            <h2>{state.text(T::SummaryTitle)}</h2>
            <ReadBack current/>
            <p class="follow-up-rule">{state.text(T::FollowUpRule)}</p>
            <a class="button primary" href=follow_up>{state.text(T::GoFollowUp)}</a>
        </section>
    }
}
