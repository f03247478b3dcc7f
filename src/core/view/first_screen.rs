//! The meeting list's first screen as static HTML, for `index.html` (issue 15): on a slow first
//! visit the page shows the real header, headings and template cards while the module is still
//! downloading. `src/bin/first_screen.rs` writes it into the built page (scripts/post-build.sh).
//!
//! It is drawn from the same templates, routes and texts table as the app, so it cannot drift
//! from them, and its markup and classes mirror `ui/app.rs` (header) and
//! `ui/pages/meeting_list.rs` (toolbar, template grid), so the app takes over without a jump in
//! layout. Both languages are written; `index.html`'s first script shows the user's.

use crate::core::domain::i18n::{Lang, T};
use crate::core::domain::model::Situation;
use crate::core::formats::export::markdown_html::escape_html;
use crate::core::view::route::Route;

/// The `<div id="app-shell">` that holds the screen until the app has drawn its own.
pub fn first_screen_html() -> String {
    let mut html = String::from("<div id=\"app-shell\">");
    for lang in [Lang::Zh, Lang::En] {
        screen(&mut html, lang);
    }
    html.push_str("</div>");
    html
}

/// The name a template card carries in `data-template`, as the app writes it.
pub fn template_name(situation: Situation) -> &'static str {
    match situation {
        Situation::Blank => "Blank",
        Situation::ProjectCollaboration => "ProjectCollaboration",
        Situation::ProblemSolving => "ProblemSolving",
        Situation::StrategyRollout => "StrategyRollout",
        Situation::MechanismBuilding => "MechanismBuilding",
    }
}

/// The template a card's `data-template` names, for a click made before the app was ready.
pub fn template_named(name: &str) -> Option<Situation> {
    Situation::TEMPLATES
        .into_iter()
        .chain([Situation::Blank])
        .find(|situation| template_name(*situation) == name)
}

fn screen(html: &mut String, lang: Lang) {
    // Texts are the app's own, but escaped all the same: a translation may one day hold `<`.
    let text = |key: T| escape_html(key.get(lang));
    let class = match lang {
        Lang::Zh => "shell-zh",
        Lang::En => "shell-en",
    };
    html.push_str(&format!("<div class=\"{class}\" lang=\"{}\">", lang.tag()));

    html.push_str("<header class=\"app-header\"><a class=\"brand\" href=\"#/\">");
    html.push_str("<span class=\"brand-mark\" aria-hidden=\"true\">⇄</span>");
    html.push_str(&text(T::AppName));
    html.push_str("</a><nav aria-label=\"primary\">");
    for (route, label) in [
        (Route::MeetingList, T::NavMeetings),
        (Route::Tracker, T::NavTracker),
        (Route::Review, T::NavReview),
        (Route::Settings, T::NavSettings),
    ] {
        let current = if route == Route::MeetingList {
            " aria-current=\"page\""
        } else {
            ""
        };
        html.push_str(&format!(
            "<a href=\"{}\"{current}>{}</a>",
            route.href(),
            text(label)
        ));
    }
    html.push_str(&format!(
        "</nav><button class=\"lang-switch\" type=\"button\" title=\"{}\" lang=\"{}\">{}</button></header>",
        text(T::SwitchLanguageLabel),
        lang.other().tag(),
        text(T::SwitchLanguage),
    ));

    html.push_str("<main class=\"page\"><section class=\"list-page\"><div class=\"list-toolbar\">");
    html.push_str(&format!(
        "<h1>{}</h1><input type=\"search\" class=\"search\" aria-label=\"{search}\" placeholder=\"{search}\">",
        text(T::NavMeetings),
        search = text(T::SearchMeetings),
    ));
    html.push_str(&format!(
        "<a class=\"button\" href=\"{}\">{}</a></div>",
        Route::Share(String::new()).href(),
        text(T::OpenShared),
    ));
    html.push_str(&format!(
        "<section class=\"create\"><h2>{}</h2><div class=\"template-grid\">",
        text(T::FromTemplate)
    ));
    for situation in Situation::TEMPLATES {
        html.push_str(&format!(
            "<button type=\"button\" class=\"template\" data-template=\"{}\"><strong>{}</strong><span>{}</span></button>",
            template_name(situation),
            text(situation.label()),
            text(situation.hint()),
        ));
    }
    html.push_str(&format!(
        "<button type=\"button\" class=\"template template-blank\" data-template=\"{}\"><strong>+ {}</strong></button>",
        template_name(Situation::Blank),
        text(T::NewBlank),
    ));
    html.push_str("</div></section>");
    // The empty list, as the app draws it on a first visit; the page's first script hides it
    // when the app last saw meetings. It also keeps the largest paint on this screen.
    html.push_str(&format!(
        "<div class=\"empty\"><h2>{}</h2><p>{}</p></div></section>",
        text(T::EmptyListTitle),
        text(T::EmptyListHint)
    ));
    // The answer page's first screen (A1): the same introduction the page opens with, so the
    // app's paint of it is no larger, and the page's largest paint is this one.
    html.push_str(&format!(
        "<section class=\"answer-page answer-shell\"><p class=\"answer-intro\">{}</p></section>",
        text(T::AnswerIntro)
    ));
    html.push_str(&format!(
        "<p class=\"loading\" role=\"status\">{}</p></main></div>",
        text(T::Loading)
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_carry_every_template_card_with_its_texts() {
        let html = first_screen_html();
        assert!(html.starts_with("<div id=\"app-shell\">") && html.ends_with("</div>"));
        for lang in [Lang::Zh, Lang::En] {
            for situation in Situation::TEMPLATES {
                assert!(
                    html.contains(&escape_html(situation.label().get(lang))),
                    "{situation:?} {lang:?}"
                );
                assert!(
                    html.contains(&escape_html(situation.hint().get(lang))),
                    "{situation:?} {lang:?}"
                );
            }
            assert!(html.contains(&escape_html(T::FromTemplate.get(lang))));
            assert!(html.contains(&escape_html(T::Loading.get(lang))));
            assert!(html.contains(&escape_html(T::EmptyListHint.get(lang))));
        }
        assert_eq!(html.matches("data-template=").count(), 10);
        assert_eq!(html.matches("<div").count(), html.matches("</div>").count());
        assert_eq!(
            html.matches("<section").count(),
            html.matches("</section>").count()
        );
    }

    #[test]
    fn every_card_name_leads_back_to_its_template() {
        for situation in Situation::TEMPLATES.into_iter().chain([Situation::Blank]) {
            assert_eq!(template_named(template_name(situation)), Some(situation));
            // The app writes the same name from the variant's Debug form.
            assert_eq!(template_name(situation), format!("{situation:?}"));
        }
        assert_eq!(template_named("Nonsense"), None);
    }

    #[test]
    fn markup_in_a_text_is_escaped() {
        assert_eq!(
            escape_html("<b a=\"1\">&"),
            "&lt;b a=&quot;1&quot;&gt;&amp;"
        );
    }
}
