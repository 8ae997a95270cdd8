//! The entry point and view of `<aduan-tracker>`.
//!
//! Everything it shows and decides comes from [`crate::tracker`] and its
//! [`html`](crate::tracker::html) module; this one reads the DOM, the clock
//! and the network. Leptos mounts an empty container, as for the form; the
//! state is one `RefCell`, and after each change [`render`] writes the
//! markup of the lookup form, the loading line and the complaint, replacing
//! a region only when its markup changed. Typing updates the state without
//! rendering, so no region is rebuilt under the cursor; the character count
//! is updated in place. Four listeners on the widget's root handle every
//! event and find their form by its `data-action`. (Leptos' signals, memos
//! and typed event handlers cost the bundle several kilobytes more for the
//! same behaviour.)
//!
//! Focus moves as the GOV.UK Design System says: to the error summary after
//! a refused form, to the complaint after a lookup, to the outcome after an
//! action. Work that continues after an `await` first checks that the widget
//! is still on the page: it may have been unmounted meanwhile.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use aduan_core::api::v1::{Agency, ComplaintView};
use aduan_core::lifecycle::ActionKind;
use aduan_core::{AccessSecret, FieldError, Lang, Text};
use gloo_net::http::Request;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{Element, Event, HtmlElement, ShadowRoot};

use crate::config::ApiBase;
use crate::load::LoadError;
use crate::mount::{Mounted, attribute, get_json, mount_in, warn_webmaster, widget_lang};
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
    let shadow = root.clone();
    // Leptos runs this at once, in the widget's owner, with the container
    // already in `root`; the owner's cleanup removes the page listener.
    mount_in(root, lang, move || {
        // Fails only if the DOM refuses the markup it was just given.
        _ = start(&shadow, lang, api, ticket);
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

/// The tracker: its state and the elements it draws in.
struct Tracker {
    lang: Lang,
    state: RefCell<State>,
    /// The widget's root element, `.tracker`.
    root: Element,
    /// The lookup form, the loading line, the complaint.
    regions: [Element; 3],
    /// The markup each region holds.
    markup: RefCell<[String; 3]>,
    /// Counts keystrokes in the text boxes, so that only the last one's
    /// timer announces the count.
    typing: Cell<u32>,
}

type Shared = Rc<Tracker>;

impl Tracker {
    /// Whether the widget is still on the page: unmounting empties the
    /// shadow root.
    fn alive(&self) -> bool {
        self.root.is_connected()
    }

    /// Changes the state and, if `notify`, renders what changed; `false`
    /// once the widget is gone.
    fn change(&self, notify: bool, change: impl FnOnce(&mut State)) -> bool {
        if !self.alive() {
            return false;
        }
        change(&mut self.state.borrow_mut());
        if notify {
            render(self);
        }
        true
    }
}

/// Builds the tracker in the container Leptos mounted and starts it.
fn start(
    root: &ShadowRoot,
    lang: Lang,
    api: Result<ApiBase, LoadError>,
    initial: Option<String>,
) -> Option<()> {
    let container = root.query_selector(".aduan").ok()??;
    let api = match api {
        Ok(api) => api,
        Err(error) => {
            container.set_inner_html(&html::error(&error.message(), lang));
            return Some(());
        }
    };
    // The widget's root: its heading, then the three regions.
    container.set_inner_html(&html::frame(lang));
    let tracker_root = container.first_element_child()?;
    let title = tracker_root.first_element_child()?;
    let form = title.next_element_sibling()?;
    let status = form.next_element_sibling()?;
    let complaint = status.next_element_sibling()?;
    let regions = [form, status, complaint];
    let t: Shared = Rc::new(Tracker {
        lang,
        state: RefCell::new(State {
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
        root: tracker_root,
        regions,
        markup: RefCell::default(),
        typing: Cell::new(0),
    });
    for (event, handler) in [
        ("submit", on_submit as fn(&Shared, &Event)),
        ("input", on_input),
        ("change", on_change),
        ("click", on_click),
    ] {
        // Owned by JS from here on, and freed with the widget's elements.
        // It holds the tracker weakly: the tracker holds the elements, and
        // a cycle through JS would never be freed.
        let this = Rc::downgrade(&t);
        let listener = Closure::<dyn FnMut(Event)>::new(move |ev: Event| {
            if let Some(this) = this.upgrade() {
                handler(&this, &ev);
            }
        })
        .into_js_value();
        t.root.add_event_listener_with_callback(event, listener.unchecked_ref()).ok()?;
    }
    render(&t);
    if let Some(ticket) = initial {
        // A ticket from the page: look it up, but leave focus where the
        // page has it.
        t.state.borrow_mut().ticket = ticket;
        look_up(&t, false);
    }
    // When the form widget shares the page, its link only changes the
    // fragment: follow it.
    // This listener keeps the tracker: unmounting removes it, and the
    // tracker goes with it (once a request under way has its answer).
    let this = t;
    let listener = window_event_listener_untyped("hashchange", move |_| {
        let Some(ticket) = fragment_ticket() else { return };
        let mut changed = false;
        this.change(true, |s| {
            changed = s.ticket != ticket;
            if changed {
                s.ticket = ticket;
                s.secret.clear();
            }
        });
        if changed {
            look_up(&this, false);
        }
    });
    on_cleanup(move || listener.remove());
    Some(())
}

/// Writes the markup of each region whose markup changed.
fn render(t: &Tracker) {
    let s = t.state.borrow();
    let markup = [
        html::lookup_form(&LookupForm { ticket: &s.ticket, secret: &s.secret, errors: &s.errors }, t.lang),
        html::status(s.loading, s.failure.as_ref(), t.lang),
        complaint_html(&s, t.lang),
    ];
    drop(s);
    let mut shown = t.markup.borrow_mut();
    for ((region, old), new) in t.regions.iter().zip(shown.iter_mut()).zip(markup) {
        if *old != new {
            region.set_inner_html(&new);
            *old = new;
        }
    }
}

/// The complaint's markup, or none.
fn complaint_html(s: &State, lang: Lang) -> String {
    let Some((lookup, complaint)) = &s.shown else { return String::new() };
    let actions = if lookup.secret.is_some() { offered_actions(complaint) } else { Vec::new() };
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

fn event_element(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into::<Element>().ok()
}

fn on_submit(t: &Shared, ev: &Event) {
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
fn on_input(t: &Shared, ev: &Event) {
    let Some(field) = event_element(ev) else { return };
    let value = event_target_value(ev);
    let id = field.id();
    let lang = t.lang;
    let mut count = None;
    t.change(false, |s| {
        let (slot, counted) = match id.as_str() {
            "tracker-ticket" => (&mut s.ticket, false),
            "tracker-secret" => (&mut s.secret, false),
            "tracker-reason" => (&mut s.reason, true),
            "tracker-info" => (&mut s.info, true),
            _ => return,
        };
        *slot = value;
        count = counted.then(|| character_count_message(slot, lang));
    });
    let Some((text, over)) = count else { return };
    if let Some(count) = by_id(t, &id, "-count") {
        count.set_text_content(Some(&text));
        count.set_class_name(if over { "tracker-count tracker-count-over" } else { "tracker-count" });
    }
    let class = if over || by_id(t, &id, "-error").is_some() {
        "tracker-input tracker-textarea tracker-input-error"
    } else {
        "tracker-input tracker-textarea"
    };
    field.set_class_name(class);
    let this = t.typing.get().wrapping_add(1);
    t.typing.set(this);
    let t = t.clone();
    set_timeout(
        move || {
            let live = by_id(&t, &id, "-announce");
            if let Some(live) = live.filter(|_| t.typing.get() == this) {
                live.set_text_content(Some(&text));
            }
        },
        std::time::Duration::from_millis(1000),
    );
}

fn on_change(t: &Shared, ev: &Event) {
    let Some(radio) = event_element(ev) else { return };
    if radio.get_attribute("name").as_deref() == Some("rating") {
        let stars = event_target_value(ev).parse().ok();
        t.change(false, |s| s.rating = stars);
    }
}

/// The error summary's links: focus the field, which is in the shadow
/// root, where following a fragment link would only change the page's
/// address.
fn on_click(t: &Shared, ev: &Event) {
    let link = event_element(ev).and_then(|e| e.closest(".tracker-summary a").ok().flatten());
    let Some(link) = link else { return };
    ev.prevent_default();
    let id = link.get_attribute("href").unwrap_or_default();
    focus(t, id.trim_start_matches('#'));
}

/// The element of the tracker whose id is `id` followed by `suffix`.
fn by_id(t: &Tracker, id: &str, suffix: &str) -> Option<Element> {
    let mut selector = String::with_capacity(1 + id.len() + suffix.len());
    selector.push('#');
    selector.push_str(id);
    selector.push_str(suffix);
    t.root.query_selector(&selector).ok().flatten()
}

/// Moves focus to the element with `id`; the view is already up to date
/// with the state, as every change renders at once.
fn focus(t: &Tracker, id: &str) {
    if let Some(Ok(element)) = by_id(t, id, "").map(JsCast::dyn_into::<HtmlElement>) {
        _ = element.focus();
    }
}

/// Checks the lookup form with the core and, only if it passes, asks the
/// server. `by_person` moves focus to the outcome.
fn look_up(t: &Shared, by_person: bool) {
    let parsed = {
        let s = t.state.borrow();
        (!s.loading).then(|| Lookup::parse(&s.ticket, &s.secret))
    };
    let lookup = match parsed {
        None => return,
        Some(Ok(lookup)) => lookup,
        Some(Err(errors)) => {
            let shown = t.change(true, |s| {
                s.shown = None;
                s.failure = None;
                s.errors = errors;
            });
            if shown && by_person {
                focus(t, "tracker-summary");
            }
            return;
        }
    };
    t.change(true, |s| {
        s.errors.clear();
        s.failure = None;
        s.outcome = None;
        s.action_errors.clear();
        s.loading = true;
    });
    let t = t.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = load(&t, &lookup).await;
        let focused = match &result {
            Ok(_) => "tracker-result-title",
            Err(Failure::Fields(_)) => "tracker-summary",
            Err(_) => "",
        };
        let updated = t.change(true, |s| {
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
        });
        if updated && by_person && !focused.is_empty() {
            focus(&t, focused);
        }
    });
}

/// GETs the complaint and, the first time, the agencies' names.
async fn load(t: &Tracker, lookup: &Lookup) -> Result<ComplaintView, Failure> {
    let (api, unnamed) = {
        let s = t.state.borrow();
        (s.api.clone(), s.agencies.is_empty())
    };
    let (status, body) = send(&lookup.url(&api), lookup.secret.as_ref(), None).await?;
    let complaint = read_lookup(status, &body)?;
    if unnamed {
        // Without names the tracker shows the agencies' codes.
        if let Ok(agencies) = get_json::<Vec<Agency>>(api.url("/api/v1/agencies")).await {
            t.change(false, |s| s.agencies = agencies);
        }
    }
    Ok(complaint)
}

/// GETs `url`, or POSTs `body` to it, with the access code in a header,
/// never in the URL.
async fn send(
    url: &str,
    secret: Option<&AccessSecret>,
    body: Option<String>,
) -> Result<(u16, String), LoadError> {
    // Each with its method as a constant: a method chosen at run time
    // brings the parsing of any method name into the bundle.
    let request = if body.is_some() { Request::post(url) } else { Request::get(url) };
    let mut request = request.header("Accept", "application/json");
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
fn act(t: &Shared, kind: ActionKind) {
    let prepared = {
        let s = t.state.borrow();
        s.shown.as_ref().filter(|_| !s.sending).map(|(lookup, complaint)| {
            let input = match kind {
                ActionKind::Confirmed => ActionInput::Confirm,
                ActionKind::Disputed => ActionInput::Dispute(&s.reason),
                ActionKind::Rated => ActionInput::Rate(s.rating),
                _ => ActionInput::AddInfo(&s.info),
            };
            (lookup.clone(), input.field(), input.body(complaint.version), s.api.clone())
        })
    };
    // Nothing shown, or a second click while the first is on its way.
    let Some((lookup, field, request, api)) = prepared else { return };
    let (errors, sending) = match &request {
        Ok(_) => (Vec::new(), true),
        Err(error) => (vec![error.clone()], false),
    };
    let shown = t.change(true, |s| {
        s.outcome = None;
        s.action_errors = errors;
        s.sending = sending;
    });
    let Ok(body) = request else {
        if shown {
            focus(t, "tracker-feedback");
        }
        return;
    };
    let t = t.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let result = match send(&lookup.actions_url(&api), lookup.secret.as_ref(), Some(body)).await {
            Ok((status, body)) => read_action(status, &body, field),
            Err(error) => Err(error.into()),
        };
        let reloaded = match &result {
            // Show what changed; what the reporter typed stays.
            Err(Failure::Conflict) => load(&t, &lookup).await.ok(),
            _ => None,
        };
        let updated = t.change(true, |s| {
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
        });
        if updated {
            focus(&t, "tracker-feedback");
        }
    });
}
