//! The complaint form, `<aduan-form agency="dinkes">`: its settings, the
//! answers as typed, and everything the form decides without a browser.
//!
//! The answers ([`Fields`]) are the strings in the form's boxes. This
//! module turns them into the core's [`ComplaintInput`] and checks them
//! with the core's own validation ([`check`]), maps each error to the
//! question that shows it and the control its summary link focuses
//! ([`ErrorList`]), keeps them as a draft ([`Draft`]), reads the server's
//! answer to a submission ([`read_submission`]), paces retries
//! ([`retry_delay`]) and words the character count, the check-answers
//! rows and the confirmation. [`html`] writes each screen's markup, the
//! private `json` module the few JSON texts the form sends and keeps, and
//! the `view` module (wasm32 only) holds the state in the browser.

use std::time::Duration;

use aduan_core::api::v1::{Agency, Problem};
use aduan_core::complaint::{ReporterInput, character_count, parse_coordinates, parse_date_parts};
use aduan_core::{
    AgencyId, Channel, ComplaintInput, ComplaintKind, FieldError, Lang, Privacy, Text, ValidationContext,
    format,
};
use chrono::{DateTime, Utc};

use crate::config::ApiBase;

pub mod html;
mod json;
#[cfg(target_arch = "wasm32")]
pub mod view;

pub use aduan_core::complaint::DESCRIPTION_MAX;

/// Picks the wording of `lang`.
#[must_use]
pub fn pick(lang: Lang, id: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Id => id,
        Lang::En => en,
    }
}

// ----- Settings -------------------------------------------------------------

/// What an element's attributes ask for: the agency addressed, a kind of
/// report fixed by the page, and the page where tickets are tracked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormSettings {
    /// The agency every complaint of this form goes to.
    pub agency: AgencyId,
    /// The kind set by the `kind` attribute; the form then asks no kind.
    pub kind: Option<ComplaintKind>,
    /// The tracking page (`track`), an `http(s)` URL, if the site has one.
    pub track: Option<String>,
}

impl FormSettings {
    /// Checks the `agency`, `kind` and `track` attributes.
    ///
    /// # Errors
    /// A field error naming the attribute when `agency` is missing or not an
    /// agency code, when `kind` is not one of the three kinds, or when
    /// `track` is not an `http(s)` address.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ComplaintKind;
    /// use aduan_widgets::form::FormSettings;
    /// let s = FormSettings::new(Some("dinkes"), Some("aspirasi"), Some("https://dinkes.go.id/lacak")).unwrap();
    /// assert_eq!(s.kind, Some(ComplaintKind::Aspirasi));
    /// assert_eq!(FormSettings::new(None, None, None).unwrap_err().field, "agency");
    /// ```
    pub fn new(agency: Option<&str>, kind: Option<&str>, track: Option<&str>) -> Result<Self, FieldError> {
        fn blank(s: Option<&str>) -> Option<&str> {
            s.map(str::trim).filter(|s| !s.is_empty())
        }
        let agency = match blank(agency) {
            Some(agency) => AgencyId::new(agency)?,
            None => {
                return Err(FieldError {
                    field: "agency",
                    code: "missing",
                    message: Text::new(
                        "Tambahkan atribut agency berisi kode instansi, misalnya <aduan-form agency=\"dinkes\">",
                        "Add the agency attribute with the agency's code, for example <aduan-form agency=\"dinkes\">",
                    ),
                });
            }
        };
        let kind = match blank(kind) {
            None => None,
            Some(code) => Some(kind_from_code(code).ok_or_else(|| FieldError {
                field: "kind",
                code: "invalid_kind",
                message: Text::new(
                    "Atribut kind harus pengaduan, aspirasi, atau permintaan_informasi",
                    "The kind attribute must be pengaduan, aspirasi or permintaan_informasi",
                ),
            })?),
        };
        let track = match blank(track) {
            None => None,
            Some(url) => {
                let lower = url.to_ascii_lowercase();
                if !(lower.starts_with("https://") || lower.starts_with("http://")) {
                    return Err(FieldError {
                        field: "track",
                        code: "invalid_url",
                        message: Text::new(
                            "Atribut track harus berupa alamat halaman pelacakan yang diawali https:// atau http://",
                            "The track attribute must be the tracking page's address, starting with https:// or http://",
                        ),
                    });
                }
                // A fragment of the page's own is replaced by the ticket's.
                Some(url.split('#').next().unwrap_or(url).to_owned())
            }
        };
        Ok(Self { agency, kind, track })
    }
}

fn kind_from_code(code: &str) -> Option<ComplaintKind> {
    ComplaintKind::ALL.into_iter().find(|k| k.code() == code)
}

fn privacy_from_code(code: &str) -> Option<Privacy> {
    Privacy::ALL.into_iter().find(|p| p.code() == code)
}

/// A kind's label and hint.
#[must_use]
pub fn kind_text(kind: ComplaintKind, lang: Lang) -> (&'static str, &'static str) {
    match kind {
        ComplaintKind::Pengaduan => (
            pick(lang, "Pengaduan", "Complaint"),
            pick(lang, "Keluhan tentang layanan publik", "A problem with a public service"),
        ),
        ComplaintKind::Aspirasi => (
            pick(lang, "Aspirasi", "Suggestion"),
            pick(lang, "Saran atau usulan untuk layanan publik", "An idea or proposal for a public service"),
        ),
        ComplaintKind::PermintaanInformasi => (
            pick(lang, "Permintaan informasi", "Information request"),
            pick(lang, "Permintaan informasi publik dari instansi", "A request for public information"),
        ),
    }
}

/// A privacy choice's label and hint, which says who sees the name (the
/// rules are the core's `visibility` table).
#[must_use]
pub fn privacy_text(privacy: Privacy, lang: Lang) -> (&'static str, &'static str) {
    match privacy {
        Privacy::Anonim => (
            pick(lang, "Anonim", "Anonymous"),
            pick(
                lang,
                "Hanya koordinator pengaduan yang melihat nama Anda; instansi dan publik tidak melihatnya",
                "Only the complaint coordinator sees your name; the agency and the public do not",
            ),
        ),
        Privacy::Publik => (
            pick(lang, "Publik", "Public"),
            pick(
                lang,
                "Semua orang dapat melihat nama Anda dan judul laporan",
                "Anyone can see your name and the report's title",
            ),
        ),
        Privacy::Rahasia => (
            pick(lang, "Rahasia", "Confidential"),
            pick(
                lang,
                "Hanya instansi yang menangani dan koordinator yang melihat nama Anda; laporan tidak ditampilkan ke publik",
                "Only the agency handling it and the coordinator see your name; the report is not shown to the public",
            ),
        ),
    }
}

// ----- Answers --------------------------------------------------------------

/// The form's answers exactly as typed, which is also what a draft keeps.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(missing_docs)] // Each is the box of the same name.
pub struct Fields {
    /// The chosen kind's code, or empty.
    pub kind: String,
    pub title: String,
    pub description: String,
    pub day: String,
    pub month: String,
    pub year: String,
    pub location: String,
    /// The chosen privacy's code, or empty.
    pub privacy: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    /// The map point as typed (`-3.3194, 114.5908`), or empty.
    pub coordinates: String,
}

impl Fields {
    /// The kind: the page's when it fixed one, else the chosen one.
    #[must_use]
    pub fn kind(&self, settings: &FormSettings) -> Option<ComplaintKind> {
        settings.kind.or_else(|| kind_from_code(&self.kind))
    }

    /// The chosen privacy.
    #[must_use]
    pub fn privacy(&self) -> Option<Privacy> {
        privacy_from_code(&self.privacy)
    }

    /// The core's input from the answers, and the errors of the three date
    /// boxes and of the map point, which only the widget reads from text.
    #[must_use]
    pub fn to_input(&self, settings: &FormSettings) -> (ComplaintInput, Vec<FieldError>) {
        let (incident_date, mut errors) = match parse_date_parts(&self.day, &self.month, &self.year) {
            Ok(date) => (date, Vec::new()),
            Err(errors) => (None, errors),
        };
        let coordinates = parse_coordinates(&self.coordinates).unwrap_or_else(|e| {
            errors.push(e);
            None
        });
        let input = ComplaintInput {
            kind: self.kind(settings),
            title: self.title.clone(),
            description: self.description.clone(),
            incident_date,
            location: self.location.clone(),
            coordinates,
            agency: settings.agency.to_string(),
            privacy: self.privacy(),
            reporter: ReporterInput {
                name: self.name.clone(),
                email: self.email.clone(),
                phone: self.phone.clone(),
            },
        };
        (input, errors)
    }
}

/// Whether the date may be left empty: only for an aspiration or an
/// information request (the core's rule; with no kind chosen it is asked).
#[must_use]
pub fn date_optional(kind: Option<ComplaintKind>) -> bool {
    matches!(kind, Some(ComplaintKind::Aspirasi | ComplaintKind::PermintaanInformasi))
}

/// Checks the answers with the core, as the server will: `Ok` with the
/// input to send, or every error in the order of the form.
///
/// The date boxes' own errors take the place of the date's: a date that
/// could not be read is not also "missing".
///
/// # Errors
/// The errors, in the order of the questions.
pub fn check(
    fields: &Fields,
    settings: &FormSettings,
    origin: &str,
    ctx: &ValidationContext<'_>,
) -> Result<ComplaintInput, ErrorList> {
    let (input, text_errors) = fields.to_input(settings);
    let channel = Channel::WebWidget { origin: origin.to_owned() };
    let mut errors: Vec<FieldError> = match input.validate(channel, ctx) {
        Ok(_) if text_errors.is_empty() => return Ok(input),
        Ok(_) => Vec::new(),
        Err(errors) => errors.into_iter().collect(),
    };
    // A date part's error replaces the date's; the map point's only joins.
    if text_errors.iter().any(|e| e.field != "coordinates") {
        errors.retain(|e| e.field != "incident_date");
    }
    // `ErrorList::new` puts them in their questions' places.
    errors.extend(text_errors);
    Err(ErrorList::new(errors.into_iter().map(|e| (e.field.to_owned(), e.message))))
}

// ----- Errors ---------------------------------------------------------------

/// A question of the form, in the form's order: where an error shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[allow(missing_docs)] // The names are the questions.
pub enum Question {
    Kind,
    Title,
    Description,
    Date,
    Location,
    Coordinates,
    Privacy,
    Name,
    /// The email-or-phone fieldset (the error "enter one of them").
    Contact,
    Email,
    Phone,
    /// Anything without a box of its own (the agency, the site's origin):
    /// shown in the summary only.
    Other,
}

impl Question {
    /// The question that shows the error of a field path.
    #[must_use]
    pub fn of(field: &str) -> Self {
        match field {
            "kind" => Self::Kind,
            "title" => Self::Title,
            "description" => Self::Description,
            "location" => Self::Location,
            "coordinates" => Self::Coordinates,
            "privacy" => Self::Privacy,
            "reporter.name" => Self::Name,
            "reporter" => Self::Contact,
            "reporter.email" => Self::Email,
            "reporter.phone" => Self::Phone,
            f if f == "incident_date" || f.starts_with("incident_date.") => Self::Date,
            _ => Self::Other,
        }
    }
}

/// The id of the control an error's summary link focuses: the box itself,
/// the first wrong part of the date, the first radio of a choice.
#[must_use]
pub fn anchor(field: &str) -> Option<&'static str> {
    Some(match field {
        "kind" => "form-kind-pengaduan",
        "title" => "form-title",
        "description" => "form-description",
        "incident_date" | "incident_date.day" => "form-day",
        "incident_date.month" => "form-month",
        "incident_date.year" => "form-year",
        "location" => "form-location",
        "coordinates" => "form-coordinates",
        "privacy" => "form-privacy-anonim",
        "reporter.name" => "form-name",
        "reporter" | "reporter.email" => "form-email",
        "reporter.phone" => "form-phone",
        _ => return None,
    })
}

/// One message of the error summary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorItem {
    /// The field path the core or the server named.
    pub field: String,
    /// Where it shows inline.
    pub question: Question,
    /// What to do, in both languages.
    pub message: Text,
}

/// The errors a submission attempt found, in the order of the form, each
/// message once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorList(Vec<ErrorItem>);

impl ErrorList {
    /// Collects `(field path, message)` pairs, from the core or from a
    /// server's problem document, sorted into the form's order. Two parts
    /// of the date missing carry one message, which is kept once, with the
    /// first part's path.
    pub fn new(errors: impl IntoIterator<Item = (String, Text)>) -> Self {
        let mut items: Vec<ErrorItem> = Vec::new();
        for (field, message) in errors {
            let question = Question::of(&field);
            if !items.iter().any(|i| i.question == question && i.message == message) {
                // After every error of this question or an earlier one, so
                // the server's order within a question is kept (a sort by
                // insertion: a handful of errors, and no sort in the WASM).
                let at = items.iter().rposition(|i| i.question <= question).map_or(0, |at| at + 1);
                items.insert(at, ErrorItem { field, question, message });
            }
        }
        Self(items)
    }

    /// The errors of a 422 problem document, or `None` when it lists no field.
    #[must_use]
    pub fn from_problem(problem: &Problem) -> Option<Self> {
        (!problem.errors.is_empty())
            .then(|| Self::new(problem.errors.iter().map(|e| (e.field.clone(), e.message.clone()))))
    }

    /// Every error, in the order of the form.
    #[must_use]
    pub fn items(&self) -> &[ErrorItem] {
        &self.0
    }

    /// Whether there is none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The inline message of a question (the first, if it had several).
    #[must_use]
    pub fn message(&self, question: Question, lang: Lang) -> Option<&str> {
        self.0.iter().find(|i| i.question == question).map(|i| i.message.get(lang))
    }

    /// Whether the field path `field` (a date part, say) is wrong. A date
    /// error on the whole date marks all three parts.
    #[must_use]
    pub fn marks(&self, field: &str) -> bool {
        self.0
            .iter()
            .any(|i| i.field == field || (i.field == "incident_date" && field.starts_with("incident_date.")))
    }
}

// ----- Character count ------------------------------------------------------

/// The character count below the description: how many characters are
/// left, or how many too many, counted as the core counts them
/// ([`character_count`]). The second value is true when over the limit.
///
/// # Example
/// ```
/// use aduan_core::Lang;
/// use aduan_widgets::form::count_message;
/// assert_eq!(count_message("Jalan rusak", 4000, Lang::Id), ("Anda dapat memasukkan 3.989 karakter lagi".into(), false));
/// ```
#[must_use]
pub fn count_message(text: &str, max: usize, lang: Lang) -> (String, bool) {
    let count = character_count(text);
    let over = count > max;
    let n = i64::try_from(count.abs_diff(max)).unwrap_or(i64::MAX);
    let number = format::integer(n, lang);
    let s = if n == 1 { "" } else { "s" };
    let message = match (lang, over) {
        (Lang::Id, false) => format!("Anda dapat memasukkan {number} karakter lagi"),
        (Lang::Id, true) => format!("Anda memasukkan {number} karakter terlalu banyak"),
        (Lang::En, false) => format!("You have {number} character{s} remaining"),
        (Lang::En, true) => format!("You have {number} character{s} too many"),
    };
    (message, over)
}

// ----- Draft ----------------------------------------------------------------

/// The first element of a stored draft, naming its format; a draft of
/// another format is dropped.
const DRAFT_FORMAT: &str = "aduan-draft-1";

/// What the form keeps in `localStorage` while it is being filled in: the
/// answers and the idempotency key of this complaint, so that a send
/// retried after a reload is still recognised by the server.
///
/// It is stored as a JSON array of strings, the format's name, the key,
/// then the boxes in the order of [`Fields`]: one array reader in the
/// WASM instead of a struct reader per type. A draft written before a box
/// was added has fewer elements; the new boxes start empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Draft {
    /// The `Idempotency-Key` of this complaint.
    pub key: String,
    /// The answers.
    pub fields: Fields,
}

impl Draft {
    /// A draft for a new complaint with its key.
    #[must_use]
    pub fn new(key: String) -> Self {
        Self { key, fields: Fields::default() }
    }

    /// The `localStorage` key of an agency's draft.
    #[must_use]
    pub fn storage_key(agency: &AgencyId) -> String {
        format!("aduan:draft:{agency}")
    }

    /// The draft as stored.
    #[must_use]
    pub fn to_json(&self) -> String {
        let f = &self.fields;
        let parts = [
            DRAFT_FORMAT,
            &self.key,
            &f.kind,
            &f.title,
            &f.description,
            &f.day,
            &f.month,
            &f.year,
            &f.location,
            &f.privacy,
            &f.name,
            &f.email,
            &f.phone,
            &f.coordinates,
        ];
        json::string_array(&parts)
    }

    /// Reads a stored draft; anything unreadable, of another format or
    /// with an unusable key is no draft.
    #[must_use]
    pub fn from_json(json: &str) -> Option<Self> {
        let parts = json::read_string_array(json)?;
        let mut parts = parts.into_iter();
        if parts.next()? != DRAFT_FORMAT {
            return None;
        }
        let key = parts.next().filter(|k| valid_key(k))?;
        let mut next = || parts.next().unwrap_or_default();
        let fields = Fields {
            kind: next(),
            title: next(),
            description: next(),
            day: next(),
            month: next(),
            year: next(),
            location: next(),
            privacy: next(),
            name: next(),
            email: next(),
            phone: next(),
            coordinates: next(),
        };
        Some(Self { key, fields })
    }

    /// Whether anything has been typed or chosen.
    #[must_use]
    pub fn is_blank(&self) -> bool {
        let f = &self.fields;
        [
            &f.kind,
            &f.title,
            &f.description,
            &f.day,
            &f.month,
            &f.year,
            &f.location,
            &f.privacy,
            &f.name,
            &f.email,
            &f.phone,
            &f.coordinates,
        ]
        .iter()
        .all(|s| s.is_empty())
    }
}

/// Whether a key is one the server accepts: 16 to 200 visible ASCII
/// characters.
#[must_use]
pub fn valid_key(key: &str) -> bool {
    (16..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic())
}

/// An idempotency key from 16 random bytes: 32 hexadecimal digits.
#[must_use]
pub fn key_from_bytes(bytes: [u8; 16]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

// ----- Sending --------------------------------------------------------------

/// How many times a failed send is tried again before the form gives up
/// and lets the reporter send again.
pub const RETRIES: u32 = 5;

/// The longest wait the form honours from a `Retry-After` header.
const RETRY_AFTER_MAX: u64 = 120;

/// How long to wait before retry number `retry` (1 for the first): 1, 2,
/// 4, 8, 16 seconds, or the server's `Retry-After` in seconds when it sent
/// one; `None` once [`RETRIES`] are used up.
///
/// # Example
/// ```
/// use std::time::Duration;
/// use aduan_widgets::form::retry_delay;
/// assert_eq!(retry_delay(3, None), Some(Duration::from_secs(4)));
/// assert_eq!(retry_delay(1, Some("30")), Some(Duration::from_secs(30)));
/// assert_eq!(retry_delay(6, None), None);
/// ```
#[must_use]
pub fn retry_delay(retry: u32, retry_after: Option<&str>) -> Option<Duration> {
    if !(1..=RETRIES).contains(&retry) {
        return None;
    }
    let asked = retry_after.and_then(|s| s.trim().parse::<u64>().ok()).map(|s| s.clamp(1, RETRY_AFTER_MAX));
    Some(Duration::from_secs(asked.unwrap_or(1 << (retry - 1))))
}

/// What became of one attempt to send.
#[derive(Debug, Clone, PartialEq)]
pub enum SendOutcome {
    /// Stored: the ticket and secret.
    Stored(Receipt),
    /// The server found errors in the answers.
    Invalid(ErrorList),
    /// The server saw this key with other answers: send again with a new key.
    KeyReused,
    /// Worth trying again with the same key: no answer, a server error,
    /// too many requests, a timeout, or a success that could not be read
    /// (the retry gets the same ticket back).
    Retry {
        /// The `Retry-After` header, if any.
        retry_after: Option<String>,
    },
    /// Refused for a reason sending again will not fix.
    Refused(Text),
}

/// Reads the server's answer to `POST /api/v1/complaints`; `None` for the
/// status means no answer arrived at all.
#[must_use]
pub fn read_submission(status: Option<u16>, body: &str, retry_after: Option<String>) -> SendOutcome {
    let Some(status) = status else {
        return SendOutcome::Retry { retry_after: None };
    };
    if (200..300).contains(&status) {
        return match Receipt::from_json(body) {
            Some(receipt) => SendOutcome::Stored(receipt),
            None => SendOutcome::Retry { retry_after },
        };
    }
    if status >= 500 || status == 429 || status == 408 {
        return SendOutcome::Retry { retry_after };
    }
    let problem = crate::json::from_str::<Problem>(body).ok();
    if let Some(problem) = &problem {
        if problem.code == "idempotency_key.reused" {
            return SendOutcome::KeyReused;
        }
        if let Some(errors) = ErrorList::from_problem(problem) {
            return SendOutcome::Invalid(errors);
        }
    }
    let message = problem.map_or_else(
        || {
            Text::new(
                format!("Pengaduan tidak terkirim: server Aduan menjawab dengan galat {status}."),
                format!("The complaint was not sent: the Aduan server answered with error {status}."),
            )
        },
        |p| p.message,
    );
    SendOutcome::Refused(message)
}

/// The progress line while sending: first try, or the wait before retry
/// number `retry` of [`RETRIES`].
#[must_use]
pub fn sending_message(retry: Option<(u32, Duration)>, lang: Lang) -> String {
    match (retry, lang) {
        (None, Lang::Id) => "Mengirim pengaduan…".to_owned(),
        (None, Lang::En) => "Sending the complaint…".to_owned(),
        (Some((n, wait)), Lang::Id) => format!(
            "Server Aduan belum dapat dihubungi. Mencoba lagi dalam {} detik (percobaan ulang {n} dari {RETRIES})…",
            wait.as_secs()
        ),
        (Some((n, wait)), Lang::En) => {
            let secs = wait.as_secs();
            let s = if secs == 1 { "" } else { "s" };
            format!(
                "The Aduan server cannot be reached yet. Trying again in {secs} second{s} (retry {n} of {RETRIES})…"
            )
        }
    }
}

/// What the form says when every retry failed.
#[must_use]
pub fn gave_up(draft_kept: bool) -> Text {
    let (kept_id, kept_en) = if draft_kept {
        (" Isian Anda tetap tersimpan di perangkat ini.", " Your answers are still saved on this device.")
    } else {
        ("", "")
    };
    Text::new(
        format!(
            "Pengaduan belum terkirim karena server Aduan tidak dapat dihubungi.{kept_id} Periksa sambungan internet Anda, lalu pilih Kirim pengaduan lagi."
        ),
        format!(
            "The complaint has not been sent because the Aduan server cannot be reached.{kept_en} Check your internet connection, then select Send complaint again."
        ),
    )
}

// ----- Check answers ----------------------------------------------------------

/// One row of "Periksa jawaban Anda".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The question's label.
    pub label: &'static str,
    /// The answer, or "Tidak diisi".
    pub value: String,
    /// Whether the answer was left empty.
    pub empty: bool,
    /// The control "Ubah" returns to.
    pub anchor: &'static str,
    /// What "Ubah" changes, for screen readers: "judul".
    pub hidden: &'static str,
}

/// The rows of the check-answers step: label and hidden "Ubah" text in
/// Indonesian and English, and the control "Ubah" returns to.
const ROWS: [([&str; 2], [&str; 2], &str); 10] = [
    (["Jenis laporan", "Type of report"], ["jenis laporan", "type of report"], "form-kind-pengaduan"),
    (["Judul", "Title"], ["judul", "title"], "form-title"),
    (["Uraian", "Description"], ["uraian", "description"], "form-description"),
    (["Tanggal kejadian", "Date of the incident"], ["tanggal kejadian", "date of the incident"], "form-day"),
    (
        ["Lokasi kejadian", "Location of the incident"],
        ["lokasi kejadian", "location of the incident"],
        "form-location",
    ),
    (["Titik lokasi di peta", "Map point"], ["titik lokasi di peta", "map point"], "form-coordinates"),
    (
        ["Siapa yang dapat melihat identitas Anda", "Who can see your identity"],
        ["siapa yang dapat melihat identitas Anda", "who can see your identity"],
        "form-privacy-anonim",
    ),
    (["Nama lengkap", "Full name"], ["nama", "name"], "form-name"),
    (["Alamat email", "Email address"], ["alamat email", "email address"], "form-email"),
    (["Nomor ponsel", "Mobile number"], ["nomor ponsel", "mobile number"], "form-phone"),
];

/// The rows of the check-answers step.
#[must_use]
pub fn answers(fields: &Fields, settings: &FormSettings, lang: Lang) -> Vec<Answer> {
    let i = usize::from(lang == Lang::En);
    let mut rows = Vec::new();
    for (n, (label, hidden, anchor)) in ROWS.iter().enumerate() {
        let value = match n {
            // A kind fixed by the page is not asked, so not shown.
            0 if settings.kind.is_some() => continue,
            0 => fields.kind(settings).map(|k| kind_text(k, lang).0).unwrap_or_default().to_owned(),
            1 => fields.title.trim().to_owned(),
            2 => fields.description.trim().to_owned(),
            3 => parse_date_parts(&fields.day, &fields.month, &fields.year)
                .ok()
                .flatten()
                .map(|d| format::date(d, lang))
                .unwrap_or_default(),
            4 => fields.location.trim().to_owned(),
            5 => fields.coordinates.trim().to_owned(),
            6 => fields.privacy().map(|p| privacy_text(p, lang).0).unwrap_or_default().to_owned(),
            7 => fields.name.trim().to_owned(),
            8 => fields.email.trim().to_owned(),
            _ => fields.phone.trim().to_owned(),
        };
        let empty = value.trim().is_empty();
        let value = if empty { pick(lang, "Tidak diisi", "Not given").to_owned() } else { value };
        rows.push(Answer { label: label[i], value, empty, anchor, hidden: hidden[i] });
    }
    rows
}

// ----- Confirmation -----------------------------------------------------------

/// The confirmation after the server stored the complaint, every text in
/// one language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SuccessView {
    /// "Pengaduan terkirim".
    pub heading: &'static str,
    /// "Nomor tiket Anda".
    pub ticket_label: &'static str,
    /// `K7M-4QX-9RJ`.
    pub ticket: String,
    /// "Kode akses".
    pub secret_label: &'static str,
    /// The access secret.
    pub secret: String,
    /// Keep the secret: it is shown only now.
    pub secret_warning: &'static str,
    /// What happens next, with the verification due date.
    pub next: String,
    /// The tracking page with `#tiket=…`, if the site has one.
    pub track_href: Option<String>,
}

/// What the form keeps of the server's answer to a submission,
/// [`Submitted`](aduan_core::api::v1::Submitted): the fields it shows,
/// read by name from the same JSON.
///
/// Reading `Submitted` itself would bring chrono's RFC 3339 parser, a
/// ticket parser and the status types into the WASM for fields the form
/// never shows; the shell parses the one instant with the browser's
/// `Date.parse` instead. The tests read a `Submitted` the core wrote, so
/// the two cannot drift apart unnoticed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// The ticket number, as the server wrote it (`K7M-4QX-9RJ`).
    pub ticket: String,
    /// The access secret, shown once.
    pub secret: String,
    /// When verification is due, RFC 3339 in UTC, if the server knows.
    pub verification_due_at: Option<String>,
}

impl Receipt {
    /// Reads the server's answer; `None` when it is not a receipt.
    #[must_use]
    pub fn from_json(body: &str) -> Option<Self> {
        let [ticket, secret, due] = json::read_strings(body, ["ticket", "secret", "verification_due_at"])?;
        Some(Self { ticket: ticket?, secret: secret?, verification_due_at: due })
    }
}

impl SuccessView {
    /// The confirmation for a receipt whose verification is due at `due`,
    /// with dates in the agency's zone.
    #[must_use]
    pub fn new(
        receipt: &Receipt,
        due: Option<DateTime<Utc>>,
        zone: aduan_core::Zone,
        lang: Lang,
        track: Option<&str>,
    ) -> Self {
        let ticket = receipt.ticket.clone();
        let next = match (due, lang) {
            (Some(due), Lang::Id) => format!(
                "Koordinator pengaduan akan memeriksa pengaduan Anda dan meneruskannya ke instansi yang berwenang paling lambat {}.",
                format::instant(due, zone, lang)
            ),
            (Some(due), Lang::En) => format!(
                "The complaint coordinator will check your complaint and pass it to the responsible agency by {}.",
                format::instant(due, zone, lang)
            ),
            (None, Lang::Id) => "Koordinator pengaduan akan memeriksa pengaduan Anda dan meneruskannya ke instansi yang berwenang.".to_owned(),
            (None, Lang::En) => "The complaint coordinator will check your complaint and pass it to the responsible agency.".to_owned(),
        };
        Self {
            heading: pick(lang, "Pengaduan terkirim", "Complaint sent"),
            ticket_label: pick(lang, "Nomor tiket Anda", "Your ticket number"),
            track_href: track.map(|url| format!("{url}#tiket={ticket}")),
            ticket,
            secret_label: pick(lang, "Kode akses", "Access code"),
            secret: receipt.secret.clone(),
            secret_warning: pick(
                lang,
                "Simpan kode akses ini sekarang: kode ini tidak akan ditampilkan lagi. Anda memerlukannya untuk melihat isi lengkap pengaduan dan menanggapinya.",
                "Keep this access code now: it will not be shown again. You need it to see your whole complaint and to reply to it.",
            ),
            next,
        }
    }
}

// ----- State ------------------------------------------------------------------

/// The agency addressed, as the server describes it.
#[derive(Debug, Clone, PartialEq)]
pub enum AgencyState {
    /// Not answered yet.
    Loading,
    /// The server's description.
    Found(Agency),
    /// The server answered and does not know the agency.
    Missing,
    /// The list could not be read; the form still works.
    Unreachable,
}

/// Which screen the form shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The questions.
    Questions,
    /// "Periksa jawaban Anda", with the send button.
    Check,
    /// The confirmation.
    Done,
}

/// Everything the form knows, which [`html::screen`] draws.
#[derive(Debug)]
pub struct FormState {
    /// The element's settings.
    pub settings: FormSettings,
    /// The server.
    pub api: ApiBase,
    /// The answers.
    pub fields: Fields,
    /// The draft's idempotency key.
    pub key: String,
    /// The box people never see and bots fill in.
    pub honeypot: String,
    /// What the last check or send found.
    pub errors: ErrorList,
    /// The screen shown.
    pub step: Step,
    /// What the server said about the agency.
    pub agency: AgencyState,
    /// Whether a send is under way (a second click is ignored).
    pub sending: bool,
    /// Whether the answers came from a draft (the form says so).
    pub restored: bool,
    /// Why the last send failed, when sending again is up to the reporter.
    pub failure: Option<String>,
    /// The confirmation, once the server stored the complaint.
    pub success: Option<SuccessView>,
    /// Bumped on every keystroke in the description, so that only the
    /// last one, after a pause, speaks the count.
    pub count_generation: u32,
}

impl FormState {
    /// The questions with `fields` (from a draft when `restored`), before
    /// the server said anything.
    #[must_use]
    pub fn new(settings: FormSettings, api: ApiBase, fields: Fields, key: String, restored: bool) -> Self {
        Self {
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
        }
    }
}

#[cfg(test)]
mod tests {
    use aduan_core::Zone;
    use aduan_core::api::v1::FieldProblem;

    use super::*;

    fn settings() -> FormSettings {
        FormSettings::new(Some("dinkes"), None, Some("https://dinkes.example.go.id/lacak")).unwrap()
    }

    fn ctx() -> ValidationContext<'static> {
        // 27 March 2026, 10.00 WITA.
        ValidationContext {
            now: "2026-03-27T02:00:00Z".parse().unwrap(),
            zone: Zone::WITA,
            known_agencies: None,
        }
    }

    pub(super) fn filled() -> Fields {
        Fields {
            kind: "pengaduan".into(),
            title: "Jalan rusak di Jl. Ahmad Yani".into(),
            description: "Lubang besar di depan pasar sejak dua minggu, sudah ada korban jatuh.".into(),
            day: "27".into(),
            month: "agu".into(),
            year: "2025".into(),
            location: "Jl. A. Yani km 5".into(),
            privacy: "publik".into(),
            name: "Siti Aminah".into(),
            email: "siti@example.com".into(),
            phone: String::new(),
            coordinates: "-3.3194, 114.5908".into(),
        }
    }

    const ORIGIN: &str = "https://dinkes.example.go.id";

    #[test]
    fn settings_from_attributes() {
        let check = |agency, kind, track, expected: Result<(Option<ComplaintKind>, Option<&str>), &str>| {
            let got = FormSettings::new(agency, kind, track).map(|s| (s.kind, s.track)).map_err(|e| e.field);
            assert_eq!(
                got.as_ref().map(|(k, t)| (*k, t.as_deref())).map_err(|e| *e),
                expected,
                "{agency:?} {kind:?} {track:?}"
            );
        };
        check(Some("dinkes"), None, None, Ok((None, None)));
        check(Some("dinkes"), Some(" "), Some(""), Ok((None, None)));
        check(
            Some("dinkes"),
            Some("permintaan_informasi"),
            Some("https://x.go.id/lacak#top"),
            Ok((Some(ComplaintKind::PermintaanInformasi), Some("https://x.go.id/lacak"))),
        );
        check(None, None, None, Err("agency"));
        check(Some("Dinas Kesehatan"), None, None, Err("agency"));
        check(Some("dinkes"), Some("keluhan"), None, Err("kind"));
        check(Some("dinkes"), None, Some("javascript:alert(1)"), Err("track"));
    }

    #[test]
    fn a_complete_form_builds_the_cores_input() {
        let input = check(&filled(), &settings(), ORIGIN, &ctx()).unwrap();
        assert_eq!(input.kind, Some(ComplaintKind::Pengaduan));
        assert_eq!(input.incident_date, chrono::NaiveDate::from_ymd_opt(2025, 8, 27));
        assert_eq!(input.agency, "dinkes");
        assert_eq!(input.privacy, Some(Privacy::Publik));
        assert_eq!(input.reporter.email, "siti@example.com");
        // The page's fixed kind wins over anything in a draft.
        let fixed = FormSettings { kind: Some(ComplaintKind::Aspirasi), ..settings() };
        assert_eq!(filled().to_input(&fixed).0.kind, Some(ComplaintKind::Aspirasi));
    }

    #[test]
    fn an_empty_form_lists_every_question_in_order() {
        let errors = check(&Fields::default(), &settings(), ORIGIN, &ctx()).unwrap_err();
        let found: Vec<_> = errors
            .items()
            .iter()
            .map(|e| (e.field.as_str(), anchor(&e.field), e.message.get(Lang::Id)))
            .collect();
        assert_eq!(
            found,
            [
                ("kind", Some("form-kind-pengaduan"), "Pilih jenis laporan"),
                ("title", Some("form-title"), "Masukkan judul pengaduan"),
                ("description", Some("form-description"), "Masukkan uraian pengaduan"),
                ("incident_date", Some("form-day"), "Masukkan tanggal kejadian"),
                ("privacy", Some("form-privacy-anonim"), "Pilih siapa yang dapat melihat identitas Anda"),
                ("reporter.name", Some("form-name"), "Masukkan nama Anda"),
                (
                    "reporter",
                    Some("form-email"),
                    "Masukkan alamat email atau nomor ponsel agar petugas dapat menghubungi Anda"
                ),
            ]
        );
        assert!(errors.marks("incident_date.month"), "a missing date marks every part");
        assert_eq!(errors.message(Question::Title, Lang::En), Some("Enter a title"));
    }

    #[test]
    fn date_parts_replace_the_dates_error_and_link_to_the_first_wrong_part() {
        let check_date = |day: &str, month: &str, year: &str, expected: &[(&str, &str)]| {
            let fields = Fields { day: day.into(), month: month.into(), year: year.into(), ..filled() };
            let got = match check(&fields, &settings(), ORIGIN, &ctx()) {
                Ok(_) => Vec::new(),
                Err(errors) => errors
                    .items()
                    .iter()
                    .map(|e| (anchor(&e.field).unwrap_or("-"), e.message.get(Lang::Id).to_owned()))
                    .collect(),
            };
            let expected: Vec<_> = expected.iter().map(|(a, m)| (*a, (*m).to_owned())).collect();
            assert_eq!(got, expected, "{day} {month} {year}");
        };
        check_date("27", "3", "2026", &[]);
        check_date("27", "", "", &[("form-month", "Tanggal kejadian harus berisi bulan dan tahun")]);
        check_date("", "mar", "2026", &[("form-day", "Tanggal kejadian harus berisi tanggal")]);
        check_date(
            "31",
            "2",
            "2026",
            &[("form-day", "Tanggal kejadian harus tanggal yang ada. Februari 2026 hanya sampai tanggal 28")],
        );
        check_date(
            "1",
            "13",
            "26",
            &[
                ("form-month", "Bulan harus angka 1 sampai 12 atau nama bulan, seperti 8 atau Agustus"),
                ("form-year", "Tahun harus 4 angka, seperti 2026"),
            ],
        );
        check_date("28", "3", "2026", &[("form-day", "Tanggal kejadian harus hari ini atau sebelumnya")]);
        // Only the wrong parts are marked.
        let fields = Fields { month: String::new(), ..filled() };
        let errors = check(&fields, &settings(), ORIGIN, &ctx()).unwrap_err();
        assert!(errors.marks("incident_date.month"));
        assert!(!errors.marks("incident_date.day"));
    }

    #[test]
    fn the_map_point_goes_into_the_input_or_shows_its_error() {
        let input = check(&filled(), &settings(), ORIGIN, &ctx()).unwrap();
        assert_eq!(
            input.coordinates,
            Some(aduan_core::complaint::Coordinates { lat: -3.3194, lon: 114.5908 })
        );
        let none = Fields { coordinates: "  ".into(), ..filled() };
        assert_eq!(check(&none, &settings(), ORIGIN, &ctx()).unwrap().coordinates, None);
        // Its error joins the others in the form's order, and does not
        // hide the core's error of a missing date.
        let wrong = Fields {
            coordinates: "114.5908, -3.3194".into(),
            day: String::new(),
            month: String::new(),
            year: String::new(),
            privacy: String::new(),
            ..filled()
        };
        let errors = check(&wrong, &settings(), ORIGIN, &ctx()).unwrap_err();
        let got: Vec<_> =
            errors.items().iter().map(|e| (e.field.as_str(), e.question, anchor(&e.field))).collect();
        assert_eq!(
            got,
            [
                ("incident_date", Question::Date, Some("form-day")),
                ("coordinates", Question::Coordinates, Some("form-coordinates")),
                ("privacy", Question::Privacy, Some("form-privacy-anonim")),
            ]
        );
        assert_eq!(
            errors.message(Question::Coordinates, Lang::Id),
            Some("Masukkan titik lokasi sebagai lintang dan bujur, seperti -3.3194, 114.5908")
        );
        assert_eq!(errors.message(Question::Location, Lang::Id), None);
        // The server's errors for the point show at its box too.
        let server = ErrorList::new([("coordinates".to_owned(), Text::new("x", "x"))]);
        assert_eq!(server.items()[0].question, Question::Coordinates);
    }

    #[test]
    fn date_errors_keep_their_place_among_the_others() {
        let fields = Fields { title: String::new(), year: String::new(), privacy: String::new(), ..filled() };
        let errors = check(&fields, &settings(), ORIGIN, &ctx()).unwrap_err();
        let fields: Vec<_> = errors.items().iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["title", "incident_date.year", "privacy"]);
    }

    #[test]
    fn server_field_errors_map_to_questions_and_anchors() {
        let problem = Problem {
            errors: vec![
                FieldProblem {
                    field: "reporter.phone".into(),
                    code: "invalid_phone".into(),
                    message: Text::new("Masukkan nomor ponsel", "Enter a mobile number"),
                },
                FieldProblem {
                    field: "agency".into(),
                    code: "unknown_agency".into(),
                    message: Text::new("Pilih instansi dari daftar", "Select an agency from the list"),
                },
                FieldProblem {
                    field: "title".into(),
                    code: "too_short".into(),
                    message: Text::new("Judul minimal 10 karakter", "Title must be at least 10 characters"),
                },
            ],
            ..Problem::new(422, "validation", Text::new("Ada 3 masalah", "There are 3 problems"))
        };
        let outcome = read_submission(Some(422), &serde_json::to_string(&problem).unwrap(), None);
        let SendOutcome::Invalid(errors) = outcome else { panic!("{outcome:?}") };
        let got: Vec<_> =
            errors.items().iter().map(|e| (e.question, anchor(&e.field), e.message.get(Lang::En))).collect();
        assert_eq!(
            got,
            [
                (Question::Title, Some("form-title"), "Title must be at least 10 characters"),
                (Question::Phone, Some("form-phone"), "Enter a mobile number"),
                (Question::Other, None, "Select an agency from the list"),
            ]
        );
    }

    #[test]
    fn answers_from_the_server() {
        let submitted = r#"{"ticket": "222-222-222", "secret": "ABCD-EFGH-JKMN-PQRS", "status": {"code": "diterima",
            "label": {"id": "Diterima", "en": "Received"}}, "received_at": "2026-11-18T06:30:00Z", "agency": "dinkes",
            "verification_due_at": "2026-11-23T06:30:00Z"}"#;
        let check = |status: Option<u16>, body: &str, expected: &str| {
            let got = match read_submission(status, body, Some("7".into())) {
                SendOutcome::Stored(s) => format!("stored {}", s.ticket),
                SendOutcome::Invalid(e) => format!("invalid {}", e.items().len()),
                SendOutcome::KeyReused => "reused".to_owned(),
                SendOutcome::Retry { retry_after } => format!("retry {retry_after:?}"),
                SendOutcome::Refused(t) => format!("refused {}", t.id),
            };
            assert_eq!(got, expected, "{status:?} {body}");
        };
        check(Some(201), submitted, "stored 222-222-222");
        check(Some(200), submitted, "stored 222-222-222");
        check(None, "", "retry None");
        check(Some(200), "<html>", "retry Some(\"7\")");
        check(Some(502), "Bad Gateway", "retry Some(\"7\")");
        check(Some(503), "", "retry Some(\"7\")");
        check(Some(429), "", "retry Some(\"7\")");
        check(Some(408), "", "retry Some(\"7\")");
        check(
            Some(422),
            r#"{"type": "urn:aduan:problem:idempotency_key.reused", "title": "x", "status": 422,
                "code": "idempotency_key.reused", "message": {"id": "x", "en": "x"}}"#,
            "reused",
        );
        check(
            Some(400),
            r#"{"type": "urn:aduan:problem:origin.required", "title": "x", "status": 400,
                "code": "origin.required", "message": {"id": "Kirim dari formulir", "en": "Send from the form"}}"#,
            "refused Kirim dari formulir",
        );
        check(Some(413), "", "refused Pengaduan tidak terkirim: server Aduan menjawab dengan galat 413.");
    }

    #[test]
    fn retries_back_off_and_honour_retry_after() {
        let schedule: Vec<_> = (1..=6).map(|n| retry_delay(n, None).map(|d| d.as_secs())).collect();
        assert_eq!(schedule, [Some(1), Some(2), Some(4), Some(8), Some(16), None]);
        assert_eq!(retry_delay(0, None), None);
        assert_eq!(retry_delay(2, Some(" 10 ")), Some(Duration::from_secs(10)));
        assert_eq!(retry_delay(2, Some("0")), Some(Duration::from_secs(1)));
        assert_eq!(retry_delay(2, Some("86400")), Some(Duration::from_secs(120)));
        // An HTTP date is not understood: the schedule applies.
        assert_eq!(retry_delay(2, Some("Wed, 21 Oct 2026 07:28:00 GMT")), Some(Duration::from_secs(2)));
        assert_eq!(retry_delay(6, Some("3")), None);
    }

    #[test]
    fn progress_messages() {
        assert_eq!(sending_message(None, Lang::Id), "Mengirim pengaduan…");
        assert_eq!(
            sending_message(Some((3, Duration::from_secs(4))), Lang::Id),
            "Server Aduan belum dapat dihubungi. Mencoba lagi dalam 4 detik (percobaan ulang 3 dari 5)…"
        );
        assert_eq!(
            sending_message(Some((1, Duration::from_secs(1))), Lang::En),
            "The Aduan server cannot be reached yet. Trying again in 1 second (retry 1 of 5)…"
        );
        assert!(gave_up(true).id.contains("tetap tersimpan"));
        assert!(!gave_up(false).en.contains("saved"));
    }

    #[test]
    fn drafts_round_trip_and_survive_garbage() {
        let mut draft = Draft::new(key_from_bytes([0xab; 16]));
        assert!(draft.is_blank());
        draft.fields = filled();
        let json = draft.to_json();
        assert_eq!(Draft::from_json(&json), Some(draft.clone()));
        assert!(!draft.is_blank());
        assert_eq!(draft.key.len(), 32);
        assert_eq!(Draft::storage_key(&settings().agency), "aduan:draft:dinkes");
        let key = "0123456789abcdef0123";
        for (json, expected) in [
            ("", None),
            ("[", None),
            ("null", None),
            ("{}", None),
            (r#"{"v": 1, "key": "0123456789abcdef0123", "fields": {}}"#, None),
            ("[]", None),
            (r#"["aduan-draft-1"]"#, None),
            (r#"["aduan-draft-1", "short"]"#, None),
            (r#"["aduan-draft-2", "0123456789abcdef0123"]"#, None),
            (r#"["aduan-draft-1", "0123456789abcdef0123", "", 5]"#, None),
            (r#"["aduan-draft-1", "0123456789abcdef0123"]"#, Some(Fields::default())),
            // A draft from before the map point was added.
            (
                r#"["aduan-draft-1", "0123456789abcdef0123", "pengaduan", "t", "d", "1", "2", "2026", "Jl", "anonim", "n", "e", "p"]"#,
                Some(Fields {
                    kind: "pengaduan".into(),
                    title: "t".into(),
                    description: "d".into(),
                    day: "1".into(),
                    month: "2".into(),
                    year: "2026".into(),
                    location: "Jl".into(),
                    privacy: "anonim".into(),
                    name: "n".into(),
                    email: "e".into(),
                    phone: "p".into(),
                    coordinates: String::new(),
                }),
            ),
            // A draft from before a box was added: the new box is empty.
            (
                r#"["aduan-draft-1", "0123456789abcdef0123", "aspirasi", "Jalan"]"#,
                Some(Fields { kind: "aspirasi".into(), title: "Jalan".into(), ..Fields::default() }),
            ),
        ] {
            assert_eq!(Draft::from_json(json).map(|d| d.fields), expected, "{json}");
            if let Some(d) = Draft::from_json(json) {
                assert_eq!(d.key, key);
            }
        }
    }

    #[test]
    fn keys_are_what_the_server_accepts() {
        assert!(valid_key(&key_from_bytes([0; 16])));
        assert_eq!(key_from_bytes([0x01; 16]), "01".repeat(16));
        assert!(!valid_key("a b c d e f g h i j"));
        assert!(!valid_key(&"x".repeat(201)));
    }

    #[test]
    fn character_count_in_both_languages() {
        let check = |text: &str, lang, expected: (&str, bool)| {
            let (message, over) = count_message(text, 10, lang);
            assert_eq!((message.as_str(), over), expected, "{text:?}");
        };
        check("", Lang::Id, ("Anda dapat memasukkan 10 karakter lagi", false));
        check("123456789", Lang::En, ("You have 1 character remaining", false));
        check("1234567890", Lang::En, ("You have 0 characters remaining", false));
        check("12345678901", Lang::Id, ("Anda memasukkan 1 karakter terlalu banyak", true));
        check("12345678901", Lang::En, ("You have 1 character too many", true));
        check("123456789012", Lang::En, ("You have 2 characters too many", true));
        // Counted as the core counts: trimmed, CRLF as one.
        check("  12345\r\n6789\r\n  ", Lang::En, ("You have 0 characters remaining", false));
        check("👨‍👩‍👧👨‍👩‍👧x", Lang::En, ("You have 1 character too many", true));
        assert_eq!(
            count_message(&"a".repeat(5_250), DESCRIPTION_MAX, Lang::Id).0,
            "Anda memasukkan 1.250 karakter terlalu banyak"
        );
        assert_eq!(count_message("", DESCRIPTION_MAX, Lang::En).0, "You have 4,000 characters remaining");
    }

    #[test]
    fn check_answers_rows() {
        let fields = Fields { location: " ".into(), phone: String::new(), ..filled() };
        let rows = answers(&fields, &settings(), Lang::Id);
        let got: Vec<_> = rows.iter().map(|r| (r.label, r.value.as_str(), r.anchor)).collect();
        assert_eq!(got[0], ("Jenis laporan", "Pengaduan", "form-kind-pengaduan"));
        assert_eq!(got[3], ("Tanggal kejadian", "27 Agustus 2025", "form-day"));
        assert_eq!(got[4], ("Lokasi kejadian", "Tidak diisi", "form-location"));
        assert!(rows[4].empty);
        assert_eq!(got[5], ("Titik lokasi di peta", "-3.3194, 114.5908", "form-coordinates"));
        assert_eq!(got[6], ("Siapa yang dapat melihat identitas Anda", "Publik", "form-privacy-anonim"));
        assert_eq!(got[9], ("Nomor ponsel", "Tidak diisi", "form-phone"));
        assert_eq!(rows.len(), 10);
        let blank = Fields { coordinates: " ".into(), ..filled() };
        let row = &answers(&blank, &settings(), Lang::En)[5];
        assert_eq!(
            (row.label, row.value.as_str(), row.empty, row.hidden),
            ("Map point", "Not given", true, "map point")
        );
        // A kind fixed by the page is not asked, so not shown.
        let fixed = FormSettings { kind: Some(ComplaintKind::Aspirasi), ..settings() };
        let en = answers(&fields, &fixed, Lang::En);
        assert_eq!((en[0].label, en[0].hidden), ("Title", "title"));
        assert_eq!(en[3].value, "Not given");
    }

    #[test]
    fn the_receipt_reads_what_the_core_writes() {
        let submitted = aduan_core::api::v1::Submitted {
            ticket: aduan_core::TicketNumber::from_entropy(42),
            secret: "ABCD-EFGH-JKMN-PQRS".into(),
            status: aduan_core::lifecycle::Status::Diterima.into(),
            received_at: "2026-11-18T06:30:00Z".parse().unwrap(),
            agency: AgencyId::new("dinkes").unwrap(),
            verification_due_at: Some("2026-11-23T06:30:00Z".parse().unwrap()),
        };
        let json = serde_json::to_string(&submitted).unwrap();
        let SendOutcome::Stored(receipt) = read_submission(Some(201), &json, None) else { panic!("{json}") };
        assert_eq!(receipt.ticket, submitted.ticket.as_str());
        assert_eq!(receipt.secret, "ABCD-EFGH-JKMN-PQRS");
        let due: DateTime<Utc> = receipt.verification_due_at.as_deref().unwrap().parse().unwrap();
        assert_eq!(Some(due), submitted.verification_due_at);
        let json =
            serde_json::to_string(&aduan_core::api::v1::Submitted { verification_due_at: None, ..submitted })
                .unwrap();
        let SendOutcome::Stored(receipt) = read_submission(Some(200), &json, None) else { panic!("{json}") };
        assert_eq!(receipt.verification_due_at, None);
    }

    #[test]
    fn the_confirmation_says_what_happens_next() {
        let submitted = Receipt {
            ticket: aduan_core::TicketNumber::from_entropy(42).as_str().to_owned(),
            secret: "ABCD-EFGH-JKMN-PQRS".into(),
            verification_due_at: None,
        };
        let due = Some("2026-11-23T06:30:00Z".parse().unwrap());
        let ticket = submitted.ticket.clone();
        let id = SuccessView::new(
            &submitted,
            due,
            Zone::WITA,
            Lang::Id,
            Some("https://dinkes.example.go.id/lacak"),
        );
        assert_eq!(id.heading, "Pengaduan terkirim");
        assert_eq!(id.ticket, ticket);
        assert_eq!(id.secret, "ABCD-EFGH-JKMN-PQRS");
        assert!(id.next.ends_with("paling lambat 23 November 2026 pukul 14.30 WITA."), "{}", id.next);
        assert!(id.secret_warning.contains("tidak akan ditampilkan lagi"));
        assert_eq!(id.track_href, Some(format!("https://dinkes.example.go.id/lacak#tiket={ticket}")));
        assert!(!id.track_href.unwrap().contains("ABCD"), "the secret never goes into a URL");
        let en = SuccessView::new(&submitted, None, Zone::WIB, Lang::En, None);
        assert_eq!(
            (en.heading, en.ticket_label, en.secret_label),
            ("Complaint sent", "Your ticket number", "Access code")
        );
        assert!(en.next.ends_with("to the responsible agency."));
        assert_eq!(en.track_href, None);
        let en = SuccessView::new(&submitted, due, Zone::WIB, Lang::En, None);
        assert!(en.next.ends_with("by 23 November 2026, 13:30 WIB."), "{}", en.next);
    }

    #[test]
    fn choice_texts_never_apologise_or_plead() {
        for lang in [Lang::Id, Lang::En] {
            for k in ComplaintKind::ALL {
                assert!(!kind_text(k, lang).1.is_empty());
            }
            for p in Privacy::ALL {
                let hint = privacy_text(p, lang).1.to_lowercase();
                assert!(hint.contains("nama") || hint.contains("name"), "{hint}");
                assert!(!hint.ends_with('.'));
            }
        }
        assert!(date_optional(Some(ComplaintKind::Aspirasi)));
        assert!(!date_optional(None));
    }
}
