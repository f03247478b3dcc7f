//! The answer page (A1): opened from an ask link on a phone, often inside a chat app's browser.
//! One short screen per kind of ask, each field with the guide's rule beside it; what is typed
//! is kept on the device until sent; "send" makes a signed reply link and copies it (or hands it
//! to the share sheet) for the person to paste back into the chat.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::domain::asks::AskKind;
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{ActionStatus, AttendanceStatus};
use crate::core::domain::time::{format_date, format_date_time, parse_date, LocalZone};
use crate::core::formats::asking::draft::Draft;
use crate::core::formats::asking::messages::reply_message;
use crate::core::formats::asking::AskLink;
use crate::store::drafts;
use crate::ui::state::AppState;
use crate::ui::{browser, links};

#[component]
pub fn AnswerPage(payload: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let link = RwSignal::new(None::<AskLink>);
    let error = RwSignal::new(None::<String>);
    let draft = RwSignal::new(None::<Draft>);
    spawn_local(async move {
        match links::read_ask(&payload).await {
            Ok(read) => {
                draft.set(Draft::restore(&read, drafts::load(&read.ask)));
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
            {move || error.get().map(|message| view! {
                <p class="error" role="alert" data-testid="answer-error">{message}</p>
            })}
            {move || link.get().map(|link| view! { <AnswerForm link draft/> })}
        </section>
    }
}

#[component]
fn AnswerForm(link: AskLink, draft: RwSignal<Option<Draft>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.prefs.lang.get_untracked();
    let link = StoredValue::new(link);
    let kept = RwSignal::new(None::<String>);
    let sent = RwSignal::new(None::<String>);
    let problem = RwSignal::new(None::<String>);

    // Every change is kept on the device at once: a reload, a crash or going offline loses none.
    let change = move |edit: &dyn Fn(&mut Draft)| {
        draft.update(|draft| {
            if let Some(draft) = draft {
                edit(draft);
            }
        });
        if let Some(current) = draft.get_untracked() {
            let lang = state.prefs.lang.get_untracked();
            kept.set(
                drafts::save(&link.with_value(|l| l.ask.clone()), &current)
                    .err()
                    .map(|error| error.message(lang)),
            );
        }
    };

    let header = link.with_value(|link| {
        let when = link
            .starts_at
            .map(|at| format_date_time(browser::DeviceZone.local(at)))
            .unwrap_or_default();
        view! {
            <header class="answer-head">
                <p class="muted">{link.kind.label().get(lang)}</p>
                <h1 data-testid="answer-title">{link.title.clone()}</h1>
                <dl class="answer-facts">
                    {(!when.is_empty()).then(|| view! {
                        <dt>{T::AnswerWhen.get(lang)}</dt>
                        <dd>{format!("{when} · {}′", link.minutes)}</dd>
                    })}
                    {(!link.place.trim().is_empty()).then(|| view! {
                        <dt>{T::AnswerPlace.get(lang)}</dt><dd>{link.place.clone()}</dd>
                    })}
                </dl>
                {(!link.objective.trim().is_empty()).then(|| view! { <p>{link.objective.clone()}</p> })}
                {(!link.agenda.is_empty()).then(|| view! {
                    <details>
                        <summary>{T::AnswerAgenda.get(lang)}</summary>
                        <ol>{link.agenda.iter().map(|item| view! { <li>{item.clone()}</li> }).collect_view()}</ol>
                    </details>
                })}
            </header>
        }
    });

    let pick = link.with_value(|asked| {
        (asked.people.len() > 1).then(|| {
            let options = asked
                .people
                .iter()
                .map(|p| view! { <option value=p.id.clone()>{p.name.clone()}</option> })
                .collect_view();
            view! {
                <label class="field">
                    <span>{T::AnswerPickName.get(lang)}</span>
                    <select
                        data-testid="answer-person"
                        on:change=move |ev| {
                            let person = event_target_value(&ev);
                            let fresh = link.with_value(|link| {
                                drafts::load(&link.ask)
                                    .filter(|d| d.person == person)
                                    .unwrap_or_else(|| Draft::new(link, &person))
                            });
                            draft.set(Some(fresh));
                        }
                    >
                        <option value="" selected=move || draft.with(Option::is_none)>"—"</option>
                        {options}
                    </select>
                </label>
            }
        })
    });

    let form = move || {
        let person = draft.with(|d| d.as_ref().map(|d| d.person.clone()))?;
        Some(match link.with_value(|l| l.kind) {
            AskKind::Attendance => attendance_form(link, draft, change, &person, lang).into_any(),
            AskKind::Actions => actions_form(link, draft, change, &person, lang).into_any(),
            AskKind::Feedback => feedback_form(draft, change, lang).into_any(),
        })
    };

    let send = move |_| {
        let Some(current) = draft.get_untracked() else {
            return;
        };
        let lang = state.prefs.lang.get_untracked();
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

    view! {
        {header}
        {pick}
        {form}
        <p class="hint">{T::AnswerDraftKept.get(lang)}</p>
        {move || kept.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
        {move || draft.with(Option::is_some).then(|| view! {
            <button type="button" class="primary answer-send" data-testid="answer-send" on:click=send>
                {T::AnswerSend.get(lang)}
            </button>
        })}
        {move || problem.get().map(|message| view! {
            <p class="error" role="alert" data-testid="answer-problem">{message}</p>
        })}
        {move || sent.get().map(|message| {
            let shared = message.clone();
            view! {
                <p class="ok" role="status" data-testid="answer-sent">{T::AnswerSent.get(lang)}</p>
                <textarea class="reply-text" readonly data-testid="answer-reply" rows="5">{message}</textarea>
                {browser::can_share().then(|| view! {
                    <button type="button" on:click=move |_| {
                        let shared = shared.clone();
                        spawn_local(async move { let _ = browser::share_text(&shared).await; });
                    }>{T::AnswerShare.get(lang)}</button>
                })}
            }
        })}
    }
}

/// A text field of the draft, with its label and an optional rule beside it.
fn text_field(
    draft: RwSignal<Option<Draft>>,
    change: impl Fn(&dyn Fn(&mut Draft)) + Copy + Send + Sync + 'static,
    label: &'static str,
    testid: &'static str,
    read: fn(&Draft) -> String,
    write: fn(&mut Draft, String),
    multiline: bool,
) -> impl IntoView {
    let value = move || draft.with(|d| d.as_ref().map(read).unwrap_or_default());
    let input = move |ev: leptos::ev::Event| {
        let text = event_target_value(&ev);
        change(&|d: &mut Draft| write(d, text.clone()));
    };
    view! {
        <label class="field wide">
            <span>{label}</span>
            {if multiline {
                view! { <textarea rows="3" data-testid=testid prop:value=value on:input=input></textarea> }.into_any()
            } else {
                view! { <input type="text" data-testid=testid prop:value=value on:input=input/> }.into_any()
            }}
        </label>
    }
}

fn attendance_form(
    link: StoredValue<AskLink>,
    draft: RwSignal<Option<Draft>>,
    change: impl Fn(&dyn Fn(&mut Draft)) + Copy + Send + Sync + 'static,
    person: &str,
    lang: Lang,
) -> impl IntoView {
    let coming = move || draft.with(|d| d.as_ref().is_some_and(|d| d.attendance.coming));
    let late = link.with_value(|l| l.answer_by().is_some_and(|by| browser::now() > by));
    let (bring, reads, status) = link.with_value(|l| {
        let asked = l.people.iter().find(|p| p.id == person);
        (
            asked.map(|p| p.bring.clone()).unwrap_or_default(),
            l.reads.clone(),
            asked.map(|p| p.status).unwrap_or_default(),
        )
    });
    let choice = move |value: bool, label: T, testid: &'static str| {
        view! {
            <label class="check">
                <input type="radio" name="answer-coming" data-testid=testid
                    prop:checked=move || coming() == value
                    on:change=move |_| change(&|d: &mut Draft| d.attendance.coming = value)/>
                {label.get(lang)}
            </label>
        }
    };
    view! {
        <fieldset class="answer-block">
            <legend>{T::ReplyFieldAttendance.get(lang)}</legend>
            {(status != AttendanceStatus::Pending).then(|| view! {
                <p class="muted">{status.label().get(lang)}</p>
            })}
            {choice(true, T::AnswerComing, "answer-coming")}
            {choice(false, T::AnswerLeave, "answer-leave")}
            <p class="rule">{T::AnswerRuleLeave.get(lang)}</p>
            {late.then(|| view! { <p class="warning" data-testid="answer-late">{T::AnswerLate.get(lang)}</p> })}
            {move || (!coming()).then(|| view! {
                {text_field(draft, change, T::AnswerReason.get(lang), "answer-reason",
                    |d| d.attendance.reason.clone(), |d, t| d.attendance.reason = t, false)}
                {text_field(draft, change, T::AnswerSubstitute.get(lang), "answer-substitute",
                    |d| d.attendance.substitute.clone(), |d, t| d.attendance.substitute = t, false)}
            })}
        </fieldset>
        {(!reads.is_empty()).then(|| view! {
            <fieldset class="answer-block">
                <legend>{T::AnswerReads.get(lang)}</legend>
                <ul>{reads.iter().map(|read| {
                    let title = read.title.clone();
                    let href = read.link.clone();
                    if href.starts_with("https://") || href.starts_with("http://") {
                        view! { <li><a href=href target="_blank" rel="noopener noreferrer">{title}</a></li> }.into_any()
                    } else {
                        view! { <li>{title}</li> }.into_any()
                    }
                }).collect_view()}</ul>
                <label class="check">
                    <input type="checkbox" data-testid="answer-read"
                        prop:checked=move || draft.with(|d| d.as_ref().is_some_and(|d| d.attendance.read))
                        on:change=move |ev| {
                            let read = event_target_checked(&ev);
                            change(&|d: &mut Draft| d.attendance.read = read);
                        }/>
                    {T::AnswerRead.get(lang)}
                </label>
                <p class="rule">{T::AnswerRuleRead.get(lang)}</p>
            </fieldset>
        })}
        <fieldset class="answer-block">
            <legend>{T::ReplyFieldRisks.get(lang)}</legend>
            {(!bring.trim().is_empty()).then(|| view! { <p class="rule">{tr(lang, T::AnswerBring, &[&bring])}</p> })}
            {text_field(draft, change, T::AnswerRisks.get(lang), "answer-risks",
                |d| d.attendance.risks.clone(), |d, t| d.attendance.risks = t, true)}
        </fieldset>
    }
}

fn actions_form(
    link: StoredValue<AskLink>,
    draft: RwSignal<Option<Draft>>,
    change: impl Fn(&dyn Fn(&mut Draft)) + Copy + Send + Sync + 'static,
    person: &str,
    lang: Lang,
) -> impl IntoView {
    let today = browser::today();
    let actions: Vec<_> = link.with_value(|l| l.actions_of(person).cloned().collect());
    if actions.is_empty() {
        return view! { <p class="empty">{T::AnswerNoActions.get(lang)}</p> }.into_any();
    }
    let rows = actions
        .into_iter()
        .enumerate()
        .map(|(index, action)| {
            let id = StoredValue::new(action.id.clone());
            let late = action.deadline.is_some_and(|d| d < today);
            let due = action.deadline.map(|d| {
                let key = if late { T::AnswerOverdue } else { T::AnswerDue };
                tr(lang, key, &[&format_date(d)])
            });
            let read = move |get: fn(&crate::core::formats::asking::ActionAnswer) -> String| {
                move || {
                    draft.with(|d| {
                        d.as_ref()
                            .and_then(|d| d.actions.iter().find(|a| id.with_value(|id| a.id == *id)))
                            .map(get)
                            .unwrap_or_default()
                    })
                }
            };
            let write = move |set: fn(&mut crate::core::formats::asking::ActionAnswer, String)| {
                move |ev: leptos::ev::Event| {
                    let value = event_target_value(&ev);
                    change(&|d: &mut Draft| {
                        if let Some(answer) = id.with_value(|id| d.action_mut(id)) {
                            set(answer, value.clone());
                        }
                    });
                }
            };
            let statuses = ActionStatus::ALL
                .into_iter()
                .map(|status| view! { <option value=status.key()>{status.label().get(lang)}</option> })
                .collect_view();
            view! {
                <fieldset class="answer-block" data-testid=format!("answer-action-{index}")>
                    <legend>{action.task.clone()}</legend>
                    {(!action.acceptance.trim().is_empty()).then(|| view! { <p class="muted">{action.acceptance.clone()}</p> })}
                    {due.map(|due| view! { <p class=if late { "warning" } else { "muted" }>{due}</p> })}
                    <label class="field">
                        <span>{T::ReplyFieldStatus.get(lang)}</span>
                        <select data-testid=format!("answer-status-{index}")
                            prop:value=read(|a| a.status.key().to_owned())
                            on:change=write(|a, v| if let Some(s) = ActionStatus::from_key(&v) { a.status = s })>
                            {statuses}
                        </select>
                    </label>
                    <label class="field wide">
                        <span>{T::AnswerNote.get(lang)}</span>
                        <textarea rows="2" data-testid=format!("answer-note-{index}")
                            prop:value=read(|a| a.note.clone()) on:input=write(|a, v| a.note = v)></textarea>
                    </label>
                    {late.then(|| view! {
                        <label class="field">
                            <span>{T::AnswerNewDate.get(lang)}</span>
                            <input type="date" data-testid=format!("answer-date-{index}")
                                prop:value=read(|a| a.new_deadline.map(format_date).unwrap_or_default())
                                on:change=write(|a, v| a.new_deadline = parse_date(&v))/>
                        </label>
                        <label class="field wide">
                            <span>{T::AnswerWhy.get(lang)}</span>
                            <input type="text" data-testid=format!("answer-why-{index}")
                                prop:value=read(|a| a.why.clone()) on:input=write(|a, v| a.why = v)/>
                        </label>
                    })}
                </fieldset>
            }
        })
        .collect_view();
    view! {
        <p class="rule">{T::AnswerRuleProgress.get(lang)}</p>
        {rows}
    }
    .into_any()
}

fn feedback_form(
    draft: RwSignal<Option<Draft>>,
    change: impl Fn(&dyn Fn(&mut Draft)) + Copy + Send + Sync + 'static,
    lang: Lang,
) -> impl IntoView {
    let yes_no = move |name: &'static str,
                       legend: T,
                       read: fn(&Draft) -> Option<bool>,
                       write: fn(&mut Draft, bool)| {
        let choice = move |value: bool, label: T| {
            view! {
                <label class="check">
                    <input type="radio" name=name data-testid=format!("{name}-{value}")
                        prop:checked=move || draft.with(|d| d.as_ref().and_then(read) == Some(value))
                        on:change=move |_| change(&|d: &mut Draft| write(d, value))/>
                    {label.get(lang)}
                </label>
            }
        };
        view! {
            <fieldset class="answer-block">
                <legend>{legend.get(lang)}</legend>
                {choice(true, T::Yes)}
                {choice(false, T::No)}
            </fieldset>
        }
    };
    let stars = (1..=5u8)
        .map(|value| view! {
            <label class="check">
                <input type="radio" name="answer-rating" data-testid=format!("answer-rating-{value}")
                    prop:checked=move || draft.with(|d| d.as_ref().and_then(|d| d.feedback.rating) == Some(value))
                    on:change=move |_| change(&|d: &mut Draft| d.feedback.rating = Some(value))/>
                {value}
            </label>
        })
        .collect_view();
    view! {
        <p class="rule">{T::AnswerRuleFeedback.get(lang)}</p>
        {yes_no("answer-time", T::AnswerTimeRight, |d| d.feedback.time_right, |d, v| d.feedback.time_right = Some(v))}
        {yes_no("answer-materials", T::AnswerMaterialsEnough, |d| d.feedback.materials_enough, |d, v| d.feedback.materials_enough = Some(v))}
        <fieldset class="answer-block">
            <legend>{T::AnswerRating.get(lang)}</legend>
            {stars}
        </fieldset>
        {text_field(draft, change, T::AnswerComment.get(lang), "answer-comment",
            |d| d.feedback.comment.clone(), |d, t| d.feedback.comment = t, true)}
    }
}
