//! "Reach the owners" (F3): the owners' action calendar and the chase messages, for the actions
//! the tracker's filter selects (the whole tracker, one person, or one meeting's follow-up tab).
//! Nothing is worked out until a button asks for it, so the tracker's filter stays as quick.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use leptos::task::spawn_local;

use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::edit::{Edit, Row};
use crate::core::domain::i18n::{tr, T};
use crate::core::domain::model::{ActionItem, Meeting};
use crate::core::domain::tracker::{tracker_refs, SortKey, TrackerFilter};
use crate::core::formats::asking::make::make_ask;
use crate::core::formats::asking::messages::{owner_ask_message, MeetingLink};
use crate::core::formats::asking::AskLink;
use crate::core::formats::chase::{
    group_message, owner_message, owners_to_chase, ChaseContext, ChaseFormat,
};
use crate::core::formats::export::action_calendar::action_calendar;
use crate::ui::state::AppState;
use crate::ui::{browser, links};

/// Runs `use_rows` on the actions `filter` selects, earliest deadline first.
fn with_rows<R>(
    state: AppState,
    filter: &TrackerFilter,
    use_rows: impl FnOnce(&[(&Meeting, &ActionItem)]) -> R,
) -> R {
    state
        .meetings
        .with_untracked(|meetings| use_rows(&tracker_refs(meetings, filter, SortKey::Deadline)))
}

/// Copies the group message (`owner` is `None`) or the message for one owner.
fn copy_message(
    state: AppState,
    filter: RwSignal<TrackerFilter>,
    markdown: RwSignal<bool>,
    owner: Option<String>,
) {
    let cx = ChaseContext {
        lang: state.prefs.lang.get_untracked(),
        today: browser::today(),
        soon_days: state.prefs.due_soon_days.get_untracked(),
        format: if markdown.get_untracked() {
            ChaseFormat::Markdown
        } else {
            ChaseFormat::Plain
        },
    };
    let message = with_rows(state, &filter.get_untracked(), |rows| match &owner {
        Some(owner) => owner_message(rows, owner, cx),
        None => group_message(rows, cx),
    });
    match message {
        Some(text) => state.copy_to_clipboard(text),
        None => state
            .toasts
            .show(state.text(T::ChaseNobody).to_owned(), None),
    }
}

/// Asks `owner` for progress on their open actions that `filter` selects (A1): one ask per
/// meeting, remembered there, and one message with a link per meeting, copied; one undoable step.
fn ask_owner(
    state: AppState,
    filter: RwSignal<TrackerFilter>,
    markdown: RwSignal<bool>,
    owner: String,
) {
    let lang = state.prefs.lang.get_untracked();
    let now = browser::now();
    let asks: Vec<(String, AskRecord, AskLink, String)> =
        with_rows(state, &filter.get_untracked(), |rows| {
            let mut asks: Vec<(String, AskRecord, AskLink, String)> = Vec::new();
            for (meeting, action) in rows {
                if action.owner.trim() != owner
                    || action.status.is_closed()
                    || asks.iter().any(|(id, ..)| *id == meeting.id)
                {
                    continue;
                }
                let (record, link) = make_ask(
                    meeting,
                    AskKind::Actions,
                    std::slice::from_ref(&owner),
                    browser::new_id(),
                    links::new_secret(),
                    now,
                    lang,
                );
                let when = browser::shown_time(meeting.schedule.starts_at);
                asks.push((meeting.id.clone(), record, link, when));
            }
            asks
        });
    if asks.is_empty() {
        state
            .toasts
            .show(state.text(T::ChaseNobody).to_owned(), None);
        return;
    }
    let format = if markdown.get_untracked() {
        ChaseFormat::Markdown
    } else {
        ChaseFormat::Plain
    };
    spawn_local(async move {
        let mut hrefs = Vec::with_capacity(asks.len());
        for (_, _, link, _) in &asks {
            match links::make_ask_href(link).await {
                Ok(href) => hrefs.push(href),
                Err(_) => return,
            }
        }
        let meeting_links: Vec<MeetingLink> = asks
            .iter()
            .zip(&hrefs)
            .map(|((_, _, link, when), href)| MeetingLink {
                title: &link.title,
                when,
                href,
            })
            .collect();
        let message = owner_ask_message(&owner, &meeting_links, lang, format);
        // The asks are remembered only once their message is on the clipboard to send.
        if let Err(cause) = browser::copy_text(&message).await {
            state.toasts.show(tr(lang, T::CopyFailed, &[&cause]), None);
            return;
        }
        let count = asks.len().to_string();
        let edits = asks
            .into_iter()
            .map(|(id, record, ..)| {
                (
                    id,
                    Edit::Insert {
                        index: usize::MAX,
                        row: Row::Asked(record),
                    },
                )
            })
            .collect();
        state.dispatch_many_with_undo(edits, tr(lang, T::AskOwnerCopied, &[&owner, &count]));
    });
}

/// The panel for the actions `filter` selects; `file_stem` names the calendar file.
#[component]
pub fn ReachOwners(filter: RwSignal<TrackerFilter>, file_stem: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let markdown = RwSignal::new(false);
    let by_owner = RwSignal::new(false);
    let copy = move |owner: Option<String>| copy_message(state, filter, markdown, owner);
    let download = move |_| {
        let lang = state.prefs.lang.get_untracked();
        let calendar = with_rows(state, &filter.get_untracked(), |rows| {
            action_calendar(
                rows,
                lang,
                &browser::DeviceZone,
                browser::now(),
                browser::today(),
            )
        });
        let name = format!("{file_stem}-actions.ics");
        if state.download(&name, "text/calendar;charset=utf-8", &calendar.ics) {
            let said = tr(
                lang,
                T::CalendarWritten,
                &[
                    &calendar.events.to_string(),
                    &calendar.without_deadline.to_string(),
                ],
            );
            state.toasts.show(said, None);
        }
    };
    // One listener for the whole list: each button names its owner.
    let copy_for_owner = move |ev: leptos::ev::MouseEvent| {
        let button = ev
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let attribute = |name: &str| button.as_ref().and_then(|b| b.get_attribute(name));
        if let Some(owner) = attribute("data-ask-owner") {
            ask_owner(state, filter, markdown, owner);
        } else if let Some(owner) = attribute("data-owner") {
            copy(Some(owner));
        }
    };
    let owner_list = move || {
        if !by_owner.get() {
            return None;
        }
        state.meetings.track();
        let today = browser::today();
        let owners = with_rows(state, &filter.get(), |rows| owners_to_chase(rows, today));
        let lang = state.prefs.lang.get_untracked();
        let items = owners
            .into_iter()
            .map(|load| {
                let label = tr(lang, T::CopyOwnerMessageFor, &[&load.owner]);
                let counts = tr(lang, T::OwnerLoadLine, &[&load.open.to_string(), &load.overdue.to_string()]);
                view! {
                    <li>
                        <span class="owner">{load.owner.clone()}</span>
                        <span class="muted">{counts}</span>
                        <button type="button" data-testid="chase-copy" data-owner=load.owner.clone() aria-label=label>
                            {state.text(T::CopyOwnerMessage)}
                        </button>
                        <button type="button" data-testid="ask-owner" data-ask-owner=load.owner.clone()
                            aria-label=tr(lang, T::AskOwnerFor, &[&load.owner])>
                            {state.text(T::AskOwner)}
                        </button>
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <ul class="owner-list" data-testid="chase-owners" on:click=copy_for_owner>
                {items}
                // Shown by the stylesheet only when it is the only item.
                <li class="muted empty-note" data-testid="chase-nobody">{state.text(T::ChaseNobody)}</li>
            </ul>
        })
    };
    view! {
        <section class="sub-section reach" data-testid="reach">
            <h2>{state.text(T::ReachTitle)}</h2>
            <p class="muted">{state.text(T::ReachHint)}</p>
            <div class="button-row">
                <button type="button" data-testid="download-action-ics" on:click=download>{state.text(T::DownloadActionCalendar)}</button>
            </div>
            <div class="button-row">
                <select aria-label=state.text(T::ChaseFormatLabel) data-testid="chase-format"
                    on:change=move |ev| markdown.set(event_target_value(&ev) == "md")>
                    <option value="text">{state.text(T::ChaseFormatPlain)}</option>
                    <option value="md">{state.text(T::ChaseFormatMarkdown)}</option>
                </select>
                <button type="button" data-testid="copy-group-message" on:click=move |_| copy(None)>{state.text(T::CopyGroupMessage)}</button>
            </div>
            // The list is worked out only while it is open.
            <details on:toggle=move |ev| by_owner.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
                <summary data-testid="chase-by-owner">{state.text(T::ChaseByOwner)}</summary>
                {owner_list}
            </details>
        </section>
    }
}
