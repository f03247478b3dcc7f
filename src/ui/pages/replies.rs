//! Taking in replies (A1): a reply link opened here, or any stretch of chat pasted with one
//! reply or many among other messages. Each reply is checked against its ask (MAC, meeting,
//! person, not already taken), previewed per person and field, and applied in one undoable step.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::domain::i18n::{tr, T};
use crate::core::formats::asking::find_reply_tokens;
use crate::core::formats::asking::intake::{edit, Intake};
use crate::core::view::route::{Route, Stage};
use crate::ui::state::{display_title, AppState};
use crate::ui::{browser, links};

/// One reply found in the text: what it proposes, or why it was refused.
#[derive(Clone)]
enum Found {
    Checked {
        intake: Intake,
        chosen: RwSignal<Vec<bool>>,
        applied: RwSignal<bool>,
    },
    Refused(String),
}

#[component]
pub fn RepliesPage(token: String) -> impl IntoView {
    let state = expect_context::<AppState>();
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
        let lang = state.prefs.lang.get_untracked();
        reading.set(true);
        spawn_local(async move {
            let meetings = state.meetings.get_untracked();
            let mut results = Vec::with_capacity(tokens.len());
            for (index, token) in tokens.iter().enumerate() {
                results.push(
                    match links::check_reply(token, &meetings, browser::now(), lang).await {
                        Ok(intake) => Found::Checked {
                            chosen: RwSignal::new(intake.default_choice()),
                            intake,
                            applied: RwSignal::new(false),
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

    view! {
        <section class="replies-page">
            <h1>{state.text(T::RepliesTitle)}</h1>
            <p class="hint">{state.text(T::RepliesHint)}</p>
            <textarea
                class="replies-paste"
                rows="6"
                data-testid="replies-paste"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="button-row">
                <button type="button" class="primary" data-testid="replies-read" on:click=move |_| read()>
                    {state.text(T::RepliesRead)}
                </button>
            </div>
            {move || reading.get().then(|| view! {
                <p class="loading" role="status">{state.text(T::RepliesReading)}</p>
            })}
            {move || found.get().map(|found| {
                if found.is_empty() {
                    return view! { <p class="empty" data-testid="replies-none">{state.text(T::RepliesNone)}</p> }.into_any();
                }
                found.into_iter().map(|found| match found {
                    Found::Refused(message) => view! {
                        <p class="error" role="alert" data-testid="reply-refused">{message}</p>
                    }.into_any(),
                    Found::Checked { intake, chosen, applied } => view! {
                        <ReplyCard intake chosen applied/>
                    }.into_any(),
                }).collect_view().into_any()
            })}
        </section>
    }
}

#[component]
fn ReplyCard(
    intake: Intake,
    chosen: RwSignal<Vec<bool>>,
    applied: RwSignal<bool>,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.prefs.lang.get_untracked();
    let meeting_id = intake.meeting_id.clone();
    let title = state
        .with_meeting(&meeting_id, |m| display_title(m, lang))
        .unwrap_or_default();
    let who = intake.who.clone();
    let href = Route::Meeting {
        id: meeting_id.clone(),
        stage: Stage::Prepare,
    }
    .href();
    let rows = intake
        .proposals
        .iter()
        .enumerate()
        .map(|(index, proposal)| {
            let pick = move |take: bool| {
                chosen.update(|chosen| {
                    if let Some(slot) = chosen.get_mut(index) {
                        *slot = take;
                    }
                })
            };
            let taken = move || chosen.with(|c| c.get(index).copied().unwrap_or(false));
            let name = format!("reply-{}-{index}", intake.reply.ask);
            view! {
                <tr class:conflict=proposal.conflict data-testid="reply-change">
                    <td>{proposal.who.clone()}</td>
                    <td>{proposal.field.get(lang)}
                        {proposal.late.then(|| view! { <span class="badge warning" data-testid="reply-late">{T::RepliesLate.get(lang)}</span> })}
                    </td>
                    <td class="was">{proposal.now.clone()}</td>
                    <td class="answer">{proposal.answer.clone()}</td>
                    <td>{if proposal.conflict {
                        view! {
                            <fieldset class="inline-choices" data-testid="reply-conflict">
                                <legend class="sr-only">{T::RepliesConflict.get(lang)}</legend>
                                <label class="check"><input type="radio" name=name.clone()
                                    prop:checked=move || !taken() on:change=move |_| pick(false)/>
                                    {T::RepliesKeepMine.get(lang)}</label>
                                <label class="check"><input type="radio" name=name data-testid="reply-take-theirs"
                                    prop:checked=taken on:change=move |_| pick(true)/>
                                    {T::RepliesTakeTheirs.get(lang)}</label>
                            </fieldset>
                        }.into_any()
                    } else {
                        view! {
                            <input type="checkbox" aria-label=T::RepliesApply.get(lang)
                                prop:checked=taken on:change=move |ev| pick(event_target_checked(&ev))/>
                        }.into_any()
                    }}</td>
                </tr>
            }
        })
        .collect_view();
    let conflicts = intake.proposals.iter().any(|p| p.conflict);
    let left_out = intake.left_out;
    let intake = StoredValue::new(intake);
    let apply = move |_| {
        let choice = chosen.get_untracked();
        let Some(step) = state.with_meeting(&meeting_id, |meeting| {
            intake.with_value(|intake| edit(meeting, intake, &choice))
        }) else {
            return;
        };
        let who = intake.with_value(|i| i.who.clone());
        state.dispatch_many_with_undo(
            vec![(meeting_id.clone(), step)],
            tr(lang, T::RepliesApplied, &[&who]),
        );
        applied.set(true);
    };
    view! {
        <article class="card reply-card" data-testid="reply-card">
            <h2>{who.clone()}" · "<a href=href>{title}</a></h2>
            {conflicts.then(|| view! { <p class="warning">{T::RepliesConflict.get(lang)}</p> })}
            {(left_out > 0).then(|| view! { <p class="muted">{tr(lang, T::RepliesLeftOut, &[&left_out.to_string()])}</p> })}
            {if intake.with_value(|i| i.proposals.is_empty()) {
                view! { <p class="muted">{T::RepliesNothing.get(lang)}</p> }.into_any()
            } else {
                view! { <div class="table-scroll"><table class="reply-changes"><tbody>{rows}</tbody></table></div> }.into_any()
            }}
            <button type="button" class="primary" data-testid="reply-apply"
                disabled=move || applied.get() on:click=apply>
                {T::RepliesApply.get(lang)}
            </button>
        </article>
    }
}
