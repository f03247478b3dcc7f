//! The tracker's Excel round trip, as a property (issue 13): for any meetings, with any text in
//! every exported field, the app's own export imports back with no change at all, and a file in
//! which one cell was edited changes exactly that cell; both against the export kept on the device
//! and without it. Against the kept export, an unedited file changes nothing even after any edits
//! in the app since (F3's three-way rule). RELIABILITY.md quotes the case counts.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, ActionStatus, Meeting, ProgressNote};
use crossmeet::core::formats::export::csv::{actions_csv, tracker_csv};
use crossmeet::core::formats::tracker_import::{
    apply_tracker_plan, plan_tracker_import, RowProblem, TrackerPlan,
};

const CASES: u32 = 3_000;

/// Any text, with extra weight on what breaks CSV round trips: formula starts, apostrophes,
/// quotes, separators, line breaks and Chinese.
fn text() -> impl Strategy<Value = String> {
    let awkward_start = prop::sample::select(vec![
        "-", "+", "=", "@", "\t", "\r", "'", "''", "\"", "\r\n", "\n", " ", ",", ";",
    ]);
    prop_oneof![
        any::<String>(),
        "[-+=@'\t\r\n\",; a-z0-9王芳已完成跟进😀]{0,16}",
        (awkward_start, "[^\u{0}]{0,12}").prop_map(|(start, rest)| format!("{start}{rest}")),
    ]
}

fn date() -> impl Strategy<Value = NaiveDate> {
    (2020i32..2031, 1u32..=12, 1u32..=28)
        .prop_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d).expect("a valid day"))
}

fn note() -> impl Strategy<Value = ProgressNote> {
    (prop::option::of(date()), text()).prop_map(|(on, text)| ProgressNote { on, text })
}

fn status() -> impl Strategy<Value = ActionStatus> {
    prop::sample::select(ActionStatus::ALL.to_vec())
}

fn action() -> impl Strategy<Value = ActionItem> {
    (
        (text(), text(), text(), text(), text()),
        prop::option::of(date()),
        status(),
        prop::collection::vec(note(), 0..4),
    )
        .prop_map(
            |((id, task, owner, department, acceptance), deadline, status, progress)| ActionItem {
                id,
                task,
                owner,
                department,
                acceptance,
                deadline,
                status,
                progress,
                ..ActionItem::default()
            },
        )
}

/// One to three meetings with up to four actions each. Ids are arbitrary text made unique by a
/// suffix, as the app's own ids are unique.
fn meetings() -> impl Strategy<Value = Vec<Meeting>> {
    let meeting = (text(), prop::collection::vec(action(), 0..5));
    prop::collection::vec(meeting, 1..4).prop_map(|drafts| {
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
        let mut serial = 0;
        drafts
            .into_iter()
            .enumerate()
            .map(|(index, (title, mut actions))| {
                let mut meeting = Meeting::blank(format!("m{index}"), at);
                meeting.title = title;
                for action in &mut actions {
                    serial += 1;
                    action.id = format!("{}#{serial}", action.id);
                }
                meeting.actions = actions;
                meeting
            })
            .collect()
    })
}

fn language() -> impl Strategy<Value = Lang> {
    prop::sample::select(vec![Lang::Zh, Lang::En])
}

/// One cell of the tracker that a user may edit in Excel.
#[derive(Clone, Debug)]
enum CellEdit {
    Status(ActionStatus),
    Deadline(Option<NaiveDate>),
    /// A line typed under the exported notes: `2026-12-08 评审通过`.
    AppendNote(NaiveDate, String),
}

fn cell_edit() -> impl Strategy<Value = CellEdit> {
    prop_oneof![
        status().prop_map(CellEdit::Status),
        prop::option::of(date()).prop_map(CellEdit::Deadline),
        (date(), "[^\r\n\u{0}]{0,20}[^\r\n\u{0}\\s][^\r\n\u{0}]{0,5}")
            .prop_map(|(on, text)| CellEdit::AppendNote(on, text)),
    ]
}

/// A change made in the app after the export, to one action.
#[derive(Clone, Debug)]
enum AppEdit {
    Status(ActionStatus),
    Deadline(Option<NaiveDate>),
    AddNote(ProgressNote),
    DropNotes,
    Task(String),
    Delete,
}

fn app_edit() -> impl Strategy<Value = AppEdit> {
    prop_oneof![
        status().prop_map(AppEdit::Status),
        prop::option::of(date()).prop_map(AppEdit::Deadline),
        note().prop_map(AppEdit::AddNote),
        Just(AppEdit::DropNotes),
        text().prop_map(AppEdit::Task),
        Just(AppEdit::Delete),
    ]
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn an_unedited_export_reimports_with_no_change(meetings in meetings(), lang in language()) {
        let csv = actions_csv(&meetings, lang);
        let plan = plan_tracker_import(&csv, &meetings, &[]).expect("the app's own file is read");
        let actions: usize = meetings.iter().map(|m| m.actions.len()).sum();
        prop_assert_eq!(plan, TrackerPlan { unchanged: actions, ..TrackerPlan::default() });
    }

    #[test]
    fn an_edited_cell_changes_exactly_that_cell(
        meetings in meetings(),
        lang in language(),
        pick in any::<prop::sample::Index>(),
        edit in cell_edit(),
        kept in any::<bool>(),
    ) {
        let ids: Vec<(usize, usize)> = meetings
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| (0..meeting.actions.len()).map(move |a| (m, a)))
            .collect();
        prop_assume!(!ids.is_empty());
        let (m, a) = ids[pick.index(ids.len())];
        let before = meetings[m].actions[a].clone();
        let mut expected = before.clone();
        match &edit {
            CellEdit::Status(status) => {
                prop_assume!(*status != before.status);
                expected.set_status(*status, today());
            }
            CellEdit::Deadline(deadline) => {
                prop_assume!(*deadline != before.deadline);
                expected.deadline = *deadline;
            }
            CellEdit::AppendNote(on, text) => expected.progress.push(ProgressNote {
                on: Some(*on),
                text: text.trim().to_owned(),
            }),
        }

        // The edited file is the export of the meetings with that one cell changed; an appended
        // note is a line typed under the exported ones, as in Excel (Alt+Enter).
        let mut edited = meetings.clone();
        let target = &mut edited[m].actions[a];
        match &edit {
            CellEdit::Status(status) => target.status = *status,
            CellEdit::Deadline(deadline) => target.deadline = *deadline,
            CellEdit::AppendNote(on, text) => target.progress.push(ProgressNote {
                on: Some(*on),
                text: text.clone(),
            }),
        }
        // Kept: the file carries the export id and the device the exported values.
        let (csv, exports) = if kept {
            (tracker_csv(&edited, lang, "e1").0, vec![tracker_csv(&meetings, lang, "e1").1])
        } else {
            (actions_csv(&edited, lang), vec![])
        };

        let plan = plan_tracker_import(&csv, &meetings, &exports).expect("the app's own file is read");
        prop_assert_eq!(plan.export_known, kept);
        prop_assert!(plan.problems.is_empty(), "{:?}", plan.problems);
        prop_assert_eq!(plan.updates.len(), 1, "{:?}", plan.updates);
        prop_assert_eq!(plan.unchanged, ids.len() - 1);
        let changed = apply_tracker_plan(&plan, &meetings, today());
        prop_assert_eq!(changed.len(), 1);
        prop_assert_eq!(&changed[0].id, &meetings[m].id);
        for (index, action) in changed[0].actions.iter().enumerate() {
            let want = if index == a { &expected } else { &meetings[m].actions[index] };
            prop_assert_eq!(action, want);
        }
    }

    #[test]
    fn an_unedited_export_changes_nothing_after_any_app_edits(
        meetings in meetings(),
        lang in language(),
        export_id in "[a-zA-Z0-9]{1,16}",
        edits in prop::collection::vec((any::<prop::sample::Index>(), app_edit()), 0..12),
    ) {
        let (csv, export) = tracker_csv(&meetings, lang, &export_id);
        let mut now = meetings.clone();
        let ids: Vec<(usize, String)> = now
            .iter()
            .enumerate()
            .flat_map(|(m, meeting)| meeting.actions.iter().map(move |a| (m, a.id.clone())))
            .collect();
        prop_assume!(!ids.is_empty());
        for (pick, edit) in &edits {
            let (m, id) = &ids[pick.index(ids.len())];
            let actions = &mut now[*m].actions;
            let Some(index) = actions.iter().position(|a| &a.id == id) else { continue };
            let action = &mut actions[index];
            match edit {
                AppEdit::Status(status) => action.set_status(*status, today()),
                AppEdit::Deadline(deadline) => action.deadline = *deadline,
                AppEdit::AddNote(note) => action.progress.push(note.clone()),
                AppEdit::DropNotes => action.progress.clear(),
                AppEdit::Task(task) => action.task = task.clone(),
                AppEdit::Delete => {
                    actions.remove(index);
                }
            }
        }

        let plan = plan_tracker_import(&csv, &now, &[export]).expect("the app's own file is read");
        prop_assert!(plan.export_known);
        prop_assert_eq!(&plan.updates, &vec![], "nothing was edited in the file");
        let left: usize = now.iter().map(|m| m.actions.len()).sum();
        prop_assert_eq!(plan.unchanged, left);
        // A row whose action the app deleted is named, never brought back.
        prop_assert_eq!(plan.problems.len(), ids.len() - left);
        let unknown_only = plan.problems.iter().all(|p| matches!(p, RowProblem::UnknownId { .. }));
        prop_assert!(unknown_only, "{:?}", plan.problems);
    }
}
