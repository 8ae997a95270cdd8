//! The form's markup: the questions, the check-answers step and the
//! confirmation, as HTML strings with every text escaped, tested natively.
//!
//! Why strings: each DOM call of a drawing written in Rust is glue in the
//! bundle, and the form has some thirty elements. Written as markup, one
//! `innerHTML` draws a screen, and the texts and the structure can be
//! checked here without a browser. `super::view` (wasm32 only) keeps the
//! state, sets the markup and moves focus.
//!
//! Markup follows the GOV.UK Design System: label, hint, error message,
//! then the field, tied together with `aria-describedby`; an error summary
//! linking to each wrong field; radios and the date in fieldsets.

use aduan_core::{ComplaintKind, Lang, Privacy, format};

use super::{
    AgencyState, DESCRIPTION_MAX, ErrorList, FormState, Question, Step, anchor, answers, count_message,
    date_optional, kind_text, pick, privacy_text,
};

/// HTML being written: [`Html::raw`] for our own markup, [`Html::text`]
/// for anything else, escaped.
#[derive(Debug, Default)]
struct Html(String);

impl Html {
    #[inline(never)]
    fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Appends `text` with the characters that could end a text node or an
    /// attribute value escaped, so no server or typed text adds markup.
    #[inline(never)]
    fn text(&mut self, text: &str) -> &mut Self {
        crate::html::push_escaped(&mut self.0, text);
        self
    }

    /// `raw` when `on`.
    fn when(&mut self, on: bool, markup: &str) -> &mut Self {
        if on { self.raw(markup) } else { self }
    }

    /// A visually hidden text for screen readers.
    fn hidden(&mut self, text: &str) -> &mut Self {
        self.raw("<span class=\"form-vh\">").text(text).raw("</span>")
    }

    /// Opens a question's wrapper, red-barred when it has an error.
    fn group(&mut self, invalid: bool) -> &mut Self {
        self.raw(if invalid {
            "<div class=\"form-group form-group--error\">"
        } else {
            "<div class=\"form-group\">"
        })
    }

    /// `<div class="form-hint" id="form-{name}-hint">hint</div>`.
    fn hint(&mut self, name: &str, hint: &str) -> &mut Self {
        self.raw("<div class=\"form-hint\" id=\"form-").raw(name).raw("-hint\">").text(hint).raw("</div>")
    }

    /// The inline error of `form-{name}`, after its label and hint.
    fn inline_error(&mut self, name: &str, message: Option<&str>, lang: Lang) -> &mut Self {
        if let Some(message) = message {
            self.raw("<p class=\"form-error-message\" id=\"form-").raw(name).raw("-error\">");
            self.hidden(pick(lang, "Galat: ", "Error: ")).text(message).raw("</p>");
        }
        self
    }

    /// ` aria-describedby="form-{name}-hint…"`: the hint, `extra` ids, and
    /// the error if there is one.
    fn described_by(&mut self, name: &str, hint: bool, extra: &str, error: bool) -> &mut Self {
        self.raw(" aria-describedby=\"");
        if hint {
            self.raw("form-").raw(name).raw("-hint");
        }
        self.raw(extra);
        if error {
            self.when(hint || !extra.is_empty(), " ").raw("form-").raw(name).raw("-error");
        }
        self.raw("\"")
    }

    /// A button that does `act` when clicked.
    fn button(&mut self, class: &str, act: &str, label: &str) -> &mut Self {
        self.raw("<button class=\"").raw(class).raw("\" type=\"button\" data-act=\"").raw(act).raw("\">");
        self.text(label).raw("</button>")
    }

    /// A heading that takes focus when its screen is drawn.
    fn heading(&mut self, class: &str, id: &str, text: &str) -> &mut Self {
        self.raw("<h2 class=\"").raw(class).raw("\" id=\"").raw(id).raw("\" tabindex=\"-1\">");
        self.text(text).raw("</h2>")
    }

    /// A link that brings the reporter back to the control `id`.
    fn focus_link(&mut self, id: &str) -> &mut Self {
        self.raw("<a href=\"#").raw(id).raw("\" data-focus=\"").raw(id).raw("\">")
    }
}

/// The current screen of the form.
#[must_use]
pub fn screen(state: &FormState, lang: Lang) -> String {
    let mut html = Html::default();
    match state.step {
        Step::Questions => questions(&mut html, state, lang),
        Step::Check => check_answers(&mut html, state, lang),
        Step::Done => confirmation(&mut html, state, lang),
    }
    html.0
}

/// What the server said about the agency: its name, or that it does not
/// know it; nothing while loading or when the server cannot be reached.
/// The screens have it in `#form-to`, which is filled in again when the
/// answer arrives.
#[must_use]
pub fn agency(agency: &AgencyState, lang: Lang) -> String {
    let mut html = Html::default();
    match agency {
        AgencyState::Found(agency) => {
            html.raw("<p class=\"form-body\">").raw(pick(lang, "Kepada: ", "To: ")).raw("<strong>");
            html.text(&agency.name).raw("</strong></p>");
        }
        AgencyState::Missing => {
            html.raw("<p class=\"error\">").raw(pick(
                lang,
                "Instansi formulir ini tidak terdaftar di server Aduan, jadi pengaduan belum dapat dikirim. Hubungi pengelola situs ini.",
                "This form's agency is not registered with the Aduan server, so complaints cannot be sent yet. Contact this site's administrator.",
            )).raw("</p>");
        }
        AgencyState::Loading | AgencyState::Unreachable => {}
    }
    html.0
}

/// The message shown instead of the form when its attributes are wrong.
#[must_use]
pub fn attribute_error(message: &str) -> String {
    let mut html = Html::default();
    html.raw("<p class=\"error\">").text(message).raw("</p>");
    html.0
}

fn agency_line(html: &mut Html, state: &FormState, lang: Lang) {
    html.raw("<div id=\"form-to\">").raw(&agency(&state.agency, lang)).raw("</div>");
}

/// " (opsional)" after the label of a question that may be left empty.
#[must_use]
pub fn optional_suffix(lang: Lang, optional: bool) -> &'static str {
    if optional { pick(lang, " (opsional)", " (optional)") } else { "" }
}

/// The hint of the contact question, which says what anonymity needs.
#[must_use]
pub fn contact_hint(lang: Lang, anonymous: bool) -> &'static str {
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

fn error_summary(html: &mut Html, errors: &ErrorList, lang: Lang) {
    if errors.is_empty() {
        return;
    }
    html.raw(
        "<div class=\"form-summary\" id=\"form-summary\" role=\"alert\" tabindex=\"-1\" aria-labelledby=\"form-summary-title\"><h2 class=\"form-summary-title\" id=\"form-summary-title\">",
    )
    .raw(pick(lang, "Ada masalah", "There is a problem"))
    .raw("</h2><ul class=\"form-summary-list\">");
    for item in errors.items() {
        html.raw("<li>");
        match anchor(&item.field) {
            Some(id) => html.focus_link(id).text(item.message.get(lang)).raw("</a>"),
            None => html.raw("<span>").text(item.message.get(lang)).raw("</span>"),
        };
        html.raw("</li>");
    }
    html.raw("</ul></div>");
}

/// A one-line text question, `form-{name}`.
struct TextBox {
    name: &'static str,
    question: Question,
    /// In Indonesian and English.
    label: [&'static str; 2],
    hint: Option<[&'static str; 2]>,
    input_type: &'static str,
    autocomplete: &'static str,
    /// A width class, or "" for the full width.
    width: &'static str,
    spellcheck: bool,
}

const TITLE: TextBox = TextBox {
    name: "title",
    question: Question::Title,
    label: ["Judul", "Title"],
    hint: Some([
        "Ringkas dalam satu kalimat, minimal 10 karakter",
        "One short sentence, at least 10 characters",
    ]),
    input_type: "text",
    autocomplete: "off",
    width: "",
    spellcheck: true,
};

const LOCATION: TextBox = TextBox {
    name: "location",
    question: Question::Location,
    label: ["Lokasi kejadian", "Location of the incident"],
    hint: Some([
        "Contoh: Jl. A. Yani km 5, depan masjid",
        "For example, Jl. A. Yani km 5, opposite the mosque",
    ]),
    input_type: "text",
    autocomplete: "off",
    width: "",
    spellcheck: true,
};

const COORDINATES: TextBox = TextBox {
    name: "coordinates",
    question: Question::Coordinates,
    label: ["Titik lokasi di peta", "Map point"],
    hint: Some([
        "Salin dari aplikasi peta, misalnya -3.3194, 114.5908",
        "Copy it from a map app, for example -3.3194, 114.5908",
    ]),
    input_type: "text",
    autocomplete: "off",
    width: "",
    spellcheck: false,
};

const NAME: TextBox = TextBox {
    name: "name",
    question: Question::Name,
    label: ["Nama lengkap", "Full name"],
    hint: None,
    input_type: "text",
    autocomplete: "name",
    width: "",
    spellcheck: false,
};

const EMAIL: TextBox = TextBox {
    name: "email",
    question: Question::Email,
    label: ["Alamat email", "Email address"],
    hint: None,
    input_type: "email",
    autocomplete: "email",
    width: "",
    spellcheck: false,
};

const PHONE: TextBox = TextBox {
    name: "phone",
    question: Question::Phone,
    label: ["Nomor ponsel", "Mobile number"],
    hint: Some(["Contoh: 0812 3456 7890", "For example, 0812 3456 7890"]),
    input_type: "tel",
    autocomplete: "tel",
    width: "form-w20",
    spellcheck: false,
};

fn text_box(html: &mut Html, errors: &ErrorList, b: &TextBox, value: &str, optional: bool, lang: Lang) {
    let error = errors.message(b.question, lang);
    let i = usize::from(lang == Lang::En);
    html.group(error.is_some());
    html.raw("<label class=\"form-label\" for=\"form-").raw(b.name).raw("\">").text(b.label[i]);
    html.raw("<span id=\"form-").raw(b.name).raw("-opt\">").raw(optional_suffix(lang, optional));
    html.raw("</span></label>");
    if let Some(hint) = b.hint {
        html.hint(b.name, hint[i]);
    }
    html.inline_error(b.name, error, lang);
    html.raw("<input class=\"form-input").when(!b.width.is_empty(), " ").raw(b.width);
    html.when(error.is_some(), " form-input--error").raw("\" id=\"form-").raw(b.name);
    html.raw("\" name=\"").raw(b.name).raw("\" type=\"").raw(b.input_type);
    html.raw("\" autocomplete=\"").raw(b.autocomplete).raw("\" value=\"").text(value).raw("\"");
    html.when(!b.spellcheck, " spellcheck=\"false\"");
    if b.hint.is_some() || error.is_some() {
        html.described_by(b.name, b.hint.is_some(), "", error.is_some());
    }
    html.raw("></div>");
}

/// A question answered by one of three radios, `form-{name}-{code}`.
fn radios(
    html: &mut Html,
    error: Option<&str>,
    name: &str,
    legend: &str,
    choices: &[(&str, &str, &str); 3],
    value: &str,
    lang: Lang,
) {
    html.group(error.is_some()).raw("<fieldset class=\"form-fieldset\"");
    if error.is_some() {
        html.described_by(name, false, "", true);
    }
    html.raw("><legend class=\"form-legend\">").text(legend).raw("</legend>");
    html.inline_error(name, error, lang).raw("<div class=\"form-radios\">");
    for (code, label, hint) in choices {
        html.raw("<div class=\"form-radio\"><input class=\"form-radio-input\" type=\"radio\" id=\"form-");
        html.raw(name).raw("-").raw(code).raw("\" name=\"").raw(name).raw("\" value=\"").raw(code);
        html.raw("\" aria-describedby=\"form-").raw(name).raw("-").raw(code).raw("-hint\"");
        html.when(value == *code, " checked")
            .raw("><label class=\"form-label form-radio-label\" for=\"form-");
        html.raw(name).raw("-").raw(code).raw("\">").text(label);
        html.raw("</label><div class=\"form-hint form-radio-hint\" id=\"form-").raw(name).raw("-").raw(code);
        html.raw("-hint\">").text(hint).raw("</div></div>");
    }
    html.raw("</div></fieldset></div>");
}

fn questions(html: &mut Html, state: &FormState, lang: Lang) {
    let (f, errors) = (&state.fields, &state.errors);
    let anonymous = f.privacy() == Some(Privacy::Anonim);

    html.raw("<div>");
    error_summary(html, errors, lang);
    html.heading("form-heading", "form-heading", pick(lang, "Formulir pengaduan", "Complaint form"));
    agency_line(html, state, lang);
    if state.restored {
        html.raw("<div class=\"form-notice\" role=\"status\"><p>").raw(pick(
            lang,
            "Isian Anda sebelumnya dipulihkan dari perangkat ini.",
            "Your earlier answers were restored from this device.",
        ));
        html.raw("</p>").button(
            "form-button form-button--secondary",
            "clear",
            pick(lang, "Kosongkan isian", "Clear the answers"),
        );
        html.raw("</div>");
    }
    html.raw("<form class=\"form-questions\" novalidate>");

    if state.settings.kind.is_none() {
        let choices = ComplaintKind::ALL.map(|k| {
            let (label, hint) = kind_text(k, lang);
            (k.code(), label, hint)
        });
        radios(
            html,
            errors.message(Question::Kind, lang),
            "kind",
            pick(lang, "Jenis laporan", "Type of report"),
            &choices,
            &f.kind,
            lang,
        );
    }
    text_box(html, errors, &TITLE, &f.title, false, lang);

    // The description, with its character count.
    let error = errors.message(Question::Description, lang);
    let (count, over) = count_message(&f.description, DESCRIPTION_MAX, lang);
    html.group(error.is_some());
    html.raw("<label class=\"form-label\" for=\"form-description\">").raw(pick(
        lang,
        "Uraian",
        "Description",
    ));
    html.raw("</label>").hint(
        "description",
        pick(
            lang,
            "Ceritakan apa yang terjadi, di mana, dan siapa yang terlibat, minimal 30 karakter",
            "Say what happened, where, and who was involved, at least 30 characters",
        ),
    );
    html.inline_error("description", error, lang);
    html.raw("<textarea class=\"form-textarea").when(error.is_some() || over, " form-input--error");
    html.raw("\" id=\"form-description\" name=\"description\" rows=\"8\"");
    html.described_by("description", true, " form-description-info", error.is_some());
    // The parser drops a newline right after the tag: this one, not the
    // description's own.
    html.raw(">\n")
        .text(&f.description)
        .raw("</textarea><div class=\"form-vh\" id=\"form-description-info\">");
    html.raw(pick(lang, "Anda dapat memasukkan hingga ", "You can enter up to "));
    html.raw(&format::integer(i64::try_from(DESCRIPTION_MAX).unwrap_or(i64::MAX), lang));
    html.raw(pick(lang, " karakter", " characters")).raw("</div><div class=\"form-hint form-count");
    html.when(over, " form-count--over").raw("\" id=\"form-description-count\" aria-hidden=\"true\">");
    html.raw(&count)
        .raw("</div><div class=\"form-vh\" id=\"form-description-sr\" aria-live=\"polite\"></div></div>");

    // The date as three boxes.
    let error = errors.message(Question::Date, lang);
    html.group(error.is_some()).raw("<fieldset class=\"form-fieldset\" role=\"group\"");
    html.described_by("date", true, "", error.is_some()).raw("><legend class=\"form-legend\">");
    html.raw(pick(lang, "Tanggal kejadian", "Date of the incident")).raw("<span id=\"form-date-opt\">");
    html.raw(optional_suffix(lang, date_optional(f.kind(&state.settings)))).raw("</span></legend>");
    html.hint("date", pick(lang, "Contoh: 27 3 2026", "For example, 27 3 2026"));
    html.inline_error("date", error, lang).raw("<div class=\"form-date\">");
    for (name, label, width, value) in [
        ("day", pick(lang, "Tanggal", "Day"), "form-w2", &f.day),
        ("month", pick(lang, "Bulan", "Month"), "form-w3", &f.month),
        ("year", pick(lang, "Tahun", "Year"), "form-w4", &f.year),
    ] {
        html.raw("<div class=\"form-date-item\"><label class=\"form-label form-date-label\" for=\"form-");
        html.raw(name).raw("\">").raw(label).raw("</label><input class=\"form-input ").raw(width);
        let mut field = String::from("incident_date.");
        field.push_str(name);
        html.when(errors.marks(&field), " form-input--error").raw("\" id=\"form-").raw(name);
        html.raw("\" name=\"").raw(name).raw("\" type=\"text\" inputmode=\"numeric\" value=\"").text(value);
        html.raw("\"></div>");
    }
    html.raw("</div></fieldset></div>");

    text_box(html, errors, &LOCATION, &f.location, true, lang);
    text_box(html, errors, &COORDINATES, &f.coordinates, true, lang);
    let choices = Privacy::ALL.map(|p| {
        let (label, hint) = privacy_text(p, lang);
        (p.code(), label, hint)
    });
    radios(
        html,
        errors.message(Question::Privacy, lang),
        "privacy",
        pick(lang, "Siapa yang dapat melihat identitas Anda?", "Who can see your identity?"),
        &choices,
        &f.privacy,
        lang,
    );
    text_box(html, errors, &NAME, &f.name, anonymous, lang);

    // Email and phone: one of them is needed.
    let error = errors.message(Question::Contact, lang);
    html.group(error.is_some()).raw("<fieldset class=\"form-fieldset\"");
    html.described_by("contact", true, "", error.is_some()).raw("><legend class=\"form-legend\">");
    html.raw(pick(lang, "Cara menghubungi Anda", "How to contact you")).raw("</legend>");
    html.hint("contact", contact_hint(lang, anonymous)).inline_error("contact", error, lang);
    text_box(html, errors, &EMAIL, &f.email, false, lang);
    text_box(html, errors, &PHONE, &f.phone, false, lang);
    html.raw("</fieldset></div>");

    // Hidden from people and from assistive technology; bots fill it in.
    html.raw(
        "<div class=\"form-offscreen\" aria-hidden=\"true\"><label for=\"form-website\">Website</label><input id=\"form-website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\" value=\"",
    )
    .text(&state.honeypot)
    .raw("\"></div><button class=\"form-button\" type=\"submit\">")
    .raw(pick(lang, "Lanjutkan", "Continue"))
    .raw("</button></form></div>");
}

fn check_answers(html: &mut Html, state: &FormState, lang: Lang) {
    html.raw("<div>").heading(
        "form-heading",
        "form-check",
        pick(lang, "Periksa jawaban Anda", "Check your answers"),
    );
    agency_line(html, state, lang);
    html.raw("<dl class=\"form-answers\">");
    for row in answers(&state.fields, &state.settings, lang) {
        html.raw("<div class=\"form-answer\"><dt class=\"form-answer-key\">").raw(row.label);
        html.raw("</dt><dd class=\"form-answer-value")
            .when(row.empty, " form-answer-value--empty")
            .raw("\">");
        html.text(&row.value).raw("</dd><dd class=\"form-answer-action\">").focus_link(row.anchor);
        html.raw(pick(lang, "Ubah", "Change")).raw("<span class=\"form-vh\"> ").raw(row.hidden);
        html.raw("</span></a></dd></div>");
    }
    html.raw("</dl>");
    if let Some(message) = &state.failure {
        html.raw("<div class=\"error\" id=\"form-failure\" role=\"alert\" tabindex=\"-1\"><p>").text(message);
        html.raw("</p></div>");
    }
    html.raw("<p class=\"form-progress\" id=\"form-progress\" role=\"status\"></p>")
        .raw("<button class=\"form-button\" type=\"button\" data-act=\"send\">")
        .raw(pick(lang, "Kirim pengaduan", "Send complaint"))
        .raw("</button></div>");
}

fn confirmation(html: &mut Html, state: &FormState, lang: Lang) {
    let Some(success) = &state.success else { return };
    let secondary = "form-button form-button--secondary";
    html.raw("<div><div class=\"form-panel\">").heading("form-panel-title", "form-done", success.heading);
    html.raw("<div class=\"form-panel-body\">").raw(success.ticket_label);
    html.raw("<br><strong class=\"form-code\">").text(&success.ticket).raw("</strong></div></div>");
    html.raw("<div class=\"form-secret\"><p class=\"form-secret-label\">").raw(success.secret_label);
    html.raw("</p><p class=\"form-code form-code--secret\">").text(&success.secret).raw("</p>");
    html.raw(
        "<p class=\"form-warning\"><span class=\"form-warning-icon\" aria-hidden=\"true\">!</span><strong>",
    );
    html.hidden(pick(lang, "Peringatan: ", "Warning: ")).raw(success.secret_warning);
    html.raw("</strong></p></div><div class=\"form-buttons\">");
    html.button(secondary, "copy-ticket", pick(lang, "Salin nomor tiket", "Copy the ticket number"));
    html.button(secondary, "copy-secret", pick(lang, "Salin kode akses", "Copy the access code"));
    html.raw("</div><p class=\"form-progress\" id=\"form-copied\" role=\"status\"></p><h3 class=\"form-subheading\">");
    html.raw(pick(lang, "Apa yang terjadi selanjutnya", "What happens next"))
        .raw("</h3><p class=\"form-body\">");
    html.text(&success.next).raw("</p>");
    if let Some(href) = &success.track_href {
        html.raw("<p class=\"form-body\"><a href=\"").text(href).raw("\">");
        html.raw(pick(lang, "Lacak pengaduan Anda", "Track your complaint")).raw("</a></p>");
    }
    html.button(secondary, "another", pick(lang, "Kirim pengaduan lain", "Send another complaint"))
        .raw("</div>");
}

#[cfg(test)]
mod tests {
    use aduan_core::api::v1::Agency;
    use aduan_core::{AgencyId, Zone};

    use super::super::{Fields, FormSettings, Receipt, SuccessView, check};
    use super::*;
    use crate::config::ApiBase;

    const HOSTILE: &str = "\"><b>x</b>' &amp;";
    const ESCAPED: &str = "&quot;&gt;&lt;b&gt;x&lt;/b&gt;&#39; &amp;amp;";

    fn state(fields: Fields, kind: Option<&str>) -> FormState {
        let settings =
            FormSettings::new(Some("dinkes"), kind, Some("https://dinkes.example.go.id/lacak")).unwrap();
        let api = ApiBase::new(None, "https://aduan.example.go.id").unwrap();
        FormState::new(settings, api, fields, "0123456789abcdef0123".into(), false)
    }

    fn hostile() -> Fields {
        Fields {
            kind: "pengaduan".into(),
            title: HOSTILE.into(),
            description: format!("\n{HOSTILE}\nline"),
            day: HOSTILE.into(),
            month: HOSTILE.into(),
            year: HOSTILE.into(),
            location: HOSTILE.into(),
            privacy: "anonim".into(),
            name: HOSTILE.into(),
            email: HOSTILE.into(),
            phone: HOSTILE.into(),
            coordinates: HOSTILE.into(),
        }
    }

    /// Every element opened is closed (void elements aside), so a region
    /// cannot swallow the markup after it, and no typed text added one.
    fn assert_balanced(html: &str) {
        for tag in [
            "form", "fieldset", "legend", "dl", "div", "dd", "dt", "ul", "li", "p", "h2", "h3", "strong",
            "label", "textarea", "button", "span", "a",
        ] {
            let opened =
                html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {html}");
        }
        assert!(!html.contains("<b>"), "{html}");
    }

    #[test]
    fn typed_text_never_adds_markup() {
        let mut state = state(hostile(), None);
        state.honeypot = HOSTILE.into();
        state.restored = true;
        let html = screen(&state, Lang::Id);
        assert_balanced(&html);
        // Each box's value, escaped, in its value attribute.
        for name in ["title", "day", "month", "year", "location", "coordinates", "name", "email", "phone"] {
            let input = format!("id=\"form-{name}\" name=\"{name}\"");
            let at = html.find(&input).unwrap_or_else(|| panic!("{input} in {html}"));
            assert!(html[at..].contains(&format!("value=\"{ESCAPED}\"")), "{name}");
        }
        assert!(html.contains(&format!("id=\"form-website\" name=\"website\" type=\"text\" tabindex=\"-1\" autocomplete=\"off\" value=\"{ESCAPED}\"")));
        // The parser drops the first newline after <textarea>: the
        // description's own leading newline survives.
        assert!(html.contains(&format!(">\n\n{ESCAPED}\nline</textarea>")), "{html}");
        assert!(html.contains("data-act=\"clear\""));
        assert!(html.contains("Isian Anda sebelumnya dipulihkan dari perangkat ini."));
        // Anonymous: the name is optional and the contact hint says so.
        assert!(html.contains("<span id=\"form-name-opt\"> (opsional)</span>"));
        assert!(html.contains(contact_hint(Lang::Id, true)));
        assert!(html.contains("id=\"form-privacy-anonim\" name=\"privacy\" value=\"anonim\" aria-describedby=\"form-privacy-anonim-hint\" checked>"));

        state.step = Step::Check;
        state.failure = Some(HOSTILE.into());
        let html = screen(&state, Lang::En);
        assert_balanced(&html);
        assert!(html.contains(&format!("<dd class=\"form-answer-value\">{ESCAPED}</dd>")), "{html}");
        assert!(
            html.contains(&format!("id=\"form-failure\" role=\"alert\" tabindex=\"-1\"><p>{ESCAPED}</p>"))
        );

        let html = agency(
            &AgencyState::Found(Agency {
                id: AgencyId::new("dinkes").unwrap(),
                name: HOSTILE.into(),
                category: aduan_core::CategoryId::new("opd").unwrap(),
                zone: Zone::WITA,
            }),
            Lang::Id,
        );
        assert_eq!(html, format!("<p class=\"form-body\">Kepada: <strong>{ESCAPED}</strong></p>"));
        assert_eq!(attribute_error(HOSTILE), format!("<p class=\"error\">{ESCAPED}</p>"));
    }

    #[test]
    fn errors_show_in_the_summary_and_beside_each_question() {
        let mut errors = state(Fields::default(), None);
        let ctx = aduan_core::ValidationContext {
            now: "2026-03-27T02:00:00Z".parse().unwrap(),
            zone: Zone::WITA,
            known_agencies: None,
        };
        errors.errors =
            check(&errors.fields, &errors.settings, "https://dinkes.example.go.id", &ctx).unwrap_err();
        let html = screen(&errors, Lang::Id);
        assert_balanced(&html);
        let summary = &html[..html.find("<h2 class=\"form-heading\"").unwrap()];
        assert!(summary.starts_with(
            "<div><div class=\"form-summary\" id=\"form-summary\" role=\"alert\" tabindex=\"-1\""
        ));
        assert!(summary.contains(
            "<li><a href=\"#form-kind-pengaduan\" data-focus=\"form-kind-pengaduan\">Pilih jenis laporan</a></li>"
        ));
        assert!(
            summary
                .contains("<a href=\"#form-title\" data-focus=\"form-title\">Masukkan judul pengaduan</a>")
        );
        // The same words beside the question, after its hint, and the box
        // described by both.
        assert!(html.contains(
            "<div class=\"form-group form-group--error\"><label class=\"form-label\" for=\"form-title\">Judul"
        ));
        assert!(html.contains(
            "<p class=\"form-error-message\" id=\"form-title-error\"><span class=\"form-vh\">Galat: </span>Masukkan judul pengaduan</p>"
        ));
        assert!(html.contains("aria-describedby=\"form-title-hint form-title-error\""));
        assert!(html.contains(
            "aria-describedby=\"form-description-hint form-description-info form-description-error\""
        ));
        assert!(html.contains("<fieldset class=\"form-fieldset\" aria-describedby=\"form-kind-error\">"));
        assert!(html.contains("aria-describedby=\"form-date-hint form-date-error\""));
        assert!(html.contains("class=\"form-input form-w2 form-input--error\" id=\"form-day\""));
        assert!(html.contains("aria-describedby=\"form-contact-hint form-contact-error\""));
        // No error: no summary and plain groups.
        let html = screen(&state(super::super::tests::filled(), None), Lang::En);
        assert!(!html.contains("form-summary"));
        assert!(!html.contains("form-group--error"));
    }

    #[test]
    fn a_fixed_kind_is_not_asked() {
        let html = screen(&state(Fields::default(), Some("aspirasi")), Lang::En);
        assert!(!html.contains("name=\"kind\""));
        // An aspiration needs no date.
        assert!(html.contains("<span id=\"form-date-opt\"> (optional)</span>"));
        assert!(html.contains("You can enter up to 4,000 characters"));
        assert!(html.contains("You have 4,000 characters remaining"));
    }

    #[test]
    fn the_confirmation_escapes_what_the_server_sent() {
        let mut state = state(Fields::default(), None);
        let receipt = Receipt { ticket: HOSTILE.into(), secret: HOSTILE.into(), verification_due_at: None };
        state.success = Some(SuccessView::new(
            &receipt,
            None,
            Zone::WIB,
            Lang::Id,
            Some("https://x.go.id/lacak?a=1&b=2"),
        ));
        state.step = Step::Done;
        let html = screen(&state, Lang::Id);
        assert_balanced(&html);
        assert!(html.contains("id=\"form-done\" tabindex=\"-1\">Pengaduan terkirim</h2>"));
        assert!(html.contains(&format!("<strong class=\"form-code\">{ESCAPED}</strong>")));
        assert!(html.contains(&format!("<p class=\"form-code form-code--secret\">{ESCAPED}</p>")));
        assert!(html.contains(&format!(
            "<a href=\"https://x.go.id/lacak?a=1&amp;b=2#tiket={ESCAPED}\">Lacak pengaduan Anda</a>"
        )));
        for act in ["copy-ticket", "copy-secret", "another"] {
            assert!(html.contains(&format!("data-act=\"{act}\"")), "{act}");
        }
        // Without a confirmation there is nothing to show.
        state.success = None;
        assert_eq!(screen(&state, Lang::Id), "");
    }
}
