//! Importing a shared plan (D4): from the link's fragment or from a meeting file, always through a
//! preview, and added to this device's meetings only when the user confirms.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::Meeting;
use crate::core::domain::time::{format_date_time, LocalZone};
use crate::core::formats::backup::{check_backup_size, ImportError, ImportSource, Imported};
use crate::core::formats::share::{
    decode_link_payload, parse_link_plan, parse_meeting_file, prepare_import, MAX_LINK_PLAN_BYTES,
};
use crate::core::view::route::{Route, Stage};
use crate::ui::state::{display_title, AppState};
use crate::ui::{browser, deflate};

/// Reads a link payload: base64url, then raw DEFLATE, then the stored envelope.
async fn read_link(payload: &str) -> Result<Imported<Meeting>, ImportError> {
    let compressed = decode_link_payload(payload)?;
    let text = deflate::inflate(&compressed, MAX_LINK_PLAN_BYTES)
        .await
        .map_err(|_| ImportError::BrokenLink)?;
    parse_link_plan(&text)
}

#[component]
pub fn SharePage(payload: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let incoming = RwSignal::new(None::<Meeting>);
    let error = RwSignal::new(None::<String>);
    // Numbers the plan held out of range, brought into range as it was read (D4).
    let out_of_range = RwSignal::new(None::<String>);
    let reading = RwSignal::new(!payload.is_empty());
    if !payload.is_empty() {
        spawn_local(async move {
            let result = read_link(&payload).await;
            reading.set(false);
            let lang = state.prefs.lang.get_untracked();
            match result {
                Ok(read) => {
                    out_of_range.set(read.out_of_range_message(lang, ImportSource::Link));
                    incoming.set(Some(read.value));
                }
                Err(refused) => error.set(Some(refused.message(lang))),
            }
        });
    }

    let choose = move |ev: leptos::ev::Event| {
        let Some(file) = browser::take_chosen_file(&ev) else {
            return;
        };
        error.set(None);
        incoming.set(None);
        out_of_range.set(None);
        let lang = state.prefs.lang.get_untracked();
        if let Err(refused) = check_backup_size(file.size() as u64) {
            error.set(Some(refused.message(lang)));
            return;
        }
        reading.set(true);
        spawn_local(async move {
            let text = browser::read_user_text(&file).await;
            reading.set(false);
            match text.map(|text| parse_meeting_file(&text)) {
                Ok(Ok(read)) => {
                    let name = file.name();
                    out_of_range.set(read.out_of_range_message(lang, ImportSource::File(&name)));
                    incoming.set(Some(read.value));
                }
                Ok(Err(refused)) => error.set(Some(refused.message(lang))),
                Err(refused) => error.set(Some(refused.message(lang))),
            }
        });
    };

    let import = move |_| {
        let Some(meeting) = incoming.get_untracked() else {
            return;
        };
        let lang = state.prefs.lang.get_untracked();
        let import = state.meetings.with_untracked(|existing| {
            prepare_import(existing, meeting, browser::now(), browser::new_id)
        });
        let title = display_title(&import.meeting, lang);
        let id = import.meeting.id.clone();
        let message = if import.is_copy {
            T::ShareImportedCopy
        } else {
            T::ShareImported
        };
        state.put_meetings(vec![import.meeting]);
        state.toasts.show(tr(lang, message, &[&title]), None);
        state.go(Route::Meeting {
            id,
            stage: Stage::Plan,
        });
    };

    view! {
        <section class="share-page">
            <h1>{state.text(T::SharePageTitle)}</h1>
            <p class="hint">{state.text(T::SharePageHint)}</p>
            <label class="button file-button">
                {state.text(T::ShareOpenFile)}
                <input type="file" accept=".json,application/json" data-testid="share-file" on:change=choose/>
            </label>
            {move || reading.get().then(|| view! {
                <p class="loading" role="status">{state.text(T::ShareReading)}</p>
            })}
            {move || error.get().map(|message| view! {
                <p class="error" role="alert" data-testid="share-error">{message}</p>
            })}
            {move || out_of_range.get().map(|message| view! {
                <p class="hint" role="status" data-testid="share-out-of-range">{message}</p>
            })}
            {move || incoming.get().map(|meeting| view! {
                <Preview meeting/>
                <div class="button-row">
                    <button type="button" class="primary" data-testid="share-import" on:click=import>
                        {state.text(T::ShareImport)}
                    </button>
                    <a class="button" href="#/">{state.text(T::Cancel)}</a>
                </div>
            })}
        </section>
    }
}

/// What the plan holds, enough to decide whether to import it.
#[component]
fn Preview(meeting: Meeting) -> impl IntoView {
    let state = expect_context::<AppState>();
    let lang = state.prefs.lang.get_untracked();
    let when = meeting
        .schedule
        .starts_at
        .map(|at| format_date_time(browser::DeviceZone.local(at)));
    let facts = tr(
        lang,
        T::SharePreviewFacts,
        &[
            &meeting.schedule.duration_minutes.to_string(),
            &meeting.participants.len().to_string(),
            &meeting.agenda.len().to_string(),
        ],
    );
    view! {
        <article class="card share-preview" data-testid="share-preview">
            <h2>{display_title(&meeting, lang)}</h2>
            <p>{meeting.objective.clone()}</p>
            <p class="muted">{when.map(|when| format!("{when} · "))}{facts}</p>
            <ol class="plain-list">
                {meeting.agenda.iter().map(|item| view! {
                    <li>{format!("{} · {}′", item.title, item.minutes)}</li>
                }).collect_view()}
            </ol>
            <p class="muted">{participant_line(&meeting, lang)}</p>
        </article>
    }
}

/// "王芳(市场部)、Li Lei" in Chinese, "王芳 (市场部), Li Lei" in English.
fn participant_line(meeting: &Meeting, lang: Lang) -> String {
    let (open, close, separator) = match lang {
        Lang::Zh => ("(", ")", "、"),
        Lang::En => (" (", ")", ", "),
    };
    meeting
        .participants
        .iter()
        .map(|p| {
            if p.department.is_empty() {
                p.name.clone()
            } else {
                format!("{}{open}{}{close}", p.name, p.department)
            }
        })
        .collect::<Vec<_>>()
        .join(separator)
}
