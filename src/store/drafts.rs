//! Answer-page drafts in localStorage (A1): what a person typed, kept per ask until they send it.

use gloo_storage::{LocalStorage, Storage};

use super::StoreError;
use crate::core::formats::asking::draft::Draft;

fn key(ask: &str) -> String {
    format!("crossmeet.answer.{ask}")
}

/// The draft kept for this ask, if any (an unreadable one counts as none: it is the person's
/// own typing on their own device, and the form starts again from the ask).
pub fn load(ask: &str) -> Option<Draft> {
    LocalStorage::get(key(ask)).ok()
}

pub fn save(ask: &str, draft: &Draft) -> Result<(), StoreError> {
    LocalStorage::set(key(ask), draft).map_err(|error| StoreError::from_detail(error.to_string()))
}
