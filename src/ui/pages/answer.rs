//! The answer page (A1): opened from an ask link on a phone, often inside a chat app's browser.
//! One short screen per kind of ask, each field with the guide's rule beside it
//! (`core/view/answer_html.rs`); what is typed is kept on the device until sent; "send" makes a
//! signed reply link and copies it (or hands it to the share sheet) for the person to paste back
//! into the chat.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::core::domain::i18n::T;
use crate::core::formats::asking::draft::Draft;
use crate::core::formats::asking::messages::reply_message;
use crate::core::formats::asking::AskLink;
use crate::core::view::answer_html::{answer_html, Screen};
use crate::store::drafts;
use crate::ui::state::AppState;
use crate::ui::{browser, links};

#[component]
pub fn AnswerPage(payload: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = RwSignal::new(None::<AskLink>);
    let error = RwSignal::new(None::<String>);
    spawn_local(async move {
        match links::read_ask(&payload).await {
            Ok(read) => {
                // A phone that never chose a language answers in the organiser's (A1).
                if !crate::store::prefs::are_stored()
                    && read.lang != state.prefs.lang.get_untracked()
                {
                    state.prefs.set_lang(read.lang);
                }
                link.set(Some(read));
            }
            Err(refused) => error.set(Some(
                refused
                    .message()
                    .get(state.prefs.lang.get_untracked())
                    .to_owned(),
            )),
        }
    });
    view! {
        <section class="answer-page" data-testid="answer-page">
            // The same introduction as the static first screen's (core/view/first_screen.rs).
            <p class="answer-intro">{T::AnswerIntro.get(state.prefs.lang.get_untracked())}</p>
            {move || error.get().map(|message| view! {
                <p class="error" role="alert" data-testid="answer-error">{message}</p>
            })}
            {move || link.get().map(|link| view! { <AnswerForm link/> })}
        </section>
    }
}

#[component]
fn AnswerForm(link: AskLink) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.prefs.lang.get_untracked();
    let draft = RwSignal::new(Draft::restore(&link, drafts::load(&link.ask)));
    let link = StoredValue::new(link);
    // Drawn again only when a field appears or goes, or another person is picked: the inputs
    // keep what is typed into them.
    let redraw = RwSignal::new(0u32);
    let kept = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);

    let html = move || {
        redraw.track();
        let when = link.with_value(|l| browser::shown_time(l.starts_at));
        let screen = Screen {
            when: &when,
            now: browser::now(),
            today: browser::today(),
            lang,
        };
        draft.with_untracked(|draft| link.with_value(|l| answer_html(l, draft.as_ref(), &screen)))
    };

    // Every change is kept on the device at once: a reload, a crash or going offline loses none.
    let input = move |event: leptos::ev::Event| {
        let Some(element) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        let Some(field) = element.get_attribute("data-f") else {
            return;
        };
        let index = element.get_attribute("data-i").and_then(|i| i.parse().ok());
        let value = js_sys::Reflect::get(&element, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        let checked = js_sys::Reflect::get(&element, &"checked".into())
            .ok()
            .is_some_and(|v| v.is_truthy());
        let mut again = false;
        if field == "person" {
            let fresh = link.with_value(|l| {
                drafts::load(&l.ask)
                    .filter(|d| d.person == value)
                    .or_else(|| {
                        l.people
                            .iter()
                            .any(|p| p.id == value)
                            .then(|| Draft::new(l, &value))
                    })
            });
            draft.set(fresh);
            again = true;
        } else {
            draft.update(|draft| {
                if let Some(draft) = draft {
                    again = draft.set(&field, index, &value, checked);
                }
            });
        }
        if let Some(current) = draft.get_untracked() {
            kept.set(
                drafts::save(&link.with_value(|l| l.ask.clone()), &current)
                    .err()
                    .map(|error| error.message(lang)),
            );
        }
        if again {
            redraw.update(|n| *n += 1);
        }
    };

    let send = move |_| {
        let Some(current) = draft.get_untracked() else {
            return;
        };
        let missing = link.with_value(|l| current.missing(l.kind, browser::today(), l));
        problem.set(missing.map(|missing| missing.message().get(lang).to_owned()));
        if missing.is_some() {
            return;
        }
        let (reply, secret, title, who) = link.with_value(|l| {
            let who = l
                .people
                .iter()
                .find(|p| p.id == current.person)
                .map(|p| p.name.clone())
                .unwrap_or_default();
            (
                current.reply(l, browser::now()),
                l.secret.clone(),
                l.title.clone(),
                who,
            )
        });
        spawn_local(async move {
            match links::make_reply_href(&reply, &secret).await {
                Ok(href) => {
                    let message = reply_message(lang, &who, &title, &href);
                    sent.set(Some(message.clone()));
                    if browser::copy_text(&message).await.is_err() {
                        problem.set(Some(T::AnswerCopyFallback.get(lang).to_owned()));
                    }
                }
                Err(_) => problem.set(Some(T::AnswerNoCrypto.get(lang).to_owned())),
            }
        });
    };

    let share = move |_| {
        if let Some(message) = sent.get_untracked() {
            spawn_local(async move {
                let _ = browser::share_text(&message).await;
            });
        }
    };

    view! {
        <div class="answer-form" inner_html=html on:input=input on:change=input></div>
        <p class="hint">{T::AnswerDraftKept.get(lang)}</p>
        {move || kept.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
        <button type="button" class="primary answer-send" data-testid="answer-send"
            hidden=move || draft.with(Option::is_none) on:click=send>
            {T::AnswerSend.get(lang)}
        </button>
        <p class="error" role="alert" data-testid="answer-problem" hidden=move || problem.with(Option::is_none)>
            {move || problem.get()}
        </p>
        <div hidden=move || sent.with(Option::is_none)>
            <p class="ok" role="status" data-testid="answer-sent">{T::AnswerSent.get(lang)}</p>
            <textarea class="reply-text" readonly data-testid="answer-reply" rows="5" prop:value=move || sent.get().unwrap_or_default()></textarea>
            <button type="button" hidden=!browser::can_share() on:click=share>{T::AnswerShare.get(lang)}</button>
        </div>
    }
}
