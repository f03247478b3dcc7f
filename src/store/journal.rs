//! The leaving journal in localStorage (see `core::journal`): one key per tab, so two tabs
//! closing together do not overwrite each other's.

use gloo_storage::{LocalStorage, Storage};

use super::StoreError;

const PREFIX: &str = "crossmeet.journal.";

/// Writes this tab's journal synchronously: it must be done before the page is gone.
pub fn write(tab_id: &str, text: &str) -> Result<(), StoreError> {
    LocalStorage::raw()
        .set_item(&format!("{PREFIX}{tab_id}"), text)
        .map_err(|error| StoreError::from_detail(format!("{error:?}")))
}

pub fn clear(tab_id: &str) {
    // Removing a key cannot run out of space; a failure means storage is gone, which the
    // IndexedDB writes report.
    let _ = LocalStorage::raw().remove_item(&format!("{PREFIX}{tab_id}"));
}

/// Every tab's journal, removed as it is read: the caller takes over their edits.
pub fn take_all() -> Vec<String> {
    let storage = LocalStorage::raw();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .collect();
    keys.into_iter()
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten();
            let _ = storage.remove_item(&key);
            text
        })
        .collect()
}
