//! The badge's entry point and Leptos view: one element whose markup
//! ([`badge::html`]) follows the loaded data.

use aduan_core::Lang;
use aduan_core::api::v1::Badge;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};

use crate::badge::{self, BadgeRequest, BadgeView};
use crate::config::ApiBase;
use crate::load::LoadError;
use crate::mount::{Mounted, attribute, get_json, load, mount_in, warn_webmaster, widget_lang};

/// Mounts the response-time badge of `<aduan-badge agency="…">` in `root`.
///
/// Attributes: `agency` (required), `period` (`2025`, `2025-03`; the
/// current year by default), `lang`, `api` (the server; else
/// `script_origin`, the origin the loader came from).
///
/// # Errors
/// Only if the DOM refuses to build the container; wrong attributes are
/// shown in the widget instead.
#[wasm_bindgen(js_name = mountBadge)]
pub fn mount_badge(host: &Element, root: &ShadowRoot, script_origin: &str) -> Result<Mounted, JsValue> {
    let lang = widget_lang(host);
    let url = ApiBase::new(attribute(host, "api").as_deref(), script_origin)
        .and_then(|api| {
            BadgeRequest::new(attribute(host, "agency").as_deref(), attribute(host, "period").as_deref())
                .map(|request| request.url(&api))
        })
        .map_err(|error| {
            warn_webmaster(host, error.message.get(Lang::En));
            LoadError::Attribute(error)
        });
    mount_in(root, lang, move || badge_widget(url, lang))
}

fn badge_widget(url: Result<String, LoadError>, lang: Lang) -> impl IntoView {
    let data = load(async move { get_json::<Badge>(url?).await });
    let markup = move || match data.get() {
        None => crate::html::status(badge::loading().get(lang)),
        Some(Ok(badge)) => badge::html(&BadgeView::new(&badge, lang)),
        Some(Err(error)) => crate::html::error(&error, lang),
    };
    view! { <div inner_html=markup></div> }
}
