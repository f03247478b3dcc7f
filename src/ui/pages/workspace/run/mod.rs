//! The run tab (E1–E8): the clock's tick and which screen the meeting is at — the opening
//! checklist, the running view, the summary once it ends — with the keyboard shortcuts
//! (`core::view::shortcuts`), room mode for a projector, a gentle sound at the end of a speaking turn
//! and the screen kept awake.
//!
//! The clock's half-second tick only moves `now`; slow-changing facts (state, current item,
//! overrun) are memos, so a tick rewrites just the clock texts.

mod airtime;
mod capture;
mod clocks;
mod finish;
mod running;
mod summary;

use chrono::{DateTime, Utc};
use leptos::ev;
use leptos::html;
use leptos::prelude::*;

use super::fields::Current;
use crate::core::domain::clock::{clocks, RunState};
use crate::core::domain::i18n::T;
use crate::core::domain::model::Meeting;
use crate::core::domain::rebalance::WarningLatch;
use crate::core::domain::run;
use crate::core::view::route::Route;
use crate::core::view::shortcuts::{command, Command, KeyPress};
use crate::ui::browser::{self, WakeLockRefused};
use crate::ui::hooks::{use_now, use_wake_lock};
use running::Running;
use summary::{Opening, Summary};

/// A host's action on the meeting (start, pause, next item), stamped with the moment it is
/// taken, not the last tick; the clocks move to that moment at once.
#[derive(Clone)]
pub struct Act {
    current: Current,
    now: RwSignal<DateTime<Utc>>,
}

impl Act {
    pub fn run(&self, change: impl FnOnce(&mut Meeting, DateTime<Utc>)) {
        let at = browser::now();
        // Written at once, like every edit: a lid closed a moment later loses nothing.
        self.current.edit(|m| change(m, at));
        self.now.set(at);
    }

    /// As [`Act::run`], offering to revert the change for a few seconds, saying `message`.
    pub fn run_with_undo(&self, message: T, change: impl FnOnce(&mut Meeting, DateTime<Utc>)) {
        let at = browser::now();
        self.current.edit_with_undo(message, |m| change(m, at));
        self.now.set(at);
    }
}

#[component]
pub fn RunStage(
    current: Current,
    /// Shown in a projector window: room mode always, no toolbar (E8).
    #[prop(optional)]
    projector: bool,
) -> impl IntoView {
    let state = current.state;
    // Half a second, with rounded display: the shown time is never a second off, and a text
    // node only changes when its second does.
    let now = use_now(std::time::Duration::from_millis(500));
    let all = {
        let current = current.clone();
        Memo::new(move |_| {
            let at = now.get();
            let turn = chrono::Duration::minutes(i64::from(state.prefs.turn_minutes.get()));
            current.read(|m| clocks(m, at, turn))
        })
    };
    let run_state = Memo::new(move |_| all.with(|c| c.state));
    let room = RwSignal::new(projector);
    let help = RwSignal::new(false);
    // The projector window is silent: the host's window sounds the warnings.
    let muted = RwSignal::new(projector);
    // A second window showing the room's view, to drag onto the projector; the host keeps this
    // one, with the prompts and controls. It follows the meeting as any other tab does.
    let open_projector = {
        let href = Route::Projector(current.id.clone()).href();
        move |_| {
            if !browser::open_window(&href, "crossmeet-projector") {
                state
                    .toasts
                    .show(state.text(T::ProjectorBlocked).to_owned(), None);
            }
        }
    };
    let act = Act {
        current: current.clone(),
        now,
    };
    let end_meeting = {
        let act = act.clone();
        move || act.run_with_undo(T::MeetingEnded, run::end)
    };
    // Room mode is full screen too; browsers may refuse that without a click, which is harmless.
    let set_room = move |on: bool| {
        room.set(on);
        browser::set_fullscreen(on);
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
            let key = event.key();
            let press = KeyPress {
                key: &key,
                typing: browser::is_typing_target(&event),
                modified: event.ctrl_key() || event.meta_key() || event.alt_key(),
            };
            let Some(command) = command(press) else {
                return;
            };
            match command {
                Command::Escape => {
                    help.set(false);
                    // Leaves the field first: in room mode a capture field shows only while it
                    // has the focus, and the next Escape leaves room mode.
                    if press.typing {
                        browser::blur_active();
                    } else if room.get_untracked() && !projector {
                        set_room(false);
                    }
                    return;
                }
                Command::TogglePause => act.run(run::toggle_pause),
                Command::NextItem => act.run(|m, at| {
                    run::next_item(m, at);
                }),
                Command::FocusSpeaker => focus(speaker_input),
                Command::FocusPark => focus(park_input),
                Command::FocusDecision => focus(decision_input),
                Command::FocusAction => focus(action_input),
                Command::ToggleRoom if !projector => set_room(!room.get_untracked()),
                Command::ToggleRoom => {}
                Command::EndMeeting => {
                    if run_state.get_untracked() != RunState::NotStarted {
                        end_meeting();
                    }
                }
                Command::ToggleHelp => help.update(|shown| *shown = !*shown),
            }
            event.prevent_default();
        })
    };
    on_cleanup(move || {
        keys.remove();
        browser::set_fullscreen(false);
    });

    // The gentle sound when a speaking turn runs out (E8).
    let turn_over = Memo::new(move |_| all.with(|c| c.turn.as_ref().is_some_and(|t| t.is_over())));
    Effect::new(move |was_over: Option<bool>| {
        let over = turn_over.get();
        if over && was_over == Some(false) && !muted.get_untracked() {
            browser::beep();
        }
        over
    });
    // The five-minute and 80 % warnings (issue 14.2) sound once each, with the same sound and
    // the same mute switch; a warning already due when the view opens stays quiet.
    let latch = StoredValue::new(None::<WarningLatch>);
    Effect::new(move |_| {
        all.with(|c| {
            latch.update_value(|latch| match latch {
                None => *latch = Some(WarningLatch::primed(c)),
                Some(latch) => {
                    let due = latch.sound(c);
                    if (due.meeting_five_minutes || due.item_eighty_percent)
                        && !muted.get_untracked()
                    {
                        browser::beep();
                    }
                }
            })
        })
    });
    // The screen stays awake while the meeting runs (E8). A refusal is a quiet line under the
    // toolbar, in the user's language: a toast would sit over the capture boxes.
    let wake_refused = RwSignal::new(None::<WakeLockRefused>);
    use_wake_lock(
        Memo::new(move |_| run_state.get() == RunState::Running),
        move |why| wake_refused.set(Some(why)),
    );
    let wake_note = move || {
        wake_refused.get().map(|why| {
            let key = match why {
                WakeLockRefused::Unsupported => T::WakeLockUnsupported,
                WakeLockRefused::Denied => T::WakeLockDenied,
            };
            view! { <p class="wake-note muted" role="status" data-testid="wake-note">{state.text(key)}</p> }
        })
    };

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
                    now
                    end_meeting=end_meeting.clone()
                    inputs=(park_input, decision_input, action_input, speaker_input)
                />
            }
            .into_any(),
        }
    };
    view! {
        <div class="run" class:room=room data-testid="run">
            {(!projector).then(|| view! { <div class="run-toolbar">
                <button type="button" aria-pressed=move || room.get().to_string() data-testid="room-mode"
                    on:click=move |_| set_room(!room.get_untracked())>
                    {move || state.text(if room.get() { T::ExitRoomMode } else { T::RoomMode })}
                </button>
                <button type="button" data-testid="projector-window" title=state.text(T::ProjectorWindowHint) on:click=open_projector.clone()>
                    {state.text(T::ProjectorWindow)}
                </button>
                <label class="check">
                    <input type="checkbox" prop:checked=muted on:change=move |ev| muted.set(event_target_checked(&ev))/>
                    {state.text(T::Mute)}
                </label>
                <button type="button" class="quiet" aria-expanded=move || help.get().to_string() on:click=move |_| help.update(|h| *h = !*h)>
                    {state.text(T::Shortcuts)} <span class="key-hint">" (?)"</span>
                </button>
            </div> })}
            <Show when=move || help.get()>
                <p class="shortcut-help" role="note" data-testid="shortcut-help">{state.text(T::ShortcutsHelp)}</p>
            </Show>
            {wake_note}
            {body}
        </div>
    }
}
