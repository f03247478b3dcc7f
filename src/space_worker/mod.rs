//! The space worker (T1, T2, T5): a second module, built by Trunk as a web worker and started
//! only when the user turns the team space on. It holds the space's Automerge document in
//! memory, takes the app's edits of shared meetings, reads the other members' files from the
//! synced folder and writes this device's own, and tells the app what changed. The app's own
//! IndexedDB copy stays the source of its views and exports (T1).
//!
//! Messages are `[json, extra]` pairs: `extra` carries a folder handle or a file's bytes. One
//! message is handled at a time, in order: the document is never read half-changed.

mod folder;
mod saved;

use std::cell::RefCell;
use std::collections::{BTreeMap, HashMap, VecDeque};

use js_sys::{Array, Reflect, Uint8Array};
use serde_json::{json, Value};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

use crate::core::domain::i18n::{fill, Lang, S};
use crate::core::space::{Conflict, NotASpace, Space, Step, Touch};
use crate::core::view::space_html::{self, ConflictView, StatusView};
use saved::{bytes_value, Saved};

/// The folder every space lives under, inside the folder the user picked.
const ROOT_FOLDER: &str = "CrossMeet";
const EXTENSION: &str = ".automerge";

#[derive(Default)]
struct Worker {
    saved: Option<Saved>,
    space: Option<Space>,
    device: String,
    name: String,
    space_name: String,
    /// The folder the user picked, and the space's folder in it once it may be used.
    picked: Option<JsValue>,
    folder: Option<JsValue>,
    /// Each member file's last change time and size when it was last read.
    read_marks: Vec<(String, (f64, f64))>,
    conflicts: BTreeMap<String, Vec<Conflict>>,
    /// Changed since the document was last written to IndexedDB and the folder.
    unwritten: bool,
    /// Versions the app now has, to store with the document: (meeting id, its JSON).
    bases: Vec<(String, String)>,
    status: Status,
    /// Who last changed each meeting, read after others' changes came in (T3).
    touches: HashMap<String, Touch>,
    /// The views as last sent, by slot, so only what changed is sent again.
    drawn: HashMap<String, String>,
    /// Something may have changed the meetings' views since the last drawing.
    redraw_meetings: bool,
    lang: Lang,
    /// The device clock's offset from UTC, for the times shown.
    offset: i32,
    /// The setup form was sent without a name.
    missing: bool,
    can_pick: bool,
}

#[derive(Default, Clone)]
struct Status {
    folder: Option<String>,
    read: Option<i64>,
    written: Option<i64>,
    skipped: Vec<(String, String)>,
    /// Changes stored here that the folder has not had yet.
    pending: bool,
    problem: Option<String>,
}

thread_local! {
    static WORKER: RefCell<Option<Worker>> = RefCell::new(Some(Worker::default()));
    static QUEUE: RefCell<VecDeque<(Value, JsValue)>> = const { RefCell::new(VecDeque::new()) };
}

fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

fn post(message: Value, extra: Option<JsValue>) {
    let pair = Array::of2(
        &message.to_string().into(),
        &extra.unwrap_or(JsValue::UNDEFINED),
    );
    let _ = scope().post_message(&pair);
}

/// Starts listening to the app.
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|event: MessageEvent| {
        let data = event.data();
        let text = Reflect::get(&data, &0.into())
            .ok()
            .and_then(|t| t.as_string());
        let extra = Reflect::get(&data, &1.into()).unwrap_or(JsValue::UNDEFINED);
        let Some(message) = text.and_then(|text| serde_json::from_str::<Value>(&text).ok()) else {
            return;
        };
        let idle = QUEUE.with_borrow_mut(|queue| {
            queue.push_back((message, extra));
            queue.len() == 1
        });
        if idle {
            wasm_bindgen_futures::spawn_local(run());
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post(json!({ "ready": true }), None);
}

/// Handles queued messages one after another, then writes what they changed.
async fn run() {
    let mut worker = WORKER.with_borrow_mut(Option::take).unwrap_or_default();
    loop {
        let Some((message, extra)) = QUEUE.with_borrow(|queue| queue.front().cloned()) else {
            break;
        };
        worker.handle(&message, extra).await;
        let more = QUEUE.with_borrow_mut(|queue| {
            queue.pop_front();
            !queue.is_empty()
        });
        if !more {
            worker.write_out(now()).await;
            worker.draw();
            // Messages that came during the write.
            if QUEUE.with_borrow(VecDeque::is_empty) {
                break;
            }
        }
    }
    WORKER.with_borrow_mut(|slot| *slot = Some(worker));
}

/// The reason codes the app words (`T::SpaceUnreadable`, `T::SpaceOther`); anything else is the
/// browser's own message.
fn reason(why: NotASpace) -> String {
    match why {
        NotASpace::Unreadable => "unreadable",
        NotASpace::OtherSpace => "other-space",
    }
    .to_owned()
}

/// The worker's memory in bytes, for the benchmarks (BENCHMARKS.md).
fn memory() -> f64 {
    wasm_bindgen::memory()
        .unchecked_into::<js_sys::WebAssembly::Memory>()
        .buffer()
        .unchecked_into::<js_sys::ArrayBuffer>()
        .byte_length() as f64
}

/// The worker's one clock read (the app's is `ui::browser::now`, which needs a window).
#[allow(clippy::disallowed_methods)]
fn now() -> i64 {
    js_sys::Date::now() as i64
}

/// A meeting from the app: its stored record's text (`{"schema":…,"meeting":{…}}`), as JSON.
fn record(text: &Value) -> Option<Value> {
    let mut record: Value = serde_json::from_str(text.as_str()?).ok()?;
    Some(record.get_mut("meeting")?.take())
}

fn text(message: &Value, key: &str) -> String {
    message[key].as_str().unwrap_or_default().to_owned()
}

impl Worker {
    async fn handle(&mut self, message: &Value, extra: JsValue) {
        let Some((kind, body)) = message.as_object().and_then(|m| m.iter().next()) else {
            return;
        };
        let at = body["now"].as_i64().unwrap_or_else(now);
        match kind.as_str() {
            "open" => self.open(body, extra, at).await,
            "put" => {
                let id = text(body, "id");
                let Some(after) = record(&body["after"]) else {
                    return;
                };
                // Without the page's earlier version (its first save since it opened), the
                // version this device last had is the one stored here: only what changed since
                // goes in, never the whole meeting over others' changes.
                let mut before = record(&body["before"]);
                if before.is_none() {
                    if let Some(saved) = &self.saved {
                        let base = saved.text(&format!("base:{id}")).await.ok().flatten();
                        before = base.and_then(|base| serde_json::from_str(&base).ok());
                    }
                }
                if let Some(space) = &mut self.space {
                    let changed = match before {
                        None => space.put_meeting(&id, &after, &self.name, at),
                        Some(before) => space.put_change(&id, &before, &after, &self.name, at),
                    };
                    self.unwritten |= changed;
                    self.bases.push((id.clone(), after.to_string()));
                    self.refresh_conflicts(&[id]);
                }
            }
            "remove" => {
                let id = text(body, "id");
                if let Some(space) = &mut self.space {
                    self.unwritten |= space.remove_meeting(&id, &self.name, at);
                    self.conflicts.remove(&id);
                    self.redraw_meetings = true;
                }
            }
            "sync" => {
                let changed = self.sync(at).await;
                if !changed.is_empty() {
                    self.deliver(changed).await;
                }
            }
            "view" => {
                self.lang = if body["lang"] == "En" {
                    Lang::En
                } else {
                    Lang::Zh
                };
                self.offset = body["offset"].as_i64().unwrap_or(0) as i32;
                self.can_pick = body["can_pick"].as_bool().unwrap_or(false);
                self.missing = body["missing"].as_bool().unwrap_or(false);
                self.redraw_meetings = true;
            }
            "resolve-version" => {
                // `id|conflict|version`, as drawn in the meeting's panel.
                let arg = text(body, "arg");
                let mut parts = arg.rsplitn(3, '|');
                let (version, conflict, id) = (parts.next(), parts.next(), parts.next());
                let picked = id
                    .zip(conflict.and_then(|c| c.parse::<usize>().ok()))
                    .and_then(|(id, c)| {
                        let conflict = self.conflicts.get(id)?.get(c)?;
                        let version = conflict.versions.get(version?.parse::<usize>().ok()?)?;
                        Some((id.to_owned(), conflict.path.clone(), version.value.clone()))
                    });
                if let (Some((id, path, value)), Some(space)) = (picked, &mut self.space) {
                    if space.resolve(&id, &path, &value, &self.name, at) {
                        self.unwritten = true;
                        self.deliver(vec![id]).await;
                    }
                }
            }
            "export" => {
                if let Some(space) = &mut self.space {
                    let bytes = space.save();
                    post(
                        json!({ "file": format!("{}{EXTENSION}", self.device) }),
                        Some(bytes_value(&bytes)),
                    );
                }
            }
            "import" => {
                let bytes = extra
                    .dyn_into::<Uint8Array>()
                    .map(|b| b.to_vec())
                    .unwrap_or_default();
                let name = text(body, "file");
                self.take_in(&name, &bytes).await;
            }
            "leave" => {
                if let Some(saved) = &self.saved {
                    let _ = saved.clear().await;
                }
                let (lang, offset, can_pick) = (self.lang, self.offset, self.can_pick);
                *self = Worker {
                    lang,
                    offset,
                    can_pick,
                    ..Worker::default()
                };
                post(json!({ "left": true, "toast": S::Left.get(lang) }), None);
            }
            _ => {}
        }
    }

    async fn open(&mut self, body: &Value, extra: JsValue, at: i64) {
        self.device = text(body, "device");
        self.name = text(body, "name");
        self.space_name = text(body, "space");
        let saved = match Saved::open().await {
            Ok(saved) => saved,
            Err(error) => {
                self.status.problem = Some(format!("IndexedDB: {}", error.detail()));
                return;
            }
        };
        if extra.is_object() {
            let _ = saved.put(&[("folder".to_owned(), extra.clone())]).await;
            self.picked = Some(extra);
        } else {
            self.picked = saved.get("folder").await.ok().filter(JsValue::is_object);
        }
        if let Ok(Some(bytes)) = saved.bytes("doc").await {
            self.space = Space::load(&bytes, &self.device).ok();
        }
        self.saved = Some(saved);
        self.connect().await;
        if self.space.is_none() {
            self.join().await;
        }
        // Joining by hand: the member's file that follows makes the space here.
        if self.space.is_none() && body["join"] != true {
            self.space = Some(Space::create(
                &self.space_name,
                &self.device,
                &self.name,
                at,
            ));
        }
        self.unwritten = true;
        let mut ids = self.sync(at).await;
        // The app has the space as it stood when this device last wrote: only what changed
        // since goes to it, not a thousand meetings at every start.
        let delivered = match &self.saved {
            Some(saved) => saved.text("delivered").await.ok().flatten(),
            None => None,
        };
        if let Some(space) = &mut self.space {
            let since = delivered.and_then(|heads| space.changed_since(&heads));
            for id in since.unwrap_or_else(|| space.meeting_ids()) {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        }
        // Conflicts are kept in memory only: found again for every meeting (those delivered
        // are looked at by `deliver`).
        let others: Vec<String> = self
            .space
            .as_ref()
            .map(Space::meeting_ids)
            .unwrap_or_default()
            .into_iter()
            .filter(|id| !ids.contains(id))
            .collect();
        self.refresh_conflicts(&others);
        self.deliver(ids).await;
    }

    /// Uses the picked folder if the browser allows it now; otherwise asks the app to ask the
    /// user, with one click (T2).
    async fn connect(&mut self) {
        self.folder = None;
        let Some(picked) = self.picked.clone() else {
            self.status.folder = None;
            return;
        };
        self.status.folder = Reflect::get(&picked, &"name".into())
            .ok()
            .and_then(|n| n.as_string());
        if folder::permission(&picked).await != "granted" {
            self.status.problem = Some("permission".to_owned());
            post(json!({ "permission": true }), Some(picked));
            return;
        }
        let space_folder = match folder::folder(&picked, ROOT_FOLDER, true).await {
            Ok(root) => folder::folder(&root, &self.space_name, true).await,
            Err(error) => Err(error),
        };
        match space_folder {
            Ok(space_folder) => {
                self.folder = Some(space_folder);
                if self.status.problem.as_deref() == Some("permission")
                    || self.status.problem.is_some()
                {
                    self.status.problem = None;
                }
            }
            Err(error) => self.status.problem = Some(folder::describe(&error)),
        }
    }

    /// Starts from a member's file: the space's document is made once, by its first member.
    async fn join(&mut self) {
        let Some(space_folder) = self.folder.clone() else {
            return;
        };
        for entry in folder::list(&space_folder).await.unwrap_or_default() {
            if entry.is_folder || !entry.name.ends_with(EXTENSION) {
                continue;
            }
            if let Ok((bytes, modified, size)) = folder::read(&entry.handle).await {
                if let Ok(space) = Space::load(&bytes, &self.device) {
                    self.space = Some(space);
                    // Read already: the sync that follows need not take it in again.
                    mark_read(&mut self.read_marks, entry.name, (modified, size));
                    return;
                }
            }
        }
    }

    /// Reads the member files that changed since they were last read, and takes them in:
    /// returns the meetings they changed, for the app.
    async fn sync(&mut self, at: i64) -> Vec<String> {
        if self.folder.is_none() || self.status.problem.as_deref() == Some("permission") {
            self.connect().await;
        }
        let Some(space_folder) = self.folder.clone() else {
            return Vec::new();
        };
        let entries = match folder::list(&space_folder).await {
            Ok(entries) => entries,
            Err(error) => {
                self.status.problem = Some(folder::describe(&error));
                self.folder = None;
                return Vec::new();
            }
        };
        let own = format!("{}{EXTENSION}", self.device);
        let mut changed = Vec::new();
        let mut read_any = false;
        for entry in entries {
            if entry.is_folder || !entry.name.ends_with(EXTENSION) || entry.name == own {
                continue;
            }
            let Ok(stamp) = folder::stamp(&entry.handle).await else {
                continue;
            };
            if self
                .read_marks
                .iter()
                .any(|(name, mark)| *name == entry.name && *mark == stamp)
            {
                continue;
            }
            mark_read(&mut self.read_marks, entry.name.clone(), stamp);
            read_any = true;
            match folder::read(&entry.handle).await {
                Ok((bytes, ..)) => changed.extend(self.merge(&entry.name, &bytes)),
                Err(error) => self.skip(&entry.name, folder::describe(&error)),
            }
        }
        self.status.read = Some(at);
        if changed.is_empty() && read_any {
            // New members, or changes that touched no meeting: the member list still moves.
            self.read_touches();
        }
        changed
    }

    /// A file given by hand (browsers without the folder picker, T2).
    async fn take_in(&mut self, name: &str, bytes: &[u8]) {
        if self.space.is_none() {
            match Space::load(bytes, &self.device) {
                Ok(space) => {
                    self.space_name = space.name();
                    self.space = Some(space);
                }
                Err(why) => return self.skip(name, reason(why)),
            }
            self.unwritten = true;
            let ids = self
                .space
                .as_ref()
                .map(Space::meeting_ids)
                .unwrap_or_default();
            return self.deliver(ids).await;
        }
        let changed = self.merge(name, bytes);
        self.unwritten |= !changed.is_empty();
        self.deliver(changed).await;
    }

    fn merge(&mut self, name: &str, bytes: &[u8]) -> Vec<String> {
        let Some(space) = &mut self.space else {
            return Vec::new();
        };
        match space.merge(bytes) {
            Ok(changed) => {
                self.status.skipped.retain(|(file, _)| file != name);
                changed
            }
            Err(why) => {
                self.skip(name, reason(why));
                Vec::new()
            }
        }
    }

    fn skip(&mut self, name: &str, why: String) {
        self.status.skipped.retain(|(file, _)| file != name);
        self.status.skipped.push((name.to_owned(), why));
    }

    fn refresh_conflicts(&mut self, ids: &[String]) {
        let Some(space) = &mut self.space else {
            return;
        };
        for id in ids {
            self.conflicts.remove(id);
        }
        // The changes telling each version's author are read once for all of them.
        self.conflicts.extend(space.conflicts_in(ids));
        self.redraw_meetings = true;
    }

    /// Sends the app the space's version of meetings `ids`, each with the version the app had
    /// before (so it takes in only what changed), and remembers it as the app's version now.
    async fn deliver(&mut self, ids: Vec<String>) {
        self.refresh_conflicts(&ids);
        let Some(space) = &self.space else {
            return;
        };
        let mut meetings = Vec::new();
        let mut removed = Vec::new();
        for id in &ids {
            let base = match &self.saved {
                Some(saved) => saved.text(&format!("base:{id}")).await.ok().flatten(),
                None => None,
            };
            // Texts, not trees: the app reads them as it reads a stored record.
            match space.meeting(id) {
                Some(meeting) => {
                    let meeting = meeting.to_string();
                    self.bases.push((id.clone(), meeting.clone()));
                    meetings.push(json!({ "id": id, "meeting": meeting, "base": base }));
                }
                None => {
                    // Another member took it out: said with its title as this device last had it.
                    let title = base
                        .as_deref()
                        .and_then(|base| serde_json::from_str::<Value>(base).ok())
                        .and_then(|meeting| meeting["title"].as_str().map(str::to_owned))
                        .filter(|title| !title.is_empty())
                        .unwrap_or_else(|| S::Untitled.get(self.lang).to_owned());
                    post(
                        json!({ "toast": fill(S::RemovedElsewhere.get(self.lang), &[&title]) }),
                        None,
                    );
                    removed.push(id.clone());
                }
            }
        }
        post(
            json!({ "meetings": meetings, "removed": removed, "memory": memory() }),
            None,
        );
        self.read_touches();
    }

    /// Who last changed each meeting (T3): read from the changes' notes after others' changes
    /// came in; this device's own are known as it makes them.
    fn read_touches(&mut self) {
        if let Some(space) = &mut self.space {
            self.touches = space.last_touches().into_iter().collect();
            self.redraw_meetings = true;
        }
    }

    /// Draws every view of the space and sends those that changed: the settings and the
    /// header, and for each shared meeting its panel, its card's marks and its conflicting
    /// actions' row marks, with the list of shared meetings (T3-T5). The meetings' views are
    /// drawn only when something may have changed them: a tick of the clock that brought
    /// nothing draws two views, not three per meeting.
    fn draw(&mut self) {
        let lang = self.lang;
        let offset = chrono::FixedOffset::east_opt(self.offset * 60)
            .unwrap_or(chrono::FixedOffset::east_opt(0).expect("zero"));
        let mut views: HashMap<String, String> = HashMap::new();
        let mut shared = Vec::new();
        match &mut self.space {
            None => {
                views.insert(
                    "settings".to_owned(),
                    space_html::setup_html(self.missing, self.can_pick, lang),
                );
            }
            Some(space) => {
                let members = space
                    .members()
                    .into_iter()
                    .map(|member| member.name)
                    .collect();
                let view = StatusView {
                    folder: self.status.folder.as_deref(),
                    read: self.status.read,
                    written: self.status.written,
                    pending: self.status.pending,
                    problem: self.status.problem.as_deref(),
                    skipped: &self.status.skipped,
                    members,
                };
                let redraw = std::mem::take(&mut self.redraw_meetings);
                if !redraw {
                    // Nothing changed the meetings: their views stay as drawn.
                    views.extend(
                        self.drawn
                            .iter()
                            .filter(|(slot, _)| slot.contains(':'))
                            .map(|(slot, html)| (slot.clone(), html.clone())),
                    );
                }
                views.insert(
                    "settings".to_owned(),
                    space_html::status_html(&view, offset, lang),
                );
                views.insert(
                    "header".to_owned(),
                    space_html::header_html(&view, offset, lang),
                );
                views.insert(
                    "share".to_owned(),
                    space_html::meeting_panel_html("", false, None, &[], lang),
                );
                for id in space.meeting_ids() {
                    if !redraw {
                        shared.push(id);
                        continue;
                    }
                    let conflicts: Vec<ConflictView> = match self.conflicts.get(&id) {
                        Some(conflicts) => {
                            let meeting = space.meeting(&id).unwrap_or_default();
                            conflicts
                                .iter()
                                .map(|conflict| ConflictView {
                                    label: space_html::path_label(&meeting, &conflict.path, lang),
                                    versions: conflict
                                        .versions
                                        .iter()
                                        .map(|version| {
                                            (
                                                space_html::value_label(
                                                    &conflict.path,
                                                    &version.value,
                                                    lang,
                                                ),
                                                version.author.clone(),
                                                space_html::shown_time(version.at, offset),
                                            )
                                        })
                                        .collect(),
                                })
                                .collect()
                        }
                        None => Vec::new(),
                    };
                    for conflict in self.conflicts.get(&id).into_iter().flatten() {
                        if let [Step::Key(list), Step::Item(action), ..] = conflict.path.as_slice()
                        {
                            if list == "actions" {
                                let key = format!("row:{id}:{action}");
                                let count = self.conflicts[&id]
                                    .iter()
                                    .filter(|c| c.path.get(1) == Some(&Step::Item(action.clone())))
                                    .count();
                                views.insert(key, space_html::row_mark_html(count, lang));
                            }
                        }
                    }
                    let touch = self.touches.get(&id).map(|touch| {
                        (
                            touch.author.as_str(),
                            space_html::shown_time(touch.at, offset),
                        )
                    });
                    views.insert(
                        format!("meeting:{id}"),
                        space_html::meeting_panel_html(&id, true, touch, &conflicts, lang),
                    );
                    views.insert(
                        format!("card:{id}"),
                        space_html::card_marks_html(conflicts.len(), lang),
                    );
                    shared.push(id);
                }
            }
        }
        let changed: serde_json::Map<String, Value> = views
            .iter()
            .filter(|(slot, html)| self.drawn.get(*slot) != Some(html))
            .map(|(slot, html)| (slot.clone(), Value::String(html.clone())))
            .collect();
        let gone: Vec<&String> = self
            .drawn
            .keys()
            .filter(|slot| !views.contains_key(*slot))
            .collect();
        if !changed.is_empty() || !gone.is_empty() {
            post(
                json!({ "views": changed, "gone": gone, "shared": shared }),
                None,
            );
        }
        self.drawn = views;
    }

    /// Stores the document with the app's versions, then writes this device's file (T2). When
    /// the folder cannot be written, the changes wait here and go out with the next write.
    async fn write_out(&mut self, at: i64) {
        let Some(space) = &mut self.space else {
            return;
        };
        if !self.unwritten && self.bases.is_empty() && !self.status.pending {
            return;
        }
        if self.unwritten {
            space.seen(&self.name, at);
        }
        let bytes = space.save();
        let mut pairs: Vec<(String, JsValue)> = std::mem::take(&mut self.bases)
            .into_iter()
            .map(|(id, base)| (format!("base:{id}"), JsValue::from(base)))
            .collect();
        pairs.push(("doc".to_owned(), bytes_value(&bytes)));
        // Every change in the document is the app's own or was just sent to it.
        pairs.push(("delivered".to_owned(), JsValue::from(space.heads())));
        if let Some(saved) = &self.saved {
            if let Err(error) = saved.put(&pairs).await {
                self.status.problem = Some(format!("IndexedDB: {}", error.detail()));
            }
        }
        if !(self.unwritten || self.status.pending) {
            return;
        }
        self.unwritten = false;
        self.status.pending = true;
        let Some(space_folder) = self.folder.clone() else {
            return;
        };
        match folder::write(
            &space_folder,
            &format!("{}{EXTENSION}", self.device),
            &bytes,
        )
        .await
        {
            Ok(()) => {
                self.status.pending = false;
                self.status.written = Some(now());
            }
            Err(error) => {
                self.status.problem = Some(folder::describe(&error));
                self.folder = None;
            }
        }
    }
}

/// Notes a member file's change time and size as read (a few files: a list will do).
fn mark_read(marks: &mut Vec<(String, (f64, f64))>, name: String, stamp: (f64, f64)) {
    match marks.iter_mut().find(|(known, _)| *known == name) {
        Some((_, mark)) => *mark = stamp,
        None => marks.push((name, stamp)),
    }
}
