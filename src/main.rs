//! Mounts the app on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The static shell in index.html held the screen while this module downloaded.
    if let Some(shell) = leptos::prelude::document().get_element_by_id("app-shell") {
        shell.remove();
    }
    leptos::mount::mount_to_body(crossmeet::ui::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("CrossMeet runs in the browser: build it with `trunk build` (see README.md).");
}
