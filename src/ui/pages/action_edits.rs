//! Changing an action from a list across meetings, as the tracker (F3) and the stand-up (F4) both
//! do: its status, and the progress note being typed, kept by (meeting, action) until Enter files
//! it, so a redraw or a re-sort never moves it to another action.

use std::collections::HashMap;

use leptos::prelude::*;

use crate::core::domain::choice::Choice;
use crate::core::domain::model::{ActionItem, ActionStatus, ProgressNote};
use crate::ui::browser;
use crate::ui::state::AppState;

/// An action by its meeting's id and its own.
pub type ActionKey = (String, String);

/// Applies `change` to the action `key` names, wherever it stands in its meeting.
pub fn edit_action(state: AppState, key: &ActionKey, change: impl FnOnce(&mut ActionItem)) {
    state.edit_meeting(&key.0, |m| {
        if let Some(action) = m.actions.iter_mut().find(|a| a.id == key.1) {
            change(action);
        }
    });
}

/// Sets the status a status `<select>` chose (`value`, its key), dated today.
pub fn set_status(state: AppState, key: &ActionKey, value: &str) {
    if let Some(status) = ActionStatus::from_key(value) {
        let today = browser::today();
        edit_action(state, key, |action| action.set_status(status, today));
    }
}

/// Progress notes being typed, by action.
#[derive(Clone, Copy)]
pub struct NoteDrafts(RwSignal<HashMap<ActionKey, String>>);

impl Default for NoteDrafts {
    fn default() -> NoteDrafts {
        NoteDrafts(RwSignal::new(HashMap::new()))
    }
}

impl NoteDrafts {
    /// What is typed for `key`, followed as it changes.
    pub fn text(self, key: &ActionKey) -> String {
        self.0
            .with(|drafts| drafts.get(key).cloned())
            .unwrap_or_default()
    }

    pub fn type_in(self, key: ActionKey, text: String) {
        self.0.update(|drafts| {
            drafts.insert(key, text);
        });
    }

    /// Files the note typed for `key` under its action, dated today, and clears it; a blank
    /// note files nothing.
    pub fn file(self, state: AppState, key: &ActionKey) {
        let text = self
            .0
            .with_untracked(|drafts| drafts.get(key).cloned())
            .unwrap_or_default();
        if text.trim().is_empty() {
            return;
        }
        let on = Some(browser::today());
        edit_action(state, key, |action| {
            action.progress.push(ProgressNote {
                on,
                text: text.trim().to_owned(),
            })
        });
        self.0.update(|drafts| {
            drafts.remove(key);
        });
    }
}
