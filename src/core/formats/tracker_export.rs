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
use crate::core::formats::csv::normalise_breaks;
use crate::core::formats::export::csv::push_progress_cell;

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

/// The cells of one action as the file was written. Short keys and a fingerprint of the
/// progress cell instead of its text: a 10,000-action tracker is kept in about 0.6 M characters.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedAction {
    #[serde(rename = "i")]
    pub id: String,
    #[serde(rename = "s")]
    pub status: ActionStatus,
    #[serde(
        rename = "d",
        default,
        skip_serializing_if = "Option::is_none",
        with = "crate::core::domain::time_serde::opt_date"
    )]
    pub deadline: Option<NaiveDate>,
    /// [`progress_fingerprint`] of the progress cell; `None` when it was empty.
    #[serde(rename = "p", default, skip_serializing_if = "Option::is_none")]
    pub progress: Option<u64>,
}

impl TrackerExport {
    /// The record of exporting these meetings' actions as export `id`.
    pub fn of<'a>(id: &str, meetings: impl IntoIterator<Item = &'a Meeting>) -> TrackerExport {
        let mut actions = Vec::new();
        let mut progress = String::new();
        for meeting in meetings {
            for action in &meeting.actions {
                progress.clear();
                push_progress_cell(&mut progress, &action.progress);
                actions.push(ExportedAction {
                    id: action.id.clone(),
                    status: action.status,
                    deadline: action.deadline,
                    progress: progress_fingerprint(&progress),
                });
            }
        }
        TrackerExport {
            id: id.to_owned(),
            actions,
        }
    }
}

/// A progress cell's fingerprint (64-bit FNV-1a of the cell with line breaks as spreadsheets
/// save them and trailing blanks dropped, as the import compares cells); `None` for an empty
/// cell. Equal fingerprints mean the owners left the cell as exported; a collision by chance is
/// one in 2^64.
pub fn progress_fingerprint(cell: &str) -> Option<u64> {
    let cell = normalise_breaks(cell);
    let cell = cell.trim_end();
    (!cell.is_empty()).then(|| {
        cell.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    })
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
        let export = |id: &str, actions: usize| TrackerExport {
            id: id.into(),
            actions: vec![
                ExportedAction {
                    id: "0123456789abcdef".into(),
                    ..ExportedAction::default()
                };
                actions
            ],
        };
        let mut kept = Vec::new();
        for id in ["e1", "e2", "e3", "e4"] {
            kept = keep_recent(kept, export(id, 1));
        }
        let ids: Vec<&str> = kept.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["e4", "e3", "e2"]);

        // Too large together: the oldest go first; too large alone: not kept at all.
        let kept = keep_recent(kept, export("big", 10_000));
        let ids: Vec<&str> = kept.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            ["big", "e4", "e3"],
            "10,000 actions fit beside small ones"
        );
        let kept = keep_recent(kept, export("big2", 20_000));
        let ids: Vec<&str> = kept.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["big2"]);
        assert_eq!(keep_recent(kept, export("huge", 40_000)), vec![]);
    }

    #[test]
    fn a_progress_cell_is_fingerprinted_as_the_import_compares_it() {
        let exported = progress_fingerprint("2026-12-01 已启动\n第二行");
        assert!(exported.is_some());
        assert_eq!(
            progress_fingerprint("2026-12-01 已启动\r\n第二行\n "),
            exported
        );
        assert_ne!(
            progress_fingerprint("2026-12-01 已启动\n第二行\n新"),
            exported
        );
        assert_eq!(progress_fingerprint(""), None);
        assert_eq!(progress_fingerprint(" \r\n"), None);
    }
}
