//! The server's configuration: the TOML file format, the environment
//! variables that override it, and the resolved, validated [`Config`].
//!
//! # Where it comes from
//!
//! The `aduan` binary reads one TOML file (path from `--config` or
//! `ADUAN_CONFIG`); without one it runs on built-in defaults. Then a few
//! environment variables override the file, so that a container or a
//! systemd unit can change the deployment-specific values without editing
//! it: [`ENV_LISTEN`], [`ENV_DATABASE_URL`], [`ENV_DATA_DIR`],
//! [`ENV_PUBLIC_URL`] and [`ENV_DEFAULT_ZONE`]. An empty variable counts as
//! unset.
//!
//! # The file
//!
//! `server/aduan.example.toml` is the annotated reference, written for
//! Diskominfo Kalimantan Selatan; a test loads it, so it always works. In
//! short (every key optional unless marked required):
//!
//! | key | meaning | default |
//! |---|---|---|
//! | `listen` | IP address and port to serve on | `127.0.0.1:8080` |
//! | `data_dir` | directory for data files | `./data` |
//! | `database_url` | `sqlite:…` or `postgres://…` | `sqlite://<data_dir>/aduan.sqlite3` |
//! | `default_zone` | zone of agencies without one | `WITA` |
//! | `public_url` | base URL used in links | none |
//! | `[[agencies]]` | `id`, `name`, `category` (required), `zone`, `origins` | none |
//! | `[calendar]` | `file = "…json"`, or inline `first_year`, `last_year`, `weekend`, `[[calendar.holidays]]` | Indonesia 2024–2026 |
//! | `[sla]` | `disposition`, `follow_up`, `auto_close`, `response_standard`, `at_risk_percent` | 3, 5, 10, 5, 80 |
//! | `[[awards]]` | award definitions | the complaint-handling preset |
//! | `[[officers]]` | `id`, `name`, `token_sha256` (required), `agency` | none |
//! | `[limits]` | `body_bytes`, `submissions_per_minute`, `submission_burst` | 65536, 6, 3 |
//! | `[auto_close]` | `interval_seconds` | 300 |
//! | `[open311]` | `jurisdiction_id`, `contact`, `key_service`; `[[open311.clients]]`: `id`, `name`, `key_sha256` (required), `channel`, `origin` | the host of `public_url`; no clients |
//!
//! Unknown keys are errors everywhere, so a typo never silently falls back
//! to a default. Dates may be written bare (`date = 2025-08-17`) or quoted.
//!
//! # Errors
//!
//! Every problem is one [`ConfigError`] whose `Display` is a single line
//! naming the file (with line and column when known), the key path and the
//! reason:
//!
//! ```text
//! aduan.toml:14:8: agencies[2].zone: Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00
//! environment: ADUAN_LISTEN: "localhost" is not a socket address; write an IP address and port such as 127.0.0.1:8080 or [::]:8080
//! ```

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::net::{Ipv6Addr, SocketAddr};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::time::Duration;

use aduan_core::award::{AwardDefinition, AwardError, EligibilityRule, complaint_handling};
use aduan_core::calendar::{Calendar, CalendarError, CalendarSpec, WorkingDays};
use aduan_core::sla::SlaPolicy;
use aduan_core::{AgencyId, CategoryId, Zone};
use serde::Deserialize;
use serde::de::IgnoredAny;
use sha2::{Digest, Sha256};
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

/// Overrides `listen`.
pub const ENV_LISTEN: &str = "ADUAN_LISTEN";
/// Overrides `database_url`.
pub const ENV_DATABASE_URL: &str = "ADUAN_DATABASE_URL";
/// Overrides `data_dir`.
pub const ENV_DATA_DIR: &str = "ADUAN_DATA_DIR";
/// Overrides `public_url`.
pub const ENV_PUBLIC_URL: &str = "ADUAN_PUBLIC_URL";
/// Overrides `default_zone`.
pub const ENV_DEFAULT_ZONE: &str = "ADUAN_DEFAULT_ZONE";
/// Names the configuration file when `--config` is not given; read by the
/// binary's argument parser, not by [`Config::load`].
pub const ENV_CONFIG: &str = "ADUAN_CONFIG";

/// The address served on when nothing says otherwise: local only, so a
/// fresh install is not exposed before it is configured.
const DEFAULT_LISTEN: &str = "127.0.0.1:8080";
const DEFAULT_DATA_DIR: &str = "./data";
const SQLITE_FILE: &str = "aduan.sqlite3";
/// The smallest request body limit accepted: a complaint does not fit in less.
const MIN_BODY_BYTES: usize = 1024;
const MAX_ID_LEN: usize = 64;

/// The server's configuration, resolved: defaults filled in, environment
/// overrides applied, every value checked.
///
/// # Example
/// ```
/// use aduan_server::config::{Config, ConfigSource};
/// use aduan_core::Zone;
///
/// let config = Config::load(None, &|_| None).unwrap();
/// assert_eq!(config.source, ConfigSource::Defaults);
/// assert_eq!(config.listen.to_string(), "127.0.0.1:8080");
/// assert_eq!(config.database_url, "sqlite://./data/aduan.sqlite3");
/// assert_eq!(config.default_zone, Zone::WITA);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Config {
    /// The socket address to serve on.
    pub listen: SocketAddr,
    /// The directory for data files (the SQLite database by default);
    /// relative to the server's working directory.
    pub data_dir: PathBuf,
    /// The database: `sqlite:…` or `postgres://…`; see [`Config::database`].
    pub database_url: String,
    /// The zone of agencies that do not name one.
    pub default_zone: Zone,
    /// The public base URL used in links (no trailing `/`), if configured.
    pub public_url: Option<String>,
    /// The agencies, in file order.
    pub agencies: Vec<AgencyConfig>,
    /// The working-day calendar.
    pub calendar: Calendar,
    /// The deadlines.
    pub sla: SlaPolicy,
    /// The awards, each valid.
    pub awards: Vec<AwardDefinition>,
    /// The officers who may sign in, in file order.
    pub officers: Vec<OfficerConfig>,
    /// Limits on what citizens may send.
    pub limits: Limits,
    /// How often the server looks for complaints due to close automatically.
    pub auto_close_interval: Duration,
    /// The Open311 GeoReport v2 endpoint (`/open311/v2/`).
    pub open311: Open311Config,
    /// Where the configuration came from.
    pub source: ConfigSource,
}

/// Where a [`Config`] came from, so the server can say so when it starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConfigSource {
    /// A configuration file, as named on the command line.
    File(PathBuf),
    /// No file: built-in defaults (and the environment).
    Defaults,
}

impl fmt::Display for ConfigSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::File(path) => write!(f, "{}", path.display()),
            Self::Defaults => f.write_str("built-in defaults"),
        }
    }
}

/// One agency that receives complaints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgencyConfig {
    /// Its slug, unique in the deployment, e.g. `dinkes`.
    pub id: AgencyId,
    /// Its official name, e.g. `Dinas Kesehatan`.
    pub name: String,
    /// Its award category, e.g. `opd`, `uptd` or `kabupaten-kota`.
    pub category: CategoryId,
    /// The zone its working days are counted in.
    pub zone: Zone,
    /// The web origins allowed to embed its complaint form, each
    /// `scheme://host[:port]` exactly as browsers send it.
    pub origins: Vec<String>,
}

/// One officer: an admin koordinator, or an admin penghubung of one agency.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficerConfig {
    /// Stable id, e.g. `koordinator` or `penghubung-dinkes`.
    pub id: String,
    /// Display name.
    pub name: String,
    /// `None` for an admin koordinator; the agency of an admin penghubung.
    pub agency: Option<AgencyId>,
    /// The SHA-256 of the officer's bearer token, 64 lowercase hex digits
    /// (see [`hash_token`]); the token itself is never configured.
    pub token_sha256: String,
}

/// The Open311 GeoReport v2 endpoint's settings (`[open311]`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Open311Config {
    /// The `jurisdiction_id` this server answers to: a request naming
    /// another one is a 404. `None` (no `public_url` and none configured):
    /// the parameter is accepted and ignored, as the specification allows
    /// an endpoint serving one jurisdiction to do.
    pub jurisdiction_id: Option<String>,
    /// The applications allowed to submit requests, each with its API key.
    pub clients: Vec<Open311Client>,
    /// How to reach the people running the endpoint, for the discovery
    /// document's `contact`; `None`: a generic text naming `public_url`.
    pub contact: Option<String>,
    /// How to get an API key, for the discovery document's `key_service`;
    /// `None`: a generic text.
    pub key_service: Option<String>,
}

/// One application allowed to `POST requests.{format}` (`[[open311.clients]]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Open311Client {
    /// Stable id, e.g. `banjarmasin-311`.
    pub id: String,
    /// Display name, for logs.
    pub name: String,
    /// The SHA-256 of the client's `api_key`, 64 lowercase hex digits (see
    /// [`hash_token`]); the key itself is never configured.
    pub key_sha256: String,
    /// The channel its complaints are recorded as: a web form on
    /// `origin` (`web_widget`, the default), or the channel the
    /// application relays, such as `whats_app` for a chat bot.
    pub channel: aduan_core::Channel,
}

/// Limits on what citizens may send.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// The largest request body accepted, in bytes.
    pub body_bytes: usize,
    /// Submissions allowed per client per minute, on average.
    pub submissions_per_minute: u32,
    /// Submissions a client may make in a quick burst.
    pub submission_burst: u32,
    /// Addresses of reverse proxies in front of the server. A request from
    /// one of them is counted against the client address it names in
    /// `X-Forwarded-For` (the rightmost address that is not itself a
    /// trusted proxy); without this, every citizen behind the proxy would
    /// share one rate-limit bucket.
    pub trusted_proxies: Vec<std::net::IpAddr>,
}

impl Default for Limits {
    /// 64 KiB bodies; 6 submissions a minute with bursts of 3.
    fn default() -> Self {
        Self {
            body_bytes: 64 * 1024,
            submissions_per_minute: 6,
            submission_burst: 3,
            trusted_proxies: Vec::new(),
        }
    }
}

/// Which database a [`Config::database_url`] selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatabaseKind {
    /// An embedded SQLite file (`sqlite:…`).
    Sqlite,
    /// A PostgreSQL server (`postgres://…` or `postgresql://…`).
    Postgres,
}

impl DatabaseKind {
    fn of(url: &str) -> Option<Self> {
        if url.starts_with("sqlite:") {
            Some(Self::Sqlite)
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Some(Self::Postgres)
        } else {
            None
        }
    }
}

impl Default for Config {
    /// The built-in defaults: what [`Config::load`] gives with no file and
    /// an empty environment.
    fn default() -> Self {
        let data_dir = PathBuf::from(DEFAULT_DATA_DIR);
        Self {
            listen: DEFAULT_LISTEN.parse().expect("the default address parses"),
            database_url: default_database_url(&data_dir),
            data_dir,
            default_zone: Zone::WITA,
            public_url: None,
            agencies: Vec::new(),
            calendar: Calendar::indonesia(),
            sla: SlaPolicy::default(),
            awards: vec![complaint_handling()],
            officers: Vec::new(),
            limits: Limits::default(),
            auto_close_interval: Duration::from_secs(300),
            open311: Open311Config::default(),
            source: ConfigSource::Defaults,
        }
    }
}

impl Config {
    /// Reads the configuration file at `path` (or takes the built-in
    /// defaults when `None`), applies the environment overrides read through
    /// `env`, and checks everything.
    ///
    /// `env` is injected so tests need not touch the process environment;
    /// the binary passes `&|name| std::env::var(name).ok()`.
    ///
    /// # Errors
    /// A [`ConfigError`] for the first problem found: an unreadable file,
    /// a TOML syntax error, an unknown key, a value of the wrong type or
    /// out of range, a bad environment variable, or an inconsistency
    /// (duplicate ids, an officer of an unconfigured agency…).
    ///
    /// # Example
    /// ```
    /// use aduan_server::config::Config;
    ///
    /// let env = |name: &str| (name == "ADUAN_LISTEN").then(|| "0.0.0.0:9000".to_owned());
    /// let config = Config::load(None, &env).unwrap();
    /// assert_eq!(config.listen.port(), 9000);
    ///
    /// let err = Config::load(Some("/nonexistent/aduan.toml".as_ref()), &|_| None).unwrap_err();
    /// assert!(err.to_string().starts_with("/nonexistent/aduan.toml: cannot read the configuration file: "));
    /// ```
    pub fn load(path: Option<&Path>, env: &dyn Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let Some(path) = path else {
            return resolve(RawConfig::default(), None, env);
        };
        let text = std::fs::read_to_string(path).map_err(|e| ConfigError {
            place: Place::File { path: path.to_owned(), line_column: None },
            key: None,
            reason: format!("cannot read the configuration file: {e}"),
        })?;
        Self::from_toml_str(&text, path, env)
    }

    /// Parses `text` as if read from the file at `path`: `path` names the
    /// file in error messages and is the base of a relative calendar file.
    ///
    /// # Errors
    /// As [`Config::load`], apart from reading the file.
    ///
    /// # Example
    /// ```
    /// use std::path::Path;
    /// use aduan_server::config::{Config, ConfigSource};
    ///
    /// let text = r#"
    /// [[agencies]]
    /// id = "dinkes"
    /// name = "Dinas Kesehatan"
    /// category = "opd"
    /// zone = "WITA+1"
    /// "#;
    /// let err = Config::from_toml_str(text, Path::new("aduan.toml"), &|_| None).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "aduan.toml:6:8: agencies[0].zone: Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00",
    /// );
    ///
    /// let config = Config::from_toml_str(&text.replace("WITA+1", "WITA"), Path::new("aduan.toml"), &|_| None).unwrap();
    /// assert_eq!(config.source, ConfigSource::File("aduan.toml".into()));
    /// assert_eq!(config.agencies[0].name, "Dinas Kesehatan");
    /// ```
    pub fn from_toml_str(
        text: &str,
        path: &Path,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let mut file = FileContext { path: path.to_owned(), text, root: DeTable::new() };
        let mut root = DeTable::parse(text).map_err(|e| file.toml_error(&e))?.into_inner();
        for (_, value) in root.iter_mut() {
            dates_as_strings(value.get_mut());
        }
        file.root = root;
        let raw = RawConfig::deserialize(toml::de::Deserializer::from(Spanned::new(
            0..text.len(),
            file.root.clone(),
        )))
        .map_err(|e| file.toml_error(&e))?;
        resolve(raw, Some(&file), env)
    }

    /// The configured agency with this id.
    ///
    /// # Example
    /// ```
    /// use aduan_server::config::Config;
    /// use aduan_core::AgencyId;
    /// assert!(Config::default().agency(&AgencyId::new("dinkes").unwrap()).is_none());
    /// ```
    #[must_use]
    pub fn agency(&self, id: &AgencyId) -> Option<&AgencyConfig> {
        self.agencies.iter().find(|a| &a.id == id)
    }

    /// The zone an agency's working days are counted in: its own, or the
    /// default zone for an agency that is not configured.
    ///
    /// # Example
    /// ```
    /// use aduan_server::config::Config;
    /// use aduan_core::{AgencyId, Zone};
    /// assert_eq!(Config::default().zone_of(&AgencyId::new("dinkes").unwrap()), Zone::WITA);
    /// ```
    #[must_use]
    pub fn zone_of(&self, id: &AgencyId) -> Zone {
        self.agency(id).map_or(self.default_zone, |a| a.zone)
    }

    /// Which database [`database_url`](Self::database_url) selects.
    ///
    /// # Example
    /// ```
    /// use aduan_server::config::{Config, DatabaseKind};
    /// let env = |name: &str| (name == "ADUAN_DATABASE_URL").then(|| "postgres://aduan@db/aduan".to_owned());
    /// assert_eq!(Config::load(None, &env).unwrap().database(), DatabaseKind::Postgres);
    /// assert_eq!(Config::default().database(), DatabaseKind::Sqlite);
    /// ```
    #[must_use]
    pub fn database(&self) -> DatabaseKind {
        DatabaseKind::of(&self.database_url).expect("checked when the configuration was loaded")
    }
}

/// The hex SHA-256 of an officer's bearer token: what `token_sha256` holds.
///
/// # Example
/// ```
/// use aduan_server::config::hash_token;
/// assert_eq!(hash_token("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
/// ```
#[must_use]
pub fn hash_token(token: &str) -> String {
    hex::encode(Sha256::digest(token.as_bytes()))
}

/// Why the configuration cannot be used: where (file, line and column, or
/// environment variable), which key, and what is wrong.
///
/// Its `Display` is one line, `file[:line:column]: key: reason` or
/// `environment: VARIABLE: reason`.
///
/// # Example
/// ```
/// use aduan_server::config::Config;
///
/// let env = |name: &str| (name == "ADUAN_DEFAULT_ZONE").then(|| "Mars".to_owned());
/// let err = Config::load(None, &env).unwrap_err();
/// assert_eq!(err.key(), Some("ADUAN_DEFAULT_ZONE"));
/// assert!(err.is_env());
/// assert_eq!(
///     err.to_string(),
///     "environment: ADUAN_DEFAULT_ZONE: Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    place: Place,
    key: Option<String>,
    reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Place {
    File { path: PathBuf, line_column: Option<(usize, usize)> },
    Env,
}

impl ConfigError {
    /// The configuration file at fault, if the error is in a file.
    #[must_use]
    pub fn file(&self) -> Option<&Path> {
        match &self.place {
            Place::File { path, .. } => Some(path),
            Place::Env => None,
        }
    }

    /// The 1-based line and column in the file, when known.
    #[must_use]
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match &self.place {
            Place::File { line_column, .. } => *line_column,
            Place::Env => None,
        }
    }

    /// The key path (e.g. `agencies[2].zone`) or the environment variable
    /// at fault; `None` for an unreadable file or a syntax error.
    #[must_use]
    pub fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// What is wrong, in English.
    #[must_use]
    pub fn reason(&self) -> &str {
        &self.reason
    }

    /// Whether an environment variable is at fault.
    #[must_use]
    pub fn is_env(&self) -> bool {
        self.place == Place::Env
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::File { path, line_column } => {
                write!(f, "{}", path.display())?;
                if let Some((line, column)) = line_column {
                    write!(f, ":{line}:{column}")?;
                }
            }
            Place::Env => f.write_str("environment")?,
        }
        if let Some(key) = &self.key {
            write!(f, ": {key}")?;
        }
        write!(f, ": {}", self.reason)
    }
}

impl std::error::Error for ConfigError {}

// ---------------------------------------------------------------------------
// The file as written.

/// The file as written; every table rejects unknown keys.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "the settings of the configuration file")]
struct RawConfig {
    listen: Option<String>,
    data_dir: Option<PathBuf>,
    database_url: Option<String>,
    default_zone: Option<Zone>,
    public_url: Option<String>,
    #[serde(default)]
    agencies: Vec<RawAgency>,
    /// Read separately from the parsed document: its two forms (a file or
    /// the core's `CalendarSpec` inline) need a look before deserializing.
    #[serde(rename = "calendar")]
    _calendar: Option<IgnoredAny>,
    sla: Option<RawSla>,
    awards: Option<Vec<AwardDefinition>>,
    #[serde(default)]
    officers: Vec<RawOfficer>,
    limits: Option<RawLimits>,
    auto_close: Option<RawAutoClose>,
    open311: Option<RawOpen311>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an agency table: id, name, category, zone, origins")]
struct RawAgency {
    id: AgencyId,
    name: String,
    category: CategoryId,
    zone: Option<Zone>,
    #[serde(default)]
    origins: Vec<String>,
}

/// `SlaPolicy` field by field, each optional. The core's own `Deserialize`
/// checks the values too, but reports a failed check without the key it is
/// about; reading the fields here lets the error point at the line. A unit
/// test keeps the two field lists equal.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a [sla] table of working days")]
struct RawSla {
    disposition: Option<WorkingDays>,
    follow_up: Option<WorkingDays>,
    auto_close: Option<WorkingDays>,
    response_standard: Option<WorkingDays>,
    at_risk_percent: Option<u8>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an officer table: id, name, agency, token_sha256")]
struct RawOfficer {
    id: String,
    name: String,
    agency: Option<AgencyId>,
    token_sha256: String,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a [limits] table")]
struct RawLimits {
    body_bytes: Option<usize>,
    submissions_per_minute: Option<u32>,
    submission_burst: Option<u32>,
    #[serde(default)]
    trusted_proxies: Vec<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "an [open311] table: jurisdiction_id, contact, key_service, clients"
)]
struct RawOpen311 {
    jurisdiction_id: Option<String>,
    contact: Option<String>,
    key_service: Option<String>,
    #[serde(default)]
    clients: Vec<RawOpen311Client>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an Open311 client table: id, name, key_sha256, channel, origin")]
struct RawOpen311Client {
    id: String,
    name: String,
    key_sha256: String,
    channel: Option<String>,
    origin: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an [auto_close] table")]
struct RawAutoClose {
    interval_seconds: Option<u64>,
}

/// `[calendar]` in its file form.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a [calendar] table")]
struct RawCalendarFile {
    file: PathBuf,
}

/// TOML has its own date type, while the core reads dates from strings:
/// writing the dates as strings lets both `2025-08-17` and `"2025-08-17"` work.
fn dates_as_strings(value: &mut DeValue<'_>) {
    match value {
        DeValue::Datetime(date) => {
            let text = date.to_string();
            *value = DeValue::String(Cow::Owned(text));
        }
        DeValue::Array(items) => items.iter_mut().for_each(|v| dates_as_strings(v.get_mut())),
        DeValue::Table(table) => table.iter_mut().for_each(|(_, v)| dates_as_strings(v.get_mut())),
        _ => {}
    }
}

// ---------------------------------------------------------------------------
// Key paths and locations.

/// A path to a value in the document, e.g. `agencies[2].zone`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct KeyPath(Vec<Segment>);

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

impl KeyPath {
    /// Parses a path written like `sla.follow_up` or `criteria[0].metric`.
    fn parse(text: &str) -> Self {
        let mut path = Self::default();
        for part in text.split('.') {
            let (key, mut indices) = part.split_once('[').map_or((part, ""), |(k, rest)| (k, rest));
            if !key.is_empty() {
                path = path.key(key);
            }
            while let Some((index, rest)) = indices.split_once(']') {
                if let Ok(i) = index.parse() {
                    path = path.index(i);
                }
                indices = rest.strip_prefix('[').unwrap_or(rest);
            }
        }
        path
    }

    fn key(mut self, key: &str) -> Self {
        self.0.push(Segment::Key(key.to_owned()));
        self
    }

    fn index(mut self, index: usize) -> Self {
        self.0.push(Segment::Index(index));
        self
    }

    fn join(mut self, other: Self) -> Self {
        self.0.extend(other.0);
        self
    }
}

impl fmt::Display for KeyPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) => {
                    if i > 0 {
                        f.write_str(".")?;
                    }
                    let bare = !key.is_empty()
                        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
                    if bare { f.write_str(key)? } else { write!(f, "{key:?}")? }
                }
            }
        }
        Ok(())
    }
}

/// The configuration file being resolved: its name, text and parsed
/// document, to turn spans into key paths and key paths into positions.
struct FileContext<'t> {
    path: PathBuf,
    text: &'t str,
    root: DeTable<'t>,
}

impl FileContext<'_> {
    /// An error at a key path, located in the file when the key is there.
    fn error(&self, key: &KeyPath, reason: impl Into<String>) -> ConfigError {
        let line_column = self.locate(key).map(|span| self.line_column(span.start));
        ConfigError {
            place: Place::File { path: self.path.clone(), line_column },
            key: Some(key.to_string()),
            reason: reason.into(),
        }
    }

    /// A TOML syntax error (no key) or deserialization error (keyed by the
    /// deepest key or value its span falls in).
    fn toml_error(&self, e: &toml::de::Error) -> ConfigError {
        let span = e.span();
        let key = span.clone().map(|s| self.path_at(&s)).filter(|k| !k.0.is_empty());
        ConfigError {
            place: Place::File {
                path: self.path.clone(),
                line_column: span.map(|s| self.line_column(s.start)),
            },
            key: key.map(|k| k.to_string()),
            reason: e.message().trim_end().to_owned(),
        }
    }

    /// The 1-based line and column (in characters) of a byte offset.
    fn line_column(&self, offset: usize) -> (usize, usize) {
        let before = self.text.get(..offset).unwrap_or(self.text);
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        (before.matches('\n').count() + 1, before[line_start..].chars().count() + 1)
    }

    /// The span of the value at `key`, if the file has it.
    fn locate(&self, key: &KeyPath) -> Option<Range<usize>> {
        let mut segments = key.0.iter();
        let Some(Segment::Key(first)) = segments.next() else { return None };
        let mut value = table_get(&self.root, first)?;
        for segment in segments {
            value = match (segment, value.get_ref()) {
                (Segment::Key(k), DeValue::Table(t)) => table_get(t, k)?,
                (Segment::Index(i), DeValue::Array(a)) => a.get(*i)?,
                _ => return None,
            };
        }
        Some(value.span())
    }

    /// The deepest key path whose key or value contains `span`.
    fn path_at(&self, span: &Range<usize>) -> KeyPath {
        let mut best = KeyPath::default();
        let mut here = KeyPath::default();
        for (k, v) in self.root.iter() {
            here.0.push(Segment::Key(k.get_ref().to_string()));
            visit(&mut here, Some(k.span()), v, span, &mut best);
            here.0.pop();
        }
        best
    }
}

/// Records `here` as the best match if it contains `span` and is deeper,
/// then looks inside.
fn visit(
    here: &mut KeyPath,
    key_span: Option<Range<usize>>,
    value: &Spanned<DeValue<'_>>,
    span: &Range<usize>,
    best: &mut KeyPath,
) {
    let contains = |outer: &Range<usize>| outer.start <= span.start && span.end <= outer.end;
    let hit = contains(&value.span()) || key_span.is_some_and(|k| contains(&k));
    if hit && here.0.len() > best.0.len() {
        *best = here.clone();
    }
    match value.get_ref() {
        DeValue::Table(table) => {
            for (k, v) in table.iter() {
                here.0.push(Segment::Key(k.get_ref().to_string()));
                visit(here, Some(k.span()), v, span, best);
                here.0.pop();
            }
        }
        DeValue::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                here.0.push(Segment::Index(i));
                visit(here, None, v, span, best);
                here.0.pop();
            }
        }
        _ => {}
    }
}

fn table_get<'a, 't>(table: &'a DeTable<'t>, key: &str) -> Option<&'a Spanned<DeValue<'t>>> {
    table.iter().find(|(k, _)| k.get_ref().as_ref() == key).map(|(_, v)| v)
}

// ---------------------------------------------------------------------------
// Resolution.

/// Reports errors at key paths of the file. Without a file every value is
/// a default or from the environment (which reports its own errors), so the
/// second arm only exists to keep the types simple; `defaults_without_a_file`
/// in the tests shows the defaults are valid.
struct Errors<'a, 't>(Option<&'a FileContext<'t>>);

impl Errors<'_, '_> {
    fn at(&self, key: &KeyPath, reason: impl Into<String>) -> ConfigError {
        match self.0 {
            Some(file) => file.error(key, reason),
            None => ConfigError {
                place: Place::File { path: PathBuf::from("(built-in defaults)"), line_column: None },
                key: Some(key.to_string()),
                reason: reason.into(),
            },
        }
    }
}

fn env_error(var: &str, reason: impl Into<String>) -> ConfigError {
    ConfigError { place: Place::Env, key: Some(var.to_owned()), reason: reason.into() }
}

/// A value from the environment if set (and not empty), else from the file.
enum Given<T> {
    Env(&'static str, String),
    File(T),
}

fn pick<T>(env: &dyn Fn(&str) -> Option<String>, var: &'static str, file: Option<T>) -> Option<Given<T>> {
    match env(var).filter(|v| !v.is_empty()) {
        Some(value) => Some(Given::Env(var, value)),
        None => file.map(Given::File),
    }
}

fn resolve(
    raw: RawConfig,
    file: Option<&FileContext<'_>>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Config, ConfigError> {
    let errors = Errors(file);
    let key = |k: &str| KeyPath::default().key(k);
    let defaults = Config::default();

    let listen = match pick(env, ENV_LISTEN, raw.listen) {
        Some(Given::Env(var, v)) => parse_listen(&v).map_err(|r| env_error(var, r))?,
        Some(Given::File(v)) => parse_listen(&v).map_err(|r| errors.at(&key("listen"), r))?,
        None => defaults.listen,
    };
    let data_dir = match pick(env, ENV_DATA_DIR, raw.data_dir) {
        Some(Given::Env(_, v)) => PathBuf::from(v),
        Some(Given::File(v)) if v.as_os_str().is_empty() => {
            return Err(errors.at(&key("data_dir"), "must not be empty"));
        }
        Some(Given::File(v)) => v,
        None => defaults.data_dir,
    };
    let database_url = match pick(env, ENV_DATABASE_URL, raw.database_url) {
        Some(Given::Env(var, v)) => check_database_url(v).map_err(|r| env_error(var, r))?,
        Some(Given::File(v)) => check_database_url(v).map_err(|r| errors.at(&key("database_url"), r))?,
        None => default_database_url(&data_dir),
    };
    let default_zone = match pick(env, ENV_DEFAULT_ZONE, raw.default_zone) {
        Some(Given::Env(var, v)) => Zone::parse(&v).map_err(|e| env_error(var, e.message.en))?,
        Some(Given::File(zone)) => zone,
        None => defaults.default_zone,
    };
    let public_url = match pick(env, ENV_PUBLIC_URL, raw.public_url) {
        Some(Given::Env(var, v)) => Some(parse_public_url(&v).map_err(|r| env_error(var, r))?),
        Some(Given::File(v)) => Some(parse_public_url(&v).map_err(|r| errors.at(&key("public_url"), r))?),
        None => None,
    };

    let agencies = resolve_agencies(raw.agencies, default_zone, &errors)?;
    let calendar = match file {
        Some(file) => resolve_calendar(file)?,
        None => defaults.calendar,
    };
    let sla = resolve_sla(&raw.sla.unwrap_or_default(), &errors)?;
    let awards = match raw.awards {
        Some(awards) => resolve_awards(awards, &errors)?,
        None => defaults.awards,
    };
    let officers = resolve_officers(raw.officers, &agencies, &errors)?;

    let raw_limits = raw.limits.unwrap_or_default();
    let limits = Limits {
        body_bytes: raw_limits.body_bytes.unwrap_or(defaults.limits.body_bytes),
        submissions_per_minute: raw_limits
            .submissions_per_minute
            .unwrap_or(defaults.limits.submissions_per_minute),
        submission_burst: raw_limits.submission_burst.unwrap_or(defaults.limits.submission_burst),
        trusted_proxies: {
            let mut proxies = Vec::new();
            for (i, text) in raw_limits.trusted_proxies.iter().enumerate() {
                let Ok(ip) = text.trim().parse::<std::net::IpAddr>() else {
                    let reason = format!("{text:?} is not an IP address such as 127.0.0.1 or ::1");
                    return Err(errors.at(&key("limits").key("trusted_proxies").index(i), reason));
                };
                proxies.push(ip);
            }
            proxies
        },
    };
    if limits.body_bytes < MIN_BODY_BYTES {
        let reason = format!("must be at least {MIN_BODY_BYTES} bytes: a complaint does not fit in less");
        return Err(errors.at(&key("limits").key("body_bytes"), reason));
    }
    for (name, value) in [
        ("submissions_per_minute", limits.submissions_per_minute),
        ("submission_burst", limits.submission_burst),
    ] {
        if value == 0 {
            return Err(errors.at(&key("limits").key(name), "must be at least 1"));
        }
    }
    let interval_seconds = raw.auto_close.unwrap_or_default().interval_seconds;
    let auto_close_interval = match interval_seconds {
        Some(0) => return Err(errors.at(&key("auto_close").key("interval_seconds"), "must be at least 1")),
        Some(seconds) => Duration::from_secs(seconds),
        None => defaults.auto_close_interval,
    };
    let open311 =
        resolve_open311(raw.open311.unwrap_or_default(), public_url.as_deref(), &officers, &errors)?;

    Ok(Config {
        listen,
        data_dir,
        database_url,
        default_zone,
        public_url,
        agencies,
        calendar,
        sla,
        awards,
        officers,
        limits,
        auto_close_interval,
        open311,
        source: file.map_or(ConfigSource::Defaults, |f| ConfigSource::File(f.path.clone())),
    })
}

fn default_database_url(data_dir: &Path) -> String {
    format!("sqlite://{}", data_dir.join(SQLITE_FILE).display())
}

fn parse_listen(text: &str) -> Result<SocketAddr, String> {
    text.trim().parse().map_err(|_| {
        format!(
            "{text:?} is not a socket address; write an IP address and port such as 127.0.0.1:8080 or [::]:8080"
        )
    })
}

/// Checks the scheme only, and never repeats the URL: it may hold a password.
fn check_database_url(url: String) -> Result<String, String> {
    match DatabaseKind::of(&url) {
        Some(_) => Ok(url),
        None => Err("must start with sqlite: (SQLite) or postgres:// (PostgreSQL)".to_owned()),
    }
}

fn parse_public_url(text: &str) -> Result<String, String> {
    let bad = || {
        format!(
            "{text:?} is not a base URL such as https://lapor.example.go.id or https://example.go.id/aduan"
        )
    };
    let (scheme, rest) = text.split_once("://").ok_or_else(bad)?;
    if scheme != "https" && scheme != "http" {
        return Err(bad());
    }
    if rest.contains(['?', '#', ' ']) {
        return Err(format!("{text:?} must not have a query, a fragment or spaces"));
    }
    let (authority, _path) = rest.split_once('/').unwrap_or((rest, ""));
    check_authority(scheme, authority).map_err(|reason| format!("{text:?}: {reason}"))?;
    Ok(text.trim_end_matches('/').to_owned())
}

/// Checks an embedding origin: `scheme://host[:port]`, exactly as a
/// browser writes it in its `Origin` header, since that is what it is
/// compared with.
fn parse_origin(text: &str) -> Result<String, String> {
    let Some((scheme, rest)) = text.split_once("://") else {
        return Err(format!("{text:?} is not an origin such as https://dinkes.kalselprov.go.id"));
    };
    if scheme != "https" && scheme != "http" {
        return Err(format!("{text:?} must start with https:// or http://"));
    }
    if rest.contains(['/', '?', '#']) {
        return Err(format!(
            "{text:?} is not just scheme://host[:port]; an origin has no path, not even a trailing /"
        ));
    }
    check_authority(scheme, rest).map_err(|reason| format!("{text:?}: {reason}"))?;
    Ok(text.to_owned())
}

/// Checks `host[:port]` of an http(s) URL.
fn check_authority(scheme: &str, authority: &str) -> Result<(), String> {
    if authority.contains('@') {
        return Err("user names and passwords do not belong here".to_owned());
    }
    let (host, port) = if let Some(v6) = authority.strip_prefix('[') {
        let (addr, rest) = v6.split_once(']').ok_or("an IPv6 address needs its closing ]")?;
        addr.parse::<Ipv6Addr>().map_err(|_| format!("[{addr}] is not an IPv6 address"))?;
        let port = match rest {
            "" => None,
            _ => Some(rest.strip_prefix(':').ok_or("only :port may follow an IPv6 address")?),
        };
        (None, port)
    } else {
        match authority.rsplit_once(':') {
            Some((host, port)) => (Some(host), Some(port)),
            None => (Some(authority), None),
        }
    };
    if let Some(host) = host {
        if host.is_empty() {
            return Err("the host is missing".to_owned());
        }
        if host.chars().any(|c| c.is_ascii_uppercase()) {
            return Err("write the host in lowercase, as browsers send it".to_owned());
        }
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        };
        if !host.split('.').all(label_ok) {
            return Err(format!("{host:?} is not a host name"));
        }
    }
    if let Some(port) = port {
        let default = if scheme == "https" { "443" } else { "80" };
        match port.parse::<u16>() {
            _ if port == default => {
                return Err(format!(
                    "leave out the default port :{default}; browsers send the origin without it"
                ));
            }
            Ok(p) if p > 0 && port.chars().all(|c| c.is_ascii_digit()) && !port.starts_with('0') => {}
            _ => return Err(format!("{port:?} is not a port number (1-65535)")),
        }
    }
    Ok(())
}

fn resolve_agencies(
    raw: Vec<RawAgency>,
    default_zone: Zone,
    errors: &Errors<'_, '_>,
) -> Result<Vec<AgencyConfig>, ConfigError> {
    let mut seen: HashMap<AgencyId, usize> = HashMap::new();
    let mut agencies = Vec::with_capacity(raw.len());
    for (i, a) in raw.into_iter().enumerate() {
        let at = KeyPath::default().key("agencies").index(i);
        if let Some(first) = seen.insert(a.id.clone(), i) {
            let reason = format!("agency {:?} is already defined at agencies[{first}]", a.id.as_str());
            return Err(errors.at(&at.key("id"), reason));
        }
        let name = a.name.trim();
        if name.is_empty() {
            return Err(errors.at(&at.key("name"), "must not be empty"));
        }
        let mut origins: Vec<String> = Vec::with_capacity(a.origins.len());
        for (j, origin) in a.origins.iter().enumerate() {
            let origin =
                parse_origin(origin).map_err(|r| errors.at(&at.clone().key("origins").index(j), r))?;
            if !origins.contains(&origin) {
                origins.push(origin);
            }
        }
        agencies.push(AgencyConfig {
            id: a.id,
            name: name.to_owned(),
            category: a.category,
            zone: a.zone.unwrap_or(default_zone),
            origins,
        });
    }
    Ok(agencies)
}

fn resolve_calendar(file: &FileContext<'_>) -> Result<Calendar, ConfigError> {
    let calendar_key = KeyPath::default().key("calendar");
    let Some(value) = table_get(&file.root, "calendar") else {
        return Ok(Calendar::indonesia());
    };
    let DeValue::Table(table) = value.get_ref() else {
        return Err(file.error(&calendar_key, "must be a [calendar] table"));
    };
    if table_get(table, "file").is_some() {
        if let Some((other, _)) = table.iter().find(|(k, _)| k.get_ref().as_ref() != "file") {
            let reason = "give either calendar.file or the calendar inline, not both";
            return Err(file.error(&calendar_key.key(other.get_ref()), reason));
        }
        let raw = RawCalendarFile::deserialize(ValueDeserializer::from(value.clone()))
            .map_err(|e| file.toml_error(&e))?;
        let base = file.path.parent().unwrap_or(Path::new(""));
        let path = base.join(&raw.file);
        let key = calendar_key.key("file");
        let json = std::fs::read_to_string(&path)
            .map_err(|e| file.error(&key, format!("cannot read {}: {e}", path.display())))?;
        return Calendar::from_json(&json)
            .map_err(|e| file.error(&key, format!("{}: {}", path.display(), e.message().en)));
    }
    let spec =
        CalendarSpec::deserialize(ValueDeserializer::from(value.clone())).map_err(|e| file.toml_error(&e))?;
    Calendar::new(&spec)
        .map_err(|e| file.error(&calendar_key.join(calendar_error_key(&spec, &e)), e.message().en))
}

/// Which key of an inline calendar a calendar error is about.
fn calendar_error_key(spec: &CalendarSpec, e: &CalendarError) -> KeyPath {
    let holiday = |date, nth: usize, field: &str| {
        spec.holidays.iter().enumerate().filter(|(_, h)| h.date == date).nth(nth).map_or_else(
            || KeyPath::default().key("holidays"),
            |(i, _)| KeyPath::default().key("holidays").index(i).key(field),
        )
    };
    match e {
        CalendarError::InvalidYears { first_year, .. } if !(1..=9999).contains(first_year) => {
            KeyPath::default().key("first_year")
        }
        CalendarError::InvalidYears { .. } | CalendarError::SpanTooLong { .. } => {
            KeyPath::default().key("last_year")
        }
        CalendarError::InvalidWeekend => KeyPath::default().key("weekend"),
        CalendarError::HolidayOutOfRange { date, .. } => holiday(*date, 0, "date"),
        CalendarError::DuplicateDate { date } => holiday(*date, 1, "date"),
        CalendarError::EmptyName { date } => holiday(*date, 0, "name"),
        _ => KeyPath::default(),
    }
}

fn resolve_sla(raw: &RawSla, errors: &Errors<'_, '_>) -> Result<SlaPolicy, ConfigError> {
    let d = SlaPolicy::default();
    let sla = SlaPolicy {
        disposition: raw.disposition.unwrap_or(d.disposition),
        follow_up: raw.follow_up.unwrap_or(d.follow_up),
        auto_close: raw.auto_close.unwrap_or(d.auto_close),
        response_standard: raw.response_standard.unwrap_or(d.response_standard),
        at_risk_percent: raw.at_risk_percent.unwrap_or(d.at_risk_percent),
    };
    sla.validate().map_err(|e| {
        // The core's message starts with the field's name, which the key
        // already shows.
        let reason = e.message.en.strip_prefix(e.field).map_or(e.message.en.as_str(), str::trim_start);
        errors.at(&KeyPath::parse(e.field), reason)
    })?;
    Ok(sla)
}

fn resolve_awards(
    awards: Vec<AwardDefinition>,
    errors: &Errors<'_, '_>,
) -> Result<Vec<AwardDefinition>, ConfigError> {
    for (i, award) in awards.iter().enumerate() {
        let at = KeyPath::default().key("awards").index(i);
        award
            .validate()
            .map_err(|e| errors.at(&at.clone().join(award_error_key(award, &e)), e.message().en))?;
        if let Some(first) = awards[..i].iter().position(|a| a.id == award.id) {
            let reason = format!("award {:?} is already defined at awards[{first}]", award.id);
            return Err(errors.at(&at.key("id"), reason));
        }
    }
    Ok(awards)
}

/// Which key of an award definition a validation error is about.
fn award_error_key(award: &AwardDefinition, e: &AwardError) -> KeyPath {
    let criterion = |id: &str, nth: usize, field: &str| {
        award.criteria.iter().enumerate().filter(|(_, c)| c.id == id).nth(nth).map_or_else(
            || KeyPath::default().key("criteria"),
            |(i, _)| KeyPath::default().key("criteria").index(i).key(field),
        )
    };
    match e {
        AwardError::InvalidId { .. } => KeyPath::default().key("id"),
        AwardError::NoCriteria | AwardError::WeightsSum { .. } => KeyPath::default().key("criteria"),
        AwardError::EmptyKey { field } => KeyPath::parse(field),
        AwardError::DuplicateCriterion { criterion: id } => criterion(id, 1, "id"),
        AwardError::WeightInvalid { criterion: id, .. } => criterion(id, 0, "weight"),
        AwardError::TargetInvalid { criterion: id, .. } => criterion(id, 0, "normalization"),
        AwardError::MissingScoreInvalid { criterion: id, .. } => criterion(id, 0, "on_missing"),
        AwardError::EligibilityInvalid { metric, .. } => award
            .eligibility
            .iter()
            .position(|EligibilityRule::MinMetric { metric: m, min, .. }| m == metric && !min.is_finite())
            .map_or_else(
                || KeyPath::default().key("eligibility"),
                |i| KeyPath::default().key("eligibility").index(i).key("min_metric").key("min"),
            ),
        AwardError::WinnersZero => KeyPath::default().key("winners"),
        _ => KeyPath::default(),
    }
}

fn resolve_officers(
    raw: Vec<RawOfficer>,
    agencies: &[AgencyConfig],
    errors: &Errors<'_, '_>,
) -> Result<Vec<OfficerConfig>, ConfigError> {
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut hashes: HashMap<String, usize> = HashMap::new();
    let mut officers = Vec::with_capacity(raw.len());
    for (i, o) in raw.into_iter().enumerate() {
        let at = |field: &str| KeyPath::default().key("officers").index(i).key(field);
        if !is_officer_id(&o.id) {
            let reason = format!(
                "{:?} is not an officer id: use 1-{MAX_ID_LEN} lowercase letters, digits, dots, hyphens \
                 or underscores, starting with a letter or digit",
                o.id
            );
            return Err(errors.at(&at("id"), reason));
        }
        if let Some(first) = ids.insert(o.id.clone(), i) {
            return Err(
                errors.at(&at("id"), format!("officer {:?} is already defined at officers[{first}]", o.id))
            );
        }
        let name = o.name.trim();
        if name.is_empty() {
            return Err(errors.at(&at("name"), "must not be empty"));
        }
        if let Some(agency) = &o.agency {
            if !agencies.iter().any(|a| &a.id == agency) {
                let reason = format!("no agency {:?} is configured in [[agencies]]", agency.as_str());
                return Err(errors.at(&at("agency"), reason));
            }
        }
        let hash = o.token_sha256.to_ascii_lowercase();
        if hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
            let reason = "must be the SHA-256 of the officer's token as 64 hexadecimal digits \
                          (`aduan hash-token` prints it); the token itself never goes in the configuration";
            return Err(errors.at(&at("token_sha256"), reason));
        }
        if let Some(first) = hashes.insert(hash.clone(), i) {
            let reason =
                format!("officers[{first}] has the same token hash; every officer needs their own token");
            return Err(errors.at(&at("token_sha256"), reason));
        }
        officers.push(OfficerConfig {
            id: o.id,
            name: name.to_owned(),
            agency: o.agency,
            token_sha256: hash,
        });
    }
    Ok(officers)
}

/// The host of a base URL, without a leading `www.`: the jurisdiction id
/// the GeoReport v2 specification suggests (`sfgov.org` for San Francisco).
fn host_of(url: &str) -> Option<String> {
    let rest = url.split_once("://")?.1;
    let authority = rest.split('/').next()?;
    let host = authority.rsplit_once(':').filter(|(_, port)| port.bytes().all(|b| b.is_ascii_digit()));
    let host = host.map_or(authority, |(host, _)| host);
    let host = host.strip_prefix("www.").unwrap_or(host);
    (!host.is_empty()).then(|| host.to_ascii_lowercase())
}

fn resolve_open311(
    raw: RawOpen311,
    public_url: Option<&str>,
    officers: &[OfficerConfig],
    errors: &Errors<'_, '_>,
) -> Result<Open311Config, ConfigError> {
    let key = |k: &str| KeyPath::default().key("open311").key(k);
    let jurisdiction_id = match raw.jurisdiction_id {
        Some(id) => {
            let id = id.trim().to_owned();
            let plain = !id.is_empty()
                && id.len() <= 255
                && id.bytes().all(|b| b.is_ascii_graphic() && !matches!(b, b'&' | b'?' | b'#' | b'/' | b'%'));
            if !plain {
                let reason = "must be a short id without spaces, /, ?, # or %, such as kalselprov.go.id \
                              (the specification suggests the jurisdiction's web address without www)";
                return Err(errors.at(&key("jurisdiction_id"), reason));
            }
            Some(id)
        }
        None => public_url.and_then(host_of),
    };
    let line = |name: &str, text: Option<String>| match text.map(|t| t.trim().to_owned()) {
        Some(t) if t.is_empty() => {
            Err(errors.at(&key(name), "must not be empty; leave the key out for the default"))
        }
        Some(t) if t.chars().any(char::is_control) => Err(errors.at(&key(name), "must be one line of text")),
        other => Ok(other),
    };
    let contact = line("contact", raw.contact)?;
    let key_service = line("key_service", raw.key_service)?;
    let mut ids: HashMap<String, usize> = HashMap::new();
    let mut hashes: HashMap<String, usize> = HashMap::new();
    let mut clients = Vec::with_capacity(raw.clients.len());
    for (i, c) in raw.clients.into_iter().enumerate() {
        let at = |field: &str| key("clients").index(i).key(field);
        if !is_officer_id(&c.id) {
            let reason = format!(
                "{:?} is not a client id: use 1-{MAX_ID_LEN} lowercase letters, digits, dots, hyphens \
                 or underscores, starting with a letter or digit",
                c.id
            );
            return Err(errors.at(&at("id"), reason));
        }
        if let Some(first) = ids.insert(c.id.clone(), i) {
            let reason = format!("client {:?} is already defined at open311.clients[{first}]", c.id);
            return Err(errors.at(&at("id"), reason));
        }
        let name = c.name.trim();
        if name.is_empty() {
            return Err(errors.at(&at("name"), "must not be empty"));
        }
        let hash = c.key_sha256.to_ascii_lowercase();
        if hash.len() != 64 || !hash.chars().all(|c| c.is_ascii_hexdigit()) {
            let reason = "must be the SHA-256 of the client's api_key as 64 hexadecimal digits \
                          (`aduan hash-token` prints it); the key itself never goes in the configuration";
            return Err(errors.at(&at("key_sha256"), reason));
        }
        if let Some(first) = hashes.insert(hash.clone(), i) {
            let reason =
                format!("open311.clients[{first}] has the same key hash; every client needs its own api_key");
            return Err(errors.at(&at("key_sha256"), reason));
        }
        if officers.iter().any(|o| o.token_sha256 == hash) {
            let reason = "is the hash of an officer's token; give the client a key of its own";
            return Err(errors.at(&at("key_sha256"), reason));
        }
        let channel = match (c.channel.as_deref().unwrap_or("web_widget"), c.origin) {
            ("web_widget", Some(origin)) => aduan_core::Channel::WebWidget {
                origin: parse_origin(&origin).map_err(|r| errors.at(&at("origin"), r))?,
            },
            ("web_widget", None) => {
                let reason = "needs an `origin` for the web_widget channel: the origin of the site or \
                              app the client's form runs on, such as https://311.banjarmasinkota.go.id";
                return Err(errors.at(&key("clients").index(i), reason));
            }
            (other, origin) => {
                let channel = match other {
                    "lapor" => aduan_core::Channel::Lapor,
                    "sms_1708" => aduan_core::Channel::Sms1708,
                    "whats_app" => aduan_core::Channel::WhatsApp,
                    "social_media" => aduan_core::Channel::SocialMedia,
                    "walk_in" => aduan_core::Channel::WalkIn,
                    _ => {
                        let reason = format!(
                            "{other:?} is not a channel: use web_widget, lapor, sms_1708, whats_app, \
                             social_media or walk_in"
                        );
                        return Err(errors.at(&at("channel"), reason));
                    }
                };
                if origin.is_some() {
                    let reason = format!("belongs only to the web_widget channel, not {other}");
                    return Err(errors.at(&at("origin"), reason));
                }
                channel
            }
        };
        clients.push(Open311Client { id: c.id, name: name.to_owned(), key_sha256: hash, channel });
    }
    Ok(Open311Config { jurisdiction_id, clients, contact, key_service })
}

fn is_officer_id(id: &str) -> bool {
    let ok = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '-' | '_');
    (1..=MAX_ID_LEN).contains(&id.len())
        && id.chars().all(ok)
        && id.starts_with(|c: char| c.is_ascii_lowercase() || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `RawSla` mirrors `SlaPolicy` field by field; a field added to the
    /// core without a twin here would make this fail.
    #[test]
    fn the_sla_section_has_every_field_of_the_policy() {
        let policy = SlaPolicy {
            disposition: WorkingDays::new(2),
            follow_up: WorkingDays::new(4),
            auto_close: WorkingDays::new(9),
            response_standard: WorkingDays::new(6),
            at_risk_percent: 70,
        };
        let text = toml::to_string(&policy).unwrap();
        let raw: RawSla = toml::from_str(&text).unwrap();
        let errors = Errors(None);
        assert_eq!(resolve_sla(&raw, &errors).unwrap(), policy);
    }

    #[test]
    fn key_paths_print_and_parse() {
        for text in ["sla.follow_up", "criteria[0].metric", "agencies[2].origins[1]", "a", "x[1][2].y"] {
            assert_eq!(KeyPath::parse(text).to_string(), text);
        }
        assert_eq!(
            KeyPath::default().key("agencies").index(0).key("a b").to_string(),
            r#"agencies[0]."a b""#
        );
    }

    #[test]
    fn origins() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("https://dinkes.kalselprov.go.id", Ok("https://dinkes.kalselprov.go.id")),
            ("http://localhost:3000", Ok("http://localhost:3000")),
            ("http://127.0.0.1:8080", Ok("http://127.0.0.1:8080")),
            ("http://[::1]:8080", Ok("http://[::1]:8080")),
            ("https://[::1]", Ok("https://[::1]")),
            ("https://dinkes.kalselprov.go.id/", Err("an origin has no path")),
            ("https://dinkes.kalselprov.go.id/lapor", Err("an origin has no path")),
            ("dinkes.kalselprov.go.id", Err("is not an origin")),
            ("ftp://dinkes.kalselprov.go.id", Err("must start with https://")),
            ("HTTPS://dinkes.kalselprov.go.id", Err("must start with https://")),
            ("https://Dinkes.kalselprov.go.id", Err("lowercase")),
            ("https://dinkes.kalselprov.go.id:443", Err("default port :443")),
            ("http://dinkes.kalselprov.go.id:80", Err("default port :80")),
            ("https://dinkes.kalselprov.go.id:0", Err("not a port")),
            ("https://dinkes.kalselprov.go.id:65536", Err("not a port")),
            ("https://dinkes.kalselprov.go.id:+80", Err("not a port")),
            ("https://dinkes.kalselprov.go.id:", Err("not a port")),
            ("https://", Err("host is missing")),
            ("https://:8080", Err("host is missing")),
            ("https://dinkes..go.id", Err("not a host name")),
            ("https://din_kes.go.id", Err("not a host name")),
            ("https://-dinkes.go.id", Err("not a host name")),
            ("https://user@dinkes.go.id", Err("user names")),
            ("https://[::1", Err("closing ]")),
            ("https://[nope]", Err("not an IPv6 address")),
            ("https://[::1]x", Err("only :port may follow")),
            ("https://[::1]8080", Err("only :port may follow")),
            ("https://[::1]:", Err("not a port")),
        ];
        for (input, want) in cases {
            match (parse_origin(input), want) {
                (Ok(got), Ok(want)) => assert_eq!(&got, want, "{input}"),
                (Err(got), Err(want)) => assert!(got.contains(want), "{input}: {got}"),
                (got, want) => panic!("{input}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn public_urls() {
        assert_eq!(
            parse_public_url("https://lapor.kalselprov.go.id/").unwrap(),
            "https://lapor.kalselprov.go.id"
        );
        assert_eq!(parse_public_url("http://localhost:8080/aduan").unwrap(), "http://localhost:8080/aduan");
        for bad in [
            "lapor.kalselprov.go.id",
            "ftp://x.go.id",
            "https://x.go.id?a=1",
            "https://X.go.id",
            "https:///x",
        ] {
            assert!(parse_public_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn officer_ids() {
        for ok in ["koordinator", "penghubung.dinkes", "siti_r", "a1", &"x".repeat(64)] {
            assert!(is_officer_id(ok), "{ok}");
        }
        for bad in ["", "-x", ".x", "Siti", "siti r", "siti/r", &"x".repeat(65)] {
            assert!(!is_officer_id(bad), "{bad}");
        }
    }
}
