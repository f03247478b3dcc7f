//! Chase messages (F3): the texts an organiser pastes into the owners' own chat (DingTalk, WeCom,
//! Feishu, e-mail), since owners in other departments never open this app. One message per owner
//! with their open items, overdue first, each with its deadline and what "done" means; and one
//! group message, the action table the guide says to post the same day. Plain text or Markdown.

use chrono::NaiveDate;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{ActionItem, Meeting};
use crate::core::domain::order;
use crate::core::domain::time::{format_date, format_time};
use crate::core::domain::tracker::{due, Due};
use crate::core::formats::export::markdown::escape_inline;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ChaseFormat {
    #[default]
    Plain,
    Markdown,
}

/// What the messages are judged against.
#[derive(Clone, Copy, Debug)]
pub struct ChaseContext {
    pub lang: Lang,
    pub today: NaiveDate,
    /// The "due soon" window in working days (settings).
    pub soon_days: u32,
    pub format: ChaseFormat,
}

/// An owner with open items, as the list of messages shows them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnerLoad {
    pub owner: String,
    pub open: usize,
    pub overdue: usize,
}

type Row<'a> = (&'a Meeting, &'a ActionItem);

/// The open rows, earliest deadline first (so overdue ones lead), those without one last; ties
/// keep the order given.
fn open_rows<'a>(rows: &[Row<'a>]) -> Vec<Row<'a>> {
    let mut open: Vec<Row<'a>> = rows
        .iter()
        .filter(|(_, action)| !action.status.is_closed())
        .copied()
        .collect();
    order::sort_by_key(&mut open, |(_, a)| (a.deadline.is_none(), a.deadline));
    open
}

/// Owners with something open, the most overdue first, then by name. Rows without an owner have
/// nobody to message; they appear in the group message.
pub fn owners_to_chase(rows: &[Row], today: NaiveDate) -> Vec<OwnerLoad> {
    let mut owners: Vec<OwnerLoad> = Vec::new();
    for (_, action) in open_rows(rows) {
        let name = action.owner.trim();
        if name.is_empty() {
            continue;
        }
        let overdue = usize::from(action.is_overdue(today));
        match owners.iter_mut().find(|load| load.owner == name) {
            Some(load) => {
                load.open += 1;
                load.overdue += overdue;
            }
            None => owners.push(OwnerLoad {
                owner: name.to_owned(),
                open: 1,
                overdue,
            }),
        }
    }
    order::sort_by(&mut owners, |a, b| {
        b.overdue
            .cmp(&a.overdue)
            .then_with(|| a.owner.cmp(&b.owner))
    });
    owners
}

/// The message to `owner` about their open items in `rows`, or `None` when they have none.
pub fn owner_message(rows: &[Row], owner: &str, cx: ChaseContext) -> Option<String> {
    let owner = owner.trim();
    let mine: Vec<Row> = open_rows(rows)
        .into_iter()
        .filter(|(_, action)| action.owner.trim() == owner)
        .collect();
    if owner.is_empty() || mine.is_empty() {
        return None;
    }
    let mut out = tr(
        cx.lang,
        T::ChaseGreeting,
        &[
            &mention(owner, cx.format),
            &mine.len().to_string(),
            &format_date(cx.today),
        ],
    );
    out.push_str("\n\n");
    push_items(&mut out, &mine, cx, false);
    out.push_str(&closing(&mine, cx.lang));
    Some(out)
}

/// The action table for the group chat: every open item of `rows` with its owner, and
/// @-mentions of the owners; `None` when nothing is open. A numbered list rather than a table:
/// the Markdown of DingTalk and WeCom messages has no tables.
pub fn group_message(rows: &[Row], cx: ChaseContext) -> Option<String> {
    let open = open_rows(rows);
    let first = open.first()?;
    let lang = cx.lang;
    let heading = if open.iter().all(|(m, _)| m.id == first.0.id) {
        tr(
            lang,
            T::ChaseGroupHeading,
            &[first.0.title_or_untitled(lang)],
        )
    } else {
        T::ChaseGroupHeadingAll.get(lang).to_owned()
    };
    let as_of = tr(
        lang,
        T::ChaseAsOf,
        &[&format_date(cx.today), &open.len().to_string()],
    );
    let mut out = match cx.format {
        ChaseFormat::Plain => heading,
        ChaseFormat::Markdown => format!("**{}**", escape_inline(&heading)),
    };
    out.push(' ');
    out.push_str(&as_of);
    out.push_str("\n\n");
    push_items(&mut out, &open, cx, true);
    let mut mentioned: Vec<&str> = Vec::new();
    for (_, action) in &open {
        let owner = action.owner.trim();
        if !owner.is_empty() && !mentioned.contains(&owner) {
            mentioned.push(owner);
            out.push_str(&mention(owner, cx.format));
            out.push(' ');
        }
    }
    out.push_str(&closing(&open, lang));
    Some(out)
}

/// One numbered item per row: the due tag and the task, then a line with the deadline, what
/// "done" means, the meeting and (for the group) the owner; a blank line after the list.
fn push_items(out: &mut String, rows: &[Row], cx: ChaseContext, with_owner: bool) {
    let lang = cx.lang;
    let markdown = cx.format == ChaseFormat::Markdown;
    for (number, (meeting, action)) in rows.iter().enumerate() {
        out.push_str(&(number + 1).to_string());
        out.push_str(". ");
        let tag = due_tag(action, cx);
        if !tag.is_empty() {
            let (open, close) = if markdown { ("**", "** ") } else { ("[", "] ") };
            out.push_str(open);
            out.push_str(&tag);
            out.push_str(close);
        }
        out.push_str(&cell(&action.task, cx.format));
        // Markdown needs two trailing spaces for a line break inside a list item.
        out.push_str(if markdown { "  \n   " } else { "\n   " });
        let owner = match (action.owner.trim(), action.department.trim()) {
            ("", _) => T::NoOwner.get(lang).to_owned(),
            (owner, "") => cell(owner, cx.format),
            (owner, department) => {
                format!(
                    "{} ({})",
                    cell(owner, cx.format),
                    cell(department, cx.format)
                )
            }
        };
        let details = [
            (T::ColOwner, owner),
            (T::ColDeadline, deadline_text(action, lang)),
            (
                T::ColAcceptance,
                or_not_filled(&action.acceptance, lang, cx.format),
            ),
            (
                T::ColMeeting,
                cell(meeting.title_or_untitled(lang), cx.format),
            ),
        ];
        let shown = if with_owner {
            &details[..]
        } else {
            &details[1..]
        };
        for (index, (label, value)) in shown.iter().enumerate() {
            if index > 0 {
                out.push_str(" · ");
            }
            out.push_str(label.get(lang));
            out.push_str(T::Colon.get(lang));
            out.push_str(value);
        }
        out.push('\n');
    }
    out.push('\n');
}

fn mention(owner: &str, format: ChaseFormat) -> String {
    format!("@{}", cell(owner, format))
}

/// The ask at the end: by the meeting's daily progress time when one is set (the earliest, if
/// the items come from several meetings).
fn closing(rows: &[Row], lang: Lang) -> String {
    match rows.iter().filter_map(|(m, _)| m.progress_time).min() {
        Some(at) => tr(lang, T::ChaseClosingAt, &[&format_time(at)]),
        None => T::ChaseClosing.get(lang).to_owned(),
    }
}

fn due_tag(action: &ActionItem, cx: ChaseContext) -> String {
    match due(action, cx.today, cx.soon_days) {
        Due::Overdue => {
            let days = action
                .deadline
                .map_or(0, |deadline| (cx.today - deadline).num_days());
            tr(cx.lang, T::ChaseOverdue, &[&days.to_string()])
        }
        Due::Today => T::ChaseDueToday.get(cx.lang).to_owned(),
        Due::Soon => T::ChaseDueSoon.get(cx.lang).to_owned(),
        Due::Later | Due::Closed | Due::NoDeadline => String::new(),
    }
}

fn deadline_text(action: &ActionItem, lang: Lang) -> String {
    action
        .deadline
        .map(format_date)
        .unwrap_or_else(|| T::ChaseNoDeadline.get(lang).to_owned())
}

fn or_not_filled(value: &str, lang: Lang, format: ChaseFormat) -> String {
    match value.trim() {
        "" => T::NotFilled.get(lang).to_owned(),
        value => cell(value, format),
    }
}

/// User text on one line (a chat message keeps its shape), escaped for Markdown.
fn cell(text: &str, format: ChaseFormat) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    match format {
        ChaseFormat::Plain => flat,
        ChaseFormat::Markdown => escape_inline(&flat),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::ActionStatus;
    use chrono::NaiveTime;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, d).unwrap()
    }

    fn action(
        id: &str,
        task: &str,
        owner: &str,
        deadline: Option<u32>,
        status: ActionStatus,
    ) -> ActionItem {
        ActionItem {
            id: id.into(),
            task: task.into(),
            owner: owner.into(),
            department: "研发部".into(),
            acceptance: format!("{task}已验收"),
            deadline: deadline.map(day),
            status,
            ..ActionItem::default()
        }
    }

    fn meetings() -> Vec<Meeting> {
        vec![
            Meeting {
                id: "m1".into(),
                title: "Q3 排期会".into(),
                progress_time: NaiveTime::from_hms_opt(17, 0, 0),
                actions: vec![
                    action("a", "写方案", "张工", Some(10), ActionStatus::Open),
                    action("b", "定预算", "Li", Some(1), ActionStatus::InProgress),
                    action("c", "已完成的事", "张工", Some(1), ActionStatus::Done),
                    action("d", "无人认领", "", Some(2), ActionStatus::Open),
                ],
                ..Meeting::default()
            },
            Meeting {
                id: "m2".into(),
                title: "客诉复盘".into(),
                actions: vec![
                    action("e", "改话术", "张工", Some(3), ActionStatus::Blocked),
                    action(
                        "f",
                        "|表格|*粗体*\n第二行",
                        "王总",
                        None,
                        ActionStatus::Open,
                    ),
                ],
                ..Meeting::default()
            },
        ]
    }

    fn rows(meetings: &[Meeting]) -> Vec<Row<'_>> {
        meetings
            .iter()
            .flat_map(|m| m.actions.iter().map(move |a| (m, a)))
            .collect()
    }

    fn cx(lang: Lang, format: ChaseFormat) -> ChaseContext {
        ChaseContext {
            lang,
            today: day(4),
            soon_days: 1,
            format,
        }
    }

    #[test]
    fn owners_with_open_items_are_listed_most_overdue_first() {
        let all = meetings();
        let owners = owners_to_chase(&rows(&all), day(4));
        let listed: Vec<(&str, usize, usize)> = owners
            .iter()
            .map(|o| (o.owner.as_str(), o.open, o.overdue))
            .collect();
        assert_eq!(
            listed,
            [("Li", 1, 1), ("张工", 2, 1), ("王总", 1, 0)],
            "nobody for the unowned item; 张工's done item not counted"
        );
    }

    #[test]
    fn an_owner_message_lists_their_open_items_overdue_first_across_meetings() {
        let all = meetings();
        let text = owner_message(&rows(&all), "张工", cx(Lang::Zh, ChaseFormat::Plain)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "@张工 你好,以下 2 项行动项请跟进(截至 2026-12-04):"
        );
        assert_eq!(lines[2], "1. [已逾期 1 天] 改话术");
        assert_eq!(
            lines[3],
            "   截止:2026-12-03 · 交付标准:改话术已验收 · 会议:客诉复盘"
        );
        assert_eq!(lines[4], "2. 写方案");
        assert!(!text.contains("已完成的事"), "closed items are not chased");
        assert_eq!(
            lines.last().unwrap(),
            &"请每个工作日 17:00 前更新进度,完成后回复我。"
        );
        assert_eq!(
            owner_message(&rows(&all), "", cx(Lang::Zh, ChaseFormat::Plain)),
            None
        );
        assert_eq!(
            owner_message(&rows(&all), "无此人", cx(Lang::Zh, ChaseFormat::Plain)),
            None
        );
    }

    #[test]
    fn english_and_markdown_messages() {
        let all = meetings();
        let text = owner_message(&rows(&all), "Li", cx(Lang::En, ChaseFormat::Markdown)).unwrap();
        assert!(
            text.starts_with("@Li hi, here are your open action items (1) as of 2026-12-04:\n\n")
        );
        assert!(
            text.contains("1. **3 days overdue** 定预算  \n   Deadline: 2026-12-01"),
            "{text}"
        );
        let hostile =
            owner_message(&rows(&all), "王总", cx(Lang::En, ChaseFormat::Markdown)).unwrap();
        assert!(hostile.contains("\\|表格\\|\\*粗体\\* 第二行"), "{hostile}");
        assert!(hostile.contains("Deadline: no deadline"));
        assert!(hostile.ends_with("Please reply with your progress, or when it is done."));
    }

    #[test]
    fn the_group_message_is_the_open_action_table_with_mentions() {
        let all = meetings();
        let one_meeting: Vec<Row> = rows(&all)
            .into_iter()
            .filter(|(m, _)| m.id == "m1")
            .collect();
        let text = group_message(&one_meeting, cx(Lang::Zh, ChaseFormat::Markdown)).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[0],
            "**Q3 排期会 · 行动项表** (截至 2026-12-04,3 项未完成)"
        );
        assert_eq!(lines[2], "1. **已逾期 3 天** 定预算  ");
        assert_eq!(
            lines[3],
            "   负责人:Li (研发部) · 截止:2026-12-01 · 交付标准:定预算已验收 · 会议:Q3 排期会"
        );
        assert!(text.contains("3. 写方案  \n   负责人:张工"), "{text}");
        assert!(
            text.contains("2. **已逾期 2 天** 无人认领  \n   负责人:未指定负责人 ·"),
            "{text}"
        );
        assert_eq!(
            lines.last().unwrap(),
            &"@Li @张工 请每个工作日 17:00 前更新进度,完成后回复我。"
        );

        let everything = group_message(&rows(&all), cx(Lang::En, ChaseFormat::Plain)).unwrap();
        assert!(everything.starts_with("Action items (as of 2026-12-04, 5 open)\n\n1. [3 days overdue] 定预算\n   Owner: Li (研发部) · Deadline: 2026-12-01"), "{everything}");
        assert!(everything.contains("Meeting: 客诉复盘"));
        let mut closed = meetings();
        for meeting in &mut closed {
            meeting
                .actions
                .iter_mut()
                .for_each(|a| a.status = ActionStatus::Done);
        }
        assert_eq!(
            group_message(&rows(&closed), cx(Lang::Zh, ChaseFormat::Plain)),
            None
        );
    }

    #[test]
    fn due_soon_and_today_are_tagged() {
        let mut all = meetings();
        all[0].actions[0].deadline = Some(day(7));
        all[1].actions[0].deadline = Some(day(4));
        let text = owner_message(&rows(&all), "张工", cx(Lang::En, ChaseFormat::Plain)).unwrap();
        assert!(text.contains("1. [due today] 改话术"), "{text}");
        assert!(text.contains("2. [due soon] 写方案"), "{text}");
    }
}
