//! Who a speaker text stands for: a participant, a declined participant's substitute, or a
//! department, so free text typed in the run view still lands in the right department.

use crate::core::domain::model::{AttendanceStatus, Participant};

/// What a speaker text stands for. Each variant says why, so the UI can explain a grouping.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Speaker<'a> {
    /// A participant, by position in `meeting.participants`.
    Participant(usize),
    /// The named substitute of a participant who declined (R7): speaks for that department.
    Substitute(usize),
    /// A department: one a participant belongs to (spelled as the participant has it), or one
    /// stated in brackets after a name nobody in the list has (a guest, `李四（法务部）`).
    Department(&'a str),
    /// Nothing matched: the time is grouped under this text, department unknown.
    Unknown(&'a str),
}

impl<'a> Speaker<'a> {
    /// The department the time goes to; `None` when unknown (or the participant has none).
    pub fn department(&self, participants: &'a [Participant]) -> Option<&'a str> {
        let department = match *self {
            Speaker::Participant(index) | Speaker::Substitute(index) => {
                participants[index].department.trim()
            }
            Speaker::Department(department) => department,
            Speaker::Unknown(_) => "",
        };
        (!department.is_empty()).then_some(department)
    }
}

/// Resolves a speaker text, taking the first rule that fits:
///
/// 1. a participant's exact name (trimmed; case-insensitive, which matters for Latin names),
///    preferring one who has not declined;
/// 2. the named substitute of a participant who declined;
/// 3. a participant's department (`研发部`, `r&d` for `R&D`);
/// 4. `name (department)` or `name（部门）`: the participant with that name and department,
///    else the department if a participant belongs to it, else the participant with that name,
///    else the department as written;
/// 5. otherwise unknown, grouped under the text itself.
///
/// [`speaker_label`] writes the form of rule 4, so a picked participant resolves to itself.
pub fn resolve_speaker<'a>(participants: &'a [Participant], speaker: &'a str) -> Speaker<'a> {
    let text = speaker.trim();
    if let Some(found) = resolve_bare(participants, text) {
        return found;
    }
    if let Some((name, department)) = split_bracket(text) {
        if department.is_empty() {
            if let Some(found) = resolve_bare(participants, name) {
                return found;
            }
        } else {
            let exact = participants.iter().position(|p| {
                !p.name.trim().is_empty() && same(&p.name, name) && same(&p.department, department)
            });
            if let Some(index) = exact {
                return Speaker::Participant(index);
            }
            if let Some(known) = known_department(participants, department) {
                return Speaker::Department(known);
            }
            if let Some(index) = by_name(participants, name)
                .filter(|&index| !participants[index].department.trim().is_empty())
            {
                return Speaker::Participant(index);
            }
            return Speaker::Department(department);
        }
    }
    Speaker::Unknown(text)
}

/// Rules 1–3 of [`resolve_speaker`], on a text without brackets.
fn resolve_bare<'a>(participants: &'a [Participant], text: &str) -> Option<Speaker<'a>> {
    if text.is_empty() {
        return None;
    }
    if let Some(index) = by_name(participants, text) {
        return Some(Speaker::Participant(index));
    }
    let substitute = participants.iter().position(|p| {
        p.attendance.status == AttendanceStatus::Declined
            && !p.attendance.substitute.trim().is_empty()
            && same(&p.attendance.substitute, text)
    });
    if let Some(index) = substitute {
        return Some(Speaker::Substitute(index));
    }
    known_department(participants, text).map(Speaker::Department)
}

fn by_name(participants: &[Participant], name: &str) -> Option<usize> {
    let named = |p: &Participant| !p.name.trim().is_empty() && same(&p.name, name);
    participants
        .iter()
        .position(|p| named(p) && p.attendance.status != AttendanceStatus::Declined)
        .or_else(|| participants.iter().position(named))
}

fn known_department<'a>(participants: &'a [Participant], text: &str) -> Option<&'a str> {
    participants
        .iter()
        .map(|p| p.department.trim())
        .find(|department| !department.is_empty() && same(department, text))
}

/// Equal after trimming, ignoring ASCII case (Latin names; Chinese has no case). Not Unicode
/// case folding: its tables alone cost some 10 KB of the compressed module.
pub fn same(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// `张三（研发部）` or `Alice (R&D)` → the name and the department, both trimmed. The last
/// bracket pair counts, and it may nest: `Li (R&D (Beijing))` is Li of `R&D (Beijing)`.
fn split_bracket(text: &str) -> Option<(&str, &str)> {
    let inner_end = text.strip_suffix(')').or_else(|| text.strip_suffix('）'))?;
    let mut depth = 0usize;
    for (at, c) in inner_end.char_indices().rev() {
        match c {
            ')' | '）' => depth += 1,
            '(' | '（' if depth == 0 => {
                let inside = &inner_end[at + c.len_utf8()..];
                return Some((inner_end[..at].trim(), inside.trim()));
            }
            '(' | '（' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// How a participant is offered in the speaker picker and written into the run log:
/// `张三（研发部）` with Chinese text, `Alice Chen (R&D)` otherwise, just the name or the
/// department when the other is missing. [`resolve_speaker`] reads it back to the participant.
pub fn speaker_label(participant: &Participant) -> String {
    label(participant.name.trim(), participant.department.trim())
}

fn label(name: &str, department: &str) -> String {
    if name.is_empty() || department.is_empty() {
        return if name.is_empty() { department } else { name }.to_owned();
    }
    let wide = is_wide(name) || is_wide(department);
    let mut out = String::with_capacity(name.len() + department.len() + 7);
    out.push_str(name);
    out.push_str(if wide { "（" } else { " (" });
    out.push_str(department);
    out.push(if wide { '）' } else { ')' });
    out
}

/// Chinese, Japanese or Korean text, which takes full-width brackets.
fn is_wide(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c, '\u{2E80}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
    })
}

/// The speakers to pick from, in participant order: everyone who has not declined, and the
/// substitutes of those who did (with the department they stand in for). Duplicates once.
pub fn speaker_choices(participants: &[Participant]) -> Vec<String> {
    let mut choices: Vec<String> = Vec::with_capacity(participants.len());
    for participant in participants {
        let choice = if participant.attendance.status != AttendanceStatus::Declined {
            speaker_label(participant)
        } else {
            label(
                participant.attendance.substitute.trim(),
                participant.department.trim(),
            )
        };
        let declined_alone = participant.attendance.status == AttendanceStatus::Declined
            && participant.attendance.substitute.trim().is_empty();
        if !choice.is_empty() && !declined_alone && !choices.contains(&choice) {
            choices.push(choice);
        }
    }
    choices
}
