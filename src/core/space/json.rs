//! A meeting's JSON onto an Automerge document and back. Objects become maps and arrays lists;
//! a list whose items all carry an `"id"` is matched item by item by that id, so an edit of one
//! action on a device and a new action on another both stay. Strings are single values, not
//! character sequences: a text two people changed at once keeps both versions, to pick from
//! (T4), rather than a mix of both.

use automerge::transaction::Transactable;
use automerge::{hydrate, AutoCommit, ObjId, ObjType, Prop, ReadDoc, ScalarValue, Value as Am};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Number, Value};

/// One step of a path into a meeting: a field, a list item by its id, or by its place (in lists
/// without ids).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Step {
    Key(String),
    Item(String),
    Index(usize),
}

pub fn of_scalar(scalar: &ScalarValue) -> Value {
    match scalar {
        ScalarValue::Str(text) => Value::String(text.to_string()),
        ScalarValue::Int(n) => Value::from(*n),
        ScalarValue::Uint(n) => Value::from(*n),
        ScalarValue::F64(n) => Number::from_f64(*n).map_or(Value::Null, Value::Number),
        ScalarValue::Boolean(b) => Value::Bool(*b),
        ScalarValue::Counter(_) | ScalarValue::Timestamp(_) | ScalarValue::Bytes(_) => Value::Null,
        _ => Value::Null,
    }
}

fn scalar_of(value: &Value) -> ScalarValue {
    match value {
        Value::Null => ScalarValue::Null,
        Value::Bool(b) => ScalarValue::Boolean(*b),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => ScalarValue::Int(i),
            (None, Some(u)) => ScalarValue::Uint(u),
            _ => ScalarValue::F64(n.as_f64().unwrap_or(0.0)),
        },
        Value::String(text) => ScalarValue::Str(text.as_str().into()),
        Value::Array(_) | Value::Object(_) => ScalarValue::Null,
    }
}

/// The JSON of object `obj`, read in one pass (Automerge's hydration: some four times faster
/// than a read per field).
pub fn read(doc: &AutoCommit, obj: &ObjId) -> Value {
    doc.hydrate(obj, None)
        .map_or(Value::Null, |tree| of_tree(&tree))
}

fn of_tree(tree: &hydrate::Value) -> Value {
    match tree {
        hydrate::Value::Scalar(scalar) => of_scalar(scalar),
        hydrate::Value::Map(map) => Value::Object(
            map.iter()
                .map(|(key, field)| (key.clone(), of_tree(&field.value)))
                .collect(),
        ),
        hydrate::Value::List(list) => {
            Value::Array(list.iter().map(|item| of_tree(&item.value)).collect())
        }
        hydrate::Value::Text(text) => Value::String(text.to_string()),
    }
}

/// Puts `value` at `prop` of `obj`, replacing whatever is there.
pub fn put(doc: &mut AutoCommit, obj: &ObjId, prop: Prop, value: &Value) {
    let made = match value {
        Value::Object(_) => doc.put_object(obj, prop, ObjType::Map),
        Value::Array(_) => doc.put_object(obj, prop, ObjType::List),
        scalar => doc.put(obj, prop, scalar_of(scalar)).map(|()| ObjId::Root),
    };
    if let Ok(child) = made {
        fill(doc, &child, value);
    }
}

fn insert(doc: &mut AutoCommit, list: &ObjId, index: usize, value: &Value) {
    let made = match value {
        Value::Object(_) => doc.insert_object(list, index, ObjType::Map),
        Value::Array(_) => doc.insert_object(list, index, ObjType::List),
        scalar => doc
            .insert(list, index, scalar_of(scalar))
            .map(|()| ObjId::Root),
    };
    if let Ok(child) = made {
        fill(doc, &child, value);
    }
}

/// Fills a new, empty object.
fn fill(doc: &mut AutoCommit, obj: &ObjId, value: &Value) {
    match value {
        Value::Object(fields) => {
            for (key, field) in fields {
                put(doc, obj, Prop::Map(key.clone()), field);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                insert(doc, obj, index, item);
            }
        }
        _ => {}
    }
}

/// Makes `prop` of `obj` hold `value`, writing only what differs from what it holds.
fn reconcile_at(doc: &mut AutoCommit, obj: &ObjId, prop: Prop, value: &Value) {
    let current = doc.get(obj, prop.clone()).ok().flatten();
    match (value, current) {
        (Value::Object(fields), Some((Am::Object(ObjType::Map), child))) => {
            reconcile_map(doc, &child, fields)
        }
        (Value::Array(items), Some((Am::Object(ObjType::List), child))) => {
            reconcile_list(doc, &child, items)
        }
        (_, Some((Am::Scalar(scalar), _))) if of_scalar(&scalar) == *value => {}
        _ => put(doc, obj, prop, value),
    }
}

pub fn reconcile_map(doc: &mut AutoCommit, obj: &ObjId, fields: &Map<String, Value>) {
    let gone: Vec<String> = doc
        .keys(obj)
        .filter(|key| !fields.contains_key(key))
        .collect();
    for key in gone {
        let _ = doc.delete(obj, key.as_str());
    }
    for (key, value) in fields {
        reconcile_at(doc, obj, Prop::Map(key.clone()), value);
    }
}

fn id_of(value: &Value) -> Option<&str> {
    value.get("id")?.as_str()
}

fn item_id(doc: &AutoCommit, list: &ObjId, index: usize) -> Option<String> {
    match doc.get(list, index) {
        Ok(Some((Am::Object(ObjType::Map), item))) => match doc.get(&item, "id") {
            Ok(Some((Am::Scalar(scalar), _))) => scalar.as_str().map(str::to_owned),
            _ => None,
        },
        _ => None,
    }
}

fn reconcile_list(doc: &mut AutoCommit, list: &ObjId, items: &[Value]) {
    let ids: Option<Vec<&str>> = items.iter().map(id_of).collect();
    let Some(ids) = ids.filter(|ids| !ids.is_empty()) else {
        // No ids: item by place.
        let shared = doc.length(list).min(items.len());
        for (index, item) in items.iter().enumerate().take(shared) {
            reconcile_at(doc, list, Prop::Seq(index), item);
        }
        for index in (items.len()..doc.length(list)).rev() {
            let _ = doc.delete(list, index);
        }
        for (index, item) in items.iter().enumerate().skip(shared) {
            insert(doc, list, index, item);
        }
        return;
    };
    let mut current: Vec<Option<String>> = (0..doc.length(list))
        .map(|index| item_id(doc, list, index))
        .collect();
    // Items gone (and any without an id, or a second copy of one) go first.
    for index in (0..current.len()).rev() {
        let keep = current[index].as_deref().is_some_and(|id| {
            ids.contains(&id) && !current[..index].iter().any(|c| c.as_deref() == Some(id))
        });
        if !keep {
            let _ = doc.delete(list, index);
            current.remove(index);
        }
    }
    for (index, (item, id)) in items.iter().zip(&ids).enumerate() {
        if current.get(index).and_then(Option::as_deref) == Some(*id) {
            reconcile_at(doc, list, Prop::Seq(index), item);
            continue;
        }
        // Moved: an Automerge list cannot move an item, so it is taken out and put back here.
        if let Some(offset) = current[index..]
            .iter()
            .position(|c| c.as_deref() == Some(*id))
        {
            let _ = doc.delete(list, index + offset);
            current.remove(index + offset);
        }
        insert(doc, list, index, item);
        current.insert(index, Some((*id).to_owned()));
    }
    for index in (items.len()..current.len()).rev() {
        let _ = doc.delete(list, index);
    }
}

/// The object at `step` of `obj`.
pub fn child(doc: &AutoCommit, obj: &ObjId, step: &Step) -> Option<ObjId> {
    let prop = prop_of(doc, obj, step)?;
    match doc.get(obj, prop) {
        Ok(Some((Am::Object(_), child))) => Some(child),
        _ => None,
    }
}

/// Where `step` points in `obj`, now.
pub fn prop_of(doc: &AutoCommit, obj: &ObjId, step: &Step) -> Option<Prop> {
    match step {
        Step::Key(key) => Some(Prop::Map(key.clone())),
        Step::Index(index) => (*index < doc.length(obj)).then_some(Prop::Seq(*index)),
        Step::Item(id) => (0..doc.length(obj))
            .find(|index| item_id(doc, obj, *index).as_deref() == Some(id))
            .map(Prop::Seq),
    }
}

/// A place holding several values, each with the operation that set it.
pub type Found = (Vec<Step>, Vec<(Value, ObjId)>);

/// Every place under `obj` holding more than one value, with the values and the operation that
/// set each (for its author and time). Found from one hydration's conflict marks; only those
/// few places are then read value by value.
pub fn conflicts(doc: &AutoCommit, obj: &ObjId) -> Vec<Found> {
    let Ok(tree) = doc.hydrate(obj, None) else {
        return Vec::new();
    };
    let mut marked = Vec::new();
    mark(&tree, &mut Vec::new(), &mut marked);
    marked
        .into_iter()
        .filter_map(|path| {
            let (last, parents) = path.split_last()?;
            let mut at = obj.clone();
            for step in parents {
                at = child(doc, &at, step)?;
            }
            let all = doc.get_all(&at, prop_of(doc, &at, last)?).ok()?;
            let values: Vec<(Value, ObjId)> = all
                .into_iter()
                .map(|(value, op)| {
                    let json = match value {
                        Am::Scalar(scalar) => of_scalar(&scalar),
                        Am::Object(_) => read(doc, &op),
                    };
                    (json, op)
                })
                .collect();
            (values.len() > 1).then_some((path, values))
        })
        .collect()
}

/// The paths of the places marked as holding several values.
fn mark(tree: &hydrate::Value, path: &mut Vec<Step>, marked: &mut Vec<Vec<Step>>) {
    let mut visit =
        |step: Step, value: &hydrate::Value, conflict: bool, marked: &mut Vec<Vec<Step>>| {
            path.push(step);
            if conflict {
                marked.push(path.clone());
            } else {
                mark(value, path, marked);
            }
            path.pop();
        };
    match tree {
        hydrate::Value::Map(map) => {
            for (key, field) in map.iter() {
                visit(Step::Key(key.clone()), &field.value, field.conflict, marked);
            }
        }
        hydrate::Value::List(list) => {
            for (index, item) in list.iter().enumerate() {
                let id = match &item.value {
                    hydrate::Value::Map(map) => match map.get("id") {
                        Some(hydrate::Value::Scalar(ScalarValue::Str(id))) => Some(id.to_string()),
                        _ => None,
                    },
                    _ => None,
                };
                visit(
                    id.map_or(Step::Index(index), Step::Item),
                    &item.value,
                    item.conflict,
                    marked,
                );
            }
        }
        _ => {}
    }
}

/// Writes into `obj` what changed from `before` to `after` on this device, and nothing else: a
/// field another device changed meanwhile, which this device had not seen when it edited, is
/// left as that device set it.
pub fn reconcile_change(doc: &mut AutoCommit, obj: &ObjId, before: &Value, after: &Value) {
    match (before, after) {
        (Value::Object(old), Value::Object(new)) => {
            for (key, value) in new {
                if old.get(key) == Some(value) {
                    continue;
                }
                let prop = Prop::Map(key.clone());
                match (old.get(key), doc.get(obj, prop.clone()).ok().flatten()) {
                    (Some(was), Some((Am::Object(_), child))) if same_shape(was, value) => {
                        reconcile_change(doc, &child, was, value)
                    }
                    _ => reconcile_at(doc, obj, prop, value),
                }
            }
            for key in old.keys().filter(|key| !new.contains_key(*key)) {
                let _ = doc.delete(obj, key.as_str());
            }
        }
        (Value::Array(old), Value::Array(new)) => reconcile_list_change(doc, obj, old, new),
        _ => {}
    }
}

fn same_shape(a: &Value, b: &Value) -> bool {
    matches!(
        (a, b),
        (Value::Object(_), Value::Object(_)) | (Value::Array(_), Value::Array(_))
    )
}

fn reconcile_list_change(doc: &mut AutoCommit, list: &ObjId, old: &[Value], new: &[Value]) {
    let old_ids: Option<Vec<&str>> = old.iter().map(id_of).collect();
    let new_ids: Option<Vec<&str>> = new.iter().map(id_of).collect();
    let (Some(old_ids), Some(new_ids)) = (old_ids, new_ids) else {
        return reconcile_list(doc, list, new);
    };
    let kept_old: Vec<&str> = old_ids
        .iter()
        .copied()
        .filter(|id| new_ids.contains(id))
        .collect();
    let kept_new: Vec<&str> = new_ids
        .iter()
        .copied()
        .filter(|id| old_ids.contains(id))
        .collect();
    if kept_old != kept_new {
        // Reordered here: the order is this device's, as a whole.
        return reconcile_list(doc, list, new);
    }
    let place = |doc: &AutoCommit, id: &str| {
        (0..doc.length(list)).find(|index| item_id(doc, list, *index).as_deref() == Some(id))
    };
    for id in old_ids.iter().filter(|id| !new_ids.contains(id)) {
        if let Some(index) = place(doc, id) {
            let _ = doc.delete(list, index);
        }
    }
    for (position, (item, id)) in new.iter().zip(&new_ids).enumerate() {
        match (old_ids.iter().position(|old| old == id), place(doc, id)) {
            (Some(was), Some(index)) => {
                if old[was] != *item {
                    if let Ok(Some((Am::Object(_), child))) = doc.get(list, index) {
                        reconcile_change(doc, &child, &old[was], item);
                    }
                }
            }
            // Removed on another device meanwhile: that removal stands.
            (Some(_), None) => {}
            (None, _) => {
                // New here: after the item it follows on this device, wherever that is now.
                let index = match position.checked_sub(1).map(|before| new_ids[before]) {
                    Some(previous) => place(doc, previous).map_or(doc.length(list), |i| i + 1),
                    None => 0,
                };
                insert(doc, list, index, item);
            }
        }
    }
}
