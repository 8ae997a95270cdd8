//! What a citizen files: the kinds of report, privacy choices, channels, and
//! the new-complaint input with its validation.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The three kinds of report SP4N-LAPOR! accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComplaintKind {
    /// *Pengaduan*: a complaint about a public service.
    Pengaduan,
    /// *Aspirasi*: an aspiration or suggestion.
    Aspirasi,
    /// *Permintaan informasi*: a request for public information.
    PermintaanInformasi,
}

impl ComplaintKind {
    /// Every kind, in display order.
    pub const ALL: [Self; 3] = [Self::Pengaduan, Self::Aspirasi, Self::PermintaanInformasi];

    /// The stable code used on the wire, e.g. `permintaan_informasi`.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Pengaduan => "pengaduan",
            Self::Aspirasi => "aspirasi",
            Self::PermintaanInformasi => "permintaan_informasi",
        }
    }
}

/// Who may see what of a report.
///
/// The brief's rule that a forgotten flag must never expose a reporter is
/// kept by construction: privacy can only ever be tightened after filing
/// (see [`Privacy::can_become`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Privacy {
    /// The report and the reporter's name are public.
    Publik,
    /// *Anonim*: the report may be public, the reporter's identity never is,
    /// not even to the agency handling it.
    Anonim,
    /// *Rahasia*: the report itself is not public; only the reporter, the
    /// coordinator and the handling agency see it.
    Rahasia,
}

impl Privacy {
    /// Every choice, in the order the form shows them (alphabetical).
    pub const ALL: [Self; 3] = [Self::Anonim, Self::Publik, Self::Rahasia];

    /// The stable wire code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::Publik => "publik",
            Self::Anonim => "anonim",
            Self::Rahasia => "rahasia",
        }
    }

    /// Whether the report's content may appear in public views and lists.
    #[must_use]
    pub fn content_is_public(self) -> bool {
        !matches!(self, Self::Rahasia)
    }

    /// Whether the reporter's identity may be shown to the handling agency.
    #[must_use]
    pub fn identity_visible_to_agency(self) -> bool {
        !matches!(self, Self::Anonim)
    }

    /// Whether the reporter's identity may appear in public output.
    #[must_use]
    pub fn identity_is_public(self) -> bool {
        matches!(self, Self::Publik)
    }

    /// Whether a verifying admin may change this privacy to `to`. Only a
    /// report filed as public can be made anonymous or confidential; nothing
    /// is ever made more visible than its reporter chose.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Privacy;
    /// assert!(Privacy::Publik.can_become(Privacy::Rahasia));
    /// assert!(!Privacy::Anonim.can_become(Privacy::Publik));
    /// assert!(Privacy::Anonim.can_become(Privacy::Anonim));
    /// ```
    #[must_use]
    pub fn can_become(self, to: Self) -> bool {
        self == to || self == Self::Publik
    }
}

/// The coarse channel a report came through, for statistics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChannelKind {
    /// An Aduan form embedded in an agency website.
    WebWidget,
    /// The national LAPOR! portal or app.
    Lapor,
    /// SMS to 1708.
    Sms1708,
    /// WhatsApp.
    WhatsApp,
    /// A social-media account of the agency.
    SocialMedia,
    /// In person at a service desk.
    WalkIn,
}

impl ChannelKind {
    /// Every channel, in display order.
    pub const ALL: [Self; 6] = [
        Self::WebWidget,
        Self::Lapor,
        Self::Sms1708,
        Self::WhatsApp,
        Self::SocialMedia,
        Self::WalkIn,
    ];

    /// The stable wire code.
    #[must_use]
    pub fn code(self) -> &'static str {
        match self {
            Self::WebWidget => "web_widget",
            Self::Lapor => "lapor",
            Self::Sms1708 => "sms_1708",
            Self::WhatsApp => "whats_app",
            Self::SocialMedia => "social_media",
            Self::WalkIn => "walk_in",
        }
    }
}

/// The channel a report came through, with the embedding site's origin for
/// web-widget reports (e.g. `https://dinkes.kalselprov.go.id`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Channel {
    /// An Aduan form on the site at `origin`.
    WebWidget {
        /// The site's origin: scheme, host and optional port, no path.
        origin: String,
    },
    /// The national LAPOR! portal or app.
    Lapor,
    /// SMS to 1708.
    Sms1708,
    /// WhatsApp.
    WhatsApp,
    /// A social-media account of the agency.
    SocialMedia,
    /// In person at a service desk.
    WalkIn,
}

impl Channel {
    /// The channel without its payload.
    #[must_use]
    pub fn kind(&self) -> ChannelKind {
        match self {
            Self::WebWidget { .. } => ChannelKind::WebWidget,
            Self::Lapor => ChannelKind::Lapor,
            Self::Sms1708 => ChannelKind::Sms1708,
            Self::WhatsApp => ChannelKind::WhatsApp,
            Self::SocialMedia => ChannelKind::SocialMedia,
            Self::WalkIn => ChannelKind::WalkIn,
        }
    }
}

/// A reporter's rating of how the complaint was handled, 1 to 5 stars.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct Rating(u8);

impl Rating {
    /// A rating of `stars`, which must be 1 to 5.
    ///
    /// # Errors
    /// A field error `rating`/`out_of_range` otherwise.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Rating;
    /// assert_eq!(Rating::new(4).unwrap().stars(), 4);
    /// assert!(Rating::new(0).is_err());
    /// ```
    pub fn new(stars: u8) -> Result<Self, crate::FieldError> {
        if (1..=5).contains(&stars) {
            Ok(Self(stars))
        } else {
            Err(crate::FieldError {
                field: "rating",
                code: "out_of_range",
                message: crate::Text::new(
                    "Penilaian harus antara 1 dan 5 bintang",
                    "Rating must be between 1 and 5 stars",
                ),
            })
        }
    }

    /// The number of stars, 1 to 5.
    #[must_use]
    pub fn stars(self) -> u8 {
        self.0
    }
}

impl<'de> Deserialize<'de> for Rating {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let n = u8::deserialize(d)?;
        Self::new(n).map_err(|e| serde::de::Error::custom(e.message.en))
    }
}

impl fmt::Display for Rating {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/5", self.0)
    }
}

// NEW-COMPLAINT INPUT AND VALIDATION FOLLOW (see module docs).
