//! Prints the static first screen for `index.html` (run natively by scripts/post-build.sh).

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!(
        "{}",
        crossmeet::core::view::first_screen::first_screen_html()
    );
}

#[cfg(target_arch = "wasm32")]
fn main() {}
