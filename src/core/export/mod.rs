//! Texts the app hands to other tools: the meeting notice (plain text and Markdown, R6) and the
//! calendar invitation (`.ics`, RFC 5545).

pub mod ics;
pub mod markdown;
pub mod notice;
