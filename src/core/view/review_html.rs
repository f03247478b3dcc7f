//! A review card (F5, F6) as HTML text for `innerHTML`: its figures, charts and proposals in one
//! string instead of a view tree per figure, bar and finding, which cost the module several
//! times more (monomorphised view code); the card has nothing to update in place. Every user text goes through `escape_html`; the only markup is
//! what this module writes. The carry buttons carry their finding's position (`data-carry`),
//! read by one click handler on the card.
//!
//! The chart is SVG (the CSP allows no inline styles) with a fixed height in CSS, so its text
//! stays one size however many meetings there are: labelled axes with units, the plan line,
//! every bar named under it, its value on hover and focus, and the same figures as a table for
//! screen readers.

use std::fmt::Write;

use chrono::Datelike;

use crate::core::domain::coaching::{Finding, SeriesReview};
use crate::core::domain::i18n::{tr, Lang, T};
use crate::core::domain::retro::{ActionTally, MeetingLine, RetroGroup};
use crate::core::formats::export::markdown_html::escape_html as esc;
use crate::core::formats::export::review::{
    carried_into, carried_line, coaching_status, quarter_cells, quarter_header,
};

/// Drawing units: the plot's top and bottom, the y axis' x, one bar's step and width.
const TOP: i64 = 40;
const BOTTOM: i64 = 240;
const LEFT: i64 = 110;
const STEP: i64 = 72;
const BAR: i64 = 44;

/// The card of one group: figures, the two charts, the cost line (`cost`, already worded),
/// feedback, the latest notes, then `extra` (the proposals, for a series).
pub fn card(group: &RetroGroup, cost: Option<&str>, extra: &str, lang: Lang) -> String {
    let overrun = match group.average_overrun_minutes() {
        Some(minutes) if minutes < 0 => {
            tr(lang, T::ReviewEarlyAverage, &[&minutes.abs().to_string()])
        }
        Some(minutes) => tr(lang, T::ReviewOverrunAverage, &[&format!("{minutes:+}")]),
        None => T::ReviewNotHeldYet.get(lang).to_owned(),
    };
    let feedback = match group.feedback.responses {
        0 => T::ReviewNoFeedback.get(lang).to_owned(),
        _ => group.feedback.summary(lang),
    };
    let mut html =
        format!(
        "<h2>{}</h2><p class=\"muted\">{}</p>{}<p data-testid=\"retro-overrun\">{overrun}</p>{}\
         <p class=\"cost-line\" data-testid=\"retro-cost\"><strong>{}</strong> {}</p>\
         <p data-testid=\"retro-feedback\">{}</p>",
        esc(&group.label),
        tr(lang, T::ReviewMeetingCount, &[&group.meetings.len().to_string()]),
        achievement(group.actions, lang),
        overrun_chart(&group.meetings, lang),
        T::CostTitle.get(lang),
        esc(cost.unwrap_or_default()),
        esc(&feedback),
    );
    if !group.latest_notes.is_empty() {
        let _ = write!(html, "<h3>{}</h3><ul>", T::ReviewLatestNotes.get(lang));
        for note in &group.latest_notes {
            let _ = write!(html, "<li>{}</li>", esc(note));
        }
        html += "</ul>";
    }
    html + extra
}

/// The achievement rate, and a stacked bar of on time / late / open over a 0–100 % axis, each
/// part named in the legend beside a swatch of its colour.
fn achievement(tally: ActionTally, lang: Lang) -> String {
    let Some(percent) = tally.achievement_percent() else {
        return format!(
            "<p class=\"muted\" data-testid=\"retro-achievement\">{}</p>",
            T::ReviewNoActions.get(lang)
        );
    };
    let parts = [
        (
            tally.on_time,
            "bar-on-time",
            tr(lang, T::ReviewOnTime, &[&tally.on_time.to_string()]),
        ),
        (
            tally.late,
            "bar-late",
            tr(lang, T::ReviewLate, &[&tally.late.to_string()]),
        ),
        (
            tally.open,
            "bar-open",
            tr(
                lang,
                T::ReviewOpen,
                &[&tally.open.to_string(), &tally.overdue.to_string()],
            ),
        ),
    ];
    let label: Vec<&str> = parts.iter().map(|(_, _, text)| text.as_str()).collect();
    let mut html = format!(
        "<p class=\"retro-rate\" data-testid=\"retro-achievement\">{}</p>\
         <svg class=\"chart stacked\" viewBox=\"0 0 1000 6\" preserveAspectRatio=\"none\" role=\"img\" aria-label=\"{}\">",
        tr(lang, T::ReviewOnTimeRate, &[&percent.to_string()]),
        label.join(" · ")
    );
    // Whole numbers on a 1,000-wide box: no float formatting code in the bundle for one chart.
    let total = tally.total().max(1);
    let mut x = 0;
    for (count, class, _) in &parts {
        let width = count * 1000 / total;
        let _ = write!(
            html,
            "<rect class=\"{class}\" x=\"{x}\" y=\"0\" width=\"{width}\" height=\"6\"></rect>"
        );
        x += width;
    }
    html += "</svg><p class=\"chart-ticks\" aria-hidden=\"true\"><span>0%</span><span>50%</span><span>100%</span></p><p class=\"legend\" data-testid=\"retro-legend\">";
    for (index, (_, class, text)) in parts.iter().enumerate() {
        let separator = if index > 0 { " · " } else { "" };
        let _ = write!(
            html,
            "{separator}<span class=\"swatch {class}\" aria-hidden=\"true\"></span>{text}"
        );
    }
    html + "</p>"
}

/// One bar per held meeting over the plan line, up and red over time, down and green under;
/// empty when no meeting of the group was held.
fn overrun_chart(meetings: &[MeetingLine], lang: Lang) -> String {
    let held: Vec<(&MeetingLine, i64)> = meetings
        .iter()
        .filter_map(|line| line.overrun_minutes.map(|minutes| (line, minutes)))
        .collect();
    if held.is_empty() {
        return String::new();
    }
    let most_over = held.iter().map(|(_, m)| *m).max().unwrap_or(0).max(0);
    let most_under = held.iter().map(|(_, m)| -*m).max().unwrap_or(0).max(0);
    let range = (most_over + most_under).max(1);
    // The plan line sits where zero falls between the largest overrun and the earliest finish.
    let zero = TOP + (BOTTOM - TOP) * most_over / range;
    // A margin on the right for the plan line's name.
    let width = LEFT + STEP * held.len() as i64 + 110;
    let caption = T::ReviewOverrunChart.get(lang);
    let (axis, meeting) = (T::ChartMinutesAxis.get(lang), T::ChartMeeting.get(lang));
    let minutes = |m: i64| tr(lang, T::MinutesShort, &[&format!("{m:+}")]);
    let mut svg = format!(
        "<figure class=\"chart-figure\" data-testid=\"overrun-chart\"><figcaption class=\"legend\">{caption}</figcaption>\
         <div class=\"chart-scroll\"><svg class=\"chart overrun\" viewBox=\"0 0 {width} 330\" role=\"group\" aria-label=\"{caption}\">\
         <text class=\"axis-title\" x=\"0\" y=\"24\">{axis}</text>\
         <line class=\"axis\" x1=\"{LEFT}\" y1=\"{}\" x2=\"{LEFT}\" y2=\"{BOTTOM}\"></line>",
        TOP - 10
    );
    let mut tick = |y: i64, text: &str| {
        let _ = write!(
            svg,
            "<text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{text}</text>",
            LEFT - 8,
            y + 8
        );
    };
    if most_over > 0 {
        tick(TOP, &format!("{most_over:+}"));
    }
    if most_under > 0 {
        tick(BOTTOM, &format!("{}", -most_under));
    }
    tick(zero, "0");
    // The plan line is named at its right end, clear of the axis title and the ticks.
    let _ = write!(
        svg,
        "<line class=\"plan-line\" data-testid=\"plan-line\" x1=\"{LEFT}\" y1=\"{zero}\" x2=\"{width}\" y2=\"{zero}\"></line>\
         <text class=\"tick\" x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text>",
        width - 4,
        zero - 8,
        T::ChartPlanLine.get(lang)
    );
    let mut rows = String::new();
    for (index, (line, over)) in held.iter().enumerate() {
        let x = LEFT + 14 + STEP * index as i64;
        let middle = x + BAR / 2;
        let height = (over.abs() * (BOTTOM - TOP) / range).max(3);
        let (y, class, value_y) = match *over > 0 {
            true => (zero - height, "bar-over", zero - height - 8),
            false => (zero, "bar-under", zero + height + 26),
        };
        let short = match line.date {
            Some(d) => format!("{}/{}", d.month(), d.day()),
            None => format!("#{}", index + 1),
        };
        let said = esc(&format!("{}: {}", line.label(lang), minutes(*over)));
        let _ = write!(
            svg,
            "<g class=\"bar-g\" tabindex=\"0\" role=\"img\" aria-label=\"{said}\" data-testid=\"overrun-bar\"><title>{said}</title>\
             <rect class=\"{class}\" x=\"{x}\" y=\"{y}\" width=\"{BAR}\" height=\"{height}\"></rect>\
             <text class=\"bar-value\" x=\"{middle}\" y=\"{value_y}\" text-anchor=\"middle\">{over:+}</text>\
             <text class=\"bar-name\" x=\"{middle}\" y=\"{}\" text-anchor=\"middle\">{short}</text></g>",
            BOTTOM + 50
        );
        let _ = write!(
            rows,
            "<tr><th scope=\"row\">{}</th><td>{}</td></tr>",
            esc(&line.label(lang)),
            minutes(*over)
        );
    }
    let _ = write!(
        svg,
        "<text class=\"axis-title\" x=\"{}\" y=\"326\" text-anchor=\"end\">{meeting}</text></svg></div>\
         <table class=\"sr-only\" data-testid=\"overrun-table\"><caption>{caption}</caption>\
         <thead><tr><th scope=\"col\">{meeting}</th><th scope=\"col\">{axis}</th></tr></thead>\
         <tbody>{rows}</tbody></table></figure>",
        width - 4
    );
    svg
}

/// The proposals for a series' next meeting, the changes carried before with how they did, and
/// the last two quarters side by side. `previews[i]` says what carrying finding `i` would change
/// (`None`: nothing left to change in the next meeting).
pub fn coaching(review: &SeriesReview<'_>, previews: &[Option<String>], lang: Lang) -> String {
    let mut html = format!(
        "<section class=\"coach\" data-testid=\"coach\"><h3>{}</h3><p class=\"muted\" data-testid=\"coach-status\">{}</p><ol class=\"coach-findings\">",
        T::CoachTitle.get(lang),
        coaching_status(review, lang)
    );
    for (index, finding) in review.coaching.findings.iter().enumerate() {
        finding_item(
            &mut html,
            review,
            finding,
            previews.get(index).cloned().flatten(),
            index,
            lang,
        );
    }
    html += "</ol>";
    // With nothing to carry into, one click plans the next meeting as a copy of the latest.
    if review.next.is_none() && review.coaching.findings.iter().any(|f| f.change.is_some()) {
        let _ = write!(
            html,
            "<button type=\"button\" data-testid=\"plan-next\" data-carry=\"next\">{}</button>",
            T::CoachPlanNext.get(lang)
        );
    }
    html += "</section>";
    if !review.carried.is_empty() {
        let _ = write!(
            html,
            "<h3>{}</h3><ul data-testid=\"carried-results\">",
            T::CoachResultsTitle.get(lang)
        );
        for result in &review.carried {
            let _ = write!(html, "<li>{}</li>", esc(&carried_line(result, lang)));
        }
        html += "</ul>";
    }
    if !review.quarters.is_empty() {
        let _ = write!(
            html,
            "<h3>{}</h3><div class=\"table-scroll\"><table class=\"quarters\" data-testid=\"quarters\"><thead><tr>",
            T::CoachQuarters.get(lang)
        );
        for header in quarter_header(lang) {
            let _ = write!(html, "<th scope=\"col\">{header}</th>");
        }
        html += "</tr></thead><tbody>";
        for quarter in &review.quarters {
            let [label, rest @ ..] = quarter_cells(quarter);
            let _ = write!(html, "<tr><th scope=\"row\">{}</th>", esc(&label));
            for cell in rest {
                let _ = write!(html, "<td>{cell}</td>");
            }
            html += "</tr>";
        }
        html += "</tbody></table></div>";
    }
    html
}

fn finding_item(
    html: &mut String,
    review: &SeriesReview<'_>,
    finding: &Finding,
    preview: Option<String>,
    index: usize,
    lang: Lang,
) {
    use crate::core::domain::choice::Choice;
    let [seen, why, change] = finding.texts(lang).map(|text| esc(&text));
    let _ = write!(
        html,
        "<li class=\"coach-finding\" data-testid=\"finding\" data-rule=\"{}\"><p><strong>{seen}</strong></p>\
         <p class=\"muted\">{}: {why}</p><p class=\"finding-change\">→ {change}</p><p class=\"muted evidence\">{}: ",
        finding.rule.key(),
        T::CoachWhy.get(lang),
        T::CoachEvidence.get(lang)
    );
    for (at, id) in finding.evidence.iter().enumerate() {
        let separator = if at > 0 { ", " } else { "" };
        let _ = write!(
            html,
            "{separator}<a href=\"#/m/{}/follow-up\">{}</a>",
            esc(id),
            esc(&review.meeting_label(id, lang))
        );
    }
    html.push_str("</p>");
    let carried = carried_into(review, finding);
    let _ = match (&finding.change, carried, review.next, preview) {
        (None, ..) => write!(html, "<p class=\"muted\">{}</p>", T::CoachAdviceOnly.get(lang)),
        (_, Some(title), ..) => write!(
            html,
            "<p class=\"ok\" data-testid=\"carried\">{}</p>",
            esc(&tr(lang, T::CoachCarriedInto, &[title]))
        ),
        (_, None, None, _) => write!(html, "<p class=\"muted\">{}</p>", T::CoachNoNext.get(lang)),
        (_, None, Some(_), None) => write!(html, "<p class=\"muted\">{}</p>", T::CoachAlreadyFollows.get(lang)),
        (_, None, Some(_), Some(what)) => write!(
            html,
            "<p class=\"carry-preview\" data-testid=\"carry-preview\">{}</p>\
             <button type=\"button\" class=\"primary\" data-testid=\"carry\" data-carry=\"{index}\">{}</button>",
            esc(&what),
            T::CoachCarry.get(lang)
        ),
    };
    html.push_str("</li>");
}
