//! The static first screen in `index.html` (`core/first_screen.rs`) hands over to the app.
//!
//! The app mounts behind it (style/main.css hides whatever follows `#app-shell`) and it is
//! removed only once the app has drawn the same page, so nothing jumps. What the user did
//! meanwhile is kept by the page's first script and carried out here: a language switch at
//! once, a template card once the meetings are loaded.

use leptos::prelude::*;

use super::browser;
use super::state::AppState;
use crate::core::domain::i18n::Lang;
use crate::core::view::first_screen::template_named;

/// A language the user switched to on the static screen; call before the first render.
pub fn adopt_early_language(state: AppState) {
    let chosen = match browser::take_global_text("crossmeetEarlyLang").as_deref() {
        Some("en") => Lang::En,
        Some(_) => Lang::Zh,
        None => return,
    };
    if chosen != state.prefs.lang.get_untracked() {
        state.prefs.set_lang(chosen);
    }
}

/// Removes the static screen when `ready`, then opens the template clicked before that.
pub fn hand_over(state: AppState, ready: Memo<bool>) {
    Effect::new(move |removed: Option<bool>| {
        if removed == Some(true) || !ready.get() {
            return removed.unwrap_or(false);
        }
        browser::remove_element("app-shell");
        true
    });
    let Some(situation) =
        browser::take_global_text("crossmeetEarlyClick").and_then(|name| template_named(&name))
    else {
        return;
    };
    Effect::new(move |opened: Option<bool>| {
        if opened == Some(true) || !state.loaded.get() {
            return opened.unwrap_or(false);
        }
        state.create_meeting(situation);
        true
    });
}
