//! What a tracker export remembers (F3): an export id written into the file, and the values the
//! file held, kept on the device. The import compares each cell with what was exported, so a cell
//! the owners did not touch is never a change, however the app's value moved since.
//!
//! The id rides in the id column's header cell, `编号 #3f9a2c1d` (`Id #3f9a2c1d`): a header is
//! text to Excel, WPS and LibreOffice in every form they save a CSV (no number, date or formula
//! can be read into `#` and hex after a word), people sort and filter below it and leave it be,
//! and it costs no extra column that someone might delete as noise or fill in by mistake. A file
//! whose header lost the id (rows pasted into another sheet, a renamed header) imports as before,
//! with a note that changed and unchanged cells cannot be told apart.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::domain::model::{ActionStatus, Meeting};

/// How many exports are kept. An owner edits the file from one export, usually the last; three
/// also cover a second export made before the replies came back (another filter, a mistake)
/// while a device's localStorage, shared with the leaving journals, stays small.
pub const KEPT_EXPORTS: usize = 3;

/// The largest set of kept exports, in characters of JSON: localStorage holds about five million
/// and the leaving journals, which must never be crowded out, need room too. An export larger
/// than this on its own is not kept; its file then imports as before, with the note.
pub const MAX_KEPT_CHARS: usize = 1_000_000;

/// One export: its id and each action's exported values.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TrackerExport {
    pub id: String,
    pub actions: Vec<ExportedAction>,
}

/// The cells of one action as the file was written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExportedAction {
    pub id: String,
    pub status: ActionStatus,
    #[serde(default, with = "crate::core::domain::time_serde::opt_date")]
    pub deadline: Option<NaiveDate>,
    /// The progress cell exactly as written (one line per note).
    pub progress: String,
}

impl TrackerExport {
    /// The exported values of `action_id`, if it was in this export.
    pub fn action(&self, action_id: &str) -> Option<&ExportedAction> {
        self.actions.iter().find(|action| action.id == action_id)
    }

    /// The record of exporting these meetings' actions as export `id`.
    pub fn of<'a>(id: &str, meetings: impl IntoIterator<Item = &'a Meeting>) -> TrackerExport {
        let mut actions = Vec::new();
        for meeting in meetings {
            for action in &meeting.actions {
                let mut progress = String::new();
                crate::core::formats::export::csv::push_progress_cell(
                    &mut progress,
                    &action.progress,
                );
                actions.push(ExportedAction {
                    id: action.id.clone(),
                    status: action.status,
                    deadline: action.deadline,
                    progress,
                });
            }
        }
        TrackerExport {
            id: id.to_owned(),
            actions,
        }
    }
}

/// The id column's header with the export id: `编号 #3f9a2c1d`.
pub fn marked_header(name: &str, export_id: &str) -> String {
    format!("{name} #{export_id}")
}

/// A header cell split into its name and the export id it carries, if any. Only letters and
/// digits count as an id, so a header someone typed with a `#` in it stays a plain name.
pub fn split_marker(cell: &str) -> (&str, Option<&str>) {
    let cell = cell.trim();
    match cell.rsplit_once(" #") {
        Some((name, id))
            if !id.is_empty()
                && id.len() <= 32
                && id.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            (name.trim_end(), Some(id))
        }
        _ => (cell, None),
    }
}

/// The kept exports after `new` is made: newest first, at most [`KEPT_EXPORTS`], and the oldest
/// dropped while the whole would exceed [`MAX_KEPT_CHARS`] of JSON.
pub fn keep_recent(kept: Vec<TrackerExport>, new: TrackerExport) -> Vec<TrackerExport> {
    let new_id = new.id.clone();
    let mut all = vec![new];
    all.extend(kept.into_iter().filter(|old| old.id != new_id));
    all.truncate(KEPT_EXPORTS);
    while !all.is_empty() && json_chars(&all) > MAX_KEPT_CHARS {
        all.pop();
    }
    all
}

fn json_chars(exports: &[TrackerExport]) -> usize {
    serde_json::to_string(exports).map_or(usize::MAX, |json| json.chars().count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_marker_is_read_back_from_a_header_and_only_from_a_marker() {
        let cases = [
            ("编号 #3f9a2c1d", ("编号", Some("3f9a2c1d"))),
            (" Id #AB12 ", ("Id", Some("AB12"))),
            ("编号", ("编号", None)),
            ("编号 #", ("编号 #", None)),
            ("编号 #a b", ("编号 #a b", None)),
            ("No. #1 任务", ("No. #1 任务", None)),
            ("编号#3f", ("编号#3f", None)),
        ];
        for (cell, expected) in cases {
            assert_eq!(split_marker(cell), expected, "{cell:?}");
        }
        assert_eq!(
            split_marker(&marked_header("编号", "3f9a2c1d")),
            ("编号", Some("3f9a2c1d"))
        );
    }

    #[test]
    fn only_the_last_few_exports_are_kept() {
        let export = |id: &str, progress: usize| TrackerExport {
            id: id.into(),
            actions: vec![ExportedAction {
                id: "a1".into(),
                progress: "长".repeat(progress),
                ..ExportedAction::default()
            }],
        };
        let mut kept = Vec::new();
        for id in ["e1", "e2", "e3", "e4"] {
            kept = keep_recent(kept, export(id, 1));
        }
        let ids: Vec<&str> = kept.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["e4", "e3", "e2"]);

        // Too large together: the oldest go first; too large alone: not kept at all.
        let kept = keep_recent(kept, export("big", MAX_KEPT_CHARS - 100));
        let ids: Vec<&str> = kept.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["big"]);
        assert_eq!(keep_recent(kept, export("huge", MAX_KEPT_CHARS)), vec![]);
    }
}
