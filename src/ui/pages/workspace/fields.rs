//! Reading and editing the open meeting, and the small form controls bound to one of its fields.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::core::domain::choice::Choice;
use crate::core::domain::edit::{At, Edit, FieldKey, List, Part, Row, Value};
use crate::core::domain::i18n::T;
use crate::core::domain::model::Meeting;
use crate::core::domain::time::{format_date, parse_date};
use crate::ui::keyed::Key;
use crate::ui::state::AppState;

/// Reads and edits one meeting by id. A view reads the part it shows (a field, a row, a list's
/// rows) and is redrawn when that part changes; `read` is for views derived from the whole.
#[derive(Clone)]
pub struct Current {
    pub id: String,
    pub state: AppState,
}

impl Current {
    pub fn new(id: String, state: AppState) -> Current {
        Current { id, state }
    }

    fn read_tracking<R: Default>(&self, key: Key, read: impl FnOnce(&Meeting) -> R) -> R {
        self.state.keys.track(&self.id, key);
        self.state.with_meeting(&self.id, read).unwrap_or_default()
    }

    /// Reads from the whole meeting, redrawn on any change of it.
    pub fn read<R: Default>(&self, read: impl FnOnce(&Meeting) -> R) -> R {
        self.read_tracking(Key::Whole, read)
    }

    /// Reads one of the meeting's own fields, redrawn only when that field changes.
    pub fn read_field<R: Default>(&self, field: FieldKey, read: impl FnOnce(&Meeting) -> R) -> R {
        self.read_tracking(Key::Part(Part::Field(field)), read)
    }

    /// Reads from one list, redrawn on any change of it and of nothing else.
    pub fn read_list<R, V: Default>(&self, rows: Rows<R>, read: impl FnOnce(&[R]) -> V) -> V {
        self.read_tracking(Key::AnyOf(rows.list), |m| read((rows.read)(m)))
    }

    /// The ids of a list's rows in order, redrawn when rows come, go or move.
    pub fn row_ids<R>(&self, rows: Rows<R>) -> Vec<String> {
        self.read_tracking(Key::Part(Part::Rows(rows.list)), |m| {
            (rows.read)(m)
                .iter()
                .map(|row| (rows.id_of)(row).to_owned())
                .collect()
        })
    }

    /// Sets one of the meeting's own fields, as typed or ticked.
    pub fn set(&self, value: Value) {
        self.state.dispatch_typing(&self.id, Edit::set(value));
    }

    /// Applies a change computed on a copy of the meeting (a button's action), as named edits.
    pub fn edit(&self, change: impl FnOnce(&mut Meeting)) {
        self.state.edit_meeting(&self.id, change);
    }

    /// Makes a destructive change and offers to take it back for a few seconds, saying
    /// `message`; undo takes back only this change.
    pub fn edit_with_undo(&self, message: T, change: impl FnOnce(&mut Meeting)) {
        self.state.edit_meeting_with_undo(&self.id, message, change);
    }
}

/// A labelled text input bound to a meeting field.
pub fn text_field(
    current: &Current,
    label: T,
    id: &'static str,
    field: FieldKey,
    get: fn(&Meeting) -> String,
    set: fn(String) -> Value,
) -> impl IntoView {
    let (read, write) = (current.clone(), current.clone());
    view! {
        <label class="field">
            <span>{current.state.text(label)}</span>
            <input
                type="text"
                id=id
                name=id
                prop:value=move || read.read_field(field, get)
                on:input=move |ev| write.set(set(event_target_value(&ev)))
            />
        </label>
    }
}

/// A checkbox bound to a yes/no field of the meeting.
pub fn check_field(
    current: &Current,
    label: T,
    field: FieldKey,
    get: fn(&Meeting) -> bool,
    set: fn(bool) -> Value,
) -> impl IntoView {
    let (read, write) = (current.clone(), current.clone());
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || read.read_field(field, get)
                on:change=move |ev| write.set(set(event_target_checked(&ev)))
            />
            {current.state.text(label)}
        </label>
    }
}

/// A `<select>` over an enum's values, bound to a meeting field. Values are the variants' names.
pub fn enum_select<E: Choice + Send + Sync>(
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
            prop:value=move || read.read(|m| get(m).key().to_owned())
            on:change=move |ev| {
                let value = event_target_value(&ev);
                if let Some(choice) = E::from_key(&value) {
                    write.edit(|m| set(m, choice));
                }
            }
        >
            {options
                .iter()
                .map(|option| view! { <option value=option.key()>{state.text(label_of(*option))}</option> })
                .collect_view()}
        </select>
    }
}

/// A list of the meeting whose rows have ids (participants, agenda items, pre-reads).
pub struct Rows<R> {
    pub list: List,
    pub read: fn(&Meeting) -> &[R],
    pub id_of: fn(&R) -> &str,
    pub wrap: fn(R) -> Row,
}

impl<R> Clone for Rows<R> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<R> Copy for Rows<R> {}

/// The workspace's lists with ids, each a `Rows` naming its list, row type and field.
macro_rules! lists_with_ids {
    ($($name:ident: $ty:ident as $list:ident in $field:ident;)*) => {$(
        pub const $name: Rows<crate::core::domain::model::$ty> = Rows {
            list: List::$list,
            wrap: Row::$list,
            read: |m| &m.$field,
            id_of: |row| &row.id,
        };
    )*};
}

lists_with_ids! {
    PARTICIPANTS: Participant as Participant in participants;
    AGENDA: AgendaItem as Agenda in agenda;
    MATERIALS: PreRead as Material in materials;
    ACTIONS: ActionItem as Action in actions;
    DECISIONS: Decision as Decision in decisions;
    PARKED: ParkedPoint as Parked in parking_lot;
}

impl Current {
    /// Reads from the row `id` of `rows`, redrawn only when that row changes; the default when
    /// it is gone.
    pub fn read_row<R, V: Default>(
        &self,
        rows: Rows<R>,
        id: &str,
        read: impl FnOnce(&R) -> V,
    ) -> V {
        let key = Key::Part(Part::Row(rows.list, At::Id(id.to_owned())));
        self.read_tracking(key, |m| {
            (rows.read)(m)
                .iter()
                .find(|r| (rows.id_of)(r) == id)
                .map(read)
                .unwrap_or_default()
        })
    }

    /// Changes the row `id` of `rows` in place: one edit naming that row, whichever place it
    /// has by then (a row re-sorted or moved by another tab keeps what is typed into it).
    pub fn edit_row<R: Clone>(&self, rows: Rows<R>, id: &str, change: impl FnOnce(&mut R)) {
        let row = self.state.with_meeting(&self.id, |m| {
            (rows.read)(m)
                .iter()
                .find(|r| (rows.id_of)(r) == id)
                .cloned()
        });
        if let Some(mut row) = row.flatten() {
            change(&mut row);
            self.state
                .dispatch_typing(&self.id, Edit::put(At::Id(id.to_owned()), (rows.wrap)(row)));
        }
    }

    /// Removes a row, offering undo for a few seconds.
    pub fn remove_row<R>(&self, rows: Rows<R>, id: &str) {
        self.state.dispatch_with_undo(
            &self.id,
            Edit::remove(rows.list, At::Id(id.to_owned())),
            T::RowRemoved,
        );
    }
}

/// A text input bound to one field of one row, labelled and placeheld by `label`.
pub fn row_text<R: Clone + 'static>(
    current: &Current,
    rows: Rows<R>,
    id: &str,
    label: T,
    dom_id: Option<String>,
    get: fn(&R) -> String,
    set: fn(&mut R, String),
) -> impl IntoView {
    let (value, input) = row_binding(current, rows, id, get, set);
    let state = current.state;
    view! {
        <input type="text" id=dom_id aria-label=state.text(label) placeholder=state.text(label)
            prop:value=value on:input=input/>
    }
}

/// A date input bound to one date of one row; marked `unset` while empty (room mode hides it).
pub fn row_date<R: Clone + 'static>(
    current: &Current,
    rows: Rows<R>,
    id: &str,
    get: fn(&R) -> Option<NaiveDate>,
    set: fn(&mut R, Option<NaiveDate>),
) -> impl IntoView {
    let (read, unset, write) = (current.clone(), current.clone(), current.clone());
    let (rid, uid, wid) = (id.to_owned(), id.to_owned(), id.to_owned());
    view! {
        <input type="date" aria-label=current.state.text(T::ColDeadline)
            class:unset=move || unset.read_row(rows, &uid, |row| get(row).is_none())
            prop:value=move || read.read_row(rows, &rid, |row| get(row).map(format_date).unwrap_or_default())
            on:change=move |ev| {
                let date = parse_date(&event_target_value(&ev));
                write.edit_row(rows, &wid, |row| set(row, date))
            }/>
    }
}

/// What a text control bound to one field of one row shows, and what its typing does.
fn row_binding<R: Clone + 'static>(
    current: &Current,
    rows: Rows<R>,
    id: &str,
    get: fn(&R) -> String,
    set: fn(&mut R, String),
) -> (
    impl Fn() -> String + 'static,
    impl Fn(leptos::ev::Event) + 'static,
) {
    let (read, write) = (current.clone(), current.clone());
    let (rid, wid) = (id.to_owned(), id.to_owned());
    (
        move || read.read_row(rows, &rid, get),
        move |ev| {
            let value = event_target_value(&ev);
            write.edit_row(rows, &wid, |row| set(row, value))
        },
    )
}

/// A wrapping text box bound to one field of one row: for captured text that may run long.
pub fn row_textarea<R: Clone + 'static>(
    current: &Current,
    rows: Rows<R>,
    id: &str,
    label: T,
    get: fn(&R) -> String,
    set: fn(&mut R, String),
) -> impl IntoView {
    let (value, input) = row_binding(current, rows, id, get, set);
    let state = current.state;
    view! {
        <textarea rows="1" aria-label=state.text(label) placeholder=state.text(label)
            prop:value=value on:input=input></textarea>
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

/// The id of the workspace's list of participant names, for owner fields to pick from.
pub const PARTICIPANT_NAMES: &str = "participant-names";

/// The participants' names as a `<datalist>`: owner fields offer them, free text still allowed.
pub fn participant_names(current: &Current) -> impl IntoView {
    let current = current.clone();
    view! {
        <datalist id=PARTICIPANT_NAMES>
            {move || current.read_list(PARTICIPANTS, |participants| {
                participants
                    .iter()
                    .filter(|p| !p.name.trim().is_empty())
                    .map(|p| view! { <option value=p.name.trim().to_owned()>{p.department.clone()}</option> })
                    .collect_view()
            })}
        </datalist>
    }
}
