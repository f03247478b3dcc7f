//! Every local date and time the core writes is at the offset in force at that instant (D5),
//! not today's: a July meeting planned in a New York December shows its own 14:00 everywhere —
//! agenda, notice, `.ics`, minutes, checks, review and the owners' calendar.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, TimeZone, Utc, Weekday};
use crossmeet::core::domain::agenda::{clock_times, format_span};
use crossmeet::core::domain::checks::{check, CheckContext};
use crossmeet::core::domain::grouping::Grouping;
use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, AgendaItem, Meeting, Phase};
use crossmeet::core::domain::retro::retrospective;
use crossmeet::core::domain::time::LocalZone;
use crossmeet::core::formats::export::action_calendar::action_calendar;
use crossmeet::core::formats::export::ics::calendar;
use crossmeet::core::formats::export::minutes::minutes_markdown;
use crossmeet::core::formats::export::notice::{notice, NoticeStyle};

/// New York since 2007: EDT (UTC−4) from the second Sunday of March at 02:00 EST to the first
/// Sunday of November at 02:00 EDT, EST (UTC−5) otherwise.
struct NewYork;

impl LocalZone for NewYork {
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        let sunday = |month, nth| {
            NaiveDate::from_weekday_of_month_opt(at.year(), month, Weekday::Sun, nth).unwrap()
        };
        let begins = sunday(3, 2).and_hms_opt(7, 0, 0).unwrap().and_utc();
        let ends = sunday(11, 1).and_hms_opt(6, 0, 0).unwrap().and_utc();
        let hours = if begins <= at && at < ends { -4 } else { -5 };
        FixedOffset::east_opt(hours * 3600).unwrap()
    }
}

fn new_york_offset_at(at: DateTime<Utc>) -> FixedOffset {
    NewYork.offset_at(at)
}

/// A New York wall-clock time as UTC.
fn new_york(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
    let naive = NaiveDate::from_ymd_opt(y, m, d)
        .unwrap()
        .and_hms_opt(h, min, 0)
        .unwrap();
    let guess = naive.and_utc() - new_york_offset_at(naive.and_utc());
    new_york_offset_at(guess)
        .from_local_datetime(&naive)
        .unwrap()
        .with_timezone(&Utc)
}

/// The organiser's "now": 6 December 2026, 10:00 in New York (EST).
fn today() -> DateTime<Utc> {
    new_york(2026, 12, 6, 10, 0)
}

/// What the shell passes the core as the organiser's zone. (Before, it passed today's offset,
/// `new_york_offset_at(today())`, and the July meeting showed 13:00.)
fn zone() -> &'static dyn LocalZone {
    &NewYork
}

/// Planned today for 6 July 2027 at 14:00 New York time (EDT).
fn july_meeting() -> Meeting {
    let mut meeting = Meeting {
        id: "m".into(),
        title: "Launch".into(),
        agenda: vec![
            AgendaItem {
                id: "a".into(),
                title: "Status".into(),
                minutes: 10,
                phase: Phase::Share,
                ..AgendaItem::default()
            },
            AgendaItem {
                id: "b".into(),
                title: "Choose".into(),
                minutes: 20,
                phase: Phase::Decide,
                ..AgendaItem::default()
            },
        ],
        ..Meeting::default()
    };
    meeting.schedule.starts_at = Some(new_york(2027, 7, 6, 14, 0));
    meeting.schedule.duration_minutes = 30;
    meeting
}

#[test]
fn the_zone_imitates_new_york() {
    assert_eq!(
        new_york(2027, 7, 6, 14, 0).to_rfc3339(),
        "2027-07-06T18:00:00+00:00"
    );
    assert_eq!(today().to_rfc3339(), "2026-12-06T15:00:00+00:00");
    // The switch instants: 02:00 EST becomes 03:00 EDT, 02:00 EDT becomes 01:00 EST.
    let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
    for (instant, hours) in [
        ("2027-03-14T06:59:59Z", -5),
        ("2027-03-14T07:00:00Z", -4),
        ("2027-11-07T05:59:59Z", -4),
        ("2027-11-07T06:00:00Z", -5),
    ] {
        assert_eq!(
            new_york_offset_at(at(instant)).local_minus_utc(),
            hours * 3600,
            "{instant}"
        );
    }
}

#[test]
fn a_july_meeting_planned_in_december_shows_its_own_time_everywhere() {
    let meeting = july_meeting();
    let spans: Vec<String> = clock_times(&meeting, zone())
        .unwrap()
        .into_iter()
        .map(format_span)
        .collect();
    let text = notice(&meeting, Lang::En, zone(), NoticeStyle::PlainText);
    let ics = calendar(&meeting, Lang::En, zone(), today()).unwrap();
    let minutes = minutes_markdown(&meeting, Lang::En, zone(), today());
    let first_line = |text: &str, start: &str| {
        text.lines()
            .find(|line| line.contains(start))
            .unwrap_or("(no such line)")
            .to_owned()
    };
    let shown = [
        ("agenda", spans.join(" ")),
        ("notice start", first_line(&text, "· Time")),
        ("notice agenda", first_line(&text, "1. ")),
        ("ics", first_line(&ics, "DTSTART")),
        ("minutes", first_line(&minutes, "Start")),
    ];
    let expected = [
        ("agenda", "14:00–14:10 14:10–14:30".to_owned()),
        (
            "notice start",
            "· Time: Tue 6 Jul, 14:00–14:30 (30 min)".to_owned(),
        ),
        ("notice agenda", "1. 14:00–14:10 Status (10 min)".to_owned()),
        ("ics", "DTSTART:20270706T180000Z".to_owned()),
        ("minutes", "Start: 2027-07-06 14:00".to_owned()),
    ];
    assert_eq!(shown, expected);
}

#[test]
fn checks_read_the_weekday_and_hour_at_the_meeting() {
    // Table: start in New York time → the R1 weekday finding it deserves.
    for (start, expected) in [
        // Friday 9 July 2027, 12:30 EDT: an afternoon (11:30 at December's offset).
        (new_york(2027, 7, 9, 12, 30), Some("R1-friday-afternoon")),
        // Monday 12 July 2027, 11:30 EDT: a morning (10:30 in December too).
        (new_york(2027, 7, 12, 11, 30), Some("R1-monday-morning")),
        // Monday 12 July 2027, 12:30 EDT: an afternoon (11:30 at December's offset).
        (new_york(2027, 7, 12, 12, 30), None),
    ] {
        let mut meeting = july_meeting();
        meeting.schedule.starts_at = Some(start);
        let context = CheckContext {
            now: today(),
            zone: zone(),
        };
        let found = check(&meeting, context)
            .into_iter()
            .map(|finding| finding.code)
            .find(|code| code.ends_with("-afternoon") || code.ends_with("-morning"));
        assert_eq!(found, expected, "meeting at {start}");
    }
}

#[test]
fn review_quarters_and_owner_calendars_use_the_meeting_date() {
    // 1 July 2027, 00:30 EDT: the third quarter (30 June 23:30 at December's offset).
    let mut meeting = july_meeting();
    meeting.schedule.starts_at = Some(new_york(2027, 7, 1, 0, 30));
    let groups = retrospective(
        std::slice::from_ref(&meeting),
        Grouping::Quarter,
        NewYork.local(today()).date(),
        zone(),
        Lang::En,
    );
    assert_eq!(groups[0].label, "2027 Q3");

    // 6 July 2027, 21:00 EDT is 7 July in UTC: the owners' calendar names the meeting's own day.
    meeting.schedule.starts_at = Some(new_york(2027, 7, 6, 21, 0));
    meeting.actions = vec![ActionItem {
        id: "x".into(),
        task: "Ship".into(),
        deadline: NaiveDate::from_ymd_opt(2027, 7, 20),
        ..ActionItem::default()
    }];
    let file = action_calendar(
        &[(&meeting, &meeting.actions[0])],
        Lang::En,
        zone(),
        today(),
        NewYork.local(today()).date(),
    );
    let unfolded = file.ics.replace("\r\n ", "");
    assert!(
        unfolded.contains("Meeting: Launch 2027-07-06"),
        "{}",
        unfolded
            .lines()
            .find(|line| line.starts_with("DESCRIPTION"))
            .unwrap_or("(no description)")
    );
}

#[test]
fn a_copy_moved_to_next_week_keeps_its_wall_clock_time_across_the_change() {
    use crossmeet::core::domain::time::same_slot_ahead;
    // Thursday 29 October 2026, 14:00 EDT; copied on Monday 2 November, after clocks went back.
    let last_week = new_york(2026, 10, 29, 14, 0);
    let moved = same_slot_ahead(last_week, new_york(2026, 11, 2, 9, 0), zone());
    assert_eq!(moved, new_york(2026, 11, 5, 14, 0), "14:00 EST, not 13:00");
}
