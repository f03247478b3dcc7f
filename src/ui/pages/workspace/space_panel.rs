//! A meeting's place in the team space (T3, T4): the button that shares it, who changed it last,
//! and each field two devices changed before they synced, with both versions to pick from.

use chrono::DateTime;
use leptos::prelude::*;
use serde_json::Value;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{ActionStatus, Meeting};
use crate::ui::browser;
use crate::ui::state::AppState;

#[component]
pub fn SpacePanel(id: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let space = state.space;
    let id = StoredValue::new(id);
    move || {
        if !space.is_on() {
            return None;
        }
        let id = id.get_value();
        if !space.is_shared(&id) {
            return Some(
                view! {
                    <div class="space-panel">
                        <button type="button" data-testid="space-share" on:click=move |_| space.share(state, &id)>
                            {state.text(T::SpaceShare)}
                        </button>
                    </div>
                }
                .into_any(),
            );
        }
        let lang = state.prefs.lang.get();
        let touch = space.touches.with(|touches| {
            let touch = touches.get(&id)?;
            let at = DateTime::from_timestamp_millis(touch["at"].as_i64()?)?;
            Some(tr(
                lang,
                T::SpaceTouched,
                &[touch["author"].as_str()?, &browser::shown_time(Some(at))],
            ))
        });
        let conflicts: Vec<Value> = space
            .conflicts
            .with(|all| all.get(&id).and_then(Value::as_array).cloned())
            .unwrap_or_default();
        let count = conflicts.len();
        let rows = conflicts
            .into_iter()
            .map(|conflict| {
                let path = conflict["path"].clone();
                let label = state.with_meeting(&id, |meeting| path_label(meeting, &path, lang)).unwrap_or_default();
                let versions = conflict["versions"]
                    .as_array()
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|version| {
                        let shown = value_label(&path, &version["value"], lang);
                        let who = version["author"].as_str().unwrap_or_default().to_owned();
                        let when = DateTime::from_timestamp_millis(version["at"].as_i64().unwrap_or(0));
                        let (id, path, value) = (id.clone(), path.clone(), version["value"].clone());
                        view! {
                            <li>
                                <q>{shown}</q>
                                " · " {who} " · " {browser::shown_time(when)} " "
                                <button type="button" class="small" data-testid="space-pick-version" on:click=move |_| space.resolve(&id, &path, &value)>
                                    {state.text(T::SpaceUseThis)}
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <li data-testid="space-conflict">
                        <strong>{label}</strong>
                        <ul>{versions}</ul>
                    </li>
                }
            })
            .collect_view();
        Some(
            view! {
                <div class="space-panel" data-testid="space-panel">
                    <span class="chip">{state.text(T::SpaceSharedBadge)}</span>
                    {touch.map(|touch| view! { <span class="hint" data-testid="space-touch">{touch}</span> })}
                    {(count > 0).then(|| view! {
                        <div class="space-conflicts" role="alert">
                            <p><span class="badge warn">{tr(lang, T::SpaceConflicts, &[&count.to_string()])}</span>" "{state.text(T::SpaceConflictHelp)}</p>
                            <ul>{rows}</ul>
                        </div>
                    })}
                </div>
            }
            .into_any(),
        )
    }
}

/// Where a conflict is, in words: the field, and the action or agenda item it belongs to.
fn path_label(meeting: &Meeting, path: &Value, lang: Lang) -> String {
    let steps = path.as_array().cloned().unwrap_or_default();
    let mut words = Vec::new();
    for step in &steps {
        if let Some(key) = step["Key"].as_str() {
            let named = match key {
                "title" => Some(T::FieldTitle),
                "objective" => Some(T::FieldObjective),
                "actions" => Some(T::ActionItems),
                "agenda" => Some(T::Agenda),
                "task" => Some(T::ColTask),
                "owner" => Some(T::ColOwner),
                "deadline" => Some(T::ColDeadline),
                "status" => Some(T::ColStatus),
                _ => None,
            };
            words.push(named.map_or_else(|| key.to_owned(), |named| named.get(lang).to_owned()));
        } else if let Some(item) = step["Item"].as_str() {
            let name = meeting
                .actions
                .iter()
                .find(|action| action.id == item)
                .map(|action| action.task.clone())
                .or_else(|| {
                    meeting
                        .agenda
                        .iter()
                        .find(|a| a.id == item)
                        .map(|a| a.title.clone())
                })
                .unwrap_or_else(|| item.to_owned());
            words.push(format!("「{name}」"));
        } else if let Some(index) = step["Index"].as_u64() {
            words.push(format!("#{}", index + 1));
        }
    }
    words.join(" › ")
}

fn value_label(path: &Value, value: &Value, lang: Lang) -> String {
    let is_status = path
        .as_array()
        .and_then(|steps| steps.last())
        .is_some_and(|last| last["Key"] == "status");
    if is_status {
        if let Some(status) = ActionStatus::ALL
            .into_iter()
            .find(|s| value.as_str() == Some(&format!("{s:?}")))
        {
            return status.label().get(lang).to_owned();
        }
    }
    match value {
        Value::String(text) => text.clone(),
        Value::Null => "—".to_owned(),
        other => other.to_string(),
    }
}
