//! One module per page of the app.

pub mod meeting_list;
pub mod review;
pub mod settings;
pub mod share;
pub mod standup;
pub mod tracker;
pub mod workspace;
