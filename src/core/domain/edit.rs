//! Every change a user makes to a meeting, as data: a small closed set of named edits, each of
//! which returns its exact inverse when applied (the shape of ProseMirror's steps). Undo applies
//! the inverse, so it takes back only what it names and leaves later edits alone; an inverse
//! carries what it expects to find, so when a later edit changed the same thing it is refused
//! instead of overwriting that edit. The same edits are what the shell writes, tells other tabs
//! and, later, what replies and a shared space deliver.

use chrono::{DateTime, NaiveTime, Utc};

use crate::core::domain::asks::AskRecord;
use crate::core::domain::coaching::CarriedChange;
use crate::core::domain::i18n::T;
use rows::RowId;

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
    Carried(Vec<CarriedChange>) at carried;
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

/// Declares the meeting's lists of rows: each becomes a [`Row`] variant and a [`List`] name, and
/// its `Vec` a [`RowList`], so the row operations below are written (and compiled) once.
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

            fn of(self, meeting: &Meeting) -> &dyn RowList {
                match self { $(List::$name => &meeting.$field,)* }
            }

            fn of_mut(self, meeting: &mut Meeting) -> &mut dyn RowList {
                match self { $(List::$name => &mut meeting.$field,)* }
            }
        }

        impl Row {
            pub fn list(&self) -> List {
                match self { $(Row::$name(_) => List::$name,)* }
            }

            fn id(&self) -> Option<&str> {
                match self { $(Row::$name(row) => row.row_id(),)* }
            }
        }

        $(impl RowList for Vec<$ty> {
            fn len(&self) -> usize {
                Vec::len(self)
            }
            fn id(&self, index: usize) -> Option<&str> {
                self[index].row_id()
            }
            fn get(&self, index: usize) -> Row {
                Row::$name(self[index].clone())
            }
            fn take(&mut self, index: usize) -> Row {
                Row::$name(self.remove(index))
            }
            fn place(&mut self, index: usize, row: Row) {
                if let Row::$name(row) = row {
                    self.insert(index, row);
                }
            }
            fn swap(&mut self, index: usize, row: Row) -> Row {
                match row {
                    Row::$name(row) => Row::$name(std::mem::replace(&mut self[index], row)),
                    other => other,
                }
            }
            fn holds(&self, index: usize, row: &Row) -> bool {
                matches!(row, Row::$name(row) if *row == self[index])
            }
        })*
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
    Asked(AskRecord) in asks;
}

/// What the row operations need of a list; rows go in and out as [`Row`], whose variant always
/// matches the list (a [`Row`] carries its [`List`]).
trait RowList {
    fn len(&self) -> usize;
    fn id(&self, index: usize) -> Option<&str>;
    fn get(&self, index: usize) -> Row;
    fn take(&mut self, index: usize) -> Row;
    fn place(&mut self, index: usize, row: Row);
    fn swap(&mut self, index: usize, row: Row) -> Row;
    fn holds(&self, index: usize, row: &Row) -> bool;
}

impl Row {
    /// Where this row is found when it stands at `index`: by its id when its list has ids.
    pub fn place(&self, index: usize) -> At {
        self.id()
            .map_or(At::Index(index), |id| At::Id(id.to_owned()))
    }
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
                let old = rows::put(row.list().of_mut(meeting), &at, row, from.as_ref())?;
                Ok(Edit::Put {
                    at,
                    row: old,
                    from: Some(new),
                })
            }
            Edit::Insert { index, row } => {
                let list = row.list();
                let from = row.clone();
                let at = rows::insert(list.of_mut(meeting), index, row)?;
                Ok(Edit::Remove {
                    list,
                    at,
                    from: Some(from),
                })
            }
            Edit::Remove { list, at, from } => {
                let (row, index) = rows::remove(list.of_mut(meeting), &at, from.as_ref())?;
                Ok(Edit::Insert { index, row })
            }
            Edit::Move { list, at, to } => {
                let (at, from_index) = rows::move_to(list.of_mut(meeting), &at, to)?;
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
        rows::diff(list.of(before), list.of(after), *list, &mut edits);
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
    use super::{At, Edit, List, Refused, Row, RowList};
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
        ActionItem,
        crate::core::domain::asks::AskRecord
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

    pub fn find(rows: &dyn RowList, at: &At) -> Option<usize> {
        match at {
            At::Id(id) => (0..rows.len()).find(|&index| rows.id(index) == Some(id.as_str())),
            At::Index(index) => (*index < rows.len()).then_some(*index),
        }
    }

    pub fn put(
        rows: &mut dyn RowList,
        at: &At,
        row: Row,
        from: Option<&Row>,
    ) -> Result<Row, Refused> {
        let index = find(rows, at).ok_or(Refused::Gone)?;
        if from.is_some_and(|from| !rows.holds(index, from)) {
            return Err(Refused::Changed);
        }
        // A row keeps its id: a put that names another would make two rows with one id.
        if row.id() != rows.id(index) {
            return Err(Refused::Changed);
        }
        Ok(rows.swap(index, row))
    }

    pub fn insert(rows: &mut dyn RowList, index: usize, row: Row) -> Result<At, Refused> {
        if let Some(id) = row.id() {
            if (0..rows.len()).any(|other| rows.id(other) == Some(id)) {
                return Err(Refused::Changed);
            }
        }
        let index = index.min(rows.len());
        let at = row.place(index);
        rows.place(index, row);
        Ok(at)
    }

    pub fn remove(
        rows: &mut dyn RowList,
        at: &At,
        from: Option<&Row>,
    ) -> Result<(Row, usize), Refused> {
        let index = find(rows, at).ok_or(Refused::Gone)?;
        if from.is_some_and(|from| !rows.holds(index, from)) {
            return Err(Refused::Changed);
        }
        Ok((rows.take(index), index))
    }

    pub fn move_to(rows: &mut dyn RowList, at: &At, to: usize) -> Result<(At, usize), Refused> {
        let index = find(rows, at).ok_or(Refused::Gone)?;
        let to = to.min(rows.len() - 1);
        let row = rows.take(index);
        rows.place(to, row);
        let at = match at {
            At::Id(id) => At::Id(id.clone()),
            At::Index(_) => At::Index(to),
        };
        Ok((at, index))
    }

    /// Removals, insertions, changed rows and moves, in an order that applies: rows with ids are
    /// matched by id; rows without are compared place by place.
    pub fn diff(before: &dyn RowList, after: &dyn RowList, list: List, edits: &mut Vec<Edit>) {
        let ids = |rows: &dyn RowList| -> Option<Vec<String>> {
            let ids: Option<Vec<String>> = (0..rows.len())
                .map(|index| rows.id(index).map(str::to_owned))
                .collect();
            // Ids must be unique for rows to be matched by them.
            ids.filter(|ids| ids.iter().enumerate().all(|(n, id)| !ids[..n].contains(id)))
        };
        let keyed = ids(before).zip(ids(after));
        let Some((mut order, after_ids)) = keyed else {
            // Place by place: changed places are put, then the tail is removed or added.
            let common = before.len().min(after.len());
            for index in 0..common {
                let row = after.get(index);
                if !before.holds(index, &row) {
                    edits.push(Edit::put(At::Index(index), row));
                }
            }
            for index in (common..before.len()).rev() {
                edits.push(Edit::remove(list, At::Index(index)));
            }
            for index in common..after.len() {
                edits.push(Edit::Insert {
                    index,
                    row: after.get(index),
                });
            }
            return;
        };
        let before_ids = order.clone();
        for id in &before_ids {
            if !after_ids.contains(id) {
                edits.push(Edit::remove(list, At::Id(id.clone())));
                order.retain(|kept| kept != id);
            }
        }
        for (index, id) in after_ids.iter().enumerate() {
            let row = after.get(index);
            match before_ids.iter().position(|old| old == id) {
                Some(old) if !before.holds(old, &row) => {
                    edits.push(Edit::put(At::Id(id.clone()), row))
                }
                Some(_) => {}
                None => {
                    let index = index.min(order.len());
                    order.insert(index, id.clone());
                    edits.push(Edit::Insert { index, row });
                }
            }
        }
        for (to, id) in after_ids.iter().enumerate() {
            if order[to] != *id {
                let from = order.iter().position(|other| other == id).unwrap_or(to);
                let moved = order.remove(from);
                order.insert(to, moved);
                edits.push(Edit::Move {
                    list,
                    at: At::Id(id.clone()),
                    to,
                });
            }
        }
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
                    ..PreparationAsk::default()
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
