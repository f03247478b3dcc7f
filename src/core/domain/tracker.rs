//! One tracker across all meetings (F3): every action item with its meeting, filtered and sorted,
//! with due dates judged against today, and the reminder shown when the app opens.

use chrono::NaiveDate;

use crate::core::domain::choice::choice;
use crate::core::domain::model::{meetings_only, ActionItem, ActionStatus, Meeting, ParkedPoint};
use crate::core::domain::order;
use crate::core::domain::time::{format_date, is_working_day};

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

choice!(SortKey {
    Deadline,
    Owner,
    Status,
    Meeting
});

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
    /// Due within the warning window: at most `soon_days` working days after today (weekends
    /// are not working days, as in R1), so an item due on Monday is "soon" on Friday.
    Soon,
    Later,
    Closed,
    NoDeadline,
}

/// How an action stands against `today`, warned `soon_days` working days ahead (0: no warning
/// before the day itself).
pub fn due(action: &ActionItem, today: NaiveDate, soon_days: u32) -> Due {
    if action.status.is_closed() {
        return Due::Closed;
    }
    match action.deadline {
        None => Due::NoDeadline,
        Some(deadline) if deadline < today => Due::Overdue,
        Some(deadline) if deadline == today => Due::Today,
        Some(deadline)
            if soon_days > 0 && deadline < nth_working_day_after(today, soon_days + 1) =>
        {
            Due::Soon
        }
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
    let mut rows: Vec<(&Meeting, &ActionItem)> = meetings_only(meetings)
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

/// A parked point still open, with the meeting it was raised in (E4): the tracker lists them so
/// they do not vanish with the meeting.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenPoint {
    pub meeting_id: String,
    pub meeting_title: String,
    pub point: ParkedPoint,
}

/// Every unresolved parked point across the held meetings, soonest date first (undated last).
pub fn open_parked(meetings: &[Meeting]) -> Vec<OpenPoint> {
    let mut points: Vec<OpenPoint> = meetings_only(meetings)
        .flat_map(|m| {
            m.parking_lot
                .iter()
                .filter(|p| !p.resolved && !p.text.trim().is_empty())
                .map(move |point| OpenPoint {
                    meeting_id: m.id.clone(),
                    meeting_title: m.title.clone(),
                    point: point.clone(),
                })
        })
        .collect();
    order::sort_by_key(&mut points, |open| {
        (open.point.deadline.is_none(), open.point.deadline)
    });
    points
}

/// The weekly stand-up (F4): items still open, grouped by owner. What needs the room comes
/// first, as the stand-up's rule says: owners with a blocked or overdue item, then the rest,
/// each part in name order by `collate` (the browser's pinyin collation for Chinese names; no
/// owner last). In a group: blocked, then overdue, then by deadline.
pub fn standup_groups(
    meetings: &[Meeting],
    today: NaiveDate,
    collate: &dyn Fn(&str, &str) -> std::cmp::Ordering,
) -> Vec<(String, Vec<TrackerRow>)> {
    let rows = tracker_rows(meetings, &TrackerFilter::default(), SortKey::Deadline);
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
    // 0 blocked, 1 overdue, 2 the rest; a stable sort keeps the deadline order within each.
    let urgency = |row: &TrackerRow| match row.action.status {
        ActionStatus::Blocked => 0,
        _ if row.action.is_overdue(today) => 1,
        _ => 2,
    };
    for (_, rows) in &mut groups {
        order::sort_by_key(rows, urgency);
    }
    let needs_room = |rows: &[TrackerRow]| rows.first().is_some_and(|row| urgency(row) < 2);
    order::sort_by(&mut groups, |(a, a_rows), (b, b_rows)| {
        (!needs_room(a_rows), a.is_empty())
            .cmp(&(!needs_room(b_rows), b.is_empty()))
            .then_with(|| collate(a, b))
    });
    groups
}

/// The `n`-th working day after `from` (weekends are not working days, as in R1). A walk of
/// about `n` days, whatever the deadline: a deadline years away costs nothing.
fn nth_working_day_after(from: NaiveDate, n: u32) -> NaiveDate {
    let mut day = from;
    let mut counted = 0;
    while counted < n {
        let Some(next) = day.succ_opt() else {
            break;
        };
        day = next;
        if is_working_day(day) {
            counted += 1;
        }
    }
    day
}

/// What the reminder shown when the app opens counts (F3).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReminderCounts {
    pub overdue: usize,
    pub today: usize,
    pub soon: usize,
}

impl ReminderCounts {
    pub fn any(self) -> bool {
        self.overdue + self.today + self.soon > 0
    }
}

/// Open actions across all meetings by how they stand against `today`.
pub fn reminder_counts(meetings: &[Meeting], today: NaiveDate, soon_days: u32) -> ReminderCounts {
    let mut counts = ReminderCounts::default();
    for action in meetings_only(meetings).flat_map(|m| &m.actions) {
        match due(action, today, soon_days) {
            Due::Overdue => counts.overdue += 1,
            Due::Today => counts.today += 1,
            Due::Soon => counts.soon += 1,
            _ => {}
        }
    }
    counts
}

/// The open actions due today or soon, each as `(key, task)`: the key (meeting, action and
/// deadline) changes when a deadline moves, so a moved item is announced again.
pub fn due_soon(meetings: &[Meeting], today: NaiveDate, soon_days: u32) -> Vec<(String, String)> {
    meetings_only(meetings)
        .flat_map(|m| m.actions.iter().map(move |action| (m, action)))
        .filter(|(_, action)| matches!(due(action, today, soon_days), Due::Today | Due::Soon))
        .map(|(meeting, action)| {
            let deadline = action.deadline.map(format_date).unwrap_or_default();
            (
                format!("{}/{}/{deadline}", meeting.id, action.id),
                action.task.clone(),
            )
        })
        .collect()
}

/// Of the items due soon now, those not in `known`: what entered the window since the last look.
pub fn newly_due<'a>(known: &[String], now: &'a [(String, String)]) -> Vec<&'a (String, String)> {
    now.iter().filter(|(key, _)| !known.contains(key)).collect()
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
    fn open_parked_points_reach_the_tracker_soonest_first() {
        let point = |id: &str, deadline: Option<u32>, resolved: bool| ParkedPoint {
            id: id.into(),
            text: format!("点 {id}"),
            deadline: deadline.map(day),
            resolved,
            ..ParkedPoint::default()
        };
        let mut template = Meeting {
            is_template: true,
            ..Meeting::default()
        };
        template.parking_lot.push(point("t", Some(1), false));
        let meeting = Meeting {
            id: "m".into(),
            parking_lot: vec![
                point("undated", None, false),
                point("late", Some(20), false),
                point("done", Some(2), true),
                point("soon", Some(3), false),
                ParkedPoint {
                    text: "  ".into(),
                    ..point("blank", Some(1), false)
                },
            ],
            ..Meeting::default()
        };
        let ids: Vec<String> = open_parked(&[meeting, template])
            .into_iter()
            .map(|open| open.point.id)
            .collect();
        assert_eq!(ids, ["soon", "late", "undated"]);
    }

    #[test]
    fn the_standup_takes_owners_with_blocked_or_late_items_first_then_by_name() {
        // 2026-12-02 is "today": deadlines before it are overdue.
        let today = day(2);
        let due = Some;
        let mut meeting = Meeting {
            id: "m".into(),
            ..Meeting::default()
        };
        meeting.actions = vec![
            action("s1", "孙磊", "", due(10), ActionStatus::Open),
            action("w1", "王芳", "", due(20), ActionStatus::Open),
            action("w2", "王芳", "", due(1), ActionStatus::InProgress),
            action("z1", "赵敏", "", due(9), ActionStatus::Open),
            action("c1", "陈建国", "", due(8), ActionStatus::Open),
            action("c2", "陈建国", "", due(30), ActionStatus::Blocked),
            action("n1", "", "", due(3), ActionStatus::Open),
        ];
        // Pinyin order of these surnames, as the browser's zh collation gives it.
        let pinyin = |name: &str| {
            ["陈", "孙", "王", "赵"]
                .iter()
                .position(|s| name.starts_with(s))
        };
        let groups = standup_groups(&[meeting], today, &|a: &str, b: &str| {
            pinyin(a).cmp(&pinyin(b))
        });
        let shown: Vec<(&str, Vec<&str>)> = groups
            .iter()
            .map(|(owner, rows)| {
                (
                    owner.as_str(),
                    rows.iter().map(|r| r.action.id.as_str()).collect(),
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                ("陈建国", vec!["c2", "c1"]),
                ("王芳", vec!["w2", "w1"]),
                ("孙磊", vec!["s1"]),
                ("赵敏", vec!["z1"]),
                ("", vec!["n1"]),
            ]
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
        let standup = standup_groups(&all, NaiveDate::MIN, &|a: &str, b: &str| a.cmp(b));
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
        let judged = |deadline, status| due(&action("", "", "", deadline, status), today, 1);
        assert_eq!(judged(Some(4), ActionStatus::Open), Due::Overdue);
        assert_eq!(judged(Some(5), ActionStatus::Blocked), Due::Today);
        assert_eq!(judged(Some(1), ActionStatus::Done), Due::Closed);
        assert_eq!(judged(None, ActionStatus::Open), Due::NoDeadline);
        let counts = |today, soon_days| {
            let c = reminder_counts(&meetings(), today, soon_days);
            (c.overdue, c.today, c.soon)
        };
        assert_eq!(counts(today, 1), (0, 1, 0));
        assert_eq!(counts(day(11), 1), (2, 0, 0));
        // 2026-12-04 is a Friday: "c" on Saturday the 5th is soon, "a" on the 10th is not.
        assert_eq!(counts(day(4), 1), (0, 0, 1));
        assert_eq!(counts(day(4), 4), (0, 0, 2));
    }

    #[test]
    fn soon_counts_working_days_not_calendar_days() {
        // 2026-12-04 is a Friday; the next Monday is one working day away.
        let friday = day(4);
        let judged = |deadline, soon_days| {
            due(
                &action("", "", "", Some(deadline), ActionStatus::Open),
                friday,
                soon_days,
            )
        };
        assert_eq!(judged(7, 1), Due::Soon, "Monday is the next working day");
        assert_eq!(judged(8, 1), Due::Later, "Tuesday is two working days away");
        assert_eq!(judged(8, 2), Due::Soon);
        assert_eq!(
            judged(6, 1),
            Due::Soon,
            "Sunday comes before the next working day"
        );
        assert_eq!(judged(7, 0), Due::Later, "no warning window");
        assert_eq!(judged(4, 0), Due::Today);
        let far = due(
            &ActionItem {
                deadline: NaiveDate::from_ymd_opt(9999, 12, 31),
                ..ActionItem::default()
            },
            friday,
            10,
        );
        assert_eq!(
            far,
            Due::Later,
            "a deadline years away is judged in a few steps"
        );
    }

    #[test]
    fn an_item_is_announced_once_as_it_enters_the_window_and_again_if_it_moves() {
        let mut all = meetings();
        let before = due_soon(&all, day(2), 1);
        assert!(
            before.is_empty(),
            "Wednesday the 2nd: Saturday is two working days away"
        );
        let friday = due_soon(&all, day(4), 1);
        let known: Vec<String> = before.iter().map(|(key, _)| key.clone()).collect();
        let new = newly_due(&known, &friday);
        assert_eq!(new.len(), 1);
        assert_eq!(new[0].0, "m2/c/2026-12-05");
        let known: Vec<String> = friday.iter().map(|(key, _)| key.clone()).collect();
        assert!(newly_due(&known, &due_soon(&all, day(4), 1)).is_empty());
        all[0].actions[0].deadline = Some(day(7));
        let moved = due_soon(&all, day(4), 1);
        assert_eq!(
            newly_due(&known, &moved).len(),
            1,
            "a deadline moved into the window"
        );
    }
}
