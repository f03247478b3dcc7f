//! The app's pages and their `#/…` addresses. Routing lives in the URL fragment so that the app
//! works from any static host (no server rewrites needed) and from the offline cache.

pub use crate::core::domain::model::Stage;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    MeetingList,
    Meeting {
        id: String,
        stage: Stage,
    },
    /// A running meeting as the room sees it, in a window of its own for a second screen (E8):
    /// the host's window keeps the prompts and controls.
    Projector(String),
    Tracker,
    /// The weekly 10-minute stand-up over open action items (F4).
    Standup,
    /// The retrospective by series or quarter (F5).
    Review,
    /// A shared plan to preview and import (D4): the compressed plan from a link, or empty to
    /// choose a meeting file.
    Share(String),
    /// The answer page a participant opens from an ask link (A1): the compressed ask.
    Answer(String),
    /// Taking in replies (A1): a reply link's token, or empty to paste chat text.
    Replies(String),
    Settings,
    NotFound,
}

impl Route {
    /// Reads a `location.hash` such as `#/m/abc/prepare`.
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/');
        let parts: Vec<&str> = path.split('/').filter(|part| !part.is_empty()).collect();
        match parts.as_slice() {
            [] => Route::MeetingList,
            ["tracker"] => Route::Tracker,
            ["standup"] => Route::Standup,
            ["review"] => Route::Review,
            ["share"] => Route::Share(String::new()),
            ["share", payload] => Route::Share((*payload).to_owned()),
            ["a", payload] => Route::Answer((*payload).to_owned()),
            ["replies"] => Route::Replies(String::new()),
            ["r", token] => Route::Replies((*token).to_owned()),
            ["settings"] => Route::Settings,
            ["m", id] => Route::Meeting {
                id: (*id).to_owned(),
                stage: Stage::Plan,
            },
            ["m", id, "projector"] => Route::Projector((*id).to_owned()),
            ["m", id, stage] => match Stage::from_slug(stage) {
                Some(stage) => Route::Meeting {
                    id: (*id).to_owned(),
                    stage,
                },
                None => Route::NotFound,
            },
            _ => Route::NotFound,
        }
    }

    /// The `#/…` address of this page.
    pub fn href(&self) -> String {
        match self {
            Route::MeetingList | Route::NotFound => "#/".to_owned(),
            Route::Tracker => "#/tracker".to_owned(),
            Route::Standup => "#/standup".to_owned(),
            Route::Review => "#/review".to_owned(),
            Route::Share(payload) if payload.is_empty() => "#/share".to_owned(),
            Route::Share(payload) => format!("#/share/{payload}"),
            Route::Answer(payload) => format!("#/a/{payload}"),
            Route::Replies(token) if token.is_empty() => "#/replies".to_owned(),
            Route::Replies(token) => format!("#/r/{token}"),
            Route::Settings => "#/settings".to_owned(),
            Route::Meeting { id, stage } => format!("#/m/{id}/{}", stage.slug()),
            Route::Projector(id) => format!("#/m/{id}/projector"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_round_trip() {
        let routes = [
            Route::MeetingList,
            Route::Tracker,
            Route::Standup,
            Route::Review,
            Route::Share(String::new()),
            Route::Share("eJzLSM3JyQcABiwCFQ".into()),
            Route::Answer("eJzLSM3JyQcABiwCFQ".into()),
            Route::Replies(String::new()),
            Route::Replies("0123abcd.eJzLSM3JyQ.AAAAAAAAAAAAAAAAAAAAAA".into()),
            Route::Settings,
            Route::Meeting {
                id: "k3x9".into(),
                stage: Stage::FollowUp,
            },
            Route::Projector("k3x9".into()),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.href()), route);
        }
    }

    #[test]
    fn loose_addresses_are_understood() {
        assert_eq!(Route::parse(""), Route::MeetingList);
        assert_eq!(Route::parse("#"), Route::MeetingList);
        assert_eq!(
            Route::parse("#/m/abc"),
            Route::Meeting {
                id: "abc".into(),
                stage: Stage::Plan
            }
        );
        assert_eq!(Route::parse("#/m/abc/nope"), Route::NotFound);
        assert_eq!(Route::parse("#/unknown/page"), Route::NotFound);
    }
}
