//! Working days: the holiday calendar as data, and constant-time arithmetic
//! on working days and elapsed working seconds.
//!
//! # The model
//!
//! A *working day* (hari kerja) is a calendar date that is neither a weekend
//! day (Saturday and Sunday unless configured otherwise) nor a holiday: a
//! national holiday (*libur nasional*) or collective leave (*cuti bersama*).
//! Both kinds are set yearly by a joint ministerial decree (SKB 3 Menteri)
//! that is sometimes amended mid-year, so they are data, never code.
//!
//! For instants the date is judged in the agency's [`Zone`], and a working
//! day counts all of its 24 hours: the elapsed working time of an interval is
//! the part of it that falls on working days. Instants are taken to the whole
//! second; sub-second parts are dropped (truncated toward the past).
//!
//! A [`Calendar`] covers whole years, from 1 January of `first_year` to
//! 31 December of `last_year`. Every operation refuses dates outside that
//! range with [`CalendarError::OutOfRange`] rather than guessing, because a
//! year whose holidays nobody entered would silently give wrong deadlines.
//!
//! # Data format
//!
//! A calendar is defined by a [`CalendarSpec`], a plain serde type, so the
//! same definition can come from JSON (the embedded default,
//! `core/data/calendar-id.json`) or from the server's TOML configuration:
//!
//! ```json
//! {
//!   "first_year": 2025,
//!   "last_year": 2025,
//!   "weekend": ["sat", "sun"],
//!   "holidays": [
//!     {"date": "2025-08-17", "kind": "libur_nasional", "name": "Proklamasi Kemerdekaan Republik Indonesia"},
//!     {"date": "2025-08-18", "kind": "cuti_bersama", "name": "Cuti bersama Hari Kemerdekaan Republik Indonesia ke-80"}
//!   ]
//! }
//! ```
//!
//! - `first_year`, `last_year` (integers, required): the years covered, both
//!   between 1 and 9999, `first_year <= last_year`, at most
//!   [`MAX_SPAN_YEARS`] years in all.
//! - `weekend` (optional, default `["sat", "sun"]`): the weekdays that are
//!   never working days, not all seven. Written as lowercase three-letter
//!   English abbreviations (`mon` `tue` `wed` `thu` `fri` `sat` `sun`); when
//!   reading, chrono's names are accepted too, in any case (`Sat`,
//!   `saturday`, `SUNDAY`).
//! - `holidays` (optional, default empty): one entry per date, with
//!   - `date`: ISO 8601 `YYYY-MM-DD`, within the covered years, each date at
//!     most once (a holiday on a weekend is allowed and changes nothing);
//!   - `kind`: `libur_nasional` or `cuti_bersama`;
//!   - `name`: the official Indonesian name, not empty.
//!
//! Unknown fields are rejected, so that a misspelt key in a configuration
//! file is an error rather than a silently ignored holiday.
//!
//! # Cost
//!
//! [`Calendar::new`] precomputes, for every day of the range, how many
//! working days precede it (a prefix sum) and the list of working days in
//! order. Afterwards every operation is O(1) apart from finding a holiday by
//! date, O(log h), and sorting the pauses an operation is given, O(p log p).

use std::fmt;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::{Text, Zone};

/// The length of a working day for elapsed working time: all of its hours.
pub const SECONDS_PER_WORKING_DAY: i64 = 86_400;

/// The most years one calendar may cover, which bounds its tables to about
/// 73,000 days (under 600 KiB).
pub const MAX_SPAN_YEARS: i32 = 200;

/// The Indonesian calendar shipped with the crate: the national holidays and
/// cuti bersama of 2024–2026, as JSON in the [data format](self#data-format).
///
/// # Example
/// ```
/// use aduan_core::calendar::{Calendar, INDONESIA_JSON};
/// assert_eq!(Calendar::from_json(INDONESIA_JSON).unwrap(), Calendar::indonesia());
/// ```
pub const INDONESIA_JSON: &str = include_str!("../data/calendar-id.json");

const DAY: i64 = SECONDS_PER_WORKING_DAY;
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

/// A number of working days, as SLA policies state their limits
/// ("5 hari kerja"). Serialised as a bare integer.
///
/// # Example
/// ```
/// use aduan_core::calendar::WorkingDays;
/// let follow_up: WorkingDays = serde_json::from_str("5").unwrap();
/// assert_eq!(follow_up, WorkingDays::new(5));
/// assert_eq!(follow_up.seconds(), 5 * 86_400);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct WorkingDays(u32);

impl WorkingDays {
    /// A count of working days.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::WorkingDays;
    /// assert_eq!(WorkingDays::new(3).get(), 3);
    /// ```
    #[must_use]
    pub const fn new(days: u32) -> Self {
        Self(days)
    }

    /// The number of working days.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::WorkingDays;
    /// assert_eq!(WorkingDays::new(10).get(), 10);
    /// ```
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }

    /// The elapsed working time these days amount to, in seconds
    /// ([`SECONDS_PER_WORKING_DAY`] each), as the instant operations take it.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::WorkingDays;
    /// assert_eq!(WorkingDays::new(3).seconds(), 259_200);
    /// ```
    #[must_use]
    pub const fn seconds(self) -> i64 {
        self.0 as i64 * SECONDS_PER_WORKING_DAY
    }
}

impl From<WorkingDays> for i64 {
    fn from(days: WorkingDays) -> Self {
        i64::from(days.0)
    }
}

/// Why a date is a holiday.
///
/// # Example
/// ```
/// use aduan_core::calendar::HolidayKind;
/// let kind: HolidayKind = serde_json::from_str("\"cuti_bersama\"").unwrap();
/// assert_eq!(kind, HolidayKind::CutiBersama);
/// assert_eq!(kind.label().en, "Collective leave");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HolidayKind {
    /// A national holiday (*libur nasional*).
    LiburNasional,
    /// Collective leave (*cuti bersama*) that the decree adds around holidays;
    /// government offices close, so it is not a working day either.
    CutiBersama,
}

impl HolidayKind {
    /// The kind's name for people, in both languages.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::HolidayKind;
    /// assert_eq!(HolidayKind::LiburNasional.label().id, "Libur nasional");
    /// ```
    #[must_use]
    pub fn label(self) -> Text {
        match self {
            Self::LiburNasional => Text::new("Libur nasional", "National holiday"),
            Self::CutiBersama => Text::new("Cuti bersama", "Collective leave"),
        }
    }
}

/// One holiday: a date, its kind and its official Indonesian name.
///
/// The same type is an entry of a [`CalendarSpec`] and what
/// [`Calendar::holiday`] answers.
///
/// # Example
/// ```
/// use aduan_core::calendar::{Holiday, HolidayKind};
/// let h: Holiday = serde_json::from_str(
///     r#"{"date": "2024-02-14", "kind": "libur_nasional", "name": "Pemilihan Umum 2024"}"#,
/// ).unwrap();
/// assert_eq!(h.kind, HolidayKind::LiburNasional);
/// assert_eq!(h.date.to_string(), "2024-02-14");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    /// The date, written `YYYY-MM-DD`.
    pub date: NaiveDate,
    /// National holiday or collective leave.
    pub kind: HolidayKind,
    /// The official name, e.g. "Hari Raya Idulfitri 1446 H".
    pub name: String,
}

/// The definition of a working-day calendar, as it is stored and configured;
/// see the [data format](self#data-format).
///
/// [`Calendar::new`] validates it and builds the tables.
///
/// # Example
/// ```
/// use aduan_core::calendar::{Calendar, CalendarSpec};
/// let spec: CalendarSpec = serde_json::from_str(r#"{"first_year": 2030, "last_year": 2031}"#).unwrap();
/// assert_eq!(spec.weekend, [chrono::Weekday::Sat, chrono::Weekday::Sun]);
/// let calendar = Calendar::new(&spec).unwrap();
/// assert_eq!(calendar.last_date().to_string(), "2031-12-31");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CalendarSpec {
    /// The first year covered, from 1 January.
    pub first_year: i32,
    /// The last year covered, to 31 December.
    pub last_year: i32,
    /// The weekdays that are never working days; Saturday and Sunday when
    /// omitted.
    #[serde(default = "default_weekend", with = "weekday_names")]
    pub weekend: Vec<Weekday>,
    /// The holidays, one per date, in any order.
    #[serde(default)]
    pub holidays: Vec<Holiday>,
}

fn default_weekend() -> Vec<Weekday> {
    vec![Weekday::Sat, Weekday::Sun]
}

/// Serde for the weekend: lowercase abbreviations out, chrono's names in.
mod weekday_names {
    use chrono::Weekday;
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    pub(super) fn serialize<S: Serializer>(days: &[Weekday], s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(days.iter().map(|day| abbreviation(*day)))
    }

    pub(super) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<Weekday>, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        names
            .iter()
            .map(|name| {
                name.parse::<Weekday>().map_err(|_| {
                    D::Error::custom(format!(
                        "unknown weekday {name:?}: use mon, tue, wed, thu, fri, sat or sun"
                    ))
                })
            })
            .collect()
    }

    fn abbreviation(day: Weekday) -> &'static str {
        match day {
            Weekday::Mon => "mon",
            Weekday::Tue => "tue",
            Weekday::Wed => "wed",
            Weekday::Thu => "thu",
            Weekday::Fri => "fri",
            Weekday::Sat => "sat",
            Weekday::Sun => "sun",
        }
    }
}

/// A validated working-day calendar with its precomputed tables: build it
/// once, then every query is cheap.
///
/// Two calendars are equal when their definitions are.
///
/// # Example
/// ```
/// use aduan_core::calendar::Calendar;
/// use chrono::NaiveDate;
/// let calendar = Calendar::indonesia();
/// let election_day = NaiveDate::from_ymd_opt(2024, 2, 14).unwrap();
/// assert!(!calendar.is_working_day(election_day).unwrap());
/// assert_eq!(calendar.holiday(election_day).unwrap().name, "Pemilihan Umum 2024");
/// ```
#[derive(Clone)]
pub struct Calendar {
    /// The definition, holidays sorted by date.
    spec: CalendarSpec,
    first: NaiveDate,
    last: NaiveDate,
    /// Day offset of 1 January of `first_year + i`, for `i` in
    /// `0..=last_year - first_year + 1`: turns a date into an offset with one
    /// lookup, and the last entry is the number of days.
    year_start: Box<[u32]>,
    /// `prefix[i]` is the number of working days among offsets `0..i`, for
    /// `i` in `0..=days`.
    prefix: Box<[u32]>,
    /// The offsets of the working days, ascending: the inverse of `prefix`.
    working: Box<[u32]>,
    /// `first` at 00:00 as a Unix timestamp, as if local time were UTC.
    base_secs: i64,
}

impl fmt::Debug for Calendar {
    /// Shows the range and the number of holidays, not the tables.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Calendar")
            .field("first", &self.first)
            .field("last", &self.last)
            .field("weekend", &self.spec.weekend)
            .field("holidays", &self.spec.holidays.len())
            .finish_non_exhaustive()
    }
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Self) -> bool {
        self.spec == other.spec
    }
}

impl Eq for Calendar {}

impl TryFrom<CalendarSpec> for Calendar {
    type Error = CalendarError;

    fn try_from(spec: CalendarSpec) -> Result<Self, Self::Error> {
        Self::build(spec)
    }
}

impl Calendar {
    /// Validates a definition and builds the calendar's tables.
    ///
    /// # Errors
    /// - [`CalendarError::InvalidYears`] if a year is outside 1–9999 or
    ///   `first_year > last_year`;
    /// - [`CalendarError::SpanTooLong`] beyond [`MAX_SPAN_YEARS`] years;
    /// - [`CalendarError::InvalidWeekend`] if all seven days are weekend;
    /// - [`CalendarError::HolidayOutOfRange`], [`CalendarError::EmptyName`],
    ///   [`CalendarError::DuplicateDate`] for a bad holiday.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::{Calendar, CalendarSpec};
    /// use chrono::Weekday;
    /// let mut spec = CalendarSpec {
    ///     first_year: 2025,
    ///     last_year: 2025,
    ///     weekend: vec![Weekday::Fri],
    ///     holidays: vec![],
    /// };
    /// assert!(Calendar::new(&spec).is_ok());
    /// spec.last_year = 2024;
    /// assert_eq!(Calendar::new(&spec).unwrap_err().code(), "calendar.invalid_years");
    /// ```
    pub fn new(spec: &CalendarSpec) -> Result<Self, CalendarError> {
        Self::build(spec.clone())
    }

    /// Parses a definition in the [data format](self#data-format) and builds
    /// the calendar.
    ///
    /// # Errors
    /// [`CalendarError::InvalidSpec`] if the JSON does not match the format,
    /// and any error of [`Calendar::new`].
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// let calendar = Calendar::from_json(r#"{"first_year": 2025, "last_year": 2026}"#).unwrap();
    /// assert_eq!(calendar.first_date().to_string(), "2025-01-01");
    /// let err = Calendar::from_json(r#"{"first_year": 2025}"#).unwrap_err();
    /// assert_eq!(err.code(), "calendar.invalid_spec");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, CalendarError> {
        let spec: CalendarSpec =
            serde_json::from_str(json).map_err(|e| CalendarError::InvalidSpec {
                reason: e.to_string(),
            })?;
        Self::build(spec)
    }

    /// The calendar shipped with the crate ([`INDONESIA_JSON`]): Indonesia's
    /// national holidays and cuti bersama of 2024–2026, weekend Saturday and
    /// Sunday. Each call parses and builds it afresh, so build it once and
    /// share it.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// let calendar = Calendar::indonesia();
    /// assert_eq!(calendar.first_date().to_string(), "2024-01-01");
    /// assert_eq!(calendar.last_date().to_string(), "2026-12-31");
    /// ```
    #[must_use]
    pub fn indonesia() -> Self {
        Self::from_json(INDONESIA_JSON).expect("the embedded calendar is valid (tested)")
    }

    fn build(mut spec: CalendarSpec) -> Result<Self, CalendarError> {
        let (first_year, last_year) = (spec.first_year, spec.last_year);
        let years_ok = (MIN_YEAR..=MAX_YEAR).contains(&first_year)
            && (MIN_YEAR..=MAX_YEAR).contains(&last_year)
            && first_year <= last_year;
        if !years_ok {
            return Err(CalendarError::InvalidYears {
                first_year,
                last_year,
            });
        }
        if last_year - first_year + 1 > MAX_SPAN_YEARS {
            return Err(CalendarError::SpanTooLong {
                first_year,
                last_year,
            });
        }
        let mut weekend = [false; 7];
        for day in &spec.weekend {
            weekend[day.num_days_from_monday() as usize] = true;
        }
        if weekend.iter().all(|&w| w) {
            return Err(CalendarError::InvalidWeekend);
        }
        for holiday in &spec.holidays {
            if !(first_year..=last_year).contains(&holiday.date.year()) {
                return Err(CalendarError::HolidayOutOfRange {
                    date: holiday.date,
                    first_year,
                    last_year,
                });
            }
            if holiday.name.trim().is_empty() {
                return Err(CalendarError::EmptyName { date: holiday.date });
            }
        }
        spec.holidays.sort_by_key(|h| h.date);
        if let Some(pair) = spec
            .holidays
            .windows(2)
            .find(|pair| pair[0].date == pair[1].date)
        {
            return Err(CalendarError::DuplicateDate { date: pair[0].date });
        }

        let jan_1 = |year| NaiveDate::from_ymd_opt(year, 1, 1).expect("years 1..=10000 exist");
        let first = jan_1(first_year);
        let end = jan_1(last_year + 1);
        let offset_of = |date: NaiveDate| {
            u32::try_from((date - first).num_days()).expect("at most 200 years of days")
        };
        let year_start: Box<[u32]> = (first_year..=last_year + 1)
            .map(|year| offset_of(jan_1(year)))
            .collect();
        let days = offset_of(end) as usize;

        let mut closed = vec![false; days];
        for holiday in &spec.holidays {
            closed[offset_of(holiday.date) as usize] = true;
        }
        let mut prefix = Vec::with_capacity(days + 1);
        let mut working = Vec::new();
        prefix.push(0);
        let mut weekday = first.weekday();
        for (offset, &is_holiday) in (0u32..).zip(&closed) {
            if !is_holiday && !weekend[weekday.num_days_from_monday() as usize] {
                working.push(offset);
            }
            prefix.push(u32::try_from(working.len()).expect("at most 200 years of days"));
            weekday = weekday.succ();
        }

        Ok(Self {
            base_secs: first
                .and_hms_opt(0, 0, 0)
                .expect("midnight exists")
                .and_utc()
                .timestamp(),
            last: end.pred_opt().expect("the year before 10000 exists"),
            first,
            year_start,
            prefix: prefix.into_boxed_slice(),
            working: working.into_boxed_slice(),
            spec,
        })
    }

    /// The first date covered: 1 January of the first year.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// assert_eq!(Calendar::indonesia().first_date().to_string(), "2024-01-01");
    /// ```
    #[must_use]
    pub fn first_date(&self) -> NaiveDate {
        self.first
    }

    /// The last date covered: 31 December of the last year.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// assert_eq!(Calendar::indonesia().last_date().to_string(), "2026-12-31");
    /// ```
    #[must_use]
    pub fn last_date(&self) -> NaiveDate {
        self.last
    }

    /// The definition the calendar was built from, holidays sorted by date;
    /// serialise it to store or edit the calendar.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// let calendar = Calendar::indonesia();
    /// let json = serde_json::to_string(calendar.spec()).unwrap();
    /// assert_eq!(Calendar::from_json(&json).unwrap(), calendar);
    /// ```
    #[must_use]
    pub fn spec(&self) -> &CalendarSpec {
        &self.spec
    }

    /// The holiday on `date`, if any; `None` for dates outside the calendar.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::{Calendar, HolidayKind};
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let h = calendar.holiday(NaiveDate::from_ymd_opt(2025, 8, 18).unwrap()).unwrap();
    /// assert_eq!(h.kind, HolidayKind::CutiBersama);
    /// assert!(calendar.holiday(NaiveDate::from_ymd_opt(2025, 8, 19).unwrap()).is_none());
    /// ```
    #[must_use]
    pub fn holiday(&self, date: NaiveDate) -> Option<&Holiday> {
        let holidays = &self.spec.holidays;
        holidays
            .binary_search_by_key(&date, |h| h.date)
            .ok()
            .map(|i| &holidays[i])
    }

    /// Every holiday, in date order.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::{Calendar, HolidayKind};
    /// let calendar = Calendar::indonesia();
    /// let cuti_2025 = calendar
    ///     .holidays()
    ///     .filter(|h| h.kind == HolidayKind::CutiBersama && h.date.format("%Y").to_string() == "2025")
    ///     .count();
    /// assert_eq!(cuti_2025, 11);
    /// ```
    pub fn holidays(&self) -> std::slice::Iter<'_, Holiday> {
        self.spec.holidays.iter()
    }

    /// Whether `date` is a working day: not a weekend day, not a holiday.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if `date` is outside
    /// [`first_date`](Self::first_date)..=[`last_date`](Self::last_date).
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(calendar.is_working_day(date(2025, 8, 19)).unwrap());
    /// assert!(!calendar.is_working_day(date(2025, 8, 18)).unwrap()); // cuti bersama
    /// assert!(!calendar.is_working_day(date(2025, 8, 16)).unwrap()); // Saturday
    /// assert!(calendar.is_working_day(date(2027, 1, 4)).is_err());
    /// ```
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        let i = self.day_index(date)?;
        Ok(self.prefix[i + 1] != self.prefix[i])
    }

    /// The number of working days in `[start, end)`, negative when `end` is
    /// before `start` (then it counts `[end, start)`): the semantics of
    /// `numpy.busday_count`.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if either bound is outside
    /// [`first_date`](Self::first_date) to the day after
    /// [`last_date`](Self::last_date) (an exclusive bound may be that day).
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Idulfitri 2025: from Friday 28 March to Monday 7 April nobody works.
    /// assert_eq!(calendar.working_days_between(date(2025, 3, 27), date(2025, 4, 9)), Ok(2));
    /// assert_eq!(calendar.working_days_between(date(2025, 4, 9), date(2025, 3, 27)), Ok(-2));
    /// assert_eq!(calendar.working_days_between(date(2024, 1, 1), date(2027, 1, 1)), Ok(715));
    /// ```
    pub fn working_days_between(
        &self,
        start: NaiveDate,
        end: NaiveDate,
    ) -> Result<i64, CalendarError> {
        let start = self.bound_index(start)?;
        let end = self.bound_index(end)?;
        Ok(i64::from(self.prefix[end]) - i64::from(self.prefix[start]))
    }

    /// Moves by working days. For `n >= 1`, the `n`-th working day strictly
    /// after `date`; for `n = 0`, `date` itself if it is a working day, else
    /// the next working day (roll forward); for `n <= -1`, the `|n|`-th
    /// working day strictly before `date`. Accepts an `i64` or [`WorkingDays`].
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if `date` is outside the calendar;
    /// [`CalendarError::BeyondRange`] if the answer would be.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::{Calendar, WorkingDays};
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // Friday 5 April 2024, then Lebaran: five working days later is 22 April.
    /// assert_eq!(calendar.add_working_days(date(2024, 4, 5), WorkingDays::new(5)), Ok(date(2024, 4, 22)));
    /// assert_eq!(calendar.add_working_days(date(2025, 3, 29), 0), Ok(date(2025, 4, 8)));
    /// assert_eq!(calendar.add_working_days(date(2025, 4, 8), -1), Ok(date(2025, 3, 27)));
    /// assert!(calendar.add_working_days(date(2026, 12, 31), 1).is_err());
    /// ```
    pub fn add_working_days(
        &self,
        date: NaiveDate,
        n: impl Into<i64>,
    ) -> Result<NaiveDate, CalendarError> {
        let i = self.day_index(date)?;
        let n = n.into();
        // The rank (in `working`) of the answer: working days before `date`
        // are ranked 0..prefix[i], and `date` itself, if working, is prefix[i].
        let rank = match n {
            1.. => i64::from(self.prefix[i + 1]).saturating_add(n - 1),
            0 => i64::from(self.prefix[i]),
            _ => i64::from(self.prefix[i]) + n,
        };
        usize::try_from(rank)
            .ok()
            .and_then(|rank| self.working.get(rank))
            .map(|&offset| self.date_at(offset))
            .ok_or_else(|| self.beyond_range(date))
    }

    /// The working seconds in `[from, to)`: the part of it that falls on
    /// working days in `zone`; 0 if `to <= from`.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if `from` or `to` is before the start of
    /// [`first_date`](Self::first_date) or after the end of
    /// [`last_date`](Self::last_date) in `zone`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{calendar::Calendar, Zone};
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let wita = |d, h| Zone::WITA.to_utc(NaiveDate::from_ymd_opt(2025, 7, d).unwrap().and_hms_opt(h, 0, 0).unwrap());
    /// // Friday 12:00 to Monday 12:00: half of Friday and half of Monday.
    /// assert_eq!(calendar.working_seconds_between(Zone::WITA, wita(4, 12), wita(7, 12)), Ok(86_400));
    /// ```
    pub fn working_seconds_between(
        &self,
        zone: Zone,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
    ) -> Result<i64, CalendarError> {
        self.working_seconds_excluding(zone, from, to, &[])
    }

    /// The working seconds in `[from, to)` outside the `pauses` (each a
    /// half-open interval `(start, end)`), e.g. while a complaint waits for
    /// its reporter. Pauses may be unsorted, overlap, be empty or reach
    /// outside `[from, to)`, even outside the calendar: they are clipped and
    /// merged, and a second counts once however many pauses cover it.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] as for
    /// [`working_seconds_between`](Self::working_seconds_between); the pauses
    /// never cause an error.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{calendar::Calendar, Zone};
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let wita = |d, h| Zone::WITA.to_utc(NaiveDate::from_ymd_opt(2025, 7, d).unwrap().and_hms_opt(h, 0, 0).unwrap());
    /// // Monday 10:00 to Thursday 10:00 is three working days; on hold all Tuesday.
    /// let pauses = [(wita(8, 0), wita(9, 0)), (wita(8, 6), wita(8, 12))];
    /// assert_eq!(calendar.working_seconds_excluding(Zone::WITA, wita(7, 10), wita(10, 10), &pauses), Ok(2 * 86_400));
    /// ```
    pub fn working_seconds_excluding(
        &self,
        zone: Zone,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> Result<i64, CalendarError> {
        let from = self.local_secs(zone, from)?;
        let to = self.local_secs(zone, to)?;
        if to <= from {
            return Ok(0);
        }
        let paused: i64 = self
            .merged_pauses(zone, pauses, from, to)
            .iter()
            .map(|&(start, end)| self.worked(end) - self.worked(start))
            .sum();
        Ok(self.worked(to) - self.worked(from) - paused)
    }

    /// The earliest instant `t >= from` such that `[from, t)` holds `secs`
    /// working seconds in `zone`: the due time of a limit of working time.
    /// When `from` is not on a working day, time starts at the next working
    /// day's midnight; a limit that ends with a working day ends at the
    /// following midnight, not at the start of the next working day.
    /// Negative `secs` go back: the latest `t <= from` such that `[t, from)`
    /// holds `-secs` working seconds.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if `from` is outside the calendar in
    /// `zone`; [`CalendarError::BeyondRange`] if the answer would be.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{calendar::{Calendar, WorkingDays}, Zone};
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let wita = |d, h| Zone::WITA.to_utc(NaiveDate::from_ymd_opt(2025, 7, d).unwrap().and_hms_opt(h, 0, 0).unwrap());
    /// let three_days = WorkingDays::new(3).seconds();
    /// // From Monday 7 July 10:00, three working days end on Thursday 10:00.
    /// assert_eq!(calendar.add_working_seconds(Zone::WITA, wita(7, 10), three_days), Ok(wita(10, 10)));
    /// // From Saturday, they end as Wednesday does: Thursday 00:00.
    /// assert_eq!(calendar.add_working_seconds(Zone::WITA, wita(5, 10), three_days), Ok(wita(10, 0)));
    /// ```
    pub fn add_working_seconds(
        &self,
        zone: Zone,
        from: DateTime<Utc>,
        secs: i64,
    ) -> Result<DateTime<Utc>, CalendarError> {
        self.add_working_seconds_excluding(zone, from, secs, &[])
    }

    /// Like [`add_working_seconds`](Self::add_working_seconds), but the
    /// seconds inside `pauses` do not count (clipped and merged as in
    /// [`working_seconds_excluding`](Self::working_seconds_excluding)): the
    /// due time of a clock that stops while a complaint is on hold.
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if `from` is outside the calendar in
    /// `zone`; [`CalendarError::BeyondRange`] if the answer would be.
    ///
    /// # Example
    /// ```
    /// use aduan_core::{calendar::Calendar, Zone};
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let wita = |d, h| Zone::WITA.to_utc(NaiveDate::from_ymd_opt(2025, 7, d).unwrap().and_hms_opt(h, 0, 0).unwrap());
    /// // Three working days from Monday 10:00, on hold all Tuesday: Friday 10:00.
    /// let on_hold = [(wita(8, 0), wita(9, 0))];
    /// let due = calendar.add_working_seconds_excluding(Zone::WITA, wita(7, 10), 3 * 86_400, &on_hold);
    /// assert_eq!(due, Ok(wita(11, 10)));
    /// ```
    pub fn add_working_seconds_excluding(
        &self,
        zone: Zone,
        from: DateTime<Utc>,
        secs: i64,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> Result<DateTime<Utc>, CalendarError> {
        let start = self.local_secs(zone, from)?;
        let found = match secs {
            0 => return Ok(from),
            1.. => self.forward(
                start,
                secs,
                &self.merged_pauses(zone, pauses, start, self.total_secs()),
            ),
            _ => self.backward(
                start,
                secs.checked_neg().unwrap_or(i64::MAX),
                &self.merged_pauses(zone, pauses, 0, start),
            ),
        };
        let local = found.ok_or_else(|| self.beyond_range(zone.local_date(from)))?;
        let utc = local + self.base_secs - i64::from(zone.offset_seconds());
        Ok(DateTime::from_timestamp(utc, 0).expect("instants inside the calendar exist"))
    }

    /// Index of `date` into the day tables, for a date that must be covered.
    fn day_index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        match self.offset(date) {
            Some(i) if i < self.days() => Ok(i),
            _ => Err(self.out_of_range(date)),
        }
    }

    /// Index of `date` as an exclusive bound: the day after the last is fine.
    fn bound_index(&self, date: NaiveDate) -> Result<usize, CalendarError> {
        self.offset(date).ok_or_else(|| self.out_of_range(date))
    }

    /// The day offset of `date` from `first`, if it is within `0..=days`.
    #[inline]
    fn offset(&self, date: NaiveDate) -> Option<usize> {
        // Year and ordinal are bit fields of a chrono date, so this is two
        // loads and an add; the range check on the year also rejects years
        // before `first_year` because the subtraction wraps to a huge index.
        let year = date.year().wrapping_sub(self.spec.first_year) as u32 as usize;
        let offset = *self.year_start.get(year)? as usize + date.ordinal0() as usize;
        (offset <= self.days()).then_some(offset)
    }

    fn days(&self) -> usize {
        self.prefix.len() - 1
    }

    fn date_at(&self, offset: u32) -> NaiveDate {
        self.first
            .checked_add_days(Days::new(u64::from(offset)))
            .expect("offsets are inside the calendar")
    }

    /// The seconds from the start of the calendar to its end, in local time.
    fn total_secs(&self) -> i64 {
        self.days() as i64 * DAY
    }

    /// `at` as seconds of local time since the start of the calendar.
    fn raw_local_secs(&self, zone: Zone, at: DateTime<Utc>) -> i64 {
        at.timestamp() + i64::from(zone.offset_seconds()) - self.base_secs
    }

    /// `at` as local seconds, which must be within the calendar (its end
    /// included, as an exclusive bound).
    fn local_secs(&self, zone: Zone, at: DateTime<Utc>) -> Result<i64, CalendarError> {
        let secs = self.raw_local_secs(zone, at);
        if (0..=self.total_secs()).contains(&secs) {
            Ok(secs)
        } else {
            Err(self.out_of_range(zone.local_date(at)))
        }
    }

    /// The working seconds in `[0, x)` of local time, for `x` in the
    /// calendar: a continuous, non-decreasing function, which is what makes
    /// both counting and its inverse O(1).
    #[inline]
    fn worked(&self, x: i64) -> i64 {
        let day = (x / DAY) as usize;
        let into = x % DAY;
        let before = i64::from(self.prefix[day]) * DAY;
        // `into > 0` first: at the very end of the calendar `day + 1` is past the table.
        if into > 0 && self.prefix[day + 1] != self.prefix[day] {
            before + into
        } else {
            before
        }
    }

    /// The earliest `x` with `worked(x) == target`, for `target > 0`.
    fn earliest_with(&self, target: i64) -> Option<i64> {
        let (full_days, into) = (target / DAY, target % DAY);
        if into == 0 {
            // The end of the last working day counted, not the start of the next one.
            let rank = usize::try_from(full_days - 1).ok()?;
            Some((i64::from(*self.working.get(rank)?) + 1) * DAY)
        } else {
            let rank = usize::try_from(full_days).ok()?;
            Some(i64::from(*self.working.get(rank)?) * DAY + into)
        }
    }

    /// The latest `x` with `worked(x) == target`, for `0 <= target` below the
    /// calendar's total working time.
    fn latest_with(&self, target: i64) -> Option<i64> {
        let rank = usize::try_from(target / DAY).ok()?;
        Some(i64::from(*self.working.get(rank)?) * DAY + target % DAY)
    }

    /// Walks forward from `start` through the gaps between `pauses` (sorted,
    /// merged, all at or after `start`) until `secs > 0` seconds are used up.
    fn forward(&self, start: i64, secs: i64, pauses: &[(i64, i64)]) -> Option<i64> {
        let (mut cursor, mut remaining) = (start, secs);
        for &(pause_start, pause_end) in pauses {
            let available = self.worked(pause_start) - self.worked(cursor);
            if remaining <= available {
                return self.earliest_with(self.worked(cursor) + remaining);
            }
            remaining -= available;
            cursor = pause_end;
        }
        self.earliest_with(self.worked(cursor).checked_add(remaining)?)
    }

    /// The mirror of [`forward`](Self::forward): walks back from `start`
    /// through pauses all at or before it.
    fn backward(&self, start: i64, secs: i64, pauses: &[(i64, i64)]) -> Option<i64> {
        let (mut cursor, mut remaining) = (start, secs);
        for &(pause_start, pause_end) in pauses.iter().rev() {
            let available = self.worked(cursor) - self.worked(pause_end);
            if remaining <= available {
                return self.latest_with(self.worked(cursor) - remaining);
            }
            remaining -= available;
            cursor = pause_start;
        }
        let target = self.worked(cursor) - remaining;
        if target < 0 {
            None
        } else {
            self.latest_with(target)
        }
    }

    /// The pauses as local seconds clipped to `[low, high)`, sorted, with
    /// overlapping or touching ones merged and empty ones dropped.
    fn merged_pauses(
        &self,
        zone: Zone,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
        low: i64,
        high: i64,
    ) -> Vec<(i64, i64)> {
        let mut clipped: Vec<(i64, i64)> = pauses
            .iter()
            .map(|&(start, end)| {
                (
                    self.raw_local_secs(zone, start).max(low),
                    self.raw_local_secs(zone, end).min(high),
                )
            })
            .filter(|(start, end)| start < end)
            .collect();
        clipped.sort_unstable();
        let mut merged: Vec<(i64, i64)> = Vec::with_capacity(clipped.len());
        for (start, end) in clipped {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        merged
    }

    #[cold]
    fn out_of_range(&self, date: NaiveDate) -> CalendarError {
        CalendarError::OutOfRange {
            date,
            first: self.first,
            last: self.last,
        }
    }

    #[cold]
    fn beyond_range(&self, from: NaiveDate) -> CalendarError {
        CalendarError::BeyondRange {
            from,
            first: self.first,
            last: self.last,
        }
    }
}

/// What can go wrong defining or using a working-day calendar.
///
/// Each kind has a stable [`code`](Self::code) and a bilingual
/// [`message`](Self::message) naming the date or limit involved.
///
/// # Example
/// ```
/// use aduan_core::calendar::Calendar;
/// use chrono::NaiveDate;
/// let err = Calendar::indonesia().is_working_day(NaiveDate::from_ymd_opt(2027, 1, 3).unwrap()).unwrap_err();
/// assert_eq!(err.code(), "calendar.out_of_range");
/// assert_eq!(
///     err.message().id,
///     "Tanggal 3 Januari 2027 di luar kalender kerja (1 Januari 2024 – 31 Desember 2026)",
/// );
/// ```
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum CalendarError {
    /// A date (or the local date of an instant) the calendar does not cover.
    OutOfRange {
        /// The date asked about.
        date: NaiveDate,
        /// The first date covered.
        first: NaiveDate,
        /// The last date covered.
        last: NaiveDate,
    },
    /// Counting from a covered date ends past either end of the calendar.
    BeyondRange {
        /// The date counting started from (local date for instants).
        from: NaiveDate,
        /// The first date covered.
        first: NaiveDate,
        /// The last date covered.
        last: NaiveDate,
    },
    /// The definition does not match the data format (bad JSON, a missing or
    /// unknown field, an unknown weekday or kind, a malformed date).
    InvalidSpec {
        /// The parser's explanation, in English.
        reason: String,
    },
    /// A year outside 1–9999, or the first year after the last.
    InvalidYears {
        /// The first year given.
        first_year: i32,
        /// The last year given.
        last_year: i32,
    },
    /// The calendar would cover more than [`MAX_SPAN_YEARS`] years.
    SpanTooLong {
        /// The first year given.
        first_year: i32,
        /// The last year given.
        last_year: i32,
    },
    /// The weekend has all seven days, leaving no working day at all.
    InvalidWeekend,
    /// A holiday outside the calendar's years.
    HolidayOutOfRange {
        /// The holiday's date.
        date: NaiveDate,
        /// The first year covered.
        first_year: i32,
        /// The last year covered.
        last_year: i32,
    },
    /// Two holidays on the same date.
    DuplicateDate {
        /// The date given twice.
        date: NaiveDate,
    },
    /// A holiday without a name.
    EmptyName {
        /// The holiday's date.
        date: NaiveDate,
    },
}

impl fmt::Display for CalendarError {
    /// Both languages, as [`Text`] displays them.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.message())
    }
}

impl CalendarError {
    /// The stable machine code, e.g. `calendar.out_of_range`.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// let err = Calendar::from_json(r#"{"first_year": 2026, "last_year": 2025}"#).unwrap_err();
    /// assert_eq!(err.code(), "calendar.invalid_years");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::OutOfRange { .. } => "calendar.out_of_range",
            Self::BeyondRange { .. } => "calendar.result_out_of_range",
            Self::InvalidSpec { .. } => "calendar.invalid_spec",
            Self::InvalidYears { .. } => "calendar.invalid_years",
            Self::SpanTooLong { .. } => "calendar.span_too_long",
            Self::InvalidWeekend => "calendar.invalid_weekend",
            Self::HolidayOutOfRange { .. } => "calendar.holiday_out_of_range",
            Self::DuplicateDate { .. } => "calendar.duplicate_date",
            Self::EmptyName { .. } => "calendar.empty_name",
        }
    }

    /// The message in Indonesian and English, naming the date or limit.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// let err = Calendar::from_json(r#"{"first_year": 2024, "last_year": 2024,
    ///     "holidays": [{"date": "2025-01-01", "kind": "libur_nasional", "name": "Tahun Baru"}]}"#).unwrap_err();
    /// assert_eq!(err.message().en, "The holiday on 1 January 2025 is outside the calendar's years 2024–2024");
    /// ```
    #[must_use]
    pub fn message(&self) -> Text {
        match self {
            Self::OutOfRange { date, first, last } => Text::new(
                format!(
                    "Tanggal {} di luar kalender kerja ({})",
                    tanggal(*date),
                    rentang(*first, *last)
                ),
                format!(
                    "The date {} is outside the working-day calendar ({})",
                    date_en(*date),
                    range_en(*first, *last)
                ),
            ),
            Self::BeyondRange { from, first, last } => Text::new(
                format!(
                    "Hitungan hari kerja dari {} melewati batas kalender kerja ({})",
                    tanggal(*from),
                    rentang(*first, *last)
                ),
                format!(
                    "Counting working days from {} goes past the working-day calendar ({})",
                    date_en(*from),
                    range_en(*first, *last)
                ),
            ),
            Self::InvalidSpec { reason } => Text::new(
                format!("Definisi kalender kerja tidak sesuai format: {reason}"),
                format!("The working-day calendar definition does not match the format: {reason}"),
            ),
            Self::InvalidYears {
                first_year,
                last_year,
            } => Text::new(
                format!(
                    "Tahun kalender {first_year}–{last_year} tidak valid: tahun harus antara {MIN_YEAR} dan {MAX_YEAR}, tahun awal tidak melebihi tahun akhir"
                ),
                format!(
                    "Calendar years {first_year}–{last_year} are invalid: years must be between {MIN_YEAR} and {MAX_YEAR}, the first no later than the last"
                ),
            ),
            Self::SpanTooLong {
                first_year,
                last_year,
            } => Text::new(
                format!(
                    "Kalender {first_year}–{last_year} mencakup {} tahun; paling banyak {MAX_SPAN_YEARS} tahun",
                    i64::from(*last_year) - i64::from(*first_year) + 1
                ),
                format!(
                    "Calendar {first_year}–{last_year} covers {} years; at most {MAX_SPAN_YEARS} years are allowed",
                    i64::from(*last_year) - i64::from(*first_year) + 1
                ),
            ),
            Self::InvalidWeekend => Text::new(
                "Akhir pekan tidak boleh mencakup ketujuh hari: minimal satu hari harus hari kerja",
                "The weekend cannot cover all seven days: at least one day must be a working day",
            ),
            Self::HolidayOutOfRange {
                date,
                first_year,
                last_year,
            } => Text::new(
                format!(
                    "Hari libur {} di luar tahun kalender {first_year}–{last_year}",
                    tanggal(*date)
                ),
                format!(
                    "The holiday on {} is outside the calendar's years {first_year}–{last_year}",
                    date_en(*date)
                ),
            ),
            Self::DuplicateDate { date } => Text::new(
                format!(
                    "Tanggal {} tercantum lebih dari sekali sebagai hari libur",
                    tanggal(*date)
                ),
                format!(
                    "The date {} is listed more than once as a holiday",
                    date_en(*date)
                ),
            ),
            Self::EmptyName { date } => Text::new(
                format!("Hari libur {} harus diberi nama", tanggal(*date)),
                format!("The holiday on {} needs a name", date_en(*date)),
            ),
        }
    }

    /// Whether a date, an instant or a result falls outside the calendar's
    /// range ([`OutOfRange`](Self::OutOfRange) or
    /// [`BeyondRange`](Self::BeyondRange)), as opposed to a bad definition:
    /// the caller may need a calendar with more years.
    ///
    /// # Example
    /// ```
    /// use aduan_core::calendar::Calendar;
    /// use chrono::NaiveDate;
    /// let calendar = Calendar::indonesia();
    /// let last = calendar.last_date();
    /// assert!(calendar.add_working_days(last, 1).unwrap_err().is_out_of_range());
    /// ```
    #[must_use]
    pub fn is_out_of_range(&self) -> bool {
        matches!(self, Self::OutOfRange { .. } | Self::BeyondRange { .. })
    }
}

// The `format` module is written in parallel; these two helpers are all the
// calendar's messages need, so they stay private here rather than wait.
const BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];
const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "3 Januari 2027".
fn tanggal(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        BULAN[date.month0() as usize],
        date.year()
    )
}

/// "3 January 2027".
fn date_en(date: NaiveDate) -> String {
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

fn rentang(first: NaiveDate, last: NaiveDate) -> String {
    format!("{} – {}", tanggal(first), tanggal(last))
}

fn range_en(first: NaiveDate, last: NaiveDate) -> String {
    format!("{} – {}", date_en(first), date_en(last))
}
