//! The team space's worker module (T1), built by Trunk beside the app (index.html) and started
//! by the app only when the user turns the space on: see `src/space_worker`.

#[cfg(all(target_arch = "wasm32", feature = "space"))]
fn main() {
    crossmeet::space_worker::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "space")))]
fn main() {}
