//! Checks of the planning stage: necessity (P1), type (P2), objective (P3), participants (P4).

use super::objective::{objective_issue, ObjectiveIssue};
use super::{Field, Finding, Severity};
use crate::core::domain::i18n::T;
use crate::core::domain::model::{Meeting, MeetingType, Phase, Role};

/// The guide's recommended size (P4).
pub const SIZE_RANGE: std::ops::RangeInclusive<usize> = 5..=10;

pub fn check(meeting: &Meeting) -> Vec<Finding> {
    let mut findings = Vec::new();
    necessity(meeting, &mut findings);
    decision_type(meeting, &mut findings);
    objective(meeting, &mut findings);
    participants(meeting, &mut findings);
    findings
}

fn necessity(meeting: &Meeting, findings: &mut Vec<Finding>) {
    let answers = &meeting.necessity;
    let field = Field::Necessity;
    if answers.async_update_would_do == Some(true) {
        findings.push(Finding::new(
            "P1-async-would-do",
            Severity::ShouldFix,
            field,
            T::CheckAsync,
        ));
    } else if answers.needs_several_departments != Some(true)
        && answers.needs_combined_resources != Some(true)
    {
        let code = if answers.needs_several_departments.is_none()
            && answers.needs_combined_resources.is_none()
        {
            "P1-unanswered"
        } else {
            "P1-single-department"
        };
        findings.push(Finding::new(code, Severity::Tip, field, T::CheckNecessity));
    }
}

fn decision_type(meeting: &Meeting, findings: &mut Vec<Finding>) {
    if meeting.kind != MeetingType::Decision {
        return;
    }
    if !meeting
        .participants
        .iter()
        .any(|p| p.role == Role::DecisionMaker)
    {
        findings.push(Finding::new(
            "P2-no-decision-maker",
            Severity::MustFix,
            Field::Participants,
            T::CheckNoDecisionMaker,
        ));
    }
    if !meeting
        .agenda
        .iter()
        .any(|item| item.phase == Phase::Decide)
    {
        findings.push(Finding::new(
            "P2-no-decide-item",
            Severity::MustFix,
            Field::Agenda,
            T::CheckNoDecideItem,
        ));
    }
}

fn objective(meeting: &Meeting, findings: &mut Vec<Finding>) {
    let Some(issue) = objective_issue(&meeting.objective) else {
        return;
    };
    let (code, severity, text) = match issue {
        ObjectiveIssue::Empty => ("P3-empty", Severity::MustFix, T::CheckObjectiveEmpty),
        ObjectiveIssue::Vague => ("P3-vague", Severity::MustFix, T::CheckObjectiveVague),
        ObjectiveIssue::NoVerb => ("P3-no-verb", Severity::ShouldFix, T::CheckObjectiveNoVerb),
        ObjectiveIssue::NoDeliverable => (
            "P3-no-deliverable",
            Severity::ShouldFix,
            T::CheckObjectiveNoDeliverable,
        ),
    };
    findings.push(Finding::new(code, severity, Field::Objective, text));
}

fn participants(meeting: &Meeting, findings: &mut Vec<Finding>) {
    let people = &meeting.participants;
    let count = people.len();
    if count < *SIZE_RANGE.start() {
        findings.push(
            Finding::new(
                "P4-too-few",
                Severity::ShouldFix,
                Field::Participants,
                T::CheckTooFew,
            )
            .with(count),
        );
    } else if count > *SIZE_RANGE.end() {
        findings.push(
            Finding::new(
                "P4-too-many",
                Severity::ShouldFix,
                Field::Participants,
                T::CheckTooMany,
            )
            .with(count),
        );
    }
    if count > 0 && !people.iter().any(|p| p.is_host) {
        findings.push(Finding::new(
            "P4-no-host",
            Severity::ShouldFix,
            Field::Participants,
            T::CheckNoHost,
        ));
    }
    if count > 0 && !people.iter().any(|p| p.is_recorder) {
        findings.push(Finding::new(
            "P4-no-recorder",
            Severity::Tip,
            Field::Participants,
            T::CheckNoRecorder,
        ));
    }
    for person in people {
        if person.name.trim().is_empty() || person.department.trim().is_empty() {
            findings.push(Finding::new(
                "P4-incomplete",
                Severity::ShouldFix,
                Field::Participant(person.id.clone()),
                T::CheckParticipantIncomplete,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::checks::test_support::codes;
    use crate::core::domain::model::{AgendaItem, Necessity, Participant};

    fn person(id: &str, role: Role) -> Participant {
        Participant {
            id: id.into(),
            name: format!("name {id}"),
            department: "研发部".into(),
            role,
            ..Participant::default()
        }
    }

    fn good_meeting() -> Meeting {
        let mut people: Vec<Participant> = (0..6)
            .map(|i| person(&i.to_string(), Role::Executor))
            .collect();
        people[0].role = Role::DecisionMaker;
        people[1].is_host = true;
        people[2].is_recorder = true;
        Meeting {
            kind: MeetingType::Decision,
            objective: "确定Q3上线排期并明确各部门交付物".into(),
            necessity: Necessity {
                needs_several_departments: Some(true),
                ..Necessity::default()
            },
            participants: people,
            agenda: vec![AgendaItem {
                phase: Phase::Decide,
                ..AgendaItem::default()
            }],
            ..Meeting::default()
        }
    }

    #[test]
    fn a_well_planned_meeting_has_no_plan_findings() {
        assert_eq!(codes(&check(&good_meeting())), Vec::<&str>::new());
    }

    #[test]
    fn each_plan_rule_fires_on_its_own_fault() {
        type Break = fn(&mut Meeting);
        let cases: &[(Break, &str)] = &[
            (
                |m| m.necessity.async_update_would_do = Some(true),
                "P1-async-would-do",
            ),
            (|m| m.necessity = Necessity::default(), "P1-unanswered"),
            (
                |m| m.necessity.needs_several_departments = Some(false),
                "P1-single-department",
            ),
            (
                |m| m.participants[0].role = Role::Supporter,
                "P2-no-decision-maker",
            ),
            (|m| m.agenda[0].phase = Phase::Discuss, "P2-no-decide-item"),
            (|m| m.objective = " ".into(), "P3-empty"),
            (|m| m.objective = "加强沟通".into(), "P3-vague"),
            (|m| m.objective = "Weekly meeting".into(), "P3-no-verb"),
            (
                |m| m.objective = "Agree on things".into(),
                "P3-no-deliverable",
            ),
            (|m| m.participants.truncate(4), "P4-too-few"),
            (
                |m| {
                    m.participants
                        .extend((10..15).map(|i| person(&i.to_string(), Role::Supporter)))
                },
                "P4-too-many",
            ),
            (|m| m.participants[1].is_host = false, "P4-no-host"),
            (|m| m.participants[2].is_recorder = false, "P4-no-recorder"),
            (|m| m.participants[3].department.clear(), "P4-incomplete"),
        ];
        for (break_it, code) in cases {
            let mut meeting = good_meeting();
            break_it(&mut meeting);
            assert_eq!(codes(&check(&meeting)), vec![*code], "{code}");
        }
    }

    #[test]
    fn only_decision_meetings_need_a_decision_maker() {
        let mut meeting = good_meeting();
        meeting.kind = MeetingType::Inform;
        meeting.participants[0].role = Role::Executor;
        meeting.agenda.clear();
        assert!(codes(&check(&meeting)).is_empty());
    }
}
