//! Storage layer in a real browser (headless Chromium through wasm-bindgen-test-runner): meetings
//! round-trip through IndexedDB, deletes stick, and an undecodable record is kept and reported
//! while the others still load; a checked save never overwrites another tab's newer record.
//! Each write keeps the meeting list's summaries in step; a database of the first layout
//! upgrades, and an upgrade waits for (or closes) other tabs' connections without losing data.
//! Preferences and the leaving journals round-trip through localStorage (journals are never removed
//! unread); share links inflate with a size limit. Every save goes through the checked save the app uses.
#![cfg(target_arch = "wasm32")]
// Test code does not ship: the standard sorts are fine here (clippy.toml keeps them out of the app).
#![allow(clippy::disallowed_methods)]

use crossmeet::core::domain::model::{ActionItem, Meeting};
use crossmeet::core::storage::persist::DecodeError;
use crossmeet::core::storage::summary::MeetingSummary;
use crossmeet::store::meetings::{Durability, MeetingStore};
use crossmeet::store::prefs;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn meeting(id: &str, title: &str) -> Meeting {
    Meeting {
        id: id.into(),
        title: title.into(),
        actions: vec![ActionItem {
            id: format!("{id}-a1"),
            task: "完成技术方案初稿".into(),
            ..ActionItem::default()
        }],
        ..Meeting::default()
    }
}

/// Saves as the app does: a checked save by one tab, every meeting expected to be written.
/// Returns the meetings as stored (with their new revisions).
async fn save(store: &MeetingStore, meetings: &[Meeting]) -> Vec<Meeting> {
    use crossmeet::store::meetings::Saved;
    let batch: Vec<(Meeting, Option<u64>)> = meetings.iter().map(|m| (m.clone(), None)).collect();
    // Strict, as a restore writes: the durability option must be accepted by the browser.
    let outcomes = store
        .save_checked("this-tab", &batch, Durability::Strict)
        .await
        .unwrap();
    outcomes
        .into_iter()
        .zip(meetings)
        .map(|(outcome, meeting)| match outcome {
            Saved::Written { revision, .. } => Meeting {
                revision,
                ..meeting.clone()
            },
            conflict => panic!("expected a write, got {conflict:?}"),
        })
        .collect()
}

/// Each test gets its own database so they cannot see each other's records.
async fn fresh_store(name: &str) -> MeetingStore {
    let factory = idb::Factory::new().unwrap();
    factory.delete(name).unwrap().await.unwrap();
    MeetingStore::open(name).await.unwrap()
}

#[wasm_bindgen_test]
async fn saved_meetings_load_back_after_reopening() {
    let store = fresh_store("test-roundtrip").await;
    let first = meeting("m1", "Q3 上线排期, \"确认\"");
    let second = meeting("m2", "<img src=x onerror=alert(1)>");
    let first = save(&store, &[first]).await.remove(0);
    let second = save(&store, &[second]).await.remove(0);
    store.close();

    let reopened = MeetingStore::open("test-roundtrip").await.unwrap();
    let mut loaded = reopened.load_all().await.unwrap();
    loaded.meetings.sort_by(|a, b| a.id.cmp(&b.id));
    assert_eq!(loaded.meetings, vec![first, second]);
    assert!(loaded.undecodable.is_empty());
}

#[wasm_bindgen_test]
async fn saving_again_replaces_and_delete_removes() {
    let store = fresh_store("test-replace").await;
    let mut edited = meeting("m1", "before");
    save(&store, &[edited.clone()]).await;
    edited.title = "after".into();
    let stored = save(&store, &[edited]).await;
    assert_eq!(stored[0].revision, 2);
    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.meetings.len(), 1);
    assert_eq!(loaded.meetings[0].title, "after");

    store.delete("m1").await.unwrap();
    assert!(store.load_all().await.unwrap().meetings.is_empty());
}

#[wasm_bindgen_test]
async fn undecodable_record_is_kept_aside_and_others_load() {
    let store = fresh_store("test-quarantine").await;
    save(&store, &[meeting("good", "still here")]).await;
    store
        .put_raw("broken", &JsValue::from_str("{\"schema\":2,\"meeting\":"))
        .await
        .unwrap();
    store
        .put_raw(
            "future",
            &JsValue::from_str(r#"{"schema":99,"meeting":{"id":"future"}}"#),
        )
        .await
        .unwrap();

    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.meetings.len(), 1);
    assert_eq!(loaded.meetings[0].title, "still here");
    let mut bad: Vec<_> = loaded.undecodable.iter().map(|r| r.key.as_str()).collect();
    bad.sort();
    assert_eq!(bad, ["broken", "future"]);
    let future = loaded
        .undecodable
        .iter()
        .find(|r| r.key == "future")
        .unwrap();
    assert_eq!(future.error, DecodeError::NewerSchema(99));
    assert!(
        future.raw.contains("\"schema\":99"),
        "raw text kept for export"
    );

    // Saving another meeting leaves the bad records untouched: they are never deleted.
    save(&store, &[meeting("other", "x")]).await;
    let again = store.load_all().await.unwrap();
    assert_eq!(again.undecodable.len(), 2);
    assert_eq!(again.meetings.len(), 2);
}

fn titles(summaries: Option<Vec<MeetingSummary>>) -> Option<Vec<String>> {
    summaries.map(|list| list.into_iter().map(|summary| summary.title).collect())
}

#[wasm_bindgen_test]
async fn every_write_keeps_the_list_summaries_in_step() {
    use crossmeet::store::meetings::Saved;
    let store = fresh_store("test-summaries").await;
    assert_eq!(titles(store.load_summaries().await.unwrap()), Some(vec![]));
    save(&store, &[meeting("m1", "周会"), meeting("m2", "评审")]).await;
    let summaries = store.load_summaries().await.unwrap().unwrap();
    assert_eq!(summaries.len(), 2);
    assert_eq!(summaries[0].open_actions, 1, "counted from the meeting");

    let saved = store
        .save_checked(
            "tab-a",
            &[(meeting("m1", "周会(改)"), Some(1))],
            Durability::Default,
        )
        .await
        .unwrap();
    assert!(matches!(saved[0], Saved::Written { revision: 2, .. }));
    let summaries = store.load_summaries().await.unwrap().unwrap();
    assert_eq!(
        (summaries[0].title.as_str(), summaries[0].revision),
        ("周会(改)", 2)
    );

    store.delete("m2").await.unwrap();
    assert_eq!(
        titles(store.load_summaries().await.unwrap()),
        Some(vec!["周会(改)".to_owned()])
    );

    // A record written around the summaries (here: planted) makes them not current.
    store
        .put_raw("planted", &JsValue::from_str("{}"))
        .await
        .unwrap();
    assert_eq!(store.load_summaries().await.unwrap(), None);
}

/// Creates `name` as the first release did: version 1, a meetings store and nothing else.
async fn first_layout_database(name: &str, meetings: &[Meeting]) -> idb::Database {
    let factory = idb::Factory::new().unwrap();
    factory.delete(name).unwrap().await.unwrap();
    use idb::DatabaseEvent;
    let mut request = factory.open(name, Some(1)).unwrap();
    request.on_upgrade_needed(|event| {
        let db = event.database().unwrap();
        db.create_object_store("meetings", idb::ObjectStoreParams::new())
            .unwrap();
    });
    let db = request.await.unwrap();
    let transaction = db
        .transaction(&["meetings"], idb::TransactionMode::ReadWrite)
        .unwrap();
    let store = transaction.object_store("meetings").unwrap();
    for meeting in meetings {
        let text = crossmeet::core::storage::persist::encode_meeting(meeting);
        store
            .put(
                &JsValue::from_str(&text),
                Some(&JsValue::from_str(&meeting.id)),
            )
            .unwrap()
            .await
            .unwrap();
    }
    transaction.await.unwrap();
    db
}

#[wasm_bindgen_test]
async fn a_first_layout_database_upgrades_and_its_summaries_are_built() {
    let name = "test-upgrade";
    first_layout_database(name, &[meeting("old", "旧会议")])
        .await
        .close();
    let store = MeetingStore::open(name).await.unwrap();
    assert_eq!(
        store.load_summaries().await.unwrap(),
        None,
        "no summaries yet"
    );
    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.meetings[0].title, "旧会议");
    let rebuilt: Vec<MeetingSummary> = loaded.meetings.iter().map(MeetingSummary::from).collect();
    store.rebuild_summaries(&rebuilt).await.unwrap();
    assert_eq!(
        titles(store.load_summaries().await.unwrap()),
        Some(vec!["旧会议".to_owned()])
    );
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_upgrade_waits_for_an_older_tab_and_a_newer_one_closes_this_connection() {
    use std::cell::{Cell, RefCell};
    use std::rc::Rc;
    let name = "test-blocked";
    // An older build's tab still holds the first layout open and never lets go by itself.
    let older_tab = first_layout_database(name, &[meeting("kept", "保留")]).await;
    let blocked = Rc::new(Cell::new(false));
    let superseded = Rc::new(Cell::new(false));
    let opened: Rc<RefCell<Option<MeetingStore>>> = Rc::default();
    {
        let (blocked, superseded, opened) = (blocked.clone(), superseded.clone(), opened.clone());
        wasm_bindgen_futures::spawn_local(async move {
            let store = MeetingStore::open_watched(
                name,
                move || blocked.set(true),
                move || superseded.set(true),
            )
            .await
            .unwrap();
            *opened.borrow_mut() = Some(store);
        });
    }
    sleep(100).await;
    assert!(blocked.get(), "told that the upgrade waits");
    assert!(opened.borrow().is_none());
    older_tab.close();
    // The upgrade then runs and the open completes: waited for, not timed (a loaded machine
    // took over 100 ms in a fresh-clone CI run).
    for _ in 0..50 {
        if opened.borrow().is_some() {
            break;
        }
        sleep(100).await;
    }
    let store = opened
        .borrow_mut()
        .take()
        .expect("opened once the old tab closed");
    assert_eq!(store.load_all().await.unwrap().meetings[0].title, "保留");

    // A newer build upgrading again is not kept waiting: this connection closes itself.
    let factory = idb::Factory::new().unwrap();
    let newer = factory.open(name, Some(99)).unwrap().await.unwrap();
    assert!(superseded.get(), "told that a newer version took over");
    newer.close();
}

#[wasm_bindgen_test]
fn preferences_round_trip_through_local_storage() {
    use crossmeet::core::domain::i18n::Lang;
    let english = prefs::Prefs {
        lang: Lang::En,
        turn_minutes: 2,
        standup_started: Some(chrono::DateTime::UNIX_EPOCH),
        due_soon_days: 3,
        notify_due_soon: true,
        hourly_rate: 450,
    };
    prefs::save(&english).unwrap();
    assert_eq!(prefs::load(), english);
    prefs::save(&prefs::Prefs::default()).unwrap();
    assert_eq!(prefs::load().lang, Lang::Zh);
    assert_eq!(
        prefs::load().turn_minutes,
        3,
        "the guide's 3 minutes by default"
    );
}

#[wasm_bindgen_test]
fn leaving_journals_are_kept_per_tab_and_removed_only_when_told() {
    use crossmeet::core::storage::journal::{encode_journal, read_journal};
    use crossmeet::store::journal;
    use gloo_storage::Storage;
    for (key, _) in journal::read_all() {
        journal::remove(&key);
    }
    let (a, b) = (meeting("a", "第一个标签页"), meeting("b", "second tab"));
    journal::write("tab-1", &encode_journal(&[(&a, Some(2))])).unwrap();
    journal::write("tab-2", &encode_journal(&[(&b, None)])).unwrap();
    journal::write("tab-3", &encode_journal(&[(&b, None)])).unwrap();
    journal::clear("tab-3");
    journal::write("tab-4", "{\"v\":2,\"entries\":[]}").unwrap();
    gloo_storage::LocalStorage::raw()
        .set_item("crossmeet.prefs.unrelated", "kept")
        .unwrap();

    let read = journal::read_all();
    let mut titles: Vec<String> = read
        .iter()
        .flat_map(|(_, text)| read_journal(text).pending)
        .map(|pending| pending.meeting.title)
        .collect();
    titles.sort();
    assert_eq!(titles, ["second tab", "第一个标签页"]);
    assert_eq!(journal::read_all(), read, "reading removes nothing");
    let unreadable: Vec<&String> = read
        .iter()
        .filter(|(_, text)| read_journal(text).unreadable.is_some())
        .map(|(key, _)| key)
        .collect();
    assert_eq!(unreadable, ["crossmeet.journal.tab-4"]);

    for (key, _) in &read {
        if !unreadable.contains(&key) {
            journal::remove(key);
        }
    }
    let left: Vec<String> = journal::read_all()
        .into_iter()
        .map(|(key, _)| key)
        .collect();
    assert_eq!(
        left,
        ["crossmeet.journal.tab-4"],
        "a journal it cannot read stays"
    );
    journal::remove("crossmeet.journal.tab-4");
    assert_eq!(
        gloo_storage::LocalStorage::raw()
            .get_item("crossmeet.prefs.unrelated")
            .unwrap()
            .as_deref(),
        Some("kept"),
        "other keys are left alone"
    );
}

#[wasm_bindgen_test]
async fn a_record_this_build_cannot_read_is_a_conflict_never_no_other_version() {
    use crossmeet::core::storage::save_book::StoredVersion;
    use crossmeet::store::meetings::Saved;
    let store = fresh_store("test-newer-record").await;
    save(&store, &[meeting("m1", "v1")]).await;
    let newer = r#"{"schema":99,"by":"newer-build","meeting":{"id":"m1","revision":2,"title":"from the future"}}"#;
    store
        .put_raw("m1", &JsValue::from_str(newer))
        .await
        .unwrap();

    let mine = store
        .save_checked(
            "this-tab",
            &[(meeting("m1", "mine"), Some(1))],
            Durability::Default,
        )
        .await
        .unwrap();
    match &mine[0] {
        Saved::Conflict {
            theirs: StoredVersion::Unreadable { revision, error },
            ..
        } => {
            assert_eq!(*revision, Some(2));
            assert_eq!(*error, DecodeError::NewerSchema(99));
        }
        other => panic!("expected a conflict with an unreadable record, got {other:?}"),
    }
    let raw = store.load_all().await.unwrap().undecodable;
    assert_eq!(raw.len(), 1);
    assert_eq!(raw[0].raw, newer, "the newer build's record is untouched");
}

#[wasm_bindgen_test]
async fn a_checked_save_never_overwrites_a_newer_record_from_another_tab() {
    use crossmeet::store::meetings::Saved;
    let name = "test-two-tabs";
    let this_tab = fresh_store(name).await;
    let other_tab = MeetingStore::open(name).await.unwrap();

    // Both tabs read revision 1.
    let first = this_tab
        .save_checked("tab-a", &[(meeting("m1", "v1"), None)], Durability::Default)
        .await
        .unwrap();
    assert_eq!(
        first,
        [Saved::Written {
            id: "m1".into(),
            revision: 1
        }]
    );
    // The other tab saves first…
    let theirs = other_tab
        .save_checked(
            "tab-b",
            &[(meeting("m1", "theirs"), Some(1))],
            Durability::Default,
        )
        .await
        .unwrap();
    assert!(matches!(theirs[0], Saved::Written { revision: 2, .. }));
    // …so this tab's save, still based on revision 1, is refused and shows their version.
    let mine = this_tab
        .save_checked(
            "tab-a",
            &[(meeting("m1", "mine"), Some(1))],
            Durability::Default,
        )
        .await
        .unwrap();
    match &mine[0] {
        Saved::Conflict { id, theirs } => {
            assert_eq!(id, "m1");
            match theirs {
                crossmeet::core::storage::save_book::StoredVersion::Readable(theirs) => {
                    assert_eq!(theirs.title, "theirs")
                }
                other => panic!("their version should be readable, got {other:?}"),
            }
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let stored = this_tab.load_one("m1").await.unwrap().unwrap();
    assert_eq!(stored.title, "theirs", "nothing was overwritten");
    // Choosing "keep mine" means saving on top of their revision.
    let kept = this_tab
        .save_checked(
            "tab-a",
            &[(meeting("m1", "mine"), Some(2))],
            Durability::Default,
        )
        .await
        .unwrap();
    assert!(matches!(kept[0], Saved::Written { revision: 3, .. }));
    assert_eq!(
        this_tab.load_one("m1").await.unwrap().unwrap().title,
        "mine"
    );
}

#[wasm_bindgen_test]
async fn share_links_compress_in_the_browser_and_a_bomb_is_stopped() {
    use crossmeet::core::formats::share::MAX_LINK_PLAN_BYTES;
    use crossmeet::ui::deflate::{deflate, inflate};
    let plan = "跨部门周会 agenda; ".repeat(200);
    let compressed = deflate(plan.as_bytes()).await.unwrap();
    assert!(
        compressed.len() < plan.len() / 10,
        "{} bytes",
        compressed.len()
    );
    let back = inflate(&compressed, MAX_LINK_PLAN_BYTES).await.unwrap();
    assert_eq!(back, plan.as_bytes());

    // 8 MiB of zeros deflate to a few kilobytes: a link-sized bomb.
    let bomb = deflate(&vec![0u8; 8 * 1024 * 1024]).await.unwrap();
    assert!(bomb.len() < 64 * 1024);
    let error = inflate(&bomb, MAX_LINK_PLAN_BYTES).await.unwrap_err();
    assert!(error.contains("more than"), "{error}");
    assert!(inflate(b"not deflate at all", MAX_LINK_PLAN_BYTES)
        .await
        .is_err());
}

/// The answer page's draft (A1) is kept per ask, read back exactly, and a stored text that is
/// not a draft starts the form afresh instead of failing.
#[wasm_bindgen_test]
fn answer_drafts_are_kept_per_ask_and_read_back_exactly() {
    use crossmeet::core::formats::asking::draft::Draft;
    use crossmeet::store::drafts;
    use gloo_storage::Storage;
    let mut draft = Draft {
        person: "p1".into(),
        ..Draft::default()
    };
    draft.set("coming", None, "0", false);
    draft.set("reason", None, "出差 \"深圳\"\n<b>", false);
    draft.set("risks", None, "渠道价格战\n预算冻结", false);
    drafts::save("ask-1", &draft).unwrap();
    assert_eq!(drafts::load("ask-1"), Some(draft));
    assert_eq!(drafts::load("ask-2"), None, "another ask has no draft");
    gloo_storage::LocalStorage::raw()
        .set_item("crossmeet.answer.ask-3", "not json")
        .unwrap();
    assert_eq!(drafts::load("ask-3"), None);
}
