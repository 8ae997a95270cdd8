//! The entry point and Leptos view of `<aduan-leaderboard>`.
//!
//! Everything shown comes ready-made from [`BoardView`] as the markup of
//! [`html`] (why not Leptos views there: see that module); Leptos loads
//! the data and shows the loading and error states, and two listeners on
//! the board switch the category tabs (WAI-ARIA tabs pattern, automatic
//! activation, roving tabindex).

use aduan_core::api::v1::LeaderboardView;
use aduan_core::{CategoryId, Lang};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

use crate::config::ApiBase;
use crate::leaderboard::{self, BoardView, LeaderboardRequest, TabKey, html};
use crate::load::LoadError;
use crate::mount::{Mounted, attribute, get_json, load, mount_in, warn_webmaster, widget_lang};

/// Mounts the award leaderboard of
/// `<aduan-leaderboard award="…" category="…" period="…">` in `root`.
///
/// Attributes: `award` (required), `category` (the tab shown first; all
/// categories by default), `period` (`2025`, `2025-03`; the current year
/// by default), `lang`, `api` (the server; else `script_origin`, the
/// origin the loader came from).
///
/// # Errors
/// Only if the DOM refuses to build the container; wrong attributes are
/// shown in the widget instead.
#[wasm_bindgen(js_name = mountLeaderboard)]
pub fn mount_leaderboard(host: &Element, root: &ShadowRoot, script_origin: &str) -> Result<Mounted, JsValue> {
    let lang = widget_lang(host);
    let request = ApiBase::new(attribute(host, "api").as_deref(), script_origin)
        .and_then(|api| {
            LeaderboardRequest::new(
                attribute(host, "award").as_deref(),
                attribute(host, "category").as_deref(),
                attribute(host, "period").as_deref(),
            )
            .map(|request| (request.url(&api), request.category().cloned()))
        })
        .map_err(|error| {
            warn_webmaster(host, error.message.get(Lang::En));
            LoadError::Attribute(error)
        });
    let (url, wanted) = match request {
        Ok((url, wanted)) => (Ok(url), wanted),
        Err(error) => (Err(error), None),
    };
    mount_in(root, lang, move || board_widget(url, wanted, lang))
}

fn board_widget(url: Result<String, LoadError>, wanted: Option<CategoryId>, lang: Lang) -> impl IntoView {
    // The signal keeps the finished markup and the number of tabs, so
    // reading it clones a string, not the whole leaderboard.
    let data = load(async move {
        let board = get_json::<LeaderboardView>(url?).await?;
        let board = BoardView::new(&board, wanted.as_ref(), lang);
        Ok::<_, LoadError>((html::board(&board), board.tabs.len()))
    });
    let markup = move || match data.get() {
        None => crate::html::status(leaderboard::loading().get(lang)),
        Some(Ok((markup, _))) => markup,
        Some(Err(error)) => crate::html::error(&error, lang),
    };
    let count = move || data.with_untracked(|d| d.as_ref().and_then(|d| d.as_ref().ok()).map_or(0, |d| d.1));
    // One element whose markup follows the data, one listener of each kind
    // for every tab: a single Leptos view, which keeps the bundle small.
    view! {
        <div
            class="board"
            inner_html=markup
            on:click=move |ev| on_click(&ev, count())
            on:keydown=move |ev| on_keydown(&ev, count())
        ></div>
    }
}

/// A click on a tab (or on text inside it) selects it.
fn on_click(ev: &web_sys::MouseEvent, count: usize) {
    let Some(tab) = target(ev).and_then(|t| t.closest("[role=tab]").ok().flatten()) else { return };
    if let (Some(board), Some(i)) = (current(ev), html::tab_index(&tab.id())) {
        select(&board, i, count);
    }
}

/// The arrow keys, Home and End on a tab move focus and selection
/// together (automatic activation); Tab leaves the tab list as usual.
fn on_keydown(ev: &web_sys::KeyboardEvent, count: usize) {
    let Some(key) = TabKey::from_key(&ev.key()) else { return };
    let Some(tab) = target(ev).filter(|t| t.get_attribute("role").as_deref() == Some("tab")) else { return };
    let (Some(board), Some(i)) = (current(ev), html::tab_index(&tab.id())) else { return };
    ev.prevent_default();
    let next = key.apply(i, count);
    select(&board, next, count);
    if let Some(tab) = by_id(&board, &html::tab_id(next)) {
        let _ = tab.unchecked_into::<HtmlElement>().focus();
    }
}

/// Shows the `selected` tab's panel and makes that tab the one in the
/// page's tab order (roving tabindex).
fn select(board: &Element, selected: usize, count: usize) {
    for i in 0..count {
        let on = i == selected;
        if let Some(tab) = by_id(board, &html::tab_id(i)) {
            let _ = tab.set_attribute("aria-selected", if on { "true" } else { "false" });
            let _ = tab.set_attribute("tabindex", if on { "0" } else { "-1" });
        }
        if let Some(panel) = by_id(board, &html::panel_id(i)) {
            let _ = panel.toggle_attribute_with_force("hidden", !on);
        }
    }
}

fn by_id(board: &Element, id: &str) -> Option<Element> {
    board.query_selector(&format!("#{id}")).ok().flatten()
}

fn target(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}

fn current(ev: &web_sys::Event) -> Option<Element> {
    ev.current_target()?.dyn_into().ok()
}
