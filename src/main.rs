//! Mounts the app on the page.

#[cfg(target_arch = "wasm32")]
fn main() {
    // The static first screen in index.html stays until the app has drawn its own
    // (ui/first_screen.rs).
    leptos::mount::mount_to_body(crossmeet::ui::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("CrossMeet runs in the browser: build it with `trunk build` (see README.md).");
}
