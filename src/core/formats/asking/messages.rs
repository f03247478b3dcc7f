//! The short texts around ask and reply links, as pasted into a chat (A1): one message per person
//! or one for the group, a reminder to those who have not answered, and the phone's reply.
//! Plain text or Markdown, like the chase messages (F3).

use crate::core::domain::asks::AskKind;
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::formats::chase::ChaseFormat;
use crate::core::formats::export::markdown::escape_inline;

/// What every message about one ask shares.
#[derive(Clone, Copy, Debug)]
pub struct AskContext<'a> {
    pub kind: AskKind,
    pub title: &'a str,
    /// The meeting's start as the organiser reads it, or empty.
    pub when: &'a str,
    pub lang: Lang,
    pub format: ChaseFormat,
}

fn request(kind: AskKind) -> T {
    match kind {
        AskKind::Attendance => T::AskRequestAttendance,
        AskKind::Actions => T::AskRequestActions,
        AskKind::Feedback => T::AskRequestFeedback,
        AskKind::Minutes => T::AskRequestMinutes,
    }
}

fn link_line(context: &AskContext, href: &str) -> String {
    match context.format {
        ChaseFormat::Plain => href.to_owned(),
        ChaseFormat::Markdown => format!("[{}]({href})", T::AskOpenLink.get(context.lang)),
    }
}

fn heading(context: &AskContext) -> String {
    let title = match context.format {
        ChaseFormat::Plain => context.title.to_owned(),
        ChaseFormat::Markdown => format!("**{}**", escape_inline(context.title)),
    };
    match context.when.is_empty() {
        true => title,
        false => format!("{title} · {}", context.when),
    }
}

fn name(context: &AskContext, name: &str) -> String {
    match context.format {
        ChaseFormat::Plain => name.to_owned(),
        ChaseFormat::Markdown => escape_inline(name),
    }
}

/// The message for one person, or for the group when `person` is `None` (each picks their name).
pub fn ask_message(context: &AskContext, person: Option<&str>, href: &str) -> String {
    let lang = context.lang;
    let greeting = match person {
        Some(person) => tr(lang, T::AskGreeting, &[&name(context, person)]),
        None => T::AskGreetingGroup.get(lang).to_owned(),
    };
    format!(
        "{}\n{greeting}{}\n{}\n{}",
        heading(context),
        request(context.kind).get(lang),
        link_line(context, href),
        T::AskHowToReply.get(lang)
    )
}

/// A reminder to those who have not answered yet.
pub fn reminder_message(context: &AskContext, waiting: &[String], href: &str) -> String {
    let names = waiting
        .iter()
        .map(|person| name(context, person))
        .collect::<Vec<_>>()
        .join(T::AirtimeListSeparator.get(context.lang));
    format!(
        "{}\n{}{}\n{}\n{}",
        heading(context),
        tr(context.lang, T::AskReminder, &[&names]),
        request(context.kind).get(context.lang),
        link_line(context, href),
        T::AskHowToReply.get(context.lang)
    )
}

/// One meeting's ask link in a message to one owner across meetings (from the tracker, F3).
pub struct MeetingLink<'a> {
    pub title: &'a str,
    /// The meeting's start as the organiser reads it, or empty.
    pub when: &'a str,
    pub href: &'a str,
}

/// The message asking one owner for their progress in several meetings: one ask, and one link,
/// per meeting, since each meeting keeps its own asks.
pub fn owner_ask_message(
    owner: &str,
    links: &[MeetingLink],
    lang: Lang,
    format: ChaseFormat,
) -> String {
    let mut out = String::new();
    for link in links {
        let context = AskContext {
            kind: AskKind::Actions,
            title: link.title,
            when: link.when,
            lang,
            format,
        };
        out.push_str(&format!(
            "- {}\n  {}\n",
            heading(&context),
            link_line(&context, link.href)
        ));
    }
    let context = AskContext {
        kind: AskKind::Actions,
        title: "",
        when: "",
        lang,
        format,
    };
    format!(
        "{}{}\n{out}{}",
        tr(lang, T::AskGreeting, &[&name(&context, owner)]),
        T::AskRequestActions.get(lang),
        T::AskHowToReply.get(lang)
    )
}

/// What the phone puts around the reply link for the chat.
pub fn reply_message(lang: Lang, who: &str, title: &str, href: &str) -> String {
    format!("{}\n{href}", tr(lang, T::ReplyMessage, &[who, title]))
}
