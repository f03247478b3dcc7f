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
use crate::core::formats::tracker_export::{
    progress_fingerprint, split_marker, ExportedAction, TrackerExport,
};

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

/// One cell the spreadsheet changed: the app's value now and the sheet's. A conflict is a cell
/// the app changed too since the export (A1's rule for replies): both values are shown and the
/// app's stays unless the user takes the sheet's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CellChange<V> {
    pub app: V,
    pub sheet: V,
    pub conflict: bool,
    /// Whether applying the plan writes `sheet`: yes for a plain change, no for a conflict until
    /// the user chooses it.
    pub take_sheet: bool,
}

impl<V: PartialEq + Copy> CellChange<V> {
    /// The three-way rule (F3): `sheet` is the cell as saved, `app` the value now, `exported`
    /// what the file held when it was written (`None`: not known, the old two-way rule).
    pub fn between(sheet: V, app: V, exported: Option<V>) -> Option<CellChange<V>> {
        if sheet == app || exported == Some(sheet) {
            // Nothing to do, or a cell the owners left as exported.
            return None;
        }
        let conflict = exported.is_some_and(|exported| exported != app);
        Some(CellChange {
            app,
            sheet,
            conflict,
            take_sheet: !conflict,
        })
    }
}

/// The changes one row asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActionUpdate {
    pub meeting_id: String,
    pub action_id: String,
    pub task: String,
    pub status: Option<CellChange<ActionStatus>>,
    pub deadline: Option<CellChange<Option<NaiveDate>>>,
    pub new_notes: Vec<ProgressNote>,
    /// The user left this row out in the preview.
    pub left_out: bool,
}

impl ActionUpdate {
    /// Whether applying the plan changes this action at all.
    pub fn applies(&self) -> bool {
        !self.left_out
            && (self.status.is_some_and(|c| c.take_sheet)
                || self.deadline.is_some_and(|c| c.take_sheet)
                || !self.new_notes.is_empty())
    }

    pub fn has_conflict(&self) -> bool {
        self.status.is_some_and(|c| c.conflict) || self.deadline.is_some_and(|c| c.conflict)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackerPlan {
    pub updates: Vec<ActionUpdate>,
    pub problems: Vec<RowProblem>,
    pub unchanged: usize,
    /// The file's export is kept on this device, so untouched cells were told from edited ones.
    /// When not, every cell that differs from the app is listed, and the preview says so.
    pub export_known: bool,
}

impl TrackerPlan {
    /// How many actions applying the plan changes.
    pub fn applying(&self) -> usize {
        self.updates.iter().filter(|u| u.applies()).count()
    }
}

impl From<csv::UnclosedQuote> for TrackerFileError {
    fn from(broken: csv::UnclosedQuote) -> Self {
        TrackerFileError::UnclosedQuote { line: broken.line }
    }
}

/// Reads an edited tracker CSV against the meetings on this device and the exports it keeps
/// (newest first): the cells the spreadsheet changed since the export, as a plan.
pub fn plan_tracker_import(
    text: &str,
    meetings: &[Meeting],
    exports: &[TrackerExport],
) -> Result<TrackerPlan, TrackerFileError> {
    let rows = csv::parse(text)?;
    let Some(((_, header), data)) = rows.split_first() else {
        return Err(TrackerFileError::Empty);
    };
    // Headers are matched in either language: a file exported in English imports in Chinese.
    // The id header carries the export id (`core::formats::tracker_export`).
    let column = |key: T| {
        header.iter().position(|name| {
            let (name, _) = split_marker(name);
            [Lang::Zh, Lang::En]
                .iter()
                .any(|lang| key.get(*lang).eq_ignore_ascii_case(name))
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
    let export = split_marker(&header[id_col])
        .1
        .and_then(|id| exports.iter().find(|export| export.id == id));
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
    let mut exported_by_id: Vec<&ExportedAction> =
        export.map_or_else(Vec::new, |export| export.actions.iter().collect());
    order::sort_by_key(&mut exported_by_id, |action| action.id.as_str());
    let exported_of = |id: &str| {
        let first = exported_by_id.partition_point(|action| action.id.as_str() < id);
        exported_by_id
            .get(first)
            .copied()
            .filter(|action| action.id == id)
    };

    let mut plan = TrackerPlan {
        export_known: export.is_some(),
        ..TrackerPlan::default()
    };
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
        // A row pasted in from another file has no exported values: the old rule for it.
        let exported = exported_of(&action.id);
        let mut update = ActionUpdate {
            meeting_id: meeting.id.clone(),
            action_id: action.id.clone(),
            task: action.task.clone(),
            status: None,
            deadline: None,
            new_notes: Vec::new(),
            left_out: false,
        };
        if let Some(col) = status_col {
            let value = cells[col].trim();
            let Some(status) = parse_status(value) else {
                plan.problems.push(RowProblem::BadStatus {
                    line,
                    value: value.to_owned(),
                });
                continue;
            };
            update.status = CellChange::between(status, action.status, exported.map(|e| e.status));
        }
        if let Some(col) = deadline_col {
            let value = cells[col].trim();
            let deadline = if value.is_empty() {
                Some(None)
            } else {
                parse_date(value).map(Some)
            };
            let Some(deadline) = deadline else {
                plan.problems.push(RowProblem::BadDate {
                    line,
                    value: value.to_owned(),
                });
                continue;
            };
            update.deadline =
                CellChange::between(deadline, action.deadline, exported.map(|e| e.deadline));
        }
        if let Some(col) = progress_col {
            // A cell left as exported adds nothing, whatever the app's notes are now (a note
            // removed since is not brought back); an edited one adds its lines the app lacks.
            let untouched = exported
                .is_some_and(|exported| progress_fingerprint(&cells[col]) == exported.progress);
            if !untouched {
                let mut known = String::new();
                push_progress_cell(&mut known, &action.progress);
                update.new_notes = added_notes(&cells[col], &known);
            }
        }
        if update.status.is_none() && update.deadline.is_none() && update.new_notes.is_empty() {
            plan.unchanged += 1;
        } else {
            plan.updates.push(update);
        }
    }
    Ok(plan)
}

/// The notes a progress cell adds to the `known` notes (as [`push_progress_cell`] writes them).
/// A note may itself hold line breaks, so lines are only compared after the whole cell is:
/// unchanged means no new note, and lines appended after the known text (the usual edit) are
/// new notes, one per line. Anything else was edited in the middle: each line that is no line of
/// a known note is new.
fn added_notes(cell: &str, known: &str) -> Vec<ProgressNote> {
    let (cell, known) = (csv::normalise_breaks(cell), csv::normalise_breaks(known));
    let (cell, known) = (cell.trim_end(), known.trim_end());
    if cell == known {
        return Vec::new();
    }
    fn lines(text: &str) -> Vec<&str> {
        text.lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .collect()
    }
    let appended = if known.is_empty() {
        Some(cell)
    } else {
        cell.strip_prefix(known)
            .filter(|rest| rest.starts_with('\n'))
    };
    let new_lines = match appended {
        Some(rest) => lines(rest),
        None => {
            let old = lines(known);
            lines(cell)
                .into_iter()
                .filter(|line| !old.contains(line))
                .collect()
        }
    };
    new_lines.into_iter().map(parse_note).collect()
}

/// Applies a confirmed plan: the rows not left out, each cell whose sheet value is taken, every
/// new note. Returns the meetings it changed.
pub fn apply_tracker_plan(
    plan: &TrackerPlan,
    meetings: &[Meeting],
    today: NaiveDate,
) -> Vec<Meeting> {
    let mut changed: Vec<Meeting> = Vec::new();
    for update in plan.updates.iter().filter(|u| u.applies()) {
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
            if let Some(change) = update.status.filter(|c| c.take_sheet) {
                action.set_status(change.sheet, today);
            }
            if let Some(change) = update.deadline.filter(|c| c.take_sheet) {
                action.deadline = change.sheet;
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
    use crate::core::formats::export::csv::{actions_csv, tracker_csv};

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
            let plan = plan_tracker_import(&csv, &meetings(), &[]).unwrap();
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
        let plan = plan_tracker_import(&csv, &meetings(), &[]).unwrap();
        assert_eq!(plan.problems, vec![]);
        assert_eq!(plan.unchanged, 1);
        let update = &plan.updates[0];
        assert_eq!(
            update.status,
            Some(CellChange {
                app: ActionStatus::Open,
                sheet: ActionStatus::Done,
                conflict: false,
                take_sheet: true
            })
        );
        assert_eq!(
            update.deadline.map(|c| (c.app, c.sheet, c.conflict)),
            Some((
                NaiveDate::from_ymd_opt(2026, 12, 10),
                NaiveDate::from_ymd_opt(2026, 12, 12),
                false
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
        let plan = plan_tracker_import(csv, &meetings(), &[]).unwrap();
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
            plan_tracker_import("", &meetings(), &[]),
            Err(TrackerFileError::Empty)
        );
        assert_eq!(
            plan_tracker_import("任务,负责人\r\nx,y\r\n", &meetings(), &[]),
            Err(TrackerFileError::IdColumnRenamed)
        );
        assert_eq!(
            plan_tracker_import("姓名,电话\r\nx,y\r\n", &meetings(), &[]),
            Err(TrackerFileError::NotATracker)
        );
        assert!(matches!(
            plan_tracker_import("编号,状态\r\n\"a1,已完成\r\n", &meetings(), &[]),
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

    /// What the app did to a1 after the export, and what the owners did to its row in the file.
    type AppEdit = fn(&mut ActionItem);
    type SheetEdit = fn(String) -> String;
    /// A case's name, the two edits, whether the export is kept, and the status change expected.
    type Case = (
        &'static str,
        AppEdit,
        SheetEdit,
        bool,
        Option<CellChange<ActionStatus>>,
    );

    fn untouched(_: &mut ActionItem) {}
    fn unedited(file: String) -> String {
        file
    }
    fn app_in_progress(action: &mut ActionItem) {
        action.status = ActionStatus::InProgress;
    }
    fn app_done(action: &mut ActionItem) {
        action.status = ActionStatus::Done;
    }
    fn app_moves_deadline(action: &mut ActionItem) {
        action.deadline = NaiveDate::from_ymd_opt(2026, 12, 20);
    }
    fn app_drops_note(action: &mut ActionItem) {
        action.progress.clear();
    }
    fn sheet_done(file: String) -> String {
        file.replace(",待开始,2026-12-01 已启动,", ",已完成,2026-12-01 已启动,")
    }
    fn sheet_deadline(file: String) -> String {
        file.replace("2026-12-10", "2026/12/12")
    }

    /// a1 after `app`, and the plan for the file exported before it, edited by `sheet`.
    fn three_way(app: AppEdit, sheet: SheetEdit, export_kept: bool) -> TrackerPlan {
        let (file, export) = tracker_csv(&meetings(), Lang::Zh, "e1");
        let mut now = meetings();
        app(&mut now[0].actions[0]);
        let kept = if export_kept { vec![export] } else { vec![] };
        plan_tracker_import(&sheet(file), &now, &kept).unwrap()
    }

    #[test]
    fn only_cells_edited_in_the_sheet_are_changes_and_both_edited_is_a_conflict() {
        use ActionStatus::{Done, InProgress, Open};
        let change = |app, sheet| {
            Some(CellChange {
                app,
                sheet,
                conflict: false,
                take_sheet: true,
            })
        };
        let conflict = |app, sheet| {
            Some(CellChange {
                app,
                sheet,
                conflict: true,
                take_sheet: false,
            })
        };
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d);
        let cases: [Case; 6] = [
            ("untouched cell", untouched, unedited, true, None),
            (
                "spreadsheet-only edit",
                untouched,
                sheet_done,
                true,
                change(Open, Done),
            ),
            ("app-only edit", app_in_progress, unedited, true, None),
            (
                "both edited",
                app_in_progress,
                sheet_done,
                true,
                conflict(InProgress, Done),
            ),
            ("both edited alike", app_done, sheet_done, true, None),
            // Not kept: today's two-way rule, and the plan says so.
            (
                "unknown export",
                app_in_progress,
                unedited,
                false,
                change(InProgress, Open),
            ),
        ];
        for (name, app, sheet, kept, status) in cases {
            let plan = three_way(app, sheet, kept);
            assert_eq!(plan.export_known, kept, "{name}");
            assert_eq!(plan.problems, vec![], "{name}");
            let a1 = plan.updates.iter().find(|u| u.action_id == "a1");
            assert_eq!(a1.and_then(|u| u.status), status, "{name}");
            assert_eq!(plan.updates.len(), usize::from(status.is_some()), "{name}");
        }

        let plan = three_way(app_moves_deadline, sheet_deadline, true);
        assert_eq!(
            plan.updates[0].deadline,
            Some(CellChange {
                app: day(20),
                sheet: day(12),
                conflict: true,
                take_sheet: false
            })
        );
        assert_eq!(
            three_way(app_moves_deadline, unedited, true).updates,
            vec![]
        );
        assert_eq!(
            three_way(untouched, sheet_deadline, true).updates[0].deadline,
            Some(CellChange {
                app: day(10),
                sheet: day(12),
                conflict: false,
                take_sheet: true
            })
        );

        // A note removed in the app after the export is not brought back by the untouched cell;
        // without the export it is, as before.
        assert_eq!(three_way(app_drops_note, unedited, true).updates, vec![]);
        let plan = three_way(app_drops_note, unedited, false);
        assert_eq!(plan.updates[0].new_notes[0].text, "已启动");
    }

    #[test]
    fn apply_takes_only_chosen_cells_and_rows() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        let mut now = meetings();
        app_in_progress(&mut now[0].actions[0]);
        let (file, export) = tracker_csv(&meetings(), Lang::Zh, "e1");
        let file = sheet_done(file).replace("a2,'=SUM(A1),,,,,待开始", "a2,'=SUM(A1),,,,,受阻");
        let mut plan = plan_tracker_import(&file, &now, &[export]).unwrap();
        assert_eq!(plan.updates.len(), 2);
        assert!(plan.updates[0].has_conflict());
        assert_eq!(plan.applying(), 1, "the conflict waits for a choice");

        // Nothing chosen: the app's value stays, the owner's plain edit comes in.
        let changed = apply_tracker_plan(&plan, &now, today);
        assert_eq!(changed[0].actions[0].status, ActionStatus::InProgress);
        assert_eq!(changed[0].actions[1].status, ActionStatus::Blocked);

        // The sheet's value chosen for the conflict, the other row left out.
        plan.updates[0].status.as_mut().unwrap().take_sheet = true;
        plan.updates[1].left_out = true;
        assert_eq!(plan.applying(), 1);
        let changed = apply_tracker_plan(&plan, &now, today);
        assert_eq!(changed[0].actions[0].status, ActionStatus::Done);
        assert_eq!(changed[0].actions[1].status, ActionStatus::Open);

        plan.updates[0].left_out = true;
        assert_eq!(
            apply_tracker_plan(&plan, &now, today),
            vec![],
            "nothing to write"
        );
    }

    #[test]
    fn the_same_file_imported_twice_adds_its_notes_once() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 9).unwrap();
        let (file, export) = tracker_csv(&meetings(), Lang::Zh, "e1");
        let file = file.replace(
            "2026-12-01 已启动,",
            "\"2026-12-01 已启动\n2026-12-08 评审通过\",",
        );
        let exports = [export];
        let plan = plan_tracker_import(&file, &meetings(), &exports).unwrap();
        assert_eq!(plan.updates[0].new_notes.len(), 1);
        let now = apply_tracker_plan(&plan, &meetings(), today);
        let again = plan_tracker_import(&file, &now, &exports).unwrap();
        assert_eq!(again.updates, vec![]);
    }
}
