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

use super::browser;
use super::saving::Watched;
use super::state::{display_title, AppState};
use crate::core::domain::edit::diff;
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::Meeting;
use crate::core::storage::persist::{decode_meeting, encode_meeting, SCHEMA_VERSION};

/// This device's part in the space: kept in localStorage, so the space starts with the app.
const CONFIG: &str = "crossmeet.space";
/// The worker's loader, written by Trunk beside the app (index.html).
const WORKER_URL: &str = "./space_worker_loader.js";
const SYNC_EVERY: std::time::Duration = std::time::Duration::from_secs(10);

#[derive(Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Config {
    pub device: String,
    pub name: String,
    pub space: String,
}

/// What the settings, the list, the tracker and the meeting show of the space.
#[derive(Clone, Copy)]
pub struct TeamSpace {
    pub config: RwSignal<Option<Config>>,
    /// The worker's last status (T5): folder, last read and written, files skipped, problem.
    pub status: RwSignal<Value>,
    pub shared: RwSignal<Vec<String>>,
    /// Per meeting id, its conflicts as the worker sent them (T4).
    pub conflicts: RwSignal<serde_json::Map<String, Value>>,
    pub touches: RwSignal<serde_json::Map<String, Value>>,
    pub members: RwSignal<Vec<Value>>,
    /// The worker is starting (its module downloading): shown as progress.
    pub starting: RwSignal<bool>,
    worker: StoredValue<Option<Worker>, leptos::prelude::LocalStorage>,
    /// Messages waiting for the worker to be ready.
    outbox: StoredValue<Vec<(String, JsValue)>, leptos::prelude::LocalStorage>,
    ready: StoredValue<bool>,
    /// The picked folder, kept for asking the browser's permission again with one click.
    folder: StoredValue<Option<JsValue>, leptos::prelude::LocalStorage>,
    /// Each shared meeting as last exchanged with the space (its stored text, without the
    /// fields each device keeps): an edit here is what changed since.
    synced: StoredValue<HashMap<String, String>>,
}

impl Default for TeamSpace {
    fn default() -> TeamSpace {
        TeamSpace::new()
    }
}

impl TeamSpace {
    pub fn new() -> TeamSpace {
        TeamSpace {
            config: RwSignal::new(LocalStorage::get::<Config>(CONFIG).ok()),
            status: RwSignal::new(Value::Null),
            shared: RwSignal::new(Vec::new()),
            conflicts: RwSignal::new(serde_json::Map::new()),
            touches: RwSignal::new(serde_json::Map::new()),
            members: RwSignal::new(Vec::new()),
            starting: RwSignal::new(false),
            worker: StoredValue::new_local(None),
            outbox: StoredValue::new_local(Vec::new()),
            ready: StoredValue::new(false),
            folder: StoredValue::new_local(None),
            synced: StoredValue::new(HashMap::new()),
        }
    }

    pub fn is_on(self) -> bool {
        self.config.with(Option::is_some)
    }

    pub fn is_shared(self, id: &str) -> bool {
        self.shared
            .with(|shared| shared.iter().any(|known| known == id))
    }

    pub fn conflict_count(self, id: &str) -> usize {
        self.conflicts
            .with(|all| all.get(id).and_then(Value::as_array).map_or(0, Vec::len))
    }

    /// Whether a field of action `action` of meeting `id` holds two versions (T4).
    pub fn action_conflicted(self, id: &str, action: &str) -> bool {
        self.conflicts.with(|all| {
            all.get(id)
                .and_then(Value::as_array)
                .is_some_and(|conflicts| {
                    conflicts.iter().any(|conflict| {
                        conflict["path"]
                            .as_array()
                            .is_some_and(|path| path.iter().any(|step| step["Item"] == action))
                    })
                })
        })
    }

    /// Starts the space if this device has turned it on, once the meetings are loaded.
    pub fn resume(self, state: AppState) {
        if self.is_on() {
            self.start(state, JsValue::UNDEFINED);
        }
    }

    /// Turns the space on with `config`, writing to `folder` (a directory handle) or to none.
    pub fn turn_on(self, state: AppState, config: Config, folder: JsValue) {
        if LocalStorage::set(CONFIG, &config).is_err() {
            state
                .toasts
                .show(state.text(T::StorageQuota).to_owned(), None);
        }
        self.config.set(Some(config));
        self.start(state, folder);
    }

    fn start(self, state: AppState, folder: JsValue) {
        let Some(config) = self.config.get_untracked() else {
            return;
        };
        if self.worker.with_value(Option::is_none) {
            let options = web_sys::WorkerOptions::new();
            let worker = match Worker::new_with_options(WORKER_URL, &options) {
                Ok(worker) => worker,
                Err(error) => {
                    let reason = describe(&error);
                    state.toasts.show(
                        tr(
                            state.prefs.lang.get_untracked(),
                            T::SpaceUnavailable,
                            &[&reason],
                        ),
                        None,
                    );
                    return;
                }
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
            self.worker.set_value(Some(worker));
            self.starting.set(true);
            state.saving.watch(move |watched| self.watched(watched));
            // The folder is read while the page is looked at; a sync client delivers within
            // seconds to minutes, so a few seconds' wait is not noticed (T5).
            let _ = set_interval_with_handle(
                move || {
                    if self.ready.get_value() && !browser::document_is_hidden() {
                        self.sync_now();
                    }
                },
                SYNC_EVERY,
            );
        }
        let open = json!({ "open": {
            "device": config.device, "name": config.name, "space": config.space,
            "now": browser::now().timestamp_millis(),
        }});
        self.send_with(open, folder);
    }

    fn send(self, message: Value) {
        self.send_with(message, JsValue::UNDEFINED);
    }

    fn send_with(self, message: Value, extra: JsValue) {
        let text = message.to_string();
        if !self.ready.get_value() {
            self.outbox
                .update_value(|outbox| outbox.push((text, extra)));
            return;
        }
        self.worker.with_value(|worker| {
            if let Some(worker) = worker {
                let _ = worker.post_message(&Array::of2(&text.into(), &extra));
            }
        });
    }

    fn receive(self, state: AppState, message: &Value, extra: JsValue) {
        if message.get("ready").is_some() {
            self.ready.set_value(true);
            for (text, extra) in self
                .outbox
                .try_update_value(std::mem::take)
                .unwrap_or_default()
            {
                self.send_with(serde_json::from_str(&text).unwrap_or(Value::Null), extra);
            }
        } else if let Some(status) = message.get("status") {
            self.starting.set(false);
            self.status.set(status.clone());
        } else if let Some(space) = message.get("space") {
            let ids: Vec<String> = space["shared"]
                .as_array()
                .map(|ids| {
                    ids.iter()
                        .filter_map(|id| id.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            self.shared.set(ids);
            if let Some(conflicts) = space["conflicts"].as_object() {
                self.conflicts.set(conflicts.clone());
            }
            if let Some(touches) = space.get("touches").and_then(Value::as_object) {
                self.touches.set(touches.clone());
            }
            self.members
                .set(space["members"].as_array().cloned().unwrap_or_default());
        } else if let Some(meetings) = message.get("meetings").and_then(Value::as_array) {
            self.take_in(state, meetings);
            for id in message["removed"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(Value::as_str)
            {
                self.removed_elsewhere(state, id);
            }
        } else if message.get("permission").is_some() {
            self.folder.set_value(Some(extra));
        } else if let Some(name) = message.get("file").and_then(Value::as_str) {
            if let Ok(bytes) = extra.dyn_into::<Uint8Array>() {
                let _ = browser::download_bytes(name, "application/octet-stream", &bytes.to_vec());
            }
        } else if message.get("left").is_some() {
            self.stop();
            state.toasts.show(state.text(T::SpaceLeft).to_owned(), None);
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
            let known = self.synced.with_value(|synced| synced.get(id).cloned());
            let base = known.or_else(|| entry["base"].as_str().map(str::to_owned));
            let Some(after) = meeting_of(theirs, state.find(id).as_ref()) else {
                continue;
            };
            self.synced.update_value(|synced| {
                synced.insert(id.to_owned(), shared_text(&after));
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

    fn removed_elsewhere(self, state: AppState, id: &str) {
        self.synced.update_value(|synced| {
            synced.remove(id);
        });
        if let Some(meeting) = state.find(id) {
            let lang = state.prefs.lang.get_untracked();
            let title = display_title(&meeting, lang);
            state
                .toasts
                .show(tr(lang, T::SpaceRemovedElsewhere, &[&title]), None);
        }
    }

    /// A meeting went to the store, or was deleted: the shared ones' changes go to the space.
    fn watched(self, watched: Watched) {
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
            .synced
            .with_value(|synced| synced.get(&meeting.id).cloned());
        if !whole && before.as_deref() == Some(after.as_str()) {
            return;
        }
        self.synced.update_value(|synced| {
            synced.insert(meeting.id.clone(), after.clone());
        });
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
    pub fn share(self, state: AppState, id: &str) {
        if let Some(meeting) = state.find(id) {
            self.shared.update(|shared| shared.push(id.to_owned()));
            self.put(&meeting, true);
        }
    }

    /// Sets a conflicting field to the version picked, for everyone (T4).
    pub fn resolve(self, id: &str, path: &Value, value: &Value) {
        self.send(json!({ "resolve": {
            "id": id, "path": path, "value": value, "now": browser::now().timestamp_millis(),
        }}));
    }

    pub fn sync_now(self) {
        self.send(json!({ "sync": { "now": browser::now().timestamp_millis() } }));
    }

    pub fn export_file(self) {
        self.send(json!({ "export": {} }));
    }

    pub fn import_file(self, name: &str, bytes: &[u8]) {
        let bytes: JsValue = Uint8Array::from(bytes).into();
        self.send_with(json!({ "import": { "file": name } }), bytes);
    }

    /// Asks the browser again for the folder (a click: the browser allows the question only
    /// then), and reconnects when it agrees (T2).
    pub fn allow_folder_again(self) {
        let Some(folder) = self.folder.get_value() else {
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

    /// Leaves the space: the worker forgets it, the meetings stay here (T3).
    pub fn leave(self) {
        LocalStorage::delete(CONFIG);
        self.send(json!({ "leave": {} }));
    }

    fn stop(self) {
        self.worker.update_value(|worker| {
            if let Some(worker) = worker.take() {
                worker.terminate();
            }
        });
        self.ready.set_value(false);
        self.config.set(None);
        self.shared.set(Vec::new());
        self.conflicts.set(serde_json::Map::new());
        self.status.set(Value::Null);
        self.synced.set_value(HashMap::new());
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
