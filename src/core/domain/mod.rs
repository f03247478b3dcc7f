//! The meeting and its rules: the model, agenda, clocks, the run, checks, airtime, cost, the
//! tracker and review, templates, dates and the texts table. No I/O and no file format.

pub mod agenda;
pub mod airtime;
pub mod asks;
pub mod bounds;
pub mod checks;
pub mod choice;
pub mod clock;
pub mod coaching;
pub mod cost;
pub mod edit;
pub mod from_plan;
pub mod grouping;
pub mod i18n;
pub mod model;
pub mod order;
pub mod people;
pub mod rebalance;
pub mod retro;
pub mod run;
pub mod standup;
pub mod templates;
pub mod time;
pub mod time_serde;
pub mod tracker;
