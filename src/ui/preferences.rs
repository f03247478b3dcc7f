//! The user's preferences — language, speaking-turn length, the stand-up clock, due-soon
//! warnings — as signals the
//! pages read, stored in localStorage on every change (a failure is kept and retried by
//! [`Saving`], like any other write).

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::browser;
use super::saving::Saving;
use crate::core::domain::i18n::Lang;
use crate::store::prefs::{self, Prefs};

#[derive(Clone, Copy)]
pub struct Preferences {
    pub lang: RwSignal<Lang>,
    /// Minutes per speaking turn (E1, E2).
    pub turn_minutes: RwSignal<u32>,
    /// When the weekly stand-up's clock was started (F4).
    pub standup_started: RwSignal<Option<DateTime<Utc>>>,
    /// Working days ahead an action counts as due soon (F3).
    pub due_soon_days: RwSignal<u32>,
    pub notify_due_soon: RwSignal<bool>,
    /// Yuan per person-hour for the meeting cost; 0 shows person-hours only.
    pub hourly_rate: RwSignal<u32>,
    saving: Saving,
}

impl Preferences {
    /// The stored preferences, or the defaults.
    pub fn load(saving: Saving) -> Preferences {
        let stored = prefs::load();
        Preferences {
            lang: RwSignal::new(stored.lang),
            turn_minutes: RwSignal::new(stored.turn_minutes),
            standup_started: RwSignal::new(stored.standup_started),
            due_soon_days: RwSignal::new(stored.due_soon_days),
            notify_due_soon: RwSignal::new(stored.notify_due_soon),
            hourly_rate: RwSignal::new(stored.hourly_rate),
            saving,
        }
    }

    pub fn set_lang(self, lang: Lang) {
        self.lang.set(lang);
        browser::set_document_lang(lang.tag());
        self.save();
    }

    pub fn set_turn_minutes(self, minutes: u32) {
        self.turn_minutes.set(minutes.clamp(1, 30));
        self.save();
    }

    pub fn start_standup(self) {
        self.standup_started.set(Some(browser::now()));
        self.save();
    }

    pub fn set_due_soon_days(self, days: u32) {
        self.due_soon_days.set(days.min(10));
        self.save();
    }

    pub fn set_notify_due_soon(self, on: bool) {
        self.notify_due_soon.set(on);
        self.save();
    }

    pub fn set_hourly_rate(self, yuan: u32) {
        self.hourly_rate.set(yuan.min(1_000_000));
        self.save();
    }

    /// The hourly rate for `core::domain::cost::cost_text`, `None` when not set.
    pub fn rate(self) -> Option<u32> {
        Some(self.hourly_rate.get()).filter(|rate| *rate > 0)
    }

    fn save(self) {
        self.saving.save_prefs(Prefs {
            lang: self.lang.get_untracked(),
            turn_minutes: self.turn_minutes.get_untracked(),
            standup_started: self.standup_started.get_untracked(),
            due_soon_days: self.due_soon_days.get_untracked(),
            notify_due_soon: self.notify_due_soon.get_untracked(),
            hourly_rate: self.hourly_rate.get_untracked(),
        });
    }
}
