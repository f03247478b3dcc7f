//! The readiness panel beside plan and prepare: every finding, grouped by stage, each a link that
//! opens its tab and focuses its field; "ready to send" when nothing must be fixed.

use leptos::prelude::*;

use super::fields::Current;
use crate::core::domain::checks::{check, is_ready, CheckContext, Finding, Severity};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::view::route::{Route, Stage};
use crate::ui::browser;
use crate::ui::state::AppState;

/// Every finding for the open meeting, recomputed when it changes; shared by the panel and the
/// jump to it. `None` once the meeting has started: the checks before sending are over.
pub fn findings(current: &Current) -> Memo<Option<Vec<Finding>>> {
    let current = current.clone();
    Memo::new(move |_| {
        let context = CheckContext {
            now: browser::now(),
            zone: &browser::DeviceZone,
        };
        current.read(|m| (!m.has_started()).then(|| check(m, context)))
    })
}

/// "Ready to send", or how many findings must be fixed.
fn verdict(list: &Option<Vec<Finding>>, lang: Lang) -> (bool, String) {
    let Some(list) = list else {
        return (true, T::ChecksDone.get(lang).to_owned());
    };
    if is_ready(list) {
        return (true, T::ReadyToSend.get(lang).to_owned());
    }
    let must = list
        .iter()
        .filter(|f| f.severity == Severity::MustFix)
        .count();
    (false, tr(lang, T::MustFixCount, &[&must.to_string()]))
}

/// On a phone the panel sits below the form: this line at the top says where things stand and
/// takes the user to it.
#[component]
pub fn ReadinessJump(findings: Memo<Option<Vec<Finding>>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let verdict = Memo::new(move |_| findings.with(|list| verdict(list, state.prefs.lang.get())));
    view! {
        <button
            type="button"
            class="readiness-jump"
            class:ready=move || verdict.with(|(ready, _)| *ready)
            data-testid="readiness-jump"
            on:click=|_| browser::focus_later("readiness-heading".into())
        >
            {move || verdict.with(|(_, text)| text.clone())}
            " ↓"
        </button>
    }
}

#[component]
pub fn Readiness(findings: Memo<Option<Vec<Finding>>>, id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let group =
        move |stage: Stage| {
            let id = id.clone();
            move || {
                let lang = state.prefs.lang.get();
                let items: Vec<Finding> = findings
                    .get()
                    .unwrap_or_default()
                    .into_iter()
                    .filter(|f| f.field.stage() == stage)
                    .collect();
                if items.is_empty() {
                    return None;
                }
                let rows = items
                .into_iter()
                .map(|finding| {
                    let href = Route::Meeting { id: id.clone(), stage }.href();
                    let target = finding.field.dom_id();
                    let class = match finding.severity {
                        Severity::MustFix => "finding must",
                        Severity::ShouldFix => "finding should",
                        Severity::Tip => "finding tip",
                    };
                    view! {
                        <li class=class data-code=finding.code>
                            <a href=href on:click=move |_| browser::focus_later(target.clone())>
                                <span class="severity">{state.text(finding.severity.label())}</span>
                                {finding.message(lang)}
                            </a>
                        </li>
                    }
                })
                .collect_view();
                Some(view! {
                    <h3>{state.text(stage.label())}</h3>
                    <ul class="findings">{rows}</ul>
                })
            }
        };
    let summary = move || match findings.with(|list| verdict(list, state.prefs.lang.get())) {
        (true, text) => view! { <p class="ready" data-testid="ready">{text}</p> }.into_any(),
        (false, text) => view! { <p class="not-ready">{text}</p> }.into_any(),
    };
    view! {
        <aside class="readiness" aria-labelledby="readiness-heading" data-testid="readiness">
            <h2 id="readiness-heading" tabindex="-1">{state.text(T::ReadinessTitle)}</h2>
            {summary}
            {group(Stage::Plan)}
            {group(Stage::Prepare)}
        </aside>
    }
}
