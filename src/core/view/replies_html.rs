//! Replies taken in (A1) as escaped HTML text: one card per reply with its changes per person and
//! field. A choice names its card and change in `data-card` and `data-p`, an apply button its
//! card in `data-apply`; the page reads them with one handler.

use std::fmt::Write;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::formats::asking::intake::Intake;
use crate::core::formats::export::markdown_html::escape_html as esc;

/// One reply found in pasted text, as the page shows it.
pub struct CardView<'a> {
    pub intake: &'a Intake,
    pub title: &'a str,
    pub href: &'a str,
    pub chosen: &'a [bool],
    pub applied: bool,
}

pub fn reply_card_html(out: &mut String, card: usize, view: &CardView, lang: Lang) {
    let intake = view.intake;
    let _ = write!(
        out,
        r#"<article class="card reply-card" data-testid="reply-card"><h2>{} · <a href="{}">{}</a></h2>"#,
        esc(&intake.who),
        esc(view.href),
        esc(view.title)
    );
    if intake.proposals.iter().any(|p| p.conflict) {
        let _ = write!(
            out,
            r#"<p class="warning">{}</p>"#,
            T::RepliesConflict.get(lang)
        );
    }
    if intake.left_out > 0 {
        let _ = write!(
            out,
            r#"<p class="muted">{}</p>"#,
            tr(lang, T::RepliesLeftOut, &[&intake.left_out.to_string()])
        );
    }
    if intake.proposals.is_empty() {
        let _ = write!(
            out,
            r#"<p class="muted">{}</p>"#,
            T::RepliesNothing.get(lang)
        );
    } else {
        let _ = write!(
            out,
            r#"<div class="table-scroll"><table class="reply-changes"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>"#,
            T::RepliesColWho.get(lang),
            T::RepliesColField.get(lang),
            T::RepliesColNow.get(lang),
            T::RepliesColAnswer.get(lang),
            T::RepliesColTake.get(lang),
        );
        for (index, proposal) in intake.proposals.iter().enumerate() {
            let taken = view.chosen.get(index).copied().unwrap_or(false);
            let on = |yes: bool| if yes { " checked" } else { "" };
            let at = format!(r#"data-card="{card}" data-p="{index}""#);
            let _ = write!(
                out,
                r#"<tr data-testid="reply-change"{}><td>{}</td><td>{}"#,
                if proposal.conflict {
                    r#" class="conflict""#
                } else {
                    ""
                },
                esc(&proposal.who),
                proposal.field.get(lang)
            );
            if proposal.late {
                let _ = write!(
                    out,
                    r#" <span class="badge warning" data-testid="reply-late">{}</span>"#,
                    T::RepliesLate.get(lang)
                );
            }
            let _ = write!(
                out,
                r#"</td><td class="was">{}</td><td class="answer">{}</td><td>"#,
                esc(&proposal.now),
                esc(&proposal.answer)
            );
            if proposal.conflict {
                let name = format!("take-{card}-{index}");
                let _ = write!(
                    out,
                    r#"<fieldset class="inline-choices" data-testid="reply-conflict"><legend class="sr-only">{}</legend><label class="check"><input type="radio" name="{name}" value="0" {at}{}>{}</label><label class="check"><input type="radio" name="{name}" value="1" {at} data-testid="reply-take-theirs"{}>{}</label></fieldset>"#,
                    T::RepliesConflict.get(lang),
                    on(!taken),
                    T::RepliesKeepMine.get(lang),
                    on(taken),
                    T::RepliesTakeTheirs.get(lang),
                );
            } else {
                let _ = write!(
                    out,
                    r#"<input type="checkbox" value="1" {at} aria-label="{}"{}>"#,
                    T::RepliesApply.get(lang),
                    on(taken)
                );
            }
            out.push_str("</td></tr>");
        }
        out.push_str("</tbody></table></div>");
    }
    let _ = write!(
        out,
        r#"<button type="button" class="primary" data-apply="{card}" data-testid="reply-apply"{}>{}</button></article>"#,
        if view.applied { " disabled" } else { "" },
        T::RepliesApply.get(lang)
    );
}
