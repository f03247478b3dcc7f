//! A user's chosen file, as bytes, turned into text the way it was written (issue 18).
//!
//! A tracker CSV leaves the app as UTF-8 with a byte-order mark, but comes back however the
//! owner's spreadsheet saved it: Excel's "CSV UTF-8" keeps the mark, its plain "CSV" on Chinese
//! Windows writes GB18030 (GBK) without one, and its "Unicode text" writes UTF-16LE with a mark.
//! Every importer reads its file through [`decode_text`], so each of them accepts all of these
//! and refuses a workbook or other binary file with a reason instead of a confusing parse error.

use crate::core::domain::i18n::{tr, Lang, T};

/// How the file's text was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 behind a byte-order mark: the app's own exports and Excel's "CSV UTF-8".
    Utf8Bom,
    /// UTF-8 without a mark: LibreOffice, WPS, text editors, the app's JSON files.
    Utf8,
    /// UTF-16 behind a byte-order mark: Excel's "Unicode text" (little-endian).
    Utf16Le,
    Utf16Be,
    /// Neither of the above: the legacy code page of Chinese Windows, read as GB18030 (a superset
    /// of GBK and GB2312).
    Gb18030,
}

/// A file read as text, without its byte-order mark.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DecodedText {
    pub text: String,
    pub encoding: Encoding,
}

/// Why a file gave no text; the importer changes nothing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextFileError {
    /// An Excel workbook (a zip archive) chosen instead of a CSV saved from it.
    Xlsx,
    /// An Excel 97–2003 workbook (an OLE compound file).
    Xls,
    /// Not text in UTF-8, UTF-16 or GB18030, or text holding NUL characters, which no text file
    /// the app reads contains: an image, an archive, a program's own format.
    NotText,
}

impl TextFileError {
    pub fn message(self, lang: Lang) -> String {
        match self {
            TextFileError::Xlsx => tr(lang, T::TextFileWorkbook, &[T::TextFileXlsx.get(lang)]),
            TextFileError::Xls => tr(lang, T::TextFileWorkbook, &[T::TextFileXls.get(lang)]),
            TextFileError::NotText => T::TextFileNotText.get(lang).to_owned(),
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";
const UTF16_LE_BOM: &[u8] = b"\xFF\xFE";
const UTF16_BE_BOM: &[u8] = b"\xFE\xFF";
/// Every zip archive starts with a local file header; `.xlsx` (and WPS's `.xlsx`) is one.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The OLE compound file signature of `.xls` (and `.et`, `.doc`).
const OLE_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

/// Reads `bytes` as text the way they were written: a byte-order mark decides; without one the
/// file is UTF-8 if it is valid UTF-8, and otherwise GB18030 through `legacy`, which returns
/// `None` for bytes that are not valid GB18030. The decoder is injected because the browser has
/// one built in (`TextDecoder`), where a Rust one would add its tables to the download.
///
/// Strict UTF-8 comes first because UTF-8 text is often valid GB18030 too (and garbled when read
/// so), while GB18030 Chinese text is almost never valid UTF-8: most characters' bytes are not,
/// and a tracker exported in Chinese has a Chinese header row.
pub fn decode_text(
    bytes: &[u8],
    legacy: impl FnOnce(&[u8]) -> Option<String>,
) -> Result<DecodedText, TextFileError> {
    if bytes.starts_with(ZIP_MAGIC) {
        return Err(TextFileError::Xlsx);
    }
    if bytes.starts_with(OLE_MAGIC) {
        return Err(TextFileError::Xls);
    }
    let utf8 = |bytes: &[u8]| String::from_utf8(bytes.to_vec()).ok();
    let (encoding, text) = if let Some(rest) = bytes.strip_prefix(UTF8_BOM) {
        (Encoding::Utf8Bom, utf8(rest))
    } else if let Some(rest) = bytes.strip_prefix(UTF16_LE_BOM) {
        (Encoding::Utf16Le, utf16(rest, u16::from_le_bytes))
    } else if let Some(rest) = bytes.strip_prefix(UTF16_BE_BOM) {
        (Encoding::Utf16Be, utf16(rest, u16::from_be_bytes))
    } else if let Some(text) = utf8(bytes) {
        (Encoding::Utf8, Some(text))
    } else {
        (Encoding::Gb18030, legacy(bytes))
    };
    match text {
        Some(text) if !text.contains('\0') => Ok(DecodedText { text, encoding }),
        _ => Err(TextFileError::NotText),
    }
}

/// UTF-16 code units to text; `None` for a cut-off unit or an unpaired surrogate.
fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Option<String> {
    let units = bytes.chunks_exact(2);
    if !units.remainder().is_empty() {
        return None;
    }
    char::decode_utf16(units.map(|pair| unit([pair[0], pair[1]])))
        .collect::<Result<String, _>>()
        .ok()
}

// Natively only: GB18030 comes from `encoding_rs` here, and proptest is a native dev-dependency.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What the browser's `TextDecoder("gb18030", {fatal: true})` does, natively.
    fn gb18030(bytes: &[u8]) -> Option<String> {
        encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|text| text.into_owned())
    }

    fn encode_gb18030(text: &str) -> Vec<u8> {
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(text);
        assert!(!unmappable, "{text:?} has no GB18030 form");
        bytes.into_owned()
    }

    fn utf16_with_bom(text: &str, little_endian: bool) -> Vec<u8> {
        let mut bytes = if little_endian {
            UTF16_LE_BOM.to_vec()
        } else {
            UTF16_BE_BOM.to_vec()
        };
        for unit in text.encode_utf16() {
            bytes.extend(if little_endian {
                unit.to_le_bytes()
            } else {
                unit.to_be_bytes()
            });
        }
        bytes
    }

    fn check(bytes: &[u8], expected: Result<(&str, Encoding), TextFileError>) {
        let decoded = decode_text(bytes, gb18030);
        let decoded = decoded
            .as_ref()
            .map(|d| (d.text.as_str(), d.encoding))
            .map_err(|e| *e);
        assert_eq!(decoded, expected, "{bytes:02x?}");
    }

    #[test]
    fn each_encoding_is_read_as_it_was_written() {
        let text = "编号,任务\r\na1,“评审”😀\r\n";
        let with = |prefix: &[u8], body: &[u8]| [prefix, body].concat();
        check(
            &with(UTF8_BOM, text.as_bytes()),
            Ok((text, Encoding::Utf8Bom)),
        );
        check(text.as_bytes(), Ok((text, Encoding::Utf8)));
        check(&utf16_with_bom(text, true), Ok((text, Encoding::Utf16Le)));
        check(&utf16_with_bom(text, false), Ok((text, Encoding::Utf16Be)));
        check(&encode_gb18030(text), Ok((text, Encoding::Gb18030)));
        check(b"", Ok(("", Encoding::Utf8)));
        check(UTF8_BOM, Ok(("", Encoding::Utf8Bom)));
        check(UTF16_LE_BOM, Ok(("", Encoding::Utf16Le)));
        // GBK as Excel writes it: "编号" is B1 E0 BA C5.
        check(b"\xB1\xE0\xBA\xC5,a", Ok(("编号,a", Encoding::Gb18030)));
    }

    #[test]
    fn workbooks_and_binary_files_are_refused() {
        check(b"PK\x03\x04\x14\x00\x06\x00", Err(TextFileError::Xlsx));
        check(OLE_MAGIC, Err(TextFileError::Xls));
        let cases: [&[u8]; 7] = [
            // NUL bytes are valid UTF-8 but no text file holds them (UTF-16 without a mark).
            b"a\x00b\x00",
            b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR",
            // A byte-order mark followed by something else.
            b"\xEF\xBB\xBF\xB1\xE0",
            b"\xFF\xFEa",
            b"\xFF\xFE\x00\xD8a\x00",
            b"\xFF\xFE\x00\x00\x00\x00",
            // Neither UTF-8 nor GB18030: 0xFF leads nothing.
            b"a,b\r\n\xFF\xFF",
        ];
        for bytes in cases {
            check(bytes, Err(TextFileError::NotText));
        }
    }

    #[test]
    fn refusals_say_why_and_that_nothing_changed() {
        for error in [
            TextFileError::Xlsx,
            TextFileError::Xls,
            TextFileError::NotText,
        ] {
            assert!(
                error.message(Lang::Zh).ends_with("未做任何更改。"),
                "{error:?}"
            );
            assert!(
                error.message(Lang::En).ends_with("Nothing was changed."),
                "{error:?}"
            );
        }
        for lang in [Lang::Zh, Lang::En] {
            let message = TextFileError::Xlsx.message(lang);
            for words in [".xlsx", "CSV UTF-8", "WPS", "LibreOffice"] {
                assert!(message.contains(words), "{message}");
            }
            assert!(TextFileError::Xls.message(lang).contains(".xls"));
            assert!(TextFileError::NotText.message(lang).contains("GB18030"));
        }
    }

    /// Chinese and ASCII text, punctuation of both, and now and then any character GB18030
    /// encodes and decodes back (nearly all of Unicode; see the test below). NUL and a leading
    /// U+FEFF are left out: the first is refused as binary, the second is read as a mark.
    fn text() -> impl Strategy<Value = String> {
        let char = prop_oneof![
            4 => proptest::char::range('\u{4e00}', '\u{9fff}'),
            4 => proptest::char::range(' ', '~'),
            1 => prop::sample::select(vec!['\t', '\r', '\n', '“', '”', ',', '。', '、', '—', '…']),
            1 => any::<char>().prop_filter("GB18030 round trip", |c| {
                gb18030_round_trips(*c) && *c != '\0'
            }),
        ];
        proptest::collection::vec(char, 0..60)
            .prop_map(|chars| chars.into_iter().collect::<String>())
            .prop_filter("no leading U+FEFF", |text| !text.starts_with('\u{feff}'))
    }

    fn gb18030_round_trips(c: char) -> bool {
        let text = c.to_string();
        let (bytes, _, unmappable) = encoding_rs::GB18030.encode(&text);
        !unmappable && gb18030(&bytes).as_deref() == Some(text.as_str())
    }

    #[test]
    fn gb18030_loses_only_a_few_private_use_characters() {
        // Beyond U+FFFF, GB18030 maps every character by arithmetic, so only the BMP can lose any.
        let lost: Vec<char> = ('\0'..='\u{ffff}')
            .filter(|c| !gb18030_round_trips(*c))
            .collect();
        // U+E5E5 has no GB18030 form, and GB18030-2022 decodes the bytes of 18 former
        // private-use characters as the standard characters they stood in for.
        assert!(lost.len() < 20, "{lost:x?}");
        assert!(lost.iter().all(|c| ('\u{e000}'..='\u{f8ff}').contains(c)));
    }

    #[test]
    fn gb18030_bytes_that_are_also_utf8_read_as_utf8() {
        // "蓘" is C9 80 in GB18030, which is also "ɀ" in UTF-8. Only a short text can be both:
        // each Chinese character is another chance to break UTF-8, and a tracker exported in
        // Chinese breaks it in its header.
        check("蓘".as_bytes(), Ok(("蓘", Encoding::Utf8)));
        check(&encode_gb18030("蓘"), Ok(("ɀ", Encoding::Utf8)));
        check(
            &encode_gb18030("编号,蓘"),
            Ok(("编号,蓘", Encoding::Gb18030)),
        );
    }

    proptest! {
        #[test]
        fn every_saved_form_reads_back_as_the_same_text(text in text()) {
            let mut forms = vec![
                [UTF8_BOM, text.as_bytes()].concat(),
                text.as_bytes().to_vec(),
                utf16_with_bom(&text, true),
                utf16_with_bom(&text, false),
            ];
            // Unless its bytes are valid UTF-8 too (see the test above).
            let legacy = encode_gb18030(&text);
            if std::str::from_utf8(&legacy).is_err() {
                forms.push(legacy);
            }
            for bytes in forms {
                let decoded = decode_text(&bytes, gb18030).map(|d| d.text);
                prop_assert_eq!(decoded, Ok(text.clone()), "{:02x?}", bytes);
            }
        }
    }
}
