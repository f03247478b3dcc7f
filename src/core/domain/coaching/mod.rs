//! The review that coaches (F6): what a series' own figures say to change in its next meeting.
//!
//! Each [`Rule`] looks at the held meetings of the quarter under review (the window, see
//! [`window`]) and fires on a pattern, never on one meeting: a rule needs
//! [`ENOUGH_MEETINGS`] meetings that carry its kind of data, and the pattern in more than half
//! of them. A finding names the meetings it comes from and, where the guide has a concrete
//! remedy, a [`Change`] that `carry` makes to the series' next meeting in one undoable step.
//! Advice without a change (send the notice earlier) is shown but has nothing to carry.

mod carry;
mod compare;
mod rules;

pub use carry::{carry, next_meeting, preview};
pub use compare::{carried_results, quarter_figures, CarriedResult, Outcome};
pub use rules::{per_meeting, Subject};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::core::domain::choice::Choice;
use crate::core::domain::grouping::{quarter_key, when, Grouping};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{meetings_only, Meeting};
use crate::core::domain::order;
use crate::core::domain::retro::{overrun_minutes, retrospective, RetroGroup};
use crate::core::domain::time::LocalZone;

/// How many meetings with a rule's kind of data it takes before the rule may fire: a monthly
/// series holds three a quarter, and two meetings are a coincidence, not a pattern.
pub const ENOUGH_MEETINGS: usize = 3;

/// What the review can find, each with the guide's remedy. Stored (as the rule a carried change
/// came from) in `Meeting::carried` by its key, so the names are part of the stored shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// The share (report) items ran over while the discussion and decision items were cut.
    ReportsOverrun,
    /// One department held more than half of the speaking time.
    DepartmentDominates,
    /// An invited department never spoke.
    DepartmentUnheard,
    /// One department's (or owner's) actions are late far more often than the rest.
    ActionsLate,
    /// Pre-reads went out less than a day ahead, and those meetings ran over more.
    PreReadsLate,
    /// The notice went out under 3 working days ahead (R1).
    NoticeShort,
    /// Monday morning or Friday afternoon (R1).
    AwkwardSlot,
    /// Many invitees asked for leave, or named no substitute (R7).
    ManyLeaves,
    /// More than 10 people (P4).
    LargeAttendance,
    /// Most feedback said the agenda's time allocation was wrong.
    TimeFeedbackLow,
    /// Most feedback said the materials were not enough.
    MaterialsFeedbackLow,
}

// The rules in the order the review lists their findings; `Rule::CHOICES` walks them.
crate::core::domain::choice::choice!(Rule {
    ReportsOverrun,
    DepartmentDominates,
    DepartmentUnheard,
    ActionsLate,
    PreReadsLate,
    NoticeShort,
    AwkwardSlot,
    ManyLeaves,
    LargeAttendance,
    TimeFeedbackLow,
    MaterialsFeedbackLow
});

// By the choice key, as a derive would store it, without a derive's visitor per variant.
impl Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.key())
    }
}

impl<'de> Deserialize<'de> for Rule {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Rule, D::Error> {
        let key = String::deserialize(deserializer)?;
        Rule::from_key(&key).ok_or_else(|| serde::de::Error::custom("unknown rule"))
    }
}

impl Rule {
    /// What was seen (`{0}` the subject, `{1}` in how many meetings, `{2}` of how many), the
    /// guide's reason, and the proposed change.
    pub fn texts(self) -> (T, T, T) {
        match self {
            Rule::ReportsOverrun => (T::CoachReportsSeen, T::CoachReportsWhy, T::CoachReportsDo),
            Rule::DepartmentDominates => (
                T::CoachDominatesSeen,
                T::CoachDominatesWhy,
                T::CoachDominatesDo,
            ),
            Rule::DepartmentUnheard => (T::CoachUnheardSeen, T::CoachUnheardWhy, T::CoachUnheardDo),
            Rule::ActionsLate => (T::CoachLateSeen, T::CoachLateWhy, T::CoachLateDo),
            Rule::PreReadsLate => (T::CoachPreReadSeen, T::CoachPreReadWhy, T::CoachPreReadDo),
            Rule::NoticeShort => (T::CoachNoticeSeen, T::CoachNoticeWhy, T::CoachNoticeDo),
            Rule::AwkwardSlot => (T::CoachSlotSeen, T::CoachSlotWhy, T::CoachSlotDo),
            Rule::ManyLeaves => (T::CoachLeaveSeen, T::CoachLeaveWhy, T::CoachLeaveDo),
            Rule::LargeAttendance => (T::CoachLargeSeen, T::CoachLargeWhy, T::CoachLargeDo),
            Rule::TimeFeedbackLow => (T::CoachTimeSeen, T::CoachTimeWhy, T::CoachTimeDo),
            Rule::MaterialsFeedbackLow => (
                T::CoachMaterialsSeen,
                T::CoachMaterialsWhy,
                T::CoachMaterialsDo,
            ),
        }
    }
}

/// A change the review can make to the next meeting of the series.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// Take `minutes` from the share items and give them to the discussion items.
    ReportsToDiscussion { minutes: u32 },
    /// A 5-minute item at the head of the agenda: a data sync (the guide's example), or a check
    /// of the late actions of `subject`.
    AddItem { title: T, subject: String },
    /// A preparation ask to each of these departments: their input before the meeting.
    AskInput { departments: Vec<String> },
    /// The same time of day, this many days later (negative: earlier).
    ShiftDays(i64),
}

/// One thing the review found, with its evidence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    /// The department, owner or figure the texts name.
    pub subject: String,
    /// Ids of the meetings the pattern was seen in, oldest first.
    pub evidence: Vec<String>,
    /// How many meetings of the window had the rule's kind of data.
    pub looked_at: usize,
    pub change: Option<Change>,
}

/// The review's findings for one series.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coaching {
    /// Ids of the held meetings looked at, oldest first.
    pub window: Vec<String>,
    pub findings: Vec<Finding>,
}

/// The meetings of a series that were held (run and ended), oldest first, templates aside.
pub fn held<'a>(series: &[&'a Meeting]) -> Vec<&'a Meeting> {
    let mut held: Vec<&Meeting> = meetings_only(series.iter().copied())
        .filter(|meeting| overrun_minutes(meeting).is_some())
        .collect();
    order::sort_by_key(&mut held, |meeting| when(meeting));
    held
}

/// The quarter a meeting took place in, as `year × 4 + quarter − 1` in the organiser's zone.
fn quarter_of(meeting: &Meeting, zone: &dyn LocalZone) -> Option<i64> {
    let date = when(meeting).map(|at| zone.local(at).date())?;
    Some(quarter_key(date))
}

/// The meetings under review: those held in the latest quarter with any, or, when that quarter
/// has fewer than [`ENOUGH_MEETINGS`], the latest that many (a quarter just begun is read with
/// the end of the one before).
pub fn window<'a>(held: &[&'a Meeting], zone: &dyn LocalZone) -> Vec<&'a Meeting> {
    let Some(latest) = held.last().and_then(|m| quarter_of(m, zone)) else {
        return held.to_vec();
    };
    let from = held
        .iter()
        .position(|m| quarter_of(m, zone) == Some(latest))
        .unwrap_or(0)
        .min(held.len().saturating_sub(ENOUGH_MEETINGS));
    held[from..].to_vec()
}

/// The findings for the meetings of one series (any order, templates and unheld ones included:
/// they are sorted out here). `today` judges open actions overdue.
pub fn coach(series: &[&Meeting], today: NaiveDate, zone: &dyn LocalZone) -> Coaching {
    let held = held(series);
    let window = window(&held, zone);
    let earlier = &held[..held.len() - window.len()];
    let findings = Rule::CHOICES
        .iter()
        .filter_map(|rule| rules::find(*rule, &window, earlier, today, zone))
        .collect();
    Coaching {
        window: window.iter().map(|m| m.id.clone()).collect(),
        findings,
    }
}

/// A carried change, kept on the meeting it was carried into: which rule proposed it and on which
/// day, so later reviews can say whether the figures moved (F6).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CarriedChange {
    pub rule: Rule,
    /// The department or owner it was about, as the finding named it.
    #[serde(default)]
    pub subject: String,
    #[serde(default, with = "crate::core::domain::time_serde::opt_date")]
    pub on: Option<NaiveDate>,
}

impl Finding {
    /// What was seen, why it matters (the guide's reason), and what to change, in `lang`.
    pub fn texts(&self, lang: Lang) -> [String; 3] {
        let (seen, why, change) = self.rule.texts();
        let counts = [
            self.subject.as_str(),
            &self.evidence.len().to_string(),
            &self.looked_at.to_string(),
        ];
        [
            tr(lang, seen, &counts),
            why.get(lang).to_owned(),
            tr(lang, change, &[&self.subject]),
        ]
    }
}

/// Everything the review says of one series: its figures, findings, next meeting, the changes
/// carried before and how they did, and its last two quarters.
pub struct SeriesReview<'a> {
    pub group: RetroGroup,
    /// `None` for the meetings outside any series: they get figures, not proposals.
    pub series_id: Option<String>,
    pub coaching: Coaching,
    pub next: Option<&'a Meeting>,
    pub carried: Vec<CarriedResult<'a>>,
    pub quarters: Vec<RetroGroup>,
}

impl SeriesReview<'_> {
    /// The title and date of a meeting the review names, for evidence and carried changes.
    pub fn meeting_label(&self, id: &str, lang: Lang) -> String {
        let line = self.group.meetings.iter().find(|line| line.id == id);
        line.map(|line| line.label(lang)).unwrap_or_default()
    }
}

/// The meetings of the series `series_id`, templates aside, in the order given.
pub fn of_series<'a>(meetings: &'a [Meeting], series_id: &str) -> Vec<&'a Meeting> {
    meetings_only(meetings)
        .filter(|m| m.series.as_ref().is_some_and(|s| s.id == series_id))
        .collect()
}

/// The review of every series (F5, F6), in the retrospective's order.
pub fn series_reviews<'a>(
    meetings: &'a [Meeting],
    today: NaiveDate,
    zone: &dyn LocalZone,
    lang: Lang,
) -> Vec<SeriesReview<'a>> {
    retrospective(meetings, Grouping::Series, today, zone, lang)
        .into_iter()
        .map(|group| {
            let first = group.meetings.first().map(|line| line.id.as_str());
            let series_id = meetings
                .iter()
                .find(|m| Some(m.id.as_str()) == first)
                .and_then(|m| m.series.as_ref())
                .filter(|s| !s.name.trim().is_empty())
                .map(|s| s.id.clone());
            let Some(id) = series_id.clone() else {
                return SeriesReview {
                    group,
                    series_id,
                    coaching: Coaching::default(),
                    next: None,
                    carried: Vec::new(),
                    quarters: Vec::new(),
                };
            };
            let members = of_series(meetings, &id);
            SeriesReview {
                coaching: coach(&members, today, zone),
                next: next_meeting(&members),
                carried: carried_results(&members, today, zone),
                quarters: quarter_figures(&members, today, zone, lang),
                group,
                series_id,
            }
        })
        .collect()
}
