//! The ask panel (A1) as escaped HTML text: the buttons that make asks (`data-ask`, `data-group`),
//! the messages made (`data-copy`), and the asks sent with who has answered and a reminder
//! (`data-remind`). The panel reads them with one click handler.

use std::fmt::Write;

use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::formats::asking::intake::person_name;
use crate::core::formats::asking::make::askable;
use crate::core::formats::export::markdown_html::escape_html as esc;

/// A message made for one person, or for the group.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Made {
    pub to: String,
    pub message: String,
}

fn slug(kind: AskKind) -> String {
    kind.key().to_lowercase()
}

/// The panel: one row of buttons per kind, the messages just made, the asks sent of these kinds.
/// `made_at` formats an ask's time as the device shows it.
pub fn ask_panel_html(
    meeting: &Meeting,
    kinds: &[AskKind],
    made: &[Made],
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
        out.push_str(r#"<div class="ask-messages" data-testid="ask-messages">"#);
        for (index, made) in made.iter().enumerate() {
            let _ = write!(
                out,
                r#"<div class="ask-message" data-testid="ask-message"><strong>{}</strong><textarea readonly rows="4" data-testid="ask-message-text">{}</textarea><button type="button" data-copy="{index}">{}</button></div>"#,
                esc(&made.to),
                esc(&made.message),
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
