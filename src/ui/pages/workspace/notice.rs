//! The notice panel (R6): a preview, copy as plain text or Markdown, and the `.ics` download.

use leptos::prelude::*;

use super::fields::Current;
use crate::core::domain::i18n::T;
use crate::core::formats::export::ics::calendar;
use crate::core::formats::export::markdown_html::to_html;
use crate::core::formats::export::notice::{notice, NoticeStyle};
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
    let copy = {
        let text_of = text_of.clone();
        move |style: NoticeStyle| {
            let text = text_of(style);
            state.copy_to_clipboard(text);
        }
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
            </div>
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
