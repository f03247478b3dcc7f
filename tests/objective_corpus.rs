//! The P3 objective check over a labelled corpus (`tests/fixtures/objectives.tsv`): at most 3 % of
//! good objectives flagged, at least 95 % of vague ones caught (issue 14, point 5). "Flagged"
//! means any issue for a non-empty objective. Run with `--nocapture` to see the figures; every
//! misclassified line is printed either way when the test fails.

use crossmeet::core::domain::checks::{objective_issue, ObjectiveIssue};

const CORPUS: &str = include_str!("fixtures/objectives.tsv");

struct Row<'a> {
    line: usize,
    vague: bool,
    lang: &'a str,
    hard: bool,
    text: &'a str,
}

fn rows() -> Vec<Row<'static>> {
    let mut rows = Vec::new();
    let mut header_seen = false;
    for (index, line) in CORPUS.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            fields.len(),
            4,
            "line {}: expected 4 tab-separated fields",
            index + 1
        );
        if !header_seen {
            assert_eq!(fields, ["label", "lang", "case", "objective"], "header");
            header_seen = true;
            continue;
        }
        let vague = match fields[0] {
            "good" => false,
            "vague" => true,
            other => panic!("line {}: unknown label {other:?}", index + 1),
        };
        assert!(matches!(fields[1], "zh" | "en"), "line {}: lang", index + 1);
        assert!(
            matches!(fields[2], "plain" | "hard"),
            "line {}: case",
            index + 1
        );
        assert!(
            !fields[3].trim().is_empty(),
            "line {}: empty objective",
            index + 1
        );
        rows.push(Row {
            line: index + 1,
            vague,
            lang: fields[1],
            hard: fields[2] == "hard",
            text: fields[3],
        });
    }
    rows
}

/// Counts: (good, good flagged, vague, vague flagged).
fn tally<'a>(rows: impl Iterator<Item = &'a Row<'a>>) -> (usize, usize, usize, usize) {
    let mut counts = (0, 0, 0, 0);
    for row in rows {
        let flagged = objective_issue(row.text).is_some();
        if row.vague {
            counts.2 += 1;
            counts.3 += usize::from(flagged);
        } else {
            counts.0 += 1;
            counts.1 += usize::from(flagged);
        }
    }
    counts
}

fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

#[test]
fn corpus_is_large_and_balanced() {
    let rows = rows();
    assert!(rows.len() >= 240, "{} objectives", rows.len());
    for lang in ["zh", "en"] {
        for vague in [false, true] {
            let n = rows
                .iter()
                .filter(|r| r.lang == lang && r.vague == vague)
                .count();
            assert!(n >= 55, "{lang} vague={vague}: only {n}");
        }
    }
    let mut texts: Vec<&str> = rows.iter().map(|r| r.text).collect();
    let total = texts.len();
    crossmeet::core::domain::order::sort_by(&mut texts, |a, b| a.cmp(b));
    texts.dedup();
    assert_eq!(texts.len(), total, "duplicate objectives in the corpus");
}

#[test]
fn objective_check_meets_its_targets() {
    let rows = rows();
    for row in &rows {
        let flagged = objective_issue(row.text);
        if flagged.is_some() != row.vague {
            eprintln!(
                "MISS line {} [{} {}{}] {:?}: got {:?}",
                row.line,
                if row.vague { "vague" } else { "good" },
                row.lang,
                if row.hard { " hard" } else { "" },
                row.text,
                flagged
            );
        }
        assert_ne!(flagged, Some(ObjectiveIssue::Empty), "line {}", row.line);
    }
    for (name, lang) in [("zh", Some("zh")), ("en", Some("en")), ("all", None)] {
        let (good, good_flagged, vague, vague_flagged) =
            tally(rows.iter().filter(|r| lang.is_none_or(|l| r.lang == l)));
        let precision = percent(vague_flagged, vague_flagged + good_flagged);
        eprintln!(
            "{name}: {good} good ({good_flagged} flagged, {:.1} %), {vague} vague ({vague_flagged} caught); \
             \"vague\" precision {precision:.1} %, recall {:.1} %",
            percent(good_flagged, good),
            percent(vague_flagged, vague),
        );
    }
    let (good, good_flagged, vague, vague_flagged) = tally(rows.iter());
    assert!(
        good_flagged * 100 <= good * 3,
        "{good_flagged} of {good} good objectives flagged (target ≤ 3 %)"
    );
    assert!(
        vague_flagged * 100 >= vague * 95,
        "{vague_flagged} of {vague} vague objectives caught (target ≥ 95 %)"
    );
}
