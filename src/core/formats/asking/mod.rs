//! Ask links and reply links (A1): the organiser sends each person a link carrying only what they
//! need to answer; their phone sends back a reply link through the chat. No server sees either:
//! both live in the URL fragment, like share links (D4).
//!
//! - An ask link is `…#/a/<payload>`: the [`AskLink`] as JSON, raw DEFLATE (the browser's
//!   `CompressionStream`), base64url. It carries the ask's random secret.
//! - A reply link is `…#/r/<ask id>.<payload>.<mac>`: the [`Reply`] compressed the same way and
//!   an HMAC-SHA-256 of `<ask id>.<payload>` under that secret (by Web Crypto), cut to 128 bits.
//!   The organiser's copy checks the MAC before inflating anything, so a cut, altered or forged
//!   reply costs nothing to refuse, and a reply can come only from someone who received the ask.
//!
//! This module is everything around the compression and the MAC: the shapes, their bounds, and
//! finding reply links in a stretch of pasted chat.

pub mod draft;
pub mod intake;
pub mod json;
pub mod make;
pub mod messages;

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::i18n::{Lang, T};
use crate::core::domain::model::{ActionStatus, AttendanceStatus};
use crate::core::formats::share::{base64url_decode, base64url_encode, in_app};

/// The version both link shapes carry; a newer one is refused with "update the app".
pub const LINK_VERSION: u8 = 1;

/// The longest payload of either link accepted, in characters: a typical reply is well under
/// 2,000; anything many times longer was not made by this app.
pub const MAX_PAYLOAD_CHARS: usize = 16 * 1024;

/// The most bytes a payload may inflate to.
pub const MAX_INFLATED_BYTES: usize = 128 * 1024;

/// The most rows (people, actions, agenda items, pre-reads) a link may carry.
pub const MAX_ROWS: usize = 300;

/// The longest text a field of a reply may carry, in characters; longer text is cut.
pub const MAX_TEXT_CHARS: usize = 2_000;

/// The most of the minutes' draft an ask carries, in characters: a chat app may cut a link
/// much longer than a few thousand characters.
pub const MAX_DRAFT_CHARS: usize = 4_000;

/// The length of the MAC in a reply link: 16 bytes in base64url.
pub const MAC_CHARS: usize = 22;

/// One person an ask is for: a participant, or an owner of actions (then `id` is the name).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AskedPerson {
    pub id: String,
    pub name: String,
    pub department: String,
    /// What the notice asked the person's department to bring (R6), if anything.
    pub bring: String,
    /// Their attendance as the organiser's copy held it when asking: a reply carries it back,
    /// so a change the organiser made since shows beside the answer.
    pub status: AttendanceStatus,
}

/// One action as the ask shows it to its owner.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AskedAction {
    pub id: String,
    pub task: String,
    pub owner: String,
    pub acceptance: String,
    pub deadline: Option<NaiveDate>,
    pub status: ActionStatus,
}

/// A pre-read the person should read (R5).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AskedRead {
    pub title: String,
    pub link: String,
}

/// What an ask link carries: only what its people need to answer.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AskLink {
    pub version: u8,
    pub kind: AskKind,
    pub ask: String,
    pub meeting: String,
    pub secret: String,
    pub title: String,
    pub starts_at: Option<DateTime<Utc>>,
    pub minutes: u32,
    pub place: String,
    pub objective: String,
    /// "title · 20′" per agenda item.
    pub agenda: Vec<String>,
    pub reads: Vec<AskedRead>,
    pub people: Vec<AskedPerson>,
    pub actions: Vec<AskedAction>,
    /// The minutes' draft, for a minutes ask (at most [`MAX_DRAFT_CHARS`]).
    pub draft: String,
    /// The language the organiser asked in; the page opens in it.
    pub lang: Lang,
}

impl AskLink {
    /// The actions of one owner, in the ask's order.
    pub fn actions_of<'a>(&'a self, owner: &'a str) -> impl Iterator<Item = &'a AskedAction> {
        self.actions
            .iter()
            .filter(move |action| action.owner == owner)
    }

    /// The last moment to answer an attendance ask on time: 24 hours before the start (R7).
    pub fn answer_by(&self) -> Option<DateTime<Utc>> {
        self.starts_at
            .and_then(|start| start.checked_sub_signed(chrono::Duration::hours(24)))
    }
}

/// An answer to an attendance ask.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AttendanceAnswer {
    pub coming: bool,
    pub reason: String,
    pub substitute: String,
    pub read: bool,
    /// Risk points, one a line.
    pub risks: String,
    /// The attendance the ask showed.
    pub asked: AttendanceStatus,
}

/// An owner's answer about one action.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ActionAnswer {
    pub id: String,
    pub status: ActionStatus,
    pub note: String,
    /// A new date, when the old one cannot be met (F3), with `why`.
    pub new_deadline: Option<NaiveDate>,
    pub why: String,
    /// Status and deadline as the ask showed them.
    pub asked_status: ActionStatus,
    pub asked_deadline: Option<NaiveDate>,
}

/// An answer about the minutes' draft (F1): confirmed, or a correction.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MinutesAnswer {
    pub confirmed: bool,
    pub correction: String,
}

/// An answer to the review's questions (F5).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedbackAnswer {
    pub time_right: Option<bool>,
    pub materials_enough: Option<bool>,
    pub rating: Option<u8>,
    pub comment: String,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Answer {
    Attendance(AttendanceAnswer),
    Actions(Vec<ActionAnswer>),
    Feedback(FeedbackAnswer),
    Minutes(MinutesAnswer),
}

impl Answer {
    pub fn kind(&self) -> AskKind {
        match self {
            Answer::Attendance(_) => AskKind::Attendance,
            Answer::Actions(_) => AskKind::Actions,
            Answer::Feedback(_) => AskKind::Feedback,
            Answer::Minutes(_) => AskKind::Minutes,
        }
    }
}

/// What a reply link carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reply {
    pub version: u8,
    pub ask: String,
    pub meeting: String,
    /// The person answering: a participant id, or an owner's name.
    pub from: String,
    pub written_at: DateTime<Utc>,
    pub answer: Answer,
}

/// Why a link or reply was refused; nothing was changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkRefused {
    /// Not a link this app made, or cut short in the chat.
    Broken,
    /// Made by a newer version of the app.
    Newer,
    /// Longer than any link this app makes.
    TooLong,
    /// The reply's MAC does not match its ask's secret: altered, or not from that ask.
    Forged,
    /// No meeting on this device made this ask (never here, or deleted).
    UnknownAsk,
    /// Signed for this ask, but for another meeting or a person it was not asked of.
    NotAsked,
    /// The same reply, or a newer one from the same person, was taken already.
    AlreadyTaken,
}

impl LinkRefused {
    pub fn message(self) -> T {
        match self {
            LinkRefused::Broken => T::LinkBroken,
            LinkRefused::Newer => T::LinkNewer,
            LinkRefused::TooLong => T::LinkTooLong,
            LinkRefused::Forged => T::ReplyForged,
            LinkRefused::UnknownAsk => T::ReplyUnknownAsk,
            LinkRefused::NotAsked => T::ReplyNotAsked,
            LinkRefused::AlreadyTaken => T::ReplyAlreadyTaken,
        }
    }
}

/// The JSON an ask link carries, before compression.
pub fn ask_text(link: &AskLink) -> String {
    json::ask_to_json(link)
}

/// The JSON a reply link carries, before compression.
pub fn reply_text(reply: &Reply) -> String {
    json::reply_to_json(reply)
}

/// A MAC as the link writes it: the first 16 bytes of the HMAC, in base64url.
pub fn mac_text(hmac: &[u8]) -> String {
    base64url_encode(&hmac[..hmac.len().min(16)])
}

/// Whether `mac` (from a link) is the MAC of `hmac`, compared in constant time.
pub fn mac_matches(hmac: &[u8], mac: &str) -> bool {
    let expected = mac_text(hmac);
    expected.len() == mac.len()
        && expected
            .bytes()
            .zip(mac.bytes())
            .fold(0u8, |differ, (a, b)| differ | (a ^ b))
            == 0
}

/// The compressed bytes of a link's payload.
pub fn decode_payload(payload: &str) -> Result<Vec<u8>, LinkRefused> {
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkRefused::TooLong);
    }
    base64url_decode(payload).ok_or(LinkRefused::Broken)
}

/// Reads an ask link's inflated JSON, bounding what it carries.
pub fn parse_ask(bytes: &[u8]) -> Result<AskLink, LinkRefused> {
    let text = std::str::from_utf8(bytes).map_err(|_| LinkRefused::Broken)?;
    let mut link = json::ask_from_json(text).ok_or(LinkRefused::Broken)?;
    if link.version > LINK_VERSION {
        return Err(LinkRefused::Newer);
    }
    if link.ask.is_empty() || link.secret.is_empty() || link.people.is_empty() {
        return Err(LinkRefused::Broken);
    }
    link.minutes = link
        .minutes
        .clamp(0, *crate::core::domain::bounds::MEETING_MINUTES.end());
    link.agenda.truncate(MAX_ROWS);
    link.reads.truncate(MAX_ROWS);
    link.people.truncate(MAX_ROWS);
    link.actions.truncate(MAX_ROWS);
    cut_to(&mut link.draft, MAX_DRAFT_CHARS);
    Ok(link)
}

/// A reply link's three parts, as found in a chat.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReplyToken<'a> {
    pub ask: &'a str,
    pub payload: &'a str,
    pub mac: &'a str,
}

impl ReplyToken<'_> {
    /// The text the MAC signs.
    pub fn signed(&self) -> String {
        format!("{}.{}", self.ask, self.payload)
    }
}

/// Splits `<ask id>.<payload>.<mac>`.
pub fn split_token(token: &str) -> Result<ReplyToken<'_>, LinkRefused> {
    if token.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkRefused::TooLong);
    }
    let mut parts = token.split('.');
    match (parts.next(), parts.next(), parts.next(), parts.next()) {
        (Some(ask), Some(payload), Some(mac), None)
            if !ask.is_empty() && !payload.is_empty() && mac.len() == MAC_CHARS =>
        {
            Ok(ReplyToken { ask, payload, mac })
        }
        _ => Err(LinkRefused::Broken),
    }
}

/// The reply link's fragment for a token.
pub fn reply_token(ask: &str, payload: &str, mac: &str) -> String {
    format!("{ask}.{payload}.{mac}")
}

/// Reads a verified reply's inflated JSON against its ask: same ask and meeting, a person it
/// asked, the kind it asked, not older than what was taken from them; texts cut to length.
pub fn parse_reply(
    bytes: &[u8],
    record: &AskRecord,
    meeting_id: &str,
    now: DateTime<Utc>,
) -> Result<Reply, LinkRefused> {
    let text = std::str::from_utf8(bytes).map_err(|_| LinkRefused::Broken)?;
    let mut reply = json::reply_from_json(text).ok_or(LinkRefused::Broken)?;
    if reply.version > LINK_VERSION {
        return Err(LinkRefused::Newer);
    }
    if reply.ask != record.id
        || reply.meeting != meeting_id
        || !record.to.contains(&reply.from)
        || reply.answer.kind() != record.kind
    {
        return Err(LinkRefused::NotAsked);
    }
    // A phone with its clock far ahead would otherwise block every later reply from it.
    reply.written_at = reply.written_at.min(now);
    if record
        .taken_from(&reply.from)
        .is_some_and(|taken| taken >= reply.written_at)
    {
        return Err(LinkRefused::AlreadyTaken);
    }
    bound_texts(&mut reply.answer);
    Ok(reply)
}

/// Cuts `text` to at most `chars` characters.
pub fn cut_to(text: &mut String, chars: usize) {
    if let Some((index, _)) = text.char_indices().nth(chars) {
        text.truncate(index);
    }
}

fn bound_texts(answer: &mut Answer) {
    let cut = |text: &mut String| cut_to(text, MAX_TEXT_CHARS);
    match answer {
        Answer::Attendance(answer) => {
            for text in [
                &mut answer.reason,
                &mut answer.substitute,
                &mut answer.risks,
            ] {
                cut(text);
            }
        }
        Answer::Actions(actions) => {
            actions.truncate(MAX_ROWS);
            for action in actions {
                cut(&mut action.note);
                cut(&mut action.why);
            }
        }
        Answer::Feedback(answer) => cut(&mut answer.comment),
        Answer::Minutes(answer) => cut(&mut answer.correction),
    }
}

/// Every reply link in a stretch of pasted text (chat messages, several replies, other talk
/// around them), each once, in order.
pub fn find_reply_tokens(text: &str) -> Vec<&str> {
    const MARK: &str = "#/r/";
    let mut found: Vec<&str> = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(MARK) {
        let after = &rest[start + MARK.len()..];
        let end = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || c == '.'))
            .unwrap_or(after.len());
        // A sentence's full stop right after the link is not part of it.
        let token = after[..end].trim_end_matches('.');
        if !token.is_empty() && !found.contains(&token) {
            found.push(token);
        }
        rest = &after[end..];
    }
    found
}

/// `app#/a/<payload>`.
pub fn ask_href(app_address: &str, payload: &str) -> String {
    in_app(app_address, &format!("#/a/{payload}"))
}

/// `app#/r/<token>`.
pub fn reply_href(app_address: &str, token: &str) -> String {
    in_app(app_address, &format!("#/r/{token}"))
}
