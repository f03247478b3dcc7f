//! Reading and editing the open meeting, and the small form controls bound to one of its fields.

use leptos::prelude::*;

use crate::core::domain::i18n::T;
use crate::core::domain::model::Meeting;
use crate::ui::state::AppState;
use crate::ui::toast::Undo;

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

/// A list of the meeting whose rows have ids (participants, agenda items, pre-reads).
pub struct Rows<R> {
    pub read: fn(&Meeting) -> &[R],
    pub write: fn(&mut Meeting) -> &mut Vec<R>,
    pub id_of: fn(&R) -> &str,
}

impl<R> Clone for Rows<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Rows<R> {}

pub const PARTICIPANTS: Rows<crate::core::domain::model::Participant> = Rows {
    read: |m| &m.participants,
    write: |m| &mut m.participants,
    id_of: |p| &p.id,
};

pub const AGENDA: Rows<crate::core::domain::model::AgendaItem> = Rows {
    read: |m| &m.agenda,
    write: |m| &mut m.agenda,
    id_of: |a| &a.id,
};

pub const MATERIALS: Rows<crate::core::domain::model::PreRead> = Rows {
    read: |m| &m.materials,
    write: |m| &mut m.materials,
    id_of: |x| &x.id,
};

impl Current {
    /// Reads from the row `id` of `rows`; the default when it is gone.
    pub fn read_row<R, V: Default>(
        &self,
        rows: Rows<R>,
        id: &str,
        read: impl FnOnce(&R) -> V,
    ) -> V {
        self.read(|m| {
            (rows.read)(m)
                .iter()
                .find(|r| (rows.id_of)(r) == id)
                .map(read)
                .unwrap_or_default()
        })
    }

    pub fn edit_row<R>(&self, rows: Rows<R>, id: &str, change: impl FnOnce(&mut R)) {
        self.edit(|m| {
            if let Some(row) = (rows.write)(m).iter_mut().find(|r| (rows.id_of)(r) == id) {
                change(row);
            }
        });
    }

    /// Removes a row, offering undo for a few seconds.
    pub fn remove_row<R>(&self, rows: Rows<R>, id: &str) {
        self.edit_with_undo(T::RowRemoved, |m| {
            (rows.write)(m).retain(|r| (rows.id_of)(r) != id)
        });
    }

    /// Makes a destructive edit and offers to revert it for a few seconds, saying `message`.
    pub fn edit_with_undo(&self, message: T, change: impl FnOnce(&mut Meeting)) {
        let before = self.state.find(&self.id);
        self.edit(change);
        if let Some(meeting) = before {
            let message = self.state.text(message).to_owned();
            self.state.toasts.show(
                message,
                Some(Undo::Revert {
                    meeting: Box::new(meeting),
                }),
            );
        }
    }
}

/// A text input bound to one field of one row, labelled and placeheld by `label`.
pub fn row_text<R: 'static>(
    current: &Current,
    rows: Rows<R>,
    id: &str,
    label: T,
    dom_id: Option<String>,
    get: fn(&R) -> String,
    set: fn(&mut R, String),
) -> impl IntoView {
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (id.to_owned(), id.to_owned());
    let state = current.state;
    view! {
        <input
            type="text"
            id=dom_id
            aria-label=state.text(label)
            placeholder=state.text(label)
            prop:value=move || read.read_row(rows, &rid, get)
            on:input=move |ev| {
                let value = event_target_value(&ev);
                write.edit_row(rows, &wid, |row| set(row, value))
            }
        />
    }
}

/// The × button that removes one row.
pub fn remove_row_button<R: 'static>(current: &Current, rows: Rows<R>, id: &str) -> impl IntoView {
    let (c, id) = (current.clone(), id.to_owned());
    view! {
        <button type="button" class="quiet" aria-label=current.state.text(T::Delete) on:click=move |_| c.remove_row(rows, &id)>
            "×"
        </button>
    }
}

pub const ACTIONS: Rows<crate::core::domain::model::ActionItem> = Rows {
    read: |m| &m.actions,
    write: |m| &mut m.actions,
    id_of: |a| &a.id,
};

/// The id of the workspace's list of participant names, for owner fields to pick from.
pub const PARTICIPANT_NAMES: &str = "participant-names";

/// The participants' names as a `<datalist>`: owner fields offer them, free text still allowed.
pub fn participant_names(current: &Current) -> impl IntoView {
    let current = current.clone();
    view! {
        <datalist id=PARTICIPANT_NAMES>
            {move || current.read(|m| {
                m.participants
                    .iter()
                    .filter(|p| !p.name.trim().is_empty())
                    .map(|p| view! { <option value=p.name.trim().to_owned()>{p.department.clone()}</option> })
                    .collect_view()
            })}
        </datalist>
    }
}
