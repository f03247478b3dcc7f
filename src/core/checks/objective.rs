//! Is an objective written as verb + result (P3)? A small, explainable classifier over Chinese and
//! English text: it looks for a decisive verb, a concrete deliverable, and known vague phrasing.

/// What is wrong with an objective, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ObjectiveIssue {
    Empty,
    /// Built on phrasing such as 加强沟通 or "sync up" with nothing decisive beside it.
    Vague,
    /// No verb that ends in a result (确定, 批准, agree, decide …).
    NoVerb,
    /// A verb, but no artefact or measurable result (排期, 清单, a date, a number …).
    NoDeliverable,
}

const VAGUE_ZH: &[&str] = &[
    "加强沟通",
    "沟通一下",
    "讨论进展",
    "讨论一下",
    "了解一下",
    "了解情况",
    "同步一下",
    "同步进展",
    "对齐一下",
    "碰一下",
    "聊一聊",
    "聊聊",
    "交流一下",
    "交流想法",
    "看看",
    "过一下",
    "务虚",
    "加强协作",
    "加强合作",
    "提升效率",
    "增进了解",
];
const VAGUE_EN: &[&str] = &[
    "sync up",
    "catch up",
    "touch base",
    "check in",
    "discuss progress",
    "discuss the progress",
    "general discussion",
    "talk about",
    "go over",
    "chat about",
    "brainstorm",
    "improve communication",
    "better communication",
    "get aligned",
    "stay aligned",
    "keep everyone informed",
    "update each other",
    "share updates",
    "status update",
];
const VERBS_ZH: &[&str] = &[
    "确定", "明确", "解决", "制定", "批准", "决定", "选定", "确认", "拆解", "分配", "界定", "达成",
    "形成", "通过", "定稿", "输出", "评审", "敲定", "签署", "完成", "锁定", "审批", "发布", "指定",
];
const VERBS_EN: &[&str] = &[
    "agree",
    "decide",
    "approve",
    "choose",
    "select",
    "finalise",
    "finalize",
    "define",
    "assign",
    "confirm",
    "resolve",
    "produce",
    "sign off",
    "allocate",
    "set ",
    "fix ",
    "name ",
    "prioritise",
    "prioritize",
    "commit",
    "settle",
    "draft",
    "publish",
    "rank",
    "pick",
];
const DELIVERABLES_ZH: &[&str] = &[
    "《",
    "排期",
    "方案",
    "清单",
    "表",
    "交付物",
    "负责人",
    "预算",
    "结论",
    "计划",
    "流程",
    "规范",
    "标准",
    "名单",
    "日期",
    "时间",
    "节点",
    "指标",
    "KPI",
    "分工",
    "责任",
    "优先级",
    "里程碑",
    "版本",
    "原则",
    "制度",
    "口径",
    "上线",
    "目标值",
    "范围",
];
const DELIVERABLES_EN: &[&str] = &[
    "plan",
    "list",
    "date",
    "schedule",
    "owner",
    "budget",
    "deliverable",
    "decision",
    "table",
    "timeline",
    "kpi",
    "process",
    "rule",
    "priorit",
    "scope",
    "go/no-go",
    "milestone",
    "roadmap",
    "policy",
    "headcount",
    "target",
    "responsib",
    "launch",
    "agreement",
    "standard",
];

/// Classifies an objective; `None` means it reads as verb + result.
pub fn objective_issue(objective: &str) -> Option<ObjectiveIssue> {
    let text = objective.trim();
    if text.is_empty() {
        return Some(ObjectiveIssue::Empty);
    }
    let lower = format!("{} ", text.to_ascii_lowercase());
    let has = |words: &[&str]| {
        words
            .iter()
            .any(|word| lower.contains(&word.to_ascii_lowercase()))
    };
    let has_verb = has(VERBS_ZH) || has(VERBS_EN);
    let has_deliverable =
        has(DELIVERABLES_ZH) || has(DELIVERABLES_EN) || text.chars().any(|c| c.is_ascii_digit());
    if (has(VAGUE_ZH) || has(VAGUE_EN)) && !(has_verb && has_deliverable) {
        return Some(ObjectiveIssue::Vague);
    }
    if !has_verb {
        return Some(ObjectiveIssue::NoVerb);
    }
    if !has_deliverable {
        return Some(ObjectiveIssue::NoDeliverable);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use ObjectiveIssue::*;

    /// Half Chinese, half English; half vague or incomplete, half good (issue 3).
    const CASES: &[(&str, Option<ObjectiveIssue>)] = &[
        // Chinese, good.
        ("确定Q3上线排期并明确各部门交付物", None),
        ("解决当前客户投诉率高的跨部门责任界定问题", None),
        ("确定新品发布会的预算与分工", None),
        ("批准2027年度市场推广方案", None),
        ("明确数据共享规范的审批流程和负责人", None),
        ("选定供应链中断的替代供应商名单", None),
        ("达成跨部门KPI对齐并输出《KPI对齐表》", None),
        ("敲定客服工单流转的责任划分原则", None),
        ("确认11月30日前完成的三项整改措施", None),
        ("制定下季度资源分配计划", None),
        // Chinese, vague or incomplete.
        ("加强沟通", Some(Vague)),
        ("讨论进展", Some(Vague)),
        ("了解一下各部门情况", Some(Vague)),
        ("同步一下项目", Some(Vague)),
        ("大家碰一下新项目", Some(Vague)),
        ("加强协作,提升效率", Some(Vague)),
        ("新产品研发", Some(NoVerb)),
        ("关于客户投诉", Some(NoVerb)),
        ("明确一下想法", Some(NoDeliverable)),
        ("", Some(Empty)),
        // English, good.
        (
            "Agree the Q3 launch date and each department's deliverables",
            None,
        ),
        (
            "Decide who owns the complaint backlog and set a fix date",
            None,
        ),
        ("Approve the 2027 marketing budget", None),
        ("Choose a replacement supplier and a switch-over date", None),
        ("Finalise the data-sharing policy and name its owner", None),
        ("Assign owners to the 5 open risks", None),
        ("Confirm the go/no-go criteria for launch", None),
        (
            "Define the escalation process between support and R&D",
            None,
        ),
        ("Allocate Q1 headcount across the three teams", None),
        ("Prioritise the backlog into a ranked list", None),
        // English, vague or incomplete.
        ("Sync up", Some(Vague)),
        ("Discuss progress", Some(Vague)),
        ("Catch up on the project", Some(Vague)),
        ("Touch base with marketing", Some(Vague)),
        ("Improve communication between teams", Some(Vague)),
        ("Brainstorm ideas", Some(Vague)),
        ("Weekly meeting", Some(NoVerb)),
        ("Customer complaints", Some(NoVerb)),
        ("Agree on things", Some(NoDeliverable)),
        ("   ", Some(Empty)),
    ];

    #[test]
    fn objectives_are_classified() {
        assert!(CASES.len() >= 40);
        let failures: Vec<String> = CASES
            .iter()
            .filter(|(text, expected)| objective_issue(text) != *expected)
            .map(|(text, expected)| {
                format!(
                    "{text:?}: expected {expected:?}, got {:?}",
                    objective_issue(text)
                )
            })
            .collect();
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
