//! The ticket tracker, `<aduan-tracker [ticket="K7M-4QX-9RJ"]>`: a citizen
//! types a ticket number (and, optionally, the access code issued with it)
//! and sees where the complaint stands; with the code, the reporter can
//! also act on it.
//!
//! This module is everything but the DOM, tested natively: reading the
//! lookup form with the core's [`TicketNumber`] and [`AccessSecret`]
//! (so a mistyped ticket is caught before any request), the ticket in a
//! page's `#tiket=` fragment, the request URLs, the server's answers, the
//! view model of a [`ComplaintView`] with dates in the agency's zone, the
//! reporter's actions the core allows now and the requests they send.
//! [`html`] writes the markup from it, also tested natively, and `view`
//! (wasm32 only) holds the state, draws it, fetches, and moves focus.
//!
//! The access code is only ever read from the form and sent in the
//! `X-Access-Secret` header: never from or into a URL, where it would end
//! up in histories, logs and `Referer`s.

use aduan_core::api::v1::{ActionRequest, Agency, ComplaintView, Deadline, Problem, TimelineEntry};
use aduan_core::complaint::character_count;
use aduan_core::lifecycle::{Action, ActionKind, Actor, Status};
use aduan_core::sla::{ClockKind, ClockState};
use aduan_core::{AccessSecret, AgencyId, FieldError, Lang, Rating, Text, TicketError, TicketNumber, format};
use chrono::{DateTime, Utc};

use crate::config::{ApiBase, query_value};
use crate::load::LoadError;

pub mod html;
#[cfg(target_arch = "wasm32")]
pub mod view;

/// The longest message or reason the server accepts with an action, in
/// characters as [`character_count`] counts them (`MESSAGE_MAX` in the
/// server's `app.rs`; the core has no constant for it yet).
pub const MESSAGE_MAX: usize = 4_000;

// ----- Looking a ticket up -------------------------------------------------

/// A lookup the core accepted: a ticket number and, if given, the access
/// code that shows the reporter's view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lookup {
    /// The ticket, in its canonical form.
    pub ticket: TicketNumber,
    /// The access code, if one was typed.
    pub secret: Option<AccessSecret>,
}

impl Lookup {
    /// Reads the lookup form as typed, with the core's rules: case, spaces,
    /// hyphens and other separators do not matter, and the check character
    /// catches a mistyped ticket. An empty access code means none.
    ///
    /// # Errors
    /// Every field's error, ticket first, each as the core words it.
    ///
    /// # Example
    /// ```
    /// use aduan_widgets::tracker::Lookup;
    /// let lookup = Lookup::parse(" k7m 4qx 9rj ", "").unwrap();
    /// assert_eq!((lookup.ticket.as_str(), lookup.secret), ("K7M-4QX-9RJ", None));
    /// // Two characters swapped: the check character catches it.
    /// let errors = Lookup::parse("K7M-Q4X-9RJ", "").unwrap_err();
    /// assert_eq!(errors[0].code, "ticket.check");
    /// ```
    pub fn parse(ticket: &str, secret: &str) -> Result<Self, Vec<FieldError>> {
        let ticket = TicketNumber::parse(ticket).map_err(FieldError::from);
        let secret = match AccessSecret::parse(secret) {
            Ok(secret) => Ok(Some(secret)),
            Err(TicketError::SecretEmpty) => Ok(None),
            Err(error) => Err(FieldError::from(error)),
        };
        match (ticket, secret) {
            (Ok(ticket), Ok(secret)) => Ok(Self { ticket, secret }),
            (ticket, secret) => {
                let mut errors = Vec::new();
                errors.extend(ticket.err());
                errors.extend(secret.err());
                Err(errors)
            }
        }
    }

    /// The complaint's address on the server.
    #[must_use]
    pub fn url(&self, api: &ApiBase) -> String {
        api.url(&format!("/api/v1/complaints/{}", query_value(self.ticket.as_str())))
    }

    /// Where the reporter's actions go.
    #[must_use]
    pub fn actions_url(&self, api: &ApiBase) -> String {
        format!("{}/actions", self.url(api))
    }
}

/// The ticket in a page address's fragment, `#tiket=K7M-4QX-9RJ` (the
/// complaint form links there), percent-decoded; other `&`-separated
/// parameters are ignored. The access code is never read from a URL.
///
/// # Example
/// ```
/// use aduan_widgets::tracker::ticket_from_fragment;
/// assert_eq!(ticket_from_fragment("#tiket=K7M-4QX-9RJ").as_deref(), Some("K7M-4QX-9RJ"));
/// assert_eq!(ticket_from_fragment("#bagian-2"), None);
/// ```
#[must_use]
pub fn ticket_from_fragment(fragment: &str) -> Option<String> {
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    fragment
        .split('&')
        .find_map(|pair| pair.strip_prefix("tiket="))
        .map(percent_decode)
        .filter(|ticket| !ticket.trim().is_empty())
}

/// Decodes `%XX` escapes; a malformed escape, or escapes that do not
/// decode to UTF-8, are kept as typed.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |at: usize| bytes.get(at).and_then(|&b| char::from(b).to_digit(16));
        let (byte, len) = match (bytes[i], hex(i + 1), hex(i + 2)) {
            // Two hex digits: at most 0xFF.
            #[allow(clippy::cast_possible_truncation)]
            (b'%', Some(high), Some(low)) => ((high * 16 + low) as u8, 3),
            (byte, _, _) => (byte, 1),
        };
        out.push(byte);
        i += len;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// Why the tracker shows no (new) complaint view.
#[derive(Debug, Clone, PartialEq)]
pub enum Failure {
    /// Errors of the form's fields, for the error summary and beside each
    /// field.
    Fields(Vec<FieldError>),
    /// The complaint changed since it was shown (HTTP 409): reload it.
    Conflict,
    /// Anything else, as one message.
    Message(Text),
}

impl From<LoadError> for Failure {
    fn from(error: LoadError) -> Self {
        Self::Message(error.message())
    }
}

/// The server's answer to a lookup.
///
/// # Errors
/// An unknown ticket (404) as an error of the ticket field that says only
/// that no complaint has that number, a wrong access code (403) as an
/// error of the code field, anything else as a message.
pub fn read_lookup(status: u16, body: &str) -> Result<ComplaintView, Failure> {
    let problem = || crate::json::from_str::<Problem>(body).ok();
    match status {
        200..=299 => crate::json::from_str(body).map_err(|_| LoadError::Unreadable.into()),
        404 => Err(Failure::Fields(vec![FieldError {
            field: "ticket",
            code: "ticket.not_found",
            message: Text::new(
                "Tidak ada pengaduan dengan nomor tiket ini. Periksa nomor tiket pada bukti pengaduan Anda",
                "There is no complaint with this ticket number. Check the number on your complaint receipt",
            ),
        }])),
        403 if problem().is_some_and(|p| p.code == "secret.mismatch") => {
            Err(Failure::Fields(vec![FieldError {
                field: "secret",
                code: "secret.mismatch",
                message: Text::new(
                    "Kode akses tidak cocok dengan nomor tiket ini. Periksa kode akses pada bukti pengaduan Anda",
                    "The access code does not match this ticket number. Check the code on your complaint receipt",
                ),
            }]))
        }
        _ => Err(LoadError::Status { status, message: problem().map(|p| p.message) }.into()),
    }
}

/// The server's answer to a reporter's action; `field` is the form field
/// the action's text came from, where a refused text is shown.
///
/// # Errors
/// [`Failure::Conflict`] for 409, the problem's field errors (422) as
/// errors of `field`, anything else (such as the core refusing a dispute
/// after the reply window) as the server's message.
pub fn read_action(status: u16, body: &str, field: &'static str) -> Result<ComplaintView, Failure> {
    if status == 409 {
        return Err(Failure::Conflict);
    }
    if (200..300).contains(&status) {
        return crate::json::from_str(body).map_err(|_| LoadError::Unreadable.into());
    }
    let problem = crate::json::from_str::<Problem>(body).ok();
    match problem {
        Some(problem) if !problem.errors.is_empty() => Err(Failure::Fields(
            problem
                .errors
                .into_iter()
                .map(|e| FieldError { field, code: "server", message: e.message })
                .collect(),
        )),
        problem => Err(LoadError::Status { status, message: problem.map(|p| p.message) }.into()),
    }
}

/// The element id of a form field, which error summaries link to; for
/// radios, the first one.
#[must_use]
pub fn field_id(field: &str) -> String {
    match field {
        "rating" => "tracker-rating-1".to_owned(),
        field => format!("tracker-{field}"),
    }
}

// ----- What the tracker shows -------------------------------------------------

/// A complaint as the tracker shows it, every text in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct TrackerView {
    /// The ticket number.
    pub ticket: String,
    /// The status, as the core labels it.
    pub status: String,
    /// What happens next in this status.
    pub next: String,
    /// The agency responsible, by name, once assigned and if visible.
    pub agency: Option<String>,
    /// When it was received, in the agency's zone.
    pub received: String,
    /// The title, when the viewer may see it.
    pub title: Option<String>,
    /// The description, when the viewer may see it.
    pub description: Option<String>,
    /// Whether only the status is shown (a confidential complaint viewed
    /// without its access code).
    pub status_only: bool,
    /// The SLA deadlines.
    pub deadlines: Vec<DeadlineRow>,
    /// When the complaint closes unless the reporter replies.
    pub auto_close: Option<String>,
    /// What happened, oldest first.
    pub steps: Vec<Step>,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// What happened, as the core labels it.
    pub label: String,
    /// Who did it.
    pub actor: String,
    /// When, in the agency's zone: "23 November 2026 pukul 14.30 WITA".
    pub at: String,
    /// When, for `<time datetime>`: RFC 3339 in UTC.
    pub datetime: String,
    /// Short facts: the agency it went to, the rating.
    pub details: Vec<String>,
    /// The message or reason, when the viewer may see it.
    pub message: Option<String>,
}

/// One SLA deadline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineRow {
    /// Which deadline: "Tindak lanjut instansi".
    pub name: String,
    /// When it is due: "10 Maret 2025 pukul 18.00 WITA".
    pub due: String,
    /// Where it stands, in words: "Terlambat 1,5 hari kerja".
    pub state: String,
    /// How urgent, for a colour that repeats what `state` says.
    pub urgency: Urgency,
}

/// How urgent a deadline is; never shown by colour alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Urgency {
    /// Met, running with time to spare, paused or cancelled.
    Calm,
    /// Running, most of its time used.
    AtRisk,
    /// Past its due time.
    Late,
}

impl TrackerView {
    /// The view of `complaint` in `lang`, naming agencies from `agencies`
    /// (their slugs when a name is unknown), every date in the complaint's
    /// zone.
    #[must_use]
    pub fn new(complaint: &ComplaintView, agencies: &[Agency], lang: Lang) -> Self {
        let zone = complaint.zone;
        let instant = |at: DateTime<Utc>| format::instant(at, zone, lang);
        let name = |id: &AgencyId| agency_name(agencies, id);
        let steps = complaint.timeline.iter().map(|entry| step(entry, &name, &instant, lang)).collect();
        let deadlines = complaint.deadlines.iter().map(|d| deadline_row(d, &instant, lang)).collect();
        let auto_close =
            complaint.auto_close_at.filter(|_| complaint.status.code == Status::Ditindaklanjuti).map(|at| {
                let at = instant(at);
                Text::new(
                    format!("Jika pelapor tidak menanggapi, pengaduan ini ditutup otomatis pada {at}"),
                    format!("If the reporter does not reply, this complaint closes automatically on {at}"),
                )
                .get(lang)
                .to_owned()
            });
        Self {
            ticket: complaint.ticket.to_string(),
            status: complaint.status.label.get(lang).to_owned(),
            next: next_step(complaint.status.code).get(lang).to_owned(),
            agency: complaint.agency.as_ref().map(name),
            received: instant(complaint.received_at),
            title: complaint.title.clone(),
            description: complaint.description.clone(),
            // Whoever may see a complaint's summary sees at least its
            // receipt in the timeline.
            status_only: complaint.timeline.is_empty(),
            deadlines,
            auto_close,
            steps,
        }
    }
}

/// An agency's name from the server's list, else its slug.
fn agency_name(agencies: &[Agency], id: &AgencyId) -> String {
    agencies.iter().find(|a| &a.id == id).map_or_else(|| id.to_string(), |a| a.name.clone())
}

fn step(
    entry: &TimelineEntry,
    name: &dyn Fn(&AgencyId) -> String,
    instant: &dyn Fn(DateTime<Utc>) -> String,
    lang: Lang,
) -> Step {
    let mut details = Vec::new();
    if let Some(to) = &entry.to_agency {
        let to = name(to);
        details.push(match entry.action {
            ActionKind::Rerouted => {
                Text::new(format!("Instansi yang disarankan: {to}"), format!("Suggested agency: {to}"))
            }
            _ => Text::new(format!("Ke: {to}"), format!("To: {to}")),
        });
    }
    if let Some(stars) = entry.rating {
        details.push(Text::new(format!("Penilaian: {stars} dari 5"), format!("Rating: {stars} out of 5")));
    }
    Step {
        label: entry.label.get(lang).to_owned(),
        actor: actor(&entry.role, entry.agency.as_ref().map(name)).get(lang).to_owned(),
        at: instant(entry.at),
        datetime: machine_readable(entry.at),
        details: details.iter().map(|d| d.get(lang).to_owned()).collect(),
        message: entry.message.clone(),
    }
}

/// An instant for `<time datetime>`, `2026-11-23T06:30:59Z` (by hand:
/// chrono's RFC 3339 writer costs the bundle a kilobyte).
fn machine_readable(at: DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    let (date, time) = (at.date_naive(), at.time());
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        date.year(),
        date.month(),
        date.day(),
        time.hour(),
        time.minute(),
        time.second()
    )
}

/// Who acted, worded like the core's role names in its permission
/// messages (which it keeps private).
fn actor(role: &str, agency: Option<String>) -> Text {
    match (role, agency) {
        ("reporter", _) => Text::new("Pelapor", "Reporter"),
        ("koordinator", _) => Text::new("Admin koordinator", "Coordinating admin"),
        ("penghubung", Some(agency)) => {
            Text::new(format!("Admin penghubung, {agency}"), format!("Agency liaison admin, {agency}"))
        }
        ("penghubung", None) => Text::new("Admin penghubung", "Agency liaison admin"),
        _ => Text::new("Sistem", "System"),
    }
}

fn deadline_row(deadline: &Deadline, instant: &dyn Fn(DateTime<Utc>) -> String, lang: Lang) -> DeadlineRow {
    let name = match deadline.clock {
        ClockKind::Disposition => Text::new("Verifikasi dan disposisi", "Checking and assigning"),
        ClockKind::FollowUp => Text::new("Tindak lanjut instansi", "Follow-up by the agency"),
    };
    let due = deadline
        .due_at
        .map_or_else(|| Text::new("Belum dapat dihitung", "Not known yet").get(lang).to_owned(), instant);
    let days = format::working_days(deadline.remaining_working_days.abs(), 1, lang);
    let (state, urgency) = match deadline.state {
        ClockState::Running => {
            (Text::new(format!("Berjalan, sisa {days}"), format!("Running, {days} left")), Urgency::Calm)
        }
        ClockState::AtRisk => (
            Text::new(format!("Hampir lewat batas waktu, sisa {days}"), format!("Nearly due, {days} left")),
            Urgency::AtRisk,
        ),
        ClockState::Paused => (
            Text::new("Berhenti sementara selama pengaduan ditunda", "Paused while the complaint is on hold"),
            Urgency::Calm,
        ),
        ClockState::Met => (Text::new("Terpenuhi tepat waktu", "Met on time"), Urgency::Calm),
        ClockState::Breached if deadline.stopped_at.is_some() => (
            Text::new("Terlambat: selesai setelah batas waktu", "Late: done after the deadline"),
            Urgency::Late,
        ),
        ClockState::Breached => {
            (Text::new(format!("Terlambat {days}"), format!("Overdue by {days}")), Urgency::Late)
        }
        ClockState::Cancelled => (
            Text::new(
                "Tidak berlaku lagi karena pengaduan diarsipkan",
                "No longer applies: the complaint was archived",
            ),
            Urgency::Calm,
        ),
    };
    DeadlineRow { name: name.get(lang).to_owned(), due, state: state.get(lang).to_owned(), urgency }
}

/// What happens next in `status`, for anyone following the ticket.
#[must_use]
pub fn next_step(status: Status) -> Text {
    let (id, en) = match status {
        Status::Diterima => (
            "Admin koordinator akan memeriksa pengaduan ini lalu meneruskannya ke instansi yang berwenang.",
            "The coordinating admin will check this complaint, then pass it to the agency responsible.",
        ),
        Status::Terverifikasi => (
            "Pengaduan ini sudah diperiksa dan menunggu diteruskan ke instansi yang berwenang.",
            "This complaint has been checked and is waiting to be passed to the agency responsible.",
        ),
        Status::Didisposisikan => (
            "Instansi yang berwenang sedang menangani pengaduan ini dan akan menanggapinya.",
            "The agency responsible is handling this complaint and will answer it.",
        ),
        Status::Ditanggapi => (
            "Instansi sudah menanggapi dan akan melaporkan tindak lanjutnya.",
            "The agency has answered and will report how it followed up.",
        ),
        Status::Ditindaklanjuti => (
            "Instansi sudah melaporkan tindak lanjutnya. Pelapor dapat menyatakan pengaduan selesai atau menyanggahnya.",
            "The agency has reported how it followed up. The reporter can confirm the complaint is resolved or dispute it.",
        ),
        Status::Ditunda => (
            "Penanganan ditunda sampai pelapor menambahkan informasi. Batas waktu tidak berjalan selama ditunda.",
            "Handling is on hold until the reporter adds information. Deadlines do not run while on hold.",
        ),
        Status::Selesai => {
            ("Penanganan pengaduan ini sudah selesai.", "Handling of this complaint has finished.")
        }
        Status::Diarsipkan => (
            "Pengaduan ini diarsipkan dan tidak ditangani lebih lanjut.",
            "This complaint was archived and will not be handled further.",
        ),
    };
    Text::new(id, en)
}

// ----- The reporter's actions -----------------------------------------------

/// The reporter's actions, in the order the tracker offers them.
pub const REPORTER_ACTIONS: [ActionKind; 4] =
    [ActionKind::Confirmed, ActionKind::Disputed, ActionKind::Rated, ActionKind::InfoAdded];

/// The reporter's actions to offer now: those the server listed for the
/// access code's holder that the core also allows a reporter in the
/// current status. Whether the reply window for a dispute is still open is
/// the server's to say (it leaves `disputed` out once it has closed): a
/// phone's clock may be wrong.
#[must_use]
pub fn offered_actions(complaint: &ComplaintView) -> Vec<ActionKind> {
    let status = complaint.status.code;
    let mut offered = Vec::new();
    for kind in REPORTER_ACTIONS {
        if complaint.actions.contains(&kind)
            && kind.allowed_in(status)
            && kind.allowed_for(&Actor::Reporter, complaint.agency.as_ref()).is_ok()
        {
            offered.push(kind);
        }
    }
    offered
}

/// What the reporter filled in for one action.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ActionInput<'a> {
    /// "The follow-up settles it."
    Confirm,
    /// "It is not settled", with the reason as typed.
    Dispute(&'a str),
    /// The stars chosen, if any.
    Rate(Option<u8>),
    /// More information, as typed.
    AddInfo(&'a str),
}

impl ActionInput<'_> {
    /// The form field that holds this action's input.
    #[must_use]
    pub fn field(self) -> &'static str {
        match self {
            Self::Confirm => "confirm",
            Self::Dispute(_) => "reason",
            Self::Rate(_) => "rating",
            Self::AddInfo(_) => "info",
        }
    }

    /// The request for this input, to act on `version` of the complaint.
    ///
    /// # Errors
    /// The field's error: an empty or too long text, no rating chosen, or
    /// a rating the core's [`Rating`] refuses.
    ///
    /// # Example
    /// ```
    /// use aduan_widgets::tracker::ActionInput;
    /// let request = ActionInput::Rate(Some(4)).request(7).unwrap();
    /// assert_eq!(serde_json::to_string(&request).unwrap(), r#"{"version":7,"action":{"type":"rated","rating":4}}"#);
    /// assert_eq!(ActionInput::Dispute("  ").request(7).unwrap_err().code, "empty");
    /// ```
    pub fn request(self, version: u32) -> Result<ActionRequest, FieldError> {
        let field = self.field();
        let text = |typed: &str, empty: Text, name: (&str, &str)| {
            if typed.trim().is_empty() {
                return Err(FieldError { field, code: "empty", message: empty });
            }
            if character_count(typed) > MESSAGE_MAX {
                let (id, en) = (format::integer(4_000, Lang::Id), format::integer(4_000, Lang::En));
                return Err(FieldError {
                    field,
                    code: "too_long",
                    message: Text::new(
                        format!("{} harus {id} karakter atau kurang", name.0),
                        format!("{} must be {en} characters or fewer", name.1),
                    ),
                });
            }
            Ok(typed.trim().to_owned())
        };
        let action = match self {
            Self::Confirm => Action::Confirmed,
            Self::Dispute(reason) => Action::Disputed {
                reason: text(
                    reason,
                    Text::new(
                        "Masukkan alasan Anda menyanggah tindak lanjut",
                        "Enter why you dispute the follow-up",
                    ),
                    ("Alasan", "The reason"),
                )?,
            },
            Self::AddInfo(message) => Action::InfoAdded {
                message: text(
                    message,
                    Text::new("Masukkan informasi tambahan", "Enter the additional information"),
                    ("Informasi tambahan", "The additional information"),
                )?,
            },
            Self::Rate(None) => {
                return Err(FieldError {
                    field,
                    code: "missing",
                    message: Text::new("Pilih penilaian Anda", "Choose your rating"),
                });
            }
            Self::Rate(Some(stars)) => Action::Rated { rating: Rating::new(stars)? },
        };
        Ok(ActionRequest { version, action })
    }
}

impl ActionInput<'_> {
    /// The JSON body of [`request`](Self::request), as the server reads an
    /// [`ActionRequest`].
    ///
    /// Written here rather than by serde: serde's writer for the core's
    /// [`Action`] covers every one of its variants, kilobytes of the bundle
    /// for the four a reporter sends. The tests check the body against the
    /// core's own serialization.
    ///
    /// # Errors
    /// As [`request`](Self::request).
    ///
    /// # Example
    /// ```
    /// use aduan_widgets::tracker::ActionInput;
    /// let body = ActionInput::Dispute(" Belum \"beres\"").body(7).unwrap();
    /// assert_eq!(body, r#"{"version":7,"action":{"type":"disputed","reason":"Belum \"beres\""}}"#);
    /// ```
    pub fn body(self, version: u32) -> Result<String, FieldError> {
        let request = self.request(version)?;
        let mut json = String::from("{\"version\":");
        json.push_str(&request.version.to_string());
        json.push_str(",\"action\":{\"type\":\"");
        json.push_str(request.action.kind().code());
        json.push('"');
        match &request.action {
            Action::Disputed { reason } => {
                json.push_str(",\"reason\":");
                json_string(&mut json, reason);
            }
            Action::InfoAdded { message } => {
                json.push_str(",\"message\":");
                json_string(&mut json, message);
            }
            Action::Rated { rating } => {
                json.push_str(",\"rating\":");
                json.push_str(&rating.stars().to_string());
            }
            // `request` makes no other action, and a confirmation has no
            // fields.
            _ => {}
        }
        json.push_str("}}");
        Ok(json)
    }
}

/// Appends `text` as a JSON string, escaped as JSON requires.
fn json_string(json: &mut String, text: &str) {
    json.push('"');
    for c in text.chars() {
        match c {
            '"' => json.push_str("\\\""),
            '\\' => json.push_str("\\\\"),
            '\n' => json.push_str("\\n"),
            '\r' => json.push_str("\\r"),
            '\t' => json.push_str("\\t"),
            '\u{8}' => json.push_str("\\b"),
            '\u{c}' => json.push_str("\\f"),
            c if c < ' ' => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                let n = c as usize;
                json.push_str("\\u00");
                json.push(char::from(HEX[n >> 4]));
                json.push(char::from(HEX[n & 15]));
            }
            c => json.push(c),
        }
    }
    json.push('"');
}

/// What the tracker says once an action went through.
#[must_use]
pub fn action_done(kind: ActionKind) -> Text {
    match kind {
        ActionKind::Confirmed => Text::new(
            "Anda menyatakan pengaduan ini selesai",
            "You confirmed that this complaint is resolved",
        ),
        ActionKind::Disputed => Text::new(
            "Sanggahan Anda terkirim dan pengaduan dikembalikan ke instansi",
            "Your dispute was sent and the complaint went back to the agency",
        ),
        ActionKind::Rated => Text::new("Penilaian Anda tersimpan", "Your rating was saved"),
        _ => Text::new("Informasi tambahan Anda terkirim", "Your additional information was sent"),
    }
}

/// What a character count under a text box says: how many characters are
/// left, or how many too many; and whether the text is over the limit.
///
/// # Example
/// ```
/// use aduan_core::Lang;
/// use aduan_widgets::tracker::character_count_message;
/// assert_eq!(character_count_message("abc", Lang::Id), ("Sisa 3.997 karakter".to_owned(), false));
/// ```
#[must_use]
pub fn character_count_message(typed: &str, lang: Lang) -> (String, bool) {
    let count = character_count(typed);
    let over = count > MESSAGE_MAX;
    let n = count.abs_diff(MESSAGE_MAX);
    let number = format::integer(i64::try_from(n).unwrap_or(i64::MAX), lang);
    let unit = if n == 1 { "character" } else { "characters" };
    let text = match (lang, over) {
        (Lang::Id, false) => format!("Sisa {number} karakter"),
        (Lang::Id, true) => format!("Anda kelebihan {number} karakter"),
        (Lang::En, false) => format!("You have {number} {unit} remaining"),
        (Lang::En, true) => format!("You have {number} {unit} too many"),
    };
    (text, over)
}

// ----- Fixed wording -----------------------------------------------------------

/// The tracker's fixed texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(missing_docs)]
pub enum Ui {
    Heading,
    TicketLabel,
    TicketHint,
    SecretLabel,
    SecretHint,
    Find,
    Loading,
    Result,
    Sending,
    ErrorTitle,
    ErrorPrefix,
    Status,
    Agency,
    Received,
    Title,
    Description,
    StatusOnly,
    Deadlines,
    Due,
    History,
    Actions,
    ConfirmHeading,
    ConfirmBody,
    ConfirmButton,
    DisputeLabel,
    DisputeHint,
    DisputeButton,
    RateLegend,
    RateHint,
    RateButton,
    InfoLabel,
    InfoHint,
    InfoButton,
    CountLimit,
    Conflict,
}

impl Ui {
    /// Every text, for the wording tests.
    pub const ALL: [Self; 35] = [
        Self::Heading,
        Self::TicketLabel,
        Self::TicketHint,
        Self::SecretLabel,
        Self::SecretHint,
        Self::Find,
        Self::Loading,
        Self::Result,
        Self::Sending,
        Self::ErrorTitle,
        Self::ErrorPrefix,
        Self::Status,
        Self::Agency,
        Self::Received,
        Self::Title,
        Self::Description,
        Self::StatusOnly,
        Self::Deadlines,
        Self::Due,
        Self::History,
        Self::Actions,
        Self::ConfirmHeading,
        Self::ConfirmBody,
        Self::ConfirmButton,
        Self::DisputeLabel,
        Self::DisputeHint,
        Self::DisputeButton,
        Self::RateLegend,
        Self::RateHint,
        Self::RateButton,
        Self::InfoLabel,
        Self::InfoHint,
        Self::InfoButton,
        Self::CountLimit,
        Self::Conflict,
    ];

    /// The text in both languages.
    #[must_use]
    pub fn text(self) -> Text {
        let (id, en) = match self {
            Self::Heading => ("Lacak pengaduan", "Track a complaint"),
            Self::TicketLabel => ("Nomor tiket", "Ticket number"),
            Self::TicketHint => (
                "Ada pada bukti pengaduan Anda, seperti K7M-4QX-9RJ",
                "It is on your complaint receipt, like K7M-4QX-9RJ",
            ),
            Self::SecretLabel => ("Kode akses (opsional)", "Access code (optional)"),
            Self::SecretHint => (
                "Hanya untuk pelapor: dengan kode dari bukti pengaduan Anda dapat melihat isi pengaduan dan menanggapinya",
                "For the reporter only: with the code from your receipt you can see the whole complaint and reply to it",
            ),
            Self::Find => ("Lacak pengaduan", "Track complaint"),
            Self::Loading => ("Memuat pengaduan…", "Loading the complaint…"),
            Self::Result => ("Pengaduan", "Complaint"),
            Self::Sending => ("Mengirim…", "Sending…"),
            Self::ErrorTitle => ("Ada masalah", "There is a problem"),
            Self::ErrorPrefix => ("Galat:", "Error:"),
            Self::Status => ("Status", "Status"),
            Self::Agency => ("Instansi", "Agency"),
            Self::Received => ("Diterima", "Received"),
            Self::Title => ("Judul", "Title"),
            Self::Description => ("Isi pengaduan", "Complaint"),
            Self::StatusOnly => (
                "Pengaduan ini rahasia, jadi hanya statusnya yang ditampilkan. Pelapor dapat melihat selengkapnya dengan kode akses.",
                "This complaint is confidential, so only its status is shown. The reporter can see more with the access code.",
            ),
            Self::Deadlines => ("Batas waktu", "Deadlines"),
            Self::Due => ("Batas", "Due"),
            Self::History => ("Riwayat", "History"),
            Self::Actions => ("Tanggapan Anda", "Your reply"),
            Self::ConfirmHeading => ("Nyatakan selesai", "Confirm it is resolved"),
            Self::ConfirmBody => (
                "Jika tindak lanjut instansi sudah menyelesaikan masalah Anda, nyatakan pengaduan ini selesai.",
                "If the agency's follow-up has resolved your problem, confirm that this complaint is resolved.",
            ),
            Self::ConfirmButton => ("Nyatakan selesai", "Confirm resolved"),
            Self::DisputeLabel => ("Sanggah tindak lanjut", "Dispute the follow-up"),
            Self::DisputeHint => (
                "Jelaskan apa yang belum selesai; pengaduan akan dikembalikan ke instansi",
                "Explain what is not resolved; the complaint goes back to the agency",
            ),
            Self::DisputeButton => ("Kirim sanggahan", "Send dispute"),
            Self::RateLegend => ("Beri penilaian penanganan", "Rate the handling"),
            Self::RateHint => {
                ("1 berarti sangat buruk, 5 berarti sangat baik", "1 means very poor, 5 means very good")
            }
            Self::RateButton => ("Kirim penilaian", "Send rating"),
            Self::InfoLabel => ("Tambah informasi", "Add information"),
            Self::InfoHint => (
                "Misalnya alamat lengkap atau keterangan yang diminta petugas",
                "For example the full address or details the officer asked for",
            ),
            Self::InfoButton => ("Kirim informasi", "Send information"),
            Self::CountLimit => {
                ("Anda dapat memasukkan hingga 4.000 karakter", "You can enter up to 4,000 characters")
            }
            Self::Conflict => (
                "Pengaduan ini berubah sejak ditampilkan, jadi tampilannya dimuat ulang. Periksa statusnya yang terbaru, lalu coba lagi",
                "This complaint changed since it was shown, so it was loaded again. Check its latest status, then try again",
            ),
        };
        Text::new(id, en)
    }

    /// The text in `lang`.
    #[must_use]
    pub fn get(self, lang: Lang) -> String {
        self.text().get(lang).to_owned()
    }
}

/// The label of one star rating, 1 to 5: "4 – baik".
#[must_use]
pub fn rating_label(stars: u8, lang: Lang) -> String {
    let (id, en) = match stars {
        1 => ("sangat buruk", "very poor"),
        2 => ("buruk", "poor"),
        3 => ("cukup", "fair"),
        4 => ("baik", "good"),
        _ => ("sangat baik", "very good"),
    };
    format!("{stars} – {}", Text::new(id, en).get(lang))
}

#[cfg(test)]
mod tests {
    use aduan_core::Zone;

    use super::*;

    const TICKET: &str = "K7M-4QX-9RJ";
    const SECRET: &str = "4Q7M-K9RB-X2HT-5NPW";

    fn at(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn lookup_entry_is_normalised_and_checked_before_any_request() {
        let api = ApiBase::new(Some("http://127.0.0.1:8080/"), "https://cdn").unwrap();
        let check = |ticket: &str, secret: &str, expected: Result<(&str, bool), &[&str]>| {
            let got = Lookup::parse(ticket, secret);
            match (&got, expected) {
                (Ok(lookup), Ok((url, with_secret))) => {
                    assert_eq!(lookup.url(&api), url, "{ticket:?}");
                    assert_eq!(lookup.secret.is_some(), with_secret, "{secret:?}");
                }
                (Err(errors), Err(codes)) => {
                    let got: Vec<_> = errors.iter().map(|e| e.code).collect();
                    assert_eq!(got, codes, "{ticket:?} {secret:?}");
                }
                _ => panic!("{ticket:?} {secret:?}: {got:?}"),
            }
        };
        let url = "http://127.0.0.1:8080/api/v1/complaints/K7M-4QX-9RJ";
        check(TICKET, "", Ok((url, false)));
        check(" k7m 4qx-9rj\u{200B} ", "  ", Ok((url, false)));
        check("K7M.4QX.9RJ", "---", Ok((url, false)));
        check("k7m4qx9rj", &SECRET.to_lowercase().replace('-', " "), Ok((url, true)));
        // One character wrong, two swapped: the check character catches both.
        check("K7M-4QX-9RK", "", Err(&["ticket.check"]));
        check("K7M-Q4X-9RJ", "", Err(&["ticket.check"]));
        check("K7M-4QO-9RJ", "", Err(&["ticket.character"]));
        check("K7M-4QX", "", Err(&["ticket.length"]));
        check("", "", Err(&["ticket.empty"]));
        // Both fields are reported at once, ticket first.
        check("K7M-4QX-9RK", "4Q7M-K9RB", Err(&["ticket.check", "secret.length"]));
        check(TICKET, "4Q7M-K9RB-X2HT-5NP0", Err(&["secret.character"]));
    }

    #[test]
    fn a_mistyped_ticket_says_what_the_core_says_in_both_languages() {
        let errors = Lookup::parse("K7M-4QX-9RK", "").unwrap_err();
        assert_eq!(errors.len(), 1);
        let error = &errors[0];
        assert_eq!((error.field, field_id(error.field).as_str()), ("ticket", "tracker-ticket"));
        assert_eq!(error.message, TicketError::TicketCheck.message());
        assert_eq!(error.message.get(Lang::Id), "Nomor tiket salah ketik. Periksa lagi setiap karakternya");
        assert!(error.message.get(Lang::En).starts_with("The ticket number has a typing mistake"));
    }

    #[test]
    fn fragments() {
        let check = |fragment: &str, expected: Option<&str>| {
            assert_eq!(ticket_from_fragment(fragment).as_deref(), expected, "{fragment:?}");
        };
        check("#tiket=K7M-4QX-9RJ", Some("K7M-4QX-9RJ"));
        check("tiket=k7m4qx9rj", Some("k7m4qx9rj"));
        check("#lang=en&tiket=K7M%204QX%209RJ&x=1", Some("K7M 4QX 9RJ"));
        check("#tiket=K7M%2D4QX%2d9RJ", Some("K7M-4QX-9RJ"));
        check("#tiket=%ZZ%4", Some("%ZZ%4"));
        check("#tiket=%E2%80%93K7M", Some("–K7M"));
        check("#tiket=%E2%80K7M", Some("%E2%80K7M"));
        check("#tiket=%+5K7M", Some("%+5K7M"));
        check("#tiket=", None);
        check("#tiket=%20", None);
        check("#xtiket=K7M-4QX-9RJ", None);
        check("#kode=4Q7M-K9RB-X2HT-5NPW", None);
        check("", None);
        check("#", None);
        // What a fragment carries still goes through the core.
        let typed = ticket_from_fragment("#tiket=k7m%204qx%209rj").unwrap();
        assert_eq!(Lookup::parse(&typed, "").unwrap().ticket.as_str(), TICKET);
    }

    #[test]
    fn urls_percent_encode_the_ticket() {
        let api = ApiBase::new(None, "https://aduan.example.go.id").unwrap();
        let lookup = Lookup::parse(TICKET, SECRET).unwrap();
        assert_eq!(lookup.url(&api), "https://aduan.example.go.id/api/v1/complaints/K7M-4QX-9RJ");
        assert_eq!(
            lookup.actions_url(&api),
            "https://aduan.example.go.id/api/v1/complaints/K7M-4QX-9RJ/actions"
        );
        let nested = ApiBase::new(Some("https://host/aduan/"), "https://cdn").unwrap();
        assert_eq!(lookup.url(&nested), "https://host/aduan/api/v1/complaints/K7M-4QX-9RJ");
        // The secret never appears in an address.
        assert!(!lookup.actions_url(&api).contains("4Q7M"));
    }

    /// A complaint followed up and disputed, as the server sends it to the
    /// reporter: every kind of timeline entry the tracker words.
    pub(super) fn reporter_view() -> ComplaintView {
        serde_json::from_str(
            r#"{"ticket": "K7M-4QX-9RJ", "status": {"code": "ditindaklanjuti", "label": {"id": "Ditindaklanjuti", "en": "Followed up"}},
            "agency": "dinkes", "received_at": "2026-11-23T06:30:59Z", "zone": "WITA", "kind": "pengaduan", "privacy": "rahasia",
            "title": "Antrean obat RSUD terlalu lama", "description": "Antrean lebih dari tiga jam.",
            "timeline": [
              {"at": "2026-11-23T06:30:59Z", "action": "received", "label": {"id": "Pengaduan diterima", "en": "Complaint received"}, "role": "reporter"},
              {"at": "2026-11-23T07:00:00Z", "action": "disposed", "label": {"id": "Didisposisikan ke instansi", "en": "Assigned to an agency"}, "role": "koordinator", "to_agency": "dinkes"},
              {"at": "2026-11-24T01:05:00Z", "action": "followed_up", "label": {"id": "Ditindaklanjuti instansi", "en": "Followed up by the agency"}, "role": "penghubung", "agency": "dinkes", "message": "Loket ditambah"},
              {"at": "2026-11-24T16:10:00Z", "action": "rated", "label": {"id": "Pelapor memberi penilaian", "en": "Reporter rated the handling"}, "role": "reporter", "rating": 4},
              {"at": "2026-11-25T00:00:00Z", "action": "rerouted", "label": {"id": "Dikembalikan: bukan wewenang instansi", "en": "Returned: not this agency's responsibility"}, "role": "penghubung", "agency": "rsud-ulin", "to_agency": "dishub", "message": "Bukan kami"}
            ],
            "deadlines": [
              {"clock": "disposition", "state": "met", "started_at": "2026-11-23T06:30:59Z", "due_at": "2026-11-26T06:30:59Z", "stopped_at": "2026-11-23T07:00:00Z", "remaining_working_days": 2.9},
              {"clock": "follow_up", "state": "breached", "started_at": "2026-11-23T07:00:00Z", "due_at": "2026-11-30T07:00:00Z", "remaining_working_days": -1.25}
            ],
            "auto_close_at": "2026-12-08T01:05:00Z",
            "actions": ["info_added", "confirmed", "disputed"],
            "version": 4}"#,
        )
        .unwrap()
    }

    pub(super) fn agencies() -> Vec<Agency> {
        serde_json::from_str(
            r#"[{"id": "dinkes", "name": "Dinas Kesehatan", "category": "opd", "zone": "WITA"},
                {"id": "dishub", "name": "Dinas Perhubungan", "category": "opd", "zone": "WIB"}]"#,
        )
        .unwrap()
    }

    #[test]
    fn the_view_in_indonesian_has_dates_in_the_agency_zone() {
        let view = TrackerView::new(&reporter_view(), &agencies(), Lang::Id);
        assert_eq!(view.ticket, TICKET);
        assert_eq!(view.status, "Ditindaklanjuti");
        assert!(view.next.starts_with("Instansi sudah melaporkan tindak lanjutnya"));
        assert_eq!(view.agency.as_deref(), Some("Dinas Kesehatan"));
        assert_eq!(view.received, "23 November 2026 pukul 14.30 WITA");
        assert_eq!(view.title.as_deref(), Some("Antrean obat RSUD terlalu lama"));
        assert!(!view.status_only);
        let steps: Vec<_> = view
            .steps
            .iter()
            .map(|s| (s.label.as_str(), s.actor.as_str(), s.at.as_str(), s.details.join("; ")))
            .collect();
        assert_eq!(
            steps,
            [
                ("Pengaduan diterima", "Pelapor", "23 November 2026 pukul 14.30 WITA", String::new()),
                (
                    "Didisposisikan ke instansi",
                    "Admin koordinator",
                    "23 November 2026 pukul 15.00 WITA",
                    "Ke: Dinas Kesehatan".into()
                ),
                (
                    "Ditindaklanjuti instansi",
                    "Admin penghubung, Dinas Kesehatan",
                    "24 November 2026 pukul 09.05 WITA",
                    String::new()
                ),
                // 16:10 UTC is past midnight in WITA: the next day.
                (
                    "Pelapor memberi penilaian",
                    "Pelapor",
                    "25 November 2026 pukul 00.10 WITA",
                    "Penilaian: 4 dari 5".into()
                ),
                (
                    "Dikembalikan: bukan wewenang instansi",
                    "Admin penghubung, rsud-ulin",
                    "25 November 2026 pukul 08.00 WITA",
                    "Instansi yang disarankan: Dinas Perhubungan".into()
                ),
            ]
        );
        assert_eq!(view.steps[0].datetime, "2026-11-23T06:30:59Z");
        assert_eq!(view.steps[2].message.as_deref(), Some("Loket ditambah"));
        assert_eq!(
            view.deadlines,
            [
                DeadlineRow {
                    name: "Verifikasi dan disposisi".into(),
                    due: "26 November 2026 pukul 14.30 WITA".into(),
                    state: "Terpenuhi tepat waktu".into(),
                    urgency: Urgency::Calm,
                },
                DeadlineRow {
                    name: "Tindak lanjut instansi".into(),
                    due: "30 November 2026 pukul 15.00 WITA".into(),
                    state: "Terlambat 1,3 hari kerja".into(),
                    urgency: Urgency::Late,
                },
            ]
        );
        assert_eq!(
            view.auto_close.as_deref(),
            Some(
                "Jika pelapor tidak menanggapi, pengaduan ini ditutup otomatis pada 8 Desember 2026 pukul 09.05 WITA"
            )
        );
    }

    #[test]
    fn the_view_in_english_and_in_another_zone() {
        let mut complaint = reporter_view();
        complaint.zone = Zone::WIB;
        let view = TrackerView::new(&complaint, &[], Lang::En);
        assert_eq!(view.status, "Followed up");
        assert_eq!(view.agency.as_deref(), Some("dinkes"), "no names: the slug");
        assert_eq!(view.received, "23 November 2026, 13:30 WIB");
        assert_eq!(view.steps[1].details, ["To: dinkes"]);
        assert_eq!(view.steps[2].actor, "Agency liaison admin, dinkes");
        assert_eq!(view.steps[3].details, ["Rating: 4 out of 5"]);
        assert_eq!(view.deadlines[1].state, "Overdue by 1.3 working days");
        assert_eq!(view.deadlines[0].name, "Checking and assigning");
        assert!(view.auto_close.unwrap().ends_with("on 8 December 2026, 08:05 WIB"));
    }

    #[test]
    fn deadline_states_are_words_not_just_colours() {
        let check =
            |state: ClockState, stopped: bool, due: bool, remaining: f64, expected: (&str, Urgency)| {
                let deadline = Deadline {
                    clock: ClockKind::FollowUp,
                    state,
                    started_at: at("2026-11-23T00:00:00Z"),
                    due_at: due.then(|| at("2026-11-30T00:00:00Z")),
                    stopped_at: stopped.then(|| at("2026-11-24T00:00:00Z")),
                    remaining_working_days: remaining,
                };
                let row = deadline_row(&deadline, &|t| format::instant(t, Zone::WITA, Lang::Id), Lang::Id);
                assert_eq!((row.state.as_str(), row.urgency), expected, "{state:?}");
                assert_eq!(
                    row.due.as_str(),
                    if due { "30 November 2026 pukul 08.00 WITA" } else { "Belum dapat dihitung" }
                );
            };
        check(ClockState::Running, false, true, 3.5, ("Berjalan, sisa 3,5 hari kerja", Urgency::Calm));
        check(ClockState::Running, false, false, 3.0, ("Berjalan, sisa 3 hari kerja", Urgency::Calm));
        check(
            ClockState::AtRisk,
            false,
            true,
            0.5,
            ("Hampir lewat batas waktu, sisa 0,5 hari kerja", Urgency::AtRisk),
        );
        check(
            ClockState::Paused,
            false,
            true,
            2.0,
            ("Berhenti sementara selama pengaduan ditunda", Urgency::Calm),
        );
        check(ClockState::Met, true, true, 1.0, ("Terpenuhi tepat waktu", Urgency::Calm));
        check(ClockState::Breached, false, true, -1.0, ("Terlambat 1 hari kerja", Urgency::Late));
        check(
            ClockState::Breached,
            true,
            true,
            -0.2,
            ("Terlambat: selesai setelah batas waktu", Urgency::Late),
        );
        check(
            ClockState::Cancelled,
            true,
            true,
            1.0,
            ("Tidak berlaku lagi karena pengaduan diarsipkan", Urgency::Calm),
        );
    }

    #[test]
    fn a_confidential_complaint_without_its_code_shows_the_status_only() {
        let complaint: ComplaintView = serde_json::from_str(
            r#"{"ticket": "K7M-4QX-9RJ", "status": {"code": "didisposisikan", "label": {"id": "Didisposisikan", "en": "Assigned to an agency"}},
                "received_at": "2026-11-23T06:30:59Z", "zone": "WITA", "timeline": [], "deadlines": [], "version": 3}"#,
        )
        .unwrap();
        let view = TrackerView::new(&complaint, &agencies(), Lang::Id);
        assert!(view.status_only);
        assert_eq!((view.agency, view.title, view.auto_close), (None, None, None));
        assert!(view.steps.is_empty() && view.deadlines.is_empty());
        assert_eq!(view.status, "Didisposisikan");
        assert!(offered_actions(&complaint).is_empty());
    }

    #[test]
    fn actions_offered_per_status() {
        let check =
            |status: Status, listed: &[ActionKind], auto_close: Option<&str>, expected: &[ActionKind]| {
                let mut complaint = reporter_view();
                complaint.status = status.into();
                complaint.actions = listed.to_vec();
                complaint.auto_close_at = auto_close.map(at);
                assert_eq!(offered_actions(&complaint), expected, "{status:?} {listed:?}");
            };
        use ActionKind::*;
        let reporter = [InfoAdded, Confirmed, Disputed, Rated];
        // What the server lists for the reporter in each status, and what
        // the tracker offers of it.
        check(Status::Diterima, &[InfoAdded], None, &[InfoAdded]);
        check(Status::Ditunda, &[InfoAdded], None, &[InfoAdded]);
        check(
            Status::Ditindaklanjuti,
            &reporter,
            Some("2026-12-08T01:05:00Z"),
            &[Confirmed, Disputed, Rated, InfoAdded],
        );
        // The reply window has closed: the server no longer lists a
        // dispute, whatever the phone's clock says.
        check(
            Status::Ditindaklanjuti,
            &[InfoAdded, Confirmed, Rated],
            Some("2020-01-01T00:00:00Z"),
            &[Confirmed, Rated, InfoAdded],
        );
        // … and while it is open the tracker offers it, even when the
        // phone's clock is past the window's end.
        check(
            Status::Ditindaklanjuti,
            &reporter,
            Some("2020-01-01T00:00:00Z"),
            &[Confirmed, Disputed, Rated, InfoAdded],
        );
        // Already rated: the server leaves rating out.
        check(Status::Selesai, &[], None, &[]);
        check(Status::Selesai, &[Rated], None, &[Rated]);
        check(Status::Diarsipkan, &[], None, &[]);
        // Listed but not allowed by the core in this status, or not a
        // reporter's action: never offered.
        check(Status::Didisposisikan, &[InfoAdded, Confirmed, Disputed, Rated], None, &[InfoAdded]);
        check(Status::Selesai, &[InfoAdded, Confirmed], None, &[]);
        check(Status::Didisposisikan, &[Responded, FollowedUp, InfoAdded], None, &[InfoAdded]);
        // Without the access code the server lists nothing.
        check(Status::Ditindaklanjuti, &[], None, &[]);
    }

    #[test]
    fn action_requests() {
        let check = |input: ActionInput<'_>, expected: Result<&str, (&str, &str)>| {
            let got = input.request(4);
            match (got, expected) {
                (Ok(request), Ok(json)) => {
                    assert_eq!(serde_json::to_string(&request).unwrap(), json, "{input:?}");
                    assert_eq!(input.body(4).as_deref(), Ok(json), "{input:?}");
                }
                (Err(error), Err((code, message))) => {
                    assert_eq!((error.field, error.code), (input.field(), code), "{input:?}");
                    assert_eq!(error.message.get(Lang::Id), message, "{input:?}");
                    assert!(!error.message.get(Lang::En).is_empty());
                }
                (got, _) => panic!("{input:?}: {got:?}"),
            }
        };
        check(ActionInput::Confirm, Ok(r#"{"version":4,"action":{"type":"confirmed"}}"#));
        check(
            ActionInput::Dispute("  Antrean masih 3 jam\n"),
            Ok(r#"{"version":4,"action":{"type":"disputed","reason":"Antrean masih 3 jam"}}"#),
        );
        check(
            ActionInput::AddInfo("Foto ada di tautan ini"),
            Ok(r#"{"version":4,"action":{"type":"info_added","message":"Foto ada di tautan ini"}}"#),
        );
        check(ActionInput::Rate(Some(1)), Ok(r#"{"version":4,"action":{"type":"rated","rating":1}}"#));
        check(ActionInput::Rate(Some(5)), Ok(r#"{"version":4,"action":{"type":"rated","rating":5}}"#));
        check(ActionInput::Rate(None), Err(("missing", "Pilih penilaian Anda")));
        check(ActionInput::Rate(Some(6)), Err(("out_of_range", "Penilaian harus antara 1 dan 5 bintang")));
        check(ActionInput::Rate(Some(0)), Err(("out_of_range", "Penilaian harus antara 1 dan 5 bintang")));
        check(ActionInput::Dispute(" \n "), Err(("empty", "Masukkan alasan Anda menyanggah tindak lanjut")));
        check(ActionInput::AddInfo(""), Err(("empty", "Masukkan informasi tambahan")));
        let long = "a".repeat(MESSAGE_MAX + 1);
        check(
            ActionInput::AddInfo(&long),
            Err(("too_long", "Informasi tambahan harus 4.000 karakter atau kurang")),
        );
        check(ActionInput::Dispute(&long), Err(("too_long", "Alasan harus 4.000 karakter atau kurang")));
        // The body written by hand is the core's serialization, whatever
        // the text holds.
        let hostile = "Kata \"kutip\" \\ garis\u{1}\u{8}\u{c}\r\t</script>\u{7f}\u{2028} 👨‍👩‍👧\nbaris";
        for input in [ActionInput::Dispute(hostile), ActionInput::AddInfo(hostile)] {
            let request = input.request(9).unwrap();
            assert_eq!(input.body(9).unwrap(), serde_json::to_string(&request).unwrap(), "{input:?}");
        }
        assert_eq!(ActionInput::Rate(Some(9)).body(1).unwrap_err().code, "out_of_range");
        // The limit counts as the core counts: surrounding spaces do not.
        let padded = format!("  {}  ", "a".repeat(MESSAGE_MAX));
        assert!(ActionInput::AddInfo(&padded).request(4).is_ok());
        assert_eq!(field_id("rating"), "tracker-rating-1");
        assert_eq!(field_id("reason"), "tracker-reason");
    }

    #[test]
    fn character_count_messages() {
        let check = |typed: &str, lang: Lang, expected: (&str, bool)| {
            let (text, over) = character_count_message(typed, lang);
            assert_eq!((text.as_str(), over), expected, "{} chars", typed.chars().count());
        };
        check("", Lang::Id, ("Sisa 4.000 karakter", false));
        check("", Lang::En, ("You have 4,000 characters remaining", false));
        check(&"a".repeat(3_999), Lang::En, ("You have 1 character remaining", false));
        check(&"a".repeat(4_000), Lang::Id, ("Sisa 0 karakter", false));
        check(&"a".repeat(4_001), Lang::Id, ("Anda kelebihan 1 karakter", true));
        check(&"a".repeat(4_001), Lang::En, ("You have 1 character too many", true));
        check(&"a".repeat(5_250), Lang::En, ("You have 1,250 characters too many", true));
        // An emoji family counts as the server counts it.
        check("👨‍👩‍👧", Lang::Id, ("Sisa 3.995 karakter", false));
    }

    #[test]
    fn answers_to_a_lookup() {
        let view = serde_json::to_string(&reporter_view()).unwrap();
        assert_eq!(read_lookup(200, &view), Ok(reporter_view()));
        let not_found = read_lookup(404, r#"{"code": "ticket.not_found"}"#).unwrap_err();
        let Failure::Fields(errors) = not_found else { panic!("{not_found:?}") };
        assert_eq!((errors[0].field, errors[0].code), ("ticket", "ticket.not_found"));
        assert!(errors[0].message.get(Lang::Id).starts_with("Tidak ada pengaduan dengan nomor tiket ini"));
        let mismatch = r#"{"type": "urn:aduan:problem:secret.mismatch", "title": "x", "status": 403, "code": "secret.mismatch",
            "message": {"id": "Kode rahasia tidak cocok dengan tiket ini", "en": "The access secret does not match this ticket"}}"#;
        let Err(Failure::Fields(errors)) = read_lookup(403, mismatch) else { panic!() };
        assert_eq!((errors[0].field, errors[0].code), ("secret", "secret.mismatch"));
        assert!(errors[0].message.get(Lang::Id).starts_with("Kode akses tidak cocok"));
        assert_eq!(read_lookup(200, "<html>"), Err(Failure::Message(LoadError::Unreadable.message())));
        assert_eq!(
            read_lookup(503, ""),
            Err(Failure::Message(LoadError::Status { status: 503, message: None }.message()))
        );
        let Err(Failure::Message(message)) = read_lookup(403, r#"{"code": "forbidden.agency"}"#) else {
            panic!()
        };
        assert!(message.get(Lang::Id).contains("galat 403"));
    }

    #[test]
    fn answers_to_an_action() {
        let view = serde_json::to_string(&reporter_view()).unwrap();
        assert_eq!(read_action(200, &view, "reason"), Ok(reporter_view()));
        assert_eq!(read_action(409, r#"{"code": "version.conflict"}"#, "reason"), Err(Failure::Conflict));
        let refused = r#"{"type": "urn:aduan:problem:transition.reply_window_closed", "title": "x", "status": 422,
            "code": "transition.reply_window_closed",
            "message": {"id": "Batas waktu untuk menyanggah tindak lanjut sudah lewat", "en": "The time to dispute the follow-up has passed"}}"#;
        assert_eq!(
            read_action(422, refused, "reason"),
            Err(Failure::Message(Text::new(
                "Batas waktu untuk menyanggah tindak lanjut sudah lewat",
                "The time to dispute the follow-up has passed"
            )))
        );
        let too_long = r#"{"type": "urn:aduan:problem:validation", "title": "x", "status": 422, "code": "validation",
            "message": {"id": "Ada isian yang perlu diperbaiki", "en": "Some fields need fixing"},
            "errors": [{"field": "action.message", "code": "too_long", "message": {"id": "Pesan harus 4.000 karakter atau kurang", "en": "The message must be 4,000 characters or fewer"}}]}"#;
        let Err(Failure::Fields(errors)) = read_action(422, too_long, "info") else { panic!() };
        assert_eq!(errors[0].field, "info");
        assert_eq!(errors[0].message.get(Lang::Id), "Pesan harus 4.000 karakter atau kurang");
    }

    #[test]
    fn wording_follows_the_house_rules() {
        let mut texts: Vec<Text> = Ui::ALL.iter().map(|ui| ui.text()).collect();
        texts.extend(Status::ALL.map(next_step));
        texts.extend(REPORTER_ACTIONS.map(action_done));
        for text in &texts {
            let (id, en) = (text.get(Lang::Id), text.get(Lang::En));
            assert!(!id.is_empty() && !en.is_empty(), "{text:?}");
            for banned in ["mohon", "maaf", "tidak valid", "silakan"] {
                assert!(!id.to_lowercase().contains(banned), "{id} says {banned}");
            }
            assert!(!en.to_lowercase().contains("please"), "{en}");
            // "Anda" is always capitalised (PUEBI).
            assert!(!id.split(|c: char| !c.is_alphanumeric()).any(|w| w == "anda"), "{id}");
        }
        for ui in [Ui::TicketHint, Ui::SecretHint, Ui::DisputeHint, Ui::InfoHint, Ui::RateHint] {
            assert!(!ui.get(Lang::Id).ends_with('.'), "hints have no full stop: {ui:?}");
        }
        assert_eq!(
            Ui::CountLimit.get(Lang::Id),
            format!("Anda dapat memasukkan hingga {} karakter", format::integer(4_000, Lang::Id))
        );
        assert_eq!(rating_label(4, Lang::Id), "4 – baik");
        assert_eq!(rating_label(1, Lang::En), "1 – very poor");
    }
}
