//! The meeting clocks (E2), computed from the run log and the current time — never by counting
//! ticks. A reload, a closed lid or a throttled background tab therefore cannot make them drift:
//! the same log and the same `now` always give the same times. Only UTC instants are used, so a
//! change of the device's time zone changes nothing either.

use chrono::{DateTime, Duration, Utc};

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{Meeting, RunEvent, RunEventKind};

/// The speaking-turn limit the guide suggests (E1: 3 minutes per turn).
pub const DEFAULT_TURN: Duration = Duration::minutes(3);

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum RunState {
    #[default]
    NotStarted,
    Running,
    Paused,
    Ended,
}

/// The current speaker's turn.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Turn {
    pub speaker: String,
    pub elapsed: Duration,
    /// Negative once the turn is over its limit.
    pub left: Duration,
}

impl Turn {
    /// No time left: the moment the gentle sound plays (E8) and the turn clock turns red.
    pub fn is_over(&self) -> bool {
        self.left <= Duration::zero()
    }
}

/// Everything the run view shows, at one instant.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Clocks {
    pub state: RunState,
    /// Running time since the start, pauses excluded.
    pub meeting_elapsed: Duration,
    /// Planned duration minus elapsed; negative when the meeting runs over.
    pub meeting_left: Duration,
    /// The agenda item being discussed, as its index in the agenda: the tick allocates no ids.
    pub current_item: Option<usize>,
    pub item_elapsed: Duration,
    pub item_planned: Duration,
    /// Planned minus elapsed for the current item; negative is overrun.
    pub item_left: Duration,
    pub next_item: Option<usize>,
    pub turn: Option<Turn>,
    /// Time actually spent per agenda item so far, in agenda order (items never started: zero).
    pub actual: Vec<Duration>,
}

impl Clocks {
    pub fn item_overrun(&self) -> bool {
        self.current_item.is_some() && self.item_left < Duration::zero()
    }

    pub fn meeting_overrun(&self) -> bool {
        self.meeting_left < Duration::zero()
    }
}

/// Replays the run log up to `now`.
pub fn clocks(meeting: &Meeting, now: DateTime<Utc>, turn_limit: Duration) -> Clocks {
    let mut clocks = Clocks::default();
    let mut spent = vec![Duration::zero(); meeting.agenda.len()];
    let mut running_since: Option<DateTime<Utc>> = None;
    let mut speaker: Option<(String, Duration)> = None;

    let mut account = |until: DateTime<Utc>,
                       since: &mut Option<DateTime<Utc>>,
                       clocks: &mut Clocks,
                       speaker: &mut Option<(String, Duration)>| {
        if let Some(start) = since.replace(until) {
            // A device clock set backwards must not make time run backwards.
            let segment = (until - start).max(Duration::zero());
            clocks.meeting_elapsed += segment;
            if let Some(current) = clocks.current_item {
                spent[current] += segment;
            }
            if let Some((_, time)) = speaker {
                *time += segment;
            }
        }
    };

    for RunEvent { at, kind } in &meeting.run_log {
        if matches!(clocks.state, RunState::Running) {
            account(*at, &mut running_since, &mut clocks, &mut speaker);
        }
        match kind {
            RunEventKind::Started | RunEventKind::Resumed => {
                if clocks.state != RunState::Ended {
                    clocks.state = RunState::Running;
                    running_since = Some(*at);
                }
            }
            RunEventKind::Paused => {
                if clocks.state == RunState::Running {
                    clocks.state = RunState::Paused;
                }
                running_since = None;
            }
            RunEventKind::ItemStarted { item_id } => {
                // An item deleted since has no clock of its own.
                clocks.current_item = meeting.agenda.iter().position(|item| item.id == *item_id);
                speaker = None;
            }
            RunEventKind::SpeakerTurn { speaker: name } => {
                speaker = Some((name.clone(), Duration::zero()));
            }
            RunEventKind::Ended => {
                clocks.state = RunState::Ended;
                running_since = None;
                speaker = None;
            }
        }
    }
    if clocks.state == RunState::Running {
        account(now, &mut running_since, &mut clocks, &mut speaker);
    }

    let planned_total = Duration::minutes(i64::from(meeting.schedule.duration_minutes));
    clocks.meeting_left = planned_total - clocks.meeting_elapsed;
    if let Some(current) = clocks.current_item {
        clocks.item_planned = Duration::minutes(i64::from(meeting.agenda[current].minutes));
        clocks.item_elapsed = spent[current];
        clocks.item_left = clocks.item_planned - clocks.item_elapsed;
        clocks.next_item = (current + 1 < meeting.agenda.len()).then_some(current + 1);
    } else if clocks.state == RunState::NotStarted || clocks.state == RunState::Running {
        clocks.next_item = (!meeting.agenda.is_empty()).then_some(0);
    }
    clocks.turn = speaker.map(|(speaker, elapsed)| Turn {
        speaker,
        elapsed,
        left: turn_limit - elapsed,
    });
    clocks.actual = spent;
    clocks
}

/// `05:07`, or `-01:30` over time, or `1:02:03` past an hour. Rounded to the nearest second:
/// with the UI's half-second tick the text is then never more than a second from the truth.
pub fn format_duration(duration: Duration) -> String {
    let sign = if duration < Duration::zero() { "-" } else { "" };
    let total = (duration.num_milliseconds().abs() + 500) / 1000;
    let (hours, minutes, seconds) = (total / 3600, total / 60 % 60, total % 60);
    if hours > 0 {
        format!("{sign}{hours}:{minutes:02}:{seconds:02}")
    } else {
        format!("{sign}{minutes:02}:{seconds:02}")
    }
}

/// A wait or a delay as a person reads it: `05:07` or `2:03:04` within a day, and `5 天 19 小时`
/// beyond, where seconds no longer matter (F1's 24-hour and 48-hour lines). Never signed: the
/// text around it says "left" or "late".
pub fn format_countdown(duration: Duration, lang: Lang) -> String {
    let duration = duration.abs();
    if duration < Duration::days(1) {
        return format_duration(duration);
    }
    let days = duration.num_days().to_string();
    let hours = (duration.num_hours() % 24).to_string();
    tr(lang, T::DaysHours, &[&days, &hours])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::AgendaItem;
    use crate::core::storage::persist::{decode_meeting, encode_meeting};
    use chrono::{FixedOffset, TimeZone};

    fn t(minute: i64, second: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap()
            + Duration::minutes(minute)
            + Duration::seconds(second)
    }

    fn meeting(log: Vec<(DateTime<Utc>, RunEventKind)>) -> Meeting {
        let mut meeting = Meeting {
            id: "m".into(),
            agenda: ["a", "b", "c"]
                .iter()
                .zip([10, 20, 30])
                .map(|(id, minutes)| AgendaItem {
                    id: (*id).into(),
                    minutes,
                    ..AgendaItem::default()
                })
                .collect(),
            run_log: log
                .into_iter()
                .map(|(at, kind)| RunEvent { at, kind })
                .collect(),
            ..Meeting::default()
        };
        meeting.schedule.duration_minutes = 60;
        meeting
    }

    fn item(id: &str) -> RunEventKind {
        RunEventKind::ItemStarted { item_id: id.into() }
    }

    #[test]
    fn before_the_start_nothing_runs() {
        let clocks = clocks(&meeting(vec![]), t(5, 0), DEFAULT_TURN);
        assert_eq!(clocks.state, RunState::NotStarted);
        assert_eq!(clocks.meeting_elapsed, Duration::zero());
        assert_eq!(clocks.meeting_left, Duration::minutes(60));
        assert_eq!(clocks.next_item, Some(0), "the first item, \"a\"");
    }

    #[test]
    fn pauses_do_not_count() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(4, 0), RunEventKind::Paused),
            (t(9, 0), RunEventKind::Resumed),
        ]);
        let mut before_resume = m.clone();
        before_resume.run_log.truncate(3);
        let paused = clocks(&before_resume, t(7, 0), DEFAULT_TURN);
        assert_eq!(paused.state, RunState::Paused);
        assert_eq!(paused.meeting_elapsed, Duration::minutes(4));
        let later = clocks(&m, t(12, 30), DEFAULT_TURN);
        assert_eq!(later.meeting_elapsed, Duration::seconds(7 * 60 + 30));
        assert_eq!(later.item_elapsed, later.meeting_elapsed);
        assert_eq!(later.item_left, Duration::seconds(2 * 60 + 30));
        assert!(!later.item_overrun());
    }

    #[test]
    fn item_changes_split_the_time_and_show_overrun() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(12, 0), item("b")),
        ]);
        let clocks = clocks(&m, t(35, 0), DEFAULT_TURN);
        assert_eq!(clocks.current_item, Some(1), "\"b\"");
        assert_eq!(clocks.next_item, Some(2), "\"c\"");
        assert_eq!(clocks.item_elapsed, Duration::minutes(23));
        assert_eq!(clocks.item_left, Duration::minutes(-3));
        assert!(clocks.item_overrun());
        assert_eq!(
            clocks.actual,
            vec![
                Duration::minutes(12),
                Duration::minutes(23),
                Duration::zero()
            ],
            "a, b, c"
        );
        assert_eq!(clocks.meeting_left, Duration::minutes(25));
    }

    #[test]
    fn the_meeting_clock_shows_overrun_and_stops_at_the_end() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("c")),
            (t(70, 0), RunEventKind::Ended),
        ]);
        let clocks = clocks(&m, t(200, 0), DEFAULT_TURN);
        assert_eq!(clocks.state, RunState::Ended);
        assert_eq!(clocks.meeting_elapsed, Duration::minutes(70));
        assert!(clocks.meeting_overrun());
        assert_eq!(format_duration(clocks.meeting_left), "-10:00");
    }

    #[test]
    fn speaker_turns_count_down_and_reset() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (
                t(1, 0),
                RunEventKind::SpeakerTurn {
                    speaker: "研发部".into(),
                },
            ),
            (t(2, 0), RunEventKind::Paused),
            (t(5, 0), RunEventKind::Resumed),
        ]);
        let turn = clocks(&m, t(7, 30), DEFAULT_TURN).turn.unwrap();
        assert_eq!(turn.speaker, "研发部");
        assert_eq!(turn.elapsed, Duration::seconds(3 * 60 + 30));
        assert_eq!(turn.left, Duration::seconds(-30));
        assert!(turn.is_over());
        let at_the_limit = Turn {
            left: Duration::zero(),
            ..turn.clone()
        };
        assert!(
            at_the_limit.is_over(),
            "no time left is over: the sound and the red clock agree"
        );
        let in_time = Turn {
            left: Duration::seconds(1),
            ..turn.clone()
        };
        assert!(!in_time.is_over());
        let mut next = m.clone();
        next.run_log.push(RunEvent {
            at: t(8, 0),
            kind: RunEventKind::SpeakerTurn {
                speaker: "市场部".into(),
            },
        });
        let turn = clocks(&next, t(8, 45), Duration::minutes(2)).turn.unwrap();
        assert_eq!(
            (turn.speaker.as_str(), turn.left),
            ("市场部", Duration::seconds(75))
        );
    }

    #[test]
    fn clocks_survive_a_reload_from_the_stored_log() {
        let m = meeting(vec![
            (t(0, 0), RunEventKind::Started),
            (t(0, 0), item("a")),
            (t(3, 0), RunEventKind::Paused),
            (t(4, 0), RunEventKind::Resumed),
            (t(10, 0), item("b")),
        ]);
        let reloaded = decode_meeting(&encode_meeting(&m)).unwrap();
        assert_eq!(
            clocks(&reloaded, t(15, 0), DEFAULT_TURN),
            clocks(&m, t(15, 0), DEFAULT_TURN)
        );
    }

    #[test]
    fn a_time_zone_change_changes_nothing() {
        // The same instants written from two zones are the same log.
        let shanghai = FixedOffset::east_opt(8 * 3600).unwrap();
        let london = FixedOffset::east_opt(0).unwrap();
        let start_sh = shanghai
            .with_ymd_and_hms(2026, 12, 1, 14, 0, 0)
            .unwrap()
            .with_timezone(&Utc);
        let item_ldn = london
            .with_ymd_and_hms(2026, 12, 1, 6, 5, 0)
            .unwrap()
            .with_timezone(&Utc);
        let m = meeting(vec![
            (start_sh, RunEventKind::Started),
            (item_ldn, item("a")),
        ]);
        let clocks = clocks(&m, t(20, 0), DEFAULT_TURN);
        assert_eq!(clocks.meeting_elapsed, Duration::minutes(20));
        assert_eq!(clocks.item_elapsed, Duration::minutes(15));
    }

    #[test]
    fn a_clock_set_backwards_never_runs_time_backwards() {
        let m = meeting(vec![
            (t(10, 0), RunEventKind::Started),
            (t(5, 0), item("a")),
        ]);
        let clocks = clocks(&m, t(8, 0), DEFAULT_TURN);
        assert_eq!(clocks.meeting_elapsed, Duration::minutes(3));
    }

    #[test]
    fn durations_read_like_a_clock() {
        assert_eq!(format_duration(Duration::seconds(307)), "05:07");
        assert_eq!(format_duration(Duration::seconds(-90)), "-01:30");
        assert_eq!(format_duration(Duration::seconds(3723)), "1:02:03");
        assert_eq!(format_duration(Duration::milliseconds(1600)), "00:02");
        assert_eq!(format_duration(Duration::milliseconds(-1400)), "-00:01");
    }

    #[test]
    fn a_long_delay_reads_in_days_and_never_twice_negative() {
        let cases = [
            (Duration::seconds(-47), Lang::Zh, "00:47"),
            (
                Duration::hours(23) + Duration::minutes(59),
                Lang::Zh,
                "23:59:00",
            ),
            (Duration::hours(24), Lang::Zh, "1 天 0 小时"),
            // "终稿已逾期 139:19:09" of the organiser's screenshot.
            (
                -(Duration::hours(139) + Duration::seconds(1149)),
                Lang::Zh,
                "5 天 19 小时",
            ),
            (Duration::hours(139), Lang::En, "5 days 19 h"),
            (Duration::hours(25), Lang::En, "1 day 1 h"),
        ];
        for (span, lang, text) in cases {
            assert_eq!(format_countdown(span, lang), text, "{span:?}");
        }
    }
}
