//! Asking people for answers (A1): one link per person or one for the group, as chat messages
//! to copy; the asks sent, who has answered each and who has not, with a reminder for those.

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::fields::Current;
use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::time::{format_date_time, LocalZone};
use crate::core::formats::asking::intake::person_name;
use crate::core::formats::asking::make::{askable, make_ask};
use crate::core::formats::asking::messages::{ask_message, reminder_message, AskContext};
use crate::core::formats::chase::ChaseFormat;
use crate::core::view::route::Route;
use crate::ui::{browser, links};

/// A message made for one person, or for the group.
#[derive(Clone)]
struct Made {
    to: String,
    message: String,
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

fn when(meeting: &Meeting) -> String {
    meeting
        .schedule
        .starts_at
        .map(|at| format_date_time(browser::DeviceZone.local(at)))
        .unwrap_or_default()
}

#[component]
pub fn AskPanel(current: Current, kinds: &'static [AskKind]) -> impl IntoView {
    let state = current.state;
    let lang = state.prefs.lang.get_untracked();
    let made = RwSignal::new(Vec::<Made>::new());
    let id = current.id.clone();

    let c = current.clone();
    let make = move |kind: AskKind, group: bool| {
        let Some((meeting, people)) = state.with_meeting(&id, |m| (m.clone(), askable(m, kind)))
        else {
            return;
        };
        let sets: Vec<Vec<_>> = if group {
            vec![people]
        } else {
            people.into_iter().map(|p| vec![p]).collect()
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
        c.edit_with_undo(T::AskMade, |m| m.asks.extend(records));
        spawn_local(async move {
            let when = when(&meeting);
            let mut out = Vec::new();
            for (_, link, to) in asks {
                let Ok(href) = links::make_ask_href(&link).await else {
                    continue;
                };
                let message =
                    ask_message(&context(&meeting, kind, &when, lang), to.as_deref(), &href);
                out.push(Made {
                    to: to.unwrap_or_else(|| T::AskMakeGroup.get(lang).to_owned()),
                    message,
                });
            }
            made.set(out);
        });
    };

    let buttons = kinds
        .iter()
        .map(|&kind| {
            let (m1, m2) = (make.clone(), make.clone());
            let c = current.clone();
            let nobody = move || c.read(|m| askable(m, kind).is_empty());
            view! {
                <div class="button-row ask-kind">
                    <strong>{kind.label().get(lang)}</strong>
                    <button type="button" data-testid=format!("ask-each-{}", kind_slug(kind))
                        disabled=nobody.clone() on:click=move |_| m1(kind, false)>
                        {T::AskMakePerPerson.get(lang)}
                    </button>
                    <button type="button" data-testid=format!("ask-group-{}", kind_slug(kind))
                        disabled=nobody on:click=move |_| m2(kind, true)>
                        {T::AskMakeGroup.get(lang)}
                    </button>
                </div>
            }
        })
        .collect_view();

    let messages = move || {
        let made = made.get();
        (!made.is_empty()).then(|| {
            let all = made
                .iter()
                .map(|m| m.message.clone())
                .collect::<Vec<_>>()
                .join("\n\n");
            view! {
                <div class="ask-messages" data-testid="ask-messages">
                    {made.into_iter().map(|m| {
                        let text = m.message.clone();
                        view! {
                            <div class="ask-message" data-testid="ask-message">
                                <strong>{m.to}</strong>
                                <textarea readonly rows="4" data-testid="ask-message-text">{m.message}</textarea>
                                <button type="button" on:click=move |_| state.copy_to_clipboard(text.clone())>
                                    {T::AskCopyMessage.get(lang)}
                                </button>
                            </div>
                        }
                    }).collect_view()}
                    <button type="button" on:click=move |_| state.copy_to_clipboard(all.clone())>
                        {T::AskCopyAll.get(lang)}
                    </button>
                </div>
            }
        })
    };

    let c = current.clone();
    let sent = move || {
        let asks: Vec<AskRecord> = c.read(|m| {
            m.asks
                .iter()
                .filter(|a| kinds.contains(&a.kind))
                .cloned()
                .collect()
        });
        (!asks.is_empty()).then(|| {
            let rows = asks
                .into_iter()
                .rev()
                .map(|ask| view! { <SentAsk current=c.clone() ask/> })
                .collect_view();
            view! {
                <h3>{T::AskEarlier.get(lang)}</h3>
                <ul class="plain-list asks-sent">{rows}</ul>
            }
        })
    };

    view! {
        <section class="sub-section" id="asks" data-testid="ask-panel">
            <h2>{T::AskPanelTitle.get(lang)}</h2>
            <p class="hint">{T::AskPanelHint.get(lang)}</p>
            {buttons}
            {messages}
            {sent}
            <p><a href=Route::Replies(String::new()).href() data-testid="ask-take-replies">{T::AskPasteReplies.get(lang)}</a></p>
        </section>
    }
}

fn kind_slug(kind: AskKind) -> &'static str {
    match kind {
        AskKind::Attendance => "attendance",
        AskKind::Actions => "actions",
        AskKind::Feedback => "feedback",
    }
}

/// One ask sent: who has answered, who has not, and a reminder for those.
#[component]
fn SentAsk(current: Current, ask: AskRecord) -> impl IntoView {
    let state = current.state;
    let lang = state.prefs.lang.get_untracked();
    let Some(meeting) = state.with_meeting(&current.id, Meeting::clone) else {
        return ().into_any();
    };
    let name = |id: &String| person_name(&meeting, id);
    let (answered, waiting): (Vec<&String>, Vec<&String>) =
        ask.to.iter().partition(|person| ask.has_answered(person));
    let answered: Vec<String> = answered.into_iter().map(name).collect();
    let waiting_names: Vec<String> = waiting.iter().map(|p| name(p)).collect();
    let list = |names: &[String]| names.join(T::AirtimeListSeparator.get(lang));
    let made_at = ask
        .made_at
        .map(|at| format_date_time(browser::DeviceZone.local(at)))
        .unwrap_or_default();
    let heading = tr(
        lang,
        T::AskMadeAt,
        &[
            ask.kind.label().get(lang),
            &made_at,
            &ask.to.len().to_string(),
        ],
    );
    let remind = {
        let waiting_names = waiting_names.clone();
        move |_| {
            let (record, link) = make_ask(
                &meeting,
                ask.kind,
                &ask.to,
                ask.id.clone(),
                ask.secret.clone(),
                browser::now(),
                lang,
            );
            let meeting = meeting.clone();
            let waiting = waiting_names.clone();
            spawn_local(async move {
                if let Ok(href) = links::make_ask_href(&link).await {
                    let when = when(&meeting);
                    let text = reminder_message(
                        &context(&meeting, record.kind, &when, lang),
                        &waiting,
                        &href,
                    );
                    state.copy_to_clipboard(text);
                }
            });
        }
    };
    view! {
        <li data-testid="ask-sent">
            <span>{heading}</span>
            {(!answered.is_empty()).then(|| view! {
                <span class="ok" data-testid="ask-answered">{tr(lang, T::AskAnswered, &[&list(&answered)])}</span>
            })}
            {if waiting_names.is_empty() {
                view! { <span class="ok">{T::AskAllAnswered.get(lang)}</span> }.into_any()
            } else {
                view! {
                    <span class="warning" data-testid="ask-waiting">{tr(lang, T::AskWaiting, &[&list(&waiting_names)])}</span>
                    <button type="button" data-testid="ask-remind" on:click=remind>{T::AskCopyReminder.get(lang)}</button>
                }.into_any()
            }}
        </li>
    }
    .into_any()
}
