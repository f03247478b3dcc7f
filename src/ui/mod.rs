//! The Leptos UI: components render state and dispatch actions to [`state::AppState`]; business
//! rules stay in `core`.

pub mod app;
pub mod browser;
pub mod deflate;
pub mod first_screen;
pub mod hooks;
pub mod keyed;
pub mod links;
pub mod notify;
pub mod pages;
pub mod preferences;
pub mod saving;
pub mod space;
pub mod state;
pub mod tabs;
pub mod toast;
