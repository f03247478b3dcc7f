//! Answer-page drafts in localStorage (A1): what a person typed, kept per ask until they send it.

use gloo_storage::{LocalStorage, Storage};

use super::StoreError;
use crate::core::formats::asking::draft::Draft;
use crate::core::formats::asking::json::{draft_from_json, draft_to_json};

fn key(ask: &str) -> String {
    format!("crossmeet.answer.{ask}")
}

/// The draft kept for this ask, if any (an unreadable one counts as none: it is the person's
/// own typing on their own device, and the form starts again from the ask).
pub fn load(ask: &str) -> Option<Draft> {
    LocalStorage::raw()
        .get_item(&key(ask))
        .ok()
        .flatten()
        .and_then(|text| draft_from_json(&text))
}

pub fn save(ask: &str, draft: &Draft) -> Result<(), StoreError> {
    LocalStorage::raw()
        .set_item(&key(ask), &draft_to_json(draft))
        .map_err(|error| StoreError::from_detail(format!("{error:?}")))
}
