//! The notice panel (R6): a preview, copy as plain text or Markdown, and the `.ics` download.

use leptos::prelude::*;

use super::fields::Current;
use crate::core::domain::edit::FieldKey;
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::time::{format_date_time, LocalZone};
use crate::core::formats::export::ics::calendar;
use crate::core::formats::export::markdown_html::to_html;
use crate::core::formats::export::notice::{mark_sent, notice, NoticeStyle};
use crate::ui::browser;

#[component]
pub fn NoticePanel(current: Current) -> impl IntoView {
    let state = current.state;
    let text_of = {
        let current = current.clone();
        move |style: NoticeStyle| {
            current.read(|m| {
                notice(
                    m,
                    state.prefs.lang.get_untracked(),
                    &browser::DeviceZone,
                    style,
                )
            })
        }
    };
    let preview = {
        let current = current.clone();
        move || {
            current.read(|m| {
                notice(
                    m,
                    state.prefs.lang.get(),
                    &browser::DeviceZone,
                    NoticeStyle::Markdown,
                )
            })
        }
    };
    // Copying is the usual way a notice goes out: once copied, marking it sent is offered at
    // once (R6), with the pre-reads it carries.
    let copied = RwSignal::new(false);
    let copy = {
        let text_of = text_of.clone();
        move |style: NoticeStyle| {
            let text = text_of(style);
            state.copy_to_clipboard(text);
            copied.set(true);
        }
    };
    let c = current.clone();
    let sent_at =
        Memo::new(move |_| c.read_field(FieldKey::NoticeSentAt, |m| m.schedule.notice_sent_at));
    let mark = {
        let current = current.clone();
        move |_| {
            let now = browser::now();
            current.edit_with_undo(T::NoticeMarkedSent, |m| mark_sent(m, now));
            copied.set(false);
        }
    };
    let sent_line = move || {
        sent_at.get().map(|at| {
            let at = format_date_time(browser::DeviceZone.local(at));
            view! { <p class="muted" data-testid="notice-sent-at">{tr(state.prefs.lang.get(), T::NoticeSentAt, &[&at])}</p> }
        })
    };
    let copy_markdown = copy.clone();
    let download = move |_| {
        let lang = state.prefs.lang.get_untracked();
        let ics = current.read(|m| {
            calendar(m, lang, &browser::DeviceZone, browser::now()).map(|ics| (m.id.clone(), ics))
        });
        match ics {
            Some((id, ics)) => {
                state.download(
                    &format!("crossmeet-{id}.ics"),
                    "text/calendar;charset=utf-8",
                    &ics,
                );
            }
            None => state.toasts.show(T::CheckNoTime.get(lang).to_owned(), None),
        }
    };
    view! {
        <div class="notice">
            <div class="button-row">
                <button type="button" class="primary" data-testid="copy-notice" on:click=move |_| copy(NoticeStyle::PlainText)>
                    {state.text(T::CopyNoticeText)}
                </button>
                <button type="button" data-testid="copy-notice-md" on:click=move |_| copy_markdown(NoticeStyle::Markdown)>
                    {state.text(T::CopyNoticeMarkdown)}
                </button>
                <button type="button" data-testid="download-ics" on:click=download>
                    {state.text(T::DownloadIcs)}
                </button>
                <button type="button" class:primary=move || copied.get() && sent_at.get().is_none() data-testid="mark-notice-sent" on:click=mark>
                    {state.text(T::MarkNoticeSent)}
                </button>
            </div>
            <Show when=move || copied.get() && sent_at.get().is_none()>
                <p class="hint" role="status" data-testid="notice-sent-offer">{state.text(T::NoticeCopiedOffer)}</p>
            </Show>
            {sent_line}
            <details>
                <summary>{state.text(T::NoticePreview)}</summary>
                // Rendered from the Markdown notice (`markdown_html` escapes every text), and
                // what the print stylesheet prints from this tab.
                <div class="document-preview notice-preview printable" role="region" tabindex="0" aria-label=state.text(T::NoticePreview) data-testid="notice-preview" inner_html=move || to_html(&preview())></div>
                <button type="button" data-testid="print-notice" on:click=|_| browser::print()>{state.text(T::PrintPdf)}</button>
            </details>
        </div>
    }
}
