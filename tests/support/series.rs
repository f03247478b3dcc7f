//! Generated meeting series for the review's rules (F6), from a short text a person can label:
//!
//! ```text
//! @2026-07-01 every=14  4x{r=8 a=研发部:70,市场部:30}  2x{}
//! ```
//!
//! `@date` is the first meeting's day (default 2026-10-07, a Wednesday) and `every=N` the days
//! between meetings (default 7). `Kx{…}` adds K held meetings with the knobs inside; every
//! meeting starts at 14:00 China time, is planned for 60 minutes with two 10-minute reports, a
//! 20-minute discussion and a 15-minute decision, invites 研发部, 市场部, 财务部 and 运营部, and has
//! one action per department done on time. Knobs:
//!
//! - `r=M` the reports ran M minutes over and the discussion was cut by as much; `r=M/0` the
//!   reports ran over and nothing was cut (the meeting ran long);
//! - `a=D:P,…` speaking time in the discussion, P percent to department D;
//! - `late=D:L/N` department D had N actions, L of them done late (the others had one each);
//!   `lateowner=NAME:L/N` the same for one owner of 研发部;
//! - `pre=H` a pre-read sent H hours before the start (`pre=none`: never marked sent);
//! - `notice=W` the notice sent W working days ahead;
//! - `slot=mon9|fri15|tue10` the weekday and hour instead of the default slot's;
//! - `leave=N` N invitees declined with a substitute; `leave=Nn` without one;
//! - `people=N` N invitees in all (extra ones from 支持部);
//! - `fb=T/M/R` feedback: R responses, T of them "time right", M "materials enough";
//! - `planned` the meeting is the next one, not held yet (no run, no actions).

use chrono::{DateTime, Datelike, Duration, NaiveDate, TimeZone, Utc, Weekday};

use crossmeet::core::domain::model::*;

pub const DEPARTMENTS: [&str; 4] = ["研发部", "市场部", "财务部", "运营部"];

#[derive(Clone, Debug, Default)]
struct Knobs {
    reports_over: i64,
    cut: bool,
    airtime: Vec<(String, i64)>,
    late: Option<(String, usize, usize, bool)>,
    pre_read_hours: Option<Option<i64>>,
    notice_days: Option<i64>,
    slot: Option<(Weekday, u32)>,
    leave: Option<(usize, bool)>,
    people: Option<usize>,
    feedback: Option<(usize, usize, usize)>,
    planned: bool,
}

fn knobs(text: &str) -> Knobs {
    let mut knobs = Knobs {
        cut: true,
        ..Knobs::default()
    };
    for knob in text.split_whitespace() {
        let (key, value) = knob.split_once('=').unwrap_or((knob, ""));
        match key {
            "r" => {
                let (over, cut) = value
                    .split_once('/')
                    .map_or((value, true), |(o, _)| (o, false));
                knobs.reports_over = over.parse().expect("r=minutes");
                knobs.cut = cut;
            }
            "a" => {
                knobs.airtime = value
                    .split(',')
                    .map(|part| {
                        let (d, p) = part.split_once(':').expect("a=D:P");
                        (d.to_owned(), p.parse().expect("percent"))
                    })
                    .collect()
            }
            "late" | "lateowner" => {
                let (who, counts) = value.split_once(':').expect("late=D:L/N");
                let (late, all) = counts.split_once('/').expect("L/N");
                knobs.late = Some((
                    who.to_owned(),
                    late.parse().unwrap(),
                    all.parse().unwrap(),
                    key == "lateowner",
                ));
            }
            "pre" => knobs.pre_read_hours = Some(value.parse().ok()),
            "notice" => knobs.notice_days = Some(value.parse().unwrap()),
            "slot" => {
                knobs.slot = Some(match value {
                    "mon9" => (Weekday::Mon, 9),
                    "fri15" => (Weekday::Fri, 15),
                    "tue10" => (Weekday::Tue, 10),
                    other => panic!("slot {other}"),
                })
            }
            "leave" => {
                let bare = value.trim_end_matches('n');
                knobs.leave = Some((bare.parse().unwrap(), bare.len() == value.len()));
            }
            "people" => knobs.people = Some(value.parse().unwrap()),
            "fb" => {
                let parts: Vec<usize> = value.split('/').map(|p| p.parse().unwrap()).collect();
                knobs.feedback = Some((parts[0], parts[1], parts[2]));
            }
            "planned" => knobs.planned = true,
            other => panic!("unknown knob {other:?}"),
        }
    }
    knobs
}

/// The meetings a series text describes, oldest first, all in one series.
pub fn series(text: &str) -> Vec<Meeting> {
    let mut first = NaiveDate::from_ymd_opt(2026, 10, 7).unwrap();
    let mut every = 7;
    let mut meetings = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        if let Some(date) = rest.strip_prefix('@') {
            let (date, tail) = date.split_once(' ').unwrap_or((date, ""));
            first = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("@date");
            rest = tail.trim_start();
        } else if let Some(days) = rest.strip_prefix("every=") {
            let (days, tail) = days.split_once(' ').unwrap_or((days, ""));
            every = days.parse().expect("every=days");
            rest = tail.trim_start();
        } else {
            let (count, tail) = rest.split_once("x{").expect("Kx{…}");
            let (inside, tail) = tail.split_once('}').expect("closing }");
            let knobs = knobs(inside);
            for _ in 0..count.trim().parse::<usize>().expect("count") {
                let day = first + Duration::days(every * meetings.len() as i64);
                meetings.push(meeting(meetings.len(), day, &knobs));
            }
            rest = tail.trim_start();
        }
    }
    meetings
}

fn cst(day: NaiveDate, hour: u32) -> DateTime<Utc> {
    let local = day.and_hms_opt(hour, 0, 0).unwrap();
    Utc.from_utc_datetime(&(local - Duration::hours(8)))
}

fn item(id: &str, title: &str, minutes: u32, phase: Phase) -> AgendaItem {
    AgendaItem {
        id: id.into(),
        title: title.into(),
        minutes,
        phase,
        ..AgendaItem::default()
    }
}

fn meeting(index: usize, mut day: NaiveDate, knobs: &Knobs) -> Meeting {
    let mut hour = 14;
    if let Some((weekday, at)) = knobs.slot {
        while day.weekday() != weekday {
            day = day.pred_opt().unwrap();
        }
        hour = at;
    }
    let start = cst(day, hour);
    let mut m = Meeting::blank(format!("m{index:02}"), start - Duration::days(10));
    m.title = format!("项目对齐会 #{}", index + 1);
    m.objective = "确定下一阶段排期并明确各部门交付物".into();
    m.schedule.starts_at = Some(start);
    m.schedule.duration_minutes = 60;
    m.series = Some(SeriesRef {
        id: "series-1".into(),
        name: "项目对齐会".into(),
    });
    m.agenda = vec![
        item("s1", "进展汇报", 10, Phase::Share),
        item("s2", "数据汇报", 10, Phase::Share),
        item("d1", "方案讨论", 20, Phase::Discuss),
        item("c1", "决策与分工", 15, Phase::Decide),
    ];
    let invited = knobs.people.unwrap_or(4).max(4);
    m.participants = (0..invited)
        .map(|n| Participant {
            id: format!("p{n}"),
            name: format!("成员{n}"),
            department: DEPARTMENTS.get(n).copied().unwrap_or("支持部").into(),
            ..Participant::default()
        })
        .collect();
    if let Some((count, substitute)) = knobs.leave {
        for p in m.participants.iter_mut().take(count) {
            p.attendance.status = AttendanceStatus::Declined;
            p.attendance.reason = "出差".into();
            if substitute {
                p.attendance.substitute = format!("{}的同事", p.name);
            }
        }
    }
    if let Some(days) = knobs.notice_days {
        let mut sent = day;
        let mut left = days;
        while left > 0 {
            sent = sent.pred_opt().unwrap();
            if !matches!(sent.weekday(), Weekday::Sat | Weekday::Sun) {
                left -= 1;
            }
        }
        m.schedule.notice_sent_at = Some(cst(sent, 10));
    }
    if let Some(hours) = knobs.pre_read_hours {
        m.materials = vec![PreRead {
            id: "r1".into(),
            title: "数据报表".into(),
            sent_at: hours.map(|h| start - Duration::hours(h)),
            ..PreRead::default()
        }];
    }
    if knobs.planned {
        return m;
    }
    // The run: each item as long as planned, but the reports longer and the discussion shorter.
    let share_extra = knobs.reports_over * 60 / 2;
    let cut = if knobs.cut {
        knobs.reports_over * 60
    } else {
        0
    };
    let mut log = vec![RunEvent {
        at: start,
        kind: RunEventKind::Started,
    }];
    let mut at = start;
    for planned in m.agenda.clone() {
        log.push(RunEvent {
            at,
            kind: RunEventKind::ItemStarted {
                item_id: planned.id.clone(),
            },
        });
        let mut seconds = i64::from(planned.minutes) * 60;
        match planned.phase {
            Phase::Share => seconds += share_extra,
            Phase::Discuss => seconds = (seconds - cut).max(60),
            _ => {}
        }
        if planned.phase == Phase::Discuss {
            let mut turn_at = at;
            for (department, percent) in &knobs.airtime {
                log.push(RunEvent {
                    at: turn_at,
                    kind: RunEventKind::SpeakerTurn {
                        speaker: department.clone(),
                    },
                });
                turn_at += Duration::seconds(seconds * percent / 100);
            }
        }
        at += Duration::seconds(seconds);
    }
    log.push(RunEvent {
        at,
        kind: RunEventKind::Ended,
    });
    m.run_log = log;
    // Actions: one per department on time, unless a knob says otherwise.
    let done_on = day + Duration::days(5);
    let deadline = day + Duration::days(7);
    let mut actions: Vec<ActionItem> = Vec::new();
    for (n, department) in DEPARTMENTS.iter().enumerate() {
        let (count, late, owner) = match &knobs.late {
            Some((who, late, all, false)) if who == department => (*all, *late, format!("成员{n}")),
            Some((who, late, all, true)) if n == 0 => (*all, *late, who.clone()),
            _ => (1, 0, format!("成员{n}")),
        };
        // An owner's pattern sits in a department whose other owner is on time.
        if matches!(&knobs.late, Some((_, _, _, true))) && n == 0 {
            for k in 0..4 {
                actions.push(ActionItem {
                    id: format!("on-time-{k}"),
                    task: format!("{department}例行交付 {k}"),
                    owner: "成员0".into(),
                    department: (*department).into(),
                    deadline: Some(deadline),
                    status: ActionStatus::Done,
                    completed_on: Some(done_on),
                    ..ActionItem::default()
                });
            }
        }
        for k in 0..count {
            actions.push(ActionItem {
                id: format!("a{n}-{k}"),
                task: format!("{department}交付物 {k}"),
                owner: owner.clone(),
                department: (*department).into(),
                deadline: Some(deadline),
                status: ActionStatus::Done,
                completed_on: Some(if k < late {
                    deadline + Duration::days(3)
                } else {
                    done_on
                }),
                ..ActionItem::default()
            });
        }
    }
    m.actions = actions;
    if let Some((time_right, materials_enough, responses)) = knobs.feedback {
        m.feedback = (0..responses)
            .map(|k| Feedback {
                agenda_time_right: Some(k < time_right),
                materials_enough: Some(k < materials_enough),
                rating: Some(4),
                ..Feedback::default()
            })
            .collect();
    }
    m
}
