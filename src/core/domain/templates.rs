//! The four starting templates of the guide (S1), each with a default type, duration and agenda
//! ordered share → discuss → decide, with a break in meetings over an hour (R2, R4).

use chrono::{DateTime, Utc};

use crate::core::domain::i18n::Lang;
use crate::core::domain::model::{AgendaItem, Meeting, MeetingType, Phase, Situation};

/// One default agenda line: (Chinese title, English title, minutes, phase, Chinese output,
/// English output).
type Line = (
    &'static str,
    &'static str,
    u32,
    Phase,
    &'static str,
    &'static str,
);

/// Every template ends by reading back conclusions and the follow-up rule (E7).
pub(crate) const SUMMARY: Line = (
    "总结与跟进方式",
    "Summary and follow-up",
    5,
    Phase::Decide,
    "会议结论复述",
    "Read-back of conclusions",
);
/// Templates over an hour carry a break (R2).
const BREAK: Line = ("中场休息", "Break", 10, Phase::Break, "", "");

struct Template {
    kind: MeetingType,
    title: (&'static str, &'static str),
    agenda: &'static [Line],
}

fn template(situation: Situation) -> Option<Template> {
    use Phase::{Decide, Discuss, Share};
    let found = match situation {
        Situation::Blank => return None,
        Situation::ProjectCollaboration => Template {
            kind: MeetingType::Discussion,
            title: ("项目协同对齐会", "Project alignment meeting"),
            agenda: &[
                (
                    "开场:目标与规则",
                    "Opening: objective and rules",
                    5,
                    Share,
                    "",
                    "",
                ),
                (
                    "各部门进展与风险同步",
                    "Progress and risks by department",
                    15,
                    Share,
                    "《进展与风险清单》",
                    "Progress & risk list",
                ),
                (
                    "依赖与资源讨论",
                    "Dependencies and resources",
                    20,
                    Discuss,
                    "《资源需求清单》",
                    "Resource request list",
                ),
                (
                    "决策与分工",
                    "Decisions and owners",
                    15,
                    Decide,
                    "《行动项表》",
                    "Action item table",
                ),
                SUMMARY,
            ],
        },
        Situation::ProblemSolving => Template {
            kind: MeetingType::Decision,
            title: ("问题解决会", "Problem-solving meeting"),
            agenda: &[
                (
                    "问题与影响同步",
                    "The problem and its impact",
                    10,
                    Share,
                    "《问题说明》",
                    "Problem statement",
                ),
                (
                    "原因分析与责任界定",
                    "Causes and responsibilities",
                    20,
                    Discuss,
                    "《原因清单》",
                    "Cause list",
                ),
                (
                    "方案比较",
                    "Compare solutions",
                    15,
                    Discuss,
                    "《候选方案对比》",
                    "Options comparison",
                ),
                (
                    "决策与分工",
                    "Decide and assign",
                    10,
                    Decide,
                    "《行动项表》",
                    "Action item table",
                ),
                SUMMARY,
            ],
        },
        Situation::StrategyRollout => Template {
            kind: MeetingType::Decision,
            title: ("战略落地对齐会", "Strategy roll-out meeting"),
            agenda: &[
                (
                    "年度目标与拆解说明",
                    "Annual goals and breakdown",
                    15,
                    Share,
                    "《目标拆解表》",
                    "Goal breakdown",
                ),
                (
                    "各部门承接思路",
                    "How each department takes it on",
                    20,
                    Share,
                    "各部门承接要点",
                    "Department take-on notes",
                ),
                BREAK,
                (
                    "KPI 与资源分配讨论",
                    "KPIs and resource allocation",
                    25,
                    Discuss,
                    "《KPI 对齐表》",
                    "KPI alignment table",
                ),
                (
                    "决策与分工",
                    "Decide and assign",
                    15,
                    Decide,
                    "《行动项表》",
                    "Action item table",
                ),
                SUMMARY,
            ],
        },
        Situation::MechanismBuilding => Template {
            kind: MeetingType::Discussion,
            title: ("协作机制共识会", "Working-agreement meeting"),
            agenda: &[
                (
                    "现状与痛点",
                    "Current state and pain points",
                    15,
                    Share,
                    "《痛点清单》",
                    "Pain-point list",
                ),
                (
                    "制度草案讲解",
                    "Walk through the draft",
                    15,
                    Share,
                    "《流程草案》",
                    "Draft process",
                ),
                BREAK,
                (
                    "逐条讨论与修订",
                    "Discuss and revise clause by clause",
                    30,
                    Discuss,
                    "《修订意见清单》",
                    "Revision list",
                ),
                (
                    "形成共识与分工",
                    "Agree and assign",
                    15,
                    Decide,
                    "《制度定稿》与《行动项表》",
                    "Final rule and action table",
                ),
                SUMMARY,
            ],
        },
    };
    Some(found)
}

/// A new meeting for `situation`, its texts in `lang`. `new_id` makes unique ids.
pub fn meeting_from_template(
    situation: Situation,
    lang: Lang,
    id: String,
    now: DateTime<Utc>,
    mut new_id: impl FnMut() -> String,
) -> Meeting {
    let mut meeting = Meeting::blank(id, now);
    meeting.situation = situation;
    let Some(template) = template(situation) else {
        return meeting;
    };
    let pick = |zh: &'static str, en: &'static str| match lang {
        Lang::Zh => zh.to_owned(),
        Lang::En => en.to_owned(),
    };
    meeting.kind = template.kind;
    meeting.title = pick(template.title.0, template.title.1);
    meeting.agenda = template
        .agenda
        .iter()
        .map(|&(zh, en, minutes, phase, out_zh, out_en)| AgendaItem {
            id: new_id(),
            title: pick(zh, en),
            owner: String::new(),
            minutes,
            expected_output: pick(out_zh, out_en),
            phase,
            planned_minutes: None,
        })
        .collect();
    meeting.schedule.duration_minutes = meeting.agenda_minutes();
    meeting
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(situation: Situation, lang: Lang) -> Meeting {
        let mut counter = 0;
        meeting_from_template(situation, lang, "m".into(), DateTime::UNIX_EPOCH, || {
            counter += 1;
            format!("a{counter}")
        })
    }

    #[test]
    fn every_template_follows_the_guide() {
        for situation in Situation::TEMPLATES {
            let meeting = build(situation, Lang::Zh);
            assert_eq!(meeting.situation, situation);
            assert!(!meeting.title.is_empty());
            assert!(
                [30, 60, 90].contains(&meeting.schedule.duration_minutes),
                "{situation:?} uses a preset duration (R2)"
            );
            assert!(
                crate::core::domain::checks::phases_in_order(&meeting),
                "{situation:?} is share → discuss → decide (R4)"
            );
            let has_break = meeting.agenda.iter().any(|item| item.phase == Phase::Break);
            assert_eq!(
                has_break,
                meeting.schedule.duration_minutes > 60,
                "{situation:?}: a break exactly when over an hour (R2)"
            );
            let ids: std::collections::HashSet<_> =
                meeting.agenda.iter().map(|item| &item.id).collect();
            assert_eq!(ids.len(), meeting.agenda.len(), "agenda ids are unique");
        }
    }

    #[test]
    fn template_texts_follow_the_language() {
        let zh = build(Situation::ProblemSolving, Lang::Zh);
        let en = build(Situation::ProblemSolving, Lang::En);
        assert_eq!(zh.title, "问题解决会");
        assert_eq!(en.title, "Problem-solving meeting");
        assert_eq!(zh.kind, MeetingType::Decision);
        assert_eq!(en.agenda[3].expected_output, "Action item table");
    }

    #[test]
    fn blank_meeting_has_no_agenda() {
        let meeting = build(Situation::Blank, Lang::En);
        assert!(meeting.agenda.is_empty());
        assert!(meeting.title.is_empty());
    }
}
