//! Sharing a meeting plan without a server (D4): as a file, or as a link whose `#/share/…`
//! fragment carries the plan itself. A fragment is never sent to any server, so the link works
//! from the offline cache and reveals nothing to the host it points at.
//!
//! Only the plan travels: run log, decisions, actions, minutes and feedback stay on the device
//! that held the meeting. The link's payload is the stored envelope compressed with raw DEFLATE
//! (done by the browser's `CompressionStream`, which costs the bundle nothing) and written in
//! base64url; this module does everything around the compression.

use chrono::{DateTime, Utc};

use crate::core::domain::from_plan::{from_plan, PlanUse};
use crate::core::domain::model::Meeting;
use crate::core::formats::backup::{
    export_file, has_out_of_range, parse_file, ImportError, Imported, KIND_MEETING,
};
use crate::core::storage::persist::{decode_meeting, encode_meeting};

/// The longest link payload accepted, in characters. Plans compress to a few kilobytes; anything
/// much longer was not made by this app.
pub const MAX_LINK_PAYLOAD_CHARS: usize = 64 * 1024;

/// The most bytes a link payload may inflate to, so a crafted link cannot exhaust memory.
pub const MAX_LINK_PLAN_BYTES: usize = 1024 * 1024;

/// The meeting file: the backup format holding one plan, so the same decoder and migrations read it.
pub fn export_meeting_file(meeting: &Meeting, now: DateTime<Utc>) -> String {
    export_file(KIND_MEETING, &[meeting.plan_only()], now)
}

/// Reads a meeting file; anything but exactly one meeting is refused.
pub fn parse_meeting_file(text: &str) -> Result<Imported<Meeting>, ImportError> {
    let Imported {
        value: mut meetings,
        out_of_range,
    } = parse_file(text, KIND_MEETING)?;
    match meetings.len() {
        1 => Ok(Imported {
            value: meetings.remove(0),
            out_of_range,
        }),
        _ => Err(ImportError::Foreign),
    }
}

/// The text the link carries before compression.
pub fn link_plan_text(meeting: &Meeting) -> String {
    encode_meeting(&meeting.plan_only())
}

/// The app's address with `fragment` (`#/…`) in place of the one it has, so a link made on any
/// page (or a sub-folder host) opens the app there.
pub fn in_app(app_address: &str, fragment: &str) -> String {
    let base = app_address.split('#').next().unwrap_or_default();
    format!("{base}{fragment}")
}

/// The address of the share link for a compressed, encoded payload.
pub fn link_href(app_address: &str, payload: &str) -> String {
    in_app(app_address, &format!("#/share/{payload}"))
}

/// The compressed bytes of a link payload, before inflating.
pub fn decode_link_payload(payload: &str) -> Result<Vec<u8>, ImportError> {
    if payload.len() > MAX_LINK_PAYLOAD_CHARS {
        return Err(ImportError::BrokenLink);
    }
    base64url_decode(payload).ok_or(ImportError::BrokenLink)
}

/// Reads the inflated text of a link payload.
pub fn parse_link_plan(bytes: &[u8]) -> Result<Imported<Meeting>, ImportError> {
    let text = std::str::from_utf8(bytes).map_err(|_| ImportError::BrokenLink)?;
    let meeting =
        decode_meeting(text).map_err(|cause| ImportError::BadMeeting { index: 0, cause })?;
    // Read a second time as a tree only to judge its numbers: a plan is a few kilobytes.
    let out_of_range = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|envelope| envelope.get("meeting").map(has_out_of_range))
        .unwrap_or(false);
    Ok(Imported {
        value: meeting,
        out_of_range,
    })
}

/// A shared plan ready to be stored, and whether it had to become a copy.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedImport {
    pub meeting: Meeting,
    /// This device already holds a meeting with the plan's id: the plan is added beside it, never
    /// over it, because a plan carries none of the run or follow-up the local copy may have.
    pub is_copy: bool,
}

pub fn prepare_import(
    existing: &[Meeting],
    incoming: Meeting,
    now: DateTime<Utc>,
    new_id: impl FnMut() -> String,
) -> SharedImport {
    let id_taken = existing.iter().any(|local| local.id == incoming.id);
    let is_copy = id_taken || incoming.id.is_empty();
    // A shared plan keeps its time, so no zone is consulted.
    const ANY_ZONE: chrono::FixedOffset = chrono::FixedOffset::east_opt(0).unwrap();
    let meeting = from_plan(
        &incoming,
        PlanUse::Shared { id_taken },
        now,
        &ANY_ZONE,
        new_id,
    );
    SharedImport { meeting, is_copy }
}

const BASE64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Unpadded base64url (RFC 4648 §5): safe in a URL fragment, with no `/` to split routes on.
pub fn base64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let group = chunk.iter().enumerate().fold(0u32, |group, (i, byte)| {
            group | u32::from(*byte) << (16 - 8 * i)
        });
        for i in 0..=chunk.len() {
            out.push(BASE64URL[(group >> (18 - 6 * i)) as usize & 63] as char);
        }
    }
    out
}

/// Decodes base64url, with or without padding; `None` for anything else.
pub fn base64url_decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=').as_bytes();
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3 + 2);
    for chunk in text.chunks(4) {
        let mut group = 0u32;
        for (i, &symbol) in chunk.iter().enumerate() {
            group |= sextet(symbol)? << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((group >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

fn sextet(symbol: u8) -> Option<u32> {
    let value = match symbol {
        b'A'..=b'Z' => symbol - b'A',
        b'a'..=b'z' => symbol - b'a' + 26,
        b'0'..=b'9' => symbol - b'0' + 52,
        // Standard base64 too, in case a mail client or a person rewrote the link.
        b'-' | b'+' => 62,
        b'_' | b'/' => 63,
        _ => return None,
    };
    Some(u32::from(value))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::i18n::Lang;
    use crate::core::domain::model::{
        ActionItem, AgendaItem, Attendance, AttendanceStatus, Feedback, Participant, RunEvent,
        RunEventKind,
    };
    use crate::core::formats::backup::ImportSource;
    use chrono::TimeZone;

    fn at(hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 25, hour, 0, 0).unwrap()
    }

    fn held_meeting() -> Meeting {
        let mut meeting = Meeting::blank("m1".into(), at(1));
        meeting.title = "跨部门周会 | \"Q4\" <b>".into();
        meeting.objective = "确定 12 月上线方案".into();
        meeting.agenda.push(AgendaItem {
            id: "a1".into(),
            title: "现状同步".into(),
            minutes: 10,
            ..AgendaItem::default()
        });
        meeting.participants.push(Participant {
            id: "p1".into(),
            name: "王芳".into(),
            attendance: Attendance {
                status: AttendanceStatus::Declined,
                reason: "出差".into(),
                ..Attendance::default()
            },
            ..Participant::default()
        });
        meeting.run_log.push(RunEvent {
            at: at(2),
            kind: RunEventKind::Started,
        });
        meeting.actions.push(ActionItem::default());
        meeting.feedback.push(Feedback::default());
        meeting.minutes.text = "纪要".into();
        meeting.schedule.notice_sent_at = Some(at(1));
        meeting
    }

    #[test]
    fn only_the_plan_is_shared() {
        let plan = held_meeting().plan_only();
        assert_eq!(plan.title, held_meeting().title);
        assert_eq!(plan.agenda, held_meeting().agenda);
        assert_eq!(plan.participants[0].name, "王芳");
        assert_eq!(plan.participants[0].attendance, Attendance::default());
        assert!(plan.run_log.is_empty() && plan.actions.is_empty() && plan.feedback.is_empty());
        assert!(plan.minutes.text.is_empty());
        assert_eq!(plan.schedule.notice_sent_at, None);
    }

    #[test]
    fn meeting_file_round_trips_the_plan() {
        let text = export_meeting_file(&held_meeting(), at(3));
        assert_eq!(
            parse_meeting_file(&text).map(|read| read.value),
            Ok(held_meeting().plan_only())
        );
    }

    #[test]
    fn a_backup_is_not_a_meeting_file_and_the_reverse() {
        let backup = crate::core::formats::backup::export_backup(&[held_meeting()], at(3));
        assert_eq!(parse_meeting_file(&backup), Err(ImportError::Foreign));
        let file = export_meeting_file(&held_meeting(), at(3));
        assert_eq!(
            crate::core::formats::backup::parse_backup(&file),
            Err(ImportError::Foreign)
        );
        let two = export_file(KIND_MEETING, &[held_meeting(), held_meeting()], at(3));
        assert_eq!(parse_meeting_file(&two), Err(ImportError::Foreign));
    }

    #[test]
    fn link_text_round_trips_through_base64url() {
        let text = link_plan_text(&held_meeting());
        let payload = base64url_encode(text.as_bytes());
        assert!(payload
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
        let bytes = decode_link_payload(&payload).unwrap();
        assert_eq!(
            parse_link_plan(&bytes),
            Ok(Imported {
                value: held_meeting().plan_only(),
                out_of_range: false
            })
        );
    }

    #[test]
    fn a_link_with_durations_no_form_allows_is_read_in_range_and_says_so() {
        let mut meeting = held_meeting();
        meeting.agenda[0].minutes = u32::MAX;
        meeting.schedule.duration_minutes = 3;
        let read = parse_link_plan(link_plan_text(&meeting).as_bytes()).unwrap();
        assert!(read.out_of_range);
        assert_eq!(read.value.agenda[0].minutes, 1440);
        assert_eq!(read.value.schedule.duration_minutes, 5);
        assert_eq!(
            read.value.title, meeting.title,
            "the rest comes in as it was"
        );
        let message = read
            .out_of_range_message(Lang::Zh, ImportSource::Link)
            .unwrap();
        assert!(
            message.starts_with("分享链接中有超出范围的数值"),
            "{message}"
        );
        let file = export_meeting_file(&meeting, at(3));
        assert!(parse_meeting_file(&file).unwrap().out_of_range);
    }

    #[test]
    fn base64url_matches_rfc_4648_vectors() {
        let vectors = [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ];
        for (plain, encoded) in vectors {
            assert_eq!(base64url_encode(plain.as_bytes()), encoded);
            assert_eq!(base64url_decode(encoded).unwrap(), plain.as_bytes());
        }
        assert_eq!(base64url_encode(&[0xfb, 0xff]), "-_8");
        assert_eq!(base64url_decode("+/8=").unwrap(), [0xfb, 0xff]);
        assert_eq!(base64url_decode("Zm9vY"), None, "a lone trailing symbol");
        assert_eq!(base64url_decode("Zm9v Yg"), None);
        assert_eq!(base64url_decode("Zm9v.g"), None);
    }

    #[test]
    fn broken_links_are_refused_with_a_reason() {
        assert_eq!(decode_link_payload("abc$"), Err(ImportError::BrokenLink));
        let too_long = "A".repeat(MAX_LINK_PAYLOAD_CHARS + 4);
        assert_eq!(decode_link_payload(&too_long), Err(ImportError::BrokenLink));
        assert_eq!(parse_link_plan(&[0xff, 0xfe]), Err(ImportError::BrokenLink));
        let error = parse_link_plan(b"{\"schema\":2,\"meeting\":{\"id\":5}}").unwrap_err();
        assert!(matches!(error, ImportError::BadMeeting { .. }));
        for error in [ImportError::BrokenLink, error] {
            assert!(error.message(Lang::Zh).contains("未做任何更改"));
            assert!(error.message(Lang::En).contains("Nothing was changed"));
        }
    }

    #[test]
    fn link_address_replaces_any_fragment() {
        assert_eq!(
            link_href("https://x.example/app/index.html#/m/1/plan", "Zm9v"),
            "https://x.example/app/index.html#/share/Zm9v"
        );
        assert_eq!(
            link_href("http://127.0.0.1:8080/", "Zm9v"),
            "http://127.0.0.1:8080/#/share/Zm9v"
        );
    }

    #[test]
    fn an_import_never_lands_on_an_existing_meeting() {
        let existing = [held_meeting()];
        let fresh = prepare_import(&existing, held_meeting(), at(5), || "new".into());
        assert!(fresh.is_copy);
        assert_eq!(fresh.meeting.id, "new");
        assert_eq!(fresh.meeting.created_at, Some(at(5)));
        assert!(
            fresh.meeting.actions.is_empty(),
            "plans only, even from a full file"
        );
        let unknown = prepare_import(&[], held_meeting(), at(5), || "new".into());
        assert!(!unknown.is_copy);
        assert_eq!(unknown.meeting.id, "m1");
    }
}
