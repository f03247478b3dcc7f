//! Every importer fed random and mangled input (issue 7): a backup, a meeting file, a share link
//! and an edited tracker CSV. None may panic; a refusal always says so in both languages; and what
//! an importer accepts changes only what it says it changes.
//!
//! Each property runs `CASES` cases (RELIABILITY.md lists the totals). Mutations start from files
//! the app itself writes, so most cases reach deep into the parsers instead of failing at byte 1.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, TimeZone, Utc};
use proptest::prelude::*;

use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, ActionStatus, AgendaItem, Meeting, Participant};
use crossmeet::core::formats::backup::{export_backup, parse_backup, ImportError};
use crossmeet::core::formats::export::csv::tracker_csv;
use crossmeet::core::formats::share::{
    base64url_encode, decode_link_payload, export_meeting_file, link_plan_text, parse_link_plan,
    parse_meeting_file, prepare_import,
};
use crossmeet::core::formats::tracker_import::{apply_tracker_plan, plan_tracker_import};
use crossmeet::core::storage::persist::{decode_meeting, encode_meeting};

const CASES: u32 = 2_000;

/// When the files are written: a fixed instant, after every sample meeting's.
fn written_at() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 6, 8, 0, 0).unwrap()
}

fn sample_meetings() -> Vec<Meeting> {
    let at = Utc.with_ymd_and_hms(2026, 11, 25, 2, 0, 0).unwrap();
    let mut first = Meeting::blank("m1".into(), at);
    first.title = "跨部门周会 | \"Q4\" =SUM(A1)".into();
    first.agenda.push(AgendaItem {
        id: "g1".into(),
        title: "现状同步".into(),
        minutes: 10,
        ..AgendaItem::default()
    });
    first.participants.push(Participant {
        id: "p1".into(),
        name: "王芳".into(),
        department: "市场部".into(),
        ..Participant::default()
    });
    first.actions = vec![
        ActionItem {
            id: "a1".into(),
            task: "完成方案, 含\n两行".into(),
            owner: "张工".into(),
            deadline: NaiveDate::from_ymd_opt(2026, 12, 1),
            ..ActionItem::default()
        },
        ActionItem {
            id: "a2".into(),
            task: "=HYPERLINK(\"x\")".into(),
            owner: "Li".into(),
            status: ActionStatus::Blocked,
            ..ActionItem::default()
        },
    ];
    let mut second = Meeting::blank("m2".into(), at);
    second.title = "客诉复盘 😀".into();
    second.actions.push(ActionItem {
        id: "a3".into(),
        task: "整改".into(),
        ..ActionItem::default()
    });
    vec![first, second]
}

/// One edit to a text: replace, insert or delete a run of bytes at a position. The result is
/// made valid UTF-8 lossily, as the browser's `File.text()` would.
#[derive(Clone, Debug)]
enum Edit {
    Replace(usize, Vec<u8>),
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
}

fn edits() -> impl Strategy<Value = Vec<Edit>> {
    let bytes = prop_oneof![
        prop::collection::vec(any::<u8>(), 1..8),
        // Bytes that matter to the formats: quotes, separators, brackets, BOM, digits.
        prop::collection::vec(
            prop::sample::select(b"\",\r\n{}[]:\\0123456789-eE.tn".to_vec()),
            1..6
        ),
    ];
    let edit = prop_oneof![
        (any::<usize>(), bytes.clone()).prop_map(|(at, b)| Edit::Replace(at, b)),
        (any::<usize>(), bytes).prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
    ];
    prop::collection::vec(edit, 1..6)
}

fn mangle(text: &str, edits: &[Edit]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for edit in edits {
        let len = bytes.len().max(1);
        match edit {
            Edit::Replace(at, new) => {
                let at = at % len;
                let end = (at + new.len()).min(bytes.len());
                bytes.splice(at..end, new.iter().copied());
            }
            Edit::Insert(at, new) => {
                let at = at % (bytes.len() + 1);
                bytes.splice(at..at, new.iter().copied());
            }
            Edit::Delete(at, count) => {
                let at = at % len;
                let end = (at + count).min(bytes.len());
                if at < end {
                    bytes.drain(at..end);
                }
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn says_nothing_changed(error: &ImportError) {
    assert!(
        error.message(Lang::Zh).contains("未做任何更改"),
        "{error:?}"
    );
    assert!(
        error.message(Lang::En).contains("Nothing was changed"),
        "{error:?}"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: CASES, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn backup_files_never_panic_and_accepted_ones_round_trip(edits in edits()) {
        let text = mangle(&export_backup(&sample_meetings(), written_at()), &edits);
        match parse_backup(&text) {
            Ok(meetings) => {
                for meeting in meetings {
                    prop_assert_eq!(decode_meeting(&encode_meeting(&meeting)), Ok(meeting));
                }
            }
            Err(error) => says_nothing_changed(&error),
        }
    }

    #[test]
    fn any_text_as_a_backup_is_refused_cleanly(text in ".{0,400}") {
        if let Err(error) = parse_backup(&text) {
            says_nothing_changed(&error);
        }
    }

    #[test]
    fn meeting_files_never_panic_and_carry_no_run(edits in edits(), hostile in any::<bool>()) {
        // A file this app writes holds a plan only; a hostile one (made by hand, or another
        // tool) holds a whole meeting with its run, actions and minutes. Neither may bring
        // those in: the import goes through the same preparation as the app's.
        let meetings = sample_meetings();
        let file = if hostile {
            export_backup(&meetings[..1], written_at()).replacen("\"backup\"", "\"meeting\"", 1)
        } else {
            export_meeting_file(&meetings[0], written_at())
        };
        let text = mangle(&file, &edits);
        match parse_meeting_file(&text) {
            Ok(meeting) => {
                let imported = prepare_import(&meetings, meeting, written_at(), || "fresh".into()).meeting;
                prop_assert_eq!(&imported, &imported.plan_only(), "nothing but the plan comes in");
                prop_assert_eq!(imported.revision, 0);
                prop_assert!(meetings.iter().all(|m| m.id != imported.id), "never over a meeting of this device");
            }
            Err(error) => says_nothing_changed(&error),
        }
    }

    #[test]
    fn share_links_never_panic(payload in "[A-Za-z0-9_+/=$%-]{0,300}", bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        if let Err(error) = decode_link_payload(&payload) {
            says_nothing_changed(&error);
        }
        if let Err(error) = parse_link_plan(&bytes) {
            says_nothing_changed(&error);
        }
    }

    #[test]
    fn mangled_link_plans_never_panic(edits in edits()) {
        let text = mangle(&link_plan_text(&sample_meetings()[0]), &edits);
        let payload = base64url_encode(text.as_bytes());
        let bytes = decode_link_payload(&payload).expect("our own encoding decodes");
        prop_assert_eq!(&bytes, text.as_bytes());
        if let Err(error) = parse_link_plan(&bytes) {
            says_nothing_changed(&error);
        }
    }

    #[test]
    fn tracker_csv_changes_only_what_its_preview_lists(edits in edits(), lang in prop::sample::select(vec![Lang::Zh, Lang::En]), kept in any::<bool>()) {
        let meetings = sample_meetings();
        // Against the export it came from, kept on the device, or against none (the old rule).
        let (file, export) = tracker_csv(&meetings, lang, "3f9a2c1d");
        let exports = if kept { vec![export] } else { vec![] };
        let text = mangle(&file, &edits);
        match plan_tracker_import(&text, &meetings, &exports) {
            Ok(plan) => {
                for problem in &plan.problems {
                    prop_assert!(!problem.message(Lang::Zh).is_empty());
                    prop_assert!(!problem.message(Lang::En).is_empty());
                }
                let changed = apply_tracker_plan(&plan, &meetings, NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
                for meeting in &changed {
                    let before = meetings.iter().find(|m| m.id == meeting.id).expect("an existing meeting");
                    prop_assert_eq!(meeting.actions.len(), before.actions.len());
                    for (after, was) in meeting.actions.iter().zip(&before.actions) {
                        let listed = plan.updates.iter().any(|u| u.action_id == after.id);
                        prop_assert!(listed || after == was, "an unlisted action changed: {:?}", after.id);
                        prop_assert_eq!(after.completed_on.is_some(), after.status == ActionStatus::Done);
                        prop_assert_eq!(&after.task, &was.task, "the import never rewrites a task");
                    }
                }
            }
            Err(error) => {
                prop_assert!(error.message(Lang::Zh).contains("未做任何更改"));
                prop_assert!(error.message(Lang::En).contains("Nothing was changed"));
            }
        }
    }
}
