//! The retrospective page (F5): per series or per quarter, the goal achievement rate as a stacked
//! bar, each held meeting's overrun as a bar chart, the feedback in one line and the latest
//! improvement notes. Charts are plain SVG, each with a text equivalent beside it.

use leptos::prelude::*;

use crate::core::domain::airtime::series_balance;
use crate::core::domain::cost::{cost_review, figures_text};
use crate::core::domain::grouping::Grouping;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::retro::{retrospective, ActionTally, MeetingLine, RetroGroup};
use crate::ui::browser;
use crate::ui::state::AppState;

#[component]
pub fn Review() -> impl IntoView {
    let state = expect_context::<AppState>();
    let grouping = RwSignal::new(Grouping::Series);
    // Each group with its cost line (issue 14.3) and, per series, a department holding the
    // floor meeting after meeting (issue 14.1).
    let groups = move || {
        let today = browser::today();
        let (grouping, lang) = (grouping.get(), state.prefs.lang.get());
        let rate = state.prefs.rate();
        state.meetings.with(|meetings| {
            let costs = cost_review(meetings, grouping, &browser::DeviceZone, lang);
            retrospective(meetings, grouping, today, &browser::DeviceZone, lang)
                .into_iter()
                .map(|group| {
                    let cost = costs
                        .iter()
                        .find(|cost| cost.label == group.label)
                        .map(|c| {
                            figures_text(c.planned, Some(c.actual), Some(c.overrun), rate, lang)
                        });
                    let dominating = (grouping == Grouping::Series)
                        .then(|| {
                            let held = meetings
                                .iter()
                                .filter(|m| group.meetings.iter().any(|line| line.id == m.id));
                            series_balance(held).dominating.map(|d| d.warning(lang))
                        })
                        .flatten();
                    (group, cost, dominating)
                })
                .collect::<Vec<_>>()
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
        <section class="review">
            <h1>{state.text(T::ReviewTitle)}</h1>
            <p class="hint">{state.text(T::ReviewHint)}</p>
            <div class="segmented" role="group" aria-label=state.text(T::ReviewTitle)>
                {toggle(Grouping::Series, T::ReviewBySeries)}
                {toggle(Grouping::Quarter, T::ReviewByQuarter)}
            </div>
            {move || {
                let groups = groups();
                if groups.is_empty() {
                    view! { <p class="empty">{state.text(T::ReviewEmpty)}</p> }.into_any()
                } else {
                    let lang = state.prefs.lang.get();
                    groups
                        .into_iter()
                        .map(|(group, cost, dominating)| group_card(group, cost, dominating, lang))
                        .collect_view()
                        .into_any()
                }
            }}
        </section>
    }
}

fn group_card(
    group: RetroGroup,
    cost: Option<String>,
    dominating: Option<String>,
    lang: Lang,
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
        Some(minutes) => tr(lang, T::ReviewOverrunAverage, &[&signed(minutes)]),
        None => T::ReviewNotHeldYet.get(lang).to_owned(),
    };
    view! {
        <article class="card retro-group" data-testid="retro-group">
            <h2>{group.label.clone()}</h2>
            <p class="muted">{tr(lang, T::ReviewMeetingCount, &[&group.meetings.len().to_string()])}</p>
            {achievement(group.actions, lang)}
            <p data-testid="retro-overrun">{overrun_line}</p>
            {overrun_chart(&group.meetings, lang)}
            <p class="cost-line" data-testid="retro-cost"><strong>{T::CostTitle.get(lang)}</strong> " " {cost}</p>
            {dominating.map(|warning| view! { <p class="banner banner-warn" data-testid="retro-dominating">{warning}</p> })}
            <p data-testid="retro-feedback">{feedback_line}</p>
            {(!group.latest_notes.is_empty()).then(|| view! {
                <h3>{T::ReviewLatestNotes.get(lang)}</h3>
                <ul>{group.latest_notes.iter().map(|note| view! { <li>{note.clone()}</li> }).collect_view()}</ul>
            })}
        </article>
    }
}

fn signed(minutes: i64) -> String {
    if minutes > 0 {
        format!("+{minutes}")
    } else {
        minutes.to_string()
    }
}

/// The achievement rate and a stacked bar of on time / late / open.
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
        <p class="legend" data-testid="retro-legend">{legend}</p>
    }
    .into_any()
}

/// One bar per held meeting: up and red over time, down and green under.
fn overrun_chart(meetings: &[MeetingLine], lang: Lang) -> Option<impl IntoView> {
    let held: Vec<(&MeetingLine, i64)> = meetings
        .iter()
        .filter_map(|line| line.overrun_minutes.map(|minutes| (line, minutes)))
        .collect();
    if held.is_empty() {
        return None;
    }
    // In tenths of the drawn unit, so every coordinate is a whole number.
    let scale = held.iter().map(|(_, m)| m.abs()).max().unwrap_or(1).max(1);
    let width = held.len() * 120;
    let description = held
        .iter()
        .map(|(line, minutes)| format!("{}: {}", line.title, signed(*minutes)))
        .collect::<Vec<_>>()
        .join("; ");
    let bars = held
        .iter()
        .enumerate()
        .map(|(index, (line, minutes))| {
            let height = (minutes.abs() * 180 / scale).max(5);
            let y = if *minutes > 0 { 200 - height } else { 200 };
            let class = if *minutes > 0 {
                "bar-over"
            } else {
                "bar-under"
            };
            view! {
                <rect class=class x=index * 120 + 20 y=y width="80" height=height>
                    <title>{format!("{}: {}", line.title, signed(*minutes))}</title>
                </rect>
            }
        })
        .collect_view();
    Some(view! {
        <p class="legend">{T::ReviewOverrunChart.get(lang)}</p>
        <svg class="chart overrun" viewBox=format!("0 0 {width} 400") preserveAspectRatio="xMinYMid meet" role="img"
            aria-label=format!("{}: {description}", T::ReviewOverrunChart.get(lang))>
            <line class="axis" x1="0" y1="200" x2=width y2="200"/>
            {bars}
        </svg>
    })
}
