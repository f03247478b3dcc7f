//! Storage layer in a real browser (headless Chromium through wasm-bindgen-test-runner): meetings
//! round-trip through IndexedDB, deletes stick, and an undecodable record is kept and reported
//! while the others still load; a checked save never overwrites another tab's newer record.
//! Preferences round-trip through localStorage; share links inflate with a size limit.
#![cfg(target_arch = "wasm32")]

use crossmeet::core::model::{ActionItem, Meeting};
use crossmeet::core::persist::DecodeError;
use crossmeet::store::meetings::MeetingStore;
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
    store.save(&first).await.unwrap();
    store.save(&second).await.unwrap();
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
    store.save(&edited).await.unwrap();
    edited.title = "after".into();
    store.save(&edited).await.unwrap();
    let loaded = store.load_all().await.unwrap();
    assert_eq!(loaded.meetings.len(), 1);
    assert_eq!(loaded.meetings[0].title, "after");

    store.delete("m1").await.unwrap();
    assert!(store.load_all().await.unwrap().meetings.is_empty());
}

#[wasm_bindgen_test]
async fn undecodable_record_is_kept_aside_and_others_load() {
    let store = fresh_store("test-quarantine").await;
    store.save(&meeting("good", "still here")).await.unwrap();
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
    store.save(&meeting("other", "x")).await.unwrap();
    let again = store.load_all().await.unwrap();
    assert_eq!(again.undecodable.len(), 2);
    assert_eq!(again.meetings.len(), 2);
}

#[wasm_bindgen_test]
fn preferences_round_trip_through_local_storage() {
    use crossmeet::core::i18n::Lang;
    let english = prefs::Prefs {
        lang: Lang::En,
        turn_minutes: 2,
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
async fn a_checked_save_never_overwrites_a_newer_record_from_another_tab() {
    use crossmeet::store::meetings::Saved;
    let name = "test-two-tabs";
    let this_tab = fresh_store(name).await;
    let other_tab = MeetingStore::open(name).await.unwrap();

    // Both tabs read revision 1.
    let first = this_tab
        .save_checked("tab-a", &[(meeting("m1", "v1"), None)])
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
        .save_checked("tab-b", &[(meeting("m1", "theirs"), Some(1))])
        .await
        .unwrap();
    assert!(matches!(theirs[0], Saved::Written { revision: 2, .. }));
    // …so this tab's save, still based on revision 1, is refused and shows their version.
    let mine = this_tab
        .save_checked("tab-a", &[(meeting("m1", "mine"), Some(1))])
        .await
        .unwrap();
    match &mine[0] {
        Saved::Conflict { id, theirs } => {
            assert_eq!(id, "m1");
            assert_eq!(theirs.as_ref().map(|m| m.title.as_str()), Some("theirs"));
        }
        other => panic!("expected a conflict, got {other:?}"),
    }
    let stored = this_tab.load_one("m1").await.unwrap().unwrap();
    assert_eq!(stored.title, "theirs", "nothing was overwritten");
    // Choosing "keep mine" means saving on top of their revision.
    let kept = this_tab
        .save_checked("tab-a", &[(meeting("m1", "mine"), Some(2))])
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
    use crossmeet::core::share::MAX_LINK_PLAN_BYTES;
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
