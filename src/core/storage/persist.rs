//! The stored shape of a meeting: a versioned envelope around the model, and the migrations that
//! bring older records up to date. Both IndexedDB records and backup files use this shape.
//!
//! Schema history:
//! - 1: first release; `starts_at` and `duration_minutes` sat at the top of the meeting.
//! - 2: they moved into `schedule`, beside `notice_sent_at`. The first builds wrote run events
//!   tagged inside (`{"type":"ItemStarted","item_id":…}`); later ones outside
//!   (`{"ItemStarted":{"item_id":…}}`), both as schema 2.
//! - 3: run events are always tagged outside; step 2→3 rewrites the inside form.
//! - 4: `progress_time` (the owners' daily progress time, F3). Nothing to migrate: older records
//!   read it as unset. The bump is what makes a schema-3 build refuse these records ("written by
//!   a newer version") instead of reading them without the field and dropping it when it saves.
//! - 5: an agenda item's `planned_minutes`, its plan kept when "finish on time" shortened it
//!   (E2); a parked point's `owner` and `deadline` (E4). Nothing to migrate: older records read
//!   them as unset.
//! - 6: a meeting's `carried`, the review's changes carried into it (F6). Nothing to migrate.
//! - 7: a meeting's `asks` (what was asked of whom by ask links, A1), a participant's
//!   `attendance.pre_reads_read` and a preparation ask's `reply`. Nothing to migrate.
//!
//! Any change to the stored shape, even a field added with a default, needs a new number here:
//! `tests/stored_shape.rs` compares the shape with `tests/fixtures/schema-N-paths.txt` and fails
//! until the number is raised and the new shape's fixture written.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;

/// The schema this build writes.
pub const SCHEMA_VERSION: u32 = 7;

/// The oldest schema whose records read straight into today's model: every step since only added
/// fields that read as their defaults, so such records skip the JSON tree of a migration (a
/// meeting list of a thousand schema-3 records loads as fast as before the bump).
const READ_DIRECTLY_FROM: u64 = 3;

/// Why a stored record could not be turned into a meeting. The record itself is never dropped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// Not JSON, or JSON of the wrong shape.
    BadShape(String),
    /// Written by a newer version of the app; a later update can read it.
    NewerSchema(u64),
    NoSchema,
}

impl DecodeError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            DecodeError::BadShape(detail) => tr(lang, T::DecodeBadShape, &[detail]),
            DecodeError::NewerSchema(version) => {
                tr(lang, T::DecodeNewerSchema, &[&version.to_string()])
            }
            DecodeError::NoSchema => T::DecodeNoSchema.get(lang).to_owned(),
        }
    }
}

#[derive(Serialize)]
struct EnvelopeOut<'a> {
    schema: u32,
    /// The tab that wrote the record (see [`stored_revision`]); left out of files.
    #[serde(skip_serializing_if = "str::is_empty")]
    by: &'a str,
    meeting: &'a Meeting,
}

/// The text stored for one meeting, as in a backup file.
pub fn encode_meeting(meeting: &Meeting) -> String {
    encode_meeting_by(meeting, "")
}

/// The text stored for one meeting written by the tab `by`.
pub fn encode_meeting_by(meeting: &Meeting, by: &str) -> String {
    serde_json::to_string(&EnvelopeOut {
        schema: SCHEMA_VERSION,
        by,
        meeting,
    })
    .expect("a meeting always serialises")
}

/// Reads a stored meeting of any known schema.
///
/// Current records are read straight from the text; only older ones go through a JSON tree for
/// migration. Reading every record through the tree would cost a second copy of every
/// deserialiser in the wasm bundle.
pub fn decode_meeting(text: &str) -> Result<Meeting, DecodeError> {
    #[derive(Deserialize)]
    struct Header {
        schema: Option<Value>,
    }
    let header: Header =
        serde_json::from_str(text).map_err(|error| DecodeError::BadShape(error.to_string()))?;
    let schema = header
        .schema
        .ok_or(DecodeError::NoSchema)?
        .as_u64()
        .ok_or_else(|| DecodeError::BadShape("schema".into()))?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(DecodeError::NewerSchema(schema));
    }
    let meeting = if schema >= READ_DIRECTLY_FROM {
        #[derive(Deserialize)]
        struct Envelope {
            meeting: Meeting,
        }
        serde_json::from_str::<Envelope>(text)
            .map_err(|error| DecodeError::BadShape(error.to_string()))?
            .meeting
    } else {
        let migrated = migrate(text, schema)?;
        serde_json::from_str(&migrated).map_err(|error| DecodeError::BadShape(error.to_string()))?
    };
    if meeting.id.is_empty() {
        return Err(DecodeError::BadShape("id".into()));
    }
    Ok(meeting)
}

/// Another tab (or window) saved this meeting after this one last read it, or deleted it
/// (`stored` is `None`): writing now would silently replace its edits or bring back what it
/// deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Conflict {
    pub stored: Option<u64>,
}

/// The revision to write a meeting with, given the revision now stored (`None`: no record) and
/// the one this tab last read or wrote (`None`: it never did, a new meeting).
pub fn next_revision(stored: Option<u64>, known: Option<u64>) -> Result<u64, Conflict> {
    match (stored, known) {
        (Some(stored), Some(known)) if stored > known => Err(Conflict {
            stored: Some(stored),
        }),
        // A record this tab never saw (the same id created elsewhere) is someone else's work too.
        (Some(stored), None) if stored > 0 => Err(Conflict {
            stored: Some(stored),
        }),
        // Known here, gone from storage: deleted elsewhere. The same rule decides a leaving
        // journal's fate (`journal::recover`): one situation, one answer.
        (None, Some(_)) => Err(Conflict { stored: None }),
        (stored, known) => Ok(stored.max(known).unwrap_or(0) + 1),
    }
}

/// The revision of a stored record and the tab that wrote it, read without decoding the meeting.
///
/// A record this tab wrote is one it knows, whatever revision it remembers: its saves are queued
/// in order, so a second save may start before the first has reported its new revision.
pub fn stored_revision(text: &str) -> Option<(u64, String)> {
    #[derive(Deserialize)]
    struct Envelope {
        #[serde(default)]
        by: String,
        meeting: Revision,
    }
    #[derive(Deserialize)]
    struct Revision {
        #[serde(default)]
        revision: u64,
    }
    serde_json::from_str::<Envelope>(text)
        .ok()
        .map(|envelope| (envelope.meeting.revision, envelope.by))
}

/// Brings an envelope of an older `schema` up to date; returns the meeting object's text.
fn migrate(text: &str, schema: u64) -> Result<String, DecodeError> {
    let mut envelope: Value =
        serde_json::from_str(text).map_err(|error| DecodeError::BadShape(error.to_string()))?;
    let mut meeting = envelope
        .get_mut("meeting")
        .map(Value::take)
        .filter(Value::is_object)
        .ok_or_else(|| DecodeError::BadShape("meeting".into()))?;
    for version in schema..u64::from(SCHEMA_VERSION) {
        migrate_one_step(version, &mut meeting);
    }
    Ok(meeting.to_string())
}

/// Rewrites a meeting object of schema `from` into schema `from + 1`, in place.
fn migrate_one_step(from: u64, meeting: &mut Value) {
    let object = meeting.as_object_mut().expect("checked to be an object");
    if from == 1 {
        let mut schedule = serde_json::Map::new();
        for key in ["starts_at", "duration_minutes"] {
            if let Some(value) = object.remove(key) {
                schedule.insert(key.to_owned(), value);
            }
        }
        object.insert("schedule".into(), Value::Object(schedule));
    }
    if from == 2 {
        let events = object.get_mut("run_log").and_then(Value::as_array_mut);
        for event in events.into_iter().flatten() {
            if let Some(kind) = event.get_mut("kind") {
                retag_outside(kind);
            }
        }
    }
}

/// `{"type":"Started"}` → `"Started"`; `{"type":"ItemStarted","item_id":"a"}` →
/// `{"ItemStarted":{"item_id":"a"}}`. Anything else is left for the decoder to judge.
fn retag_outside(kind: &mut Value) {
    let Some(fields) = kind.as_object_mut() else {
        return;
    };
    let Some(Value::String(tag)) = fields.remove("type") else {
        return;
    };
    *kind = if fields.is_empty() {
        Value::String(tag)
    } else {
        let mut outer = serde_json::Map::new();
        outer.insert(tag, Value::Object(std::mem::take(fields)));
        Value::Object(outer)
    };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::MeetingType;
    use chrono::{TimeZone, Utc};

    #[test]
    fn current_schema_round_trips() {
        let meeting = Meeting {
            id: "m1".into(),
            title: "标题, \"quoted\"\n换行".into(),
            kind: MeetingType::Decision,
            ..Meeting::default()
        };
        let text = encode_meeting(&meeting);
        assert!(text.starts_with(r#"{"schema":7,"#));
        assert_eq!(decode_meeting(&text), Ok(meeting));
    }

    #[test]
    fn schema_1_record_is_migrated_into_schedule() {
        let v1 = r#"{"schema":1,"meeting":{"id":"old","title":"旧会议",
            "starts_at":"2026-03-02T06:00:00Z","duration_minutes":90}}"#;
        let meeting = decode_meeting(v1).unwrap();
        assert_eq!(meeting.title, "旧会议");
        assert_eq!(meeting.schedule.duration_minutes, 90);
        assert_eq!(
            meeting.schedule.starts_at,
            Some(Utc.with_ymd_and_hms(2026, 3, 2, 6, 0, 0).unwrap())
        );
    }

    #[test]
    fn schema_1_record_without_time_gets_default_duration() {
        let meeting = decode_meeting(r#"{"schema":1,"meeting":{"id":"old"}}"#).unwrap();
        assert_eq!(meeting.schedule.duration_minutes, 60);
        assert_eq!(meeting.schedule.starts_at, None);
    }

    #[test]
    fn a_save_over_a_newer_record_is_a_conflict() {
        assert_eq!(next_revision(None, None), Ok(1), "a new meeting");
        assert_eq!(
            next_revision(Some(4), Some(4)),
            Ok(5),
            "this tab wrote last"
        );
        assert_eq!(
            next_revision(None, Some(4)),
            Err(Conflict { stored: None }),
            "deleted elsewhere: not brought back without the user choosing"
        );
        assert_eq!(next_revision(None, None), Ok(1), "a new meeting");
        assert_eq!(
            next_revision(Some(0), None),
            Ok(1),
            "a record from before revisions"
        );
        assert_eq!(
            next_revision(Some(5), Some(4)),
            Err(Conflict { stored: Some(5) })
        );
        assert_eq!(
            next_revision(Some(2), None),
            Err(Conflict { stored: Some(2) })
        );
    }

    #[test]
    fn the_stored_revision_is_read_without_the_meeting() {
        let meeting = Meeting {
            id: "m".into(),
            revision: 7,
            ..Meeting::default()
        };
        assert_eq!(
            stored_revision(&encode_meeting(&meeting)),
            Some((7, String::new()))
        );
        assert_eq!(
            stored_revision(&encode_meeting_by(&meeting, "tab-1")),
            Some((7, "tab-1".to_owned()))
        );
        assert_eq!(
            stored_revision(r#"{"schema":1,"meeting":{"id":"old"}}"#),
            Some((0, String::new()))
        );
        assert_eq!(
            decode_meeting(&encode_meeting_by(&meeting, "tab-1")),
            Ok(meeting),
            "the writer mark does not disturb decoding"
        );
        assert_eq!(stored_revision("not json"), None);
    }

    #[test]
    fn schema_2_run_events_in_either_form_are_read() {
        use crate::core::domain::model::RunEventKind;
        let inside = r#"{"schema":2,"meeting":{"id":"a","run_log":[
            {"at":"2026-11-18T06:00:00Z","kind":{"type":"Started"}},
            {"at":"2026-11-18T06:00:00Z","kind":{"type":"ItemStarted","item_id":"g1"}}]}}"#;
        let outside = r#"{"schema":2,"meeting":{"id":"a","run_log":[
            {"at":"2026-11-18T06:00:00Z","kind":"Started"},
            {"at":"2026-11-18T06:00:00Z","kind":{"ItemStarted":{"item_id":"g1"}}}]}}"#;
        let expected = [
            RunEventKind::Started,
            RunEventKind::ItemStarted {
                item_id: "g1".into(),
            },
        ];
        for text in [inside, outside] {
            let kinds: Vec<_> = decode_meeting(text)
                .unwrap()
                .run_log
                .into_iter()
                .map(|event| event.kind)
                .collect();
            assert_eq!(kinds, expected, "{text}");
        }
    }

    #[test]
    fn undecodable_records_say_why() {
        let cases = [
            ("not json", "BadShape"),
            (r#"{"meeting":{"id":"x"}}"#, "NoSchema"),
            (r#"{"schema":"two","meeting":{"id":"x"}}"#, "BadShape"),
            (r#"{"schema":99,"meeting":{"id":"x"}}"#, "NewerSchema"),
            (r#"{"schema":2,"meeting":[1,2]}"#, "BadShape"),
            (r#"{"schema":1,"meeting":[1,2]}"#, "BadShape"),
            (r#"{"schema":2}"#, "BadShape"),
            (r#"{"schema":3,"meeting":[1,2]}"#, "BadShape"),
            (r#"{"schema":2,"meeting":{"id":""}}"#, "BadShape"),
            (
                r#"{"schema":2,"meeting":{"id":"x","agenda":"oops"}}"#,
                "BadShape",
            ),
        ];
        for (input, expected) in cases {
            let error = decode_meeting(input).unwrap_err();
            assert!(
                format!("{error:?}").starts_with(expected),
                "{input}: got {error:?}"
            );
            assert!(!error.message(Lang::Zh).is_empty());
            assert!(!error.message(Lang::En).is_empty());
        }
    }
}
