//! The few IndexedDB calls the store makes, as futures over web-sys: open with an upgrade, a
//! request's result, a transaction's end. They replace the `idb` crate, which brought tokio's
//! sync primitives and indexmap into the module for the same calls (issue 15's lever).
//!
//! A request's `onsuccess` and `onerror` are the resolve and reject of a promise, so awaiting it
//! continues in a microtask of the success event: the transaction is still active there, and a
//! read followed by a write in one transaction (the checked save) stays atomic.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{DomException, IdbDatabase, IdbRequest, IdbTransaction};

use super::StoreError;

/// A failure as the browser named it; `QuotaExceededError` becomes [`StoreError::Quota`].
pub fn error_of(error: &JsValue) -> StoreError {
    let detail = match error.dyn_ref::<DomException>() {
        Some(exception) => format!("{}: {}", exception.name(), exception.message()),
        None => error
            .as_string()
            .unwrap_or_else(|| "IndexedDB error".to_owned()),
    };
    StoreError::from_detail(detail)
}

/// Waits for `request` and returns its result, or its error.
pub async fn result(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let settled = js_sys::Promise::new(&mut |resolve, reject| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    let outcome = JsFuture::from(settled).await;
    request.set_onsuccess(None);
    request.set_onerror(None);
    match outcome {
        Ok(_) => request.result().map_err(|error| error_of(&error)),
        Err(_) => Err(match request.error() {
            Ok(Some(exception)) => error_of(&exception.into()),
            _ => StoreError::Other("IndexedDB request failed".to_owned()),
        }),
    }
}

/// Waits for `transaction` to end; `true` if it committed, `false` if it was aborted.
pub async fn ended(transaction: &IdbTransaction) -> bool {
    let settled = js_sys::Promise::new(&mut |resolve, _| {
        transaction.set_oncomplete(Some(&resolve));
        transaction.set_onabort(Some(&resolve));
    });
    let event = JsFuture::from(settled).await;
    transaction.set_oncomplete(None);
    transaction.set_onabort(None);
    event
        .ok()
        .and_then(|event| event.dyn_into::<web_sys::Event>().ok())
        .is_some_and(|event| event.type_() == "complete")
}

/// Opens database `name` at `version`. `upgrade` runs on the database when it is created or
/// older; `on_blocked` if the upgrade waits for another tab's connection to close.
pub async fn open(
    name: &str,
    version: u32,
    upgrade: impl FnOnce(&IdbDatabase) + 'static,
    on_blocked: impl FnOnce() + 'static,
) -> Result<IdbDatabase, StoreError> {
    let unavailable = |error: JsValue| StoreError::Unavailable(detail_of(&error));
    // The page's, or the space worker's (src/space_worker): both globals have `indexedDB`.
    let factory = js_sys::Reflect::get(&js_sys::global(), &"indexedDB".into())
        .map_err(unavailable)?
        .dyn_into::<web_sys::IdbFactory>()
        .map_err(|_| StoreError::Unavailable("IndexedDB is not available".to_owned()))?;
    let request = factory.open_with_u32(name, version).map_err(unavailable)?;
    let upgrading = request.clone();
    let on_upgrade = Closure::once_into_js(move || {
        if let Some(db) = upgrading
            .result()
            .ok()
            .and_then(|db| db.dyn_into::<IdbDatabase>().ok())
        {
            upgrade(&db);
        }
    });
    request.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
    request.set_onblocked(Some(Closure::once_into_js(on_blocked).unchecked_ref()));
    let opened = result(&request).await;
    request.set_onupgradeneeded(None);
    request.set_onblocked(None);
    match opened {
        Ok(db) => db.dyn_into::<IdbDatabase>().map_err(unavailable),
        Err(StoreError::Other(detail)) => Err(StoreError::Unavailable(detail)),
        Err(error) => Err(error),
    }
}

/// Calls `on_superseded` once if a newer build elsewhere asks this connection to close, after
/// closing it, so that build's upgrade never waits.
pub fn close_when_superseded(db: &IdbDatabase, on_superseded: impl FnOnce() + 'static) {
    let connection = db.clone();
    let handler = Closure::once_into_js(move || {
        connection.close();
        on_superseded();
    });
    db.set_onversionchange(Some(handler.unchecked_ref()));
}

fn detail_of(error: &JsValue) -> String {
    match error_of(error) {
        StoreError::Other(detail) => detail,
        other => format!("{other:?}"),
    }
}
