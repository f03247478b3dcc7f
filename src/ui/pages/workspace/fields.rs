//! Reading and editing the open meeting, and the small form controls bound to one of its fields.

use leptos::prelude::*;

use crate::core::i18n::T;
use crate::core::model::Meeting;
use crate::ui::state::AppState;

/// Reads and edits one meeting by id.
#[derive(Clone)]
pub struct Current {
    pub id: String,
    meeting: Memo<Option<Meeting>>,
    pub state: AppState,
}

impl Current {
    pub fn new(id: String, meeting: Memo<Option<Meeting>>, state: AppState) -> Current {
        Current { id, meeting, state }
    }

    /// Reads from the meeting, subscribing the caller to its changes.
    pub fn read<R: Default>(&self, read: impl FnOnce(&Meeting) -> R) -> R {
        self.meeting
            .with(|meeting| meeting.as_ref().map(read).unwrap_or_default())
    }

    pub fn edit(&self, change: impl FnOnce(&mut Meeting)) {
        self.state.edit_meeting(&self.id, change);
    }
}

/// A labelled text input bound to a meeting field.
pub fn text_field(
    current: &Current,
    label: T,
    id: &'static str,
    get: fn(&Meeting) -> String,
    set: fn(&mut Meeting, String),
) -> impl IntoView {
    let (read, write) = (current.clone(), current.clone());
    view! {
        <label class="field">
            <span>{current.state.text(label)}</span>
            <input
                type="text"
                id=id
                name=id
                prop:value=move || read.read(get)
                on:input=move |ev| write.edit(|m| set(m, event_target_value(&ev)))
            />
        </label>
    }
}

/// A checkbox bound to a yes/no field of the meeting.
pub fn check_field(
    current: &Current,
    label: T,
    get: fn(&Meeting) -> bool,
    set: fn(&mut Meeting, bool),
) -> impl IntoView {
    let (read, write) = (current.clone(), current.clone());
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || read.read(get)
                on:change=move |ev| write.edit(|m| set(m, event_target_checked(&ev)))
            />
            {current.state.text(label)}
        </label>
    }
}

/// A `<select>` over an enum's values, bound to a meeting field. Values are the variants' names.
pub fn enum_select<E: Copy + std::fmt::Debug + PartialEq + Send + Sync + 'static>(
    current: &Current,
    id: &'static str,
    options: &'static [E],
    label_of: fn(E) -> T,
    get: fn(&Meeting) -> E,
    set: fn(&mut Meeting, E),
) -> impl IntoView {
    let (read, write) = (current.clone(), current.clone());
    let state = current.state;
    view! {
        <select
            id=id
            name=id
            prop:value=move || read.read(|m| format!("{:?}", get(m)))
            on:change=move |ev| {
                let value = event_target_value(&ev);
                if let Some(choice) = options.iter().copied().find(|o| format!("{o:?}") == value) {
                    write.edit(|m| set(m, choice));
                }
            }
        >
            {options
                .iter()
                .map(|option| view! { <option value=format!("{option:?}")>{state.text(label_of(*option))}</option> })
                .collect_view()}
        </select>
    }
}
