//! The review's proposals (F6) over a labelled corpus (`tests/fixtures/review-series.tsv`): of
//! the changes a facilitator would propose, the review proposes at least 90 %; for at least 95 %
//! of the series it proposes nothing the facilitator would not. Run with `--nocapture` to see the
//! figures; every disagreement is printed either way.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/series.rs"]
mod series;

use std::collections::BTreeSet;

use chrono::{FixedOffset, NaiveDate};

use crossmeet::core::domain::choice::Choice;
use crossmeet::core::domain::coaching::{coach, Rule};

const CORPUS: &str = include_str!("fixtures/review-series.tsv");

fn short_name(rule: Rule) -> &'static str {
    match rule {
        Rule::ReportsOverrun => "reports",
        Rule::DepartmentDominates => "dominates",
        Rule::DepartmentUnheard => "unheard",
        Rule::ActionsLate => "late",
        Rule::PreReadsLate => "prereads",
        Rule::NoticeShort => "notice",
        Rule::AwkwardSlot => "slot",
        Rule::ManyLeaves => "leaves",
        Rule::LargeAttendance => "large",
        Rule::TimeFeedbackLow => "time",
        Rule::MaterialsFeedbackLow => "materials",
    }
}

#[test]
fn the_review_proposes_what_a_facilitator_would() {
    let known: BTreeSet<&str> = Rule::CHOICES.iter().map(|r| short_name(*r)).collect();
    let zone = FixedOffset::east_opt(8 * 3600).unwrap();
    let today = NaiveDate::from_ymd_opt(2027, 1, 20).unwrap();
    let (mut expected_total, mut proposed_right, mut series_count, mut clean) = (0, 0, 0, 0);
    let mut disagreements = Vec::new();
    let mut lines = CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'));
    assert_eq!(lines.next(), Some("id\texpected\twhy\tseries"), "header");
    for line in lines {
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(fields.len(), 4, "four fields: {line}");
        let expected: BTreeSet<&str> = match fields[1] {
            "-" => BTreeSet::new(),
            list => list.split(',').collect(),
        };
        assert!(expected.is_subset(&known), "unknown label in {line}");
        let meetings = series::series(fields[3]);
        let proposed: BTreeSet<&str> = coach(&meetings.iter().collect::<Vec<_>>(), today, &zone)
            .findings
            .iter()
            .map(|f| short_name(f.rule))
            .collect();
        series_count += 1;
        expected_total += expected.len();
        proposed_right += expected.intersection(&proposed).count();
        if proposed.is_subset(&expected) {
            clean += 1;
        }
        if proposed != expected {
            disagreements.push(format!(
                "  #{} {}: expected {expected:?}, proposed {proposed:?}",
                fields[0], fields[2]
            ));
        }
    }
    assert_eq!(series_count, 40, "the corpus has 40 series");
    let recall = proposed_right * 100 / expected_total;
    let nothing_wrong = clean * 100 / series_count;
    println!(
        "review corpus: {proposed_right} of {expected_total} expected changes proposed ({recall} %); \
         {clean} of {series_count} series with nothing wrong proposed ({nothing_wrong} %)"
    );
    for line in &disagreements {
        println!("{line}");
    }
    assert!(
        recall >= 90 && nothing_wrong >= 95,
        "recall {recall} % (needs 90), nothing wrong in {nothing_wrong} % (needs 95):\n{}",
        disagreements.join("\n")
    );
}
