//! What a citizen files: the kinds of report, privacy choices, channels, and
//! the new-complaint input with its validation.
//!
//! A form or API request arrives as a [`ComplaintInput`], raw and lenient;
//! [`ComplaintInput::validate`] turns it into a [`NewComplaint`] of typed,
//! trimmed values, or returns every field error at once, in field order.
//! The widgets call the same function in the browser, so browser and server
//! always agree on what is valid.
//!
//! # Limits
//!
//! | field | path | rule | codes |
//! |---|---|---|---|
//! | kind | `kind` | required | `required` |
//! | title | `title` | required, [`TITLE_MIN`]–[`TITLE_MAX`] (10–150) characters, one line, a letter or digit | `required`, `too_short`, `too_long`, `control_character`, `invisible_character`, `no_letters` |
//! | description | `description` | required, [`DESCRIPTION_MIN`]–[`DESCRIPTION_MAX`] (30–4,000, Open311's limit) characters; line breaks and tabs allowed; a letter or digit | `required`, `too_short`, `too_long`, `control_character`, `invisible_character`, `no_letters` |
//! | incident date | `incident_date` | required for *pengaduan*, optional otherwise; from [`EARLIEST_INCIDENT_DATE`] (1 January 1950) to today in the agency's zone | `required`, `too_old`, `in_future` |
//! | location | `location` | optional, at most [`LOCATION_MAX`] (200) characters, one line | `too_long`, `control_character`, `invisible_character` |
//! | coordinates | `coordinates` | optional; finite, latitude within ±90, longitude within ±180 | `out_of_range` |
//! | agency | `agency` | required agency slug, one of the known agencies when the shell gives a list | `required`, `invalid_slug`, `unknown_agency` |
//! | privacy | `privacy` | required | `required` |
//! | reporter's name | `reporter.name` | [`NAME_MIN`]–[`NAME_MAX`] (2–100) characters, one line, a letter or digit | `required`, `too_short`, `too_long`, `control_character`, `invisible_character`, `no_letters` |
//! | email | `reporter.email` | optional; at most [`EMAIL_MAX`] (254) characters, see [`Email::parse`] | `too_long`, `invalid_email` |
//! | mobile number | `reporter.phone` | optional; Indonesian mobile, see [`PhoneNumber::parse`] | `invalid_phone` |
//! | contact | `reporter` | an email or a mobile number | `contact_required` |
//! | site origin | `channel.origin` | web widget only: `http(s)://host[:port]`, at most [`ORIGIN_MAX`] (255) characters | `invalid_origin` |
//!
//! The widget's three-box date ([`parse_date_parts`]) adds the paths
//! `incident_date.day`, `.month` and `.year` with codes `required` and
//! `invalid_date`.
//!
//! # Rules that apply to several fields
//!
//! - **Text** is trimmed of surrounding whitespace and of a byte order mark
//!   (U+FEFF) at its start; CRLF, lone CR and the Unicode line and paragraph
//!   separators (U+2028, U+2029) become LF. Control characters are refused
//!   (`control_character`) except line feed and tab in the description, so
//!   every line break is refused on one line.
//! - **Invisible characters** are refused (`invisible_character`): format
//!   characters that show nothing yet change the text, such as zero-width
//!   spaces, direction marks and overrides (U+200B, U+200E–U+200F,
//!   U+202A–U+202E, U+2060–U+206F), a byte order mark after the start, the
//!   soft hyphen and Hangul fillers. The zero-width joiner and non-joiner
//!   (U+200D, U+200C) and variation selectors stay allowed, since emoji and
//!   several scripts need them, and so do tag characters inside a flag such
//!   as 🏴 Scotland.
//! - **Letters.** The title, the description and the name must hold at
//!   least one letter or digit, in any script (`no_letters`), so `--` or a
//!   row of emoji is not a name or a title.
//! - **One error per field**, checked in this order: empty, control
//!   characters, invisible characters, no letters, too long, too short.
//! - **Lengths** count Unicode scalar values (`chars().count()`) after
//!   trimming and normalising line breaks, so an emoji such as 👍 counts 1,
//!   a family emoji such as 👨‍👩‍👧 counts 5, and CRLF counts 1. The widget's
//!   character count calls [`character_count`] and so counts the same way.
//! - **The reporter** must give a name and an email or a mobile number,
//!   unless the privacy is *anonim*: an anonymous reporter may leave all
//!   three empty, but whatever they do fill in is held to the same rules.
//! - **A missing choice counts as the most demanding one.** Without a kind
//!   the date is required (as for *pengaduan*); without a privacy the
//!   reporter's contact is required (as for *publik* and *rahasia*). So
//!   answering the choice can never reveal new errors on resubmission.
//! - **Messages** say what to do, reuse the field's label, and give limits
//!   with Indonesian digit grouping ("4.000"), per the UX rules.

use std::fmt;

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use serde::de::{DeserializeOwned, IntoDeserializer};
use serde::{Deserialize, Deserializer, Serialize};

use crate::error::{FieldError, Lang, Text, ValidationErrors};
use crate::format;
use crate::ids::AgencyId;
use crate::zone::Zone;

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

/// Who may see what of a report; the rules themselves are one table,
/// [`Visibility::of`](crate::visibility::Visibility::of).
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
    pub const ALL: [Self; 6] =
        [Self::WebWidget, Self::Lapor, Self::Sms1708, Self::WhatsApp, Self::SocialMedia, Self::WalkIn];

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

/// The shortest title, in characters (Unicode scalar values): long enough to
/// say what the report is about, such as "Jalan rusak".
pub const TITLE_MIN: usize = 10;
/// The longest title, in characters: one line in lists and notifications.
pub const TITLE_MAX: usize = 150;
/// The shortest description, in characters: a sentence with some detail.
pub const DESCRIPTION_MIN: usize = 30;
/// The longest description, in characters: Open311 GeoReport v2's limit, so
/// every complaint can be served through Open311 without truncation.
pub const DESCRIPTION_MAX: usize = 4_000;
/// The longest location description, in characters: an address with
/// landmarks ("Jl. A. Yani km 5, depan masjid") fits easily.
pub const LOCATION_MAX: usize = 200;
/// The shortest reporter's name, in characters.
pub const NAME_MIN: usize = 2;
/// The longest reporter's name, in characters.
pub const NAME_MAX: usize = 100;
/// The longest email address: RFC 5321's limit on a path, less the brackets.
pub const EMAIL_MAX: usize = 254;
/// The longest local part (before the `@`) of an email address, per RFC 5321.
pub const EMAIL_LOCAL_MAX: usize = 64;
/// The longest web-widget origin accepted, in characters.
pub const ORIGIN_MAX: usize = 255;
/// The earliest incident date accepted: older events are not plausible
/// service complaints, and such a date is almost always a typing mistake.
pub const EARLIEST_INCIDENT_DATE: NaiveDate = match NaiveDate::from_ymd_opt(1950, 1, 1) {
    Some(d) => d,
    None => panic!("1 January 1950 is a date"),
};
/// The largest latitude in degrees, north or south.
pub const LATITUDE_MAX: f64 = 90.0;
/// The largest longitude in degrees, east or west.
pub const LONGITUDE_MAX: f64 = 180.0;

/// A point on the map, in WGS 84 degrees, as the form's map picker sends it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Coordinates {
    /// Latitude, −90 (south) to 90 (north).
    pub lat: f64,
    /// Longitude, −180 (west) to 180 (east).
    pub lon: f64,
}

impl Coordinates {
    /// Returns the coordinates if both are finite and within range.
    ///
    /// # Errors
    /// A field error `coordinates`/`out_of_range` otherwise, including for
    /// `NaN` and infinities.
    ///
    /// # Example
    /// ```
    /// use aduan_core::complaint::Coordinates;
    /// let banjarmasin = Coordinates { lat: -3.3194, lon: 114.5908 };
    /// assert_eq!(banjarmasin.checked(), Ok(banjarmasin));
    /// assert!(Coordinates { lat: 91.0, lon: 0.0 }.checked().is_err());
    /// assert!(Coordinates { lat: f64::NAN, lon: 0.0 }.checked().is_err());
    /// ```
    pub fn checked(self) -> Result<Self, FieldError> {
        // `abs() <= max` is false for NaN, so NaN is refused too.
        if self.lat.abs() <= LATITUDE_MAX && self.lon.abs() <= LONGITUDE_MAX {
            Ok(self)
        } else {
            Err(error(
                "coordinates",
                "out_of_range",
                "Titik lokasi harus ada di peta: lintang -90 sampai 90 dan bujur -180 sampai 180",
                "Map location must have a latitude from -90 to 90 and a longitude from -180 to 180",
            ))
        }
    }
}

/// Reads a map point as people paste it from a map app: latitude then
/// longitude, separated by a comma (`-3.3194, 114.5908`,
/// `-3.3194,114.5908`), a space or a semicolon, where a comma may then
/// also be a decimal comma (`-3,3194 114,5908`, `-3,3194; 114,5908`).
/// Blank text is no point.
///
/// Numbers are read without the standard float parser (its tables cost
/// the WASM bundle): up to 15 significant digits are read exactly, as
/// `str::parse` would, and further digits (below a nanodegree) are
/// dropped. Exponents, `NaN` and `inf` are not numbers here.
///
/// # Errors
/// A field error `coordinates`/`invalid` for text that is not two numbers,
/// or a latitude beyond ±90 or a longitude beyond ±180.
///
/// # Example
/// ```
/// use aduan_core::complaint::{Coordinates, parse_coordinates};
/// let point = Some(Coordinates { lat: -3.3194, lon: 114.5908 });
/// assert_eq!(parse_coordinates("-3.3194, 114.5908"), Ok(point));
/// assert_eq!(parse_coordinates("-3,3194; 114,5908"), Ok(point));
/// assert_eq!(parse_coordinates("  "), Ok(None));
/// assert_eq!(parse_coordinates("114.5908, -3.3194").unwrap_err().code, "invalid");
/// ```
pub fn parse_coordinates(text: &str) -> Result<Option<Coordinates>, FieldError> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let mut parts = text
        .split(|c: char| c.is_ascii_whitespace() || c == ';')
        .map(|p| p.trim_matches(','))
        .filter(|p| !p.is_empty());
    let pair = match (parts.next(), parts.next(), parts.next()) {
        // No space or semicolon: the comma separates the two numbers.
        (Some(one), None, _) => one.split_once(',').filter(|(_, lon)| !lon.contains(',')),
        (Some(lat), Some(lon), None) => Some((lat, lon)),
        _ => None,
    };
    let point = pair.and_then(|(lat, lon)| degrees(lat).zip(degrees(lon)));
    point.and_then(|(lat, lon)| Coordinates { lat, lon }.checked().ok()).map(Some).ok_or_else(|| {
        error(
            "coordinates",
            "invalid",
            "Masukkan titik lokasi sebagai lintang dan bujur, seperti -3.3194, 114.5908",
            "Enter the map point as latitude and longitude, like -3.3194, 114.5908",
        )
    })
}

/// A decimal number of degrees, `-3.3194` or `-3,3194`: an optional minus,
/// digits, at most one decimal point or comma.
fn degrees(text: &str) -> Option<f64> {
    let digits = text.strip_prefix('-');
    let negative = digits.is_some();
    let digits = digits.unwrap_or(text);
    // The digits kept as an integer, and 10 to the number of them after
    // the point: both exact in an f64, so one division rounds correctly.
    let (mut mantissa, mut divisor, mut point, mut any) = (0u64, 1f64, false, false);
    for b in digits.bytes() {
        match b {
            b'.' | b',' if !point => point = true,
            b'0'..=b'9' => {
                any = true;
                if mantissa < 100_000_000_000_000 && divisor < 1e22 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if point {
                        divisor *= 10.0;
                    }
                } else if !point {
                    return None;
                }
            }
            _ => return None,
        }
    }
    #[allow(clippy::cast_precision_loss)] // Below 2^53: exact.
    let value = mantissa as f64 / divisor;
    any.then_some(if negative { -value } else { value })
}

/// The reporter's identity and contact as typed into the form.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReporterInput {
    /// Full name.
    #[serde(deserialize_with = "null_as_default")]
    pub name: String,
    /// Email address, or empty.
    #[serde(deserialize_with = "null_as_default")]
    pub email: String,
    /// Mobile number in any common Indonesian writing, or empty.
    #[serde(deserialize_with = "null_as_default")]
    pub phone: String,
}

/// A new complaint as it arrives from the form or the API, before
/// validation.
///
/// It is lenient about absence so that every problem becomes a field error
/// from [`validate`](Self::validate) rather than a rejected request: every
/// field may be missing or `null`, and the choices and the date may also be
/// an empty string. A value of the wrong type (a number for the title, an
/// unknown kind) is a malformed request, not a citizen's mistake, and fails
/// deserialisation. The channel is not part of the input: the shell knows
/// it and passes it to `validate`.
///
/// # Example
/// ```
/// use aduan_core::complaint::ComplaintInput;
/// let input: ComplaintInput = serde_json::from_str(r#"{"kind": "", "title": null}"#).unwrap();
/// assert_eq!(input.kind, None);
/// assert_eq!(input.title, "");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ComplaintInput {
    /// Kind of report.
    #[serde(deserialize_with = "blank_as_none")]
    pub kind: Option<ComplaintKind>,
    /// Short title.
    #[serde(deserialize_with = "null_as_default")]
    pub title: String,
    /// What happened, in the reporter's words.
    #[serde(deserialize_with = "null_as_default")]
    pub description: String,
    /// When it happened, as a date (`2026-03-27` on the wire).
    #[serde(deserialize_with = "blank_as_none")]
    pub incident_date: Option<NaiveDate>,
    /// Where it happened, in words.
    #[serde(deserialize_with = "null_as_default")]
    pub location: String,
    /// Where it happened, on the map.
    pub coordinates: Option<Coordinates>,
    /// The agency addressed, as its slug.
    #[serde(deserialize_with = "null_as_default")]
    pub agency: String,
    /// Who may see the reporter's identity and the report.
    #[serde(deserialize_with = "blank_as_none")]
    pub privacy: Option<Privacy>,
    /// The reporter's identity and contact.
    #[serde(deserialize_with = "null_as_default")]
    pub reporter: ReporterInput,
}

/// What validation needs from the shell: the current time, the agency's
/// zone (which decides what "today" is for the incident date), and, when
/// the shell has it, the list of agencies complaints may be addressed to.
#[derive(Debug, Clone, Copy)]
pub struct ValidationContext<'a> {
    /// The current instant, read by the shell.
    pub now: DateTime<Utc>,
    /// The zone whose calendar date "today" is.
    pub zone: Zone,
    /// The agencies of the deployment, or `None` to accept any well-formed
    /// slug (the widget, which does not know them, leaves the check to the
    /// server).
    pub known_agencies: Option<&'a [AgencyId]>,
}

/// A complaint title: trimmed, one line, [`TITLE_MIN`]–[`TITLE_MAX`]
/// characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Title(String);

impl Title {
    /// Checks and trims a title.
    ///
    /// # Errors
    /// A field error on `title`: `required`, `control_character`,
    /// `invisible_character`, `no_letters`, `too_long` or `too_short`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::complaint::Title;
    /// assert_eq!(Title::parse("  Jalan rusak di Jl. Ahmad Yani ").unwrap().as_str(), "Jalan rusak di Jl. Ahmad Yani");
    /// assert_eq!(Title::parse("Rusak").unwrap_err().code, "too_short");
    /// assert_eq!(Title::parse("Jalan rusak \u{202E}hayap").unwrap_err().code, "invisible_character");
    /// assert_eq!(Title::parse("----------").unwrap_err().code, "no_letters");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        TITLE.check(raw)?.map(Self).ok_or_else(|| TITLE.required())
    }

    /// The title's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A complaint's description: trimmed, line breaks as LF, tabs allowed,
/// [`DESCRIPTION_MIN`]–[`DESCRIPTION_MAX`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Description(String);

impl Description {
    /// Checks and trims a description, turning CRLF, CR, U+2028 and U+2029
    /// into LF.
    ///
    /// # Errors
    /// A field error on `description`: `required`, `control_character`,
    /// `invisible_character`, `no_letters`, `too_long` or `too_short`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::complaint::Description;
    /// let d = Description::parse("Lubang besar di tengah jalan.\r\nSudah dua minggu.").unwrap();
    /// assert_eq!(d.as_str(), "Lubang besar di tengah jalan.\nSudah dua minggu.");
    /// let d = Description::parse("\u{FEFF}Lubang besar di tengah jalan.\u{2028}Sudah dua minggu.").unwrap();
    /// assert_eq!(d.as_str(), "Lubang besar di tengah jalan.\nSudah dua minggu.");
    /// assert_eq!(Description::parse("").unwrap_err().code, "required");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        DESCRIPTION.check(raw)?.map(Self).ok_or_else(|| DESCRIPTION.required())
    }

    /// The description's text.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

macro_rules! text_impls {
    ($($name:ident),*) => {$(
        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }
    )*};
}

text_impls!(Title, Description, Email);

impl fmt::Display for PhoneNumber {
    /// Writes the national form, `0812-3456-7890`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.national())
    }
}

impl AsRef<str> for PhoneNumber {
    /// The E.164 form, as [`PhoneNumber::as_str`].
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// Where the incident happened: a description, a map point, or both.
#[derive(Debug, Clone, PartialEq)]
pub struct Location {
    text: Option<String>,
    coordinates: Option<Coordinates>,
}

impl Location {
    /// The location in words, trimmed, at most [`LOCATION_MAX`] characters.
    #[must_use]
    pub fn text(&self) -> Option<&str> {
        self.text.as_deref()
    }

    /// The map point, finite and within range.
    #[must_use]
    pub fn coordinates(&self) -> Option<Coordinates> {
        self.coordinates
    }
}

/// An email address that passed a deliberately simple check: see
/// [`Email::parse`].
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email(String);

impl Email {
    /// Checks an email address and lower-cases its domain.
    ///
    /// The check is simple on purpose; only sending a message proves an
    /// address works. It asks for: at most [`EMAIL_MAX`] characters; exactly
    /// one `@`; a local part of 1–[`EMAIL_LOCAL_MAX`] ASCII letters, digits
    /// and ``!#$%&'*+/=?^_`{|}~.-``, not starting or ending with a dot and
    /// without two dots in a row; a domain of at least two labels separated
    /// by dots, each 1–63 ASCII letters, digits and inner hyphens, the last
    /// one not all digits. Quoted local parts, IP-address domains and
    /// non-ASCII addresses are refused: mail systems of agencies handle them
    /// poorly, and an internationalised domain can be typed in its `xn--`
    /// form. The local part keeps its case, which mail servers may use.
    ///
    /// # Errors
    /// A field error on `reporter.email`: `too_long` or `invalid_email`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::complaint::Email;
    /// assert_eq!(Email::parse(" Budi.S@Mail.Kalselprov.GO.ID ").unwrap().as_str(), "Budi.S@mail.kalselprov.go.id");
    /// assert_eq!(Email::parse("budi@localhost").unwrap_err().code, "invalid_email");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let t = trim(raw);
        if t.chars().count() > EMAIL_MAX {
            let max = limit(EMAIL_MAX);
            return Err(error(
                "reporter.email",
                "too_long",
                format!("Alamat email harus {} karakter atau kurang", max.id),
                format!("Email address must be {} characters or fewer", max.en),
            ));
        }
        let invalid = || {
            error(
                "reporter.email",
                "invalid_email",
                "Masukkan alamat email dengan format yang benar, seperti nama@contoh.co.id",
                "Enter an email address in the correct format, like name@example.com",
            )
        };
        let Some((local, domain)) = t.split_once('@') else {
            return Err(invalid());
        };
        let local_ok = !local.is_empty()
            && local.len() <= EMAIL_LOCAL_MAX
            && local.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+/=?^_`{|}~.-".contains(&b))
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..");
        let labels: Vec<&str> = domain.split('.').collect();
        let domain_ok = labels.len() >= 2
            && labels.iter().all(|l| {
                (1..=63).contains(&l.len())
                    && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                    && !l.starts_with('-')
                    && !l.ends_with('-')
            })
            && labels.last().is_some_and(|tld| !tld.bytes().all(|b| b.is_ascii_digit()));
        if local_ok && domain_ok {
            Ok(Self(format!("{local}@{}", domain.to_ascii_lowercase())))
        } else {
            Err(invalid())
        }
    }

    /// The address, with its domain in lower case.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// An Indonesian mobile number, kept in E.164 form (`+6281234567890`).
///
/// `Display` writes the national form people read, `0812-3456-7890`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PhoneNumber(String);

impl PhoneNumber {
    /// Reads an Indonesian mobile number as people write it: `0812…`,
    /// `+62 812…`, `62812…`, `+62 (0)812…`, with spaces, hyphens, dots or
    /// parentheses anywhere. Only mobile numbers are accepted (8, then 8–11
    /// more digits; 10–13 digits when written with the leading 0), because
    /// officers follow up by SMS and WhatsApp.
    ///
    /// # Errors
    /// A field error `reporter.phone`/`invalid_phone` for anything else,
    /// including landlines (`0511…`) and foreign numbers.
    ///
    /// # Example
    /// ```
    /// use aduan_core::complaint::PhoneNumber;
    /// let p = PhoneNumber::parse("+62 812-3456-7890").unwrap();
    /// assert_eq!(p.as_str(), "+6281234567890");
    /// assert_eq!(p.to_string(), "0812-3456-7890");
    /// assert_eq!(PhoneNumber::parse("(0511) 335 1234").unwrap_err().code, "invalid_phone");
    /// ```
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let invalid = || {
            error(
                "reporter.phone",
                "invalid_phone",
                "Masukkan nomor ponsel Indonesia, seperti 0812 3456 7890 atau +62 812 3456 7890",
                "Enter an Indonesian mobile number, like 0812 3456 7890 or +62 812 3456 7890",
            )
        };
        let mut digits = String::new();
        let mut international = false;
        for c in trim(raw).chars() {
            match c {
                '0'..='9' => digits.push(c),
                '+' if digits.is_empty() && !international => international = true,
                ' ' | '\u{00A0}' | '-' | '.' | '(' | ')' => {}
                _ => return Err(invalid()),
            }
        }
        let subscriber = if let Some(rest) = digits.strip_prefix("62") {
            // "+62 (0)812…" and "62 0812…" are common ways of writing it.
            rest.strip_prefix('0').unwrap_or(rest)
        } else if international {
            return Err(invalid());
        } else if let Some(rest) = digits.strip_prefix('0') {
            rest
        } else {
            return Err(invalid());
        };
        if subscriber.starts_with('8') && (9..=12).contains(&subscriber.len()) {
            Ok(Self(format!("+62{subscriber}")))
        } else {
            Err(invalid())
        }
    }

    /// The number in E.164 form, `+6281234567890`, for storage and sending.
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The national form in groups, `0812-3456-7890`, for people.
    ///
    /// # Example
    /// ```
    /// use aduan_core::complaint::PhoneNumber;
    /// assert_eq!(PhoneNumber::parse("0812345678").unwrap().national(), "0812-345-678");
    /// assert_eq!(PhoneNumber::parse("081234567890").unwrap().national(), "0812-3456-7890");
    /// ```
    #[must_use]
    pub fn national(&self) -> String {
        let national = format!("0{}", &self.0[3..]);
        let (prefix, rest) = national.split_at(4);
        let (a, b) = rest.split_at(rest.len().div_ceil(2));
        format!("{prefix}-{a}-{b}")
    }
}

/// The reporter of a complaint: a name and at least one way to reach them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reporter {
    name: String,
    email: Option<Email>,
    phone: Option<PhoneNumber>,
}

impl Reporter {
    /// The name, trimmed, [`NAME_MIN`]–[`NAME_MAX`] characters.
    #[must_use]
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The email address, if given.
    #[must_use]
    pub fn email(&self) -> Option<&Email> {
        self.email.as_ref()
    }

    /// The mobile number, if given.
    #[must_use]
    pub fn phone(&self) -> Option<&PhoneNumber> {
        self.phone.as_ref()
    }
}

/// A validated new complaint: what [`ComplaintInput::validate`] returns.
///
/// It can only be made by validation, so every value in it has passed the
/// rules in the [module documentation](self): a complaint without a
/// reporter is always an anonymous one, and a *pengaduan* always has its
/// incident date.
#[derive(Debug, Clone, PartialEq)]
pub struct NewComplaint {
    kind: ComplaintKind,
    title: Title,
    description: Description,
    incident_date: Option<NaiveDate>,
    location: Option<Location>,
    agency: AgencyId,
    privacy: Privacy,
    channel: Channel,
    reporter: Option<Reporter>,
}

impl NewComplaint {
    /// Kind of report.
    #[must_use]
    pub fn kind(&self) -> ComplaintKind {
        self.kind
    }

    /// The title.
    #[must_use]
    pub fn title(&self) -> &Title {
        &self.title
    }

    /// The description.
    #[must_use]
    pub fn description(&self) -> &Description {
        &self.description
    }

    /// When it happened: always present for *pengaduan*.
    #[must_use]
    pub fn incident_date(&self) -> Option<NaiveDate> {
        self.incident_date
    }

    /// Where it happened, if the reporter said.
    #[must_use]
    pub fn location(&self) -> Option<&Location> {
        self.location.as_ref()
    }

    /// The agency addressed.
    #[must_use]
    pub fn agency(&self) -> &AgencyId {
        &self.agency
    }

    /// The reporter's privacy choice.
    #[must_use]
    pub fn privacy(&self) -> Privacy {
        self.privacy
    }

    /// The channel it came through; a web widget's origin is lower-cased.
    #[must_use]
    pub fn channel(&self) -> &Channel {
        &self.channel
    }

    /// The reporter, absent only for an anonymous report without contact.
    #[must_use]
    pub fn reporter(&self) -> Option<&Reporter> {
        self.reporter.as_ref()
    }
}

impl ComplaintInput {
    /// Checks every field and returns the typed complaint, or all field
    /// errors at once in field order: `kind`, `title`, `description`,
    /// `incident_date`, `location`, `coordinates`, `agency`, `privacy`,
    /// `reporter.name`, `reporter.email`, `reporter.phone`, `reporter`,
    /// `channel.origin`. Each field reports at most one error.
    ///
    /// # Errors
    /// [`ValidationErrors`] holding a [`FieldError`] for each field that
    /// breaks a rule of the table in the [module documentation](self).
    ///
    /// # Example
    /// ```
    /// use aduan_core::complaint::{ComplaintInput, ValidationContext};
    /// use aduan_core::{Channel, ComplaintKind, Privacy, Zone};
    ///
    /// let ctx = ValidationContext { now: "2026-03-27T02:00:00Z".parse().unwrap(), zone: Zone::WITA, known_agencies: None };
    /// let mut input = ComplaintInput {
    ///     kind: Some(ComplaintKind::Aspirasi),
    ///     title: "Tambah jadwal bus kota".into(),
    ///     description: "Bus kota jurusan Banjarbaru penuh setiap pagi.".into(),
    ///     agency: "dishub".into(),
    ///     privacy: Some(Privacy::Anonim),
    ///     ..ComplaintInput::default()
    /// };
    /// let ok = input.validate(Channel::Lapor, &ctx).unwrap();
    /// assert_eq!(ok.title().as_str(), "Tambah jadwal bus kota");
    /// assert!(ok.reporter().is_none());
    ///
    /// input.title = "Bus".into();
    /// input.privacy = None;
    /// let errors = input.validate(Channel::Lapor, &ctx).unwrap_err();
    /// let found: Vec<_> = errors.errors().iter().map(|e| (e.field, e.code)).collect();
    /// assert_eq!(found, [("title", "too_short"), ("privacy", "required"),
    ///                    ("reporter.name", "required"), ("reporter", "contact_required")]);
    /// ```
    pub fn validate(
        &self,
        channel: Channel,
        ctx: &ValidationContext<'_>,
    ) -> Result<NewComplaint, ValidationErrors> {
        let mut errors = Errors::default();
        let kind = errors
            .keep(self.kind.ok_or_else(|| {
                error("kind", "required", "Pilih jenis laporan", "Select the type of report")
            }));
        let title = errors.keep(Title::parse(&self.title));
        let description = errors.keep(Description::parse(&self.description));
        let date_required =
            !matches!(self.kind, Some(ComplaintKind::Aspirasi | ComplaintKind::PermintaanInformasi));
        let incident_date = errors.keep(incident_date(self.incident_date, date_required, ctx));
        let location_text = errors.keep(LOCATION.check(&self.location));
        let coordinates = errors.keep(self.coordinates.map(Coordinates::checked).transpose());
        let agency = errors.keep(agency(&self.agency, ctx.known_agencies));
        let privacy = errors.keep(self.privacy.ok_or_else(|| {
            error(
                "privacy",
                "required",
                "Pilih siapa yang dapat melihat identitas Anda",
                "Select who can see your identity",
            )
        }));
        let anonymous = self.privacy == Some(Privacy::Anonim);
        let reporter = reporter(&self.reporter, anonymous, &mut errors);
        let channel = errors.keep(checked_channel(channel));

        ValidationErrors::check(errors.0)?;
        let (
            Some(kind),
            Some(title),
            Some(description),
            Some(incident_date),
            Some(location_text),
            Some(coordinates),
            Some(agency),
            Some(privacy),
            Some(reporter),
            Some(channel),
        ) = (
            kind,
            title,
            description,
            incident_date,
            location_text,
            coordinates,
            agency,
            privacy,
            reporter,
            channel,
        )
        else {
            unreachable!("every missing value pushed a field error");
        };
        let location = (location_text.is_some() || coordinates.is_some())
            .then_some(Location { text: location_text, coordinates });
        Ok(NewComplaint {
            kind,
            title,
            description,
            incident_date,
            location,
            agency,
            privacy,
            channel,
            reporter,
        })
    }
}

/// Checks the incident date against the zone's today and the earliest date.
fn incident_date(
    date: Option<NaiveDate>,
    required: bool,
    ctx: &ValidationContext<'_>,
) -> Result<Option<NaiveDate>, FieldError> {
    let Some(date) = date else {
        return if required {
            Err(error(
                "incident_date",
                "required",
                "Masukkan tanggal kejadian",
                "Enter the date of the incident",
            ))
        } else {
            Ok(None)
        };
    };
    if date > ctx.zone.local_date(ctx.now) {
        return Err(error(
            "incident_date",
            "in_future",
            "Tanggal kejadian harus hari ini atau sebelumnya",
            "Date of the incident must be today or in the past",
        ));
    }
    if date < EARLIEST_INCIDENT_DATE {
        return Err(error(
            "incident_date",
            "too_old",
            format!(
                "Tanggal kejadian harus {} atau sesudahnya",
                format::date(EARLIEST_INCIDENT_DATE, Lang::Id)
            ),
            format!(
                "Date of the incident must be on or after {}",
                format::date(EARLIEST_INCIDENT_DATE, Lang::En)
            ),
        ));
    }
    Ok(Some(date))
}

/// Checks the agency slug and, when the shell knows them, that it is one of
/// the deployment's agencies.
fn agency(raw: &str, known: Option<&[AgencyId]>) -> Result<AgencyId, FieldError> {
    let t = trim(raw);
    if t.is_empty() {
        return Err(error("agency", "required", "Pilih instansi tujuan", "Select the agency"));
    }
    let id = AgencyId::new(t)?;
    match known {
        Some(known) if !known.contains(&id) => Err(error(
            "agency",
            "unknown_agency",
            "Pilih instansi dari daftar",
            "Select an agency from the list",
        )),
        _ => Ok(id),
    }
}

/// Field errors collected in field order.
#[derive(Default)]
struct Errors(Vec<FieldError>);

impl Errors {
    /// Keeps the error of `r`, if any, and gives its value otherwise.
    fn keep<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        r.map_err(|e| self.0.push(e)).ok()
    }
}

/// Checks the reporter's fields, collecting their errors in field order,
/// and gives the reporter (`Some(None)` for an anonymous report without
/// contact), or `None` after an error.
fn reporter(input: &ReporterInput, anonymous: bool, errors: &mut Errors) -> Option<Option<Reporter>> {
    // The same trimming as the text rules, so that a name of only a byte
    // order mark counts as empty here too.
    let (name, email, phone) = (trim(&input.name), trim(&input.email), trim(&input.phone));
    if anonymous && name.is_empty() && email.is_empty() && phone.is_empty() {
        return Some(None);
    }
    let name = match NAME.check(name) {
        Ok(Some(name)) => Some(name),
        Ok(None) => {
            let (id, en) = if anonymous {
                (
                    "Masukkan nama Anda, atau kosongkan email dan nomor ponsel untuk melapor tanpa identitas",
                    "Enter your name, or clear the email address and mobile number to report without your identity",
                )
            } else {
                ("Masukkan nama Anda", "Enter your name")
            };
            errors.0.push(error("reporter.name", "required", id, en));
            None
        }
        Err(e) => {
            errors.0.push(e);
            None
        }
    };
    let contact_given = !email.is_empty() || !phone.is_empty();
    let email = errors.keep((!email.is_empty()).then(|| Email::parse(email)).transpose());
    let phone = errors.keep((!phone.is_empty()).then(|| PhoneNumber::parse(phone)).transpose());
    if !contact_given {
        let (id, en) = if anonymous {
            (
                "Masukkan alamat email atau nomor ponsel, atau kosongkan nama untuk melapor tanpa identitas",
                "Enter an email address or a mobile number, or clear your name to report without your identity",
            )
        } else {
            (
                "Masukkan alamat email atau nomor ponsel agar petugas dapat menghubungi Anda",
                "Enter an email address or a mobile number so that officers can contact you",
            )
        };
        errors.0.push(error("reporter", "contact_required", id, en));
        return None;
    }
    Some(Some(Reporter { name: name?, email: email?, phone: phone? }))
}

/// Checks a web widget's origin and lower-cases it; other channels carry
/// nothing to check.
fn checked_channel(channel: Channel) -> Result<Channel, FieldError> {
    match channel {
        Channel::WebWidget { origin } => match normalise_origin(&origin) {
            Some(origin) => Ok(Channel::WebWidget { origin }),
            None => Err(error(
                "channel.origin",
                "invalid_origin",
                "Alamat situs yang memasang formulir harus berupa http:// atau https:// dan nama host saja, seperti https://dinkes.kalselprov.go.id",
                "The site hosting the form must be an http:// or https:// address with a host only, like https://dinkes.kalselprov.go.id",
            )),
        },
        other => Ok(other),
    }
}

/// An origin as browsers send it, `scheme://host[:port]`, lower-cased, or
/// `None`. The host is a DNS name (one or more labels of letters, digits
/// and inner hyphens, so `localhost` passes), an IPv4 address (which is
/// such a name too) or a bracketed IPv6 address. No path, query, fragment
/// or user information is allowed, and not even a trailing slash: an origin
/// names a site, not a page.
fn normalise_origin(origin: &str) -> Option<String> {
    if origin.len() > ORIGIN_MAX || !origin.is_ascii() {
        return None;
    }
    let lower = origin.to_ascii_lowercase();
    let authority = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"))?;
    let port = if let Some(v6) = authority.strip_prefix('[') {
        let (addr, after) = v6.split_once(']')?;
        let addr_ok =
            addr.contains(':') && addr.bytes().all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.');
        if !addr_ok {
            return None;
        }
        match after {
            "" => None,
            _ => Some(after.strip_prefix(':')?),
        }
    } else {
        let (host, port) = match authority.split_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        let host_ok = host.split('.').all(|l| {
            (1..=63).contains(&l.len())
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
                && !l.starts_with('-')
                && !l.ends_with('-')
        });
        if !host_ok {
            return None;
        }
        port
    };
    if let Some(port) = port {
        let valid = (1..=5).contains(&port.len())
            && port.bytes().all(|b| b.is_ascii_digit())
            && port.parse::<u32>().is_ok_and(|p| (1..=65_535).contains(&p));
        if !valid {
            return None;
        }
    }
    Some(lower)
}

/// The rules of one free-text field.
struct TextRule {
    field: &'static str,
    /// The field's label, capitalised, in Indonesian and English.
    label: (&'static str, &'static str),
    /// What to say when a required field is empty.
    empty: (&'static str, &'static str),
    min: usize,
    max: usize,
    /// Whether line feeds and tabs are allowed.
    multiline: bool,
    /// Whether the text must hold at least one letter or digit, so that
    /// punctuation or emoji alone (`--`, `🚧🚧🚧`) cannot fill the field.
    needs_letter_or_digit: bool,
}

const TITLE: TextRule = TextRule {
    field: "title",
    label: ("Judul", "Title"),
    empty: ("Masukkan judul pengaduan", "Enter a title"),
    min: TITLE_MIN,
    max: TITLE_MAX,
    multiline: false,
    needs_letter_or_digit: true,
};

const DESCRIPTION: TextRule = TextRule {
    field: "description",
    label: ("Uraian", "Description"),
    empty: ("Masukkan uraian pengaduan", "Enter a description"),
    min: DESCRIPTION_MIN,
    max: DESCRIPTION_MAX,
    multiline: true,
    needs_letter_or_digit: true,
};

const LOCATION: TextRule = TextRule {
    field: "location",
    label: ("Lokasi", "Location"),
    empty: ("Masukkan lokasi kejadian", "Enter the location"),
    min: 0,
    max: LOCATION_MAX,
    multiline: false,
    needs_letter_or_digit: false,
};

const NAME: TextRule = TextRule {
    field: "reporter.name",
    label: ("Nama", "Name"),
    empty: ("Masukkan nama Anda", "Enter your name"),
    min: NAME_MIN,
    max: NAME_MAX,
    multiline: false,
    needs_letter_or_digit: true,
};

impl TextRule {
    /// Normalises and checks `raw`: `Ok(None)` when it is empty (the caller
    /// decides whether that is allowed), `Ok(Some(text))` when it passes.
    fn check(&self, raw: &str) -> Result<Option<String>, FieldError> {
        let normalised = normalise_line_breaks(raw);
        let text = trim(&normalised);
        if text.is_empty() {
            return Ok(None);
        }
        let allowed = |c: char| self.multiline && (c == '\n' || c == '\t');
        let (label_id, label_en) = self.label;
        if text.chars().any(|c| c.is_control() && !allowed(c)) {
            return Err(error(
                self.field,
                "control_character",
                format!(
                    "{label_id} berisi karakter tersembunyi yang tidak dapat disimpan. Ketik ulang {}",
                    label_id.to_ascii_lowercase()
                ),
                format!(
                    "{label_en} contains a hidden character that cannot be saved. Type the {} again",
                    label_en.to_ascii_lowercase()
                ),
            ));
        }
        if has_invisible(text) {
            return Err(error(
                self.field,
                "invisible_character",
                format!(
                    "{label_id} berisi karakter tak terlihat, biasanya terbawa dari teks yang disalin. Ketik ulang {}",
                    label_id.to_ascii_lowercase()
                ),
                format!(
                    "{label_en} contains an invisible character, usually carried over from copied text. Type the {} again",
                    label_en.to_ascii_lowercase()
                ),
            ));
        }
        if self.needs_letter_or_digit && !text.chars().any(char::is_alphanumeric) {
            return Err(error(
                self.field,
                "no_letters",
                format!("{label_id} harus berisi huruf atau angka"),
                format!("{label_en} must contain letters or digits"),
            ));
        }
        // The same count as `character_count`, which the widget shows.
        let count = text.chars().count();
        if count > self.max {
            let max = limit(self.max);
            return Err(error(
                self.field,
                "too_long",
                format!("{label_id} harus {} karakter atau kurang", max.id),
                format!("{label_en} must be {} characters or fewer", max.en),
            ));
        }
        if count < self.min {
            let min = limit(self.min);
            return Err(error(
                self.field,
                "too_short",
                format!("{label_id} minimal {} karakter", min.id),
                format!("{label_en} must be at least {} characters", min.en),
            ));
        }
        Ok(Some(text.to_owned()))
    }

    /// The error for an empty required field.
    fn required(&self) -> FieldError {
        error(self.field, "required", self.empty.0, self.empty.1)
    }
}

/// The length of a free-text field's value as validation counts it
/// against the limits: Unicode scalar values after trimming and turning
/// every line break into one LF (see the [module documentation](self)).
/// The widget's character count calls this, so the number a reporter sees
/// while typing is the number the limit is checked against.
///
/// # Example
/// ```
/// use aduan_core::complaint::character_count;
/// assert_eq!(character_count("  Jalan rusak\r\n"), 11);
/// assert_eq!(character_count("\u{FEFF}ab\r\ncd"), 5);
/// assert_eq!(character_count("👨‍👩‍👧"), 5);
/// ```
#[must_use]
pub fn character_count(raw: &str) -> usize {
    trim(&normalise_line_breaks(raw)).chars().count()
}

/// Turns every line break into LF. Forms submit line breaks as CRLF while
/// the browser's textarea counts them as LF; normalising first makes both
/// count the same. U+2028 and U+2029 are line breaks too (word processors
/// and some phone keyboards insert them), so they become LF as well and are
/// then refused on one line like any other line break.
fn normalise_line_breaks(raw: &str) -> String {
    raw.replace("\r\n", "\n").replace(['\r', '\u{2028}', '\u{2029}'], "\n")
}

/// Trims surrounding whitespace from user text, and any byte order mark
/// (U+FEFF) at its start: Windows editors put one at the start of a file,
/// and it travels along when the text is copied into a form.
fn trim(raw: &str) -> &str {
    raw.trim_start_matches(|c: char| c.is_whitespace() || c == BYTE_ORDER_MARK).trim_end()
}

/// The byte order mark, which is also the deprecated zero-width no-break
/// space: stripped at the start of text, invisible anywhere else.
const BYTE_ORDER_MARK: char = '\u{FEFF}';

/// The black flag that starts an emoji tag sequence such as 🏴 England.
const BLACK_FLAG: char = '\u{1F3F4}';
/// The tag characters that spell a flag's region, `U+E0020`–`U+E007E`.
const TAG_SPECS: std::ops::RangeInclusive<char> = '\u{E0020}'..='\u{E007E}';
/// The tag character that ends an emoji tag sequence.
const CANCEL_TAG: char = '\u{E007F}';

/// Whether `c` is a format character that shows nothing yet changes what
/// text means or how it looks: zero-width spaces and joiners other than
/// ZWJ and ZWNJ, direction marks, embeddings, overrides and isolates (which
/// can make `gpj.exe` display as `exe.jpg`), the byte order mark, the soft
/// hyphen, invisible mathematical operators, Hangul fillers (which render
/// as blank letters) and other default-ignorable characters.
///
/// ZWJ (U+200D) and ZWNJ (U+200C) stay allowed: emoji sequences such as
/// 👨‍👩‍👧 and scripts such as Persian and the Indic ones need them. So do
/// variation selectors (U+FE0F in ❤️). Tag characters are handled by
/// [`has_invisible`], which allows them only inside a flag.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' // soft hyphen
            | '\u{034F}' // combining grapheme joiner
            | '\u{061C}' // Arabic letter mark
            | '\u{115F}' | '\u{1160}' | '\u{3164}' | '\u{FFA0}' // Hangul fillers
            | '\u{17B4}' | '\u{17B5}' // Khmer inherent vowels
            | '\u{180E}' // Mongolian vowel separator
            | '\u{200B}' // zero-width space
            | '\u{200E}' | '\u{200F}' // left-to-right and right-to-left marks
            | '\u{202A}'..='\u{202E}' // direction embeddings and overrides
            | '\u{2060}'..='\u{206F}' // word joiner, invisible operators, isolates, deprecated controls
            | BYTE_ORDER_MARK // also zero-width no-break space
            | '\u{FFF9}'..='\u{FFFB}' // interlinear annotation
            | '\u{1BCA0}'..='\u{1BCA3}' // shorthand format controls
            | '\u{1D173}'..='\u{1D17A}' // musical format controls
            | '\u{E0001}' // language tag
    )
}

/// Whether `text` holds an invisible character: one for which
/// [`is_invisible`] holds, or a tag character outside a well-formed emoji
/// tag sequence (🏴, one or more tag letters, the cancel tag), the form the
/// flags of England, Scotland and Wales take. Tags anywhere else are
/// invisible text that could smuggle words past a reader.
fn has_invisible(text: &str) -> bool {
    /// Where the scan is with respect to a tag sequence.
    #[derive(Clone, Copy, PartialEq)]
    enum Tags {
        Outside,
        AfterFlag,
        Inside,
    }
    let mut state = Tags::Outside;
    for c in text.chars() {
        state = match (state, c) {
            (Tags::AfterFlag | Tags::Inside, c) if TAG_SPECS.contains(&c) => Tags::Inside,
            (Tags::Inside, CANCEL_TAG) => Tags::Outside,
            // A stray tag, or a flag's tags without their cancel tag.
            (Tags::Outside, c) if TAG_SPECS.contains(&c) => return true,
            (_, CANCEL_TAG) | (Tags::Inside, _) => return true,
            (_, c) if is_invisible(c) => return true,
            (_, BLACK_FLAG) => Tags::AfterFlag,
            _ => Tags::Outside,
        };
    }
    // Tags running to the end without their cancel tag.
    state == Tags::Inside
}

/// Reads the widget's three date boxes (UX rule: *tanggal*, *bulan*,
/// *tahun*) into a date. All three empty is no date; the month may be a
/// number or a name (`agu`, `Agustus`, `aug`: see [`format::parse_month`]).
///
/// Errors follow the GOV.UK date pattern: missing parts are reported before
/// malformed ones, and malformed before an impossible date; only the wrong
/// parts are named (`incident_date.day`, `.month`, `.year`), so the widget
/// highlights just those. When two parts are missing, both errors carry the
/// same message, which the widget shows once. Whether the date is in the
/// future or too old is [`ComplaintInput::validate`]'s job, on
/// `incident_date`.
///
/// # Errors
/// Field errors with code `required` for missing parts, or `invalid_date`
/// for a part that is not a day (1–31), month or 4-digit year, or for a day
/// the month does not have (31 April, 29 February 2026).
///
/// # Example
/// ```
/// use aduan_core::complaint::parse_date_parts;
/// use chrono::NaiveDate;
/// assert_eq!(parse_date_parts("27", "agu", "2026"), Ok(NaiveDate::from_ymd_opt(2026, 8, 27)));
/// assert_eq!(parse_date_parts("", " ", ""), Ok(None));
/// let errors = parse_date_parts("31", "2", "2026").unwrap_err();
/// assert_eq!((errors[0].field, errors[0].code), ("incident_date.day", "invalid_date"));
/// let missing = parse_date_parts("27", "", "").unwrap_err();
/// assert_eq!(missing.iter().map(|e| e.field).collect::<Vec<_>>(), ["incident_date.month", "incident_date.year"]);
/// ```
pub fn parse_date_parts(day: &str, month: &str, year: &str) -> Result<Option<NaiveDate>, Vec<FieldError>> {
    let parts = [day.trim(), month.trim(), year.trim()];
    if parts.iter().all(|p| p.is_empty()) {
        return Ok(None);
    }
    const FIELDS: [&str; 3] = ["incident_date.day", "incident_date.month", "incident_date.year"];
    const NAMES: [(&str, &str); 3] = [("tanggal", "a day"), ("bulan", "a month"), ("tahun", "a year")];

    let missing: Vec<usize> = (0..3).filter(|&i| parts[i].is_empty()).collect();
    if !missing.is_empty() {
        // At most two parts are missing here, since all three is no date.
        let id: Vec<&str> = missing.iter().map(|&i| NAMES[i].0).collect();
        let en: Vec<&str> = missing.iter().map(|&i| NAMES[i].1).collect();
        let message = Text::new(
            format!("Tanggal kejadian harus berisi {}", id.join(" dan ")),
            format!("Date of the incident must include {}", en.join(" and ")),
        );
        return Err(missing
            .iter()
            .map(|&i| FieldError { field: FIELDS[i], code: "required", message: message.clone() })
            .collect());
    }

    let number = |s: &str, max_len: usize| {
        (s.len() <= max_len && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse::<u32>().ok()).flatten()
    };
    let d = number(parts[0], 2).filter(|d| (1..=31).contains(d));
    let m = format::parse_month(parts[1]);
    let y = number(parts[2], 4).filter(|_| parts[2].len() == 4).and_then(|y| i32::try_from(y).ok());
    let mut errors = Vec::new();
    if d.is_none() {
        errors.push(error(
            FIELDS[0],
            "invalid_date",
            "Tanggal harus angka 1 sampai 31",
            "Day must be a number from 1 to 31",
        ));
    }
    if m.is_none() {
        errors.push(error(
            FIELDS[1],
            "invalid_date",
            "Bulan harus angka 1 sampai 12 atau nama bulan, seperti 8 atau Agustus",
            "Month must be a number from 1 to 12 or the name of a month, like 8 or August",
        ));
    }
    if y.is_none() {
        errors.push(error(
            FIELDS[2],
            "invalid_date",
            "Tahun harus 4 angka, seperti 2026",
            "Year must be 4 digits, like 2026",
        ));
    }
    let (Some(d), Some(m), Some(y)) = (d, m, y) else {
        return Err(errors);
    };
    match NaiveDate::from_ymd_opt(y, m, d) {
        Some(date) => Ok(Some(date)),
        None => {
            let last = (28..=31)
                .rev()
                .find(|&day| NaiveDate::from_ymd_opt(y, m, day).is_some())
                .expect("every month has 28 days");
            let first = NaiveDate::from_ymd_opt(y, m, 1).expect("day 1 exists");
            let month_id = format::month_name(first.month(), Lang::Id).unwrap_or_default();
            let month_en = format::month_name(first.month(), Lang::En).unwrap_or_default();
            Err(vec![error(
                FIELDS[0],
                "invalid_date",
                format!(
                    "Tanggal kejadian harus tanggal yang ada. {month_id} {y} hanya sampai tanggal {last}"
                ),
                format!("Date of the incident must be a real date. {month_en} {y} has {last} days"),
            )])
        }
    }
}

/// A limit written for a message in each language: `4.000` / `4,000`.
fn limit(n: usize) -> Text {
    let n = i64::try_from(n).unwrap_or(i64::MAX);
    Text::new(format::integer(n, Lang::Id), format::integer(n, Lang::En))
}

fn error(
    field: &'static str,
    code: &'static str,
    id: impl Into<String>,
    en: impl Into<String>,
) -> FieldError {
    FieldError { field, code, message: Text::new(id, en) }
}

/// Reads `null` as the type's default (an empty string, an empty reporter).
fn null_as_default<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(d).map(Option::unwrap_or_default)
}

/// Reads `null`, `""` and blanks as `None`, and anything else as a `T`
/// written as a string (an enum's wire code, a date).
fn blank_as_none<'de, D, T>(d: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: DeserializeOwned,
{
    let raw = Option::<String>::deserialize(d)?;
    match raw.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(s) => T::deserialize(IntoDeserializer::<D::Error>::into_deserializer(s)).map(Some),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde::Serialize;

    use super::*;

    /// Every field path `validate` reports, in the order it reports them.
    const FIELD_ORDER: [&str; 13] = [
        "kind",
        "title",
        "description",
        "incident_date",
        "location",
        "coordinates",
        "agency",
        "privacy",
        "reporter.name",
        "reporter.email",
        "reporter.phone",
        "reporter",
        "channel.origin",
    ];

    fn agencies() -> Vec<AgencyId> {
        ["dpupr", "dinkes", "dishub"].map(|s| AgencyId::new(s).unwrap()).to_vec()
    }

    /// 16:30 UTC on 27 March 2026 is 23:30 that day in WIB and already
    /// 00:30 on 28 March in WITA.
    fn now() -> DateTime<Utc> {
        "2026-03-27T16:30:00Z".parse().unwrap()
    }

    fn ctx(known: &[AgencyId]) -> ValidationContext<'_> {
        ValidationContext { now: now(), zone: Zone::WITA, known_agencies: Some(known) }
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn widget() -> Channel {
        Channel::WebWidget { origin: "https://dpupr.kalselprov.go.id".to_owned() }
    }

    fn valid() -> ComplaintInput {
        ComplaintInput {
            kind: Some(ComplaintKind::Pengaduan),
            title: "Jalan berlubang di Jl. A. Yani km 5".into(),
            description: "Lubang besar di lajur kiri sudah dua minggu dan membahayakan pengendara motor."
                .into(),
            incident_date: Some(date(2026, 3, 20)),
            location: "Jl. A. Yani km 5, depan masjid".into(),
            coordinates: Some(Coordinates { lat: -3.3194, lon: 114.5908 }),
            agency: "dpupr".into(),
            privacy: Some(Privacy::Publik),
            reporter: ReporterInput {
                name: "Siti Rahmah".into(),
                email: "siti@example.com".into(),
                phone: "0812-3456-7890".into(),
            },
        }
    }

    /// Validates `input` through `channel` and compares the (field, code)
    /// pairs of the errors, in order, with `want` (empty: must pass).
    fn check(case: &str, input: &ComplaintInput, channel: Channel, want: &[(&str, &str)]) {
        let known = agencies();
        let got: Vec<(&str, &str)> = match input.validate(channel, &ctx(&known)) {
            Ok(_) => Vec::new(),
            Err(e) => e.errors().iter().map(|e| (e.field, e.code)).collect(),
        };
        assert_eq!(got, want, "{case}");
    }

    /// A change to the valid input, and the errors it must cause.
    type Edit = fn(&mut ComplaintInput);
    type Want = &'static [(&'static str, &'static str)];

    #[test]
    fn rules_table() {
        // One case a line reads best as a table, so rustfmt leaves it be.
        #[rustfmt::skip]
        let cases: &[(&str, Edit, Want)] = &[
            ("valid", |_| {}, &[]),
            ("no kind", |i| i.kind = None, &[("kind", "required")]),
            // Title.
            ("empty title", |i| i.title = String::new(), &[("title", "required")]),
            ("blank title", |i| i.title = " \t\n ".into(), &[("title", "required")]),
            ("title 9", |i| i.title = "a".repeat(9), &[("title", "too_short")]),
            ("title 10", |i| i.title = "a".repeat(10), &[]),
            ("title 9 padded", |i| i.title = format!("  {}  ", "a".repeat(9)), &[("title", "too_short")]),
            ("title 150", |i| i.title = "é".repeat(150), &[]),
            ("title 151", |i| i.title = "é".repeat(151), &[("title", "too_long")]),
            ("title tab", |i| i.title = "Jalan\trusak parah".into(), &[("title", "control_character")]),
            ("title newline", |i| i.title = "Jalan rusak\r\nparah".into(), &[("title", "control_character")]),
            ("title NUL", |i| i.title = "Jalan rusak\0 parah".into(), &[("title", "control_character")]),
            ("title DEL", |i| i.title = "Jalan rusak\u{7f} parah".into(), &[("title", "control_character")]),
            ("title C1", |i| i.title = "Jalan rusak\u{85} parah".into(), &[("title", "control_character")]),
            ("title ZWJ allowed", |i| i.title = "Keluarga 👨‍👩‍👧 terlantar".into(), &[]),
            ("title Indonesian", |i| i.title = "Pungutan liar di kantor kelurahan".into(), &[]),
            ("title 10 with emoji", |i| i.title = format!("Jalan {}", "🚧".repeat(4)), &[]),
            ("title 9 with emoji", |i| i.title = format!("Jalan {}", "🚧".repeat(3)), &[("title", "too_short")]),
            // A family emoji is 5 scalar values (3 people, 2 joiners).
            ("title 9 with a family", |i| i.title = "Ada 👨‍👩‍👧".into(), &[("title", "too_short")]),
            ("title 10 with a family", |i| i.title = "Ada 👨‍👩‍👧!".into(), &[]),
            ("title 150 with families", |i| i.title = format!("Ada {}x", "👨‍👩‍👧".repeat(29)), &[]),
            ("title 151 with families", |i| i.title = format!("Ada {}xy", "👨‍👩‍👧".repeat(29)), &[("title", "too_long")]),
            // Invisible format characters: zero-width, direction marks and
            // overrides, BOM, soft hyphen, Hangul fillers, stray tags.
            ("title 10 ZWSP", |i| i.title = "\u{200B}".repeat(10), &[("title", "invisible_character")]),
            ("title ZWSP inside", |i| i.title = "Jalan\u{200B} rusak parah".into(), &[("title", "invisible_character")]),
            ("title RTL override", |i| i.title = "Jalan rusak \u{202E}hayap".into(), &[("title", "invisible_character")]),
            ("title LRM", |i| i.title = "Jalan rusak\u{200E} parah".into(), &[("title", "invisible_character")]),
            ("title RLM", |i| i.title = "Jalan rusak\u{200F} parah".into(), &[("title", "invisible_character")]),
            ("title LRI", |i| i.title = "Jalan \u{2066}rusak\u{2069} parah".into(), &[("title", "invisible_character")]),
            ("title Arabic letter mark", |i| i.title = "Jalan rusak\u{61C} parah".into(), &[("title", "invisible_character")]),
            ("title word joiner", |i| i.title = "Jalan\u{2060}rusak parah".into(), &[("title", "invisible_character")]),
            ("title invisible plus", |i| i.title = "Jalan rusak\u{2064} parah".into(), &[("title", "invisible_character")]),
            ("title soft hyphen", |i| i.title = "Pungutan li\u{AD}ar di kantor".into(), &[("title", "invisible_character")]),
            ("title inner BOM", |i| i.title = "Jalan\u{FEFF} rusak parah".into(), &[("title", "invisible_character")]),
            ("title trailing BOM", |i| i.title = "Jalan rusak parah\u{FEFF}".into(), &[("title", "invisible_character")]),
            ("title Hangul fillers", |i| i.title = "\u{3164}".repeat(10), &[("title", "invisible_character")]),
            ("title stray tags", |i| i.title = "Jalan rusak\u{E0041}\u{E0042}".into(), &[("title", "invisible_character")]),
            ("title unterminated flag tags", |i| i.title = "Jalan rusak 🏴\u{E0067}\u{E0062}".into(), &[("title", "invisible_character")]),
            ("title cancel tag alone", |i| i.title = "Jalan rusak 🏴\u{E007F}".into(), &[("title", "invisible_character")]),
            ("title subdivision flag", |i| i.title = "Turis 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} tersesat".into(), &[]),
            ("title ZWNJ allowed", |i| i.title = "Jalan rusak\u{200C} parah".into(), &[]),
            ("title variation selector allowed", |i| i.title = "Terima kasih ❤\u{FE0F}".into(), &[]),
            ("title leading BOM", |i| i.title = "\u{FEFF}Jalan rusak parah".into(), &[]),
            ("title BOM and spaces", |i| i.title = " \u{FEFF} Jalan rusak parah".into(), &[]),
            ("title only BOM", |i| i.title = "\u{FEFF}".into(), &[("title", "required")]),
            // U+2028 and U+2029 are line breaks, refused on one line.
            ("title line separator", |i| i.title = "Jalan rusak\u{2028}parah".into(), &[("title", "control_character")]),
            ("title paragraph separator", |i| i.title = "Jalan rusak\u{2029}parah".into(), &[("title", "control_character")]),
            ("title trailing line separator", |i| i.title = "Jalan rusak parah\u{2028}".into(), &[]),
            // A letter or a digit, in any script.
            ("title no letters", |i| i.title = "-".repeat(10), &[("title", "no_letters")]),
            ("title only emoji", |i| i.title = "🚧".repeat(10), &[("title", "no_letters")]),
            ("title only ZWJ", |i| i.title = "\u{200D}".repeat(10), &[("title", "no_letters")]),
            ("title short, no letters", |i| i.title = "!!".into(), &[("title", "no_letters")]),
            ("title digits", |i| i.title = "1234567890".into(), &[]),
            ("title Arabic script", |i| i.title = "طريق مكسور في الحي".into(), &[]),
            ("title Javanese script", |i| i.title = "ꦢꦭꦤ꧀ꦫꦸꦱꦏ꧀ꦥꦫꦃ".into(), &[]),
            // Description.
            ("empty description", |i| i.description = String::new(), &[("description", "required")]),
            ("description 29", |i| i.description = "x".repeat(29), &[("description", "too_short")]),
            ("description 30", |i| i.description = "x".repeat(30), &[]),
            ("description 4000", |i| i.description = "ü".repeat(4000), &[]),
            ("description 4001", |i| i.description = "ü".repeat(4001), &[("description", "too_long")]),
            // CRLF counts as one character, as the browser's LF does.
            ("description 4000 with CRLF", |i| i.description = "ab\r\n".repeat(1333) + "a", &[]),
            ("description 4001 with CRLF", |i| i.description = "ab\r\n".repeat(1333) + "ab", &[("description", "too_long")]),
            ("description tab and LF", |i| i.description = "Baris satu\tkolom\nbaris dua yang cukup panjang".into(), &[]),
            ("description NUL", |i| i.description = format!("{}\0", "x".repeat(40)), &[("description", "control_character")]),
            ("description ESC", |i| i.description = format!("{}\u{1b}[31m", "x".repeat(40)), &[("description", "control_character")]),
            ("description RTL override", |i| i.description = format!("{}\u{202E}", "x".repeat(40)), &[("description", "invisible_character")]),
            ("description ZWSP", |i| i.description = format!("{}\u{200B}", "x".repeat(40)), &[("description", "invisible_character")]),
            ("description line separator", |i| i.description = format!("{}\u{2028}{}", "x".repeat(20), "y".repeat(20)), &[]),
            ("description paragraph separator", |i| i.description = format!("{}\u{2029}{}", "x".repeat(20), "y".repeat(20)), &[]),
            // U+2028 counts as one character, as the LF it becomes.
            ("description 4000 with U+2028", |i| i.description = "ab\u{2028}".repeat(1333) + "a", &[]),
            ("description 4001 with U+2028", |i| i.description = "ab\u{2028}".repeat(1333) + "ab", &[("description", "too_long")]),
            ("description no letters", |i| i.description = ". ".repeat(20), &[("description", "no_letters")]),
            ("description 4001 no letters", |i| i.description = "!".repeat(4001), &[("description", "no_letters")]),
            // Incident date; "today" is 28 March 2026 in WITA.
            ("no date, pengaduan", |i| i.incident_date = None, &[("incident_date", "required")]),
            ("no date, aspirasi", |i| { i.incident_date = None; i.kind = Some(ComplaintKind::Aspirasi); }, &[]),
            ("no date, informasi", |i| { i.incident_date = None; i.kind = Some(ComplaintKind::PermintaanInformasi); }, &[]),
            ("no date, no kind", |i| { i.incident_date = None; i.kind = None; }, &[("kind", "required"), ("incident_date", "required")]),
            ("today in WITA", |i| i.incident_date = Some(date(2026, 3, 28)), &[]),
            ("tomorrow in WITA", |i| i.incident_date = Some(date(2026, 3, 29)), &[("incident_date", "in_future")]),
            ("future aspirasi", |i| { i.incident_date = Some(date(2027, 1, 1)); i.kind = Some(ComplaintKind::Aspirasi); }, &[("incident_date", "in_future")]),
            ("1950-01-01", |i| i.incident_date = Some(date(1950, 1, 1)), &[]),
            ("1949-12-31", |i| i.incident_date = Some(date(1949, 12, 31)), &[("incident_date", "too_old")]),
            // Location and coordinates.
            ("no location", |i| { i.location = String::new(); i.coordinates = None; }, &[]),
            ("location 200", |i| i.location = "l".repeat(200), &[]),
            ("location 201", |i| i.location = "l".repeat(201), &[("location", "too_long")]),
            ("location bell", |i| i.location = "Pasar\u{7}".into(), &[("location", "control_character")]),
            ("location newline", |i| i.location = "Pasar\nLama".into(), &[("location", "control_character")]),
            ("location ZWSP", |i| i.location = "Pasar\u{200B}Lama".into(), &[("location", "invisible_character")]),
            ("location only ZWSP", |i| i.location = "\u{200B}".into(), &[("location", "invisible_character")]),
            ("location line separator", |i| i.location = "Pasar\u{2028}Lama".into(), &[("location", "control_character")]),
            ("location punctuation only", |i| i.location = "-".into(), &[]),
            ("corner of the map", |i| i.coordinates = Some(Coordinates { lat: 90.0, lon: -180.0 }), &[]),
            ("lat 90.1", |i| i.coordinates = Some(Coordinates { lat: 90.1, lon: 0.0 }), &[("coordinates", "out_of_range")]),
            ("lon -180.1", |i| i.coordinates = Some(Coordinates { lat: 0.0, lon: -180.1 }), &[("coordinates", "out_of_range")]),
            ("lat NaN", |i| i.coordinates = Some(Coordinates { lat: f64::NAN, lon: 0.0 }), &[("coordinates", "out_of_range")]),
            ("lon inf", |i| i.coordinates = Some(Coordinates { lat: 0.0, lon: f64::INFINITY }), &[("coordinates", "out_of_range")]),
            // Agency.
            ("no agency", |i| i.agency = "  ".into(), &[("agency", "required")]),
            ("agency padded", |i| i.agency = " dinkes ".into(), &[]),
            ("agency not a slug", |i| i.agency = "Dinas PU".into(), &[("agency", "invalid_slug")]),
            ("agency unknown", |i| i.agency = "dinsos".into(), &[("agency", "unknown_agency")]),
            // Privacy and the reporter.
            ("no privacy", |i| i.privacy = None, &[("privacy", "required")]),
            ("no privacy, no reporter", |i| { i.privacy = None; i.reporter = ReporterInput::default(); },
                &[("privacy", "required"), ("reporter.name", "required"), ("reporter", "contact_required")]),
            ("publik, no reporter", |i| i.reporter = ReporterInput::default(),
                &[("reporter.name", "required"), ("reporter", "contact_required")]),
            ("rahasia, no reporter", |i| { i.privacy = Some(Privacy::Rahasia); i.reporter = ReporterInput::default(); },
                &[("reporter.name", "required"), ("reporter", "contact_required")]),
            ("anonim, no reporter", |i| { i.privacy = Some(Privacy::Anonim); i.reporter = ReporterInput::default(); }, &[]),
            ("anonim, blank reporter", |i| {
                i.privacy = Some(Privacy::Anonim);
                i.reporter = ReporterInput { name: " ".into(), email: "\t".into(), phone: String::new() };
            }, &[]),
            ("anonim, full reporter", |i| i.privacy = Some(Privacy::Anonim), &[]),
            ("anonim, name only", |i| { i.privacy = Some(Privacy::Anonim); i.reporter.email.clear(); i.reporter.phone.clear(); },
                &[("reporter", "contact_required")]),
            ("anonim, email only", |i| { i.privacy = Some(Privacy::Anonim); i.reporter.name.clear(); i.reporter.phone.clear(); },
                &[("reporter.name", "required")]),
            ("anonim, bad phone only", |i| {
                i.privacy = Some(Privacy::Anonim);
                i.reporter = ReporterInput { phone: "12345".into(), ..ReporterInput::default() };
            }, &[("reporter.name", "required"), ("reporter.phone", "invalid_phone")]),
            ("name only", |i| { i.reporter.email.clear(); i.reporter.phone.clear(); }, &[("reporter", "contact_required")]),
            ("email only contact", |i| i.reporter.phone.clear(), &[]),
            ("phone only contact", |i| i.reporter.email.clear(), &[]),
            ("name 1", |i| i.reporter.name = "A".into(), &[("reporter.name", "too_short")]),
            ("name 2", |i| i.reporter.name = "Al".into(), &[]),
            ("name 100", |i| i.reporter.name = "n".repeat(100), &[]),
            ("name 101", |i| i.reporter.name = "n".repeat(101), &[("reporter.name", "too_long")]),
            ("name newline", |i| i.reporter.name = "Siti\nRahmah".into(), &[("reporter.name", "control_character")]),
            ("name line separator", |i| i.reporter.name = "Siti\u{2028}Rahmah".into(), &[("reporter.name", "control_character")]),
            ("name only BOM", |i| i.reporter.name = "\u{FEFF}".into(), &[("reporter.name", "required")]),
            ("name BOM padded", |i| i.reporter.name = "\u{FEFF}Siti Rahmah".into(), &[]),
            ("anonim, only BOM", |i| {
                i.privacy = Some(Privacy::Anonim);
                i.reporter = ReporterInput { name: "\u{FEFF}".into(), email: " \u{FEFF}".into(), phone: String::new() };
            }, &[]),
            ("name dashes", |i| i.reporter.name = "--".into(), &[("reporter.name", "no_letters")]),
            ("name dots", |i| i.reporter.name = ". .".into(), &[("reporter.name", "no_letters")]),
            ("name ZWSP", |i| i.reporter.name = "Siti\u{200B}".into(), &[("reporter.name", "invisible_character")]),
            ("name RTL override", |i| i.reporter.name = "\u{202E}Siti Rahmah".into(), &[("reporter.name", "invisible_character")]),
            ("name Hangul fillers", |i| i.reporter.name = "\u{3164}\u{3164}".into(), &[("reporter.name", "invisible_character")]),
            ("name one letter", |i| i.reporter.name = "A.".into(), &[]),
            ("bad email", |i| i.reporter.email = "siti at example.com".into(), &[("reporter.email", "invalid_email")]),
            ("long email", |i| i.reporter.email = format!("{}@example.com", "a".repeat(250)), &[("reporter.email", "too_long")]),
            ("landline", |i| i.reporter.phone = "021-555-1234".into(), &[("reporter.phone", "invalid_phone")]),
            ("bad email and phone", |i| { i.reporter.email = "@".into(); i.reporter.phone = "x".into(); },
                &[("reporter.email", "invalid_email"), ("reporter.phone", "invalid_phone")]),
            // Everything at once, in field order.
            ("all wrong", |i| {
                *i = ComplaintInput {
                    kind: None,
                    title: "Rusak".into(),
                    description: "d".repeat(4001),
                    incident_date: Some(date(2030, 1, 1)),
                    location: "\u{0}".into(),
                    coordinates: Some(Coordinates { lat: 100.0, lon: 0.0 }),
                    agency: "Bad Slug".into(),
                    privacy: None,
                    reporter: ReporterInput { name: "X".into(), email: "x@y".into(), phone: "0811".into() },
                };
            }, &[
                ("kind", "required"),
                ("title", "too_short"),
                ("description", "too_long"),
                ("incident_date", "in_future"),
                ("location", "control_character"),
                ("coordinates", "out_of_range"),
                ("agency", "invalid_slug"),
                ("privacy", "required"),
                ("reporter.name", "too_short"),
                ("reporter.email", "invalid_email"),
                ("reporter.phone", "invalid_phone"),
            ]),
            ("all empty", |i| *i = ComplaintInput::default(), &[
                ("kind", "required"),
                ("title", "required"),
                ("description", "required"),
                ("incident_date", "required"),
                ("agency", "required"),
                ("privacy", "required"),
                ("reporter.name", "required"),
                ("reporter", "contact_required"),
            ]),
        ];
        for &(case, edit, want) in cases {
            let mut input = valid();
            edit(&mut input);
            check(case, &input, widget(), want);
        }
    }

    #[test]
    fn channels_table() {
        let web = |origin: &str| Channel::WebWidget { origin: origin.to_owned() };
        const BAD: Want = &[("channel.origin", "invalid_origin")];
        #[rustfmt::skip]
        let cases: Vec<(Channel, Want)> = vec![
            (Channel::Lapor, &[]),
            (Channel::WalkIn, &[]),
            (web("https://dinkes.kalselprov.go.id"), &[]),
            (web("HTTP://Dinkes.Kalselprov.GO.ID:8080"), &[]),
            (web("http://localhost:3000"), &[]),
            (web("http://127.0.0.1"), &[]),
            (web("http://[::1]:8080"), &[]),
            (web("https://[2001:db8::1]"), &[]),
            (web(&format!("https://{}.go.id", vec!["a".repeat(63); 3].join("."))), &[]),
            (web(&format!("https://{}.go.id", vec!["a".repeat(63); 4].join("."))), BAD),
            (web(""), BAD),
            (web("null"), BAD),
            (web("dinkes.kalselprov.go.id"), BAD),
            (web("ftp://dinkes.go.id"), BAD),
            (web("https://"), BAD),
            (web("https://dinkes.go.id/"), BAD),
            (web("https://dinkes.go.id/lapor"), BAD),
            (web("https://dinkes.go.id?x=1"), BAD),
            (web("https://dinkes.go.id#top"), BAD),
            (web("https://user@dinkes.go.id"), BAD),
            (web("https://dinkes.go.id:"), BAD),
            (web("https://dinkes.go.id:0"), BAD),
            (web("https://dinkes.go.id:65536"), BAD),
            (web("https://dinkes.go.id:80a"), BAD),
            (web("https://dinkes..go.id"), BAD),
            (web("https://-dinkes.go.id"), BAD),
            (web("https://dinkes_x.go.id"), BAD),
            (web("https://dinkés.go.id"), BAD),
            (web("https://[]"), BAD),
            (web("https://[::1"), BAD),
            (web("https://[::1]x"), BAD),
            (web(" https://dinkes.go.id"), BAD),
        ];
        for (channel, want) in cases {
            let case = format!("{channel:?}");
            check(&case, &valid(), channel, want);
        }
        let known = agencies();
        let ok = valid().validate(web("HTTPS://DPUPR.Kalselprov.go.id:443"), &ctx(&known)).unwrap();
        assert_eq!(ok.channel(), &web("https://dpupr.kalselprov.go.id:443"));
    }

    #[test]
    fn phone_table() {
        #[rustfmt::skip]
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("081234567890", Some(("+6281234567890", "0812-3456-7890"))),
            ("0812-3456-7890", Some(("+6281234567890", "0812-3456-7890"))),
            ("0812 3456 7890", Some(("+6281234567890", "0812-3456-7890"))),
            ("0812.3456.7890", Some(("+6281234567890", "0812-3456-7890"))),
            ("(0812) 3456-7890", Some(("+6281234567890", "0812-3456-7890"))),
            ("+62 812-3456-7890", Some(("+6281234567890", "0812-3456-7890"))),
            ("+6281234567890", Some(("+6281234567890", "0812-3456-7890"))),
            ("62 812 3456 7890", Some(("+6281234567890", "0812-3456-7890"))),
            ("+62 (0)812 3456 7890", Some(("+6281234567890", "0812-3456-7890"))),
            (" 0812\u{a0}3456\u{a0}7890 ", Some(("+6281234567890", "0812-3456-7890"))),
            ("0812345678", Some(("+62812345678", "0812-345-678"))),
            ("08123456789", Some(("+628123456789", "0812-3456-789"))),
            ("0812345678901", Some(("+62812345678901", "0812-34567-8901"))),
            ("081234567", None),
            ("08123456789012", None),
            ("0511-3351234", None),
            ("(021) 555 1234", None),
            ("812345678901", None),
            ("+1 415 555 0100", None),
            ("+0812345678", None),
            ("0812+34567890", None),
            ("++6281234567890", None),
            ("0812 3456 789O", None),
            ("0812/3456/7890", None),
            ("", None),
            ("٠٨١٢٣٤٥٦٧٨٩٠", None),
        ];
        for &(input, want) in cases {
            let got = PhoneNumber::parse(input);
            match (want, &got) {
                (Some((e164, national)), Ok(p)) => {
                    assert_eq!((p.as_str(), p.national().as_str()), (e164, national), "{input:?}");
                    assert_eq!(p.to_string(), national);
                }
                (None, Err(e)) => {
                    assert_eq!((e.field, e.code), ("reporter.phone", "invalid_phone"));
                }
                _ => panic!("{input:?}: got {got:?}, want {want:?}"),
            }
        }
    }

    #[test]
    fn email_table() {
        let long_local = format!("{}@example.com", "a".repeat(65));
        let max_local = format!("{}@example.com", "a".repeat(64));
        let at_limit = format!("{}@{}.com", "a".repeat(64), vec!["b".repeat(61); 3].join("."));
        #[rustfmt::skip]
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("siti@example.com", Ok("siti@example.com")),
            ("  Siti.Rahmah@Example.CO.ID ", Ok("Siti.Rahmah@example.co.id")),
            ("siti+aduan@mail.kalselprov.go.id", Ok("siti+aduan@mail.kalselprov.go.id")),
            ("o'neil@example.com", Ok("o'neil@example.com")),
            ("a@b.co", Ok("a@b.co")),
            ("x@xn--bcher-kva.example", Ok("x@xn--bcher-kva.example")),
            ("siti@contoh.indonesia.id\n", Ok("siti@contoh.indonesia.id")),
            (&max_local, Ok(&max_local)),
            (&at_limit, Ok(&at_limit)),
            (&long_local, Err("invalid_email")),
            ("siti", Err("invalid_email")),
            ("siti@", Err("invalid_email")),
            ("@example.com", Err("invalid_email")),
            ("siti@@example.com", Err("invalid_email")),
            ("siti@a@example.com", Err("invalid_email")),
            ("siti@localhost", Err("invalid_email")),
            ("siti@example..com", Err("invalid_email")),
            ("siti@.example.com", Err("invalid_email")),
            ("siti@example.com.", Err("invalid_email")),
            ("siti@-example.com", Err("invalid_email")),
            ("siti@example-.com", Err("invalid_email")),
            ("siti@exa_mple.com", Err("invalid_email")),
            ("siti@1.2.3.4", Err("invalid_email")),
            ("siti@[1.2.3.4]", Err("invalid_email")),
            ("si ti@example.com", Err("invalid_email")),
            (".siti@example.com", Err("invalid_email")),
            ("siti.@example.com", Err("invalid_email")),
            ("si..ti@example.com", Err("invalid_email")),
            ("\"siti\"@example.com", Err("invalid_email")),
            ("sití@example.com", Err("invalid_email")),
            ("siti@exämple.com", Err("invalid_email")),
            ("siti@example.com\u{0}", Err("invalid_email")),
        ];
        for &(input, want) in cases {
            let got = Email::parse(input);
            let got = got.as_ref().map(Email::as_str).map_err(|e| e.code);
            assert_eq!(got, want, "{input:?}");
        }
        assert_eq!(at_limit.len(), 254);
        let too_long = format!("{}@{}.com", "a".repeat(64), vec!["b".repeat(62); 3].join("."));
        assert_eq!(Email::parse(&too_long).unwrap_err().code, "too_long");
    }

    #[test]
    fn date_parts_table() {
        type Parts = (&'static str, &'static str, &'static str);
        #[rustfmt::skip]
        let cases: &[(Parts, Result<Option<NaiveDate>, Want>)] = &[
            (("27", "3", "2026"), Ok(Some(date(2026, 3, 27)))),
            ((" 07 ", "08", "2026"), Ok(Some(date(2026, 8, 7)))),
            (("27", "agu", "2026"), Ok(Some(date(2026, 8, 27)))),
            (("1", "Mei", "2025"), Ok(Some(date(2025, 5, 1)))),
            (("31", "Dec.", "2025"), Ok(Some(date(2025, 12, 31)))),
            (("29", "2", "2024"), Ok(Some(date(2024, 2, 29)))),
            (("", "", ""), Ok(None)),
            ((" ", "\t", ""), Ok(None)),
            (("", "3", "2026"), Err(&[("incident_date.day", "required")])),
            (("27", "", "2026"), Err(&[("incident_date.month", "required")])),
            (("27", "3", ""), Err(&[("incident_date.year", "required")])),
            (("27", "", ""), Err(&[("incident_date.month", "required"), ("incident_date.year", "required")])),
            (("", "x", ""), Err(&[("incident_date.day", "required"), ("incident_date.year", "required")])),
            // Missing before malformed: the bad month waits.
            (("", "13", "2026"), Err(&[("incident_date.day", "required")])),
            (("0", "3", "2026"), Err(&[("incident_date.day", "invalid_date")])),
            (("32", "3", "2026"), Err(&[("incident_date.day", "invalid_date")])),
            (("007", "3", "2026"), Err(&[("incident_date.day", "invalid_date")])),
            (("2x", "3", "2026"), Err(&[("incident_date.day", "invalid_date")])),
            (("-1", "3", "2026"), Err(&[("incident_date.day", "invalid_date")])),
            (("27", "13", "2026"), Err(&[("incident_date.month", "invalid_date")])),
            (("27", "ma", "2026"), Err(&[("incident_date.month", "invalid_date")])),
            (("27", "3", "26"), Err(&[("incident_date.year", "invalid_date")])),
            (("27", "3", "20266"), Err(&[("incident_date.year", "invalid_date")])),
            (("27", "3", "２０２６"), Err(&[("incident_date.year", "invalid_date")])),
            (("x", "y", "z"), Err(&[
                ("incident_date.day", "invalid_date"),
                ("incident_date.month", "invalid_date"),
                ("incident_date.year", "invalid_date"),
            ])),
            // Malformed before impossible; an impossible date names the day.
            (("31", "2", "26"), Err(&[("incident_date.year", "invalid_date")])),
            (("31", "2", "2026"), Err(&[("incident_date.day", "invalid_date")])),
            (("29", "feb", "2026"), Err(&[("incident_date.day", "invalid_date")])),
            (("31", "april", "2026"), Err(&[("incident_date.day", "invalid_date")])),
        ];
        for &((d, m, y), want) in cases {
            let got = parse_date_parts(d, m, y);
            let got = got.map_err(|es| es.iter().map(|e| (e.field, e.code)).collect::<Vec<_>>());
            let want = want.map_err(<[_]>::to_vec);
            assert_eq!(got, want, "{d:?} {m:?} {y:?}");
        }
        let err = parse_date_parts("29", "2", "2026").unwrap_err();
        assert_eq!(
            err[0].message,
            Text::new(
                "Tanggal kejadian harus tanggal yang ada. Februari 2026 hanya sampai tanggal 28",
                "Date of the incident must be a real date. February 2026 has 28 days",
            )
        );
        let err = parse_date_parts("", "", "2026").unwrap_err();
        assert_eq!(err[0].message, err[1].message);
        assert_eq!(err[0].message.id, "Tanggal kejadian harus berisi tanggal dan bulan");
        assert_eq!(err[0].message.en, "Date of the incident must include a day and a month");
    }

    #[test]
    fn today_depends_on_the_agency_zone() {
        let known = agencies();
        let mut input = valid();
        input.incident_date = Some(date(2026, 3, 28));
        let wita = ctx(&known);
        assert!(input.validate(Channel::Lapor, &wita).is_ok());
        let wib = ValidationContext { zone: Zone::WIB, ..wita };
        let err = input.validate(Channel::Lapor, &wib).unwrap_err();
        assert_eq!(err.errors()[0].code, "in_future");
    }

    #[test]
    fn unknown_agencies_are_only_checked_against_a_list() {
        let mut input = valid();
        input.agency = "dinsos".into();
        let anywhere = ValidationContext { now: now(), zone: Zone::WITA, known_agencies: None };
        assert_eq!(input.validate(Channel::Lapor, &anywhere).unwrap().agency().as_str(), "dinsos");
    }

    #[test]
    fn output_is_typed_trimmed_and_normalised() {
        let known = agencies();
        let mut input = valid();
        input.title = "  Jalan berlubang  ".into();
        input.description = "\r\n  Baris satu.\r\nBaris dua\rbaris tiga, cukup panjang.  \n".into();
        input.location = "   ".into();
        input.agency = " dpupr ".into();
        input.reporter = ReporterInput {
            name: " Siti Rahmah ".into(),
            email: " Siti@Example.COM ".into(),
            phone: " +62 812 3456 7890 ".into(),
        };
        let c = input.validate(widget(), &ctx(&known)).unwrap();
        assert_eq!(c.kind(), ComplaintKind::Pengaduan);
        assert_eq!(c.title().as_str(), "Jalan berlubang");
        assert_eq!(c.description().as_str(), "Baris satu.\nBaris dua\nbaris tiga, cukup panjang.");
        assert_eq!(c.incident_date(), Some(date(2026, 3, 20)));
        let location = c.location().unwrap();
        assert_eq!(location.text(), None);
        assert_eq!(location.coordinates(), Some(Coordinates { lat: -3.3194, lon: 114.5908 }));
        assert_eq!(c.agency().as_str(), "dpupr");
        assert_eq!(c.privacy(), Privacy::Publik);
        assert_eq!(c.channel(), &widget());
        let r = c.reporter().unwrap();
        assert_eq!(r.name(), "Siti Rahmah");
        assert_eq!(r.email().map(Email::as_str), Some("Siti@example.com"));
        assert_eq!(r.phone().map(PhoneNumber::as_str), Some("+6281234567890"));

        input.coordinates = None;
        let c = input.validate(widget(), &ctx(&known)).unwrap();
        assert_eq!(c.location(), None);
        input.location = " Pasar Lama ".into();
        let c = input.validate(widget(), &ctx(&known)).unwrap();
        assert_eq!(c.location().and_then(Location::text), Some("Pasar Lama"));
        assert_eq!(c.location().and_then(Location::coordinates), None);

        input.privacy = Some(Privacy::Anonim);
        let c = input.validate(widget(), &ctx(&known)).unwrap();
        assert!(c.reporter().is_some(), "an anonymous reporter may leave contact");
        input.reporter.phone.clear();
        let c = input.validate(widget(), &ctx(&known)).unwrap();
        assert_eq!(c.reporter().unwrap().phone(), None);
    }

    #[test]
    fn boms_and_unicode_line_breaks_are_normalised() {
        let known = agencies();
        let mut input = valid();
        input.title = "\u{FEFF} Jalan berlubang\u{2028}".into();
        input.description = "\u{FEFF}Baris satu.\u{2028}Baris dua\u{2029}baris tiga, cukup panjang.".into();
        input.location = "\u{FEFF}Pasar Lama".into();
        input.reporter.name = "\u{FEFF}Siti Rahmah".into();
        input.reporter.email = "\u{FEFF}siti@example.com".into();
        input.reporter.phone = "\u{FEFF}0812-3456-7890".into();
        let c = input.validate(widget(), &ctx(&known)).unwrap();
        assert_eq!(c.title().as_str(), "Jalan berlubang");
        assert_eq!(c.description().as_str(), "Baris satu.\nBaris dua\nbaris tiga, cukup panjang.");
        assert_eq!(c.location().and_then(Location::text), Some("Pasar Lama"));
        let r = c.reporter().unwrap();
        assert_eq!(r.name(), "Siti Rahmah");
        assert_eq!(r.email().map(Email::as_str), Some("siti@example.com"));
        assert_eq!(r.phone().map(PhoneNumber::as_str), Some("+6281234567890"));
    }

    #[test]
    fn deserialisation_is_lenient_about_absence() {
        let input: ComplaintInput = serde_json::from_str("{}").unwrap();
        assert_eq!(input, ComplaintInput::default());
        let json = r#"{
            "kind": "", "title": null, "description": null, "incident_date": "",
            "location": null, "coordinates": null, "agency": null, "privacy": " ",
            "reporter": null, "extra": 1
        }"#;
        assert_eq!(serde_json::from_str::<ComplaintInput>(json).unwrap(), ComplaintInput::default());
        let json = r#"{"reporter": {"name": null, "email": "a@b.co"}}"#;
        let input: ComplaintInput = serde_json::from_str(json).unwrap();
        assert_eq!(input.reporter.email, "a@b.co");
        assert_eq!(input.reporter.name, "");

        let json = r#"{"kind": "permintaan_informasi", "privacy": "anonim", "incident_date": "2026-03-27",
                       "coordinates": {"lat": -3.3, "lon": 114.6}}"#;
        let input: ComplaintInput = serde_json::from_str(json).unwrap();
        assert_eq!(input.kind, Some(ComplaintKind::PermintaanInformasi));
        assert_eq!(input.privacy, Some(Privacy::Anonim));
        assert_eq!(input.incident_date, Some(date(2026, 3, 27)));
        assert_eq!(input.coordinates, Some(Coordinates { lat: -3.3, lon: 114.6 }));

        for malformed in [
            r#"{"kind": "keluhan"}"#,
            r#"{"privacy": "Publik"}"#,
            r#"{"incident_date": "27-03-2026"}"#,
            r#"{"title": 5}"#,
        ] {
            assert!(serde_json::from_str::<ComplaintInput>(malformed).is_err(), "{malformed}");
        }

        let round_trip: ComplaintInput =
            serde_json::from_str(&serde_json::to_string(&valid()).unwrap()).unwrap();
        assert_eq!(round_trip, valid());
    }

    /// What a widget shows for one error: the JSON view of a field error.
    #[derive(Serialize)]
    struct ErrorView<'a> {
        field: &'a str,
        code: &'a str,
        id: &'a str,
        en: &'a str,
    }

    fn badly_filled() -> ComplaintInput {
        ComplaintInput {
            kind: None,
            title: "Rusak".into(),
            description: "x".repeat(4_001),
            incident_date: Some(date(1949, 12, 31)),
            location: "Pasar\u{7}Lama".into(),
            coordinates: Some(Coordinates { lat: 0.0, lon: 181.0 }),
            agency: "dinsos".into(),
            privacy: Some(Privacy::Anonim),
            reporter: ReporterInput { name: String::new(), email: "siti@".into(), phone: "021 555".into() },
        }
    }

    #[test]
    fn snapshot_of_a_badly_filled_form() {
        let known = agencies();
        let channel = Channel::WebWidget { origin: "https://dpupr.kalselprov.go.id/lapor".into() };
        let errors = badly_filled().validate(channel, &ctx(&known)).unwrap_err();
        let view: Vec<ErrorView<'_>> = errors
            .errors()
            .iter()
            .map(|e| ErrorView { field: e.field, code: e.code, id: &e.message.id, en: &e.message.en })
            .collect();
        insta::assert_json_snapshot!(view);
    }

    #[test]
    fn snapshot_of_the_remaining_messages() {
        let known = agencies();
        let mut all = Vec::new();
        let mut collect = |input: ComplaintInput| {
            all.extend(input.validate(Channel::Lapor, &ctx(&known)).unwrap_err());
        };
        collect(ComplaintInput::default());
        collect(ComplaintInput {
            title: "t".repeat(151),
            description: "d".repeat(10),
            incident_date: Some(date(2099, 1, 1)),
            location: "l".repeat(201),
            agency: "Dinas PU".into(),
            privacy: Some(Privacy::Anonim),
            reporter: ReporterInput { name: "Siti\u{0}".into(), ..ReporterInput::default() },
            ..valid()
        });
        collect(ComplaintInput {
            title: "Judul\u{1b}".into(),
            description: format!("{}\u{0}", "x".repeat(40)),
            reporter: ReporterInput { name: "S".into(), ..ReporterInput::default() },
            ..valid()
        });
        collect(ComplaintInput {
            reporter: ReporterInput {
                name: "n".repeat(101),
                email: format!("{}@b.co", "a".repeat(300)),
                phone: String::new(),
            },
            ..valid()
        });
        all.extend(parse_date_parts("", "", "2026").unwrap_err());
        all.extend(parse_date_parts("x", "y", "z").unwrap_err());
        // Invisible characters and text without letters, added later, come
        // last so that the snapshot's earlier entries keep their places.
        let errors_of = |input: ComplaintInput| input.validate(Channel::Lapor, &ctx(&known)).unwrap_err();
        all.extend(errors_of(ComplaintInput {
            title: "\u{200B}".repeat(10),
            description: format!("{}\u{202E}", "x".repeat(40)),
            location: "Pasar\u{200B}Lama".into(),
            reporter: ReporterInput { name: "Siti\u{FEFF}".into(), ..valid().reporter },
            ..valid()
        }));
        all.extend(errors_of(ComplaintInput {
            title: "-".repeat(10),
            description: ". ".repeat(20),
            reporter: ReporterInput { name: "--".into(), ..valid().reporter },
            ..valid()
        }));
        let view: Vec<ErrorView<'_>> = all
            .iter()
            .map(|e| ErrorView { field: e.field, code: e.code, id: &e.message.id, en: &e.message.en })
            .collect();
        insta::assert_json_snapshot!(view);
    }

    #[test]
    fn messages_follow_the_wording_rules() {
        let known = agencies();
        let errors = badly_filled().validate(widget(), &ctx(&known)).unwrap_err();
        let mut all: Vec<FieldError> = errors.into_iter().collect();
        all.extend(ComplaintInput::default().validate(widget(), &ctx(&known)).unwrap_err());
        all.extend(parse_date_parts("x", "", "").unwrap_err());
        all.extend(parse_date_parts("31", "2", "2026").unwrap_err());
        all.extend(
            ComplaintInput {
                title: "\u{202E}".repeat(10),
                description: "-".repeat(40),
                location: "\u{200B}".into(),
                reporter: ReporterInput { name: "\u{200F}".repeat(2), ..valid().reporter },
                ..valid()
            }
            .validate(widget(), &ctx(&known))
            .unwrap_err(),
        );
        for e in &all {
            for banned in ["mohon", "maaf", "tidak valid", "silakan"] {
                assert!(!e.message.id.to_lowercase().contains(banned), "{e}");
            }
            for banned in ["please", "sorry", "invalid"] {
                assert!(!e.message.en.to_lowercase().contains(banned), "{e}");
            }
            assert!(!e.message.id.ends_with('.') && !e.message.en.ends_with('.'), "{e}");
            assert!(!e.message.id.contains(" anda"), "Anda is capitalised: {e}");
        }
        let too_long = all.iter().find(|e| e.field == "description").unwrap();
        assert_eq!(too_long.message.id, "Uraian harus 4.000 karakter atau kurang");
        assert_eq!(too_long.message.en, "Description must be 4,000 characters or fewer");
    }

    /// Any string, or text a person might type (with stray whitespace
    /// around it) of up to `max` characters, so that both the error paths
    /// and the valid path are exercised.
    fn text_strategy(max: usize, multiline: bool) -> impl Strategy<Value = String> {
        let inner = if multiline { " \\t\\r\\n\u{2028}" } else { " " };
        let typed = format!(
            "[ \\t\\r\\n\u{FEFF}]{{0,3}}[{inner}A-Za-zÀ-ÿ0-9.,🚧👨‍👩‍👧]{{0,{max}}}[ \\t\\r\\n\u{2028}]{{0,3}}"
        );
        prop_oneof![1 => any::<String>(), 9 => proptest::string::string_regex(&typed).unwrap()]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn validation_never_panics_and_valid_output_is_clean(
            kind in prop::option::weighted(0.9, prop::sample::select(ComplaintKind::ALL.to_vec())),
            privacy in prop::option::weighted(0.9, prop::sample::select(Privacy::ALL.to_vec())),
            title in text_strategy(170, false),
            description in text_strategy(4_100, true),
            location in text_strategy(220, false),
            agency in prop_oneof![4 => Just("dpupr".to_owned()), 1 => any::<String>()],
            name in text_strategy(110, false),
            email in prop_oneof![2 => Just(String::new()), 2 => Just(" a@B.co ".to_owned()), 1 => any::<String>()],
            phone in prop_oneof![
                2 => Just(String::new()),
                2 => "(\\+62 ?|0)8[0-9]{3}-?[0-9]{4}-?[0-9]{1,4}",
                1 => any::<String>(),
            ],
            origin in prop_oneof![4 => Just("https://a.go.id".to_owned()), 1 => any::<String>()],
            days_ago in -3i64..30_000,
            coordinates in prop::option::of(prop_oneof![
                4 => (-90.0..=90.0, -180.0..=180.0),
                1 => (any::<f64>(), any::<f64>()),
            ]),
        ) {
            let counts = (character_count(&title), character_count(&description), character_count(&name));
            let input = ComplaintInput {
                kind,
                title,
                description,
                incident_date: Some(date(2026, 3, 28) - chrono::Duration::days(days_ago)),
                location,
                coordinates: coordinates.map(|(lat, lon)| Coordinates { lat, lon }),
                agency,
                privacy,
                reporter: ReporterInput { name, email, phone },
            };
            let known = agencies();
            match input.validate(Channel::WebWidget { origin }, &ctx(&known)) {
                Ok(c) => {
                    let clean = |s: &str, min: usize, max: usize, multiline: bool| {
                        s == s.trim()
                            && !s.starts_with('\u{FEFF}')
                            && (min..=max).contains(&s.chars().count())
                            && !s.contains(['\r', '\u{2028}', '\u{2029}'])
                            && s.chars().all(|ch| !ch.is_control() || (multiline && (ch == '\n' || ch == '\t')))
                            && !has_invisible(s)
                    };
                    let has_letters = |s: &str| s.chars().any(char::is_alphanumeric);
                    // What the widget counts is what was checked.
                    prop_assert_eq!(counts.0, c.title().as_str().chars().count());
                    prop_assert_eq!(counts.1, c.description().as_str().chars().count());
                    if let Some(r) = c.reporter() {
                        prop_assert_eq!(counts.2, r.name().chars().count());
                    }
                    prop_assert!(clean(c.title().as_str(), TITLE_MIN, TITLE_MAX, false));
                    prop_assert!(has_letters(c.title().as_str()));
                    prop_assert!(clean(c.description().as_str(), DESCRIPTION_MIN, DESCRIPTION_MAX, true));
                    prop_assert!(has_letters(c.description().as_str()));
                    if let Some(text) = c.location().and_then(Location::text) {
                        prop_assert!(clean(text, 1, LOCATION_MAX, false));
                    }
                    if let Some(p) = c.location().and_then(Location::coordinates) {
                        prop_assert!(p.lat.abs() <= 90.0 && p.lon.abs() <= 180.0);
                    }
                    match c.reporter() {
                        Some(r) => {
                            prop_assert!(clean(r.name(), NAME_MIN, NAME_MAX, false));
                            prop_assert!(has_letters(r.name()));
                            prop_assert!(r.email().is_some() || r.phone().is_some());
                            if let Some(p) = r.phone() {
                                prop_assert!(p.as_str().starts_with("+628"));
                                let reparsed = PhoneNumber::parse(&p.national());
                                prop_assert_eq!(reparsed.as_ref(), Ok(p));
                            }
                        }
                        None => prop_assert_eq!(c.privacy(), Privacy::Anonim),
                    }
                    if c.kind() == ComplaintKind::Pengaduan {
                        prop_assert!(c.incident_date().is_some());
                    }
                    // Normalising is idempotent: the output, fed back in,
                    // passes unchanged.
                    let again = ComplaintInput {
                        kind: Some(c.kind()),
                        title: c.title().to_string(),
                        description: c.description().to_string(),
                        incident_date: c.incident_date(),
                        location: c.location().and_then(Location::text).unwrap_or_default().to_owned(),
                        coordinates: c.location().and_then(Location::coordinates),
                        agency: c.agency().to_string(),
                        privacy: Some(c.privacy()),
                        reporter: c.reporter().map_or_else(ReporterInput::default, |r| ReporterInput {
                            name: r.name().to_owned(),
                            email: r.email().map(|e| e.as_str().to_owned()).unwrap_or_default(),
                            phone: r.phone().map(|p| p.as_str().to_owned()).unwrap_or_default(),
                        }),
                    };
                    let revalidated = again.validate(c.channel().clone(), &ctx(&known));
                    prop_assert_eq!(revalidated.as_ref(), Ok(&c));
                }
                Err(errors) => {
                    let positions: Vec<usize> = errors
                        .errors()
                        .iter()
                        .map(|e| FIELD_ORDER.iter().position(|f| *f == e.field).expect("a known field"))
                        .collect();
                    prop_assert!(positions.windows(2).all(|w| w[0] < w[1]), "{:?}", positions);
                }
            }
        }

        #[test]
        fn date_parts_never_panic(
            day in prop_oneof![1 => any::<String>(), 1 => "[0-9]{1,3}", 4 => " ?(0?[1-9]|[12][0-9]|3[01]) ?"],
            month in prop_oneof![
                1 => any::<String>(),
                1 => "[0-9]{1,3}",
                2 => " ?(0?[1-9]|1[0-2]) ?",
                2 => prop::sample::select(vec!["agu", "Mei", "DEC.", "Nopember", "ma"]).prop_map(str::to_owned),
            ],
            year in prop_oneof![1 => any::<String>(), 1 => "[0-9]{3,5}", 4 => " ?(19|20)[0-9]{2} ?"],
        ) {
            match parse_date_parts(&day, &month, &year) {
                // A date comes back only when every part reads as itself.
                Ok(Some(d)) => {
                    prop_assert_eq!(Some(d.day()), day.trim().parse().ok());
                    prop_assert_eq!(Some(d.month()), format::parse_month(&month));
                    prop_assert_eq!(Some(d.year()), year.trim().parse().ok());
                    prop_assert_eq!(year.trim().len(), 4);
                }
                Ok(None) => prop_assert!(day.trim().is_empty() && month.trim().is_empty() && year.trim().is_empty()),
                Err(errors) => prop_assert!(!errors.is_empty()),
            }
        }

        #[test]
        fn mobile_numbers_in_any_writing_agree(
            subscriber in "8[0-9]{8,11}",
            prefix in prop::sample::select(vec!["0", "+62", "+62 ", "62", "+62 (0)", "62 0"]),
            sep in prop::sample::select(vec!["", " ", "-", "."]),
        ) {
            let grouped: Vec<String> = subscriber.as_bytes().chunks(4).map(|c| String::from_utf8(c.to_vec()).unwrap()).collect();
            let typed = format!("{prefix}{}", grouped.join(sep));
            let p = PhoneNumber::parse(&typed).unwrap();
            prop_assert_eq!(p.as_str(), format!("+62{subscriber}"));
        }
    }

    #[test]
    fn coordinates_as_pasted_from_map_apps() {
        let point = |lat, lon| Ok(Some(Coordinates { lat, lon }));
        for (text, expected) in [
            ("", Ok(None)),
            (" \t ", Ok(None)),
            ("-3.3194, 114.5908", point(-3.3194, 114.5908)),
            ("-3.3194,114.5908", point(-3.3194, 114.5908)),
            ("-3.3194 114.5908", point(-3.3194, 114.5908)),
            ("  -3.3194 ,  114.5908  ", point(-3.3194, 114.5908)),
            ("-3,3194 114,5908", point(-3.3194, 114.5908)),
            ("-3,3194; 114,5908", point(-3.3194, 114.5908)),
            ("-3.3194;114.5908", point(-3.3194, 114.5908)),
            ("3 114", point(3.0, 114.0)),
            ("90, 180", point(90.0, 180.0)),
            ("-90,-180", point(-90.0, -180.0)),
            ("-90.0000, 180.0", point(-90.0, 180.0)),
            ("0.1, 0.2", point(0.1, 0.2)),
            ("-3.319412345678, 114.590812345678", point(-3.319412345678, 114.590812345678)),
            // Digits beyond the fifteenth are below a nanodegree: dropped.
            ("-3.31941234567890123456789, 0", point(-3.31941234567890, 0.0)),
            ("0.000000000000000000000000001, 0", point(0.0, 0.0)),
        ] {
            assert_eq!(parse_coordinates(text), expected, "{text:?}");
        }
        for text in [
            "90.0001, 0",
            "-90.1, 0",
            "0, 180.0001",
            "0, -181",
            "114.5908, -3.3194",
            "NaN, 0",
            "nan nan",
            "inf, 0",
            "0, -infinity",
            "1e1, 2",
            "-3.3194",
            "-3.3194, 114.5908, 5",
            "1 2 3",
            "1,2,3",
            "+3, 114",
            "-3,3194,114,5908",
            "-3.31.94, 114",
            "-, 114",
            "., 1",
            "--3, 114",
            "3-, 114",
            "-3.3194, 114.5908a",
            "lat -3.3194 lon 114.5908",
            "-３.3194, 114.5908",
            "1000000000000000000000, 0",
        ] {
            let e = parse_coordinates(text).unwrap_err();
            assert_eq!((e.field, e.code), ("coordinates", "invalid"), "{text:?}");
            assert_eq!(
                e.message.get(Lang::En),
                "Enter the map point as latitude and longitude, like -3.3194, 114.5908"
            );
            assert!(e.message.get(Lang::Id).starts_with("Masukkan titik lokasi sebagai lintang dan bujur"));
        }
    }

    proptest! {
        /// Up to 15 significant digits, the number read is the one the
        /// standard parser reads.
        #[test]
        fn coordinates_read_as_the_standard_parser(lat in -90_000_000i64..=90_000_000, lon in -180_000_000_000i64..=180_000_000_000) {
            let text = format!("{}, {}", lat as f64 / 1e6, lon as f64 / 1e9);
            let (a, b) = text.split_once(", ").unwrap();
            let expected = Coordinates { lat: a.parse().unwrap(), lon: b.parse().unwrap() };
            prop_assert_eq!(parse_coordinates(&text), Ok(Some(expected)));
        }
    }
}
