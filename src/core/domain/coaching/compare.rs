//! Did it help? The series' last two quarters side by side, and each carried change with the
//! figure of its rule before and after the meeting it was carried into (F6).

use chrono::NaiveDate;

use super::rules::tally;
use super::{held, window, CarriedChange};
use crate::core::domain::grouping::{when, Grouping};
use crate::core::domain::i18n::Lang;
use crate::core::domain::model::Meeting;
use crate::core::domain::order;
use crate::core::domain::retro::{retrospective, RetroGroup};
use crate::core::domain::time::LocalZone;

/// The series' last two dated quarters, the older first: what the review compares.
pub fn quarter_figures(
    series: &[&Meeting],
    today: NaiveDate,
    zone: &dyn LocalZone,
    lang: Lang,
) -> Vec<RetroGroup> {
    let mut quarters: Vec<RetroGroup> =
        retrospective(series.iter().copied(), Grouping::Quarter, today, zone, lang)
            .into_iter()
            .filter(|group| group.meetings.iter().any(|m| m.date.is_some()))
            .take(2)
            .collect();
    quarters.reverse();
    quarters
}

/// Whether a carried change's figure went down.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    Improved,
    NotImproved,
    /// No meeting held since, or none before to compare with.
    TooEarly,
}

/// A change carried into a meeting, with its rule's figure before and after.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CarriedResult<'a> {
    /// The meeting it was carried into.
    pub meeting: &'a Meeting,
    pub change: &'a CarriedChange,
    /// Percent of the meetings showing the pattern: the quarter under review before the change,
    /// and the meetings held since it.
    pub before: Option<usize>,
    pub after: Option<usize>,
}

impl CarriedResult<'_> {
    pub fn outcome(&self) -> Outcome {
        match (self.before, self.after) {
            (Some(before), Some(after)) if after < before => Outcome::Improved,
            (Some(_), Some(_)) => Outcome::NotImproved,
            _ => Outcome::TooEarly,
        }
    }
}

/// Every change carried into a meeting of the series, oldest first.
pub fn carried_results<'a>(
    series: &[&'a Meeting],
    today: NaiveDate,
    zone: &dyn LocalZone,
) -> Vec<CarriedResult<'a>> {
    let held = held(series);
    let mut carrying: Vec<&Meeting> = series
        .iter()
        .copied()
        .filter(|m| !m.carried.is_empty())
        .collect();
    order::sort_by_key(&mut carrying, |m| when(m));
    let mut results = Vec::new();
    for meeting in carrying {
        let from = when(meeting);
        let split = held.partition_point(|m| when(m) < from);
        let (before, after) = held.split_at(split);
        let before = window(before, zone);
        for change in &meeting.carried {
            let percent = |meetings: &[&Meeting]| {
                let (hits, looked_at) = tally(change.rule, meetings, &change.subject, today, zone);
                (looked_at > 0).then(|| (hits.len() * 100 + looked_at / 2) / looked_at)
            };
            results.push(CarriedResult {
                meeting,
                change,
                before: percent(&before),
                after: percent(after),
            });
        }
    }
    results
}
