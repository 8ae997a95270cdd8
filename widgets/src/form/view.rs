//! The entry point and Leptos view of `<aduan-form>`: the questions, the
//! check-answers step, sending with retries, and the confirmation.
//!
//! Every decision (what is valid, which error goes where, how long to
//! wait, what to say) is made in [`crate::form`]; this module reads the
//! browser (clock, storage, randomness, network) and renders.

use std::sync::Arc;
use std::time::Duration;

use aduan_core::api::v1::{Agency, SubmitComplaint};
use aduan_core::{ComplaintInput, ComplaintKind, Lang, Privacy, ValidationContext, Zone};
use chrono::DateTime;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Element, HtmlElement, ShadowRoot, Storage};

use crate::config::ApiBase;
use crate::form::{
    DESCRIPTION_MAX, Draft, ErrorList, Fields, FormSettings, Question, SendOutcome, SuccessView, anchor,
    answers, check, count_message, date_optional, gave_up, key_from_bytes, kind_text, pick, privacy_text,
    read_submission, retry_delay, sending_message,
};
use crate::load::LoadError;
use crate::mount::{Mounted, attribute, error_message, get_json, mount_in, warn_webmaster, widget_lang};

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
    let tag_agency = attribute(host, "agency").unwrap_or_default();
    let host = host.clone();
    mount_in(root, lang, move || match setup {
        Ok((api, settings)) => form_widget(api, settings, lang, move || {
            warn_webmaster(&host, &format!("the Aduan server has no agency {tag_agency}"));
        })
        .into_any(),
        Err(error) => error_message(&error, lang).into_any(),
    })
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
#[derive(Debug, Clone)]
enum Step {
    Questions,
    Check,
    Done(Arc<SuccessView>),
}

/// The answers, one signal per box so that typing in one redraws only it.
#[derive(Debug, Clone, Copy)]
struct Answers {
    kind: RwSignal<String>,
    title: RwSignal<String>,
    description: RwSignal<String>,
    day: RwSignal<String>,
    month: RwSignal<String>,
    year: RwSignal<String>,
    location: RwSignal<String>,
    privacy: RwSignal<String>,
    name: RwSignal<String>,
    email: RwSignal<String>,
    phone: RwSignal<String>,
}

impl Answers {
    fn new() -> Self {
        let s = || RwSignal::new(String::new());
        Self {
            kind: s(),
            title: s(),
            description: s(),
            day: s(),
            month: s(),
            year: s(),
            location: s(),
            privacy: s(),
            name: s(),
            email: s(),
            phone: s(),
        }
    }

    /// The answers now; tracked, so an effect reading them reruns on change.
    fn read(self) -> Fields {
        Fields {
            kind: self.kind.get(),
            title: self.title.get(),
            description: self.description.get(),
            day: self.day.get(),
            month: self.month.get(),
            year: self.year.get(),
            location: self.location.get(),
            privacy: self.privacy.get(),
            name: self.name.get(),
            email: self.email.get(),
            phone: self.phone.get(),
        }
    }

    fn snapshot(self) -> Fields {
        untrack(move || self.read())
    }

    fn set(self, f: Fields) {
        self.kind.set(f.kind);
        self.title.set(f.title);
        self.description.set(f.description);
        self.day.set(f.day);
        self.month.set(f.month);
        self.year.set(f.year);
        self.location.set(f.location);
        self.privacy.set(f.privacy);
        self.name.set(f.name);
        self.email.set(f.email);
        self.phone.set(f.phone);
    }
}

/// Everything the form's handlers share; all of it is `Copy`.
#[derive(Debug, Clone, Copy)]
struct Form {
    lang: Lang,
    settings: StoredValue<FormSettings>,
    api: StoredValue<ApiBase>,
    answers: Answers,
    /// The draft's idempotency key.
    key: RwSignal<String>,
    honeypot: RwSignal<String>,
    errors: RwSignal<ErrorList>,
    step: RwSignal<Step>,
    agency: RwSignal<AgencyState>,
    /// The line shown while sending or waiting to retry.
    progress: RwSignal<Option<String>>,
    /// Why the last send failed, when sending again is up to the reporter.
    failure: RwSignal<Option<String>>,
    /// Whether a send is under way (double clicks are ignored).
    sending: StoredValue<bool>,
    restored: RwSignal<bool>,
    /// The character count as screen readers hear it, after a pause.
    count_spoken: RwSignal<String>,
    count_generation: StoredValue<u32>,
    copied: RwSignal<String>,
    top: NodeRef<Div>,
}

fn form_widget(
    api: ApiBase,
    settings: FormSettings,
    lang: Lang,
    warn_missing: impl FnOnce() + 'static,
) -> impl IntoView {
    let storage_key = Draft::storage_key(&settings.agency);
    let agency_id = settings.agency.clone();
    let agencies_url = api.url("/api/v1/agencies");
    let f = Form {
        lang,
        settings: StoredValue::new(settings),
        api: StoredValue::new(api),
        answers: Answers::new(),
        key: RwSignal::new(String::new()),
        honeypot: RwSignal::new(String::new()),
        errors: RwSignal::new(ErrorList::default()),
        step: RwSignal::new(Step::Questions),
        agency: RwSignal::new(AgencyState::Loading),
        progress: RwSignal::new(None),
        failure: RwSignal::new(None),
        sending: StoredValue::new(false),
        restored: RwSignal::new(false),
        count_spoken: RwSignal::new(String::new()),
        count_generation: StoredValue::new(0),
        copied: RwSignal::new(String::new()),
        top: NodeRef::new(),
    };

    // The draft: restored once, then saved on every change.
    match storage().and_then(|s| s.get_item(&storage_key).ok().flatten()).and_then(|j| Draft::from_json(&j)) {
        Some(draft) if !draft.is_blank() => {
            f.key.set(draft.key);
            f.answers.set(draft.fields);
            f.restored.set(true);
        }
        _ => f.key.set(new_key()),
    }
    Effect::new(move |_| {
        let mut draft = Draft::new(f.key.get());
        draft.fields = f.answers.read();
        if let Some(storage) = storage() {
            // A full or refused storage only loses the draft, never the form.
            let _ = if draft.is_blank() {
                storage.remove_item(&storage_key)
            } else {
                storage.set_item(&storage_key, &draft.to_json())
            };
        }
    });

    let mut warn_missing = Some(warn_missing);
    spawn_local(async move {
        let state = match get_json::<Vec<Agency>>(agencies_url).await {
            Ok(list) => {
                list.into_iter().find(|a| a.id == agency_id).map_or(AgencyState::Missing, AgencyState::Found)
            }
            Err(_) => AgencyState::Unreachable,
        };
        if state == AgencyState::Missing
            && let Some(warn) = warn_missing.take()
        {
            warn();
        }
        f.agency.try_set(state);
    });

    view! {
        <div class="form" node_ref=f.top>
            {move || match f.step.get() {
                Step::Questions => questions(f).into_any(),
                Step::Check => check_answers(f).into_any(),
                Step::Done(success) => confirmation(f, &success).into_any(),
            }}
        </div>
    }
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

/// An element of the form by id.
fn element(f: Form, id: &str) -> Option<HtmlElement> {
    f.top.get_untracked()?.query_selector(&format!("#{id}")).ok()??.dyn_into().ok()
}

/// Moves focus to `id` once the screen that holds it is drawn.
fn focus_later(f: Form, id: &'static str) {
    request_animation_frame(move || focus(f, id));
}

fn focus(f: Form, id: &str) {
    if let Some(el) = element(f, id) {
        let _ = el.focus();
        // Bring the question's label or legend into view, not just the box.
        if let Some(group) = el.closest(".form-group").ok().flatten() {
            group.scroll_into_view();
        }
    }
}

async fn sleep(wait: Duration) {
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = JsFuture::from(promise).await;
}

// ----- Checking and sending -----------------------------------------------------

/// Checks the answers with the core, with the browser's clock and the
/// agency's zone. Until the zone is known the easternmost one is used, so
/// no date that is already today somewhere in Indonesia is refused here
/// (the server checks again with the agency's zone).
fn validate(f: Form) -> Result<ComplaintInput, ErrorList> {
    #[allow(clippy::cast_possible_truncation)] // Milliseconds since 1970 fit in i64.
    let now = DateTime::from_timestamp_millis(js_sys::Date::now() as i64).unwrap_or_default();
    let zone = match f.agency.get_untracked() {
        AgencyState::Found(agency) => agency.zone,
        _ => Zone::WIT,
    };
    let origin = window().location().origin().unwrap_or_default();
    let ctx = ValidationContext { now, zone, known_agencies: None };
    let fields = f.answers.snapshot();
    f.settings.with_value(|settings| check(&fields, settings, &origin, &ctx))
}

fn show_errors(f: Form, errors: ErrorList) {
    f.errors.set(errors);
    f.step.set(Step::Questions);
    focus_later(f, "form-summary");
}

fn go_to_check(f: Form) {
    match validate(f) {
        Ok(_) => {
            f.errors.set(ErrorList::default());
            f.failure.set(None);
            f.step.set(Step::Check);
            focus_later(f, "form-check");
        }
        Err(errors) => show_errors(f, errors),
    }
}

/// Sends the complaint, retrying with the same key, unless a send is
/// already under way.
fn send(f: Form) {
    if f.sending.get_value() {
        return;
    }
    let input = match validate(f) {
        Ok(input) => input,
        Err(errors) => return show_errors(f, errors),
    };
    f.sending.set_value(true);
    f.failure.set(None);
    let body =
        serde_json::to_string(&SubmitComplaint { complaint: input, website: f.honeypot.get_untracked() })
            .unwrap_or_default();
    let url = f.api.with_value(|api| api.url("/api/v1/complaints"));
    let lang = f.lang;
    spawn_local(async move {
        let mut retry = 0;
        let mut new_key_tried = false;
        f.progress.try_set(Some(sending_message(None, lang)));
        loop {
            // The form may have left the page while waiting.
            let Some(key) = f.key.try_get_untracked() else { return };
            match post(&url, &key, &body).await {
                SendOutcome::Stored(submitted) => {
                    // Acknowledged: only now is the draft dropped.
                    let agency = f.settings.try_with_value(|s| s.agency.clone());
                    if let (Some(storage), Some(agency)) = (storage(), agency) {
                        let _ = storage.remove_item(&Draft::storage_key(&agency));
                    }
                    let zone = match f.agency.try_get_untracked() {
                        Some(AgencyState::Found(agency)) => agency.zone,
                        _ => Zone::WIB,
                    };
                    let Some(track) = f.settings.try_with_value(|s| s.track.clone()) else { return };
                    let success = SuccessView::new(&submitted, zone, lang, track.as_deref());
                    f.answers.set(Fields::default());
                    f.key.set(new_key());
                    f.restored.set(false);
                    f.step.set(Step::Done(Arc::new(success)));
                    focus_later(f, "form-done");
                    break;
                }
                SendOutcome::Invalid(errors) => {
                    show_errors(f, errors);
                    break;
                }
                SendOutcome::KeyReused if !new_key_tried => {
                    // The answers changed since this key was first sent:
                    // they are another complaint, which needs its own key.
                    new_key_tried = true;
                    f.key.try_set(new_key());
                }
                SendOutcome::KeyReused => {
                    f.failure.try_set(Some(gave_up(storage().is_some()).get(lang).to_owned()));
                    break;
                }
                SendOutcome::Retry { retry_after } => {
                    retry += 1;
                    let Some(wait) = retry_delay(retry, retry_after.as_deref()) else {
                        f.failure.try_set(Some(gave_up(storage().is_some()).get(lang).to_owned()));
                        break;
                    };
                    f.progress.try_set(Some(sending_message(Some((retry, wait)), lang)));
                    sleep(wait).await;
                    f.progress.try_set(Some(sending_message(None, lang)));
                }
                SendOutcome::Refused(message) => {
                    f.failure.try_set(Some(message.get(lang).to_owned()));
                    break;
                }
            }
        }
        f.progress.try_set(None);
        f.sending.try_update_value(|s| *s = false);
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
async fn copy(f: Form, text: String) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(JsValue::is_object);
    if let Some(clipboard) = clipboard {
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into())
            .ok()
            .and_then(|w| w.dyn_into::<js_sys::Function>().ok());
        if let Some(promise) = write
            .and_then(|w| w.call1(&clipboard, &JsValue::from_str(&text)).ok())
            .and_then(|p| p.dyn_into::<js_sys::Promise>().ok())
            && JsFuture::from(promise).await.is_ok()
        {
            return true;
        }
    }
    let (Some(top), Some(document)) = (f.top.get_untracked(), window().document()) else { return false };
    let Ok(area) = document.create_element("textarea") else { return false };
    let area: web_sys::HtmlTextAreaElement = area.unchecked_into();
    area.set_value(&text);
    area.set_class_name("form-offscreen");
    let _ = top.append_child(&area);
    area.select();
    let copied = js_sys::Reflect::get(&document, &"execCommand".into())
        .ok()
        .and_then(|e| e.dyn_into::<js_sys::Function>().ok())
        .and_then(|e| e.call1(&document, &"copy".into()).ok())
        .is_some_and(|r| r.is_truthy());
    area.remove();
    copied
}

// ----- The questions -------------------------------------------------------------

/// The id of a question's error message.
fn error_id(id: &str) -> String {
    format!("{id}-error")
}

/// `aria-describedby` from the ids that exist.
fn described_by(ids: &[Option<String>]) -> Option<String> {
    let joined = ids.iter().flatten().cloned().collect::<Vec<_>>().join(" ");
    (!joined.is_empty()).then_some(joined)
}

/// The inline error of a question, after its label and hint.
fn inline_error(f: Form, question: Question, id: &'static str) -> impl IntoView {
    let prefix = pick(f.lang, "Galat:", "Error:");
    move || {
        f.errors.with(|e| e.message(question, f.lang)).map(|message| {
            view! {
                <p class="form-error-message" id=error_id(id)>
                    <span class="form-vh">{prefix}" "</span>
                    {message}
                </p>
            }
        })
    }
}

fn has_error(f: Form, question: Question) -> bool {
    f.errors.with(|e| e.message(question, f.lang).is_some())
}

/// A one-line text question.
#[derive(Clone, Copy)]
struct TextBox {
    id: &'static str,
    question: Question,
    label: &'static str,
    hint: Option<&'static str>,
    input_type: &'static str,
    autocomplete: Option<&'static str>,
    /// A width class, or "" for the full width.
    width: &'static str,
    spellcheck: bool,
}

fn text_box(f: Form, b: TextBox, value: RwSignal<String>, optional: Signal<bool>) -> impl IntoView {
    let optional_text = pick(f.lang, " (opsional)", " (optional)");
    let hint_id = b.hint.map(|_| format!("{}-hint", b.id));
    let hint_id2 = hint_id.clone();
    view! {
        <div class="form-group" class:form-group--error=move || has_error(f, b.question)>
            <label class="form-label" for=b.id>
                {b.label}
                {move || optional.get().then_some(optional_text)}
            </label>
            {b.hint.map(|hint| view! { <div class="form-hint" id=hint_id2.clone()>{hint}</div> })}
            {inline_error(f, b.question, b.id)}
            <input
                class=format!("form-input {}", b.width)
                class:form-input--error=move || has_error(f, b.question)
                id=b.id
                name=b.id.trim_start_matches("form-")
                type=b.input_type
                autocomplete=b.autocomplete
                spellcheck=(!b.spellcheck).then_some("false")
                aria-describedby=move || {
                    described_by(&[hint_id.clone(), has_error(f, b.question).then(|| error_id(b.id))])
                }
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}

/// A question answered by one of several radios.
fn radios(
    f: Form,
    question: Question,
    name: &'static str,
    legend: &'static str,
    choices: Vec<(&'static str, &'static str, &'static str)>,
    value: RwSignal<String>,
) -> impl IntoView {
    let id: &'static str = match question {
        Question::Kind => "form-kind",
        _ => "form-privacy",
    };
    view! {
        <div class="form-group" class:form-group--error=move || has_error(f, question)>
            <fieldset
                class="form-fieldset"
                aria-describedby=move || has_error(f, question).then(|| error_id(id))
            >
                <legend class="form-legend">{legend}</legend>
                {inline_error(f, question, id)}
                <div class="form-radios">
                    {choices
                        .into_iter()
                        .map(|(code, label, hint)| {
                            let radio_id = format!("{id}-{code}");
                            let hint_id = format!("{radio_id}-hint");
                            view! {
                                <div class="form-radio">
                                    <input
                                        class="form-radio-input"
                                        type="radio"
                                        id=radio_id.clone()
                                        name=name
                                        value=code
                                        aria-describedby=hint_id.clone()
                                        prop:checked=move || value.get() == code
                                        on:change=move |_| value.set(code.to_owned())
                                    />
                                    <label class="form-label form-radio-label" for=radio_id>
                                        {label}
                                    </label>
                                    <div class="form-hint form-radio-hint" id=hint_id>
                                        {hint}
                                    </div>
                                </div>
                            }
                        })
                        .collect_view()}
                </div>
            </fieldset>
        </div>
    }
}

fn error_summary(f: Form) -> impl IntoView {
    let lang = f.lang;
    move || {
        let errors = f.errors.get();
        (!errors.is_empty()).then(|| {
            let items = errors
                .items()
                .iter()
                .map(|item| {
                    let message = item.message.get(lang).to_owned();
                    match anchor(&item.field) {
                        Some(id) => view! {
                            <li>
                                <a
                                    href=format!("#{id}")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        focus(f, id);
                                    }
                                >
                                    {message}
                                </a>
                            </li>
                        }
                        .into_any(),
                        None => view! { <li>{message}</li> }.into_any(),
                    }
                })
                .collect_view();
            view! {
                <div
                    class="form-summary"
                    id="form-summary"
                    role="alert"
                    tabindex="-1"
                    aria-labelledby="form-summary-title"
                >
                    <h2 class="form-summary-title" id="form-summary-title">
                        {pick(lang, "Ada masalah", "There is a problem")}
                    </h2>
                    <ul class="form-summary-list">{items}</ul>
                </div>
            }
        })
    }
}

fn agency_line(f: Form) -> impl IntoView {
    let lang = f.lang;
    move || match f.agency.get() {
        AgencyState::Found(agency) => Some(view! {
            <p class="form-body">{pick(lang, "Kepada: ", "To: ")}<strong>{agency.name}</strong></p>
        }),
        _ => None,
    }
}

fn questions(f: Form) -> impl IntoView {
    let lang = f.lang;
    let a = f.answers;
    let fixed_kind = f.settings.with_value(|s| s.kind);
    let kind =
        move || fixed_kind.or_else(|| ComplaintKind::ALL.into_iter().find(|k| k.code() == a.kind.get()));
    let date_is_optional = Signal::derive(move || date_optional(kind()));
    let anonymous = Signal::derive(move || a.privacy.get() == Privacy::Anonim.code());
    let never = Signal::derive(|| false);
    let always = Signal::derive(|| true);
    let opsional = pick(lang, " (opsional)", " (optional)");

    let kind_question = fixed_kind.is_none().then(|| {
        let choices = ComplaintKind::ALL
            .into_iter()
            .map(|k| {
                let (label, hint) = kind_text(k, lang);
                (k.code(), label, hint)
            })
            .collect();
        radios(f, Question::Kind, "kind", pick(lang, "Jenis laporan", "Type of report"), choices, a.kind)
    });
    let privacy_choices = Privacy::ALL
        .into_iter()
        .map(|p| {
            let (label, hint) = privacy_text(p, lang);
            (p.code(), label, hint)
        })
        .collect();

    // The description and its character count.
    let count = move || count_message(&a.description.get(), DESCRIPTION_MAX, lang);
    let over = move || count().1;
    let limit = aduan_core::format::integer(i64::try_from(DESCRIPTION_MAX).unwrap_or(i64::MAX), lang);
    let count_info = match lang {
        Lang::Id => format!("Anda dapat memasukkan hingga {limit} karakter"),
        Lang::En => format!("You can enter up to {limit} characters"),
    };
    let on_description = move |ev| {
        a.description.set(event_target_value(&ev));
        // Screen readers hear the count once typing pauses, not per key.
        let generation = f.count_generation.get_value().wrapping_add(1);
        f.count_generation.set_value(generation);
        set_timeout(
            move || {
                if f.count_generation.try_get_value() == Some(generation) {
                    f.count_spoken
                        .try_set(count_message(&a.description.get_untracked(), DESCRIPTION_MAX, lang).0);
                }
            },
            Duration::from_millis(1000),
        );
    };

    let date_part = move |id: &'static str,
                          field: &'static str,
                          label: &'static str,
                          width: &'static str,
                          value: RwSignal<String>| {
        view! {
            <div class="form-date-item">
                <label class="form-label form-date-label" for=id>{label}</label>
                <input
                    class=format!("form-input {width}")
                    class:form-input--error=move || f.errors.with(|e| e.marks(field))
                    id=id
                    name=id.trim_start_matches("form-")
                    type="text"
                    inputmode="numeric"
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        }
    };

    let clear = move |_| {
        a.set(Fields::default());
        f.key.set(new_key());
        f.errors.set(ErrorList::default());
        f.restored.set(false);
        focus_later(f, "form-heading");
    };

    view! {
        {error_summary(f)}
        <h2 class="form-heading" id="form-heading" tabindex="-1">
            {pick(lang, "Formulir pengaduan", "Complaint form")}
        </h2>
        {agency_line(f)}
        {move || {
            f.restored.get().then(|| view! {
                <div class="form-notice" role="status">
                    <p>
                        {pick(
                            lang,
                            "Isian Anda sebelumnya dipulihkan dari perangkat ini.",
                            "Your earlier answers were restored from this device.",
                        )}
                    </p>
                    <button type="button" class="form-button form-button--secondary" on:click=clear>
                        {pick(lang, "Kosongkan isian", "Clear the answers")}
                    </button>
                </div>
            })
        }}
        {move || match f.agency.get() {
            AgencyState::Missing => Some(view! {
                <p class="error">
                    {pick(
                        lang,
                        "Instansi formulir ini tidak terdaftar di server Aduan, jadi pengaduan belum dapat dikirim. Hubungi pengelola situs ini.",
                        "This form's agency is not registered with the Aduan server, so complaints cannot be sent yet. Contact this site's administrator.",
                    )}
                </p>
            }),
            _ => None,
        }}
        <form
            class="form-questions"
            novalidate=true
            on:submit=move |ev| {
                ev.prevent_default();
                go_to_check(f);
            }
        >
            {kind_question}
            {text_box(
                f,
                TextBox {
                    id: "form-title",
                    question: Question::Title,
                    label: pick(lang, "Judul", "Title"),
                    hint: Some(pick(lang, "Ringkas dalam satu kalimat, minimal 10 karakter", "One short sentence, at least 10 characters")),
                    input_type: "text",
                    autocomplete: Some("off"),
                    width: "",
                    spellcheck: true,
                },
                a.title,
                never,
            )}
            <div class="form-group" class:form-group--error=move || has_error(f, Question::Description)>
                <label class="form-label" for="form-description">{pick(lang, "Uraian", "Description")}</label>
                <div class="form-hint" id="form-description-hint">
                    {pick(
                        lang,
                        "Ceritakan apa yang terjadi, di mana, dan siapa yang terlibat, minimal 30 karakter",
                        "Say what happened, where, and who was involved, at least 30 characters",
                    )}
                </div>
                {inline_error(f, Question::Description, "form-description")}
                <textarea
                    class="form-textarea"
                    class:form-input--error=move || over() || has_error(f, Question::Description)
                    id="form-description"
                    name="description"
                    rows="8"
                    aria-describedby=move || {
                        described_by(&[
                            Some("form-description-hint".to_owned()),
                            Some("form-description-info".to_owned()),
                            has_error(f, Question::Description).then(|| error_id("form-description")),
                        ])
                    }
                    prop:value=move || a.description.get()
                    on:input=on_description
                ></textarea>
                <div class="form-vh" id="form-description-info">{count_info}</div>
                <div class="form-hint form-count" class:form-count--over=over aria-hidden="true">
                    {move || count().0}
                </div>
                <div class="form-vh" aria-live="polite">{move || f.count_spoken.get()}</div>
            </div>
            <div class="form-group" class:form-group--error=move || has_error(f, Question::Date)>
                <fieldset
                    class="form-fieldset"
                    role="group"
                    aria-describedby=move || {
                        described_by(&[
                            Some("form-date-hint".to_owned()),
                            has_error(f, Question::Date).then(|| error_id("form-date")),
                        ])
                    }
                >
                    <legend class="form-legend">
                        {pick(lang, "Tanggal kejadian", "Date of the incident")}
                        {move || date_is_optional.get().then_some(opsional)}
                    </legend>
                    <div class="form-hint" id="form-date-hint">
                        {pick(lang, "Contoh: 27 3 2026", "For example, 27 3 2026")}
                    </div>
                    {inline_error(f, Question::Date, "form-date")}
                    <div class="form-date">
                        {date_part("form-day", "incident_date.day", pick(lang, "Tanggal", "Day"), "form-w2", a.day)}
                        {date_part("form-month", "incident_date.month", pick(lang, "Bulan", "Month"), "form-w3", a.month)}
                        {date_part("form-year", "incident_date.year", pick(lang, "Tahun", "Year"), "form-w4", a.year)}
                    </div>
                </fieldset>
            </div>
            {text_box(
                f,
                TextBox {
                    id: "form-location",
                    question: Question::Location,
                    label: pick(lang, "Lokasi kejadian", "Location of the incident"),
                    hint: Some(pick(lang, "Contoh: Jl. A. Yani km 5, depan masjid", "For example, Jl. A. Yani km 5, opposite the mosque")),
                    input_type: "text",
                    autocomplete: Some("off"),
                    width: "",
                    spellcheck: true,
                },
                a.location,
                always,
            )}
            {radios(
                f,
                Question::Privacy,
                "privacy",
                pick(lang, "Siapa yang dapat melihat identitas Anda?", "Who can see your identity?"),
                privacy_choices,
                a.privacy,
            )}
            {text_box(
                f,
                TextBox {
                    id: "form-name",
                    question: Question::Name,
                    label: pick(lang, "Nama lengkap", "Full name"),
                    hint: None,
                    input_type: "text",
                    autocomplete: Some("name"),
                    width: "",
                    spellcheck: false,
                },
                a.name,
                anonymous,
            )}
            <div class="form-group" class:form-group--error=move || has_error(f, Question::Contact)>
                <fieldset
                    class="form-fieldset"
                    aria-describedby=move || {
                        described_by(&[
                            Some("form-contact-hint".to_owned()),
                            has_error(f, Question::Contact).then(|| error_id("form-contact")),
                        ])
                    }
                >
                    <legend class="form-legend">
                        {pick(lang, "Cara menghubungi Anda", "How to contact you")}
                    </legend>
                    <div class="form-hint" id="form-contact-hint">
                        {move || if anonymous.get() {
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
                        }}
                    </div>
                    {inline_error(f, Question::Contact, "form-contact")}
                    {text_box(
                        f,
                        TextBox {
                            id: "form-email",
                            question: Question::Email,
                            label: pick(lang, "Alamat email", "Email address"),
                            hint: None,
                            input_type: "email",
                            autocomplete: Some("email"),
                            width: "",
                            spellcheck: false,
                        },
                        a.email,
                        always,
                    )}
                    {text_box(
                        f,
                        TextBox {
                            id: "form-phone",
                            question: Question::Phone,
                            label: pick(lang, "Nomor ponsel", "Mobile number"),
                            hint: Some(pick(lang, "Contoh: 0812 3456 7890", "For example, 0812 3456 7890")),
                            input_type: "tel",
                            autocomplete: Some("tel"),
                            width: "form-w20",
                            spellcheck: false,
                        },
                        a.phone,
                        always,
                    )}
                </fieldset>
            </div>
            // Hidden from people and assistive technology; bots fill it in.
            <div class="form-offscreen" aria-hidden="true">
                <label for="form-website">"Website"</label>
                <input
                    id="form-website"
                    name="website"
                    type="text"
                    tabindex="-1"
                    autocomplete="off"
                    prop:value=move || f.honeypot.get()
                    on:input=move |ev| f.honeypot.set(event_target_value(&ev))
                />
            </div>
            <button type="submit" class="form-button">{pick(lang, "Lanjutkan", "Continue")}</button>
        </form>
    }
}

// ----- Check answers and sending -------------------------------------------------

fn check_answers(f: Form) -> impl IntoView {
    let lang = f.lang;
    let rows = f.settings.with_value(|settings| answers(&f.answers.snapshot(), settings, lang));
    let change = pick(lang, "Ubah", "Change");
    view! {
        <h2 class="form-heading" id="form-check" tabindex="-1">
            {pick(lang, "Periksa jawaban Anda", "Check your answers")}
        </h2>
        {agency_line(f)}
        <dl class="form-answers">
            {rows
                .into_iter()
                .map(|row| {
                    let id = row.anchor;
                    view! {
                        <div class="form-answer">
                            <dt class="form-answer-key">{row.label}</dt>
                            <dd class="form-answer-value" class:form-answer-value--empty=row.empty>
                                {row.value}
                            </dd>
                            <dd class="form-answer-action">
                                <a
                                    href=format!("#{id}")
                                    on:click=move |ev| {
                                        ev.prevent_default();
                                        f.step.set(Step::Questions);
                                        focus_later(f, id);
                                    }
                                >
                                    {change}
                                    <span class="form-vh">" "{row.hidden}</span>
                                </a>
                            </dd>
                        </div>
                    }
                })
                .collect_view()}
        </dl>
        {move || {
            f.failure.get().map(|message| view! {
                <div class="error" role="alert">
                    <p>{message}</p>
                </div>
            })
        }}
        <p class="form-progress" role="status">{move || f.progress.get()}</p>
        <button type="button" class="form-button" on:click=move |_| send(f)>
            {pick(lang, "Kirim pengaduan", "Send complaint")}
        </button>
    }
}

// ----- Confirmation --------------------------------------------------------------

fn confirmation(f: Form, success: &SuccessView) -> impl IntoView {
    let lang = f.lang;
    let copy_button = |text: String, label: &'static str, done: &'static str| {
        view! {
            <button
                type="button"
                class="form-button form-button--secondary"
                on:click=move |_| {
                    let text = text.clone();
                    spawn_local(async move {
                        let ok = copy(f, text).await;
                        let message = if ok {
                            done
                        } else {
                            pick(lang, "Tidak dapat menyalin. Pilih teksnya, lalu salin.", "Could not copy. Select the text, then copy it.")
                        };
                        f.copied.try_set(message.to_owned());
                    });
                }
            >
                {label}
            </button>
        }
    };
    let new_complaint = move |_| {
        f.copied.set(String::new());
        f.step.set(Step::Questions);
        focus_later(f, "form-heading");
    };
    view! {
        <div class="form-panel">
            <h2 class="form-panel-title" id="form-done" tabindex="-1">{success.heading}</h2>
            <div class="form-panel-body">
                {success.ticket_label}
                <br />
                <strong class="form-code">{success.ticket.clone()}</strong>
            </div>
        </div>
        <div class="form-secret">
            <p class="form-secret-label">{success.secret_label}</p>
            <p class="form-code form-code--secret">{success.secret.clone()}</p>
            <p class="form-warning">
                <span class="form-warning-icon" aria-hidden="true">"!"</span>
                <strong>
                    <span class="form-vh">{pick(lang, "Peringatan: ", "Warning: ")}</span>
                    {success.secret_warning}
                </strong>
            </p>
        </div>
        <div class="form-buttons">
            {copy_button(
                success.ticket.clone(),
                pick(lang, "Salin nomor tiket", "Copy the ticket number"),
                pick(lang, "Nomor tiket disalin", "Ticket number copied"),
            )}
            {copy_button(
                success.secret.clone(),
                pick(lang, "Salin kode akses", "Copy the access code"),
                pick(lang, "Kode akses disalin", "Access code copied"),
            )}
        </div>
        <p class="form-progress" role="status">{move || f.copied.get()}</p>
        <h3 class="form-subheading">{pick(lang, "Apa yang terjadi selanjutnya", "What happens next")}</h3>
        <p class="form-body">{success.next.clone()}</p>
        {success.track_href.clone().map(|href| view! {
            <p class="form-body">
                <a href=href>{pick(lang, "Lacak pengaduan Anda", "Track your complaint")}</a>
            </p>
        })}
        <button type="button" class="form-button form-button--secondary" on:click=new_complaint>
            {pick(lang, "Kirim pengaduan lain", "Send another complaint")}
        </button>
    }
}
