//! What the app's tabs on one device say to each other over their `BroadcastChannel`: "I stored
//! this meeting", and the liveness question a starting tab asks before it takes over another
//! tab's leaving journal — a tab that is only hidden answers, and keeps its journal (D1).

/// Marks the liveness messages; a meeting id never starts with it.
const PREFIX: &str = "crossmeet:";

/// One message between tabs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TabMessage {
    /// The sender stored this meeting. Sent as the bare id, as every earlier build did and
    /// still understands.
    Saved(String),
    /// The sender deleted this meeting from the store: every tab lets it go, or, if it has
    /// edits of it not yet stored, asks its user (a tombstone every tab honours).
    Deleted(String),
    /// "Is the tab with this id still open?"
    AskAlive(String),
    /// "The tab with this id is open", from that tab.
    Alive(String),
}

impl TabMessage {
    pub fn encode(&self) -> String {
        match self {
            TabMessage::Saved(id) => id.clone(),
            TabMessage::Deleted(id) => format!("{PREFIX}deleted:{id}"),
            TabMessage::AskAlive(tab) => format!("{PREFIX}alive?:{tab}"),
            TabMessage::Alive(tab) => format!("{PREFIX}alive:{tab}"),
        }
    }

    pub fn decode(text: &str) -> TabMessage {
        let Some(rest) = text.strip_prefix(PREFIX) else {
            return TabMessage::Saved(text.to_owned());
        };
        if let Some(id) = rest.strip_prefix("deleted:") {
            TabMessage::Deleted(id.to_owned())
        } else if let Some(tab) = rest.strip_prefix("alive?:") {
            TabMessage::AskAlive(tab.to_owned())
        } else if let Some(tab) = rest.strip_prefix("alive:") {
            TabMessage::Alive(tab.to_owned())
        } else {
            TabMessage::Saved(text.to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_back_and_bare_ids_are_saves() {
        for message in [
            TabMessage::Saved("m-1".into()),
            TabMessage::Saved("".into()),
            TabMessage::AskAlive("tab-9".into()),
            TabMessage::Deleted("m-1".into()),
            TabMessage::Deleted("".into()),
            TabMessage::Alive("tab-9".into()),
            TabMessage::Alive("".into()),
        ] {
            assert_eq!(TabMessage::decode(&message.encode()), message);
        }
        assert_eq!(
            TabMessage::Saved("abc".into()).encode(),
            "abc",
            "as earlier builds send"
        );
        assert_eq!(
            TabMessage::decode("crossmeet:other"),
            TabMessage::Saved("crossmeet:other".into())
        );
    }
}
