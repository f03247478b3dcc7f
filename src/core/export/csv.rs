//! CSV for Excel trackers (F2): UTF-8 with a byte-order mark (so Excel reads Chinese as UTF-8),
//! CRLF line ends, RFC 4180 quoting, dates as YYYY-MM-DD, a stable id column, headers in the UI
//! language, and cells that Excel would run as a formula neutralised.

use super::super::i18n::{Lang, T};
use super::super::model::Meeting;
use super::super::time::format_date;

const BOM: char = '\u{feff}';

/// Quotes a cell when it must (RFC 4180) and defuses formula starts (`=`, `+`, `-`, `@`, tab,
/// CR): a leading apostrophe makes Excel and LibreOffice show the text instead of running it.
pub fn cell(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 3);
    push_cell(&mut out, value);
    out
}

/// [`cell`], written straight onto the file: a 10,000-row export then allocates once.
fn push_cell(out: &mut String, value: &str) {
    let defuse = matches!(
        value.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    );
    let quote = value.contains([',', '"', '\n', '\r']);
    if quote {
        out.push('"');
    }
    if defuse {
        out.push('\'');
    }
    if quote {
        for (index, piece) in value.split('"').enumerate() {
            if index > 0 {
                out.push_str("\"\"");
            }
            out.push_str(piece);
        }
        out.push('"');
    } else {
        out.push_str(value);
    }
}

/// A CSV file being written: the byte-order mark, then one CRLF-ended line per row. Rows are
/// written from borrowed cells, so a 10,000-row export copies each text once, into the file.
struct CsvFile {
    out: String,
}

impl CsvFile {
    fn new(header: &[&str]) -> CsvFile {
        let mut file = CsvFile {
            out: String::with_capacity(64 * 1024),
        };
        file.out.push(BOM);
        file.row(header);
        file
    }

    fn row(&mut self, cells: &[&str]) {
        for (index, value) in cells.iter().enumerate() {
            if index > 0 {
                self.out.push(',');
            }
            push_cell(&mut self.out, value);
        }
        self.out.push_str("\r\n");
    }
}

/// One row per action item of the given meetings: the tracker export (F2, F3).
pub fn actions_csv<'a>(meetings: impl IntoIterator<Item = &'a Meeting>, lang: Lang) -> String {
    let header = [
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
    let mut file = CsvFile::new(&header);
    // Reused for every row: one allocation for the whole export, not one per note.
    let mut progress = String::new();
    for meeting in meetings {
        for action in &meeting.actions {
            let deadline = action.deadline.map(format_date).unwrap_or_default();
            progress.clear();
            for (index, note) in action.progress.iter().enumerate() {
                if index > 0 {
                    progress.push('\n');
                }
                note.push_line(&mut progress);
            }
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
    file.out
}

/// One row per decision, with the agenda item it was made on.
pub fn decisions_csv(meeting: &Meeting, lang: Lang) -> String {
    let header = [T::ColId, T::Decisions, T::Agenda].map(|key| key.get(lang));
    let mut file = CsvFile::new(&header);
    for decision in &meeting.decisions {
        let item = decision
            .agenda_item_id
            .as_ref()
            .and_then(|id| meeting.agenda.iter().find(|item| &item.id == id))
            .map(|item| item.title.as_str())
            .unwrap_or_default();
        file.row(&[&decision.id, &decision.text, item]);
    }
    file.out
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
    let mut file = CsvFile::new(&header);
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
    file.out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{ActionItem, ActionStatus, ProgressNote};
    use chrono::NaiveDate;

    #[test]
    fn cells_are_quoted_and_formulas_defused() {
        let cases = [
            ("plain", "plain"),
            ("中文,逗号", "\"中文,逗号\""),
            ("say \"hi\"", "\"say \"\"hi\"\"\""),
            ("two\nlines", "\"two\nlines\""),
            (
                "=HYPERLINK(\"http://x\")",
                "\"'=HYPERLINK(\"\"http://x\"\")\"",
            ),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "\"'\rx\""),
            ("| a | b |", "| a | b |"),
            ("😀 emoji", "😀 emoji"),
        ];
        for (input, expected) in cases {
            assert_eq!(cell(input), expected, "{input:?}");
        }
    }

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
}
