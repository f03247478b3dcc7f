//! The answer page's form (A1) as escaped HTML text: one string per screen costs the module far
//! less than a view per field. Every input names the part of the draft it writes in `data-f`
//! (and the action's place in `data-i`); the page reads them with one handler
//! ([`Draft::set`](crate::core::formats::asking::draft::Draft::set)).

use std::fmt::Write;

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::domain::asks::AskKind;
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::ActionStatus;
use crate::core::domain::time::format_date;
use crate::core::formats::asking::draft::Draft;
use crate::core::formats::asking::AskLink;
use crate::core::formats::export::markdown_html::escape_html as esc;

/// What the form needs besides the link and the draft.
pub struct Screen<'a> {
    /// The meeting's start as the person's device shows it, or empty.
    pub when: &'a str,
    pub now: DateTime<Utc>,
    pub today: NaiveDate,
    pub lang: Lang,
}

/// The meeting's facts, the name picker of a group link, and the form for the draft's person.
pub fn answer_html(link: &AskLink, draft: Option<&Draft>, screen: &Screen) -> String {
    let lang = screen.lang;
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<header class="answer-head"><p class="muted">{}</p><h1 data-testid="answer-title">{}</h1><dl class="answer-facts">"#,
        link.kind.label().get(lang),
        esc(&link.title)
    );
    if !screen.when.is_empty() {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{} · {}′</dd>",
            T::AnswerWhen.get(lang),
            esc(screen.when),
            link.minutes
        );
    }
    if !link.place.trim().is_empty() {
        let _ = write!(
            out,
            "<dt>{}</dt><dd>{}</dd>",
            T::AnswerPlace.get(lang),
            esc(&link.place)
        );
    }
    out.push_str("</dl>");
    if !link.objective.trim().is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(&link.objective));
    }
    if !link.agenda.is_empty() {
        let _ = write!(
            out,
            "<details><summary>{}</summary><ol>",
            T::AnswerAgenda.get(lang)
        );
        for item in &link.agenda {
            let _ = write!(out, "<li>{}</li>", esc(item));
        }
        out.push_str("</ol></details>");
    }
    out.push_str("</header>");
    if link.people.len() > 1 {
        let _ = write!(
            out,
            r#"<label class="field"><span>{}</span><select data-f="person" data-testid="answer-person"><option value="">—</option>"#,
            T::AnswerPickName.get(lang)
        );
        for person in &link.people {
            let selected = draft.is_some_and(|d| d.person == person.id);
            let _ = write!(
                out,
                r#"<option value="{}"{}>{}</option>"#,
                esc(&person.id),
                if selected { " selected" } else { "" },
                esc(&person.name)
            );
        }
        out.push_str("</select></label>");
    }
    if let Some(draft) = draft {
        match link.kind {
            AskKind::Attendance => attendance(&mut out, link, draft, screen),
            AskKind::Actions => actions(&mut out, link, draft, screen),
            AskKind::Feedback => feedback(&mut out, draft, lang),
            AskKind::Minutes => minutes(&mut out, link, draft, lang),
        }
    }
    out
}

fn checked(on: bool) -> &'static str {
    if on {
        " checked"
    } else {
        ""
    }
}

fn radio(out: &mut String, field: &str, value: &str, on: bool, testid: &str, label: &str) {
    let _ = write!(
        out,
        r#"<label class="check"><input type="radio" name="{field}" data-f="{field}" value="{value}" data-testid="{testid}"{}>{}</label>"#,
        checked(on),
        esc(label)
    );
}

fn text_input(
    out: &mut String,
    field: &str,
    index: Option<usize>,
    testid: &str,
    label: &str,
    value: &str,
    multiline: bool,
) {
    let at = index
        .map(|i| format!(r#" data-i="{i}""#))
        .unwrap_or_default();
    let _ = write!(
        out,
        r#"<label class="field wide"><span>{}</span>"#,
        esc(label)
    );
    if multiline {
        let _ = write!(
            out,
            r#"<textarea rows="3" data-f="{field}"{at} data-testid="{testid}">{}</textarea>"#,
            esc(value)
        );
    } else {
        let _ = write!(
            out,
            r#"<input type="text" data-f="{field}"{at} data-testid="{testid}" value="{}">"#,
            esc(value)
        );
    }
    out.push_str("</label>");
}

fn open_block(out: &mut String, legend: &str) {
    let _ = write!(
        out,
        r#"<fieldset class="answer-block"><legend>{}</legend>"#,
        esc(legend)
    );
}

fn rule(out: &mut String, text: &str) {
    let _ = write!(out, r#"<p class="rule">{}</p>"#, esc(text));
}

fn attendance(out: &mut String, link: &AskLink, draft: &Draft, screen: &Screen) {
    let lang = screen.lang;
    let answer = &draft.attendance;
    let person = link.people.iter().find(|p| p.id == draft.person);
    open_block(out, T::ReplyFieldAttendance.get(lang));
    radio(
        out,
        "coming",
        "1",
        answer.coming,
        "answer-coming",
        T::AnswerComing.get(lang),
    );
    radio(
        out,
        "coming",
        "0",
        !answer.coming,
        "answer-leave",
        T::AnswerLeave.get(lang),
    );
    rule(out, T::AnswerRuleLeave.get(lang));
    if link.answer_by().is_some_and(|by| screen.now > by) {
        let _ = write!(
            out,
            r#"<p class="warning" data-testid="answer-late">{}</p>"#,
            T::AnswerLate.get(lang)
        );
    }
    if !answer.coming {
        text_input(
            out,
            "reason",
            None,
            "answer-reason",
            T::AnswerReason.get(lang),
            &answer.reason,
            false,
        );
        text_input(
            out,
            "substitute",
            None,
            "answer-substitute",
            T::AnswerSubstitute.get(lang),
            &answer.substitute,
            false,
        );
    }
    out.push_str("</fieldset>");
    if !link.reads.is_empty() {
        let _ = write!(
            out,
            r#"<fieldset class="answer-block"><legend>{}</legend><ul>"#,
            T::AnswerReads.get(lang)
        );
        for read in &link.reads {
            // Only web addresses become links: a crafted `javascript:` address stays text.
            if read.link.starts_with("https://") || read.link.starts_with("http://") {
                let _ = write!(
                    out,
                    r#"<li><a href="{}" target="_blank" rel="noopener noreferrer">{}</a></li>"#,
                    esc(&read.link),
                    esc(&read.title)
                );
            } else {
                let _ = write!(out, "<li>{}</li>", esc(&read.title));
            }
        }
        let _ = write!(
            out,
            r#"</ul><label class="check"><input type="checkbox" data-f="read" data-testid="answer-read"{}>{}</label>"#,
            checked(answer.read),
            T::AnswerRead.get(lang)
        );
        rule(out, T::AnswerRuleRead.get(lang));
        out.push_str("</fieldset>");
    }
    open_block(out, T::ReplyFieldRisks.get(lang));
    if let Some(bring) = person.map(|p| p.bring.trim()).filter(|b| !b.is_empty()) {
        rule(out, &tr(lang, T::AnswerBring, &[bring]));
    }
    text_input(
        out,
        "risks",
        None,
        "answer-risks",
        T::AnswerRisks.get(lang),
        &answer.risks,
        true,
    );
    out.push_str("</fieldset>");
}

fn actions(out: &mut String, link: &AskLink, draft: &Draft, screen: &Screen) {
    let lang = screen.lang;
    if draft.actions.is_empty() {
        let _ = write!(
            out,
            r#"<p class="empty">{}</p>"#,
            T::AnswerNoActions.get(lang)
        );
        return;
    }
    rule(out, T::AnswerRuleProgress.get(lang));
    for (index, answer) in draft.actions.iter().enumerate() {
        let Some(action) = link.actions.iter().find(|a| a.id == answer.id) else {
            continue;
        };
        let late = action.deadline.is_some_and(|d| d < screen.today);
        let _ = write!(
            out,
            r#"<fieldset class="answer-block" data-testid="answer-action-{index}"><legend>{}</legend>"#,
            esc(&action.task)
        );
        if !action.acceptance.trim().is_empty() {
            let _ = write!(out, r#"<p class="muted">{}</p>"#, esc(&action.acceptance));
        }
        if let Some(deadline) = action.deadline {
            let (class, key) = if late {
                ("warning", T::AnswerOverdue)
            } else {
                ("muted", T::AnswerDue)
            };
            let _ = write!(
                out,
                r#"<p class="{class}">{}</p>"#,
                tr(lang, key, &[&format_date(deadline)])
            );
        }
        let _ = write!(
            out,
            r#"<label class="field"><span>{}</span><select data-f="status" data-i="{index}" data-testid="answer-status-{index}">"#,
            T::ReplyFieldStatus.get(lang)
        );
        for status in ActionStatus::ALL {
            let selected = if status == answer.status {
                " selected"
            } else {
                ""
            };
            let _ = write!(
                out,
                r#"<option value="{}"{selected}>{}</option>"#,
                status.key(),
                status.label().get(lang)
            );
        }
        out.push_str("</select></label>");
        text_input(
            out,
            "note",
            Some(index),
            &format!("answer-note-{index}"),
            T::AnswerNote.get(lang),
            &answer.note,
            true,
        );
        if late {
            let date = answer.new_deadline.map(format_date).unwrap_or_default();
            let _ = write!(
                out,
                r#"<label class="field"><span>{}</span><input type="date" data-f="date" data-i="{index}" data-testid="answer-date-{index}" value="{date}"></label>"#,
                T::AnswerNewDate.get(lang)
            );
            text_input(
                out,
                "why",
                Some(index),
                &format!("answer-why-{index}"),
                T::AnswerWhy.get(lang),
                &answer.why,
                false,
            );
        }
        out.push_str("</fieldset>");
    }
}

fn minutes(out: &mut String, link: &AskLink, draft: &Draft, lang: Lang) {
    let answer = &draft.minutes;
    rule(out, T::AnswerRuleMinutes.get(lang));
    let _ = write!(
        out,
        r#"<pre class="minutes-draft" data-testid="answer-minutes">{}</pre>"#,
        esc(&link.draft)
    );
    open_block(out, T::ReplyFieldMinutes.get(lang));
    radio(
        out,
        "confirmed",
        "1",
        answer.confirmed,
        "answer-confirm",
        T::AnswerConfirm.get(lang),
    );
    radio(
        out,
        "confirmed",
        "0",
        !answer.confirmed,
        "answer-correct",
        T::AnswerCorrect.get(lang),
    );
    if !answer.confirmed {
        text_input(
            out,
            "correction",
            None,
            "answer-correction",
            T::AnswerCorrection.get(lang),
            &answer.correction,
            true,
        );
    }
    out.push_str("</fieldset>");
}

fn feedback(out: &mut String, draft: &Draft, lang: Lang) {
    let answer = &draft.feedback;
    rule(out, T::AnswerRuleFeedback.get(lang));
    for (field, legend, value) in [
        ("time", T::AnswerTimeRight, answer.time_right),
        (
            "materials",
            T::AnswerMaterialsEnough,
            answer.materials_enough,
        ),
    ] {
        let _ = write!(
            out,
            r#"<fieldset class="answer-block inline-choices"><legend>{}</legend>"#,
            legend.get(lang)
        );
        radio(
            out,
            field,
            "1",
            value == Some(true),
            &format!("answer-{field}-true"),
            T::Yes.get(lang),
        );
        radio(
            out,
            field,
            "0",
            value == Some(false),
            &format!("answer-{field}-false"),
            T::No.get(lang),
        );
        out.push_str("</fieldset>");
    }
    let _ = write!(
        out,
        r#"<fieldset class="answer-block inline-choices"><legend>{}</legend>"#,
        T::AnswerRating.get(lang)
    );
    for stars in 1..=5u8 {
        radio(
            out,
            "rating",
            &stars.to_string(),
            answer.rating == Some(stars),
            &format!("answer-rating-{stars}"),
            &stars.to_string(),
        );
    }
    out.push_str("</fieldset>");
    text_input(
        out,
        "comment",
        None,
        "answer-comment",
        T::AnswerComment.get(lang),
        &answer.comment,
        true,
    );
}
