//! The entry point and Leptos view of `<aduan-tracker>`.
//!
//! Everything it shows and decides comes from [`crate::tracker`] and its
//! [`html`](crate::tracker::html) module; this one reads the DOM, the clock
//! and the network. The state is one signal; three memos turn it into the
//! markup of the lookup form, the loading line and the complaint, and a
//! region is replaced only when its markup changed. Typing updates the
//! state without notifying, so no region is rebuilt under the cursor; the
//! character count is updated in place. Event handlers sit on the widget's
//! root and find their form by its `data-action`.
//!
//! Focus moves as the GOV.UK Design System says: to the error summary after
//! a refused form, to the complaint after a lookup, to the outcome after an
//! action. Work that continues after an `await` uses the `try_` accessors:
//! the widget may have been unmounted meanwhile, and a panic would stop
//! every widget on the page.

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};

use aduan_core::api::v1::{Agency, ComplaintView};
use aduan_core::lifecycle::ActionKind;
use aduan_core::{AccessSecret, FieldError, Lang, Text};
use gloo_net::http::{Method, RequestBuilder};
use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

use crate::config::ApiBase;
use crate::load::LoadError;
use crate::mount::{Mounted, attribute, error_message, get_json, mount_in, warn_webmaster, widget_lang};
use crate::tracker::html::{self, LookupForm, Reply};
use crate::tracker::{
    ActionInput, Failure, Lookup, REPORTER_ACTIONS, TrackerView, Ui, action_done, character_count_message,
    offered_actions, read_action, read_lookup, ticket_from_fragment,
};

/// Mounts the ticket tracker of `<aduan-tracker>` in `root`.
///
/// Attributes: `ticket` (optional: looked up at once; else the page
/// address's `#tiket=` fragment, else typed), `lang`, `api` (the server;
/// else `script_origin`, the origin the loader came from).
///
/// # Errors
/// Only if the DOM refuses to build the container; a wrong `api`
/// attribute is shown in the widget instead.
#[wasm_bindgen(js_name = mountTracker)]
pub fn mount_tracker(host: &Element, root: &ShadowRoot, script_origin: &str) -> Result<Mounted, JsValue> {
    let lang = widget_lang(host);
    let api = ApiBase::new(attribute(host, "api").as_deref(), script_origin).map_err(|error| {
        warn_webmaster(host, error.message.get(Lang::En));
        LoadError::Attribute(error)
    });
    let ticket = attribute(host, "ticket").filter(|t| !t.trim().is_empty()).or_else(fragment_ticket);
    mount_in(root, lang, move || match api {
        Ok(api) => tracker(api, lang, ticket).into_any(),
        Err(error) => error_message(&error, lang).into_any(),
    })
}

fn fragment_ticket() -> Option<String> {
    window().location().hash().ok().as_deref().and_then(ticket_from_fragment)
}

/// Everything the tracker knows.
struct State {
    api: ApiBase,
    ticket: String,
    secret: String,
    /// The lookup form's errors.
    errors: Vec<FieldError>,
    /// Why nothing could be looked up (network, server).
    failure: Option<Text>,
    loading: bool,
    /// The complaint shown, with the lookup (and access code) that showed it.
    shown: Option<(Lookup, ComplaintView)>,
    /// The agencies' names, fetched with the first complaint.
    agencies: Vec<Agency>,
    reason: String,
    info: String,
    rating: Option<u8>,
    /// The reporter's forms' errors.
    action_errors: Vec<FieldError>,
    /// What became of the last action: done (`true`) or not, and why.
    outcome: Option<(bool, Text)>,
    sending: bool,
}

/// The tracker's handles, `Copy` into every closure.
#[derive(Clone, Copy)]
struct Tracker {
    lang: Lang,
    state: RwSignal<State>,
    /// The widget's root element, to find what to focus.
    root: NodeRef<Div>,
}

/// What to do to the state.
type Change<'a> = Box<dyn FnOnce(&mut State) + 'a>;

impl Tracker {
    /// Changes the state, re-rendering what changed if `notify`; `false`
    /// once the widget is gone. Every change goes through here because
    /// Leptos' `update` is generic over its closure: each call site would
    /// be another copy of its code in the bundle.
    fn change(self, notify: bool, change: Change<'_>) -> bool {
        let mut change = Some(change);
        let apply = |s: &mut State| {
            if let Some(change) = change.take() {
                change(s);
            }
        };
        if notify {
            self.state.try_update(apply).is_some()
        } else {
            self.state.try_update_untracked(apply).is_some()
        }
    }

    /// Reads the state without subscribing; `false` once the widget is gone.
    fn read(self, read: &mut dyn FnMut(&State)) -> bool {
        self.state.try_with_untracked(|s| read(s)).is_some()
    }

    /// Renders markup from the state, subscribing to it.
    fn render(self, render: fn(&State, Lang) -> String) -> String {
        self.state.with(|s| render(s, self.lang))
    }
}

fn tracker(api: ApiBase, lang: Lang, initial: Option<String>) -> impl IntoView {
    let t = Tracker {
        lang,
        state: RwSignal::new(State {
            api,
            ticket: String::new(),
            secret: String::new(),
            errors: Vec::new(),
            failure: None,
            loading: false,
            shown: None,
            agencies: Vec::new(),
            reason: String::new(),
            info: String::new(),
            rating: None,
            action_errors: Vec::new(),
            outcome: None,
            sending: false,
        }),
        root: NodeRef::new(),
    };
    if let Some(ticket) = initial {
        // A ticket from the page: look it up, but leave focus where the
        // page has it.
        t.change(false, Box::new(|s| s.ticket = ticket));
        look_up(t, false);
    }
    // When the form widget shares the page, its link only changes the
    // fragment: follow it.
    let listener = window_event_listener(leptos::ev::hashchange, move |_| {
        let Some(ticket) = fragment_ticket() else { return };
        let mut changed = false;
        t.change(
            true,
            Box::new(|s| {
                changed = s.ticket != ticket;
                if changed {
                    s.ticket = ticket;
                    s.secret.clear();
                }
            }),
        );
        if changed {
            look_up(t, false);
        }
    });
    on_cleanup(move || listener.remove());

    let form = Memo::new(move |_| {
        t.render(|s, lang| {
            html::lookup_form(&LookupForm { ticket: &s.ticket, secret: &s.secret, errors: &s.errors }, lang)
        })
    });
    let status = Memo::new(move |_| t.render(|s, lang| html::status(s.loading, s.failure.as_ref(), lang)));
    let complaint = Memo::new(move |_| t.render(complaint_html));
    // Counts keystrokes in the text boxes, so that only the last one's
    // timer announces the count.
    let typing = Arc::new(AtomicU32::new(0));
    view! {
        <div
            class="tracker"
            node_ref=t.root
            on:submit=move |ev| on_submit(t, &ev)
            on:input=move |ev| on_input(t, &ev, &typing)
            on:change=move |ev| on_change(t, &ev)
            on:click=move |ev| on_click(&ev)
        >
            <h2 class="tracker-title">{Ui::Heading.get(lang)}</h2>
            <div inner_html=move || form.get()></div>
            <div inner_html=move || status.get()></div>
            <div inner_html=move || complaint.get()></div>
        </div>
    }
}

/// The complaint's markup, or none.
fn complaint_html(s: &State, lang: Lang) -> String {
    let Some((lookup, complaint)) = &s.shown else { return String::new() };
    let actions = if lookup.secret.is_some() { offered_actions(complaint, now()) } else { Vec::new() };
    let reply = Reply {
        actions: &actions,
        reason: &s.reason,
        info: &s.info,
        rating: s.rating,
        errors: &s.action_errors,
        outcome: s.outcome.as_ref(),
        sending: s.sending,
    };
    html::complaint(&TrackerView::new(complaint, &s.agencies, lang), &reply, lang)
}

fn event_element(ev: &web_sys::Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()
}

fn on_submit(t: Tracker, ev: &web_sys::Event) {
    let Some(action) = event_element(ev).and_then(|form| form.get_attribute("data-action")) else { return };
    ev.prevent_default();
    if action == "lookup" {
        look_up(t, true);
    } else if let Some(kind) = REPORTER_ACTIONS.into_iter().find(|kind| kind.code() == action) {
        act(t, kind);
    }
}

/// Keeps what is typed in the state, without rebuilding anything, and
/// updates a text box's character count in place; screen readers hear the
/// count once typing pauses for a second.
fn on_input(t: Tracker, ev: &web_sys::Event, typing: &Arc<AtomicU32>) {
    let Some(field) = event_element(ev) else { return };
    let value = event_target_value(ev);
    let id = field.id();
    let lang = t.lang;
    let mut count = None;
    t.change(
        false,
        Box::new(|s| {
            let (slot, counted) = match id.as_str() {
                "tracker-ticket" => (&mut s.ticket, false),
                "tracker-secret" => (&mut s.secret, false),
                "tracker-reason" => (&mut s.reason, true),
                "tracker-info" => (&mut s.info, true),
                _ => return,
            };
            *slot = value;
            count = counted.then(|| character_count_message(slot, lang));
        }),
    );
    let (Some((text, over)), Some(widget)) = (count, field.closest(".tracker").ok().flatten()) else {
        return;
    };
    if let Ok(Some(count)) = widget.query_selector(&format!("#{id}-count")) {
        count.set_text_content(Some(&text));
        count.set_class_name(if over { "tracker-count tracker-count-over" } else { "tracker-count" });
    }
    let error = widget.query_selector(&format!("#{id}-error")).ok().flatten().is_some();
    let class = if over || error {
        "tracker-input tracker-textarea tracker-input-error"
    } else {
        "tracker-input tracker-textarea"
    };
    field.set_class_name(class);
    let this = typing.fetch_add(1, Ordering::Relaxed) + 1;
    let typing = Arc::clone(typing);
    set_timeout(
        move || {
            let live = widget.query_selector(&format!("#{id}-announce")).ok().flatten();
            if let Some(live) = live.filter(|_| typing.load(Ordering::Relaxed) == this) {
                live.set_text_content(Some(&text));
            }
        },
        std::time::Duration::from_millis(1000),
    );
}

fn on_change(t: Tracker, ev: &web_sys::Event) {
    let Some(radio) = event_element(ev) else { return };
    if radio.get_attribute("name").as_deref() == Some("rating") {
        let stars = event_target_value(ev).parse().ok();
        t.change(false, Box::new(|s| s.rating = stars));
    }
}

/// The error summary's links: focus the field, which is in the shadow
/// root, where following a fragment link would only change the page's
/// address.
fn on_click(ev: &web_sys::MouseEvent) {
    let link = event_element(ev).and_then(|e| e.closest(".tracker-summary a").ok().flatten());
    let Some(link) = link else { return };
    ev.prevent_default();
    let id = link.get_attribute("href").unwrap_or_default();
    if let Some(widget) = link.closest(".tracker").ok().flatten() {
        focus_id(&widget, id.trim_start_matches('#'));
    }
}

fn focus_id(widget: &Element, id: &str) {
    let element = widget.query_selector(&format!("#{id}")).ok().flatten();
    if let Some(Ok(element)) = element.map(JsCast::dyn_into::<HtmlElement>) {
        _ = element.focus();
    }
}

/// Moves focus to the element with `id` once the view has caught up with
/// the state just set.
fn focus_later(t: Tracker, id: &'static str) {
    request_animation_frame(move || {
        if let Some(Some(widget)) = t.root.try_get_untracked() {
            focus_id(&widget, id);
        }
    });
}

fn now() -> chrono::DateTime<chrono::Utc> {
    #[allow(clippy::cast_possible_truncation)]
    let ms = js_sys::Date::now() as i64;
    chrono::DateTime::from_timestamp_millis(ms).unwrap_or_default()
}

/// Checks the lookup form with the core and, only if it passes, asks the
/// server. `by_person` moves focus to the outcome.
fn look_up(t: Tracker, by_person: bool) {
    let mut parsed = None;
    t.read(&mut |s| parsed = (!s.loading).then(|| Lookup::parse(&s.ticket, &s.secret)));
    let lookup = match parsed {
        None => return,
        Some(Ok(lookup)) => lookup,
        Some(Err(errors)) => {
            t.change(
                true,
                Box::new(|s| {
                    s.shown = None;
                    s.failure = None;
                    s.errors = errors;
                }),
            );
            if by_person {
                focus_later(t, "tracker-summary");
            }
            return;
        }
    };
    t.change(
        true,
        Box::new(|s| {
            s.errors.clear();
            s.failure = None;
            s.outcome = None;
            s.action_errors.clear();
            s.loading = true;
        }),
    );
    leptos::task::spawn_local(async move {
        let result = load(t, &lookup).await;
        let focus = match &result {
            Ok(_) => "tracker-result-title",
            Err(Failure::Fields(_)) => "tracker-summary",
            Err(_) => "",
        };
        let updated = t.change(
            true,
            Box::new(|s| {
                s.loading = false;
                match result {
                    Ok(complaint) => s.shown = Some((lookup, complaint)),
                    Err(failure) => {
                        s.shown = None;
                        match failure {
                            Failure::Fields(errors) => s.errors = errors,
                            Failure::Message(text) => s.failure = Some(text),
                            Failure::Conflict => {}
                        }
                    }
                }
            }),
        );
        if updated && by_person && !focus.is_empty() {
            focus_later(t, focus);
        }
    });
}

/// GETs the complaint and, the first time, the agencies' names.
async fn load(t: Tracker, lookup: &Lookup) -> Result<ComplaintView, Failure> {
    let (mut api, mut unnamed) = (None, false);
    t.read(&mut |s| (api, unnamed) = (Some(s.api.clone()), s.agencies.is_empty()));
    // Gone: the caller's update will find out.
    let api = api.ok_or(Failure::Conflict)?;
    let (status, body) = send(Method::GET, &lookup.url(&api), lookup.secret.as_ref(), None).await?;
    let complaint = read_lookup(status, &body)?;
    if unnamed {
        // Without names the tracker shows the agencies' codes.
        if let Ok(agencies) = get_json::<Vec<Agency>>(api.url("/api/v1/agencies")).await {
            t.change(false, Box::new(|s| s.agencies = agencies));
        }
    }
    Ok(complaint)
}

/// Sends a request with the access code in its header, never in the URL.
async fn send(
    method: Method,
    url: &str,
    secret: Option<&AccessSecret>,
    body: Option<String>,
) -> Result<(u16, String), LoadError> {
    let mut request = RequestBuilder::new(url).method(method).header("Accept", "application/json");
    if let Some(secret) = secret {
        request = request.header("X-Access-Secret", secret.expose());
    }
    let response = match body {
        Some(body) => {
            request
                .header("Content-Type", "application/json")
                .body(body)
                .map_err(|_| LoadError::Network)?
                .send()
                .await
        }
        None => request.send().await,
    }
    .map_err(|_| LoadError::Network)?;
    let text = response.text().await.map_err(|_| LoadError::Network)?;
    Ok((response.status(), text))
}

/// Sends the reporter's action `kind` with what its form holds, once the
/// core accepted it; then shows the new state and says what happened.
fn act(t: Tracker, kind: ActionKind) {
    let mut prepared = None;
    t.read(&mut |s| {
        let Some((lookup, complaint)) = s.shown.as_ref().filter(|_| !s.sending) else { return };
        let input = match kind {
            ActionKind::Confirmed => ActionInput::Confirm,
            ActionKind::Disputed => ActionInput::Dispute(&s.reason),
            ActionKind::Rated => ActionInput::Rate(s.rating),
            _ => ActionInput::AddInfo(&s.info),
        };
        prepared = Some((lookup.clone(), input.field(), input.request(complaint.version), s.api.clone()));
    });
    // Nothing shown, or a second click while the first is on its way.
    let Some((lookup, field, request, api)) = prepared else { return };
    let (errors, sending) = (request.as_ref().err().cloned().into_iter().collect(), request.is_ok());
    t.change(
        true,
        Box::new(|s| {
            s.outcome = None;
            s.action_errors = errors;
            s.sending = sending;
        }),
    );
    let Ok(request) = request else {
        focus_later(t, "tracker-feedback");
        return;
    };
    leptos::task::spawn_local(async move {
        let body = crate::json::to_string(&request);
        let result = match send(Method::POST, &lookup.actions_url(&api), lookup.secret.as_ref(), body).await {
            Ok((status, body)) => read_action(status, &body, field),
            Err(error) => Err(error.into()),
        };
        let reloaded = match &result {
            // Show what changed; what the reporter typed stays.
            Err(Failure::Conflict) => load(t, &lookup).await.ok(),
            _ => None,
        };
        let updated = t.change(
            true,
            Box::new(|s| {
                s.sending = false;
                match result {
                    Ok(complaint) => {
                        match kind {
                            ActionKind::Disputed => s.reason.clear(),
                            ActionKind::InfoAdded => s.info.clear(),
                            ActionKind::Rated => s.rating = None,
                            _ => {}
                        }
                        s.shown = Some((lookup, complaint));
                        s.outcome = Some((true, action_done(kind)));
                    }
                    Err(Failure::Conflict) => {
                        if let Some(complaint) = reloaded {
                            s.shown = Some((lookup, complaint));
                        }
                        s.outcome = Some((false, Ui::Conflict.text()));
                    }
                    Err(Failure::Fields(errors)) => s.action_errors = errors,
                    Err(Failure::Message(text)) => s.outcome = Some((false, text)),
                }
            }),
        );
        if updated {
            focus_later(t, "tracker-feedback");
        }
    });
}
