//! The review's rules (F6) on generated series (`support/series.rs`): each fires at its
//! threshold and not just below it, names the meetings it comes from, and carries its change
//! into the next meeting; the quarter comparison says whether a carried change helped.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/series.rs"]
mod series;

use chrono::{Datelike, FixedOffset, NaiveDate, Timelike, Weekday};

use crossmeet::core::domain::choice::Choice;
use crossmeet::core::domain::coaching::{
    carried_results, carry, coach, next_meeting, of_series, preview, quarter_figures, Change,
    Finding, Outcome, Rule, ENOUGH_MEETINGS,
};
use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{Meeting, Phase};
use series::series;

const CST: FixedOffset = FixedOffset::east_opt(8 * 3600).unwrap();

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 20).unwrap()
}

fn findings(text: &str) -> Vec<Finding> {
    let meetings = series(text);
    coach(&meetings.iter().collect::<Vec<_>>(), today(), &CST).findings
}

fn fired(text: &str, rule: Rule) -> Option<Finding> {
    findings(text).into_iter().find(|f| f.rule == rule)
}

/// Each rule: a series just over its threshold, one just under, and the meetings it must name.
#[test]
fn each_rule_fires_at_its_threshold_and_names_its_evidence() {
    let table: &[(Rule, &str, &str, &[&str])] = &[
        // Reports over by 3 minutes with the discussion cut, in 2 of 3; 2 of 4 is not "most".
        (
            Rule::ReportsOverrun,
            "1x{} 2x{r=3}",
            "2x{} 2x{r=3}",
            &["m01", "m02"],
        ),
        (
            Rule::ReportsOverrun,
            "1x{} 2x{r=3}",
            "1x{} 2x{r=2}",
            &["m01", "m02"],
        ),
        (
            Rule::ReportsOverrun,
            "1x{} 2x{r=8}",
            "1x{} 2x{r=8/0}",
            &["m01", "m02"],
        ),
        // Over half of the speaking time, in most meetings with airtime.
        (
            Rule::DepartmentDominates,
            "2x{a=研发部:51,市场部:49} 1x{a=研发部:30,市场部:70}",
            "2x{a=研发部:50,市场部:50} 1x{a=研发部:30,市场部:70}",
            &["m00", "m01"],
        ),
        // An invited department silent in most meetings with airtime.
        (
            Rule::DepartmentUnheard,
            "2x{a=研发部:50,市场部:30,财务部:20} 1x{a=研发部:25,市场部:25,财务部:25,运营部:25}",
            "1x{a=研发部:50,市场部:30,财务部:20} 2x{a=研发部:25,市场部:25,财务部:25,运营部:25}",
            &["m00", "m01"],
        ),
        // Half of a department's actions late, twice the others' share.
        (
            Rule::ActionsLate,
            "1x{late=财务部:2/2} 2x{}",
            "1x{late=财务部:1/2} 2x{}",
            &["m00"],
        ),
        (
            Rule::ActionsLate,
            "4x{late=市场部:1/1}",
            "4x{late=市场部:1/2} 1x{}",
            &["m00", "m01", "m02", "m03"],
        ),
        (
            Rule::ActionsLate,
            "3x{lateowner=刘工:2/2}",
            "3x{lateowner=刘工:1/3}",
            &["m00", "m01", "m02"],
        ),
        // Pre-reads under a day ahead in most meetings, and those ran over more.
        (
            Rule::PreReadsLate,
            "2x{pre=3 r=5/0} 1x{pre=30}",
            "2x{pre=24 r=5/0} 1x{pre=30}",
            &["m00", "m01"],
        ),
        (
            Rule::PreReadsLate,
            "2x{pre=none r=5/0} 1x{pre=30}",
            "2x{pre=3} 1x{pre=30 r=5/0}",
            &["m00", "m01"],
        ),
        // The notice under 3 working days ahead.
        (
            Rule::NoticeShort,
            "2x{notice=2} 1x{notice=5}",
            "2x{notice=3} 1x{notice=5}",
            &["m00", "m01"],
        ),
        (
            Rule::AwkwardSlot,
            "2x{slot=mon9} 1x{}",
            "1x{slot=mon9} 1x{slot=fri15} 2x{}",
            &["m00", "m01"],
        ),
        (
            Rule::AwkwardSlot,
            "2x{slot=fri15} 1x{}",
            "2x{slot=tue10} 1x{}",
            &["m00", "m01"],
        ),
        // More than a fifth declined, 3 declined, or 2 without a substitute.
        (
            Rule::ManyLeaves,
            "2x{leave=1 people=4} 1x{}",
            "2x{leave=1 people=5} 1x{}",
            &["m00", "m01"],
        ),
        (
            Rule::ManyLeaves,
            "2x{leave=2n people=12} 1x{}",
            "2x{leave=2 people=12} 1x{}",
            &["m00", "m01"],
        ),
        (
            Rule::LargeAttendance,
            "2x{people=11} 1x{}",
            "2x{people=10} 1x{}",
            &["m00", "m01"],
        ),
        (
            Rule::LargeAttendance,
            "2x{people=12 leave=1} 1x{}",
            "2x{people=12 leave=2n} 1x{}",
            &["m00", "m01"],
        ),
        // Most answers negative, in most meetings, with at least 5 answers in all.
        (
            Rule::TimeFeedbackLow,
            "2x{fb=1/5/3} 1x{fb=3/5/5}",
            "2x{fb=2/5/4} 1x{fb=3/5/5}",
            &["m00", "m01"],
        ),
        (
            Rule::MaterialsFeedbackLow,
            "2x{fb=5/1/3} 1x{fb=5/5/5}",
            "2x{fb=5/2/4} 1x{fb=5/5/5}",
            &["m00", "m01"],
        ),
        (
            Rule::MaterialsFeedbackLow,
            "3x{fb=5/0/2}",
            "2x{fb=5/0/2}",
            &["m00", "m01", "m02"],
        ),
    ];
    for (rule, fires, quiet, evidence) in table {
        let finding =
            fired(fires, *rule).unwrap_or_else(|| panic!("{rule:?} should fire on {fires}"));
        assert_eq!(finding.evidence, *evidence, "{rule:?} on {fires}");
        assert!(
            fired(quiet, *rule).is_none(),
            "{rule:?} fired on {quiet}: {:?}",
            fired(quiet, *rule)
        );
    }
}

/// Nothing fires on fewer than 3 meetings with data, however strong the pattern.
#[test]
fn no_rule_fires_on_too_little_data() {
    assert_eq!(ENOUGH_MEETINGS, 3);
    let strong = "{r=10 a=研发部:90,市场部:10 late=财务部:3/3 pre=2 notice=1 slot=mon9 leave=3 people=12 fb=0/0/9}";
    assert!(findings(&format!("2x{strong}")).is_empty());
    let three = findings(&format!("3x{strong}"));
    let rules: Vec<Rule> = three.iter().map(|f| f.rule).collect();
    // Every pre-read was late, so there is no on-time meeting to compare the overrun with: the
    // rule fires on the lateness alone.
    for &rule in Rule::CHOICES {
        assert!(
            rules.contains(&rule),
            "{rule:?} on three strong meetings: {rules:?}"
        );
    }
}

/// A planned (unheld) meeting and the template copies count nowhere; the window is the latest
/// quarter, or its last 3 meetings when the quarter has fewer.
#[test]
fn the_window_is_the_latest_quarter_of_held_meetings() {
    // Q3: six meetings with long reports; Q4: six without. Q3's pattern is history.
    let text = "@2026-07-15 every=14 6x{r=8} 6x{}";
    let meetings = series(text);
    let coaching = coach(&meetings.iter().collect::<Vec<_>>(), today(), &CST);
    assert_eq!(coaching.window.len(), 6);
    assert!(coaching.window.iter().all(|id| id.as_str() >= "m06"));
    assert!(coaching.findings.is_empty(), "{:?}", coaching.findings);
    // A new quarter with one meeting reads the two before it as well.
    let meetings = series("@2026-12-02 every=14 3x{r=8} 1x{planned}");
    let coaching = coach(&meetings.iter().collect::<Vec<_>>(), today(), &CST);
    assert_eq!(coaching.window, ["m00", "m01", "m02"]);
    assert_eq!(coaching.findings[0].rule, Rule::ReportsOverrun);
}

/// "Below the series' average": feedback that was always this low is not news.
#[test]
fn feedback_fires_only_below_the_series_record() {
    let always_low = "@2026-07-15 every=14 6x{fb=1/1/4} 6x{fb=1/1/4}";
    let worse_now = "@2026-07-15 every=14 6x{fb=4/4/4} 6x{fb=1/1/4}";
    assert!(fired(always_low, Rule::TimeFeedbackLow).is_none());
    assert!(fired(worse_now, Rule::TimeFeedbackLow).is_some());
    assert!(fired(worse_now, Rule::MaterialsFeedbackLow).is_some());
}

fn with_next(text: &str) -> Vec<Meeting> {
    series(&format!("{text} 1x{{planned}}"))
}

fn carried(meetings: &mut [Meeting], rule: Rule) -> (Meeting, Meeting) {
    let finding = coach(&meetings.iter().collect::<Vec<_>>(), today(), &CST)
        .findings
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("{rule:?} did not fire"));
    let next_id = next_meeting(&of_series(meetings, "series-1"))
        .expect("a next meeting")
        .id
        .clone();
    let next = meetings.iter_mut().find(|m| m.id == next_id).unwrap();
    let before = next.clone();
    assert!(
        preview(next, &finding, &CST, Lang::Zh).is_some(),
        "{finding:?} {next:?}"
    );
    let mut ids = 0;
    assert!(carry(next, &finding, today(), &CST, Lang::Zh, &mut || {
        ids += 1;
        format!("new-{ids}")
    }));
    assert_eq!(next.carried.len(), before.carried.len() + 1);
    assert_eq!(next.carried.last().unwrap().rule, rule);
    let after = next.clone();
    // Carrying the same finding twice changes nothing more.
    assert!(!carry(
        next,
        &finding,
        today(),
        &CST,
        Lang::Zh,
        &mut String::new
    ));
    assert_eq!(*next, after);
    (before, after)
}

fn phase_minutes(meeting: &Meeting, phase: Phase) -> u32 {
    meeting
        .agenda
        .iter()
        .filter(|i| i.phase == phase)
        .map(|i| i.minutes)
        .sum()
}

#[test]
fn each_change_is_carried_into_the_next_meeting() {
    // Reports over by 8 on average: 10 minutes move from the reports to the discussion.
    let mut meetings = with_next("3x{r=8}");
    let (before, after) = carried(&mut meetings, Rule::ReportsOverrun);
    assert_eq!(phase_minutes(&before, Phase::Share), 20);
    assert_eq!(phase_minutes(&after, Phase::Share), 10);
    assert_eq!(phase_minutes(&after, Phase::Discuss), 30);
    assert_eq!(
        after.schedule.duration_minutes,
        before.schedule.duration_minutes
    );
    let finding = fired("3x{r=8}", Rule::ReportsOverrun).unwrap();
    assert_eq!(
        finding.change,
        Some(Change::ReportsToDiscussion { minutes: 10 })
    );
    let label = |phase: Phase| phase.label().get(Lang::Zh);
    assert_eq!(
        preview(&before, &finding, &CST, Lang::Zh).unwrap(),
        format!(
            "{} 20′ → 10′ · {} 20′ → 30′",
            label(Phase::Share),
            label(Phase::Discuss)
        )
    );

    // Materials short: a data sync opens the agenda, and the plan grows by its 5 minutes.
    let mut meetings = with_next("3x{fb=5/0/2}");
    let (before, after) = carried(&mut meetings, Rule::MaterialsFeedbackLow);
    assert_eq!(after.agenda[0].title, "数据同步");
    assert_eq!(after.agenda.len(), before.agenda.len() + 1);
    assert_eq!(
        after.schedule.duration_minutes, 60,
        "55 + 5 fits in the hour"
    );

    // Late actions of one department: a check of them opens the agenda, owned by it.
    let mut meetings = with_next("1x{late=财务部:2/2} 2x{}");
    let (_, after) = carried(&mut meetings, Rule::ActionsLate);
    assert_eq!(after.agenda[0].title, "行动项检查:财务部");
    assert_eq!(after.carried[0].subject, "财务部");

    // A dominating department: the others are asked for input before the meeting.
    let mut meetings = with_next("3x{a=研发部:80,市场部:20}");
    let (_, after) = carried(&mut meetings, Rule::DepartmentDominates);
    let asked: Vec<&str> = after
        .preparation_asks
        .iter()
        .map(|a| a.department.as_str())
        .collect();
    assert_eq!(asked, ["市场部", "财务部", "运营部"]);

    // A silent department: it alone is asked.
    let mut meetings = with_next("3x{a=研发部:50,市场部:50}");
    let finding = fired("3x{a=研发部:50,市场部:50}", Rule::DepartmentUnheard).unwrap();
    assert_eq!(
        finding.subject, "财务部",
        "the first silent department listed"
    );
    let (_, after) = carried(&mut meetings, Rule::DepartmentUnheard);
    assert_eq!(after.preparation_asks.len(), 1);

    // Monday mornings: the next one, Monday 9:00 too, moves to Tuesday at the same time.
    let mut meetings = with_next("3x{slot=mon9}");
    let next = meetings.last_mut().unwrap();
    let start = next.schedule.starts_at.unwrap();
    let monday = start - chrono::Duration::days(2) - chrono::Duration::hours(5);
    next.schedule.starts_at = Some(monday);
    let (_, after) = carried(&mut meetings, Rule::AwkwardSlot);
    let local = after.schedule.starts_at.unwrap().with_timezone(&CST);
    assert_eq!((local.weekday(), local.hour()), (Weekday::Tue, 9));
}

#[test]
fn a_change_with_nothing_to_do_is_not_carried() {
    // The next meeting is on a Wednesday already: the slot change has nothing to move.
    let mut meetings = with_next("3x{slot=fri15}");
    let finding = fired("3x{slot=fri15}", Rule::AwkwardSlot).unwrap();
    let next = meetings.last_mut().unwrap();
    assert_eq!(preview(next, &finding, &CST, Lang::En), None);
    assert!(!carry(
        next,
        &finding,
        today(),
        &CST,
        Lang::En,
        &mut String::new
    ));
    assert!(next.carried.is_empty());
    // Advice only: nothing to carry.
    let notice = fired("3x{notice=1}", Rule::NoticeShort).unwrap();
    assert_eq!(notice.change, None);
    assert!(!carry(
        next,
        &notice,
        today(),
        &CST,
        Lang::En,
        &mut String::new
    ));
    // No next meeting: none to carry into.
    assert!(next_meeting(&of_series(&series("3x{}"), "series-1")).is_none());
}

#[test]
fn the_review_compares_quarters_and_says_whether_a_change_helped() {
    // Q3 with long reports; the change carried into Q4's first meeting; Q4 without.
    let mut meetings = series("@2026-07-15 every=14 6x{r=8} 1x{planned}");
    carried(&mut meetings, Rule::ReportsOverrun);
    let carried_into = meetings.last().unwrap().clone();
    let mut later = series("@2026-07-15 every=14 6x{r=8} 6x{}");
    later[6].carried = carried_into.carried.clone();
    let refs: Vec<&Meeting> = later.iter().collect();
    let results = carried_results(&refs, today(), &CST);
    assert_eq!(results.len(), 1);
    assert_eq!((results[0].before, results[0].after), (Some(100), Some(0)));
    assert_eq!(results[0].outcome(), Outcome::Improved);
    // Before any meeting is held after it, it is too early to say.
    let refs: Vec<&Meeting> = meetings.iter().collect();
    let results = carried_results(&refs, today(), &CST);
    assert_eq!(results[0].outcome(), Outcome::TooEarly);

    let quarters = quarter_figures(&later.iter().collect::<Vec<_>>(), today(), &CST, Lang::Zh);
    let labels: Vec<&str> = quarters.iter().map(|q| q.label.as_str()).collect();
    assert_eq!(
        labels,
        ["2026 年第 3 季度", "2026 年第 4 季度"],
        "older first"
    );
    assert_eq!(
        (quarters[0].meetings.len(), quarters[1].meetings.len()),
        (6, 6)
    );
    assert_eq!(
        quarters[0].average_overrun_minutes(),
        Some(-5),
        "55 of 60 minutes planned, the cut made up for the reports"
    );
}

proptest::proptest! {
    /// What the review's CSV says of a series reads back exactly as typed (the tracker's CSV
    /// reader undoes the formula guard), whatever its name.
    #[test]
    fn the_review_csv_reads_back_any_series_name(name in "\\PC{0,30}") {
        use crossmeet::core::domain::coaching::series_reviews;
        use crossmeet::core::formats::csv::parse;
        use crossmeet::core::formats::export::review::review_csv;
        let mut meetings = series("3x{r=8}");
        for meeting in &mut meetings {
            meeting.series.as_mut().unwrap().name = name.clone();
        }
        let reviews = series_reviews(&meetings, today(), &CST, Lang::En);
        let rows = parse(&review_csv(&reviews, Lang::En)).unwrap();
        let expected = usize::from(!name.trim().is_empty());
        proptest::prop_assert_eq!(rows.len(), 1 + expected, "a nameless series gets no proposals");
        if expected == 1 {
            proptest::prop_assert_eq!(&rows[1].1[0], name.trim());
        }
    }
}

/// The card is text for `innerHTML`: what people typed is escaped wherever it lands, and each
/// held meeting is one named bar over one plan line.
#[test]
fn the_card_escapes_what_was_typed_and_draws_a_bar_per_held_meeting() {
    use crossmeet::core::domain::coaching::series_reviews;
    use crossmeet::core::view::review_html::{card, coaching};
    let mut meetings = series("3x{r=8} 1x{planned}");
    for meeting in &mut meetings {
        meeting.series.as_mut().unwrap().name = "<img src=x onerror=alert(1)>".into();
        meeting.title = "\"><script>alert(1)</script>".into();
    }
    let reviews = series_reviews(&meetings, today(), &CST, Lang::En);
    let html = card(
        &reviews[0].group,
        Some("<b>"),
        &coaching(&reviews[0], &[], Lang::En),
        Lang::En,
    );
    assert!(
        !html.contains("<img") && !html.contains("<script") && !html.contains("<b>"),
        "{html}"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert_eq!(
        html.matches("data-testid=\"overrun-bar\"").count(),
        3,
        "the planned meeting has no bar"
    );
    assert_eq!(html.matches("data-testid=\"plan-line\"").count(), 1);
    assert_eq!(html.matches("data-testid=\"finding\"").count(), 1);
}
