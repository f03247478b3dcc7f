//! Airtime across a series (F5 review): each department's average share, and whether one
//! holds most of the speaking time meeting after meeting.

use chrono::Duration;

use super::{airtime, same, share_out, ItemFocus};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{self, Meeting};
use crate::core::domain::order;

/// One department across a series, for the review.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DepartmentBalance<'a> {
    pub department: &'a str,
    /// As in [`DepartmentTime::known`](super::DepartmentTime::known).
    pub known: bool,
    /// The mean of its meeting shares (0 where it did not speak), each meeting weighing the
    /// same; whole percents summing to 100 over the departments.
    pub average_percent: u8,
    /// In how many meetings it had the largest share (a tie counts for each).
    pub largest_in: usize,
}

/// A department holding more than half of the speaking time, meeting after meeting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Dominating<'a> {
    pub department: &'a str,
    /// How many of the last `of_last` meetings it held more than half of the speaking time in.
    pub meetings_over_half: usize,
    pub of_last: usize,
}

impl Dominating<'_> {
    /// The review's warning.
    pub fn warning(&self, lang: Lang) -> String {
        tr(
            lang,
            T::AirtimeDominating,
            &[
                self.department,
                &self.meetings_over_half.to_string(),
                &self.of_last.to_string(),
            ],
        )
    }
}

/// Airtime across the meetings of a series (F5 review).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SeriesBalance<'a> {
    /// Largest average share first.
    pub departments: Vec<DepartmentBalance<'a>>,
    /// Meetings with any speaking time recorded; the others count nowhere.
    pub meetings_with_airtime: usize,
    pub dominating: Option<Dominating<'a>>,
}

/// How many of the latest meetings with airtime the dominating rule looks at.
pub const DOMINATING_WINDOW: usize = 3;

/// The balance of a series' meetings (templates skipped), each taken as of its last run-log
/// event, in the order they took place (start, else creation).
///
/// The rule: a department *dominates* when it held more than half of the speaking time (exactly,
/// not the rounded percent) in at least 2 of the last [`DOMINATING_WINDOW`] meetings with
/// airtime — one meeting is never a pattern. Only a known department can dominate; a speaker
/// nobody could place is not a department to warn about. At most one department can qualify.
pub fn series_balance<'a>(meetings: impl IntoIterator<Item = &'a Meeting>) -> SeriesBalance<'a> {
    let mut held: Vec<&Meeting> = model::meetings_only(meetings).collect();
    order::sort_by_key(&mut held, |meeting| {
        meeting.schedule.starts_at.or(meeting.created_at)
    });
    let mut balance = SeriesBalance::default();
    let mut percent_sums: Vec<u32> = Vec::new();
    // Per meeting with airtime, the row that held more than half, if any.
    let mut majorities: Vec<Option<usize>> = Vec::new();
    for meeting in held {
        let Some(last) = meeting.run_log.last() else {
            continue;
        };
        let air = airtime(meeting, last.at, ItemFocus::Current);
        if air.meeting_total <= Duration::zero() {
            continue;
        }
        balance.meetings_with_airtime += 1;
        let largest = air.departments.iter().map(|row| row.meeting).max();
        let mut majority = None;
        for row in &air.departments {
            let index = match balance
                .departments
                .iter()
                .position(|known| same(known.department, row.department))
            {
                Some(index) => index,
                None => {
                    balance.departments.push(DepartmentBalance {
                        department: row.department,
                        known: false,
                        average_percent: 0,
                        largest_in: 0,
                    });
                    percent_sums.push(0);
                    balance.departments.len() - 1
                }
            };
            let entry = &mut balance.departments[index];
            entry.known |= row.known;
            percent_sums[index] += u32::from(row.meeting_percent);
            if Some(row.meeting) == largest {
                entry.largest_in += 1;
            }
            if row.meeting * 2 > air.meeting_total {
                majority = Some(index);
            }
        }
        majorities.push(majority);
    }

    // The shares add up to 100 per meeting, so their sums share out over 100 per meeting.
    let mut averages: Vec<(u32, u8)> = percent_sums.into_iter().map(|sum| (sum, 0)).collect();
    share_out(
        &mut averages,
        Duration::milliseconds(balance.meetings_with_airtime as i64 * 100),
        |(sum, _)| Duration::milliseconds(i64::from(*sum)),
        |(_, average), percent| *average = percent,
    );
    for (department, (_, average)) in balance.departments.iter_mut().zip(averages) {
        department.average_percent = average;
    }

    let window = &majorities[majorities.len().saturating_sub(DOMINATING_WINDOW)..];
    balance.dominating = (0..balance.departments.len())
        .filter(|&index| balance.departments[index].known)
        .map(|index| (index, window.iter().filter(|m| **m == Some(index)).count()))
        .find(|&(_, over_half)| over_half >= 2)
        .map(|(index, over_half)| Dominating {
            department: balance.departments[index].department,
            meetings_over_half: over_half,
            of_last: window.len(),
        });
    order::sort_by(&mut balance.departments, |a, b| {
        b.average_percent.cmp(&a.average_percent)
    });
    balance
}
