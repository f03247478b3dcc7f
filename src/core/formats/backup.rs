//! Backup and restore of every meeting as one JSON file (D3).
//!
//! Restoring is planned before it is applied: the plan says what is new, what would be updated and
//! what is skipped because this device holds a newer copy, so nothing is replaced silently.

use chrono::{DateTime, Utc};
use serde_json::Value;

use crate::core::domain::bounds::{is_out_of_range, AGENDA_ITEM_MINUTES, MEETING_MINUTES, RATING};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::storage::persist::{decode_meeting, encode_meeting, DecodeError, SCHEMA_VERSION};

/// Marks a file as ours, so a random JSON file is refused with a clear message.
const APP_MARK: &str = "crossmeet";
const KIND_BACKUP: &str = "backup";
/// One shared meeting plan (D4); see [`crate::core::formats::share`].
pub(super) const KIND_MEETING: &str = "meeting";

/// The largest backup accepted; checked against the file size before it is read.
pub const MAX_BACKUP_BYTES: u64 = 50 * 1024 * 1024;

/// Why a backup file was refused. Nothing is applied when parsing fails.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    NotJson {
        line: usize,
        column: usize,
    },
    Foreign,
    NewerSchema(u64),
    BadMeeting {
        index: usize,
        cause: DecodeError,
    },
    TooLarge {
        bytes: u64,
        limit: u64,
    },
    /// A share link that was cut short or altered: its payload does not decode.
    BrokenLink,
}

impl ImportError {
    pub fn message(&self, lang: Lang) -> String {
        match self {
            ImportError::NotJson { line, column } => tr(
                lang,
                T::ImportNotJson,
                &[&line.to_string(), &column.to_string()],
            ),
            ImportError::Foreign => T::ImportForeign.get(lang).to_owned(),
            ImportError::NewerSchema(version) => {
                tr(lang, T::ImportNewerSchema, &[&version.to_string()])
            }
            ImportError::BadMeeting { index, cause } => tr(
                lang,
                T::ImportBadMeeting,
                &[&(index + 1).to_string(), &cause.message(lang)],
            ),
            ImportError::BrokenLink => T::ImportBrokenLink.get(lang).to_owned(),
            ImportError::TooLarge { bytes, limit } => tr(
                lang,
                T::FileTooLarge,
                &[
                    &megabytes_one_decimal(*bytes),
                    &(limit / 1_048_576).to_string(),
                ],
            ),
        }
    }
}

/// `52.4` for 52.4 MiB; integer arithmetic keeps float formatting out of the bundle.
fn megabytes_one_decimal(bytes: u64) -> String {
    let tenths = bytes * 10 / 1_048_576;
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// What an importer read, and whether it brought numbers no form allows into range to read it
/// (see `core::domain::bounds`); nothing else of the import is lost, and the user is told.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported<V> {
    pub value: V,
    pub out_of_range: bool,
}

/// Where an import came from, as its message names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportSource<'a> {
    Link,
    /// A backup or meeting file, by its name.
    File(&'a str),
}

impl<V> Imported<V> {
    /// Tells the user that numbers were brought into range, naming the link or file; `None` when
    /// none were.
    pub fn out_of_range_message(&self, lang: Lang, source: ImportSource) -> Option<String> {
        if !self.out_of_range {
            return None;
        }
        let span =
            |range: &std::ops::RangeInclusive<u32>| format!("{}–{}", range.start(), range.end());
        let (item, meeting) = (span(&AGENDA_ITEM_MINUTES), span(&MEETING_MINUTES));
        let rating = format!("{}–{}", RATING.start(), RATING.end());
        Some(match source {
            ImportSource::Link => tr(lang, T::ImportOutOfRangeLink, &[&item, &meeting, &rating]),
            ImportSource::File(name) => tr(
                lang,
                T::ImportOutOfRangeFile,
                &[&item, &meeting, &rating, name],
            ),
        })
    }
}

/// Whether a stored meeting object (of any schema) holds a number the decoder brings into range.
pub(super) fn has_out_of_range(meeting: &Value) -> bool {
    let each = |list: &'static str, key: &'static str| {
        meeting
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(move |entry| entry.get(key))
    };
    let rating = u32::from(*RATING.start())..=u32::from(*RATING.end());
    // Schema 1 kept the duration at the top of the meeting.
    [
        meeting.pointer("/schedule/duration_minutes"),
        meeting.get("duration_minutes"),
    ]
    .into_iter()
    .flatten()
    .any(|value| is_out_of_range(value, MEETING_MINUTES))
        || each("agenda", "minutes")
            .chain(each("agenda", "planned_minutes").filter(|value| !value.is_null()))
            .any(|value| is_out_of_range(value, AGENDA_ITEM_MINUTES))
        || each("feedback", "rating").any(|value| is_out_of_range(value, rating.clone()))
}

/// Refuses a backup or meeting file by its size alone, before its text is read into memory.
pub fn check_backup_size(bytes: u64) -> Result<(), ImportError> {
    check_file_size(bytes, MAX_BACKUP_BYTES)
}

/// Refuses any imported file larger than `limit` bytes, before it is read.
pub fn check_file_size(bytes: u64, limit: u64) -> Result<(), ImportError> {
    if bytes > limit {
        Err(ImportError::TooLarge { bytes, limit })
    } else {
        Ok(())
    }
}

/// The backup file for `meetings`, written at `now`.
///
/// Each meeting is stored in its own versioned envelope, exactly as in IndexedDB, so one decoder
/// (with its migrations) reads both. The file is assembled from those texts by hand to avoid a
/// second serialiser for the whole model.
pub fn export_backup(meetings: &[Meeting], now: DateTime<Utc>) -> String {
    export_file(KIND_BACKUP, meetings, now)
}

/// A file of `kind` holding `meetings`: the backup, or one shared meeting.
pub(super) fn export_file(kind: &str, meetings: &[Meeting], now: DateTime<Utc>) -> String {
    let header = serde_json::json!({
        "app": APP_MARK,
        "kind": kind,
        "schema": SCHEMA_VERSION,
        "exported_at": crate::core::domain::time_serde::write_utc(&now),
    })
    .to_string();
    let mut out = String::with_capacity(256 + meetings.len() * 2048);
    out.push_str(header.trim_end_matches('}'));
    out.push_str(",\"meetings\":[\n");
    for (index, meeting) in meetings.iter().enumerate() {
        if index > 0 {
            out.push_str(",\n");
        }
        out.push_str(&encode_meeting(meeting));
    }
    out.push_str("\n]}\n");
    out
}

/// Reads a backup file; every meeting must decode or the whole file is refused.
pub fn parse_backup(text: &str) -> Result<Imported<Vec<Meeting>>, ImportError> {
    parse_file(text, KIND_BACKUP)
}

/// Reads a file written by [`export_file`] with the same `kind`.
pub(super) fn parse_file(text: &str, kind: &str) -> Result<Imported<Vec<Meeting>>, ImportError> {
    let value: Value =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|error| {
            ImportError::NotJson {
                line: error.line(),
                column: error.column(),
            }
        })?;
    let field = |name: &str| value.get(name).and_then(Value::as_str);
    if field("app") != Some(APP_MARK) || field("kind") != Some(kind) {
        return Err(ImportError::Foreign);
    }
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or(ImportError::Foreign)?;
    if schema > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerSchema(schema));
    }
    let Some(Value::Array(envelopes)) = value.get("meetings") else {
        return Err(ImportError::Foreign);
    };
    let meetings = envelopes
        .iter()
        .enumerate()
        .map(|(index, envelope)| {
            decode_meeting(&envelope.to_string())
                .map_err(|cause| ImportError::BadMeeting { index, cause })
        })
        .collect::<Result<Vec<Meeting>, ImportError>>()?;
    let out_of_range = envelopes
        .iter()
        .filter_map(|envelope| envelope.get("meeting"))
        .any(has_out_of_range);
    Ok(Imported {
        value: meetings,
        out_of_range,
    })
}

/// What restoring a backup would do, decided meeting by meeting.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RestorePlan {
    /// Meetings this device does not have.
    pub added: Vec<Meeting>,
    /// Meetings whose backup copy is newer than this device's.
    pub updated: Vec<Meeting>,
    /// Same edit time on both sides: nothing to do.
    pub unchanged: usize,
    /// Titles of meetings kept because this device's copy is newer.
    pub kept_newer: Vec<String>,
}

impl RestorePlan {
    pub fn total(&self) -> usize {
        self.added.len() + self.updated.len() + self.unchanged + self.kept_newer.len()
    }

    pub fn changes_anything(&self) -> bool {
        !self.added.is_empty() || !self.updated.is_empty()
    }

    /// The meetings to write.
    pub fn into_writes(self) -> Vec<Meeting> {
        self.added.into_iter().chain(self.updated).collect()
    }
}

/// Compares a backup with what this device holds.
pub fn plan_restore(existing: &[Meeting], incoming: Vec<Meeting>) -> RestorePlan {
    let mut plan = RestorePlan::default();
    for meeting in incoming {
        match existing.iter().find(|local| local.id == meeting.id) {
            None => plan.added.push(meeting),
            Some(local) => match local.updated_at.cmp(&meeting.updated_at) {
                std::cmp::Ordering::Less => plan.updated.push(meeting),
                std::cmp::Ordering::Equal => plan.unchanged += 1,
                std::cmp::Ordering::Greater => plan.kept_newer.push(local.title.clone()),
            },
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 24, hour, 0, 0).unwrap()
    }

    fn meeting(id: &str, title: &str, hour: u32) -> Meeting {
        Meeting {
            id: id.into(),
            title: title.into(),
            updated_at: Some(at(hour)),
            ..Meeting::default()
        }
    }

    #[test]
    fn backup_round_trips_every_meeting() {
        let meetings = vec![
            meeting("a", "周会 <b>", 9),
            meeting("b", "=HYPERLINK(\"x\")", 10),
        ];
        let text = export_backup(&meetings, at(12));
        assert_eq!(parse_backup(&text).map(|read| read.value), Ok(meetings));
    }

    #[test]
    fn byte_order_mark_is_accepted() {
        let text = format!("\u{feff}{}", export_backup(&[meeting("a", "x", 9)], at(12)));
        assert_eq!(parse_backup(&text).unwrap().value.len(), 1);
    }

    /// Whether an error is the one a case expects.
    type Expected = fn(&ImportError) -> bool;

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let cases: &[(&str, Expected)] = &[
            ("", |e| matches!(e, ImportError::NotJson { .. })),
            ("{\"app\":", |e| matches!(e, ImportError::NotJson { .. })),
            ("[1,2,3]", |e| *e == ImportError::Foreign),
            (r#"{"name":"other app"}"#, |e| *e == ImportError::Foreign),
            (r#"{"app":"crossmeet","kind":"backup","schema":2}"#, |e| {
                *e == ImportError::Foreign
            }),
            (
                r#"{"app":"crossmeet","kind":"backup","schema":8,"meetings":[]}"#,
                |e| *e == ImportError::NewerSchema(8),
            ),
            (
                r#"{"app":"crossmeet","kind":"backup","schema":2,"meetings":[
                    {"schema":2,"meeting":{"id":"ok"}}, {"schema":2,"meeting":{"id":5}}]}"#,
                |e| matches!(e, ImportError::BadMeeting { index: 1, .. }),
            ),
        ];
        for (input, is_expected) in cases {
            let error = parse_backup(input).unwrap_err();
            assert!(is_expected(&error), "{input:?} gave {error:?}");
            assert!(error.message(Lang::Zh).contains("未做任何更改"));
            assert!(error.message(Lang::En).contains("Nothing was changed"));
        }
    }

    #[test]
    fn schema_1_meetings_in_a_backup_are_migrated() {
        let text = r#"{"app":"crossmeet","kind":"backup","schema":1,"meetings":[
            {"schema":1,"meeting":{"id":"a","duration_minutes":30}}]}"#;
        assert_eq!(
            parse_backup(text).unwrap().value[0]
                .schedule
                .duration_minutes,
            30
        );
    }

    #[test]
    fn numbers_out_of_range_are_brought_in_and_the_file_named() {
        let file = |meeting: &str| {
            format!(
                r#"{{"app":"crossmeet","kind":"backup","schema":1,"meetings":[{{"schema":1,"meeting":{meeting}}},{{"schema":3,"meeting":{{"id":"ok"}}}}]}}"#
            )
        };
        let cases = [
            (r#"{"id":"a","agenda":[{"minutes":4294967295}]}"#, true),
            (r#"{"id":"a","agenda":[{"minutes":-1}]}"#, true),
            (r#"{"id":"a","duration_minutes":99999999999}"#, true),
            (r#"{"id":"a","schedule":{"duration_minutes":1}}"#, true),
            (r#"{"id":"a","feedback":[{"rating":0}]}"#, true),
            (
                r#"{"id":"a","feedback":[{"rating":null}],"agenda":[{"minutes":0}]}"#,
                false,
            ),
            (
                r#"{"id":"a","duration_minutes":1440,"agenda":[{"minutes":1440}]}"#,
                false,
            ),
        ];
        for (meeting, out_of_range) in cases {
            let read = parse_backup(&file(meeting)).unwrap();
            assert_eq!(read.value.len(), 2, "nothing else is lost: {meeting}");
            assert_eq!(read.out_of_range, out_of_range, "{meeting}");
            let message = read.out_of_range_message(Lang::Zh, ImportSource::File("团队.json"));
            assert_eq!(message.is_some(), out_of_range);
        }
        let read = parse_backup(&file(r#"{"id":"a","agenda":[{"minutes":4294967295}]}"#)).unwrap();
        assert_eq!(read.value[0].agenda[0].minutes, 1440);
        assert_eq!(
            read.out_of_range_message(Lang::Zh, ImportSource::File("团队.json")).unwrap(),
            "文件“团队.json”中有超出范围的数值,已按允许的范围读入(议程项 0–1440 分钟,会议 5–1440 分钟,评分 1–5)。其余内容照常读入。"
        );
        assert_eq!(
            read.out_of_range_message(Lang::En, ImportSource::Link).unwrap(),
            "The share link held numbers out of range; they were read as the nearest allowed value (agenda items 0–1440 minutes, meetings 5–1440 minutes, ratings 1–5). Everything else was read as it was."
        );
    }

    #[test]
    fn oversized_files_are_refused_before_reading() {
        assert!(check_backup_size(MAX_BACKUP_BYTES).is_ok());
        let error = check_backup_size(MAX_BACKUP_BYTES + 1).unwrap_err();
        assert!(error.message(Lang::En).contains("too large (50.0 MB)"));
        assert!(error.message(Lang::En).contains("at most 50 MB"));
    }

    #[test]
    fn restore_never_replaces_a_newer_local_copy() {
        let existing = vec![meeting("same", "s", 9), meeting("newer-here", "mine", 11)];
        let incoming = vec![
            meeting("same", "s", 9),
            meeting("newer-here", "theirs", 10),
            meeting("newer-there", "t", 10),
            meeting("fresh", "f", 8),
        ];
        let existing = [existing, vec![meeting("newer-there", "old", 8)]].concat();
        let plan = plan_restore(&existing, incoming);
        assert_eq!(plan.unchanged, 1);
        assert_eq!(plan.kept_newer, vec!["mine".to_owned()]);
        assert_eq!(plan.updated.len(), 1);
        assert_eq!(plan.updated[0].title, "t");
        assert_eq!(plan.added.len(), 1);
        assert_eq!(plan.total(), 4);
        assert!(plan.changes_anything());
        let ids: Vec<_> = plan.into_writes().into_iter().map(|m| m.id).collect();
        assert_eq!(ids, ["fresh", "newer-there"]);
    }
}
