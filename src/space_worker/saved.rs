//! What the space worker keeps between sessions, in its own IndexedDB database (not the app's,
//! whose shape it must not touch): the document, the folder's handle, and for each shared
//! meeting the version the app last had, from which its next edit is told apart.

use js_sys::Uint8Array;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{IdbDatabase, IdbTransactionMode};

use crate::store::indexed_db;
use crate::store::StoreError;

const DATABASE: &str = "crossmeet-space";
const STORE: &str = "kv";

pub struct Saved {
    db: IdbDatabase,
}

impl Saved {
    pub async fn open() -> Result<Saved, StoreError> {
        let db = indexed_db::open(
            DATABASE,
            1,
            |db| {
                let _ = db.create_object_store(STORE);
            },
            || {},
        )
        .await?;
        Ok(Saved { db })
    }

    pub async fn get(&self, key: &str) -> Result<JsValue, StoreError> {
        let transaction = self
            .db
            .transaction_with_str(STORE)
            .map_err(|error| indexed_db::error_of(&error))?;
        let store = transaction
            .object_store(STORE)
            .map_err(|error| indexed_db::error_of(&error))?;
        let request = store
            .get(&key.into())
            .map_err(|error| indexed_db::error_of(&error))?;
        indexed_db::result(&request).await
    }

    pub async fn bytes(&self, key: &str) -> Result<Option<Vec<u8>>, StoreError> {
        let value = self.get(key).await?;
        Ok(value
            .dyn_into::<Uint8Array>()
            .ok()
            .map(|bytes| bytes.to_vec()))
    }

    pub async fn text(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.get(key).await?.as_string())
    }

    /// Writes every pair in one transaction, so the document and the versions it explains
    /// never part.
    pub async fn put(&self, pairs: &[(String, JsValue)]) -> Result<(), StoreError> {
        self.change(|store| {
            for (key, value) in pairs {
                store.put_with_key(value, &key.into())?;
            }
            Ok(())
        })
        .await
    }

    pub async fn clear(&self) -> Result<(), StoreError> {
        self.change(|store| store.clear().map(|_| ())).await
    }

    async fn change(
        &self,
        write: impl FnOnce(&web_sys::IdbObjectStore) -> Result<(), JsValue>,
    ) -> Result<(), StoreError> {
        let transaction = self
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(|error| indexed_db::error_of(&error))?;
        let store = transaction
            .object_store(STORE)
            .map_err(|error| indexed_db::error_of(&error))?;
        write(&store).map_err(|error| indexed_db::error_of(&error))?;
        if indexed_db::ended(&transaction).await {
            Ok(())
        } else {
            Err(transaction
                .error()
                .map(|error| indexed_db::error_of(&error.into()))
                .unwrap_or_else(|| StoreError::Other("aborted".to_owned())))
        }
    }
}

pub fn bytes_value(bytes: &[u8]) -> JsValue {
    Uint8Array::from(bytes).into()
}
