//! The tracker's Excel round trip (F3): export every action as CSV, and read an edited one back
//! as a preview of its changes, applied only when the user confirms.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::domain::i18n::{tr, T};
use crate::core::domain::time::format_date;
use crate::core::formats::backup::check_file_size;
use crate::core::formats::export::csv::actions_csv;
use crate::core::formats::tracker_import::{
    apply_tracker_plan, plan_tracker_import, TrackerPlan, MAX_TRACKER_BYTES,
};
use crate::ui::browser;
use crate::ui::state::AppState;

/// Export the whole tracker as CSV; import an edited one with a preview (F3).
#[component]
pub fn RoundTrip() -> impl IntoView {
    let state = expect_context::<AppState>();
    let plan = RwSignal::new(None::<TrackerPlan>);
    let error = RwSignal::new(None::<String>);
    let export = move |_| {
        let lang = state.prefs.lang.get_untracked();
        let csv = state
            .meetings
            .with_untracked(|ms| actions_csv(ms.iter().filter(|m| !m.is_template), lang));
        let name = format!("crossmeet-tracker-{}.csv", format_date(browser::today()));
        state.download(&name, "text/csv;charset=utf-8", &csv);
    };
    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        plan.set(None);
        error.set(None);
        let lang = state.prefs.lang.get_untracked();
        if let Err(refused) = check_file_size(file.size() as u64, MAX_TRACKER_BYTES) {
            error.set(Some(refused.message(lang)));
            return;
        }
        spawn_local(async move {
            match browser::read_user_text(&file).await {
                Err(refused) => error.set(Some(refused.message(lang))),
                Ok(text) => match state
                    .meetings
                    .with_untracked(|ms| plan_tracker_import(&text, ms))
                {
                    Ok(planned) => plan.set(Some(planned)),
                    Err(refused) => error.set(Some(refused.message(lang))),
                },
            }
        });
    };
    let confirm = move |_| {
        let Some(planned) = plan.get_untracked() else {
            return;
        };
        plan.set(None);
        let changed = state
            .meetings
            .with_untracked(|ms| apply_tracker_plan(&planned, ms, browser::today()));
        let count = planned.updates.len();
        state.put_meetings(changed);
        state.toasts.show(
            tr(
                state.prefs.lang.get_untracked(),
                T::ImportApplied,
                &[&count.to_string()],
            ),
            None,
        );
    };
    let preview = move || {
        plan.get().map(|planned| {
            let lang = state.prefs.lang.get();
            let updates = planned
                .updates
                .iter()
                .map(|u| {
                    let mut parts = Vec::new();
                    if let Some((old, new)) = u.status {
                        parts.push(format!("{} → {}", old.label().get(lang), new.label().get(lang)));
                    }
                    if let Some((old, new)) = u.deadline {
                        let show = |d: Option<chrono::NaiveDate>| d.map(format_date).unwrap_or_else(|| "—".into());
                        parts.push(format!("{} → {}", show(old), show(new)));
                    }
                    for note in &u.new_notes {
                        parts.push(format!("+ {}", note.text));
                    }
                    view! { <li><strong>{u.task.clone()}</strong> ": " {parts.join("; ")}</li> }
                })
                .collect_view();
            let problems = planned.problems.iter().map(|p| view! { <li class="error">{p.message(lang)}</li> }).collect_view();
            let summary = tr(lang, T::ImportPreview, &[&planned.updates.len().to_string(), &planned.unchanged.to_string(), &planned.problems.len().to_string()]);
            let can_apply = !planned.updates.is_empty();
            view! {
                <div class="confirm" role="dialog" aria-live="polite" data-testid="import-preview">
                    <p>{summary}</p>
                    <ul>{updates}</ul>
                    <ul>{problems}</ul>
                    <div class="button-row">
                        {can_apply.then(|| view! {
                            <button type="button" class="primary" data-testid="import-confirm" on:click=confirm>{state.text(T::ApplyChanges)}</button>
                        })}
                        <button type="button" on:click=move |_| plan.set(None)>{state.text(T::Cancel)}</button>
                    </div>
                </div>
            }
        })
    };
    view! {
        <div class="button-row">
            <button type="button" data-testid="export-tracker" on:click=export>{state.text(T::ExportTracker)}</button>
            <label class="button file-button">
                {state.text(T::ImportTracker)}
                <input type="file" accept=".csv,text/csv,.txt,text/plain,.tsv" data-testid="import-tracker" on:change=choose/>
            </label>
        </div>
        {move || error.get().map(|message| view! { <p class="error" role="alert" data-testid="import-error">{message}</p> })}
        {preview}
    }
}
