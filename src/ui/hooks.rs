//! Browser APIs as hooks that clean up after themselves, in the shape leptos-use gives them: the
//! caller says what it wants (a period, `active`), the hook keeps the browser in step and lets
//! go when the view is gone: an interval, the current time, the page's visibility, the screen
//! wake lock.

use std::time::Duration;

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsValue;

use super::browser;

/// Calls `tick` every `period` while the owner lives.
pub fn use_interval(period: Duration, tick: impl Fn() + 'static) {
    let handle = set_interval_with_handle(tick, period).ok();
    on_cleanup(move || {
        if let Some(handle) = handle {
            handle.clear();
        }
    });
}

/// The current time as a signal that moves every `period` while its owner lives: the one tick
/// the clocks share. Nothing counts ticks; readers compute from timestamps and this `now`.
pub fn use_now(period: Duration) -> RwSignal<DateTime<Utc>> {
    let now = RwSignal::new(browser::now());
    use_interval(period, move || now.set(browser::now()));
    now
}

/// Whether the page is shown, kept up to date while the owner lives.
pub fn use_page_visible() -> ReadSignal<bool> {
    let (visible, set_visible) = signal(!browser::document_is_hidden());
    let listener = window_event_listener(leptos::ev::visibilitychange, move |_| {
        set_visible.set(!browser::document_is_hidden())
    });
    on_cleanup(move || listener.remove());
    visible
}

/// Where the screen wake lock stands.
enum Lock {
    Free,
    /// A request is on its way: no second one is made meanwhile.
    Asking,
    Held(JsValue),
}

/// Keeps the screen awake while `active` is true and the view lives (E8). One request at a
/// time; asked for again when the page is shown (browsers drop the lock when it is hidden);
/// released when `active` turns false and when the owner is cleaned up, including a request
/// still on its way then, which is released as soon as the browser grants it. `on_error` hears
/// why when the browser refuses.
pub fn use_wake_lock(
    active: Memo<bool>,
    on_error: impl Fn(browser::WakeLockRefused) + Copy + 'static,
) {
    let lock = StoredValue::new_local(Lock::Free);
    // False once the view is gone: its memo is disposed with it.
    let wanted = move || active.try_get_untracked().unwrap_or(false);
    let acquire = move || {
        let ask = wanted()
            && lock
                .try_update_value(|state| {
                    let free = matches!(state, Lock::Free);
                    if free {
                        *state = Lock::Asking;
                    }
                    free
                })
                .unwrap_or(false);
        if !ask {
            return;
        }
        spawn_local(async move {
            match browser::request_wake_lock().await {
                Ok(sentinel) => {
                    let kept = lock.try_update_value(|state| {
                        let keep = matches!(state, Lock::Asking) && wanted();
                        *state = if keep {
                            Lock::Held(sentinel.clone())
                        } else {
                            Lock::Free
                        };
                        keep
                    });
                    // Paused meanwhile, or the view is gone (`None`): let go at once.
                    if kept != Some(true) {
                        browser::release_wake_lock(&sentinel);
                    }
                }
                Err(cause) => {
                    if lock.try_update_value(|state| *state = Lock::Free).is_some() {
                        on_error(cause);
                    }
                }
            }
        });
    };
    let release = move || {
        let held = lock.try_update_value(|state| match state {
            Lock::Held(_) => std::mem::replace(state, Lock::Free),
            _ => Lock::Free,
        });
        if let Some(Lock::Held(sentinel)) = held {
            browser::release_wake_lock(&sentinel);
        }
    };
    let visible = use_page_visible();
    Effect::new(move |_| match (active.get(), visible.get()) {
        // A hidden page's lock is released by the browser itself.
        (_, false) => lock.update_value(|state| {
            if matches!(state, Lock::Held(_)) {
                *state = Lock::Free;
            }
        }),
        (true, true) => acquire(),
        (false, true) => release(),
    });
    on_cleanup(release);
}
