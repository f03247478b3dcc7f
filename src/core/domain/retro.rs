//! The retrospective (F5): per recurring series or per quarter, how many actions were done on
//! time, late or are still open (the goal achievement rate), how far each held meeting ran over,
//! what the quick feedback said, and the improvement notes carried into the next meeting.

use chrono::NaiveDate;

use crate::core::domain::clock::{clocks, RunState, DEFAULT_TURN};
use crate::core::domain::grouping::{entry, group_of, in_review_order, when, Group, Grouping};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{meetings_only, ActionStatus, Feedback, Meeting};
use crate::core::domain::order;
use crate::core::domain::time::LocalZone;

/// Action items by outcome. Cancelled items count nowhere: they were never a goal to reach.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActionTally {
    /// Done by the deadline, or done with no deadline set.
    pub on_time: usize,
    /// Done after the deadline.
    pub late: usize,
    /// Not done yet, overdue ones included.
    pub open: usize,
    /// The open ones already past their deadline.
    pub overdue: usize,
}

impl ActionTally {
    pub fn total(&self) -> usize {
        self.on_time + self.late + self.open
    }

    /// Share of actions done on time, in whole percent; `None` with no actions.
    pub fn achievement_percent(&self) -> Option<usize> {
        let total = self.total();
        (total > 0).then(|| (self.on_time * 100 + total / 2) / total)
    }
}

/// The quick feedback questions, added up.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FeedbackTally {
    pub responses: usize,
    pub agenda_time_right: usize,
    pub agenda_time_wrong: usize,
    pub materials_enough: usize,
    pub materials_short: usize,
    rating_sum: u32,
    rating_count: u32,
}

impl FeedbackTally {
    pub fn of(feedback: &[Feedback]) -> FeedbackTally {
        let mut tally = FeedbackTally::default();
        for one in feedback {
            tally.add(one);
        }
        tally
    }

    pub fn add(&mut self, feedback: &Feedback) {
        self.responses += 1;
        match feedback.agenda_time_right {
            Some(true) => self.agenda_time_right += 1,
            Some(false) => self.agenda_time_wrong += 1,
            None => {}
        }
        match feedback.materials_enough {
            Some(true) => self.materials_enough += 1,
            Some(false) => self.materials_short += 1,
            None => {}
        }
        if let Some(rating) = feedback.rating.filter(|rating| (1..=5).contains(rating)) {
            self.rating_sum += u32::from(rating);
            self.rating_count += 1;
        }
    }

    /// The one-line summary shown on the follow-up tab and the review.
    pub fn summary(&self, lang: Lang) -> String {
        let rating = self
            .rating_tenths()
            .map(|tenths| format!("{}.{}", tenths / 10, tenths % 10))
            .unwrap_or_else(|| "–".to_owned());
        tr(
            lang,
            T::FeedbackSummary,
            &[
                &self.responses.to_string(),
                &self.agenda_time_right.to_string(),
                &self.materials_enough.to_string(),
                &rating,
            ],
        )
    }

    /// The average rating in tenths (`42` for 4.2); `None` before any rating.
    pub fn rating_tenths(&self) -> Option<u32> {
        (self.rating_count > 0)
            .then(|| (self.rating_sum * 10 + self.rating_count / 2) / self.rating_count)
    }
}

/// One meeting in a group, for the overrun chart.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MeetingLine {
    pub id: String,
    pub title: String,
    pub date: Option<NaiveDate>,
    /// Minutes run over the planned duration (negative: finished early); `None` if not held.
    pub overrun_minutes: Option<i64>,
}

impl MeetingLine {
    /// The title and date, as the review names a meeting: `周例会 (2026-11-04)`.
    pub fn label(&self, lang: Lang) -> String {
        let title = crate::core::domain::model::title_or_untitled(&self.title, lang);
        match self.date {
            Some(date) => format!("{title} ({})", crate::core::domain::time::format_date(date)),
            None => title.to_owned(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetroGroup {
    pub label: String,
    pub meetings: Vec<MeetingLine>,
    pub actions: ActionTally,
    pub feedback: FeedbackTally,
    /// The improvement notes of the group's latest meeting that has any.
    pub latest_notes: Vec<String>,
}

impl RetroGroup {
    /// Average overrun of the held meetings, in whole minutes.
    pub fn average_overrun_minutes(&self) -> Option<i64> {
        let held: Vec<i64> = self
            .meetings
            .iter()
            .filter_map(|line| line.overrun_minutes)
            .collect();
        let count = i64::try_from(held.len()).ok().filter(|count| *count > 0)?;
        Some(held.iter().sum::<i64>().div_euclid(count))
    }
}

/// Every meeting (templates aside) grouped by `grouping`: series by name, quarters newest first.
pub fn retrospective<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
    grouping: Grouping,
    today: NaiveDate,
    zone: &dyn LocalZone,
    lang: Lang,
) -> Vec<RetroGroup> {
    // One compiled body for every kind of list the callers hold (all meetings, one series').
    let sorted: Vec<&Meeting> = meetings_only(meetings).collect();
    review_groups(sorted, grouping, today, zone, lang)
}

fn review_groups(
    mut sorted: Vec<&Meeting>,
    grouping: Grouping,
    today: NaiveDate,
    zone: &dyn LocalZone,
    lang: Lang,
) -> Vec<RetroGroup> {
    let mut keyed: Vec<(Group, RetroGroup)> = Vec::new();
    order::sort_by_key(&mut sorted, |meeting| when(meeting));
    for meeting in sorted {
        let group = entry(
            &mut keyed,
            group_of(meeting, grouping, zone, lang),
            |label| RetroGroup {
                label,
                meetings: Vec::new(),
                actions: ActionTally::default(),
                feedback: FeedbackTally::default(),
                latest_notes: Vec::new(),
            },
        );
        add_meeting(group, meeting, today, zone);
    }
    in_review_order(keyed)
}

fn add_meeting(group: &mut RetroGroup, meeting: &Meeting, today: NaiveDate, zone: &dyn LocalZone) {
    for action in &meeting.actions {
        let tally = &mut group.actions;
        match action.status {
            ActionStatus::Cancelled => {}
            ActionStatus::Done => {
                let late = matches!(
                    (action.completed_on, action.deadline),
                    (Some(done), Some(deadline)) if done > deadline
                );
                if late {
                    tally.late += 1;
                } else {
                    tally.on_time += 1;
                }
            }
            _ => {
                tally.open += 1;
                if action.is_overdue(today) {
                    tally.overdue += 1;
                }
            }
        }
    }
    for feedback in &meeting.feedback {
        group.feedback.add(feedback);
    }
    let notes: Vec<String> = meeting
        .improvement_notes
        .iter()
        .filter(|note| !note.trim().is_empty())
        .cloned()
        .collect();
    if !notes.is_empty() {
        group.latest_notes = notes;
    }
    group.meetings.push(MeetingLine {
        id: meeting.id.clone(),
        title: meeting.title.clone(),
        date: meeting.schedule.starts_at.map(|at| zone.local(at).date()),
        overrun_minutes: overrun_minutes(meeting),
    });
}

/// How far a held meeting ran over its planned duration, rounded to whole minutes.
pub fn overrun_minutes(meeting: &Meeting) -> Option<i64> {
    let ended_at = meeting.run_log.last()?.at;
    let run = clocks(meeting, ended_at, DEFAULT_TURN);
    (run.state == RunState::Ended).then(|| {
        let seconds = (-run.meeting_left).num_seconds();
        (seconds + 30).div_euclid(60)
    })
}

/// The improvement notes of the latest earlier meeting in the same series, with its title: what
/// the plan tab shows so the next meeting starts from the last review (F5).
pub fn carried_notes<'a>(meetings: &'a [Meeting], meeting: &Meeting) -> Option<&'a Meeting> {
    let series = meeting.series.as_ref()?;
    let this_one = when(meeting);
    meetings_only(meetings)
        .filter(|other| other.id != meeting.id)
        .filter(|other| other.series.as_ref().is_some_and(|s| s.id == series.id))
        .filter(|other| other.improvement_notes.iter().any(|n| !n.trim().is_empty()))
        .filter(|other| when(other) < this_one || this_one.is_none())
        .max_by_key(|other| when(other))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{ActionItem, RunEvent, RunEventKind, SeriesRef};
    use chrono::{DateTime, FixedOffset, TimeZone, Utc};

    fn at(month: u32, day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, month, day, hour, 0, 0).unwrap()
    }

    fn date(month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, month, day).unwrap()
    }

    fn utc8() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    fn meeting(id: &str, series: Option<&str>, starts: DateTime<Utc>) -> Meeting {
        let mut meeting = Meeting::blank(id.into(), starts);
        meeting.title = format!("会议 {id}");
        meeting.schedule.starts_at = Some(starts);
        meeting.series = series.map(|name| SeriesRef {
            id: format!("s-{name}"),
            name: name.into(),
        });
        meeting
    }

    fn action(
        status: ActionStatus,
        deadline: Option<NaiveDate>,
        done: Option<NaiveDate>,
    ) -> ActionItem {
        ActionItem {
            status,
            deadline,
            completed_on: done,
            ..ActionItem::default()
        }
    }

    /// A held meeting: started at `starts`, ended after `ran` minutes, planned for 60.
    fn held(mut meeting: Meeting, ran: i64) -> Meeting {
        let start = meeting.schedule.starts_at.unwrap();
        meeting.run_log = vec![
            RunEvent {
                at: start,
                kind: RunEventKind::Started,
            },
            RunEvent {
                at: start + chrono::Duration::minutes(ran),
                kind: RunEventKind::Ended,
            },
        ];
        meeting
    }

    #[test]
    fn actions_are_counted_by_outcome() {
        let mut m = meeting("a", Some("周例会"), at(11, 2, 6));
        m.actions = vec![
            action(ActionStatus::Done, Some(date(11, 10)), Some(date(11, 10))),
            action(ActionStatus::Done, Some(date(11, 10)), Some(date(11, 11))),
            action(ActionStatus::Done, None, Some(date(11, 11))),
            action(ActionStatus::Open, Some(date(11, 20)), None),
            action(ActionStatus::Blocked, Some(date(12, 20)), None),
            action(ActionStatus::Cancelled, Some(date(11, 1)), None),
        ];
        let groups = retrospective(&[m], Grouping::Series, date(11, 25), &utc8(), Lang::Zh);
        let tally = groups[0].actions;
        assert_eq!(
            tally,
            ActionTally {
                on_time: 2,
                late: 1,
                open: 2,
                overdue: 1
            }
        );
        assert_eq!(tally.achievement_percent(), Some(40));
        assert_eq!(ActionTally::default().achievement_percent(), None);
    }

    #[test]
    fn meetings_group_by_series_with_the_unseries_last() {
        let meetings = [
            meeting("1", Some("周例会"), at(11, 2, 6)),
            meeting("2", None, at(11, 3, 6)),
            meeting("3", Some("Launch"), at(11, 4, 6)),
            meeting("4", Some("周例会"), at(11, 9, 6)),
        ];
        let groups = retrospective(&meetings, Grouping::Series, date(11, 25), &utc8(), Lang::En);
        let labels: Vec<_> = groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(labels, ["Launch", "周例会", "Not in a series"]);
        let ids: Vec<_> = groups[1].meetings.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["1", "4"], "oldest first, for the chart");
    }

    #[test]
    fn quarters_follow_the_local_date_newest_first() {
        // 31 Dec 20:00 UTC is already 1 January in UTC+8.
        let meetings = [
            meeting("q3", None, at(9, 30, 1)),
            meeting("q4", None, at(10, 1, 1)),
            meeting(
                "next",
                None,
                Utc.with_ymd_and_hms(2026, 12, 31, 20, 0, 0).unwrap(),
            ),
        ];
        let groups = retrospective(
            &meetings,
            Grouping::Quarter,
            date(11, 25),
            &utc8(),
            Lang::Zh,
        );
        let labels: Vec<_> = groups.iter().map(|g| g.label.as_str()).collect();
        assert_eq!(
            labels,
            ["2027 年第 1 季度", "2026 年第 4 季度", "2026 年第 3 季度"]
        );
    }

    #[test]
    fn overrun_is_measured_for_held_meetings_only() {
        let meetings = [
            held(meeting("long", None, at(11, 2, 6)), 75),
            held(meeting("short", None, at(11, 3, 6)), 50),
            meeting("planned", None, at(11, 30, 6)),
        ];
        assert_eq!(overrun_minutes(&meetings[0]), Some(15));
        assert_eq!(overrun_minutes(&meetings[1]), Some(-10));
        assert_eq!(overrun_minutes(&meetings[2]), None);
        let groups = retrospective(&meetings, Grouping::Series, date(11, 25), &utc8(), Lang::Zh);
        assert_eq!(
            groups[0].average_overrun_minutes(),
            Some(2),
            "(15 - 10) / 2, floored"
        );
        let mut started = meeting("running", None, at(11, 25, 6));
        started.run_log.push(RunEvent {
            at: at(11, 25, 6),
            kind: RunEventKind::Started,
        });
        assert_eq!(overrun_minutes(&started), None, "still running");
    }

    #[test]
    fn feedback_is_added_up() {
        let mut m = meeting("a", None, at(11, 2, 6));
        m.feedback = vec![
            Feedback {
                agenda_time_right: Some(true),
                materials_enough: Some(false),
                rating: Some(4),
                ..Feedback::default()
            },
            Feedback {
                agenda_time_right: Some(false),
                rating: Some(5),
                ..Feedback::default()
            },
            Feedback {
                rating: Some(9),
                ..Feedback::default()
            },
        ];
        let feedback = m.feedback.clone();
        let tally =
            retrospective(&[m], Grouping::Series, date(11, 25), &utc8(), Lang::Zh)[0].feedback;
        assert_eq!(tally.responses, 3);
        assert_eq!((tally.agenda_time_right, tally.agenda_time_wrong), (1, 1));
        assert_eq!((tally.materials_enough, tally.materials_short), (0, 1));
        assert_eq!(
            tally.rating_tenths(),
            Some(45),
            "an out-of-range rating is ignored"
        );
        assert_eq!(tally, FeedbackTally::of(&feedback));
        assert_eq!(
            tally.summary(Lang::En),
            "3 received: agenda time right 1, materials enough 0, average rating 4.5"
        );
    }

    #[test]
    fn the_next_meeting_sees_the_last_review_of_its_series() {
        let mut first = meeting("1", Some("周例会"), at(11, 2, 6));
        first.improvement_notes = vec!["议程控制在 45 分钟".into()];
        let mut second = meeting("2", Some("周例会"), at(11, 9, 6));
        second.improvement_notes = vec!["材料提前两天发".into()];
        let third = meeting("3", Some("周例会"), at(11, 16, 6));
        let other = meeting("4", Some("Launch"), at(11, 16, 6));
        let mut template = meeting("t", Some("周例会"), at(11, 10, 6));
        template.is_template = true;
        template.improvement_notes = vec!["from a template".into()];
        let all = [
            first.clone(),
            second.clone(),
            third.clone(),
            other.clone(),
            template,
        ];
        assert_eq!(
            carried_notes(&all, &third).map(|m| m.id.as_str()),
            Some("2")
        );
        assert_eq!(
            carried_notes(&all, &second).map(|m| m.id.as_str()),
            Some("1")
        );
        assert_eq!(carried_notes(&all, &first), None);
        assert_eq!(carried_notes(&all, &other), None);
        let groups = retrospective(&all, Grouping::Series, date(11, 25), &utc8(), Lang::Zh);
        assert_eq!(groups[1].label, "周例会");
        assert_eq!(groups[1].latest_notes, ["材料提前两天发"]);
    }
}
