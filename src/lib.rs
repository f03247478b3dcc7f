//! CrossMeet (跨部门会议助手): a browser-only assistant for cross-department meetings.
//!
//! `core` is pure and tested natively; `store` (IndexedDB, localStorage) and `ui` (Leptos) exist
//! only in the WebAssembly build.

pub mod core;

#[cfg(all(target_arch = "wasm32", feature = "space"))]
pub mod space_worker;
#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
