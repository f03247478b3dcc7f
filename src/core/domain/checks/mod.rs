//! The checks engine: `meeting + now -> findings` that coach the organiser towards the guide's
//! standard. Each finding has a stable code (its SPEC ID and a name), a severity, the field it
//! points at, and text in both languages. One function per requirement; all pure.

mod objective;
mod plan;
mod prepare;

use chrono::{DateTime, Utc};

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::model::Stage;
use crate::core::domain::order;
use crate::core::domain::time::LocalZone;

pub use objective::{objective_issue, ObjectiveIssue};
pub use prepare::phases_in_order;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    MustFix,
    ShouldFix,
    Tip,
}

impl Severity {
    pub fn label(self) -> T {
        match self {
            Severity::MustFix => T::SeverityMust,
            Severity::ShouldFix => T::SeverityShould,
            Severity::Tip => T::SeverityTip,
        }
    }
}

/// The form field a finding points at, so the UI can focus it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Field {
    Necessity,
    Kind,
    Objective,
    Participants,
    Start,
    Duration,
    Format,
    Agenda,
    AgendaItem(String),
    Materials,
    Material(String),
    Participant(String),
}

impl Field {
    /// The DOM id of the field's input, shared by checks and the form that renders it.
    pub fn dom_id(&self) -> String {
        match self {
            Field::Necessity => "field-necessity".into(),
            Field::Kind => "field-kind".into(),
            Field::Objective => "field-objective".into(),
            Field::Participants => "field-participants".into(),
            Field::Start => "field-start".into(),
            Field::Duration => "field-duration".into(),
            Field::Format => "field-format".into(),
            Field::Agenda => "field-agenda".into(),
            Field::AgendaItem(id) => format!("agenda-{id}"),
            Field::Materials => "field-materials".into(),
            Field::Material(id) => format!("material-{id}"),
            Field::Participant(id) => format!("participant-{id}"),
        }
    }

    /// The workspace tab that holds the field.
    pub fn stage(&self) -> Stage {
        match self {
            Field::Necessity | Field::Kind | Field::Objective | Field::Participants => Stage::Plan,
            _ => Stage::Prepare,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    /// Stable across releases, e.g. `P3-vague`; tests and the UI key on it.
    pub code: &'static str,
    pub severity: Severity,
    pub field: Field,
    text: T,
    args: Vec<String>,
}

impl Finding {
    fn new(code: &'static str, severity: Severity, field: Field, text: T) -> Finding {
        Finding {
            code,
            severity,
            field,
            text,
            args: Vec::new(),
        }
    }

    fn with(mut self, arg: impl ToString) -> Finding {
        self.args.push(arg.to_string());
        self
    }

    pub fn message(&self, lang: Lang) -> String {
        let args: Vec<&str> = self.args.iter().map(String::as_str).collect();
        tr(lang, self.text, &args)
    }
}

/// Everything the checks need besides the meeting: the time now and the organiser's time zone
/// (weekday and afternoon rules are about local time, at the meeting's own offset).
#[derive(Clone, Copy)]
pub struct CheckContext<'a> {
    pub now: DateTime<Utc>,
    pub zone: &'a dyn LocalZone,
}

/// Every finding for a meeting, most severe first, plan before prepare. None once the meeting has
/// started: these are the checks before the notice goes out, and a held meeting is past them.
pub fn check(meeting: &Meeting, context: CheckContext<'_>) -> Vec<Finding> {
    if meeting.has_started() {
        return Vec::new();
    }
    let mut findings = plan::check(meeting);
    findings.extend(prepare::check(meeting, context));
    order::sort_by_key(&mut findings, |finding| {
        (finding.field.stage() != Stage::Plan, finding.severity)
    });
    findings
}

/// Ready to send the notice: nothing must be fixed.
pub fn is_ready(findings: &[Finding]) -> bool {
    findings
        .iter()
        .all(|finding| finding.severity != Severity::MustFix)
}

#[cfg(test)]
pub(crate) mod test_support {
    use super::*;
    use chrono::{FixedOffset, TimeZone};

    /// China Standard Time, where most users are.
    pub fn cst() -> FixedOffset {
        FixedOffset::east_opt(8 * 3600).unwrap()
    }

    /// A local (CST) time as UTC.
    pub fn local(y: i32, m: u32, d: u32, h: u32, min: u32) -> DateTime<Utc> {
        cst()
            .with_ymd_and_hms(y, m, d, h, min, 0)
            .unwrap()
            .with_timezone(&Utc)
    }

    pub fn context(now: DateTime<Utc>) -> CheckContext<'static> {
        const CST: FixedOffset = FixedOffset::east_opt(8 * 3600).unwrap();
        CheckContext { now, zone: &CST }
    }

    pub fn codes(findings: &[Finding]) -> Vec<&'static str> {
        findings.iter().map(|finding| finding.code).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::test_support::{codes, context, local};
    use super::*;
    use crate::core::domain::model::{RunEvent, RunEventKind};

    #[test]
    fn the_checks_stop_once_the_meeting_has_started() {
        let mut meeting = Meeting::default();
        let now = local(2026, 12, 3, 10, 0);
        assert!(codes(&check(&meeting, context(now))).contains(&"R1-no-time"));
        meeting.run_log.push(RunEvent {
            at: now,
            kind: RunEventKind::Started,
        });
        assert_eq!(check(&meeting, context(now)), Vec::new());
    }
}
