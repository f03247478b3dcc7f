//! The pure core: domain model, templates, persistence shape, backup and routing.
//!
//! Nothing here touches the browser or reads the clock: callers pass `now`, so every rule is
//! testable natively in milliseconds.

pub mod agenda;
pub mod airtime;
pub mod backup;
pub mod chase;
pub mod checks;
pub mod clock;
pub mod cost;
pub mod csv;
pub mod export;
pub mod first_screen;
pub mod i18n;
pub mod journal;
pub mod model;
pub mod order;
pub mod persist;
pub mod rebalance;
pub mod retro;
pub mod route;
pub mod run;
pub mod save_book;
pub mod share;
pub mod shortcuts;
pub mod standup;
pub mod summary;
pub mod tab_message;
pub mod templates;
pub mod text_file;
pub mod time;
pub mod time_serde;
pub mod tracker;
pub mod tracker_import;
