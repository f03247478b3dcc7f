//! What the user is told comes from the texts table in their language (D5), never as raw
//! JavaScript error text, and a failed download is never dropped: every download goes through
//! `AppState::download`, which says in the user's language when the browser refused it. The UI
//! is compiled for wasm only, so this reads its source.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

fn ui_sources(dir: &Path, found: &mut Vec<(String, String)>) {
    for entry in fs::read_dir(dir).expect("src/ui is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            ui_sources(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            let text = fs::read_to_string(&path).expect("a source file");
            found.push((path.display().to_string(), text));
        }
    }
}

fn sources() -> Vec<(String, String)> {
    let mut found = Vec::new();
    ui_sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui"),
        &mut found,
    );
    assert!(found.len() > 20, "the UI's sources were found");
    found
}

#[test]
fn every_download_says_when_it_failed() {
    for (file, text) in sources() {
        if file.ends_with("ui/state.rs") {
            continue;
        }
        for (number, line) in text.lines().enumerate() {
            assert!(
                !line.contains("browser::download("),
                "{file}:{}: call AppState::download, which tells the user when it fails: {line}",
                number + 1
            );
        }
    }
}

#[test]
fn no_debug_text_reaches_a_toast_or_an_error_line() {
    for (file, text) in sources() {
        for (number, line) in text.lines().enumerate() {
            let shown = line.contains("toasts.show(") || line.contains(".set(Some(format!");
            assert!(
                !(shown && line.contains(":?}")),
                "{file}:{}: a message built from Debug text: {line}",
                number + 1
            );
        }
    }
}
