//! One tracker across all meetings (F3): every action item with its meeting, filtered and sorted,
//! with due dates judged against today, and the reminder shown when the app opens.

use chrono::NaiveDate;

use super::model::{ActionItem, ActionStatus, Meeting};
use super::order;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TrackerRow {
    pub meeting_id: String,
    pub meeting_title: String,
    pub action: ActionItem,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TrackerFilter {
    /// Matches owner or department, case-insensitive for ASCII.
    pub person: String,
    pub meeting_id: Option<String>,
    pub status: Option<ActionStatus>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum SortKey {
    #[default]
    Deadline,
    Owner,
    Status,
    Meeting,
}

impl SortKey {
    pub const ALL: [SortKey; 4] = [
        SortKey::Deadline,
        SortKey::Owner,
        SortKey::Status,
        SortKey::Meeting,
    ];
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    Overdue,
    Today,
    Later,
    Closed,
    NoDeadline,
}

pub fn due(action: &ActionItem, today: NaiveDate) -> Due {
    if action.status.is_closed() {
        return Due::Closed;
    }
    match action.deadline {
        None => Due::NoDeadline,
        Some(deadline) if deadline < today => Due::Overdue,
        Some(deadline) if deadline == today => Due::Today,
        Some(_) => Due::Later,
    }
}

/// The rows that pass `filter`, in `sort` order (ties keep meeting order).
pub fn tracker_rows(
    meetings: &[Meeting],
    filter: &TrackerFilter,
    sort: SortKey,
) -> Vec<TrackerRow> {
    tracker_refs(meetings, filter, sort)
        .into_iter()
        .map(TrackerRow::from)
        .collect()
}

/// [`tracker_rows`] as references, so that a year of actions is filtered and sorted without
/// copying it: only the rows a page draws are cloned.
pub fn tracker_refs<'a>(
    meetings: &'a [Meeting],
    filter: &TrackerFilter,
    sort: SortKey,
) -> Vec<(&'a Meeting, &'a ActionItem)> {
    let person = filter.person.trim().to_ascii_lowercase();
    let mut rows: Vec<(&Meeting, &ActionItem)> = meetings
        .iter()
        .filter(|m| !m.is_template)
        .filter(|m| filter.meeting_id.as_ref().is_none_or(|id| *id == m.id))
        .flat_map(|m| m.actions.iter().map(move |action| (m, action)))
        .filter(|(_, action)| filter.status.is_none_or(|status| action.status == status))
        .filter(|(_, action)| {
            person.is_empty()
                || contains_ignoring_ascii_case(&action.owner, &person)
                || contains_ignoring_ascii_case(&action.department, &person)
        })
        .collect();
    match sort {
        // Rows without a deadline go last: they cannot be late, but they are the vaguest.
        SortKey::Deadline => {
            order::sort_by_key(&mut rows, |(_, a)| (a.deadline.is_none(), a.deadline))
        }
        SortKey::Owner => order::sort_by(&mut rows, |a, b| a.1.owner.cmp(&b.1.owner)),
        SortKey::Status => order::sort_by_key(&mut rows, |(_, a)| status_rank(a.status)),
        SortKey::Meeting => order::sort_by(&mut rows, |a, b| a.0.title.cmp(&b.0.title)),
    }
    rows
}

/// Whether `needle` (already ASCII-lower-cased) occurs in `haystack`, ASCII case ignored: no
/// lower-cased copy of every owner and department on every keystroke.
fn contains_ignoring_ascii_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    needle.len() <= haystack.len()
        && haystack
            .as_bytes()
            .windows(needle.len())
            .any(|window| window.eq_ignore_ascii_case(needle))
}

impl From<(&Meeting, &ActionItem)> for TrackerRow {
    fn from((meeting, action): (&Meeting, &ActionItem)) -> TrackerRow {
        TrackerRow {
            meeting_id: meeting.id.clone(),
            meeting_title: meeting.title.clone(),
            action: action.clone(),
        }
    }
}

/// Blocked first: it is what a stand-up is for (F4).
fn status_rank(status: ActionStatus) -> u8 {
    match status {
        ActionStatus::Blocked => 0,
        ActionStatus::InProgress => 1,
        ActionStatus::Open => 2,
        ActionStatus::Done => 3,
        ActionStatus::Cancelled => 4,
    }
}

/// The weekly stand-up (F4): items still open, grouped by owner, blocked ones first in each
/// group, owners in name order (no owner last).
pub fn standup_groups(meetings: &[Meeting]) -> Vec<(String, Vec<TrackerRow>)> {
    let rows = tracker_rows(meetings, &TrackerFilter::default(), SortKey::Status);
    let mut groups: Vec<(String, Vec<TrackerRow>)> = Vec::new();
    for row in rows
        .into_iter()
        .filter(|row| !row.action.status.is_closed())
    {
        let owner = row.action.owner.trim().to_owned();
        match groups.iter_mut().find(|(name, _)| *name == owner) {
            Some((_, list)) => list.push(row),
            None => groups.push((owner, vec![row])),
        }
    }
    order::sort_by(&mut groups, |(a, _), (b, _)| {
        (a.is_empty(), a).cmp(&(b.is_empty(), b))
    });
    groups
}

/// (overdue, due today) across all meetings, for the reminder when the app opens.
pub fn reminder_counts(meetings: &[Meeting], today: NaiveDate) -> (usize, usize) {
    let mut counts = (0, 0);
    for action in meetings
        .iter()
        .filter(|m| !m.is_template)
        .flat_map(|m| &m.actions)
    {
        match due(action, today) {
            Due::Overdue => counts.0 += 1,
            Due::Today => counts.1 += 1,
            _ => {}
        }
    }
    counts
}

#[cfg(test)]
mod tests {
    #[test]
    fn person_filter_ignores_ascii_case_and_matches_chinese() {
        assert!(contains_ignoring_ascii_case("Li Lei", "li"));
        assert!(contains_ignoring_ascii_case("Marketing", "keti"));
        assert!(contains_ignoring_ascii_case("研发部", "研发"));
        assert!(!contains_ignoring_ascii_case("研发部", "市场"));
        assert!(!contains_ignoring_ascii_case("Li", "lil"));
    }

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn action(
        id: &str,
        owner: &str,
        dept: &str,
        deadline: Option<u32>,
        status: ActionStatus,
    ) -> ActionItem {
        ActionItem {
            id: id.into(),
            owner: owner.into(),
            department: dept.into(),
            deadline: deadline.map(day),
            status,
            ..ActionItem::default()
        }
    }

    fn meetings() -> Vec<Meeting> {
        vec![
            Meeting {
                id: "m1".into(),
                title: "B 周会".into(),
                actions: vec![
                    action("a", "张工", "研发部", Some(10), ActionStatus::Open),
                    action("b", "Li", "Marketing", None, ActionStatus::Blocked),
                ],
                ..Meeting::default()
            },
            Meeting {
                id: "m2".into(),
                title: "A 复盘".into(),
                actions: vec![
                    action("c", "王总", "运营部", Some(5), ActionStatus::InProgress),
                    action("d", "张工", "研发部", Some(1), ActionStatus::Done),
                ],
                ..Meeting::default()
            },
            Meeting {
                id: "t".into(),
                is_template: true,
                actions: vec![action("x", "", "", Some(1), ActionStatus::Open)],
                ..Meeting::default()
            },
        ]
    }

    fn ids(rows: &[TrackerRow]) -> Vec<&str> {
        rows.iter().map(|row| row.action.id.as_str()).collect()
    }

    #[test]
    fn rows_are_filtered_and_sorted() {
        let all = TrackerFilter::default();
        assert_eq!(
            ids(&tracker_rows(&meetings(), &all, SortKey::Deadline)),
            ["d", "c", "a", "b"]
        );
        assert_eq!(
            ids(&tracker_rows(&meetings(), &all, SortKey::Status)),
            ["b", "c", "a", "d"]
        );
        assert_eq!(
            ids(&tracker_rows(&meetings(), &all, SortKey::Meeting)),
            ["c", "d", "a", "b"]
        );
        let zhang = TrackerFilter {
            person: "张工".into(),
            ..TrackerFilter::default()
        };
        assert_eq!(
            ids(&tracker_rows(&meetings(), &zhang, SortKey::Deadline)),
            ["d", "a"]
        );
        let marketing = TrackerFilter {
            person: "market".into(),
            ..TrackerFilter::default()
        };
        assert_eq!(
            ids(&tracker_rows(&meetings(), &marketing, SortKey::Owner)),
            ["b"]
        );
        let done_in_m2 = TrackerFilter {
            meeting_id: Some("m2".into()),
            status: Some(ActionStatus::Done),
            ..TrackerFilter::default()
        };
        assert_eq!(
            ids(&tracker_rows(&meetings(), &done_in_m2, SortKey::Deadline)),
            ["d"]
        );
    }

    #[test]
    fn the_standup_shows_open_items_by_owner_blocked_first() {
        let mut all = meetings();
        all[0]
            .actions
            .push(action("e", "张工", "研发部", None, ActionStatus::Blocked));
        all[0]
            .actions
            .push(action("f", "", "", None, ActionStatus::Open));
        let standup = standup_groups(&all);
        let groups: Vec<(String, Vec<&str>)> = standup
            .iter()
            .map(|(owner, rows)| {
                (
                    owner.clone(),
                    rows.iter().map(|r| r.action.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            groups,
            vec![
                ("Li".to_owned(), vec!["b"]),
                ("张工".to_owned(), vec!["e", "a"]),
                ("王总".to_owned(), vec!["c"]),
                (String::new(), vec!["f"]),
            ]
        );
    }

    #[test]
    fn due_dates_are_judged_against_today_and_templates_never_remind() {
        let today = day(5);
        assert_eq!(
            due(&action("", "", "", Some(4), ActionStatus::Open), today),
            Due::Overdue
        );
        assert_eq!(
            due(&action("", "", "", Some(5), ActionStatus::Blocked), today),
            Due::Today
        );
        assert_eq!(
            due(&action("", "", "", Some(1), ActionStatus::Done), today),
            Due::Closed
        );
        assert_eq!(
            due(&action("", "", "", None, ActionStatus::Open), today),
            Due::NoDeadline
        );
        assert_eq!(reminder_counts(&meetings(), today), (0, 1));
        assert_eq!(reminder_counts(&meetings(), day(11)), (2, 0));
    }
}
