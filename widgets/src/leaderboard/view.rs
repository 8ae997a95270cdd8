//! The entry point and Leptos view of `<aduan-leaderboard>`.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};

use crate::mount::{Mounted, mount_in, widget_lang};

/// Mounts `<aduan-leaderboard>` in `root`.
///
/// # Errors
/// Only if the DOM refuses to build the container.
#[wasm_bindgen(js_name = mountLeaderboard)]
pub fn mount_leaderboard(
    host: &Element,
    root: &ShadowRoot,
    _script_origin: &str,
) -> Result<Mounted, JsValue> {
    let lang = widget_lang(host);
    mount_in(root, lang, move || view! { <p class="status">"…"</p> })
}
