//! Meetings in IndexedDB: one record per meeting, keyed by its id, holding the versioned JSON of
//! `core::storage::persist`. A record that cannot be decoded is left exactly where it is and reported, so a
//! later version (or a person) can still recover it; the other meetings load as usual.
//!
//! Beside each meeting, in the same transaction, goes its list summary (`core::storage::summary`), so the
//! meeting list can be drawn from a few kilobytes before the megabytes of meetings are decoded.

use wasm_bindgen::JsValue;
use web_sys::{IdbDatabase, IdbObjectStore, IdbTransaction, IdbTransactionMode};

use super::indexed_db::{close_when_superseded, ended, error_of, open, result};
use super::StoreError;
use crate::core::domain::model::Meeting;
use crate::core::storage::persist::{
    decode_meeting, encode_meeting_by, next_revision, stored_revision, DecodeError,
};
use crate::core::storage::save_book::StoredVersion;
use crate::core::storage::summary::{decode_summary, encode_summary, MeetingSummary};

/// The database the app uses; tests open others.
pub const APP_DATABASE: &str = "crossmeet";
/// 1: meetings. 2: adds summaries (built from the meetings at the first load that misses them).
const DB_VERSION: u32 = 2;
const MEETINGS: &str = "meetings";
const SUMMARIES: &str = "summaries";
/// Decoding runs in slices this long, under the 50 ms at which a task counts as "long".
const DECODE_SLICE_MS: f64 = 30.0;

/// A stored record that could not be read, with its raw text for export.
#[derive(Clone, Debug, PartialEq)]
pub struct UndecodableRecord {
    pub key: String,
    pub raw: String,
    pub error: DecodeError,
}

/// Everything read at start-up.
#[derive(Debug, Default)]
pub struct Loaded {
    pub meetings: Vec<Meeting>,
    pub undecodable: Vec<UndecodableRecord>,
}

/// What a checked save did with one meeting.
#[derive(Clone, Debug, PartialEq)]
pub enum Saved {
    /// Stored under this new revision.
    Written { id: String, revision: u64 },
    /// Not stored: the record was changed elsewhere since this tab read it. `theirs` is that
    /// record, for the user to choose between.
    Conflict { id: String, theirs: StoredVersion },
}

/// How hard a write is pushed to disk before it counts as done. Chromium (since 121) completes
/// transactions once the operating system has the data ("relaxed"): an edit survives the tab or
/// the browser crashing, not the machine losing power. "Strict" waits for the disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Durability {
    /// Ordinary edits: many a minute, each soon followed by another.
    Default,
    /// Writes that must survive a crash of the whole machine: the flush as the page is hidden,
    /// a restore, recovered journals, the summaries rebuilt after an upgrade.
    Strict,
}

/// An open connection to a meetings database.
#[derive(Debug)]
pub struct MeetingStore {
    db: IdbDatabase,
}

impl MeetingStore {
    /// Opens (and on first use creates) the database called `name`.
    pub async fn open(name: &str) -> Result<MeetingStore, StoreError> {
        Self::open_watched(name, || (), || ()).await
    }

    /// Opens the database; `on_blocked` runs if an upgrade waits for another tab (an older build
    /// still holding the database open), `on_superseded` if a newer build in another tab needs
    /// this connection closed to upgrade: it is closed at once, so that tab never waits.
    pub async fn open_watched(
        name: &str,
        on_blocked: impl FnOnce() + 'static,
        on_superseded: impl FnOnce() + 'static,
    ) -> Result<MeetingStore, StoreError> {
        let upgrade = |db: &IdbDatabase| {
            // Each step only adds what is missing, so any older version upgrades in one go.
            let names = db.object_store_names();
            for store in [MEETINGS, SUMMARIES] {
                if !names.contains(store) {
                    let _ = db.create_object_store(store);
                }
            }
        };
        let db = open(name, DB_VERSION, upgrade, on_blocked).await?;
        close_when_superseded(&db, on_superseded);
        Ok(MeetingStore { db })
    }

    /// A read-only transaction over `stores`.
    fn read_transaction(&self, stores: &[&str]) -> Result<IdbTransaction, StoreError> {
        let names: Vec<js_sys::JsString> = stores.iter().map(|&name| name.into()).collect();
        self.db
            .transaction_with_str_sequence(&names.into())
            .map_err(|error| error_of(&error))
    }

    /// A read-write transaction over `stores`, as durable as asked.
    fn write_transaction(
        &self,
        stores: &[&str],
        durability: Durability,
    ) -> Result<IdbTransaction, StoreError> {
        let names: Vec<js_sys::JsString> = stores.iter().map(|&name| name.into()).collect();
        let options = web_sys::IdbTransactionOptions::new();
        options.set_durability(match durability {
            Durability::Default => web_sys::IdbTransactionDurability::Default,
            Durability::Strict => web_sys::IdbTransactionDurability::Strict,
        });
        self.db
            .transaction_with_str_sequence_and_mode_and_options(
                &names,
                IdbTransactionMode::Readwrite,
                &options,
            )
            .map_err(|error| error_of(&error))
    }

    /// The list summaries of every meeting, in key order, or `None` when they do
    /// not cover exactly the stored meetings (first run after an upgrade, a planted record, an
    /// unreadable summary): then the caller loads everything and calls [`Self::rebuild_summaries`].
    pub async fn load_summaries(&self) -> Result<Option<Vec<MeetingSummary>>, StoreError> {
        let transaction = self.read_transaction(&[MEETINGS, SUMMARIES])?;
        let meeting_keys = all_keys(&store_of(&transaction, MEETINGS)?).await?;
        let values = all_values(&store_of(&transaction, SUMMARIES)?).await?;
        ended(&transaction).await;
        // Summaries are stored under their meeting's id, so their ids are their keys.
        let summaries: Option<Vec<MeetingSummary>> = values
            .iter()
            .map(|value| value.as_string().as_deref().and_then(decode_summary))
            .collect();
        Ok(summaries.filter(|summaries| {
            meeting_keys.len() == summaries.len()
                && meeting_keys
                    .iter()
                    .zip(summaries)
                    .all(|(key, summary)| key.as_string().as_deref() == Some(summary.id.as_str()))
        }))
    }

    /// Replaces every stored summary with `summaries`.
    pub async fn rebuild_summaries(&self, summaries: &[MeetingSummary]) -> Result<(), StoreError> {
        let transaction = self.write_transaction(&[SUMMARIES], Durability::Strict)?;
        let store = store_of(&transaction, SUMMARIES)?;
        store.clear().map_err(|error| error_of(&error))?;
        for summary in summaries {
            put_summary(&store, summary)?;
        }
        finish(transaction).await
    }

    /// Reads every meeting; undecodable records are reported, not dropped.
    pub async fn load_all(&self) -> Result<Loaded, StoreError> {
        let transaction = self.read_transaction(&[MEETINGS])?;
        let store = store_of(&transaction, MEETINGS)?;
        let keys = all_keys(&store).await?;
        let values = all_values(&store).await?;
        ended(&transaction).await;
        let mut loaded = Loaded::default();
        let mut chunk_started = slice_clock();
        for (key, value) in keys.iter().zip(values) {
            // A year of meetings takes a few hundred milliseconds to decode: in slices, so a
            // click or a keystroke meanwhile is answered instead of waiting for all of them.
            if slice_clock() - chunk_started > DECODE_SLICE_MS {
                next_task().await;
                chunk_started = slice_clock();
            }
            let raw = value.as_string().unwrap_or_else(|| js_text(&value));
            match decode_meeting(&raw) {
                Ok(meeting) => loaded.meetings.push(meeting),
                Err(error) => loaded.undecodable.push(UndecodableRecord {
                    key: key.as_string().unwrap_or_else(|| js_text(key)),
                    raw,
                    error,
                }),
            }
        }
        Ok(loaded)
    }

    /// Writes meetings in one transaction for the tab `writer`, each only if the stored record is
    /// still the revision this tab last knew (`known`, from `(meeting, known)`) or was written by
    /// this tab itself: a second tab's newer save is never overwritten silently (issue 7).
    /// Reading and writing in one transaction makes the check and the write atomic across tabs.
    pub async fn save_checked(
        &self,
        writer: &str,
        meetings: &[(Meeting, Option<u64>)],
        durability: Durability,
    ) -> Result<Vec<Saved>, StoreError> {
        let transaction = self.write_transaction(&[MEETINGS, SUMMARIES], durability)?;
        let store = store_of(&transaction, MEETINGS)?;
        let summaries = store_of(&transaction, SUMMARIES)?;
        let mut outcomes = Vec::with_capacity(meetings.len());
        for (meeting, known) in meetings {
            let key = JsValue::from_str(&meeting.id);
            let request = store.get(&key).map_err(|error| error_of(&error))?;
            let stored = result(&request).await?.as_string();
            let (stored_rev, by) = match stored.as_deref().map(stored_revision) {
                Some(Some((revision, by))) => (Some(revision), by),
                Some(None) => (Some(0), String::new()),
                None => (None, String::new()),
            };
            let known = if !by.is_empty() && by == writer {
                stored_rev
            } else {
                *known
            };
            match next_revision(stored_rev, known) {
                Ok(revision) => {
                    let mut written = meeting.clone();
                    written.revision = revision;
                    let value = JsValue::from_str(&encode_meeting_by(&written, writer));
                    store
                        .put_with_key(&value, &key)
                        .map_err(|error| error_of(&error))?;
                    put_summary(&summaries, &MeetingSummary::from(&written))?;
                    outcomes.push(Saved::Written {
                        id: meeting.id.clone(),
                        revision,
                    });
                }
                Err(_) => outcomes.push(Saved::Conflict {
                    id: meeting.id.clone(),
                    // A record this build cannot read is still someone's newer work: it is
                    // reported as such, never taken for "no other version".
                    theirs: match stored.as_deref().map(decode_meeting) {
                        None => StoredVersion::Gone,
                        Some(Ok(theirs)) => StoredVersion::Readable(Box::new(theirs)),
                        Some(Err(error)) => StoredVersion::Unreadable {
                            revision: stored_rev,
                            error,
                        },
                    },
                }),
            }
        }
        finish(transaction).await?;
        Ok(outcomes)
    }

    /// Reads one meeting, for a tab told that another one saved it.
    pub async fn load_one(&self, id: &str) -> Result<Option<Meeting>, StoreError> {
        let transaction = self.read_transaction(&[MEETINGS])?;
        let request = store_of(&transaction, MEETINGS)?
            .get(&JsValue::from_str(id))
            .map_err(|error| error_of(&error))?;
        let value = result(&request).await?;
        ended(&transaction).await;
        Ok(value
            .as_string()
            .and_then(|text| decode_meeting(&text).ok()))
    }

    pub async fn delete(&self, id: &str) -> Result<(), StoreError> {
        let transaction = self.write_transaction(&[MEETINGS, SUMMARIES], Durability::Default)?;
        for store in [MEETINGS, SUMMARIES] {
            store_of(&transaction, store)?
                .delete(&JsValue::from_str(id))
                .map_err(|error| error_of(&error))?;
        }
        finish(transaction).await
    }

    /// Stores `value` as-is under `key`; tests use it to plant damaged records.
    pub async fn put_raw(&self, key: &str, value: &JsValue) -> Result<(), StoreError> {
        let transaction = self.write_transaction(&[MEETINGS], Durability::Default)?;
        let request = store_of(&transaction, MEETINGS)?
            .put_with_key(value, &JsValue::from_str(key))
            .map_err(|error| error_of(&error))?;
        result(&request).await?;
        finish(transaction).await
    }

    pub fn close(&self) {
        self.db.close();
    }
}

fn store_of(transaction: &IdbTransaction, name: &str) -> Result<IdbObjectStore, StoreError> {
    transaction
        .object_store(name)
        .map_err(|error| error_of(&error))
}

/// Every key of `store`, in key order.
async fn all_keys(store: &IdbObjectStore) -> Result<Vec<JsValue>, StoreError> {
    let request = store.get_all_keys().map_err(|error| error_of(&error))?;
    Ok(js_sys::Array::from(&result(&request).await?).to_vec())
}

/// Every value of `store`, in key order.
async fn all_values(store: &IdbObjectStore) -> Result<Vec<JsValue>, StoreError> {
    let request = store.get_all().map_err(|error| error_of(&error))?;
    Ok(js_sys::Array::from(&result(&request).await?).to_vec())
}

/// Queues `summary` in the transaction of `store`, under its meeting's id.
fn put_summary(store: &IdbObjectStore, summary: &MeetingSummary) -> Result<(), StoreError> {
    let value = JsValue::from_str(&encode_summary(summary));
    store
        .put_with_key(&value, &JsValue::from_str(&summary.id))
        .map(drop)
        .map_err(|error| error_of(&error))
}

/// Commits a transaction and waits for it. An aborted one is a failure even without an error
/// event, and its cause is read off the transaction: a full disk aborts at commit, after every
/// request has succeeded, so the requests alone never say "quota".
///
/// Writes are queued without waiting for each request and committed at once: every round trip
/// saved narrows the window in which leaving the page aborts a save still on its way.
async fn finish(transaction: IdbTransaction) -> Result<(), StoreError> {
    // Fails only if the transaction is already committing, which is what was asked for.
    // (web-sys marks `commit` deprecated; every current browser has it, and a browser without
    // it throws here and commits on its own as the task ends.)
    #[allow(deprecated)]
    let _ = transaction.commit();
    if ended(&transaction).await {
        return Ok(());
    }
    Err(match transaction.error() {
        Some(error) if error.name() == "QuotaExceededError" => StoreError::Quota,
        Some(error) => StoreError::Other(format!("{}: {}", error.name(), error.message())),
        None => StoreError::Other("transaction aborted".into()),
    })
}

/// Resolves in a later task, after the browser has handled pending input and painted.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let scheduled = web_sys::window()
            .map(|window| window.set_timeout_with_callback(&resolve).is_ok())
            .unwrap_or(false);
        if !scheduled {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    // The promise only ever resolves.
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// A readable form of any JS value, for records that are not the strings we write.
fn js_text(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|text| text.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// Milliseconds, to time the decoding slices: a duration, never shown or stored, so it reads the
/// clock here rather than through `ui::browser::now` (which `store` does not depend on).
#[allow(clippy::disallowed_methods)]
fn slice_clock() -> f64 {
    js_sys::Date::now()
}
