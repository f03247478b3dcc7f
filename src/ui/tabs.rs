//! Other tabs and windows of the app on this device, told of every save through a
//! `BroadcastChannel`, so an open meeting refreshes instead of going stale (issue 7).

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "crossmeet-saves";

thread_local! {
    static SENDER: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// Tells the other tabs that this one stored meeting `id`.
pub fn announce_saved(id: &str) {
    SENDER.with(|channel| {
        if let Some(channel) = channel {
            // Losing a notice only means the other tab refreshes at its next save's conflict.
            let _ = channel.post_message(&JsValue::from_str(id));
        }
    });
}

/// Calls `on_saved` with the id of each meeting another tab stores, for the page's lifetime.
pub fn listen(on_saved: impl Fn(String) + 'static) {
    let Ok(channel) = BroadcastChannel::new(CHANNEL) else {
        return;
    };
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(id) = event.data().as_string() {
            on_saved(id);
        }
    });
    channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
    // Both live as long as the page: the app has one listener and never removes it.
    handler.forget();
    std::mem::forget(channel);
}
