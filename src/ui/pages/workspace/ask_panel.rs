//! Asking people for answers (A1): one link per person or one for the group, as chat messages
//! to copy; the asks sent, who has answered each and who has not, with a reminder for those.
//! Drawn as HTML text (`core/view/asks_html.rs`) with one click handler.

use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use super::fields::Current;
use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::{Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::time::{format_date_time, LocalZone};
use crate::core::formats::asking::intake::person_name;
use crate::core::formats::asking::make::{askable, make_ask};
use crate::core::formats::asking::messages::{ask_message, reminder_message, AskContext};
use crate::core::formats::chase::ChaseFormat;
use crate::core::view::asks_html::{ask_panel_html, Made};
use crate::core::view::route::Route;
use crate::ui::state::AppState;
use crate::ui::{browser, links};

fn when(meeting: &Meeting) -> String {
    meeting
        .schedule
        .starts_at
        .map(|at| format_date_time(browser::DeviceZone.local(at)))
        .unwrap_or_default()
}

fn context<'a>(meeting: &'a Meeting, kind: AskKind, when: &'a str, lang: Lang) -> AskContext<'a> {
    AskContext {
        kind,
        title: meeting.title_or_untitled(lang),
        when,
        lang,
        format: ChaseFormat::Plain,
    }
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
        let when = when(&meeting);
        let mut out = Vec::new();
        for (_, link, to) in asks {
            let Ok(href) = links::make_ask_href(&link).await else {
                continue;
            };
            let message = ask_message(&context(&meeting, kind, &when, lang), to.as_deref(), &href);
            out.push(Made {
                to: to.unwrap_or_else(|| T::AskMakeGroup.get(lang).to_owned()),
                message,
            });
        }
        made.set(out);
    });
}

/// Copies a reminder, with the ask's link, for those who have not answered `ask_id`.
fn remind(state: AppState, id: &str, ask_id: &str) {
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
            state.copy_to_clipboard(reminder_message(
                &context(&meeting, ask.kind, &when, lang),
                &waiting,
                &href,
            ));
        }
    });
}

#[component]
pub fn AskPanel(current: Current, kinds: &'static [AskKind]) -> impl IntoView {
    let state = current.state;
    let lang = state.prefs.lang.get_untracked();
    let made = RwSignal::new(Vec::<Made>::new());
    let c = current.clone();
    let html = move || {
        let made = made.get();
        c.read(|meeting| {
            let made_at = |ask: &AskRecord| {
                ask.made_at
                    .map(|at| format_date_time(browser::DeviceZone.local(at)))
                    .unwrap_or_default()
            };
            ask_panel_html(meeting, kinds, &made, made_at, lang)
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
            let text = made.with_untracked(|made| match which.parse::<usize>() {
                Ok(index) => made.get(index).map(|m| m.message.clone()),
                Err(_) => Some(
                    made.iter()
                        .map(|m| m.message.as_str())
                        .collect::<Vec<_>>()
                        .join("\n\n"),
                ),
            });
            if let Some(text) = text {
                state.copy_to_clipboard(text);
            }
        } else if let Some(ask_id) = attribute("data-remind") {
            remind(state, &id, &ask_id);
        }
    };
    view! {
        <section class="sub-section" id="asks" data-testid="ask-panel">
            <h2>{T::AskPanelTitle.get(lang)}</h2>
            <p class="hint">{T::AskPanelHint.get(lang)}</p>
            <div inner_html=html on:click=click></div>
            <p><a href=Route::Replies(String::new()).href() data-testid="ask-take-replies">{T::AskPasteReplies.get(lang)}</a></p>
        </section>
    }
}
