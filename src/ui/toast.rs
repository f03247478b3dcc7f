//! The toast: a short message at the bottom of the screen for a few seconds, with an optional
//! way back (undo) for destructive actions.

use std::time::Duration;

use leptos::prelude::*;

use crate::core::domain::edit::Edit;
use crate::core::domain::model::Meeting;

const TOAST_LIFETIME: Duration = Duration::from_secs(8);

#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub message: String,
    pub undo: Option<Undo>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Undo {
    /// Put a deleted meeting back where it was.
    Restore { meeting: Box<Meeting>, index: usize },
    /// Remove a meeting just created by duplication.
    Remove { id: String },
    /// Take back edits by applying their inverses (meeting id, inverse), newest first.
    Edits(Vec<(String, Edit)>),
}

/// The one toast on screen; a new one replaces it.
#[derive(Clone, Copy)]
pub struct Toasts {
    pub current: RwSignal<Option<Toast>>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Default for Toasts {
    fn default() -> Self {
        Toasts {
            current: RwSignal::new(None),
            timer: StoredValue::new(None),
        }
    }
}

impl Toasts {
    pub fn show(self, message: String, undo: Option<Undo>) {
        if let Some(handle) = self.timer.get_value() {
            handle.clear();
        }
        self.current.set(Some(Toast { message, undo }));
        let handle = set_timeout_with_handle(move || self.current.set(None), TOAST_LIFETIME).ok();
        self.timer.set_value(handle);
    }

    pub fn dismiss(self) {
        self.current.set(None);
    }
}
