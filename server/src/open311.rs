//! Open311 GeoReport v2 under `/open311/v2/`, in JSON and XML, so existing
//! 311 apps and client libraries can list Aduan's services, file
//! complaints and follow public ones.
//!
//! The specification is <http://wiki.open311.org/GeoReport_v2>; every path
//! ends in `.json` or `.xml`, which chooses the answer's format:
//!
//! | method and path | what |
//! |---|---|
//! | `GET services.{format}` | the service list |
//! | `GET services/{service_code}.{format}` | one service's definition (its attributes) |
//! | `POST requests.{format}` | file a complaint (`api_key` required) |
//! | `GET requests.{format}` | public complaints, newest first |
//! | `GET requests/{service_request_id}.{format}` | one public complaint, as a list of one |
//! | `GET tokens/{token}.{format}` | always 404: this server issues no tokens (below) |
//!
//! and the Service Discovery document the specification requires, at
//! `/open311/discovery.{format}`: the endpoint (`public_url` +
//! `/open311/v2`, or that path alone without `public_url`), its formats,
//! `[open311] contact` and `key_service` (generic texts by default), and
//! as `changeset` the instant this process started, since the services
//! and their definitions come from the configuration, read at start.
//!
//! Every path accepts `jurisdiction_id`; a value other than the configured
//! one (`[open311] jurisdiction_id`, by default the host of `public_url`
//! without `www.`) is a 404. Errors are the specification's list of
//! `code` and `description`, with the description in Indonesian and then
//! English (`"… / …"`): 400 for bad input (one error per field, naming it),
//! 403 for a missing or unknown `api_key`, 404 for what does not exist, 429
//! when a client submits too fast, 500 when the server failed (logged).
//!
//! # Services
//!
//! A service is one of the core's complaint kinds addressed to one of the
//! agency categories of the configuration: `pengaduan.opd`,
//! `aspirasi.kabupaten-kota`… Its `group` is the kind's name, `type` is
//! `realtime` and `metadata` is `true`, since every service needs the
//! attributes of its definition, in this order:
//!
//! 1. `title` (string, required): the complaint's title;
//! 2. `agency` (singlevaluelist, required): the agencies of the category;
//! 3. `privacy` (singlevaluelist, required): `anonim`, `publik` or
//!    `rahasia`, as the web form asks;
//! 4. `incident_date` (datetime, required for *pengaduan* only): a date
//!    (`2026-03-27`) or a W3C date and time, whose date in the agency's zone
//!    counts.
//!
//! # Filing (`POST requests`)
//!
//! The form fields map onto the core's `ComplaintInput` and are validated
//! exactly as the web form's submissions are: `description` is the
//! complaint's description (a `media_url`, if sent, is appended to it as
//! `Media: <url>`: Aduan stores no media), `address_string` its location in
//! words, `lat` and `long` its map point, `first_name` and `last_name` the
//! reporter's name, `email` and `phone` their contact. `address_id` cannot
//! be used alone (there is no master address repository to look it up in);
//! `device_id` is not stored. A client is one `[[open311.clients]]` entry;
//! its complaints are recorded as coming through its configured channel (a
//! web form on its `origin` by default) from the reporter. `api_key` may
//! come in the form or the query string. An attribute the definition does
//! not list is refused (its value would be lost); other parameters the
//! specification does not define are ignored, as clients add their own.
//! A body over `[limits] body_bytes` is a 413.
//!
//! Storage is synchronous: the answer comes after the complaint is
//! committed, with its ticket as `service_request_id`, so no token is ever
//! needed (`type` is `realtime`). The `service_notice` tells the reporter the
//! ticket, when verification is due and the complaint's **access code**:
//! the reporter needs it to add information, confirm, dispute or rate on
//! the Aduan tracker, and it is never stored (only its hash), so this answer,
//! which only the authenticated client receives, is the one place it can be
//! handed over. A client should show the notice to the reporter and not
//! keep it. An optional `Idempotency-Key` header makes a retried POST
//! return the first ticket and code instead of filing twice. Submissions
//! are rate-limited per client address as the web form's are.
//!
//! # Listing (`GET requests`)
//!
//! Only what the public may see, by the core's `Visibility` table for the
//! public audience: confidential (*rahasia*) complaints are never listed or
//! shown; a list (without `service_request_id`) also leaves out complaints
//! not yet verified, since the koordinator may still make them
//! confidential, and archived ones (spam, duplicates, invalid reports),
//! which stay readable by their ticket as in the complaint API; and of the others only the summary is: `description` carries the
//! complaint's **title**, and the content (description, location, map
//! point) and the reporter never appear, so `address`, `address_id`,
//! `zipcode`, `lat`, `long` and `media_url` are left out. `status` is
//! `closed` for *selesai* and *diarsipkan*, `open` otherwise; `status_notes`
//! names the status and the latest step; `agency_responsible` is the agency
//! the complaint is disposed to (empty before disposition);
//! `expected_datetime` is the due instant of the most urgent running SLA
//! clock (empty when closed, paused or beyond the holiday calendar); times
//! are W3C date-times with the agency zone's offset.
//!
//! Filters: `service_request_id` (comma-separated tickets; overrides the
//! rest), `service_code` and `status` (comma-separated), `start_date` and
//! `end_date` (W3C date-times with a zone) on the receipt instant. The
//! window defaults to the 90 days up to now (or from `start_date`, or up to
//! `end_date`) and may not span more than 90 days. At most 1,000 requests
//! are returned, newest first.

use std::time::Instant;

use aduan_core::complaint::{ComplaintInput, Coordinates, ReporterInput, ValidationContext};
use aduan_core::lifecycle::{Actor, Lifecycle};
use aduan_core::{AccessSecret, AgencyId, CategoryId, ComplaintKind, Lang, Privacy, TicketNumber, Zone};
use axum::Router;
use axum::body::Bytes;
use axum::extract::{Path, RawQuery, Request, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::{DateTime, Duration, FixedOffset, NaiveDate, SecondsFormat, Utc};
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::app::{AppState, derive_secret, received_event, stored_idempotency_key};
use crate::config::{AgencyConfig, Config, Open311Client};
use crate::derive;
use crate::error::SafeJson;
use crate::store::{PublicRequestQuery, PublicRequestRow, Store, StoreError, sha256_hex};

/// The longest window `GET requests` may span, and its default.
pub const WINDOW_DAYS: i64 = 90;
/// The most requests one `GET requests` returns (the specification's default).
pub const LIST_LIMIT: u32 = 1000;
/// The longest `media_url` accepted, in bytes.
const MEDIA_URL_MAX: usize = 2000;

/// The Open311 routes, merged into the application's router.
pub fn router<S: Store>() -> Router<AppState<S>> {
    STARTED.get_or_init(Utc::now);
    Router::new()
        .route("/open311/v2/{file}", get(get_root::<S>).post(post_root::<S>))
        .route("/open311/v2/services/{file}", get(service_definition::<S>))
        .route("/open311/v2/requests/{file}", get(one_request::<S>))
        .route("/open311/v2/tokens/{file}", get(token::<S>))
        .route("/open311/{file}", get(discovery::<S>))
}

// ----- Formats and documents ------------------------------------------------------

/// The answer's format, from the path's extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// `application/json; charset=utf-8`.
    Json,
    /// `text/xml; charset=utf-8`, the specification's required format.
    Xml,
}

/// Splits `name.json` or `name.xml`; anything else is a 404 (in XML, the
/// format every GeoReport client reads).
fn split_format(file: &str) -> Result<(&str, Format), (Format, Open311Error)> {
    let not_found = || {
        (
            Format::Xml,
            Open311Error::one(
                StatusCode::NOT_FOUND,
                format!("Alamat ini tidak ada: {file} (akhiri dengan .json atau .xml)"),
                format!("There is nothing at this address: {file} (end it in .json or .xml)"),
            ),
        )
    };
    match file.rsplit_once('.') {
        Some((name, "json")) if !name.is_empty() => Ok((name, Format::Json)),
        Some((name, "xml")) if !name.is_empty() => Ok((name, Format::Xml)),
        _ => Err(not_found()),
    }
}

/// One value of a GeoReport document.
#[derive(Debug, Clone, PartialEq)]
enum Value {
    /// JSON `null`, an empty XML element.
    Null,
    Text(String),
    Bool(bool),
    Int(i64),
    /// A nested list: JSON array, XML element holding one `item` element
    /// per record.
    List(&'static str, Vec<Record>),
    /// A list of texts: JSON array of strings, XML element holding one
    /// `item` element per text.
    Texts(&'static str, Vec<String>),
}

impl Value {
    fn text(s: impl Into<String>) -> Self {
        Self::Text(s.into())
    }

    fn opt(s: Option<String>) -> Self {
        s.map_or(Self::Null, Self::Text)
    }
}

/// An ordered set of named values: a JSON object, an XML element's children.
#[derive(Debug, Clone, PartialEq, Default)]
struct Record(Vec<(&'static str, Value)>);

impl Record {
    fn with(mut self, name: &'static str, value: Value) -> Self {
        self.0.push((name, value));
        self
    }
}

/// A whole answer.
#[derive(Debug, Clone, PartialEq)]
enum Document {
    /// A list: a JSON array, an XML `root` of `item` elements.
    List { root: &'static str, item: &'static str, records: Vec<Record> },
    /// One record: a JSON object, an XML `root` element.
    One { root: &'static str, record: Record },
}

fn json_value(value: &Value) -> serde_json::Value {
    match value {
        Value::Null => serde_json::Value::Null,
        Value::Text(s) => serde_json::Value::String(s.clone()),
        Value::Bool(b) => serde_json::Value::Bool(*b),
        Value::Int(n) => serde_json::Value::from(*n),
        Value::List(_, records) => serde_json::Value::Array(records.iter().map(json_record).collect()),
        Value::Texts(_, texts) => texts.iter().map(|t| serde_json::Value::String(t.clone())).collect(),
    }
}

fn json_record(record: &Record) -> serde_json::Value {
    serde_json::Value::Object(record.0.iter().map(|(k, v)| ((*k).to_owned(), json_value(v))).collect())
}

/// Characters XML 1.0 cannot carry at all, even escaped; none should reach
/// here (the core refuses control characters), but a document must stay
/// well-formed whatever a configuration or a stored text holds.
fn xml_safe(text: &str) -> std::borrow::Cow<'_, str> {
    let allowed = |c: char| {
        matches!(c, '\t' | '\n' | '\r')
            || ('\u{20}'..='\u{D7FF}').contains(&c)
            || ('\u{E000}'..='\u{FFFD}').contains(&c)
            || c >= '\u{10000}'
    };
    if text.chars().all(allowed) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(text.chars().filter(|c| allowed(*c)).collect())
    }
}

fn write_value(w: &mut Writer<Vec<u8>>, name: &str, value: &Value) -> std::io::Result<()> {
    // An empty value is an empty element, `<name/>`: written as a start and
    // an end tag, the indenting writer would put a line break between them,
    // which a client would read as the element's text.
    let empty = match value {
        Value::Null => true,
        Value::Text(s) => s.is_empty(),
        Value::List(_, records) => records.is_empty(),
        Value::Texts(_, texts) => texts.is_empty(),
        Value::Bool(_) | Value::Int(_) => false,
    };
    if empty {
        return w.write_event(Event::Empty(BytesStart::new(name)));
    }
    w.write_event(Event::Start(BytesStart::new(name)))?;
    let scalar = match value {
        Value::Null => None,
        Value::Text(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Int(n) => Some(n.to_string()),
        Value::List(item, records) => {
            for record in records {
                write_record(w, item, record)?;
            }
            None
        }
        Value::Texts(item, texts) => {
            for text in texts {
                write_value(w, item, &Value::Text(text.clone()))?;
            }
            None
        }
    };
    if let Some(text) = scalar {
        // `BytesText::new` escapes `<`, `>`, `&`, `'` and `"`.
        w.write_event(Event::Text(BytesText::new(&xml_safe(&text))))?;
    }
    w.write_event(Event::End(BytesEnd::new(name)))
}

fn write_record(w: &mut Writer<Vec<u8>>, name: &str, record: &Record) -> std::io::Result<()> {
    w.write_event(Event::Start(BytesStart::new(name)))?;
    for (field, value) in &record.0 {
        write_value(w, field, value)?;
    }
    w.write_event(Event::End(BytesEnd::new(name)))
}

impl Document {
    fn xml(&self) -> std::io::Result<Vec<u8>> {
        let mut w = Writer::new_with_indent(Vec::new(), b' ', 2);
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        match self {
            Self::List { root, item, records } => {
                w.write_event(Event::Start(BytesStart::new(*root)))?;
                for record in records {
                    write_record(&mut w, item, record)?;
                }
                w.write_event(Event::End(BytesEnd::new(*root)))?;
            }
            Self::One { root, record } => write_record(&mut w, root, record)?,
        }
        let mut bytes = w.into_inner();
        bytes.push(b'\n');
        Ok(bytes)
    }

    fn json(&self) -> serde_json::Value {
        match self {
            Self::List { records, .. } => serde_json::Value::Array(records.iter().map(json_record).collect()),
            Self::One { record, .. } => json_record(record),
        }
    }

    fn respond(&self, status: StatusCode, format: Format) -> Response {
        let mut response = match format {
            Format::Json => {
                let mut response = SafeJson(self.json()).into_response();
                response.headers_mut().insert(
                    header::CONTENT_TYPE,
                    HeaderValue::from_static("application/json; charset=utf-8"),
                );
                response
            }
            Format::Xml => match self.xml() {
                Ok(bytes) => ([(header::CONTENT_TYPE, "text/xml; charset=utf-8")], bytes).into_response(),
                Err(e) => {
                    tracing::error!(error = %e, "Open311 XML could not be written");
                    return StatusCode::INTERNAL_SERVER_ERROR.into_response();
                }
            },
        };
        *response.status_mut() = status;
        response
    }
}

// ----- Errors ---------------------------------------------------------------------

/// A GeoReport error answer: an HTTP status and a list of errors, each a
/// code (the status) and a description in Indonesian, then English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open311Error {
    status: StatusCode,
    descriptions: Vec<String>,
    retry_after: Option<u64>,
}

impl Open311Error {
    fn one(status: StatusCode, id: impl AsRef<str>, en: impl AsRef<str>) -> Self {
        Self { status, descriptions: vec![bilingual(id.as_ref(), en.as_ref())], retry_after: None }
    }

    fn bad_request(field: &str, id: impl AsRef<str>, en: impl AsRef<str>) -> Self {
        Self::one(
            StatusCode::BAD_REQUEST,
            format!("{field}: {}", id.as_ref()),
            format!("{field}: {}", en.as_ref()),
        )
    }

    fn internal(error: &dyn std::fmt::Display) -> Self {
        tracing::error!(error = %error, "Open311 request failed");
        Self::one(
            StatusCode::INTERNAL_SERVER_ERROR,
            "Terjadi kesalahan di server. Coba lagi nanti",
            "Something went wrong on the server. Try again later",
        )
    }

    /// The HTTP status.
    #[must_use]
    pub fn status(&self) -> StatusCode {
        self.status
    }

    fn respond(&self, format: Format) -> Response {
        let code = i64::from(self.status.as_u16());
        let records = self
            .descriptions
            .iter()
            .map(|d| {
                Record::default().with("code", Value::Int(code)).with("description", Value::text(d.clone()))
            })
            .collect();
        let mut response =
            Document::List { root: "errors", item: "error", records }.respond(self.status, format);
        if let Some(seconds) = self.retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        response
    }
}

impl From<StoreError> for Open311Error {
    fn from(e: StoreError) -> Self {
        Self::internal(&e)
    }
}

impl From<anyhow::Error> for Open311Error {
    fn from(e: anyhow::Error) -> Self {
        Self::internal(&e)
    }
}

fn bilingual(id: &str, en: &str) -> String {
    format!("{id} / {en}")
}

fn respond(format: Format, result: Result<(StatusCode, Document), Open311Error>) -> Response {
    match result {
        Ok((status, document)) => document.respond(status, format),
        Err(e) => e.respond(format),
    }
}

// ----- Parameters -----------------------------------------------------------------

/// Query or form parameters in order, empty values dropped: the
/// specification treats an empty optional argument as an absent one.
#[derive(Debug, Default)]
struct Params(Vec<(String, String)>);

impl Params {
    fn parse(bytes: &[u8]) -> Result<Self, Open311Error> {
        let pairs: Vec<(String, String)> = serde_urlencoded::from_bytes(bytes).map_err(|e| {
            Open311Error::one(
                StatusCode::BAD_REQUEST,
                format!("Parameter tidak dapat dibaca: {e}"),
                format!("The parameters cannot be read: {e}"),
            )
        })?;
        Ok(Self(pairs.into_iter().filter(|(_, v)| !v.trim().is_empty()).collect()))
    }

    fn query(raw: Option<&str>) -> Result<Self, Open311Error> {
        Self::parse(raw.unwrap_or_default().as_bytes())
    }

    /// The one value of `name`; sending it twice is an error.
    fn get(&self, name: &str) -> Result<Option<&str>, Open311Error> {
        let mut values = self.0.iter().filter(|(k, _)| k == name).map(|(_, v)| v.as_str());
        let first = values.next();
        if values.next().is_some() {
            return Err(Open311Error::bad_request(
                name,
                "dikirim lebih dari sekali; kirim satu nilai",
                "was sent more than once; send one value",
            ));
        }
        Ok(first)
    }
}

/// The configured jurisdiction, checked against the one asked for.
fn check_jurisdiction(config: &Config, params: &Params) -> Result<(), Open311Error> {
    let Some(asked) = params.get("jurisdiction_id")? else { return Ok(()) };
    match &config.open311.jurisdiction_id {
        Some(ours) if !ours.eq_ignore_ascii_case(asked.trim()) => Err(Open311Error::one(
            StatusCode::NOT_FOUND,
            format!("jurisdiction_id {asked} tidak ditemukan; server ini melayani {ours}"),
            format!("jurisdiction_id {asked} was not found; this server serves {ours}"),
        )),
        _ => Ok(()),
    }
}

// ----- Services -------------------------------------------------------------------

/// One service: a complaint kind addressed to an agency category.
#[derive(Debug, Clone)]
struct Service<'c> {
    code: String,
    kind: ComplaintKind,
    category: &'c CategoryId,
    agencies: Vec<&'c AgencyConfig>,
}

/// The kind's name, in Indonesian (the `group` of its services).
fn kind_name(kind: ComplaintKind) -> &'static str {
    match kind {
        ComplaintKind::Pengaduan => "Pengaduan",
        ComplaintKind::Aspirasi => "Aspirasi",
        ComplaintKind::PermintaanInformasi => "Permintaan informasi",
    }
}

/// What a kind is, in both languages.
fn kind_description(kind: ComplaintKind) -> (&'static str, &'static str) {
    match kind {
        ComplaintKind::Pengaduan => {
            ("Pengaduan tentang layanan publik", "A complaint about a public service")
        }
        ComplaintKind::Aspirasi => ("Aspirasi, saran atau usulan", "An aspiration or suggestion"),
        ComplaintKind::PermintaanInformasi => {
            ("Permintaan informasi publik", "A request for public information")
        }
    }
}

fn kind_keywords(kind: ComplaintKind) -> &'static str {
    match kind {
        ComplaintKind::Pengaduan => "pengaduan, keluhan, laporan, layanan publik, complaint",
        ComplaintKind::Aspirasi => "aspirasi, saran, usulan, masukan, suggestion",
        ComplaintKind::PermintaanInformasi => {
            "permintaan informasi, informasi publik, PPID, information request"
        }
    }
}

/// A category's readable name ("OPD Pemprov", "Kabupaten/kota"); an
/// unknown one is its id with spaces.
fn category_name(category: &CategoryId) -> String {
    match category.as_str() {
        "opd" => "OPD Pemprov".to_owned(),
        "uptd" => "UPTD".to_owned(),
        "kabkota" | "kabupaten_kota" | "kabupaten-kota" => "Kabupaten/kota".to_owned(),
        other => {
            let spaced = other.replace(['_', '-'], " ");
            let mut chars = spaced.chars();
            chars
                .next()
                .map_or_else(String::new, |first| first.to_uppercase().collect::<String>() + chars.as_str())
        }
    }
}

/// Every service, kinds in the core's order, categories in the order they
/// first appear among the agencies.
fn services(config: &Config) -> Vec<Service<'_>> {
    let mut categories: Vec<&CategoryId> = Vec::new();
    for agency in &config.agencies {
        if !categories.contains(&&agency.category) {
            categories.push(&agency.category);
        }
    }
    ComplaintKind::ALL
        .iter()
        .flat_map(|&kind| {
            categories.iter().map(move |&category| Service {
                code: format!("{}.{}", kind.code(), category.as_str()),
                kind,
                category,
                agencies: config.agencies.iter().filter(|a| a.category == *category).collect(),
            })
        })
        .collect()
}

impl Service<'_> {
    fn name(&self) -> String {
        format!("{} — {}", kind_name(self.kind), category_name(self.category))
    }

    fn list_record(&self) -> Record {
        let (id, en) = kind_description(self.kind);
        let names: Vec<&str> = self.agencies.iter().map(|a| a.name.as_str()).collect();
        let category = category_name(self.category);
        Record::default()
            .with("service_code", Value::text(self.code.clone()))
            .with("service_name", Value::text(self.name()))
            .with(
                "description",
                Value::text(format!("{id} kepada {category}: {}. / {en} to {category}.", names.join(", "))),
            )
            .with("metadata", Value::Bool(true))
            .with("type", Value::text("realtime"))
            .with("keywords", Value::text(format!("{}, {category}", kind_keywords(self.kind))))
            .with("group", Value::text(kind_name(self.kind)))
    }

    fn definition(&self) -> Record {
        let attribute = |order: i64,
                         code: &str,
                         datatype: &str,
                         required: bool,
                         datatype_description: String,
                         description: String,
                         values: Option<Vec<Record>>| {
            let record = Record::default()
                .with("variable", Value::Bool(true))
                .with("code", Value::text(code))
                .with("datatype", Value::text(datatype))
                .with("required", Value::Bool(required))
                .with("datatype_description", Value::text(datatype_description))
                .with("order", Value::Int(order))
                .with("description", Value::text(description));
            match values {
                Some(values) => record.with("values", Value::List("value", values)),
                None => record,
            }
        };
        let value = |key: &str, name: String| {
            Record::default().with("key", Value::text(key)).with("name", Value::text(name))
        };
        let limits = |id: &str, en: &str| bilingual(id, en);
        let agencies = self.agencies.iter().map(|a| value(a.id.as_str(), a.name.clone())).collect();
        let privacy = Privacy::ALL
            .iter()
            .map(|p| {
                let (id, en) = match p {
                    Privacy::Anonim => (
                        "Anonim: laporan dapat dilihat publik, nama Anda tidak",
                        "Anonymous: the report may be public, your name is not",
                    ),
                    Privacy::Publik => (
                        "Publik: laporan dan nama Anda dapat dilihat publik",
                        "Public: the report and your name may be seen by anyone",
                    ),
                    Privacy::Rahasia => (
                        "Rahasia: laporan tidak dapat dilihat publik",
                        "Confidential: the report is not public",
                    ),
                };
                value(p.code(), bilingual(id, en))
            })
            .collect();
        let date_required = self.kind == ComplaintKind::Pengaduan;
        let attributes = vec![
            attribute(
                1,
                "title",
                "string",
                true,
                limits("10 sampai 150 karakter, satu baris", "10 to 150 characters, one line"),
                bilingual("Judul singkat laporan Anda", "A short title for your report"),
                None,
            ),
            attribute(
                2,
                "agency",
                "singlevaluelist",
                true,
                limits("Pilih satu instansi", "Choose one agency"),
                bilingual("Instansi tujuan laporan", "The agency the report is for"),
                Some(agencies),
            ),
            attribute(
                3,
                "privacy",
                "singlevaluelist",
                true,
                limits("Pilih satu", "Choose one"),
                bilingual("Siapa yang dapat melihat identitas Anda", "Who can see your identity"),
                Some(privacy),
            ),
            attribute(
                4,
                "incident_date",
                "datetime",
                date_required,
                limits(
                    "Tanggal, seperti 2026-03-27, hari ini atau sebelumnya",
                    "A date such as 2026-03-27, today or earlier",
                ),
                bilingual("Tanggal kejadian", "Date of the incident"),
                None,
            ),
        ];
        Record::default()
            .with("service_code", Value::text(self.code.clone()))
            .with("attributes", Value::List("attribute", attributes))
    }
}

async fn get_root<S: Store>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (name, format) = match split_format(&file) {
        Ok(split) => split,
        Err((format, e)) => return e.respond(format),
    };
    let result = async {
        let params = Params::query(query.as_deref())?;
        check_jurisdiction(&state.config, &params)?;
        match name {
            "services" => {
                let records = services(&state.config).iter().map(Service::list_record).collect();
                Ok((StatusCode::OK, Document::List { root: "services", item: "service", records }))
            }
            "requests" => list_requests(&state, &params).await,
            _ => Err(not_found_path(&file)),
        }
    }
    .await;
    respond(format, result)
}

fn not_found_path(file: &str) -> Open311Error {
    Open311Error::one(
        StatusCode::NOT_FOUND,
        format!("Alamat ini tidak ada: {file}"),
        format!("There is nothing at this address: {file}"),
    )
}

async fn service_definition<S: Store>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (code, format) = match split_format(&file) {
        Ok(split) => split,
        Err((format, e)) => return e.respond(format),
    };
    let result = (|| {
        let params = Params::query(query.as_deref())?;
        check_jurisdiction(&state.config, &params)?;
        let all = services(&state.config);
        let service = all.iter().find(|s| s.code == code).ok_or_else(|| unknown_service(code))?;
        Ok((StatusCode::OK, Document::One { root: "service_definition", record: service.definition() }))
    })();
    respond(format, result)
}

fn unknown_service(code: &str) -> Open311Error {
    Open311Error::one(
        StatusCode::NOT_FOUND,
        format!("service_code {code} tidak ditemukan; daftar layanan ada di services.json atau services.xml"),
        format!(
            "service_code {code} was not found; the services are listed at services.json or services.xml"
        ),
    )
}

async fn token<S: Store>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (_, format) = match split_format(&file) {
        Ok(split) => split,
        Err((format, e)) => return e.respond(format),
    };
    let result = (|| {
        let params = Params::query(query.as_deref())?;
        check_jurisdiction(&state.config, &params)?;
        Err(Open311Error::one(
            StatusCode::NOT_FOUND,
            "Token tidak ditemukan: server ini tidak menerbitkan token, karena service_request_id langsung dikembalikan saat laporan dikirim",
            "Token not found: this server issues no tokens, since the service_request_id is returned as soon as a request is submitted",
        ))
    })();
    respond(format, result)
}

/// When this process built its router: the services and definitions are
/// derived from the configuration read at start, so they can only have
/// changed then (the discovery document's `changeset`).
static STARTED: std::sync::OnceLock<DateTime<Utc>> = std::sync::OnceLock::new();

async fn discovery<S: Store>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (name, format) = match split_format(&file) {
        Ok(split) => split,
        Err((format, e)) => return e.respond(format),
    };
    let result = (|| {
        Params::query(query.as_deref())?;
        if name != "discovery" {
            return Err(not_found_path(&file));
        }
        let config = &state.config;
        let changeset = STARTED.get_or_init(Utc::now).format("%Y-%m-%d %H:%M").to_string();
        let url = format!("{}/open311/v2", config.public_url.as_deref().unwrap_or_default());
        let contact = config.open311.contact.clone().unwrap_or_else(|| match &config.public_url {
            Some(url) => bilingual(
                &format!("Hubungi admin koordinator pengaduan di {url}"),
                &format!("Contact the complaint coordinators at {url}"),
            ),
            None => bilingual("Hubungi admin koordinator pengaduan", "Contact the complaint coordinators"),
        });
        let key_service = config.open311.key_service.clone().unwrap_or_else(|| {
            bilingual(
                "Minta api_key kepada admin koordinator pengaduan; membaca tidak memerlukan api_key",
                "Ask the complaint coordinators for an api_key; reading needs none",
            )
        });
        let endpoint = Record::default()
            .with("specification", Value::text("http://wiki.open311.org/GeoReport_v2"))
            .with("url", Value::text(url))
            .with("changeset", Value::text(changeset.clone()))
            .with("type", Value::text("production"))
            .with(
                "formats",
                Value::Texts("format", vec!["text/xml".to_owned(), "application/json".to_owned()]),
            );
        let record = Record::default()
            .with("changeset", Value::text(changeset))
            .with("contact", Value::text(contact))
            .with("key_service", Value::text(key_service))
            .with("endpoints", Value::List("endpoint", vec![endpoint]));
        Ok((StatusCode::OK, Document::One { root: "discovery", record }))
    })();
    respond(format, result)
}

// ----- Requests: reading ------------------------------------------------------------

/// A W3C date-time with a zone: `2010-01-01T00:00:00Z`,
/// `2010-01-01T08:00:00+08:00`, or without seconds.
fn w3c_datetime(field: &str, text: &str) -> Result<DateTime<Utc>, Open311Error> {
    let text = text.trim();
    // `Z` written as an offset, so both forms go through the same parsers.
    let normalised = text.strip_suffix('Z').map_or_else(|| text.to_owned(), |t| format!("{t}+00:00"));
    let parsed = DateTime::parse_from_rfc3339(&normalised)
        .or_else(|_| DateTime::parse_from_str(&normalised, "%Y-%m-%dT%H:%M%:z"));
    parsed.map(|t| t.with_timezone(&Utc)).map_err(|_| {
        Open311Error::bad_request(
            field,
            format!(
                "{text} bukan tanggal dan waktu W3C dengan zona waktu, seperti 2026-03-01T00:00:00+08:00"
            ),
            format!("{text} is not a W3C date and time with a zone, such as 2026-03-01T00:00:00+08:00"),
        )
    })
}

/// The time window of a list: at most [`WINDOW_DAYS`], by default the
/// most recent.
fn window(params: &Params, now: DateTime<Utc>) -> Result<(DateTime<Utc>, DateTime<Utc>), Open311Error> {
    let start = params.get("start_date")?.map(|t| w3c_datetime("start_date", t)).transpose();
    let end = params.get("end_date")?.map(|t| w3c_datetime("end_date", t)).transpose();
    let span = Duration::days(WINDOW_DAYS);
    let (start, end) = match (start, end) {
        (Err(a), Err(b)) => {
            let mut both = a;
            both.descriptions.extend(b.descriptions);
            return Err(both);
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
        (Ok(start), Ok(end)) => (start, end),
    };
    let (from, to) = match (start, end) {
        (Some(start), Some(end)) => (start, end),
        (Some(start), None) => (start, start + span),
        (None, Some(end)) => (end - span, end),
        (None, None) => (now - span, now),
    };
    if from > to {
        return Err(Open311Error::bad_request(
            "start_date",
            "harus sebelum end_date",
            "must be before end_date",
        ));
    }
    if to - from > span {
        return Err(Open311Error::bad_request(
            "end_date",
            format!("rentang start_date sampai end_date paling lama {WINDOW_DAYS} hari"),
            format!("start_date to end_date may span at most {WINDOW_DAYS} days"),
        ));
    }
    Ok((from, to))
}

/// A comma-separated list, trimmed, empty items dropped.
fn list(text: Option<&str>) -> Vec<&str> {
    text.map(|t| t.split(',').map(str::trim).filter(|s| !s.is_empty()).collect()).unwrap_or_default()
}

async fn list_requests<S: Store>(
    state: &AppState<S>,
    params: &Params,
) -> Result<(StatusCode, Document), Open311Error> {
    let config = &state.config;
    let all = services(config);
    let now = (state.now)();
    let tickets = list(params.get("service_request_id")?)
        .into_iter()
        .map(|t| {
            TicketNumber::parse(t).map_err(|e| {
                let e = e.to_field_error();
                Open311Error::bad_request(
                    "service_request_id",
                    format!("{t}: {}", e.message.id),
                    format!("{t}: {}", e.message.en),
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    if tickets.len() > LIST_LIMIT as usize {
        return Err(Open311Error::bad_request(
            "service_request_id",
            format!("paling banyak {LIST_LIMIT} nomor"),
            format!("at most {LIST_LIMIT} ids"),
        ));
    }
    let query = if tickets.is_empty() {
        let mut selected = Vec::new();
        for code in list(params.get("service_code")?) {
            let service = all.iter().find(|s| s.code == code).ok_or_else(|| {
                Open311Error::bad_request(
                    "service_code",
                    format!("{code} tidak dikenal; daftar layanan ada di services.json"),
                    format!("{code} is unknown; the services are listed at services.json"),
                )
            })?;
            selected.push((service.kind, service.agencies.iter().map(|a| a.id.clone()).collect()));
        }
        let mut open = false;
        let mut closed = false;
        for status in list(params.get("status")?) {
            match status {
                "open" => open = true,
                "closed" => closed = true,
                other => {
                    return Err(Open311Error::bad_request(
                        "status",
                        format!("{other} tidak dikenal: gunakan open atau closed"),
                        format!("{other} is unknown: use open or closed"),
                    ));
                }
            }
        }
        let (from, to) = window(params, now)?;
        PublicRequestQuery {
            tickets,
            services: selected,
            closed: (open != closed).then_some(closed),
            from,
            to,
            limit: LIST_LIMIT,
        }
    } else {
        PublicRequestQuery {
            tickets,
            services: Vec::new(),
            closed: None,
            from: now,
            to: now,
            limit: LIST_LIMIT,
        }
    };
    let rows = state.store.public_requests(&query).await?;
    let records = rows.iter().map(|row| request_record(config, &all, row)).collect();
    Ok((StatusCode::OK, Document::List { root: "service_requests", item: "request", records }))
}

async fn one_request<S: Store>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
) -> Response {
    let (id, format) = match split_format(&file) {
        Ok(split) => split,
        Err((format, e)) => return e.respond(format),
    };
    let result = async {
        let params = Params::query(query.as_deref())?;
        check_jurisdiction(&state.config, &params)?;
        let not_found = || {
            Open311Error::one(
                StatusCode::NOT_FOUND,
                format!("service_request_id {id} tidak ditemukan"),
                format!("service_request_id {id} was not found"),
            )
        };
        // A mistyped ticket is simply not found: its check character
        // keeps it from matching someone else's.
        let ticket = TicketNumber::parse(id).map_err(|_| not_found())?;
        let query = PublicRequestQuery {
            tickets: vec![ticket],
            services: Vec::new(),
            closed: None,
            from: DateTime::<Utc>::MIN_UTC,
            to: DateTime::<Utc>::MAX_UTC,
            limit: 1,
        };
        let rows = state.store.public_requests(&query).await?;
        if rows.is_empty() {
            // Unknown and confidential look the same from outside.
            return Err(not_found());
        }
        let all = services(&state.config);
        let records = rows.iter().map(|row| request_record(&state.config, &all, row)).collect();
        Ok((StatusCode::OK, Document::List { root: "service_requests", item: "request", records }))
    }
    .await;
    respond(format, result)
}

/// A W3C date-time with the zone's offset, to the second.
fn w3c(at: DateTime<Utc>, zone: Zone) -> String {
    let offset: FixedOffset = zone.offset();
    at.with_timezone(&offset).to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The status and its latest step, in Indonesian then English; a step
/// named as its status is not repeated.
fn status_notes(row: &PublicRequestRow) -> String {
    let status = row.read_model.status.label();
    let step = row.last_event.action.kind().label();
    let note = |status: &str, step: &str| {
        if status == step { status.to_owned() } else { format!("{status}: {step}") }
    };
    bilingual(&note(&status.id, &step.id), &note(&status.en, &step.en))
}

/// One public request: the summary only (see the module documentation).
fn request_record(config: &Config, services: &[Service<'_>], row: &PublicRequestRow) -> Record {
    let rm = &row.read_model;
    let zone = config.zone_of(rm.agency.as_ref().unwrap_or(&row.requested_agency));
    let service = services
        .iter()
        .find(|s| s.kind == row.kind && s.agencies.iter().any(|a| a.id == row.requested_agency));
    let (code, name) = match service {
        Some(s) => (s.code.clone(), s.name()),
        // The addressed agency left the configuration: the kind alone.
        None => (row.kind.code().to_owned(), kind_name(row.kind).to_owned()),
    };
    let closed = rm.status.is_closed();
    let agency_name =
        |id: &AgencyId| config.agency(id).map_or_else(|| id.as_str().to_owned(), |a| a.name.clone());
    Record::default()
        .with("service_request_id", Value::text(row.ticket.as_str()))
        .with("status", Value::text(if closed { "closed" } else { "open" }))
        .with("status_notes", Value::text(status_notes(row)))
        .with("service_name", Value::text(name))
        .with("service_code", Value::text(code))
        .with("description", Value::text(row.title.clone()))
        .with("agency_responsible", Value::opt(rm.agency.as_ref().map(agency_name)))
        .with("service_notice", Value::Null)
        .with("requested_datetime", Value::text(w3c(row.received_at, zone)))
        .with("updated_datetime", Value::text(w3c(rm.updated_at, zone)))
        .with("expected_datetime", Value::opt(rm.due_at.filter(|_| !closed).map(|due| w3c(due, zone))))
}

// ----- Requests: filing ---------------------------------------------------------------

/// The client whose key `api_key` is, compared by hash.
fn client_of<'c>(config: &'c Config, api_key: Option<&str>) -> Result<&'c Open311Client, Open311Error> {
    let forbidden = |id: &str, en: &str| Open311Error::one(StatusCode::FORBIDDEN, id, en);
    let Some(key) = api_key.map(str::trim).filter(|k| !k.is_empty()) else {
        return Err(forbidden(
            "api_key tidak ada: kirim kunci API aplikasi Anda",
            "api_key is missing: send your application's API key",
        ));
    };
    let hash = sha256_hex(key);
    config.open311.clients.iter().find(|c| constant_time_eq(&c.key_sha256, &hash)).ok_or_else(|| {
        forbidden(
            "api_key tidak dikenal; laporan tidak dibuat",
            "api_key is not recognised; no request was created",
        )
    })
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// Field errors collected before the core's validation, each under the
/// Open311 name of its field.
#[derive(Debug, Default)]
struct FieldErrors(Vec<(String, String)>);

impl FieldErrors {
    fn push(&mut self, field: &str, id: impl AsRef<str>, en: impl AsRef<str>) {
        self.0.push((
            field.to_owned(),
            bilingual(&format!("{field}: {}", id.as_ref()), &format!("{field}: {}", en.as_ref())),
        ));
    }

    fn has(&self, field: &str) -> bool {
        self.0.iter().any(|(f, _)| f == field)
    }
}

/// The Open311 field a core validation error is about.
fn open311_field(core_field: &str) -> &'static str {
    match core_field {
        "kind" => "service_code",
        "title" => "attribute[title]",
        "description" => "description",
        "incident_date" => "attribute[incident_date]",
        "location" => "address_string",
        "coordinates" => "lat",
        "agency" => "attribute[agency]",
        "privacy" => "attribute[privacy]",
        "reporter.name" => "first_name",
        "reporter.email" => "email",
        "reporter.phone" => "phone",
        "reporter" => "email",
        _ => "api_key",
    }
}

const KNOWN_ATTRIBUTES: [&str; 4] = ["title", "agency", "privacy", "incident_date"];

/// The date of `incident_date`: a date, or a date and time whose date in
/// the agency's zone counts.
fn incident_date(text: &str, zone: Zone) -> Option<NaiveDate> {
    let text = text.trim();
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(text).ok().map(|t| zone.local_date(t.with_timezone(&Utc))))
}

/// The complaint input a form describes, with the errors found on the way.
fn complaint_input(
    config: &Config,
    service: &Service<'_>,
    form: &Params,
) -> Result<(ComplaintInput, FieldErrors), Open311Error> {
    let mut errors = FieldErrors::default();
    let mut attributes: Vec<(&str, &str)> = Vec::new();
    for (key, value) in &form.0 {
        let Some(code) = key.strip_prefix("attribute[").and_then(|k| k.strip_suffix(']')) else { continue };
        if !KNOWN_ATTRIBUTES.contains(&code) {
            errors.push(
                key,
                "bukan atribut layanan ini (lihat definisi layanan)",
                "is not an attribute of this service (see its definition)",
            );
            continue;
        }
        if attributes.iter().any(|(c, _)| *c == code) {
            errors.push(
                key,
                "dikirim lebih dari sekali; kirim satu nilai",
                "was sent more than once; send one value",
            );
            continue;
        }
        attributes.push((code, value.as_str()));
    }
    let attribute = |code: &str| attributes.iter().find(|(c, _)| *c == code).map(|(_, v)| v.trim());

    let agency = attribute("agency").unwrap_or_default();
    if !agency.is_empty() && !service.agencies.iter().any(|a| a.id.as_str() == agency) {
        errors.push(
            "attribute[agency]",
            format!("{agency} bukan instansi layanan ini; pilih dari daftar di definisi layanan"),
            format!("{agency} is not an agency of this service; choose one from the service definition"),
        );
    }
    let zone = AgencyId::new(agency).map_or(config.default_zone, |a| config.zone_of(&a));
    let privacy = match attribute("privacy") {
        None => None,
        Some(text) => match Privacy::ALL.iter().find(|p| p.code() == text) {
            Some(p) => Some(*p),
            None => {
                errors.push(
                    "attribute[privacy]",
                    "pilih anonim, publik atau rahasia",
                    "choose anonim, publik or rahasia",
                );
                None
            }
        },
    };
    let date = match attribute("incident_date") {
        None => None,
        Some(text) => match incident_date(text, zone) {
            Some(date) => Some(date),
            None => {
                errors.push(
                    "attribute[incident_date]",
                    format!("{text} bukan tanggal; tulis seperti 2026-03-27"),
                    format!("{text} is not a date; write it like 2026-03-27"),
                );
                None
            }
        },
    };
    let mut coordinates = None;
    let lat = form.get("lat")?;
    let long = form.get("long")?;
    match (lat, long) {
        (None, None) => {}
        (Some(_), None) => errors.push("long", "kirim long bersama lat", "send long together with lat"),
        (None, Some(_)) => errors.push("lat", "kirim lat bersama long", "send lat together with long"),
        (Some(lat_text), Some(long_text)) => {
            let number = |field: &str, text: &str, errors: &mut FieldErrors| {
                let parsed = text.trim().parse::<f64>().ok().filter(|x| x.is_finite());
                if parsed.is_none() {
                    errors.push(
                        field,
                        format!("{text} bukan angka derajat WGS84"),
                        format!("{text} is not a WGS84 number of degrees"),
                    );
                }
                parsed
            };
            let lat = number("lat", lat_text, &mut errors);
            let lon = number("long", long_text, &mut errors);
            if let (Some(lat), Some(lon)) = (lat, lon) {
                coordinates = Some(Coordinates { lat, lon });
            }
        }
    }
    let address = form.get("address_string")?.unwrap_or_default();
    if form.get("address_id")?.is_some() && address.is_empty() && lat.is_none() {
        errors.push(
            "address_id",
            "tidak dapat dipakai di sini karena tidak ada basis data alamat; kirim address_string atau lat dan long",
            "cannot be used here, as there is no address repository; send address_string or lat and long",
        );
    }
    let mut description = form.get("description")?.unwrap_or_default().to_owned();
    if let Some(url) = form.get("media_url")? {
        let url = url.trim();
        let valid = (url.starts_with("https://") || url.starts_with("http://"))
            && url.len() <= MEDIA_URL_MAX
            && !url.chars().any(|c| c.is_whitespace() || c.is_control());
        if valid {
            description = format!("{}\n\nMedia: {url}", description.trim_end());
        } else {
            errors.push(
                "media_url",
                format!("harus alamat http:// atau https:// tanpa spasi, paling panjang {MEDIA_URL_MAX} karakter"),
                format!("must be an http:// or https:// address without spaces, at most {MEDIA_URL_MAX} characters"),
            );
        }
    }
    let name = [form.get("first_name")?, form.get("last_name")?]
        .into_iter()
        .flatten()
        .map(str::trim)
        .collect::<Vec<_>>()
        .join(" ");
    let input = ComplaintInput {
        kind: Some(service.kind),
        title: attribute("title").unwrap_or_default().to_owned(),
        description,
        incident_date: date,
        location: address.to_owned(),
        coordinates,
        agency: agency.to_owned(),
        privacy,
        reporter: ReporterInput {
            name,
            email: form.get("email")?.unwrap_or_default().to_owned(),
            phone: form.get("phone")?.unwrap_or_default().to_owned(),
        },
    };
    Ok((input, errors))
}

/// The idempotency key of a POST: the client's `Idempotency-Key` header
/// (namespaced by client with spaces, which neither another client nor the web form (visible ASCII only) can produce), or a fresh one.
fn idempotency_key(client: &Open311Client, headers: &HeaderMap) -> Result<String, Open311Error> {
    match headers.get("idempotency-key") {
        Some(value) => {
            let key = value.to_str().unwrap_or_default().trim();
            if (16..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()) {
                // A space cannot occur in the web form's keys (visible ASCII
                // only), so no web submission can replay an Open311 one.
                Ok(format!("open311 {} {key}", client.id))
            } else {
                Err(Open311Error::one(
                    StatusCode::BAD_REQUEST,
                    "Idempotency-Key harus 16 sampai 200 karakter ASCII acak yang terlihat (misalnya UUID)",
                    "Idempotency-Key must be 16 to 200 random visible ASCII characters (a UUID, say)",
                ))
            }
        }
        None => {
            let mut bytes = [0u8; 16];
            getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
            Ok(format!("open311 {} {}", client.id, hex::encode(bytes)))
        }
    }
}

/// What the client shows the reporter after filing.
fn service_notice(
    ticket: TicketNumber,
    secret: &AccessSecret,
    due: Option<DateTime<Utc>>,
    zone: Zone,
) -> String {
    let due_id = due
        .map(|d| format!(" Verifikasi paling lambat {}.", aduan_core::format::instant(d, zone, Lang::Id)))
        .unwrap_or_default();
    let due_en = due
        .map(|d| format!(" It will be verified by {}.", aduan_core::format::instant(d, zone, Lang::En)))
        .unwrap_or_default();
    bilingual(
        &format!(
            "Pengaduan diterima dengan nomor tiket {ticket}.{due_id} Kode akses Anda: {}. Simpan kode ini untuk menambah informasi, mengonfirmasi atau menilai penanganan; kode ini tidak dapat ditampilkan lagi.",
            secret.expose()
        ),
        &format!(
            "Complaint received with ticket number {ticket}.{due_en} Your access code: {}. Keep it to add information, confirm or rate the handling; it cannot be shown again.",
            secret.expose()
        ),
    )
}

async fn post_root<S: Store>(
    State(state): State<AppState<S>>,
    Path(file): Path<String>,
    RawQuery(query): RawQuery,
    req: Request,
) -> Response {
    let (name, format) = match split_format(&file) {
        Ok(split) => split,
        Err((format, e)) => return e.respond(format),
    };
    if name != "requests" {
        return not_found_path(&file).respond(format);
    }
    respond(format, create_request(&state, query.as_deref(), req).await)
}

async fn create_request<S: Store>(
    state: &AppState<S>,
    query: Option<&str>,
    req: Request,
) -> Result<(StatusCode, Document), Open311Error> {
    let config = &state.config;
    let client_ip = crate::app::client_ip(&req, &config.limits.trusted_proxies);
    if let Err(wait) = state.limiter.check(client_ip, Instant::now()) {
        let seconds = wait.as_secs().max(1);
        let mut e = Open311Error::one(
            StatusCode::TOO_MANY_REQUESTS,
            format!("Terlalu banyak laporan dari alamat ini. Coba lagi dalam {seconds} detik"),
            format!("Too many requests from this address. Try again in {seconds} seconds"),
        );
        e.retry_after = Some(seconds);
        return Err(e);
    }
    let (parts, body) = req.into_parts();
    let content_type =
        parts.headers.get(header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or_default();
    if !content_type.is_empty()
        && !content_type.to_ascii_lowercase().starts_with("application/x-www-form-urlencoded")
    {
        return Err(Open311Error::one(
            StatusCode::BAD_REQUEST,
            "Kirim isi permintaan sebagai application/x-www-form-urlencoded",
            "Send the request body as application/x-www-form-urlencoded",
        ));
    }
    let bytes: Bytes = axum::body::to_bytes(body, config.limits.body_bytes).await.map_err(|_| {
        Open311Error::one(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("Isi permintaan lebih dari {} byte", config.limits.body_bytes),
            format!("The request body is larger than {} bytes", config.limits.body_bytes),
        )
    })?;
    let form = Params::parse(&bytes)?;
    let query = Params::query(query)?;
    let api_key = match form.get("api_key")? {
        Some(key) => Some(key),
        None => query.get("api_key")?,
    };
    let client = client_of(config, api_key)?;
    check_jurisdiction(config, &form)?;
    check_jurisdiction(config, &query)?;
    let code = form.get("service_code")?.ok_or_else(|| {
        Open311Error::bad_request(
            "service_code",
            "tidak ada: pilih layanan dari services.json",
            "is missing: choose a service from services.json",
        )
    })?;
    let all = services(config);
    let service = all.iter().find(|s| s.code == code).ok_or_else(|| unknown_service(code))?;
    let (input, mut errors) = complaint_input(config, service, &form)?;

    let now = (state.now)();
    let known: Vec<AgencyId> = config.agencies.iter().map(|a| a.id.clone()).collect();
    let zone = AgencyId::new(input.agency.trim()).map_or(config.default_zone, |a| config.zone_of(&a));
    let ctx = ValidationContext { now, zone, known_agencies: Some(&known) };
    let validated = input.validate(client.channel.clone(), &ctx);
    if let Err(core_errors) = &validated {
        for e in core_errors.errors() {
            let field = open311_field(e.field);
            if !errors.has(field) {
                errors.push(field, &e.message.id, &e.message.en);
            }
        }
    }
    if !errors.0.is_empty() {
        return Err(Open311Error {
            status: StatusCode::BAD_REQUEST,
            descriptions: errors.0.into_iter().map(|(_, d)| d).collect(),
            retry_after: None,
        });
    }
    let complaint = validated.map_err(|e| anyhow::anyhow!("validation failed without errors: {e}"))?;

    let key = idempotency_key(client, &parts.headers)?;
    let secret = derive_secret(&state.secret_key, &key);
    let received = received_event(&complaint, Actor::Reporter, now);
    let lifecycle =
        Lifecycle::start(&received).map_err(|e| anyhow::anyhow!("a new complaint does not start: {e}"))?;
    let derived = derive::measure(config, lifecycle, now)?;
    let read_model = derive::read_model(&derived);
    let account_id = Value::opt(form.get("account_id")?.map(str::to_owned));
    let answer = |ticket: TicketNumber, due: Option<DateTime<Utc>>| {
        let record = Record::default()
            .with("service_request_id", Value::text(ticket.as_str()))
            .with("service_notice", Value::text(service_notice(ticket, &secret, due, derived.zone)))
            .with("account_id", account_id.clone());
        (StatusCode::OK, Document::List { root: "service_requests", item: "request", records: vec![record] })
    };
    let stored_key = stored_idempotency_key(&key);
    match crate::app::store_submission(state, &stored_key, &secret, &complaint, &received, &read_model)
        .await?
    {
        crate::app::Stored::Created(ticket) => {
            tracing::info!(%ticket, client = %client.id, agency = %complaint.agency(), "complaint received through Open311");
            Ok(answer(ticket, derived.sla.and_then(|r| r.disposition.due_at)))
        }
        crate::app::Stored::Replayed(ticket) => {
            let record = state
                .store
                .load(&ticket, crate::app::EVERYTHING)
                .await?
                .ok_or_else(|| anyhow::anyhow!("replayed ticket {ticket} vanished"))?;
            if !crate::app::same_submission(&record, &complaint) {
                return Err(Open311Error::one(
                    StatusCode::BAD_REQUEST,
                    "Idempotency-Key ini sudah dipakai untuk laporan lain. Buat kunci baru untuk setiap laporan",
                    "This Idempotency-Key was already used for another request. Make a new key for each request",
                ));
            }
            let first = derive::derive(config, &record.events, now)?;
            Ok(answer(ticket, first.sla.and_then(|r| r.disposition.due_at)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_text_and_drops_what_xml_cannot_hold() {
        let doc = Document::One {
            root: "service_definition",
            record: Record::default().with("service_code", Value::text("<a href=\"x\">&amp;</a>\u{1}")).with(
                "attributes",
                Value::List("attribute", vec![Record::default().with("order", Value::Int(1))]),
            ),
        };
        let xml = String::from_utf8(doc.xml().unwrap()).unwrap();
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"utf-8\"?>"), "{xml}");
        assert!(xml.contains("&lt;a href=&quot;x&quot;&gt;&amp;amp;&lt;/a&gt;</service_code>"), "{xml}");
        assert!(!xml.contains('\u{1}'));
        assert!(xml.contains("<attributes>\n    <attribute>\n      <order>1</order>"), "{xml}");
    }

    #[test]
    fn formats_come_from_the_extension() {
        assert_eq!(split_format("services.json").unwrap(), ("services", Format::Json));
        assert_eq!(split_format("pengaduan.opd.xml").unwrap(), ("pengaduan.opd", Format::Xml));
        for bad in ["services", "services.html", ".json", "services.JSON"] {
            let (format, e) = split_format(bad).unwrap_err();
            assert_eq!((format, e.status()), (Format::Xml, StatusCode::NOT_FOUND), "{bad}");
        }
    }

    #[test]
    fn w3c_datetimes_need_a_zone() {
        let t = |s: &str| w3c_datetime("start_date", s).map(|t| t.to_rfc3339());
        assert_eq!(t("2010-01-01T00:00:00Z").unwrap(), "2010-01-01T00:00:00+00:00");
        assert_eq!(t("2010-01-01T08:00:00+08:00").unwrap(), "2010-01-01T00:00:00+00:00");
        assert_eq!(t("2010-01-01T08:00+08:00").unwrap(), "2010-01-01T00:00:00+00:00");
        assert_eq!(t("2010-01-01T08:00Z").unwrap(), "2010-01-01T08:00:00+00:00");
        for bad in ["2010-01-01", "2010-01-01T00:00:00", "kemarin"] {
            let e = t(bad).unwrap_err();
            assert_eq!(e.status(), StatusCode::BAD_REQUEST);
            assert!(e.descriptions[0].starts_with("start_date: "), "{:?}", e.descriptions);
        }
    }

    #[test]
    fn category_names() {
        let name = |id: &str| category_name(&CategoryId::new(id).unwrap());
        assert_eq!(name("opd"), "OPD Pemprov");
        assert_eq!(name("kabupaten-kota"), "Kabupaten/kota");
        assert_eq!(name("badan-usaha"), "Badan usaha");
    }
}
