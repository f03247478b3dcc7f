//! A checked reply as the changes it proposes, per person and field (A1). Where the organiser
//! changed a field after asking, the proposal shows both values and is left unchosen, so nothing
//! the organiser typed is overwritten unless they pick the reply's value. Taking a reply is one
//! edit (`edit::diff` of the chosen changes plus the ask's record of what was taken), undone like
//! any other.

use chrono::{DateTime, NaiveDate, Utc};

use crate::core::domain::edit::{self, Edit};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::model::{
    ActionStatus, AttendanceStatus, Feedback, Meeting, Participant, PreparationAsk, ProgressNote,
};
use crate::core::domain::time::{format_date, LocalZone};
use crate::core::formats::asking::{
    ActionAnswer, Answer, AttendanceAnswer, FeedbackAnswer, MinutesAnswer, Reply,
};

/// One change a reply proposes.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The person, as the meeting names them.
    pub who: String,
    pub field: T,
    /// The value in the organiser's copy now.
    pub now: String,
    /// The value the reply brings.
    pub answer: String,
    /// The organiser changed this field since asking: both values show, and the reply's is taken
    /// only when chosen.
    pub conflict: bool,
    /// Answered after the guide's line (R7: 24 hours before the meeting).
    pub late: bool,
    change: Change,
}

#[derive(Clone, Debug, PartialEq)]
enum Change {
    Attendance {
        participant: String,
        status: AttendanceStatus,
        reason: String,
        substitute: String,
        at: DateTime<Utc>,
    },
    PreReadsRead {
        participant: String,
    },
    Risks {
        department: String,
        text: String,
    },
    ActionStatus {
        action: String,
        status: ActionStatus,
        on: NaiveDate,
    },
    ActionDeadline {
        action: String,
        deadline: Option<NaiveDate>,
    },
    ActionNote {
        action: String,
        note: ProgressNote,
    },
    Feedback(Feedback),
    MinutesConfirmed {
        participant: String,
    },
    /// A correction, added to the end of the minutes as a quote with its author.
    MinutesCorrection {
        quote: String,
    },
}

/// A reply read against the meeting: what it proposes, and the rows it named that are not the
/// person's (or no longer there), which are left out.
#[derive(Clone, Debug, PartialEq)]
pub struct Intake {
    pub meeting_id: String,
    /// The person who replied, as the meeting names them.
    pub who: String,
    pub reply: Reply,
    pub proposals: Vec<Proposal>,
    pub left_out: usize,
}

impl Intake {
    /// Each proposal taken unless it conflicts with the organiser's own change.
    pub fn default_choice(&self) -> Vec<bool> {
        self.proposals.iter().map(|p| !p.conflict).collect()
    }
}

/// What `reply` (checked against its ask by `parse_reply`) would change in `meeting`.
pub fn intake(meeting: &Meeting, reply: Reply, zone: &impl LocalZone, lang: Lang) -> Intake {
    let who = person_name(meeting, &reply.from);
    let mut reading = Reading {
        meeting,
        reply: &reply,
        who: who.clone(),
        written_on: zone.local(reply.written_at).date(),
        lang,
        proposals: Vec::new(),
        left_out: 0,
    };
    match &reply.answer {
        Answer::Attendance(answer) => reading.attendance(answer),
        Answer::Actions(answers) => reading.actions(answers),
        Answer::Minutes(answer) => reading.minutes(answer),
        Answer::Feedback(answer) => reading.feedback(answer),
    }
    let (proposals, left_out) = (reading.proposals, reading.left_out);
    Intake {
        meeting_id: meeting.id.clone(),
        who,
        reply,
        proposals,
        left_out,
    }
}

/// A reply being read against the meeting, one kind of answer at a time.
struct Reading<'a> {
    meeting: &'a Meeting,
    reply: &'a Reply,
    who: String,
    written_on: NaiveDate,
    lang: Lang,
    proposals: Vec<Proposal>,
    left_out: usize,
}

impl Reading<'_> {
    /// A change with nothing of the organiser's to weigh against it.
    fn propose(&mut self, who: &str, field: T, now: String, answer: String, change: Change) {
        self.proposals.push(Proposal {
            who: who.to_owned(),
            field,
            now,
            answer,
            conflict: false,
            late: false,
            change,
        });
    }

    /// The participant who replied, or `None` (counted as left out) when they are gone.
    fn participant(&mut self) -> Option<&'_ Participant> {
        let found = self
            .meeting
            .participants
            .iter()
            .find(|p| p.id == self.reply.from);
        if found.is_none() {
            self.left_out += 1;
        }
        found
    }

    fn attendance(&mut self, answer: &AttendanceAnswer) {
        let lang = self.lang;
        let Some(participant) = self.participant().cloned() else {
            return;
        };
        let late = self
            .meeting
            .schedule
            .starts_at
            .and_then(|start| start.checked_sub_signed(chrono::Duration::hours(24)))
            .is_some_and(|line| self.reply.written_at > line);
        let (status, reason, substitute) = match answer.coming {
            true => (AttendanceStatus::Confirmed, String::new(), String::new()),
            false => (
                AttendanceStatus::Declined,
                answer.reason.trim().to_owned(),
                answer.substitute.trim().to_owned(),
            ),
        };
        let current = &participant.attendance;
        if current.status != status || current.reason != reason || current.substitute != substitute
        {
            self.proposals.push(Proposal {
                who: self.who.clone(),
                field: T::ReplyFieldAttendance,
                now: attendance_text(current.status, &current.reason, &current.substitute, lang),
                answer: attendance_text(status, &reason, &substitute, lang),
                conflict: current.status != answer.asked && current.status != status,
                late,
                change: Change::Attendance {
                    participant: participant.id.clone(),
                    status,
                    reason,
                    substitute,
                    at: self.reply.written_at,
                },
            });
        }
        let who = self.who.clone();
        if answer.read && !current.pre_reads_read {
            let change = Change::PreReadsRead {
                participant: participant.id.clone(),
            };
            self.propose(
                &who,
                T::ReplyFieldPreReads,
                T::No.get(lang).into(),
                T::Yes.get(lang).into(),
                change,
            );
        }
        let risks = answer.risks.trim();
        let department = participant.department.trim();
        if !risks.is_empty() && !department.is_empty() {
            let now = self
                .meeting
                .preparation_asks
                .iter()
                .find(|ask| ask.department.trim() == department)
                .map(|ask| ask.reply.clone())
                .unwrap_or_default();
            if now != risks {
                let change = Change::Risks {
                    department: department.to_owned(),
                    text: risks.to_owned(),
                };
                self.propose(&who, T::ReplyFieldRisks, now, risks.to_owned(), change);
            }
        }
    }

    fn actions(&mut self, answers: &[ActionAnswer]) {
        let lang = self.lang;
        for answer in answers {
            // A signed reply still touches only its own person's rows.
            let Some(action) = self
                .meeting
                .actions
                .iter()
                .find(|a| a.id == answer.id && a.owner.trim() == self.reply.from)
            else {
                self.left_out += 1;
                continue;
            };
            let who = format!("{} · {}", self.who, action.task.trim());
            if action.status != answer.status {
                self.proposals.push(Proposal {
                    who: who.clone(),
                    field: T::ReplyFieldStatus,
                    now: action.status.label().get(lang).to_owned(),
                    answer: answer.status.label().get(lang).to_owned(),
                    conflict: action.status != answer.asked_status,
                    late: false,
                    change: Change::ActionStatus {
                        action: action.id.clone(),
                        status: answer.status,
                        on: self.written_on,
                    },
                });
            }
            if answer.new_deadline.is_some() && answer.new_deadline != action.deadline {
                self.proposals.push(Proposal {
                    who: who.clone(),
                    field: T::ReplyFieldDeadline,
                    now: date_text(action.deadline),
                    answer: date_text(answer.new_deadline),
                    conflict: action.deadline != answer.asked_deadline,
                    late: false,
                    change: Change::ActionDeadline {
                        action: action.id.clone(),
                        deadline: answer.new_deadline,
                    },
                });
            }
            let note = note_text(
                answer.note.trim(),
                answer.new_deadline,
                answer.why.trim(),
                lang,
            );
            if !note.is_empty() {
                let change = Change::ActionNote {
                    action: action.id.clone(),
                    note: ProgressNote {
                        on: Some(self.written_on),
                        text: note.clone(),
                    },
                };
                self.propose(&who, T::ReplyFieldNote, String::new(), note, change);
            }
        }
    }

    fn minutes(&mut self, answer: &MinutesAnswer) {
        let lang = self.lang;
        let Some(participant) = self.participant().cloned() else {
            return;
        };
        let who = self.who.clone();
        if answer.confirmed && !participant.attendance.minutes_confirmed {
            let change = Change::MinutesConfirmed {
                participant: participant.id.clone(),
            };
            let (now, confirmed) = (T::ReplyNotConfirmed.get(lang), T::ReplyConfirmed.get(lang));
            self.propose(
                &who,
                T::ReplyFieldMinutes,
                now.into(),
                confirmed.into(),
                change,
            );
        }
        let correction = answer.correction.trim();
        if !answer.confirmed && !correction.is_empty() {
            let author = tr(
                lang,
                T::ReplyCorrectionBy,
                &[&who, &format_date(self.written_on)],
            );
            let quote = correction
                .lines()
                .fold(format!("> {author}"), |quote, line| {
                    format!("{quote}\n> {line}")
                });
            let change = Change::MinutesCorrection { quote };
            self.propose(
                &who,
                T::ReplyFieldCorrection,
                String::new(),
                correction.to_owned(),
                change,
            );
        }
    }

    fn feedback(&mut self, answer: &FeedbackAnswer) {
        let feedback = Feedback {
            given_at: Some(self.reply.written_at),
            agenda_time_right: answer.time_right,
            materials_enough: answer.materials_enough,
            rating: answer.rating,
            comment: answer.comment.trim().to_owned(),
        };
        let (who, text) = (self.who.clone(), feedback_text(&feedback, self.lang));
        self.propose(
            &who,
            T::ReplyFieldFeedback,
            String::new(),
            text,
            Change::Feedback(feedback),
        );
    }
}

/// The one edit that takes the chosen proposals and remembers the reply as taken, so the same
/// reply (or an older one from that person) changes nothing again.
pub fn edit(meeting: &Meeting, intake: &Intake, chosen: &[bool]) -> Edit {
    let mut after = meeting.clone();
    for (proposal, _) in intake
        .proposals
        .iter()
        .zip(chosen)
        .filter(|(_, chosen)| **chosen)
    {
        make(&mut after, &proposal.change);
    }
    if let Some(record) = after.asks.iter_mut().find(|r| r.id == intake.reply.ask) {
        *record = record.with_taken(&intake.reply.from, intake.reply.written_at);
    }
    edit::diff(meeting, &after)
}

fn make(meeting: &mut Meeting, change: &Change) {
    match change {
        Change::Attendance {
            participant,
            status,
            reason,
            substitute,
            at,
        } => {
            if let Some(p) = meeting
                .participants
                .iter_mut()
                .find(|p| p.id == *participant)
            {
                // The answer's time, so an absence asked for late is flagged as one typed is (R7).
                p.attendance.responded_at = Some(*at);
                p.attendance.status = *status;
                p.attendance.reason = reason.clone();
                p.attendance.substitute = substitute.clone();
            }
        }
        Change::PreReadsRead { participant } => {
            if let Some(p) = meeting
                .participants
                .iter_mut()
                .find(|p| p.id == *participant)
            {
                p.attendance.pre_reads_read = true;
            }
        }
        Change::Risks { department, text } => {
            match meeting
                .preparation_asks
                .iter_mut()
                .find(|ask| ask.department.trim() == department)
            {
                Some(ask) => ask.reply = text.clone(),
                None => meeting.preparation_asks.push(PreparationAsk {
                    department: department.clone(),
                    reply: text.clone(),
                    ..PreparationAsk::default()
                }),
            }
        }
        Change::ActionStatus { action, status, on } => {
            if let Some(a) = meeting.actions.iter_mut().find(|a| a.id == *action) {
                a.set_status(*status, *on);
            }
        }
        Change::ActionDeadline { action, deadline } => {
            if let Some(a) = meeting.actions.iter_mut().find(|a| a.id == *action) {
                a.deadline = *deadline;
            }
        }
        Change::ActionNote { action, note } => {
            if let Some(a) = meeting.actions.iter_mut().find(|a| a.id == *action) {
                a.progress.push(note.clone());
            }
        }
        Change::Feedback(feedback) => meeting.feedback.push(feedback.clone()),
        Change::MinutesConfirmed { participant } => {
            if let Some(p) = meeting
                .participants
                .iter_mut()
                .find(|p| p.id == *participant)
            {
                p.attendance.minutes_confirmed = true;
            }
        }
        Change::MinutesCorrection { quote } => {
            let text = &mut meeting.minutes.text;
            let gap = match text.trim_end().is_empty() {
                true => "",
                false => "\n\n",
            };
            text.truncate(text.trim_end().len());
            text.push_str(gap);
            text.push_str(quote);
            text.push('\n');
        }
    }
}

/// The participant's name, or the owner's name as the reply gives it.
pub fn person_name(meeting: &Meeting, from: &str) -> String {
    meeting
        .participants
        .iter()
        .find(|p| p.id == from)
        .map_or_else(|| from.to_owned(), |p| p.name.trim().to_owned())
}

fn attendance_text(status: AttendanceStatus, reason: &str, substitute: &str, lang: Lang) -> String {
    let label = status.label().get(lang);
    match (reason.is_empty(), substitute.is_empty()) {
        (true, true) => label.to_owned(),
        _ => tr(lang, T::ReplyLeaveDetail, &[label, reason, substitute]),
    }
}

fn date_text(date: Option<NaiveDate>) -> String {
    date.map(format_date).unwrap_or_default()
}

fn note_text(note: &str, new_deadline: Option<NaiveDate>, why: &str, lang: Lang) -> String {
    match new_deadline {
        Some(date) if !why.is_empty() => {
            let moved = tr(lang, T::ReplyNewDateNote, &[&format_date(date), why]);
            [note, &moved]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        }
        _ => note.to_owned(),
    }
}

fn feedback_text(feedback: &Feedback, lang: Lang) -> String {
    let yes_no = |answer: Option<bool>, yes: T, no: T| answer.map(|a| if a { yes } else { no });
    [
        yes_no(
            feedback.agenda_time_right,
            T::ReplyTimeRight,
            T::ReplyTimeWrong,
        )
        .map(|t| t.get(lang).to_owned()),
        yes_no(
            feedback.materials_enough,
            T::ReplyMaterialsEnough,
            T::ReplyMaterialsShort,
        )
        .map(|t| t.get(lang).to_owned()),
        feedback.rating.map(|stars| "★".repeat(usize::from(stars))),
        (!feedback.comment.is_empty()).then(|| feedback.comment.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" · ")
}
