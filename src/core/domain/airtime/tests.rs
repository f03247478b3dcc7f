use super::*;
use crate::core::domain::model::{AgendaItem, Attendance, RunEvent};
use chrono::TimeZone;

fn t(minute: i64, second: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 6, 0, 0).unwrap()
        + Duration::minutes(minute)
        + Duration::seconds(second)
}

fn person(name: &str, department: &str) -> Participant {
    Participant {
        name: name.into(),
        department: department.into(),
        ..Participant::default()
    }
}

fn declined(name: &str, department: &str, substitute: &str) -> Participant {
    Participant {
        attendance: Attendance {
            status: AttendanceStatus::Declined,
            substitute: substitute.into(),
            ..Attendance::default()
        },
        ..person(name, department)
    }
}

fn meeting(log: Vec<(DateTime<Utc>, RunEventKind)>) -> Meeting {
    Meeting {
        id: "m".into(),
        agenda: ["a", "b", "c"]
            .iter()
            .map(|id| AgendaItem {
                id: (*id).into(),
                minutes: 10,
                ..AgendaItem::default()
            })
            .collect(),
        participants: vec![
            person("张三", "研发部"),
            person("李四", "市场部"),
            person("Alice Chen", "Finance"),
            person("王五", "法务部"),
        ],
        run_log: log
            .into_iter()
            .map(|(at, kind)| RunEvent { at, kind })
            .collect(),
        ..Meeting::default()
    }
}

fn item(id: &str) -> RunEventKind {
    RunEventKind::ItemStarted { item_id: id.into() }
}

fn turn(speaker: &str) -> RunEventKind {
    RunEventKind::SpeakerTurn {
        speaker: speaker.into(),
    }
}

fn row<'a>(air: &'a Airtime, department: &str) -> &'a DepartmentTime<'a> {
    air.departments
        .iter()
        .find(|row| row.department == department)
        .unwrap_or_else(|| panic!("no row {department} in {:?}", air.departments))
}

fn minutes(m: i64) -> Duration {
    Duration::minutes(m)
}

#[test]
fn pauses_are_not_airtime_and_the_speaker_keeps_the_floor_across_one() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(1, 0), turn("研发部")),
        (t(3, 0), RunEventKind::Paused),
    ]);
    let paused = airtime(&m, t(10, 0), ItemFocus::Current);
    assert_eq!(
        row(&paused, "研发部").meeting,
        minutes(2),
        "up to the pause"
    );
    assert_eq!(paused.meeting_total, minutes(2));
    assert_eq!(paused.speaking, None, "while paused nobody is counted");

    // As the turn clock does, the turn goes on after the pause; the pause is nobody's.
    let mut resumed = m.clone();
    resumed.run_log.push(RunEvent {
        at: t(8, 0),
        kind: RunEventKind::Resumed,
    });
    let air = airtime(&resumed, t(10, 0), ItemFocus::Current);
    assert_eq!(
        row(&air, "研发部").meeting,
        minutes(4),
        "2 before the pause, 2 after"
    );
    assert_eq!(air.meeting_total, minutes(4));
    assert!(air.speaking.is_some(), "the speaker still holds the floor");
}

#[test]
fn a_turn_ends_at_the_next_turn_item_or_end() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(0, 0), turn("张三")),
        (t(2, 0), turn("李四")),
        (t(5, 0), item("b")),
        (t(6, 0), turn("Alice Chen")),
        (t(7, 30), RunEventKind::Ended),
    ]);
    let air = airtime(&m, t(30, 0), ItemFocus::Current);
    assert_eq!(row(&air, "研发部").meeting, minutes(2));
    assert_eq!(
        row(&air, "市场部").meeting,
        minutes(3),
        "to the item change"
    );
    assert_eq!(
        row(&air, "Finance").meeting,
        Duration::seconds(90),
        "to the end"
    );
    assert_eq!(air.meeting_total, Duration::seconds(390));
    assert_eq!(air.speaking, None);
    assert_eq!(
        air.item,
        Some(1),
        "the last item stays current, as on the clocks"
    );
    assert_eq!(air.item_total, Duration::seconds(90));
}

#[test]
fn the_running_turn_counts_up_to_now() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(1, 0), turn("李四")),
    ]);
    let air = airtime(&m, t(4, 15), ItemFocus::Current);
    assert_eq!(row(&air, "市场部").meeting, Duration::seconds(195));
    assert_eq!(air.speaking, Some(0));
    assert_eq!(
        airtime(&m, t(5, 15), ItemFocus::Current).meeting_total,
        Duration::seconds(255),
        "the same log a minute later"
    );
}

#[test]
fn item_shares_differ_from_meeting_shares() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(0, 0), turn("研发部")),
        (t(6, 0), turn("市场部")),
        (t(8, 0), item("b")),
        (t(8, 0), turn("市场部")),
        (t(11, 0), turn("研发部")),
    ]);
    let now = t(12, 0);
    let current = airtime(&m, now, ItemFocus::Current);
    assert_eq!(current.item, Some(1));
    assert_eq!(
        (
            row(&current, "市场部").item_percent,
            row(&current, "研发部").item_percent
        ),
        (75, 25)
    );
    assert_eq!(
        (
            row(&current, "研发部").meeting_percent,
            row(&current, "市场部").meeting_percent
        ),
        (58, 42),
        "7 and 5 of 12 minutes"
    );
    let first = airtime(&m, now, ItemFocus::Index(item_index(&m, "a").unwrap()));
    assert_eq!(first.item_total, minutes(8));
    assert_eq!(row(&first, "研发部").item, minutes(6));
    assert_eq!(
        first.meeting_total, current.meeting_total,
        "the meeting figures do not depend on the focus"
    );
    let never = airtime(&m, now, ItemFocus::Index(2));
    assert_eq!(never.item_total, Duration::zero());
    assert!(never.departments.iter().all(|row| row.item_percent == 0));
    let missing = airtime(&m, now, ItemFocus::Index(9));
    assert_eq!((missing.item, missing.not_heard.len()), (None, 0));
}

#[test]
fn a_revisited_item_adds_up_its_visits() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(0, 0), turn("研发部")),
        (t(3, 0), item("b")),
        (t(3, 0), turn("市场部")),
        (t(5, 0), item("a")),
        (t(5, 0), turn("研发部")),
    ]);
    let air = airtime(&m, t(6, 0), ItemFocus::Current);
    assert_eq!((air.item, air.item_total), (Some(0), minutes(4)));
}

#[test]
fn time_before_any_item_belongs_to_no_item() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), turn("研发部")),
        (t(2, 0), item("gone")),
        (t(2, 0), turn("研发部")),
        (t(3, 0), item("a")),
    ]);
    let air = airtime(&m, t(4, 0), ItemFocus::Current);
    assert_eq!(air.meeting_total, minutes(3));
    assert_eq!(
        air.outside_agenda,
        minutes(3),
        "before the first and a deleted item"
    );
    assert_eq!(air.item_total, Duration::zero());
}

#[test]
fn a_clock_set_backwards_adds_no_time() {
    let m = meeting(vec![
        (t(10, 0), RunEventKind::Started),
        (t(10, 0), item("a")),
        (t(10, 0), turn("研发部")),
        (t(5, 0), turn("市场部")),
    ]);
    let air = airtime(&m, t(7, 0), ItemFocus::Current);
    assert_eq!(air.meeting_total, minutes(2), "only 5:00 → 7:00 counts");
}

#[test]
fn departments_not_heard_yet_in_the_item() {
    let mut m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(0, 0), turn("张三")),
        (t(2, 0), item("b")),
        (t(2, 0), turn("李四")),
        (t(4, 0), turn("陌生人")),
    ]);
    m.participants.extend([
        person("赵六", "研发部"),
        person("", "  "),
        declined("钱七", "财务部", ""),
        declined("孙八", "采购部", "周九"),
        person("吴十", "finance"),
    ]);
    let air = airtime(&m, t(5, 0), ItemFocus::Current);
    assert_eq!(
        air.not_heard,
        ["研发部", "Finance", "法务部", "采购部"],
        "participant order, once each; 财务部 declined; 采购部 sends a substitute"
    );
    let stranger = row(&air, "陌生人");
    assert!(!stranger.known);
    assert_eq!(stranger.label(Lang::Zh), "陌生人(部门未知)");
    assert_eq!(stranger.label(Lang::En), "陌生人 (department unknown)");
    assert_eq!(
        not_heard_prompt(Lang::Zh, &air.not_heard).unwrap(),
        "还没发言的部门:研发部、Finance、法务部、采购部,请他们谈谈"
    );
    assert_eq!(
        not_heard_prompt(Lang::En, &air.not_heard[..2]).unwrap(),
        "Not heard yet: 研发部, Finance — invite them in"
    );
    assert_eq!(not_heard_prompt(Lang::En, &[]), None);

    let first = airtime(&m, t(5, 0), ItemFocus::Index(0));
    assert!(!first.not_heard.contains(&"研发部"));
    assert!(first.not_heard.contains(&"市场部"));
}

#[test]
fn the_department_speaking_now_counts_as_heard() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(1, 0), turn("王五")),
    ]);
    let air = airtime(&m, t(1, 0), ItemFocus::Current);
    assert_eq!(
        row(&air, "法务部").item,
        Duration::zero(),
        "the turn just began"
    );
    assert_eq!(air.not_heard, ["研发部", "市场部", "Finance"], "not 法务部");
    let not_started = meeting(vec![]);
    assert!(airtime(&not_started, t(0, 0), ItemFocus::Current)
        .not_heard
        .is_empty());
}

#[test]
fn speakers_resolve_in_chinese() {
    let mut people = vec![
        person("张三", "研发部"),
        person("张三", "市场部"),
        declined("李四", "财务部", "小周"),
        person("王五", ""),
    ];
    let r = |text: &'static str| resolve_speaker(&people, text);
    assert_eq!(
        r(" 张三 "),
        Speaker::Participant(0),
        "the first of the same name"
    );
    assert_eq!(r("张三（市场部）"), Speaker::Participant(1));
    assert_eq!(r("张三(市场部)"), Speaker::Participant(1));
    assert_eq!(r("研发部"), Speaker::Department("研发部"));
    assert_eq!(r("小周"), Speaker::Substitute(2));
    assert_eq!(r("小周").department(&people), Some("财务部"));
    assert_eq!(
        r("赵六（研发部）"),
        Speaker::Department("研发部"),
        "a guest"
    );
    assert_eq!(
        r("赵六（法务部）"),
        Speaker::Department("法务部"),
        "as written"
    );
    assert_eq!(
        r("张三（线上）"),
        Speaker::Participant(0),
        "not a department"
    );
    assert_eq!(r("（研发部）"), Speaker::Department("研发部"));
    assert_eq!(r("王五（）"), Speaker::Participant(3));
    assert_eq!(r("王五").department(&people), None, "no department given");
    assert_eq!(r("路人甲"), Speaker::Unknown("路人甲"));
    assert_eq!(r("  "), Speaker::Unknown(""));
    people[0].attendance.status = AttendanceStatus::Declined;
    assert_eq!(
        resolve_speaker(&people, "张三"),
        Speaker::Participant(1),
        "who attends comes first"
    );
}

#[test]
fn speakers_resolve_in_english() {
    let people = vec![
        person("Alice Chen", "R&D"),
        person("Bob", "Sales (EMEA)"),
        person("Li (Jack)", "Ops"),
    ];
    let r = |text: &'static str| resolve_speaker(&people, text);
    assert_eq!(r("alice chen"), Speaker::Participant(0));
    assert_eq!(r("ALICE CHEN (r&d)"), Speaker::Participant(0));
    assert_eq!(
        r("r&d"),
        Speaker::Department("R&D"),
        "spelled as the participant has it"
    );
    assert_eq!(
        r("Bob (Sales (EMEA))"),
        Speaker::Participant(1),
        "nested brackets"
    );
    assert_eq!(r("sales (emea)"), Speaker::Department("Sales (EMEA)"));
    assert_eq!(
        r("Li (Jack)"),
        Speaker::Participant(2),
        "brackets in a name"
    );
    assert_eq!(r("Carol (Legal)"), Speaker::Department("Legal"));
    assert_eq!(r("Carol"), Speaker::Unknown("Carol"));
    assert_eq!(r("Émile"), Speaker::Unknown("Émile"));
}

#[test]
fn labels_round_trip_through_the_resolver() {
    let people = vec![
        person("张三", "研发部"),
        person("张三", "市场部"),
        person("Alice Chen", "R&D"),
        person("Li (Jack)", "Ops (Beijing)"),
        person("Wang Fang", "市场部"),
        person("王芳", ""),
        person("", "法务部"),
        declined("李四", "财务部", "小周"),
        declined("Dave", "Ops", ""),
    ];
    assert_eq!(speaker_label(&people[0]), "张三（研发部）");
    assert_eq!(speaker_label(&people[2]), "Alice Chen (R&D)");
    assert_eq!(speaker_label(&people[4]), "Wang Fang（市场部）");
    assert_eq!(speaker_label(&people[5]), "王芳");
    let choices = speaker_choices(&people);
    assert_eq!(
        choices,
        [
            "张三（研发部）",
            "张三（市场部）",
            "Alice Chen (R&D)",
            "Li (Jack) (Ops (Beijing))",
            "Wang Fang（市场部）",
            "王芳",
            "法务部",
            "小周（财务部）",
        ]
    );
    for (index, person) in people.iter().enumerate().take(6) {
        assert_eq!(
            resolve_speaker(&people, &speaker_label(person)),
            Speaker::Participant(index),
            "{}",
            speaker_label(person)
        );
    }
    for choice in &choices {
        let resolved = resolve_speaker(&people, choice);
        assert!(
            resolved.department(&people).is_some() || choice == "王芳",
            "{choice}: {resolved:?}"
        );
    }
    assert_eq!(
        resolve_speaker(&people, "小周（财务部）").department(&people),
        Some("财务部")
    );
}

#[test]
fn unknown_speakers_group_under_their_own_text() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(0, 0), turn("路人甲")),
        (t(1, 0), turn("研发部")),
        (t(2, 0), turn("路人甲 ")),
        (t(3, 0), turn("")),
        (t(4, 0), turn("carol (Legal)")),
        (t(5, 0), turn("legal")),
    ]);
    let air = airtime(&m, t(6, 0), ItemFocus::Current);
    let rows: Vec<(&str, bool, i64)> = air
        .departments
        .iter()
        .map(|row| (row.department, row.known, row.meeting.num_minutes()))
        .collect();
    assert_eq!(
        rows,
        [
            ("路人甲", false, 2),
            ("研发部", true, 1),
            ("", false, 1),
            ("Legal", true, 2),
        ],
        "a bare \"legal\" joins the department stated earlier"
    );
    assert_eq!(air.departments[2].label(Lang::En), "Unnamed speaker");
}

#[test]
fn shares_sum_to_a_hundred() {
    let m = meeting(vec![
        (t(0, 0), RunEventKind::Started),
        (t(0, 0), item("a")),
        (t(0, 0), turn("研发部")),
        (t(1, 0), turn("市场部")),
        (t(2, 0), turn("Finance")),
        (t(3, 0), turn("法务部")),
        (t(3, 0), turn("陌生人")),
    ]);
    let air = airtime(&m, t(3, 0), ItemFocus::Current);
    let percents: Vec<u8> = air.departments.iter().map(|r| r.meeting_percent).collect();
    assert_eq!(
        percents,
        [34, 33, 33, 0, 0],
        "thirds; a zero never gets a point"
    );

    for parts in [
        vec![1, 1, 1, 1, 1, 1, 1],
        vec![1, 2, 3, 4, 5, 6],
        vec![999, 1],
        vec![5, 0, 5, 0, 1],
        vec![1; 150],
    ] {
        let total: i64 = parts.iter().sum();
        let mut rows: Vec<(i64, u8)> = parts.iter().map(|&part| (part, 0)).collect();
        share_out(
            &mut rows,
            Duration::seconds(total),
            |(part, _)| Duration::seconds(*part),
            |(_, percent), p| *percent = p,
        );
        let out: Vec<u8> = rows.iter().map(|(_, percent)| *percent).collect();
        assert_eq!(
            out.iter().map(|&p| u32::from(p)).sum::<u32>(),
            100,
            "{parts:?}"
        );
        for (part, percent) in parts.iter().zip(&out) {
            let exact = *part as f64 * 100.0 / total as f64;
            assert!(
                (f64::from(*percent) - exact).abs() < 1.0,
                "{parts:?} → {out:?}"
            );
        }
    }
    let mut nothing = [7u8; 2];
    share_out(
        &mut nothing,
        Duration::zero(),
        |_| Duration::zero(),
        |row, p| *row = p,
    );
    assert_eq!(nothing, [0, 0]);
}
