//! The team space's views (T2-T5) as escaped HTML text, drawn by its worker module so the app's
//! own module carries none of them: the settings section, a meeting's panel (share, last
//! change, conflicts with their versions) and the marks on list cards and tracker rows. The
//! app puts each into its slot and hands back the clicks on `data-space` elements, with
//! `data-arg`, and the values of `data-space-input` fields.

use std::fmt::Write;

use chrono::{DateTime, Datelike, FixedOffset, Timelike};
use serde_json::Value;

use crate::core::domain::i18n::{fill, Lang, S};
use crate::core::formats::export::markdown_html::escape_html as esc;
use crate::core::space::Step;

fn text(key: S, lang: Lang) -> String {
    esc(key.get(lang))
}

fn with(key: S, lang: Lang, args: &[&str]) -> String {
    esc(&fill(key.get(lang), args))
}

fn button(action: &str, arg: &str, label: &str, class: &str) -> String {
    format!(
        r#"<button type="button" class="{class}" data-space="{action}" data-arg="{}" data-testid="space-{action}">{label}</button>"#,
        esc(arg)
    )
}

/// The settings form of a device not in a space yet.
pub fn setup_html(missing: bool, can_pick: bool, lang: Lang) -> String {
    let mut html = String::new();
    for (input, label) in [("member", S::MemberName), ("name", S::SpaceName)] {
        let _ = write!(
            html,
            r#"<label class="field"><span>{}</span><input maxlength="60" data-space-input="{input}" data-testid="space-{input}"></label>"#,
            text(label, lang)
        );
    }
    if missing {
        let _ = write!(
            html,
            r#"<p class="error" role="alert">{}</p>"#,
            text(S::NeedsNames, lang)
        );
    }
    html.push_str(r#"<div class="button-row">"#);
    if can_pick {
        html.push_str(&button("pick", "", &text(S::PickFolder, lang), "primary"));
    }
    html.push_str(&button("no-folder", "", &text(S::WithoutFolder, lang), ""));
    let _ = write!(
        html,
        r#"<label class="button file-button">{}<input type="file" accept=".automerge" data-space="join" data-testid="space-join"></label>"#,
        text(S::JoinFromFile, lang)
    );
    html.push_str("</div>");
    if !can_pick {
        let _ = write!(html, r#"<p class="hint">{}</p>"#, text(S::NoPicker, lang));
    }
    html
}

/// What the settings show of a space this device is in (T5).
pub struct StatusView<'a> {
    pub folder: Option<&'a str>,
    pub read: Option<i64>,
    pub written: Option<i64>,
    pub pending: bool,
    pub problem: Option<&'a str>,
    pub skipped: &'a [(String, String)],
    pub members: Vec<String>,
}

pub fn status_html(view: &StatusView, offset: FixedOffset, lang: Lang) -> String {
    let never = S::Never.get(lang);
    let at = |ms: Option<i64>| ms.map_or_else(|| never.to_owned(), |ms| shown_time(ms, offset));
    let mut html = String::from(r#"<div class="space-state" data-testid="space-state">"#);
    let folder = match view.folder {
        Some(folder) => with(S::Folder, lang, &[folder]),
        None => text(S::NoFolder, lang),
    };
    let _ = write!(html, r#"<p data-testid="space-folder">{folder}</p>"#);
    let _ = write!(
        html,
        r#"<p data-testid="space-read" data-at="{}">{}</p><p data-testid="space-written" data-at="{}">{}</p>"#,
        view.read.unwrap_or(0),
        with(S::LastRead, lang, &[&at(view.read)]),
        view.written.unwrap_or(0),
        with(S::LastWritten, lang, &[&at(view.written)]),
    );
    if view.pending {
        let _ = write!(
            html,
            r#"<p class="hint" data-testid="space-pending">{}</p>"#,
            text(S::Pending, lang)
        );
    }
    match view.problem {
        Some("permission") => {
            let _ = write!(
                html,
                r#"<p class="error" role="alert">{} {}</p>"#,
                text(S::Permission, lang),
                button("regrant", "", &text(S::Regrant, lang), "")
            );
        }
        Some(problem) => {
            let _ = write!(
                html,
                r#"<p class="error" role="alert">{}</p>"#,
                with(S::Problem, lang, &[problem])
            );
        }
        None => {}
    }
    html.push_str(r#"<ul class="space-skipped" data-testid="space-skipped">"#);
    for (file, why) in view.skipped {
        let why = match why.as_str() {
            "unreadable" => S::Unreadable.get(lang),
            "other-space" => S::OtherSpace.get(lang),
            other => other,
        };
        let _ = write!(html, "<li>{}</li>", with(S::Skipped, lang, &[file, why]));
    }
    html.push_str("</ul>");
    let _ = write!(
        html,
        r#"<p data-testid="space-members">{}</p>"#,
        with(S::Members, lang, &[&view.members.join("、")])
    );
    html.push_str(r#"<div class="button-row">"#);
    html.push_str(&button("sync", "", &text(S::SyncNow, lang), "primary"));
    html.push_str(&button("export", "", &text(S::Export, lang), ""));
    let _ = write!(
        html,
        r#"<label class="button file-button">{}<input type="file" accept=".automerge" data-space="import" data-testid="space-import"></label>"#,
        text(S::Import, lang)
    );
    html.push_str(&button("leave", "", &text(S::Leave, lang), "danger"));
    html.push_str("</div></div>");
    html
}

/// The header's mark (T5): synced at a time, changes waiting, or the folder needing the user;
/// a link to the settings.
pub fn header_html(view: &StatusView, offset: FixedOffset, lang: Lang) -> String {
    let (class, text) = match (view.problem, view.pending) {
        (Some(_), _) => ("badge warn", S::HeaderProblem.get(lang).to_owned()),
        (None, true) => ("badge warn", S::HeaderWaiting.get(lang).to_owned()),
        (None, false) => {
            let at = view
                .read
                .map(|ms| shown_time(ms, offset))
                .unwrap_or_default();
            (
                "chip",
                fill(S::HeaderSynced.get(lang), &[at.get(11..).unwrap_or(&at)]),
            )
        }
    };
    format!(
        r##"<a class="{class} space-header" href="#/settings" data-testid="space-header">{}</a>"##,
        esc(&text)
    )
}

/// One conflict as shown: where it is, and each version with who set it and when.
pub struct ConflictView {
    pub label: String,
    pub versions: Vec<(String, String, String)>,
}

/// A meeting's panel: the share button, or the mark, the last change and the conflicts (T3, T4).
pub fn meeting_panel_html(
    id: &str,
    shared: bool,
    touch: Option<(&str, String)>,
    conflicts: &[ConflictView],
    lang: Lang,
) -> String {
    if !shared {
        return format!(
            r#"<div class="space-panel">{}</div>"#,
            button("share", id, &text(S::Share, lang), "")
        );
    }
    let mut html = format!(
        r#"<div class="space-panel" data-testid="space-panel"><span class="chip">{}</span>"#,
        text(S::SharedBadge, lang)
    );
    if let Some((author, when)) = touch {
        let _ = write!(
            html,
            r#" <span class="hint" data-testid="space-touch">{}</span>"#,
            with(S::Touched, lang, &[author, &when])
        );
    }
    if !conflicts.is_empty() {
        let _ = write!(
            html,
            r#"<div class="space-conflicts" role="alert"><p><span class="badge warn">{}</span> {}</p><ul>"#,
            with(S::Conflicts, lang, &[&conflicts.len().to_string()]),
            text(S::ConflictHelp, lang)
        );
        for (index, conflict) in conflicts.iter().enumerate() {
            let _ = write!(
                html,
                r#"<li data-testid="space-conflict"><strong>{}</strong><ul>"#,
                esc(&conflict.label)
            );
            for (version, (shown, author, when)) in conflict.versions.iter().enumerate() {
                let arg = format!("{id}|{index}|{version}");
                let _ = write!(
                    html,
                    "<li><q>{}</q> · {} · {} {}</li>",
                    esc(shown),
                    esc(author),
                    esc(when),
                    button("resolve", &arg, &text(S::UseThis, lang), "small")
                );
            }
            html.push_str("</ul></li>");
        }
        html.push_str("</ul></div>");
    }
    html.push_str("</div>");
    html
}

/// The marks on a meeting's card in the list: shared, and its conflicts if any.
pub fn card_marks_html(conflicts: usize, lang: Lang) -> String {
    let mut html = format!(
        r#"<span class="chip" data-testid="card-shared">{}</span>"#,
        text(S::SharedBadge, lang)
    );
    if conflicts > 0 {
        let _ = write!(
            html,
            r#" <span class="badge warn" data-testid="card-conflicts">{}</span>"#,
            with(S::Conflicts, lang, &[&conflicts.to_string()])
        );
    }
    html
}

/// The mark on a tracker row whose action holds conflicting versions.
pub fn row_mark_html(conflicts: usize, lang: Lang) -> String {
    format!(
        r#" <span class="badge warn" data-testid="row-conflict">{}</span>"#,
        with(S::Conflicts, lang, &[&conflicts.to_string()])
    )
}

/// Where a conflict is, in words: the fields, and the action or agenda item by its name.
pub fn path_label(meeting: &Value, path: &[Step], lang: Lang) -> String {
    let mut words = Vec::new();
    let mut at = meeting;
    for step in path {
        match step {
            Step::Key(key) => {
                let named = match key.as_str() {
                    "title" => Some(S::FieldTitle),
                    "objective" => Some(S::FieldObjective),
                    "actions" => Some(S::FieldActions),
                    "agenda" => Some(S::FieldAgenda),
                    "task" => Some(S::FieldTask),
                    "owner" => Some(S::FieldOwner),
                    "deadline" => Some(S::FieldDeadline),
                    "status" => Some(S::FieldStatus),
                    _ => None,
                };
                words.push(named.map_or_else(|| key.clone(), |named| named.get(lang).to_owned()));
                at = &at[key.as_str()];
            }
            Step::Item(id) => {
                let item = at
                    .as_array()
                    .and_then(|items| items.iter().find(|item| item["id"] == id.as_str()))
                    .unwrap_or(&Value::Null);
                let name = ["task", "title", "name"]
                    .iter()
                    .find_map(|key| item[*key].as_str().filter(|name| !name.is_empty()))
                    .unwrap_or(id);
                words.push(format!("「{name}」"));
                at = item;
            }
            Step::Index(index) => {
                words.push(format!("#{}", index + 1));
                at = &at[*index];
            }
        }
    }
    words.join(" › ")
}

/// A version's value in words: a status by its label, a text as it is.
pub fn value_label(path: &[Step], value: &Value, lang: Lang) -> String {
    if path.last() == Some(&Step::Key("status".to_owned())) {
        let label = match value.as_str() {
            Some("Open") => Some(S::StatusOpen),
            Some("InProgress") => Some(S::StatusInProgress),
            Some("Blocked") => Some(S::StatusBlocked),
            Some("Done") => Some(S::StatusDone),
            Some("Cancelled") => Some(S::StatusCancelled),
            _ => None,
        };
        if let Some(label) = label {
            return label.get(lang).to_owned();
        }
    }
    match value {
        Value::String(text) => text.clone(),
        Value::Null => "—".to_owned(),
        other => other.to_string(),
    }
}

/// An instant as the device's clock shows it (its offset from the app).
pub fn shown_time(ms: i64, offset: FixedOffset) -> String {
    // By hand: chrono's format strings would bring their parser into the worker module.
    DateTime::from_timestamp_millis(ms)
        .map(|at| {
            let at = at.with_timezone(&offset);
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02}",
                at.year(),
                at.month(),
                at.day(),
                at.hour(),
                at.minute()
            )
        })
        .unwrap_or_default()
}
