//! The synced folder through the File System Access API, called by name (its methods are not in
//! web-sys's stable set): the picked folder's `CrossMeet/<space>/` holds one file per device.

use js_sys::{Array, Object, Promise, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// Calls `method` of `target` with `args` and waits for the promise it returns.
async fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = Reflect::get(target, &method.into())?.dyn_into()?;
    let returned = function.apply(target, &args.iter().collect::<Array>())?;
    match returned.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await,
        Err(value) => Ok(value),
    }
}

fn options(key: &str, value: JsValue) -> JsValue {
    let options = Object::new();
    let _ = Reflect::set(&options, &key.into(), &value);
    options.into()
}

/// The named folder inside `parent`, made if `create`.
pub async fn folder(parent: &JsValue, name: &str, create: bool) -> Result<JsValue, JsValue> {
    call(
        parent,
        "getDirectoryHandle",
        &[name.into(), options("create", create.into())],
    )
    .await
}

/// Whether the folder may be read and written now: "granted", "prompt" or "denied". A browser
/// without the question (the origin's private folder) answers "granted".
pub async fn permission(folder: &JsValue) -> String {
    if !Reflect::has(folder, &"queryPermission".into()).unwrap_or(false) {
        return "granted".to_owned();
    }
    call(
        folder,
        "queryPermission",
        &[options("mode", "readwrite".into())],
    )
    .await
    .ok()
    .and_then(|state| state.as_string())
    .unwrap_or_else(|| "denied".to_owned())
}

/// A file in a folder listing.
pub struct Entry {
    pub name: String,
    pub handle: JsValue,
    pub is_folder: bool,
}

pub async fn list(folder: &JsValue) -> Result<Vec<Entry>, JsValue> {
    let entries = call(folder, "values", &[]).await?;
    let mut found = Vec::new();
    loop {
        let next = call(&entries, "next", &[]).await?;
        if Reflect::get(&next, &"done".into())?.is_truthy() {
            return Ok(found);
        }
        let handle = Reflect::get(&next, &"value".into())?;
        let name = Reflect::get(&handle, &"name".into())?
            .as_string()
            .unwrap_or_default();
        let is_folder = Reflect::get(&handle, &"kind".into())?
            .as_string()
            .as_deref()
            == Some("directory");
        found.push(Entry {
            name,
            handle,
            is_folder,
        });
    }
}

/// A file's bytes, with its last change time and size, which tell a file already read.
pub async fn read(file: &JsValue) -> Result<(Vec<u8>, f64, f64), JsValue> {
    let blob = call(file, "getFile", &[]).await?;
    let modified = Reflect::get(&blob, &"lastModified".into())?
        .as_f64()
        .unwrap_or(0.0);
    let size = Reflect::get(&blob, &"size".into())?.as_f64().unwrap_or(0.0);
    let buffer = call(&blob, "arrayBuffer", &[]).await?;
    Ok((Uint8Array::new(&buffer).to_vec(), modified, size))
}

/// The last change time and size of a file, without reading it.
pub async fn stamp(file: &JsValue) -> Result<(f64, f64), JsValue> {
    let blob = call(file, "getFile", &[]).await?;
    let modified = Reflect::get(&blob, &"lastModified".into())?
        .as_f64()
        .unwrap_or(0.0);
    let size = Reflect::get(&blob, &"size".into())?.as_f64().unwrap_or(0.0);
    Ok((modified, size))
}

/// Writes `bytes` as file `name`: the browser writes a copy and swaps it in on close, so a sync
/// client never picks up half of it from this side.
pub async fn write(folder: &JsValue, name: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let file = call(
        folder,
        "getFileHandle",
        &[name.into(), options("create", true.into())],
    )
    .await?;
    let writable = call(&file, "createWritable", &[]).await?;
    call(&writable, "write", &[Uint8Array::from(bytes).into()]).await?;
    call(&writable, "close", &[]).await?;
    Ok(())
}

/// A browser error's words, for the status panel.
pub fn describe(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|message| message.as_string())
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "error".to_owned())
}
