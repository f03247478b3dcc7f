//! The review (F5) with its proposals (F6) as GFM Markdown (to file, send or print) and its
//! proposals as CSV, one row per finding, in the user's language.

use crate::core::domain::coaching::{CarriedResult, Finding, Outcome, SeriesReview};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::retro::RetroGroup;
use crate::core::formats::csv::CsvWriter;
use crate::core::formats::export::markdown::escape_inline;

/// A quarter's row of the comparison: quarter, meetings held, actions on time, average overrun,
/// average rating ("–" where there is nothing to show).
pub fn quarter_cells(quarter: &RetroGroup) -> [String; 5] {
    let dash = || "–".to_owned();
    let held = quarter
        .meetings
        .iter()
        .filter(|m| m.overrun_minutes.is_some())
        .count();
    [
        quarter.label.clone(),
        held.to_string(),
        quarter
            .actions
            .achievement_percent()
            .map_or_else(dash, |p| format!("{p}%")),
        quarter
            .average_overrun_minutes()
            .map_or_else(dash, |m| format!("{m:+}")),
        quarter
            .feedback
            .rating_tenths()
            .map_or_else(dash, |t| format!("{}.{}", t / 10, t % 10)),
    ]
}

/// The quarter comparison's header, in the order of [`quarter_cells`].
pub fn quarter_header(lang: Lang) -> [&'static str; 5] {
    [
        T::CoachColQuarter,
        T::CoachColHeld,
        T::CoachColOnTime,
        T::CoachColOverrun,
        T::CoachColRating,
    ]
    .map(|key| key.get(lang))
}

/// A carried change in a line: what it was, its figure before and after, and the verdict.
pub fn carried_line(result: &CarriedResult<'_>, lang: Lang) -> String {
    let (_, _, change) = result.change.rule.texts();
    let percent = |value: Option<usize>| value.map_or_else(|| "–".to_owned(), |p| format!("{p}%"));
    let verdict = match result.outcome() {
        Outcome::Improved => T::CoachImproved,
        Outcome::NotImproved => T::CoachNotImproved,
        Outcome::TooEarly => T::CoachTooEarly,
    };
    format!(
        "{}: {} · {}",
        tr(lang, change, &[&result.change.subject]),
        tr(
            lang,
            T::CoachResult,
            &[&percent(result.before), &percent(result.after)]
        ),
        verdict.get(lang)
    )
}

/// The title of the next meeting when `finding`'s rule was already carried into it.
pub fn carried_into<'a>(review: &'a SeriesReview<'_>, finding: &Finding) -> Option<&'a str> {
    review
        .next
        .filter(|next| next.carried.iter().any(|c| c.rule == finding.rule))
        .map(|next| next.title.as_str())
}

/// The evidence of a finding as the meetings' titles and dates.
pub fn evidence_text(review: &SeriesReview<'_>, finding: &Finding, lang: Lang) -> String {
    let labels: Vec<String> = finding
        .evidence
        .iter()
        .map(|id| review.meeting_label(id, lang))
        .collect();
    labels.join("; ")
}

/// The whole review as Markdown.
pub fn review_markdown(reviews: &[SeriesReview<'_>], lang: Lang) -> String {
    let mut md = format!("# {}\n", T::ReviewTitle.get(lang));
    for review in reviews {
        let group = &review.group;
        md += &format!("\n## {}\n\n", escape_inline(&group.label));
        md += &format!(
            "- {}\n",
            tr(
                lang,
                T::ReviewMeetingCount,
                &[&group.meetings.len().to_string()]
            )
        );
        if let Some(percent) = group.actions.achievement_percent() {
            md += &format!(
                "- {}\n",
                tr(lang, T::ReviewOnTimeRate, &[&percent.to_string()])
            );
        }
        if let Some(minutes) = group.average_overrun_minutes() {
            md += &format!(
                "- {}\n",
                tr(lang, T::ReviewOverrunAverage, &[&format!("{minutes:+}")])
            );
        }
        if group.feedback.responses > 0 {
            md += &format!("- {}\n", group.feedback.summary(lang));
        }
        if review.series_id.is_some() {
            md += &format!("\n### {}\n\n", T::CoachTitle.get(lang));
            md += &coaching_status(review, lang);
            md += "\n\n";
            for (index, finding) in review.coaching.findings.iter().enumerate() {
                let [seen, why, change] = finding.texts(lang);
                md += &format!("{}. **{}**  \n", index + 1, escape_inline(&seen));
                md += &format!("   {}: {}  \n", T::CoachWhy.get(lang), escape_inline(&why));
                let carried = carried_into(review, finding)
                    .map(|title| format!(" ({})", tr(lang, T::CoachCarriedInto, &[title])))
                    .unwrap_or_default();
                md += &format!(
                    "   → {}{}  \n",
                    escape_inline(&change),
                    escape_inline(&carried)
                );
                md += &format!(
                    "   {}: {}\n",
                    T::CoachEvidence.get(lang),
                    escape_inline(&evidence_text(review, finding, lang))
                );
            }
        }
        if !review.carried.is_empty() {
            md += &format!("\n### {}\n\n", T::CoachResultsTitle.get(lang));
            for result in &review.carried {
                md += &format!("- {}\n", escape_inline(&carried_line(result, lang)));
            }
        }
        if !review.quarters.is_empty() {
            md += &format!("\n### {}\n\n", T::CoachQuarters.get(lang));
            md += &table_row(&quarter_header(lang).map(str::to_owned));
            md += &"|---".repeat(5);
            md += "|\n";
            for quarter in &review.quarters {
                md += &table_row(&quarter_cells(quarter));
            }
        }
        if !group.latest_notes.is_empty() {
            md += &format!("\n### {}\n\n", T::ReviewLatestNotes.get(lang));
            for note in &group.latest_notes {
                md += &format!("- {}\n", escape_inline(note));
            }
        }
    }
    md
}

/// A row of the quarter table: the app's own labels and figures, nothing typed, so nothing to
/// escape (a leading minus stays a minus).
fn table_row(cells: &[String]) -> String {
    format!("| {} |\n", cells.join(" | "))
}

/// "From the last N meetings", or why there are no proposals.
pub fn coaching_status(review: &SeriesReview<'_>, lang: Lang) -> String {
    let looked_at = review.coaching.window.len().to_string();
    let key = if review.coaching.window.len() < crate::core::domain::coaching::ENOUGH_MEETINGS {
        T::CoachNotEnough
    } else if review.coaching.findings.is_empty() {
        T::CoachNone
    } else {
        T::CoachWindow
    };
    tr(lang, key, &[&looked_at])
}

/// The proposals as CSV: one row per finding, series by series.
pub fn review_csv(reviews: &[SeriesReview<'_>], lang: Lang) -> String {
    let header: Vec<&str> = T::CoachCsvHeader.get(lang).split(',').collect();
    let mut file = CsvWriter::new(&header);
    for review in reviews {
        for finding in &review.coaching.findings {
            let [seen, why, change] = finding.texts(lang);
            let evidence = evidence_text(review, finding, lang);
            let carried = carried_into(review, finding).unwrap_or_default();
            file.row(&[
                &review.group.label,
                &seen,
                &why,
                &change,
                &evidence,
                carried,
            ]);
        }
    }
    file.finish()
}
