//! Minutes copied for chat (F1) carry every word as it was typed: for any text, the chat text
//! of its Markdown is the text itself, and generated minutes never reach a chat app as Markdown
//! (no `#` headings, no `|` table rows below the title), whatever their decisions and actions say.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{DateTime, Utc};
use proptest::prelude::*;

use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, Decision, Meeting};
use crossmeet::core::formats::export::chat_text::{chat_text, inline};
use crossmeet::core::formats::export::markdown::escape_inline;
use crossmeet::core::formats::export::minutes::minutes_markdown;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_000))]

    #[test]
    fn any_text_comes_back_as_typed(typed in "\\PC*|[\\\\|*_#<>&\\-\\r\\n 1.]{0,12}") {
        let expected = typed.trim().replace('\r', "");
        prop_assert_eq!(inline(&escape_inline(&typed)), expected);
    }

    #[test]
    fn generated_minutes_reach_chat_as_plain_text(
        title in "\\PC{0,20}",
        decisions in prop::collection::vec("\\PC{0,30}", 0..4),
        tasks in prop::collection::vec(("\\PC{0,30}", "\\PC{0,8}"), 0..4),
    ) {
        let meeting = Meeting {
            title: title.clone(),
            decisions: decisions.iter().map(|text| Decision { text: text.clone(), ..Decision::default() }).collect(),
            actions: tasks.iter().map(|(task, owner)| ActionItem { task: task.clone(), owner: owner.clone(), ..ActionItem::default() }).collect(),
            ..Meeting::default()
        };
        let zone = chrono::FixedOffset::east_opt(8 * 3600).unwrap();
        let text = chat_text(&minutes_markdown(&meeting, Lang::Zh, &zone, DateTime::<Utc>::UNIX_EPOCH), Lang::Zh);
        // The first line is the title as typed, whatever it starts with.
        for line in text.lines().skip(1) {
            prop_assert!(!line.starts_with('#') && !line.starts_with('|'), "{line:?}");
        }
        prop_assert!(text.contains("【决议】") && text.contains("【行动项】"));
        for decision in decisions.iter().map(|d| d.trim()).filter(|d| !d.is_empty()) {
            prop_assert!(text.contains(decision), "{decision:?} in {text}");
        }
        for (task, _) in tasks.iter().filter(|(t, _)| !t.trim().is_empty()) {
            let shown = format!("· {}", task.trim());
            prop_assert!(text.contains(&shown), "{shown:?} in {text}");
        }
    }
}
