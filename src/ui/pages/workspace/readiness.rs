//! The readiness panel beside plan and prepare: every finding, grouped by stage, each a link that
//! opens its tab and focuses its field; "ready to send" when nothing must be fixed.

use leptos::prelude::*;

use super::fields::Current;
use crate::core::checks::{check, is_ready, CheckContext, Finding, Severity};
use crate::core::i18n::{tr, T};
use crate::core::route::{Route, Stage};
use crate::ui::browser;

#[component]
pub fn Readiness(current: Current) -> impl IntoView {
    let state = current.state;
    let id = current.id.clone();
    let findings = {
        let current = current.clone();
        Memo::new(move |_| {
            let context = CheckContext {
                now: browser::now(),
                offset: browser::local_offset(),
            };
            current.read(|m| check(m, context))
        })
    };
    let group =
        move |stage: Stage| {
            let id = id.clone();
            move || {
                let lang = state.lang.get();
                let items: Vec<Finding> = findings
                    .get()
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
    let summary = move || {
        let list = findings.get();
        let must = list
            .iter()
            .filter(|f| f.severity == Severity::MustFix)
            .count();
        if is_ready(&list) {
            view! { <p class="ready" data-testid="ready">{state.text(T::ReadyToSend)}</p> }
                .into_any()
        } else {
            view! { <p class="not-ready">{tr(state.lang.get(), T::MustFixCount, &[&must.to_string()])}</p> }.into_any()
        }
    };
    view! {
        <aside class="readiness" aria-labelledby="readiness-heading" data-testid="readiness">
            <h2 id="readiness-heading">{state.text(T::ReadinessTitle)}</h2>
            {summary}
            {group(Stage::Plan)}
            {group(Stage::Prepare)}
        </aside>
    }
}
