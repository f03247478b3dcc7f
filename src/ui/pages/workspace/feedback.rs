//! After the meeting (F5): quick feedback, three questions a participant answers in seconds, and
//! the improvement notes that the plan tab of the series' next meeting shows.

use leptos::prelude::*;

use super::fields::Current;
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::Feedback;
use crate::core::domain::retro::FeedbackTally;
use crate::ui::browser;

#[component]
pub fn FeedbackForm(current: Current) -> impl IntoView {
    let state = current.state;
    let agenda_ok = RwSignal::new(None::<bool>);
    let materials_ok = RwSignal::new(None::<bool>);
    let rating = RwSignal::new(None::<u8>);
    let comment = RwSignal::new(String::new());
    let incomplete = RwSignal::new(false);

    let yes_no = move |name: &'static str, legend: T, answer: RwSignal<Option<bool>>| {
        let choice = move |value: bool, label: T| {
            view! {
                <label class="check">
                    <input
                        type="radio"
                        name=name
                        data-testid=format!("{name}-{value}")
                        prop:checked=move || answer.get() == Some(value)
                        on:change=move |_| answer.set(Some(value))
                    />
                    {state.text(label)}
                </label>
            }
        };
        view! {
            <fieldset class="inline-choices">
                <legend>{state.text(legend)}</legend>
                {choice(true, T::Yes)}
                {choice(false, T::No)}
            </fieldset>
        }
    };
    let stars = (1..=5u8)
        .map(|value| {
            view! {
                <label class="check">
                    <input
                        type="radio"
                        name="fb-rating"
                        data-testid=format!("fb-rating-{value}")
                        prop:checked=move || rating.get() == Some(value)
                        on:change=move |_| rating.set(Some(value))
                    />
                    {value}
                </label>
            }
        })
        .collect_view();

    let c = current.clone();
    let record = move |_| {
        let (Some(agenda), Some(materials), Some(score)) = (
            agenda_ok.get_untracked(),
            materials_ok.get_untracked(),
            rating.get_untracked(),
        ) else {
            incomplete.set(true);
            return;
        };
        incomplete.set(false);
        let feedback = Feedback {
            given_at: Some(browser::now()),
            agenda_time_right: Some(agenda),
            materials_enough: Some(materials),
            rating: Some(score),
            comment: comment.get_untracked().trim().to_owned(),
        };
        let mut count = 0;
        c.edit(|m| {
            m.feedback.push(feedback);
            count = m.feedback.len();
        });
        agenda_ok.set(None);
        materials_ok.set(None);
        rating.set(None);
        comment.set(String::new());
        state.toasts.show(
            tr(
                state.prefs.lang.get_untracked(),
                T::FeedbackRecorded,
                &[&count.to_string()],
            ),
            None,
        );
    };

    let c = current.clone();
    let summary = move || {
        let tally = c.read(|m| FeedbackTally::of(&m.feedback));
        (tally.responses > 0).then(|| {
            view! { <p class="muted" data-testid="feedback-summary">{tally.summary(state.prefs.lang.get())}</p> }
        })
    };

    view! {
        <section class="sub-section" id="feedback">
            <h2>{state.text(T::FeedbackTitle)}</h2>
            <p class="hint">{state.text(T::FeedbackHint)}</p>
            {summary}
            <div class="feedback-form">
                {yes_no("fb-agenda", T::FeedbackAgendaTime, agenda_ok)}
                {yes_no("fb-materials", T::FeedbackMaterials, materials_ok)}
                <fieldset class="inline-choices">
                    <legend>{state.text(T::FeedbackRating)}</legend>
                    {stars}
                </fieldset>
                <label class="field wide">
                    <span>{state.text(T::FeedbackComment)}</span>
                    <input type="text" data-testid="fb-comment" prop:value=move || comment.get()
                        on:input=move |ev| comment.set(event_target_value(&ev))/>
                </label>
                {move || incomplete.get().then(|| view! {
                    <p class="error" role="alert">{state.text(T::FeedbackIncomplete)}</p>
                })}
                <button type="button" data-testid="fb-record" on:click=record>{state.text(T::FeedbackAdd)}</button>
            </div>
        </section>
        <ImprovementNotes current/>
    }
}

#[component]
fn ImprovementNotes(current: Current) -> impl IntoView {
    let state = current.state;
    let draft = RwSignal::new(String::new());
    let c = current.clone();
    let add = move |ev: leptos::ev::KeyboardEvent| {
        if !browser::is_enter(&ev) {
            return;
        }
        let note = draft.get_untracked().trim().to_owned();
        if !note.is_empty() {
            c.edit(|m| m.improvement_notes.push(note));
            draft.set(String::new());
        }
    };
    let c = current.clone();
    let notes = move || {
        let notes = c.read(|m| m.improvement_notes.clone());
        if notes.is_empty() {
            return view! { <p class="empty-inline">{state.text(T::ImprovementNone)}</p> }
                .into_any();
        }
        let rows = notes
            .into_iter()
            .enumerate()
            .map(|(index, note)| {
                let c = c.clone();
                let remove = move |_| {
                    c.edit_with_undo(T::RowRemoved, |m| {
                        if index < m.improvement_notes.len() {
                            m.improvement_notes.remove(index);
                        }
                    })
                };
                view! {
                    <li class="row">
                        <span>{note}</span>
                        <button type="button" class="quiet" aria-label=state.text(T::Delete) on:click=remove>"×"</button>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="rows" data-testid="improvement-notes">{rows}</ul> }.into_any()
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::ImprovementTitle)}</h2>
            {notes}
            <input
                type="text"
                class="wide"
                data-testid="improvement-input"
                aria-label=state.text(T::ImprovementTitle)
                placeholder=state.text(T::ImprovementPlaceholder)
                prop:value=move || draft.get()
                on:input=move |ev| draft.set(event_target_value(&ev))
                on:keydown=add
            />
        </section>
    }
}
