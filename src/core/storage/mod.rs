//! The rules of storing, not the storing itself: the versioned stored shape, journals, a tab's
//! save bookkeeping, what tabs tell each other, list summaries.

pub mod journal;
pub mod persist;
pub mod save_book;
pub mod summary;
pub mod tab_message;
