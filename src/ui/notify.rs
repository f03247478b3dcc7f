//! Browser notifications for actions entering the "due soon" window while the app is open (F3).
//! The browser's permission is asked for only from the user's click in settings, never on page
//! load; what is already due when the watch starts is left to the opening reminder, so only an
//! item that enters the window later (a new day, a moved deadline, an import) notifies.

use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Notification, NotificationOptions, NotificationPermission};

use super::browser;
use super::hooks::use_interval;
use super::state::AppState;
use crate::core::domain::i18n::T;
use crate::core::domain::tracker::{due_soon, newly_due};

/// How often the due-soon window is looked at.
const LOOK_EVERY: std::time::Duration = std::time::Duration::from_secs(60);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Permission {
    Granted,
    Denied,
    NotAsked,
    Unsupported,
}

fn supported() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::has(&window, &JsValue::from_str("Notification")).unwrap_or(false)
    })
}

/// The browser's answer so far.
pub fn permission() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    match Notification::permission() {
        NotificationPermission::Granted => Permission::Granted,
        NotificationPermission::Denied => Permission::Denied,
        _ => Permission::NotAsked,
    }
}

/// Asks the browser; call only from a click.
pub async fn ask() -> Permission {
    if !supported() {
        return Permission::Unsupported;
    }
    if let Ok(promise) = Notification::request_permission() {
        let _ = JsFuture::from(promise).await;
    }
    permission()
}

fn show(title: &str, body: &str) {
    let options = NotificationOptions::new();
    options.set_body(body);
    options.set_tag("crossmeet-due-soon");
    let _ = Notification::new_with_options(title, &options);
}

/// Looks every minute, while the app lives, for open actions that entered the due-soon window
/// since the last look, and notifies. A look costs nothing while notifications are off, and
/// nothing runs per edit: an item is announced within a minute of entering the window.
pub fn watch_due_soon(state: AppState) {
    // The items seen in the window at the last look; `None` until the first look.
    let mut known: Option<Vec<String>> = None;
    let look = move || {
        if !state.prefs.notify_due_soon.get_untracked() || !state.loaded.get_untracked() {
            known = None;
            return;
        }
        let today = browser::today();
        let soon_days = state.prefs.due_soon_days.get_untracked();
        let current = state
            .meetings
            .with_untracked(|meetings| due_soon(meetings, today, soon_days));
        if let Some(known) = &known {
            let new: Vec<&str> = newly_due(known, &current)
                .into_iter()
                .map(|(_, task)| task.as_str())
                .collect();
            if !new.is_empty() && permission() == Permission::Granted {
                const LISTED: usize = 3;
                let mut body = new[..new.len().min(LISTED)].join("\n");
                if new.len() > LISTED {
                    body.push_str(&format!("\n… +{}", new.len() - LISTED));
                }
                show(
                    T::NotificationTitle.get(state.prefs.lang.get_untracked()),
                    &body,
                );
            }
        }
        known = Some(current.into_iter().map(|(key, _)| key).collect());
    };
    let look = std::cell::RefCell::new(look);
    use_interval(LOOK_EVERY, move || (look.borrow_mut())());
}
