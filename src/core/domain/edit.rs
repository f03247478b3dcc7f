//! Every change a user makes to a meeting, as data: a small closed set of named edits, each of
//! which returns its exact inverse when applied (the shape of ProseMirror's steps). Undo applies
//! the inverse, so it takes back only what it names and leaves later edits alone; an inverse
//! carries what it expects to find, so when a later edit changed the same thing it is refused
//! instead of overwriting that edit. The same edits are what the shell writes, tells other tabs
//! and, later, what replies and a shared space deliver.

use chrono::{DateTime, NaiveTime, Utc};

use crate::core::domain::i18n::T;
use crate::core::domain::model::{
    ActionItem, AgendaItem, Decision, Feedback, FormatMode, Meeting, MeetingType, MinutesStatus,
    ParkedPoint, Participant, PreRead, PreparationAsk, RunEvent, SeriesRef, Situation,
};

/// Declares the meeting's own fields that an edit can set: each becomes a [`Value`] variant
/// holding the new value and a [`FieldKey`] naming it, so a view can subscribe to one field.
macro_rules! meeting_fields {
    ($($name:ident($ty:ty) at $($path:ident).+;)*) => {
        /// A new value for one of the meeting's own fields.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Value { $($name($ty),)* }

        /// Which field a [`Value`] sets.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum FieldKey { $($name,)* }

        impl Value {
            pub fn key(&self) -> FieldKey {
                match self { $(Value::$name(_) => FieldKey::$name,)* }
            }

            /// Puts this value into `meeting` and returns the one it replaced.
            fn swap_into(self, meeting: &mut Meeting) -> Value {
                match self {
                    $(Value::$name(value) => {
                        Value::$name(std::mem::replace(&mut meeting.$($path).+, value))
                    })*
                }
            }

            /// The meeting holds exactly this value.
            fn is_in(&self, meeting: &Meeting) -> bool {
                match self { $(Value::$name(value) => meeting.$($path).+ == *value,)* }
            }
        }

        /// Sets of the fields that differ between `before` and `after`.
        fn diff_fields(before: &Meeting, after: &Meeting, edits: &mut Vec<Edit>) {
            $(if before.$($path).+ != after.$($path).+ {
                edits.push(Edit::set(Value::$name(after.$($path).+.clone())));
            })*
        }
    };
}

meeting_fields! {
    Title(String) at title;
    Objective(String) at objective;
    Kind(MeetingType) at kind;
    NeedsSeveralDepartments(Option<bool>) at necessity.needs_several_departments;
    NeedsCombinedResources(Option<bool>) at necessity.needs_combined_resources;
    AsyncUpdateWouldDo(Option<bool>) at necessity.async_update_would_do;
    StartsAt(Option<DateTime<Utc>>) at schedule.starts_at;
    DurationMinutes(u32) at schedule.duration_minutes;
    NoticeSentAt(Option<DateTime<Utc>>) at schedule.notice_sent_at;
    Mode(FormatMode) at format.mode;
    Room(String) at format.room;
    RoomIsNeutral(Option<bool>) at format.room_is_neutral;
    Platform(String) at format.platform;
    Link(String) at format.link;
    DevicesTested(bool) at format.devices_tested;
    MinutesText(String) at minutes.text;
    MinutesStatus(MinutesStatus) at minutes.status;
    DraftSentAt(Option<DateTime<Utc>>) at minutes.draft_sent_at;
    FinalSentAt(Option<DateTime<Utc>>) at minutes.final_sent_at;
    ProgressTime(Option<NaiveTime>) at progress_time;
    Series(Option<SeriesRef>) at series;
    ImprovementNotes(Vec<String>) at improvement_notes;
    Situation(Situation) at situation;
    IsTemplate(bool) at is_template;
    RunLog(Vec<RunEvent>) at run_log;
}

/// Where a row is: by its id, or by its place for the lists whose rows have no id.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum At {
    Id(String),
    Index(usize),
}

/// Declares the meeting's lists of rows: each becomes a [`Row`] variant and a [`List`] name.
macro_rules! meeting_lists {
    ($($name:ident($ty:ty) in $field:ident;)*) => {
        /// One row of one of the meeting's lists.
        #[derive(Clone, Debug, PartialEq)]
        pub enum Row { $($name($ty),)* }

        /// One of the meeting's lists of rows.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum List { $($name,)* }

        impl List {
            pub const ALL: &[List] = &[$(List::$name,)*];
        }

        impl Row {
            pub fn list(&self) -> List {
                match self { $(Row::$name(_) => List::$name,)* }
            }

            /// Where this row is found when it stands at `index`: by its id when its list has ids.
            pub fn place(&self, index: usize) -> At {
                match self {
                    $(Row::$name(row) => rows::place(row, index),)*
                }
            }
        }

        impl List {
            fn put(self, meeting: &mut Meeting, at: &At, row: Row, from: Option<&Row>) -> Result<Row, Refused> {
                match (self, row) {
                    $((List::$name, Row::$name(row)) => {
                        let from = match from { Some(Row::$name(from)) => Some(from), _ => None };
                        rows::put(&mut meeting.$field, at, row, from).map(Row::$name)
                    })*
                    _ => Err(Refused::Gone),
                }
            }

            fn insert(self, meeting: &mut Meeting, index: usize, row: Row) -> Result<At, Refused> {
                match (self, row) {
                    $((List::$name, Row::$name(row)) => rows::insert(&mut meeting.$field, index, row),)*
                    _ => Err(Refused::Gone),
                }
            }

            fn remove(self, meeting: &mut Meeting, at: &At, from: Option<&Row>) -> Result<(Row, usize), Refused> {
                match self {
                    $(List::$name => {
                        let from = match from { Some(Row::$name(from)) => Some(from), _ => None };
                        rows::remove(&mut meeting.$field, at, from).map(|(row, index)| (Row::$name(row), index))
                    })*
                }
            }

            fn move_to(self, meeting: &mut Meeting, at: &At, to: usize) -> Result<(At, usize), Refused> {
                match self { $(List::$name => rows::move_to(&mut meeting.$field, at, to),)* }
            }

            /// The edits that turn this list in `before` into the one in `after`.
            fn diff(self, before: &Meeting, after: &Meeting, edits: &mut Vec<Edit>) {
                match self { $(List::$name => rows::diff(&before.$field, &after.$field, Row::$name, List::$name, edits),)* }
            }

            /// The row at `at`, if it is there.
            pub fn find(self, meeting: &Meeting, at: &At) -> Option<Row> {
                match self {
                    $(List::$name => rows::find(&meeting.$field, at).map(|index| Row::$name(meeting.$field[index].clone())),)*
                }
            }
        }
    };
}

meeting_lists! {
    Participant(Participant) in participants;
    Agenda(AgendaItem) in agenda;
    Material(PreRead) in materials;
    Ask(PreparationAsk) in preparation_asks;
    Parked(ParkedPoint) in parking_lot;
    Decision(Decision) in decisions;
    Action(ActionItem) in actions;
    Feedback(Feedback) in feedback;
}

/// One change to a meeting. `from` is what the edit expects to replace: `None` replaces whatever
/// is there (a user's own edit); an inverse always names it, so undo never overwrites a later edit.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets one of the meeting's own fields.
    Set { to: Value, from: Option<Value> },
    /// Replaces one row in place.
    Put { at: At, row: Row, from: Option<Row> },
    /// Adds a row at `index` (the end when past it).
    Insert { index: usize, row: Row },
    /// Takes a row out.
    Remove {
        list: List,
        at: At,
        from: Option<Row>,
    },
    /// Moves a row to `to` in its list.
    Move { list: List, at: At, to: usize },
    /// Appends an event to the run log (E2).
    Log(RunEvent),
    /// Takes the last event equal to this one out of the run log.
    Unlog(RunEvent),
    /// Several edits as one: all apply or none does.
    All(Vec<Edit>),
}

/// Why an edit could not be applied; the meeting is then unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refused {
    /// What it changes is no longer there.
    Gone,
    /// A later edit changed what it would change.
    Changed,
}

impl Refused {
    /// What the user is told when an undo is refused.
    pub fn message(self) -> T {
        match self {
            Refused::Gone => T::UndoGone,
            Refused::Changed => T::UndoChanged,
        }
    }
}

impl Edit {
    /// Sets a field, whatever it held.
    pub fn set(to: Value) -> Edit {
        Edit::Set { to, from: None }
    }

    /// Replaces a row found by its id (or place), whatever it held.
    pub fn put(at: At, row: Row) -> Edit {
        Edit::Put {
            at,
            row,
            from: None,
        }
    }

    /// Removes a row, whatever it holds.
    pub fn remove(list: List, at: At) -> Edit {
        Edit::Remove {
            list,
            at,
            from: None,
        }
    }

    /// Applies the edit and returns its inverse, or leaves the meeting unchanged and says why.
    pub fn apply(self, meeting: &mut Meeting) -> Result<Edit, Refused> {
        match self {
            Edit::Set { to, from } => {
                if from.as_ref().is_some_and(|from| !from.is_in(meeting)) {
                    return Err(Refused::Changed);
                }
                let new = to.clone();
                let old = to.swap_into(meeting);
                Ok(Edit::Set {
                    to: old,
                    from: Some(new),
                })
            }
            Edit::Put { at, row, from } => {
                let new = row.clone();
                let old = row.list().put(meeting, &at, row, from.as_ref())?;
                Ok(Edit::Put {
                    at,
                    row: old,
                    from: Some(new),
                })
            }
            Edit::Insert { index, row } => {
                let list = row.list();
                let from = row.clone();
                let at = list.insert(meeting, index, row)?;
                Ok(Edit::Remove {
                    list,
                    at,
                    from: Some(from),
                })
            }
            Edit::Remove { list, at, from } => {
                let (row, index) = list.remove(meeting, &at, from.as_ref())?;
                Ok(Edit::Insert { index, row })
            }
            Edit::Move { list, at, to } => {
                let (at, from_index) = list.move_to(meeting, &at, to)?;
                Ok(Edit::Move {
                    list,
                    at,
                    to: from_index,
                })
            }
            Edit::Log(event) => {
                meeting.run_log.push(event.clone());
                Ok(Edit::Unlog(event))
            }
            Edit::Unlog(event) => {
                let index = meeting
                    .run_log
                    .iter()
                    .rposition(|logged| *logged == event)
                    .ok_or(Refused::Gone)?;
                // Only the last event may go: one taken from the middle would change what every
                // later event means (whose turn, which item).
                if index + 1 != meeting.run_log.len() {
                    return Err(Refused::Changed);
                }
                meeting.run_log.pop();
                Ok(Edit::Log(event))
            }
            Edit::All(edits) => {
                let mut inverses = Vec::with_capacity(edits.len());
                for edit in edits {
                    match edit.apply(meeting) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(refused) => {
                            // Take back what did apply, newest first, so nothing is half done.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(meeting);
                            }
                            return Err(refused);
                        }
                    }
                }
                inverses.reverse();
                Ok(Edit::All(inverses))
            }
        }
    }

    /// What this edit changes, added to `parts`.
    pub fn parts(&self, parts: &mut Vec<Part>) {
        match self {
            Edit::Set {
                to: Value::RunLog(_),
                ..
            } => parts.push(Part::RunLog),
            Edit::Set { to, .. } => parts.push(Part::Field(to.key())),
            Edit::Put { at, row, .. } => parts.push(Part::Row(row.list(), at.clone())),
            Edit::Insert { row, .. } => parts.push(Part::Rows(row.list())),
            Edit::Remove { list, at, .. } => {
                parts.extend([Part::Rows(*list), Part::Row(*list, at.clone())])
            }
            Edit::Move { list, .. } => parts.push(Part::Rows(*list)),
            Edit::Log(_) | Edit::Unlog(_) => parts.push(Part::RunLog),
            Edit::All(edits) => edits.iter().for_each(|edit| edit.parts(parts)),
        }
    }

    /// Whether applying it would change nothing (an empty batch, as a diff of equal meetings).
    pub fn is_nothing(&self) -> bool {
        matches!(self, Edit::All(edits) if edits.iter().all(Edit::is_nothing))
    }
}

/// The edit that turns `before` into `after`: the fields that differ, each list's removed,
/// added, changed and moved rows, and the run events appended. A change made by any code on a
/// copy of the meeting thereby becomes named edits with exact inverses. Ids, revision and
/// timestamps are the store's, not the user's, and are left out.
pub fn diff(before: &Meeting, after: &Meeting) -> Edit {
    let mut edits = Vec::new();
    let appended =
        after.run_log.len() > before.run_log.len() && after.run_log.starts_with(&before.run_log);
    if appended {
        let new = &after.run_log[before.run_log.len()..];
        edits.extend(new.iter().cloned().map(Edit::Log));
    }
    let mut fields = Vec::new();
    diff_fields(before, after, &mut fields);
    edits.extend(fields.into_iter().filter(|edit| {
        !(appended
            && matches!(
                edit,
                Edit::Set {
                    to: Value::RunLog(_),
                    ..
                }
            ))
    }));
    for list in List::ALL {
        list.diff(before, after, &mut edits);
    }
    match edits.len() {
        1 => edits.pop().expect("one edit"),
        _ => Edit::All(edits),
    }
}

/// What an edit changes, by name: the views that show one of these are the ones to redraw.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Part {
    Field(FieldKey),
    /// One row's content.
    Row(List, At),
    /// Which rows a list has, and their order.
    Rows(List),
    RunLog,
}

/// The row operations, written once over any list.
mod rows {
    use super::{At, Edit, List, Refused, Row};
    use crate::core::domain::model::{
        ActionItem, AgendaItem, Decision, Feedback, ParkedPoint, Participant, PreRead,
        PreparationAsk,
    };

    /// A row's id, for the lists whose rows have one.
    pub trait RowId {
        fn row_id(&self) -> Option<&str>;
    }

    macro_rules! with_id {
        ($($ty:ty),*) => {$(
            impl RowId for $ty {
                fn row_id(&self) -> Option<&str> {
                    Some(&self.id)
                }
            }
        )*};
    }
    with_id!(
        Participant,
        AgendaItem,
        PreRead,
        ParkedPoint,
        Decision,
        ActionItem
    );

    impl RowId for PreparationAsk {
        fn row_id(&self) -> Option<&str> {
            None
        }
    }

    impl RowId for Feedback {
        fn row_id(&self) -> Option<&str> {
            None
        }
    }

    pub fn place<R: RowId>(row: &R, index: usize) -> At {
        row.row_id()
            .map_or(At::Index(index), |id| At::Id(id.to_owned()))
    }

    pub fn find<R: RowId>(rows: &[R], at: &At) -> Option<usize> {
        match at {
            At::Id(id) => rows
                .iter()
                .position(|row| row.row_id() == Some(id.as_str())),
            At::Index(index) => (*index < rows.len()).then_some(*index),
        }
    }

    pub fn put<R: RowId + PartialEq>(
        rows: &mut [R],
        at: &At,
        row: R,
        from: Option<&R>,
    ) -> Result<R, Refused> {
        let index = find(rows, at).ok_or(Refused::Gone)?;
        if from.is_some_and(|from| rows[index] != *from) {
            return Err(Refused::Changed);
        }
        // A row keeps its id: a put that names another would make two rows with one id.
        if row.row_id() != rows[index].row_id() {
            return Err(Refused::Changed);
        }
        Ok(std::mem::replace(&mut rows[index], row))
    }

    pub fn insert<R: RowId>(rows: &mut Vec<R>, index: usize, row: R) -> Result<At, Refused> {
        if let Some(id) = row.row_id() {
            if rows.iter().any(|other| other.row_id() == Some(id)) {
                return Err(Refused::Changed);
            }
        }
        let index = index.min(rows.len());
        let at = place(&row, index);
        rows.insert(index, row);
        Ok(at)
    }

    pub fn remove<R: RowId + PartialEq>(
        rows: &mut Vec<R>,
        at: &At,
        from: Option<&R>,
    ) -> Result<(R, usize), Refused> {
        let index = find(rows, at).ok_or(Refused::Gone)?;
        if from.is_some_and(|from| rows[index] != *from) {
            return Err(Refused::Changed);
        }
        Ok((rows.remove(index), index))
    }

    /// Removals, insertions, changed rows and moves, in an order that applies: rows with ids are
    /// matched by id; rows without are compared place by place.
    pub fn diff<R: RowId + PartialEq + Clone>(
        before: &[R],
        after: &[R],
        wrap: fn(R) -> Row,
        list: List,
        edits: &mut Vec<Edit>,
    ) {
        if before == after {
            return;
        }
        let unique = |rows: &[R]| {
            rows.iter().enumerate().all(|(index, row)| {
                rows[..index]
                    .iter()
                    .all(|earlier| earlier.row_id() != row.row_id())
            })
        };
        let keyed = before.iter().chain(after).all(|row| row.row_id().is_some())
            && unique(before)
            && unique(after);
        if !keyed {
            // Place by place: changed places are put, then the tail is removed or added.
            let common = before.len().min(after.len());
            for index in 0..common {
                if before[index] != after[index] {
                    edits.push(Edit::put(At::Index(index), wrap(after[index].clone())));
                }
            }
            for index in (common..before.len()).rev() {
                edits.push(Edit::remove(list, At::Index(index)));
            }
            for (index, row) in after.iter().enumerate().skip(common) {
                edits.push(Edit::Insert {
                    index,
                    row: wrap(row.clone()),
                });
            }
            return;
        }
        let id = |row: &R| row.row_id().map(str::to_owned).unwrap_or_default();
        let mut order: Vec<String> = before.iter().map(id).collect();
        let after_ids: Vec<String> = after.iter().map(id).collect();
        for row in before {
            let row_id = id(row);
            if !after_ids.contains(&row_id) {
                edits.push(Edit::remove(list, At::Id(row_id.clone())));
                order.retain(|kept| *kept != row_id);
            }
        }
        for (index, row) in after.iter().enumerate() {
            let row_id = id(row);
            match before.iter().find(|old| id(old) == row_id) {
                Some(old) if old != row => {
                    edits.push(Edit::put(At::Id(row_id.clone()), wrap(row.clone())))
                }
                Some(_) => {}
                None => {
                    let index = index.min(order.len());
                    order.insert(index, row_id.clone());
                    edits.push(Edit::Insert {
                        index,
                        row: wrap(row.clone()),
                    });
                }
            }
        }
        for (to, row_id) in after_ids.iter().enumerate() {
            if order[to] != *row_id {
                let from = order.iter().position(|id| id == row_id).unwrap_or(to);
                let moved = order.remove(from);
                order.insert(to, moved);
                edits.push(Edit::Move {
                    list,
                    at: At::Id(row_id.clone()),
                    to,
                });
            }
        }
    }

    pub fn move_to<R: RowId>(
        rows: &mut Vec<R>,
        at: &At,
        to: usize,
    ) -> Result<(At, usize), Refused> {
        let index = find(rows, at).ok_or(Refused::Gone)?;
        let to = to.min(rows.len() - 1);
        let row = rows.remove(index);
        rows.insert(to, row);
        let at = match at {
            At::Id(id) => At::Id(id.clone()),
            At::Index(_) => At::Index(to),
        };
        Ok((at, index))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meeting() -> Meeting {
        Meeting {
            id: "m".into(),
            title: "周会".into(),
            objective: "确定上线日期".into(),
            participants: ["李", "王", "赵"]
                .iter()
                .enumerate()
                .map(|(n, name)| Participant {
                    id: format!("p{n}"),
                    name: (*name).into(),
                    ..Participant::default()
                })
                .collect(),
            preparation_asks: vec![
                PreparationAsk {
                    department: "研发部".into(),
                    ask: "风险".into(),
                },
                PreparationAsk::default(),
            ],
            ..Meeting::default()
        }
    }

    #[test]
    fn undoing_a_removed_row_keeps_later_edits_elsewhere() {
        let mut m = meeting();
        let undo = Edit::remove(List::Participant, At::Id("p1".into()))
            .apply(&mut m)
            .unwrap();
        Edit::set(Value::Title("新标题".into()))
            .apply(&mut m)
            .unwrap();
        Edit::set(Value::Objective("新目标".into()))
            .apply(&mut m)
            .unwrap();
        undo.apply(&mut m).unwrap();
        let names: Vec<_> = m.participants.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["李", "王", "赵"], "the row is back in its place");
        assert_eq!(
            (m.title.as_str(), m.objective.as_str()),
            ("新标题", "新目标")
        );
    }

    #[test]
    fn an_undo_refuses_to_overwrite_a_later_edit_of_the_same_thing() {
        let cases: Vec<(Edit, Edit)> = vec![
            (
                Edit::set(Value::Title("A".into())),
                Edit::set(Value::Title("B".into())),
            ),
            (
                Edit::put(
                    At::Id("p0".into()),
                    Row::Participant(Participant {
                        id: "p0".into(),
                        name: "改".into(),
                        ..Participant::default()
                    }),
                ),
                Edit::put(
                    At::Id("p0".into()),
                    Row::Participant(Participant {
                        id: "p0".into(),
                        name: "又改".into(),
                        ..Participant::default()
                    }),
                ),
            ),
            (
                Edit::Insert {
                    index: 9,
                    row: Row::Participant(Participant {
                        id: "new".into(),
                        ..Participant::default()
                    }),
                },
                Edit::put(
                    At::Id("new".into()),
                    Row::Participant(Participant {
                        id: "new".into(),
                        name: "后来填的".into(),
                        ..Participant::default()
                    }),
                ),
            ),
        ];
        for (edit, later) in cases {
            let mut m = meeting();
            let undo = edit.apply(&mut m).unwrap();
            later.apply(&mut m).unwrap();
            let before = m.clone();
            assert_eq!(undo.apply(&mut m), Err(Refused::Changed));
            assert_eq!(m, before, "a refused undo changes nothing");
        }
    }

    #[test]
    fn a_batch_applies_whole_or_not_at_all() {
        let mut m = meeting();
        let before = m.clone();
        let batch = Edit::All(vec![
            Edit::set(Value::Title("x".into())),
            Edit::remove(List::Participant, At::Id("missing".into())),
        ]);
        assert_eq!(batch.apply(&mut m), Err(Refused::Gone));
        assert_eq!(m, before);
    }

    #[test]
    fn only_the_last_run_event_can_be_taken_back() {
        let at = DateTime::from_timestamp(1_800_000_000, 0).unwrap();
        let mut m = meeting();
        let ended = RunEvent {
            at,
            kind: crate::core::domain::model::RunEventKind::Ended,
        };
        let undo_end = Edit::Log(ended.clone()).apply(&mut m).unwrap();
        assert_eq!(undo_end, Edit::Unlog(ended.clone()));
        Edit::Log(RunEvent {
            at,
            kind: crate::core::domain::model::RunEventKind::Resumed,
        })
        .apply(&mut m)
        .unwrap();
        assert_eq!(undo_end.clone().apply(&mut m), Err(Refused::Changed));
        m.run_log.pop();
        assert!(undo_end.apply(&mut m).is_ok());
        assert!(m.run_log.is_empty());
    }

    #[test]
    fn rows_without_ids_are_found_by_place() {
        let mut m = meeting();
        let undo = Edit::remove(List::Ask, At::Index(0)).apply(&mut m).unwrap();
        assert_eq!(m.preparation_asks.len(), 1);
        undo.apply(&mut m).unwrap();
        assert_eq!(m.preparation_asks[0].department, "研发部");
    }
}
