//! Small preferences in localStorage (D1), read once at start.

use chrono::{DateTime, Utc};
use gloo_storage::{LocalStorage, Storage};
use serde::{Deserialize, Serialize};

use super::StoreError;
use crate::core::domain::i18n::Lang;

const KEY: &str = "crossmeet.prefs";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Prefs {
    pub lang: Lang,
    /// The speaking-turn limit (E1, E2); the guide suggests 3 minutes.
    pub turn_minutes: u32,
    /// When the weekly stand-up's clock was started (F4), so it keeps running across pages and
    /// reloads.
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub standup_started: Option<DateTime<Utc>>,
    /// How many working days ahead an action counts as "due soon" (F3).
    pub due_soon_days: u32,
    /// The user turned on browser notifications for actions becoming due soon; the browser's
    /// own permission is asked for only when they do (never on page load).
    pub notify_due_soon: bool,
    /// What an hour of one person's time costs, in whole yuan; 0 is "not set" (issue 14.3).
    pub hourly_rate: u32,
}

impl Default for Prefs {
    fn default() -> Self {
        Prefs {
            lang: Lang::default(),
            turn_minutes: 3,
            standup_started: None,
            due_soon_days: 1,
            notify_due_soon: false,
            hourly_rate: 0,
        }
    }
}

/// The saved preferences, or the defaults when none are saved or they cannot be read.
pub fn load() -> Prefs {
    LocalStorage::get(KEY).unwrap_or_default()
}

/// Whether this device has chosen its preferences (a language) at all.
pub fn are_stored() -> bool {
    LocalStorage::raw().get_item(KEY).ok().flatten().is_some()
}

pub fn save(prefs: &Prefs) -> Result<(), StoreError> {
    LocalStorage::set(KEY, prefs).map_err(|error| StoreError::from_detail(error.to_string()))
}
