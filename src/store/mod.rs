//! The thin storage layer: meetings in IndexedDB, preferences in localStorage, and the browser's
//! persistent-storage grant (D1). Every failure comes back as a [`StoreError`] for the UI to show.

pub mod drafts;
pub(crate) mod indexed_db;
pub mod journal;
pub mod meetings;
pub mod persistence;
pub mod prefs;
pub mod tracker_exports;

use crate::core::domain::i18n::{tr, Lang, T};

/// A storage failure, worded for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// IndexedDB cannot be opened at all (private mode, disabled, blocked).
    Unavailable(String),
    /// The origin's quota is used up.
    Quota,
    /// Upgrading the database waits for another tab, running an older build, to close.
    UpgradeWaiting,
    /// A newer build in another tab upgraded the database; this tab's connection is closed.
    Superseded,
    Other(String),
}

impl StoreError {
    pub fn message(&self, lang: Lang) -> String {
        let cause = match self {
            StoreError::Unavailable(_) => T::StorageUnavailable.get(lang).to_owned(),
            StoreError::Quota => T::StorageQuota.get(lang).to_owned(),
            // Not failures to save yet: what to do, said plainly.
            StoreError::UpgradeWaiting => return T::StorageUpgradeWaiting.get(lang).to_owned(),
            StoreError::Superseded => return T::StorageSuperseded.get(lang).to_owned(),
            StoreError::Other(detail) => detail.clone(),
        };
        tr(lang, T::StorageFailed, &[&cause])
    }
}

impl StoreError {
    /// The browser's own words, without the app's texts (the space worker has none of them).
    pub fn detail(&self) -> &str {
        match self {
            StoreError::Unavailable(detail) | StoreError::Other(detail) => detail,
            StoreError::Quota => "QuotaExceededError",
            StoreError::UpgradeWaiting | StoreError::Superseded => "busy",
        }
    }

    /// A browser's storage error, by its text: a full quota, or anything else as it was said.
    pub(crate) fn from_detail(detail: String) -> StoreError {
        if detail.contains("QuotaExceeded") {
            StoreError::Quota
        } else {
            StoreError::Other(detail)
        }
    }
}
