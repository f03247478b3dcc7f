//! The few browser calls the UI needs, each wrapped once: the clock and time zone, random ids,
//! file download and upload, and the service worker's update signal.

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::time::{format_date_time, LocalZone};
use crate::core::formats::text_file::{decode_text, TextFileError};

/// The current time: the app's one clock read (`clippy.toml` refuses the others). The core
/// never reads the clock; the UI passes this in.
pub fn now() -> DateTime<Utc> {
    #[allow(clippy::disallowed_methods)] // The one allowed read, as above.
    let millis = js_sys::Date::now();
    DateTime::from_timestamp_millis(millis as i64).unwrap_or_default()
}

/// Today's date on this device's calendar.
pub fn today() -> NaiveDate {
    DeviceZone.local(now()).date()
}

/// Compares names the way a Chinese office lists them: by pinyin (the browser's `zh-CN`
/// collation, which also orders Latin names alphabetically). Code-point order when the browser
/// has no `Intl`.
pub fn name_order() -> impl Fn(&str, &str) -> std::cmp::Ordering {
    let locales = js_sys::Array::of1(&JsValue::from_str("zh-CN"));
    let compare = js_sys::Intl::Collator::new(&locales, &js_sys::Object::new()).compare();
    move |a: &str, b: &str| {
        compare
            .call2(&JsValue::NULL, &JsValue::from_str(a), &JsValue::from_str(b))
            .ok()
            .and_then(|order| order.as_f64())
            .and_then(|order| order.partial_cmp(&0.0))
            .unwrap_or_else(|| a.cmp(b))
    }
}

/// This device's time zone, for the core (D5): the offset in force at each instant, daylight
/// saving included, so a July meeting planned in December shows July's time.
pub struct DeviceZone;

impl LocalZone for DeviceZone {
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        let date = js_sys::Date::new(&JsValue::from_f64(at.timestamp_millis() as f64));
        // getTimezoneOffset is minutes *behind* UTC at that date: CST gives -480, EDT 240.
        let minutes = -(date.get_timezone_offset() as i32);
        FixedOffset::east_opt(minutes * 60).unwrap_or(FixedOffset::east_opt(0).unwrap())
    }
}

/// `N` random bytes from the browser's cryptographic generator.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut bytes = [0u8; N];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .is_some_and(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !filled {
        // Crypto is missing only in unusual embeddings, where Web Crypto cannot sign replies
        // either (A1); Math.random is good enough for local ids.
        for byte in &mut bytes {
            *byte = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    bytes
}

/// A random 16-hex-digit id.
pub fn new_id() -> String {
    random_bytes::<8>()
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// An instant as this device's clock shows it, or empty.
pub fn shown_time(at: Option<DateTime<Utc>>) -> String {
    at.map(|at| format_date_time(DeviceZone.local(at)))
        .unwrap_or_default()
}

/// Offers `contents` to the user as a file called `file_name`.
pub fn download(file_name: &str, mime: &str, contents: &str) -> Result<(), JsValue> {
    // The UTF-8 bytes as they are: no round trip through a UTF-16 JS string for a large export.
    download_bytes(file_name, mime, contents.as_bytes())
}

/// Offers `bytes` to the user as a file called `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = gloo_document()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}

/// Why a file the user chose gave no text; the importer changes nothing.
pub enum ReadFileError {
    /// The browser could not read the file (moved, deleted, unreadable): its reason.
    Browser(String),
    /// The bytes are no text the app reads, such as a workbook.
    Decode(TextFileError),
}

impl ReadFileError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ReadFileError::Browser(cause) => tr(lang, T::FileReadFailed, &[cause]),
            ReadFileError::Decode(refused) => refused.message(lang),
        }
    }
}

/// Reads a file the user chose as text, in whichever encoding a spreadsheet or editor saved it
/// (`core::formats::text_file`); `File.text()` would read everything as UTF-8.
pub async fn read_user_text(file: &web_sys::File) -> Result<String, ReadFileError> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|error| {
        ReadFileError::Browser(error.as_string().unwrap_or_else(|| format!("{error:?}")))
    })?;
    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
    decode_text(&bytes, decode_gb18030)
        .map(|decoded| decoded.text)
        .map_err(ReadFileError::Decode)
}

/// The browser's own GB18030 decoder, so its tables stay out of the download; `fatal` makes
/// bytes that are not GB18030 an error instead of replacement characters.
fn decode_gb18030(bytes: &[u8]) -> Option<String> {
    let options = web_sys::TextDecoderOptions::new();
    options.set_fatal(true);
    web_sys::TextDecoder::new_with_label_and_options("gb18030", &options)
        .ok()?
        .decode_with_u8_array(bytes)
        .ok()
}

/// Waits `ms` milliseconds without blocking the page.
pub async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// Whether the service worker has a new version waiting (set by `sw-register.js`).
pub fn update_is_waiting() -> bool {
    global_flag("crossmeetUpdateReady")
}

/// Asks the waiting service worker to take over; the page reloads when it does.
pub fn apply_update() {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Ok(function) = js_sys::Reflect::get(&window, &JsValue::from_str("crossmeetApplyUpdate"))
    {
        if let Some(function) = function.dyn_ref::<js_sys::Function>() {
            let _ = function.call0(&window);
            return;
        }
    }
    let _ = window.location().reload();
}

pub fn set_document_lang(tag: &str) {
    if let Ok(document) = gloo_document() {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", tag);
        }
    }
}

pub fn set_hash(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().set_hash(href.trim_start_matches('#'));
    }
}

/// The page's full address, for links that point back at this app.
pub fn page_address() -> String {
    web_sys::window()
        .and_then(|window| window.location().href().ok())
        .unwrap_or_default()
}

pub fn current_hash() -> String {
    web_sys::window()
        .and_then(|window| window.location().hash().ok())
        .unwrap_or_default()
}

pub fn document_is_hidden() -> bool {
    gloo_document().is_ok_and(|document| document.hidden())
}

/// A text the page's first script left on `window` before the module ran, taken once.
pub fn take_global_text(name: &str) -> Option<String> {
    let window = web_sys::window()?;
    let key = JsValue::from_str(name);
    let value = js_sys::Reflect::get(&window, &key).ok()?.as_string()?;
    let _ = js_sys::Reflect::delete_property(&window, &key);
    Some(value)
}

/// Tells the first screen in `index.html` whether the list had meetings, so a returning user's
/// first paint does not say "no meetings yet" (a hint only: losing it costs nothing).
pub fn remember_has_meetings(has: bool) {
    use gloo_storage::{LocalStorage, Storage};
    let storage = LocalStorage::raw();
    let _ = if has {
        storage.set_item("crossmeet.hasMeetings", "1")
    } else {
        storage.remove_item("crossmeet.hasMeetings")
    };
}

/// Opens the browser's print dialog (Print / Save as PDF); the print stylesheet shows only the
/// tab's `.printable` document.
pub fn print() {
    if let Some(window) = web_sys::window() {
        let _ = window.print();
    }
}

/// Removes the element with `id`, if the page has one.
pub fn remove_element(id: &str) {
    if let Some(element) = gloo_document()
        .ok()
        .and_then(|document| document.get_element_by_id(id))
    {
        element.remove();
    }
}

fn global_flag(name: &str) -> bool {
    web_sys::window()
        .and_then(|window| js_sys::Reflect::get(&window, &JsValue::from_str(name)).ok())
        .is_some_and(|value| value.is_truthy())
}

fn gloo_document() -> Result<web_sys::Document, JsValue> {
    web_sys::window()
        .and_then(|window| window.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// Focuses the element with `id` once the page has rendered it (after a tab switch).
pub fn focus_later(id: String) {
    let _ = leptos::prelude::set_timeout_with_handle(
        move || {
            if let Some(element) = gloo_document()
                .ok()
                .and_then(|document| document.get_element_by_id(&id))
                .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = element.focus();
                element.scroll_into_view();
            }
        },
        std::time::Duration::from_millis(30),
    );
}

/// Copies `text` to the clipboard; `Err` carries the browser's reason.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let clipboard = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("clipboard"))
        .map_err(|_| "no clipboard".to_owned())?;
    let write: js_sys::Function = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or("no clipboard")?;
    let promise: js_sys::Promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .map_err(|error| format!("{error:?}"))?
        .dyn_into()
        .map_err(|_| "no promise".to_owned())?;
    JsFuture::from(promise).await.map(|_| ()).map_err(|error| {
        js_sys::Reflect::get(&error, &JsValue::from_str("message"))
            .ok()
            .and_then(|message| message.as_string())
            .unwrap_or_else(|| "copy refused".to_owned())
    })
}

/// The system share sheet (`navigator.share`), where the browser has one: phones, mostly.
pub fn can_share() -> bool {
    web_sys::window().is_some_and(|window| {
        js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("share"))
            .is_ok_and(|share| share.is_function())
    })
}

/// Hands `text` to the system share sheet; `Err` when the person cancels or it is missing.
pub async fn share_text(text: &str) -> Result<(), JsValue> {
    let navigator = web_sys::window().ok_or(JsValue::NULL)?.navigator();
    let share: js_sys::Function =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))?.dyn_into()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &JsValue::from_str("text"), &JsValue::from_str(text))?;
    let promise: js_sys::Promise = share.call1(&navigator, &data)?.dyn_into()?;
    JsFuture::from(promise).await.map(|_| ())
}

/// A short, gentle tone: the end of a speaking turn (E8).
pub fn beep() {
    let Ok(context) = web_sys::AudioContext::new() else {
        return;
    };
    let (Ok(oscillator), Ok(gain)) = (context.create_oscillator(), context.create_gain()) else {
        return;
    };
    oscillator.frequency().set_value(660.0);
    gain.gain().set_value(0.08);
    let _ = oscillator.connect_with_audio_node(&gain);
    let _ = gain.connect_with_audio_node(&context.destination());
    let _ = oscillator.start();
    let _ = oscillator.stop_with_when(context.current_time() + 0.35);
}

/// Why the screen could not be kept on, as the run view words it (E8): never the browser's own
/// English message.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WakeLockRefused {
    /// The browser has no Screen Wake Lock (older Safari, some in-app browsers).
    Unsupported,
    /// The browser or the system said no, e.g. in battery saving mode.
    Denied,
}

/// Asks the browser to keep the screen on; the returned sentinel releases it.
pub async fn request_wake_lock() -> Result<JsValue, WakeLockRefused> {
    let navigator = web_sys::window()
        .ok_or(WakeLockRefused::Unsupported)?
        .navigator();
    let lock = js_sys::Reflect::get(&navigator, &JsValue::from_str("wakeLock"))
        .ok()
        .filter(|lock| !lock.is_undefined())
        .ok_or(WakeLockRefused::Unsupported)?;
    let request: js_sys::Function = js_sys::Reflect::get(&lock, &JsValue::from_str("request"))
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or(WakeLockRefused::Unsupported)?;
    let promise: js_sys::Promise = request
        .call1(&lock, &JsValue::from_str("screen"))
        .ok()
        .and_then(|promise| promise.dyn_into().ok())
        .ok_or(WakeLockRefused::Denied)?;
    JsFuture::from(promise)
        .await
        .map_err(|_| WakeLockRefused::Denied)
}

pub fn release_wake_lock(sentinel: &JsValue) {
    if let Ok(release) = js_sys::Reflect::get(sentinel, &JsValue::from_str("release")) {
        if let Some(release) = release.dyn_ref::<js_sys::Function>() {
            let _ = release.call0(sentinel);
        }
    }
}

/// Opens `url` in the window named `name` (a new one the first time); false when the browser
/// blocked it.
pub fn open_window(url: &str, name: &str) -> bool {
    web_sys::window()
        .and_then(|window| window.open_with_url_and_target(url, name).ok().flatten())
        .is_some()
}

/// Full screen for room mode; browsers may refuse without a user gesture, which is harmless.
pub fn set_fullscreen(on: bool) {
    let Ok(document) = gloo_document() else {
        return;
    };
    if on {
        if let Some(root) = document.document_element() {
            let _ = root.request_fullscreen();
        }
    } else if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    }
}

/// Whether a key event comes from a field the user is typing in.
pub fn is_typing_target(event: &web_sys::KeyboardEvent) -> bool {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|element| {
            matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
        })
}

/// Enter that submits, not the Enter that confirms a word in a Chinese input method.
pub fn is_enter(event: &web_sys::KeyboardEvent) -> bool {
    event.key() == "Enter" && !event.is_composing()
}

/// Leaves the field being typed in, so single-key shortcuts work again.
pub fn blur_active() {
    if let Some(element) = gloo_document()
        .ok()
        .and_then(|document| document.active_element())
        .and_then(|element| element.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.blur();
    }
}

/// The file picked in a file input's change event. The input is cleared so that the same file,
/// once fixed, can be picked again.
pub fn take_chosen_file(event: &web_sys::Event) -> Option<web_sys::File> {
    let input: web_sys::HtmlInputElement = event.target()?.dyn_into().ok()?;
    let file = input.files()?.get(0)?;
    input.set_value("");
    Some(file)
}
