//! The entry point and view of `<aduan-form>`: the questions, the
//! check-answers step, sending with retries, and the confirmation.
//!
//! Every decision (what is valid, which error goes where, how long to
//! wait, what to say) is made in [`crate::form`], and the markup is
//! written by [`crate::form::html`]; this module reads the browser (clock,
//! storage, randomness, network), sets the markup and moves focus.
//!
//! Leptos only mounts the widget's container; a screen is drawn with one
//! `innerHTML` of the whole screen, and four listeners on the container
//! handle every event. The form needs no fine reactivity: a screen
//! changes only on a step or a submit, and while typing only the
//! character count and two labels change, which are set directly.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use aduan_core::api::v1::Agency;
use aduan_core::{ComplaintInput, Lang, Privacy, ValidationContext, Zone};
use chrono::DateTime;
use leptos::prelude::window;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{Document, Element, Event, HtmlElement, ShadowRoot, Storage};

use crate::config::ApiBase;
use crate::form::html::{self, contact_hint, optional_suffix};
use crate::form::{
    AgencyState, DESCRIPTION_MAX, Draft, ErrorList, Fields, FormSettings, FormState, Question, SendOutcome,
    Step, SuccessView, check, count_message, date_optional, gave_up, key_from_bytes, pick, read_submission,
    retry_delay, sending_message,
};
use crate::load::LoadError;
use crate::mount::{Mounted, attribute, get_json, mount_in, warn_webmaster, widget_lang};

/// Mounts the complaint form of `<aduan-form agency="…">` in `root`.
///
/// Attributes: `agency` (required), `kind` (`pengaduan`, `aspirasi`,
/// `permintaan_informasi`: fixes the kind and leaves its question out),
/// `track` (the site's tracking page; the confirmation links to it with
/// `#tiket=…`), `lang`, `api` (the server; else `script_origin`).
///
/// # Errors
/// Only if the DOM refuses to build the container; wrong attributes are
/// shown in the widget instead.
#[wasm_bindgen(js_name = mountForm)]
pub fn mount_form(host: &Element, root: &ShadowRoot, script_origin: &str) -> Result<Mounted, JsValue> {
    let lang = widget_lang(host);
    let setup = ApiBase::new(attribute(host, "api").as_deref(), script_origin)
        .and_then(|api| {
            FormSettings::new(
                attribute(host, "agency").as_deref(),
                attribute(host, "kind").as_deref(),
                attribute(host, "track").as_deref(),
            )
            .map(|settings| (api, settings))
        })
        .map_err(|error| {
            warn_webmaster(host, error.message.get(Lang::En));
            LoadError::Attribute(error)
        });
    let mounted = mount_in(root, lang, || ())?;
    let container = root.query_selector(".aduan")?.ok_or_else(|| JsValue::from_str("no container"))?;
    match setup {
        Ok((api, settings)) => {
            container.set_inner_html("<div class=\"form\"></div>");
            let form = container.query_selector(".form")?.ok_or_else(|| JsValue::from_str("no form"))?;
            start(form.unchecked_into(), host.clone(), api, settings, lang)?;
        }
        Err(error) => container.set_inner_html(&html::attribute_error(error.message().get(lang))),
    }
    Ok(mounted)
}

/// The form: its state and the container it draws in.
struct Ui {
    lang: Lang,
    state: RefCell<FormState>,
    container: HtmlElement,
    document: Document,
}

type Shared = Rc<Ui>;

fn start(
    container: HtmlElement,
    host: Element,
    api: ApiBase,
    settings: FormSettings,
    lang: Lang,
) -> Result<(), JsValue> {
    let document = container.owner_document().ok_or_else(|| JsValue::from_str("no document"))?;
    let agencies_url = api.url("/api/v1/agencies");
    let (fields, key, restored) = match storage()
        .and_then(|s| s.get_item(&Draft::storage_key(&settings.agency)).ok().flatten())
        .and_then(|j| Draft::from_json(&j))
    {
        Some(draft) if !draft.is_blank() => (draft.fields, draft.key, true),
        _ => (Fields::default(), new_key(), false),
    };
    let ui: Shared = Rc::new(Ui {
        lang,
        state: RefCell::new(FormState::new(settings, api, fields, key, restored)),
        container,
        document,
    });
    for (event, handler) in [
        ("input", on_input as fn(&Shared, &Event)),
        ("change", on_change),
        ("click", on_click),
        ("submit", on_submit),
    ] {
        let this = ui.clone();
        // Owned by JS from here on, and freed with the container.
        let listener = Closure::<dyn FnMut(Event)>::new(move |ev: Event| handler(&this, &ev)).into_js_value();
        ui.container.add_event_listener_with_callback(event, listener.unchecked_ref())?;
    }
    draw(&ui);
    spawn_local(async move {
        let agency_id = ui.state.borrow().settings.agency.clone();
        let state = match get_json::<Vec<Agency>>(agencies_url).await {
            Ok(list) => {
                list.into_iter().find(|a| a.id == agency_id).map_or(AgencyState::Missing, AgencyState::Found)
            }
            Err(_) => AgencyState::Unreachable,
        };
        if state == AgencyState::Missing {
            warn_webmaster(&host, &format!("the Aduan server has no agency {agency_id}"));
        }
        let markup = html::agency(&state, ui.lang);
        ui.state.borrow_mut().agency = state;
        if let Some(line) = by_id(&ui, "form-to") {
            line.set_inner_html(&markup);
        }
    });
    Ok(())
}

// ----- Browser helpers --------------------------------------------------------

fn storage() -> Option<Storage> {
    window().local_storage().ok().flatten()
}

/// A new idempotency key: 16 random bytes from the browser.
fn new_key() -> String {
    let mut bytes = [0u8; 16];
    let random = window().crypto().is_ok_and(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok());
    if !random {
        // Without Web Crypto (very old browsers) a weaker source still
        // tells one reporter's drafts apart.
        for b in &mut bytes {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    key_from_bytes(bytes)
}

/// Saves the draft, or drops it once nothing is typed. A full or refused
/// storage only loses the draft, never the form.
fn save_draft(ui: &Ui) {
    let state = ui.state.borrow();
    let Some(storage) = storage() else { return };
    let storage_key = Draft::storage_key(&state.settings.agency);
    let draft = Draft { key: state.key.clone(), fields: state.fields.clone() };
    let _ = if draft.is_blank() {
        storage.remove_item(&storage_key)
    } else {
        storage.set_item(&storage_key, &draft.to_json())
    };
}

#[inline(never)]
fn by_id(ui: &Ui, id: &str) -> Option<Element> {
    let mut selector = String::from("#");
    selector.push_str(id);
    ui.container.query_selector(&selector).ok()?
}

/// Focuses a control and brings its question's label or legend into view.
#[inline(never)]
fn focus(ui: &Ui, id: &str) {
    if let Some(el) = by_id(ui, id) {
        let _ = el.unchecked_ref::<HtmlElement>().focus();
        if let Some(group) = el.closest(".form-group").ok().flatten() {
            group.scroll_into_view();
        }
    }
}

#[inline(never)]
fn set_text(ui: &Ui, id: &str, text: &str) {
    if let Some(el) = by_id(ui, id) {
        el.set_text_content(Some(text));
    }
}

async fn sleep(wait: Duration) {
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

/// Draws the current screen.
#[inline(never)]
fn draw(ui: &Ui) {
    let markup = html::screen(&ui.state.borrow(), ui.lang);
    ui.container.set_inner_html(&markup);
}

/// Draws the current screen and focuses `id` on it.
#[inline(never)]
fn draw_and_focus(ui: &Ui, id: &str) {
    draw(ui);
    focus(ui, id);
}

// ----- Events ---------------------------------------------------------------------

fn target(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}

fn value_of(el: &Element) -> String {
    el.unchecked_ref::<Control>().value().unwrap_or_default()
}

fn on_input(ui: &Shared, ev: &Event) {
    let Some(el) = target(ev) else { return };
    let value = value_of(&el);
    let id = el.id();
    {
        let mut state = ui.state.borrow_mut();
        let f = &mut state.fields;
        let slot = match id.as_str() {
            "form-title" => &mut f.title,
            "form-description" => &mut f.description,
            "form-day" => &mut f.day,
            "form-month" => &mut f.month,
            "form-year" => &mut f.year,
            "form-location" => &mut f.location,
            "form-coordinates" => &mut f.coordinates,
            "form-name" => &mut f.name,
            "form-email" => &mut f.email,
            "form-phone" => &mut f.phone,
            "form-website" => &mut state.honeypot,
            _ => return,
        };
        *slot = value;
    }
    if id == "form-description" {
        update_count(ui, &el);
    }
    save_draft(ui);
}

/// Redraws the character count, and speaks it once typing pauses.
fn update_count(ui: &Shared, textarea: &Element) {
    let (message, over) = count_message(&ui.state.borrow().fields.description, DESCRIPTION_MAX, ui.lang);
    if let Some(count) = by_id(ui, "form-description-count") {
        count.set_text_content(Some(&message));
        count.set_class_name(if over {
            "form-hint form-count form-count--over"
        } else {
            "form-hint form-count"
        });
    }
    let invalid = over || ui.state.borrow().errors.message(Question::Description, ui.lang).is_some();
    textarea.set_class_name(if invalid { "form-textarea form-input--error" } else { "form-textarea" });
    let generation = {
        let mut state = ui.state.borrow_mut();
        state.count_generation = state.count_generation.wrapping_add(1);
        state.count_generation
    };
    let ui = ui.clone();
    spawn_local(async move {
        sleep(Duration::from_millis(1000)).await;
        let state = ui.state.borrow();
        if state.count_generation == generation {
            let (message, _) = count_message(&state.fields.description, DESCRIPTION_MAX, ui.lang);
            set_text(&ui, "form-description-sr", &message);
        }
    });
}

fn on_change(ui: &Shared, ev: &Event) {
    let Some(el) = target(ev) else { return };
    let name = el.get_attribute("name").unwrap_or_default();
    let value = value_of(&el);
    {
        let mut state = ui.state.borrow_mut();
        match name.as_str() {
            "kind" => state.fields.kind = value,
            "privacy" => state.fields.privacy = value,
            _ => return,
        }
    }
    // The labels that depend on the choices.
    let (date_is_optional, anonymous) = {
        let state = ui.state.borrow();
        (date_optional(state.fields.kind(&state.settings)), state.fields.privacy() == Some(Privacy::Anonim))
    };
    set_text(ui, "form-date-opt", optional_suffix(ui.lang, date_is_optional));
    set_text(ui, "form-name-opt", optional_suffix(ui.lang, anonymous));
    set_text(ui, "form-contact-hint", contact_hint(ui.lang, anonymous));
    save_draft(ui);
}

fn on_submit(ui: &Shared, ev: &Event) {
    ev.prevent_default();
    go_to_check(ui);
}

fn on_click(ui: &Shared, ev: &Event) {
    let Some(el) = target(ev) else { return };
    if let Some(link) = el.closest("[data-focus]").ok().flatten() {
        ev.prevent_default();
        let id = link.get_attribute("data-focus").unwrap_or_default();
        let step = ui.state.borrow().step;
        if step != Step::Questions {
            ui.state.borrow_mut().step = Step::Questions;
            draw(ui);
        }
        focus(ui, &id);
        return;
    }
    let Some(button) = el.closest("[data-act]").ok().flatten() else { return };
    match button.get_attribute("data-act").as_deref() {
        Some("send") => send(ui),
        Some("clear") => {
            {
                let mut state = ui.state.borrow_mut();
                state.fields = Fields::default();
                state.key = new_key();
                state.errors = ErrorList::default();
                state.restored = false;
            }
            save_draft(ui);
            draw_and_focus(ui, "form-heading");
        }
        Some("another") => {
            {
                let mut state = ui.state.borrow_mut();
                state.step = Step::Questions;
                state.success = None;
            }
            draw_and_focus(ui, "form-heading");
        }
        Some(act @ ("copy-ticket" | "copy-secret")) => {
            let text = {
                let state = ui.state.borrow();
                let Some(success) = &state.success else { return };
                if act == "copy-ticket" { success.ticket.clone() } else { success.secret.clone() }
            };
            let lang = ui.lang;
            let done = if act == "copy-ticket" {
                pick(lang, "Nomor tiket disalin", "Ticket number copied")
            } else {
                pick(lang, "Kode akses disalin", "Access code copied")
            };
            let ui = ui.clone();
            spawn_local(async move {
                let message = if copy(&ui, &text).await {
                    done
                } else {
                    pick(
                        lang,
                        "Tidak dapat menyalin. Pilih teksnya, lalu salin.",
                        "Could not copy. Select the text, then copy it.",
                    )
                };
                set_text(&ui, "form-copied", message);
            });
        }
        _ => {}
    }
}

// ----- Checking and sending -----------------------------------------------------

/// Checks the answers with the core, with the browser's clock and the
/// agency's zone. Until the zone is known the easternmost one is used, so
/// no date that is already today somewhere in Indonesia is refused here
/// (the server checks again with the agency's zone).
fn validate(ui: &Ui) -> Result<ComplaintInput, ErrorList> {
    #[allow(clippy::cast_possible_truncation)] // Milliseconds since 1970 fit in i64.
    let now = DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let state = ui.state.borrow();
    let zone = match &state.agency {
        AgencyState::Found(agency) => agency.zone,
        _ => Zone::WIT,
    };
    let origin = window().location().origin().unwrap_or_default();
    let ctx = ValidationContext { now, zone, known_agencies: None };
    check(&state.fields, &state.settings, &origin, &ctx)
}

fn show_errors(ui: &Ui, errors: ErrorList) {
    {
        let mut state = ui.state.borrow_mut();
        state.errors = errors;
        state.step = Step::Questions;
    }
    draw_and_focus(ui, "form-summary");
}

fn go_to_check(ui: &Ui) {
    match validate(ui) {
        Ok(_) => {
            {
                let mut state = ui.state.borrow_mut();
                state.errors = ErrorList::default();
                state.failure = None;
                state.step = Step::Check;
            }
            draw_and_focus(ui, "form-check");
        }
        Err(errors) => show_errors(ui, errors),
    }
}

/// Sends the complaint, retrying with the same key, unless a send is
/// already under way.
fn send(ui: &Shared) {
    if ui.state.borrow().sending {
        return;
    }
    let input = match validate(ui) {
        Ok(input) => input,
        Err(errors) => return show_errors(ui, errors),
    };
    let (body, url) = {
        let mut state = ui.state.borrow_mut();
        state.sending = true;
        let body = crate::form::json::submit_body(&input, &state.honeypot);
        (body, state.api.url("/api/v1/complaints"))
    };
    let lang = ui.lang;
    set_text(ui, "form-progress", &sending_message(None, lang));
    let ui = ui.clone();
    spawn_local(async move {
        let mut retry = 0;
        let mut new_key_tried = false;
        let failure = loop {
            let key = ui.state.borrow().key.clone();
            match post(&url, &key, &body).await {
                SendOutcome::Stored(submitted) => {
                    {
                        let mut state = ui.state.borrow_mut();
                        let zone = match &state.agency {
                            AgencyState::Found(agency) => agency.zone,
                            _ => Zone::WIB,
                        };
                        // The browser's parser reads the RFC 3339 instant.
                        let millis = submitted.verification_due_at.as_deref().map(js_sys::Date::parse);
                        #[allow(clippy::cast_possible_truncation)] // Milliseconds since 1970 fit in i64.
                        let due = millis
                            .filter(|m| m.is_finite())
                            .and_then(|m| DateTime::from_timestamp_millis(m as i64));
                        let success =
                            SuccessView::new(&submitted, due, zone, lang, state.settings.track.as_deref());
                        state.success = Some(success);
                        state.step = Step::Done;
                        state.fields = Fields::default();
                        state.key = new_key();
                        state.restored = false;
                        state.sending = false;
                    }
                    // Acknowledged: only now is the draft dropped.
                    save_draft(&ui);
                    draw_and_focus(&ui, "form-done");
                    return;
                }
                SendOutcome::Invalid(errors) => {
                    ui.state.borrow_mut().sending = false;
                    show_errors(&ui, errors);
                    return;
                }
                SendOutcome::KeyReused if !new_key_tried => {
                    // The answers changed since this key was first sent:
                    // they are another complaint, which needs its own key.
                    new_key_tried = true;
                    ui.state.borrow_mut().key = new_key();
                    save_draft(&ui);
                }
                SendOutcome::KeyReused => break gave_up(storage().is_some()).get(lang).to_owned(),
                SendOutcome::Retry { retry_after } => {
                    retry += 1;
                    let Some(wait) = retry_delay(retry, retry_after.as_deref()) else {
                        break gave_up(storage().is_some()).get(lang).to_owned();
                    };
                    set_text(&ui, "form-progress", &sending_message(Some((retry, wait)), lang));
                    sleep(wait).await;
                    set_text(&ui, "form-progress", &sending_message(None, lang));
                }
                SendOutcome::Refused(message) => break message.get(lang).to_owned(),
            }
        };
        {
            let mut state = ui.state.borrow_mut();
            state.sending = false;
            state.failure = Some(failure);
        }
        if ui.state.borrow().step == Step::Check {
            draw_and_focus(&ui, "form-failure");
        }
    });
}

async fn post(url: &str, key: &str, body: &str) -> SendOutcome {
    let request = gloo_net::http::Request::post(url)
        .header("Accept", "application/json")
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", key)
        .body(body.to_owned());
    let Ok(request) = request else { return read_submission(None, "", None) };
    match request.send().await {
        Err(_) => read_submission(None, "", None),
        Ok(response) => {
            let retry_after = response.headers().get("retry-after");
            let text = response.text().await.unwrap_or_default();
            read_submission(Some(response.status()), &text, retry_after)
        }
    }
}

/// Copies `text`, with the Clipboard API where the page allows it, else
/// the older `execCommand`; `false` if neither worked.
async fn copy(ui: &Ui, text: &str) -> bool {
    if let Ok(promise) = write_text(text)
        && JsFuture::from(promise).await.is_ok()
    {
        return true;
    }
    let Ok(area) = ui.document.create_element("textarea") else { return false };
    area.set_class_name("form-offscreen");
    area.set_text_content(Some(text));
    let _ = ui.container.append_with_node_1(&area);
    area.unchecked_ref::<Control>().select();
    let copied = exec_command("copy").unwrap_or(false);
    area.remove();
    copied
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.clipboard.writeText`; it throws where the page has no
    /// Clipboard API.
    #[wasm_bindgen(catch, js_namespace = ["navigator", "clipboard"], js_name = writeText)]
    fn write_text(text: &str) -> Result<js_sys::Promise, JsValue>;

    /// `document.execCommand`, the older way to copy.
    #[wasm_bindgen(catch, js_namespace = document, js_name = execCommand)]
    fn exec_command(command: &str) -> Result<bool, JsValue>;

    /// An input or a textarea, as far as the form uses one.
    type Control;

    /// Its value.
    #[wasm_bindgen(method, getter)]
    fn value(this: &Control) -> Option<String>;

    /// Selects its text.
    #[wasm_bindgen(method)]
    fn select(this: &Control);
}
