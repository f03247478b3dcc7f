//! Asking people for answers (A1): one link per person or one for the group, as chat messages
//! to copy; the asks sent, who has answered each and who has not, with a reminder for those.
//! Drawn as HTML text (`core/view/asks_html.rs`) with one click and one change handler.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::fields::Current;
use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::T;
use crate::core::domain::model::Meeting;
use crate::core::formats::asking::intake::person_name;
use crate::core::formats::asking::make::{askable, make_ask};
use crate::core::formats::asking::messages::{reminder_message, AskContext};
use crate::core::formats::chase::ChaseFormat;
use crate::core::view::asks_html::{ask_panel_html, made_messages, Made};
use crate::core::view::route::Route;
use crate::ui::state::AppState;
use crate::ui::{browser, links};

fn when(meeting: &Meeting) -> String {
    browser::shown_time(meeting.schedule.starts_at)
}

/// Makes an ask of `kind` to everyone it can go to (one link each, or one for the group),
/// remembers it as one undoable edit, and puts the messages in `made`.
fn make(state: AppState, id: &str, kind: AskKind, group: bool, made: RwSignal<Vec<Made>>) {
    let lang = state.prefs.lang.get_untracked();
    let Some((meeting, people)) = state.with_meeting(id, |m| (m.clone(), askable(m, kind))) else {
        return;
    };
    let sets: Vec<Vec<_>> = match group {
        true => vec![people],
        false => people.into_iter().map(|p| vec![p]).collect(),
    };
    let now = browser::now();
    let asks: Vec<_> = sets
        .into_iter()
        .filter(|set| !set.is_empty())
        .map(|set| {
            let ids: Vec<String> = set.iter().map(|p| p.id.clone()).collect();
            let (record, link) = make_ask(
                &meeting,
                kind,
                &ids,
                browser::new_id(),
                links::new_secret(),
                now,
                lang,
            );
            let to = match set.as_slice() {
                [one] => Some(one.name.clone()),
                _ => None,
            };
            (record, link, to)
        })
        .collect();
    if asks.is_empty() {
        return;
    }
    let records: Vec<AskRecord> = asks.iter().map(|(record, _, _)| record.clone()).collect();
    state.edit_meeting_with_undo(id, T::AskMade, |m| m.asks.extend(records));
    spawn_local(async move {
        let mut out = Vec::new();
        for (_, link, to) in asks {
            if let Ok(href) = links::make_ask_href(&link).await {
                out.push(Made { to, kind, href });
            }
        }
        made.set(out);
    });
}

/// Copies a reminder, with the ask's link, for those who have not answered `ask_id`.
fn remind(state: AppState, id: &str, ask_id: &str, format: ChaseFormat) {
    let lang = state.prefs.lang.get_untracked();
    let Some((meeting, ask)) = state
        .with_meeting(id, |m| {
            m.asks
                .iter()
                .find(|a| a.id == ask_id)
                .map(|a| (m.clone(), a.clone()))
        })
        .flatten()
    else {
        return;
    };
    let waiting: Vec<String> = ask
        .to
        .iter()
        .filter(|person| !ask.has_answered(person))
        .map(|person| person_name(&meeting, person))
        .collect();
    // The same ask and secret, so a reply to either link is taken.
    let (_, link) = make_ask(
        &meeting,
        ask.kind,
        &ask.to,
        ask.id.clone(),
        ask.secret.clone(),
        browser::now(),
        lang,
    );
    spawn_local(async move {
        if let Ok(href) = links::make_ask_href(&link).await {
            let when = when(&meeting);
            let context = AskContext {
                kind: ask.kind,
                title: meeting.title_or_untitled(lang),
                when: &when,
                lang,
                format,
            };
            state.copy_to_clipboard(reminder_message(&context, &waiting, &href));
        }
    });
}

#[component]
pub fn AskPanel(current: Current, kinds: &'static [AskKind]) -> impl IntoView {
    let state = current.state;
    let lang = state.prefs.lang.get_untracked();
    let made = RwSignal::new(Vec::<Made>::new());
    let markdown = RwSignal::new(false);
    let format = move || match markdown.get_untracked() {
        true => ChaseFormat::Markdown,
        false => ChaseFormat::Plain,
    };
    let c = current.clone();
    let messages = move || {
        let made = made.get();
        markdown.track();
        c.read(|meeting| made_messages(meeting, &made, &when(meeting), format(), lang))
    };
    let c = current.clone();
    let drawn = messages.clone();
    let html = move || {
        let messages = drawn();
        c.read(|meeting| {
            let made_at = |ask: &AskRecord| browser::shown_time(ask.made_at);
            ask_panel_html(meeting, kinds, &messages, format(), made_at, lang)
        })
    };
    let id = current.id.clone();
    let click = move |event: leptos::ev::MouseEvent| {
        let Some(button) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("button").ok().flatten())
        else {
            return;
        };
        let attribute = |name: &str| button.get_attribute(name);
        if let Some(kind) = attribute("data-ask").and_then(|key| AskKind::from_key(&key)) {
            make(
                state,
                &id,
                kind,
                attribute("data-group").as_deref() == Some("1"),
                made,
            );
        } else if let Some(which) = attribute("data-copy") {
            let messages: Vec<String> =
                messages().into_iter().map(|(_, message)| message).collect();
            let text = match which.parse::<usize>() {
                Ok(index) => messages.get(index).cloned(),
                Err(_) => Some(messages.join("\n\n")),
            };
            if let Some(text) = text {
                state.copy_to_clipboard(text);
            }
        } else if let Some(ask_id) = attribute("data-remind") {
            remind(state, &id, &ask_id, format());
        }
    };
    // Plain text or Markdown, as the chase messages (F3).
    let choose_format = move |event: leptos::ev::Event| {
        let chosen = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::HtmlSelectElement>().ok())
            .filter(|select| select.has_attribute("data-format"))
            .map(|select| select.value() == "md");
        if let Some(chosen) = chosen {
            markdown.set(chosen);
        }
    };
    view! {
        <section class="sub-section" id="asks" data-testid="ask-panel">
            <h2>{T::AskPanelTitle.get(lang)}</h2>
            <p class="hint">{T::AskPanelHint.get(lang)}</p>
            <div inner_html=html on:click=click on:change=choose_format></div>
            <p><a href=Route::Replies(String::new()).href() data-testid="ask-take-replies">{T::AskPasteReplies.get(lang)}</a></p>
        </section>
    }
}
