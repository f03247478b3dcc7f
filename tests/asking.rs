#![cfg(not(target_arch = "wasm32"))]
//! Ask and reply links (A1), natively: what an ask carries, what a reply changes, what is
//! refused, and that any text survives the trip. The browser's parts (DEFLATE, Web Crypto's
//! HMAC) are stood in for by `flate2` and `hmac`, which compute the same functions.

use std::io::Write;

use chrono::{DateTime, FixedOffset, NaiveDate, TimeZone, Utc};
use hmac::{Hmac, Mac};
use proptest::prelude::*;
use sha2::Sha256;

use crossmeet::core::domain::asks::{AskKind, AskRecord};
use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::*;
use crossmeet::core::formats::asking::intake::{edit, intake};
use crossmeet::core::formats::asking::make::{askable, make_ask};
use crossmeet::core::formats::asking::{
    ask_text, find_reply_tokens, mac_matches, mac_text, parse_ask, parse_reply, reply_href,
    reply_text, reply_token, split_token, ActionAnswer, Answer, AttendanceAnswer, FeedbackAnswer,
    LinkRefused, Reply, LINK_VERSION, MAX_TEXT_CHARS,
};
use crossmeet::core::formats::share::base64url_encode;

const CST: FixedOffset = FixedOffset::east_opt(8 * 3600).unwrap();

fn at(day: u32, hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, day, hour, 0, 0).unwrap()
}

fn date(day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 12, day).unwrap()
}

fn person(id: &str, name: &str, department: &str) -> Participant {
    Participant {
        id: id.into(),
        name: name.into(),
        department: department.into(),
        ..Participant::default()
    }
}

fn action(id: &str, task: &str, owner: &str, deadline: u32) -> ActionItem {
    ActionItem {
        id: id.into(),
        task: task.into(),
        owner: owner.into(),
        deadline: Some(date(deadline)),
        ..ActionItem::default()
    }
}

/// A meeting on 10 December at 10:00 (CST) with three people and four actions.
fn meeting() -> Meeting {
    Meeting {
        id: "m1".into(),
        title: "项目协调会".into(),
        schedule: Schedule {
            starts_at: Some(at(10, 2)),
            duration_minutes: 60,
            ..Schedule::default()
        },
        participants: vec![
            person("p1", "王芳", "市场部"),
            person("p2", "李雷", "研发部"),
            person("p3", "  ", "财务部"),
        ],
        preparation_asks: vec![PreparationAsk {
            department: "市场部".into(),
            ask: "本部门当前风险".into(),
            ..PreparationAsk::default()
        }],
        materials: vec![PreRead {
            id: "r1".into(),
            title: "方案 v2".into(),
            link: "https://example.com/v2".into(),
            ..PreRead::default()
        }],
        actions: vec![
            action("a1", "接口文档", "李雷", 5),
            action("a2", "测试计划", "李雷", 20),
            action("a3", "预算", "王芳", 12),
            ActionItem {
                status: ActionStatus::Done,
                ..action("a4", "旧事", "李雷", 1)
            },
        ],
        ..Meeting::default()
    }
}

/// The meeting with an ask of `kind` to `to` recorded, as the organiser's copy holds it.
fn asked(kind: AskKind, to: &[&str]) -> (Meeting, AskRecord) {
    let mut meeting = meeting();
    let to: Vec<String> = to.iter().map(|s| s.to_string()).collect();
    let (record, _) = make_ask(
        &meeting,
        kind,
        &to,
        "k1".into(),
        "c2VjcmV0c2VjcmV0".into(),
        at(1, 0),
        Lang::Zh,
    );
    meeting.asks.push(record.clone());
    (meeting, record)
}

fn reply(from: &str, written_at: DateTime<Utc>, answer: Answer) -> Reply {
    Reply {
        version: LINK_VERSION,
        ask: "k1".into(),
        meeting: "m1".into(),
        from: from.into(),
        written_at,
        answer,
    }
}

/// An ask of `kind` to `to`, with the record and the link, as the panel makes them.
fn ask_for(
    meeting: &Meeting,
    kind: AskKind,
    to: &[&str],
    lang: Lang,
) -> (AskRecord, crossmeet::core::formats::asking::AskLink) {
    let to: Vec<String> = to.iter().map(|s| s.to_string()).collect();
    make_ask(meeting, kind, &to, "k1".into(), "s".into(), at(1, 0), lang)
}

/// Takes `reply` with the default choice; returns the changed meeting and the inverse.
fn take(
    meeting: &Meeting,
    record: &AskRecord,
    reply: Reply,
) -> Result<(Meeting, crossmeet::core::domain::edit::Edit), LinkRefused> {
    let bytes = reply_text(&reply);
    let reply = parse_reply(bytes.as_bytes(), record, &meeting.id, at(30, 0))?;
    let intake = intake(meeting, reply, &CST, Lang::Zh);
    let mut after = meeting.clone();
    let inverse = edit(meeting, &intake, &intake.default_choice())
        .apply(&mut after)
        .expect("a reply's edit applies");
    Ok((after, inverse))
}

#[test]
fn who_can_be_asked_what() {
    let meeting = meeting();
    let names = |kind| {
        askable(&meeting, kind)
            .into_iter()
            .map(|a| a.name)
            .collect::<Vec<_>>()
    };
    // The unnamed participant has nobody to send a link to; owners with only closed actions
    // have nothing to update.
    assert_eq!(names(AskKind::Attendance), ["王芳", "李雷"]);
    assert_eq!(names(AskKind::Feedback), ["王芳", "李雷"]);
    assert_eq!(names(AskKind::Actions), ["李雷", "王芳"]);
}

#[test]
fn an_ask_carries_only_its_people_s_part() {
    let meeting = meeting();
    let (_, link) = ask_for(&meeting, AskKind::Actions, &["李雷"], Lang::Zh);
    let ids: Vec<&str> = link.actions.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a1", "a2"], "only 李雷's open actions");
    assert!(link.reads.is_empty());

    let (_, link) = ask_for(&meeting, AskKind::Attendance, &["p1"], Lang::Zh);
    assert!(link.actions.is_empty(), "no actions in an attendance ask");
    assert_eq!(link.people.len(), 1);
    assert_eq!(link.people[0].bring, "本部门当前风险");
    assert_eq!(link.reads[0].title, "方案 v2");
    assert_eq!(link.answer_by(), Some(at(9, 2)));
    assert_eq!(parse_ask(ask_text(&link).as_bytes()), Ok(link));
}

#[test]
fn leave_with_a_substitute_and_risk_points_updates_attendance_and_readiness() {
    let (meeting, record) = asked(AskKind::Attendance, &["p1", "p2"]);
    let answer = Answer::Attendance(AttendanceAnswer {
        coming: false,
        reason: "出差".into(),
        substitute: "张伟".into(),
        read: true,
        risks: "渠道价格战\n预算冻结".into(),
        asked: AttendanceStatus::Pending,
    });
    let (after, inverse) = take(&meeting, &record, reply("p1", at(8, 1), answer)).unwrap();
    let wang = &after.participants[0].attendance;
    assert_eq!(wang.status, AttendanceStatus::Declined);
    assert_eq!(
        (wang.reason.as_str(), wang.substitute.as_str()),
        ("出差", "张伟")
    );
    assert!(wang.pre_reads_read);
    assert_eq!(
        wang.responded_at,
        Some(at(8, 1)),
        "kept, so a late absence is flagged (R7)"
    );
    assert_eq!(after.preparation_asks[0].reply, "渠道价格战\n预算冻结");
    assert_eq!(after.asks[0].taken_from("p1"), Some(at(8, 1)));
    assert!(!after.asks[0].has_answered("p2"));
    // Everything else is as it was.
    assert_eq!(after.participants[1], meeting.participants[1]);

    // Undo takes all of it back, the record of the taken reply too.
    let mut undone = after.clone();
    inverse.apply(&mut undone).unwrap();
    assert_eq!(undone, meeting);
}

#[test]
fn an_answer_after_the_24_hour_line_is_marked_late() {
    let (meeting, _) = asked(AskKind::Attendance, &["p2"]);
    let answer = |coming| {
        Answer::Attendance(AttendanceAnswer {
            coming,
            ..AttendanceAnswer::default()
        })
    };
    let on_time = intake(
        &meeting,
        reply("p2", at(9, 1), answer(true)),
        &CST,
        Lang::Zh,
    );
    let late = intake(
        &meeting,
        reply("p2", at(9, 3), answer(true)),
        &CST,
        Lang::Zh,
    );
    assert!(!on_time.proposals[0].late);
    assert!(late.proposals[0].late);
}

#[test]
fn the_same_reply_twice_or_an_older_one_changes_nothing() {
    let (meeting, record) = asked(AskKind::Feedback, &["p1"]);
    let answer = Answer::Feedback(FeedbackAnswer {
        rating: Some(4),
        ..FeedbackAnswer::default()
    });
    let (after, _) = take(&meeting, &record, reply("p1", at(11, 0), answer.clone())).unwrap();
    assert_eq!(after.feedback.len(), 1);
    let record = &after.asks[0];
    assert_eq!(
        take(&after, record, reply("p1", at(11, 0), answer.clone())).unwrap_err(),
        LinkRefused::AlreadyTaken
    );
    assert_eq!(
        take(&after, record, reply("p1", at(10, 23), answer.clone())).unwrap_err(),
        LinkRefused::AlreadyTaken
    );
    // A newer reply from the same person is taken.
    let (again, _) = take(&after, record, reply("p1", at(11, 1), answer)).unwrap();
    assert_eq!(again.feedback.len(), 2);
}

#[test]
fn a_reply_for_another_meeting_person_or_kind_is_refused() {
    let (meeting, record) = asked(AskKind::Attendance, &["p1"]);
    let answer = Answer::Attendance(AttendanceAnswer {
        coming: true,
        ..AttendanceAnswer::default()
    });
    let refused = |reply: Reply| {
        parse_reply(
            reply_text(&reply).as_bytes(),
            &record,
            &meeting.id,
            at(30, 0),
        )
        .unwrap_err()
    };
    let good = reply("p1", at(8, 0), answer);
    assert_eq!(
        refused(Reply {
            meeting: "m2".into(),
            ..good.clone()
        }),
        LinkRefused::NotAsked
    );
    assert_eq!(
        refused(Reply {
            from: "p2".into(),
            ..good.clone()
        }),
        LinkRefused::NotAsked
    );
    assert_eq!(
        refused(Reply {
            ask: "k2".into(),
            ..good.clone()
        }),
        LinkRefused::NotAsked
    );
    assert_eq!(
        refused(Reply {
            answer: Answer::Feedback(FeedbackAnswer::default()),
            ..good.clone()
        }),
        LinkRefused::NotAsked
    );
    assert_eq!(
        refused(Reply {
            version: LINK_VERSION + 1,
            ..good.clone()
        }),
        LinkRefused::Newer
    );
    assert_eq!(
        parse_reply(b"{\"v\":1", &record, "m1", at(30, 0)),
        Err(LinkRefused::Broken)
    );
}

#[test]
fn an_owner_updates_actions_one_late_with_a_new_date() {
    let (meeting, record) = asked(AskKind::Actions, &["李雷"]);
    let answers = vec![
        ActionAnswer {
            id: "a1".into(),
            status: ActionStatus::InProgress,
            note: "初稿完成".into(),
            new_deadline: Some(date(15)),
            why: "等对方接口".into(),
            asked_status: ActionStatus::Open,
            asked_deadline: Some(date(5)),
        },
        ActionAnswer {
            id: "a2".into(),
            status: ActionStatus::Done,
            asked_status: ActionStatus::Open,
            asked_deadline: Some(date(20)),
            ..ActionAnswer::default()
        },
        // Not 李雷's: a signed reply still cannot touch someone else's row.
        ActionAnswer {
            id: "a3".into(),
            status: ActionStatus::Done,
            ..ActionAnswer::default()
        },
    ];
    let written = at(6, 9); // 17:00 in CST on the 6th
    let read = intake(
        &meeting,
        reply("李雷", written, Answer::Actions(answers.clone())),
        &CST,
        Lang::Zh,
    );
    assert_eq!(read.left_out, 1);
    let (after, _) = take(
        &meeting,
        &record,
        reply("李雷", written, Answer::Actions(answers)),
    )
    .unwrap();
    let a1 = &after.actions[0];
    assert_eq!(a1.status, ActionStatus::InProgress);
    assert_eq!(a1.deadline, Some(date(15)));
    assert_eq!(
        a1.progress,
        vec![ProgressNote {
            on: Some(date(6)),
            text: "初稿完成 改期至 2026-12-15:等对方接口".into()
        }]
    );
    assert_eq!(after.actions[1].status, ActionStatus::Done);
    assert_eq!(after.actions[1].completed_on, Some(date(6)));
    assert_eq!(
        after.actions[2], meeting.actions[2],
        "王芳's action untouched"
    );
}

#[test]
fn a_field_the_organiser_changed_after_asking_shows_both_and_is_kept_unless_chosen() {
    let (mut meeting, record) = asked(AskKind::Actions, &["李雷"]);
    // The organiser marks a1 blocked after the ask went out.
    meeting.actions[0].status = ActionStatus::Blocked;
    let answer = Answer::Actions(vec![ActionAnswer {
        id: "a1".into(),
        status: ActionStatus::InProgress,
        asked_status: ActionStatus::Open,
        asked_deadline: Some(date(5)),
        ..ActionAnswer::default()
    }]);
    let written = at(6, 9);
    let read = intake(
        &meeting,
        reply("李雷", written, answer.clone()),
        &CST,
        Lang::Zh,
    );
    let status = &read.proposals[0];
    assert!(status.conflict);
    assert_eq!(
        (status.now.as_str(), status.answer.as_str()),
        ("受阻", "进行中")
    );
    assert_eq!(read.default_choice(), [false]);

    let (kept, _) = take(&meeting, &record, reply("李雷", written, answer.clone())).unwrap();
    assert_eq!(
        kept.actions[0].status,
        ActionStatus::Blocked,
        "nothing overwritten unless chosen"
    );
    assert!(kept.asks[0].has_answered("李雷"));

    let mut chosen = meeting.clone();
    edit(&meeting, &read, &[true]).apply(&mut chosen).unwrap();
    assert_eq!(chosen.actions[0].status, ActionStatus::InProgress);
}

#[test]
fn feedback_reaches_the_review() {
    let (meeting, record) = asked(AskKind::Feedback, &["p2"]);
    let answer = Answer::Feedback(FeedbackAnswer {
        time_right: Some(false),
        materials_enough: Some(true),
        rating: Some(3),
        comment: "讨论时间太短".into(),
    });
    let (after, _) = take(&meeting, &record, reply("p2", at(11, 0), answer)).unwrap();
    assert_eq!(
        after.feedback,
        vec![Feedback {
            given_at: Some(at(11, 0)),
            agenda_time_right: Some(false),
            materials_enough: Some(true),
            rating: Some(3),
            comment: "讨论时间太短".into(),
        }]
    );
}

#[test]
fn numbers_and_texts_a_reply_carries_are_bounded() {
    let (meeting, record) = asked(AskKind::Feedback, &["p2"]);
    let text = reply_text(&reply(
        "p2",
        at(11, 0),
        Answer::Feedback(FeedbackAnswer {
            rating: Some(5),
            comment: "长".repeat(MAX_TEXT_CHARS + 50),
            ..FeedbackAnswer::default()
        }),
    ))
    .replace("\"r\":5", "\"r\":200");
    let read = parse_reply(text.as_bytes(), &record, &meeting.id, at(30, 0)).unwrap();
    let Answer::Feedback(answer) = read.answer else {
        panic!()
    };
    assert_eq!(answer.rating, Some(5));
    assert_eq!(answer.comment.chars().count(), MAX_TEXT_CHARS);
    // A phone whose clock runs a year ahead is read as now, so it cannot block later replies.
    let ahead = parse_reply(
        reply_text(&reply(
            "p2",
            at(11, 0) + chrono::Duration::days(365),
            Answer::Feedback(FeedbackAnswer::default()),
        ))
        .as_bytes(),
        &record,
        &meeting.id,
        at(12, 0),
    )
    .unwrap();
    assert_eq!(ahead.written_at, at(12, 0));
}

fn sign(secret: &str, signed: &str) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes()).unwrap();
    mac.update(signed.as_bytes());
    mac_text(&mac.finalize().into_bytes())
}

#[test]
fn replies_are_found_in_chat_text_and_checked_by_their_mac() {
    let token = |payload: &str, secret: &str| {
        let signed = format!("k1.{payload}");
        reply_token("k1", payload, &sign(secret, &signed))
    };
    let first = token("eyJ2IjoxfQ", "secret-1");
    let second = token("AAAA-_x", "secret-1");
    let chat = format!(
        "王芳 10:02\n{}\n李雷 10:05\n好的,我的回复:{}。\n再发一次 {}\n别的链接 https://example.com/#/share/abc",
        reply_href("https://app.example/", &first),
        reply_href("https://app.example/x/index.html", &second),
        reply_href("https://app.example/", &first),
    );
    let found = find_reply_tokens(&chat);
    assert_eq!(found, [first.as_str(), second.as_str()]);

    let parts = split_token(found[0]).unwrap();
    let mut hmac = Hmac::<Sha256>::new_from_slice(b"secret-1").unwrap();
    hmac.update(parts.signed().as_bytes());
    let hmac = hmac.finalize().into_bytes();
    assert!(mac_matches(&hmac, parts.mac));
    // Another ask's secret, or one changed character, does not match.
    let mut other = Hmac::<Sha256>::new_from_slice(b"secret-2").unwrap();
    other.update(parts.signed().as_bytes());
    assert!(!mac_matches(&other.finalize().into_bytes(), parts.mac));
    let altered = found[0].replacen("eyJ", "eyK", 1);
    let altered = split_token(&altered).unwrap();
    let mut hmac = Hmac::<Sha256>::new_from_slice(b"secret-1").unwrap();
    hmac.update(altered.signed().as_bytes());
    assert!(!mac_matches(&hmac.finalize().into_bytes(), altered.mac));

    assert_eq!(split_token("k1.payload"), Err(LinkRefused::Broken));
    assert_eq!(split_token("k1.p.short"), Err(LinkRefused::Broken));
    assert_eq!(split_token(&"x".repeat(20_000)), Err(LinkRefused::TooLong));
}

fn deflate(text: &str) -> Vec<u8> {
    let mut encoder =
        flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::default());
    encoder.write_all(text.as_bytes()).unwrap();
    encoder.finish().unwrap()
}

#[test]
fn a_typical_owner_s_reply_of_ten_actions_with_notes_fits_in_2000_characters() {
    let answers = (0..10)
        .map(|i| ActionAnswer {
            id: format!("{:016x}", 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i + 1)),
            status: ActionStatus::InProgress,
            note: format!("第{i}项:已与供应商确认接口字段,本周五前提交联调环境"),
            new_deadline: (i % 3 == 0).then(|| date(20)),
            why: if i % 3 == 0 {
                "等待对方部门排期".into()
            } else {
                String::new()
            },
            asked_status: ActionStatus::Open,
            asked_deadline: Some(date(5 + i as u32)),
        })
        .collect();
    let reply = Reply {
        ask: "0123456789abcdef".into(),
        meeting: "fedcba9876543210".into(),
        ..reply("李雷", at(6, 9), Answer::Actions(answers))
    };
    let payload = base64url_encode(&deflate(&reply_text(&reply)));
    let token = reply_token(&reply.ask, &payload, &sign("s", &payload));
    let link = reply_href("https://crossmeet.example.com/app/", &token);
    println!(
        "a 10-action reply link: {} characters",
        link.chars().count()
    );
    assert!(
        link.chars().count() <= 2_000,
        "{} characters",
        link.chars().count()
    );
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z会议,\"\n\\\\ ]{0,12}",
        any::<String>()
    ]
}

proptest! {
    /// Whatever people type comes back exactly as typed (within the length bound).
    #[test]
    fn any_reply_text_reads_back_unchanged(
        reason in any_text(), substitute in any_text(), risks in any_text(), note in any_text(),
        from in any_text(), seconds in 0i64..4_000_000_000,
    ) {
        let written_at = DateTime::from_timestamp(seconds, 0).unwrap();
        let record = AskRecord { id: "k1".into(), kind: AskKind::Attendance, to: vec![from.clone()], ..AskRecord::default() };
        let sent = Reply { from: from.clone(), ..reply("", written_at, Answer::Attendance(AttendanceAnswer {
            coming: false, reason, substitute, read: true, risks, asked: AttendanceStatus::Confirmed,
        })) };
        let read = parse_reply(reply_text(&sent).as_bytes(), &record, "m1", DateTime::from_timestamp(4_000_000_000, 0).unwrap());
        prop_assert_eq!(read, Ok(sent));

        let record = AskRecord { kind: AskKind::Actions, ..record };
        let sent = Reply { from, ..reply("", written_at, Answer::Actions(vec![ActionAnswer { id: note.clone(), note, ..ActionAnswer::default() }])) };
        let read = parse_reply(reply_text(&sent).as_bytes(), &record, "m1", DateTime::from_timestamp(4_000_000_000, 0).unwrap());
        prop_assert_eq!(read, Ok(sent));
    }

    #[test]
    fn any_ask_reads_back_unchanged(title in any_text(), name in any_text(), task in any_text()) {
        let mut meeting = meeting();
        meeting.title = title;
        meeting.participants[0].name = name;
        meeting.actions[0].task = task;
        for kind in AskKind::ALL {
            let to = askable(&meeting, kind).into_iter().map(|a| a.id).collect::<Vec<_>>();
            if to.is_empty() { continue; }
            let (_, link) = make_ask(&meeting, kind, &to, "k1".into(), "s".into(), at(1, 0), Lang::En);
            prop_assert_eq!(parse_ask(ask_text(&link).as_bytes()), Ok(link));
        }
    }

    /// Anything at all, as an ask or a reply, is read or refused, never a panic; and any text
    /// searched for replies gives tokens that split or are refused.
    #[test]
    fn any_bytes_are_read_or_refused(bytes in proptest::collection::vec(any::<u8>(), 0..400), text in any::<String>()) {
        let record = AskRecord { id: "k1".into(), to: vec!["p1".into()], ..AskRecord::default() };
        let _ = parse_ask(&bytes);
        let _ = parse_reply(&bytes, &record, "m1", at(1, 0));
        for token in find_reply_tokens(&format!("x #/r/{text} #/r/{text}")) {
            let _ = split_token(token);
        }
    }
}

mod page {
    use super::*;
    use crossmeet::core::formats::asking::draft::{Draft, Missing};
    use crossmeet::core::formats::asking::json::{draft_from_json, draft_to_json};
    use crossmeet::core::view::answer_html::{answer_html, Screen};
    use crossmeet::core::view::replies_html::{reply_card_html, CardView};

    fn screen() -> Screen<'static> {
        Screen {
            when: "2026-12-10 10:00",
            now: at(1, 0),
            today: date(6),
            lang: Lang::Zh,
        }
    }

    #[test]
    fn every_input_of_the_answer_page_writes_its_part_of_the_draft() {
        let meeting = meeting();
        let (_, link) = ask_for(&meeting, AskKind::Actions, &["李雷"], Lang::Zh);
        let mut draft = Draft::new(&link, "李雷");
        assert!(
            draft.set("coming", None, "0", false),
            "leave shows its fields"
        );
        assert!(!draft.set("coming", None, "0", false));
        for (field, value) in [
            ("reason", "出差"),
            ("substitute", "张伟"),
            ("risks", "a\nb"),
            ("comment", "好"),
        ] {
            draft.set(field, None, value, false);
        }
        draft.set("read", None, "", true);
        draft.set("time", None, "0", true);
        draft.set("materials", None, "1", true);
        draft.set("rating", None, "9", true);
        assert_eq!(
            draft.feedback.rating, None,
            "a rating out of 1–5 is not taken"
        );
        draft.set("rating", None, "4", true);
        draft.set("status", Some(1), "Done", false);
        draft.set("note", Some(0), "进展", false);
        draft.set("date", Some(0), "2026-12-20", false);
        draft.set("why", Some(0), "等接口", false);
        draft.set("note", Some(9), "nowhere", false);
        let a = &draft.attendance;
        assert_eq!(
            (
                a.coming,
                a.reason.as_str(),
                a.substitute.as_str(),
                a.read,
                a.risks.as_str()
            ),
            (false, "出差", "张伟", true, "a\nb")
        );
        let f = &draft.feedback;
        assert_eq!(
            (
                f.time_right,
                f.materials_enough,
                f.rating,
                f.comment.as_str()
            ),
            (Some(false), Some(true), Some(4), "好")
        );
        assert_eq!(draft.actions[1].status, ActionStatus::Done);
        assert_eq!(
            (
                draft.actions[0].note.as_str(),
                draft.actions[0].new_deadline,
                draft.actions[0].why.as_str()
            ),
            ("进展", Some(date(20)), "等接口")
        );
        assert_eq!(draft_from_json(&draft_to_json(&draft)), Some(draft));
    }

    #[test]
    fn a_reply_cannot_go_without_what_the_guide_requires() {
        let meeting = meeting();
        let (_, link) = ask_for(&meeting, AskKind::Actions, &["李雷"], Lang::Zh);
        let mut draft = Draft::new(&link, "李雷");
        // a1 was due on the 5th: on the 6th it needs a new date, and a new date a reason.
        assert_eq!(
            draft.missing(AskKind::Actions, date(6), &link),
            Some(Missing::NewDate)
        );
        assert_eq!(draft.missing(AskKind::Actions, date(4), &link), None);
        draft.set("date", Some(0), "2026-12-20", false);
        assert_eq!(
            draft.missing(AskKind::Actions, date(6), &link),
            Some(Missing::Why)
        );
        draft.set("why", Some(0), "等接口", false);
        assert_eq!(draft.missing(AskKind::Actions, date(6), &link), None);
        draft.set("coming", None, "0", false);
        assert_eq!(
            draft.missing(AskKind::Attendance, date(6), &link),
            Some(Missing::Reason)
        );
        draft.set("reason", None, "出差", false);
        assert_eq!(
            draft.missing(AskKind::Attendance, date(6), &link),
            Some(Missing::Substitute)
        );
    }

    #[test]
    fn hostile_texts_are_shown_as_text() {
        let mut meeting = meeting();
        let hostile = r#"<img src=x onerror="alert(1)">"#;
        meeting.title = hostile.into();
        meeting.participants[0].name = hostile.into();
        meeting.materials[0].link = "javascript:alert(1)".into();
        let (record, link) = ask_for(&meeting, AskKind::Attendance, &["p1", "p2"], Lang::Zh);
        let draft = Draft::new(&link, "p1");
        let html = answer_html(&link, Some(&draft), &screen());
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;"));
        assert!(
            !html.contains("href=\"javascript"),
            "only web addresses become links"
        );
        meeting.asks.push(record);
        let read = intake(
            &meeting,
            reply(
                "p1",
                at(8, 0),
                Answer::Attendance(AttendanceAnswer {
                    coming: true,
                    ..AttendanceAnswer::default()
                }),
            ),
            &CST,
            Lang::Zh,
        );
        let mut out = String::new();
        reply_card_html(
            &mut out,
            0,
            &CardView {
                intake: &read,
                title: hostile,
                href: "#/m/m1/prepare",
                chosen: &read.default_choice(),
                applied: false,
            },
            Lang::Zh,
        );
        assert!(!out.contains("<img"), "{out}");
    }

    proptest! {
        #[test]
        fn any_draft_reads_back_unchanged(person in any_text(), text in any_text(), rating in proptest::option::of(1u8..=5), coming: bool) {
            let mut draft = Draft { person, ..Draft::default() };
            draft.attendance = AttendanceAnswer { coming, reason: text.clone(), substitute: text.clone(), read: !coming, risks: text.clone(), asked: AttendanceStatus::Declined };
            draft.feedback = FeedbackAnswer { time_right: Some(coming), materials_enough: None, rating, comment: text.clone() };
            draft.actions = vec![ActionAnswer { id: text.clone(), note: text.clone(), new_deadline: Some(date(9)), ..ActionAnswer::default() }];
            prop_assert_eq!(draft_from_json(&draft_to_json(&draft)), Some(draft));
        }
    }
}

#[test]
fn the_minutes_draft_is_confirmed_or_corrected() {
    let mut meeting = meeting();
    assert!(
        askable(&meeting, AskKind::Minutes).is_empty(),
        "no draft, nothing to confirm"
    );
    meeting.minutes.text = "## 决议\n- 采用方案 B\n".into();
    let (record, link) = ask_for(&meeting, AskKind::Minutes, &["p1", "p2"], Lang::Zh);
    assert_eq!(link.draft, meeting.minutes.text);
    meeting.asks.push(record.clone());
    let confirm = Answer::Minutes(crossmeet::core::formats::asking::MinutesAnswer {
        confirmed: true,
        correction: String::new(),
    });
    let (after, _) = take(&meeting, &record, reply("p1", at(11, 1), confirm)).unwrap();
    assert!(after.participants[0].attendance.minutes_confirmed);
    assert_eq!(after.minutes.text, meeting.minutes.text);

    let correct = Answer::Minutes(crossmeet::core::formats::asking::MinutesAnswer {
        confirmed: false,
        correction: "应为方案 C\n负责人是李雷".into(),
    });
    let record = &after.asks[0];
    let (corrected, _) = take(&after, record, reply("p2", at(11, 2), correct)).unwrap();
    assert_eq!(
        corrected.minutes.text,
        "## 决议\n- 采用方案 B\n\n> 更正(李雷,2026-12-11):\n> 应为方案 C\n> 负责人是李雷\n"
    );
    assert!(!corrected.participants[1].attendance.minutes_confirmed);
}

#[test]
fn ask_messages_come_as_plain_text_or_markdown() {
    use crossmeet::core::formats::chase::ChaseFormat;
    use crossmeet::core::view::asks_html::{made_messages, Made};
    let mut meeting = meeting();
    meeting.title = "Q1 *协调* 会".into();
    let made = [
        Made {
            to: Some("王_芳".into()),
            kind: AskKind::Attendance,
            href: "https://app/#/a/abc".into(),
        },
        Made {
            to: None,
            kind: AskKind::Feedback,
            href: "https://app/#/a/def".into(),
        },
    ];
    let plain = made_messages(
        &meeting,
        &made,
        "2026-12-10 10:00",
        ChaseFormat::Plain,
        Lang::Zh,
    );
    assert_eq!(plain[0].0, "王_芳");
    assert_eq!(
        plain[0].1,
        "Q1 *协调* 会 · 2026-12-10 10:00\n王_芳,请在会前 24 小时确认是否出席;请假请写明原因并安排同级别替代人,并回复预读情况和本部门的风险点。\nhttps://app/#/a/abc\n手机打开即可,无需登录;填好后把生成的回复链接发回给我。"
    );
    assert_eq!(plain[1].0, "一个群链接");
    assert!(plain[1].1.contains("各位,请花一分钟"));
    let markdown = made_messages(&meeting, &made, "", ChaseFormat::Markdown, Lang::En);
    assert!(
        markdown[0]
            .1
            .starts_with("**Q1 \\*协调\\* 会**\n王\\_芳: Please confirm"),
        "{}",
        markdown[0].1
    );
    assert!(markdown[0].1.contains("[Answer here](https://app/#/a/abc)"));
}

#[test]
fn an_owner_is_asked_across_meetings_with_one_link_per_meeting() {
    use crossmeet::core::formats::asking::messages::{owner_ask_message, MeetingLink};
    use crossmeet::core::formats::chase::ChaseFormat;
    let links = [
        MeetingLink {
            title: "周会",
            when: "2026-12-10 10:00",
            href: "https://app/#/a/one",
        },
        MeetingLink {
            title: "评审_会",
            when: "",
            href: "https://app/#/a/two",
        },
    ];
    assert_eq!(
        owner_ask_message("李雷", &links, Lang::Zh, ChaseFormat::Plain),
        "李雷,请更新你的行动项进展;已逾期的请给出新的完成日期和原因。\n- 周会 · 2026-12-10 10:00\n  https://app/#/a/one\n- 评审_会\n  https://app/#/a/two\n手机打开即可,无需登录;填好后把生成的回复链接发回给我。"
    );
    let markdown = owner_ask_message("Li_Lei", &links, Lang::En, ChaseFormat::Markdown);
    assert!(
        markdown.starts_with("Li\\_Lei: Please update"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- **评审\\_会**\n  [Answer here](https://app/#/a/two)"),
        "{markdown}"
    );
}
