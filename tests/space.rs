#![cfg(all(feature = "space", not(target_arch = "wasm32")))]
// Test-only sorting: the one-copy sort rule is about the module's size.
#![allow(clippy::disallowed_methods)]
//! The team space's engine (T1-T4), natively: a meeting goes into the document and comes back
//! unchanged for any text; edits of different fields on two devices both stay; the same field
//! edited on two devices keeps both versions until one is picked; files arriving late, twice,
//! out of order or half-written converge every device to the same meetings, losing no edit.

use chrono::{TimeZone, Utc};
use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, ActionStatus, Meeting, Situation};
use crossmeet::core::domain::templates::meeting_from_template;
use crossmeet::core::space::{Space, Step, LOCAL_ONLY};
use proptest::prelude::*;
use serde_json::Value;

const DEVICES: [&str; 5] = ["a1a1a1a1", "b2b2b2b2", "c3c3c3c3", "d4d4d4d4", "e5e5e5e5"];

fn meeting(id: &str) -> Meeting {
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap();
    let mut counter = 0;
    let mut meeting = meeting_from_template(
        Situation::ProjectCollaboration,
        Lang::Zh,
        id.to_owned(),
        now,
        || {
            counter += 1;
            format!("{id}-{counter}")
        },
    );
    meeting.actions = (0..3)
        .map(|n| ActionItem {
            id: format!("{id}-action-{n}"),
            task: format!("任务 {n}"),
            owner: "李雷".to_owned(),
            ..ActionItem::default()
        })
        .collect();
    meeting
}

fn json(meeting: &Meeting) -> Value {
    serde_json::to_value(meeting).unwrap()
}

/// What the space holds of a meeting: its JSON without the fields each device keeps.
fn shared(meeting: &Meeting) -> Value {
    let mut value = json(meeting);
    for key in LOCAL_ONLY {
        value.as_object_mut().unwrap().remove(key);
    }
    value
}

/// The meeting a device shows after taking in the space's version (as the app does).
fn taken(space: &Space, local: &Meeting) -> Meeting {
    let mut value = space.meeting(&local.id).expect("shared meeting");
    for key in LOCAL_ONLY {
        value[key] = json(local)[key].clone();
    }
    serde_json::from_value(value).expect("the space's meeting reads as a meeting")
}

#[test]
fn a_meeting_comes_back_unchanged() {
    let mut space = Space::create("PMO", DEVICES[0], "王芳", 1);
    let meeting = meeting("m1");
    assert!(space.put_meeting("m1", &json(&meeting), "王芳", 2));
    assert_eq!(space.meeting("m1").unwrap(), shared(&meeting));
    assert_eq!(taken(&space, &meeting), meeting);
    // The same version again is no change: a device's echo of what it took in writes nothing.
    assert!(!space.put_meeting("m1", &json(&meeting), "王芳", 3));
    let reloaded = Space::load(&space.save(), DEVICES[1]).unwrap();
    assert_eq!(reloaded.meeting("m1").unwrap(), shared(&meeting));
    assert_eq!(reloaded.name(), "PMO");
}

proptest! {
    #[test]
    fn any_text_comes_back_unchanged(title in any::<String>(), task in any::<String>(), minutes in any::<String>()) {
        let mut space = Space::create("空间", DEVICES[0], "王芳", 1);
        let mut meeting = meeting("m1");
        space.put_meeting("m1", &json(&meeting), "王芳", 2);
        meeting.title = title;
        meeting.actions[1].task = task;
        meeting.minutes.text = minutes;
        space.put_meeting("m1", &json(&meeting), "王芳", 3);
        let mut other = Space::load(&space.save(), DEVICES[1]).unwrap();
        prop_assert_eq!(taken(&other, &meeting), meeting.clone());
        prop_assert!(other.conflicts("m1").is_empty());
    }
}

/// Two devices of one space: the second joined from the first's file.
fn pair() -> (Space, Space, Meeting) {
    let mut a = Space::create("PMO", DEVICES[0], "王芳", 1);
    let meeting = meeting("m1");
    a.put_meeting("m1", &json(&meeting), "王芳", 2);
    let b = Space::load(&a.save(), DEVICES[1]).unwrap();
    (a, b, meeting)
}

#[test]
fn edits_of_different_fields_on_two_devices_both_stay() {
    let (mut a, mut b, meeting) = pair();
    let mut on_a = meeting.clone();
    on_a.objective = "定下发布日期".to_owned();
    on_a.actions[0].status = ActionStatus::Done;
    a.put_meeting("m1", &json(&on_a), "王芳", 10);
    let mut on_b = meeting.clone();
    on_b.title = "发布协调会".to_owned();
    on_b.actions.push(ActionItem {
        id: "new".to_owned(),
        task: "写通知".to_owned(),
        ..ActionItem::default()
    });
    b.put_meeting("m1", &json(&on_b), "张伟", 11);

    assert_eq!(a.merge(&b.save()).unwrap(), vec!["m1".to_owned()]);
    assert_eq!(b.merge(&a.save()).unwrap(), vec!["m1".to_owned()]);
    let mut both = meeting.clone();
    both.objective = on_a.objective.clone();
    both.actions[0].status = ActionStatus::Done;
    both.title = on_b.title.clone();
    both.actions.push(on_b.actions[3].clone());
    assert_eq!(a.meeting("m1").unwrap(), shared(&both));
    assert_eq!(b.meeting("m1").unwrap(), shared(&both));
    assert!(a.conflicts("m1").is_empty());
}

#[test]
fn the_same_field_on_two_devices_keeps_both_until_one_is_picked() {
    let (mut a, mut b, meeting) = pair();
    let mut on_a = meeting.clone();
    on_a.actions[2].status = ActionStatus::Done;
    a.put_meeting("m1", &json(&on_a), "王芳", 1_000);
    let mut on_b = meeting.clone();
    on_b.actions[2].status = ActionStatus::Blocked;
    b.put_meeting("m1", &json(&on_b), "张伟", 2_000);
    a.merge(&b.save()).unwrap();
    b.merge(&a.save()).unwrap();

    for space in [&mut a, &mut b] {
        let conflicts = space.conflicts("m1");
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        let conflict = &conflicts[0];
        assert_eq!(
            conflict.path,
            vec![
                Step::Key("actions".into()),
                Step::Item("m1-action-2".into()),
                Step::Key("status".into())
            ]
        );
        let mut seen: Vec<(String, String, i64)> = conflict
            .versions
            .iter()
            .map(|v| (v.value.as_str().unwrap().to_owned(), v.author.clone(), v.at))
            .collect();
        seen.sort();
        assert_eq!(
            seen,
            vec![
                ("Blocked".into(), "张伟".into(), 2_000),
                ("Done".into(), "王芳".into(), 1_000)
            ]
        );
    }
    // Both show the same version meanwhile.
    assert_eq!(a.meeting("m1"), b.meeting("m1"));
    // An echo of the shown value does not end the conflict; a pick does, everywhere.
    let shown = taken(&b, &meeting);
    assert!(!b.put_meeting("m1", &json(&shown), "张伟", 3_000));
    assert_eq!(b.conflicts("m1").len(), 1);
    let path = b.conflicts("m1")[0].path.clone();
    assert!(b.resolve("m1", &path, &Value::from("Done"), "张伟", 3_000));
    assert!(b.conflicts("m1").is_empty());
    a.merge(&b.save()).unwrap();
    assert!(a.conflicts("m1").is_empty());
    assert_eq!(taken(&a, &meeting).actions[2].status, ActionStatus::Done);
}

#[test]
fn an_edit_made_before_another_device_s_change_arrived_does_not_undo_it() {
    let (mut a, mut b, meeting) = pair();
    let mut on_b = meeting.clone();
    on_b.objective = "B 改的目标".to_owned();
    b.put_change("m1", &json(&meeting), &json(&on_b), "张伟", 5);
    a.merge(&b.save()).unwrap();
    // A's page had not taken B's change in yet when its user edited the title: its version
    // still holds the old objective, which must not go back into the space.
    let mut on_a = meeting.clone();
    on_a.title = "A 改的标题".to_owned();
    a.put_change("m1", &json(&meeting), &json(&on_a), "王芳", 6);
    let shown = a.meeting("m1").unwrap();
    assert_eq!(shown["objective"], "B 改的目标");
    assert_eq!(shown["title"], "A 改的标题");
    // The same holds inside lists: an action A added and one B removed.
    let mut on_b2 = on_b.clone();
    on_b2.actions.remove(0);
    b.merge(&a.save()).unwrap();
    b.put_change("m1", &json(&on_b), &json(&on_b2), "张伟", 7);
    let mut on_a2 = on_a.clone();
    on_a2.actions.push(ActionItem {
        id: "a-new".into(),
        task: "A 加的".into(),
        ..ActionItem::default()
    });
    a.put_change("m1", &json(&on_a), &json(&on_a2), "王芳", 8);
    a.merge(&b.save()).unwrap();
    b.merge(&a.save()).unwrap();
    let ids: Vec<String> = taken(&a, &meeting)
        .actions
        .into_iter()
        .map(|action| action.id)
        .collect();
    assert_eq!(ids, vec!["m1-action-1", "m1-action-2", "a-new"]);
    assert_eq!(a.meeting("m1"), b.meeting("m1"));
}

#[test]
fn a_half_written_or_foreign_file_changes_nothing() {
    let (mut a, mut b, meeting) = pair();
    let mut edited = meeting.clone();
    edited.title = "改过".to_owned();
    b.put_meeting("m1", &json(&edited), "张伟", 5);
    let whole = b.save();
    let before = a.save();
    for broken in [
        &whole[..whole.len() / 2],
        &whole[..whole.len() - 1],
        b"not automerge".as_slice(),
        &[],
    ] {
        assert!(a.merge(broken).is_err());
        assert_eq!(a.save(), before);
    }
    assert!(Space::load(b"{}", DEVICES[2]).is_err());
    // Another space's file, even one with the same name, is refused: its meetings map would
    // hide this space's.
    let mut elsewhere = Space::create("PMO", DEVICES[2], "赵强", 1);
    elsewhere.put_meeting("m9", &json(&meeting), "赵强", 2);
    assert!(a.merge(&elsewhere.save()).is_err());
    assert_eq!(a.save(), before);
    assert_eq!(a.merge(&whole).unwrap(), vec!["m1".to_owned()]);
    assert_eq!(
        a.merge(&whole).unwrap(),
        Vec::<String>::new(),
        "a file read twice changes nothing"
    );
}

#[test]
fn members_and_last_touches_name_who_wrote() {
    let (mut a, mut b, meeting) = pair();
    let mut edited = meeting.clone();
    edited.title = "新标题".to_owned();
    b.put_meeting("m1", &json(&edited), "张伟", 7_000);
    a.merge(&b.save()).unwrap();
    let mut members: Vec<(String, String)> = a
        .members()
        .into_iter()
        .map(|m| (m.device, m.name))
        .collect();
    members.sort();
    assert_eq!(
        members,
        vec![
            (DEVICES[0].into(), "王芳".into()),
            (DEVICES[1].into(), "张伟".into())
        ]
    );
    let touches = a.last_touches();
    let (_, touch) = touches.iter().find(|(id, _)| id == "m1").unwrap();
    assert_eq!((touch.author.as_str(), touch.at), ("张伟", 7_000));
}

#[test]
fn a_meeting_removed_on_one_device_goes_from_all() {
    let (mut a, mut b, _) = pair();
    assert!(a.remove_meeting("m1", "王芳", 9));
    assert_eq!(b.merge(&a.save()).unwrap(), vec!["m1".to_owned()]);
    assert!(b.meeting("m1").is_none());
}

/// One step of the property test below.
#[derive(Clone, Debug)]
enum Happening {
    /// Device `0` sets the shared title.
    Title(usize, String),
    /// Device `0` sets the task of its own action.
    OwnTask(usize, String),
    /// Device `0` sets the status of the first action.
    Status(usize, u8),
    /// Device `0` adds an action.
    Add(usize, String),
    /// The sync client copies `from`'s file as it was at its `age`-th last write to `to`.
    Deliver { from: usize, to: usize, age: usize },
}

fn steps(devices: usize) -> impl Strategy<Value = Vec<Happening>> {
    let device = 0..devices;
    let step = prop_oneof![
        (device.clone(), "[a-z会议]{0,4}").prop_map(|(d, t)| Happening::Title(d, t)),
        (device.clone(), any::<String>()).prop_map(|(d, t)| Happening::OwnTask(d, t)),
        (device.clone(), 0u8..5).prop_map(|(d, s)| Happening::Status(d, s)),
        (device.clone(), "[a-z]{1,3}").prop_map(|(d, t)| Happening::Add(d, t)),
        (device.clone(), device, 0usize..3).prop_map(|(from, to, age)| Happening::Deliver {
            from,
            to,
            age
        }),
    ];
    proptest::collection::vec(step, 0..40)
}

fn status(n: u8) -> ActionStatus {
    [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Blocked,
        ActionStatus::Done,
        ActionStatus::Cancelled,
    ][n as usize % 5]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn any_edits_delivered_in_any_order_converge_losing_nothing(devices in 2usize..5, steps in steps(4)) {
        let mut start = Space::create("PMO", DEVICES[0], "d0", 0);
        let base = meeting("m1");
        let mut base_with_own = base.clone();
        for d in 0..devices {
            base_with_own.actions.push(ActionItem { id: format!("own-{d}"), ..ActionItem::default() });
        }
        start.put_meeting("m1", &json(&base_with_own), "d0", 1);
        let first = start.save();
        let mut spaces: Vec<Space> = (0..devices).map(|d| Space::load(&first, DEVICES[d]).unwrap()).collect();
        let mut locals: Vec<Meeting> = vec![base_with_own.clone(); devices];
        // Each device's files, newest last, as the sync client may still hold old copies.
        let mut files: Vec<Vec<Vec<u8>>> = vec![vec![first.clone()]; devices];
        let mut own_task: Vec<Option<String>> = vec![None; devices];
        let mut added: Vec<String> = Vec::new();
        let mut titles: Vec<String> = vec![base.title.clone()];
        for (n, step) in steps.into_iter().enumerate() {
            let now = 10 + n as i64;
            // As the app does: what changed since the version last exchanged with the space.
            let edit = |d: usize, locals: &mut Vec<Meeting>, spaces: &mut Vec<Space>, files: &mut Vec<Vec<Vec<u8>>>, change: &dyn Fn(&mut Meeting)| {
                let before = json(&locals[d]);
                change(&mut locals[d]);
                spaces[d].put_change("m1", &before, &json(&locals[d]), &format!("d{d}"), now);
                files[d].push(spaces[d].save());
            };
            match step {
                Happening::Title(d, t) if d < devices => {
                    titles.push(t.clone());
                    edit(d, &mut locals, &mut spaces, &mut files, &|m| m.title = t.clone());
                }
                Happening::OwnTask(d, t) if d < devices => {
                    own_task[d] = Some(t.clone());
                    let id = format!("own-{d}");
                    edit(d, &mut locals, &mut spaces, &mut files, &|m| {
                        m.actions.iter_mut().find(|a| a.id == id).unwrap().task = t.clone()
                    });
                }
                Happening::Status(d, s) if d < devices => {
                    edit(d, &mut locals, &mut spaces, &mut files, &|m| m.actions[0].status = status(s));
                }
                Happening::Add(d, t) if d < devices => {
                    let id = format!("add-{d}-{n}");
                    added.push(id.clone());
                    edit(d, &mut locals, &mut spaces, &mut files, &|m| {
                        m.actions.push(ActionItem { id: id.clone(), task: t.clone(), ..ActionItem::default() })
                    });
                }
                Happening::Deliver { from, to, age } if from < devices && to < devices && from != to => {
                    let held = &files[from];
                    let file = held[held.len().saturating_sub(1 + age)].clone();
                    if !spaces[to].merge(&file).unwrap().is_empty() {
                        locals[to] = taken(&spaces[to], &locals[to]);
                    }
                }
                _ => {}
            }
        }
        // The sync client catches up: every file to every device, twice, in reverse order.
        for _ in 0..2 {
            for from in (0..devices).rev() {
                let file = spaces[from].save();
                for (to, space) in spaces.iter_mut().enumerate() {
                    if to != from {
                        space.merge(&file).unwrap();
                    }
                }
            }
        }
        let shown: Vec<Value> = spaces.iter().map(|s| s.meeting("m1").unwrap()).collect();
        for other in &shown[1..] {
            prop_assert_eq!(other, &shown[0]);
        }
        let conflicts: Vec<_> = spaces.iter_mut().map(|s| s.conflicts("m1")).collect();
        for other in &conflicts[1..] {
            prop_assert_eq!(other.len(), conflicts[0].len());
        }
        let result = taken(&spaces[0], &locals[0]);
        // Each device's own field ends as it last set it; every added action is there.
        for (d, task) in own_task.iter().enumerate() {
            let action = result.actions.iter().find(|a| a.id == format!("own-{d}")).unwrap();
            prop_assert_eq!(&action.task, &task.clone().unwrap_or_default());
        }
        for id in &added {
            prop_assert!(result.actions.iter().any(|a| &a.id == id), "action {} lost", id);
        }
        // The title shown, and any version kept beside it, is one somebody wrote.
        prop_assert!(titles.contains(&result.title));
        for conflict in &conflicts[0] {
            if conflict.path == vec![Step::Key("title".into())] {
                for version in &conflict.versions {
                    prop_assert!(titles.iter().any(|t| version.value == t.as_str()));
                }
            }
        }
    }
}

#[test]
fn the_space_s_version_reads_as_a_stored_record() {
    use crossmeet::core::storage::persist::{decode_meeting, encode_meeting, SCHEMA_VERSION};
    let mut space = Space::create("PMO", DEVICES[0], "王芳", 1);
    let meeting = meeting("m1");
    // As the app sends it: the stored record's text.
    let record: Value = serde_json::from_str(&encode_meeting(&meeting)).unwrap();
    space.put_meeting("m1", &record["meeting"], "王芳", 2);
    // As the app reads it back: the meeting's text in a record, with a save counter.
    let text = space.meeting("m1").unwrap().to_string();
    let fields = text.strip_prefix('{').unwrap();
    let read = decode_meeting(&format!(
        r#"{{"schema":{SCHEMA_VERSION},"meeting":{{"revision":0,{fields}}}"#
    ))
    .unwrap();
    let mut expected = meeting.clone();
    expected.revision = 0;
    expected.updated_at = None;
    assert_eq!(read, expected);
}

mod views {
    //! The space's views as its worker draws them (core/view/space_html.rs).
    use super::*;
    use chrono::FixedOffset;
    use crossmeet::core::domain::i18n::{S, T};
    use crossmeet::core::view::space_html::*;

    const HOSTILE: &str = r#"<img src=x onerror=alert(1)> "'&"#;

    #[test]
    fn hostile_names_and_texts_are_escaped_everywhere() {
        let skipped = vec![(HOSTILE.to_owned(), HOSTILE.to_owned())];
        let view = StatusView {
            folder: Some(HOSTILE),
            read: Some(0),
            written: None,
            pending: true,
            problem: Some(HOSTILE),
            skipped: &skipped,
            members: vec![HOSTILE.to_owned()],
        };
        let conflicts = [ConflictView {
            label: HOSTILE.to_owned(),
            versions: vec![(HOSTILE.to_owned(), HOSTILE.to_owned(), HOSTILE.to_owned())],
        }];
        for lang in [Lang::Zh, Lang::En] {
            for html in [
                status_html(&view, FixedOffset::east_opt(8 * 3600).unwrap(), lang),
                meeting_panel_html(
                    HOSTILE,
                    true,
                    Some((HOSTILE, HOSTILE.to_owned())),
                    &conflicts,
                    lang,
                ),
                meeting_panel_html(HOSTILE, false, None, &[], lang),
            ] {
                assert!(!html.contains("<img"), "{html}");
                assert!(!html.contains(r#""'&"#), "{html}");
            }
        }
    }

    #[test]
    fn a_conflict_is_named_by_its_action_and_field_and_its_status_by_its_label() {
        let meeting = json(&meeting("m1"));
        let path = vec![
            Step::Key("actions".into()),
            Step::Item("m1-action-1".into()),
            Step::Key("status".into()),
        ];
        assert_eq!(
            path_label(&meeting, &path, Lang::Zh),
            "行动项 › 「任务 1」 › 状态"
        );
        assert_eq!(
            path_label(&meeting, &path, Lang::En),
            "Action items › 「任务 1」 › Status"
        );
        assert_eq!(
            value_label(&path, &Value::from("Blocked"), Lang::Zh),
            "受阻"
        );
        assert_eq!(
            value_label(&[Step::Key("title".into())], &Value::from("Q1"), Lang::En),
            "Q1"
        );
        let html = meeting_panel_html(
            "m1",
            true,
            None,
            &[ConflictView {
                label: "x".into(),
                versions: vec![
                    ("a".into(), "王芳".into(), "t".into()),
                    ("b".into(), "张伟".into(), "t".into()),
                ],
            }],
            Lang::Zh,
        );
        assert!(
            html.contains(r#"data-space="resolve" data-arg="m1|0|0""#),
            "{html}"
        );
        assert!(html.contains(r#"data-arg="m1|0|1""#), "{html}");
        assert!(html.contains("1 处冲突"));
    }

    #[test]
    fn the_space_s_status_labels_are_the_app_s() {
        use crossmeet::core::domain::model::ActionStatus;
        let pairs = [
            (ActionStatus::Open, S::StatusOpen),
            (ActionStatus::InProgress, S::StatusInProgress),
            (ActionStatus::Blocked, S::StatusBlocked),
            (ActionStatus::Done, S::StatusDone),
            (ActionStatus::Cancelled, S::StatusCancelled),
        ];
        for lang in [Lang::Zh, Lang::En] {
            for (status, label) in pairs {
                assert_eq!(label.get(lang), status.label().get(lang));
                let key = serde_json::to_value(status).unwrap();
                let path = [Step::Key("status".into())];
                assert_eq!(value_label(&path, &key, lang), label.get(lang));
            }
            assert_eq!(S::Untitled.get(lang), T::Untitled.get(lang));
        }
    }

    #[test]
    fn times_show_in_the_device_s_zone() {
        let at = Utc
            .with_ymd_and_hms(2026, 12, 6, 1, 5, 0)
            .unwrap()
            .timestamp_millis();
        assert_eq!(
            shown_time(at, FixedOffset::east_opt(8 * 3600).unwrap()),
            "2026-12-06 09:05"
        );
        assert_eq!(
            shown_time(at, FixedOffset::west_opt(5 * 3600).unwrap()),
            "2026-12-05 20:05"
        );
    }
}
