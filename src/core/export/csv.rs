//! CSV for Excel trackers (F2): UTF-8 with a byte-order mark (so Excel reads Chinese as UTF-8),
//! CRLF line ends, RFC 4180 quoting, dates as YYYY-MM-DD, a stable id column, headers in the UI
//! language, and cells that Excel would run as a formula neutralised.

use super::super::i18n::{Lang, T};
use super::super::model::{ActionItem, Meeting, ProgressNote};
use super::super::time::format_date;

const BOM: char = '\u{feff}';

/// Quotes a cell when it must (RFC 4180) and defuses formula starts (`=`, `+`, `-`, `@`, tab,
/// CR): a leading apostrophe makes Excel and LibreOffice show the text instead of running it.
pub fn cell(value: &str) -> String {
    let defused = match value.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{value}"),
        _ => value.to_owned(),
    };
    if defused.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// A whole CSV file from a header row and data rows.
pub fn table(header: &[&str], rows: impl IntoIterator<Item = Vec<String>>) -> String {
    let mut out = String::new();
    out.push(BOM);
    let line =
        |cells: Vec<String>| cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(",") + "\r\n";
    out.push_str(&line(header.iter().map(|h| (*h).to_owned()).collect()));
    for row in rows {
        out.push_str(&line(row));
    }
    out
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
    let rows = meetings.into_iter().flat_map(|meeting| {
        meeting
            .actions
            .iter()
            .map(move |action| action_row(meeting, action, lang))
    });
    table(&header, rows)
}

fn action_row(meeting: &Meeting, action: &ActionItem, lang: Lang) -> Vec<String> {
    let progress = action
        .progress
        .iter()
        .map(ProgressNote::line)
        .collect::<Vec<_>>()
        .join("\n");
    vec![
        action.id.clone(),
        action.task.clone(),
        action.owner.clone(),
        action.department.clone(),
        action.acceptance.clone(),
        action.deadline.map(format_date).unwrap_or_default(),
        action.status.label().get(lang).to_owned(),
        progress,
        meeting.title.clone(),
    ]
}

/// One row per decision, with the agenda item it was made on.
pub fn decisions_csv(meeting: &Meeting, lang: Lang) -> String {
    let header = [T::ColId, T::Decisions, T::Agenda].map(|key| key.get(lang));
    let rows = meeting.decisions.iter().map(|decision| {
        let item = decision
            .agenda_item_id
            .as_ref()
            .and_then(|id| meeting.agenda.iter().find(|item| &item.id == id))
            .map(|item| item.title.clone())
            .unwrap_or_default();
        vec![decision.id.clone(), decision.text.clone(), item]
    });
    table(&header, rows)
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
    let rows = meeting.agenda.iter().map(|item| {
        vec![
            item.id.clone(),
            item.phase.label().get(lang).to_owned(),
            item.title.clone(),
            item.owner.clone(),
            item.minutes.to_string(),
            item.expected_output.clone(),
        ]
    });
    table(&header, rows)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::{ActionStatus, ProgressNote};
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
