//! Ticket numbers with a check character, and the access secrets that go
//! with them.
//!
//! A reporter gets two codes when filing: a [`TicketNumber`] such as
//! `K7M-4QX-9RJ`, short enough to read aloud over the phone, that identifies
//! the complaint, and an [`AccessSecret`] such as `4Q7M-K9RB-X2HT-5NPW` that
//! proves they are the reporter and unlocks the content of a non-public
//! report. Both use the same 29-symbol [`ALPHABET`], which leaves out the
//! characters people confuse when reading or typing: `0`/`O`, `1`/`I`/`L`,
//! `U` (read as `V`) and `Z` (read as `2`).
//!
//! # Why a mistyped ticket number can never match another complaint
//!
//! A ticket number is eight random symbols followed by one check symbol,
//! chosen so that, with `v₁ … v₉` the symbols' indices in the alphabet,
//!
//! ```text
//! 1·v₁ + 2·v₂ + … + 9·v₉ ≡ 0 (mod 29)
//! ```
//!
//! Because 29 is prime and the weights 1 … 9 are distinct and non-zero
//! modulo 29:
//! - changing one symbol at position *i* from *a* to *b* changes the sum by
//!   *i·(b − a)*, a product of two numbers not divisible by 29, so it is
//!   never ≡ 0: every **single substitution** is caught;
//! - swapping two different symbols *a*, *b* at positions *i* < *j*, adjacent
//!   or not, changes the sum by *(j − i)·(a − b)*, again never ≡ 0: every
//!   **transposition** is caught.
//!
//! The tests check both claims exhaustively on thousands of tickets.
//!
//! # Where the randomness comes from
//!
//! The core never reads a random source (it does no I/O): the shell draws
//! the entropy (e.g. from the operating system) and passes it to
//! [`TicketNumber::from_entropy`] and [`AccessSecret::from_entropy`]. Ticket
//! numbers are not secret and not unique by themselves (29⁸ ≈ 5·10¹¹
//! possibilities): the shell checks a new number against its store and draws
//! again on a collision.
//!
//! # Typing codes back in
//!
//! [`TicketNumber::parse`] and [`AccessSecret::parse`] accept codes the way
//! people type them (UX rule: ignore stray spaces, hyphens and punctuation):
//! case does not matter, and whitespace, ASCII punctuation, Unicode dashes,
//! middle dots and zero-width characters (which copying from chat apps
//! brings along) are skipped. Positions in error messages count only the
//! code's own characters, not the separators.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{FieldError, Text};

/// The 29 symbols of ticket numbers and access secrets, in index order:
/// the digits 2–9 and the letters A–Y without I, L, O and U.
///
/// # Example
/// ```
/// use aduan_core::ticket::ALPHABET;
/// assert_eq!(ALPHABET.len(), 29);
/// assert!(!ALPHABET.contains(['0', 'O', '1', 'I', 'L', 'U', 'Z']));
/// ```
pub const ALPHABET: &str = "23456789ABCDEFGHJKMNPQRSTVWXY";

const SYMBOLS: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTVWXY";

/// The size of the alphabet, a prime so that the check symbol catches every
/// substitution and transposition.
const BASE: u64 = 29;

/// Marks an ASCII byte that is not a symbol in [`VALUES`].
const NOT_A_SYMBOL: u8 = u8::MAX;

/// The index in the alphabet of each uppercase ASCII byte.
const VALUES: [u8; 128] = {
    let mut table = [NOT_A_SYMBOL; 128];
    let mut i = 0;
    while i < SYMBOLS.len() {
        table[SYMBOLS[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// The inverse of the last weight, 9, modulo 29 (9 × 13 = 117 = 4 × 29 + 1).
const INVERSE_OF_NINE: u64 = 13;

/// How many symbols a ticket number has, the check symbol included.
pub const TICKET_SYMBOLS: usize = 9;

/// How many symbols an access secret has: 16 × log₂ 29 ≈ 77.7 bits.
pub const SECRET_SYMBOLS: usize = 16;

/// A ticket number as printed in messages and used as the example in hints.
const TICKET_EXAMPLE: &str = "K7M-4QX-9RJ";

/// An access secret as used in hints; it is only an example of the format.
const SECRET_EXAMPLE: &str = "4Q7M-K9RB-X2HT-5NPW";

/// Why a ticket number or access secret could not be read.
///
/// Each kind has a stable [`code`](TicketError::code) and a
/// [`message`](TicketError::message) in Indonesian and English that says how
/// to fix the input. Checks run in the order the variants are listed, so a
/// code that is both too short and contains a wrong character reports its
/// length.
///
/// # Example
/// ```
/// use aduan_core::ticket::{TicketError, TicketNumber};
/// use aduan_core::Lang;
/// let err = TicketNumber::parse("K7M-4QO-9RJ").unwrap_err();
/// assert_eq!(err, TicketError::TicketCharacter { character: 'O', position: 6 });
/// assert_eq!(err.code(), "ticket.character");
/// assert!(err.message().get(Lang::Id).starts_with("Nomor tiket tidak memakai “O” (karakter ke-6)"));
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum TicketError {
    /// The ticket number is empty, or only separators.
    #[error("ticket number is empty")]
    TicketEmpty,
    /// The ticket number does not have 9 symbols.
    #[error("ticket number must be 9 characters, found {found}")]
    TicketLength {
        /// How many characters there were, separators not counted.
        found: usize,
    },
    /// The ticket number contains a character outside the alphabet.
    #[error("ticket number contains {character:?} at position {position}, which is not used")]
    TicketCharacter {
        /// The character as typed.
        character: char,
        /// Its position among the code's characters, counting from 1.
        position: usize,
    },
    /// The ticket number fails its check symbol: it was mistyped.
    #[error("ticket number fails its check character")]
    TicketCheck,
    /// The access secret is empty, or only separators.
    #[error("access secret is empty")]
    SecretEmpty,
    /// The access secret does not have 16 symbols.
    #[error("access secret must be 16 characters, found {found}")]
    SecretLength {
        /// How many characters there were, separators not counted.
        found: usize,
    },
    /// The access secret contains a character outside the alphabet. The
    /// character is kept so the message can name it; a secret with a wrong
    /// character is not a usable secret, so this reveals nothing.
    #[error("access secret contains a character at position {position} that is not used")]
    SecretCharacter {
        /// The character as typed.
        character: char,
        /// Its position among the code's characters, counting from 1.
        position: usize,
    },
}

impl TicketError {
    /// The stable machine code: `ticket.empty`, `ticket.length`,
    /// `ticket.character`, `ticket.check`, `secret.empty`, `secret.length`
    /// or `secret.character`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::TicketNumber;
    /// let err = TicketNumber::parse("K7M-4QX").unwrap_err();
    /// assert_eq!(err.code(), "ticket.length");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TicketEmpty => "ticket.empty",
            Self::TicketLength { .. } => "ticket.length",
            Self::TicketCharacter { .. } => "ticket.character",
            Self::TicketCheck => "ticket.check",
            Self::SecretEmpty => "secret.empty",
            Self::SecretLength { .. } => "secret.length",
            Self::SecretCharacter { .. } => "secret.character",
        }
    }

    /// The form field the error belongs to: `ticket` or `secret`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::AccessSecret;
    /// assert_eq!(AccessSecret::parse("").unwrap_err().field(), "secret");
    /// ```
    #[must_use]
    pub fn field(&self) -> &'static str {
        match self {
            Self::TicketEmpty
            | Self::TicketLength { .. }
            | Self::TicketCharacter { .. }
            | Self::TicketCheck => "ticket",
            Self::SecretEmpty | Self::SecretLength { .. } | Self::SecretCharacter { .. } => "secret",
        }
    }

    /// What went wrong and how to fix it, in Indonesian and English.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{ticket::TicketNumber, Lang};
    /// let err = TicketNumber::parse("K7M-4QX-9R").unwrap_err();
    /// assert_eq!(
    ///     err.message().get(Lang::Id),
    ///     "Nomor tiket harus 9 karakter, seperti K7M-4QX-9RJ"
    /// );
    /// ```
    #[must_use]
    pub fn message(&self) -> Text {
        const ALLOWED_ID: &str = "angka 2–9 dan huruf A–Y kecuali I, L, O, dan U";
        const ALLOWED_EN: &str = "the digits 2 to 9 and the letters A to Y except I, L, O and U";
        match self {
            Self::TicketEmpty => Text::new(
                format!("Masukkan nomor tiket, seperti {TICKET_EXAMPLE}"),
                format!("Enter a ticket number, like {TICKET_EXAMPLE}"),
            ),
            Self::TicketLength { .. } => Text::new(
                format!("Nomor tiket harus 9 karakter, seperti {TICKET_EXAMPLE}"),
                format!("Ticket number must be 9 characters, like {TICKET_EXAMPLE}"),
            ),
            Self::TicketCharacter { character, position } => {
                let c = describe(*character);
                Text::new(
                    format!(
                        "Nomor tiket tidak memakai {c} (karakter ke-{position}). \
                         Nomor tiket hanya berisi {ALLOWED_ID}"
                    ),
                    format!(
                        "Ticket numbers do not use {c} (character {position}). \
                         They contain only {ALLOWED_EN}"
                    ),
                )
            }
            Self::TicketCheck => Text::new(
                "Nomor tiket salah ketik. Periksa lagi setiap karakternya",
                "The ticket number has a typing mistake. Check each character again",
            ),
            Self::SecretEmpty => Text::new(
                format!("Masukkan kode akses, seperti {SECRET_EXAMPLE}"),
                format!("Enter the access code, like {SECRET_EXAMPLE}"),
            ),
            Self::SecretLength { .. } => Text::new(
                format!("Kode akses harus 16 karakter, seperti {SECRET_EXAMPLE}"),
                format!("Access code must be 16 characters, like {SECRET_EXAMPLE}"),
            ),
            Self::SecretCharacter { character, position } => {
                let c = describe(*character);
                Text::new(
                    format!(
                        "Kode akses tidak memakai {c} (karakter ke-{position}). \
                         Kode akses hanya berisi {ALLOWED_ID}"
                    ),
                    format!(
                        "Access codes do not use {c} (character {position}). \
                         They contain only {ALLOWED_EN}"
                    ),
                )
            }
        }
    }

    /// The error as a field error of the `ticket` or `secret` field, for a
    /// lookup form. Its code is the full [`code`](TicketError::code), such as
    /// `ticket.check`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::TicketNumber;
    /// let e = TicketNumber::parse("").unwrap_err().to_field_error();
    /// assert_eq!((e.field, e.code), ("ticket", "ticket.empty"));
    /// ```
    #[must_use]
    pub fn to_field_error(&self) -> FieldError {
        FieldError { field: self.field(), code: self.code(), message: self.message() }
    }
}

impl From<TicketError> for FieldError {
    fn from(e: TicketError) -> Self {
        e.to_field_error()
    }
}

/// Names a character in a message: quoted, or as `U+XXXX` when it would
/// not be visible.
fn describe(c: char) -> String {
    if c.is_control() || c.is_whitespace() { format!("U+{:04X}", u32::from(c)) } else { format!("“{c}”") }
}

/// Whether `c` is something people type between the symbols of a code.
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || matches!(
            c,
            // Middle dot, Unicode hyphens and dashes, bullet, minus sign,
            // katakana middle dot, fullwidth hyphen-minus and full stop.
            '\u{00B7}'
                | '\u{2010}'..='\u{2015}'
                | '\u{2022}'
                | '\u{2212}'
                | '\u{30FB}'
                | '\u{FF0D}'
                | '\u{FF0E}'
                // Zero-width space, (non-)joiner, word joiner and BOM, which
                // arrive invisibly with copied text.
                | '\u{200B}'..='\u{200D}'
                | '\u{2060}'
                | '\u{FEFF}'
        )
}

/// Why a typed code could not be read as `N` symbols.
enum Unreadable {
    Empty,
    Length(usize),
    Character(char, usize),
}

/// Reads the `N` symbol values of a code as a human typed it: separators
/// are skipped and case is folded. Checks emptiness, then length, then
/// characters, so that the message is about the first thing to fix.
fn read_symbols<const N: usize>(input: &str) -> Result<[u8; N], Unreadable> {
    let significant = || input.chars().filter(|&c| !is_separator(c));
    match significant().count() {
        0 => return Err(Unreadable::Empty),
        n if n != N => return Err(Unreadable::Length(n)),
        _ => {}
    }
    let mut values = [0; N];
    for (i, (slot, c)) in values.iter_mut().zip(significant()).enumerate() {
        let value = u8::try_from(c)
            .ok()
            .filter(u8::is_ascii)
            .map_or(NOT_A_SYMBOL, |b| VALUES[usize::from(b.to_ascii_uppercase())]);
        if value == NOT_A_SYMBOL {
            return Err(Unreadable::Character(c, i + 1));
        }
        *slot = value;
    }
    Ok(values)
}

/// Writes symbol values as text, with a hyphen between groups of `group`.
fn render<const N: usize>(values: &[u8], group: usize) -> [u8; N] {
    let mut out = [b'-'; N];
    let mut at = 0;
    for (i, &v) in values.iter().enumerate() {
        if i > 0 && i % group == 0 {
            at += 1;
        }
        out[at] = SYMBOLS[usize::from(v)];
        at += 1;
    }
    debug_assert_eq!(at, N);
    out
}

/// Writes `n` as `N` base-29 digits, most significant first.
fn base29_digits<const N: usize>(mut n: u128) -> [u8; N] {
    let mut digits = [0; N];
    for d in digits.iter_mut().rev() {
        *d = u8::try_from(n % u128::from(BASE)).expect("a base-29 digit fits in u8");
        n /= u128::from(BASE);
    }
    digits
}

/// The weighted sum Σ i·vᵢ modulo 29, with weights 1, 2, 3, … by position.
fn weighted_sum(values: &[u8]) -> u64 {
    values.iter().zip(1..).map(|(&v, w)| w * u64::from(v)).sum::<u64>() % BASE
}

/// A complaint's ticket number: 8 random symbols and a check symbol, shown
/// in three groups of three as `K7M-4QX-9RJ`.
///
/// It can only be built from entropy or by parsing, so every value has a
/// valid check symbol. Serde writes it as the canonical text and reading it
/// back validates it.
///
/// # Example
/// ```
/// use aduan_core::ticket::TicketNumber;
/// // The shell draws the randomness, e.g. from the operating system.
/// let ticket = TicketNumber::from_entropy(0x5EED_0F_A1_C0FFEE);
/// let typed_back = ticket.as_str().to_lowercase().replace('-', " ");
/// assert_eq!(typed_back.parse::<TicketNumber>(), Ok(ticket));
/// assert_eq!(serde_json::to_string(&ticket).unwrap(), format!("\"{ticket}\""));
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TicketNumber([u8; 11]);

impl TicketNumber {
    /// Makes a ticket number from 64 random bits supplied by the shell.
    ///
    /// The bits are reduced modulo 29⁸ to the 8 payload symbols. Since
    /// 2⁶⁴ / 29⁸ ≈ 3.7·10⁷, the reduction favours some payloads over others
    /// by at most one part in 36 million, far below anything that matters
    /// for a non-secret reference number.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::TicketNumber;
    /// let t = TicketNumber::from_entropy(0x0123_4567_89AB_CDEF);
    /// assert_eq!(TicketNumber::parse(t.as_str()), Ok(t));
    /// assert_eq!(TicketNumber::from_entropy(0).as_str(), "222-222-222");
    /// ```
    #[must_use]
    pub fn from_entropy(random: u64) -> Self {
        let payload_space = BASE.pow(8);
        let payload: [u8; 8] = base29_digits(u128::from(random % payload_space));
        let mut values = [0; TICKET_SYMBOLS];
        values[..8].copy_from_slice(&payload);
        // Solve 9·c + Σ₁..₈ i·vᵢ ≡ 0 for c by multiplying with 9⁻¹.
        let missing = (BASE - weighted_sum(&payload)) % BASE;
        values[8] = u8::try_from(missing * INVERSE_OF_NINE % BASE).expect("below 29");
        Self(render(&values, 3))
    }

    /// Reads a ticket number as a person typed it: any case, with or
    /// without the hyphens, with stray spaces, dots, underscores or other
    /// separators.
    ///
    /// # Errors
    /// - [`TicketError::TicketEmpty`] if there is nothing but separators;
    /// - [`TicketError::TicketLength`] unless there are 9 characters;
    /// - [`TicketError::TicketCharacter`] for the first character outside
    ///   the [`ALPHABET`], such as `O` or `1`;
    /// - [`TicketError::TicketCheck`] if the check symbol does not match,
    ///   which any single mistyped character or swap of two characters
    ///   causes.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::{TicketError, TicketNumber};
    /// let t = TicketNumber::parse(" k7m 4qx.9rj ").unwrap();
    /// assert_eq!(t.as_str(), "K7M-4QX-9RJ");
    /// // Two characters swapped:
    /// assert_eq!(TicketNumber::parse("K7M-Q4X-9RJ"), Err(TicketError::TicketCheck));
    /// ```
    pub fn parse(input: &str) -> Result<Self, TicketError> {
        let values: [u8; TICKET_SYMBOLS] = read_symbols(input).map_err(|e| match e {
            Unreadable::Empty => TicketError::TicketEmpty,
            Unreadable::Length(found) => TicketError::TicketLength { found },
            Unreadable::Character(character, position) => {
                TicketError::TicketCharacter { character, position }
            }
        })?;
        if weighted_sum(&values) != 0 {
            return Err(TicketError::TicketCheck);
        }
        Ok(Self(render(&values, 3)))
    }

    /// The canonical form, three groups of three: `K7M-4QX-9RJ`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::TicketNumber;
    /// let t: TicketNumber = "k7m4qx9rj".parse().unwrap();
    /// assert_eq!(t.as_str(), "K7M-4QX-9RJ");
    /// assert_eq!(t.to_string(), "K7M-4QX-9RJ");
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("symbols and hyphens are ASCII")
    }
}

impl fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for TicketNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("TicketNumber").field(&self.as_str()).finish()
    }
}

impl AsRef<str> for TicketNumber {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl FromStr for TicketNumber {
    type Err = TicketError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for TicketNumber {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for TicketNumber {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(|e| serde::de::Error::custom(e.message().en))
    }
}

/// The secret issued with a ticket that proves its holder is the reporter:
/// 16 symbols (about 77 bits) shown as `4Q7M-K9RB-X2HT-5NPW`.
///
/// It is careful with itself: `Debug` prints `AccessSecret(<redacted>)`, it
/// has no `Display` (so `format!("{}")` cannot put it in a log by
/// accident), its text is read only through [`expose`](Self::expose), and
/// equality and [`matches`](Self::matches) take the same time whichever
/// symbol differs. Serde writes it as its text, because the wire must carry
/// it once, to the reporter who filed; a stored secret should be kept as a
/// hash by the shell.
///
/// # Example
/// ```
/// use aduan_core::ticket::AccessSecret;
/// let secret = AccessSecret::from_entropy(*b"sixteen random b");
/// assert_eq!(format!("{secret:?}"), "AccessSecret(<redacted>)");
/// let shown_once = secret.expose().to_owned();
/// assert!(secret.matches(&shown_once.to_lowercase()));
/// ```
#[derive(Clone)]
pub struct AccessSecret([u8; 19]);

impl AccessSecret {
    /// Makes a secret from 128 random bits supplied by the shell.
    ///
    /// The bits are reduced modulo 29¹⁶ (about 2⁷⁷·⁷); since 2¹²⁸ is about
    /// 10¹⁵ times larger, the unevenness this causes is below one part in
    /// 10¹⁵ and gives an attacker nothing.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::AccessSecret;
    /// let s = AccessSecret::from_entropy([7; 16]);
    /// assert_eq!(s.expose().len(), 19);
    /// assert!(s.matches(&s.expose().to_lowercase()));
    /// ```
    #[must_use]
    pub fn from_entropy(random: [u8; 16]) -> Self {
        let space = u128::from(BASE).pow(16);
        let values: [u8; SECRET_SYMBOLS] = base29_digits(u128::from_le_bytes(random) % space);
        Self(render(&values, 4))
    }

    /// Reads a secret as a person typed it, with the same leniency as
    /// [`TicketNumber::parse`]. To check a typed secret against the stored
    /// one, use [`matches`](Self::matches).
    ///
    /// # Errors
    /// [`TicketError::SecretEmpty`], [`TicketError::SecretLength`] unless
    /// there are 16 characters, or [`TicketError::SecretCharacter`] for the
    /// first character outside the [`ALPHABET`].
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::AccessSecret;
    /// let s = AccessSecret::parse("4q7m k9rb x2ht 5npw").unwrap();
    /// assert_eq!(s.expose(), "4Q7M-K9RB-X2HT-5NPW");
    /// assert_eq!(AccessSecret::parse("4Q7M-K9RB").unwrap_err().code(), "secret.length");
    /// ```
    pub fn parse(input: &str) -> Result<Self, TicketError> {
        let values: [u8; SECRET_SYMBOLS] = read_symbols(input).map_err(|e| match e {
            Unreadable::Empty => TicketError::SecretEmpty,
            Unreadable::Length(found) => TicketError::SecretLength { found },
            Unreadable::Character(character, position) => {
                TicketError::SecretCharacter { character, position }
            }
        })?;
        Ok(Self(render(&values, 4)))
    }

    /// The secret's text, `XXXX-XXXX-XXXX-XXXX`, to show once to the
    /// reporter (or to hash for storage). The name says what calling it does.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::AccessSecret;
    /// let s = AccessSecret::parse("4Q7MK9RBX2HT5NPW").unwrap();
    /// assert_eq!(s.expose(), "4Q7M-K9RB-X2HT-5NPW");
    /// ```
    #[must_use]
    pub fn expose(&self) -> &str {
        std::str::from_utf8(&self.0).expect("symbols and hyphens are ASCII")
    }

    /// Whether `candidate`, as a person typed it, is this secret. The
    /// candidate is normalised like [`parse`](Self::parse); the comparison
    /// of its symbols with the secret's takes the same time wherever they
    /// differ, so response times do not leak how much of a guess was right.
    ///
    /// # Example
    /// ```
    /// use aduan_core::ticket::AccessSecret;
    /// let s = AccessSecret::parse("4Q7M-K9RB-X2HT-5NPW").unwrap();
    /// assert!(s.matches("4q7m k9rb x2ht 5npw"));
    /// assert!(!s.matches("4Q7M-K9RB-X2HT-5NPX"));
    /// assert!(!s.matches(""));
    /// ```
    #[must_use]
    pub fn matches(&self, candidate: &str) -> bool {
        // Reading the candidate depends only on the candidate, which the
        // guesser knows anyway; only the comparison must not depend on
        // where the secret differs.
        match Self::parse(candidate) {
            Ok(other) => constant_time_eq(&self.0, &other.0),
            Err(_) => false,
        }
    }
}

/// Compares two equal-length byte strings without an early exit.
fn constant_time_eq(a: &[u8; 19], b: &[u8; 19]) -> bool {
    let diff = a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y));
    // Keeps the optimiser from turning the fold back into a short-circuit.
    std::hint::black_box(diff) == 0
}

impl PartialEq for AccessSecret {
    /// Constant-time equality, like [`AccessSecret::matches`].
    fn eq(&self, other: &Self) -> bool {
        constant_time_eq(&self.0, &other.0)
    }
}

impl Eq for AccessSecret {}

impl fmt::Debug for AccessSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("AccessSecret(<redacted>)")
    }
}

impl FromStr for AccessSecret {
    type Err = TicketError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for AccessSecret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.expose())
    }
}

impl<'de> Deserialize<'de> for AccessSecret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(|e| serde::de::Error::custom(e.message().en))
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::error::Lang;

    /// A deterministic stream of 64-bit values (SplitMix64), so the
    /// exhaustive tests cover the same thousands of tickets on every run.
    fn entropy_stream(mut state: u64) -> impl Iterator<Item = u64> {
        std::iter::repeat_with(move || {
            state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = state;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            z ^ (z >> 31)
        })
    }

    /// The nine symbols of a ticket, without hyphens.
    fn symbols(t: TicketNumber) -> Vec<u8> {
        t.as_str().bytes().filter(|&b| b != b'-').collect()
    }

    fn text(symbols: &[u8]) -> String {
        String::from_utf8(symbols.to_vec()).unwrap()
    }

    /// One parsing case: the input and the canonical text or error code.
    fn check(input: &str, want: Result<&str, &str>) {
        let got = TicketNumber::parse(input);
        let got = got.as_ref().map(TicketNumber::as_str).map_err(TicketError::code);
        assert_eq!(got, want, "{input:?}");
    }

    #[test]
    fn parse_table() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("K7M-4QX-9RJ", Ok("K7M-4QX-9RJ")),
            ("k7m-4qx-9rj", Ok("K7M-4QX-9RJ")),
            ("K7M4QX9RJ", Ok("K7M-4QX-9RJ")),
            ("  K7M 4QX 9RJ\n", Ok("K7M-4QX-9RJ")),
            ("K7M.4QX.9RJ", Ok("K7M-4QX-9RJ")),
            ("K7M_4QX_9RJ", Ok("K7M-4QX-9RJ")),
            ("#K7M/4QX/9RJ.", Ok("K7M-4QX-9RJ")),
            ("K7M–4QX—9RJ", Ok("K7M-4QX-9RJ")),
            ("K7M\u{200B}4QX\u{FEFF}9RJ", Ok("K7M-4QX-9RJ")),
            ("K\u{00A0}7M·4QX 9RJ", Ok("K7M-4QX-9RJ")),
            ("222-222-222", Ok("222-222-222")),
            ("", Err("ticket.empty")),
            ("  - . ", Err("ticket.empty")),
            ("K7M-4QX-9R", Err("ticket.length")),
            ("K7M-4QX-9RJJ", Err("ticket.length")),
            ("K7M-4QX-9RJ-K7M-4QX-9RJ", Err("ticket.length")),
            ("K7M-4QX-9R0", Err("ticket.character")),
            ("K7M-4OX-9RJ", Err("ticket.character")),
            ("K7M-4QX-9Rü", Err("ticket.character")),
            ("K7M-4QX-9R😀", Err("ticket.character")),
            ("K7M-4QX-9RB", Err("ticket.check")),
            ("K7M-Q4X-9RJ", Err("ticket.check")),
            ("J7M-4QX-9RK", Err("ticket.check")),
        ];
        for &(input, want) in cases {
            check(input, want);
        }
    }

    #[test]
    fn character_errors_name_the_character_and_its_position() {
        let err = TicketNumber::parse("k7m-4ox-9rj").unwrap_err();
        assert_eq!(err, TicketError::TicketCharacter { character: 'o', position: 5 });
        let err = TicketNumber::parse("K7M-4QX-9R\u{7}").unwrap_err();
        assert!(err.message().id.contains("U+0007 (karakter ke-9)"), "{}", err.message());
    }

    #[test]
    fn alphabet_is_29_unambiguous_symbols() {
        assert_eq!(ALPHABET.len(), 29);
        assert_eq!(ALPHABET.as_bytes(), SYMBOLS);
        for confusing in "01ILOUZ".chars() {
            assert!(!ALPHABET.contains(confusing), "{confusing}");
        }
        let mut sorted = SYMBOLS.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), 29);
    }

    #[test]
    fn every_single_substitution_is_detected() {
        for random in entropy_stream(1).take(3000) {
            let t = TicketNumber::from_entropy(random);
            let original = symbols(t);
            assert_eq!(TicketNumber::parse(&text(&original)), Ok(t));
            for pos in 0..TICKET_SYMBOLS {
                for &other in SYMBOLS.iter().filter(|&&s| s != original[pos]) {
                    let mut typo = original.clone();
                    typo[pos] = other;
                    assert_eq!(
                        TicketNumber::parse(&text(&typo)),
                        Err(TicketError::TicketCheck),
                        "{t} with {} at {pos}",
                        char::from(other)
                    );
                }
            }
        }
    }

    #[test]
    fn every_swap_of_two_different_symbols_is_detected() {
        for random in entropy_stream(2).take(3000) {
            let t = TicketNumber::from_entropy(random);
            let original = symbols(t);
            for i in 0..TICKET_SYMBOLS {
                for j in i + 1..TICKET_SYMBOLS {
                    if original[i] == original[j] {
                        continue;
                    }
                    let mut swapped = original.clone();
                    swapped.swap(i, j);
                    assert_eq!(
                        TicketNumber::parse(&text(&swapped)),
                        Err(TicketError::TicketCheck),
                        "{t} swapping {i} and {j}"
                    );
                }
            }
        }
    }

    #[test]
    fn entropy_maps_onto_all_symbols() {
        let mut seen = [[false; 29]; TICKET_SYMBOLS];
        for random in entropy_stream(3).take(2000) {
            let t = TicketNumber::from_entropy(random);
            for (pos, s) in symbols(t).into_iter().enumerate() {
                seen[pos][usize::from(VALUES[usize::from(s)])] = true;
            }
        }
        assert!(seen.iter().flatten().all(|&s| s), "every symbol appears at every position");
    }

    #[test]
    fn entropy_at_the_extremes_gives_valid_distinct_tickets() {
        let max = TicketNumber::from_entropy(u64::MAX);
        let below = TicketNumber::from_entropy(u64::MAX - 1);
        for t in [max, below] {
            assert_eq!(TicketNumber::parse(t.as_str()), Ok(t));
            assert!(symbols(t).iter().all(|&b| SYMBOLS.contains(&b)), "{t}");
        }
        assert_ne!(max, below);
        // u64::MAX mod 29⁸ is 18,152,593,900; computed outside this crate, so a change
        // to the reduction or the check symbol shows up here.
        assert_eq!(max.as_str(), "33H-2BA-XSK");
        assert_eq!(below.as_str(), "33H-2BA-XR7");
        assert_eq!(TicketNumber::from_entropy(0).as_str(), "222-222-222");
    }

    #[test]
    fn ticket_serde_is_the_canonical_text() {
        let t = TicketNumber::parse("k7m4qx9rj").unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), r#""K7M-4QX-9RJ""#);
        assert_eq!(serde_json::from_str::<TicketNumber>(r#""k7m 4qx 9rj""#).unwrap(), t);
        let err = serde_json::from_str::<TicketNumber>(r#""K7M-4QX-9RB""#).unwrap_err();
        assert!(err.to_string().contains("typing mistake"), "{err}");
        assert_eq!(format!("{t:?}"), r#"TicketNumber("K7M-4QX-9RJ")"#);
    }

    #[test]
    fn secret_parse_table() {
        let cases: &[(&str, Result<&str, &str>)] = &[
            ("4Q7M-K9RB-X2HT-5NPW", Ok("4Q7M-K9RB-X2HT-5NPW")),
            ("4q7mk9rbx2ht5npw", Ok("4Q7M-K9RB-X2HT-5NPW")),
            (" 4Q7M K9RB  X2HT.5NPW ", Ok("4Q7M-K9RB-X2HT-5NPW")),
            ("", Err("secret.empty")),
            ("----", Err("secret.empty")),
            ("4Q7M-K9RB-X2HT", Err("secret.length")),
            ("4Q7M-K9RB-X2HT-5NPWX", Err("secret.length")),
            ("4Q7M-K9RB-X2HT-5NP0", Err("secret.character")),
            ("4Q7M-K9RB-X2HT-5NPI", Err("secret.character")),
        ];
        for &(input, want) in cases {
            let got = AccessSecret::parse(input);
            let got = got.as_ref().map(AccessSecret::expose).map_err(TicketError::code);
            assert_eq!(got, want, "{input:?}");
        }
    }

    #[test]
    fn secret_is_redacted_and_compared_as_typed() {
        let s = AccessSecret::from_entropy(*b"0123456789abcdef");
        let text = s.expose().to_owned();
        assert!(!format!("{s:?}").contains(&text));
        assert_eq!(format!("{s:?}"), "AccessSecret(<redacted>)");
        assert!(s.matches(&text));
        assert!(s.matches(&text.to_lowercase().replace('-', " ")));
        assert!(!s.matches(&text[..18]));
        assert!(!s.matches("not a secret at all"));
        for i in 0..text.len() {
            if text.as_bytes()[i] == b'-' {
                continue;
            }
            let mut wrong = text.clone().into_bytes();
            wrong[i] = if wrong[i] == b'2' { b'3' } else { b'2' };
            assert!(!s.matches(std::str::from_utf8(&wrong).unwrap()), "{i}");
        }
        assert_eq!(AccessSecret::parse(&text).unwrap(), s);
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json, format!("\"{text}\""));
        assert_eq!(serde_json::from_str::<AccessSecret>(&json).unwrap(), s);
        assert!(serde_json::from_str::<AccessSecret>(r#""short""#).is_err());
    }

    #[test]
    fn secrets_from_entropy_differ_and_use_the_alphabet() {
        let mut seen = std::collections::HashSet::new();
        for (a, b) in entropy_stream(4).zip(entropy_stream(5)).take(500) {
            let mut bytes = [0; 16];
            bytes[..8].copy_from_slice(&a.to_le_bytes());
            bytes[8..].copy_from_slice(&b.to_le_bytes());
            let s = AccessSecret::from_entropy(bytes);
            assert!(s.expose().bytes().all(|c| c == b'-' || SYMBOLS.contains(&c)));
            assert!(seen.insert(s.expose().to_owned()));
        }
    }

    #[test]
    fn field_errors() {
        let e: FieldError = TicketNumber::parse("K7M-4QX-9RB").unwrap_err().into();
        assert_eq!((e.field, e.code), ("ticket", "ticket.check"));
        let e: FieldError = AccessSecret::parse("x").unwrap_err().into();
        assert_eq!((e.field, e.code), ("secret", "secret.length"));
    }

    #[test]
    fn messages_follow_the_wording_rules() {
        for e in all_errors() {
            let m = e.message();
            for banned in ["mohon", "maaf", "tidak valid", "please", "sorry", "invalid"] {
                assert!(!m.id.to_lowercase().contains(banned), "{}: {}", e.code(), m.id);
                assert!(!m.en.to_lowercase().contains(banned), "{}: {}", e.code(), m.en);
            }
            assert!(!m.id.ends_with('.') && !m.en.ends_with('.'), "{}", e.code());
        }
    }

    fn all_errors() -> Vec<TicketError> {
        vec![
            TicketNumber::parse("").unwrap_err(),
            TicketNumber::parse("K7M-4QX").unwrap_err(),
            TicketNumber::parse("K7M-4QX-9R1").unwrap_err(),
            TicketNumber::parse("K7M-4QX-9RB").unwrap_err(),
            AccessSecret::parse("").unwrap_err(),
            AccessSecret::parse("4Q7M").unwrap_err(),
            AccessSecret::parse("4Q7M-K9RB-X2HT-5NPO").unwrap_err(),
        ]
    }

    #[test]
    fn message_snapshots() {
        let report: String = all_errors()
            .iter()
            .map(|e| {
                let m = e.message();
                format!(
                    "{} [{}]\n  id: {}\n  en: {}\n",
                    e.code(),
                    e.field(),
                    m.get(Lang::Id),
                    m.get(Lang::En)
                )
            })
            .collect();
        insta::assert_snapshot!(report);
    }

    proptest! {
        #[test]
        fn any_entropy_round_trips_in_any_typing(
            random in any::<u64>(),
            lower in any::<bool>(),
            sep in prop::sample::select(vec!["", " ", "-", ".", "_", " - ", "\t"]),
        ) {
            let t = TicketNumber::from_entropy(random);
            let chars = symbols(t);
            let mut typed: String = chars
                .chunks(3)
                .map(text)
                .collect::<Vec<_>>()
                .join(sep);
            if lower {
                typed = typed.to_lowercase();
            }
            prop_assert_eq!(TicketNumber::parse(&typed), Ok(t));
            prop_assert_eq!(t.as_str().len(), 11);
        }

        #[test]
        fn any_substitution_or_swap_is_rejected(
            random in any::<u64>(),
            pos in 0..TICKET_SYMBOLS,
            other in 0..TICKET_SYMBOLS,
            symbol in prop::sample::select(SYMBOLS.to_vec()),
        ) {
            let original = symbols(TicketNumber::from_entropy(random));
            let mut typo = original.clone();
            typo[pos] = symbol;
            let want = if typo == original { Ok(()) } else { Err(TicketError::TicketCheck) };
            prop_assert_eq!(TicketNumber::parse(&text(&typo)).map(|_| ()), want);
            let mut swapped = original.clone();
            swapped.swap(pos, other);
            let want = if swapped == original { Ok(()) } else { Err(TicketError::TicketCheck) };
            prop_assert_eq!(TicketNumber::parse(&text(&swapped)).map(|_| ()), want);
        }

        #[test]
        fn parsing_never_panics(input in any::<String>()) {
            if let Ok(t) = TicketNumber::parse(&input) {
                prop_assert_eq!(TicketNumber::parse(t.as_str()), Ok(t));
            }
            if let Ok(s) = AccessSecret::parse(&input) {
                prop_assert!(s.matches(&input));
            }
        }
    }
}
