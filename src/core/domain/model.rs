//! The domain model of a cross-department meeting across its four stages: plan, prepare, run and
//! follow up. Plain data only; the stored shape and its versions live in `core::storage::persist`.
//!
//! Every struct takes `#[serde(default)]` so that a field added later reads as its default from
//! older records instead of failing the whole meeting.

use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::core::domain::choice::choice;
use crate::core::domain::i18n::{Lang, T};

/// The four starting situations of the guide, plus a blank meeting (S1).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Situation {
    #[default]
    Blank,
    ProjectCollaboration,
    ProblemSolving,
    StrategyRollout,
    MechanismBuilding,
}

impl Situation {
    pub const TEMPLATES: [Situation; 4] = [
        Situation::ProjectCollaboration,
        Situation::ProblemSolving,
        Situation::StrategyRollout,
        Situation::MechanismBuilding,
    ];

    pub fn label(self) -> T {
        match self {
            Situation::Blank => T::SituationBlank,
            Situation::ProjectCollaboration => T::SituationProject,
            Situation::ProblemSolving => T::SituationProblem,
            Situation::StrategyRollout => T::SituationStrategy,
            Situation::MechanismBuilding => T::SituationMechanism,
        }
    }

    pub fn hint(self) -> T {
        match self {
            Situation::Blank => T::EmptyListHint,
            Situation::ProjectCollaboration => T::SituationProjectHint,
            Situation::ProblemSolving => T::SituationProblemHint,
            Situation::StrategyRollout => T::SituationStrategyHint,
            Situation::MechanismBuilding => T::SituationMechanismHint,
        }
    }
}

/// Decision, discussion or inform meeting (P2).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum MeetingType {
    Decision,
    #[default]
    Discussion,
    Inform,
}

choice!(MeetingType {
    Decision,
    Discussion,
    Inform
});

impl MeetingType {
    pub const ALL: [MeetingType; 3] = [
        MeetingType::Decision,
        MeetingType::Discussion,
        MeetingType::Inform,
    ];

    pub fn label(self) -> T {
        match self {
            MeetingType::Decision => T::TypeDecision,
            MeetingType::Discussion => T::TypeDiscussion,
            MeetingType::Inform => T::TypeInform,
        }
    }
}

/// The organiser's answers to the necessity questions (P1); `None` is "not answered yet".
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Necessity {
    pub needs_several_departments: Option<bool>,
    pub needs_combined_resources: Option<bool>,
    pub async_update_would_do: Option<bool>,
}

/// When the meeting happens and for how long (R1, R2).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Schedule {
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub starts_at: Option<DateTime<Utc>>,
    #[serde(deserialize_with = "crate::core::domain::bounds::meeting_minutes")]
    pub duration_minutes: u32,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub notice_sent_at: Option<DateTime<Utc>>,
}

impl Default for Schedule {
    fn default() -> Self {
        Schedule {
            starts_at: None,
            duration_minutes: 60,
            notice_sent_at: None,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum FormatMode {
    #[default]
    Offline,
    Online,
    Hybrid,
}

choice!(FormatMode {
    Offline,
    Online,
    Hybrid
});

impl FormatMode {
    pub const ALL: [FormatMode; 3] = [FormatMode::Offline, FormatMode::Online, FormatMode::Hybrid];

    pub fn label(self) -> T {
        match self {
            FormatMode::Offline => T::FormatOffline,
            FormatMode::Online => T::FormatOnline,
            FormatMode::Hybrid => T::FormatHybrid,
        }
    }
}

/// Where the meeting happens (R3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Format {
    pub mode: FormatMode,
    pub room: String,
    /// A neutral room avoids one department's home advantage (R3).
    pub room_is_neutral: Option<bool>,
    pub platform: String,
    pub link: String,
    pub devices_tested: bool,
}

/// A participant's role in the decision (P4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    DecisionMaker,
    #[default]
    Executor,
    Supporter,
}

choice!(Role {
    DecisionMaker,
    Executor,
    Supporter
});

impl Role {
    pub const ALL: [Role; 3] = [Role::DecisionMaker, Role::Executor, Role::Supporter];

    pub fn label(self) -> T {
        match self {
            Role::DecisionMaker => T::RoleDecisionMaker,
            Role::Executor => T::RoleExecutor,
            Role::Supporter => T::RoleSupporter,
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum AttendanceStatus {
    #[default]
    Pending,
    Confirmed,
    Declined,
}

choice!(AttendanceStatus {
    Pending,
    Confirmed,
    Declined
});

impl Attendance {
    /// "已读预读材料 · 纪要确认": what replies said besides attending (A1), or nothing.
    pub fn replied_facts(&self, lang: Lang) -> String {
        [
            (self.pre_reads_read, T::ReplyFieldPreReads),
            (self.minutes_confirmed, T::ReplyFieldMinutes),
        ]
        .into_iter()
        .filter(|(said, _)| *said)
        .map(|(_, fact)| fact.get(lang))
        .collect::<Vec<_>>()
        .join(" · ")
    }
}

impl AttendanceStatus {
    pub fn label(self) -> T {
        match self {
            AttendanceStatus::Pending => T::AttendancePending,
            AttendanceStatus::Confirmed => T::AttendanceConfirmed,
            AttendanceStatus::Declined => T::AttendanceDeclined,
        }
    }
}

/// A participant's answer to the invitation (R7).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Attendance {
    pub status: AttendanceStatus,
    pub reason: String,
    /// A same-level colleague who attends instead.
    pub substitute: String,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub responded_at: Option<DateTime<Utc>>,
    /// Said in a reply (A1) that the pre-reads were read (R5).
    pub pre_reads_read: bool,
    /// Confirmed the minutes' draft in a reply (A1, F1).
    pub minutes_confirmed: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Participant {
    pub id: String,
    pub name: String,
    pub department: String,
    pub role: Role,
    pub is_host: bool,
    pub is_recorder: bool,
    pub attendance: Attendance,
}

/// The guide's order of business: share information, then discuss, then decide (R4).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Phase {
    #[default]
    Share,
    Discuss,
    Decide,
    /// A pause; required in meetings over an hour (R2). It has no place in the phase order.
    Break,
}

choice!(Phase {
    Share,
    Discuss,
    Decide,
    Break
});

impl Phase {
    pub const ALL: [Phase; 4] = [Phase::Share, Phase::Discuss, Phase::Decide, Phase::Break];

    pub fn label(self) -> T {
        match self {
            Phase::Share => T::PhaseShare,
            Phase::Discuss => T::PhaseDiscuss,
            Phase::Decide => T::PhaseDecide,
            Phase::Break => T::PhaseBreak,
        }
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AgendaItem {
    pub id: String,
    pub title: String,
    pub owner: String,
    #[serde(deserialize_with = "crate::core::domain::bounds::agenda_item_minutes")]
    pub minutes: u32,
    /// A named artefact, e.g. 《行动项表》 (R4).
    pub expected_output: String,
    pub phase: Phase,
    /// The minutes planned before the meeting, kept when "finish on time" shortens the item while
    /// it runs (E2): plan against actual compares with the plan, and a copy plans with it.
    #[serde(
        deserialize_with = "crate::core::domain::bounds::opt_agenda_item_minutes",
        skip_serializing_if = "Option::is_none"
    )]
    pub planned_minutes: Option<u32>,
}

impl AgendaItem {
    /// The minutes the item had in the plan, before any shortening during the meeting.
    pub fn planned(&self) -> u32 {
        self.planned_minutes.unwrap_or(self.minutes)
    }
}

/// Pre-read material, sent one day ahead (R5).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreRead {
    pub id: String,
    pub title: String,
    pub link: String,
    pub questions: String,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub sent_at: Option<DateTime<Utc>>,
}

/// What one department is asked to bring (R6), e.g. its current risks.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct PreparationAsk {
    pub department: String,
    pub ask: String,
    /// What the department sent back, from a reply (A1): its risk points, one a line.
    pub reply: String,
}

/// One timestamped event while the meeting runs (E2). The clocks are computed from these.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RunEvent {
    #[serde(with = "crate::core::domain::time_serde::utc")]
    pub at: DateTime<Utc>,
    pub kind: RunEventKind,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum RunEventKind {
    Started,
    Paused,
    Resumed,
    ItemStarted { item_id: String },
    SpeakerTurn { speaker: String },
    Ended,
}

/// An off-topic point kept for after the meeting (E4).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParkedPoint {
    pub id: String,
    pub text: String,
    pub raised_by: String,
    pub agenda_item_id: Option<String>,
    pub resolved: bool,
    /// Who takes the point up after the meeting, and by when (E4): an open point with an owner
    /// reaches the tracker.
    pub owner: String,
    #[serde(default, with = "crate::core::domain::time_serde::opt_date")]
    pub deadline: Option<NaiveDate>,
}

/// A conclusion reached against an agenda item (E5).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Decision {
    pub id: String,
    pub text: String,
    pub agenda_item_id: Option<String>,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub made_at: Option<DateTime<Utc>>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum ActionStatus {
    #[default]
    Open,
    InProgress,
    Blocked,
    Done,
    Cancelled,
}

choice!(ActionStatus {
    Open,
    InProgress,
    Blocked,
    Done,
    Cancelled
});

impl ActionStatus {
    pub const ALL: [ActionStatus; 5] = [
        ActionStatus::Open,
        ActionStatus::InProgress,
        ActionStatus::Blocked,
        ActionStatus::Done,
        ActionStatus::Cancelled,
    ];

    pub fn label(self) -> T {
        match self {
            ActionStatus::Open => T::StatusOpen,
            ActionStatus::InProgress => T::StatusInProgress,
            ActionStatus::Blocked => T::StatusBlocked,
            ActionStatus::Done => T::StatusDone,
            ActionStatus::Cancelled => T::StatusCancelled,
        }
    }

    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Cancelled)
    }
}

/// A dated progress report on an action item (F3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProgressNote {
    #[serde(default, with = "crate::core::domain::time_serde::opt_date")]
    pub on: Option<NaiveDate>,
    pub text: String,
}

impl ProgressNote {
    /// `2026-12-02 初稿完成`: the note as one line of the tracker CSV, appended to `out` (the
    /// export writes thousands of them; the import reads them back).
    pub fn push_line(&self, out: &mut String) {
        if let Some(on) = self.on {
            out.push_str(&crate::core::domain::time::format_date(on));
            out.push(' ');
        }
        out.push_str(&self.text);
    }
}

/// One row of the 《行动项表》 (E6, F3).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ActionItem {
    pub id: String,
    pub task: String,
    pub owner: String,
    pub department: String,
    /// The acceptance standard (交付标准).
    pub acceptance: String,
    #[serde(default, with = "crate::core::domain::time_serde::opt_date")]
    pub deadline: Option<NaiveDate>,
    pub status: ActionStatus,
    pub progress: Vec<ProgressNote>,
    #[serde(default, with = "crate::core::domain::time_serde::opt_date")]
    pub completed_on: Option<NaiveDate>,
    pub agenda_item_id: Option<String>,
}

impl ActionItem {
    /// Changes the status, dating completion for the review's on-time count (F5): the day it
    /// became done, kept if it was done already, cleared if it is reopened.
    pub fn set_status(&mut self, status: ActionStatus, today: NaiveDate) {
        self.completed_on = match status {
            ActionStatus::Done => self
                .completed_on
                .filter(|_| self.status == status)
                .or(Some(today)),
            _ => None,
        };
        self.status = status;
    }

    /// Past its deadline and still open (F3).
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        !self.status.is_closed() && self.deadline.is_some_and(|deadline| deadline < today)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum MinutesStatus {
    #[default]
    NotStarted,
    DraftSent,
    FinalSent,
}

choice!(MinutesStatus {
    NotStarted,
    DraftSent,
    FinalSent
});

impl MinutesStatus {
    pub fn label(self) -> T {
        match self {
            MinutesStatus::NotStarted => T::MinutesNotStarted,
            MinutesStatus::DraftSent => T::MinutesDraftSent,
            MinutesStatus::FinalSent => T::MinutesFinalSent,
        }
    }
}

/// The minutes: draft within 2 hours, final within 24 (F1).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Minutes {
    pub status: MinutesStatus,
    pub text: String,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub draft_sent_at: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub final_sent_at: Option<DateTime<Utc>>,
}

/// Quick feedback gathered after the meeting (F5).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Feedback {
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub given_at: Option<DateTime<Utc>>,
    pub agenda_time_right: Option<bool>,
    pub materials_enough: Option<bool>,
    /// 1 to 5.
    #[serde(deserialize_with = "crate::core::domain::bounds::rating")]
    pub rating: Option<u8>,
    pub comment: String,
}

/// The recurring series a meeting belongs to, for the quarterly review (F5).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct SeriesRef {
    pub id: String,
    pub name: String,
}

/// The four stages of a meeting, shown as tabs of its workspace.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Stage {
    #[default]
    Plan,
    Prepare,
    Run,
    FollowUp,
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Plan, Stage::Prepare, Stage::Run, Stage::FollowUp];

    pub fn slug(self) -> &'static str {
        match self {
            Stage::Plan => "plan",
            Stage::Prepare => "prepare",
            Stage::Run => "run",
            Stage::FollowUp => "follow-up",
        }
    }

    pub fn label(self) -> T {
        match self {
            Stage::Plan => T::StagePlan,
            Stage::Prepare => T::StagePrepare,
            Stage::Run => T::StageRun,
            Stage::FollowUp => T::StageFollowUp,
        }
    }

    pub fn from_slug(slug: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|stage| stage.slug() == slug)
    }
}

/// A title as every screen and export shows it: trimmed, or "untitled" in `lang` when blank.
pub fn title_or_untitled(title: &str, lang: Lang) -> &str {
    match title.trim() {
        "" => T::Untitled.get(lang),
        title => title,
    }
}

/// The meetings that were or will be held: templates are plans kept for reuse (S1), so the
/// tracker, the review, cost and airtime never count them.
pub fn meetings_only<'a>(
    meetings: impl IntoIterator<Item = &'a Meeting>,
) -> impl Iterator<Item = &'a Meeting> {
    meetings.into_iter().filter(|meeting| !meeting.is_template)
}

/// A cross-department meeting, from plan to follow-up.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Meeting {
    pub id: String,
    /// Bumped on every save; lets a second tab notice it is about to overwrite newer data.
    pub revision: u64,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub created_at: Option<DateTime<Utc>>,
    #[serde(default, with = "crate::core::domain::time_serde::opt_utc")]
    pub updated_at: Option<DateTime<Utc>>,
    pub title: String,
    pub situation: Situation,
    pub necessity: Necessity,
    pub kind: MeetingType,
    pub objective: String,
    pub schedule: Schedule,
    pub format: Format,
    pub participants: Vec<Participant>,
    pub agenda: Vec<AgendaItem>,
    pub materials: Vec<PreRead>,
    pub preparation_asks: Vec<PreparationAsk>,
    pub run_log: Vec<RunEvent>,
    pub parking_lot: Vec<ParkedPoint>,
    pub decisions: Vec<Decision>,
    pub actions: Vec<ActionItem>,
    pub minutes: Minutes,
    /// When owners report progress each day (the guide's example: 17:00), for the recurring
    /// reminder in the owners' calendar (F3); `None` when the meeting set no time.
    #[serde(default, with = "crate::core::domain::time_serde::opt_time")]
    pub progress_time: Option<NaiveTime>,
    pub feedback: Vec<Feedback>,
    /// Notes from the last review, shown on the next meeting's plan in the series (F5).
    pub improvement_notes: Vec<String>,
    /// The review's changes carried into this meeting (F6), so later reviews can tell whether
    /// they helped.
    pub carried: Vec<crate::core::domain::coaching::CarriedChange>,
    /// What was asked of whom through ask links, and the replies taken (A1).
    pub asks: Vec<crate::core::domain::asks::AskRecord>,
    pub series: Option<SeriesRef>,
    /// A template the user saved from a meeting (S1): listed with the templates, not the meetings.
    pub is_template: bool,
}

impl Meeting {
    /// The title as exports show it, trimmed, or "untitled" in `lang` when there is none.
    pub fn title_or_untitled(&self, lang: Lang) -> &str {
        title_or_untitled(&self.title, lang)
    }

    /// An empty meeting created now.
    pub fn blank(id: String, now: DateTime<Utc>) -> Meeting {
        Meeting {
            id,
            created_at: Some(now),
            updated_at: Some(now),
            ..Meeting::default()
        }
    }

    /// The plan of this meeting, without anything that happened at or after it: no run,
    /// decisions, actions, minutes or feedback, no attendance answers, nothing marked as sent.
    pub fn plan_only(&self) -> Meeting {
        let mut plan = self.clone();
        plan.schedule.notice_sent_at = None;
        for participant in &mut plan.participants {
            participant.attendance = Attendance::default();
        }
        for material in &mut plan.materials {
            material.sent_at = None;
        }
        for item in &mut plan.agenda {
            item.minutes = item.planned();
            item.planned_minutes = None;
        }
        plan.run_log.clear();
        plan.parking_lot.clear();
        plan.decisions.clear();
        plan.actions.clear();
        plan.minutes = Minutes::default();
        plan.feedback.clear();
        plan.carried.clear();
        plan.asks.clear();
        for ask in &mut plan.preparation_asks {
            ask.reply.clear();
        }
        plan
    }

    /// Whether the meeting has been started in the run view (E1): held, or being held.
    pub fn has_started(&self) -> bool {
        self.run_log
            .iter()
            .any(|event| event.kind == RunEventKind::Started)
    }

    /// Where the minutes stand (F1), as the follow-up tab's heading says it: "draft due" once the
    /// meeting has ended or a draft is written, until it is marked sent.
    pub fn minutes_label(&self) -> T {
        let draft_exists = !self.minutes.text.trim().is_empty()
            || self
                .run_log
                .iter()
                .any(|event| event.kind == RunEventKind::Ended);
        match self.minutes.status {
            MinutesStatus::NotStarted if draft_exists => T::MinutesDraftDue,
            status => status.label(),
        }
    }

    /// The planned agenda length; compared with the meeting's duration by the checks (R4).
    /// Saturates rather than overflows, whatever the items hold.
    pub fn agenda_minutes(&self) -> u32 {
        self.agenda
            .iter()
            .fold(0u32, |total, item| total.saturating_add(item.minutes))
    }

    pub fn open_action_count(&self) -> usize {
        self.actions
            .iter()
            .filter(|action| !action.status.is_closed())
            .count()
    }

    /// Records an edit: the caller saves the meeting afterwards.
    pub fn touch(&mut self, now: DateTime<Utc>) {
        self.updated_at = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn completion_is_dated_once_and_cleared_on_reopening() {
        let mut action = ActionItem::default();
        action.set_status(ActionStatus::Done, date(2026, 11, 20));
        assert_eq!(action.completed_on, Some(date(2026, 11, 20)));
        action.set_status(ActionStatus::Done, date(2026, 11, 25));
        assert_eq!(
            action.completed_on,
            Some(date(2026, 11, 20)),
            "already done: kept"
        );
        action.set_status(ActionStatus::InProgress, date(2026, 11, 26));
        assert_eq!(action.completed_on, None);
        action.set_status(ActionStatus::Cancelled, date(2026, 11, 26));
        assert_eq!(
            (action.status, action.completed_on),
            (ActionStatus::Cancelled, None)
        );
    }

    #[test]
    fn action_is_overdue_only_when_open_and_past_deadline() {
        let today = date(2026, 11, 24);
        let mut action = ActionItem {
            deadline: Some(date(2026, 11, 23)),
            ..ActionItem::default()
        };
        assert!(action.is_overdue(today));
        action.deadline = Some(today);
        assert!(!action.is_overdue(today), "due today is not overdue");
        action.deadline = Some(date(2026, 11, 1));
        action.status = ActionStatus::Done;
        assert!(!action.is_overdue(today), "done items are never overdue");
        action.status = ActionStatus::Blocked;
        assert!(action.is_overdue(today));
        action.deadline = None;
        assert!(!action.is_overdue(today));
    }

    #[test]
    fn the_minutes_are_due_once_the_meeting_ends_until_marked() {
        let mut meeting = Meeting::default();
        assert_eq!(meeting.minutes_label(), T::MinutesNotStarted);
        meeting.run_log.push(RunEvent {
            at: DateTime::UNIX_EPOCH,
            kind: RunEventKind::Ended,
        });
        assert_eq!(meeting.minutes_label(), T::MinutesDraftDue);
        meeting.minutes.status = MinutesStatus::DraftSent;
        assert_eq!(meeting.minutes_label(), T::MinutesDraftSent);
        let written = Meeting {
            minutes: Minutes {
                text: "手写初稿".into(),
                ..Minutes::default()
            },
            ..Meeting::default()
        };
        assert_eq!(written.minutes_label(), T::MinutesDraftDue);
    }

    #[test]
    fn templates_are_left_out_and_the_order_is_kept() {
        let meeting = |id: &str, is_template| Meeting {
            id: id.into(),
            is_template,
            ..Meeting::default()
        };
        let all = [meeting("a", false), meeting("t", true), meeting("b", false)];
        let ids: Vec<&str> = meetings_only(&all).map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(meetings_only(&all[1..2]).count(), 0);
    }

    #[test]
    fn a_blank_title_shows_as_untitled_everywhere() {
        for (title, lang, shown) in [
            ("周会", Lang::Zh, "周会"),
            ("  周会 ", Lang::Zh, "周会"),
            ("", Lang::Zh, "未命名会议"),
            (" \t", Lang::En, "Untitled meeting"),
        ] {
            assert_eq!(title_or_untitled(title, lang), shown, "{title:?}");
        }
    }

    #[test]
    fn missing_fields_read_as_defaults() {
        let meeting: Meeting = serde_json::from_str(r#"{"id":"m1","title":"t"}"#).unwrap();
        assert_eq!(meeting.schedule.duration_minutes, 60);
        assert_eq!(meeting.kind, MeetingType::Discussion);
        assert!(meeting.agenda.is_empty());
    }
}
