//! Airtime by department, live (issue 14.1): each department's share of the speaking time in
//! this item and in the whole meeting, and in a discussion or decision item the departments not
//! heard yet, named in the facilitation prompt (E3). Once the meeting has ended (the summary),
//! only the whole meeting's shares. Shares are whole percents, so the list is
//! redrawn only when one of them changes, not on every tick.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use super::super::fields::Current;
use crate::core::domain::airtime::{airtime, not_heard_prompt, ItemFocus};
use crate::core::domain::clock::RunState;
use crate::core::domain::i18n::{Lang, T};
use crate::core::domain::model::Phase;
use crate::core::formats::export::markdown_html::escape_html;

#[derive(Clone, Debug, Default, PartialEq)]
struct Shares {
    /// Department, share in this item, share in the meeting.
    rows: Vec<(String, u8, u8)>,
    not_heard: Option<String>,
}

#[component]
pub fn AirtimePanel(
    current: Current,
    now: RwSignal<DateTime<Utc>>,
    run_state: Memo<RunState>,
) -> impl IntoView {
    let state = current.state;
    let shares = Memo::new(move |_| {
        let at = now.get();
        let lang = state.prefs.lang.get();
        let running = run_state.get() == RunState::Running;
        current.read(|m| {
            let air = airtime(m, at, ItemFocus::Current);
            let discussing = air
                .item
                .and_then(|index| m.agenda.get(index))
                .is_some_and(|item| matches!(item.phase, Phase::Discuss | Phase::Decide));
            Shares {
                rows: air
                    .departments
                    .iter()
                    .map(|d| (d.label(lang), d.item_percent, d.meeting_percent))
                    .collect(),
                not_heard: (running && discussing)
                    .then(|| not_heard_prompt(lang, &air.not_heard))
                    .flatten(),
            }
        })
    });
    let live = move || run_state.get() != RunState::Ended;
    // The table as one string: it is redrawn whole whenever a share changes anyway, and a view
    // per row and cell costs the module far more than this text (see `core/view/review_html.rs`).
    let table = move || {
        let (live, lang) = (live(), state.prefs.lang.get());
        shares.with(|s| airtime_table(&s.rows, live, lang))
    };
    view! {
        <section class="airtime" data-testid="airtime">
            <h3>{state.text(T::AirtimeTitle)}</h3>
            {move || shares.with(|s| s.not_heard.clone()).map(|prompt| view! {
                <p class="not-heard" role="status" data-testid="not-heard">{prompt}</p>
            })}
            <div inner_html=table></div>
        </section>
    }
}

/// Each department's share as a bar and a percent, this item's too while the meeting runs.
fn airtime_table(rows: &[(String, u8, u8)], live: bool, lang: Lang) -> String {
    if rows.is_empty() {
        return format!("<p class=\"muted\">{}</p>", T::AirtimeNoTurns.get(lang));
    }
    let cell = |percent: u8| {
        format!("<td><progress max=\"100\" value=\"{percent}\"></progress> {percent}%</td>")
    };
    let mut html = String::from("<table class=\"airtime-table\"><thead><tr><th></th>");
    if live {
        html += &format!("<th>{}</th>", T::AirtimeThisItem.get(lang));
    }
    html += &format!(
        "<th>{}</th></tr></thead><tbody>",
        T::AirtimeWholeMeeting.get(lang)
    );
    for (department, item, meeting) in rows {
        html += &format!("<tr><th scope=\"row\">{}</th>", escape_html(department));
        if live {
            html += &cell(*item);
        }
        html += &cell(*meeting);
        html += "</tr>";
    }
    html + "</tbody></table>"
}
