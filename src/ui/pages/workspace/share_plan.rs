//! Sharing the open meeting's plan (D4): a meeting file to send, or a link that carries the plan
//! in its fragment. The link is also shown in a field, for browsers that refuse the clipboard.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fields::Current;
use crate::core::domain::i18n::{tr, T};
use crate::core::formats::share::{
    base64url_encode, export_meeting_file, link_href, link_plan_text,
};
use crate::ui::{browser, deflate};

#[component]
pub fn SharePlan(current: Current) -> impl IntoView {
    let state = current.state;
    let link = RwSignal::new(None::<String>);

    let c = current.clone();
    let download = move |_| {
        let (name, text) = c.read(|m| {
            (
                format!("crossmeet-{}-plan.json", m.id),
                export_meeting_file(m, browser::now()),
            )
        });
        state.download(&name, "application/json", &text);
    };

    let c = current.clone();
    let copy_link = move |_| {
        let text = c.read(link_plan_text);
        spawn_local(async move {
            match deflate::deflate(text.as_bytes()).await {
                Ok(bytes) => {
                    let href = link_href(&browser::page_address(), &base64url_encode(&bytes));
                    link.set(Some(href.clone()));
                    state.copy_to_clipboard(href);
                }
                Err(cause) => state.toasts.show(
                    tr(
                        state.prefs.lang.get_untracked(),
                        T::ShareLinkFailed,
                        &[&cause],
                    ),
                    None,
                ),
            }
        });
    };

    view! {
        <details class="share-plan">
            <summary>{state.text(T::ShareTitle)}</summary>
            <div class="share-panel">
                <p class="hint">{state.text(T::ShareHint)}</p>
                <div class="button-row">
                    <button type="button" data-testid="download-plan" on:click=download>
                        {state.text(T::DownloadMeetingFile)}
                    </button>
                    <button type="button" data-testid="copy-share-link" on:click=copy_link>
                        {state.text(T::CopyShareLink)}
                    </button>
                </div>
                {move || link.get().map(|href| view! {
                    <input
                        type="text"
                        readonly
                        class="share-link"
                        aria-label=state.text(T::CopyShareLink)
                        data-testid="share-link"
                        prop:value=href
                        on:focus=|ev| {
                            use wasm_bindgen::JsCast;
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        }
                    />
                })}
            </div>
        </details>
    }
}
