//! Is an objective written as verb + result (P3)? A small, explainable classifier over Chinese and
//! English text: it looks for a decisive verb, a concrete deliverable, and known vague phrasing.
//! Tuned against the labelled corpus in `tests/fixtures/objectives.tsv` (`tests/objective_corpus.rs`).
//!
//! Matching: Chinese entries match anywhere; English (ASCII) entries match whole words of the
//! lower-cased text with punctuation read as spaces, allowing the endings -s, -es, -d, -ed
//! ("decides", "agreed", "owners"), so "agree" does not match "agreement".

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

/// Talk, sharing and soft-improvement phrasing. Beside a decisive verb and a deliverable it is
/// harmless ("沟通一下并确定新品定价区间"); without them the objective is vague.
const VAGUE: &str = concat!(
    "沟通|",
    "讨论|",
    "同步|",
    "对齐|",
    "了解|",
    "交流|",
    "碰一下|",
    "碰个头|",
    "碰头|",
    "聊|",
    "谈谈|",
    "看看|",
    "看一下|",
    "过一下|",
    "务虚|",
    "加强|",
    "提升效率|",
    "提升协作|",
    "增进|",
    "加深|",
    "促进|",
    "听取|",
    "汇报|",
    "通报|",
    "探讨|",
    "研讨|",
    "研究一下|",
    "头脑风暴|",
    "集思广益|",
    "交换意见|",
    "拉齐|",
    "统一思想|",
    "凝聚共识|",
    "形成合力|",
    "梳理一下|",
    "跟进|",
    "推进|",
    "推动|",
    "进一步|",
    "做好|",
    "持续|",
    "分享|",
    "对接一下|",
    "协调|",
    "完善|",
    "提提意见|",
    "商量|",
    "复盘一下|",
    "理顺|",
    "sync|",
    "catch up|",
    "touch base|",
    "check in|",
    "discuss|",
    "general discussion|",
    "open discussion|",
    "talk about|",
    "talk through|",
    "go over|",
    "walk through|",
    "chat about|",
    "brainstorm|",
    "improve|",
    "strengthen|",
    "communication|",
    "align|",
    "aligned|",
    "alignment|",
    "same page|",
    "keep everyone informed|",
    "update each other|",
    "share |",
    "sharing|",
    "status update|",
    "project update|",
    "update on|",
    "review|",
    "look at|",
    "look into|",
    "explore|",
    "think about|",
    "follow up|",
    "deep dive|",
    "kick off|",
    "have a conversation|",
    "figure out|",
    "work on|",
    "work through|",
    "drive|",
    "socialise|",
    "socialize|",
    "understand|",
    "hear from|",
    "brief|",
    "collect feedback|",
    "gather input|",
    "gather feedback|",
    "identify|",
    "clarify|",
    "synergies|",
    "build trust|",
    "address concerns|",
    "continue the discussion|",
    "lessons learned|",
    "配合|",
    "协作|",
    "合作|",
    "协同|",
    "coordination|",
    "collaboration|",
    "cooperation|",
    "find out|",
);
/// Results that live in people's heads: no deliverable beside them makes them checkable, only a
/// number does ("让90%的一线员工理解新制度").
const SOFT_RESULTS: &str = concat!(
    "理解|",
    "认识|",
    "认知|",
    "意识|",
    "关系|",
    "氛围|",
    "默契|",
    "信任|",
    "understand|",
    "understanding|",
    "awareness|",
    "relationship|",
    "trust|",
    "mindset|",
    "buy in|",
);
/// Generic objects: a long phrase built on them still names nothing ("明确下一步工作的思路").
const GENERIC: &str = concat!(
    "情况|",
    "想法|",
    "看法|",
    "方向|",
    "思路|",
    "意识|",
    "共识|",
    "下一步|",
    "进展|",
    "一下|",
    "way forward|",
    "next steps|",
    "approach|",
    "direction|",
    "things|",
    "details|",
    "situation|",
    "thoughts|",
    "ideas|",
    "concerns|",
    "feedback|",
    "input|",
    "awareness|",
    "progress|",
    "status|",
);
/// Verbs that end in a result. Nouns spelt like verbs take their usual object ("draft the").
const VERBS: &str = concat!(
    "确定|",
    "明确|",
    "解决|",
    "制定|",
    "批准|",
    "决定|",
    "选定|",
    "确认|",
    "拆解|",
    "分配|",
    "界定|",
    "达成|",
    "形成|",
    "通过|",
    "定稿|",
    "输出|",
    "评审|",
    "敲定|",
    "签署|",
    "完成|",
    "锁定|",
    "审批|",
    "发布|",
    "指定|",
    "定下|",
    "定出|",
    "定为|",
    "定好|",
    "拍板|",
    "定夺|",
    "二选一|",
    "选出|",
    "选一|",
    "选择|",
    "挑选|",
    "确立|",
    "设定|",
    "设立|",
    "划定|",
    "核定|",
    "审定|",
    "批复|",
    "签订|",
    "签约|",
    "签字|",
    "签发|",
    "出具|",
    "给出|",
    "拿出|",
    "提交|",
    "产出|",
    "交付|",
    "编制|",
    "起草|",
    "拟定|",
    "撰写|",
    "落实|",
    "分解|",
    "拆分|",
    "排定|",
    "排出|",
    "列出|",
    "梳理出|",
    "整理出|",
    "画出|",
    "建立|",
    "搭建|",
    "成立|",
    "启用|",
    "统一|",
    "淘汰|",
    "终止|",
    "否决|",
    "表决|",
    "投票|",
    "指派|",
    "任命|",
    "授权|",
    "采纳|",
    "立项|",
    "下发|",
    "出台|",
    "公布|",
    "冻结|",
    "商定|",
    "议定|",
    "裁定|",
    "agree|",
    "decide|",
    "approve|",
    "choose|",
    "select|",
    "finalise|",
    "finalize|",
    "define|",
    "assign|",
    "confirm|",
    "resolve|",
    "produce|",
    "sign|",
    "allocate|",
    "set|",
    "fix|",
    "name|",
    "prioritise|",
    "prioritize|",
    "commit to|",
    "settle|",
    "draft the|",
    "draft a|",
    "draft an|",
    "publish|",
    "rank|",
    "pick|",
    "issue a|",
    "issue an|",
    "issue the|",
    "deliver|",
    "estimate the|",
    "estimate how|",
    "lock|",
    "freeze|",
    "adopt|",
    "vote|",
    "determine|",
    "nominate|",
    "appoint|",
    "split|",
    "score|",
    "drop|",
    "terminate|",
    "renew|",
    "cancel|",
    "hand over|",
    "write|",
    "map the|",
    "map out|",
    "send|",
    "submit|",
    "make the call|",
    "establish|",
    "create|",
    "shortlist|",
    "award|",
    "hire|",
    "complete|",
    "accept|",
    "reject|",
    "ratify|",
    "endorse|",
    "authorise|",
    "authorize|",
    "retire|",
    "standardise|",
    "standardize|",
    "unify|",
    "go no go|",
    "yes or no|",
    "model the|",
    "book the|",
    "launch the|",
    "roll out|",
    "go live|",
    "make a decision on|",
    "reach a decision on|",
    "reach agreement on|",
    "get agreement on|",
    "get approval for|",
    "get a decision on|",
    "give each|",
    "give every|",
);
/// Verbs of change ("缩短", "cut"): a result only with a number beside them ("from 5 days to 3").
const CHANGES: &str = concat!(
    "缩短|",
    "压到|",
    "压缩|",
    "压至|",
    "降到|",
    "降至|",
    "降低|",
    "减少|",
    "减到|",
    "提升|",
    "提高|",
    "增加|",
    "控制在|",
    "提前到|",
    "提前至|",
    "增长|",
    "达到|",
    "保持在|",
    "减为|",
    "降为|",
    "改为|",
    "缩到|",
    "缩至|",
    "缩减|",
    "降低到|",
    "减至|",
    "cut|",
    "reduce|",
    "lower|",
    "raise|",
    "increase|",
    "bring|",
    "halve|",
    "double|",
    "shorten|",
    "improve|",
    "grow|",
    "lift|",
    "boost|",
    "speed up|",
    "decrease|",
    "keep|",
);
const DELIVERABLES: &str = concat!(
    "《|",
    "排期|",
    "方案|",
    "清单|",
    "表|",
    "交付物|",
    "负责人|",
    "预算|",
    "结论|",
    "计划|",
    "流程|",
    "规范|",
    "标准|",
    "名单|",
    "日期|",
    "时间|",
    "节点|",
    "指标|",
    "分工|",
    "责任|",
    "优先级|",
    "里程碑|",
    "版本|",
    "原则|",
    "制度|",
    "口径|",
    "上线|",
    "目标值|",
    "范围|",
    "协议|",
    "合同|",
    "矩阵|",
    "报告|",
    "预估|",
    "估算|",
    "报价|",
    "比价|",
    "模板|",
    "权限|",
    "人力|",
    "编制|",
    "时限|",
    "期限|",
    "截止|",
    "是否|",
    "比例|",
    "窗口|",
    "结果|",
    "对比|",
    "供应商|",
    "实施商|",
    "服务商|",
    "代理商|",
    "承包商|",
    "牵头人|",
    "主持人|",
    "对接人|",
    "验收|",
    "区间|",
    "数值|",
    "规则|",
    "人选|",
    "本周|",
    "下周|",
    "月底|",
    "年底|",
    "周一|",
    "周二|",
    "周三|",
    "周四|",
    "周五|",
    "周六|",
    "周日|",
    "星期|",
    "手册|",
    "文档|",
    "纪要|",
    "台账|",
    "路线图|",
    "预案|",
    "额度|",
    "阈值|",
    "上限|",
    "名额|",
    "成本|",
    "价格|",
    "定价|",
    "工作量|",
    "分级|",
    "立项|",
    "目标|",
    "谁|",
    "哪|",
    "多少|",
    "审批人|",
    "联系人|",
    "接口人|",
    "验收人|",
    "人员|",
    "值班|",
    "排班|",
    "申请|",
    "还是|",
    "要不要|",
    "是不是|",
    "能否|",
    "kpi|",
    "okr|",
    "sla|",
    "raci|",
    "plan|",
    "list|",
    "date|",
    "schedule|",
    "owner|",
    "budget|",
    "deliverable|",
    "decision|",
    "table|",
    "timeline|",
    "process|",
    "rule|",
    "priority|",
    "priorities|",
    "scope|",
    "milestone|",
    "roadmap|",
    "policy|",
    "headcount|",
    "target|",
    "responsibility|",
    "responsibilities|",
    "launch|",
    "agreement|",
    "standard|",
    "deadline|",
    "matrix|",
    "estimate|",
    "contract|",
    "template|",
    "criteria|",
    "criterion|",
    "limit|",
    "window|",
    "range|",
    "percentage|",
    "report|",
    "runbook|",
    "checklist|",
    "comparison|",
    "supplier|",
    "vendor|",
    "carrier|",
    "price|",
    "pricing|",
    "who|",
    "which|",
    "whether|",
    "version|",
    "slot|",
    "host|",
    "role|",
    "flow|",
    "workflow|",
    "scheme|",
    "request|",
    "time|",
    "quote|",
    "cost|",
    "spec|",
    "document|",
    "charter|",
    "threshold|",
    "quota|",
    "forecast|",
    "metric|",
    "shortlist|",
    "rate|",
    "month end|",
    "year end|",
    "quarter end|",
    "lead|",
    "rota|",
    "roster|",
    "approver|",
    "sponsor|",
    "chair|",
    "baseline|",
    "go no go|",
    "yes or no|",
    "this week|",
    "next week|",
    "end of|",
    "monday|",
    "tuesday|",
    "wednesday|",
    "thursday|",
    "friday|",
    "saturday|",
    "sunday|",
    "january|",
    "february|",
    "april|",
    "june|",
    "july|",
    "august|",
    "september|",
    "october|",
    "november|",
    "december|",
);
/// Spelt-out numbers; Chinese ones count when a measure word follows (三家, 两周).
const NUMBER_WORDS: &str = concat!(
    "two |",
    "three |",
    "four |",
    "five |",
    "six |",
    "seven |",
    "eight |",
    "nine |",
    "ten |",
    "twelve |",
    "twenty |",
    "fifty |",
    "hundred |",
    "half |",
    "dozen |",
);
const NUMERALS_ZH: &str = "二两三四五六七八九十百千万";
const MEASURES_ZH: &str = "个项家名人步天周月年季条份类级期次位款点成倍元轮场批套件";
/// What may follow a role noun ending in 人 (主讲人, 跟进人): the noun names an owner.
const AFTER_PERSON_ZH: &str = " 和及与并、,;。";

/// Lower-cases ASCII and reads ASCII punctuation as spaces, with a space at each end.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        out.push(if c.is_ascii() && !c.is_ascii_alphanumeric() {
            ' '
        } else {
            c.to_ascii_lowercase()
        });
    }
    out.push(' ');
    out
}

/// Does `entry` occur in the normalised `text` (see the module comment for the rules)?
fn contains_entry(text: &str, entry: &str) -> bool {
    if !entry.is_ascii() {
        return text.contains(entry);
    }
    let mut from = 0;
    while let Some(found) = text[from..].find(entry) {
        let at = from + found;
        from = at + 1;
        if text[..at].ends_with(|c: char| c.is_ascii_alphanumeric()) {
            continue;
        }
        let tail = &text[at + entry.len()..];
        let ending = &tail[..tail
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(tail.len())];
        if entry.ends_with(' ') || matches!(ending, "" | "s" | "es" | "d" | "ed") {
            return true;
        }
    }
    false
}

/// `entries` is one string, each entry ended by `|`: a list of 600 `&str`s would ship a
/// pointer and a length per entry, some 5 KB of wasm that compresses poorly.
fn has_any(text: &str, entries: &str) -> bool {
    entries
        .split_terminator('|')
        .any(|entry| contains_entry(text, entry))
}

/// What the normalised text holds beyond word lists.
struct Scan {
    /// A digit (not the one in Q3 or H2), a Chinese numeral and measure word (三家, 两周).
    number: bool,
    /// A role noun ending in 人 (主讲人, 跟进人).
    person: bool,
    /// Size: 3 per Chinese character, 4 per ASCII word, so 8 characters ≈ 6 words = 24.
    size: usize,
}

fn scan(text: &str) -> Scan {
    let mut found = Scan {
        number: has_any(text, NUMBER_WORDS),
        person: false,
        size: 0,
    };
    let mut previous = ' ';
    for c in text.chars() {
        found.number |= (c.is_ascii_digit() && !matches!(previous, 'q' | 'h'))
            || ('０'..='９').contains(&c)
            || (NUMERALS_ZH.contains(previous) && MEASURES_ZH.contains(c));
        found.person |= previous == '人' && AFTER_PERSON_ZH.contains(c);
        if !c.is_ascii() && c.is_alphanumeric() {
            found.size += 3;
        } else if c.is_ascii_alphanumeric() && !previous.is_ascii_alphanumeric() {
            found.size += 4;
        }
        previous = c;
    }
    found
}

/// Classifies an objective; `None` means it reads as verb + result.
///
/// A decisive verb passes with a number; or with a deliverable word, a choice or a named role,
/// unless the whole is as short as 确定方案 or "Approve budgets"; or with an object specific
/// enough to name something (about 8 Chinese characters or 6 English words) and no vague or
/// generic wording nor a change without a target. A result in people's heads (理解, trust) needs
/// a number. A verb of change (缩短, cut) is decisive only beside a number.
pub fn objective_issue(objective: &str) -> Option<ObjectiveIssue> {
    if objective.trim().is_empty() {
        return Some(ObjectiveIssue::Empty);
    }
    let text = normalise(objective);
    let found = scan(&text);
    let change = has_any(&text, CHANGES);
    let has_verb = has_any(&text, VERBS) || (change && found.number);
    let soft = has_any(&text, SOFT_RESULTS);
    let vague = has_any(&text, VAGUE);
    let named = (found.person || has_any(&text, DELIVERABLES)) && found.size >= 16;
    let specific = found.size >= 24 && !vague && !change && !has_any(&text, GENERIC);
    if has_verb && (found.number || (!soft && (named || specific))) {
        return None;
    }
    if vague || soft {
        return Some(ObjectiveIssue::Vague);
    }
    // A verb of change without a number ("降低成本") lacks the measurable result, not the verb.
    if !has_verb && !change {
        return Some(ObjectiveIssue::NoVerb);
    }
    Some(ObjectiveIssue::NoDeliverable)
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
