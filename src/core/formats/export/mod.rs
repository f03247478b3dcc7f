//! Texts the app hands to other tools: the meeting notice (plain text and Markdown, R6), the
//! calendar invitation (`.ics`, RFC 5545), the minutes (Markdown) and CSV for Excel (F2).

pub mod action_calendar;
pub mod chat_text;
pub mod csv;
pub mod ical;
pub mod ics;
pub mod markdown;
pub mod markdown_html;
pub mod minutes;
pub mod notice;
pub mod review;
