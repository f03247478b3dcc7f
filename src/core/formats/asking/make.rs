//! Making an ask: who can be asked what, and the link each of them gets (A1). A link carries only
//! what its people need: the meeting's facts, and their own attendance, department's request or
//! actions; nobody else's.

use chrono::{DateTime, Utc};

use crate::core::domain::asks::{AskKind, AskRecord};
use crate::core::domain::i18n::Lang;
use crate::core::domain::model::{FormatMode, Meeting};
use crate::core::formats::asking::{
    cut_to, AskLink, AskedAction, AskedPerson, AskedRead, LINK_VERSION, MAX_DRAFT_CHARS,
};

/// Someone an ask of `kind` can go to: a participant (by id), or an owner of open actions (by
/// name), with the name to show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Askable {
    pub id: String,
    pub name: String,
}

/// The people an ask of `kind` can go to, in the meeting's order: participants with a name, or
/// owners with at least one open action.
pub fn askable(meeting: &Meeting, kind: AskKind) -> Vec<Askable> {
    match kind {
        // Only a written draft can be confirmed (F1).
        AskKind::Minutes if meeting.minutes.text.trim().is_empty() => Vec::new(),
        AskKind::Attendance | AskKind::Feedback | AskKind::Minutes => meeting
            .participants
            .iter()
            .filter(|p| !p.name.trim().is_empty())
            .map(|p| Askable {
                id: p.id.clone(),
                name: p.name.trim().to_owned(),
            })
            .collect(),
        AskKind::Actions => {
            let mut owners: Vec<Askable> = Vec::new();
            for action in meeting.actions.iter().filter(|a| !a.status.is_closed()) {
                let owner = action.owner.trim();
                if !owner.is_empty() && !owners.iter().any(|o| o.id == owner) {
                    owners.push(Askable {
                        id: owner.to_owned(),
                        name: owner.to_owned(),
                    });
                }
            }
            owners
        }
    }
}

/// A new ask of `kind` to `to` (ids from [`askable`]), with the record the organiser's copy keeps
/// and the link those people get. `id` and `secret` come from the browser's random generator.
pub fn make_ask(
    meeting: &Meeting,
    kind: AskKind,
    to: &[String],
    id: String,
    secret: String,
    now: DateTime<Utc>,
    lang: Lang,
) -> (AskRecord, AskLink) {
    let record = AskRecord {
        id: id.clone(),
        kind,
        to: to.to_vec(),
        secret: secret.clone(),
        made_at: Some(now),
        taken: Vec::new(),
    };
    let people = to
        .iter()
        .map(|person| person_of(meeting, kind, person))
        .collect();
    let actions = match kind {
        AskKind::Actions => meeting
            .actions
            .iter()
            .filter(|action| !action.status.is_closed() && to.contains(&trimmed(&action.owner)))
            .map(|action| AskedAction {
                id: action.id.clone(),
                task: action.task.clone(),
                owner: trimmed(&action.owner),
                acceptance: action.acceptance.clone(),
                deadline: action.deadline,
                status: action.status,
            })
            .collect(),
        _ => Vec::new(),
    };
    let reads = match kind {
        AskKind::Attendance => meeting
            .materials
            .iter()
            .map(|read| AskedRead {
                title: read.title.clone(),
                link: read.link.clone(),
            })
            .collect(),
        _ => Vec::new(),
    };
    let mut draft = match kind {
        AskKind::Minutes => meeting.minutes.text.clone(),
        _ => String::new(),
    };
    cut_to(&mut draft, MAX_DRAFT_CHARS);
    let place = match meeting.format.mode {
        FormatMode::Online => meeting.format.platform.clone(),
        _ => meeting.format.room.clone(),
    };
    let link = AskLink {
        version: LINK_VERSION,
        kind,
        ask: id,
        meeting: meeting.id.clone(),
        secret,
        title: meeting.title_or_untitled(lang).to_owned(),
        starts_at: meeting.schedule.starts_at,
        minutes: meeting.schedule.duration_minutes,
        place,
        objective: meeting.objective.clone(),
        agenda: meeting
            .agenda
            .iter()
            .map(|item| format!("{} · {}′", item.title, item.minutes))
            .collect(),
        reads,
        people,
        actions,
        draft,
        lang,
    };
    (record, link)
}

fn trimmed(text: &str) -> String {
    text.trim().to_owned()
}

fn person_of(meeting: &Meeting, kind: AskKind, person: &str) -> AskedPerson {
    match meeting.participants.iter().find(|p| p.id == person) {
        Some(participant) if kind != AskKind::Actions => {
            let department = participant.department.trim();
            let bring = meeting
                .preparation_asks
                .iter()
                .find(|ask| !department.is_empty() && ask.department.trim() == department)
                .map(|ask| ask.ask.clone())
                .unwrap_or_default();
            AskedPerson {
                id: participant.id.clone(),
                name: participant.name.trim().to_owned(),
                department: department.to_owned(),
                bring,
                status: participant.attendance.status,
            }
        }
        _ => AskedPerson {
            id: person.to_owned(),
            name: person.to_owned(),
            ..AskedPerson::default()
        },
    }
}
