//! The read-back (E7): decisions, actions with owners and deadlines, and parked points, as the
//! run's closing summary and the follow-up tab show them.

use leptos::prelude::*;

use super::fields::Current;
use crate::core::domain::i18n::T;
use crate::core::domain::time::format_date;
use crate::core::formats::export::markdown_html::escape_html;

/// Decisions, actions with owners and deadlines, and parked points: the read-back of the summary
/// (E7) and, until the minutes land, of the follow-up tab.
#[component]
pub fn ReadBack(current: Current) -> impl IntoView {
    let state = current.state;
    let (decisions, actions, parked) = current.read(|m| {
        (
            m.decisions
                .iter()
                .map(|d| d.text.clone())
                .collect::<Vec<_>>(),
            m.actions
                .iter()
                .map(|a| {
                    let deadline = a.deadline.map(format_date).unwrap_or_default();
                    format!("{} — {} {} {}", a.task, a.owner, a.department, deadline)
                })
                .collect::<Vec<_>>(),
            m.parking_lot
                .iter()
                .map(|p| p.text.clone())
                .collect::<Vec<_>>(),
        )
    });
    // Plain text in lists: one string for the three blocks, not a view per item.
    let lang = state.prefs.lang.get_untracked();
    let mut html = String::new();
    for (title, items, testid) in [
        (T::Decisions, decisions, "summary-decisions"),
        (T::ActionItems, actions, "summary-actions"),
        (T::ParkingLot, parked, "summary-parked"),
    ] {
        html += &format!(
            "<section class=\"sub-section\" data-testid=\"{testid}\"><h3>{}</h3>",
            title.get(lang)
        );
        if items.is_empty() {
            html += &format!("<p class=\"empty-inline\">{}</p>", T::NothingYet.get(lang));
        } else {
            html += "<ul>";
            for item in &items {
                html += &format!("<li>{}</li>", escape_html(item));
            }
            html += "</ul>";
        }
        html += "</section>";
    }
    view! { <div inner_html=html></div> }
}
