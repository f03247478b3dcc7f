//! Data written by the first released build still loads (issue 7, upgrades).
//!
//! `fixtures/first-release-backup.json` was exported by the core of commit 9732354, the first
//! build that stored meetings, with every part of the model filled in. It is never regenerated:
//! if a later change renames a field or an enum value, this test fails instead of a user's
//! year of meetings.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use crossmeet::core::domain::model::{ActionStatus, AttendanceStatus, MinutesStatus, RunEventKind};
use crossmeet::core::domain::retro::overrun_minutes;
use crossmeet::core::formats::backup::parse_backup;
use crossmeet::core::storage::persist::{decode_meeting, encode_meeting};

const FIRST_RELEASE: &str = include_str!("fixtures/first-release-backup.json");

#[test]
fn a_backup_from_the_first_release_loads_whole() {
    let meetings = parse_backup(FIRST_RELEASE)
        .expect("the first release's backup loads")
        .value;
    assert_eq!(meetings.len(), 2);
    let held = &meetings[0];
    assert_eq!(held.title, "客诉责任界定会 | \"Q4\" <b>");
    assert_eq!(
        held.agenda.len(),
        5,
        "the problem-solving template's agenda"
    );
    assert_eq!(
        held.participants[1].attendance.status,
        AttendanceStatus::Declined
    );
    assert_eq!(held.participants[1].attendance.substitute, "赵强");
    assert_eq!(held.run_log.len(), 6);
    assert!(matches!(
        held.run_log[2].kind,
        RunEventKind::SpeakerTurn { ref speaker } if speaker == "王芳"
    ));
    assert_eq!(
        overrun_minutes(held),
        Some(5),
        "70 minutes with a 5-minute pause, 60 planned"
    );
    assert_eq!(held.parking_lot[0].text, "=HYPERLINK(\"x\")");
    assert_eq!(held.decisions[0].text, "客服部牵头整改");
    let action = &held.actions[0];
    assert_eq!(action.status, ActionStatus::InProgress);
    assert_eq!(action.deadline, NaiveDate::from_ymd_opt(2026, 11, 30));
    assert_eq!(action.progress[0].text, "初稿完成");
    assert_eq!(held.minutes.status, MinutesStatus::DraftSent);
    assert_eq!(held.feedback[0].rating, Some(4));
    assert_eq!(held.improvement_notes, ["议程压缩到 45 分钟"]);
    assert_eq!(
        held.series.as_ref().map(|s| s.name.as_str()),
        Some("客诉周会")
    );
    assert_eq!(meetings[1].id, "first-blank");
}

#[test]
fn first_release_meetings_survive_a_save_in_this_version() {
    for meeting in parse_backup(FIRST_RELEASE).unwrap().value {
        assert_eq!(decode_meeting(&encode_meeting(&meeting)), Ok(meeting));
    }
}
