//! The retrospective page (F5): per series or per quarter, the goal achievement rate, each held
//! meeting's overrun, the feedback in one line and the latest improvement notes; per series,
//! what to change in the next meeting (F6). Each card is drawn as text by `review_html`. The
//! review downloads as Markdown and CSV, and the page itself prints (the print stylesheet hides
//! its buttons).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::domain::coaching::{
    carry, coach, next_meeting, of_series, preview, series_reviews, SeriesReview,
};
use crate::core::domain::cost::{cost_review, figures_text};
use crate::core::domain::grouping::{when, Grouping};
use crate::core::domain::i18n::{Lang, T};
use crate::core::domain::retro::{retrospective, RetroGroup};
use crate::core::domain::time::format_date;
use crate::core::formats::export::review::{review_csv, review_markdown};
use crate::core::view::review_html;
use crate::ui::browser;
use crate::ui::state::AppState;

#[component]
pub fn Review() -> impl IntoView {
    let state = expect_context::<AppState>();
    let grouping = RwSignal::new(Grouping::Series);
    let zone = &browser::DeviceZone;
    let download = move |csv: bool| {
        let lang = state.prefs.lang.get_untracked();
        let today = browser::today();
        let (text, mime, extension) = state.meetings.with_untracked(|meetings| {
            let reviews = series_reviews(meetings, today, zone, lang);
            match csv {
                true => (review_csv(&reviews, lang), "text/csv;charset=utf-8", "csv"),
                false => (
                    review_markdown(&reviews, lang),
                    "text/markdown;charset=utf-8",
                    "md",
                ),
            }
        });
        let name = format!(
            "crossmeet-{}-{}.{extension}",
            T::ReviewFileName.get(lang),
            format_date(today)
        );
        state.download(&name, mime, &text);
    };
    // Each group with its cost line and, by series, the proposals for its next meeting.
    let cards = move || {
        let today = browser::today();
        let (grouping, lang) = (grouping.get(), state.prefs.lang.get());
        let rate = state.prefs.rate();
        state.meetings.with(|meetings| {
            let costs = cost_review(meetings, grouping, zone, lang);
            let cost_of = |group: &RetroGroup| {
                costs
                    .iter()
                    .find(|cost| cost.label == group.label)
                    .map(|c| figures_text(c.planned, Some(c.actual), Some(c.overrun), rate, lang))
            };
            // By quarter there is nothing to propose: the proposals are per series.
            let cards: Vec<_> = if grouping == Grouping::Series {
                series_reviews(meetings, today, zone, lang)
                    .iter()
                    .map(|review| {
                        let extra = review.series_id.is_some().then(|| coaching(review, lang));
                        group_card(&review.group, cost_of(&review.group), lang, extra, state)
                    })
                    .collect()
            } else {
                retrospective(meetings, grouping, today, zone, lang)
                    .iter()
                    .map(|group| group_card(group, cost_of(group), lang, None, state))
                    .collect()
            };
            if cards.is_empty() {
                return view! { <p class="empty">{T::ReviewEmpty.get(lang)}</p> }.into_any();
            }
            cards.into_any()
        })
    };
    let toggle = move |value: Grouping, label: T| {
        view! {
            <button
                type="button"
                aria-pressed=move || (grouping.get() == value).to_string()
                on:click=move |_| grouping.set(value)
            >
                {state.text(label)}
            </button>
        }
    };
    view! {
        <section class="review printable">
            <h1>{state.text(T::ReviewTitle)}</h1>
            <p class="hint">{state.text(T::ReviewHint)}</p>
            <div class="toolbar">
                <div class="segmented" role="group" aria-label=state.text(T::ReviewTitle)>
                    {toggle(Grouping::Series, T::ReviewBySeries)}
                    {toggle(Grouping::Quarter, T::ReviewByQuarter)}
                </div>
                <button type="button" data-testid="review-md" on:click=move |_| download(false)>{state.text(T::ReviewDownloadMd)}</button>
                <button type="button" data-testid="review-csv" on:click=move |_| download(true)>{state.text(T::ReviewDownloadCsv)}</button>
                <button type="button" data-testid="review-print" on:click=|_| browser::print()>{state.text(T::ReviewPrint)}</button>
            </div>
            {cards}
        </section>
    }
}

/// A card drawn by `review_html`; a series' card takes the clicks of its proposals' buttons.
fn group_card(
    group: &RetroGroup,
    cost: Option<String>,
    lang: Lang,
    coaching: Option<(String, Option<String>)>,
    state: AppState,
) -> impl IntoView {
    let (extra, series_id) = coaching.unwrap_or_default();
    let html = review_html::card(group, cost.as_deref(), &extra, lang);
    view! {
        <article class="card retro-group" data-testid="retro-group" inner_html=html
            on:click=move |event| carry_clicked(state, series_id.clone(), lang, event)></article>
    }
}

/// The proposals for a series' next meeting, drawn by `review_html`, and the series they are for.
fn coaching(review: &SeriesReview<'_>, lang: Lang) -> (String, Option<String>) {
    let zone = &browser::DeviceZone;
    let previews: Vec<Option<String>> = review
        .coaching
        .findings
        .iter()
        .map(|finding| {
            review
                .next
                .and_then(|next| preview(next, finding, zone, lang))
        })
        .collect();
    (
        review_html::coaching(review, &previews, lang),
        review.series_id.clone(),
    )
}

/// A click on a series' card: a carry button recomputes the series' findings and carries the one
/// it names as one undoable edit (F6); "next" plans the next meeting as a copy of the latest.
fn carry_clicked(
    state: AppState,
    series_id: Option<String>,
    lang: Lang,
    event: leptos::ev::MouseEvent,
) {
    let zone = &browser::DeviceZone;
    let Some(which) = event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
        .and_then(|element| element.closest("[data-carry]").ok().flatten())
        .and_then(|button| button.get_attribute("data-carry"))
    else {
        return;
    };
    let Some(series_id) = series_id else {
        return;
    };
    let today = browser::today();
    // Only this series' findings are recomputed, as the card drew them.
    let action = state.meetings.with_untracked(|meetings| {
        let members = of_series(meetings, &series_id);
        match which.parse::<usize>() {
            // "next": the series' latest meeting, to be copied to its slot in the week ahead.
            Err(_) => members
                .iter()
                .max_by_key(|m| when(m))
                .map(|latest| (latest.id.clone(), None)),
            Ok(index) => {
                let finding = coach(&members, today, zone).findings.get(index).cloned()?;
                Some((next_meeting(&members)?.id.clone(), Some(finding)))
            }
        }
    });
    match action {
        Some((latest, None)) => state.duplicate_meeting(&latest),
        Some((next, Some(finding))) => {
            state.edit_meeting_with_undo(&next, T::CoachCarriedToast, |meeting| {
                carry(meeting, &finding, today, zone, lang, &mut browser::new_id);
            });
        }
        None => {}
    }
}
