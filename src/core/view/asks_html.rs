//! The ask panel (A1) as escaped HTML text: the buttons that make asks (`data-ask`, `data-group`),
//! the messages made (`data-copy`), and the asks sent with who has answered and a reminder
//! (`data-remind`), and the messages' format (`data-format`). The panel reads them with one
//! click and one change handler.

use std::fmt::Write;

use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::formats::asking::intake::person_name;
use crate::core::formats::asking::make::askable;
use crate::core::formats::asking::messages::{ask_message, AskContext};
use crate::core::formats::chase::ChaseFormat;
use crate::core::formats::export::markdown_html::escape_html as esc;

/// An ask link just made, for one person (`to`) or for the group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Made {
    pub to: Option<String>,
    pub kind: AskKind,
    pub href: String,
}

/// Each link just made as its chat message, in `format`, with whom it is for.
pub fn made_messages(
    meeting: &Meeting,
    made: &[Made],
    when: &str,
    format: ChaseFormat,
    lang: Lang,
) -> Vec<(String, String)> {
    made.iter()
        .map(|made| {
            let context = AskContext {
                kind: made.kind,
                title: meeting.title_or_untitled(lang),
                when,
                lang,
                format,
            };
            let to = made
                .to
                .clone()
                .unwrap_or_else(|| T::AskMakeGroup.get(lang).to_owned());
            (to, ask_message(&context, made.to.as_deref(), &made.href))
        })
        .collect()
}

fn slug(kind: AskKind) -> String {
    kind.key().to_lowercase()
}

/// The panel: one row of buttons per kind, the messages just made, the asks sent of these kinds.
/// `made_at` formats an ask's time as the device shows it.
pub fn ask_panel_html(
    meeting: &Meeting,
    kinds: &[AskKind],
    made: &[(String, String)],
    format: ChaseFormat,
    made_at: impl Fn(&AskRecord) -> String,
    lang: Lang,
) -> String {
    let mut out = String::new();
    for &kind in kinds {
        let disabled = if askable(meeting, kind).is_empty() {
            " disabled"
        } else {
            ""
        };
        let slug = slug(kind);
        let _ = write!(
            out,
            r#"<div class="button-row ask-kind"><strong>{}</strong><button type="button" data-ask="{}" data-group="0" data-testid="ask-each-{slug}"{disabled}>{}</button><button type="button" data-ask="{}" data-group="1" data-testid="ask-group-{slug}"{disabled}>{}</button></div>"#,
            kind.label().get(lang),
            kind.key(),
            T::AskMakePerPerson.get(lang),
            kind.key(),
            T::AskMakeGroup.get(lang),
        );
    }
    if !made.is_empty() {
        let markdown = format == ChaseFormat::Markdown;
        let _ = write!(
            out,
            r#"<div class="ask-messages" data-testid="ask-messages"><select data-format aria-label="{}" data-testid="ask-format"><option value="text">{}</option><option value="md"{}>{}</option></select>"#,
            T::ChaseFormatLabel.get(lang),
            T::ChaseFormatPlain.get(lang),
            if markdown { " selected" } else { "" },
            T::ChaseFormatMarkdown.get(lang),
        );
        for (index, (to, message)) in made.iter().enumerate() {
            let _ = write!(
                out,
                r#"<div class="ask-message" data-testid="ask-message"><strong>{}</strong><textarea readonly rows="4" data-testid="ask-message-text">{}</textarea><button type="button" data-copy="{index}">{}</button></div>"#,
                esc(to),
                esc(message),
                T::AskCopyMessage.get(lang)
            );
        }
        let _ = write!(
            out,
            r#"<button type="button" data-copy="all">{}</button></div>"#,
            T::AskCopyAll.get(lang)
        );
    }
    let sent: Vec<&AskRecord> = meeting
        .asks
        .iter()
        .filter(|a| kinds.contains(&a.kind))
        .collect();
    if !sent.is_empty() {
        let _ = write!(
            out,
            r#"<h3>{}</h3><ul class="plain-list asks-sent">"#,
            T::AskEarlier.get(lang)
        );
        for ask in sent.into_iter().rev() {
            sent_ask(&mut out, meeting, ask, &made_at(ask), lang);
        }
        out.push_str("</ul>");
    }
    out
}

fn sent_ask(out: &mut String, meeting: &Meeting, ask: &AskRecord, made_at: &str, lang: Lang) {
    let separator = T::AirtimeListSeparator.get(lang);
    let names = |answered: bool| {
        ask.to
            .iter()
            .filter(|person| ask.has_answered(person) == answered)
            .map(|person| person_name(meeting, person))
            .collect::<Vec<_>>()
            .join(separator)
    };
    let _ = write!(
        out,
        r#"<li data-testid="ask-sent"><span>{}</span>"#,
        esc(&tr(
            lang,
            T::AskMadeAt,
            &[
                ask.kind.label().get(lang),
                made_at,
                &ask.to.len().to_string()
            ]
        ))
    );
    let (answered, waiting) = (names(true), names(false));
    if !answered.is_empty() {
        let _ = write!(
            out,
            r#" <span class="ok" data-testid="ask-answered">{}</span>"#,
            esc(&tr(lang, T::AskAnswered, &[&answered]))
        );
    }
    if waiting.is_empty() {
        let _ = write!(
            out,
            r#" <span class="ok">{}</span>"#,
            T::AskAllAnswered.get(lang)
        );
    } else {
        let _ = write!(
            out,
            r#" <span class="warning" data-testid="ask-waiting">{}</span> <button type="button" data-remind="{}" data-testid="ask-remind">{}</button>"#,
            esc(&tr(lang, T::AskWaiting, &[&waiting])),
            esc(&ask.id),
            T::AskCopyReminder.get(lang)
        );
    }
    out.push_str("</li>");
}
