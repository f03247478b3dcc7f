//! Other tabs and windows of the app on this device, over one `BroadcastChannel`: told of every
//! save, so an open meeting refreshes instead of going stale (issue 7), and asked whether they
//! are still open before their leaving journal is taken over (issue 19). The messages are
//! `core::storage::tab_message`.
//!
//! One channel object both sends and listens: a channel never hears its own messages, so a tab
//! is not told about its own saves.

use std::cell::RefCell;
use std::collections::BTreeSet;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{BroadcastChannel, MessageEvent};

use super::browser;
use crate::core::storage::tab_message::TabMessage;

const CHANNEL: &str = "crossmeet-saves";
/// How long a starting tab waits for open tabs to answer. A tab that is open, even hidden,
/// answers within a few milliseconds; one the browser has frozen does not, and counts as closed
/// (its journal then raises at worst a conflict between equal versions, never a loss).
const ANSWER_WAIT_MS: i32 = 250;

thread_local! {
    static CHANNEL_OF_THIS_PAGE: Option<BroadcastChannel> = BroadcastChannel::new(CHANNEL).ok();
    /// Tabs that said they are open since this page started.
    static HEARD_ALIVE: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

fn post(message: TabMessage) {
    CHANNEL_OF_THIS_PAGE.with(|channel| {
        if let Some(channel) = channel {
            // A lost message means at worst a stale view until the next save, or a journal
            // taken over from a tab that was only hidden; neither loses data.
            let _ = channel.post_message(&JsValue::from_str(&message.encode()));
        }
    });
}

/// Tells the other tabs that this one stored meeting `id`.
pub fn announce_saved(id: &str) {
    post(TabMessage::Saved(id.to_owned()));
}

/// Tells the other tabs that this one deleted meeting `id` from the store.
pub fn announce_deleted(id: &str) {
    post(TabMessage::Deleted(id.to_owned()));
}

/// Which of `tabs` are still open: each is asked, and the answers are awaited briefly.
pub async fn open_tabs(tabs: Vec<String>) -> BTreeSet<String> {
    if tabs.is_empty() {
        return BTreeSet::new();
    }
    for tab in &tabs {
        post(TabMessage::AskAlive(tab.clone()));
    }
    browser::sleep(ANSWER_WAIT_MS).await;
    HEARD_ALIVE.with(|heard| {
        let heard = heard.borrow();
        tabs.into_iter().filter(|tab| heard.contains(tab)).collect()
    })
}

/// For the page's lifetime: calls `on_saved` with the id of each meeting another tab stores and
/// `on_deleted` with each it deletes, and answers for this tab (`this_tab`) when a starting tab
/// asks whether it is open.
pub fn listen(
    this_tab: String,
    on_saved: impl Fn(String) + 'static,
    on_deleted: impl Fn(String) + 'static,
) {
    let handler = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let Some(text) = event.data().as_string() else {
            return;
        };
        match TabMessage::decode(&text) {
            TabMessage::Saved(id) => on_saved(id),
            TabMessage::Deleted(id) => on_deleted(id),
            TabMessage::AskAlive(tab) if tab == this_tab => post(TabMessage::Alive(tab)),
            TabMessage::AskAlive(_) => {}
            TabMessage::Alive(tab) => HEARD_ALIVE.with(|heard| {
                heard.borrow_mut().insert(tab);
            }),
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
