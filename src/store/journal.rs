//! The leaving journal in localStorage (see `core::storage::journal`): one key per tab, so two tabs
//! closing together do not overwrite each other's.

use gloo_storage::{LocalStorage, Storage};

use super::StoreError;

const PREFIX: &str = "crossmeet.journal.";

/// Writes this tab's journal synchronously: it must be done before the page is gone.
pub fn write(tab_id: &str, text: &str) -> Result<(), StoreError> {
    replace(&format!("{PREFIX}{tab_id}"), text)
}

pub fn clear(tab_id: &str) {
    remove(&format!("{PREFIX}{tab_id}"));
}

/// Every tab's journal by its key, left in place: nothing is removed before what it holds has
/// been read and stored (`replace`, `remove`).
pub fn read_all() -> Vec<(String, String)> {
    let storage = LocalStorage::raw();
    (0..storage.length().unwrap_or(0))
        .filter_map(|index| storage.key(index).ok().flatten())
        .filter(|key| key.starts_with(PREFIX))
        .filter_map(|key| {
            let text = storage.get_item(&key).ok().flatten()?;
            Some((key, text))
        })
        .collect()
}

/// The tab that wrote the journal under `key`.
pub fn tab_of(key: &str) -> Option<&str> {
    key.strip_prefix(PREFIX)
}

/// Cuts a journal down to what is still to be kept (what this build could not read).
pub fn replace(key: &str, text: &str) -> Result<(), StoreError> {
    LocalStorage::raw()
        .set_item(key, text)
        .map_err(|error| StoreError::from_detail(format!("{error:?}")))
}

/// Removes a journal whose edits are stored.
pub fn remove(key: &str) {
    // Removing a key cannot run out of space; a failure means storage is gone, which the
    // IndexedDB writes report.
    let _ = LocalStorage::raw().remove_item(key);
}
