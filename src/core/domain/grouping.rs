//! How the review and the cost review group meetings (F5), written once: by series, told apart
//! by the series' id (two series may share a name), or by the calendar quarter of the meeting's
//! start (else its creation) in the organiser's zone. Series are ordered by name with meetings
//! outside any series last; quarters newest first with undated meetings last.

use std::cmp::Ordering;

use chrono::{DateTime, Datelike, NaiveDate, Utc};

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::time::LocalZone;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Grouping {
    #[default]
    Series,
    Quarter,
}

/// Which group a meeting belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupKey {
    /// A series, by its id.
    Series(String),
    NoSeries,
    /// A quarter as `year × 4 + quarter − 1`.
    Quarter(i64),
    Undated,
}

/// A group as the review shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    pub key: GroupKey,
    pub label: String,
}

/// When a meeting counts as held for the review: its start, else its creation.
pub fn when(meeting: &Meeting) -> Option<DateTime<Utc>> {
    meeting.schedule.starts_at.or(meeting.created_at)
}

/// The group of `meeting`; a series without a name is no series.
pub fn group_of(meeting: &Meeting, grouping: Grouping, zone: &dyn LocalZone, lang: Lang) -> Group {
    let (key, label) = match grouping {
        Grouping::Series => match &meeting.series {
            Some(series) if !series.name.trim().is_empty() => (
                GroupKey::Series(series.id.clone()),
                series.name.trim().to_owned(),
            ),
            _ => (GroupKey::NoSeries, T::RetroNoSeries.get(lang).to_owned()),
        },
        Grouping::Quarter => match when(meeting).map(|at| zone.local(at).date()) {
            Some(date) => {
                let quarter = date.month0() / 3 + 1;
                let label = tr(
                    lang,
                    T::RetroQuarter,
                    &[&date.year().to_string(), &quarter.to_string()],
                );
                (GroupKey::Quarter(quarter_key(date)), label)
            }
            None => (GroupKey::Undated, T::RetroUndated.get(lang).to_owned()),
        },
    };
    Group { key, label }
}

/// A date's calendar quarter as `year × 4 + quarter − 1`: quarters in order, as numbers.
pub fn quarter_key(date: NaiveDate) -> i64 {
    i64::from(date.year()) * 4 + i64::from(date.month0() / 3)
}

/// The entry of `group` among `groups`, added with `new(label)` the first time it is met.
pub fn entry<T>(
    groups: &mut Vec<(Group, T)>,
    group: Group,
    new: impl FnOnce(String) -> T,
) -> &mut T {
    let index = match groups.iter().position(|(known, _)| known.key == group.key) {
        Some(index) => index,
        None => {
            let value = new(group.label.clone());
            groups.push((group, value));
            groups.len() - 1
        }
    };
    &mut groups[index].1
}

/// The groups' entries in the review's order.
pub fn in_review_order<T>(mut groups: Vec<(Group, T)>) -> Vec<T> {
    crate::core::domain::order::sort_by(&mut groups, |a, b| review_order(&a.0, &b.0));
    groups.into_iter().map(|(_, value)| value).collect()
}

/// The review's order of groups.
pub fn review_order(a: &Group, b: &Group) -> Ordering {
    match (&a.key, &b.key) {
        (GroupKey::Quarter(a), GroupKey::Quarter(b)) => b.cmp(a),
        (GroupKey::Undated, GroupKey::Undated) | (GroupKey::NoSeries, GroupKey::NoSeries) => {
            Ordering::Equal
        }
        (GroupKey::Undated | GroupKey::NoSeries, _) => Ordering::Greater,
        (_, GroupKey::Undated | GroupKey::NoSeries) => Ordering::Less,
        _ => a.label.cmp(&b.label),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::SeriesRef;
    use chrono::{FixedOffset, TimeZone};

    fn meeting(series: Option<(&str, &str)>, start: Option<(i32, u32, u32)>) -> Meeting {
        Meeting {
            series: series.map(|(id, name)| SeriesRef {
                id: id.into(),
                name: name.into(),
            }),
            schedule: crate::core::domain::model::Schedule {
                starts_at: start.map(|(y, m, d)| Utc.with_ymd_and_hms(y, m, d, 16, 30, 0).unwrap()),
                ..Default::default()
            },
            ..Meeting::default()
        }
    }

    fn groups(meetings: &[Meeting], grouping: Grouping) -> Vec<Group> {
        let beijing = FixedOffset::east_opt(8 * 3600).unwrap();
        let mut groups: Vec<Group> = Vec::new();
        for meeting in meetings {
            let group = group_of(meeting, grouping, &beijing, Lang::En);
            if !groups.contains(&group) {
                groups.push(group);
            }
        }
        crate::core::domain::order::sort_by(&mut groups, review_order);
        groups
    }

    #[test]
    fn series_are_told_apart_by_id_and_ordered_by_name_with_the_unseries_last() {
        let meetings = [
            meeting(Some(("s2", "周例会")), None),
            meeting(None, None),
            meeting(Some(("s1", "周例会")), None),
            meeting(Some(("s3", "Launch")), None),
            meeting(Some(("s4", "  ")), None),
        ];
        let shown: Vec<(GroupKey, String)> = groups(&meetings, Grouping::Series)
            .into_iter()
            .map(|g| (g.key, g.label))
            .collect();
        assert_eq!(
            shown,
            [
                (GroupKey::Series("s3".into()), "Launch".into()),
                (GroupKey::Series("s2".into()), "周例会".into()),
                (GroupKey::Series("s1".into()), "周例会".into()),
                (GroupKey::NoSeries, "Not in a series".into()),
            ],
            "two series named alike are two groups; a blank name is no series"
        );
    }

    #[test]
    fn quarters_are_the_organisers_newest_first_with_the_undated_last() {
        let meetings = [
            meeting(None, Some((2026, 3, 31))), // 00:30 on 1 April in Beijing: Q2
            meeting(None, None),
            meeting(None, Some((2026, 12, 31))), // 2027 Q1 in Beijing
            meeting(None, Some((2026, 5, 2))),
        ];
        let labels: Vec<String> = groups(&meetings, Grouping::Quarter)
            .into_iter()
            .map(|g| g.label)
            .collect();
        assert_eq!(labels, ["2027 Q1", "2026 Q2", "No date"]);
    }
}
