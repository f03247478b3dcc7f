//! The team space on the app's side (T1-T5): starts the space worker (its own module, fetched
//! only once a user turns the space on), hands it every saved change of a shared meeting, and
//! takes in what other members changed as edits through the one dispatch, so views update field
//! by field and nothing typed here is overwritten. The worker's messages are `[json, extra]`
//! pairs (src/space_worker).

use std::collections::HashMap;

use gloo_storage::{LocalStorage, Storage};
use js_sys::{Array, Reflect, Uint8Array};
use leptos::prelude::*;
use serde_json::{json, Value};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};

use super::browser::{self, DeviceZone};
use super::saving::Watched;
use super::state::AppState;
use crate::core::domain::edit::diff;
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::time::LocalZone;
use crate::core::storage::persist::{decode_meeting, encode_meeting, SCHEMA_VERSION};

/// This device's part in the space: kept in localStorage, so the space starts with the app.
const CONFIG: &str = "crossmeet.space";
/// The worker's loader, written by Trunk beside the app (index.html).
const WORKER_URL: &str = "./space_worker_loader.js";
const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

/// This device's part in a space: `{"device", "name", "space"}`, read as a JSON tree (a
/// derived reader would be a second copy of serde's machinery in the app's module).
fn stored_config() -> Option<Value> {
    let text = LocalStorage::raw().get_item(CONFIG).ok().flatten()?;
    serde_json::from_str::<Value>(&text)
        .ok()
        .filter(|config| config["device"].is_string())
}

#[derive(Default)]
struct Bridge {
    worker: Option<Worker>,
    /// Messages waiting for the worker to be ready.
    outbox: Vec<(String, JsValue)>,
    ready: bool,
    /// The picked folder, kept for asking the browser's permission again with one click.
    folder: Option<JsValue>,
    /// Each shared meeting as last exchanged with the space (its stored text, without the
    /// fields each device keeps): an edit here is what changed since.
    synced: HashMap<String, String>,
    shared: Vec<String>,
}

/// The team space on this page: the worker, and the views it drew, by slot.
#[derive(Clone, Copy)]
pub struct TeamSpace {
    /// This device is in a space.
    pub on: RwSignal<bool>,
    /// The worker's views (escaped HTML), by slot: `settings`, `share`, `meeting:<id>`,
    /// `card:<id>`, `row:<meeting>:<action>` (src/core/view/space_html.rs).
    pub views: RwSignal<HashMap<String, String>>,
    /// The worker module is being fetched and started: shown as progress.
    pub starting: RwSignal<bool>,
    /// Everything else the page keeps of the space, in one value.
    bridge: StoredValue<Bridge, leptos::prelude::LocalStorage>,
}

impl Default for TeamSpace {
    fn default() -> TeamSpace {
        TeamSpace::new()
    }
}

impl TeamSpace {
    pub fn new() -> TeamSpace {
        TeamSpace {
            on: RwSignal::new(stored_config().is_some()),
            views: RwSignal::new(HashMap::new()),
            starting: RwSignal::new(false),
            bridge: StoredValue::new_local(Bridge::default()),
        }
    }

    fn is_shared(self, id: &str) -> bool {
        self.bridge
            .with_value(|b| b.shared.iter().any(|known| known == id))
    }

    /// Starts the space if this device is in one, once the meetings are loaded.
    pub fn resume(self, state: AppState) {
        if let Some(config) = stored_config() {
            self.start(state);
            self.open(config, JsValue::UNDEFINED);
        }
    }

    /// Fetches the worker for the setup form (T2).
    pub fn set_up(self, state: AppState) {
        self.start(state);
    }

    /// Joins or starts the space of `config`, writing to `folder` (a directory handle) or none.
    fn turn_on(self, state: AppState, config: Value, folder: JsValue) {
        if LocalStorage::raw()
            .set_item(CONFIG, &config.to_string())
            .is_err()
        {
            state
                .toasts
                .show(state.text(T::StorageQuota).to_owned(), None);
        }
        self.on.set(true);
        self.open(config, folder);
    }

    fn open(self, mut config: Value, folder: JsValue) {
        config["now"] = json!(browser::now().timestamp_millis());
        let open = json!({ "open": config });
        self.send_with(open, folder);
    }

    /// Starts the worker once, and tells it how to draw: language, clock, the folder picker.
    fn start(self, state: AppState) {
        if self.bridge.with_value(|b| b.worker.is_some()) {
            return;
        }
        let worker = match Worker::new_with_options(WORKER_URL, &web_sys::WorkerOptions::new()) {
            Ok(worker) => worker,
            Err(error) => return self.unavailable(state, &error),
        };
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let text = Reflect::get(&data, &0.into())
                .ok()
                .and_then(|t| t.as_string());
            let extra = Reflect::get(&data, &1.into()).unwrap_or(JsValue::UNDEFINED);
            if let Some(message) = text.and_then(|t| serde_json::from_str::<Value>(&t).ok()) {
                self.receive(state, &message, extra);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // A module that cannot be fetched (offline before its first use) or started.
        let on_error = Closure::<dyn FnMut(web_sys::Event)>::new(move |_| {
            self.unavailable(state, &JsValue::from_str(WORKER_URL));
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        self.bridge.update_value(|b| b.worker = Some(worker));
        self.starting.set(true);
        RUNNING.set(Some(self));
        self.draw_as(state, false);
        // The folder is read while the page is looked at; a sync client delivers within
        // seconds to minutes, so a few seconds' wait is not noticed (T5).
        let _ = set_interval_with_handle(
            move || {
                if self.on.get_untracked() && !browser::document_is_hidden() {
                    self.sync_now();
                }
            },
            SYNC_EVERY,
        );
    }

    fn unavailable(self, state: AppState, error: &JsValue) {
        self.starting.set(false);
        self.bridge.update_value(|b| b.worker = None);
        let reason = describe(error);
        state.toasts.show(
            tr(
                state.prefs.lang.get_untracked(),
                T::SpaceUnavailable,
                &[&reason],
            ),
            None,
        );
    }

    /// The language changed: the worker draws its views again, if it runs.
    pub fn language_changed(self, state: AppState) {
        if self.bridge.with_value(|b| b.worker.is_some()) {
            self.draw_as(state, false);
        }
    }

    /// Tells the worker the language and clock to draw in.
    fn draw_as(self, state: AppState, missing: bool) {
        let lang = state.prefs.lang.get_untracked();
        // Now's offset: times shown across a daylight-saving change may be an hour off.
        let offset = DeviceZone.offset_at(browser::now()).local_minus_utc() / 60;
        self.send(json!({ "view": {
            "lang": format!("{lang:?}"), "offset": offset, "can_pick": can_pick_folder(), "missing": missing,
        }}));
    }

    fn send(self, message: Value) {
        self.send_with(message, JsValue::UNDEFINED);
    }

    fn send_with(self, message: Value, extra: JsValue) {
        let text = message.to_string();
        self.bridge.update_value(|b| match (&b.worker, b.ready) {
            (Some(worker), true) => {
                let _ = worker.post_message(&Array::of2(&text.into(), &extra));
            }
            _ => b.outbox.push((text, extra)),
        });
    }

    fn receive(self, state: AppState, message: &Value, extra: JsValue) {
        if message.get("ready").is_some() {
            let waiting = self.bridge.try_update_value(|b| {
                b.ready = true;
                std::mem::take(&mut b.outbox)
            });
            for (text, extra) in waiting.unwrap_or_default() {
                self.send_with(serde_json::from_str(&text).unwrap_or(Value::Null), extra);
            }
        }
        if let Some(views) = message.get("views").and_then(Value::as_object) {
            self.starting.set(false);
            let shared: Vec<String> = message["shared"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|id| id.as_str().map(str::to_owned))
                .collect();
            self.bridge.update_value(|b| b.shared = shared);
            self.views.update(|drawn| {
                for slot in message["gone"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(Value::as_str)
                {
                    drawn.remove(slot);
                }
                for (slot, html) in views {
                    drawn.insert(slot.clone(), html.as_str().unwrap_or_default().to_owned());
                }
            });
        }
        if let Some(meetings) = message.get("meetings").and_then(Value::as_array) {
            self.take_in(state, meetings);
            for id in message["removed"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                self.bridge.update_value(|b| {
                    b.synced.remove(id);
                });
            }
        }
        if message.get("permission").is_some() {
            self.bridge.update_value(|b| b.folder = Some(extra.clone()));
        }
        if let Some(name) = message.get("file").and_then(Value::as_str) {
            if let Ok(bytes) = extra.dyn_into::<Uint8Array>() {
                let _ = browser::download_bytes(name, "application/octet-stream", &bytes.to_vec());
            }
        }
        if message.get("left").is_some() {
            self.on.set(false);
            // The worker starts its drawing afresh: nothing it drew for the space stays.
            self.views.update(HashMap::clear);
            self.bridge.update_value(|b| b.synced.clear());
        }
        if let Some(toast) = message.get("toast").and_then(Value::as_str) {
            state.toasts.show(toast.to_owned(), None);
        }
    }

    /// Another member's changes: each meeting's change since the version this page had (its
    /// `base`) goes through the one dispatch, so what was typed here meanwhile stays and only
    /// the fields that changed are redrawn.
    fn take_in(self, state: AppState, meetings: &[Value]) {
        let mut new = Vec::new();
        for entry in meetings {
            let (Some(id), Some(theirs)) = (entry["id"].as_str(), entry["meeting"].as_str()) else {
                continue;
            };
            let known = self.bridge.with_value(|b| b.synced.get(id).cloned());
            let base = known.or_else(|| entry["base"].as_str().map(str::to_owned));
            let Some(after) = meeting_of(theirs, state.find(id).as_ref()) else {
                continue;
            };
            self.bridge.update_value(|b| {
                b.synced.insert(id.to_owned(), shared_text(&after));
            });
            let Some(local) = state.find(id) else {
                new.push(after);
                continue;
            };
            // Without a known base (a first join) the space's version is taken whole.
            let before = base
                .and_then(|base| meeting_of(&base, Some(&local)))
                .unwrap_or_else(|| local.clone());
            let edit = diff(&before, &after);
            if !edit.is_nothing() && state.dispatch(id, edit).is_err() {
                // Refused (a row this page removed meanwhile): the space's version wins.
                let _ = state.dispatch(id, diff(&local, &after));
            }
        }
        if !new.is_empty() {
            state.put_meetings(new);
        }
    }

    /// A meeting went to the store, or was deleted: the shared ones' changes go to the space.
    fn saved(self, watched: Watched) {
        match watched {
            Watched::Written(batch) => {
                for (meeting, _) in batch {
                    if self.is_shared(&meeting.id) {
                        self.put(meeting, false);
                    }
                }
            }
            Watched::Deleted(id) => {
                if self.is_shared(id) {
                    self.send(
                        json!({ "remove": { "id": id, "now": browser::now().timestamp_millis() } }),
                    );
                }
            }
        }
    }

    fn put(self, meeting: &Meeting, whole: bool) {
        let after = shared_text(meeting);
        let before = self
            .bridge
            .try_update_value(|b| b.synced.insert(meeting.id.clone(), after.clone()))
            .flatten();
        if !whole && before.as_deref() == Some(after.as_str()) {
            return;
        }
        let before = if whole {
            Value::Null
        } else {
            before.map_or(Value::Null, Value::String)
        };
        self.send(json!({ "put": {
            "id": meeting.id, "before": before, "after": after,
            "now": browser::now().timestamp_millis(),
        }}));
    }

    /// Puts meeting `id` into the space for every member (T3).
    fn share(self, state: AppState, id: &str) {
        if let Some(meeting) = state.find(id) {
            self.bridge.update_value(|b| b.shared.push(id.to_owned()));
            self.put(&meeting, true);
        }
    }

    fn sync_now(self) {
        self.act("sync", "");
    }

    /// Hands the worker a click on one of its views.
    fn act(self, action: &str, arg: &str) {
        self.send(json!({ action: { "arg": arg, "now": browser::now().timestamp_millis() } }));
    }

    /// A click on a view the worker drew (`data-space`, with `data-arg`); `meeting` is the
    /// meeting whose page holds it, if any.
    fn clicked(self, state: AppState, event: &web_sys::Event, meeting: &str) {
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(button) = target.closest("button[data-space]").ok().flatten() else {
            return;
        };
        let action = button.get_attribute("data-space").unwrap_or_default();
        let arg = button.get_attribute("data-arg").unwrap_or_default();
        match action.as_str() {
            "pick" | "no-folder" => {
                let Some(config) = self.form(state, event, true) else {
                    return;
                };
                if action == "pick" {
                    leptos::task::spawn_local(async move {
                        if let Some(folder) = pick_folder().await {
                            self.turn_on(state, config, folder);
                        }
                    });
                } else {
                    self.turn_on(state, config, JsValue::UNDEFINED);
                }
            }
            "share" => self.share(state, meeting),
            "regrant" => self.allow_folder_again(),
            "resolve" => self.act("resolve-version", &arg),
            "leave" => {
                LocalStorage::raw().remove_item(CONFIG).ok();
                self.act("leave", "");
            }
            "sync" | "export" => self.act(&action, ""),
            _ => {}
        }
    }

    /// The setup form's name and space name (the space's may come from a member's file), as
    /// this device's config; `None`, with the form told what is missing, when they are not filled.
    fn form(self, state: AppState, event: &web_sys::Event, needs_space: bool) -> Option<Value> {
        let view = event
            .current_target()?
            .dyn_into::<web_sys::Element>()
            .ok()?;
        let value = |input: &str| {
            view.query_selector(&format!("[data-space-input={input}]"))
                .ok()
                .flatten()
                .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|el| el.value().trim().to_owned())
                .unwrap_or_default()
        };
        let (name, space) = (value("member"), value("name"));
        if name.is_empty() || (needs_space && space.is_empty()) {
            self.draw_as(state, true);
            return None;
        }
        Some(json!({ "device": browser::new_id(), "name": name, "space": space }))
    }

    /// A file chosen in a view the worker drew: a member's space file, taken in by hand (T2).
    fn changed(self, state: AppState, event: &web_sys::Event) {
        let Some(input) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        // Joining by hand (no folder picker): this device is in no space yet; the file makes it
        // a member of the space it comes from.
        if input.get_attribute("data-space").as_deref() == Some("join") {
            let Some(config) = self.form(state, event, false) else {
                return;
            };
            self.on.set(true);
            let _ = LocalStorage::raw().set_item(CONFIG, &config.to_string());
            let mut open = config;
            open["join"] = json!(true);
            self.open(open, JsValue::UNDEFINED);
        }
        leptos::task::spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            if let Ok(buffer) = buffer.and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>()) {
                let bytes: JsValue = Uint8Array::new(&buffer).into();
                self.send_with(json!({ "import": { "file": file.name() } }), bytes);
            }
        });
    }

    /// Asks the browser again for the folder (a click: the browser allows the question only
    /// then), and reconnects when it agrees (T2).
    fn allow_folder_again(self) {
        let Some(folder) = self.bridge.with_value(|b| b.folder.clone()) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let options = js_sys::Object::new();
            let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
            let asked = Reflect::get(&folder, &"requestPermission".into())
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
                .and_then(|f| f.call1(&folder, &options).ok())
                .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
            if let Some(asked) = asked {
                let _ = wasm_bindgen_futures::JsFuture::from(asked).await;
            }
            self.sync_now();
        });
    }
}

/// The worker's view in `slot` (or in `fallback`), with its clicks handled; `None` while it has
/// drawn none. Read in a reactive closure, it follows the worker's drawing.
pub fn space_view(
    state: AppState,
    slot: &str,
    fallback: Option<&str>,
    meeting: &str,
    inline: bool,
) -> Option<impl IntoView> {
    let space = state.space;
    let html = space.views.with(|views| {
        views
            .get(slot)
            .or_else(|| fallback.and_then(|f| views.get(f)))
            .cloned()
    })?;
    let meeting = meeting.to_owned();
    Some(view! {
        <div
            class="space-view"
            class:inline=inline
            inner_html=html
            on:click=move |ev| space.clicked(state, &ev, &meeting)
            on:change=move |ev| space.changed(state, &ev)
        ></div>
    })
}

thread_local! {
    /// The space whose worker runs on this page, told of saves by [`watched`].
    static RUNNING: std::cell::Cell<Option<TeamSpace>> = const { std::cell::Cell::new(None) };
}

/// A meeting went to the store, or was deleted (from `Saving`).
pub fn watched(watched: Watched) {
    if let Some(space) = RUNNING.get() {
        space.saved(watched);
    }
}

/// The space's version of a meeting (its JSON text) as one here, read as a stored record is, so
/// a member's older app version is migrated; the fields each device keeps are this device's (T1).
fn meeting_of(shared: &str, local: Option<&Meeting>) -> Option<Meeting> {
    // This page's own texts are whole records already; the space's are the meeting alone.
    let record = if shared.starts_with(r#"{"schema":"#) {
        decode_meeting(shared)
    } else {
        // The space leaves out the save counter, which a record must have.
        let fields = shared.strip_prefix('{').filter(|rest| rest.trim() != "}")?;
        decode_meeting(&format!(
            r#"{{"schema":{SCHEMA_VERSION},"meeting":{{"revision":0,{fields}}}"#
        ))
    };
    let mut meeting = record.ok()?;
    meeting.revision = local.map_or(0, |m| m.revision);
    meeting.updated_at = Some(
        local
            .and_then(|m| m.updated_at)
            .unwrap_or_else(browser::now),
    );
    Some(meeting)
}

/// A meeting's stored text without the fields each device keeps (the envelope's `meeting`).
fn shared_text(meeting: &Meeting) -> String {
    let mut shared = meeting.clone();
    shared.revision = 0;
    shared.updated_at = None;
    encode_meeting(&shared)
}

/// The folder picker (T2): Chrome, Edge and the Chromium-based browsers have it.
pub fn can_pick_folder() -> bool {
    web_sys::window()
        .is_some_and(|window| Reflect::has(&window, &"showDirectoryPicker".into()).unwrap_or(false))
}

/// Asks the user for the synced folder; `None` if they closed the picker.
pub async fn pick_folder() -> Option<JsValue> {
    let window = web_sys::window()?;
    let picker: js_sys::Function = Reflect::get(&window, &"showDirectoryPicker".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let options = js_sys::Object::new();
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    let _ = Reflect::set(&options, &"id".into(), &"crossmeet-space".into());
    let promise: js_sys::Promise = picker.call1(&window, &options).ok()?.dyn_into().ok()?;
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

fn describe(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}
