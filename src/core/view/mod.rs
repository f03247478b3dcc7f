//! Pure helpers for the screens: routes, run-view shortcuts, the static first screen.

pub mod answer_html;
pub mod asks_html;
pub mod first_screen;
pub mod replies_html;
pub mod review_html;
pub mod route;
pub mod shortcuts;
#[cfg(feature = "space")]
pub mod space_html;
