//! Taking in replies (A1): a reply link opened here, or any stretch of chat pasted with one
//! reply or many among other messages. Each reply is checked against its ask (MAC, meeting,
//! person, not already taken), previewed per person and field (`core/view/replies_html.rs`), and
//! applied in one undoable step.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::core::domain::i18n::{tr, T};
use crate::core::formats::asking::find_reply_tokens;
use crate::core::formats::asking::intake::{edit, Intake};
use crate::core::formats::export::markdown_html::escape_html;
use crate::core::view::replies_html::{reply_card_html, CardView};
use crate::core::view::route::{Route, Stage};
use crate::ui::state::{display_title, AppState};
use crate::ui::{browser, links};

/// One reply found in the text: what it proposes, or why it was refused.
#[derive(Clone)]
enum Found {
    Checked {
        intake: Intake,
        chosen: Vec<bool>,
        applied: bool,
    },
    Refused(String),
}

#[component]
pub fn RepliesPage(token: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.prefs.lang.get_untracked();
    let text = RwSignal::new(if token.is_empty() {
        String::new()
    } else {
        format!("#/r/{token}")
    });
    let found = RwSignal::new(None::<Vec<Found>>);
    let reading = RwSignal::new(false);

    let read = move || {
        let pasted = text.get_untracked();
        let tokens: Vec<String> = find_reply_tokens(&pasted)
            .into_iter()
            .map(str::to_owned)
            .collect();
        reading.set(true);
        spawn_local(async move {
            // Only the meeting that made an ask is copied, not every meeting on the device.
            let holding = |ask: &str| {
                state.meetings.with_untracked(|meetings| {
                    meetings
                        .iter()
                        .find(|m| m.asks.iter().any(|a| a.id == ask))
                        .cloned()
                })
            };
            let mut results = Vec::with_capacity(tokens.len());
            for (index, token) in tokens.iter().enumerate() {
                results.push(
                    match links::check_reply(token, holding, browser::now(), lang).await {
                        Ok(intake) => Found::Checked {
                            chosen: intake.default_choice(),
                            intake,
                            applied: false,
                        },
                        Err(refused) => Found::Refused(tr(
                            lang,
                            T::RepliesRefused,
                            &[&(index + 1).to_string(), refused.message().get(lang)],
                        )),
                    },
                );
            }
            reading.set(false);
            found.set(Some(results));
        });
    };
    if !token.is_empty() {
        // Opened from a reply link: read it once the meetings (and their asks) are in memory.
        Effect::new(move |done: Option<bool>| {
            if done == Some(true) || !state.loaded.get() {
                return done.unwrap_or(false);
            }
            read();
            true
        });
    }

    let html = move || {
        let found = found.get()?;
        if found.is_empty() {
            return Some(format!(
                r#"<p class="empty" data-testid="replies-none">{}</p>"#,
                T::RepliesNone.get(lang)
            ));
        }
        let mut out = String::new();
        for (card, found) in found.iter().enumerate() {
            match found {
                Found::Refused(message) => out.push_str(&format!(
                    r#"<p class="error" role="alert" data-testid="reply-refused">{}</p>"#,
                    escape_html(message)
                )),
                Found::Checked {
                    intake,
                    chosen,
                    applied,
                } => {
                    let title = state
                        .with_meeting(&intake.meeting_id, |m| display_title(m, lang))
                        .unwrap_or_default();
                    let href = Route::Meeting {
                        id: intake.meeting_id.clone(),
                        stage: Stage::Prepare,
                    }
                    .href();
                    let view = CardView {
                        intake,
                        title: &title,
                        href: &href,
                        chosen,
                        applied: *applied,
                    };
                    reply_card_html(&mut out, card, &view, lang);
                }
            }
        }
        Some(out)
    };

    // A choice between the organiser's value and the reply's, or a change ticked off.
    let choose = move |event: leptos::ev::Event| {
        let Some(input) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let number = |name: &str| {
            input
                .get_attribute(name)
                .and_then(|n| n.parse::<usize>().ok())
        };
        let (Some(card), Some(change)) = (number("data-card"), number("data-p")) else {
            return;
        };
        let take = if input.type_() == "checkbox" {
            input.checked()
        } else {
            input.value() == "1"
        };
        // The inputs already show the choice: no redraw.
        found.update_untracked(|found| {
            if let Some(Found::Checked { chosen, .. }) =
                found.as_mut().and_then(|f| f.get_mut(card))
            {
                if let Some(slot) = chosen.get_mut(change) {
                    *slot = take;
                }
            }
        });
    };

    let apply = move |event: leptos::ev::MouseEvent| {
        let Some(card) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.get_attribute("data-apply"))
            .and_then(|n| n.parse::<usize>().ok())
        else {
            return;
        };
        let Some(Found::Checked {
            intake,
            chosen,
            applied: false,
        }) = found.with_untracked(|found| found.as_ref().and_then(|f| f.get(card)).cloned())
        else {
            return;
        };
        // Computed against the meeting as it is now, so edits made since the preview stay.
        let Some(step) = state.with_meeting(&intake.meeting_id, |meeting| {
            edit(meeting, &intake, &chosen)
        }) else {
            return;
        };
        state.dispatch_many_with_undo(
            vec![(intake.meeting_id.clone(), step)],
            tr(lang, T::RepliesApplied, &[&intake.who]),
        );
        found.update(|found| {
            if let Some(Found::Checked { applied, .. }) =
                found.as_mut().and_then(|f| f.get_mut(card))
            {
                *applied = true;
            }
        });
    };

    view! {
        <section class="replies-page">
            <h1>{T::RepliesTitle.get(lang)}</h1>
            <p class="hint">{T::RepliesHint.get(lang)}</p>
            <textarea
                class="replies-paste"
                rows="6"
                data-testid="replies-paste"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="button-row">
                <button type="button" class="primary" data-testid="replies-read" on:click=move |_| read()>
                    {T::RepliesRead.get(lang)}
                </button>
            </div>
            <p class="hint" role="status" hidden=move || !reading.get()>{T::RepliesReading.get(lang)}</p>
            <div class="reply-cards" inner_html=move || html().unwrap_or_default() on:change=choose on:click=apply></div>
        </section>
    }
}
