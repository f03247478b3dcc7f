//! Settings: language, the state of browser storage, backup and restore (D3), and the records that
//! could not be read, offered for export.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::time::format_date;
use crate::core::formats::backup::{
    check_backup_size, export_backup, parse_backup, plan_restore, ImportSource, RestorePlan,
};
use crate::ui::browser;
use crate::ui::notify::{self, Permission};
use crate::ui::state::AppState;

#[component]
pub fn Settings() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="settings">
            <h1>{state.text(T::SettingsTitle)}</h1>
            <section class="sub-section">
                <h2>{state.text(T::Language)}</h2>
                <div class="segmented" role="group" aria-label=state.text(T::Language)>
                    {[(Lang::Zh, "简体中文"), (Lang::En, "English")]
                        .into_iter()
                        .map(|(lang, name)| {
                            view! {
                                <button
                                    type="button"
                                    aria-pressed=move || (state.prefs.lang.get() == lang).to_string()
                                    on:click=move |_| state.prefs.set_lang(lang)
                                >
                                    {name}
                                </button>
                            }
                        })
                        .collect_view()}
                </div>
            </section>
            <section class="sub-section">
                <h2>{state.text(T::Speaker)}</h2>
                <label class="field">
                    <span>{state.text(T::TurnMinutes)}</span>
                    <input
                        type="number"
                        id="turn-minutes"
                        min="1"
                        max="30"
                        class="minutes"
                        prop:value=move || state.prefs.turn_minutes.get().to_string()
                        on:change=move |ev| {
                            if let Ok(minutes) = event_target_value(&ev).parse() {
                                state.prefs.set_turn_minutes(minutes);
                            }
                        }
                    />
                </label>
            </section>
            <DueSoon/>
            <section class="sub-section">
                <h2>{state.text(T::CostTitle)}</h2>
                <label class="field">
                    <span>{state.text(T::CostHourlyRate)}</span>
                    <input
                        type="number"
                        min="0"
                        step="1"
                        class="minutes"
                        data-testid="hourly-rate"
                        prop:value=move || state.prefs.hourly_rate.get().to_string()
                        on:change=move |ev| {
                            let value = event_target_value(&ev);
                            state.prefs.set_hourly_rate(value.trim().parse().unwrap_or(0));
                        }
                    />
                </label>
                <p class="hint">{state.text(T::CostHourlyRateHint)}</p>
            </section>
            <section class="sub-section">
                <h2>{state.text(T::StorageTitle)}</h2>
                <p data-testid="persisted">
                    {move || {
                        state.text(match state.persisted.get() {
                            Some(true) => T::StoragePersisted,
                            Some(false) => T::StorageNotPersisted,
                            None => T::StorageUnknown,
                        })
                    }}
                </p>
            </section>
            <TeamSpaceSettings/>
            <Backup/>
            <Undecodable/>
        </section>
    }
}

/// The team space (T2, T5): its worker module, and with it the space's own views, is fetched
/// only when the user sets it up here (or this device is in a space already).
#[component]
fn TeamSpaceSettings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let space = state.space;
    view! {
        <section class="sub-section team-space" data-testid="team-space">
            <h2>{state.text(T::SpaceTitle)}</h2>
            <p class="hint">{state.text(T::SpaceIntro)}</p>
            {move || {
                if let Some(view) = crate::ui::space::space_view(state, "settings", None, "", false) {
                    view.into_any()
                } else if space.starting.get() {
                    view! { <p class="hint" role="status">{state.text(T::SpaceLoading)}</p> }.into_any()
                } else {
                    view! {
                        <button type="button" data-testid="space-set-up" on:click=move |_| space.set_up(state)>
                            {state.text(T::SpaceSetUp)}
                        </button>
                    }
                    .into_any()
                }
            }}
        </section>
    }
}

/// The due-soon window and the browser notifications (F3): the browser's permission is asked for
/// only here, when the user ticks the box.
#[component]
fn DueSoon() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Moved after the browser answers, so the reason it refused is read again.
    let answered = RwSignal::new(false);
    let toggle = move |ev: leptos::ev::Event| {
        if !event_target_checked(&ev) {
            state.prefs.set_notify_due_soon(false);
            return;
        }
        spawn_local(async move {
            let granted = notify::ask().await == Permission::Granted;
            state.prefs.set_notify_due_soon(granted);
            answered.set(true);
        });
    };
    let refused = move || {
        answered.track();
        match notify::permission() {
            Permission::Denied => Some(state.text(T::NotifyDenied)),
            Permission::Unsupported => Some(state.text(T::NotifyUnsupported)),
            _ => None,
        }
    };
    view! {
        <section class="sub-section">
            <h2>{state.text(T::DueSoonTitle)}</h2>
            <label class="field">
                <span>{state.text(T::DueSoonDays)}</span>
                <input
                    type="number"
                    min="0"
                    max="10"
                    class="minutes"
                    data-testid="due-soon-days"
                    prop:value=move || state.prefs.due_soon_days.get().to_string()
                    on:change=move |ev| {
                        if let Ok(days) = event_target_value(&ev).parse() {
                            state.prefs.set_due_soon_days(days);
                        }
                    }
                />
            </label>
            <label class="check">
                <input type="checkbox" data-testid="notify-toggle"
                    prop:checked=move || state.prefs.notify_due_soon.get() on:change=toggle/>
                {state.text(T::NotifyTurnOn)}
            </label>
            <p class="muted" data-testid="notify-refused">{refused}</p>
        </section>
    }
}

#[component]
fn Backup() -> impl IntoView {
    let state = expect_context::<AppState>();
    let error = RwSignal::new(None::<String>);
    let plan = RwSignal::new(None::<RestorePlan>);
    // The backup as read when it was chosen, planned again when the restore is confirmed.
    let chosen = StoredValue::new(Vec::<Meeting>::new());
    // Numbers the file held out of range, brought into range as it was read (D3).
    let out_of_range = RwSignal::new(None::<String>);
    // How many meetings a confirmed restore writes, until they are all stored.
    let restoring = RwSignal::new(None::<usize>);

    let download = move |_| {
        let now = browser::now();
        let text = state
            .meetings
            .with_untracked(|meetings| export_backup(meetings, now));
        let name = format!("crossmeet-backup-{}.json", format_date(browser::today()));
        state.download(&name, "application/json", &text);
    };

    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        error.set(None);
        plan.set(None);
        out_of_range.set(None);
        let lang = state.prefs.lang.get_untracked();
        if let Err(refused) = check_backup_size(file.size() as u64) {
            error.set(Some(refused.message(lang)));
            return;
        }
        spawn_local(async move {
            let text = match browser::read_user_text(&file).await {
                Ok(text) => text,
                Err(refused) => {
                    error.set(Some(refused.message(lang)));
                    return;
                }
            };
            match parse_backup(&text) {
                Ok(read) => {
                    let name = file.name();
                    out_of_range.set(read.out_of_range_message(lang, ImportSource::File(&name)));
                    let planned = state
                        .meetings
                        .with_untracked(|local| plan_restore(local, read.value.clone()));
                    chosen.set_value(read.value);
                    plan.set(Some(planned));
                }
                Err(refused) => error.set(Some(refused.message(lang))),
            }
        });
    };

    let confirm = move |_| {
        if plan.get_untracked().is_none() {
            return;
        }
        // Planned again now, against the meetings as they are: one edited since the file was
        // chosen (here or in another tab) is newer than the backup's copy and is kept (D3).
        let incoming = std::mem::take(&mut *chosen.write_value());
        let planned = state
            .meetings
            .with_untracked(|local| plan_restore(local, incoming));
        plan.set(None);
        if !planned.changes_anything() {
            let lang = state.prefs.lang.get_untracked();
            state
                .toasts
                .show(T::RestoreAllNewer.get(lang).to_owned(), None);
            return;
        }
        restoring.set(Some(planned.added.len() + planned.updated.len()));
        state.put_meetings(planned.into_writes());
    };
    // "Restored" is said once the whole restore is stored, not when it starts.
    Effect::new(move |_| {
        let pending = state.saving.bulk_pending.get();
        if let (0, Some(count)) = (pending, restoring.get_untracked()) {
            restoring.set(None);
            let message = tr(
                state.prefs.lang.get_untracked(),
                T::RestoreDone,
                &[&count.to_string()],
            );
            state.toasts.show(message, None);
        }
    });
    let progress = move || {
        let pending = state.saving.bulk_pending.get();
        (restoring.get().is_some() && pending > 0).then(|| {
            view! {
                <p class="hint" role="status" data-testid="restore-progress">
                    <progress aria-hidden="true"></progress>
                    " "
                    {tr(state.prefs.lang.get_untracked(), T::RestoreWriting, &[&pending.to_string()])}
                </p>
            }
        })
    };

    view! {
        <section class="sub-section">
            <h2>{state.text(T::BackupTitle)}</h2>
            <p class="hint">{state.text(T::BackupHint)}</p>
            <div class="button-row">
                <button type="button" data-testid="backup" on:click=download>
                    {state.text(T::BackupDownload)}
                </button>
                <label class="button file-button">
                    {state.text(T::RestoreChoose)}
                    <input
                        type="file"
                        accept=".json,application/json"
                        data-testid="restore-file"
                        on:change=choose
                    />
                </label>
            </div>
            {move || {
                error.get().map(|message| {
                    view! { <p class="error" role="alert" data-testid="restore-error">{message}</p> }
                })
            }}
            {progress}
            {move || {
                out_of_range.get().map(|message| {
                    view! { <p class="hint" role="status" data-testid="restore-out-of-range">{message}</p> }
                })
            }}
            {move || {
                plan.get().map(|planned| {
                    let lang = state.prefs.lang.get();
                    let summary = tr(
                        lang,
                        T::RestorePlan,
                        &[
                            &planned.total().to_string(),
                            &planned.added.len().to_string(),
                            &planned.updated.len().to_string(),
                            &planned.unchanged.to_string(),
                            &planned.kept_newer.len().to_string(),
                        ],
                    );
                    let can_apply = planned.changes_anything();
                    view! {
                        <div class="confirm" role="dialog" aria-live="polite" data-testid="restore-plan">
                            <p>{summary}</p>
                            {(!planned.kept_newer.is_empty()).then(|| view! {
                                <ul class="muted">
                                    {planned.kept_newer.iter().map(|t| view! { <li>{t.clone()}</li> }).collect_view()}
                                </ul>
                            })}
                            {if can_apply {
                                view! {
                                    <div class="button-row">
                                        <button type="button" class="primary" data-testid="restore-confirm" on:click=confirm>
                                            {state.text(T::RestoreConfirm)}
                                        </button>
                                        <button type="button" on:click=move |_| plan.set(None)>
                                            {state.text(T::Cancel)}
                                        </button>
                                    </div>
                                }.into_any()
                            } else {
                                view! { <p>{state.text(T::RestoreNothing)}</p> }.into_any()
                            }}
                        </div>
                    }
                })
            }}
        </section>
    }
}

#[component]
fn Undecodable() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <Show when=move || !state.undecodable.with(Vec::is_empty)>
            <section class="sub-section" data-testid="undecodable-list">
                <h2>{state.text(T::UndecodableTitle)}</h2>
                <ul class="rows">
                    {move || {
                        let lang = state.prefs.lang.get();
                        state
                            .undecodable
                            .get()
                            .into_iter()
                            .map(|record| {
                                let file = format!("crossmeet-record-{}.json", record.key);
                                let raw = record.raw.clone();
                                view! {
                                    <li class="row">
                                        <code class="grow">{record.key.clone()}</code>
                                        <span>{record.error.message(lang)}</span>
                                        <button
                                            type="button"
                                            on:click=move |_| {
                                                state.download(&file, "application/json", &raw);
                                            }
                                        >
                                            {state.text(T::DownloadRaw)}
                                        </button>
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </section>
        </Show>
    }
}
