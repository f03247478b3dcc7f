//! The iCalendar format (RFC 5545) that both calendar files are written in: CRLF line ends, lines
//! folded at 75 octets without splitting a UTF-8 character, TEXT values escaped, times in UTC or
//! as all-day dates.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

/// A calendar being written, one content line at a time.
pub struct Ical {
    out: String,
}

impl Ical {
    /// `BEGIN:VCALENDAR` and the properties every file of ours carries.
    pub fn begin() -> Ical {
        let mut ical = Ical {
            out: String::with_capacity(4096),
        };
        for line in [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//CrossMeet//CrossMeet 0.1//ZH",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        ] {
            ical.raw(line, "");
        }
        ical
    }

    /// `name` + `value` as they are: for values that are not TEXT (dates, rules, numbers).
    pub fn raw(&mut self, name: &str, value: &str) {
        let start = self.out.len();
        self.out.push_str(name);
        self.out.push_str(value);
        fold_from(&mut self.out, start);
    }

    /// `name:` + a TEXT value, escaped (RFC 5545 §3.3.11).
    pub fn text(&mut self, name: &str, value: &str) {
        let start = self.out.len();
        self.out.push_str(name);
        self.out.push(':');
        escape_into(&mut self.out, value);
        fold_from(&mut self.out, start);
    }

    /// `END:VCALENDAR`, and the file.
    pub fn finish(mut self) -> String {
        self.raw("END:VCALENDAR", "");
        self.out
    }
}

/// `20261201T060000Z`.
pub fn utc(at: DateTime<Utc>) -> String {
    format!(
        "{}T{:02}{:02}{:02}Z",
        date(at.date_naive()),
        at.hour(),
        at.minute(),
        at.second()
    )
}

/// `20261201`, an all-day DATE value.
pub fn date(day: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

fn escape_into(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
}

/// Folds the line written since `start` into chunks of at most 75 octets, each continuation
/// starting with a space, and ends it with CRLF (RFC 5545 §3.1).
fn fold_from(out: &mut String, start: usize) {
    if out.len() - start > 75 {
        let line = out.split_off(start);
        let mut used = 0;
        for c in line.chars() {
            let width = c.len_utf8();
            if used + width > 75 {
                out.push_str("\r\n ");
                used = 1;
            }
            out.push(c);
            used += width;
        }
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_line(name: &str, value: &str) -> String {
        let mut ical = Ical { out: String::new() };
        ical.text(name, value);
        ical.out
    }

    #[test]
    fn lines_fold_at_75_octets_without_splitting_characters() {
        let folded = one_line("DESCRIPTION", &"会议".repeat(40));
        for line in folded.split("\r\n").filter(|line| !line.is_empty()) {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded: String = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("DESCRIPTION:{}\r\n", "会议".repeat(40)));
    }

    #[test]
    fn text_values_are_escaped() {
        assert_eq!(
            one_line("SUMMARY", "a,b;c\\d\r\ne"),
            "SUMMARY:a\\,b\\;c\\\\d\\ne\r\n"
        );
    }

    #[test]
    fn dates_and_times_are_basic_format() {
        let at = Utc.with_ymd_and_hms(2026, 12, 1, 6, 5, 9).unwrap();
        assert_eq!(utc(at), "20261201T060509Z");
        assert_eq!(date(at.date_naive()), "20261201");
    }

    use chrono::TimeZone;
}
