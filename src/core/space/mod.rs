//! The team space's engine (T1): the meetings several organisers share, as one Automerge
//! document that every member's device keeps whole and writes to its own file in a synced
//! folder. Merging is Automerge's; this module only maps a meeting's stored JSON onto the
//! document field by field and back, and reads the conflicts it keeps (T4).
//!
//! It knows nothing of the meeting model: a meeting here is the JSON the app stores, so the
//! worker module that runs it carries no model code. Pure, and tested natively
//! (`tests/space.rs`); built only with the `space` feature, for the worker (`src/bin`).

mod json;

use automerge::transaction::{CommitOptions, Transactable};
use automerge::{
    ActorId, AutoCommit, ChangeHash, ObjId, ObjType, Prop, ReadDoc, Value as Am, ROOT,
};
use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use json::Step;

/// The root's keys. The document is created once, by the member who starts the space: a map
/// that two devices each created would hide one device's entries (both keys would conflict).
const MEETINGS: &str = "meetings";
const MEMBERS: &str = "members";
const SPACE: &str = "space";

/// A meeting's fields that stay on each device: its local save counter and the time of its last
/// save there. Shared, every edit on two devices would conflict on them.
pub const LOCAL_ONLY: [&str; 2] = ["revision", "updated_at"];

/// Why a file was not taken in; the app words it in the user's language (T2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum NotASpace {
    /// Not an Automerge document, or cut short (still being written or synced).
    Unreadable,
    /// Another space's document: taking it in would hide this space's meetings.
    OtherSpace,
}

/// One member's device as the document knows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub device: String,
    pub name: String,
    /// When that device last wrote, in milliseconds since 1970.
    pub seen: i64,
}

/// One value of a field two devices set before they saw each other's change (T4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Version {
    pub value: Value,
    pub author: String,
    /// Milliseconds since 1970, as the author's device told.
    pub at: i64,
}

/// A field with more than one value. The first is the one shown until someone picks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub path: Vec<Step>,
    pub versions: Vec<Version>,
}

/// Who last changed a meeting, and when (T3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Touch {
    pub author: String,
    pub at: i64,
}

/// What each change says of itself, in its commit message.
#[derive(Serialize, Deserialize)]
struct Note {
    by: String,
    #[serde(default)]
    meetings: Vec<String>,
}

/// The space's document on this device.
pub struct Space {
    doc: AutoCommit,
    device: String,
}

impl Space {
    /// Starts a new space named `name`, as device `device` (hex, from the device's settings).
    pub fn create(name: &str, device: &str, author: &str, now: i64) -> Space {
        let mut doc = AutoCommit::new().with_actor(actor_of(device));
        let space = doc.put_object(ROOT, SPACE, ObjType::Map).expect("root");
        doc.put(&space, "name", name).expect("new map");
        doc.put(&space, "created", now).expect("new map");
        doc.put_object(ROOT, MEETINGS, ObjType::Map).expect("root");
        doc.put_object(ROOT, MEMBERS, ObjType::Map).expect("root");
        let mut space = Space {
            doc,
            device: device.to_owned(),
        };
        space.seen(author, now);
        space.commit(author, &[], now);
        space
    }

    /// Opens a space from a saved document (this device's copy, or any member's file when
    /// joining), to go on as device `device`.
    pub fn load(bytes: &[u8], device: &str) -> Result<Space, NotASpace> {
        let doc = AutoCommit::load(bytes).map_err(|_| NotASpace::Unreadable)?;
        let space = Space {
            doc: doc.with_actor(actor_of(device)),
            device: device.to_owned(),
        };
        match space.doc.get(ROOT, MEETINGS) {
            Ok(Some((Am::Object(ObjType::Map), _))) => Ok(space),
            _ => Err(NotASpace::OtherSpace),
        }
    }

    pub fn name(&self) -> String {
        self.map(SPACE)
            .and_then(|space| self.scalar(&space, "name"))
            .and_then(|name| name.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    /// The whole document, for this device's file.
    pub fn save(&mut self) -> Vec<u8> {
        self.doc.save()
    }

    /// Takes in another device's file: returns the ids of the meetings it changed here. A late
    /// or repeated file changes nothing; one that does not parse changes nothing and says why.
    pub fn merge(&mut self, bytes: &[u8]) -> Result<Vec<String>, NotASpace> {
        let before = self.doc.get_heads();
        // Parsed on its own first: a half-written file must not leave half its changes here.
        let mut other = AutoCommit::load(bytes).map_err(|_| NotASpace::Unreadable)?;
        // Another space's file, or an empty one, would bring a second root map of meetings,
        // hiding this space's (the trap of a map created twice): the same space has the same
        // space object, made once by its creator.
        if space_id(&other).is_none() || space_id(&other) != space_id(&self.doc) {
            return Err(NotASpace::OtherSpace);
        }
        self.doc
            .merge(&mut other)
            .map_err(|_| NotASpace::Unreadable)?;
        // Every change names the meetings it touched (its note): cheaper, and a smaller
        // module, than Automerge's patches.
        let changed = self.touched_since(&before);
        Ok(changed)
    }

    /// Where the document stands: its heads, as text for storing.
    pub fn heads(&mut self) -> String {
        let heads: Vec<String> = self
            .doc
            .get_heads()
            .iter()
            .map(ToString::to_string)
            .collect();
        heads.join(",")
    }

    /// The meetings changed since the document stood at `heads` (from [`heads`](Self::heads));
    /// `None` when those are not all known here, so everything must be taken as changed.
    pub fn changed_since(&mut self, heads: &str) -> Option<Vec<String>> {
        let heads: Vec<ChangeHash> = heads
            .split(',')
            .filter(|head| !head.is_empty())
            .map(|head| head.parse().ok())
            .collect::<Option<_>>()?;
        if heads
            .iter()
            .any(|head| self.doc.get_change_by_hash(head).is_none())
        {
            return None;
        }
        Some(self.touched_since(&heads))
    }

    /// The meetings named by the notes of the changes made since `heads`.
    fn touched_since(&mut self, heads: &[ChangeHash]) -> Vec<String> {
        let mut changed: Vec<String> = Vec::new();
        for change in self.doc.get_changes(heads) {
            for id in note_of(&change)
                .map(|note| note.meetings)
                .unwrap_or_default()
            {
                if !changed.contains(&id) {
                    changed.push(id);
                }
            }
        }
        changed
    }

    /// Records this device's version of meeting `id` (its stored JSON): only the fields that
    /// differ from the document's become changes, so an edit on another device to another
    /// field is kept. Returns whether anything changed.
    pub fn put_meeting(&mut self, id: &str, meeting: &Value, author: &str, now: i64) -> bool {
        let Value::Object(fields) = without_local(meeting) else {
            return false;
        };
        let meetings = self.meetings_map();
        match self.doc.get(&meetings, id) {
            Ok(Some((Am::Object(ObjType::Map), obj))) => {
                json::reconcile_map(&mut self.doc, &obj, &fields)
            }
            _ => json::put(
                &mut self.doc,
                &meetings,
                Prop::Map(id.to_owned()),
                &Value::Object(fields),
            ),
        }
        self.commit(author, &[id], now)
    }

    /// Records an edit of shared meeting `id` on this device: what changed from `before` (the
    /// version this device last had from the space or gave it) to `after`. Only that is written,
    /// so another device's change this one had not seen yet stays. A meeting new to the space is
    /// put whole. Returns whether anything changed.
    pub fn put_change(
        &mut self,
        id: &str,
        before: &Value,
        after: &Value,
        author: &str,
        now: i64,
    ) -> bool {
        let Some(obj) = self.meeting_obj(id) else {
            return self.put_meeting(id, after, author, now);
        };
        json::reconcile_change(
            &mut self.doc,
            &obj,
            &without_local(before),
            &without_local(after),
        );
        self.commit(author, &[id], now)
    }

    /// Takes meeting `id` out of the space (it was deleted on this device).
    pub fn remove_meeting(&mut self, id: &str, author: &str, now: i64) -> bool {
        let meetings = self.meetings_map();
        if self.doc.get(&meetings, id).ok().flatten().is_none() {
            return false;
        }
        let _ = self.doc.delete(&meetings, id);
        self.commit(author, &[id], now)
    }

    /// Sets the field at `path` of meeting `id` to `value`, over every value it holds: the
    /// user picked one of a conflict's versions, or typed another.
    pub fn resolve(
        &mut self,
        id: &str,
        path: &[Step],
        value: &Value,
        author: &str,
        now: i64,
    ) -> bool {
        let Some(mut obj) = self.meeting_obj(id) else {
            return false;
        };
        let Some((last, parents)) = path.split_last() else {
            return false;
        };
        for step in parents {
            match json::child(&self.doc, &obj, step) {
                Some(child) => obj = child,
                None => return false,
            }
        }
        let Some(prop) = json::prop_of(&self.doc, &obj, last) else {
            return false;
        };
        json::put(&mut self.doc, &obj, prop, value);
        self.commit(author, &[id], now)
    }

    pub fn meeting_ids(&self) -> Vec<String> {
        self.doc.keys(self.meetings_map()).collect()
    }

    /// Meeting `id` as the document shows it (the first of each conflict's versions), without
    /// the [`LOCAL_ONLY`] fields.
    pub fn meeting(&self, id: &str) -> Option<Value> {
        self.meeting_obj(id).map(|obj| json::read(&self.doc, &obj))
    }

    /// Every field of meeting `id` that holds more than one value.
    pub fn conflicts(&mut self, id: &str) -> Vec<Conflict> {
        self.conflicts_in(&[id.to_owned()])
            .pop()
            .map(|(_, found)| found)
            .unwrap_or_default()
    }

    /// The conflicts of each of meetings `ids`, for those that have any: the changes that tell
    /// each version's author and time are read once for all of them.
    pub fn conflicts_in(&mut self, ids: &[String]) -> Vec<(String, Vec<Conflict>)> {
        let found: Vec<(String, Vec<json::Found>)> = ids
            .iter()
            .filter_map(|id| {
                let found = json::conflicts(&self.doc, &self.meeting_obj(id)?);
                (!found.is_empty()).then(|| (id.clone(), found))
            })
            .collect();
        if found.is_empty() {
            return Vec::new();
        }
        let changes = self.doc.get_changes(&[]);
        let version = |(value, op): (Value, ObjId)| {
            let touch = changes
                .iter()
                .find(|change| op_in(change, &op))
                .map(touch_of)
                .unwrap_or(Touch {
                    author: String::new(),
                    at: 0,
                });
            Version {
                value,
                author: touch.author,
                at: touch.at,
            }
        };
        found
            .into_iter()
            .map(|(id, places)| {
                let conflicts = places
                    .into_iter()
                    .map(|(path, values)| Conflict {
                        path,
                        versions: values.into_iter().map(version).collect(),
                    })
                    .collect();
                (id, conflicts)
            })
            .collect()
    }

    /// The last change of each meeting, by whom and when (T3).
    pub fn last_touches(&mut self) -> Vec<(String, Touch)> {
        let mut last: Vec<(String, Touch)> = Vec::new();
        for change in self.doc.get_changes(&[]) {
            let Some(note) = note_of(&change) else {
                continue;
            };
            for id in note.meetings {
                let touch = Touch {
                    author: note.by.clone(),
                    at: change.timestamp(),
                };
                match last.iter_mut().find(|(known, _)| *known == id) {
                    Some((_, known)) if known.at <= touch.at => *known = touch,
                    Some(_) => {}
                    None => last.push((id, touch)),
                }
            }
        }
        last
    }

    /// The members whose devices wrote to the space.
    pub fn members(&self) -> Vec<Member> {
        let Some(members) = self.map(MEMBERS) else {
            return Vec::new();
        };
        self.doc
            .keys(&members)
            .filter_map(|device| {
                let (_, obj) = self.doc.get(&members, device.as_str()).ok().flatten()?;
                Some(Member {
                    name: self.scalar(&obj, "name")?.as_str()?.to_owned(),
                    seen: self.scalar(&obj, "seen")?.as_i64()?,
                    device,
                })
            })
            .collect()
    }

    /// Notes that this device, used by `name`, wrote at `now` (not committed on its own).
    pub fn seen(&mut self, name: &str, now: i64) {
        let Some(members) = self.map(MEMBERS) else {
            return;
        };
        let device = self.device.clone();
        let entry = match self.doc.get(&members, device.as_str()) {
            Ok(Some((Am::Object(ObjType::Map), obj))) => obj,
            _ => self
                .doc
                .put_object(&members, device.as_str(), ObjType::Map)
                .expect("members map"),
        };
        if self.scalar(&entry, "name").as_ref().and_then(Value::as_str) != Some(name) {
            let _ = self.doc.put(&entry, "name", name);
        }
        let _ = self.doc.put(&entry, "seen", now);
    }

    fn commit(&mut self, author: &str, meetings: &[&str], now: i64) -> bool {
        if self.doc.pending_ops() == 0 {
            return false;
        }
        self.seen(author, now);
        let note = Note {
            by: author.to_owned(),
            meetings: meetings.iter().map(|id| (*id).to_owned()).collect(),
        };
        let message = serde_json::to_string(&note).unwrap_or_default();
        self.doc
            .commit_with(
                CommitOptions::default()
                    .with_message(message)
                    .with_time(now),
            )
            .is_some()
    }

    fn meetings_map(&self) -> ObjId {
        self.map(MEETINGS)
            .expect("a space has its meetings map from its creation")
    }

    fn meeting_obj(&self, id: &str) -> Option<ObjId> {
        match self.doc.get(self.meetings_map(), id) {
            Ok(Some((Am::Object(ObjType::Map), obj))) => Some(obj),
            _ => None,
        }
    }

    fn map(&self, key: &str) -> Option<ObjId> {
        match self.doc.get(ROOT, key) {
            Ok(Some((Am::Object(ObjType::Map), obj))) => Some(obj),
            _ => None,
        }
    }

    fn scalar(&self, obj: &ObjId, key: &str) -> Option<Value> {
        match self.doc.get(obj, key) {
            Ok(Some((Am::Scalar(scalar), _))) => Some(json::of_scalar(&scalar)),
            _ => None,
        }
    }
}

/// A meeting's JSON without the [`LOCAL_ONLY`] fields.
fn without_local(meeting: &Value) -> Value {
    let mut meeting = meeting.clone();
    if let Value::Object(fields) = &mut meeting {
        LOCAL_ONLY.iter().for_each(|key| {
            fields.remove(*key);
        });
    }
    meeting
}

fn space_id(doc: &AutoCommit) -> Option<ObjId> {
    match doc.get(ROOT, SPACE) {
        Ok(Some((Am::Object(ObjType::Map), obj))) => Some(obj),
        _ => None,
    }
}

/// A device's actor id: its id's bytes (hex), so its changes keep one author across sessions.
fn actor_of(device: &str) -> ActorId {
    let bytes: Vec<u8> = (0..device.len() / 2)
        .filter_map(|i| u8::from_str_radix(device.get(2 * i..2 * i + 2)?, 16).ok())
        .collect();
    if bytes.is_empty() {
        ActorId::from(device.as_bytes())
    } else {
        ActorId::from(bytes)
    }
}

fn op_in(change: &automerge::Change, op: &ObjId) -> bool {
    match op {
        ObjId::Id(counter, actor, _) => {
            change.actor_id() == actor
                && (change.start_op().get()..=change.max_op()).contains(counter)
        }
        ObjId::Root => false,
    }
}

fn touch_of(change: &automerge::Change) -> Touch {
    let author = note_of(change).map(|note| note.by).unwrap_or_default();
    Touch {
        author,
        at: change.timestamp(),
    }
}

/// What a change says of itself, if it was made by this app.
fn note_of(change: &automerge::Change) -> Option<Note> {
    change
        .message()
        .and_then(|message| serde_json::from_str(message).ok())
}
