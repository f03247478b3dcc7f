//! The browser hooks in a real browser (headless Chromium through wasm-bindgen-test-runner), with
//! the Screen Wake Lock API replaced by a fake whose requests the test grants when it chooses:
//! a lock granted after its view is gone is released, one request is on its way at a time, and
//! a held lock is let go when the meeting stops running, and asked for again when the page is
//! shown after being hidden.
#![cfg(target_arch = "wasm32")]

use crossmeet::ui::browser::sleep;
use crossmeet::ui::hooks::use_wake_lock;
use leptos::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// `navigator.wakeLock` that counts requests and releases, and grants only on `grant()`.
fn fake_wake_lock() {
    js_sys::eval(
        r#"
        window.__lock = {
          requests: 0,
          released: 0,
          pending: [],
          grant() {
            for (const resolve of this.pending.splice(0)) {
              resolve({ release: () => { window.__lock.released += 1; return Promise.resolve(); } });
            }
          },
        };
        Object.defineProperty(navigator, "wakeLock", {
          configurable: true,
          value: {
            request: () => {
              window.__lock.requests += 1;
              return new Promise((resolve) => window.__lock.pending.push(resolve));
            },
          },
        });
        "#,
    )
    .unwrap();
    let _ = any_spawner::Executor::init_wasm_bindgen();
}

fn count(name: &str) -> f64 {
    js_sys::eval(&format!("window.__lock.{name}"))
        .unwrap()
        .as_f64()
        .unwrap()
}

fn grant() {
    js_sys::eval("window.__lock.grant()").unwrap();
}

/// Lets effects and promise callbacks run.
async fn settle() {
    sleep(30).await;
}

#[wasm_bindgen_test]
async fn a_lock_granted_after_the_view_is_gone_is_released() {
    fake_wake_lock();
    let owner = Owner::new();
    owner.with(|| use_wake_lock(Memo::new(|_| true), |_| {}));
    settle().await;
    assert_eq!(count("requests"), 1.0, "asked for while active");
    // The run tab is left while the browser is still deciding.
    owner.cleanup();
    grant();
    settle().await;
    assert_eq!(count("released"), 1.0, "the late lock is let go at once");
}

#[wasm_bindgen_test]
async fn one_request_at_a_time_and_released_when_the_meeting_stops() {
    fake_wake_lock();
    let owner = Owner::new();
    let running = owner.with(|| {
        let running = RwSignal::new(true);
        use_wake_lock(Memo::new(move |_| running.get()), |_| {});
        running
    });
    settle().await;
    // The page shown again while the first request is on its way: no second request.
    js_sys::eval("window.dispatchEvent(new Event('visibilitychange'))").unwrap();
    settle().await;
    assert_eq!(count("requests"), 1.0);
    grant();
    settle().await;
    assert_eq!(count("released"), 0.0, "held while the meeting runs");
    running.set(false);
    settle().await;
    assert_eq!(count("released"), 1.0, "paused: let go");
    owner.cleanup();
    settle().await;
    assert_eq!(count("released"), 1.0, "nothing left to release");
}

fn set_page_hidden(hidden: bool) {
    js_sys::eval(&format!(
        "Object.defineProperty(document, 'hidden', {{ configurable: true, get: () => {hidden} }});
         window.dispatchEvent(new Event('visibilitychange'));"
    ))
    .unwrap();
}

#[wasm_bindgen_test]
async fn the_lock_is_asked_for_again_when_the_page_is_shown() {
    fake_wake_lock();
    let owner = Owner::new();
    owner.with(|| use_wake_lock(Memo::new(|_| true), |_| {}));
    settle().await;
    grant();
    settle().await;
    // Hidden: the browser lets go of the lock by itself.
    set_page_hidden(true);
    settle().await;
    assert_eq!(count("requests"), 1.0);
    set_page_hidden(false);
    settle().await;
    assert_eq!(count("requests"), 2.0, "shown again: asked for again");
    grant();
    owner.cleanup();
    settle().await;
    assert_eq!(
        count("released"),
        1.0,
        "the second lock is let go with the view"
    );
    js_sys::eval("delete document.hidden").unwrap();
}
