//! Time zones of Indonesian agencies: fixed UTC offsets with their local names.
//!
//! Indonesia has no daylight saving, so a zone is a fixed offset. A working
//! day is a calendar date in the agency's zone.

use std::fmt;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime, Utc};
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

    /// The largest offset from UTC accepted, east or west: 18 hours, well
    /// beyond every real zone (−12 to +14 hours).
    pub const MAX_OFFSET_SECONDS: i32 = 18 * 3600;

    /// A zone at a fixed offset east of UTC, in seconds: a whole number of
    /// minutes, at most [`MAX_OFFSET_SECONDS`](Self::MAX_OFFSET_SECONDS)
    /// (18 hours) either way.
    ///
    /// Whole minutes keep [`name`](Self::name), which shows hours and
    /// minutes, exact: every zone reads back from its name.
    ///
    /// # Errors
    /// A field error with code `invalid_zone` if the offset is beyond ±18 h
    /// or has leftover seconds.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// assert_eq!(Zone::from_offset_seconds(8 * 3600).unwrap(), Zone::WITA);
    /// assert_eq!(Zone::from_offset_seconds(-(3 * 3600 + 1800)).unwrap().name(), "UTC-03:30");
    /// assert!(Zone::from_offset_seconds(19 * 3600).is_err());
    /// assert!(Zone::from_offset_seconds(8 * 3600 + 1).is_err());
    /// assert!(Zone::from_offset_seconds(i32::MIN).is_err());
    /// ```
    pub fn from_offset_seconds(offset_seconds: i32) -> Result<Self, FieldError> {
        // `unsigned_abs`, unlike `abs`, cannot overflow on `i32::MIN`.
        let within = offset_seconds.unsigned_abs() <= Self::MAX_OFFSET_SECONDS.unsigned_abs();
        if within && offset_seconds % 60 == 0 { Ok(Self { offset_seconds }) } else { Err(invalid_zone()) }
    }

    /// The offset east of UTC, in seconds.
    #[must_use]
    pub fn offset_seconds(self) -> i32 {
        self.offset_seconds
    }

    /// The zone as a chrono offset.
    ///
    /// # Panics
    /// Never in practice: every constructor keeps the offset within ±18
    /// hours, well inside the ±24 hours chrono accepts.
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
    /// or an offset like "+08:00", "UTC+8", "+0800" or "-03:30".
    ///
    /// An offset is an optional "UTC" (any case), exactly one sign, then
    /// hours as 1–2 ASCII digits, optionally followed by minutes as 2 ASCII
    /// digits with or without a colon ("+0800"). Whatever [`name`](Self::name)
    /// writes reads back as the same zone.
    ///
    /// # Errors
    /// A field error with code `invalid_zone` for anything else, including
    /// doubled signs ("UTC--08:00"), signs inside the number ("+08:+5"),
    /// non-ASCII digits, minutes of 60 or more and offsets beyond ±18 hours.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// assert_eq!(Zone::parse("Asia/Makassar").unwrap(), Zone::WITA);
    /// assert_eq!(Zone::parse("+07:00").unwrap(), Zone::WIB);
    /// assert_eq!(Zone::parse("UTC+9").unwrap(), Zone::WIT);
    /// assert!(Zone::parse("Mars/Olympus").is_err());
    /// assert!(Zone::parse("UTC--08:00").is_err());
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
        let rest = match t.get(..3) {
            Some(prefix) if prefix.eq_ignore_ascii_case("UTC") => &t[3..],
            _ => t,
        };
        let (sign, number) = if let Some(n) = rest.strip_prefix('+') {
            (1, n)
        } else if let Some(n) = rest.strip_prefix('-') {
            (-1, n)
        } else {
            return Err(invalid_zone());
        };
        let (hours, minutes) = match number.split_once(':') {
            Some((h, m)) => (h, m),
            None if number.len() == 4 => number.split_at(2),
            None => (number, "00"),
        };
        // Only ASCII digits after the one sign: `parse::<i32>` alone would
        // take a second sign ("+-8") or a sign after the colon ("+08:+5").
        let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
            lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit())
        };
        if !digits(hours, 1..=2) || !digits(minutes, 2..=2) {
            return Err(invalid_zone());
        }
        let (Ok(h), Ok(m)) = (hours.parse::<i32>(), minutes.parse::<i32>()) else {
            return Err(invalid_zone());
        };
        if m >= 60 {
            return Err(invalid_zone());
        }
        Self::from_offset_seconds(sign * (h * 3600 + m * 60))
    }

    /// The local wall-clock time of a UTC instant in this zone.
    ///
    /// Near the ends of chrono's range (about 262,000 years away) the local
    /// time may not exist; it then saturates at [`NaiveDateTime::MIN`] or
    /// [`NaiveDateTime::MAX`]. Use [`checked_local`](Self::checked_local) to
    /// tell.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::{DateTime, Utc};
    /// let at: DateTime<Utc> = "2026-03-27T16:30:00Z".parse().unwrap();
    /// assert_eq!(Zone::WITA.local(at).to_string(), "2026-03-28 00:30:00");
    /// assert_eq!(Zone::WIB.local(at).to_string(), "2026-03-27 23:30:00");
    /// ```
    #[must_use]
    pub fn local(self, at: DateTime<Utc>) -> NaiveDateTime {
        self.checked_local(at).unwrap_or(if self.offset_seconds > 0 {
            NaiveDateTime::MAX
        } else {
            NaiveDateTime::MIN
        })
    }

    /// The local wall-clock time of a UTC instant in this zone, or `None`
    /// if it lies beyond chrono's range.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::{DateTime, Utc};
    /// assert_eq!(Zone::WITA.checked_local(DateTime::<Utc>::MAX_UTC), None);
    /// assert!(Zone::WITA.checked_local(DateTime::<Utc>::MIN_UTC).is_some());
    /// ```
    #[must_use]
    pub fn checked_local(self, at: DateTime<Utc>) -> Option<NaiveDateTime> {
        at.naive_utc().checked_add_offset(self.offset())
    }

    /// The local date of a UTC instant in this zone: what "today" is for an
    /// agency there. Saturates like [`local`](Self::local).
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::{DateTime, NaiveDate, Utc};
    /// // 16:30 UTC is still 27 March in WIB but already 28 March in WITA.
    /// let at: DateTime<Utc> = "2026-03-27T16:30:00Z".parse().unwrap();
    /// assert_eq!(Zone::WIB.local_date(at), NaiveDate::from_ymd_opt(2026, 3, 27).unwrap());
    /// assert_eq!(Zone::WITA.local_date(at), NaiveDate::from_ymd_opt(2026, 3, 28).unwrap());
    /// ```
    #[must_use]
    pub fn local_date(self, at: DateTime<Utc>) -> NaiveDate {
        self.local(at).date()
    }

    /// The local date of a UTC instant in this zone, or `None` if it lies
    /// beyond chrono's range.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::{DateTime, Utc};
    /// assert_eq!(Zone::WIT.checked_local_date(DateTime::<Utc>::MAX_UTC), None);
    /// ```
    #[must_use]
    pub fn checked_local_date(self, at: DateTime<Utc>) -> Option<NaiveDate> {
        self.checked_local(at).map(|local| local.date())
    }

    /// The UTC instant of a local wall-clock time in this zone. With a
    /// fixed offset every local time is exactly one instant.
    ///
    /// Near the ends of chrono's range the instant may not exist; it then
    /// saturates at [`DateTime::<Utc>::MIN_UTC`](DateTime::MIN_UTC) or
    /// [`MAX_UTC`](DateTime::MAX_UTC). Use [`checked_to_utc`](Self::checked_to_utc)
    /// to tell.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::NaiveDate;
    /// let noon = NaiveDate::from_ymd_opt(2026, 3, 28).unwrap().and_hms_opt(12, 0, 0).unwrap();
    /// assert_eq!(Zone::WITA.to_utc(noon).to_rfc3339(), "2026-03-28T04:00:00+00:00");
    /// ```
    #[must_use]
    pub fn to_utc(self, local: NaiveDateTime) -> DateTime<Utc> {
        self.checked_to_utc(local).unwrap_or(if self.offset_seconds > 0 {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
    }

    /// The UTC instant of a local wall-clock time in this zone, or `None`
    /// if it lies beyond chrono's range.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::NaiveDateTime;
    /// assert_eq!(Zone::WITA.checked_to_utc(NaiveDateTime::MIN), None);
    /// assert!(Zone::WITA.checked_to_utc(NaiveDateTime::MAX).is_some());
    /// ```
    #[must_use]
    pub fn checked_to_utc(self, local: NaiveDateTime) -> Option<DateTime<Utc>> {
        local.checked_sub_offset(self.offset()).map(|utc| utc.and_utc())
    }

    /// The UTC instant at which `date` starts (00:00 local) in this zone.
    /// Saturates like [`to_utc`](Self::to_utc): the start of
    /// [`NaiveDate::MIN`] east of UTC would be before chrono's first
    /// instant.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::NaiveDate;
    /// let d = NaiveDate::from_ymd_opt(2026, 3, 28).unwrap();
    /// // Midnight in WITA (UTC+8) is 16:00 UTC the day before.
    /// assert_eq!(Zone::WITA.start_of(d).to_rfc3339(), "2026-03-27T16:00:00+00:00");
    /// ```
    #[must_use]
    pub fn start_of(self, date: NaiveDate) -> DateTime<Utc> {
        self.to_utc(date.and_time(NaiveTime::MIN))
    }

    /// The UTC instant at which `date` starts in this zone, or `None` if it
    /// lies beyond chrono's range.
    ///
    /// # Example
    /// ```
    /// use aduan_core::Zone;
    /// use chrono::NaiveDate;
    /// assert_eq!(Zone::WITA.checked_start_of(NaiveDate::MIN), None);
    /// assert!(Zone::WITA.checked_start_of(NaiveDate::MAX).is_some());
    /// ```
    #[must_use]
    pub fn checked_start_of(self, date: NaiveDate) -> Option<DateTime<Utc>> {
        self.checked_to_utc(date.and_time(NaiveTime::MIN))
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
    use proptest::prelude::*;

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
            ("utc+8", Some(28800)),
            ("Utc-3:30", Some(-12600)),
            ("+8:05", Some(29100)),
            ("+0800", Some(28800)),
            ("-00:00", Some(0)),
            // One sign, then ASCII digits only.
            ("UTC--08:00", None),
            ("UTC+-08:00", None),
            ("--8", None),
            ("++8", None),
            ("+-8", None),
            ("-+8", None),
            ("+08:+5", None),
            ("+08:-5", None),
            ("+8:-0", None),
            ("+ 8", None),
            ("+08: 00", None),
            ("+８", None),
            ("+", None),
            ("UTC+", None),
            ("+08:", None),
            ("+:30", None),
            ("+08:5", None),
            ("+08:000", None),
            ("+08:00:00", None),
            ("+830", None),
            ("+08h", None),
        ];
        for &(input, want) in cases {
            assert_eq!(Zone::parse(input).ok().map(Zone::offset_seconds), want, "{input:?}");
        }
    }

    #[test]
    fn offsets_are_whole_minutes_within_18_hours() {
        for (seconds, ok) in [
            (0, true),
            (64_800, true),
            (-64_800, true),
            (64_860, false),
            (-64_801, false),
            (3_601, false),
            (-59, false),
            (i32::MIN, false),
            (i32::MAX, false),
        ] {
            let zone = Zone::from_offset_seconds(seconds);
            assert_eq!(zone.is_ok(), ok, "{seconds}");
            if let Err(e) = zone {
                assert_eq!((e.field, e.code), ("zone", "invalid_zone"));
            }
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

    /// Near chrono's limits the infallible conversions saturate and the
    /// checked ones say there is no answer, instead of panicking.
    #[test]
    fn conversions_at_the_limits_of_time() {
        let west = Zone::parse("-03:30").unwrap();
        let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);

        assert_eq!(Zone::WITA.checked_start_of(NaiveDate::MIN), None);
        assert_eq!(Zone::WITA.start_of(NaiveDate::MIN), min);
        assert_eq!(Zone::WITA.checked_start_of(NaiveDate::MAX), Some(Zone::WITA.start_of(NaiveDate::MAX)));
        assert_eq!(west.checked_start_of(NaiveDate::MIN), Some(west.start_of(NaiveDate::MIN)));
        assert_eq!(west.start_of(NaiveDate::MAX).to_rfc3339(), "+262142-12-31T03:30:00+00:00");

        assert_eq!(Zone::WITA.checked_local(max), None);
        assert_eq!(Zone::WITA.local(max), NaiveDateTime::MAX);
        assert_eq!(Zone::WITA.local_date(max), NaiveDate::MAX);
        assert_eq!(Zone::WITA.checked_local_date(max), None);
        assert_eq!(west.checked_local(min), None);
        assert_eq!(west.local(min), NaiveDateTime::MIN);
        assert_eq!(west.local_date(min), NaiveDate::MIN);
        assert_eq!(Zone::UTC.checked_local(max), Some(NaiveDateTime::MAX));

        assert_eq!(Zone::WITA.checked_to_utc(NaiveDateTime::MIN), None);
        assert_eq!(Zone::WITA.to_utc(NaiveDateTime::MIN), min);
        assert_eq!(west.checked_to_utc(NaiveDateTime::MAX), None);
        assert_eq!(west.to_utc(NaiveDateTime::MAX), max);
        assert_eq!(Zone::WITA.to_utc(NaiveDateTime::MAX), max - chrono::Duration::hours(8));
    }

    fn any_zone() -> impl Strategy<Value = Zone> {
        (-18 * 60..=18 * 60).prop_map(|minutes| Zone::from_offset_seconds(minutes * 60).unwrap())
    }

    fn any_instant() -> impl Strategy<Value = DateTime<Utc>> {
        let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        prop_oneof![
            1 => min.timestamp()..=max.timestamp(),
            1 => min.timestamp()..min.timestamp() + 200_000,
            1 => max.timestamp() - 200_000..=max.timestamp(),
            2 => 0i64..4_102_444_800,
        ]
        .prop_map(|s| DateTime::from_timestamp(s, 0).unwrap())
    }

    proptest! {
        #[test]
        fn every_zone_round_trips_through_its_name(zone in any_zone()) {
            prop_assert_eq!(Zone::parse(&zone.name()), Ok(zone));
            let json = serde_json::to_string(&zone).unwrap();
            prop_assert_eq!(serde_json::from_str::<Zone>(&json).unwrap(), zone);
        }

        #[test]
        fn parse_and_from_offset_never_panic(
            s in prop_oneof![any::<String>(), "(UTC|utc)?[-+]{1,2}[0-9:+-]{0,6}"],
            seconds in prop_oneof![any::<i32>(), -70_000..70_000, Just(i32::MIN), Just(i32::MAX)],
        ) {
            if let Ok(zone) = Zone::parse(&s) {
                prop_assert_eq!(Zone::parse(&zone.name()), Ok(zone));
            }
            if let Ok(zone) = Zone::from_offset_seconds(seconds) {
                prop_assert_eq!(zone.offset_seconds(), seconds);
                prop_assert_eq!(Zone::parse(&zone.name()), Ok(zone));
            }
        }

        #[test]
        fn conversions_never_panic_and_agree(zone in any_zone(), at in any_instant()) {
            let local = zone.local(at);
            match zone.checked_local(at) {
                Some(checked) => {
                    prop_assert_eq!(checked, local);
                    prop_assert_eq!(zone.checked_to_utc(local), Some(at));
                    prop_assert_eq!(zone.to_utc(local), at);
                    let start = zone.start_of(local.date());
                    prop_assert!(start <= at);
                    match zone.checked_start_of(local.date()) {
                        Some(checked) => {
                            prop_assert_eq!(checked, start);
                            prop_assert_eq!(zone.local(start), local.date().and_hms_opt(0, 0, 0).unwrap());
                        }
                        // The first local day east of UTC starts before
                        // chrono's first instant.
                        None => prop_assert_eq!(start, DateTime::<Utc>::MIN_UTC),
                    }
                }
                None => prop_assert!(local == NaiveDateTime::MIN || local == NaiveDateTime::MAX),
            }
            prop_assert_eq!(zone.local_date(at), local.date());
            let naive = at.naive_utc();
            let utc = zone.to_utc(naive);
            if let Some(checked) = zone.checked_to_utc(naive) {
                prop_assert_eq!(checked, utc);
            }
        }
    }
}
