//! What every widget's entry point shares: mounting a Leptos view in a
//! shadow root with the widgets' stylesheet, reading attributes and the
//! language, and fetching JSON from the server.
//!
//! Each widget's `view` module (wasm32 only) has a `#[wasm_bindgen]` entry
//! point, `mountBadge`, `mountForm`, `mountLeaderboard`, `mountTracker`,
//! which the loader `aduan.js` calls with the custom element, its shadow
//! root and the loader's origin. The entry point reads the element's
//! attributes once, checks them with [`crate::config`] and the widget's
//! own module, and mounts a view with [`mount_in`]. The loader unmounts
//! and mounts again when an observed attribute changes or the element
//! leaves the page.

use std::any::Any;
use std::fmt;

use aduan_core::Lang;
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{CssStyleSheet, Document, Element, HtmlElement, ShadowRoot};

use crate::config::{choose_lang, lang_tag};
use crate::load::{LoadError, read_response};
use crate::style::CSS;

/// A widget mounted in a shadow root.
#[wasm_bindgen]
pub struct Mounted {
    /// Leptos' unmount handle: dropping it stops the widget's reactive work
    /// and removes its nodes.
    view: Box<dyn Any>,
    root: ShadowRoot,
}

impl fmt::Debug for Mounted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Mounted").finish_non_exhaustive()
    }
}

#[wasm_bindgen]
impl Mounted {
    /// Stops the widget and empties its shadow root.
    pub fn unmount(self) {
        drop(self.view);
        self.root.set_inner_html("");
    }
}

/// Runs `work` (a fetch, say) and gives its result as a signal, `None`
/// until it finishes. A plain task and signal instead of Leptos'
/// `LocalResource`, whose async machinery cost the bundle about 8 KB brotli;
/// a result arriving after the widget was unmounted is dropped.
pub(crate) fn load<T: Send + Sync + 'static>(
    work: impl Future<Output = T> + 'static,
) -> ReadSignal<Option<T>> {
    let (result, set_result) = signal(None);
    leptos::task::spawn_local(async move {
        let value = work.await;
        let _ = set_result.try_set(Some(value));
    });
    result
}

/// GETs `url` and reads the JSON answer.
pub(crate) async fn get_json<T: DeserializeOwned>(url: String) -> Result<T, LoadError> {
    let response = gloo_net::http::Request::get(&url)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|_| LoadError::Network)?;
    let body = response.text().await.map_err(|_| LoadError::Network)?;
    read_response(response.status(), &body)
}

/// Empties `root`, gives it the widgets' stylesheet and mounts `view` in a
/// new container that carries the widget's language.
pub(crate) fn mount_in<F, N>(root: &ShadowRoot, lang: Lang, view: F) -> Result<Mounted, JsValue>
where
    F: FnOnce() -> N + 'static,
    N: IntoView,
    N::State: 'static,
{
    let document =
        root.owner_document().ok_or_else(|| JsValue::from_str("the shadow root has no document"))?;
    root.set_inner_html("");
    adopt_style(root, &document)?;
    let container: HtmlElement = document.create_element("div")?.unchecked_into();
    container.set_class_name("aduan");
    container.set_attribute("lang", lang_tag(lang))?;
    root.append_child(&container)?;
    let handle = leptos::mount::mount_to(container, view);
    Ok(Mounted { view: Box::new(handle), root: root.clone() })
}

thread_local! {
    /// One constructed stylesheet shared by every widget on the page, or
    /// `None` in browsers without constructable stylesheets.
    static SHEET: Option<CssStyleSheet> = CssStyleSheet::new().ok().filter(|sheet| sheet.replace_sync(CSS).is_ok());
}

/// Adopts the shared stylesheet, which a page's Content-Security-Policy
/// does not block (it is not inline CSS); older browsers get a `<style>`.
fn adopt_style(root: &ShadowRoot, document: &Document) -> Result<(), JsValue> {
    if let Some(sheet) = SHEET.with(Clone::clone) {
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        return Ok(());
    }
    let style = document.create_element("style")?;
    style.set_text_content(Some(CSS));
    root.append_child(&style)?;
    Ok(())
}

/// An attribute of the widget's element.
pub(crate) fn attribute(host: &Element, name: &str) -> Option<String> {
    host.get_attribute(name)
}

/// The element's `lang`, else the page's `<html lang>`, else Indonesian.
pub(crate) fn widget_lang(host: &Element) -> Lang {
    let page =
        host.owner_document().and_then(|d| d.document_element()).and_then(|html| html.get_attribute("lang"));
    choose_lang(attribute(host, "lang").as_deref(), page.as_deref())
}

/// Tells the site's developer, in the console, what is wrong with an
/// element's attributes; the widget shows the same in the page's language.
pub(crate) fn warn_webmaster(host: &Element, message: &str) {
    let tag = host.tag_name().to_ascii_lowercase();
    web_sys::console::warn_1(&JsValue::from_str(&format!("Aduan: <{tag}>: {message}")));
}
