//! Time zones of Indonesian agencies: fixed UTC offsets with their local names.
//!
//! Indonesia has no daylight saving, so a zone is a fixed offset. A working
//! day is a calendar date in the agency's zone.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::{FieldError, Text};

/// A fixed-offset time zone such as WITA (UTC+8, Kalimantan Selatan).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Zone {
    offset_seconds: i32,
}

impl Zone {
    /// Waktu Indonesia Barat, UTC+7 (Asia/Jakarta, Asia/Pontianak).
    pub const WIB: Self = Self { offset_seconds: 7 * 3600 };
    /// Waktu Indonesia Tengah, UTC+8 (Asia/Makassar): Kalimantan Selatan.
    pub const WITA: Self = Self { offset_seconds: 8 * 3600 };
    /// Waktu Indonesia Timur, UTC+9 (Asia/Jayapura).
    pub const WIT: Self = Self { offset_seconds: 9 * 3600 };
    /// Coordinated Universal Time.
    pub const UTC: Self = Self { offset_seconds: 0 };

    /// A zone at a fixed offset east of UTC, in seconds (±18 hours).
    ///
    /// # Errors
    /// A field error with code `invalid_zone` if the offset is beyond ±18 h.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// assert_eq!(Zone::from_offset_seconds(8 * 3600).unwrap(), Zone::WITA);
    /// assert!(Zone::from_offset_seconds(19 * 3600).is_err());
    /// ```
    pub fn from_offset_seconds(offset_seconds: i32) -> Result<Self, FieldError> {
        if offset_seconds.abs() < 18 * 3600 + 1 { Ok(Self { offset_seconds }) } else { Err(invalid_zone()) }
    }

    /// The offset east of UTC, in seconds.
    #[must_use]
    pub fn offset_seconds(self) -> i32 {
        self.offset_seconds
    }

    /// The zone as a chrono offset.
    #[must_use]
    pub fn offset(self) -> FixedOffset {
        FixedOffset::east_opt(self.offset_seconds).expect("offset checked on construction")
    }

    /// The local name Indonesians use ("WIB", "WITA", "WIT"), or "UTC+hh:mm".
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// assert_eq!(Zone::WITA.name(), "WITA");
    /// assert_eq!(Zone::from_offset_seconds(5 * 3600 + 1800).unwrap().name(), "UTC+05:30");
    /// ```
    #[must_use]
    pub fn name(self) -> String {
        match self.offset_seconds {
            25200 => "WIB".to_owned(),
            28800 => "WITA".to_owned(),
            32400 => "WIT".to_owned(),
            s => {
                let sign = if s < 0 { '-' } else { '+' };
                let a = s.unsigned_abs();
                format!("UTC{sign}{:02}:{:02}", a / 3600, (a % 3600) / 60)
            }
        }
    }

    /// Parses "WIB", "WITA", "WIT", an IANA name of an Indonesian zone
    /// (Asia/Jakarta, Asia/Pontianak, Asia/Makassar, Asia/Jayapura), "UTC",
    /// or an offset like "+08:00", "UTC+8" or "-03:30".
    ///
    /// # Errors
    /// A field error with code `invalid_zone` for anything else.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// assert_eq!(Zone::parse("Asia/Makassar").unwrap(), Zone::WITA);
    /// assert_eq!(Zone::parse("+07:00").unwrap(), Zone::WIB);
    /// assert!(Zone::parse("Mars/Olympus").is_err());
    /// ```
    pub fn parse(s: &str) -> Result<Self, FieldError> {
        let t = s.trim();
        match t.to_ascii_uppercase().as_str() {
            "WIB" | "ASIA/JAKARTA" | "ASIA/PONTIANAK" => return Ok(Self::WIB),
            "WITA" | "ASIA/MAKASSAR" => return Ok(Self::WITA),
            "WIT" | "ASIA/JAYAPURA" => return Ok(Self::WIT),
            "UTC" | "Z" | "ETC/UTC" => return Ok(Self::UTC),
            _ => {}
        }
        let rest = t.strip_prefix("UTC").or_else(|| t.strip_prefix("utc")).unwrap_or(t);
        let (sign, digits) = match rest.as_bytes().first() {
            Some(b'+') => (1, &rest[1..]),
            Some(b'-') => (-1, &rest[1..]),
            _ => return Err(invalid_zone()),
        };
        let (h, m) = match digits.split_once(':') {
            Some((h, m)) => (h, m),
            None if digits.len() == 4 => digits.split_at(2),
            None => (digits, "0"),
        };
        let (Ok(h), Ok(m)) = (h.parse::<i32>(), m.parse::<i32>()) else {
            return Err(invalid_zone());
        };
        if !(0..60).contains(&m) || h.to_string().len() > 2 {
            return Err(invalid_zone());
        }
        Self::from_offset_seconds(sign * (h * 3600 + m * 60))
    }

    /// The local date of a UTC instant in this zone.
    #[must_use]
    pub fn local_date(self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    /// The local wall-clock time of a UTC instant in this zone.
    #[must_use]
    pub fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        at.with_timezone(&self.offset()).naive_local()
    }

    /// The UTC instant of a local wall-clock time in this zone.
    #[must_use]
    pub fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        self.offset()
            .from_local_datetime(&local)
            .single()
            .expect("a fixed offset maps every local time to exactly one instant")
            .with_timezone(&Utc)
    }

    /// The UTC instant at which `date` starts (00:00 local) in this zone.
    #[must_use]
    pub fn start_of(self, date: NaiveDate) -> DateTime<Utc> {
        self.to_utc(date.and_hms_opt(0, 0, 0).expect("midnight exists"))
    }
}

fn invalid_zone() -> FieldError {
    FieldError {
        field: "zone",
        code: "invalid_zone",
        message: Text::new(
            "Zona waktu harus WIB, WITA, WIT, atau selisih dari UTC seperti +08:00",
            "Time zone must be WIB, WITA, WIT, or an offset from UTC such as +08:00",
        ),
    }
}

impl fmt::Display for Zone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name())
    }
}

impl std::str::FromStr for Zone {
    type Err = FieldError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Serialize for Zone {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.name())
    }
}

impl<'de> Deserialize<'de> for Zone {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Self::parse(&s).map_err(|e| serde::de::Error::custom(e.message.en))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_table() {
        let cases: &[(&str, Option<i32>)] = &[
            ("WIB", Some(25200)),
            ("wita", Some(28800)),
            ("WIT", Some(32400)),
            ("Asia/Pontianak", Some(25200)),
            ("UTC", Some(0)),
            ("+08:00", Some(28800)),
            ("UTC+8", Some(28800)),
            ("-0330", Some(-12600)),
            ("+18:00", Some(64800)),
            ("+19:00", None),
            ("+08:60", None),
            ("8", None),
            ("", None),
            ("+123:00", None),
        ];
        for &(input, want) in cases {
            assert_eq!(Zone::parse(input).ok().map(Zone::offset_seconds), want, "{input:?}");
        }
    }

    #[test]
    fn round_trips_through_name() {
        for z in [Zone::WIB, Zone::WITA, Zone::WIT, Zone::UTC, Zone::parse("-03:30").unwrap()] {
            assert_eq!(Zone::parse(&z.name()).unwrap(), z);
        }
    }

    #[test]
    fn local_dates() {
        let at = "2025-01-01T16:30:00Z".parse::<DateTime<Utc>>().unwrap();
        assert_eq!(Zone::WIB.local_date(at).to_string(), "2025-01-01");
        assert_eq!(Zone::WITA.local_date(at).to_string(), "2025-01-02");
        let d = NaiveDate::from_ymd_opt(2025, 1, 2).unwrap();
        assert_eq!(Zone::WITA.start_of(d).to_rfc3339(), "2025-01-01T16:00:00+00:00");
    }
}
