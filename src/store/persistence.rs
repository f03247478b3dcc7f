//! Asks the browser to keep this origin's data through storage pressure (D1).

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;

/// `Some(true)` when storage is persistent (already, or granted now), `Some(false)` when the
/// browser declined, `None` when it cannot tell. Headless Chromium declines without engagement,
/// so `false` is a state to show, not an error.
pub async fn request_persistent_storage() -> Option<bool> {
    let storage = web_sys::window()?.navigator().storage();
    let already = await_bool(storage.persisted().ok()?).await;
    if already == Some(true) {
        return already;
    }
    await_bool(storage.persist().ok()?).await
}

async fn await_bool(promise: js_sys::Promise) -> Option<bool> {
    JsFuture::from(promise)
        .await
        .ok()
        .as_ref()
        .and_then(JsValue::as_bool)
}
