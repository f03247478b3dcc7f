//! Everything the app computes when an imported meeting is opened: its list summary, the plan's
//! clock times and checks, the prepare tab's notice and invitation, the run view's clocks,
//! warnings, airtime and "finish on time", the follow-up's minutes, cost, the review, and the
//! tracker's rows, reminders, messages and calendar. The importers' fuzzers run it on every
//! meeting they accept, because a value that decodes but traps a page is as bad as a crash in
//! the parser (release builds abort on a panic).

use chrono::{DateTime, FixedOffset, NaiveDate, Utc};

use crossmeet::core::domain::agenda::{clock_times, format_span, insert_break};
use crossmeet::core::domain::airtime::{airtime, ItemFocus};
use crossmeet::core::domain::checks::{check, is_ready, CheckContext};
use crossmeet::core::domain::clock::{clocks, format_duration, DEFAULT_TURN};
use crossmeet::core::domain::coaching::series_reviews;
use crossmeet::core::domain::cost::{cost_review, figures_text, Cost};
use crossmeet::core::domain::grouping::Grouping;
use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::Meeting;
use crossmeet::core::domain::rebalance::{finish_on_time, propose, warnings, FLOOR_MINUTES};
use crossmeet::core::domain::retro::{overrun_minutes, retrospective};
use crossmeet::core::domain::tracker::{
    due, reminder_counts, standup_groups, tracker_refs, tracker_rows, SortKey, TrackerFilter,
};
use crossmeet::core::formats::asking::draft::Draft;
use crossmeet::core::formats::asking::make::{askable, make_ask};
use crossmeet::core::formats::asking::{ask_text, parse_ask};
use crossmeet::core::formats::chase::{
    group_message, owner_message, owners_to_chase, ChaseContext, ChaseFormat,
};
use crossmeet::core::formats::export::action_calendar::action_calendar;
use crossmeet::core::formats::export::ics::calendar;
use crossmeet::core::formats::export::minutes::{minutes_due, minutes_markdown};
use crossmeet::core::formats::export::notice::{notice, NoticeStyle};
use crossmeet::core::formats::export::review::{review_csv, review_markdown};
use crossmeet::core::storage::summary::MeetingSummary;
use crossmeet::core::view::{answer_html, asks_html, review_html};

/// Opens every page of `meeting` at `now`, the organiser's clock `offset` from UTC.
pub fn open_every_page(meeting: &Meeting, now: DateTime<Utc>, offset: FixedOffset) {
    let today = now.with_timezone(&offset).date_naive();
    let lang = if now.timestamp() % 2 == 0 {
        Lang::Zh
    } else {
        Lang::En
    };
    let _ = MeetingSummary::from(meeting);

    // Plan and prepare.
    if let Some(times) = clock_times(meeting, &offset) {
        times.into_iter().for_each(|span| drop(format_span(span)));
    }
    let findings = check(meeting, CheckContext { now, zone: &offset });
    let _ = is_ready(&findings);
    findings.iter().for_each(|f| drop(f.message(lang)));
    let _ = notice(meeting, lang, &offset, NoticeStyle::Markdown);
    let _ = calendar(meeting, lang, &offset, now);
    let mut with_break = meeting.agenda.clone();
    insert_break(&mut with_break, "break".into(), "休息".into());

    // Run: clocks, warnings, finish on time (applied and undone), airtime.
    let run = clocks(meeting, now, DEFAULT_TURN);
    for left in [run.meeting_left, run.item_left, run.meeting_elapsed] {
        let _ = format_duration(left);
    }
    let _ = warnings(&run);
    if let Some(proposal) = propose(meeting, &run, now, FLOOR_MINUTES) {
        let mut changed = meeting.clone();
        if let Ok(undo) = finish_on_time(&changed, &proposal).apply(&mut changed) {
            undo.apply(&mut changed).expect("finish on time is undone");
        }
    }
    let _ = airtime(meeting, now, ItemFocus::Current);
    let _ = airtime(meeting, now, ItemFocus::Index(0));

    // Follow-up, cost and review.
    let _ = minutes_markdown(meeting, lang, &offset, now);
    let _ = minutes_due(meeting, now);
    let cost = Cost::of(meeting);
    let _ = figures_text(
        cost.planned(),
        cost.actual(),
        cost.overrun(),
        Some(u32::MAX),
        lang,
    );
    let _ = overrun_minutes(meeting);
    let meetings = std::slice::from_ref(meeting);
    for grouping in [Grouping::Series, Grouping::Quarter] {
        let _ = cost_review(meetings, grouping, &offset, lang);
        let _ = retrospective(meetings, grouping, today, &offset, lang);
    }
    // The review that coaches, its exports and its drawing (F6).
    for lang in [Lang::Zh, Lang::En] {
        let reviews = series_reviews(meetings, today, &offset, lang);
        let _ = review_markdown(&reviews, lang);
        let _ = review_csv(&reviews, lang);
        for review in &reviews {
            let coaching = review_html::coaching(review, &[], lang);
            let _ = review_html::card(&review.group, None, &coaching, lang);
        }
    }

    // Asks (A1): the panel with the asks the meeting holds, and each kind's link and page.
    let kinds = crossmeet::core::domain::asks::AskKind::ALL;
    let _ = asks_html::ask_panel_html(
        meeting,
        &kinds,
        &[],
        ChaseFormat::Markdown,
        |_| String::new(),
        lang,
    );
    for kind in kinds {
        let to: Vec<String> = askable(meeting, kind).into_iter().map(|a| a.id).collect();
        if to.is_empty() {
            continue; // the panel offers no ask then
        }
        let (_, link) = make_ask(meeting, kind, &to, "k".into(), "s".into(), now, lang);
        let link = parse_ask(ask_text(&link).as_bytes()).expect("an ask link reads back");
        for person in &link.people {
            let draft = Draft::new(&link, &person.id);
            let screen = answer_html::Screen {
                when: "",
                now,
                today,
                lang,
            };
            let _ = answer_html::answer_html(&link, Some(&draft), &screen);
            let _ = draft.missing(kind, today, &link);
        }
    }

    // Tracker.
    for sort in [SortKey::Deadline, SortKey::Owner] {
        let _ = tracker_rows(meetings, &TrackerFilter::default(), sort);
    }
    let _ = reminder_counts(meetings, today, 1);
    let _ = standup_groups(meetings, today, &|a: &str, b: &str| a.cmp(b));
    for action in &meeting.actions {
        let _ = due(action, today, 10);
        let _ = due(action, NaiveDate::MIN, 3);
    }
    let rows = tracker_refs(meetings, &TrackerFilter::default(), SortKey::Deadline);
    let _ = action_calendar(&rows, lang, &offset, now, today);
    let cx = ChaseContext {
        lang,
        today,
        soon_days: 10,
        format: ChaseFormat::Markdown,
    };
    for owner in owners_to_chase(&rows, today) {
        let _ = owner_message(&rows, &owner.owner, cx);
    }
    let _ = group_message(&rows, cx);
}
