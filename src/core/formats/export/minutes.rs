//! The minutes as GitHub-flavoured Markdown (F1, F2): they lead with what was decided, who owns
//! what and by when — not a transcript — then attendance, the agenda planned against actual,
//! speaking time by department and the parked points. User text is escaped so tables keep their
//! shape.

use chrono::{DateTime, Utc};

use super::markdown::escape_inline;
use crate::core::domain::agenda::planned_actual;
use crate::core::domain::airtime::{airtime, ItemFocus};
use crate::core::domain::clock::{clocks, DEFAULT_TURN};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{AttendanceStatus, Meeting};
use crate::core::domain::order;
use crate::core::domain::time::{format_date, format_date_time, format_time, LocalZone};

/// The minutes of `meeting`, its times shown in `zone`, actual durations as of `now`.
pub fn minutes_markdown(
    meeting: &Meeting,
    lang: Lang,
    zone: &dyn LocalZone,
    now: DateTime<Utc>,
) -> String {
    let text = |key: T| key.get(lang);
    let mut out = String::new();
    let title = if meeting.title.trim().is_empty() {
        text(T::Untitled)
    } else {
        &meeting.title
    };
    out.push_str(&format!(
        "# {} — {}\n\n",
        escape_inline(title),
        text(T::MinutesTitle)
    ));
    if let Some(start) = meeting.schedule.starts_at {
        out.push_str(&format!(
            "{}{}{}\n\n",
            text(T::FieldStart),
            text(T::Colon),
            format_date_time(zone.local(start))
        ));
    }
    out.push_str(&format!(
        "**{}**{}{}\n\n",
        text(T::FieldObjective),
        text(T::Colon),
        escape_inline(&meeting.objective)
    ));

    out.push_str(&format!("## {}\n\n", text(T::Decisions)));
    if meeting.decisions.is_empty() {
        out.push_str(&format!("{}\n\n", text(T::NothingYet)));
    }
    for (index, decision) in meeting.decisions.iter().enumerate() {
        out.push_str(&format!(
            "{}. {}\n",
            index + 1,
            escape_inline(&decision.text)
        ));
    }
    if !meeting.decisions.is_empty() {
        out.push('\n');
    }

    out.push_str(&format!("## {}\n\n", text(T::ActionItems)));
    let header = [
        T::ColTask,
        T::ColOwner,
        T::ColDepartment,
        T::ColAcceptance,
        T::ColDeadline,
        T::ColStatus,
    ];
    out.push_str(&row(header.iter().map(|key| text(*key).to_owned())));
    out.push_str(&row(header.iter().map(|_| "---".to_owned())));
    for action in &meeting.actions {
        out.push_str(&row([
            escape_inline(&action.task),
            escape_inline(&action.owner),
            escape_inline(&action.department),
            escape_inline(&action.acceptance),
            action.deadline.map(format_date).unwrap_or_default(),
            text(action.status.label()).to_owned(),
        ]));
    }
    out.push('\n');

    out.push_str(&format!("## {}\n\n", text(T::AttendanceTitle)));
    for person in &meeting.participants {
        let name = escape_inline(&person.name);
        let line = match person.attendance.status {
            AttendanceStatus::Declined if !person.attendance.substitute.trim().is_empty() => {
                format!(
                    "{name}{}{} {}",
                    text(T::Colon),
                    text(T::AttendanceDeclined),
                    escape_inline(&format!("→ {}", person.attendance.substitute))
                )
            }
            AttendanceStatus::Declined => {
                format!("{name}{}{}", text(T::Colon), text(T::AttendanceDeclined))
            }
            _ => format!(
                "{name}{}{}",
                text(T::Colon),
                escape_inline(&person.department)
            ),
        };
        out.push_str(&format!("- {line}\n"));
    }
    out.push('\n');

    out.push_str(&format!(
        "## {} ({})\n\n",
        text(T::Agenda),
        text(T::PlannedActual)
    ));
    let actual = clocks(meeting, now, DEFAULT_TURN).actual;
    out.push_str(&row([
        text(T::FieldItemTitle).to_owned(),
        text(T::PlannedActual).to_owned(),
    ]));
    out.push_str(&row(["---".to_owned(), "---".to_owned()]));
    for (item, spent) in meeting.agenda.iter().zip(&actual) {
        let spent = spent.num_minutes();
        out.push_str(&row([
            escape_inline(&item.title),
            planned_actual(item, spent),
        ]));
    }
    out.push('\n');

    push_airtime(&mut out, meeting, lang, now);

    if !meeting.parking_lot.is_empty() {
        out.push_str(&format!("## {}\n\n", text(T::ParkingLot)));
        for point in &meeting.parking_lot {
            out.push_str(&format!("- {}\n", escape_inline(&point.text)));
        }
        out.push('\n');
    }
    out.push_str(&follow_up_rule(meeting, lang));
    out.push('\n');
    out
}

/// How the actions are followed up (F3), with the meeting's own daily progress time when it set
/// one, else the guide's example (17:00).
pub fn follow_up_rule(meeting: &Meeting, lang: Lang) -> String {
    match meeting.progress_time {
        Some(at) => tr(lang, T::FollowUpRuleAt, &[&format_time(at)]),
        None => T::FollowUpRule.get(lang).to_owned(),
    }
}

/// Speaking time by department (issue 14), when turns took any time: who held the floor, most
/// first, so one department talking over the others shows in the record. Minutes to a tenth, as
/// a one-minute turn would otherwise read as nothing.
fn push_airtime(out: &mut String, meeting: &Meeting, lang: Lang, now: DateTime<Utc>) {
    let air = airtime(meeting, now, ItemFocus::Current);
    if air.meeting_total <= chrono::Duration::zero() {
        return;
    }
    let mut rows: Vec<_> = air
        .departments
        .iter()
        .filter(|row| row.meeting > chrono::Duration::zero())
        .collect();
    order::sort_by(&mut rows, |a, b| b.meeting.cmp(&a.meeting));
    out.push_str("## ");
    out.push_str(T::AirtimeTitle.get(lang));
    out.push_str("\n\n");
    out.push_str(&row([
        T::ColDepartment.get(lang).to_owned(),
        T::AirtimeColMinutes.get(lang).to_owned(),
        T::AirtimeColShare.get(lang).to_owned(),
    ]));
    out.push_str(&row([
        "---".to_owned(),
        "---:".to_owned(),
        "---:".to_owned(),
    ]));
    for department in rows {
        let tenths = (department.meeting.num_milliseconds() + 3_000) / 6_000;
        let mut minutes = (tenths / 10).to_string();
        minutes.push('.');
        minutes.push(char::from(b'0' + (tenths % 10) as u8));
        let mut share = department.meeting_percent.to_string();
        share.push('%');
        out.push_str(&row([
            escape_inline(&department.label(lang)),
            minutes,
            share,
        ]));
    }
    out.push('\n');
    out.push_str(T::AirtimeMinutesNote.get(lang));
    out.push_str("\n\n");
}

fn row(cells: impl IntoIterator<Item = String>) -> String {
    let cells: Vec<String> = cells.into_iter().collect();
    format!("| {} |\n", cells.join(" | "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{ActionItem, Decision};
    use chrono::FixedOffset;

    #[test]
    fn the_follow_up_rule_names_the_meetings_own_progress_time() {
        let mut meeting = Meeting::default();
        assert!(
            follow_up_rule(&meeting, Lang::Zh).contains("17:00"),
            "the guide's example"
        );
        meeting.progress_time = chrono::NaiveTime::from_hms_opt(16, 30, 0);
        assert!(follow_up_rule(&meeting, Lang::Zh).contains("每个工作日 16:30 前更新进度"));
        assert!(follow_up_rule(&meeting, Lang::En).contains("by 16:30 each working day"));
    }

    #[test]
    fn minutes_lead_with_decisions_and_keep_tables_whole() {
        let meeting = Meeting {
            title: "评审 | 第一轮".into(),
            decisions: vec![Decision {
                text: "同意按方案A推进 *立即*".into(),
                ..Decision::default()
            }],
            actions: vec![ActionItem {
                task: "a | b\n第二行".into(),
                owner: "张工".into(),
                ..ActionItem::default()
            }],
            ..Meeting::default()
        };
        let md = minutes_markdown(
            &meeting,
            Lang::Zh,
            &FixedOffset::east_opt(8 * 3600).unwrap(),
            DateTime::UNIX_EPOCH,
        );
        assert!(md.starts_with("# 评审 \\| 第一轮 — 会议纪要\n"));
        let decisions = md.find("## 决议").unwrap();
        let actions = md.find("## 行动项").unwrap();
        let attendance = md.find("## 出席情况").unwrap();
        assert!(
            decisions < actions && actions < attendance,
            "decisions and owners come first"
        );
        assert!(md.contains("1. 同意按方案A推进 \\*立即\\*\n"));
        assert!(md.contains("| a \\| b<br>第二行 | 张工 |  |  |  | 待开始 |\n"));
        assert!(
            !md.contains("## 发言时间"),
            "no speaking turns, no airtime section"
        );
    }

    #[test]
    fn minutes_show_speaking_time_by_department() {
        use crate::core::domain::model::{AgendaItem, Participant, RunEvent, RunEventKind};
        use chrono::{Duration, TimeZone};

        let start = Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap();
        let at = |seconds: i64| start + Duration::seconds(seconds);
        let turn = |speaker: &str| RunEventKind::SpeakerTurn {
            speaker: speaker.into(),
        };
        let meeting = Meeting {
            agenda: vec![AgendaItem {
                id: "a".into(),
                minutes: 10,
                ..AgendaItem::default()
            }],
            participants: vec![Participant {
                name: "张三".into(),
                department: "研发部 | R&D".into(),
                ..Participant::default()
            }],
            run_log: [
                (at(0), RunEventKind::Started),
                (
                    at(0),
                    RunEventKind::ItemStarted {
                        item_id: "a".into(),
                    },
                ),
                (at(0), turn("*访客*")),
                (at(90), turn("张三")),
                (at(330), RunEventKind::Paused),
                (at(400), RunEventKind::Resumed),
                (at(400), turn("市场部")),
                (at(400), turn("张三（研发部 | R&D）")),
                (at(430), RunEventKind::Ended),
            ]
            .into_iter()
            .map(|(at, kind)| RunEvent { at, kind })
            .collect(),
            ..Meeting::default()
        };
        let offset = FixedOffset::east_opt(8 * 3600).unwrap();
        let zh = minutes_markdown(&meeting, Lang::Zh, &offset, at(3600));
        let section = &zh[zh.find("## 发言时间（按部门）\n\n").unwrap()..];
        assert!(
            section.starts_with(
                "## 发言时间（按部门）\n\n\
                 | 部门 | 分钟 | 占比 |\n\
                 | --- | ---: | ---: |\n\
                 | 研发部 \\| R&amp;D | 4.5 | 75% |\n\
                 | \\*访客\\*(部门未知) | 1.5 | 25% |\n\n\
                 按发言计时统计,暂停时间不计。\n\n"
            ),
            "most first, escaped, no row for a turn that took no time:\n{section}"
        );
        assert!(
            zh.find("## 议程").unwrap() < zh.find("## 发言时间").unwrap(),
            "after the agenda"
        );
        let en = minutes_markdown(&meeting, Lang::En, &offset, at(3600));
        assert!(en.contains("## Speaking time by department\n\n| Department | Minutes | Share |\n"));
        assert!(en.contains("| \\*访客\\* (department unknown) | 1.5 | 25% |\n"));
    }
}

/// How long is left to send the minutes (F1): the draft within 2 hours of the end, the final
/// within 24. `None` until the meeting has ended; a limit already met reads `None` too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MinutesDue {
    pub draft_left: Option<chrono::Duration>,
    pub final_left: Option<chrono::Duration>,
}

pub fn minutes_due(meeting: &Meeting, now: DateTime<Utc>) -> Option<MinutesDue> {
    let ended = meeting
        .run_log
        .iter()
        .rev()
        .find(|event| event.kind == crate::core::domain::model::RunEventKind::Ended)?
        .at;
    let left = |hours: i64, done: Option<DateTime<Utc>>| {
        // Checked: an end on the calendar's last day (a crafted file) has no due time after it.
        let due = ended.checked_add_signed(chrono::Duration::hours(hours))?;
        done.is_none().then(|| due - now)
    };
    Some(MinutesDue {
        draft_left: left(
            2,
            meeting
                .minutes
                .draft_sent_at
                .or(meeting.minutes.final_sent_at),
        ),
        final_left: left(24, meeting.minutes.final_sent_at),
    })
}

#[cfg(test)]
mod due_tests {
    use super::*;
    use crate::core::domain::model::{RunEvent, RunEventKind};
    use chrono::{Duration, TimeZone};

    #[test]
    fn minutes_are_due_two_and_twenty_four_hours_after_the_end() {
        let end = Utc.with_ymd_and_hms(2026, 12, 1, 7, 0, 0).unwrap();
        let mut meeting = Meeting::default();
        assert_eq!(minutes_due(&meeting, end), None, "not ended yet");
        meeting.run_log.push(RunEvent {
            at: end,
            kind: RunEventKind::Ended,
        });
        let due = minutes_due(&meeting, end + Duration::minutes(30)).unwrap();
        assert_eq!(due.draft_left, Some(Duration::minutes(90)));
        assert_eq!(due.final_left, Some(Duration::minutes(23 * 60 + 30)));
        let late = minutes_due(&meeting, end + Duration::hours(3)).unwrap();
        assert!(
            late.draft_left.unwrap() < Duration::zero(),
            "late drafts show as negative"
        );
        meeting.minutes.draft_sent_at = Some(end + Duration::hours(1));
        assert_eq!(
            minutes_due(&meeting, end + Duration::hours(3))
                .unwrap()
                .draft_left,
            None
        );
        meeting.minutes.final_sent_at = Some(end + Duration::hours(5));
        assert_eq!(
            minutes_due(&meeting, end + Duration::hours(30)).unwrap(),
            MinutesDue {
                draft_left: None,
                final_left: None
            }
        );
    }
}
