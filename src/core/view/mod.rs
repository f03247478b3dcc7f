//! Pure helpers for the screens: routes, run-view shortcuts, the static first screen.

pub mod first_screen;
pub mod review_html;
pub mod route;
pub mod shortcuts;
