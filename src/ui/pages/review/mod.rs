//! The retrospective page (F5): per series or per quarter, the goal achievement rate, each held
//! meeting's overrun, the feedback in one line and the latest improvement notes; per series,
//! what to change in the next meeting (F6, `coach.rs`). The review downloads as Markdown and CSV
//! and prints from the same Markdown.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::domain::coaching::{carry, preview, series_reviews, SeriesReview};
use crate::core::domain::cost::{cost_review, figures_text};
use crate::core::domain::grouping::{when, Grouping};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::meetings_only;
use crate::core::domain::retro::{retrospective, ActionTally, RetroGroup};
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
    // Each group with its cost line and, by series, the proposals for its next meeting; the
    // printable review (by series) from the same figures.
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
            let reviews = series_reviews(meetings, today, zone, lang);
            if reviews.is_empty() {
                return view! { <p class="empty">{T::ReviewEmpty.get(lang)}</p> }.into_any();
            }
            let cards = if grouping == Grouping::Series {
                reviews
                    .iter()
                    .map(|review| {
                        let extra = coaching(state, review, lang);
                        group_card(&review.group, cost_of(&review.group), lang, Some(extra))
                    })
                    .collect_view()
                    .into_any()
            } else {
                retrospective(meetings, grouping, today, zone, lang)
                    .iter()
                    .map(|group| group_card(group, cost_of(group), lang, None))
                    .collect_view()
                    .into_any()
            };
            cards
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

fn group_card(
    group: &RetroGroup,
    cost: Option<String>,
    lang: Lang,
    coaching: Option<AnyView>,
) -> impl IntoView {
    let feedback_line = if group.feedback.responses == 0 {
        T::ReviewNoFeedback.get(lang).to_owned()
    } else {
        group.feedback.summary(lang)
    };
    let overrun_line = match group.average_overrun_minutes() {
        Some(minutes) if minutes < 0 => {
            tr(lang, T::ReviewEarlyAverage, &[&minutes.abs().to_string()])
        }
        Some(minutes) => tr(lang, T::ReviewOverrunAverage, &[&format!("{minutes:+}")]),
        None => T::ReviewNotHeldYet.get(lang).to_owned(),
    };
    view! {
        <article class="card retro-group" data-testid="retro-group">
            <h2>{group.label.clone()}</h2>
            <p class="muted">{tr(lang, T::ReviewMeetingCount, &[&group.meetings.len().to_string()])}</p>
            {achievement(group.actions, lang)}
            <p data-testid="retro-overrun">{overrun_line}</p>
            <div inner_html=review_html::overrun_chart(&group.meetings, lang)></div>
            <p class="cost-line" data-testid="retro-cost"><strong>{T::CostTitle.get(lang)}</strong> " " {cost}</p>
            <p data-testid="retro-feedback">{feedback_line}</p>
            {(!group.latest_notes.is_empty()).then(|| view! {
                <h3>{T::ReviewLatestNotes.get(lang)}</h3>
                <ul>{group.latest_notes.iter().map(|note| view! { <li>{note.clone()}</li> }).collect_view()}</ul>
            })}
            {coaching}
        </article>
    }
}

/// The proposals for a series' next meeting (drawn by `review_html`); a carry button's click
/// recomputes the series' findings and carries the one it names as one undoable edit (F6).
fn coaching(state: AppState, review: &SeriesReview<'_>, lang: Lang) -> AnyView {
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
    let html = review_html::coaching(review, &previews, lang);
    let series_id = review.series_id.clone();
    let on_click = move |event: leptos::ev::MouseEvent| {
        let Some(which) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("[data-carry]").ok().flatten())
            .and_then(|button| button.get_attribute("data-carry"))
        else {
            return;
        };
        let today = browser::today();
        let Ok(index) = which.parse::<usize>() else {
            // "next": the series' latest meeting, copied to its slot in the week ahead.
            let latest = state.meetings.with_untracked(|meetings| {
                meetings_only(meetings)
                    .filter(|m| m.series.as_ref().map(|s| &s.id) == series_id.as_ref())
                    .max_by_key(|m| when(m))
                    .map(|m| m.id.clone())
            });
            if let Some(id) = latest {
                state.duplicate_meeting(&id);
            }
            return;
        };
        let found = state.meetings.with_untracked(|meetings| {
            series_reviews(meetings, today, zone, lang)
                .into_iter()
                .find(|review| review.series_id == series_id)
                .and_then(|review| {
                    let next = review.next?.id.clone();
                    Some((next, review.coaching.findings.get(index)?.clone()))
                })
        });
        if let Some((next, finding)) = found {
            state.edit_meeting_with_undo(&next, T::CoachCarriedToast, |meeting| {
                carry(meeting, &finding, today, zone, lang, &mut browser::new_id);
            });
        }
    };
    view! { <div inner_html=html on:click=on_click></div> }.into_any()
}

/// The achievement rate and a stacked bar of on time / late / open over a 0–100 % axis.
fn achievement(tally: ActionTally, lang: Lang) -> impl IntoView {
    let Some(percent) = tally.achievement_percent() else {
        return view! { <p class="muted" data-testid="retro-achievement">{T::ReviewNoActions.get(lang)}</p> }
            .into_any();
    };
    let parts = [
        (
            tally.on_time,
            "bar-on-time",
            tr(lang, T::ReviewOnTime, &[&tally.on_time.to_string()]),
        ),
        (
            tally.late,
            "bar-late",
            tr(lang, T::ReviewLate, &[&tally.late.to_string()]),
        ),
        (
            tally.open,
            "bar-open",
            tr(
                lang,
                T::ReviewOpen,
                &[&tally.open.to_string(), &tally.overdue.to_string()],
            ),
        ),
    ];
    // Whole numbers on a 1,000-wide box: no float formatting code in the bundle for one chart.
    let total = tally.total().max(1);
    let mut x = 0;
    let bars = parts
        .iter()
        .map(|(count, class, _)| {
            let width = count * 1000 / total;
            let bar = view! { <rect class=*class x=x y="0" width=width height="6"/> };
            x += width;
            bar
        })
        .collect_view();
    let label = parts
        .iter()
        .map(|(_, _, text)| text.clone())
        .collect::<Vec<_>>()
        .join(" · ");
    // Each part of the bar named beside a swatch of its colour.
    let legend = parts
        .iter()
        .enumerate()
        .map(|(index, (_, class, text))| {
            view! {
                {(index > 0).then_some(" · ")}
                <span class=format!("swatch {class}") aria-hidden="true"></span>
                {text.clone()}
            }
        })
        .collect_view();
    view! {
        <p class="retro-rate" data-testid="retro-achievement">{tr(lang, T::ReviewOnTimeRate, &[&percent.to_string()])}</p>
        <svg class="chart stacked" viewBox="0 0 1000 6" preserveAspectRatio="none" role="img" aria-label=label>
            {bars}
        </svg>
        <p class="chart-ticks" aria-hidden="true"><span>"0%"</span><span>"50%"</span><span>"100%"</span></p>
        <p class="legend" data-testid="retro-legend">{legend}</p>
    }
    .into_any()
}
