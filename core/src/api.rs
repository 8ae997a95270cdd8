//! The wire contract: the types that cross HTTP (`/api/v1`) and the widget
//! boundary, versioned, and converted explicitly from the internal types.
//!
//! Internal types may change freely; these may not change without a new
//! version. The JSON snapshot tests at the bottom make every change to the
//! contract visible in review.

pub mod v1 {
    //! Version 1 of the wire contract, served under `/api/v1`.

    use std::collections::BTreeMap;

    use chrono::{DateTime, NaiveDate, Utc};
    use serde::{Deserialize, Serialize};

    use crate::award::{self, AwardDefinition, Leaderboard};
    use crate::calendar::WorkingDays;
    use crate::complaint::{ComplaintInput, ComplaintKind, Privacy};
    use crate::error::{Error, Lang, Text, ValidationErrors};
    use crate::format;
    use crate::ids::{AgencyId, CategoryId};
    use crate::lifecycle::{Action, ActionKind, Actor, Event, Status};
    use crate::sla::{Clock, ClockKind, ClockState, SlaPolicy};
    use crate::stats::{Period, Ratio, Stats};
    use crate::ticket::TicketNumber;
    use crate::visibility::Visibility;
    use crate::zone::Zone;

    /// The version segment of the API path.
    pub const VERSION: &str = "v1";

    /// Dates on the wire, `2025-03-06`: written as chrono writes them, read
    /// by a small parser of exactly that form (four-digit year). chrono's
    /// own `Deserialize` goes through its general format parser, which cost
    /// the widgets' bundle several kilobytes.
    pub mod date {
        use chrono::NaiveDate;
        use serde::de::Error as _;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        /// Writes `date` as chrono does.
        ///
        /// # Errors
        /// Only the serializer's own.
        pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
            date.serialize(serializer)
        }

        /// Reads `YYYY-MM-DD`.
        ///
        /// # Errors
        /// When the value is not a real date of that form.
        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
            let text = String::deserialize(deserializer)?;
            parse(&text).ok_or_else(|| D::Error::custom("expected a date as YYYY-MM-DD"))
        }

        /// `YYYY-MM-DD` with a four-digit year, if it is a real date.
        ///
        /// # Example
        /// ```
        /// use aduan_core::api::v1::date::parse;
        /// assert_eq!(parse("2024-02-29"), chrono::NaiveDate::from_ymd_opt(2024, 2, 29));
        /// assert_eq!(parse("2025-02-29"), None);
        /// assert_eq!(parse("2025-3-6"), None);
        /// ```
        #[must_use]
        pub fn parse(text: &str) -> Option<NaiveDate> {
            let b = text.as_bytes();
            let digits = |range: std::ops::Range<usize>| {
                b.get(range)
                    .filter(|d| d.iter().all(u8::is_ascii_digit))
                    .map(|d| d.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
            };
            if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
                return None;
            }
            let year = i32::try_from(digits(0..4)?).ok()?;
            NaiveDate::from_ymd_opt(year, digits(5..7)?, digits(8..10)?)
        }

        /// The same for optional dates (with `#[serde(default)]`).
        pub mod option {
            use chrono::NaiveDate;
            use serde::{Deserialize, Deserializer, Serializer};

            /// Writes `date` as chrono does, `null` for none.
            ///
            /// # Errors
            /// Only the serializer's own.
            pub fn serialize<S: Serializer>(
                date: &Option<NaiveDate>,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match date {
                    Some(date) => super::serialize(date, serializer),
                    None => serializer.serialize_none(),
                }
            }

            /// Reads `YYYY-MM-DD` or `null`.
            ///
            /// # Errors
            /// When the value is neither.
            pub fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<NaiveDate>, D::Error> {
                #[derive(Deserialize)]
                struct Date(#[serde(deserialize_with = "super::deserialize")] NaiveDate);
                Ok(Option::<Date>::deserialize(deserializer)?.map(|Date(d)| d))
            }
        }
    }

    /// Instants on the wire: written as chrono writes them
    /// (`2025-03-06T02:00:00Z`), read with chrono's RFC 3339 parser alone.
    /// chrono's own `Deserialize` goes through its general format parser,
    /// which cost the widgets' bundle several kilobytes for nothing.
    pub mod rfc3339 {
        use chrono::{DateTime, Utc};
        use serde::de::Error as _;
        use serde::{Deserialize, Deserializer, Serialize, Serializer};

        /// Writes `at` as chrono does.
        ///
        /// # Errors
        /// Only the serializer's own.
        pub fn serialize<S: Serializer>(at: &DateTime<Utc>, serializer: S) -> Result<S::Ok, S::Error> {
            at.serialize(serializer)
        }

        /// Reads an RFC 3339 instant, in any offset, as UTC.
        ///
        /// # Errors
        /// When the value is not an RFC 3339 date and time.
        pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<DateTime<Utc>, D::Error> {
            let text = String::deserialize(deserializer)?;
            DateTime::parse_from_rfc3339(&text)
                .map(|at| at.with_timezone(&Utc))
                .map_err(|_| D::Error::custom("expected an RFC 3339 date and time"))
        }

        /// The same for optional instants (with `#[serde(default)]`).
        pub mod option {
            use chrono::{DateTime, Utc};
            use serde::{Deserialize, Deserializer, Serializer};

            /// Writes `at` as chrono does, `null` for none.
            ///
            /// # Errors
            /// Only the serializer's own.
            pub fn serialize<S: Serializer>(
                at: &Option<DateTime<Utc>>,
                serializer: S,
            ) -> Result<S::Ok, S::Error> {
                match at {
                    Some(at) => super::serialize(at, serializer),
                    None => serializer.serialize_none(),
                }
            }

            /// Reads an RFC 3339 instant or `null`.
            ///
            /// # Errors
            /// When the value is neither.
            pub fn deserialize<'de, D: Deserializer<'de>>(
                deserializer: D,
            ) -> Result<Option<DateTime<Utc>>, D::Error> {
                #[derive(Deserialize)]
                struct Instant(#[serde(deserialize_with = "super::deserialize")] DateTime<Utc>);
                Ok(Option::<Instant>::deserialize(deserializer)?.map(|Instant(at)| at))
            }
        }
    }

    // ----- Errors -------------------------------------------------------

    /// An error response: an RFC 9457 problem document
    /// (`application/problem+json`) with Aduan's stable code, a message in
    /// both languages, and for validation every field error.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Problem {
        /// A URI naming the kind of problem: `urn:aduan:problem:<code>`.
        #[serde(rename = "type")]
        pub type_uri: String,
        /// A short English summary (RFC 9457's `title`).
        pub title: String,
        /// The HTTP status code.
        pub status: u16,
        /// The stable machine code, e.g. `validation`, `transition.not_allowed`.
        pub code: String,
        /// What went wrong, in Indonesian and English.
        pub message: Text,
        /// Every field error, for validation problems.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub errors: Vec<FieldProblem>,
    }

    /// One field's problem in a [`Problem`].
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct FieldProblem {
        /// The field's path, e.g. `reporter.email`.
        pub field: String,
        /// The stable code, e.g. `too_short`.
        pub code: String,
        /// The message to show beside the field and in the error summary.
        pub message: Text,
    }

    impl Problem {
        /// A problem with a status, a stable code and a message.
        ///
        /// # Example
        /// ```
        /// use aduan_core::api::v1::Problem;
        /// use aduan_core::Text;
        /// let p = Problem::new(404, "ticket.not_found", Text::new("Tiket tidak ditemukan", "Ticket not found"));
        /// assert_eq!(p.type_uri, "urn:aduan:problem:ticket.not_found");
        /// assert_eq!(p.title, "Ticket not found");
        /// ```
        #[must_use]
        pub fn new(status: u16, code: &str, message: Text) -> Self {
            Self {
                type_uri: format!("urn:aduan:problem:{code}"),
                title: message.en.clone(),
                status,
                code: code.to_owned(),
                message,
                errors: Vec::new(),
            }
        }

        /// The 422 problem listing every field error of a failed validation.
        ///
        /// # Example
        /// ```
        /// use aduan_core::api::v1::Problem;
        /// use aduan_core::{ValidationErrors, FieldError, Text};
        /// let errors = ValidationErrors::check(vec![FieldError {
        ///     field: "title", code: "too_short",
        ///     message: Text::new("Judul minimal 10 karakter", "Title must be at least 10 characters"),
        /// }]).unwrap_err();
        /// let p = Problem::validation(&errors);
        /// assert_eq!((p.status, p.errors.len()), (422, 1));
        /// ```
        #[must_use]
        pub fn validation(errors: &ValidationErrors) -> Self {
            Self::from_error(&Error::Validation(errors.clone()), 422)
        }

        /// A problem for any core error, with the HTTP status the shell chose.
        #[must_use]
        pub fn from_error(error: &Error, status: u16) -> Self {
            let mut p = Self::new(status, error.code(), error.message());
            if let Error::Validation(v) = error {
                p.errors = v
                    .errors()
                    .iter()
                    .map(|e| FieldProblem {
                        field: e.field.to_owned(),
                        code: e.code.to_owned(),
                        message: e.message.clone(),
                    })
                    .collect();
            }
            p
        }
    }

    // ----- Agencies and statuses -------------------------------------------

    /// An agency as the public API lists it.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Agency {
        /// Its slug.
        pub id: AgencyId,
        /// Its full name, e.g. "Dinas Kesehatan Provinsi Kalimantan Selatan".
        pub name: String,
        /// Its award category, e.g. `opd`.
        pub category: CategoryId,
        /// Its time zone (deadlines and dates are shown in it).
        pub zone: Zone,
    }

    /// A status with its label, so a client need not translate codes.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct StatusView {
        /// The stable code.
        pub code: Status,
        /// The label in both languages.
        pub label: Text,
    }

    impl From<Status> for StatusView {
        fn from(code: Status) -> Self {
            Self { code, label: code.label() }
        }
    }

    // ----- Officers and the console ------------------------------------------

    /// An officer's role: the provincial admin koordinator (verifies,
    /// disposes, reroutes, archives across all agencies) or an agency's
    /// admin penghubung (answers what was disposed to that agency).
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum OfficerRole {
        /// Admin koordinator of the province.
        Koordinator,
        /// Admin penghubung of one agency.
        Penghubung,
    }

    /// The signed-in officer (`GET /api/v1/me`), so the console can greet
    /// them and show only their role's screens.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct OfficerView {
        /// Stable id from the configuration, e.g. `penghubung-dinkes`.
        pub id: String,
        /// Display name.
        pub name: String,
        /// Koordinator or penghubung.
        pub role: OfficerRole,
        /// The penghubung's agency; absent for the koordinator.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub agency: Option<AgencyId>,
        /// That agency's name.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub agency_name: Option<String>,
    }

    /// A complaint as an officer sees it (`GET /api/v1/complaints/{ticket}`
    /// with an officer token): the common view plus what only officers may
    /// see, each present only where the complaint's privacy lets this
    /// officer see it (contact: not for an anonymous report's agency).
    /// Clients that read a [`ComplaintView`] can read this unchanged.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct OfficerComplaintView {
        /// Everything a [`ComplaintView`] holds.
        #[serde(flatten)]
        pub complaint: ComplaintView,
        /// The reporter's email (contact).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reporter_email: Option<String>,
        /// The reporter's mobile number (contact).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub reporter_phone: Option<String>,
        /// The map point the reporter gave (content).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub coordinates: Option<crate::complaint::Coordinates>,
    }

    /// An award the server scores (`GET /api/v1/awards`).
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct AwardSummary {
        /// Its id, as in `/api/v1/awards/{award}/leaderboard`.
        pub id: String,
        /// Its name in both languages.
        pub name: Text,
    }

    // ----- Submission -----------------------------------------------------

    /// The body of `POST /api/v1/complaints`.
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct SubmitComplaint {
        /// The complaint as typed.
        #[serde(flatten)]
        pub complaint: ComplaintInput,
        /// A honeypot field hidden from people: a non-empty value marks a bot.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        pub website: String,
    }

    /// The answer to a successful submission: what the reporter must keep.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct Submitted {
        /// The ticket number to track the complaint.
        pub ticket: TicketNumber,
        /// The access secret, shown once, needed to see the full complaint
        /// and to act as its reporter.
        pub secret: String,
        /// The status, `diterima`.
        pub status: StatusView,
        /// When it was received.
        #[serde(with = "rfc3339")]
        pub received_at: DateTime<Utc>,
        /// The agency addressed.
        pub agency: AgencyId,
        /// When verification and disposition are due at the latest (absent
        /// when beyond the holiday calendar's years).
        #[serde(default, with = "rfc3339::option", skip_serializing_if = "Option::is_none")]
        pub verification_due_at: Option<DateTime<Utc>>,
    }

    // ----- Complaint view ---------------------------------------------------

    /// A complaint as one audience may see it. Fields the audience may not
    /// see are absent (never empty strings), filled by the shell according
    /// to [`Visibility`].
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ComplaintView {
        /// The ticket number.
        pub ticket: TicketNumber,
        /// Current status.
        pub status: StatusView,
        /// The agency handling it, once disposed.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub agency: Option<AgencyId>,
        /// When it was received.
        #[serde(with = "rfc3339")]
        pub received_at: DateTime<Utc>,
        /// The zone its dates are shown in (the handling agency's).
        pub zone: Zone,
        /// Kind of report (summary).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub kind: Option<ComplaintKind>,
        /// Privacy (summary).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub privacy: Option<Privacy>,
        /// Title (summary).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub title: Option<String>,
        /// Description (content).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub description: Option<String>,
        /// Incident date (content).
        #[serde(default, with = "date::option", skip_serializing_if = "Option::is_none")]
        pub incident_date: Option<NaiveDate>,
        /// Location (content).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub location: Option<String>,
        /// The reporter's name (identity).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub reporter_name: Option<String>,
        /// What happened so far.
        pub timeline: Vec<TimelineEntry>,
        /// The SLA clocks.
        pub deadlines: Vec<Deadline>,
        /// When it closes automatically unless the reporter replies.
        #[serde(default, with = "rfc3339::option", skip_serializing_if = "Option::is_none")]
        pub auto_close_at: Option<DateTime<Utc>>,
        /// What the viewer may do now (reporter actions with the secret,
        /// officer actions in the console).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        pub actions: Vec<ActionKind>,
        /// The version to send back with an action (optimistic concurrency).
        pub version: u32,
    }

    /// One event of the timeline.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    pub struct TimelineEntry {
        /// When.
        #[serde(with = "rfc3339")]
        pub at: DateTime<Utc>,
        /// What, as a code.
        pub action: ActionKind,
        /// What, as people read it.
        pub label: Text,
        /// Who, as a role: `reporter`, `koordinator`, `penghubung`, `system`.
        pub role: String,
        /// The officer's agency, for agency actions.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub agency: Option<AgencyId>,
        /// The agency an action sent the complaint to (disposition) or
        /// suggested (reroute).
        #[serde(skip_serializing_if = "Option::is_none")]
        pub to_agency: Option<AgencyId>,
        /// The message or reason, when the viewer may see content.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub message: Option<String>,
        /// The rating, for a rating.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub rating: Option<u8>,
    }

    impl TimelineEntry {
        /// The entry for `event` as seen with `visibility`: messages and
        /// reasons appear only to those who may see the content.
        ///
        /// # Example
        /// ```
        /// use aduan_core::api::v1::TimelineEntry;
        /// use aduan_core::lifecycle::{Action, Actor, Event};
        /// use aduan_core::visibility::{Audience, Visibility};
        /// use aduan_core::Privacy;
        /// let e = Event { at: "2025-03-03T02:00:00Z".parse().unwrap(), actor: Actor::Koordinator,
        ///     action: Action::Held { reason: "Menunggu foto".into() } };
        /// let public = TimelineEntry::from_event(&e, &Visibility::of(Privacy::Publik, Audience::Public));
        /// assert_eq!(public.message, None);
        /// let reporter = TimelineEntry::from_event(&e, &Visibility::of(Privacy::Publik, Audience::Reporter));
        /// assert_eq!(reporter.message.as_deref(), Some("Menunggu foto"));
        /// ```
        #[must_use]
        pub fn from_event(event: &Event, visibility: &Visibility) -> Self {
            let kind = event.action.kind();
            let (to_agency, message, rating) = match &event.action {
                Action::Disposed { to } => (Some(to.clone()), None, None),
                Action::Rerouted { reason, suggested } => (suggested.clone(), Some(reason), None),
                Action::Held { reason } | Action::Disputed { reason } => (None, Some(reason), None),
                Action::Responded { message }
                | Action::FollowedUp { message }
                | Action::InfoAdded { message } => (None, Some(message), None),
                Action::Archived { note, .. } => (None, (!note.is_empty()).then_some(note), None),
                Action::Rated { rating } => (None, None, Some(rating.stars())),
                _ => (None, None, None),
            };
            Self {
                at: event.at,
                action: kind,
                label: kind.label(),
                role: event.actor.role().to_owned(),
                agency: match &event.actor {
                    Actor::Penghubung { agency } => Some(agency.clone()),
                    _ => None,
                },
                to_agency,
                message: message.filter(|_| visibility.content).cloned(),
                rating,
            }
        }
    }

    /// One SLA clock as clients show it.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Deadline {
        /// Which deadline.
        pub clock: ClockKind,
        /// Where it stands.
        pub state: ClockState,
        /// When it started.
        #[serde(with = "rfc3339")]
        pub started_at: DateTime<Utc>,
        /// When it is due; absent when beyond the holiday calendar's years.
        #[serde(default, with = "rfc3339::option", skip_serializing_if = "Option::is_none")]
        pub due_at: Option<DateTime<Utc>>,
        /// When it stopped, if it did.
        #[serde(default, with = "rfc3339::option", skip_serializing_if = "Option::is_none")]
        pub stopped_at: Option<DateTime<Utc>>,
        /// Working days left (negative when overdue), to one decimal place.
        pub remaining_working_days: f64,
    }

    impl From<&Clock> for Deadline {
        fn from(c: &Clock) -> Self {
            Self {
                clock: c.kind,
                state: c.state,
                started_at: c.started_at,
                due_at: c.due_at,
                stopped_at: c.stopped_at,
                remaining_working_days: working_days_1dp(c.remaining_working_seconds()),
            }
        }
    }

    fn round1(x: f64) -> f64 {
        (x * 10.0).round() / 10.0
    }

    // ----- Officer inbox ------------------------------------------------------

    /// One row of an officer's inbox.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct InboxItem {
        /// The ticket number.
        pub ticket: TicketNumber,
        /// Kind of report.
        pub kind: ComplaintKind,
        /// Title.
        pub title: String,
        /// Current status.
        pub status: StatusView,
        /// The agency it is disposed to, if any.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub agency: Option<AgencyId>,
        /// When it was received.
        #[serde(with = "rfc3339")]
        pub received_at: DateTime<Utc>,
        /// The most urgent open deadline, if a clock is counting.
        #[serde(default, with = "rfc3339::option", skip_serializing_if = "Option::is_none")]
        pub due_at: Option<DateTime<Utc>>,
        /// Working days left before that deadline (negative when overdue),
        /// to one decimal place.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub remaining_working_days: Option<f64>,
        /// Past a deadline.
        pub overdue: bool,
        /// At risk (and not overdue).
        pub at_risk: bool,
        /// The version to act on.
        pub version: u32,
    }

    /// A page of an officer's inbox.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct InboxPage {
        /// How many complaints match in all.
        pub total: u64,
        /// This page, most urgent first.
        pub items: Vec<InboxItem>,
    }

    /// The body of `POST /api/v1/complaints/{ticket}/actions`.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ActionRequest {
        /// The version the actor saw: acting on an older one is a conflict.
        pub version: u32,
        /// What to do, as the core's tagged action (`{"type": "responded",
        /// "message": "…"}`).
        pub action: Action,
    }

    /// Rounds working seconds to working days with one decimal, as clients show them.
    #[must_use]
    pub fn working_days_1dp(seconds: i64) -> f64 {
        round1(seconds as f64 / crate::calendar::SECONDS_PER_WORKING_DAY as f64)
    }

    // ----- Statistics and the badge ----------------------------------------

    /// A count out of a total with its share.
    #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
    pub struct Share {
        /// How many met the condition.
        pub count: u32,
        /// Out of how many.
        pub total: u32,
        /// `count / total`, absent when the total is zero.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub share: Option<f64>,
    }

    impl From<Ratio> for Share {
        fn from(r: Ratio) -> Self {
            Self { count: r.count, total: r.total, share: r.share() }
        }
    }

    /// Median, mean and 90th percentile, in days.
    #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
    pub struct Durations {
        /// How many answered complaints.
        pub count: u32,
        /// Median.
        pub median: f64,
        /// Mean.
        pub mean: f64,
        /// 90th percentile.
        pub p90: f64,
    }

    impl From<crate::stats::Distribution> for Durations {
        fn from(d: crate::stats::Distribution) -> Self {
            Self { count: d.count, median: d.median, mean: d.mean, p90: d.p90 }
        }
    }

    /// One month of the series charts draw.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct MonthPoint {
        /// `YYYY-MM`.
        pub month: String,
        /// Complaints received.
        pub received: u32,
        /// Median response time in working days, if any were answered.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub median_working_days: Option<f64>,
        /// Median response time in calendar days, if any were answered.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub median_days: Option<f64>,
        /// Answered within the standard.
        pub within_standard: Share,
    }

    /// An agency's (or the province's) statistics for a period.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct StatsView {
        /// The period.
        pub period: Period,
        /// When open and overdue counts were taken.
        #[serde(with = "rfc3339")]
        pub as_of: DateTime<Utc>,
        /// Complaints received.
        pub total: u32,
        /// Counts by kind code.
        pub by_kind: BTreeMap<String, u32>,
        /// Counts by status code.
        pub by_status: BTreeMap<String, u32>,
        /// Counts by channel code.
        pub by_channel: BTreeMap<String, u32>,
        /// Response times in calendar days.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub response_days: Option<Durations>,
        /// Response times in working days.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub response_working_days: Option<Durations>,
        /// The response standard, in working days.
        pub standard_working_days: u32,
        /// Answered within the standard.
        pub within_standard: Share,
        /// Disposed complaints followed up.
        pub follow_up: Share,
        /// Complaints finished.
        pub completion: Share,
        /// Ratings: count and mean.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub satisfaction: Option<Satisfaction>,
        /// Still open.
        pub open: u32,
        /// Open and past a deadline.
        pub overdue: u32,
        /// One point per month.
        pub monthly: Vec<MonthPoint>,
        /// How answered complaints' response times (working days, holds
        /// left out) spread: consecutive buckets, the last open-ended.
        #[serde(default)]
        pub response_histogram: Vec<HistogramBucket>,
    }

    /// One bucket of a response-time histogram: `count` answered complaints
    /// took more than `from_working_days` and at most `to_working_days`
    /// (the first bucket includes 0; `None` means no upper bound).
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct HistogramBucket {
        /// Lower bound, exclusive (inclusive for the first bucket).
        pub from_working_days: f64,
        /// Upper bound, inclusive; `None` for the last bucket.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub to_working_days: Option<f64>,
        /// e.g. "1–2 hari kerja" / "1–2 working days".
        pub label: Text,
        /// Answered complaints in the bucket.
        pub count: u32,
    }

    /// Ratings given.
    #[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
    pub struct Satisfaction {
        /// How many.
        pub count: u32,
        /// Mean stars, 1–5.
        pub mean: f64,
    }

    impl StatsView {
        /// The wire form of `stats` measured against `policy`.
        #[must_use]
        pub fn new(stats: &Stats, policy: &SlaPolicy) -> Self {
            let codes = |m: Vec<(&'static str, u32)>| m.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
            Self {
                period: stats.period,
                as_of: stats.as_of,
                total: stats.total,
                by_kind: codes(stats.by_kind.iter().map(|(k, v)| (k.code(), *v)).collect()),
                by_status: codes(stats.by_status.iter().map(|(k, v)| (k.code(), *v)).collect()),
                by_channel: codes(stats.by_channel.iter().map(|(k, v)| (k.code(), *v)).collect()),
                response_days: stats.response.map(|r| r.days.into()),
                response_working_days: stats.response.map(|r| r.working_days.into()),
                standard_working_days: policy.response_standard.get(),
                within_standard: stats.within_standard.into(),
                follow_up: stats.follow_up.into(),
                completion: stats.completion.into(),
                satisfaction: stats.satisfaction.map(|s| Satisfaction { count: s.count, mean: s.mean }),
                open: stats.open,
                overdue: stats.overdue,
                monthly: MonthPoint::series(stats),
                response_histogram: HistogramBucket::series(&stats.response.map_or_else(
                    || crate::stats::ResponseHistogram::new(policy),
                    |r| r.working_days_histogram,
                )),
            }
        }
    }

    impl HistogramBucket {
        /// The buckets of `histogram`, labelled in both languages with the
        /// core's number formatting: "≤ 1 hari kerja", "1–2 hari kerja",
        /// "> 10 hari kerja".
        #[must_use]
        pub fn series(histogram: &crate::stats::ResponseHistogram) -> Vec<Self> {
            let n = |days: u32, lang: Lang| format::integer(i64::from(days), lang);
            let mut from = 0;
            let mut out = Vec::with_capacity(histogram.counts().len());
            for (i, count) in histogram.counts().iter().enumerate() {
                let to = histogram.upper_bounds().get(i).copied();
                let label = match to {
                    Some(to) if i == 0 => Text::new(
                        format!("≤ {}", format::working_days(f64::from(to), 0, Lang::Id)),
                        format!("≤ {}", format::working_days(f64::from(to), 0, Lang::En)),
                    ),
                    Some(to) => Text::new(
                        format!("{}–{} hari kerja", n(from, Lang::Id), n(to, Lang::Id)),
                        format!("{}–{} working days", n(from, Lang::En), n(to, Lang::En)),
                    ),
                    None => Text::new(
                        format!("> {}", format::working_days(f64::from(from), 0, Lang::Id)),
                        format!("> {}", format::working_days(f64::from(from), 0, Lang::En)),
                    ),
                };
                out.push(Self {
                    from_working_days: f64::from(from),
                    to_working_days: to.map(f64::from),
                    label,
                    count: *count,
                });
                from = to.unwrap_or(from);
            }
            out
        }
    }

    impl MonthPoint {
        /// The monthly series of `stats`, one point per month of its period.
        #[must_use]
        pub fn series(stats: &Stats) -> Vec<Self> {
            stats
                .monthly
                .iter()
                .map(|m| Self {
                    month: format!("{:04}-{:02}", m.year, m.month),
                    received: m.received,
                    median_working_days: m.response.map(|r| r.working_days.median),
                    median_days: m.response.map(|r| r.days.median),
                    within_standard: m.within_standard.into(),
                })
                .collect()
        }
    }

    /// How an agency's response time compares with the standard.
    #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "snake_case")]
    pub enum BadgeLevel {
        /// Median within the standard and at least 80 % answered within it.
        Baik,
        /// Median within the standard, fewer than 80 % within it.
        Cukup,
        /// Median beyond the standard.
        Kurang,
        /// No complaint answered in the period.
        BelumAdaData,
    }

    impl BadgeLevel {
        /// A background colour for white text, each above 6:1 contrast
        /// (WCAG AA asks 4.5:1); colour never carries the meaning alone,
        /// the badge's text does.
        #[must_use]
        pub fn colour(self) -> &'static str {
            match self {
                Self::Baik => "#00703c",
                Self::Cukup => "#8a4b00",
                Self::Kurang => "#b10e1e",
                Self::BelumAdaData => "#505a5f",
            }
        }
    }

    /// What the response-time badge shows for one agency and period.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Badge {
        /// The agency.
        pub agency: AgencyId,
        /// Its name.
        pub agency_name: String,
        /// The period measured.
        pub period: Period,
        /// The period as people read it ("2025", "Maret 2025", "1 Maret – 30 Juni 2025").
        pub period_label: Text,
        /// Median response time in working days, if any were answered.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub median_working_days: Option<f64>,
        /// The standard, in working days.
        pub standard_working_days: u32,
        /// Answered within the standard.
        pub within_standard: Share,
        /// The level, for colour.
        pub level: BadgeLevel,
        /// The colour for the level.
        pub colour: String,
        /// The short label ("Respons pengaduan").
        pub label: Text,
        /// The short value ("1,1 hari kerja").
        pub value: Text,
        /// The whole meaning as a sentence, for screen readers and titles.
        pub sentence: Text,
    }

    impl Badge {
        /// The badge of an agency from its statistics.
        ///
        /// # Example
        /// ```
        /// use aduan_core::api::v1::{Badge, BadgeLevel};
        /// use aduan_core::sla::SlaPolicy;
        /// use aduan_core::stats::{Period, Stats, Ratio};
        /// use aduan_core::{AgencyId, Lang};
        /// let stats = Stats { period: Period::year(2025), as_of: "2025-12-31T00:00:00Z".parse().unwrap(),
        ///     total: 0, by_kind: Default::default(), by_status: Default::default(),
        ///     by_channel: Default::default(), response: None, within_standard: Ratio::default(),
        ///     follow_up: Ratio::default(), completion: Ratio::default(), satisfaction: None,
        ///     open: 0, overdue: 0, monthly: vec![] };
        /// let b = Badge::new(AgencyId::new("dinkes").unwrap(), "Dinas Kesehatan", &stats, &SlaPolicy::default());
        /// assert_eq!(b.level, BadgeLevel::BelumAdaData);
        /// assert_eq!(b.value.get(Lang::Id), "belum ada data");
        /// ```
        #[must_use]
        pub fn new(agency: AgencyId, agency_name: &str, stats: &Stats, policy: &SlaPolicy) -> Self {
            let standard = policy.response_standard;
            let median = stats.response.map(|r| r.working_days.median);
            let share = stats.within_standard.share();
            let level = match median {
                None => BadgeLevel::BelumAdaData,
                Some(m) if m > f64::from(standard.get()) => BadgeLevel::Kurang,
                Some(_) if share.unwrap_or(0.0) >= 0.8 => BadgeLevel::Baik,
                Some(_) => BadgeLevel::Cukup,
            };
            let period_label = period_label(stats.period);
            let label = Text::new("Respons pengaduan", "Complaint response");
            let value = match median {
                Some(m) => {
                    Text::new(format::working_days(m, 1, Lang::Id), format::working_days(m, 1, Lang::En))
                }
                None => Text::new("belum ada data", "no data yet"),
            };
            let sentence = sentence(agency_name, median, share, standard, &period_label);
            Self {
                agency,
                agency_name: agency_name.to_owned(),
                period: stats.period,
                period_label,
                median_working_days: median,
                standard_working_days: standard.get(),
                within_standard: stats.within_standard.into(),
                level,
                colour: level.colour().to_owned(),
                label,
                value,
                sentence,
            }
        }

        /// The shields.io endpoint document for this badge, in `lang`.
        #[must_use]
        pub fn shields(&self, lang: Lang) -> ShieldsEndpoint {
            ShieldsEndpoint {
                schema_version: 1,
                label: self.label.get(lang).to_owned(),
                message: self.value.get(lang).to_owned(),
                color: self.colour.trim_start_matches('#').to_owned(),
            }
        }
    }

    /// A period as people read it: "2025", "Maret 2025", "1 Maret – 30 Juni
    /// 2025", or two full dates across years.
    fn period_label(p: Period) -> Text {
        use chrono::Datelike;
        let label = |lang: Lang| {
            let (from, to) = (p.from, p.to);
            if Period::year(from.year()) == p {
                return from.year().to_string();
            }
            if Period::month(from.year(), from.month()) == Some(p) {
                let month = format::month_name(from.month(), lang).unwrap_or_default();
                return format!("{month} {}", from.year());
            }
            if from.year() == to.year() {
                let month = format::month_name(from.month(), lang).unwrap_or_default();
                return format!("{} {month} – {}", from.day(), format::date(to, lang));
            }
            format!("{} – {}", format::date(from, lang), format::date(to, lang))
        };
        Text::new(label(Lang::Id), label(Lang::En))
    }

    #[cfg(test)]
    #[test]
    fn period_labels() {
        let d = |s: &str| s.parse().unwrap();
        let cases = [
            (Period::year(2025), "2025"),
            (Period::month(2025, 3).unwrap(), "Maret 2025"),
            (Period::new(d("2025-03-01"), d("2025-06-30")).unwrap(), "1 Maret – 30 Juni 2025"),
            (Period::new(d("2024-12-01"), d("2025-01-31")).unwrap(), "1 Desember 2024 – 31 Januari 2025"),
        ];
        for (p, want) in cases {
            assert_eq!(period_label(p).id, want);
        }
        assert_eq!(period_label(Period::month(2025, 3).unwrap()).en, "March 2025");
    }

    fn sentence(
        name: &str,
        median: Option<f64>,
        share: Option<f64>,
        standard: WorkingDays,
        period: &Text,
    ) -> Text {
        let std_id = format::working_days(f64::from(standard.get()), 0, Lang::Id);
        let std_en = format::working_days(f64::from(standard.get()), 0, Lang::En);
        match median {
            None => Text::new(
                format!("{name} belum menanggapi pengaduan pada periode {}.", period.id),
                format!("{name} has not answered any complaint in {}.", period.en),
            ),
            Some(m) => {
                let share_id =
                    share.map_or_else(|| format::NO_DATA.to_owned(), |s| format::percent(s, 0, Lang::Id));
                let share_en =
                    share.map_or_else(|| format::NO_DATA.to_owned(), |s| format::percent(s, 0, Lang::En));
                Text::new(
                    format!(
                        "{name} menanggapi pengaduan dalam median {} pada periode {}; {share_id} ditanggapi dalam standar {std_id}.",
                        format::working_days(m, 1, Lang::Id),
                        period.id
                    ),
                    format!(
                        "{name} answered complaints in a median of {} in {}; {share_en} were answered within the {std_en} standard.",
                        format::working_days(m, 1, Lang::En),
                        period.en
                    ),
                )
            }
        }
    }

    /// The JSON a shields.io "endpoint" badge reads.
    #[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
    #[serde(rename_all = "camelCase")]
    pub struct ShieldsEndpoint {
        /// Always 1.
        pub schema_version: u8,
        /// Left side.
        pub label: String,
        /// Right side.
        pub message: String,
        /// Right side's colour, hex without `#`.
        pub color: String,
    }

    // ----- Leaderboard --------------------------------------------------------

    /// An award's leaderboard for a period, every score explained.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct LeaderboardView {
        /// The award's id.
        pub award: String,
        /// The award's name.
        pub award_name: Text,
        /// The period judged.
        pub period: Period,
        /// The period as people write it ("2025", "Maret 2025"); absent
        /// from servers older than this field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub period_label: Option<Text>,
        /// The criteria, in the order contributions are listed.
        pub criteria: Vec<CriterionView>,
        /// One table per category.
        pub categories: Vec<CategoryView>,
    }

    /// A criterion of the award.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct CriterionView {
        /// Its id.
        pub id: String,
        /// Its name.
        pub name: Text,
        /// Its weight, in points of 100.
        pub weight: f64,
        /// What it measures and how its points are given, in both
        /// languages; absent from servers older than this field.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub explanation: Option<Text>,
    }

    /// One category's ranking.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct CategoryView {
        /// The category.
        pub category: CategoryId,
        /// Ranked entrants, best first.
        pub ranked: Vec<RankedView>,
        /// Entrants not ranked, with the reasons.
        pub unranked: Vec<UnrankedView>,
    }

    /// A ranked entrant.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct RankedView {
        /// 1-based rank.
        pub rank: usize,
        /// The agency.
        pub agency: AgencyId,
        /// Its name.
        pub name: String,
        /// Score out of 100.
        pub score: f64,
        /// Whether among the winners.
        pub winner: bool,
        /// Each criterion's part of the score, in criteria order.
        pub contributions: Vec<ContributionView>,
        /// The entrant's month-by-month series over the period (for its
        /// response-time chart); empty from servers older than this field.
        #[serde(default)]
        pub monthly: Vec<MonthPoint>,
    }

    /// One criterion's part of a score.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct ContributionView {
        /// The criterion.
        pub criterion: String,
        /// The raw metric, if the entrant had one.
        #[serde(skip_serializing_if = "Option::is_none")]
        pub raw: Option<f64>,
        /// Normalised to 0–1.
        pub normalized: f64,
        /// Points earned (weight × normalised).
        pub points: f64,
    }

    /// An entrant left out of the ranking.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct UnrankedView {
        /// The agency.
        pub agency: AgencyId,
        /// Its name.
        pub name: String,
        /// Why, in both languages.
        pub reasons: Vec<Text>,
        /// The entrant's month-by-month series over the period; empty from
        /// servers older than this field.
        #[serde(default)]
        pub monthly: Vec<MonthPoint>,
    }

    impl LeaderboardView {
        /// The wire form of a scored leaderboard.
        #[must_use]
        pub fn new(definition: &AwardDefinition, board: &Leaderboard, period: Period) -> Self {
            Self {
                award: definition.id.clone(),
                award_name: definition.name.clone(),
                period,
                period_label: Some(period_label(period)),
                criteria: definition
                    .criteria
                    .iter()
                    .map(|c| CriterionView {
                        id: c.id.clone(),
                        name: c.name.clone(),
                        weight: c.weight,
                        explanation: Some(explain(c)),
                    })
                    .collect(),
                categories: board.categories.iter().map(category_view).collect(),
            }
        }

        /// The same leaderboard with each entrant's monthly series, which
        /// `series` gives for an agency id (the server reads it from the
        /// period's statistics), so a chart per entrant needs no request
        /// of its own.
        #[must_use]
        pub fn with_monthly(mut self, mut series: impl FnMut(&AgencyId) -> Vec<MonthPoint>) -> Self {
            for category in &mut self.categories {
                for r in &mut category.ranked {
                    r.monthly = series(&r.agency);
                }
                for u in &mut category.unranked {
                    u.monthly = series(&u.agency);
                }
            }
            self
        }
    }

    /// What a criterion measures (for the metrics the core fills from
    /// complaint statistics) and how its raw value becomes points, so that
    /// every score on a leaderboard can be explained.
    fn explain(c: &award::Criterion) -> Text {
        use award::{Direction, Normalization, OnMissing, metric};
        let measures = match c.metric.as_str() {
            metric::COMPLAINTS => Some(Text::new(
                "jumlah pengaduan yang didisposisikan ke instansi pada periode ini, tanpa yang diarsipkan",
                "the number of complaints disposed to the agency in the period, archived ones left out",
            )),
            metric::FOLLOW_UP_RATE => Some(Text::new(
                "bagian pengaduan yang sudah ditindaklanjuti instansi",
                "the share of complaints the agency has followed up",
            )),
            metric::WITHIN_STANDARD_SHARE => Some(Text::new(
                "bagian pengaduan yang ditanggapi pertama kali dalam standar waktu",
                "the share of complaints first answered within the time standard",
            )),
            metric::COMPLETION_RATE => {
                Some(Text::new("bagian pengaduan yang sudah selesai", "the share of complaints finished"))
            }
            metric::SATISFACTION_MEAN => Some(Text::new(
                "rata-rata penilaian pelapor, skala 1 sampai 5",
                "the reporters' mean rating, on a scale of 1 to 5",
            )),
            metric::MEDIAN_RESPONSE_DAYS => Some(Text::new(
                "median waktu sampai tanggapan pertama, dalam hari kerja",
                "the median time to the first response, in working days",
            )),
            _ => None,
        };
        let lower = c.direction == Direction::Lower;
        let num = |x: f64, lang| format::decimal(x, if x.fract() == 0.0 { 0 } else { 1 }, lang);
        let points = match c.normalization {
            Normalization::Rate if lower => {
                Text::new("poin = bobot × (1 − nilai)", "points = weight × (1 − the value)")
            }
            Normalization::Rate => Text::new("poin = bobot × nilai", "points = weight × the value"),
            Normalization::LogShareOfMax => Text::new(
                "poin penuh untuk nilai tertinggi dalam kategori, yang lain sebagian menurut skala logaritmik",
                "full points for the highest value in the category, others a share on a logarithmic scale",
            ),
            Normalization::LogMinMax => Text::new(
                "dibandingkan dalam kategori pada skala logaritmik: terbaik poin penuh, terendah nol",
                "compared within the category on a logarithmic scale: the best gets full points, the lowest none",
            ),
            Normalization::MinMax => Text::new(
                "dibandingkan dalam kategori: terbaik poin penuh, terburuk nol",
                "compared within the category: the best gets full points, the worst none",
            ),
            Normalization::Target { best, worst } => Text::new(
                format!(
                    "poin penuh pada nilai {}, nol pada nilai {}, sebanding di antaranya",
                    num(best, Lang::Id),
                    num(worst, Lang::Id)
                ),
                format!(
                    "full points at {}, none at {}, in proportion between",
                    num(best, Lang::En),
                    num(worst, Lang::En)
                ),
            ),
        };
        let missing = match c.on_missing {
            OnMissing::Unrank => None,
            OnMissing::Score(s) => Some(Text::new(
                format!("tanpa data: {} dari poin", format::percent(s, 0, Lang::Id)),
                format!("without data: {} of the points", format::percent(s, 0, Lang::En)),
            )),
        };
        let join = |lang: Lang| {
            let mut parts: Vec<&str> = Vec::new();
            if let Some(m) = &measures {
                parts.push(m.get(lang));
            }
            parts.push(points.get(lang));
            if let Some(m) = &missing {
                parts.push(m.get(lang));
            }
            let sentence = parts.join("; ");
            let mut chars = sentence.chars();
            chars
                .next()
                .map(|first| {
                    std::iter::once(first.to_ascii_uppercase()).chain(chars).collect::<String>() + "."
                })
                .unwrap_or_default()
        };
        Text::new(join(Lang::Id), join(Lang::En))
    }

    fn category_view(c: &award::CategoryResult) -> CategoryView {
        CategoryView {
            category: c.category.clone(),
            ranked: c
                .ranked
                .iter()
                .map(|r| RankedView {
                    rank: r.rank,
                    agency: r.id.clone(),
                    name: r.name.clone(),
                    score: r.score,
                    winner: r.winner,
                    contributions: r
                        .contributions
                        .iter()
                        .map(|k| ContributionView {
                            criterion: k.criterion_id.clone(),
                            raw: k.raw,
                            normalized: k.normalized,
                            points: k.points,
                        })
                        .collect(),
                    monthly: Vec::new(),
                })
                .collect(),
            unranked: c
                .unranked
                .iter()
                .map(|u| UnrankedView {
                    agency: u.id.clone(),
                    name: u.name.clone(),
                    reasons: u.reasons.clone(),
                    monthly: Vec::new(),
                })
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::v1::*;
    use crate::award::{self, Entrant};
    use crate::calendar::Calendar;
    use crate::complaint::{Channel, ComplaintInput, ValidationContext};
    use crate::lifecycle::testing::{at, history};
    use crate::lifecycle::{Action, Actor, Event};
    use crate::sla::{SlaContext, SlaPolicy, evaluate};
    use crate::stats::{Period, StatsBuilder, StatsContext};
    use crate::ticket::{AccessSecret, TicketNumber};
    use crate::visibility::{Audience, Visibility};
    use crate::{AgencyId, CategoryId, Lang, Privacy, Zone};

    fn dinkes() -> AgencyId {
        AgencyId::new("dinkes").unwrap()
    }

    #[test]
    fn problem_for_a_badly_filled_form() {
        let input: ComplaintInput = serde_json::from_value(serde_json::json!({
            "kind": "pengaduan", "title": "Jalan", "description": "Rusak", "agency": "dinkes",
            "incident_date": "2030-01-01", "reporter": {"name": "", "email": "bukan-email"}
        }))
        .unwrap();
        let ctx =
            ValidationContext { now: at("2025-03-03T10:00:00"), zone: Zone::WITA, known_agencies: None };
        let errors = input.validate(Channel::Lapor, &ctx).unwrap_err();
        insta::assert_json_snapshot!(Problem::validation(&errors));
    }

    #[test]
    fn problem_for_a_refused_transition() {
        let c = history(&[("2025-03-03T10:00:00", "receive")]);
        let e = Event { at: at("2025-03-03T11:00:00"), actor: Actor::Reporter, action: Action::Confirmed };
        let err = c.check(&e).unwrap_err();
        insta::assert_json_snapshot!(Problem::from_error(&err.into(), 409));
    }

    #[test]
    fn submission_round_trip() {
        let body = r#"{"kind":"aspirasi","title":"Perpanjang jam layanan","description":"x","agency":"dinkes","privacy":"anonim","website":"spam.example"}"#;
        let parsed: SubmitComplaint = serde_json::from_str(body).unwrap();
        assert_eq!(parsed.website, "spam.example");
        assert_eq!(parsed.complaint.title, "Perpanjang jam layanan");
        let submitted = Submitted {
            ticket: TicketNumber::from_entropy(0x1234_5678_9abc_def0),
            secret: AccessSecret::from_entropy([7; 16]).expose().to_owned(),
            status: crate::lifecycle::Status::Diterima.into(),
            received_at: at("2025-03-03T10:00:00"),
            agency: dinkes(),
            verification_due_at: Some(at("2025-03-06T10:00:00")),
        };
        insta::assert_json_snapshot!(submitted);
    }

    fn full_history() -> crate::lifecycle::Lifecycle {
        history(&[
            ("2025-03-03T10:00:00", "receive"),
            ("2025-03-03T11:00:00", "verify"),
            ("2025-03-03T12:00:00", "dispose"),
            ("2025-03-04T09:00:00", "hold"),
            ("2025-03-04T15:00:00", "resume"),
            ("2025-03-05T10:00:00", "respond"),
        ])
    }

    #[test]
    fn complaint_view_for_public_and_reporter() {
        let c = full_history();
        let events = [
            Event {
                at: at("2025-03-04T09:00:00"),
                actor: Actor::Koordinator,
                action: Action::Held { reason: "Menunggu foto lokasi".into() },
            },
            Event {
                at: at("2025-03-05T10:00:00"),
                actor: Actor::Penghubung { agency: dinkes() },
                action: Action::Responded { message: "Tim kami meninjau lokasi Kamis ini".into() },
            },
        ];
        let calendar = Calendar::indonesia();
        let policy = SlaPolicy::default();
        let sla = evaluate(
            &c,
            &SlaContext { policy: &policy, calendar: &calendar, zone: Zone::WITA },
            at("2025-03-06T10:00:00"),
        )
        .unwrap();
        for audience in [Audience::Public, Audience::Reporter] {
            let v = Visibility::of(Privacy::Publik, audience);
            let view = ComplaintView {
                ticket: TicketNumber::parse("K7M-4QX-9RJ").unwrap(),
                status: c.status().into(),
                agency: c.agency().cloned(),
                received_at: c.received_at(),
                zone: Zone::WITA,
                kind: v.summary.then_some(c.kind()),
                privacy: v.summary.then_some(c.privacy()),
                title: v.summary.then(|| "Antrean obat RSUD terlalu lama".to_owned()),
                description: v
                    .content
                    .then(|| "Antrean di apotek rawat jalan lebih dari tiga jam.".to_owned()),
                incident_date: v.content.then(|| "2025-03-01".parse().unwrap()),
                location: v.content.then(|| "Banjarmasin".to_owned()),
                reporter_name: v.identity.then(|| "Siti Aminah".to_owned()),
                timeline: events.iter().map(|e| TimelineEntry::from_event(e, &v)).collect(),
                deadlines: [Some(&sla.disposition), sla.follow_up.as_ref()]
                    .into_iter()
                    .flatten()
                    .map(Deadline::from)
                    .collect(),
                auto_close_at: sla.auto_close.and_then(|a| a.due_at),
                actions: if audience == Audience::Reporter {
                    c.allowed_actions(&Actor::Reporter)
                } else {
                    vec![]
                },
                version: c.version(),
            };
            insta::assert_json_snapshot!(format!("complaint_view_{audience:?}").to_lowercase(), view);
        }
    }

    fn sample_stats() -> crate::stats::Stats {
        let calendar = Calendar::indonesia();
        let policy = SlaPolicy::default();
        let ctx = StatsContext {
            policy: &policy,
            calendar: &calendar,
            period: Period::month(2025, 3).unwrap(),
            now: at("2025-03-31T12:00:00"),
        };
        let mut b = StatsBuilder::new(ctx, Zone::WITA);
        b.push(&full_history()).unwrap();
        b.push(&history(&[
            ("2025-03-10T10:00:00", "receive:informasi:wa"),
            ("2025-03-10T11:00:00", "archive"),
        ]))
        .unwrap();
        b.push(&history(&[
            ("2025-03-11T10:00:00", "receive:aspirasi:lapor"),
            ("2025-03-11T11:00:00", "verify"),
            ("2025-03-11T12:00:00", "dispose"),
            ("2025-03-20T10:00:00", "follow_up"),
            ("2025-03-21T10:00:00", "confirm"),
            ("2025-03-21T10:01:00", "rate:4"),
        ]))
        .unwrap();
        b.finish()
    }

    #[test]
    fn histogram_labels() {
        use crate::stats::ResponseHistogram;
        let check = |standard: u32, ids: &[&str], ens: &[&str]| {
            let policy = SlaPolicy {
                response_standard: crate::calendar::WorkingDays::new(standard),
                ..SlaPolicy::default()
            };
            let buckets = HistogramBucket::series(&ResponseHistogram::new(&policy));
            let labels: Vec<(&str, &str)> =
                buckets.iter().map(|b| (b.label.id.as_str(), b.label.en.as_str())).collect();
            let expected: Vec<(&str, &str)> = ids.iter().copied().zip(ens.iter().copied()).collect();
            assert_eq!(labels, expected, "standard {standard}");
            // Consecutive: each bucket starts where the one before ended.
            for pair in buckets.windows(2) {
                assert_eq!(pair[0].to_working_days, Some(pair[1].from_working_days));
            }
            assert_eq!((buckets[0].from_working_days, buckets.last().unwrap().to_working_days), (0.0, None));
        };
        check(
            5,
            &[
                "≤ 1 hari kerja",
                "1–2 hari kerja",
                "2–3 hari kerja",
                "3–5 hari kerja",
                "5–10 hari kerja",
                "> 10 hari kerja",
            ],
            &[
                "≤ 1 working day",
                "1–2 working days",
                "2–3 working days",
                "3–5 working days",
                "5–10 working days",
                "> 10 working days",
            ],
        );
        check(
            3,
            &["≤ 1 hari kerja", "1–2 hari kerja", "2–3 hari kerja", "3–6 hari kerja", "> 6 hari kerja"],
            &[
                "≤ 1 working day",
                "1–2 working days",
                "2–3 working days",
                "3–6 working days",
                "> 6 working days",
            ],
        );
        check(
            600,
            &[
                "≤ 1 hari kerja",
                "1–2 hari kerja",
                "2–3 hari kerja",
                "3–600 hari kerja",
                "600–1.200 hari kerja",
                "> 1.200 hari kerja",
            ],
            &[
                "≤ 1 working day",
                "1–2 working days",
                "2–3 working days",
                "3–600 working days",
                "600–1,200 working days",
                "> 1,200 working days",
            ],
        );
    }

    #[test]
    fn statistics_and_badge() {
        let stats = sample_stats();
        let policy = SlaPolicy::default();
        insta::assert_json_snapshot!("stats_view", StatsView::new(&stats, &policy));
        let badge = Badge::new(dinkes(), "Dinas Kesehatan", &stats, &policy);
        insta::assert_json_snapshot!("badge", badge);
        insta::assert_json_snapshot!("shields_id", badge.shields(Lang::Id));
    }

    #[test]
    fn leaderboard() {
        let def = award::complaint_handling();
        let opd = CategoryId::new("opd").unwrap();
        let entrant = |id: &str, name: &str, metrics: &[(&str, f64)]| Entrant {
            id: AgencyId::new(id).unwrap(),
            name: name.to_owned(),
            category: opd.clone(),
            metrics: metrics.iter().map(|(k, v)| ((*k).to_owned(), *v)).collect::<BTreeMap<_, _>>(),
        };
        use crate::award::metric::*;
        let entrants = [
            entrant(
                "dinkes",
                "Dinas Kesehatan",
                &[
                    (COMPLAINTS, 120.0),
                    (FOLLOW_UP_RATE, 0.95),
                    (WITHIN_STANDARD_SHARE, 0.9),
                    (COMPLETION_RATE, 0.8),
                    (SATISFACTION_MEAN, 4.2),
                    (MEDIAN_RESPONSE_DAYS, 1.1),
                ],
            ),
            entrant(
                "dpupr",
                "Dinas PUPR",
                &[
                    (COMPLAINTS, 210.0),
                    (FOLLOW_UP_RATE, 0.82),
                    (WITHIN_STANDARD_SHARE, 0.7),
                    (COMPLETION_RATE, 0.6),
                    (MEDIAN_RESPONSE_DAYS, 2.4),
                ],
            ),
            entrant(
                "disbudpar",
                "Dinas Kebudayaan dan Pariwisata",
                &[(COMPLAINTS, 3.0), (FOLLOW_UP_RATE, 1.0)],
            ),
        ];
        let board = award::score(&def, &entrants).unwrap();
        let stats = sample_stats();
        let view = LeaderboardView::new(&def, &board, Period::year(2025))
            .with_monthly(|id| if id.as_str() == "dinkes" { MonthPoint::series(&stats) } else { Vec::new() });
        insta::assert_json_snapshot!(view);
    }

    /// A client built against this contract still reads a leaderboard from a
    /// server that sends no monthly series and no explanations.
    #[test]
    fn instants_are_written_as_chrono_writes_them_and_read_in_any_offset() {
        #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
        struct Probe {
            #[serde(with = "super::v1::rfc3339")]
            at: chrono::DateTime<chrono::Utc>,
            #[serde(default, with = "super::v1::rfc3339::option", skip_serializing_if = "Option::is_none")]
            due: Option<chrono::DateTime<chrono::Utc>>,
        }
        let at: chrono::DateTime<chrono::Utc> = "2025-03-06T02:00:00Z".parse().unwrap();
        let probe = Probe { at, due: Some(at) };
        let text = serde_json::to_string(&probe).unwrap();
        assert_eq!(text, r#"{"at":"2025-03-06T02:00:00Z","due":"2025-03-06T02:00:00Z"}"#);
        assert_eq!(serde_json::from_str::<Probe>(&text).unwrap(), probe);
        let local: Probe = serde_json::from_str(r#"{"at": "2025-03-06T10:00:00.5+08:00"}"#).unwrap();
        assert_eq!(local.at, at + chrono::Duration::milliseconds(500));
        assert_eq!(local.due, None, "a missing instant is none");
        assert_eq!(
            serde_json::from_str::<Probe>(r#"{"at": "2025-03-06T02:00:00Z", "due": null}"#).unwrap().due,
            None
        );
        for bad in [r#"{"at": "6 March 2025"}"#, r#"{"at": 1741226400}"#, r#"{"at": "2025-03-06T02:00:00"}"#]
        {
            assert!(serde_json::from_str::<Probe>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn leaderboard_without_the_newer_fields_still_parses() {
        let old = r#"{"award": "a", "award_name": {"id": "A", "en": "A"},
            "period": {"from": "2025-01-01", "to": "2025-12-31"},
            "criteria": [{"id": "c", "name": {"id": "C", "en": "C"}, "weight": 100.0}],
            "categories": [{"category": "opd",
                "ranked": [{"rank": 1, "agency": "dinkes", "name": "D", "score": 50.0, "winner": true,
                    "contributions": [{"criterion": "c", "normalized": 0.5, "points": 50.0}]}],
                "unranked": [{"agency": "dpupr", "name": "P", "reasons": []}]}]}"#;
        let view: LeaderboardView = serde_json::from_str(old).unwrap();
        assert_eq!((view.period_label, view.criteria[0].explanation.clone()), (None, None));
        assert!(view.categories[0].ranked[0].monthly.is_empty());
        assert!(view.categories[0].unranked[0].monthly.is_empty());
    }
}
