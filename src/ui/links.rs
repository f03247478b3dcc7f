//! Ask and reply links in the browser (A1): compression by `CompressionStream` (ui/deflate.rs),
//! HMAC-SHA-256 by Web Crypto, randomness by `crypto.getRandomValues`. Everything else is in
//! `core::formats::asking`.

use chrono::{DateTime, Utc};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::core::domain::model::Meeting;
use crate::core::formats::asking::intake::{intake, Intake};
use crate::core::formats::asking::{
    ask_href, ask_text, decode_payload, mac_matches, mac_text, parse_ask, parse_reply, reply_href,
    reply_text, reply_token, split_token, AskLink, LinkRefused, Reply, MAX_INFLATED_BYTES,
};
use crate::core::formats::share::base64url_encode;
use crate::ui::{browser, deflate};

/// A new ask's secret: 16 random bytes.
pub fn new_secret() -> String {
    base64url_encode(&browser::random_bytes::<16>())
}

/// HMAC-SHA-256 of `data` under `key`, by Web Crypto (only in a secure context: HTTPS or
/// localhost).
async fn hmac(key: &str, data: &str) -> Result<Vec<u8>, JsValue> {
    let subtle = web_sys::window().ok_or("no window")?.crypto()?.subtle();
    let algorithm = Object::new();
    Reflect::set(&algorithm, &"name".into(), &"HMAC".into())?;
    Reflect::set(&algorithm, &"hash".into(), &"SHA-256".into())?;
    let key_data = Uint8Array::from(key.as_bytes());
    let usages = Array::of1(&"sign".into());
    let key = JsFuture::from(
        subtle.import_key_with_object("raw", &key_data, &algorithm, false, &usages)?,
    )
    .await?;
    let signature = JsFuture::from(subtle.sign_with_str_and_u8_array(
        "HMAC",
        key.unchecked_ref(),
        data.as_bytes(),
    )?)
    .await?;
    Ok(Uint8Array::new(&signature).to_vec())
}

/// The ask link for `link`, on this page's address.
pub async fn make_ask_href(link: &AskLink) -> Result<String, String> {
    let compressed = deflate::deflate(ask_text(link).as_bytes()).await?;
    Ok(ask_href(
        &browser::page_address(),
        &base64url_encode(&compressed),
    ))
}

/// Reads an ask link's payload.
pub async fn read_ask(payload: &str) -> Result<AskLink, LinkRefused> {
    let compressed = decode_payload(payload)?;
    let bytes = deflate::inflate(&compressed, MAX_INFLATED_BYTES)
        .await
        .map_err(|_| LinkRefused::Broken)?;
    parse_ask(&bytes)
}

/// The signed reply link for `reply`, under its ask's `secret`.
pub async fn make_reply_href(reply: &Reply, secret: &str) -> Result<String, String> {
    let compressed = deflate::deflate(reply_text(reply).as_bytes()).await?;
    let payload = base64url_encode(&compressed);
    let signed = format!("{}.{payload}", reply.ask);
    let mac = hmac(secret, &signed)
        .await
        .map_err(|error| format!("{error:?}"))?;
    Ok(reply_href(
        &browser::page_address(),
        &reply_token(&reply.ask, &payload, &mac_text(&mac)),
    ))
}

/// Checks one reply token against its ask, in the meeting `holding` finds for the ask's id: its
/// MAC first (so a forged reply is never inflated), then its contents; what it would change.
pub async fn check_reply(
    token: &str,
    holding: impl FnOnce(&str) -> Option<Meeting>,
    now: DateTime<Utc>,
    lang: crate::core::domain::i18n::Lang,
) -> Result<Intake, LinkRefused> {
    let parts = split_token(token)?;
    let meeting = holding(parts.ask).ok_or(LinkRefused::UnknownAsk)?;
    let record = meeting
        .asks
        .iter()
        .find(|record| record.id == parts.ask)
        .ok_or(LinkRefused::UnknownAsk)?;
    let mac = hmac(&record.secret, &parts.signed())
        .await
        .map_err(|_| LinkRefused::Forged)?;
    if !mac_matches(&mac, parts.mac) {
        return Err(LinkRefused::Forged);
    }
    let compressed = decode_payload(parts.payload)?;
    let bytes = deflate::inflate(&compressed, MAX_INFLATED_BYTES)
        .await
        .map_err(|_| LinkRefused::Broken)?;
    let reply = parse_reply(&bytes, record, &meeting.id, now)?;
    Ok(intake(&meeting, reply, &browser::DeviceZone, lang))
}
