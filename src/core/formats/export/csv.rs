//! The tables exported for Excel trackers (F2): actions, decisions and the agenda, with dates as
//! YYYY-MM-DD, a stable id column and headers in the UI language. The file format itself (BOM,
//! quoting, the formula guard) is `core::formats::csv`, shared with the reader.

use crate::core::domain::i18n::{Lang, T};
use crate::core::domain::model::{Meeting, ProgressNote};
use crate::core::domain::time::format_date;
use crate::core::formats::csv::CsvWriter;
use crate::core::formats::tracker_export::{marked_header, TrackerExport};

/// One row per action item of the given meetings (F2).
pub fn actions_csv<'a>(meetings: impl IntoIterator<Item = &'a Meeting>, lang: Lang) -> String {
    write_actions(meetings, lang, T::ColId.get(lang))
}

/// The tracker export (F3): the actions table with `export_id` in its id header (see
/// `core::formats::tracker_export`), and the record of what it wrote, for the device to keep.
pub fn tracker_csv<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting> + Clone,
    lang: Lang,
    export_id: &str,
) -> (String, TrackerExport) {
    (
        tracker_csv_text(meetings.clone(), lang, export_id),
        TrackerExport::of(export_id, meetings),
    )
}

/// The tracker CSV alone, its id column's header marked with `export_id`: the file can be
/// offered before [`TrackerExport::of`] records what it holds.
pub fn tracker_csv_text<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    lang: Lang,
    export_id: &str,
) -> String {
    write_actions(
        meetings,
        lang,
        &marked_header(T::ColId.get(lang), export_id),
    )
}

fn write_actions<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    lang: Lang,
    id_header: &str,
) -> String {
    let mut header = [
        T::ColId,
        T::ColTask,
        T::ColOwner,
        T::ColDepartment,
        T::ColAcceptance,
        T::ColDeadline,
        T::ColStatus,
        T::ColProgress,
        T::ColMeeting,
    ]
    .map(|key| key.get(lang));
    header[0] = id_header;
    let mut file = CsvWriter::new(&header);
    // Reused for every row: one allocation for the whole export, not one per note.
    let mut progress = String::new();
    for meeting in meetings {
        for action in &meeting.actions {
            let deadline = action.deadline.map(format_date).unwrap_or_default();
            progress.clear();
            push_progress_cell(&mut progress, &action.progress);
            file.row(&[
                &action.id,
                &action.task,
                &action.owner,
                &action.department,
                &action.acceptance,
                &deadline,
                action.status.label().get(lang),
                &progress,
                &meeting.title,
            ]);
        }
    }
    file.finish()
}

/// The progress column: one line per note, oldest first, as the tracker import reads it back.
pub fn push_progress_cell(out: &mut String, notes: &[ProgressNote]) {
    for (index, note) in notes.iter().enumerate() {
        if index > 0 {
            out.push('\n');
        }
        note.push_line(out);
    }
}

/// One row per decision, with the agenda item it was made on.
pub fn decisions_csv(meeting: &Meeting, lang: Lang) -> String {
    let header = [T::ColId, T::Decisions, T::Agenda].map(|key| key.get(lang));
    let mut file = CsvWriter::new(&header);
    for decision in &meeting.decisions {
        let item = decision
            .agenda_item_id
            .as_ref()
            .and_then(|id| meeting.agenda.iter().find(|item| &item.id == id))
            .map(|item| item.title.as_str())
            .unwrap_or_default();
        file.row(&[&decision.id, &decision.text, item]);
    }
    file.finish()
}

/// One row per agenda item, planned minutes beside the phase and owner.
pub fn agenda_csv(meeting: &Meeting, lang: Lang) -> String {
    let header = [
        T::ColId,
        T::FieldPhase,
        T::FieldItemTitle,
        T::ColOwner,
        T::FieldDuration,
        T::FieldOutput,
    ]
    .map(|key| key.get(lang));
    let mut file = CsvWriter::new(&header);
    for item in &meeting.agenda {
        file.row(&[
            &item.id,
            item.phase.label().get(lang),
            &item.title,
            &item.owner,
            &item.minutes.to_string(),
            &item.expected_output,
        ]);
    }
    file.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{ActionItem, ActionStatus};
    use chrono::NaiveDate;

    #[test]
    fn tracker_csv_is_excel_ready() {
        let long = "长".repeat(5000);
        let meeting = Meeting {
            title: "Q3, 排期".into(),
            actions: vec![ActionItem {
                id: "a1".into(),
                task: long.clone(),
                owner: "=张工".into(),
                department: "研发部".into(),
                acceptance: "通过评审\n附架构图".into(),
                deadline: NaiveDate::from_ymd_opt(2026, 12, 10),
                status: ActionStatus::InProgress,
                progress: vec![ProgressNote {
                    on: NaiveDate::from_ymd_opt(2026, 12, 2),
                    text: "初稿完成".into(),
                }],
                ..ActionItem::default()
            }],
            ..Meeting::default()
        };
        let csv = actions_csv([&meeting], Lang::Zh);
        assert!(csv.starts_with('\u{feff}'));
        assert!(csv.starts_with("\u{feff}编号,任务,负责人,部门,交付标准,截止,状态,进展,会议\r\n"));
        let data = csv.split_once("\r\n").unwrap().1;
        assert!(data.starts_with(&format!("a1,{long},'=张工,研发部,\"通过评审\n附架构图\",2026-12-10,进行中,2026-12-02 初稿完成,\"Q3, 排期\"\r\n")));
        assert!(!csv.replace("\r\n", "").contains('\r'));
        let english = actions_csv([&meeting], Lang::En);
        assert!(english.starts_with("\u{feff}Id,Task,Owner,Department,Acceptance standard,Deadline,Status,Progress,Meeting\r\n"));
    }

    #[test]
    fn the_tracker_export_carries_its_id_in_the_id_header() {
        let meeting = Meeting {
            actions: vec![ActionItem {
                id: "a1".into(),
                status: ActionStatus::Blocked,
                ..ActionItem::default()
            }],
            ..Meeting::default()
        };
        let (csv, export) = tracker_csv([&meeting], Lang::Zh, "3f9a2c1d");
        assert!(csv.starts_with("\u{feff}编号 #3f9a2c1d,任务,负责人,"));
        assert_eq!(
            csv.split_once("\r\n").unwrap().1,
            actions_csv([&meeting], Lang::Zh)
                .split_once("\r\n")
                .unwrap()
                .1,
            "the rows are the actions table's"
        );
        assert_eq!(export.id, "3f9a2c1d");
        assert_eq!(export.actions[0].status, ActionStatus::Blocked);
    }
}
