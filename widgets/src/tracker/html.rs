//! The tracker's markup: the lookup form, the complaint and the reporter's
//! forms, as HTML strings with every text escaped, tested natively.
//!
//! Why strings and not Leptos elements: each element type, attribute set
//! and reactive closure of a Leptos view is generic code in the bundle.
//! Written as a Leptos view the tracker cost 62 KB brotli, too much for
//! the 150 KB budget of all four widgets; as markup it costs a fraction of
//! that. `super::view` holds the state, replaces a region only when its
//! markup changed, and handles events on the widget's root.
//!
//! Markup follows the GOV.UK Design System: label, hint, error message,
//! then the field, tied together with `aria-describedby`; an error summary
//! linking to each wrong field; radios in a fieldset.

use aduan_core::lifecycle::ActionKind;
use aduan_core::{FieldError, Lang, Text};

use super::{TrackerView, Ui, Urgency, character_count_message, field_id, rating_label};

/// HTML being written: [`Html::raw`] for our own markup, [`Html::text`]
/// for anything else, escaped.
#[derive(Debug, Default)]
struct Html(String);

impl Html {
    fn raw(&mut self, markup: &str) -> &mut Self {
        self.0.push_str(markup);
        self
    }

    /// Appends `text` with the characters that could end a text node or an
    /// attribute value escaped, so no server or typed text adds markup.
    fn text(&mut self, text: &str) -> &mut Self {
        crate::html::push_escaped(&mut self.0, text);
        self
    }

    /// `<tag class="class">text</tag>`.
    fn element(&mut self, tag: &str, class: &str, text: &str) -> &mut Self {
        self.raw("<").raw(tag).raw(" class=\"").raw(class).raw("\">").text(text).raw("</").raw(tag).raw(">")
    }

    /// An error summary listing `errors` with links to their fields, its
    /// title a heading of `level`; nothing without errors.
    fn error_summary(&mut self, id: &str, level: &str, errors: &[FieldError], lang: Lang) -> &mut Self {
        if errors.is_empty() {
            return self;
        }
        self.raw("<div class=\"tracker-summary\" id=\"")
            .raw(id)
            .raw("\" tabindex=\"-1\"><div role=\"alert\">");
        self.element(level, "tracker-summary-title", &Ui::ErrorTitle.get(lang));
        self.raw("<ul class=\"tracker-summary-list\">");
        for error in errors {
            self.raw("<li><a href=\"#").raw(&field_id(error.field)).raw("\">");
            self.text(error.message.get(lang)).raw("</a></li>");
        }
        self.raw("</ul></div></div>")
    }

    /// Opens a form group: its class marks an error; then the error
    /// message of `id`'s field, if any, goes after the label and hint.
    fn group(&mut self, error: bool) -> &mut Self {
        self.raw(if error {
            "<div class=\"tracker-group tracker-group-error\">"
        } else {
            "<div class=\"tracker-group\">"
        })
    }

    fn hint(&mut self, id: &str, hint: Ui, lang: Lang) -> &mut Self {
        self.raw("<div class=\"tracker-hint\" id=\"")
            .raw(id)
            .raw("-hint\">")
            .text(&hint.get(lang))
            .raw("</div>")
    }

    fn inline_error(&mut self, id: &str, error: Option<&str>, lang: Lang) -> &mut Self {
        if let Some(message) = error {
            self.raw("<p class=\"tracker-error\" id=\"").raw(id).raw("-error\"><span class=\"tracker-vh\">");
            self.text(&Ui::ErrorPrefix.get(lang)).raw(" </span>").text(message).raw("</p>");
        }
        self
    }

    /// ` aria-describedby="…"`: the hint, `extra`, and the error if any.
    fn described_by(&mut self, id: &str, extra: &str, error: bool) -> &mut Self {
        self.raw(" aria-describedby=\"").raw(id).raw("-hint").raw(extra);
        if error {
            self.raw(" ").raw(id).raw("-error");
        }
        self.raw("\"")
    }

    fn button(&mut self, label: Ui, lang: Lang) -> &mut Self {
        self.raw("<button type=\"submit\" class=\"tracker-button\">").text(&label.get(lang)).raw("</button>")
    }
}

/// The message of `field`'s error, if it has one.
fn error_of<'a>(errors: &'a [FieldError], field: &str, lang: Lang) -> Option<&'a str> {
    errors.iter().find(|e| e.field == field).map(|e| e.message.get(lang))
}

/// What the lookup form holds.
#[derive(Debug, Clone, Copy)]
pub struct LookupForm<'a> {
    /// The ticket number as typed.
    pub ticket: &'a str,
    /// The access code as typed.
    pub secret: &'a str,
    /// The errors of the last lookup.
    pub errors: &'a [FieldError],
}

/// The lookup form, after its error summary when it has errors.
///
/// # Example
/// ```
/// use aduan_core::Lang;
/// use aduan_widgets::tracker::html::{LookupForm, lookup_form};
/// let html = lookup_form(&LookupForm { ticket: "K7M", secret: "", errors: &[] }, Lang::Id);
/// assert!(html.contains(r#"<label class="tracker-label" for="tracker-ticket">Nomor tiket</label>"#));
/// assert!(html.contains(r#"spellcheck="false""#));
/// ```
#[must_use]
pub fn lookup_form(form: &LookupForm<'_>, lang: Lang) -> String {
    let mut html = Html::default();
    html.error_summary("tracker-summary", "h3", form.errors, lang);
    html.raw("<form class=\"tracker-form\" novalidate data-action=\"lookup\">");
    let fields = [
        ("ticket", Ui::TicketLabel, Ui::TicketHint, form.ticket, "tracker-input tracker-code"),
        ("secret", Ui::SecretLabel, Ui::SecretHint, form.secret, "tracker-input tracker-code tracker-long"),
    ];
    for (field, label, hint, value, class) in fields {
        let id = field_id(field);
        let error = error_of(form.errors, field, lang);
        html.group(error.is_some());
        html.raw("<label class=\"tracker-label\" for=\"")
            .raw(&id)
            .raw("\">")
            .text(&label.get(lang))
            .raw("</label>");
        html.hint(&id, hint, lang).inline_error(&id, error, lang);
        html.raw("<input class=\"").raw(class).raw(if error.is_some() {
            " tracker-input-error\""
        } else {
            "\""
        });
        html.raw(" id=\"").raw(&id).raw("\" name=\"").raw(field).raw("\" type=\"text\" spellcheck=\"false\"");
        html.raw(" autocapitalize=\"characters\" autocomplete=\"off\"").described_by(
            &id,
            "",
            error.is_some(),
        );
        html.raw(" value=\"").text(value).raw("\"></div>");
    }
    html.button(Ui::Find, lang).raw("</form>");
    html.0
}

/// The tracker's frame: its heading, then the three regions the view
/// fills (the lookup form, the loading line, the complaint).
#[must_use]
pub fn frame(lang: Lang) -> String {
    let mut html = Html::default();
    html.raw("<div class=\"tracker\">").element("h2", "tracker-title", &Ui::Heading.get(lang));
    html.raw("<div></div><div></div><div></div></div>");
    html.0
}

/// The tracker's only content when its attributes are wrong: `message`.
#[must_use]
pub fn error(message: &Text, lang: Lang) -> String {
    let mut html = Html::default();
    html.element("p", "error", message.get(lang));
    html.0
}

/// What the tracker says while it looks a complaint up, or why it could
/// not.
#[must_use]
pub fn status(loading: bool, failure: Option<&Text>, lang: Lang) -> String {
    let mut html = Html::default();
    if loading {
        html.raw("<p class=\"status\" role=\"status\">").text(&Ui::Loading.get(lang)).raw("</p>");
    } else if let Some(failure) = failure {
        html.raw("<p class=\"error\" role=\"alert\">").text(failure.get(lang)).raw("</p>");
    }
    html.0
}

/// The reporter's side of a complaint: the actions offered, what their
/// forms hold, and what became of the last one.
#[derive(Debug, Clone, Copy, Default)]
pub struct Reply<'a> {
    /// The actions to offer, in order.
    pub actions: &'a [ActionKind],
    /// The dispute's reason as typed.
    pub reason: &'a str,
    /// The additional information as typed.
    pub info: &'a str,
    /// The stars chosen.
    pub rating: Option<u8>,
    /// The errors of the last action.
    pub errors: &'a [FieldError],
    /// The last action's outcome: done (`true`) or not, and what to say.
    pub outcome: Option<&'a (bool, Text)>,
    /// Whether an action is on its way.
    pub sending: bool,
}

/// The complaint: its ticket as the heading, the outcome of the last
/// action (where focus goes after one), the summary, deadlines and
/// timeline, then the reporter's forms.
///
/// # Example
/// ```
/// use aduan_core::{Lang, api::v1::ComplaintView};
/// use aduan_widgets::tracker::{TrackerView, html};
/// let complaint: ComplaintView = serde_json::from_str(r#"{"ticket": "K7M-4QX-9RJ",
///     "status": {"code": "diterima", "label": {"id": "Diterima", "en": "Received"}},
///     "received_at": "2026-11-23T06:30:00Z", "zone": "WITA", "title": "<b>Jalan</b> rusak",
///     "timeline": [], "deadlines": [], "version": 1}"#).unwrap();
/// let view = TrackerView::new(&complaint, &[], Lang::Id);
/// let html = html::complaint(&view, &html::Reply::default(), Lang::Id);
/// assert!(html.contains("<dd>&lt;b&gt;Jalan&lt;/b&gt; rusak</dd>"));
/// ```
#[must_use]
pub fn complaint(view: &TrackerView, reply: &Reply<'_>, lang: Lang) -> String {
    let mut html = Html::default();
    html.raw("<section class=\"tracker-result\" aria-labelledby=\"tracker-result-title\">");
    html.raw("<h3 class=\"tracker-h3\" id=\"tracker-result-title\" tabindex=\"-1\">")
        .text(&Ui::Result.get(lang));
    html.raw(" ").element("span", "tracker-code", &view.ticket).raw("</h3>");
    html.raw("<div class=\"tracker-feedback\" id=\"tracker-feedback\" tabindex=\"-1\">");
    match reply.outcome {
        _ if reply.sending => {
            html.raw("<p class=\"status\" role=\"status\">").text(&Ui::Sending.get(lang)).raw("</p>");
        }
        Some((true, text)) => {
            html.raw("<p class=\"tracker-success\" role=\"status\">").text(text.get(lang)).raw("</p>");
        }
        Some((false, text)) => {
            html.raw("<p class=\"error\" role=\"alert\">").text(text.get(lang)).raw("</p>");
        }
        None => {
            html.error_summary("tracker-action-summary", "h4", reply.errors, lang);
        }
    }
    html.raw("</div>");
    summary(&mut html, view, lang);
    if !reply.actions.is_empty() {
        html.element("h4", "tracker-h4", &Ui::Actions.get(lang));
        for &kind in reply.actions {
            action_form(&mut html, kind, reply, lang);
        }
    }
    html.raw("</section>");
    html.0
}

/// The status, the facts, the deadlines and the timeline.
fn summary(html: &mut Html, view: &TrackerView, lang: Lang) {
    let row = |html: &mut Html, name: Ui, value: &str, class: &str| {
        html.raw("<div class=\"tracker-row\"><dt>").text(&name.get(lang)).raw("</dt><dd");
        if !class.is_empty() {
            html.raw(" class=\"").raw(class).raw("\"");
        }
        html.raw(">").text(value).raw("</dd></div>");
    };
    html.raw("<dl class=\"tracker-list\"><div class=\"tracker-row\"><dt>").text(&Ui::Status.get(lang));
    html.raw("</dt><dd>").element("strong", "tracker-status", &view.status);
    html.element("p", "tracker-next", &view.next);
    if let Some(line) = &view.auto_close {
        html.element("p", "tracker-next", line);
    }
    html.raw("</dd></div>");
    if let Some(agency) = &view.agency {
        row(html, Ui::Agency, agency, "");
    }
    if !view.status_only {
        row(html, Ui::Received, &view.received, "");
    }
    if let Some(title) = &view.title {
        row(html, Ui::Title, title, "");
    }
    if let Some(description) = &view.description {
        row(html, Ui::Description, description, "tracker-text");
    }
    html.raw("</dl>");
    if view.status_only {
        html.element("p", "tracker-p", &Ui::StatusOnly.get(lang));
    }
    if !view.deadlines.is_empty() {
        html.element("h4", "tracker-h4", &Ui::Deadlines.get(lang)).raw("<dl class=\"tracker-list\">");
        for deadline in &view.deadlines {
            let class = match deadline.urgency {
                Urgency::Calm => "tracker-state",
                Urgency::AtRisk => "tracker-state tracker-state-risk",
                Urgency::Late => "tracker-state tracker-state-late",
            };
            html.raw("<div class=\"tracker-row\"><dt>").text(&deadline.name).raw("</dt><dd>");
            html.element("strong", class, &deadline.state);
            html.element("p", "tracker-meta", &format!("{}: {}", Ui::Due.get(lang), deadline.due));
            html.raw("</dd></div>");
        }
        html.raw("</dl>");
    }
    if !view.steps.is_empty() {
        html.element("h4", "tracker-h4", &Ui::History.get(lang));
        // `list-style: none` makes Safari drop the list role: restate it.
        html.raw("<ol class=\"tracker-timeline\" role=\"list\">");
        for step in &view.steps {
            html.raw("<li class=\"tracker-step\">").element("p", "tracker-step-label", &step.label);
            html.raw("<p class=\"tracker-meta\"><time datetime=\"").text(&step.datetime).raw("\">");
            html.text(&step.at).raw("</time> · ").text(&step.actor).raw("</p>");
            for detail in &step.details {
                html.element("p", "tracker-meta", detail);
            }
            if let Some(message) = &step.message {
                html.element("blockquote", "tracker-message tracker-text", message);
            }
            html.raw("</li>");
        }
        html.raw("</ol>");
    }
}

/// One reporter's action as a form whose `data-action` is the action's
/// code.
fn action_form(html: &mut Html, kind: ActionKind, reply: &Reply<'_>, lang: Lang) {
    html.raw("<form class=\"tracker-action\" novalidate data-action=\"").raw(kind.code()).raw("\">");
    let button = match kind {
        ActionKind::Confirmed => {
            html.element("h5", "tracker-label", &Ui::ConfirmHeading.get(lang));
            html.element("p", "tracker-p", &Ui::ConfirmBody.get(lang));
            Ui::ConfirmButton
        }
        ActionKind::Disputed => {
            text_area(html, "reason", Ui::DisputeLabel, Ui::DisputeHint, reply, lang);
            Ui::DisputeButton
        }
        ActionKind::Rated => {
            rating_radios(html, reply, lang);
            Ui::RateButton
        }
        _ => {
            text_area(html, "info", Ui::InfoLabel, Ui::InfoHint, reply, lang);
            Ui::InfoButton
        }
    };
    html.button(button, lang).raw("</form>");
}

/// A text box with a GOV.UK character count: the limit for screen readers,
/// the visible count (updated while typing by the view), and a live region
/// the view fills once typing pauses.
fn text_area(html: &mut Html, field: &str, label: Ui, hint: Ui, reply: &Reply<'_>, lang: Lang) {
    let id = field_id(field);
    let typed = if field == "reason" { reply.reason } else { reply.info };
    let error = error_of(reply.errors, field, lang);
    let (count, over) = character_count_message(typed, lang);
    html.group(error.is_some());
    html.raw("<h5 class=\"tracker-label\"><label for=\"").raw(&id).raw("\">").text(&label.get(lang));
    html.raw("</label></h5>").hint(&id, hint, lang).inline_error(&id, error, lang);
    html.raw("<textarea class=\"tracker-input tracker-textarea");
    html.raw(if error.is_some() || over { " tracker-input-error\"" } else { "\"" });
    html.raw(" id=\"").raw(&id).raw("\" name=\"").raw(field).raw("\" rows=\"5\"");
    html.described_by(&id, &format!(" {id}-info"), error.is_some());
    // The parser drops one newline right after the start tag: this one, so
    // a text that starts with a newline keeps it.
    html.raw(">\n").text(typed).raw("</textarea>");
    html.raw("<div class=\"tracker-vh\" id=\"")
        .raw(&id)
        .raw("-info\">")
        .text(&Ui::CountLimit.get(lang))
        .raw("</div>");
    html.raw("<div class=\"").raw(if over { "tracker-count tracker-count-over" } else { "tracker-count" });
    html.raw("\" id=\"").raw(&id).raw("-count\" aria-hidden=\"true\">").text(&count).raw("</div>");
    html.raw("<div class=\"tracker-vh\" id=\"").raw(&id).raw("-announce\" aria-live=\"polite\"></div></div>");
}

/// Five radios in a fieldset, stacked, none chosen at first.
fn rating_radios(html: &mut Html, reply: &Reply<'_>, lang: Lang) {
    let error = error_of(reply.errors, "rating", lang);
    html.group(error.is_some()).raw("<fieldset class=\"tracker-fieldset\"");
    html.described_by("tracker-rating", "", error.is_some()).raw(">");
    html.element("legend", "tracker-label", &Ui::RateLegend.get(lang));
    html.hint("tracker-rating", Ui::RateHint, lang).inline_error("tracker-rating", error, lang);
    for stars in 1..=5u8 {
        let id = format!("tracker-rating-{stars}");
        html.raw("<div class=\"tracker-radio\"><input class=\"tracker-radio-input\" type=\"radio\" name=\"rating\" id=\"");
        html.raw(&id).raw("\" value=\"").raw(&stars.to_string()).raw("\"");
        if reply.rating == Some(stars) {
            html.raw(" checked");
        }
        html.raw("><label class=\"tracker-radio-label\" for=\"").raw(&id).raw("\">");
        html.text(&rating_label(stars, lang)).raw("</label></div>");
    }
    html.raw("</fieldset></div>");
}

#[cfg(test)]
mod tests {
    use aduan_core::api::v1::ComplaintView;
    use aduan_core::lifecycle::ActionKind::*;

    use super::super::ActionInput;
    use super::super::tests::{agencies, reporter_view};
    use super::*;

    fn shown(complaint: &ComplaintView, lang: Lang) -> TrackerView {
        TrackerView::new(complaint, &agencies(), lang)
    }

    /// Every element opened is closed (void elements aside), so a region
    /// cannot swallow the markup after it.
    fn assert_balanced(html: &str) {
        for tag in [
            "section",
            "form",
            "fieldset",
            "legend",
            "dl",
            "div",
            "dd",
            "dt",
            "ol",
            "ul",
            "li",
            "p",
            "h3",
            "h4",
            "h5",
            "strong",
            "blockquote",
            "time",
            "label",
            "textarea",
            "button",
            "span",
            "a",
        ] {
            let opened =
                html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(opened, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {html}");
        }
    }

    #[test]
    fn the_lookup_form_follows_govuk() {
        let html = lookup_form(&LookupForm { ticket: "k7m\"><b>", secret: "", errors: &[] }, Lang::Id);
        assert_balanced(&html);
        assert!(!html.contains("tracker-summary") && !html.contains("tracker-error"), "{html}");
        assert!(html.contains(r#"<form class="tracker-form" novalidate data-action="lookup">"#));
        assert!(html.contains(r#"<div class="tracker-hint" id="tracker-ticket-hint">Ada pada bukti pengaduan Anda, seperti K7M-4QX-9RJ</div>"#));
        assert!(html.contains(
            r#"<input class="tracker-input tracker-code" id="tracker-ticket" name="ticket" type="text" spellcheck="false" autocapitalize="characters" autocomplete="off" aria-describedby="tracker-ticket-hint" value="k7m&quot;&gt;&lt;b&gt;">"#
        ));
        assert!(
            html.contains(
                r#"<label class="tracker-label" for="tracker-secret">Kode akses (opsional)</label>"#
            )
        );
        assert!(html.contains(r#"<button type="submit" class="tracker-button">Lacak pengaduan</button>"#));
        // GOV.UK: no placeholder, no required, no maxlength.
        for banned in ["placeholder", "required", "maxlength", "disabled"] {
            assert!(!html.contains(banned), "{banned} in {html}");
        }
    }

    #[test]
    fn a_mistyped_ticket_gets_a_summary_and_an_inline_error_with_the_same_words() {
        let errors = super::super::Lookup::parse("K7M-4QX-9RK", "abc").unwrap_err();
        let html =
            lookup_form(&LookupForm { ticket: "K7M-4QX-9RK", secret: "abc", errors: &errors }, Lang::Id);
        assert_balanced(&html);
        let message = "Nomor tiket salah ketik. Periksa lagi setiap karakternya";
        assert!(html.starts_with(r#"<div class="tracker-summary" id="tracker-summary" tabindex="-1"><div role="alert"><h3 class="tracker-summary-title">Ada masalah</h3>"#));
        assert!(html.contains(&format!(r##"<li><a href="#tracker-ticket">{message}</a></li>"##)));
        assert!(html.contains(&format!(
            r#"<p class="tracker-error" id="tracker-ticket-error"><span class="tracker-vh">Galat: </span>{message}</p>"#
        )));
        assert!(html.contains(r#"<div class="tracker-group tracker-group-error"><label class="tracker-label" for="tracker-ticket">"#));
        assert!(
            html.contains(r#"class="tracker-input tracker-code tracker-input-error" id="tracker-ticket""#)
        );
        assert!(html.contains(r#"aria-describedby="tracker-ticket-hint tracker-ticket-error""#));
        assert!(html.contains(r#"aria-describedby="tracker-secret-hint tracker-secret-error""#));
        // The summary lists the ticket first, as the form does.
        assert!(html.find("#tracker-ticket\"").unwrap() < html.find("#tracker-secret\"").unwrap());
        let en = lookup_form(&LookupForm { ticket: "", secret: "", errors: &errors }, Lang::En);
        assert!(
            en.contains("There is a problem") && en.contains("<span class=\"tracker-vh\">Error: </span>")
        );
    }

    #[test]
    fn status_while_loading_or_failed() {
        assert_eq!(status(false, None, Lang::Id), "");
        assert_eq!(
            status(true, None, Lang::En),
            r#"<p class="status" role="status">Loading the complaint…</p>"#
        );
        let failure = Text::new("Server <mati>", "Server down");
        assert_eq!(
            status(false, Some(&failure), Lang::Id),
            r#"<p class="error" role="alert">Server &lt;mati&gt;</p>"#
        );
        assert_eq!(error(&failure, Lang::Id), r#"<p class="error">Server &lt;mati&gt;</p>"#);
        assert_eq!(
            frame(Lang::En),
            r#"<div class="tracker"><h2 class="tracker-title">Track a complaint</h2><div></div><div></div><div></div></div>"#
        );
    }

    #[test]
    fn the_complaint_escapes_every_text_and_keeps_the_order() {
        let mut complaint = reporter_view();
        complaint.title = Some("<img src=x onerror=alert(1)>".into());
        complaint.timeline[2].message = Some("Loket \"B\" & 'C'\n</blockquote><script>".into());
        let html = complaint_html(&complaint, &Reply::default());
        assert_balanced(&html);
        assert!(!html.contains("<img") && !html.contains("<script"), "{html}");
        assert!(html.contains("<dd>&lt;img src=x onerror=alert(1)&gt;</dd>"));
        assert!(html.contains(
            "<blockquote class=\"tracker-message tracker-text\">Loket &quot;B&quot; &amp; &#39;C&#39;\n&lt;/blockquote&gt;&lt;script&gt;</blockquote>"
        ));
        let position = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle} in {html}"));
        // The ticket heading, the feedback, the status, deadlines, timeline oldest first.
        assert!(html.contains(
            r#"<h3 class="tracker-h3" id="tracker-result-title" tabindex="-1">Pengaduan <span class="tracker-code">K7M-4QX-9RJ</span></h3>"#
        ));
        assert!(position("id=\"tracker-feedback\"") < position("tracker-status\">Ditindaklanjuti<"));
        assert!(position("tracker-status\">Ditindaklanjuti<") < position(">Batas waktu</h4>"));
        assert!(position(">Batas waktu</h4>") < position(">Riwayat</h4>"));
        assert!(position("Pengaduan diterima") < position("Didisposisikan ke instansi<"));
        assert!(html.contains("<dt>Instansi</dt><dd>Dinas Kesehatan</dd>"));
        assert!(html.contains(
            "<time datetime=\"2026-11-23T06:30:59Z\">23 November 2026 pukul 14.30 WITA</time> · Pelapor"
        ));
        assert!(html.contains(
            "<strong class=\"tracker-state tracker-state-late\">Terlambat 1,3 hari kerja</strong>"
        ));
        assert!(html.contains("<p class=\"tracker-meta\">Batas: 30 November 2026 pukul 15.00 WITA</p>"));
        assert_eq!(html.matches("<li ").count(), 5);
        assert!(!html.contains("<form"), "no actions offered, no forms");
    }

    fn complaint_html(shown_complaint: &ComplaintView, reply: &Reply<'_>) -> String {
        complaint(&shown(shown_complaint, Lang::Id), reply, Lang::Id)
    }

    #[test]
    fn a_confidential_complaint_says_why_it_shows_so_little() {
        let confidential: ComplaintView = serde_json::from_str(
            r#"{"ticket": "K7M-4QX-9RJ", "status": {"code": "selesai", "label": {"id": "Selesai", "en": "Closed"}},
                "received_at": "2026-11-23T06:30:59Z", "zone": "WITA", "timeline": [], "deadlines": [], "version": 3}"#,
        )
        .unwrap();
        let html = complaint(&shown(&confidential, Lang::En), &Reply::default(), Lang::En);
        assert_balanced(&html);
        assert!(html.contains("<strong class=\"tracker-status\">Closed</strong>"));
        assert!(html.contains("This complaint is confidential, so only its status is shown."));
        assert!(!html.contains("Received<") && !html.contains("<ol") && !html.contains("<h4"), "{html}");
    }

    #[test]
    fn the_reporters_forms() {
        let reply = Reply {
            actions: &[Confirmed, Disputed, Rated, InfoAdded],
            reason: "\nMasih <antre>",
            rating: Some(4),
            ..Reply::default()
        };
        let html = complaint_html(&reporter_view(), &reply);
        assert_balanced(&html);
        let position = |needle: &str| html.find(needle).unwrap_or_else(|| panic!("{needle} in {html}"));
        assert!(position(">Tanggapan Anda</h4>") < position("data-action=\"confirmed\""));
        assert!(position("data-action=\"confirmed\"") < position("data-action=\"disputed\""));
        assert!(position("data-action=\"disputed\"") < position("data-action=\"rated\""));
        assert!(position("data-action=\"rated\"") < position("data-action=\"info_added\""));
        // The text area keeps a leading newline and escapes what was typed.
        assert!(html.contains(
            "<textarea class=\"tracker-input tracker-textarea\" id=\"tracker-reason\" name=\"reason\" rows=\"5\" aria-describedby=\"tracker-reason-hint tracker-reason-info\">\n\nMasih &lt;antre&gt;</textarea>"
        ));
        assert!(html.contains("<div class=\"tracker-count\" id=\"tracker-reason-count\" aria-hidden=\"true\">Sisa 3.987 karakter</div>"));
        assert!(html.contains("<div class=\"tracker-vh\" id=\"tracker-reason-info\">Anda dapat memasukkan hingga 4.000 karakter</div>"));
        assert!(html.contains("id=\"tracker-reason-announce\" aria-live=\"polite\""));
        // Radios: a fieldset with the question as legend, the choice kept.
        assert!(html.contains("<fieldset class=\"tracker-fieldset\" aria-describedby=\"tracker-rating-hint\"><legend class=\"tracker-label\">Beri penilaian penanganan</legend>"));
        assert_eq!(html.matches("type=\"radio\" name=\"rating\"").count(), 5);
        assert!(html.contains("id=\"tracker-rating-4\" value=\"4\" checked><label class=\"tracker-radio-label\" for=\"tracker-rating-4\">4 – baik</label>"));
        assert_eq!(html.matches(" checked").count(), 1);
        assert_eq!(html.matches("<button type=\"submit\"").count(), 4);
        assert!(html.contains(">Kirim sanggahan</button>") && html.contains(">Nyatakan selesai</button>"));
    }

    #[test]
    fn action_errors_and_outcomes() {
        let long = "a".repeat(4_001);
        let errors =
            [ActionInput::Rate(None), ActionInput::AddInfo(&long)].map(|i| i.request(1).unwrap_err());
        let reply = Reply { actions: &[Rated, InfoAdded], info: &long, errors: &errors, ..Reply::default() };
        let html = complaint_html(&reporter_view(), &reply);
        assert_balanced(&html);
        assert!(html.contains("<div class=\"tracker-feedback\" id=\"tracker-feedback\" tabindex=\"-1\"><div class=\"tracker-summary\" id=\"tracker-action-summary\" tabindex=\"-1\"><div role=\"alert\"><h4 class=\"tracker-summary-title\">Ada masalah</h4>"));
        assert!(html.contains("<li><a href=\"#tracker-rating-1\">Pilih penilaian Anda</a></li>"));
        assert!(html.contains(
            "<li><a href=\"#tracker-info\">Informasi tambahan harus 4.000 karakter atau kurang</a></li>"
        ));
        assert!(html.contains("aria-describedby=\"tracker-rating-hint tracker-rating-error\""));
        assert!(html.contains("<p class=\"tracker-error\" id=\"tracker-rating-error\">"));
        assert!(html.contains("aria-describedby=\"tracker-info-hint tracker-info-info tracker-info-error\""));
        assert!(html.contains("<div class=\"tracker-count tracker-count-over\" id=\"tracker-info-count\" aria-hidden=\"true\">Anda kelebihan 1 karakter</div>"));
        assert!(html.contains("class=\"tracker-input tracker-textarea tracker-input-error\""));

        let done = (true, super::super::action_done(Confirmed));
        let html = complaint_html(&reporter_view(), &Reply { outcome: Some(&done), ..Reply::default() });
        assert!(html.contains("<div class=\"tracker-feedback\" id=\"tracker-feedback\" tabindex=\"-1\"><p class=\"tracker-success\" role=\"status\">Anda menyatakan pengaduan ini selesai</p></div>"));
        let refused = (false, Ui::Conflict.text());
        let html = complaint_html(&reporter_view(), &Reply { outcome: Some(&refused), ..Reply::default() });
        assert!(html.contains("<p class=\"error\" role=\"alert\">Pengaduan ini berubah sejak ditampilkan"));
        let html = complaint_html(
            &reporter_view(),
            &Reply { sending: true, outcome: Some(&done), ..Reply::default() },
        );
        assert!(html.contains("tabindex=\"-1\"><p class=\"status\" role=\"status\">Mengirim…</p></div>"));
    }
}
