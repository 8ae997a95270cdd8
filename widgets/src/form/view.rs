//! The entry point and view of `<aduan-form>`: the questions, the
//! check-answers step, sending with retries, and the confirmation.
//!
//! Every decision (what is valid, which error goes where, how long to
//! wait, what to say) is made in [`crate::form`]; this module reads the
//! browser (clock, storage, randomness, network) and draws.
//!
//! Leptos mounts an empty container; the form itself is drawn with plain
//! DOM calls, a screen at a time, and four listeners on the container
//! handle every event. A form of some thirty elements drawn through
//! Leptos' typed views cost more WASM than the whole rest of the bundle;
//! drawn this way it costs a small fraction, and the form needs no fine
//! reactivity: a screen changes only on a step or a submit, and while
//! typing only the character count and two labels change, which are set
//! directly.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use aduan_core::api::v1::{Agency, SubmitComplaint};
use aduan_core::{ComplaintInput, ComplaintKind, Lang, Privacy, ValidationContext, Zone, format};
use chrono::DateTime;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{Document, Element, Event, HtmlElement, ShadowRoot, Storage};

use crate::config::ApiBase;
use crate::form::{
    DESCRIPTION_MAX, Draft, ErrorList, Fields, FormSettings, Question, SendOutcome, SuccessView, anchor,
    answers, check, count_message, date_optional, gave_up, key_from_bytes, kind_text, pick, privacy_text,
    read_submission, retry_delay, sending_message,
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
    let (api, settings) = match setup {
        Ok(setup) => setup,
        Err(error) => {
            let message = error.message().get(lang).to_owned();
            return mount_in(root, lang, move || view! { <p class="error">{message}</p> });
        }
    };
    let mounted = mount_in(root, lang, || view! { <div class="form"></div> })?;
    let container: HtmlElement =
        root.query_selector(".form")?.ok_or_else(|| JsValue::from_str("no form container"))?.unchecked_into();
    start(container, host.clone(), api, settings, lang)?;
    Ok(mounted)
}

/// The agency addressed, as the server describes it.
#[derive(Debug, Clone, PartialEq)]
enum AgencyState {
    Loading,
    Found(Agency),
    /// The server answered and does not know the agency.
    Missing,
    /// The list could not be read; the form still works.
    Unreachable,
}

/// Which screen the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    Questions,
    Check,
    Done,
}

/// Everything the form knows.
#[derive(Debug)]
struct State {
    settings: FormSettings,
    api: ApiBase,
    fields: Fields,
    /// The draft's idempotency key.
    key: String,
    honeypot: String,
    errors: ErrorList,
    step: Step,
    agency: AgencyState,
    /// Whether a send is under way (a second click is ignored).
    sending: bool,
    restored: bool,
    /// Why the last send failed, when sending again is up to the reporter.
    failure: Option<String>,
    success: Option<SuccessView>,
    /// Bumped on every keystroke in the description, so that only the
    /// last one, after a pause, speaks the count.
    count_generation: u32,
}

/// The form: its state and the container it draws in.
struct Ui {
    lang: Lang,
    state: RefCell<State>,
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
    let storage_key = Draft::storage_key(&settings.agency);
    let agencies_url = api.url("/api/v1/agencies");
    let (fields, key, restored) = match storage()
        .and_then(|s| s.get_item(&storage_key).ok().flatten())
        .and_then(|j| Draft::from_json(&j))
    {
        Some(draft) if !draft.is_blank() => (draft.fields, draft.key, true),
        _ => (Fields::default(), new_key(), false),
    };
    let ui: Shared = Rc::new(Ui {
        lang,
        state: RefCell::new(State {
            settings,
            api,
            fields,
            key,
            honeypot: String::new(),
            errors: ErrorList::default(),
            step: Step::Questions,
            agency: AgencyState::Loading,
            sending: false,
            restored,
            failure: None,
            success: None,
            count_generation: 0,
        }),
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
    let agency_ui = ui.clone();
    spawn_local(async move {
        let agency_id = agency_ui.state.borrow().settings.agency.clone();
        let state = match get_json::<Vec<Agency>>(agencies_url).await {
            Ok(list) => {
                list.into_iter().find(|a| a.id == agency_id).map_or(AgencyState::Missing, AgencyState::Found)
            }
            Err(_) => AgencyState::Unreachable,
        };
        if state == AgencyState::Missing {
            warn_webmaster(&host, &format!("the Aduan server has no agency {agency_id}"));
        }
        agency_ui.state.borrow_mut().agency = state;
        show_agency(&agency_ui);
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
    let mut draft = Draft::new(state.key.clone());
    draft.fields = state.fields.clone();
    let _ = if draft.is_blank() {
        storage.remove_item(&storage_key)
    } else {
        storage.set_item(&storage_key, &draft.to_json())
    };
}

fn by_id(ui: &Ui, id: &str) -> Option<HtmlElement> {
    ui.container.query_selector(&format!("#{id}")).ok()??.dyn_into().ok()
}

/// Focuses a control and brings its question's label or legend into view.
fn focus(ui: &Ui, id: &str) {
    if let Some(el) = by_id(ui, id) {
        let _ = el.focus();
        if let Some(group) = el.closest(".form-group").ok().flatten() {
            group.scroll_into_view();
        }
    }
}

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

// ----- Drawing ------------------------------------------------------------------

/// An element under construction.
struct B(Element);

impl B {
    fn new(ui: &Ui, tag: &str, class: &str) -> Self {
        let el = ui.document.create_element(tag).expect("a known tag");
        if !class.is_empty() {
            el.set_class_name(class);
        }
        Self(el)
    }

    fn attr(self, name: &str, value: &str) -> Self {
        let _ = self.0.set_attribute(name, value);
        self
    }

    fn id(self, id: &str) -> Self {
        self.0.set_id(id);
        self
    }

    fn text(self, text: &str) -> Self {
        let _ = self.0.append_with_str_1(text);
        self
    }

    #[allow(clippy::needless_pass_by_value)] // Taking it reads as building a tree.
    fn child(self, child: B) -> Self {
        let _ = self.0.append_with_node_1(&child.0);
        self
    }

    fn maybe(self, child: Option<B>) -> Self {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// A visually hidden text for screen readers.
    fn hidden_text(self, ui: &Ui, text: &str) -> Self {
        self.child(B::new(ui, "span", "form-vh").text(text))
    }
}

fn optional_suffix(ui: &Ui, optional: bool) -> &'static str {
    if optional { pick(ui.lang, " (opsional)", " (optional)") } else { "" }
}

/// Draws the current screen.
fn draw(ui: &Ui) {
    ui.container.set_inner_html("");
    let step = ui.state.borrow().step;
    let screen = match step {
        Step::Questions => questions(ui),
        Step::Check => check_answers(ui),
        Step::Done => confirmation(ui),
    };
    let _ = ui.container.append_with_node_1(&screen.0);
    show_agency(ui);
}

/// Fills in what the server said about the agency.
fn show_agency(ui: &Ui) {
    let agency = ui.state.borrow().agency.clone();
    if let (AgencyState::Found(agency), Some(line)) = (&agency, by_id(ui, "form-agency")) {
        line.set_text_content(Some(pick(ui.lang, "Kepada: ", "To: ")));
        let _ = line.append_with_node_1(&B::new(ui, "strong", "").text(&agency.name).0);
        line.set_hidden(false);
    }
    if let (AgencyState::Missing, Some(line)) = (&agency, by_id(ui, "form-missing")) {
        line.set_hidden(false);
    }
}

fn agency_lines(ui: &Ui) -> B {
    let lang = ui.lang;
    B::new(ui, "div", "")
        .child(B::new(ui, "p", "form-body").id("form-agency").attr("hidden", ""))
        .child(B::new(ui, "p", "error").id("form-missing").attr("hidden", "").text(pick(
            lang,
            "Instansi formulir ini tidak terdaftar di server Aduan, jadi pengaduan belum dapat dikirim. Hubungi pengelola situs ini.",
            "This form's agency is not registered with the Aduan server, so complaints cannot be sent yet. Contact this site's administrator.",
        )))
}

fn error_summary(ui: &Ui, errors: &ErrorList) -> Option<B> {
    if errors.is_empty() {
        return None;
    }
    let lang = ui.lang;
    let mut list = B::new(ui, "ul", "form-summary-list");
    for item in errors.items() {
        let message = item.message.get(lang);
        let line = match anchor(&item.field) {
            Some(id) => {
                B::new(ui, "a", "").attr("href", &format!("#{id}")).attr("data-focus", id).text(message)
            }
            None => B::new(ui, "span", "").text(message),
        };
        list = list.child(B::new(ui, "li", "").child(line));
    }
    Some(
        B::new(ui, "div", "form-summary")
            .id("form-summary")
            .attr("role", "alert")
            .attr("tabindex", "-1")
            .attr("aria-labelledby", "form-summary-title")
            .child(B::new(ui, "h2", "form-summary-title").id("form-summary-title").text(pick(
                lang,
                "Ada masalah",
                "There is a problem",
            )))
            .child(list),
    )
}

/// A question's wrapper, red-barred when it has an error.
fn group(ui: &Ui, invalid: bool) -> B {
    B::new(ui, "div", if invalid { "form-group form-group--error" } else { "form-group" })
}

/// The inline error after a question's label and hint, and its id.
fn inline_error(ui: &Ui, errors: &ErrorList, question: Question, id: &str) -> Option<(B, String)> {
    let message = errors.message(question, ui.lang)?;
    let error_id = format!("{id}-error");
    let p = B::new(ui, "p", "form-error-message")
        .id(&error_id)
        .hidden_text(ui, pick(ui.lang, "Galat: ", "Error: "))
        .text(&message);
    Some((p, error_id))
}

/// A one-line text question.
#[derive(Clone, Copy)]
struct TextBox {
    id: &'static str,
    question: Question,
    label: &'static str,
    hint: Option<&'static str>,
    input_type: &'static str,
    autocomplete: &'static str,
    /// A width class, or "" for the full width.
    width: &'static str,
    spellcheck: bool,
}

fn text_box(ui: &Ui, errors: &ErrorList, b: TextBox, value: &str, optional: bool) -> B {
    let error = inline_error(ui, errors, b.question, b.id);
    let invalid = error.is_some();
    let mut described = Vec::new();
    let hint = b.hint.map(|hint| {
        let hint_id = format!("{}-hint", b.id);
        described.push(hint_id.clone());
        B::new(ui, "div", "form-hint").id(&hint_id).text(hint)
    });
    let error = error.map(|(p, id)| {
        described.push(id);
        p
    });
    let mut input = B::new(
        ui,
        "input",
        &format!("form-input {}{}", b.width, if invalid { " form-input--error" } else { "" }),
    )
    .id(b.id)
    .attr("name", b.id.trim_start_matches("form-"))
    .attr("type", b.input_type)
    .attr("autocomplete", b.autocomplete)
    .attr("value", value);
    if !b.spellcheck {
        input = input.attr("spellcheck", "false");
    }
    if !described.is_empty() {
        input = input.attr("aria-describedby", &described.join(" "));
    }
    group(ui, invalid)
        .child(
            B::new(ui, "label", "form-label").attr("for", b.id).text(b.label).child(
                B::new(ui, "span", "").id(&format!("{}-opt", b.id)).text(optional_suffix(ui, optional)),
            ),
        )
        .maybe(hint)
        .maybe(error)
        .child(input)
}

/// A question answered by one of several radios.
fn radios(
    ui: &Ui,
    errors: &ErrorList,
    question: Question,
    name: &str,
    legend: &str,
    choices: &[(&str, &str, &str)],
    value: &str,
) -> B {
    let id = format!("form-{name}");
    let error = inline_error(ui, errors, question, &id);
    let mut fieldset = B::new(ui, "fieldset", "form-fieldset");
    if let Some((_, error_id)) = &error {
        fieldset = fieldset.attr("aria-describedby", error_id);
    }
    let invalid = error.is_some();
    let mut list = B::new(ui, "div", "form-radios");
    for (code, label, hint) in choices {
        let radio_id = format!("{id}-{code}");
        let hint_id = format!("{radio_id}-hint");
        let mut radio = B::new(ui, "input", "form-radio-input")
            .attr("type", "radio")
            .id(&radio_id)
            .attr("name", name)
            .attr("value", code)
            .attr("aria-describedby", &hint_id);
        if value == *code {
            radio = radio.attr("checked", "");
        }
        list = list.child(
            B::new(ui, "div", "form-radio")
                .child(radio)
                .child(B::new(ui, "label", "form-label form-radio-label").attr("for", &radio_id).text(label))
                .child(B::new(ui, "div", "form-hint form-radio-hint").id(&hint_id).text(hint)),
        );
    }
    group(ui, invalid).child(
        fieldset
            .child(B::new(ui, "legend", "form-legend").text(legend))
            .maybe(error.map(|(p, _)| p))
            .child(list),
    )
}

fn questions(ui: &Ui) -> B {
    let lang = ui.lang;
    let state = ui.state.borrow();
    let (f, errors) = (&state.fields, &state.errors);
    let kind = f.kind(&state.settings);
    let anonymous = f.privacy() == Some(Privacy::Anonim);
    let mut form = B::new(ui, "form", "form-questions").attr("novalidate", "");

    if state.settings.kind.is_none() {
        let choices: Vec<_> = ComplaintKind::ALL
            .into_iter()
            .map(|k| {
                let (label, hint) = kind_text(k, lang);
                (k.code(), label, hint)
            })
            .collect();
        form = form.child(radios(
            ui,
            errors,
            Question::Kind,
            "kind",
            pick(lang, "Jenis laporan", "Type of report"),
            &choices,
            &f.kind,
        ));
    }
    form = form.child(text_box(
        ui,
        errors,
        TextBox {
            id: "form-title",
            question: Question::Title,
            label: pick(lang, "Judul", "Title"),
            hint: Some(pick(
                lang,
                "Ringkas dalam satu kalimat, minimal 10 karakter",
                "One short sentence, at least 10 characters",
            )),
            input_type: "text",
            autocomplete: "off",
            width: "",
            spellcheck: true,
        },
        &f.title,
        false,
    ));

    // The description, with its character count.
    let error = inline_error(ui, errors, Question::Description, "form-description");
    let (count, over) = count_message(&f.description, DESCRIPTION_MAX, lang);
    let limit = format::integer(i64::try_from(DESCRIPTION_MAX).unwrap_or(i64::MAX), lang);
    let info = match lang {
        Lang::Id => format!("Anda dapat memasukkan hingga {limit} karakter"),
        Lang::En => format!("You can enter up to {limit} characters"),
    };
    let mut described = String::from("form-description-hint form-description-info");
    if let Some((_, id)) = &error {
        described.push(' ');
        described.push_str(id);
    }
    let invalid = error.is_some();
    form = form.child(
        group(ui, invalid)
            .child(B::new(ui, "label", "form-label").attr("for", "form-description").text(pick(
                lang,
                "Uraian",
                "Description",
            )))
            .child(B::new(ui, "div", "form-hint").id("form-description-hint").text(pick(
                lang,
                "Ceritakan apa yang terjadi, di mana, dan siapa yang terlibat, minimal 30 karakter",
                "Say what happened, where, and who was involved, at least 30 characters",
            )))
            .maybe(error.map(|(p, _)| p))
            .child(
                B::new(
                    ui,
                    "textarea",
                    if invalid || over { "form-textarea form-input--error" } else { "form-textarea" },
                )
                .id("form-description")
                .attr("name", "description")
                .attr("rows", "8")
                .attr("aria-describedby", &described)
                .text(&f.description),
            )
            .child(B::new(ui, "div", "form-vh").id("form-description-info").text(&info))
            .child(
                B::new(
                    ui,
                    "div",
                    if over { "form-hint form-count form-count--over" } else { "form-hint form-count" },
                )
                .id("form-description-count")
                .attr("aria-hidden", "true")
                .text(&count),
            )
            .child(B::new(ui, "div", "form-vh").id("form-description-sr").attr("aria-live", "polite")),
    );

    // The date as three boxes.
    let error = inline_error(ui, errors, Question::Date, "form-date");
    let mut described = String::from("form-date-hint");
    if let Some((_, id)) = &error {
        described.push(' ');
        described.push_str(id);
    }
    let mut parts = B::new(ui, "div", "form-date");
    for (id, field, label, width, value) in [
        ("form-day", "incident_date.day", pick(lang, "Tanggal", "Day"), "form-w2", &f.day),
        ("form-month", "incident_date.month", pick(lang, "Bulan", "Month"), "form-w3", &f.month),
        ("form-year", "incident_date.year", pick(lang, "Tahun", "Year"), "form-w4", &f.year),
    ] {
        let wrong = if errors.marks(field) { " form-input--error" } else { "" };
        parts = parts.child(
            B::new(ui, "div", "form-date-item")
                .child(B::new(ui, "label", "form-label form-date-label").attr("for", id).text(label))
                .child(
                    B::new(ui, "input", &format!("form-input {width}{wrong}"))
                        .id(id)
                        .attr("name", id.trim_start_matches("form-"))
                        .attr("type", "text")
                        .attr("inputmode", "numeric")
                        .attr("value", value),
                ),
        );
    }
    form = form.child(
        group(ui, error.is_some()).child(
            B::new(ui, "fieldset", "form-fieldset")
                .attr("role", "group")
                .attr("aria-describedby", &described)
                .child(
                    B::new(ui, "legend", "form-legend")
                        .text(pick(lang, "Tanggal kejadian", "Date of the incident"))
                        .child(
                            B::new(ui, "span", "")
                                .id("form-date-opt")
                                .text(optional_suffix(ui, date_optional(kind))),
                        ),
                )
                .child(B::new(ui, "div", "form-hint").id("form-date-hint").text(pick(
                    lang,
                    "Contoh: 27 3 2026",
                    "For example, 27 3 2026",
                )))
                .maybe(error.map(|(p, _)| p))
                .child(parts),
        ),
    );

    form = form.child(text_box(
        ui,
        errors,
        TextBox {
            id: "form-location",
            question: Question::Location,
            label: pick(lang, "Lokasi kejadian", "Location of the incident"),
            hint: Some(pick(
                lang,
                "Contoh: Jl. A. Yani km 5, depan masjid",
                "For example, Jl. A. Yani km 5, opposite the mosque",
            )),
            input_type: "text",
            autocomplete: "off",
            width: "",
            spellcheck: true,
        },
        &f.location,
        true,
    ));
    let choices: Vec<_> = Privacy::ALL
        .into_iter()
        .map(|p| {
            let (label, hint) = privacy_text(p, lang);
            (p.code(), label, hint)
        })
        .collect();
    form = form.child(radios(
        ui,
        errors,
        Question::Privacy,
        "privacy",
        pick(lang, "Siapa yang dapat melihat identitas Anda?", "Who can see your identity?"),
        &choices,
        &f.privacy,
    ));
    form = form.child(text_box(
        ui,
        errors,
        TextBox {
            id: "form-name",
            question: Question::Name,
            label: pick(lang, "Nama lengkap", "Full name"),
            hint: None,
            input_type: "text",
            autocomplete: "name",
            width: "",
            spellcheck: false,
        },
        &f.name,
        anonymous,
    ));

    // Email and phone: one of them is needed.
    let error = inline_error(ui, errors, Question::Contact, "form-contact");
    let mut described = String::from("form-contact-hint");
    if let Some((_, id)) = &error {
        described.push(' ');
        described.push_str(id);
    }
    form = form.child(
        group(ui, error.is_some()).child(
            B::new(ui, "fieldset", "form-fieldset")
                .attr("aria-describedby", &described)
                .child(B::new(ui, "legend", "form-legend").text(pick(
                    lang,
                    "Cara menghubungi Anda",
                    "How to contact you",
                )))
                .child(
                    B::new(ui, "div", "form-hint")
                        .id("form-contact-hint")
                        .text(contact_hint(lang, anonymous)),
                )
                .maybe(error.map(|(p, _)| p))
                .child(text_box(
                    ui,
                    errors,
                    TextBox {
                        id: "form-email",
                        question: Question::Email,
                        label: pick(lang, "Alamat email", "Email address"),
                        hint: None,
                        input_type: "email",
                        autocomplete: "email",
                        width: "",
                        spellcheck: false,
                    },
                    &f.email,
                    false,
                ))
                .child(text_box(
                    ui,
                    errors,
                    TextBox {
                        id: "form-phone",
                        question: Question::Phone,
                        label: pick(lang, "Nomor ponsel", "Mobile number"),
                        hint: Some(pick(lang, "Contoh: 0812 3456 7890", "For example, 0812 3456 7890")),
                        input_type: "tel",
                        autocomplete: "tel",
                        width: "form-w20",
                        spellcheck: false,
                    },
                    &f.phone,
                    false,
                )),
        ),
    );

    // Hidden from people and from assistive technology; bots fill it in.
    form = form
        .child(
            B::new(ui, "div", "form-offscreen")
                .attr("aria-hidden", "true")
                .child(B::new(ui, "label", "").attr("for", "form-website").text("Website"))
                .child(
                    B::new(ui, "input", "")
                        .id("form-website")
                        .attr("name", "website")
                        .attr("type", "text")
                        .attr("tabindex", "-1")
                        .attr("autocomplete", "off")
                        .attr("value", &state.honeypot),
                ),
        )
        .child(B::new(ui, "button", "form-button").attr("type", "submit").text(pick(
            lang,
            "Lanjutkan",
            "Continue",
        )));

    let notice = state.restored.then(|| {
        B::new(ui, "div", "form-notice")
            .attr("role", "status")
            .child(B::new(ui, "p", "").text(pick(
                lang,
                "Isian Anda sebelumnya dipulihkan dari perangkat ini.",
                "Your earlier answers were restored from this device.",
            )))
            .child(
                B::new(ui, "button", "form-button form-button--secondary")
                    .attr("type", "button")
                    .attr("data-act", "clear")
                    .text(pick(lang, "Kosongkan isian", "Clear the answers")),
            )
    });
    B::new(ui, "div", "")
        .maybe(error_summary(ui, errors))
        .child(B::new(ui, "h2", "form-heading").id("form-heading").attr("tabindex", "-1").text(pick(
            lang,
            "Formulir pengaduan",
            "Complaint form",
        )))
        .child(agency_lines(ui))
        .maybe(notice)
        .child(form)
}

fn contact_hint(lang: Lang, anonymous: bool) -> &'static str {
    if anonymous {
        pick(
            lang,
            "Isi alamat email, nomor ponsel, atau keduanya; untuk melapor tanpa identitas, kosongkan keduanya beserta nama",
            "Give an email address, a mobile number or both; to report without your identity, leave both and your name empty",
        )
    } else {
        pick(
            lang,
            "Isi alamat email, nomor ponsel, atau keduanya agar petugas dapat menghubungi Anda",
            "Give an email address, a mobile number or both so that officers can contact you",
        )
    }
}

fn check_answers(ui: &Ui) -> B {
    let lang = ui.lang;
    let state = ui.state.borrow();
    let mut list = B::new(ui, "dl", "form-answers");
    for row in answers(&state.fields, &state.settings, lang) {
        list = list.child(
            B::new(ui, "div", "form-answer")
                .child(B::new(ui, "dt", "form-answer-key").text(row.label))
                .child(
                    B::new(
                        ui,
                        "dd",
                        if row.empty {
                            "form-answer-value form-answer-value--empty"
                        } else {
                            "form-answer-value"
                        },
                    )
                    .text(&row.value),
                )
                .child(
                    B::new(ui, "dd", "form-answer-action").child(
                        B::new(ui, "a", "")
                            .attr("href", &format!("#{}", row.anchor))
                            .attr("data-focus", row.anchor)
                            .text(pick(lang, "Ubah", "Change"))
                            .hidden_text(ui, &format!(" {}", row.hidden)),
                    ),
                ),
        );
    }
    let failure = state.failure.as_deref().map(|message| {
        B::new(ui, "div", "error")
            .id("form-failure")
            .attr("role", "alert")
            .attr("tabindex", "-1")
            .child(B::new(ui, "p", "").text(message))
    });
    B::new(ui, "div", "")
        .child(B::new(ui, "h2", "form-heading").id("form-check").attr("tabindex", "-1").text(pick(
            lang,
            "Periksa jawaban Anda",
            "Check your answers",
        )))
        .child(agency_lines(ui))
        .child(list)
        .maybe(failure)
        .child(B::new(ui, "p", "form-progress").id("form-progress").attr("role", "status"))
        .child(
            B::new(ui, "button", "form-button").attr("type", "button").attr("data-act", "send").text(pick(
                lang,
                "Kirim pengaduan",
                "Send complaint",
            )),
        )
}

fn confirmation(ui: &Ui) -> B {
    let lang = ui.lang;
    let state = ui.state.borrow();
    let Some(success) = &state.success else { return B::new(ui, "div", "") };
    let button = |act: &str, label: &str| {
        B::new(ui, "button", "form-button form-button--secondary")
            .attr("type", "button")
            .attr("data-act", act)
            .text(label)
    };
    let track = success.track_href.as_deref().map(|href| {
        B::new(ui, "p", "form-body").child(B::new(ui, "a", "").attr("href", href).text(pick(
            lang,
            "Lacak pengaduan Anda",
            "Track your complaint",
        )))
    });
    B::new(ui, "div", "")
        .child(
            B::new(ui, "div", "form-panel")
                .child(
                    B::new(ui, "h2", "form-panel-title")
                        .id("form-done")
                        .attr("tabindex", "-1")
                        .text(success.heading),
                )
                .child(
                    B::new(ui, "div", "form-panel-body")
                        .text(success.ticket_label)
                        .child(B::new(ui, "br", ""))
                        .child(B::new(ui, "strong", "form-code").text(&success.ticket)),
                ),
        )
        .child(
            B::new(ui, "div", "form-secret")
                .child(B::new(ui, "p", "form-secret-label").text(success.secret_label))
                .child(B::new(ui, "p", "form-code form-code--secret").text(&success.secret))
                .child(
                    B::new(ui, "p", "form-warning")
                        .child(B::new(ui, "span", "form-warning-icon").attr("aria-hidden", "true").text("!"))
                        .child(
                            B::new(ui, "strong", "")
                                .hidden_text(ui, pick(lang, "Peringatan: ", "Warning: "))
                                .text(success.secret_warning),
                        ),
                ),
        )
        .child(
            B::new(ui, "div", "form-buttons")
                .child(button("copy-ticket", pick(lang, "Salin nomor tiket", "Copy the ticket number")))
                .child(button("copy-secret", pick(lang, "Salin kode akses", "Copy the access code"))),
        )
        .child(B::new(ui, "p", "form-progress").id("form-copied").attr("role", "status"))
        .child(B::new(ui, "h3", "form-subheading").text(pick(
            lang,
            "Apa yang terjadi selanjutnya",
            "What happens next",
        )))
        .child(B::new(ui, "p", "form-body").text(&success.next))
        .maybe(track)
        .child(button("another", pick(lang, "Kirim pengaduan lain", "Send another complaint")))
}

// ----- Events ---------------------------------------------------------------------

fn target(ev: &Event) -> Option<Element> {
    ev.target()?.dyn_into().ok()
}

fn value_of(el: &Element) -> String {
    js_sys::Reflect::get(el, &"value".into()).ok().and_then(|v| v.as_string()).unwrap_or_default()
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
    set_text(ui, "form-description-count", &message);
    if let Some(count) = by_id(ui, "form-description-count") {
        let _ = count.class_list().toggle_with_force("form-count--over", over);
    }
    let invalid = over || ui.state.borrow().errors.message(Question::Description, ui.lang).is_some();
    let _ = textarea.class_list().toggle_with_force("form-input--error", invalid);
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
    set_text(ui, "form-date-opt", optional_suffix(ui, date_is_optional));
    set_text(ui, "form-name-opt", optional_suffix(ui, anonymous));
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
            draw(ui);
            focus(ui, "form-heading");
        }
        Some("another") => {
            {
                let mut state = ui.state.borrow_mut();
                state.step = Step::Questions;
                state.success = None;
            }
            draw(ui);
            focus(ui, "form-heading");
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
    draw(ui);
    focus(ui, "form-summary");
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
            draw(ui);
            focus(ui, "form-check");
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
        let body =
            crate::json::to_string(&SubmitComplaint { complaint: input, website: state.honeypot.clone() })
                .unwrap_or_default();
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
                    draw(&ui);
                    focus(&ui, "form-done");
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
            draw(&ui);
            focus(&ui, "form-failure");
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
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(JsValue::is_object);
    if let Some(clipboard) = clipboard
        && let Some(promise) = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()
            .and_then(|w| w.dyn_into::<js_sys::Function>().ok())
            .and_then(|w| w.call1(&clipboard, &JsValue::from_str(text)).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
        && JsFuture::from(promise).await.is_ok()
    {
        return true;
    }
    let area = B::new(ui, "textarea", "form-offscreen").text(text).0;
    let _ = ui.container.append_with_node_1(&area);
    let _ = js_sys::Reflect::get(&area, &"select".into())
        .ok()
        .and_then(|s| s.dyn_into::<js_sys::Function>().ok())
        .map(|s| s.call0(&area));
    let copied = js_sys::Reflect::get(&ui.document, &"execCommand".into())
        .ok()
        .and_then(|e| e.dyn_into::<js_sys::Function>().ok())
        .and_then(|e| e.call1(&ui.document, &"copy".into()).ok())
        .is_some_and(|r| r.is_truthy());
    area.remove();
    copied
}
