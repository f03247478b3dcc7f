//! The team space in the settings (T2, T5): turning it on with a synced folder (or without one,
//! swapping files by hand), what it is doing, and leaving it.

use chrono::DateTime;
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::JsCast;

use crate::core::domain::i18n::{tr, T};
use crate::ui::browser;
use crate::ui::space::{can_pick_folder, pick_folder, Config};
use crate::ui::state::AppState;

#[component]
pub fn TeamSpaceSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let space = state.space;
    view! {
        <section class="sub-section team-space" data-testid="team-space">
            <h2>{state.text(T::SpaceTitle)}</h2>
            <p class="hint">{state.text(T::SpaceIntro)}</p>
            {move || if space.is_on() { view! { <SpaceState/> }.into_any() } else { view! { <TurnOn/> }.into_any() }}
        </section>
    }
}

#[component]
fn TurnOn() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let space_name = RwSignal::new(String::new());
    let missing = RwSignal::new(false);
    let config = move || {
        let (name, space) = (name.get_untracked(), space_name.get_untracked());
        let (name, space) = (name.trim().to_owned(), space.trim().to_owned());
        missing.set(name.is_empty() || space.is_empty());
        (!missing.get_untracked()).then(|| Config {
            device: browser::new_id(),
            name,
            space,
        })
    };
    let with_folder = move |_| {
        let Some(config) = config() else {
            return;
        };
        spawn_local(async move {
            if let Some(folder) = pick_folder().await {
                state.space.turn_on(state, config, folder);
            }
        });
    };
    let without_folder = move |_| {
        if let Some(config) = config() {
            state
                .space
                .turn_on(state, config, wasm_bindgen::JsValue::UNDEFINED);
        }
    };
    view! {
        <label class="field">
            <span>{state.text(T::SpaceMemberName)}</span>
            <input data-testid="space-member" maxlength="60" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
        </label>
        <label class="field">
            <span>{state.text(T::SpaceName)}</span>
            <input data-testid="space-name" maxlength="60" prop:value=space_name on:input=move |ev| space_name.set(event_target_value(&ev))/>
        </label>
        <Show when=move || missing.get()>
            <p class="error" role="alert">{state.text(T::SpaceNeedsNames)}</p>
        </Show>
        <div class="button-row">
            {can_pick_folder().then(|| view! {
                <button type="button" class="primary" data-testid="space-pick" on:click=with_folder>
                    {state.text(T::SpacePickFolder)}
                </button>
            })}
            <button type="button" data-testid="space-no-folder" on:click=without_folder>
                {state.text(T::SpaceWithoutFolder)}
            </button>
        </div>
        {(!can_pick_folder()).then(|| view! { <p class="hint">{state.text(T::SpaceNoPicker)}</p> })}
    }
}

fn time(status: &Value, key: &str) -> Option<String> {
    let at = status[key]
        .as_i64()
        .and_then(DateTime::from_timestamp_millis)?;
    Some(browser::shown_time(Some(at)))
}

#[component]
fn SpaceState() -> impl IntoView {
    let state = expect_context::<AppState>();
    let space = state.space;
    let lang = state.prefs.lang;
    let line = move |key: T, arg: String| tr(lang.get(), key, &[&arg]);
    let import = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        input.set_value("");
        spawn_local(async move {
            let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await;
            if let Ok(buffer) = buffer.and_then(|b| b.dyn_into::<js_sys::ArrayBuffer>()) {
                space.import_file(&file.name(), &js_sys::Uint8Array::new(&buffer).to_vec());
            }
        });
    };
    view! {
        <div class="space-state" data-testid="space-state" aria-live="polite">
            <Show when=move || space.starting.get()>
                <p class="hint" role="status">{state.text(T::SpaceLoading)}</p>
            </Show>
            {move || {
                let status = space.status.get();
                let never = state.text(T::SpaceNever).to_owned();
                let folder = status["folder"].as_str().map(str::to_owned);
                let problem = status["problem"].as_str().map(str::to_owned);
                let skipped: Vec<(String, String)> = status["skipped"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter_map(|pair| Some((pair[0].as_str()?.to_owned(), pair[1].as_str()?.to_owned())))
                    .collect();
                view! {
                    <p data-testid="space-folder">
                        {match folder {
                            Some(folder) => line(T::SpaceFolder, folder),
                            None => state.text(T::SpaceNoFolder).to_owned(),
                        }}
                    </p>
                    <p data-testid="space-read" data-at=status["read"].as_i64().unwrap_or(0).to_string()>{line(T::SpaceLastRead, time(&status, "read").unwrap_or(never.clone()))}</p>
                    <p data-testid="space-written">{line(T::SpaceLastWritten, time(&status, "written").unwrap_or(never))}</p>
                    {status["pending"].as_bool().unwrap_or(false).then(|| view! {
                        <p class="hint" data-testid="space-pending">{state.text(T::SpacePending)}</p>
                    })}
                    {problem.map(|problem| {
                        if problem == "permission" {
                            view! {
                                <p class="error" role="alert">{state.text(T::SpacePermission)}" "
                                    <button type="button" data-testid="space-regrant" on:click=move |_| space.allow_folder_again()>
                                        {state.text(T::SpaceRegrant)}
                                    </button>
                                </p>
                            }.into_any()
                        } else {
                            view! { <p class="error" role="alert">{line(T::SpaceProblem, problem)}</p> }.into_any()
                        }
                    })}
                    <ul class="space-skipped" data-testid="space-skipped">
                        {skipped.into_iter().map(|(file, why)| {
                            let why = match why.as_str() {
                                "unreadable" => state.text(T::SpaceUnreadable).to_owned(),
                                "other-space" => state.text(T::SpaceOther).to_owned(),
                                _ => why,
                            };
                            view! { <li>{tr(lang.get(), T::SpaceSkipped, &[&file, &why])}</li> }
                        }).collect_view()}
                    </ul>
                }
            }}
            <p data-testid="space-members">
                {move || {
                    let names: Vec<String> = space.members.get().iter()
                        .filter_map(|member| member["name"].as_str().map(str::to_owned))
                        .collect();
                    line(T::SpaceMembers, names.join("、"))
                }}
            </p>
            <div class="button-row">
                <button type="button" class="primary" data-testid="space-sync" on:click=move |_| space.sync_now()>
                    {state.text(T::SpaceSyncNow)}
                </button>
                <button type="button" data-testid="space-export" on:click=move |_| space.export_file()>
                    {state.text(T::SpaceExport)}
                </button>
                <label class="button file-button">
                    {state.text(T::SpaceImport)}
                    <input type="file" data-testid="space-import" accept=".automerge" on:change=import/>
                </label>
                <button type="button" class="danger" data-testid="space-leave" on:click=move |_| space.leave()>
                    {state.text(T::SpaceLeave)}
                </button>
            </div>
        </div>
    }
}
