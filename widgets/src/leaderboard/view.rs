//! The entry point and Leptos view of `<aduan-leaderboard>`.
//!
//! Everything shown comes ready-made from [`BoardView`]; this module only
//! builds the DOM: the category tabs (WAI-ARIA tabs pattern, automatic
//! activation, roving tabindex) as a Leptos view, and in each tab panel the
//! static markup of [`html`] (why not a Leptos view there: see that module).

use aduan_core::api::v1::LeaderboardView;
use aduan_core::{CategoryId, Lang};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use web_sys::{Element, ShadowRoot};

use crate::config::ApiBase;
use crate::leaderboard::{self, BoardView, LeaderboardRequest, TabKey, html};
use crate::load::LoadError;
use crate::mount::{Mounted, attribute, error_message, get_json, mount_in, warn_webmaster, widget_lang};

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
    let data = LocalResource::new(move || {
        let url = url.clone();
        async move { get_json::<LeaderboardView>(url?).await }
    });
    move || match data.get() {
        None => view! { <p class="status" role="status">{leaderboard::loading().get(lang).to_owned()}</p> }
            .into_any(),
        Some(Ok(board)) => board_view(BoardView::new(&board, wanted.as_ref(), lang)).into_any(),
        Some(Err(error)) => error_message(&error, lang).into_any(),
    }
}

fn board_view(board: BoardView) -> impl IntoView {
    let BoardView { title, period, labels, criteria, tabs, selected } = board;
    let selected = RwSignal::new(selected);
    let count = tabs.len();
    let tabbed = count > 1;
    let buttons: Vec<NodeRef<leptos::html::Button>> = (0..count).map(|_| NodeRef::new()).collect();
    let tablist = tabbed.then(|| {
        let list = tabs
            .iter()
            .enumerate()
            .map(|(i, tab)| {
                let node_ref = buttons[i];
                let buttons = buttons.clone();
                // Automatic activation: the arrow keys, Home and End move
                // focus and selection together; Tab leaves the tab list.
                let on_key = move |ev: leptos::ev::KeyboardEvent| {
                    let Some(key) = TabKey::from_key(&ev.key()) else { return };
                    ev.prevent_default();
                    let next = key.apply(i, count);
                    selected.set(next);
                    if let Some(button) = buttons[next].get_untracked() {
                        let _ = button.focus();
                    }
                };
                view! {
                    <button
                        type="button"
                        class="board-tab"
                        role="tab"
                        id=format!("board-tab-{i}")
                        aria-controls=format!("board-panel-{i}")
                        aria-selected=move || (selected.get() == i).to_string()
                        tabindex=move || if selected.get() == i { "0" } else { "-1" }
                        node_ref=node_ref
                        on:click=move |_| selected.set(i)
                        on:keydown=on_key
                    >
                        {tab.label.clone()}
                    </button>
                }
            })
            .collect_view();
        view! { <div class="board-tabs" role="tablist" aria-label=labels.tabs.clone()>{list}</div> }
    });
    let panels = tabs
        .iter()
        .enumerate()
        .map(|(i, tab)| {
            // A lone category needs no tabs: its panel is plain content.
            view! {
                <div
                    class="board-panel"
                    id=format!("board-panel-{i}")
                    role=tabbed.then_some("tabpanel")
                    aria-labelledby=tabbed.then(|| format!("board-tab-{i}"))
                    hidden=move || selected.get() != i
                    inner_html=html::panel(tab, &labels, &criteria)
                ></div>
            }
        })
        .collect_view();
    view! {
        <div class="board">
            <h2 class="board-title">{title}<span class="board-period">{period}</span></h2>
            <div inner_html=html::how_scored(&labels, &criteria)></div>
            {tablist}
            {panels}
        </div>
    }
}
