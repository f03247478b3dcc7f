//! The weekly stand-up's clock (F4): ten minutes from when it was started, and a start long ago
//! belongs to an earlier stand-up, so the page opens ready for a new one.

use chrono::{DateTime, Duration, Utc};

/// How long the stand-up lasts.
pub const STANDUP: Duration = Duration::minutes(10);
/// A clock started longer ago than this belongs to an earlier stand-up.
pub const FORGOTTEN_AFTER: Duration = Duration::hours(1);

/// The start of this stand-up's clock: `started`, unless it is from an earlier one.
pub fn current_start(started: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    started.filter(|at| now - *at < FORGOTTEN_AFTER)
}

/// Time left at `now` (negative once over), or the whole stand-up before it starts.
pub fn time_left(start: Option<DateTime<Utc>>, now: DateTime<Utc>) -> Duration {
    start.map_or(STANDUP, |at| STANDUP - (now - at))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(minutes: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 27, 9, 0, 0).unwrap() + Duration::minutes(minutes)
    }

    #[test]
    fn the_clock_counts_down_ten_minutes_and_then_over() {
        let start = current_start(Some(at(0)), at(4));
        assert_eq!(time_left(start, at(4)), Duration::minutes(6));
        assert_eq!(time_left(start, at(12)), Duration::minutes(-2));
        assert_eq!(
            time_left(None, at(12)),
            STANDUP,
            "not started: the whole stand-up"
        );
    }

    #[test]
    fn a_start_an_hour_ago_belongs_to_an_earlier_standup() {
        assert_eq!(current_start(Some(at(0)), at(59)), Some(at(0)));
        assert_eq!(current_start(Some(at(0)), at(60)), None);
        assert_eq!(current_start(None, at(0)), None);
    }
}
