//! The complaint lifecycle: events, who may do what, and the fold that turns
//! a complaint's append-only event history into its current state.
//!
//! States follow SP4N-LAPOR!: `diterima` → `terverifikasi` →
//! `didisposisikan` → `ditanggapi` → `ditindaklanjuti` → `selesai`, with
//! `ditunda` (on hold, the SLA clocks pause) and `diarsipkan` (terminal)
//! reachable where they make sense. The full table of which action is
//! allowed in which state, and for which actor, is [`ActionKind::allowed_in`] and
//! [`ActionKind::allowed_for`]; [`apply`] enforces both, and every refusal is a
//! [`TransitionError`] with a stable code, never a silent no-op.
//!
//! | action | allowed in | who |
//! |---|---|---|
//! | received | (first event only) | reporter, koordinator, system |
//! | verified | diterima | koordinator |
//! | disposed | terverifikasi | koordinator |
//! | rerouted (*bukan wewenang*) | didisposisikan | koordinator, penghubung of the assigned agency |
//! | held | diterima, terverifikasi, didisposisikan, ditanggapi | koordinator |
//! | resumed | ditunda | koordinator (or the reporter's added info) |
//! | responded | didisposisikan | koordinator, penghubung of the assigned agency |
//! | followed up | didisposisikan, ditanggapi, ditindaklanjuti | koordinator, penghubung of the assigned agency |
//! | info added | any open state (resumes a hold; restarts the auto-close window) | reporter |
//! | confirmed | ditindaklanjuti | reporter |
//! | disputed | ditindaklanjuti | reporter |
//! | rated | ditindaklanjuti, selesai (once) | reporter |
//! | auto-closed | ditindaklanjuti | system |
//! | archived | any open state | koordinator |
//!
//! Two rules depend on working time, which this module does not know:
//! `auto_closed` only once the reporter's window to reply has passed, and
//! `disputed` only within it. [`crate::sla::check_timing`] enforces them,
//! and [`crate::sla::apply_checked`] is `apply` with both checks.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::complaint::{ChannelKind, ComplaintKind, Privacy, Rating};
use crate::error::Text;
use crate::ids::AgencyId;

/// Where a complaint stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Received, not yet verified by the coordinator.
    Diterima,
    /// Verified, waiting to be disposed to an agency (again, after a reroute).
    Terverifikasi,
    /// Disposed to an agency, waiting for its response.
    Didisposisikan,
    /// The agency has responded; its follow-up is due.
    Ditanggapi,
    /// The agency reported its follow-up; the reporter may confirm or dispute.
    Ditindaklanjuti,
    /// On hold, waiting for the reporter; SLA clocks are paused.
    Ditunda,
    /// Finished: confirmed by the reporter or closed automatically.
    Selesai,
    /// Archived as spam, duplicate or invalid. Terminal.
    Diarsipkan,
}

impl Status {
    /// Every status, in lifecycle order.
    pub const ALL: [Self; 8] = [
        Self::Diterima,
        Self::Terverifikasi,
        Self::Didisposisikan,
        Self::Ditanggapi,
        Self::Ditindaklanjuti,
        Self::Ditunda,
        Self::Selesai,
        Self::Diarsipkan,
    ];

    /// The stable wire code, e.g. `didisposisikan`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::lifecycle::Status;
    /// assert_eq!(Status::Ditindaklanjuti.code(), "ditindaklanjuti");
    /// ```
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Diterima => "diterima",
            Self::Terverifikasi => "terverifikasi",
            Self::Didisposisikan => "didisposisikan",
            Self::Ditanggapi => "ditanggapi",
            Self::Ditindaklanjuti => "ditindaklanjuti",
            Self::Ditunda => "ditunda",
            Self::Selesai => "selesai",
            Self::Diarsipkan => "diarsipkan",
        }
    }

    /// The status as people read it, in both languages.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{lifecycle::Status, Lang};
    /// assert_eq!(Status::Didisposisikan.label().get(Lang::Id), "Didisposisikan");
    /// assert_eq!(Status::Didisposisikan.label().get(Lang::En), "Assigned to an agency");
    /// ```
    #[must_use]
    pub fn label(self) -> Text {
        let (id, en) = match self {
            Self::Diterima => ("Diterima", "Received"),
            Self::Terverifikasi => ("Terverifikasi", "Verified"),
            Self::Didisposisikan => ("Didisposisikan", "Assigned to an agency"),
            Self::Ditanggapi => ("Ditanggapi", "Answered"),
            Self::Ditindaklanjuti => ("Ditindaklanjuti", "Followed up"),
            Self::Ditunda => ("Ditunda", "On hold"),
            Self::Selesai => ("Selesai", "Closed"),
            Self::Diarsipkan => ("Diarsipkan", "Archived"),
        };
        Text::new(id, en)
    }

    /// Whether nothing but a rating can happen any more.
    #[must_use]
    pub fn is_closed(self) -> bool {
        matches!(self, Self::Selesai | Self::Diarsipkan)
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Who performs an event.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "snake_case")]
pub enum Actor {
    /// The citizen who filed the complaint (proved by the access secret).
    Reporter,
    /// An *admin koordinator* of the province's Diskominfo: all agencies.
    Koordinator,
    /// An *admin penghubung* of one agency.
    Penghubung {
        /// The agency the officer belongs to.
        agency: AgencyId,
    },
    /// The server itself (automatic closing, imports).
    System,
}

impl Actor {
    /// The role as a stable code: `reporter`, `koordinator`, `penghubung`, `system`.
    #[must_use]
    pub fn role(&self) -> &'static str {
        match self {
            Self::Reporter => "reporter",
            Self::Koordinator => "koordinator",
            Self::Penghubung { .. } => "penghubung",
            Self::System => "system",
        }
    }
}

/// Why a complaint was archived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ArchiveReason {
    /// Spam or abuse.
    Spam,
    /// The same complaint was already filed (name it in the note).
    Duplikat,
    /// Not a complaint, aspiration or information request, or unintelligible.
    TidakValid,
}

impl ArchiveReason {
    /// The stable wire code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Spam => "spam",
            Self::Duplikat => "duplikat",
            Self::TidakValid => "tidak_valid",
        }
    }
}

/// What happened, with its payload.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Action {
    /// The complaint was filed. Always and only the first event.
    Received {
        /// Kind of report.
        kind: ComplaintKind,
        /// The agency the reporter addressed.
        agency: AgencyId,
        /// The reporter's privacy choice.
        privacy: Privacy,
        /// The channel it came through.
        channel: ChannelKind,
    },
    /// The coordinator checked it is a genuine report; may tighten privacy
    /// (see [`Privacy::can_become`]).
    Verified {
        /// A stricter privacy the coordinator chose, if any.
        privacy: Option<Privacy>,
    },
    /// The coordinator sent it to the responsible agency (*disposisi*).
    Disposed {
        /// The agency now responsible.
        to: AgencyId,
    },
    /// The agency says it is not responsible (*bukan wewenang*); it goes back
    /// to the coordinator to be routed again.
    Rerouted {
        /// Why not this agency, shown to the reporter.
        reason: String,
        /// The agency that should handle it instead, if known.
        suggested: Option<AgencyId>,
    },
    /// Put on hold (*tunda*), usually waiting for the reporter.
    Held {
        /// What is awaited, shown to the reporter.
        reason: String,
    },
    /// Taken off hold.
    Resumed,
    /// The agency's first answer.
    Responded {
        /// The answer.
        message: String,
    },
    /// The agency reports what it did (*tindak lanjut*). Repeatable: a new
    /// follow-up restarts the auto-close window.
    FollowedUp {
        /// What was done.
        message: String,
    },
    /// The reporter added information; a hold is lifted by it.
    InfoAdded {
        /// The added information.
        message: String,
    },
    /// The reporter confirmed the follow-up settles the complaint.
    Confirmed,
    /// The reporter disputed the follow-up; it goes back to the agency.
    Disputed {
        /// What is still wrong.
        reason: String,
    },
    /// The reporter rated the handling.
    Rated {
        /// 1–5 stars.
        rating: Rating,
    },
    /// Closed by the system after the reporter did not reply in time.
    AutoClosed,
    /// Archived by the coordinator.
    Archived {
        /// Why.
        reason: ArchiveReason,
        /// Details, e.g. the ticket of the original for a duplicate.
        note: String,
    },
}

/// An action without its payload, for tables, menus and permissions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum ActionKind {
    Received,
    Verified,
    Disposed,
    Rerouted,
    Held,
    Resumed,
    Responded,
    FollowedUp,
    InfoAdded,
    Confirmed,
    Disputed,
    Rated,
    AutoClosed,
    Archived,
}

impl ActionKind {
    /// Every action kind, in lifecycle order.
    pub const ALL: [Self; 14] = [
        Self::Received,
        Self::Verified,
        Self::Disposed,
        Self::Rerouted,
        Self::Held,
        Self::Resumed,
        Self::Responded,
        Self::FollowedUp,
        Self::InfoAdded,
        Self::Confirmed,
        Self::Disputed,
        Self::Rated,
        Self::AutoClosed,
        Self::Archived,
    ];

    /// The stable wire code, e.g. `followed_up`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Received => "received",
            Self::Verified => "verified",
            Self::Disposed => "disposed",
            Self::Rerouted => "rerouted",
            Self::Held => "held",
            Self::Resumed => "resumed",
            Self::Responded => "responded",
            Self::FollowedUp => "followed_up",
            Self::InfoAdded => "info_added",
            Self::Confirmed => "confirmed",
            Self::Disputed => "disputed",
            Self::Rated => "rated",
            Self::AutoClosed => "auto_closed",
            Self::Archived => "archived",
        }
    }

    /// The action as people read it in a timeline, in both languages.
    #[must_use]
    pub fn label(self) -> Text {
        let (id, en) = match self {
            Self::Received => ("Pengaduan diterima", "Complaint received"),
            Self::Verified => ("Diverifikasi", "Verified"),
            Self::Disposed => ("Didisposisikan ke instansi", "Assigned to an agency"),
            Self::Rerouted => {
                ("Dikembalikan: bukan wewenang instansi", "Returned: not this agency's responsibility")
            }
            Self::Held => ("Ditunda", "Put on hold"),
            Self::Resumed => ("Dilanjutkan", "Resumed"),
            Self::Responded => ("Ditanggapi instansi", "Answered by the agency"),
            Self::FollowedUp => ("Ditindaklanjuti instansi", "Followed up by the agency"),
            Self::InfoAdded => ("Pelapor menambah informasi", "Reporter added information"),
            Self::Confirmed => ("Pelapor menyatakan selesai", "Reporter confirmed it is resolved"),
            Self::Disputed => ("Pelapor menyanggah tindak lanjut", "Reporter disputed the follow-up"),
            Self::Rated => ("Pelapor memberi penilaian", "Reporter rated the handling"),
            Self::AutoClosed => ("Ditutup otomatis", "Closed automatically"),
            Self::Archived => ("Diarsipkan", "Archived"),
        };
        Text::new(id, en)
    }

    /// The states in which this action is allowed, ignoring who performs it
    /// (a hold is allowed while not yet on hold, `received` in no state: it
    /// only starts a history).
    ///
    /// # Example
    /// ```
    /// use aduan_core::lifecycle::{ActionKind, Status};
    /// assert!(ActionKind::Disputed.allowed_in(Status::Ditindaklanjuti));
    /// assert!(!ActionKind::Disputed.allowed_in(Status::Selesai));
    /// ```
    #[must_use]
    pub fn allowed_in(self, status: Status) -> bool {
        use Status::*;
        let open = !status.is_closed();
        match self {
            Self::Received => false,
            Self::Verified => status == Diterima,
            Self::Disposed => status == Terverifikasi,
            Self::Rerouted | Self::Responded => status == Didisposisikan,
            Self::Held => matches!(status, Diterima | Terverifikasi | Didisposisikan | Ditanggapi),
            Self::Resumed => status == Ditunda,
            Self::FollowedUp => matches!(status, Didisposisikan | Ditanggapi | Ditindaklanjuti),
            Self::InfoAdded | Self::Archived => open,
            Self::Confirmed | Self::Disputed | Self::AutoClosed => status == Ditindaklanjuti,
            Self::Rated => matches!(status, Ditindaklanjuti | Selesai),
        }
    }
}

impl Action {
    /// The action's kind, without payload.
    #[must_use]
    pub fn kind(&self) -> ActionKind {
        match self {
            Self::Received { .. } => ActionKind::Received,
            Self::Verified { .. } => ActionKind::Verified,
            Self::Disposed { .. } => ActionKind::Disposed,
            Self::Rerouted { .. } => ActionKind::Rerouted,
            Self::Held { .. } => ActionKind::Held,
            Self::Resumed => ActionKind::Resumed,
            Self::Responded { .. } => ActionKind::Responded,
            Self::FollowedUp { .. } => ActionKind::FollowedUp,
            Self::InfoAdded { .. } => ActionKind::InfoAdded,
            Self::Confirmed => ActionKind::Confirmed,
            Self::Disputed { .. } => ActionKind::Disputed,
            Self::Rated { .. } => ActionKind::Rated,
            Self::AutoClosed => ActionKind::AutoClosed,
            Self::Archived { .. } => ActionKind::Archived,
        }
    }

    /// The free text the action must carry, as (field, text), if any.
    fn required_text(&self) -> Option<(&'static str, &str)> {
        match self {
            Self::Rerouted { reason, .. } | Self::Held { reason } | Self::Disputed { reason } => {
                Some(("reason", reason))
            }
            Self::Responded { message } | Self::FollowedUp { message } | Self::InfoAdded { message } => {
                Some(("message", message))
            }
            _ => None,
        }
    }
}

/// One entry of a complaint's history: who did what, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// When it happened (UTC).
    pub at: DateTime<Utc>,
    /// Who did it.
    pub actor: Actor,
    /// What happened.
    pub action: Action,
}

/// A hold in progress.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hold {
    /// When the hold started.
    pub since: DateTime<Utc>,
    /// The status to return to when resumed.
    pub resume_to: Status,
}

/// A complaint's current state: the fold of its events.
///
/// Its fields are private and it is built by [`Lifecycle::start`],
/// [`apply`] and [`fold`] only, so every value is reachable by a valid
/// history (privacy, for one, can only have been tightened). Timestamps are
/// the inputs of the SLA clocks and statistics.
#[derive(Debug, Clone, PartialEq)]
pub struct Lifecycle {
    /// Current status.
    status: Status,
    /// Kind of report.
    kind: ComplaintKind,
    /// Effective privacy (the reporter's choice, possibly tightened).
    privacy: Privacy,
    /// The channel it came through.
    channel: ChannelKind,
    /// The agency the reporter addressed.
    requested_agency: AgencyId,
    /// The agency currently responsible, once disposed (cleared by a reroute).
    agency: Option<AgencyId>,
    /// When it was received.
    received_at: DateTime<Utc>,
    /// When it was verified.
    verified_at: Option<DateTime<Utc>>,
    /// When the coordinator's routing clock started: receipt, or the latest
    /// reroute (*bukan wewenang*) that sent it back for routing.
    disposition_started_at: DateTime<Utc>,
    /// The latest disposition still standing (cleared by a reroute).
    disposed_at: Option<DateTime<Utc>>,
    /// When it was first disposed to an agency.
    first_disposed_at: Option<DateTime<Utc>>,
    /// When the current agency's follow-up clock started: the latest
    /// disposition, or the latest dispute.
    follow_up_started_at: Option<DateTime<Utc>>,
    /// The current agency's first answer (response or follow-up): the end
    /// of the response time the badge shows. Reset by a new disposition.
    first_response_at: Option<DateTime<Utc>>,
    /// The latest follow-up still standing (cleared by a dispute or reroute).
    followed_up_at: Option<DateTime<Utc>>,
    /// Whether the current agency ever reported a follow-up.
    ever_followed_up: bool,
    /// Since when the reporter's reply to a follow-up is awaited: the
    /// follow-up, or the reporter's latest added information after it. The
    /// auto-close window runs from here.
    awaiting_reply_since: Option<DateTime<Utc>>,
    /// When it reached `selesai` or `diarsipkan`.
    closed_at: Option<DateTime<Utc>>,
    /// The hold in progress, if on hold.
    hold: Option<Hold>,
    /// Finished holds, as [start, end) intervals in order.
    pauses: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// The reporter's rating, once given.
    rating: Option<Rating>,
    /// How often agencies said *bukan wewenang*.
    reroutes: u32,
    /// How often the reporter disputed a follow-up.
    disputes: u32,
    /// Number of events applied: the optimistic-concurrency version.
    version: u32,
    /// The instant of the latest event.
    last_event_at: DateTime<Utc>,
}

/// Why an event cannot be applied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TransitionError {
    /// The first event of a history must be `received`.
    #[error("the first event must be `received`, not `{0:?}`")]
    NotStarted(ActionKind),
    /// `received` can only start a history.
    #[error("the complaint was already received")]
    AlreadyReceived,
    /// The action is not allowed in the current status.
    #[error("`{action:?}` is not allowed while the complaint is `{status}`")]
    NotAllowed {
        /// The current status.
        status: Status,
        /// The refused action.
        action: ActionKind,
    },
    /// The actor's role may not perform this action.
    #[error("a {role} may not perform `{action:?}`")]
    Unauthorized {
        /// The actor's role code.
        role: &'static str,
        /// The refused action.
        action: ActionKind,
    },
    /// An agency officer acted on a complaint not assigned to their agency.
    /// It does not say which agency handles it: that is none of the
    /// officer's business (a confidential report's agency is not public).
    #[error("agency `{actor}` may not act on a complaint not assigned to it")]
    WrongAgency {
        /// The officer's agency.
        actor: AgencyId,
    },
    /// The event is older than the history's latest event.
    #[error("event at {at} is before the latest event at {latest}")]
    OutOfOrder {
        /// The event's instant.
        at: DateTime<Utc>,
        /// The latest instant in the history.
        latest: DateTime<Utc>,
    },
    /// The reporter already rated the handling.
    #[error("the complaint was already rated")]
    AlreadyRated,
    /// A verification tried to make the complaint more visible than chosen.
    #[error("privacy may not change from {from:?} to {to:?}")]
    PrivacyLoosened {
        /// The current privacy.
        from: Privacy,
        /// The requested privacy.
        to: Privacy,
    },
    /// A required reason or message is empty.
    #[error("`{field}` must not be empty for `{action:?}`")]
    TextRequired {
        /// `reason` or `message`.
        field: &'static str,
        /// The action.
        action: ActionKind,
    },
    /// A reroute suggested the very agency that is refusing the complaint.
    #[error("the suggested agency is the one that refused the complaint")]
    SuggestedSelf,
    /// A history with no events at all.
    #[error("a complaint's history cannot be empty")]
    EmptyHistory,
    /// Automatic closing before its window ended (see `sla::check_timing`).
    #[error("the automatic closing is not due yet")]
    NotYetDue,
    /// A dispute after the reporter's window to reply had ended.
    #[error("the window to dispute the follow-up has ended")]
    ReplyWindowClosed,
}

impl TransitionError {
    /// The stable machine code, e.g. `transition.not_allowed`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::lifecycle::TransitionError;
    /// assert_eq!(TransitionError::AlreadyRated.code(), "transition.already_rated");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotStarted(_) => "transition.not_started",
            Self::AlreadyReceived => "transition.already_received",
            Self::NotAllowed { .. } => "transition.not_allowed",
            Self::Unauthorized { .. } => "transition.unauthorized",
            Self::WrongAgency { .. } => "transition.wrong_agency",
            Self::OutOfOrder { .. } => "transition.out_of_order",
            Self::AlreadyRated => "transition.already_rated",
            Self::PrivacyLoosened { .. } => "transition.privacy_loosened",
            Self::TextRequired { .. } => "transition.text_required",
            Self::SuggestedSelf => "transition.suggested_self",
            Self::EmptyHistory => "transition.empty_history",
            Self::NotYetDue => "transition.not_yet_due",
            Self::ReplyWindowClosed => "transition.reply_window_closed",
        }
    }

    /// What went wrong, in Indonesian and English.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{lifecycle::{ActionKind, Status, TransitionError}, Lang};
    /// let e = TransitionError::NotAllowed { status: Status::Selesai, action: ActionKind::Disputed };
    /// assert_eq!(
    ///     e.message().get(Lang::En),
    ///     "Reporter disputed the follow-up is not possible while the complaint is Closed"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self) -> Text {
        match self {
            Self::EmptyHistory | Self::NotStarted(_) => Text::new(
                "Riwayat pengaduan harus dimulai dengan penerimaan pengaduan",
                "A complaint's history must start with its receipt",
            ),
            Self::AlreadyReceived => {
                Text::new("Pengaduan ini sudah diterima", "This complaint was already received")
            }
            Self::NotAllowed { status, action } => {
                let (a, s) = (action.label(), status.label());
                Text::new(
                    format!("{} tidak dapat dilakukan saat status pengaduan {}", a.id, s.id),
                    format!("{} is not possible while the complaint is {}", a.en, s.en),
                )
            }
            Self::Unauthorized { role, action } => {
                let (rid, ren) = role_label(role);
                let a = action.label();
                Text::new(
                    format!("{rid} tidak berwenang untuk: {}", a.id.to_ascii_lowercase()),
                    format!("The {ren} may not do this: {}", a.en.to_ascii_lowercase()),
                )
            }
            Self::WrongAgency { actor } => Text::new(
                format!("Pengaduan ini tidak didisposisikan ke instansi {actor}"),
                format!("This complaint is not assigned to agency {actor}"),
            ),
            Self::OutOfOrder { .. } => Text::new(
                "Waktu kejadian lebih awal daripada kejadian terakhir pengaduan ini",
                "The event is dated before this complaint's latest event",
            ),
            Self::AlreadyRated => {
                Text::new("Pengaduan ini sudah diberi penilaian", "This complaint was already rated")
            }
            Self::PrivacyLoosened { from, to } => Text::new(
                format!(
                    "Kerahasiaan tidak dapat diubah dari {} menjadi {}: identitas pelapor hanya boleh makin terlindungi",
                    from.code(),
                    to.code()
                ),
                format!(
                    "Privacy cannot change from {} to {}: a reporter's identity may only become better protected",
                    from.code(),
                    to.code()
                ),
            ),
            Self::TextRequired { field, .. } => match *field {
                "reason" => Text::new("Masukkan alasan", "Enter a reason"),
                _ => Text::new("Masukkan pesan", "Enter a message"),
            },
            Self::NotYetDue => Text::new(
                "Pengaduan belum dapat ditutup otomatis: batas waktu tanggapan pelapor belum lewat",
                "The complaint cannot close automatically yet: the reporter's time to reply has not passed",
            ),
            Self::ReplyWindowClosed => Text::new(
                "Batas waktu untuk menyanggah tindak lanjut sudah lewat",
                "The time to dispute the follow-up has passed",
            ),
            Self::SuggestedSelf => Text::new(
                "Instansi yang disarankan tidak boleh instansi yang mengembalikan pengaduan",
                "The suggested agency cannot be the one returning the complaint",
            ),
        }
    }
}

fn role_label(role: &str) -> (&'static str, &'static str) {
    match role {
        "reporter" => ("Pelapor", "reporter"),
        "koordinator" => ("Admin koordinator", "coordinating admin"),
        "penghubung" => ("Admin penghubung", "agency liaison admin"),
        _ => ("Sistem", "system"),
    }
}

impl ActionKind {
    /// Whether an actor of this kind may perform the action at all, given
    /// the agency the complaint is assigned to. Combined with
    /// [`ActionKind::allowed_in`] this is the whole permission table.
    ///
    /// # Errors
    /// [`TransitionError::Unauthorized`] for a role that never may, and
    /// [`TransitionError::WrongAgency`] for an officer of another agency.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{AgencyId, lifecycle::{ActionKind, Actor}};
    /// let dinkes = AgencyId::new("dinkes").unwrap();
    /// let officer = Actor::Penghubung { agency: dinkes.clone() };
    /// assert!(ActionKind::Responded.allowed_for(&officer, Some(&dinkes)).is_ok());
    /// assert!(ActionKind::Verified.allowed_for(&officer, Some(&dinkes)).is_err());
    /// ```
    pub fn allowed_for(self, actor: &Actor, assigned: Option<&AgencyId>) -> Result<(), TransitionError> {
        use ActionKind as K;
        let unauthorized = || TransitionError::Unauthorized { role: actor.role(), action: self };
        let ok = match actor {
            Actor::Reporter => {
                matches!(self, K::Received | K::InfoAdded | K::Confirmed | K::Disputed | K::Rated)
            }
            Actor::System => matches!(self, K::Received | K::AutoClosed),
            Actor::Koordinator => matches!(
                self,
                K::Received
                    | K::Verified
                    | K::Disposed
                    | K::Rerouted
                    | K::Held
                    | K::Resumed
                    | K::Responded
                    | K::FollowedUp
                    | K::Archived
            ),
            Actor::Penghubung { agency } => {
                // Holding waits for the reporter and pauses every clock, so
                // it is the coordinator's call, not the measured agency's.
                let agency_action = matches!(self, K::Rerouted | K::Responded | K::FollowedUp);
                if !agency_action {
                    return Err(unauthorized());
                }
                if assigned != Some(agency) {
                    return Err(TransitionError::WrongAgency { actor: agency.clone() });
                }
                true
            }
        };
        if ok { Ok(()) } else { Err(unauthorized()) }
    }
}

impl Lifecycle {
    /// Current status.
    #[must_use]
    pub fn status(&self) -> Status {
        self.status
    }

    /// Kind of report.
    #[must_use]
    pub fn kind(&self) -> ComplaintKind {
        self.kind
    }

    /// Effective privacy (the reporter's choice, possibly tightened).
    #[must_use]
    pub fn privacy(&self) -> Privacy {
        self.privacy
    }

    /// The channel it came through.
    #[must_use]
    pub fn channel(&self) -> ChannelKind {
        self.channel
    }

    /// The agency the reporter addressed.
    #[must_use]
    pub fn requested_agency(&self) -> &AgencyId {
        &self.requested_agency
    }

    /// The agency currently responsible, once disposed (cleared by a reroute).
    #[must_use]
    pub fn agency(&self) -> Option<&AgencyId> {
        self.agency.as_ref()
    }

    /// When it was received.
    #[must_use]
    pub fn received_at(&self) -> DateTime<Utc> {
        self.received_at
    }

    /// When it was verified.
    #[must_use]
    pub fn verified_at(&self) -> Option<DateTime<Utc>> {
        self.verified_at
    }

    /// When the coordinator's routing clock started: receipt, or the latest
    /// reroute (*bukan wewenang*) that sent it back for routing.
    #[must_use]
    pub fn disposition_started_at(&self) -> DateTime<Utc> {
        self.disposition_started_at
    }

    /// The latest disposition still standing (cleared by a reroute).
    #[must_use]
    pub fn disposed_at(&self) -> Option<DateTime<Utc>> {
        self.disposed_at
    }

    /// When it was first disposed to an agency.
    #[must_use]
    pub fn first_disposed_at(&self) -> Option<DateTime<Utc>> {
        self.first_disposed_at
    }

    /// When the current agency's follow-up clock started: the latest
    /// disposition, or the latest dispute.
    #[must_use]
    pub fn follow_up_started_at(&self) -> Option<DateTime<Utc>> {
        self.follow_up_started_at
    }

    /// The current agency's first answer (response or follow-up): the end
    /// of the response time the badge shows. Reset by a new disposition.
    #[must_use]
    pub fn first_response_at(&self) -> Option<DateTime<Utc>> {
        self.first_response_at
    }

    /// The latest follow-up still standing (cleared by a dispute or reroute).
    #[must_use]
    pub fn followed_up_at(&self) -> Option<DateTime<Utc>> {
        self.followed_up_at
    }

    /// Whether the current agency ever reported a follow-up.
    #[must_use]
    pub fn ever_followed_up(&self) -> bool {
        self.ever_followed_up
    }

    /// Since when the reporter's reply to a follow-up is awaited (the
    /// auto-close window's start), while followed up.
    #[must_use]
    pub fn awaiting_reply_since(&self) -> Option<DateTime<Utc>> {
        self.awaiting_reply_since
    }

    /// When it reached `selesai` or `diarsipkan`.
    #[must_use]
    pub fn closed_at(&self) -> Option<DateTime<Utc>> {
        self.closed_at
    }

    /// The hold in progress, if on hold.
    #[must_use]
    pub fn hold(&self) -> Option<Hold> {
        self.hold
    }

    /// Finished holds, as [start, end) intervals in order.
    #[must_use]
    pub fn pauses(&self) -> &[(DateTime<Utc>, DateTime<Utc>)] {
        &self.pauses
    }

    /// The reporter's rating, once given.
    #[must_use]
    pub fn rating(&self) -> Option<Rating> {
        self.rating
    }

    /// How often agencies said *bukan wewenang*.
    #[must_use]
    pub fn reroutes(&self) -> u32 {
        self.reroutes
    }

    /// How often the reporter disputed a follow-up.
    #[must_use]
    pub fn disputes(&self) -> u32 {
        self.disputes
    }

    /// Number of events applied: the optimistic-concurrency version.
    #[must_use]
    pub fn version(&self) -> u32 {
        self.version
    }

    /// The instant of the latest event.
    #[must_use]
    pub fn last_event_at(&self) -> DateTime<Utc> {
        self.last_event_at
    }

    /// Starts a history from its first event, which must be `received`.
    ///
    /// # Errors
    /// [`TransitionError::NotStarted`] for any other action, and
    /// [`TransitionError::Unauthorized`] for an agency officer.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy};
    /// use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle, Status};
    /// let e = Event {
    ///     at: "2025-03-03T02:00:00Z".parse().unwrap(),
    ///     actor: Actor::Reporter,
    ///     action: Action::Received {
    ///         kind: ComplaintKind::Pengaduan,
    ///         agency: AgencyId::new("dinkes").unwrap(),
    ///         privacy: Privacy::Publik,
    ///         channel: ChannelKind::WebWidget,
    ///     },
    /// };
    /// assert_eq!(Lifecycle::start(&e).unwrap().status(), Status::Diterima);
    /// ```
    pub fn start(event: &Event) -> Result<Self, TransitionError> {
        let Action::Received { kind, agency, privacy, channel } = &event.action else {
            return Err(TransitionError::NotStarted(event.action.kind()));
        };
        ActionKind::Received.allowed_for(&event.actor, None)?;
        Ok(Self {
            status: Status::Diterima,
            kind: *kind,
            privacy: *privacy,
            channel: *channel,
            requested_agency: agency.clone(),
            agency: None,
            received_at: event.at,
            verified_at: None,
            disposition_started_at: event.at,
            disposed_at: None,
            first_disposed_at: None,
            follow_up_started_at: None,
            first_response_at: None,
            followed_up_at: None,
            ever_followed_up: false,
            awaiting_reply_since: None,
            closed_at: None,
            hold: None,
            pauses: Vec::new(),
            rating: None,
            reroutes: 0,
            disputes: 0,
            version: 1,
            last_event_at: event.at,
        })
    }

    /// Checks whether `event` may be applied now, without changing anything.
    ///
    /// # Errors
    /// The [`TransitionError`] [`Lifecycle::apply`] would return.
    ///
    /// # Example
    /// ```
    /// # use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy};
    /// # use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle};
    /// # let at = "2025-03-03T02:00:00Z".parse().unwrap();
    /// # let received = Action::Received { kind: ComplaintKind::Pengaduan,
    /// #     agency: AgencyId::new("dinkes").unwrap(), privacy: Privacy::Publik, channel: ChannelKind::Lapor };
    /// let c = Lifecycle::start(&Event { at, actor: Actor::Reporter, action: received }).unwrap();
    /// let officer = Actor::Penghubung { agency: AgencyId::new("dinkes").unwrap() };
    /// let early = Event { at, actor: officer, action: Action::Responded { message: "Kami tinjau".into() } };
    /// // Not yet disposed to dinkes, so its officer cannot answer.
    /// assert_eq!(c.check(&early).unwrap_err().code(), "transition.wrong_agency");
    /// ```
    pub fn check(&self, event: &Event) -> Result<(), TransitionError> {
        let kind = event.action.kind();
        if kind == ActionKind::Received {
            return Err(TransitionError::AlreadyReceived);
        }
        if event.at < self.last_event_at {
            return Err(TransitionError::OutOfOrder { at: event.at, latest: self.last_event_at });
        }
        kind.allowed_for(&event.actor, self.agency.as_ref())?;
        if !kind.allowed_in(self.status) {
            return Err(TransitionError::NotAllowed { status: self.status, action: kind });
        }
        if let Some((field, text)) = event.action.required_text() {
            if text.trim().is_empty() {
                return Err(TransitionError::TextRequired { field, action: kind });
            }
        }
        match &event.action {
            Action::Verified { privacy: Some(to) } if !self.privacy.can_become(*to) => {
                Err(TransitionError::PrivacyLoosened { from: self.privacy, to: *to })
            }
            Action::Rated { .. } if self.rating.is_some() => Err(TransitionError::AlreadyRated),
            Action::Rerouted { suggested: Some(s), .. } if Some(s) == self.agency.as_ref() => {
                Err(TransitionError::SuggestedSelf)
            }
            _ => Ok(()),
        }
    }

    /// Applies one event in place. On error nothing changes.
    ///
    /// # Errors
    /// A [`TransitionError`] when the action is not allowed in the current
    /// status, for the actor, out of time order, or missing its text.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy};
    /// use aduan_core::lifecycle::{Action, Actor, Event, Lifecycle, Status};
    /// let at = "2025-03-03T02:00:00Z".parse().unwrap();
    /// let received = Action::Received {
    ///     kind: ComplaintKind::Pengaduan,
    ///     agency: AgencyId::new("dinkes").unwrap(),
    ///     privacy: Privacy::Publik,
    ///     channel: ChannelKind::Sms1708,
    /// };
    /// let mut c = Lifecycle::start(&Event { at, actor: Actor::Reporter, action: received }).unwrap();
    /// c.apply(&Event { at, actor: Actor::Koordinator, action: Action::Verified { privacy: None } }).unwrap();
    /// assert_eq!(c.status(), Status::Terverifikasi);
    /// // The reporter cannot dispose a complaint.
    /// let dispose = Action::Disposed { to: AgencyId::new("dinkes").unwrap() };
    /// let err = c.apply(&Event { at, actor: Actor::Reporter, action: dispose }).unwrap_err();
    /// assert_eq!(err.code(), "transition.unauthorized");
    /// ```
    pub fn apply(&mut self, event: &Event) -> Result<(), TransitionError> {
        self.check(event)?;
        let at = event.at;
        match &event.action {
            Action::Received { .. } => unreachable!("refused by check"),
            Action::Verified { privacy } => {
                self.status = Status::Terverifikasi;
                self.verified_at = Some(at);
                if let Some(p) = privacy {
                    self.privacy = *p;
                }
            }
            Action::Disposed { to } => {
                self.status = Status::Didisposisikan;
                self.agency = Some(to.clone());
                self.disposed_at = Some(at);
                self.first_disposed_at.get_or_insert(at);
                // Answers belong to an assignment: after a reroute the new
                // agency has answered nothing yet, whatever the old one did.
                self.first_response_at = None;
                self.ever_followed_up = false;
                self.follow_up_started_at = Some(at);
            }
            Action::Rerouted { .. } => {
                self.status = Status::Terverifikasi;
                self.agency = None;
                self.disposition_started_at = at;
                self.disposed_at = None;
                self.follow_up_started_at = None;
                self.followed_up_at = None;
                self.reroutes += 1;
            }
            Action::Held { .. } => {
                self.hold = Some(Hold { since: at, resume_to: self.status });
                self.status = Status::Ditunda;
            }
            Action::Resumed => self.resume(at),
            Action::Responded { .. } => {
                self.status = Status::Ditanggapi;
                self.first_response_at.get_or_insert(at);
            }
            Action::FollowedUp { .. } => {
                self.status = Status::Ditindaklanjuti;
                self.first_response_at.get_or_insert(at);
                self.followed_up_at = Some(at);
                self.awaiting_reply_since = Some(at);
                self.ever_followed_up = true;
            }
            Action::InfoAdded { .. } => {
                // A hold waits for the reporter, so their information ends it;
                // after a follow-up it is a reply, so auto-closing waits anew.
                if self.status == Status::Ditunda {
                    self.resume(at);
                } else if self.status == Status::Ditindaklanjuti {
                    self.awaiting_reply_since = Some(at);
                }
            }
            Action::Confirmed | Action::AutoClosed => {
                self.status = Status::Selesai;
                self.closed_at = Some(at);
            }
            Action::Disputed { .. } => {
                self.status = Status::Didisposisikan;
                self.followed_up_at = None;
                self.awaiting_reply_since = None;
                self.follow_up_started_at = Some(at);
                self.disputes += 1;
            }
            Action::Rated { rating } => self.rating = Some(*rating),
            Action::Archived { .. } => {
                if let Some(hold) = self.hold.take() {
                    self.pauses.push((hold.since, at));
                }
                self.status = Status::Diarsipkan;
                self.closed_at = Some(at);
            }
        }
        self.version += 1;
        self.last_event_at = at;
        Ok(())
    }

    fn resume(&mut self, at: DateTime<Utc>) {
        let hold = self.hold.take().expect("status ditunda always has a hold");
        self.pauses.push((hold.since, at));
        self.status = hold.resume_to;
    }

    /// Every pause, the one in progress ending at `now`: what the SLA clocks
    /// leave out.
    ///
    /// # Example
    /// ```
    /// # use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy};
    /// # use aduan_core::lifecycle::{fold, Action, Actor, Event};
    /// let at = |s: &str| s.parse().unwrap();
    /// # let received = Action::Received { kind: ComplaintKind::Pengaduan,
    /// #     agency: AgencyId::new("dinkes").unwrap(), privacy: Privacy::Publik, channel: ChannelKind::Lapor };
    /// let c = fold(&[
    ///     Event { at: at("2025-03-03T02:00:00Z"), actor: Actor::Reporter, action: received },
    ///     Event { at: at("2025-03-03T03:00:00Z"), actor: Actor::Koordinator,
    ///         action: Action::Held { reason: "Menunggu alamat lengkap".into() } },
    /// ]).unwrap();
    /// let now = at("2025-03-04T03:00:00Z");
    /// assert_eq!(c.pauses_until(now), [(at("2025-03-03T03:00:00Z"), now)]);
    /// ```
    #[must_use]
    pub fn pauses_until(&self, now: DateTime<Utc>) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        let mut pauses = self.pauses.clone();
        if let Some(hold) = self.hold {
            pauses.push((hold.since, now.max(hold.since)));
        }
        pauses
    }

    /// The actions `actor` may take now, for menus and consoles.
    ///
    /// # Example
    /// ```
    /// # use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy};
    /// # use aduan_core::lifecycle::{Action, ActionKind, Actor, Event, Lifecycle};
    /// # let received = Action::Received { kind: ComplaintKind::Aspirasi,
    /// #     agency: AgencyId::new("dinkes").unwrap(), privacy: Privacy::Anonim, channel: ChannelKind::Lapor };
    /// # let c = Lifecycle::start(&Event { at: "2025-03-03T02:00:00Z".parse().unwrap(),
    /// #     actor: Actor::Reporter, action: received }).unwrap();
    /// assert_eq!(
    ///     c.allowed_actions(&Actor::Koordinator),
    ///     [ActionKind::Verified, ActionKind::Held, ActionKind::Archived]
    /// );
    /// ```
    #[must_use]
    pub fn allowed_actions(&self, actor: &Actor) -> Vec<ActionKind> {
        ActionKind::ALL
            .into_iter()
            .filter(|k| {
                k.allowed_in(self.status)
                    && k.allowed_for(actor, self.agency.as_ref()).is_ok()
                    && !(*k == ActionKind::Rated && self.rating.is_some())
            })
            .collect()
    }
}

/// Applies `event` to `state` (`None` before the first event) and returns the
/// new state: the step of the fold.
///
/// # Errors
/// A [`TransitionError`] if the event is not allowed; see [`Lifecycle::apply`].
///
/// # Example
/// ```
/// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy};
/// use aduan_core::lifecycle::{apply, Action, Actor, Event, Status};
/// let at = "2025-03-03T02:00:00Z".parse().unwrap();
/// let received = Action::Received {
///     kind: ComplaintKind::Pengaduan,
///     agency: AgencyId::new("dinkes").unwrap(),
///     privacy: Privacy::Rahasia,
///     channel: ChannelKind::WhatsApp,
/// };
/// let state = apply(None, &Event { at, actor: Actor::Reporter, action: received }).unwrap();
/// let err = apply(Some(state), &Event { at, actor: Actor::Reporter, action: Action::Confirmed });
/// // The reporter may confirm, but not before a follow-up.
/// assert_eq!(err.unwrap_err().code(), "transition.not_allowed");
/// ```
pub fn apply(state: Option<Lifecycle>, event: &Event) -> Result<Lifecycle, TransitionError> {
    match state {
        None => Lifecycle::start(event),
        Some(mut s) => {
            s.apply(event)?;
            Ok(s)
        }
    }
}

/// A history that cannot be folded, with the position of the bad event.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("event {index}: {error}")]
pub struct FoldError {
    /// Zero-based position of the refused event.
    pub index: usize,
    /// Why it was refused.
    pub error: TransitionError,
}

/// Folds a whole history into its state.
///
/// # Errors
/// [`FoldError`] naming the first event that is refused, or index 0 with
/// [`TransitionError::EmptyHistory`] for an empty history.
///
/// # Example
/// ```
/// use aduan_core::{AgencyId, ChannelKind, ComplaintKind, Privacy};
/// use aduan_core::lifecycle::{fold, Action, Actor, Event, Status};
/// let at = |s: &str| s.parse().unwrap();
/// let dinkes = AgencyId::new("dinkes").unwrap();
/// let events = [
///     Event { at: at("2025-03-03T02:00:00Z"), actor: Actor::Reporter, action: Action::Received {
///         kind: ComplaintKind::Pengaduan, agency: dinkes.clone(), privacy: Privacy::Publik,
///         channel: ChannelKind::WebWidget } },
///     Event { at: at("2025-03-03T05:00:00Z"), actor: Actor::Koordinator,
///         action: Action::Verified { privacy: None } },
///     Event { at: at("2025-03-03T06:00:00Z"), actor: Actor::Koordinator,
///         action: Action::Disposed { to: dinkes.clone() } },
///     Event { at: at("2025-03-04T01:00:00Z"), actor: Actor::Penghubung { agency: dinkes },
///         action: Action::Responded { message: "Sedang kami periksa".into() } },
/// ];
/// let c = fold(&events).unwrap();
/// assert_eq!(c.status(), Status::Ditanggapi);
/// assert_eq!(c.version(), 4);
/// ```
pub fn fold<'a>(events: impl IntoIterator<Item = &'a Event>) -> Result<Lifecycle, FoldError> {
    let mut state: Option<Lifecycle> = None;
    for (index, event) in events.into_iter().enumerate() {
        let result = match state.as_mut() {
            None => Lifecycle::start(event).map(|s| state = Some(s)),
            Some(s) => s.apply(event),
        };
        result.map_err(|error| FoldError { index, error })?;
    }
    state.ok_or(FoldError { index: 0, error: TransitionError::EmptyHistory })
}

/// Compact complaint histories for tests across the crate.
#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::zone::Zone;

    /// A random but valid history: from `start`, each choice picks an actor
    /// and one of the actions it may take, `minutes` after the last event.
    /// Dispositions go to one of `agencies`.
    pub(crate) fn walk(start: DateTime<Utc>, agencies: &[&str], choices: &[(usize, i64)]) -> Lifecycle {
        let agency = |i: usize| AgencyId::new(agencies[i % agencies.len()]).unwrap();
        let (kind_pick, channel_pick) = choices.first().map_or((0, 0), |&(p, m)| (p, m as usize));
        let received = Action::Received {
            kind: ComplaintKind::ALL[kind_pick % 3],
            agency: agency(kind_pick),
            privacy: Privacy::ALL[channel_pick % 3],
            channel: ChannelKind::ALL[channel_pick % 6],
        };
        let mut c = Lifecycle::start(&Event { at: start, actor: Actor::Reporter, action: received }).unwrap();
        for &(pick, minutes) in choices {
            let officer = Actor::Penghubung { agency: c.agency.clone().unwrap_or_else(|| agency(pick)) };
            let actors = [Actor::Reporter, Actor::Koordinator, Actor::System, officer];
            let actor = actors[pick % actors.len()].clone();
            let options = c.allowed_actions(&actor);
            let Some(&kind) = options.get(pick % options.len().max(1)) else { continue };
            let action = match kind {
                ActionKind::Received => unreachable!("never allowed after the start"),
                ActionKind::Verified => Action::Verified { privacy: None },
                ActionKind::Disposed => Action::Disposed { to: agency(pick / 7) },
                ActionKind::Rerouted => Action::Rerouted { reason: "Bukan wewenang".into(), suggested: None },
                ActionKind::Held => Action::Held { reason: "Menunggu data".into() },
                ActionKind::Resumed => Action::Resumed,
                ActionKind::Responded => Action::Responded { message: "Diperiksa".into() },
                ActionKind::FollowedUp => Action::FollowedUp { message: "Selesai".into() },
                ActionKind::InfoAdded => Action::InfoAdded { message: "Tambahan".into() },
                ActionKind::Confirmed => Action::Confirmed,
                ActionKind::Disputed => Action::Disputed { reason: "Belum".into() },
                ActionKind::Rated => Action::Rated { rating: Rating::new(1 + (pick % 5) as u8).unwrap() },
                ActionKind::AutoClosed => Action::AutoClosed,
                ActionKind::Archived => Action::Archived { reason: ArchiveReason::Spam, note: String::new() },
            };
            let at = c.last_event_at + chrono::Duration::minutes(minutes);
            c.apply(&Event { at, actor, action }).unwrap();
        }
        c
    }

    /// A UTC instant from a local WITA time such as `2025-03-03T10:00:00`,
    /// as an officer in Banjarmasin reads it.
    pub(crate) fn at(local: &str) -> DateTime<Utc> {
        Zone::WITA.to_utc(local.parse().expect("local date-time"))
    }

    /// A complaint to `dinkes` from a script of (local WITA time, step).
    /// Steps: `receive[:kind[:channel]]`, `verify`, `dispose[:agency]`,
    /// `hold`, `resume`, `respond`, `follow_up`, `dispute`, `confirm`,
    /// `rate:N`, `auto_close`, `archive`.
    pub(crate) fn history(script: &[(&str, &str)]) -> Lifecycle {
        let dinkes = AgencyId::new("dinkes").unwrap();
        let mut c: Option<Lifecycle> = None;
        for &(when, step) in script {
            let mut parts = step.split(':');
            let name = parts.next().unwrap();
            let arg = parts.next();
            let assigned = c.as_ref().and_then(|c| c.agency.clone()).unwrap_or_else(|| dinkes.clone());
            let officer = Actor::Penghubung { agency: assigned };
            let (actor, action) = match name {
                "receive" => {
                    let kind = match arg {
                        Some("aspirasi") => ComplaintKind::Aspirasi,
                        Some("informasi") => ComplaintKind::PermintaanInformasi,
                        _ => ComplaintKind::Pengaduan,
                    };
                    let channel = match parts.next() {
                        Some("sms") => ChannelKind::Sms1708,
                        Some("lapor") => ChannelKind::Lapor,
                        Some("wa") => ChannelKind::WhatsApp,
                        _ => ChannelKind::WebWidget,
                    };
                    let action =
                        Action::Received { kind, agency: dinkes.clone(), privacy: Privacy::Publik, channel };
                    (Actor::Reporter, action)
                }
                "verify" => (Actor::Koordinator, Action::Verified { privacy: None }),
                "dispose" => {
                    let to = AgencyId::new(arg.unwrap_or("dinkes")).unwrap();
                    (Actor::Koordinator, Action::Disposed { to })
                }
                "hold" => (Actor::Koordinator, Action::Held { reason: "Menunggu data".into() }),
                "resume" => (Actor::Koordinator, Action::Resumed),
                "respond" => (officer, Action::Responded { message: "Diperiksa".into() }),
                "follow_up" => (officer, Action::FollowedUp { message: "Sudah diperbaiki".into() }),
                "dispute" => (Actor::Reporter, Action::Disputed { reason: "Belum diperbaiki".into() }),
                "confirm" => (Actor::Reporter, Action::Confirmed),
                "info" => (Actor::Reporter, Action::InfoAdded { message: "Foto terlampir".into() }),
                "rate" => {
                    let stars = arg.unwrap().parse().unwrap();
                    (Actor::Reporter, Action::Rated { rating: Rating::new(stars).unwrap() })
                }
                "auto_close" => (Actor::System, Action::AutoClosed),
                "archive" => {
                    let action = Action::Archived { reason: ArchiveReason::Spam, note: String::new() };
                    (Actor::Koordinator, action)
                }
                other => panic!("unknown step {other}"),
            };
            let event = Event { at: at(when), actor, action };
            c = Some(apply(c, &event).unwrap_or_else(|e| panic!("{step} at {when}: {e}")));
        }
        c.expect("a non-empty script")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::Duration;

    fn agency(s: &str) -> AgencyId {
        AgencyId::new(s).unwrap()
    }

    fn t0() -> DateTime<Utc> {
        "2025-03-03T02:00:00Z".parse().unwrap()
    }

    fn received() -> Action {
        Action::Received {
            kind: ComplaintKind::Pengaduan,
            agency: agency("dinkes"),
            privacy: Privacy::Publik,
            channel: ChannelKind::WebWidget,
        }
    }

    /// A payload-carrying action of each kind, as tests send it.
    fn sample(kind: ActionKind) -> Action {
        match kind {
            ActionKind::Received => received(),
            ActionKind::Verified => Action::Verified { privacy: None },
            ActionKind::Disposed => Action::Disposed { to: agency("dinkes") },
            ActionKind::Rerouted => {
                Action::Rerouted { reason: "Wewenang dinas lain".into(), suggested: None }
            }
            ActionKind::Held => Action::Held { reason: "Menunggu foto lokasi".into() },
            ActionKind::Resumed => Action::Resumed,
            ActionKind::Responded => Action::Responded { message: "Kami periksa".into() },
            ActionKind::FollowedUp => Action::FollowedUp { message: "Sudah diperbaiki".into() },
            ActionKind::InfoAdded => Action::InfoAdded { message: "Foto terlampir".into() },
            ActionKind::Confirmed => Action::Confirmed,
            ActionKind::Disputed => Action::Disputed { reason: "Belum diperbaiki".into() },
            ActionKind::Rated => Action::Rated { rating: Rating::new(5).unwrap() },
            ActionKind::AutoClosed => Action::AutoClosed,
            ActionKind::Archived => Action::Archived { reason: ArchiveReason::Spam, note: String::new() },
        }
    }

    /// The actor who would normally perform `kind` on a complaint assigned to `assigned`.
    fn natural_actor(kind: ActionKind, assigned: Option<&AgencyId>) -> Actor {
        use ActionKind as K;
        match kind {
            K::InfoAdded | K::Confirmed | K::Disputed | K::Rated => Actor::Reporter,
            K::AutoClosed => Actor::System,
            K::Rerouted | K::Responded | K::FollowedUp => match assigned {
                Some(a) => Actor::Penghubung { agency: a.clone() },
                None => Actor::Koordinator,
            },
            _ => Actor::Koordinator,
        }
    }

    /// Builds a complaint in `status` by its canonical history, one minute per event.
    fn in_status(status: Status) -> Lifecycle {
        use ActionKind as K;
        let path: &[K] = match status {
            Status::Diterima => &[],
            Status::Terverifikasi => &[K::Verified],
            Status::Didisposisikan => &[K::Verified, K::Disposed],
            Status::Ditanggapi => &[K::Verified, K::Disposed, K::Responded],
            Status::Ditindaklanjuti => &[K::Verified, K::Disposed, K::Responded, K::FollowedUp],
            Status::Ditunda => &[K::Verified, K::Disposed, K::Held],
            Status::Selesai => &[K::Verified, K::Disposed, K::Responded, K::FollowedUp, K::Confirmed],
            Status::Diarsipkan => &[K::Archived],
        };
        let mut c =
            Lifecycle::start(&Event { at: t0(), actor: Actor::Reporter, action: received() }).unwrap();
        for (i, &k) in path.iter().enumerate() {
            let at = t0() + Duration::minutes(i as i64 + 1);
            let actor = natural_actor(k, c.agency.as_ref());
            c.apply(&Event { at, actor, action: sample(k) }).unwrap();
        }
        assert_eq!(c.status, status);
        c
    }

    fn outcome(result: Result<(), TransitionError>) -> &'static str {
        match result {
            Ok(()) => "ok",
            Err(TransitionError::NotAllowed { .. }) => "NA",
            Err(TransitionError::Unauthorized { .. }) => "UN",
            Err(TransitionError::WrongAgency { .. }) => "WA",
            Err(TransitionError::AlreadyReceived) => "AR",
            Err(e) => panic!("unexpected error {e:?}"),
        }
    }

    /// Every (status, action) pair with the actor who would normally act.
    /// ok = allowed, NA = not allowed in this status, AR = already received.
    #[test]
    fn every_status_action_pair() {
        let expected = "
                  rcv ver dis rer hol res rsp fup inf cnf dsp rat aut arc
diterima          AR  ok  NA  NA  ok  NA  NA  NA  ok  NA  NA  NA  NA  ok
terverifikasi     AR  NA  ok  NA  ok  NA  NA  NA  ok  NA  NA  NA  NA  ok
didisposisikan    AR  NA  NA  ok  ok  NA  ok  ok  ok  NA  NA  NA  NA  ok
ditanggapi        AR  NA  NA  NA  ok  NA  NA  ok  ok  NA  NA  NA  NA  ok
ditindaklanjuti   AR  NA  NA  NA  NA  NA  NA  ok  ok  ok  ok  ok  ok  ok
ditunda           AR  NA  NA  NA  NA  ok  NA  NA  ok  NA  NA  NA  NA  ok
selesai           AR  NA  NA  NA  NA  NA  NA  NA  NA  NA  NA  ok  NA  NA
diarsipkan        AR  NA  NA  NA  NA  NA  NA  NA  NA  NA  NA  NA  NA  NA";
        let mut actual =
            String::from("\n                  rcv ver dis rer hol res rsp fup inf cnf dsp rat aut arc");
        for status in Status::ALL {
            let c = in_status(status);
            actual.push_str(&format!("\n{:<18}", status.code()));
            let cells: Vec<&str> = ActionKind::ALL
                .into_iter()
                .map(|k| {
                    let event = Event {
                        at: c.last_event_at + Duration::hours(1),
                        actor: natural_actor(k, c.agency.as_ref()),
                        action: sample(k),
                    };
                    let mut copy = c.clone();
                    let result = copy.apply(&event);
                    // A refused event changes nothing; an accepted one bumps the version.
                    match &result {
                        Ok(()) => assert_eq!(copy.version, c.version + 1),
                        Err(_) => assert_eq!(copy, c),
                    }
                    outcome(result)
                })
                .collect();
            actual.push_str(cells.join("  ").as_str());
        }
        assert_eq!(actual, expected);
    }

    /// Every (action, actor) pair in a status where the action is allowed.
    /// UN = unauthorised role, WA = officer of another agency.
    #[test]
    fn every_action_actor_pair() {
        let expected = "
             rep kor pen oth sys
received     ok  ok  UN  UN  ok
verified     UN  ok  UN  UN  UN
disposed     UN  ok  UN  UN  UN
rerouted     UN  ok  ok  WA  UN
held         UN  ok  UN  UN  UN
resumed      UN  ok  UN  UN  UN
responded    UN  ok  ok  WA  UN
followed_up  UN  ok  ok  WA  UN
info_added   ok  UN  UN  UN  UN
confirmed    ok  UN  UN  UN  UN
disputed     ok  UN  UN  UN  UN
rated        ok  UN  UN  UN  UN
auto_closed  UN  UN  UN  UN  ok
archived     UN  ok  UN  UN  UN";
        let actors = [
            Actor::Reporter,
            Actor::Koordinator,
            Actor::Penghubung { agency: agency("dinkes") },
            Actor::Penghubung { agency: agency("disdik") },
            Actor::System,
        ];
        let mut actual = String::from("\n             rep kor pen oth sys");
        for kind in ActionKind::ALL {
            actual.push_str(&format!("\n{:<13}", kind.code()));
            let status = match kind {
                ActionKind::Received | ActionKind::Verified => Status::Diterima,
                ActionKind::Disposed => Status::Terverifikasi,
                ActionKind::Resumed => Status::Ditunda,
                ActionKind::Confirmed | ActionKind::Disputed | ActionKind::Rated | ActionKind::AutoClosed => {
                    Status::Ditindaklanjuti
                }
                _ => Status::Didisposisikan,
            };
            let cells: Vec<&str> = actors
                .iter()
                .map(|actor| {
                    let c = in_status(status);
                    let event = Event { at: c.last_event_at, actor: actor.clone(), action: sample(kind) };
                    if kind == ActionKind::Received {
                        outcome(Lifecycle::start(&event).map(drop))
                    } else {
                        outcome(c.check(&event))
                    }
                })
                .collect();
            actual.push_str(cells.join("  ").as_str());
        }
        assert_eq!(actual, expected);
    }

    #[test]
    fn allowed_actions_agree_with_apply() {
        let actors = [
            Actor::Reporter,
            Actor::Koordinator,
            Actor::Penghubung { agency: agency("dinkes") },
            Actor::Penghubung { agency: agency("disdik") },
            Actor::System,
        ];
        for status in Status::ALL {
            let c = in_status(status);
            for actor in &actors {
                let allowed = c.allowed_actions(actor);
                for kind in ActionKind::ALL {
                    let event = Event { at: c.last_event_at, actor: actor.clone(), action: sample(kind) };
                    assert_eq!(
                        allowed.contains(&kind),
                        c.check(&event).is_ok(),
                        "{status:?} {actor:?} {kind:?}"
                    );
                }
            }
        }
    }

    fn ev(c: &Lifecycle, minutes: i64, actor: Actor, action: Action) -> Event {
        Event { at: c.last_event_at + Duration::minutes(minutes), actor, action }
    }

    /// Checks one refused event by its code.
    fn check(c: &Lifecycle, event: &Event, code: &str) {
        let err = c.check(event).unwrap_err();
        assert_eq!(err.code(), code, "{err}");
        assert!(!err.message().id.is_empty() && !err.message().en.is_empty());
    }

    #[test]
    fn refusals_with_their_codes() {
        let c = in_status(Status::Diterima);
        let back = Event {
            at: t0() - Duration::seconds(1),
            actor: Actor::Koordinator,
            action: sample(ActionKind::Verified),
        };
        check(&c, &back, "transition.out_of_order");
        check(&c, &ev(&c, 1, Actor::Reporter, received()), "transition.already_received");

        let anon = {
            let mut c = c.clone();
            c.privacy = Privacy::Anonim;
            c
        };
        let loosen = ev(&anon, 1, Actor::Koordinator, Action::Verified { privacy: Some(Privacy::Publik) });
        check(&anon, &loosen, "transition.privacy_loosened");

        let d = in_status(Status::Didisposisikan);
        let blank = ev(&d, 1, Actor::Koordinator, Action::Responded { message: "  \n".into() });
        check(&d, &blank, "transition.text_required");
        let officer = Actor::Penghubung { agency: agency("dinkes") };
        let selfish = ev(
            &d,
            1,
            officer,
            Action::Rerouted { reason: "Bukan kami".into(), suggested: Some(agency("dinkes")) },
        );
        check(&d, &selfish, "transition.suggested_self");

        let mut f = in_status(Status::Ditindaklanjuti);
        f.apply(&ev(&f, 1, Actor::Reporter, sample(ActionKind::Rated))).unwrap();
        check(&f, &ev(&f, 1, Actor::Reporter, sample(ActionKind::Rated)), "transition.already_rated");
        assert!(!f.allowed_actions(&Actor::Reporter).contains(&ActionKind::Rated));

        let not_started = Event { at: t0(), actor: Actor::Koordinator, action: sample(ActionKind::Verified) };
        assert_eq!(Lifecycle::start(&not_started).unwrap_err().code(), "transition.not_started");
        assert_eq!(fold(&[]).unwrap_err().error.code(), "transition.empty_history");
    }

    #[test]
    fn hold_and_resume_record_pauses() {
        let mut c = in_status(Status::Ditanggapi);
        let held_at = c.last_event_at + Duration::hours(1);
        c.apply(&Event { at: held_at, actor: Actor::Koordinator, action: sample(ActionKind::Held) }).unwrap();
        assert_eq!(c.status, Status::Ditunda);
        let now = held_at + Duration::hours(5);
        assert_eq!(c.pauses_until(now), vec![(held_at, now)]);
        // The reporter's information ends the hold and restores the status.
        let info_at = held_at + Duration::hours(30);
        c.apply(&Event { at: info_at, actor: Actor::Reporter, action: sample(ActionKind::InfoAdded) })
            .unwrap();
        assert_eq!(c.status, Status::Ditanggapi);
        assert_eq!(c.pauses, vec![(held_at, info_at)]);
        assert_eq!(c.hold, None);
    }

    #[test]
    fn reroute_and_dispute_restart_the_agency_clock() {
        let mut c = in_status(Status::Didisposisikan);
        let first = c.first_disposed_at.unwrap();
        let officer = Actor::Penghubung { agency: agency("dinkes") };
        let reroute =
            Action::Rerouted { reason: "Wewenang Dinas PUPR".into(), suggested: Some(agency("dpupr")) };
        c.apply(&ev(&c, 10, officer, reroute)).unwrap();
        assert_eq!((c.status, c.agency.clone(), c.reroutes), (Status::Terverifikasi, None, 1));
        c.apply(&ev(&c, 10, Actor::Koordinator, Action::Disposed { to: agency("dpupr") })).unwrap();
        assert_eq!(c.first_disposed_at, Some(first));
        assert_eq!(c.follow_up_started_at, Some(c.last_event_at));
        let pupr = Actor::Penghubung { agency: agency("dpupr") };
        c.apply(&ev(&c, 10, pupr, sample(ActionKind::FollowedUp))).unwrap();
        assert_eq!(c.first_response_at, Some(c.last_event_at));
        c.apply(&ev(&c, 10, Actor::Reporter, sample(ActionKind::Disputed))).unwrap();
        assert_eq!((c.status, c.followed_up_at, c.disputes), (Status::Didisposisikan, None, 1));
        assert_eq!(c.follow_up_started_at, Some(c.last_event_at));
        assert!(c.ever_followed_up);
    }

    #[test]
    fn answers_belong_to_an_assignment() {
        // dinkes follows up, the reporter disputes, dinkes then says it is not
        // its business: dpupr starts with nothing answered.
        let mut c = in_status(Status::Ditindaklanjuti);
        let dinkes = Actor::Penghubung { agency: agency("dinkes") };
        c.apply(&ev(&c, 10, Actor::Reporter, sample(ActionKind::Disputed))).unwrap();
        let reroute = Action::Rerouted { reason: "Wewenang Dinas PUPR".into(), suggested: None };
        c.apply(&ev(&c, 10, dinkes, reroute)).unwrap();
        assert!(c.first_response_at.is_some() && c.ever_followed_up);
        c.apply(&ev(&c, 10, Actor::Koordinator, Action::Disposed { to: agency("dpupr") })).unwrap();
        assert_eq!((c.first_response_at, c.ever_followed_up), (None, false));
    }

    #[test]
    fn verification_may_tighten_privacy() {
        let c = in_status(Status::Diterima);
        let mut tightened = c.clone();
        tightened
            .apply(&ev(&c, 1, Actor::Koordinator, Action::Verified { privacy: Some(Privacy::Rahasia) }))
            .unwrap();
        assert_eq!(tightened.privacy, Privacy::Rahasia);
    }

    #[test]
    fn fold_reports_the_bad_event() {
        let events = [
            Event { at: t0(), actor: Actor::Reporter, action: received() },
            Event { at: t0(), actor: Actor::Koordinator, action: sample(ActionKind::Verified) },
            Event { at: t0(), actor: Actor::Koordinator, action: sample(ActionKind::Verified) },
        ];
        let err = fold(&events).unwrap_err();
        assert_eq!((err.index, err.error.code()), (2, "transition.not_allowed"));
    }

    #[test]
    fn events_round_trip_through_json() {
        let c = in_status(Status::Diterima);
        let e = ev(&c, 5, Actor::Penghubung { agency: agency("dinkes") }, sample(ActionKind::Rerouted));
        let json = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<Event>(&json).unwrap(), e);
    }

    mod walk {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            /// A random walk through allowed actions keeps the state's invariants.
            #[test]
            fn random_walks_keep_invariants(choices in proptest::collection::vec((0usize..64, 0i64..5000), 0..40)) {
                let mut c = Lifecycle::start(&Event { at: t0(), actor: Actor::Reporter, action: received() }).unwrap();
                let mut applied = 1;
                for (pick, minutes) in choices {
                    let actors = [Actor::Reporter, Actor::Koordinator, Actor::System,
                        Actor::Penghubung { agency: c.agency.clone().unwrap_or_else(|| agency("dinkes")) }];
                    let actor = actors[pick % actors.len()].clone();
                    let options = c.allowed_actions(&actor);
                    if options.is_empty() { continue; }
                    let kind = options[pick % options.len()];
                    c.apply(&ev(&c, minutes, actor, sample(kind))).unwrap();
                    applied += 1;
                    let assigned_states = [Status::Didisposisikan, Status::Ditanggapi, Status::Ditindaklanjuti];
                    let effective = c.hold.map_or(c.status, |h| h.resume_to);
                    if assigned_states.contains(&effective) {
                        prop_assert!(c.agency.is_some());
                    }
                    prop_assert_eq!(c.hold.is_some(), c.status == Status::Ditunda);
                    prop_assert_eq!(c.closed_at.is_some(), c.status.is_closed());
                    prop_assert!(c.pauses.windows(2).all(|w| w[0].1 <= w[1].0));
                    if c.status == Status::Ditindaklanjuti { prop_assert!(c.followed_up_at.is_some()); }
                }
                prop_assert_eq!(c.version, applied);
            }
        }
    }
}
