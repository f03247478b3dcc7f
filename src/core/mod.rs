//! The pure core: domain model, templates, persistence shape, backup and routing.
//!
//! Nothing here touches the browser or reads the clock: callers pass `now`, so every rule is
//! testable natively in milliseconds.

pub mod domain;
pub mod formats;
#[cfg(feature = "space")]
pub mod space;
pub mod storage;
pub mod view;
