//! The tracker round trip (F3): an action CSV exported by the app, edited in Excel (status,
//! progress notes, deadline), read back into a plan of changes. Nothing is applied by this module:
//! the UI shows the plan and applies it on confirmation; a broken file yields no plan at all.

use chrono::NaiveDate;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{ActionItem, ActionStatus, Meeting, ProgressNote};
use crate::core::domain::order;
use crate::core::domain::time::parse_date;
use crate::core::formats::csv;
use crate::core::formats::export::csv::push_progress_cell;

/// The largest tracker file accepted, checked before it is read.
pub const MAX_TRACKER_BYTES: u64 = 10 * 1024 * 1024;

/// Why a whole file was refused; nothing changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TrackerFileError {
    UnclosedQuote {
        line: usize,
    },
    /// Other columns of the export are there: the id column was renamed or removed.
    IdColumnRenamed,
    /// No column of the export at all: some other table.
    NotATracker,
    Empty,
}

impl TrackerFileError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            TrackerFileError::UnclosedQuote { line } => {
                tr(lang, T::CsvUnclosedQuote, &[&line.to_string()])
            }
            TrackerFileError::IdColumnRenamed => T::CsvIdColumnRenamed.get(lang).to_owned(),
            TrackerFileError::NotATracker => T::CsvNoIdColumn.get(lang).to_owned(),
            TrackerFileError::Empty => T::CsvEmpty.get(lang).to_owned(),
        }
    }
}

/// A row that could not be used; the other rows still can.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RowProblem {
    UnknownId {
        line: usize,
        id: String,
    },
    BadDate {
        line: usize,
        value: String,
    },
    BadStatus {
        line: usize,
        value: String,
    },
    Malformed {
        line: usize,
        cells: usize,
        expected: usize,
    },
}

impl RowProblem {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            RowProblem::UnknownId { line, id } => {
                tr(lang, T::CsvUnknownId, &[&line.to_string(), id])
            }
            RowProblem::BadDate { line, value } => {
                tr(lang, T::CsvBadDate, &[&line.to_string(), value])
            }
            RowProblem::BadStatus { line, value } => {
                tr(lang, T::CsvBadStatus, &[&line.to_string(), value])
            }
            RowProblem::Malformed {
                line,
                cells,
                expected,
            } => tr(
                lang,
                T::CsvMalformed,
                &[&line.to_string(), &cells.to_string(), &expected.to_string()],
            ),
        }
    }
}

/// The changes one row asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionUpdate {
    pub meeting_id: String,
    pub action_id: String,
    pub task: String,
    pub status: Option<(ActionStatus, ActionStatus)>,
    pub deadline: Option<(Option<NaiveDate>, Option<NaiveDate>)>,
    pub new_notes: Vec<ProgressNote>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackerPlan {
    pub updates: Vec<ActionUpdate>,
    pub problems: Vec<RowProblem>,
    pub unchanged: usize,
}

impl From<csv::UnclosedQuote> for TrackerFileError {
    fn from(broken: csv::UnclosedQuote) -> Self {
        TrackerFileError::UnclosedQuote { line: broken.line }
    }
}

/// Reads an edited tracker CSV against the meetings on this device.
pub fn plan_tracker_import(
    text: &str,
    meetings: &[Meeting],
) -> Result<TrackerPlan, TrackerFileError> {
    let rows = csv::parse(text)?;
    let Some(((_, header), data)) = rows.split_first() else {
        return Err(TrackerFileError::Empty);
    };
    // Headers are matched in either language: a file exported in English imports in Chinese.
    let column = |key: T| {
        header.iter().position(|name| {
            [Lang::Zh, Lang::En]
                .iter()
                .any(|lang| key.get(*lang).eq_ignore_ascii_case(name.trim()))
        })
    };
    let Some(id_col) = column(T::ColId) else {
        let exported = [
            T::ColTask,
            T::ColOwner,
            T::ColDeadline,
            T::ColStatus,
            T::ColProgress,
        ];
        return Err(if exported.into_iter().any(|key| column(key).is_some()) {
            TrackerFileError::IdColumnRenamed
        } else {
            TrackerFileError::NotATracker
        });
    };
    let (status_col, deadline_col, progress_col) = (
        column(T::ColStatus),
        column(T::ColDeadline),
        column(T::ColProgress),
    );
    // One index instead of a scan of every action per row: 10,000 rows against 10,000 actions
    // would otherwise compare 10^8 ids on the main thread. A sorted list rather than a hash map
    // reuses the one compiled sort (`core::domain::order`); being stable, it keeps the first meeting
    // holding an id first, as the scan did.
    let mut by_id: Vec<(&str, &Meeting, &ActionItem)> = meetings
        .iter()
        .flat_map(|meeting| {
            meeting
                .actions
                .iter()
                .map(move |action| (action.id.as_str(), meeting, action))
        })
        .collect();
    order::sort_by_key(&mut by_id, |entry| entry.0);
    let find = |id: &str| {
        let first = by_id.partition_point(|entry| entry.0 < id);
        by_id
            .get(first)
            .filter(|entry| entry.0 == id)
            .map(|entry| (entry.1, entry.2))
    };

    let mut plan = TrackerPlan::default();
    for (line, cells) in data {
        let line = *line;
        if cells.len() != header.len() {
            plan.problems.push(RowProblem::Malformed {
                line,
                cells: cells.len(),
                expected: header.len(),
            });
            continue;
        }
        let id = &cells[id_col];
        // Exactly as written first; a spreadsheet user may have padded it with spaces.
        let Some((meeting, action)) = find(id).or_else(|| find(id.trim())) else {
            plan.problems.push(RowProblem::UnknownId {
                line,
                id: id.trim().to_owned(),
            });
            continue;
        };
        let mut update = ActionUpdate {
            meeting_id: meeting.id.clone(),
            action_id: action.id.clone(),
            task: action.task.clone(),
            status: None,
            deadline: None,
            new_notes: Vec::new(),
        };
        if let Some(col) = status_col {
            let value = cells[col].trim();
            match parse_status(value) {
                Some(status) if status != action.status => {
                    update.status = Some((action.status, status))
                }
                Some(_) => {}
                None => {
                    plan.problems.push(RowProblem::BadStatus {
                        line,
                        value: value.to_owned(),
                    });
                    continue;
                }
            }
        }
        if let Some(col) = deadline_col {
            let value = cells[col].trim();
            let deadline = if value.is_empty() {
                Some(None)
            } else {
                parse_date(value).map(Some)
            };
            match deadline {
                Some(deadline) if deadline != action.deadline => {
                    update.deadline = Some((action.deadline, deadline))
                }
                Some(_) => {}
                None => {
                    plan.problems.push(RowProblem::BadDate {
                        line,
                        value: value.to_owned(),
                    });
                    continue;
                }
            }
        }
        if let Some(col) = progress_col {
            update.new_notes = added_notes(&cells[col], &action.progress);
        }
        if update.status.is_none() && update.deadline.is_none() && update.new_notes.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.updates.push(update);
        }
    }
    Ok(plan)
}

/// The notes a progress cell adds to `known`. The cell was exported as the known notes, one line
/// each ([`push_progress_cell`]); a note may itself hold line breaks, so lines are only compared
/// after the whole cell is: unchanged means no new note, and lines appended after the exported
/// text (the usual edit) are new notes, one per line. Anything else was edited in the middle:
/// each line that is no line of a known note is new.
fn added_notes(cell: &str, known: &[ProgressNote]) -> Vec<ProgressNote> {
    let mut exported = String::new();
    push_progress_cell(&mut exported, known);
    let (cell, exported) = (
        csv::normalise_breaks(cell),
        csv::normalise_breaks(&exported),
    );
    let (cell, exported) = (cell.trim_end(), exported.trim_end());
    if cell == exported {
        return Vec::new();
    }
    fn lines(text: &str) -> Vec<&str> {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
    }
    let appended = if exported.is_empty() {
        Some(cell)
    } else {
        cell.strip_prefix(exported)
            .filter(|rest| rest.starts_with('\n'))
    };
    let new_lines = match appended {
        Some(rest) => lines(rest),
        None => {
            let old = lines(exported);
            lines(cell)
                .into_iter()
                .filter(|line| !old.contains(line))
                .collect()
        }
    };
    new_lines.into_iter().map(parse_note).collect()
}

/// Applies a confirmed plan; returns the meetings it changed.
pub fn apply_tracker_plan(
    plan: &TrackerPlan,
    meetings: &[Meeting],
    today: NaiveDate,
) -> Vec<Meeting> {
    let mut changed: Vec<Meeting> = Vec::new();
    for update in &plan.updates {
        if !changed.iter().any(|m| m.id == update.meeting_id) {
            if let Some(meeting) = meetings.iter().find(|m| m.id == update.meeting_id) {
                changed.push(meeting.clone());
            }
        }
        let Some(meeting) = changed.iter_mut().find(|m| m.id == update.meeting_id) else {
            continue;
        };
        if let Some(action) = meeting
            .actions
            .iter_mut()
            .find(|a| a.id == update.action_id)
        {
            if let Some((_, status)) = update.status {
                action.set_status(status, today);
            }
            if let Some((_, deadline)) = update.deadline {
                action.deadline = deadline;
            }
            action.progress.extend(update.new_notes.iter().cloned());
        }
    }
    changed
}

fn parse_status(value: &str) -> Option<ActionStatus> {
    ActionStatus::ALL.into_iter().find(|status| {
        [Lang::Zh, Lang::En]
            .iter()
            .any(|lang| status.label().get(*lang).eq_ignore_ascii_case(value))
    })
}

fn parse_note(line: &str) -> ProgressNote {
    match line
        .split_once(' ')
        .and_then(|(date, text)| Some((parse_date(date)?, text)))
    {
        Some((on, text)) => ProgressNote {
            on: Some(on),
            text: text.trim().to_owned(),
        },
        None => ProgressNote {
            on: None,
            text: line.to_owned(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::ActionItem;
    use crate::core::formats::export::csv::actions_csv;

    fn meetings() -> Vec<Meeting> {
        vec![Meeting {
            id: "m1".into(),
            title: "周会".into(),
            actions: vec![
                ActionItem {
                    id: "a1".into(),
                    task: "完成技术方案初稿".into(),
                    deadline: NaiveDate::from_ymd_opt(2026, 12, 10),
                    progress: vec![ProgressNote {
                        on: NaiveDate::from_ymd_opt(2026, 12, 1),
                        text: "已启动".into(),
                    }],
                    ..ActionItem::default()
                },
                ActionItem {
                    id: "a2".into(),
                    task: "=SUM(A1)".into(),
                    ..ActionItem::default()
                },
            ],
            ..Meeting::default()
        }]
    }

    #[test]
    fn an_unedited_export_changes_nothing() {
        for lang in [Lang::Zh, Lang::En] {
            let csv = actions_csv(&meetings(), lang);
            let plan = plan_tracker_import(&csv, &meetings()).unwrap();
            assert_eq!(
                plan,
                TrackerPlan {
                    unchanged: 2,
                    ..TrackerPlan::default()
                },
                "{lang:?}"
            );
        }
    }

    #[test]
    fn edits_from_excel_become_a_plan_of_changes() {
        let csv = actions_csv(&meetings(), Lang::Zh)
            .replace(
                ",待开始,2026-12-01 已启动,",
                ",已完成,\"2026-12-01 已启动\n2026/12/8 评审通过\",",
            )
            .replace("2026-12-10", "2026/12/12");
        let plan = plan_tracker_import(&csv, &meetings()).unwrap();
        assert_eq!(plan.problems, vec![]);
        assert_eq!(plan.unchanged, 1);
        let update = &plan.updates[0];
        assert_eq!(
            update.status,
            Some((ActionStatus::Open, ActionStatus::Done))
        );
        assert_eq!(
            update.deadline,
            Some((
                NaiveDate::from_ymd_opt(2026, 12, 10),
                NaiveDate::from_ymd_opt(2026, 12, 12)
            ))
        );
        assert_eq!(
            update.new_notes,
            vec![ProgressNote {
                on: NaiveDate::from_ymd_opt(2026, 12, 8),
                text: "评审通过".into()
            }]
        );

        let today = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        let changed = apply_tracker_plan(&plan, &meetings(), today);
        assert_eq!(changed.len(), 1);
        let action = &changed[0].actions[0];
        assert_eq!(action.status, ActionStatus::Done);
        assert_eq!(
            action.completed_on,
            Some(today),
            "done via Excel is dated too"
        );
        assert_eq!(action.progress.len(), 2);
    }

    #[test]
    fn bad_rows_are_reported_in_both_languages_and_skipped() {
        let csv = "编号,状态,截止\r\nzz,已完成,2026-12-01\r\na1,差不多,2026-12-01\r\na1,已完成,明天\r\na1,已完成\r\na2,Done,\r\n";
        let plan = plan_tracker_import(csv, &meetings()).unwrap();
        assert_eq!(
            plan.problems,
            vec![
                RowProblem::UnknownId {
                    line: 2,
                    id: "zz".into()
                },
                RowProblem::BadStatus {
                    line: 3,
                    value: "差不多".into()
                },
                RowProblem::BadDate {
                    line: 4,
                    value: "明天".into()
                },
                RowProblem::Malformed {
                    line: 5,
                    cells: 2,
                    expected: 3
                },
            ]
        );
        assert_eq!(plan.updates.len(), 1, "the good row still counts");
        for problem in &plan.problems {
            assert!(problem.message(Lang::Zh).contains("第"));
            assert!(problem.message(Lang::En).contains("line"));
        }
    }

    #[test]
    fn broken_files_are_refused_whole() {
        assert_eq!(
            plan_tracker_import("", &meetings()),
            Err(TrackerFileError::Empty)
        );
        assert_eq!(
            plan_tracker_import("任务,负责人\r\nx,y\r\n", &meetings()),
            Err(TrackerFileError::IdColumnRenamed)
        );
        assert_eq!(
            plan_tracker_import("姓名,电话\r\nx,y\r\n", &meetings()),
            Err(TrackerFileError::NotATracker)
        );
        assert!(matches!(
            plan_tracker_import("编号,状态\r\n\"a1,已完成\r\n", &meetings()),
            Err(TrackerFileError::UnclosedQuote { .. })
        ));
        for error in [
            TrackerFileError::Empty,
            TrackerFileError::IdColumnRenamed,
            TrackerFileError::NotATracker,
            TrackerFileError::UnclosedQuote { line: 3 },
        ] {
            assert!(error.message(Lang::Zh).contains("未做任何更改"));
            assert!(error.message(Lang::En).contains("Nothing was changed"));
        }
    }
}
