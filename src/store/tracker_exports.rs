//! The tracker exports this device keeps (F3), in localStorage: what each recent export wrote,
//! so its file's import can tell the owners' edits from cells they left alone. The rules (which
//! and how many are kept) are `core::formats::tracker_export`'s.

use gloo_storage::{LocalStorage, Storage};

use super::StoreError;
use crate::core::formats::tracker_export::TrackerExport;

const KEY: &str = "crossmeet.tracker-exports";

/// The kept exports, newest first; none when none are kept or they cannot be read (an import
/// then falls back to comparing with the app, and says so).
pub fn load() -> Vec<TrackerExport> {
    LocalStorage::get(KEY).unwrap_or_default()
}

pub fn save(exports: &[TrackerExport]) -> Result<(), StoreError> {
    LocalStorage::set(KEY, exports).map_err(|error| StoreError::from_detail(error.to_string()))
}
