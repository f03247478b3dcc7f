//! The read-back (E7): decisions, actions with owners and deadlines, and parked points, as the
//! run's closing summary and the follow-up tab show them.

use leptos::prelude::*;

use super::fields::Current;
use crate::core::domain::i18n::T;
use crate::core::domain::time::format_date;

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
    let block = move |title: T, items: Vec<String>, testid: &'static str| {
        let body = if items.is_empty() {
            view! { <p class="empty-inline">{state.text(T::NothingYet)}</p> }.into_any()
        } else {
            view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
                .into_any()
        };
        view! { <section class="sub-section" data-testid=testid><h3>{state.text(title)}</h3>{body}</section> }
    };
    view! {
        {block(T::Decisions, decisions, "summary-decisions")}
        {block(T::ActionItems, actions, "summary-actions")}
        {block(T::ParkingLot, parked, "summary-parked")}
    }
}
