//! The formal meeting notice (R6), generated from the plan in the UI language: objective, time,
//! place or link, agenda with clock times and owners, attendees, pre-reads, what each department
//! must prepare, and the absence rule. Plain text for chat apps, Markdown for documents.

use super::markdown::escape_inline;
use crate::core::domain::agenda::{clock_times, format_span};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{FormatMode, Meeting, Phase, Role};
use crate::core::domain::time::{format_slot, LocalZone};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeStyle {
    PlainText,
    Markdown,
}

/// The notice for `meeting`, times shown in `zone`.
pub fn notice(meeting: &Meeting, lang: Lang, zone: &dyn LocalZone, style: NoticeStyle) -> String {
    let md = style == NoticeStyle::Markdown;
    let (colon, open, close, sep) = (
        T::Colon.get(lang),
        T::ParenOpen.get(lang),
        T::ParenClose.get(lang),
        T::ListSep.get(lang),
    );
    let text = |value: &str| {
        if md {
            escape_inline(value)
        } else {
            value.trim().to_owned()
        }
    };
    let heading = |label: T| {
        if md {
            format!("\n### {}\n", label.get(lang))
        } else {
            format!("\n【{}】\n", label.get(lang))
        }
    };
    let bullet = if md { "- " } else { "· " };
    let mut out = String::new();

    let title = if meeting.title.trim().is_empty() {
        T::Untitled.get(lang)
    } else {
        &meeting.title
    };
    if md {
        out.push_str(&format!("## {}\n", text(title)));
    } else {
        out.push_str(&format!("{}{}\n", T::NoticePrefix.get(lang), title.trim()));
    }

    out.push_str(&heading(T::NoticeObjective));
    out.push_str(&format!("{}\n", text(&meeting.objective)));

    out.push_str(&heading(T::NoticeWhenWhere));
    // The weekday and the end as well as the start: "12月10日(周四)14:00–15:00".
    let when = meeting.schedule.starts_at.map_or_else(
        || T::NotScheduled.get(lang).to_owned(),
        |at| {
            let minutes = i64::from(meeting.schedule.duration_minutes);
            // Checked: a crafted start at the calendar's end has no end after it.
            let end = at
                .checked_add_signed(chrono::Duration::minutes(minutes))
                .unwrap_or(at);
            format_slot(zone.local(at), zone.local(end), lang)
        },
    );
    out.push_str(&format!(
        "{bullet}{}{colon}{}{open}{}{close}\n",
        T::NoticeTime.get(lang),
        when,
        tr(
            lang,
            T::MinutesShort,
            &[&meeting.schedule.duration_minutes.to_string()]
        )
    ));
    let format = &meeting.format;
    out.push_str(&format!(
        "{bullet}{}{colon}{}\n",
        T::FieldFormat.get(lang),
        format.mode.label().get(lang)
    ));
    if format.mode != FormatMode::Online && !format.room.trim().is_empty() {
        out.push_str(&format!(
            "{bullet}{}{colon}{}\n",
            T::FieldRoom.get(lang),
            text(&format.room)
        ));
    }
    if format.mode != FormatMode::Offline {
        let platform = [format.platform.trim(), format.link.trim()]
            .into_iter()
            .filter(|part| !part.is_empty())
            .map(text)
            .collect::<Vec<_>>()
            .join(" ");
        out.push_str(&format!(
            "{bullet}{}{colon}{}\n",
            T::FieldLink.get(lang),
            platform
        ));
    }

    out.push_str(&heading(T::Agenda));
    let spans = clock_times(meeting, zone);
    for (index, item) in meeting.agenda.iter().enumerate() {
        let span = spans
            .as_ref()
            .map(|spans| format!("{} ", format_span(spans[index])))
            .unwrap_or_default();
        let mut line = format!("{}. {span}{}", index + 1, text(&item.title));
        if item.phase != Phase::Break {
            let mut details = vec![tr(lang, T::MinutesShort, &[&item.minutes.to_string()])];
            if !item.owner.trim().is_empty() {
                details.insert(0, text(&item.owner));
            }
            if !item.expected_output.trim().is_empty() {
                details.push(tr(lang, T::NoticeOutput, &[&text(&item.expected_output)]));
            }
            line.push_str(&format!("{open}{}{close}", details.join(sep)));
        }
        out.push_str(&line);
        out.push('\n');
    }

    out.push_str(&heading(T::Participants));
    for role in Role::ALL {
        let names: Vec<String> = meeting
            .participants
            .iter()
            .filter(|p| p.role == role)
            .map(|p| {
                let mut name = text(&p.name);
                if !p.department.trim().is_empty() {
                    name.push_str(&format!("{open}{}{close}", text(&p.department)));
                }
                if p.is_host {
                    name.push_str(&format!(" [{}]", T::Host.get(lang)));
                }
                if p.is_recorder {
                    name.push_str(&format!(" [{}]", T::Recorder.get(lang)));
                }
                name
            })
            .collect();
        if !names.is_empty() {
            out.push_str(&format!(
                "{bullet}{}{colon}{}\n",
                role.label().get(lang),
                names.join(sep)
            ));
        }
    }

    if !meeting.materials.is_empty() {
        out.push_str(&heading(T::PreReads));
        for material in &meeting.materials {
            let mut line = format!("{bullet}{}", text(&material.title));
            if !material.link.trim().is_empty() {
                line.push_str(&format!(" {}", text(&material.link)));
            }
            if !material.questions.trim().is_empty() {
                line.push_str(&format!(
                    " — {}",
                    tr(lang, T::NoticeThinkAbout, &[&text(&material.questions)])
                ));
            }
            out.push_str(&line);
            out.push('\n');
        }
    }

    if !meeting.preparation_asks.is_empty() {
        out.push_str(&heading(T::PreparationAsks));
        for ask in &meeting.preparation_asks {
            out.push_str(&format!(
                "{bullet}{}{colon}{}\n",
                text(&ask.department),
                text(&ask.ask)
            ));
        }
    }

    out.push_str(&heading(T::NoticeAbsenceTitle));
    out.push_str(T::NoticeAbsenceRule.get(lang));
    out.push('\n');
    out
}

/// Marks the notice as sent at `at`, with the pre-reads it lists (R5, R6): they went out with it,
/// so the pre-read check does not ask for them again. A pre-read sent earlier keeps its time.
pub fn mark_sent(meeting: &mut Meeting, at: chrono::DateTime<chrono::Utc>) {
    meeting.schedule.notice_sent_at = Some(at);
    for material in &mut meeting.materials {
        material.sent_at.get_or_insert(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::domain::model::{AgendaItem, Participant, PreRead, PreparationAsk};
    use chrono::{FixedOffset, TimeZone, Utc};

    fn meeting() -> Meeting {
        let cst = FixedOffset::east_opt(8 * 3600).unwrap();
        let mut meeting = Meeting {
            title: "Q3 排期 | 对齐".into(),
            objective: "确定Q3上线排期并明确各部门交付物".into(),
            agenda: vec![
                AgendaItem {
                    id: "a".into(),
                    title: "需求对齐".into(),
                    owner: "市场部经理".into(),
                    minutes: 10,
                    expected_output: "《需求优先级共识表》".into(),
                    phase: Phase::Share,
                    ..AgendaItem::default()
                },
                AgendaItem {
                    id: "b".into(),
                    title: "休息".into(),
                    minutes: 10,
                    phase: Phase::Break,
                    ..AgendaItem::default()
                },
            ],
            participants: vec![Participant {
                name: "李工".into(),
                department: "研发部".into(),
                role: Role::DecisionMaker,
                is_host: true,
                ..Participant::default()
            }],
            materials: vec![PreRead {
                title: "项目背景".into(),
                questions: "最大风险?".into(),
                ..PreRead::default()
            }],
            preparation_asks: vec![PreparationAsk {
                department: "各部门".into(),
                ask: "提交当前进度风险点".into(),
                ..PreparationAsk::default()
            }],
            ..Meeting::default()
        };
        meeting.schedule.starts_at = Some(
            cst.with_ymd_and_hms(2026, 12, 1, 14, 0, 0)
                .unwrap()
                .with_timezone(&Utc),
        );
        meeting.schedule.duration_minutes = 20;
        meeting.format.room = "3楼中立会议室".into();
        meeting
    }

    #[test]
    fn plain_notice_carries_every_part_of_the_plan() {
        let cst = FixedOffset::east_opt(8 * 3600).unwrap();
        let text = notice(&meeting(), Lang::Zh, &cst, NoticeStyle::PlainText);
        for expected in [
            "会议通知:Q3 排期 | 对齐",
            "确定Q3上线排期并明确各部门交付物",
            "【会议目标】\n确定Q3",
            "· 时间:12月1日(周二)14:00–14:20(20 分钟)",
            "3楼中立会议室",
            "1. 14:00–14:10 需求对齐(市场部经理、10 分钟、输出《需求优先级共识表》)",
            "2. 14:10–14:20 休息\n",
            "决策方:李工(研发部) [主持人]",
            "项目背景 — 请提前思考:最大风险?",
            "各部门:提交当前进度风险点",
            "24 小时",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
    }

    #[test]
    fn markdown_notice_escapes_user_text_and_follows_the_language() {
        let cst = FixedOffset::east_opt(8 * 3600).unwrap();
        let md = notice(&meeting(), Lang::En, &cst, NoticeStyle::Markdown);
        assert!(md.starts_with("## Q3 排期 \\| 对齐\n"), "{md}");
        assert!(md.contains("### Agenda"));
        assert!(md.contains("same-level substitute"));
        assert!(
            md.contains("### Objective\n"),
            "the heading, not the form's hint"
        );
        assert!(
            md.contains("- Time: Tue 1 Dec, 14:00–14:20 (20 min)"),
            "{md}"
        );
    }

    #[test]
    fn marking_the_notice_sent_marks_the_pre_reads_it_carried() {
        let mut meeting = meeting();
        let earlier = Utc.with_ymd_and_hms(2026, 11, 20, 1, 0, 0).unwrap();
        let at = Utc.with_ymd_and_hms(2026, 11, 25, 1, 0, 0).unwrap();
        meeting.materials.push(PreRead {
            title: "上次纪要".into(),
            sent_at: Some(earlier),
            ..PreRead::default()
        });
        mark_sent(&mut meeting, at);
        assert_eq!(meeting.schedule.notice_sent_at, Some(at));
        let sent: Vec<_> = meeting.materials.iter().map(|m| m.sent_at).collect();
        assert_eq!(
            sent,
            [Some(at), Some(earlier)],
            "sent now, or kept as sent before"
        );
    }
}
