//! Other tabs and windows of the app on this device, told of every save through a
//! `BroadcastChannel`, so an open meeting refreshes instead of going stale (issue 7).
//!
//! One channel object both sends and listens: a channel never hears its own messages, so a tab
//! is not told about its own saves.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

const CHANNEL: &str = "crossmeet-saves";

thread_local! {
    static CHANNEL_OF_THIS_PAGE: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
}

/// Tells the other tabs that this one stored meeting `id`.
pub fn announce_saved(id: &str) {
    CHANNEL_OF_THIS_PAGE.with(|channel| {
        if let Some(channel) = channel {
            // Losing a notice only means the other tab learns of the save at its own next save.
            let _ = channel.post_message(&JsValue::from_str(id));
        }
    });
}

/// Calls `on_saved` with the id of each meeting another tab stores, for the page's lifetime.
pub fn listen(on_saved: impl Fn(String) + 'static) {
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        if let Some(id) = event.data().as_string() {
            on_saved(id);
        }
    });
    CHANNEL_OF_THIS_PAGE.with(|channel| {
        if let Some(channel) = channel {
            channel.set_onmessage(Some(handler.as_ref().unchecked_ref()));
        }
    });
    // The app has one listener for the page's whole life.
    handler.forget();
}
