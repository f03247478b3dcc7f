//! The JSON of ask links, reply links and answer drafts (A1), written and read by hand over
//! `serde_json::Value`, which the app already carries for backups: a derived deserializer per
//! shape cost the module some 45 KB before compression. Keys are one or two letters (links must
//! stay short in a chat); empty texts, `false` and absent values are left out and read back as
//! such. Anything missing or of the wrong type reads as its empty value, so a crafted link can
//! only be refused or read, never trap.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::core::domain::asks::AskKind;
use crate::core::domain::choice::Choice;
use crate::core::domain::i18n::Lang;
use crate::core::domain::model::{ActionStatus, AttendanceStatus};
use crate::core::domain::time_serde::{read_date, read_utc, write_date, write_utc};
use crate::core::formats::asking::draft::Draft;
use crate::core::formats::asking::{
    ActionAnswer, Answer, AskLink, AskedAction, AskedPerson, AskedRead, AttendanceAnswer,
    FeedbackAnswer, MinutesAnswer, Reply,
};

/// An object being written: only what differs from the empty value goes in.
#[derive(Default)]
struct Out(Map<String, Value>);

impl Out {
    fn text(mut self, key: &str, value: &str) -> Out {
        if !value.is_empty() {
            self.0.insert(key.into(), Value::from(value));
        }
        self
    }
    fn flag(mut self, key: &str, value: bool) -> Out {
        if value {
            self.0.insert(key.into(), Value::Bool(true));
        }
        self
    }
    fn number(mut self, key: &str, value: u64) -> Out {
        self.0.insert(key.into(), Value::from(value));
        self
    }
    fn choice<C: Choice>(self, key: &str, value: C) -> Out {
        self.text(key, value.key())
    }
    fn yes_no(mut self, key: &str, value: Option<bool>) -> Out {
        if let Some(value) = value {
            self.0.insert(key.into(), Value::Bool(value));
        }
        self
    }
    fn date(self, key: &str, value: Option<NaiveDate>) -> Out {
        self.text(key, &value.map(|d| write_date(&d)).unwrap_or_default())
    }
    fn list(mut self, key: &str, values: Vec<Value>) -> Out {
        if !values.is_empty() {
            self.0.insert(key.into(), Value::Array(values));
        }
        self
    }
    fn object(mut self, key: &str, value: Value) -> Out {
        self.0.insert(key.into(), value);
        self
    }
    fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// An object being read.
#[derive(Clone, Copy)]
struct In<'a>(&'a Value);

impl<'a> In<'a> {
    fn text(self, key: &str) -> String {
        self.0
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    }
    fn flag(self, key: &str) -> bool {
        self.0.get(key).and_then(Value::as_bool).unwrap_or(false)
    }
    fn yes_no(self, key: &str) -> Option<bool> {
        self.0.get(key).and_then(Value::as_bool)
    }
    fn number(self, key: &str) -> u64 {
        self.0.get(key).and_then(Value::as_u64).unwrap_or(0)
    }
    fn choice<C: Choice + Default>(self, key: &str) -> C {
        C::from_key(&self.text(key)).unwrap_or_default()
    }
    fn date(self, key: &str) -> Option<NaiveDate> {
        read_date(&self.text(key))
    }
    fn list(self, key: &str) -> impl Iterator<Item = In<'a>> {
        self.0
            .get(key)
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(In)
    }
    fn object(self, key: &str) -> In<'a> {
        const EMPTY: &Value = &Value::Null;
        In(self.0.get(key).unwrap_or(EMPTY))
    }
}

fn lang_key(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

pub fn ask_to_json(link: &AskLink) -> String {
    let people = link
        .people
        .iter()
        .map(|p| {
            Out::default()
                .text("i", &p.id)
                .text("n", &p.name)
                .text("d", &p.department)
                .text("q", &p.bring)
                .choice("s", p.status)
                .done()
        })
        .collect();
    let actions = link
        .actions
        .iter()
        .map(|a| {
            Out::default()
                .text("i", &a.id)
                .text("t", &a.task)
                .text("o", &a.owner)
                .text("a", &a.acceptance)
                .date("d", a.deadline)
                .choice("s", a.status)
                .done()
        })
        .collect();
    let reads = link
        .reads
        .iter()
        .map(|r| Out::default().text("t", &r.title).text("l", &r.link).done())
        .collect();
    Out::default()
        .number("v", u64::from(link.version))
        .choice("k", link.kind)
        .text("a", &link.ask)
        .text("m", &link.meeting)
        .text("s", &link.secret)
        .text("t", &link.title)
        .text(
            "w",
            &link.starts_at.map(|at| write_utc(&at)).unwrap_or_default(),
        )
        .number("u", u64::from(link.minutes))
        .text("p", &link.place)
        .text("o", &link.objective)
        .list(
            "g",
            link.agenda
                .iter()
                .map(|item| Value::from(item.as_str()))
                .collect(),
        )
        .list("r", reads)
        .list("e", people)
        .list("x", actions)
        .text("n", &link.draft)
        .text("l", lang_key(link.lang))
        .done()
        .to_string()
}

/// The ask in `text`, or `None` when it is not JSON; what it carries is not yet bounded.
pub fn ask_from_json(text: &str) -> Option<AskLink> {
    let value: Value = serde_json::from_str(text).ok()?;
    let link = In(&value);
    Some(AskLink {
        version: link.number("v").min(u64::from(u8::MAX)) as u8,
        kind: link.choice::<AskKind>("k"),
        ask: link.text("a"),
        meeting: link.text("m"),
        secret: link.text("s"),
        title: link.text("t"),
        starts_at: read_utc(&link.text("w")),
        minutes: link.number("u").min(u64::from(u32::MAX)) as u32,
        place: link.text("p"),
        objective: link.text("o"),
        agenda: link
            .list("g")
            .filter_map(|item| item.0.as_str().map(str::to_owned))
            .collect(),
        reads: link
            .list("r")
            .map(|r| AskedRead {
                title: r.text("t"),
                link: r.text("l"),
            })
            .collect(),
        people: link
            .list("e")
            .map(|p| AskedPerson {
                id: p.text("i"),
                name: p.text("n"),
                department: p.text("d"),
                bring: p.text("q"),
                status: p.choice::<AttendanceStatus>("s"),
            })
            .collect(),
        actions: link
            .list("x")
            .map(|a| AskedAction {
                id: a.text("i"),
                task: a.text("t"),
                owner: a.text("o"),
                acceptance: a.text("a"),
                deadline: a.date("d"),
                status: a.choice::<ActionStatus>("s"),
            })
            .collect(),
        draft: link.text("n"),
        lang: if link.text("l") == "en" {
            Lang::En
        } else {
            Lang::Zh
        },
    })
}

fn attendance_json(answer: &AttendanceAnswer) -> Value {
    Out::default()
        .flag("c", answer.coming)
        .text("r", &answer.reason)
        .text("s", &answer.substitute)
        .flag("p", answer.read)
        .text("k", &answer.risks)
        .choice("b", answer.asked)
        .done()
}

fn attendance_of(v: In) -> AttendanceAnswer {
    AttendanceAnswer {
        coming: v.flag("c"),
        reason: v.text("r"),
        substitute: v.text("s"),
        read: v.flag("p"),
        risks: v.text("k"),
        asked: v.choice::<AttendanceStatus>("b"),
    }
}

fn actions_json(answers: &[ActionAnswer]) -> Vec<Value> {
    answers
        .iter()
        .map(|a| {
            Out::default()
                .text("i", &a.id)
                .choice("s", a.status)
                .text("n", &a.note)
                .date("d", a.new_deadline)
                .text("y", &a.why)
                .choice("bs", a.asked_status)
                .date("bd", a.asked_deadline)
                .done()
        })
        .collect()
}

fn actions_of<'a>(list: impl Iterator<Item = In<'a>>) -> Vec<ActionAnswer> {
    list.map(|a| ActionAnswer {
        id: a.text("i"),
        status: a.choice::<ActionStatus>("s"),
        note: a.text("n"),
        new_deadline: a.date("d"),
        why: a.text("y"),
        asked_status: a.choice::<ActionStatus>("bs"),
        asked_deadline: a.date("bd"),
    })
    .collect()
}

fn feedback_json(answer: &FeedbackAnswer) -> Value {
    let out = Out::default()
        .yes_no("t", answer.time_right)
        .yes_no("m", answer.materials_enough)
        .text("c", &answer.comment);
    match answer.rating {
        Some(rating) => out.number("r", u64::from(rating)),
        None => out,
    }
    .done()
}

fn feedback_of(v: In) -> FeedbackAnswer {
    let range = crate::core::domain::bounds::RATING;
    FeedbackAnswer {
        time_right: v.yes_no("t"),
        materials_enough: v.yes_no("m"),
        // Brought into 1–5 as a stored rating is (bounds::rating).
        rating: v.0.get("r").filter(|r| r.is_number()).map(|_| {
            v.number("r")
                .clamp(u64::from(*range.start()), u64::from(*range.end())) as u8
        }),
        comment: v.text("c"),
    }
}

fn minutes_json(answer: &MinutesAnswer) -> Value {
    Out::default()
        .flag("c", answer.confirmed)
        .text("r", &answer.correction)
        .done()
}

fn minutes_of(v: In) -> MinutesAnswer {
    MinutesAnswer {
        confirmed: v.flag("c"),
        correction: v.text("r"),
    }
}

pub fn reply_to_json(reply: &Reply) -> String {
    let out = Out::default()
        .number("v", u64::from(reply.version))
        .text("a", &reply.ask)
        .text("m", &reply.meeting)
        .text("f", &reply.from)
        .text("w", &write_utc(&reply.written_at));
    match &reply.answer {
        Answer::Attendance(answer) => out.object("at", attendance_json(answer)),
        Answer::Actions(answers) => out.object("ac", Value::Array(actions_json(answers))),
        Answer::Feedback(answer) => out.object("fb", feedback_json(answer)),
        Answer::Minutes(answer) => out.object("mi", minutes_json(answer)),
    }
    .done()
    .to_string()
}

/// The reply in `text`, or `None` when it is not a reply's JSON.
pub fn reply_from_json(text: &str) -> Option<Reply> {
    let value: Value = serde_json::from_str(text).ok()?;
    let reply = In(&value);
    let answer = if value.get("at").is_some() {
        Answer::Attendance(attendance_of(reply.object("at")))
    } else if value.get("ac").is_some() {
        Answer::Actions(actions_of(
            value
                .get("ac")
                .and_then(Value::as_array)
                .map(Vec::as_slice)
                .unwrap_or_default()
                .iter()
                .map(In),
        ))
    } else if value.get("fb").is_some() {
        Answer::Feedback(feedback_of(reply.object("fb")))
    } else if value.get("mi").is_some() {
        Answer::Minutes(minutes_of(reply.object("mi")))
    } else {
        return None;
    };
    Some(Reply {
        version: reply.number("v").min(u64::from(u8::MAX)) as u8,
        ask: reply.text("a"),
        meeting: reply.text("m"),
        from: reply.text("f"),
        written_at: read_utc(&reply.text("w"))?,
        answer,
    })
}

pub fn draft_to_json(draft: &Draft) -> String {
    Out::default()
        .text("f", &draft.person)
        .object("at", attendance_json(&draft.attendance))
        .list("ac", actions_json(&draft.actions))
        .object("fb", feedback_json(&draft.feedback))
        .object("mi", minutes_json(&draft.minutes))
        .done()
        .to_string()
}

pub fn draft_from_json(text: &str) -> Option<Draft> {
    let value: Value = serde_json::from_str(text).ok()?;
    let draft = In(&value);
    Some(Draft {
        person: draft.text("f"),
        attendance: attendance_of(draft.object("at")),
        actions: actions_of(draft.list("ac")),
        feedback: feedback_of(draft.object("fb")),
        minutes: minutes_of(draft.object("mi")),
    })
}
