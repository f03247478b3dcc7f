//! The tracker's Excel round trip (F3): export every action as CSV, remembering what was
//! exported, and read an edited one back as a preview of the cells the owners changed; a row can
//! be left out, a cell changed on both sides waits for the user's choice, and nothing is applied
//! until the user confirms.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::domain::edit::diff;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{meetings_only, ActionStatus};
use crate::core::domain::time::format_date;
use crate::core::formats::backup::check_file_size;
use crate::core::formats::export::csv::tracker_csv_text;
use crate::core::formats::tracker_export::{keep_recent, TrackerExport, KEPT_EXPORTS};
use crate::core::formats::tracker_import::{
    apply_tracker_plan, plan_tracker_import, ActionUpdate, CellChange, TrackerPlan,
    MAX_TRACKER_BYTES,
};
use crate::store::tracker_exports;
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
        // Eight hex digits tell the last few exports apart; the header stays short.
        let export_id: String = browser::new_id().chars().take(8).collect();
        let csv = state
            .meetings
            .with_untracked(|ms| tracker_csv_text(meetings_only(ms), lang, &export_id));
        let name = format!("crossmeet-tracker-{}.csv", format_date(browser::today()));
        if !state.download(&name, "text/csv;charset=utf-8", &csv) {
            return;
        }
        // What the file holds is recorded once it is offered, so the file comes no later.
        let exported = state
            .meetings
            .with_untracked(|ms| TrackerExport::of(&export_id, meetings_only(ms)));
        let kept = keep_recent(tracker_exports::load(), exported);
        let not_kept = if !kept.iter().any(|e| e.id == export_id) {
            Some(T::ExportTooLargeToKeep.get(lang).to_owned())
        } else {
            tracker_exports::save(&kept)
                .err()
                .map(|failed| failed.message(lang))
        };
        if let Some(cause) = not_kept {
            state
                .toasts
                .show(tr(lang, T::ExportNotKept, &[&cause]), None);
        }
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
                    .with_untracked(|ms| plan_tracker_import(&text, ms, &tracker_exports::load()))
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
        let count = planned.applying();
        let message = tr(
            state.prefs.lang.get_untracked(),
            T::ImportApplied,
            &[&count.to_string()],
        );
        // One step, as named edits per meeting: undo takes back just the imported cells, and
        // edits made since stay.
        let edits = changed
            .into_iter()
            .filter_map(|new| {
                let edit = state.with_meeting(&new.id, |old| diff(old, &new))?;
                Some((new.id, edit))
            })
            .collect();
        state.dispatch_many_with_undo(edits, message);
    };
    // Drawn once per file: ticking a box or choosing a value changes the plan, not the drawing,
    // so focus stays where the user is.
    let shown = Memo::new(move |_| plan.with(Option::is_some));
    let preview = move || {
        shown.get().then(|| {
            let planned = plan.get_untracked()?;
            let lang = state.prefs.lang.get_untracked();
            let rows = planned
                .updates
                .iter()
                .enumerate()
                .map(|(index, update)| view! { <UpdateRow index update=update.clone() plan lang/> })
                .collect_view();
            let problems = planned
                .problems
                .iter()
                .map(|p| view! { <li class="error">{p.message(lang)}</li> })
                .collect_view();
            let summary = tr(
                lang,
                T::ImportPreview,
                &[
                    &planned.updates.len().to_string(),
                    &planned.unchanged.to_string(),
                    &planned.problems.len().to_string(),
                ],
            );
            let conflicts = planned.updates.iter().filter(|u| u.has_conflict()).count();
            let conflicts = (conflicts > 0).then(|| {
                view! { <p data-testid="import-conflicts">{tr(lang, T::ImportConflicts, &[&conflicts.to_string()])}</p> }
            });
            let unknown = (!planned.export_known && !planned.updates.is_empty()).then(|| {
                view! {
                    <p class="import-unknown" role="note" data-testid="import-export-unknown">
                        {tr(lang, T::ImportExportUnknown, &[&KEPT_EXPORTS.to_string()])}
                    </p>
                }
            });
            let nothing_chosen = move || plan.with(|p| p.as_ref().is_none_or(|p| p.applying() == 0));
            let can_apply = !planned.updates.is_empty();
            Some(view! {
                <div class="confirm" role="dialog" aria-live="polite" data-testid="import-preview">
                    <p>{summary}</p>
                    {unknown}
                    {conflicts}
                    <ul class="import-rows">{rows}</ul>
                    <ul>{problems}</ul>
                    <div class="button-row">
                        {can_apply.then(|| view! {
                            <button type="button" class="primary" data-testid="import-confirm" disabled=nothing_chosen on:click=confirm>{state.text(T::ApplyChanges)}</button>
                        })}
                        <button type="button" on:click=move |_| plan.set(None)>{state.text(T::Cancel)}</button>
                    </div>
                </div>
            })
        }).flatten()
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

/// One action's changes in the preview: a box to leave the row out, each plain change, and for
/// a cell changed on both sides the two values to choose from (the app's chosen at first).
#[component]
fn UpdateRow(
    index: usize,
    update: ActionUpdate,
    plan: RwSignal<Option<TrackerPlan>>,
    lang: Lang,
) -> impl IntoView {
    let edit = move |change: Box<dyn FnOnce(&mut ActionUpdate)>| {
        plan.update(|p| {
            if let Some(update) = p.as_mut().and_then(|p| p.updates.get_mut(index)) {
                change(update);
            }
        })
    };
    let status_name = |status: ActionStatus| status.label().get(lang).to_owned();
    let date_name =
        |date: Option<chrono::NaiveDate>| date.map(format_date).unwrap_or_else(|| "—".into());
    let mut plain = Vec::new();
    let mut conflicts = Vec::new();
    if let Some(change) = update.status {
        let choose = move |take: bool| {
            edit(Box::new(move |u| {
                if let Some(c) = u.status.as_mut() {
                    c.take_sheet = take
                }
            }))
        };
        cell(
            change,
            status_name,
            &format!("import-{index}-status"),
            lang,
            choose,
            &mut plain,
            &mut conflicts,
        );
    }
    if let Some(change) = update.deadline {
        let choose = move |take: bool| {
            edit(Box::new(move |u| {
                if let Some(c) = u.deadline.as_mut() {
                    c.take_sheet = take
                }
            }))
        };
        cell(
            change,
            date_name,
            &format!("import-{index}-deadline"),
            lang,
            choose,
            &mut plain,
            &mut conflicts,
        );
    }
    for note in &update.new_notes {
        plain.push(format!("+ {}", note.text));
    }
    let label = tr(lang, T::ImportIncludeRow, &[&update.task]);
    // A row holding only a conflict shows its task alone, the choice below it.
    let changes = (!plain.is_empty()).then(|| format!(": {}", plain.join("; ")));
    view! {
        <li data-testid="import-row" data-action=update.action_id.clone()>
            <label class="check">
                <input type="checkbox" checked=true aria-label=label data-testid="import-include"
                    on:change=move |ev| {
                        let included = event_target_checked(&ev);
                        edit(Box::new(move |u| u.left_out = !included));
                    }/>
                <span><strong>{update.task.clone()}</strong> {changes}</span>
            </label>
            {conflicts}
        </li>
    }
}

/// One changed cell: a plain change as `old → new` text, or a conflict as two choices.
fn cell<V: Copy + 'static>(
    change: CellChange<V>,
    name: impl Fn(V) -> String,
    group: &str,
    lang: Lang,
    choose: impl Fn(bool) + Copy + 'static,
    plain: &mut Vec<String>,
    conflicts: &mut Vec<AnyView>,
) {
    if !change.conflict {
        plain.push(format!("{} → {}", name(change.app), name(change.sheet)));
        return;
    }
    let keep = tr(lang, T::ImportKeepApp, &[&name(change.app)]);
    let take = tr(lang, T::ImportTakeSheet, &[&name(change.sheet)]);
    conflicts.push(
        view! {
            <fieldset class="import-conflict" data-testid="import-conflict">
                <legend>{T::ImportBothChanged.get(lang)}</legend>
                <label class="check"><input type="radio" name=group.to_owned() checked=!change.take_sheet data-testid="import-keep-app" on:change=move |_| choose(false)/>{keep}</label>
                <label class="check"><input type="radio" name=group.to_owned() checked=change.take_sheet data-testid="import-take-sheet" on:change=move |_| choose(true)/>{take}</label>
            </fieldset>
        }
        .into_any(),
    );
}
