//! One module per page of the app.

pub mod action_edits;
pub mod answer;
pub mod meeting_list;
pub mod reach;
pub mod replies;
pub mod review;
pub mod settings;
pub mod share;
pub mod standup;
pub mod tracker;
pub mod tracker_csv;
pub mod workspace;

use leptos::prelude::*;

use crate::core::domain::i18n::{tr, Lang, T};

/// The "show more" button under a long list, while `shown` is less than `total`.
pub fn show_more(
    shown: RwSignal<usize>,
    total: usize,
    page: usize,
    lang: Lang,
) -> Option<impl IntoView> {
    let now = shown.get();
    (total > now).then(|| {
        let more = (total - now).min(page);
        view! {
            <button type="button" class="show-more" data-testid="show-more" on:click=move |_| shown.update(|n| *n += page)>
                {tr(lang, T::ShowMore, &[&more.to_string(), &total.to_string()])}
            </button>
        }
    })
}
