//! The follow-up tab (F1, F2): the minutes, generated from the meeting and editable before they
//! go out, with "draft sent" and "final sent" marks and a countdown to the 2-hour and 24-hour
//! limits; the exports (minutes Markdown, CSV for Excel) and the owners' daily progress time;
//! reaching the owners (their calendar, chase messages); and the meeting's read-back.

use leptos::prelude::*;

use crate::core::domain::asks::AskKind;

use crate::core::domain::edit::Value;

use super::fields::Current;
use super::read_back::ReadBack;
use crate::core::domain::clock::format_countdown;
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::{Meeting, MinutesStatus};
use crate::core::domain::time::{format_time, parse_time};
use crate::core::domain::tracker::TrackerFilter;
use crate::core::formats::export::chat_text::chat_text;
use crate::core::formats::export::csv::{actions_csv, agenda_csv, decisions_csv};
use crate::core::formats::export::markdown_html::to_html;
use crate::core::formats::export::minutes::{minutes_due, minutes_markdown, MinutesDue};
use crate::ui::browser;
use crate::ui::hooks::use_now;
use crate::ui::pages::reach::ReachOwners;

#[derive(Clone, Copy)]
enum Export {
    Minutes,
    Actions,
    Decisions,
    Agenda,
}

/// The minutes as edited, or freshly generated when nobody has edited them yet.
fn minutes_text(meeting: &Meeting, lang: crate::core::domain::i18n::Lang) -> String {
    if meeting.minutes.text.trim().is_empty() {
        minutes_markdown(meeting, lang, &browser::DeviceZone, browser::now())
    } else {
        meeting.minutes.text.clone()
    }
}

#[component]
pub fn FollowUpStage(current: Current) -> impl IntoView {
    let state = current.state;
    let now = use_now(std::time::Duration::from_secs(1));

    // Which lines the countdown has, and whether each is late, changes rarely; the figures
    // change every second, and only their text is rewritten then.
    let c = current.clone();
    let due = Memo::new(move |_| c.read(|m| minutes_due(m, now.get())));
    let late = |left: Option<chrono::Duration>| left.map(|left| left < chrono::Duration::zero());
    let shape = Memo::new(move |_| due.get().map(|d| (late(d.draft_left), late(d.final_left))));
    let line = move |pick: fn(&MinutesDue) -> Option<chrono::Duration>, label: T| {
        move || {
            let lang = state.prefs.lang.get();
            due.get().and_then(|d| pick(&d)).map(|left| {
                if left < chrono::Duration::zero() {
                    tr(
                        lang,
                        T::MinutesLate,
                        &[label.get(lang), &format_countdown(left, lang)],
                    )
                } else {
                    tr(
                        lang,
                        T::MinutesLeft,
                        &[label.get(lang), &format_countdown(left, lang)],
                    )
                }
            })
        }
    };
    let countdown = move || {
        match shape.get() {
        None => view! { <p class="muted">{state.text(T::MinutesAfterEnd)}</p> }.into_any(),
        Some((draft, last)) => view! {
            <div class="countdown">
                {draft.map(|late| view! { <p class:late=late data-testid="minutes-countdown">{line(|d| d.draft_left, T::MinutesDraft)}</p> })}
                {last.map(|late| view! { <p class:late=late data-testid="minutes-countdown">{line(|d| d.final_left, T::MinutesFinal)}</p> })}
            </div>
        }
        .into_any(),
    }
    };

    let (read, write) = (current.clone(), current.clone());
    // Every keystroke is stored (memory, then IndexedDB and the leaving journal): minutes typed
    // with the cursor still in the editor survive a crash (F1).
    let text = move || read.read(|m| minutes_text(m, state.prefs.lang.get()));
    let preview = text.clone();
    let c = current.clone();
    let regenerate = move |_| c.edit_with_undo(T::MinutesRegenerated, |m| m.minutes.text.clear());
    let mark = {
        let current = current.clone();
        move |status: MinutesStatus| {
            let at = browser::now();
            current.edit(|m| {
                m.minutes.status = status;
                match status {
                    MinutesStatus::DraftSent => m.minutes.draft_sent_at = Some(at),
                    MinutesStatus::FinalSent => m.minutes.final_sent_at = Some(at),
                    MinutesStatus::NotStarted => {}
                }
            });
        }
    };
    let mark_final = mark.clone();
    let c = current.clone();
    let status = move || c.read(|m| state.text(m.minutes_label()).to_owned());
    let c = current.clone();
    let next_mark = Memo::new(move |_| c.read(|m| m.minutes.status));

    // Chat apps show Markdown as typed: the plain-text copy is the one for the group (F1).
    let c = current.clone();
    let copy = move |markdown: bool| {
        let lang = state.prefs.lang.get_untracked();
        let text = c.read(|m| minutes_text(m, lang));
        state.copy_to_clipboard(if markdown {
            text
        } else {
            chat_text(&text, lang)
        });
    };
    let copy_markdown = copy.clone();
    let reader = current.clone();
    let export = move |kind: Export| {
        let lang = state.prefs.lang.get_untracked();
        let (name, mime, body) = reader.read(|m| {
            let stem = format!("crossmeet-{}", m.id);
            match kind {
                Export::Minutes => (
                    format!("{stem}-minutes.md"),
                    "text/markdown;charset=utf-8",
                    minutes_text(m, lang),
                ),
                Export::Actions => (
                    format!("{stem}-actions.csv"),
                    "text/csv;charset=utf-8",
                    actions_csv([m], lang),
                ),
                Export::Decisions => (
                    format!("{stem}-decisions.csv"),
                    "text/csv;charset=utf-8",
                    decisions_csv(m, lang),
                ),
                Export::Agenda => (
                    format!("{stem}-agenda.csv"),
                    "text/csv;charset=utf-8",
                    agenda_csv(m, lang),
                ),
            }
        });
        state.download(&name, mime, &body);
    };
    let button = move |kind: Export, label: T, testid: &'static str| {
        let export = export.clone();
        view! { <button type="button" data-testid=testid on:click=move |_| export(kind)>{state.text(label)}</button> }
    };
    let meeting_id = current.id.clone();
    let meeting_only = TrackerFilter {
        meeting_id: Some(meeting_id.clone()),
        ..TrackerFilter::default()
    };
    let c = current.clone();
    let progress_time = move || c.read(|m| m.progress_time.map(format_time).unwrap_or_default());
    let set_progress = current.clone();
    view! {
        <section class="sub-section">
            <h2>{state.text(T::MinutesTitle)} " · " <span data-testid="minutes-status">{status}</span></h2>
            {countdown}
            <div class="minutes-side">
                <textarea
                    class="minutes-editor"
                    rows="14"
                    aria-label=state.text(T::MinutesTitle)
                    data-testid="minutes-editor"
                    prop:value=text
                    on:input=move |ev| write.set(Value::MinutesText(event_target_value(&ev)))
                ></textarea>
                // Rendered from the Markdown (`markdown_html` escapes every text); what the print
                // stylesheet prints from this tab.
                <div class="document-preview printable" role="region" tabindex="0" aria-label=state.text(T::MinutesPreview)
                    data-testid="minutes-preview" inner_html=move || to_html(&preview())></div>
            </div>
            <div class="button-row">
                <button type="button" on:click=regenerate>{state.text(T::RegenerateMinutes)}</button>
                <button type="button" data-testid="copy-minutes" on:click=move |_| copy(false)>{state.text(T::CopyMinutes)}</button>
                <button type="button" data-testid="copy-minutes-md" on:click=move |_| copy_markdown(true)>{state.text(T::CopyMinutesMarkdown)}</button>
                <button type="button" data-testid="print-minutes" on:click=|_| browser::print()>{state.text(T::PrintPdf)}</button>
                // The one due next is the primary button: the draft, then the final.
                <button type="button" class:primary=move || next_mark.get() == MinutesStatus::NotStarted data-testid="mark-draft" on:click=move |_| mark(MinutesStatus::DraftSent)>
                    {state.text(T::MarkDraftSent)}
                </button>
                <button type="button" class:primary=move || next_mark.get() == MinutesStatus::DraftSent data-testid="mark-final" on:click=move |_| mark_final(MinutesStatus::FinalSent)>
                    {state.text(T::MarkFinalSent)}
                </button>
            </div>
        </section>
        <section class="sub-section">
            <h2>{state.text(T::Exports)}</h2>
            <div class="button-row">
                {button(Export::Minutes, T::DownloadMinutes, "download-minutes")}
                {button(Export::Actions, T::DownloadActionsCsv, "download-actions")}
                {button(Export::Decisions, T::DownloadDecisionsCsv, "download-decisions")}
                {button(Export::Agenda, T::DownloadAgendaCsv, "download-agenda")}
            </div>
            <label class="field">
                <span>{state.text(T::ProgressTimeLabel)}</span>
                <input type="time" data-testid="progress-time" class="minutes"
                    prop:value=progress_time
                    on:change=move |ev| {
                        let value = event_target_value(&ev);
                        set_progress.edit(|m| m.progress_time = parse_time(&value));
                    }/>
                <small class="muted">{state.text(T::ProgressTimeHint)}</small>
            </label>
        </section>
        <ReachOwners filter=RwSignal::new(meeting_only) file_stem=format!("crossmeet-{meeting_id}")/>
        <super::ask_panel::AskPanel current=current.clone() kinds=&[AskKind::Actions, AskKind::Minutes, AskKind::Feedback]/>
        <super::feedback::FeedbackForm current=current.clone()/>
        <ReadBack current/>
    }
}
