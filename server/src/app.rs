//! The HTTP application: state, router and handlers of `/api/v1`, the SVG
//! badge, health checks and the shared middleware (request ids, tracing,
//! CORS, security headers, body limit, rate limiting).
//!
//! `router(state)` builds everything, so tests drive it with `oneshot`
//! without sockets.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::sync::Arc;
use std::time::Instant;

use aduan_core::api::v1::{
    self, ActionRequest, Badge, InboxItem, InboxPage, LeaderboardView, OfficerRole, OfficerView, StatsView,
    SubmitComplaint, Submitted,
};
use aduan_core::award::{self, Entrant};
use aduan_core::complaint::{Channel, ValidationContext, character_count};
use aduan_core::lifecycle::{Action, ActionKind, Actor, Event, Lifecycle, Status};
use aduan_core::sla::{SlaContext, apply_checked};
use aduan_core::stats::{ByAgency, Period, Stats, StatsBuilder, StatsByAgency, StatsContext};
use aduan_core::visibility::{Audience, Visibility};
use aduan_core::{
    AccessSecret, AgencyId, ComplaintKind, FieldError, Lang, Text, TicketNumber, ValidationErrors,
};
use axum::Json as JsonIn;
use axum::Router;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{ConnectInfo, DefaultBodyLimit, FromRequest, FromRequestParts, Path, Request, State};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode, header, request::Parts};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use chrono::{DateTime, Datelike, Utc};
use serde::Deserialize;
use tower_http::cors::{Any, CorsLayer};
use tower_http::request_id::{MakeRequestUuid, PropagateRequestIdLayer, SetRequestIdLayer};
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

use crate::config::Config;
use crate::derive;
use crate::error::{AppError, AppResult, SafeJson as Json};
use crate::ratelimit::RateLimiter;
use crate::store::{
    ComplaintRecord, InboxFilter, OfficerRecord, Store, StoreError, Submission, SubmitOutcome, sha256_hex,
};

/// The current instant, injectable so tests control time.
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// Everything handlers share.
pub struct AppState<S> {
    /// The storage backend.
    pub store: S,
    /// The loaded configuration.
    pub config: Arc<Config>,
    /// The clock.
    pub now: Clock,
    /// The key that derives a submission's access secret from its
    /// idempotency key, so a retried submission gets the same secret back
    /// without the secret ever being stored.
    pub secret_key: Arc<[u8; 32]>,
    /// Per-client submission limits.
    pub limiter: Arc<RateLimiter>,
    /// Statistics computed lately.
    pub stats_cache: Arc<StatsCache>,
}

impl<S> std::fmt::Debug for AppState<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState").field("config", &self.config.source).finish_non_exhaustive()
    }
}

impl<S: Clone> Clone for AppState<S> {
    fn clone(&self) -> Self {
        Self {
            store: self.store.clone(),
            config: Arc::clone(&self.config),
            now: Arc::clone(&self.now),
            secret_key: Arc::clone(&self.secret_key),
            limiter: Arc::clone(&self.limiter),
            stats_cache: Arc::clone(&self.stats_cache),
        }
    }
}

impl<S: Store> AppState<S> {
    /// State over `store` with the wall clock.
    #[must_use]
    pub fn new(store: S, config: Config, secret_key: [u8; 32]) -> Self {
        let limiter = RateLimiter::new(config.limits.submissions_per_minute, config.limits.submission_burst);
        Self {
            store,
            config: Arc::new(config),
            now: Arc::new(Utc::now),
            secret_key: Arc::new(secret_key),
            limiter: Arc::new(limiter),
            stats_cache: Arc::default(),
        }
    }

    /// The same state with another clock (for tests).
    #[must_use]
    pub fn with_clock(mut self, now: Clock) -> Self {
        self.now = now;
        self
    }
}

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");
const X_ACCESS_SECRET: &str = "x-access-secret";
const IDEMPOTENCY_KEY: &str = "idempotency-key";
const X_ADUAN_CHANNEL: &str = "x-aduan-channel";

/// The whole application.
pub fn router<S: Store>(state: AppState<S>) -> Router {
    let body_limit = state.config.limits.body_bytes;
    let submit =
        post(submit::<S>).route_layer(middleware::from_fn_with_state(state.clone(), rate_limit::<S>));
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::POST, Method::OPTIONS])
        .allow_headers([
            header::CONTENT_TYPE,
            header::AUTHORIZATION,
            HeaderName::from_static(IDEMPOTENCY_KEY),
            HeaderName::from_static(X_ACCESS_SECRET),
        ])
        .expose_headers([header::RETRY_AFTER, X_REQUEST_ID]);
    let static_header = |name: HeaderName, value: &'static str| {
        SetResponseHeaderLayer::if_not_present(name, HeaderValue::from_static(value))
    };
    Router::new()
        .route("/healthz", get(healthz))
        .route("/readyz", get(readyz::<S>))
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/complaints", submit)
        .route("/api/v1/complaints/{ticket}", get(show::<S>))
        .route(
            "/api/v1/complaints/{ticket}/actions",
            post(act::<S>).route_layer(middleware::from_fn_with_state(state.clone(), rate_limit::<S>)),
        )
        .route("/api/v1/inbox", get(inbox::<S>))
        .route("/api/v1/inbox.csv", get(crate::export::inbox_csv::<S>))
        .route("/api/v1/stats.csv", get(crate::export::stats_csv::<S>))
        .route("/api/v1/me", get(me::<S>))
        .route("/api/v1/agencies", get(agencies::<S>))
        .route("/api/v1/stats", get(province_stats::<S>))
        .route("/api/v1/agencies/{agency}/stats", get(agency_stats::<S>))
        .route("/api/v1/agencies/{agency}/badge", get(badge_json::<S>))
        .route("/api/v1/awards", get(awards::<S>))
        .route("/api/v1/awards/{award}/leaderboard", get(leaderboard::<S>))
        .route("/badge/{file}", get(badge_file::<S>))
        .route("/widgets/{file}", get(crate::widgets::serve))
        .route("/console", get(crate::console::page))
        .merge(crate::open311::router::<S>())
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(DefaultBodyLimit::max(body_limit))
        // A slow client may not hold a connection and a request forever.
        .layer(tower_http::timeout::RequestBodyTimeoutLayer::new(std::time::Duration::from_secs(15)))
        .layer(tower_http::timeout::TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            std::time::Duration::from_secs(30),
        ))
        // Complaint views carry content only the reporter or an officer may
        // see: nothing is cached unless a handler says otherwise (badges,
        // the API document).
        .layer(static_header(header::CACHE_CONTROL, "no-store"))
        .layer(static_header(header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .layer(static_header(header::REFERRER_POLICY, "no-referrer"))
        .layer(static_header(header::X_FRAME_OPTIONS, "DENY"))
        .layer(static_header(header::CONTENT_SECURITY_POLICY, "default-src 'none'; frame-ancestors 'none'"))
        .layer(static_header(HeaderName::from_static("cross-origin-resource-policy"), "cross-origin"))
        .layer(static_header(header::STRICT_TRANSPORT_SECURITY, "max-age=31536000"))
        .layer(cors)
        .layer(PropagateRequestIdLayer::new(X_REQUEST_ID))
        .layer(TraceLayer::new_for_http().make_span_with(|req: &Request| {
            let id = req.headers().get(X_REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or("-");
            tracing::info_span!("request", id = %id, method = %req.method(), path = %req.uri().path())
        }))
        .layer(SetRequestIdLayer::new(X_REQUEST_ID, MakeRequestUuid))
        .with_state(state)
}

// ----- Extractors ---------------------------------------------------------

/// A JSON body whose every rejection is a problem document.
#[derive(Debug)]
pub struct JsonBody<T>(pub T);

impl<S, T> FromRequest<S> for JsonBody<T>
where
    JsonIn<T>: FromRequest<S, Rejection = JsonRejection>,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match JsonIn::<T>::from_request(req, state).await {
            Ok(JsonIn(value)) => Ok(Self(value)),
            Err(rejection) => Err(json_rejection(&rejection)),
        }
    }
}

fn json_rejection(rejection: &JsonRejection) -> AppError {
    let status = rejection.status();
    if status == StatusCode::PAYLOAD_TOO_LARGE {
        return AppError::new(
            status,
            "body.too_large",
            "Isi permintaan terlalu besar",
            "The request body is too large",
        );
    }
    if status == StatusCode::UNSUPPORTED_MEDIA_TYPE {
        return AppError::new(
            status,
            "body.content_type",
            "Kirim isi permintaan sebagai JSON (Content-Type: application/json)",
            "Send the request body as JSON (Content-Type: application/json)",
        );
    }
    let detail = rejection.body_text();
    AppError::Problem {
        status: StatusCode::BAD_REQUEST,
        code: "body.malformed",
        message: Text::new(
            format!("Isi permintaan bukan JSON yang benar: {detail}"),
            format!("The request body is not valid JSON for this request: {detail}"),
        ),
    }
}

/// A path segment whose rejection (say, invalid UTF-8) is a problem document.
#[derive(Debug)]
pub struct PathParam(pub String);

impl<S: Send + Sync> FromRequestParts<S> for PathParam {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match Path::<String>::from_request_parts(parts, state).await {
            Ok(Path(value)) => Ok(Self(value)),
            Err(rejection) => Err(AppError::Problem {
                status: StatusCode::BAD_REQUEST,
                code: "path.malformed",
                message: Text::new(
                    format!("Alamat tidak benar: {}", rejection.body_text()),
                    format!("The address is not valid: {}", rejection.body_text()),
                ),
            }),
        }
    }
}

/// Query parameters whose rejection is a problem document.
#[derive(Debug)]
pub struct QueryParams<T>(pub T);

impl<S, T> FromRequestParts<S> for QueryParams<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        match axum::extract::Query::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Query(value)) => Ok(Self(value)),
            Err(rejection) => Err(query_rejection(&rejection)),
        }
    }
}

fn query_rejection(rejection: &QueryRejection) -> AppError {
    let detail = rejection.body_text();
    AppError::Problem {
        status: StatusCode::BAD_REQUEST,
        code: "query.malformed",
        message: Text::new(
            format!("Parameter alamat tidak benar: {detail}"),
            format!("The query parameters are not valid: {detail}"),
        ),
    }
}

/// The client a request counts against: the connecting address, or, when
/// that is a trusted reverse proxy, the rightmost `X-Forwarded-For` address
/// that is not itself a trusted proxy (the leftmost entries are whatever
/// the client chose to send).
pub(crate) fn client_ip(req: &Request, trusted: &[IpAddr]) -> IpAddr {
    let peer = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |ConnectInfo(addr)| addr.ip());
    if !trusted.contains(&peer) {
        return peer;
    }
    let forwarded: Vec<IpAddr> = req
        .headers()
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    forwarded.into_iter().rev().find(|ip| !trusted.contains(ip)).unwrap_or(peer)
}

fn parse_ticket(raw: &str) -> AppResult<TicketNumber> {
    TicketNumber::parse(raw).map_err(|e| field_errors(vec![e.to_field_error()]))
}

fn field_errors(errors: Vec<FieldError>) -> AppError {
    match ValidationErrors::check(errors) {
        Err(v) => AppError::Validation(v),
        Ok(()) => AppError::Internal(anyhow::anyhow!("field_errors called without errors")),
    }
}

pub(crate) fn field_error(
    field: &'static str,
    code: &'static str,
    id: impl Into<String>,
    en: impl Into<String>,
) -> AppError {
    field_errors(vec![FieldError { field, code, message: Text::new(id, en) }])
}

// ----- Who is asking --------------------------------------------------------

/// The credentials a request carries.
#[derive(Debug)]
enum Credentials {
    None,
    Officer(OfficerRecord),
    Secret(String),
}

async fn credentials<S: Store>(state: &AppState<S>, headers: &HeaderMap) -> AppResult<Credentials> {
    if let Some(value) = headers.get(header::AUTHORIZATION) {
        let token = value.to_str().ok().and_then(|v| v.strip_prefix("Bearer ")).map(str::trim);
        let unauthorized = || {
            AppError::new(
                StatusCode::UNAUTHORIZED,
                "auth.invalid_token",
                "Token petugas tidak dikenal",
                "The officer token is not recognised",
            )
        };
        let token = token.filter(|t| !t.is_empty()).ok_or_else(unauthorized)?;
        let officer = state.store.officer_by_token_hash(&sha256_hex(token)).await?;
        return officer.map(Credentials::Officer).ok_or_else(unauthorized);
    }
    if let Some(value) = headers.get(X_ACCESS_SECRET) {
        return Ok(Credentials::Secret(value.to_str().unwrap_or_default().to_owned()));
    }
    Ok(Credentials::None)
}

fn officer_actor(officer: &OfficerRecord) -> Actor {
    match &officer.agency {
        None => Actor::Koordinator,
        Some(agency) => Actor::Penghubung { agency: agency.clone() },
    }
}

/// The officer a request is signed in as, or a 401 problem (`auth.required`)
/// saying, in `id` and `en`, what signing in is needed for. A token that is
/// sent but unknown is `auth.invalid_token`, as everywhere.
async fn signed_in_officer<S: Store>(
    state: &AppState<S>,
    headers: &HeaderMap,
    id: &str,
    en: &str,
) -> AppResult<OfficerRecord> {
    match credentials(state, headers).await? {
        Credentials::Officer(officer) => Ok(officer),
        Credentials::None | Credentials::Secret(_) => {
            Err(AppError::new(StatusCode::UNAUTHORIZED, "auth.required", id, en))
        }
    }
}

/// What a requester may see of, and do with, one complaint.
struct Access {
    visibility: Visibility,
    actor: Option<Actor>,
}

fn forbidden_agency() -> AppError {
    AppError::new(
        StatusCode::FORBIDDEN,
        "forbidden.agency",
        "Pengaduan ini tidak didisposisikan ke instansi Anda",
        "This complaint is not assigned to your agency",
    )
}

fn access(credentials: &Credentials, minimal: &ComplaintRecord) -> AppResult<Access> {
    let privacy = minimal.read_model.privacy;
    match credentials {
        Credentials::None => {
            Ok(Access { visibility: Visibility::of(privacy, Audience::Public), actor: None })
        }
        Credentials::Officer(officer) => {
            let actor = officer_actor(officer);
            let audience = Audience::of(&actor, minimal.read_model.agency.as_ref());
            if audience == Audience::Public {
                // An officer of another agency can neither read nor act.
                return Err(forbidden_agency());
            }
            Ok(Access { visibility: Visibility::of(privacy, audience), actor: Some(actor) })
        }
        Credentials::Secret(presented) => {
            let matches = AccessSecret::parse(presented)
                .is_ok_and(|s| constant_time_eq(&sha256_hex(s.expose()), &minimal.secret_hash));
            if !matches {
                return Err(AppError::new(
                    StatusCode::FORBIDDEN,
                    "secret.mismatch",
                    "Kode rahasia tidak cocok dengan tiket ini",
                    "The access secret does not match this ticket",
                ));
            }
            Ok(Access {
                visibility: Visibility::of(privacy, Audience::Reporter),
                actor: Some(Actor::Reporter),
            })
        }
    }
}

fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

const NOTHING: Visibility = Visibility { summary: false, content: false, identity: false, contact: false };

async fn load_minimal<S: Store>(state: &AppState<S>, ticket: &TicketNumber) -> AppResult<ComplaintRecord> {
    state.store.load(ticket, NOTHING).await?.ok_or_else(AppError::ticket_not_found)
}

// ----- Health -----------------------------------------------------------------

async fn healthz() -> &'static str {
    "ok"
}

async fn readyz<S: Store>(State(state): State<AppState<S>>) -> Response {
    match state.store.ping().await {
        Ok(()) => "ready".into_response(),
        Err(e) => {
            tracing::warn!(error = %e, "database not ready");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

async fn openapi() -> Response {
    let mut response = Json(crate::openapi::document()).into_response();
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=3600"));
    response
}

async fn not_found() -> AppError {
    AppError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "Alamat ini tidak ada",
        "There is nothing at this address",
    )
}

async fn method_not_allowed() -> AppError {
    AppError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "Metode ini tidak didukung di alamat ini",
        "This method is not supported at this address",
    )
}

// ----- Submitting -------------------------------------------------------------

/// Limits what anyone can send without an officer's token: submissions and
/// reporters' actions. Officers are not limited here (they are few and
/// known, and enter walk-in complaints in bursts).
async fn rate_limit<S: Store>(State(state): State<AppState<S>>, req: Request, next: Next) -> Response {
    if req.method() == Method::POST && !req.headers().contains_key(header::AUTHORIZATION) {
        let client = client_ip(&req, &state.config.limits.trusted_proxies);
        if let Err(wait) = state.limiter.check(client, Instant::now()) {
            return AppError::RateLimited(wait.as_secs().max(1)).into_response();
        }
    }
    next.run(req).await
}

fn idempotency_key(headers: &HeaderMap) -> AppResult<String> {
    let key = headers.get(IDEMPOTENCY_KEY).and_then(|v| v.to_str().ok()).map(str::trim).unwrap_or_default();
    // At least 16 characters: a key is the only thing tying a retry to its
    // first try, so it must not be guessable (a UUID has 36).
    let valid = (16..=200).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic());
    if valid {
        Ok(key.to_owned())
    } else {
        Err(AppError::new(
            StatusCode::BAD_REQUEST,
            "idempotency_key.required",
            "Sertakan header Idempotency-Key: 16 sampai 200 karakter ASCII acak yang terlihat (misalnya UUID), unik untuk setiap pengaduan",
            "Send an Idempotency-Key header: 16 to 200 random visible ASCII characters (a UUID, say), unique to each complaint",
        ))
    }
}

/// The access secret of the submission with `idempotency_key` under the
/// deployment's `server_key` (HMAC-SHA-256, its first 16 bytes as the
/// secret's entropy): a retried submission gets the same secret back
/// without the secret ever being stored. Tools writing complaints as the
/// server does (the demo's seeding) call this rather than repeat it.
///
/// # Example
/// ```
/// use aduan_server::app::derive_secret;
/// let a = derive_secret(&[7; 32], "3f1c9a7e-0b5d-4e2a-9c61-a8d4f0e2b7c3");
/// assert_eq!(a.expose(), derive_secret(&[7; 32], "3f1c9a7e-0b5d-4e2a-9c61-a8d4f0e2b7c3").expose());
/// assert_ne!(a.expose(), derive_secret(&[8; 32], "3f1c9a7e-0b5d-4e2a-9c61-a8d4f0e2b7c3").expose());
/// ```
#[must_use]
pub fn derive_secret(key: &[u8; 32], idempotency_key: &str) -> AccessSecret {
    use hmac::{Hmac, Mac};
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(b"aduan access secret\0");
    mac.update(idempotency_key.as_bytes());
    let digest = mac.finalize().into_bytes();
    let mut entropy = [0u8; 16];
    entropy.copy_from_slice(&digest[..16]);
    AccessSecret::from_entropy(entropy)
}

/// The idempotency key as the store keeps it: hashed and namespaced, so
/// the client's key itself (which derives the secret) is never stored.
#[must_use]
pub fn stored_idempotency_key(idempotency_key: &str) -> String {
    sha256_hex(&format!("idempotency:{idempotency_key}"))
}

/// The `received` event the server records for a validated complaint
/// submitted by `actor` (the reporter through a web page, or the officer
/// entering it from another channel) at `at`.
#[must_use]
pub fn received_event(complaint: &aduan_core::NewComplaint, actor: Actor, at: DateTime<Utc>) -> Event {
    Event {
        at,
        actor,
        action: Action::Received {
            kind: complaint.kind(),
            agency: complaint.agency().clone(),
            privacy: complaint.privacy(),
            channel: complaint.channel().kind(),
        },
    }
}

fn random_u64() -> anyhow::Result<u64> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
    Ok(u64::from_le_bytes(bytes))
}

/// The channel: the admin koordinator may say which channel they are
/// entering a complaint from; anyone else submits through a web page,
/// whose origin is recorded.
fn channel(credentials: &Credentials, headers: &HeaderMap) -> AppResult<(Channel, Actor)> {
    if let Credentials::Officer(officer) = credentials {
        let named = headers.get(X_ADUAN_CHANNEL).and_then(|v| v.to_str().ok());
        if named.is_some() && officer.agency.is_some() {
            // Complaints are received by the coordinator, who routes them.
            return Err(AppError::new(
                StatusCode::FORBIDDEN,
                "channel.koordinator_only",
                "Hanya admin koordinator yang dapat mencatat pengaduan dari saluran lain",
                "Only the coordinating admin can record complaints from other channels",
            ));
        }
        let channel = match named {
            Some("lapor") => Some(Channel::Lapor),
            Some("sms_1708") => Some(Channel::Sms1708),
            Some("whats_app") => Some(Channel::WhatsApp),
            Some("social_media") => Some(Channel::SocialMedia),
            Some("walk_in") => Some(Channel::WalkIn),
            Some(_) => {
                return Err(AppError::new(
                    StatusCode::BAD_REQUEST,
                    "channel.unknown",
                    "Saluran harus lapor, sms_1708, whats_app, social_media, atau walk_in",
                    "The channel must be lapor, sms_1708, whats_app, social_media or walk_in",
                ));
            }
            None => None,
        };
        if let Some(channel) = channel {
            return Ok((channel, officer_actor(officer)));
        }
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        Some(origin) => Ok((Channel::WebWidget { origin: origin.to_owned() }, Actor::Reporter)),
        None => Err(AppError::new(
            StatusCode::BAD_REQUEST,
            "origin.required",
            "Kirim pengaduan dari formulir di situs instansi (header Origin tidak ada)",
            "Send complaints from the form on an agency's site (the Origin header is missing)",
        )),
    }
}

async fn submit<S: Store>(
    State(state): State<AppState<S>>,
    headers: HeaderMap,
    JsonBody(body): JsonBody<SubmitComplaint>,
) -> AppResult<Response> {
    let idempotency_key = idempotency_key(&headers)?;
    let credentials = credentials(&state, &headers).await?;
    let (channel, actor) = channel(&credentials, &headers)?;
    let now = (state.now)();
    let secret = derive_secret(&state.secret_key, &idempotency_key);
    if !body.website.is_empty() {
        // A bot filled the field people never see: answer as if stored, store nothing.
        tracing::info!("honeypot field filled; submission discarded");
        let ticket = TicketNumber::from_entropy(random_u64()?);
        // A random secret, never the one derived from the key: a bot must
        // learn nothing about anyone else's submission.
        let mut entropy = [0u8; 16];
        getrandom::fill(&mut entropy).map_err(|e| anyhow::anyhow!("no randomness: {e}"))?;
        let submitted = Submitted {
            ticket,
            secret: AccessSecret::from_entropy(entropy).expose().to_owned(),
            status: Status::Diterima.into(),
            received_at: now,
            agency: AgencyId::new(body.complaint.agency.trim()).unwrap_or_else(|_| fallback_agency()),
            verification_due_at: None,
        };
        return Ok((StatusCode::CREATED, Json(submitted)).into_response());
    }
    let config = &state.config;
    let known: Vec<AgencyId> = config.agencies.iter().map(|a| a.id.clone()).collect();
    let zone =
        AgencyId::new(body.complaint.agency.trim()).map_or(config.default_zone, |a| config.zone_of(&a));
    let ctx = ValidationContext { now, zone, known_agencies: Some(&known) };
    let complaint = body.complaint.validate(channel, &ctx).map_err(AppError::Validation)?;
    let received = received_event(&complaint, actor, now);
    let lifecycle = Lifecycle::start(&received).map_err(|e| AppError::from(aduan_core::Error::from(e)))?;
    let derived = derive::measure(config, lifecycle, now)?;
    let read_model = derive::read_model(&derived);
    let stored_key = stored_idempotency_key(&idempotency_key);
    match store_submission(&state, &stored_key, &secret, &complaint, &received, &read_model).await? {
        Stored::Created(ticket) => {
            tracing::info!(%ticket, agency = %complaint.agency(), "complaint received");
            let submitted = Submitted {
                ticket,
                secret: secret.expose().to_owned(),
                status: Status::Diterima.into(),
                received_at: now,
                agency: complaint.agency().clone(),
                verification_due_at: derived.sla.and_then(|r| r.disposition.due_at),
            };
            Ok((StatusCode::CREATED, Json(submitted)).into_response())
        }
        Stored::Replayed(ticket) => replay(&state, ticket, &secret, &complaint).await,
    }
}

/// What [`store_submission`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Stored {
    /// Stored and committed under this fresh ticket.
    Created(TicketNumber),
    /// The idempotency key was used before, for this ticket: nothing stored.
    Replayed(TicketNumber),
}

/// Stores a validated submission under a freshly drawn ticket (drawing
/// again while a drawn number is taken), and drops the cached statistics
/// once it is committed; the one write path of the web form and Open311.
pub(crate) async fn store_submission<S: Store>(
    state: &AppState<S>,
    stored_key: &str,
    secret: &AccessSecret,
    complaint: &aduan_core::NewComplaint,
    received: &Event,
    read_model: &crate::store::ReadModel,
) -> anyhow::Result<Stored> {
    for _ in 0..8 {
        let ticket = TicketNumber::from_entropy(random_u64()?);
        let submission = Submission {
            idempotency_key: stored_key.to_owned(),
            ticket,
            secret_hash: sha256_hex(secret.expose()),
            complaint: complaint.clone(),
            received: received.clone(),
            read_model: read_model.clone(),
        };
        match state.store.submit(submission).await {
            Ok(SubmitOutcome::Created) => {
                state.stats_cache.invalidate();
                return Ok(Stored::Created(ticket));
            }
            Ok(SubmitOutcome::Replayed(ticket)) => return Ok(Stored::Replayed(ticket)),
            Err(StoreError::TicketTaken) => {}
            Err(e) => return Err(e.into()),
        }
    }
    Err(anyhow::anyhow!("eight ticket numbers in a row were taken"))
}

pub(crate) const EVERYTHING: Visibility =
    Visibility { summary: true, content: true, identity: true, contact: true };

/// Whether a stored complaint is the one `complaint` describes: a retry
/// sends the same complaint again, field for field after validation.
pub(crate) fn same_submission(record: &ComplaintRecord, complaint: &aduan_core::NewComplaint) -> bool {
    let origin = match complaint.channel() {
        Channel::WebWidget { origin } => Some(origin.as_str()),
        _ => None,
    };
    let privacy = record.events.first().map(|e| match &e.action {
        Action::Received { privacy, .. } => Some(*privacy),
        _ => None,
    });
    let reporter = complaint.reporter();
    record.kind == Some(complaint.kind())
        && record.requested_agency == *complaint.agency()
        && privacy == Some(Some(complaint.privacy()))
        && record.title.as_deref() == Some(complaint.title().as_str())
        && record.description.as_deref() == Some(complaint.description().as_str())
        && record.incident_date == complaint.incident_date()
        && record.location.as_deref() == complaint.location().and_then(|l| l.text())
        && record.coordinates == complaint.location().and_then(aduan_core::complaint::Location::coordinates)
        && record.origin.as_deref() == origin
        && record.reporter_name.as_deref() == reporter.map(|r| r.name())
        && record.reporter_email.as_deref() == reporter.and_then(|r| r.email()).map(|e| e.as_str())
        && record.reporter_phone.as_deref() == reporter.and_then(|r| r.phone()).map(|p| p.as_str())
}

/// The answer to a retried submission: the same ticket and secret, but only
/// for the same complaint; a key reused for another complaint is refused,
/// or the key alone would hand out someone else's secret.
async fn replay<S: Store>(
    state: &AppState<S>,
    ticket: TicketNumber,
    secret: &AccessSecret,
    complaint: &aduan_core::NewComplaint,
) -> AppResult<Response> {
    let record = state.store.load(&ticket, EVERYTHING).await?.ok_or_else(AppError::ticket_not_found)?;
    if !same_submission(&record, complaint) {
        return Err(AppError::new(
            StatusCode::UNPROCESSABLE_ENTITY,
            "idempotency_key.reused",
            "Idempotency-Key ini sudah dipakai untuk pengaduan lain. Buat kunci baru untuk setiap pengaduan",
            "This Idempotency-Key was already used for another complaint. Make a new key for each complaint",
        ));
    }
    let now = (state.now)();
    let derived = derive::derive(&state.config, &record.events, now)?;
    let submitted = Submitted {
        ticket,
        secret: secret.expose().to_owned(),
        status: derived.lifecycle.status().into(),
        received_at: record.received_at,
        agency: record.requested_agency.clone(),
        verification_due_at: derived.sla.and_then(|r| r.disposition.due_at),
    };
    Ok((StatusCode::OK, Json(submitted)).into_response())
}

fn fallback_agency() -> AgencyId {
    AgencyId::new("tidak-diketahui").expect("a valid slug")
}

// ----- Viewing and acting -------------------------------------------------------

async fn show<S: Store>(
    State(state): State<AppState<S>>,
    PathParam(ticket): PathParam,
    headers: HeaderMap,
) -> AppResult<Response> {
    let ticket = parse_ticket(&ticket)?;
    let credentials = credentials(&state, &headers).await?;
    let (record, access) = load_for(&state, &ticket, &credentials).await?;
    let derived = derive::derive(&state.config, &record.events, (state.now)())?;
    Ok(complaint_response(&credentials, &record, &derived, access.visibility, access.actor.as_ref()))
}

/// A complaint as the requester sees it: officers get the
/// [`v1::OfficerComplaintView`] (contact and map point where the privacy
/// lets them see those), reporters and the public the plain
/// [`v1::ComplaintView`], which never carries either.
fn complaint_response(
    credentials: &Credentials,
    record: &ComplaintRecord,
    derived: &derive::Derived,
    visibility: Visibility,
    actor: Option<&Actor>,
) -> Response {
    match (credentials, actor) {
        (Credentials::Officer(_), Some(actor)) => {
            Json(derive::officer_view(record, derived, visibility, actor)).into_response()
        }
        _ => Json(derive::view(record, derived, visibility, actor)).into_response(),
    }
}

/// Loads a complaint with exactly what `credentials` may see. Access is
/// decided on a first, minimal read; if the privacy or the assignment
/// changed before the second read, it is decided again on what was read,
/// so a view never shows more than the rules allow at that moment.
async fn load_for<S: Store>(
    state: &AppState<S>,
    ticket: &TicketNumber,
    credentials: &Credentials,
) -> AppResult<(ComplaintRecord, Access)> {
    let mut basis = load_minimal(state, ticket).await?;
    for _ in 0..3 {
        let access = access(credentials, &basis)?;
        let record =
            state.store.load(ticket, access.visibility).await?.ok_or_else(AppError::ticket_not_found)?;
        let same = record.read_model.privacy == basis.read_model.privacy
            && record.read_model.agency == basis.read_model.agency;
        if same {
            return Ok((record, access));
        }
        basis = record;
    }
    Err(AppError::stale(basis.read_model.version))
}

/// The longest message or reason an action may carry, in characters.
pub const MESSAGE_MAX: usize = 4_000;

fn check_action_text(config: &Config, action: &Action) -> AppResult<()> {
    let text = match action {
        Action::Rerouted { reason, .. } | Action::Held { reason } | Action::Disputed { reason } => {
            Some(reason)
        }
        Action::Responded { message } | Action::FollowedUp { message } | Action::InfoAdded { message } => {
            Some(message)
        }
        Action::Archived { note, .. } => Some(note),
        _ => None,
    };
    if let Some(text) = text {
        if character_count(text) > MESSAGE_MAX {
            return Err(field_error(
                "action.message",
                "too_long",
                format!("Pesan harus {} karakter atau kurang", aduan_core::format::integer(4_000, Lang::Id)),
                format!(
                    "The message must be {} characters or fewer",
                    aduan_core::format::integer(4_000, Lang::En)
                ),
            ));
        }
        if text.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
            return Err(field_error(
                "action.message",
                "control_character",
                "Pesan berisi karakter kontrol",
                "The message contains a control character",
            ));
        }
    }
    let target = match action {
        Action::Disposed { to } => Some(to),
        Action::Rerouted { suggested, .. } => suggested.as_ref(),
        _ => None,
    };
    if let Some(agency) = target {
        if config.agency(agency).is_none() {
            return Err(field_error(
                "action.to",
                "unknown_agency",
                format!("Instansi {agency} tidak terdaftar"),
                format!("Agency {agency} is not registered"),
            ));
        }
    }
    Ok(())
}

async fn act<S: Store>(
    State(state): State<AppState<S>>,
    PathParam(ticket): PathParam,
    headers: HeaderMap,
    JsonBody(request): JsonBody<ActionRequest>,
) -> AppResult<Response> {
    let ticket = parse_ticket(&ticket)?;
    let credentials = credentials(&state, &headers).await?;
    if matches!(credentials, Credentials::None) {
        return Err(AppError::new(
            StatusCode::UNAUTHORIZED,
            "auth.required",
            "Masuk sebagai petugas atau sertakan kode rahasia tiket",
            "Sign in as an officer or send the ticket's access secret",
        ));
    }
    let minimal = load_minimal(&state, &ticket).await?;
    let access = access(&credentials, &minimal)?;
    let actor = access.actor.clone().expect("credentials give an actor");
    check_action_text(&state.config, &request.action)?;
    let now = (state.now)();
    let mut derived = derive::derive(&state.config, &minimal.events, now)?;
    let current = derived.lifecycle.version();
    if request.version != current {
        return Err(AppError::stale(current));
    }
    // Several instances' clocks may differ by a little: never date an
    // event before the history's latest one.
    let at = now.max(derived.lifecycle.last_event_at());
    let kind = request.action.kind();
    let event = Event { at, actor: actor.clone(), action: request.action };
    let ctx = SlaContext { policy: &state.config.sla, calendar: &state.config.calendar, zone: derived.zone };
    match apply_checked(&mut derived.lifecycle, &event, &ctx) {
        // Beyond the calendar the reporter's reply window cannot be
        // measured: a dispute is let through, an automatic close is not.
        Err(aduan_core::Error::Calendar(e)) if e.is_out_of_range() && kind != ActionKind::AutoClosed => {
            derived.lifecycle.apply(&event).map_err(aduan_core::Error::from)?;
        }
        other => other?,
    }
    let derived = derive::measure(&state.config, derived.lifecycle, now)?;
    let read_model = derive::read_model(&derived);
    state.store.append(&ticket, current, &event, &read_model).await?;
    state.stats_cache.invalidate();
    let audience = Audience::of(&actor, derived.lifecycle.agency());
    let visibility = Visibility::of(derived.lifecycle.privacy(), audience);
    let record = state.store.load(&ticket, visibility).await?.ok_or_else(AppError::ticket_not_found)?;
    Ok(complaint_response(&credentials, &record, &derived, visibility, Some(&actor)))
}

// ----- Officers ------------------------------------------------------------------

/// The signed-in officer: who they are, their role and their agency.
async fn me<S: Store>(State(state): State<AppState<S>>, headers: HeaderMap) -> AppResult<Json<OfficerView>> {
    let officer = signed_in_officer(
        &state,
        &headers,
        "Masuk sebagai petugas (token di header Authorization: Bearer …)",
        "Sign in as an officer (a token in the Authorization: Bearer … header)",
    )
    .await?;
    let role = if officer.agency.is_some() { OfficerRole::Penghubung } else { OfficerRole::Koordinator };
    let agency_name = officer.agency.as_ref().and_then(|a| state.config.agency(a)).map(|a| a.name.clone());
    Ok(Json(OfficerView { id: officer.id, name: officer.name, role, agency: officer.agency, agency_name }))
}

// ----- Officer inbox ------------------------------------------------------------

/// The inbox's query parameters (`/api/v1/inbox` and, without `limit` and
/// `offset`, `/api/v1/inbox.csv`); an unknown one is refused.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct InboxQuery {
    status: Option<String>,
    agency: Option<AgencyId>,
    kind: Option<ComplaintKind>,
    #[serde(default)]
    overdue: bool,
    #[serde(default)]
    at_risk: bool,
    q: Option<String>,
    pub(crate) limit: Option<u32>,
    pub(crate) offset: Option<u32>,
}

/// The inbox's signed-in officer, or `auth.required`.
pub(crate) async fn inbox_officer<S: Store>(
    state: &AppState<S>,
    headers: &HeaderMap,
) -> AppResult<OfficerRecord> {
    signed_in_officer(
        state,
        headers,
        "Masuk sebagai petugas untuk melihat kotak masuk",
        "Sign in as an officer to see the inbox",
    )
    .await
}

/// The store's filter for `query` as `officer` may ask it: an admin
/// penghubung sees only their own agency's complaints.
pub(crate) fn inbox_filter(
    officer: &OfficerRecord,
    query: InboxQuery,
    now: DateTime<Utc>,
) -> AppResult<InboxFilter> {
    let agency = match (&officer.agency, query.agency) {
        (None, requested) => requested,
        (Some(own), None) => Some(own.clone()),
        (Some(own), Some(requested)) if *own == requested => Some(requested),
        (Some(_), Some(_)) => return Err(forbidden_agency()),
    };
    let statuses = match query.status.as_deref().filter(|s| !s.is_empty()) {
        None => Vec::new(),
        Some(list) => {
            list.split(',')
                .map(|code| {
                    serde_json::from_value::<Status>(serde_json::Value::String(code.trim().to_owned()))
                        .map_err(|_| {
                            field_error(
                                "status",
                                "unknown_status",
                                format!("Status {code} tidak dikenal"),
                                format!("Unknown status {code}"),
                            )
                        })
                })
                .collect::<AppResult<_>>()?
        }
    };
    Ok(InboxFilter {
        agency,
        statuses,
        kind: query.kind,
        overdue: query.overdue,
        at_risk: query.at_risk,
        text: query.q.map(|q| q.trim().to_owned()).filter(|q| !q.is_empty()),
        now: Some(now),
        limit: query.limit.unwrap_or(50).clamp(1, 200),
        offset: query.offset.unwrap_or(0),
    })
}

/// One inbox row as the wire shows it, measured at `now`.
pub(crate) fn inbox_item(config: &Config, now: DateTime<Utc>, row: crate::store::InboxRow) -> InboxItem {
    let rm = &row.read_model;
    let zone = rm.agency.as_ref().map_or(config.default_zone, |a| config.zone_of(a));
    let remaining = rm.due_at.and_then(|due| {
        let seconds = if now <= due {
            config.calendar.working_seconds_between(zone, now, due)
        } else {
            config.calendar.working_seconds_between(zone, due, now).map(|s| -s)
        };
        seconds.ok().map(v1::working_days_1dp)
    });
    let overdue = rm.due_at.is_some_and(|due| due < now);
    InboxItem {
        ticket: row.ticket,
        kind: row.kind,
        title: row.title,
        status: rm.status.into(),
        agency: rm.agency.clone(),
        received_at: row.received_at,
        due_at: rm.due_at,
        remaining_working_days: remaining,
        overdue,
        at_risk: !overdue && rm.at_risk_at.is_some_and(|t| t <= now),
        version: rm.version,
    }
}

async fn inbox<S: Store>(
    State(state): State<AppState<S>>,
    headers: HeaderMap,
    QueryParams(query): QueryParams<InboxQuery>,
) -> AppResult<Json<InboxPage>> {
    let officer = inbox_officer(&state, &headers).await?;
    let now = (state.now)();
    let filter = inbox_filter(&officer, query, now)?;
    let page = state.store.inbox(&filter).await?;
    let items = page.rows.into_iter().map(|row| inbox_item(&state.config, now, row)).collect();
    Ok(Json(InboxPage { total: page.total, items }))
}

// ----- Agencies, statistics, badge, leaderboard ----------------------------------

async fn agencies<S: Store>(State(state): State<AppState<S>>) -> Json<Vec<v1::Agency>> {
    Json(
        state
            .config
            .agencies
            .iter()
            .map(|a| v1::Agency {
                id: a.id.clone(),
                name: a.name.clone(),
                category: a.category.clone(),
                zone: a.zone,
            })
            .collect(),
    )
}

/// Unknown parameters are ignored here: badge images get cache-busting and
/// tracking parameters added by the pages that embed them.
#[derive(Debug, Deserialize)]
pub(crate) struct PeriodQuery {
    period: Option<String>,
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
    lang: Option<String>,
    category: Option<aduan_core::CategoryId>,
    /// One agency's monthly rows instead (only `stats.csv` reads it).
    pub(crate) agency: Option<String>,
}

impl PeriodQuery {
    fn lang(&self) -> Lang {
        self.lang.as_deref().and_then(Lang::from_tag).unwrap_or_default()
    }
}

/// `period=2025`, `period=2025-03`, or `from=…&to=…`; the current year by default.
pub(crate) fn period(query: &PeriodQuery, today: chrono::NaiveDate) -> AppResult<Period> {
    let invalid = || {
        field_error(
            "period",
            "invalid_period",
            "Periode harus berupa tahun (2025), bulan (2025-03), atau from dan to (YYYY-MM-DD)",
            "The period must be a year (2025), a month (2025-03), or from and to dates (YYYY-MM-DD)",
        )
    };
    match (&query.period, query.from, query.to) {
        (Some(p), None, None) => {
            let parsed = match p.split_once('-') {
                None => p.parse::<i32>().ok().filter(|y| (1900..=9999).contains(y)).map(Period::year),
                Some((y, m)) => match (y.parse::<i32>(), m.parse::<u32>()) {
                    (Ok(y), Ok(m)) if (1900..=9999).contains(&y) => Period::month(y, m),
                    _ => None,
                },
            };
            parsed.ok_or_else(invalid)
        }
        (None, Some(from), Some(to)) => Period::new(from, to).map_err(|e| field_errors(vec![e])),
        (None, None, None) => Ok(Period::year(today.year())),
        _ => Err(invalid()),
    }
}

async fn histories_lifecycles<S: Store>(
    state: &AppState<S>,
    agency: Option<&AgencyId>,
) -> AppResult<Vec<Lifecycle>> {
    let histories = state.store.histories(agency).await?;
    let mut out = Vec::with_capacity(histories.len());
    for (ticket, events) in histories {
        match aduan_core::lifecycle::fold(&events) {
            Ok(c) => out.push(c),
            Err(e) => {
                tracing::error!(%ticket, error = %e, "stored history does not fold; left out of statistics");
            }
        }
    }
    Ok(out)
}

/// Statistics of every agency for `period`, computed once and kept for a
/// minute or until the next write through this instance: badges are
/// embedded on busy pages, and each computation folds every history.
pub(crate) async fn period_stats<S: Store>(state: &AppState<S>, period: Period) -> AppResult<Arc<ByAgency>> {
    let now = (state.now)();
    let generation = state.stats_cache.generation.load(std::sync::atomic::Ordering::Acquire);
    // Holding the lock while computing makes concurrent requests for the
    // same figures wait for one computation instead of each doing it.
    let mut entries = state.stats_cache.entries.lock().await;
    if let Some(hit) = entries.get(&period) {
        let fresh =
            hit.generation == generation && hit.at <= now && now - hit.at < chrono::Duration::seconds(60);
        if fresh {
            return Ok(Arc::clone(&hit.stats));
        }
    }
    let config = &state.config;
    let ctx = StatsContext { policy: &config.sla, calendar: &config.calendar, period, now };
    let zones = config.agencies.iter().map(|a| (a.id.clone(), a.zone)).collect();
    let mut all = StatsByAgency::new(ctx, zones, config.default_zone);
    for c in histories_lifecycles(state, None).await? {
        all.push(&c).map_err(aduan_core::Error::from)?;
    }
    let stats = Arc::new(all.finish());
    if entries.len() >= 64 {
        entries.clear();
    }
    entries.insert(period, CachedStats { generation, at: now, stats: Arc::clone(&stats) });
    Ok(stats)
}

async fn stats_of<S: Store>(state: &AppState<S>, agency: &AgencyId, period: Period) -> AppResult<Stats> {
    let all = period_stats(state, period).await?;
    Ok(match all.agencies.get(agency) {
        Some(stats) => stats.clone(),
        None => {
            let config = &state.config;
            let ctx =
                StatsContext { policy: &config.sla, calendar: &config.calendar, period, now: (state.now)() };
            StatsBuilder::new(ctx, config.zone_of(agency)).finish()
        }
    })
}

/// Cached per-period statistics (see `period_stats`).
#[derive(Debug, Default)]
pub struct StatsCache {
    entries: tokio::sync::Mutex<std::collections::HashMap<Period, CachedStats>>,
    /// Bumped by every write, so cached figures never outlive a change made
    /// through this instance.
    generation: std::sync::atomic::AtomicU64,
}

impl StatsCache {
    /// Drops every cached figure (after a write).
    pub(crate) fn invalidate(&self) {
        self.generation.fetch_add(1, std::sync::atomic::Ordering::Release);
    }
}

#[derive(Debug)]
struct CachedStats {
    generation: u64,
    at: DateTime<Utc>,
    stats: Arc<ByAgency>,
}

pub(crate) fn known<'c>(config: &'c Config, agency: &str) -> AppResult<&'c crate::config::AgencyConfig> {
    AgencyId::new(agency).ok().and_then(|id| config.agency(&id)).ok_or_else(AppError::agency_not_found)
}

async fn agency_stats<S: Store>(
    State(state): State<AppState<S>>,
    PathParam(agency): PathParam,
    QueryParams(query): QueryParams<PeriodQuery>,
) -> AppResult<Json<StatsView>> {
    let agency = known(&state.config, &agency)?;
    let today = agency.zone.local_date((state.now)());
    let stats = stats_of(&state, &agency.id, period(&query, today)?).await?;
    Ok(Json(StatsView::new(&stats, &state.config.sla)))
}

/// The province's statistics: every complaint, every agency's and those
/// still with the koordinator, in the default zone.
async fn province_stats<S: Store>(
    State(state): State<AppState<S>>,
    QueryParams(query): QueryParams<PeriodQuery>,
) -> AppResult<Json<StatsView>> {
    let today = state.config.default_zone.local_date((state.now)());
    let all = period_stats(&state, period(&query, today)?).await?;
    Ok(Json(StatsView::new(&all.province, &state.config.sla)))
}

async fn badge_of<S: Store>(state: &AppState<S>, agency: &str, query: &PeriodQuery) -> AppResult<Badge> {
    let agency = known(&state.config, agency)?;
    let today = agency.zone.local_date((state.now)());
    let stats = stats_of(state, &agency.id, period(query, today)?).await?;
    Ok(Badge::new(agency.id.clone(), &agency.name, &stats, &state.config.sla))
}

fn cached(mut response: Response) -> Response {
    response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("public, max-age=300"));
    response
}

async fn badge_json<S: Store>(
    State(state): State<AppState<S>>,
    PathParam(agency): PathParam,
    QueryParams(query): QueryParams<PeriodQuery>,
) -> AppResult<Response> {
    Ok(cached(Json(badge_of(&state, &agency, &query).await?).into_response()))
}

async fn badge_file<S: Store>(
    State(state): State<AppState<S>>,
    PathParam(file): PathParam,
    QueryParams(query): QueryParams<PeriodQuery>,
) -> AppResult<Response> {
    if let Some(agency) = file.strip_suffix(".svg") {
        let badge = badge_of(&state, agency, &query).await?;
        let svg = crate::badge::svg(&badge, query.lang());
        let response = ([(header::CONTENT_TYPE, "image/svg+xml; charset=utf-8")], svg).into_response();
        return Ok(cached(response));
    }
    if let Some(agency) = file.strip_suffix(".json") {
        let badge = badge_of(&state, agency, &query).await?;
        return Ok(cached(Json(badge.shields(query.lang())).into_response()));
    }
    Err(AppError::agency_not_found())
}

/// The awards this server scores, in configuration order.
async fn awards<S: Store>(State(state): State<AppState<S>>) -> Json<Vec<v1::AwardSummary>> {
    Json(
        state
            .config
            .awards
            .iter()
            .map(|a| v1::AwardSummary { id: a.id.clone(), name: a.name.clone() })
            .collect(),
    )
}

async fn leaderboard<S: Store>(
    State(state): State<AppState<S>>,
    PathParam(award_id): PathParam,
    QueryParams(query): QueryParams<PeriodQuery>,
) -> AppResult<Json<LeaderboardView>> {
    let config = &state.config;
    let definition = config.awards.iter().find(|a| a.id == award_id).ok_or_else(|| {
        AppError::new(
            StatusCode::NOT_FOUND,
            "award.not_found",
            "Penghargaan tidak ditemukan",
            "Award not found",
        )
    })?;
    let now = (state.now)();
    let period = period(&query, config.default_zone.local_date(now))?;
    let ctx = StatsContext { policy: &config.sla, calendar: &config.calendar, period, now };
    let all = period_stats(&state, period).await?;
    let mut monthly = std::collections::BTreeMap::new();
    let entrants: Vec<Entrant> = config
        .agencies
        .iter()
        .filter(|a| query.category.as_ref().is_none_or(|c| *c == a.category))
        .map(|a| {
            let empty;
            let stats = match all.agencies.get(&a.id) {
                Some(stats) => stats,
                None => {
                    empty = StatsBuilder::new(ctx, a.zone).finish();
                    &empty
                }
            };
            // Each entrant's chart comes with the ranking, so a leaderboard
            // is one request however many entrants it has.
            monthly.insert(a.id.clone(), v1::MonthPoint::series(stats));
            Entrant {
                id: a.id.clone(),
                name: a.name.clone(),
                category: a.category.clone(),
                metrics: stats.award_metrics(),
            }
        })
        .collect();
    let board = award::score(definition, &entrants).map_err(aduan_core::Error::from)?;
    let view = LeaderboardView::new(definition, &board, period)
        .with_monthly(|agency| monthly.remove(agency).unwrap_or_default());
    Ok(Json(view))
}

/// One pass of the automatic closing: appends `auto_closed` to every
/// followed-up complaint whose window has passed. Safe to run on several
/// instances at once: a complaint another instance closed first is a version
/// conflict, skipped.
///
/// # Errors
/// A database failure; a complaint that cannot be closed is logged and skipped.
pub async fn auto_close_once<S: Store>(state: &AppState<S>) -> anyhow::Result<usize> {
    let now = (state.now)();
    let mut closed = 0;
    for (ticket, version) in state.store.due_for_auto_close(now).await? {
        match auto_close_one(state, ticket, version, now).await {
            Ok(true) => closed += 1,
            Ok(false) => {}
            // One complaint that cannot be closed (say, outside the holiday
            // calendar) must not hold up all the others.
            Err(e) => tracing::warn!(%ticket, error = ?e, "automatic closing skipped"),
        }
    }
    Ok(closed)
}

/// Closes one complaint if it is still at `version` and due; `false` when
/// another instance (or an event) got there first.
async fn auto_close_one<S: Store>(
    state: &AppState<S>,
    ticket: TicketNumber,
    version: u32,
    now: DateTime<Utc>,
) -> anyhow::Result<bool> {
    let Some(record) = state.store.load(&ticket, NOTHING).await? else { return Ok(false) };
    let mut derived = derive::derive(&state.config, &record.events, now)?;
    if derived.lifecycle.version() != version {
        return Ok(false);
    }
    let event = Event {
        at: now.max(derived.lifecycle.last_event_at()),
        actor: Actor::System,
        action: Action::AutoClosed,
    };
    let ctx = SlaContext { policy: &state.config.sla, calendar: &state.config.calendar, zone: derived.zone };
    apply_checked(&mut derived.lifecycle, &event, &ctx)?;
    let derived = derive::measure(&state.config, derived.lifecycle, now)?;
    match state.store.append(&ticket, version, &event, &derive::read_model(&derived)).await {
        Ok(()) => {
            state.stats_cache.invalidate();
            Ok(true)
        }
        Err(StoreError::Conflict { .. }) => Ok(false),
        Err(e) => Err(e.into()),
    }
}
