//! Pure helpers for the screens: routes, run-view shortcuts, the static first screen.

pub mod first_screen;
pub mod route;
pub mod shortcuts;
