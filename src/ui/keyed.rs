//! The keyed store's subscriptions: a view that shows one field or one row of a meeting
//! subscribes to that part only, so a keystroke redraws the views of what it changed and not
//! every view of the meeting (the `reactive_stores` idea, keyed by the parts an edit names in
//! `core::domain::edit::Part`, with one trigger per part instead of a derived store type).

use leptos::prelude::*;

use crate::core::domain::edit::{List, Part};

/// What a view of one meeting depends on.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Key {
    /// Anything in the meeting (derived views: checks, totals, clocks).
    Whole,
    /// Anything in one list: its rows, their order or what they hold.
    AnyOf(List),
    Part(Part),
}

/// One trigger per meeting and key, made when a view first asks for it. A list, not a hash map:
/// an open meeting has a few hundred keys at most, and a scan of them costs less than the
/// hashing code costs in the module.
#[derive(Clone, Copy)]
pub struct Keys {
    triggers: StoredValue<Vec<(String, Key, ArcTrigger)>>,
}

impl Default for Keys {
    fn default() -> Self {
        Keys {
            triggers: StoredValue::new(Vec::new()),
        }
    }
}

impl Keys {
    /// Subscribes the running view to `key` of meeting `id`.
    pub fn track(self, id: &str, key: Key) {
        let trigger = self.triggers.try_update_value(|triggers| {
            match triggers
                .iter()
                .find(|(meeting, known, _)| meeting == id && *known == key)
            {
                Some((_, _, trigger)) => trigger.clone(),
                None => {
                    let trigger = ArcTrigger::new();
                    triggers.push((id.to_owned(), key, trigger.clone()));
                    trigger
                }
            }
        });
        if let Some(trigger) = trigger {
            trigger.track();
        }
    }

    /// Meeting `id` changed in `parts`: its views of those parts and its whole-meeting views run.
    pub fn changed(self, id: &str, parts: Vec<Part>) {
        let lists = parts.iter().filter_map(|part| match part {
            Part::Row(list, _) | Part::Rows(list) => Some(Key::AnyOf(*list)),
            Part::Field(_) | Part::RunLog => None,
        });
        let keys: Vec<Key> = std::iter::once(Key::Whole)
            .chain(lists.collect::<Vec<_>>())
            .chain(parts.into_iter().map(Key::Part))
            .collect();
        let triggers: Vec<ArcTrigger> = self.triggers.with_value(|triggers| {
            triggers
                .iter()
                .filter(|(meeting, key, _)| meeting == id && keys.contains(key))
                .map(|(_, _, trigger)| trigger.clone())
                .collect()
        });
        triggers.iter().for_each(ArcTrigger::notify);
    }

    /// Meeting `id` was replaced as a whole (another tab's save, a restore, a recovered
    /// journal): every view of it runs.
    pub fn replaced(self, id: &str) {
        let triggers: Vec<ArcTrigger> = self.triggers.with_value(|triggers| {
            triggers
                .iter()
                .filter(|(meeting, _, _)| meeting == id)
                .map(|(_, _, trigger)| trigger.clone())
                .collect()
        });
        triggers.iter().for_each(ArcTrigger::notify);
    }

    /// Every meeting may have changed (the first load).
    pub fn replaced_all(self) {
        let triggers: Vec<ArcTrigger> = self.triggers.with_value(|triggers| {
            triggers
                .iter()
                .map(|(_, _, trigger)| trigger.clone())
                .collect()
        });
        triggers.iter().for_each(ArcTrigger::notify);
    }
}
