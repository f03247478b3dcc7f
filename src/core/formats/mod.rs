//! What goes out to other tools and comes back: CSV, text files, backups, share links, the
//! tracker import, chase messages and the exports (minutes, notice, `.ics`).

pub mod asking;
pub mod backup;
pub mod chase;
pub mod csv;
pub mod export;
pub mod share;
pub mod text_file;
pub mod tracker_export;
pub mod tracker_import;
