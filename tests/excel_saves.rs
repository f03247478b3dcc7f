//! The tracker CSV saved back by a spreadsheet in each form Excel, WPS and LibreOffice write
//! (issue 18): UTF-8 with and without a byte-order mark, GB18030 (Excel's plain "CSV" on Chinese
//! Windows), UTF-16 "Unicode text" with tabs, and semicolons (a European-locale Excel). Read
//! through `core::formats::text_file` and `core::formats::csv`, every form gives the rows the app wrote, and an
//! unedited one changes nothing.
#![cfg(not(target_arch = "wasm32"))]

use chrono::NaiveDate;
use proptest::prelude::*;

use crossmeet::core::domain::i18n::Lang;
use crossmeet::core::domain::model::{ActionItem, ActionStatus, Meeting, ProgressNote};
use crossmeet::core::formats::csv;
use crossmeet::core::formats::export::csv::tracker_csv;
use crossmeet::core::formats::text_file::{decode_text, Encoding};
use crossmeet::core::formats::tracker_export::TrackerExport;
use crossmeet::core::formats::tracker_import::{plan_tracker_import, CellChange, TrackerPlan};

/// What the browser's `TextDecoder("gb18030", {fatal: true})` does.
fn gb18030(bytes: &[u8]) -> Option<String> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| text.into_owned())
}

/// The forms a sheet is saved in: the separator, then how the text becomes bytes.
const FORMS: [(&str, char, Encoding); 6] = [
    ("Excel: CSV UTF-8", ',', Encoding::Utf8Bom),
    ("LibreOffice, WPS: CSV UTF-8", ',', Encoding::Utf8),
    ("Excel on Chinese Windows: CSV", ',', Encoding::Gb18030),
    ("Excel: Unicode text", '\t', Encoding::Utf16Le),
    ("Unicode text, big-endian", '\t', Encoding::Utf16Be),
    ("Excel, European locale: CSV", ';', Encoding::Utf8Bom),
];

/// The cells as the spreadsheet shows them. The apostrophe the app writes before a formula-like
/// cell (see `core::formats::csv`) is text to the sheet, so it is saved back.
fn sheet(exported: &str) -> Vec<Vec<String>> {
    let shown = |cell: String| {
        if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']) {
            format!("'{cell}")
        } else {
            cell
        }
    };
    csv::parse(exported)
        .unwrap()
        .into_iter()
        .map(|(_, cells)| cells.into_iter().map(shown).collect())
        .collect()
}

/// The sheet written as a spreadsheet writes it: a cell holding the separator, a quote or a line
/// break is quoted, rows end in CRLF, then the text is encoded.
fn save(sheet: &[Vec<String>], separator: char, encoding: Encoding) -> Vec<u8> {
    let mut text = String::new();
    for row in sheet {
        for (index, cell) in row.iter().enumerate() {
            if index > 0 {
                text.push(separator);
            }
            if cell.contains([separator, '"', '\n', '\r']) {
                text.push('"');
                text.push_str(&cell.replace('"', "\"\""));
                text.push('"');
            } else {
                text.push_str(cell);
            }
        }
        text.push_str("\r\n");
    }
    let utf16 = |bom: [u8; 2], unit: fn(u16) -> [u8; 2]| {
        let mut bytes = bom.to_vec();
        text.encode_utf16().for_each(|u| bytes.extend(unit(u)));
        bytes
    };
    match encoding {
        Encoding::Utf8Bom => [b"\xEF\xBB\xBF", text.as_bytes()].concat(),
        Encoding::Utf8 => text.into_bytes(),
        Encoding::Utf16Le => utf16([0xFF, 0xFE], u16::to_le_bytes),
        Encoding::Utf16Be => utf16([0xFE, 0xFF], u16::to_be_bytes),
        Encoding::Gb18030 => {
            let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
            assert!(!unmappable);
            bytes.into_owned()
        }
    }
}

/// Every saved form of `exported` read back: the form's name, its rows and its import plan
/// against the exports kept on the device.
fn read_back(
    exported: &str,
    meetings: &[Meeting],
    kept: &[TrackerExport],
) -> Vec<(&'static str, Vec<csv::Row>, TrackerPlan)> {
    let sheet = sheet(exported);
    FORMS
        .iter()
        .filter_map(|&(name, separator, encoding)| {
            let bytes = save(&sheet, separator, encoding);
            // GB18030 bytes that are valid UTF-8 too are read as UTF-8 (see `core::formats::text_file`);
            // only a file without a Chinese header and with very little Chinese text can be both.
            if encoding == Encoding::Gb18030 && std::str::from_utf8(&bytes).is_ok() {
                return None;
            }
            let decoded = decode_text(&bytes, gb18030).unwrap();
            assert_eq!(decoded.encoding, encoding, "{name}");
            let rows = csv::parse(&decoded.text).unwrap();
            let plan = plan_tracker_import(&decoded.text, meetings, kept).unwrap();
            Some((name, rows, plan))
        })
        .collect()
}

fn sample_meetings() -> Vec<Meeting> {
    vec![Meeting {
        id: "m1".into(),
        title: "周会; Q4, \"评审\"".into(),
        actions: vec![
            ActionItem {
                id: "a1".into(),
                task: "完成技术方案初稿\t附图".into(),
                owner: "张工".into(),
                acceptance: "通过评审\n附架构图".into(),
                deadline: NaiveDate::from_ymd_opt(2026, 12, 10),
                status: ActionStatus::InProgress,
                progress: vec![
                    ProgressNote {
                        on: NaiveDate::from_ymd_opt(2026, 12, 1),
                        text: "已启动".into(),
                    },
                    ProgressNote {
                        on: None,
                        text: "等待 \"法务\" 意见".into(),
                    },
                ],
                ..ActionItem::default()
            },
            ActionItem {
                id: "a2".into(),
                task: "=SUM(A1)".into(),
                owner: "'Li".into(),
                ..ActionItem::default()
            },
        ],
        ..Meeting::default()
    }]
}

#[test]
fn every_saved_form_reads_as_the_export_and_changes_nothing() {
    let meetings = sample_meetings();
    for lang in [Lang::Zh, Lang::En] {
        let (exported, export) = tracker_csv(&meetings, lang, "3f9a2c1d");
        let rows = csv::parse(&exported).unwrap();
        let forms = read_back(&exported, &meetings, &[export]);
        assert_eq!(forms.len(), FORMS.len(), "every form, in {lang:?}");
        for (name, read, plan) in forms {
            assert_eq!(read, rows, "{name}, {lang:?}");
            // The export id in the header survives every form: the export is recognised.
            let unchanged = TrackerPlan {
                unchanged: 2,
                export_known: true,
                ..TrackerPlan::default()
            };
            assert_eq!(plan, unchanged, "{name}, {lang:?}");
        }
    }
}

#[test]
fn an_edit_saved_as_gb18030_is_the_one_change() {
    let meetings = sample_meetings();
    let (exported, export) = tracker_csv(&meetings, Lang::Zh, "3f9a2c1d");
    let mut sheet = sheet(&exported);
    sheet[1][6] = "已完成".into();
    let bytes = save(&sheet, ',', Encoding::Gb18030);
    let text = decode_text(&bytes, gb18030).unwrap().text;
    let plan = plan_tracker_import(&text, &meetings, &[export]).unwrap();
    assert!(plan.export_known);
    assert_eq!(plan.problems, vec![]);
    assert_eq!(plan.unchanged, 1);
    let [update] = &plan.updates[..] else {
        panic!("one update expected: {plan:?}");
    };
    assert_eq!(
        update.status,
        Some(CellChange {
            app: ActionStatus::InProgress,
            sheet: ActionStatus::Done,
            conflict: false,
            take_sheet: true
        })
    );
    assert_eq!((update.deadline, update.new_notes.len()), (None, 0));
}

/// Texts full of what the forms treat differently: every separator, quotes, line breaks, the
/// formula starters the app guards, Chinese and an emoji.
fn cell_text() -> impl Strategy<Value = String> {
    let chars = prop::sample::select(vec![
        'a', 'Z', '7', ' ', ',', ';', '\t', '"', '\'', '=', '+', '-', '@', '\n', '\r', '中', '编',
        '号', '“', '。', '😀',
    ]);
    prop::collection::vec(chars, 0..12).prop_map(String::from_iter)
}

fn action(index: usize) -> impl Strategy<Value = ActionItem> {
    let note = (any::<bool>(), cell_text()).prop_map(|(dated, text)| ProgressNote {
        on: dated.then(|| NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()),
        text,
    });
    (
        (cell_text(), cell_text(), cell_text(), cell_text()),
        prop::option::of(0..400u64),
        prop::sample::select(ActionStatus::ALL.to_vec()),
        prop::collection::vec(note, 0..3),
    )
        .prop_map(
            move |((task, owner, department, acceptance), days, status, progress)| ActionItem {
                id: format!("a{index}"),
                task,
                owner,
                department,
                acceptance,
                deadline: days
                    .map(|d| NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(d)),
                status,
                progress,
                ..ActionItem::default()
            },
        )
}

fn meeting() -> impl Strategy<Value = Meeting> {
    let actions = (0..4usize).map(action).collect::<Vec<_>>();
    (cell_text(), actions).prop_map(|(title, actions)| Meeting {
        id: "m1".into(),
        title,
        actions,
        ..Meeting::default()
    })
}

proptest! {
    #[test]
    fn any_tracker_reads_back_alike_in_every_saved_form(
        meeting in meeting(),
        english in any::<bool>(),
        export_id in "[a-zA-Z0-9]{1,16}",
    ) {
        let meetings = vec![meeting];
        let (exported, export) =
            tracker_csv(&meetings, if english { Lang::En } else { Lang::Zh }, &export_id);
        let rows = csv::parse(&exported).unwrap();
        let unchanged = TrackerPlan {
            unchanged: meetings[0].actions.len(),
            export_known: true,
            ..TrackerPlan::default()
        };
        for (name, read, plan) in read_back(&exported, &meetings, std::slice::from_ref(&export)) {
            prop_assert_eq!(&read, &rows, "{}", name);
            prop_assert_eq!(&plan, &unchanged, "{}", name);
        }
    }
}
