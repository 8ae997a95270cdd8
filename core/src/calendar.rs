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
///
/// # Example
/// ```
/// use aduan_core::calendar::{SECONDS_PER_WORKING_DAY, WorkingDays};
/// assert_eq!(WorkingDays::new(1).seconds(), SECONDS_PER_WORKING_DAY);
/// ```
pub const SECONDS_PER_WORKING_DAY: i64 = 86_400;

/// The most years one calendar may cover, which bounds its tables to about
/// 73,000 days (under 600 KiB).
///
/// # Example
/// ```
/// use aduan_core::calendar::{Calendar, MAX_SPAN_YEARS};
/// assert_eq!(MAX_SPAN_YEARS, 200);
/// let err = Calendar::from_json(r#"{"first_year": 1900, "last_year": 2100}"#).unwrap_err();
/// assert_eq!(err.code(), "calendar.span_too_long");
/// ```
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
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize)]
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
            serde_json::from_str(json).map_err(|e| CalendarError::InvalidSpec { reason: e.to_string() })?;
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
            return Err(CalendarError::InvalidYears { first_year, last_year });
        }
        if last_year - first_year + 1 > MAX_SPAN_YEARS {
            return Err(CalendarError::SpanTooLong { first_year, last_year });
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
                return Err(CalendarError::HolidayOutOfRange { date: holiday.date, first_year, last_year });
            }
            if holiday.name.trim().is_empty() {
                return Err(CalendarError::EmptyName { date: holiday.date });
            }
        }
        spec.holidays.sort_by_key(|h| h.date);
        if let Some(pair) = spec.holidays.windows(2).find(|pair| pair[0].date == pair[1].date) {
            return Err(CalendarError::DuplicateDate { date: pair[0].date });
        }

        let jan_1 = |year| NaiveDate::from_ymd_opt(year, 1, 1).expect("years 1..=10000 exist");
        let first = jan_1(first_year);
        let end = jan_1(last_year + 1);
        let offset_of =
            |date: NaiveDate| u32::try_from((date - first).num_days()).expect("at most 200 years of days");
        let year_start: Box<[u32]> =
            (first_year..=last_year + 1).map(|year| offset_of(jan_1(year))).collect();
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
            base_secs: first.and_hms_opt(0, 0, 0).expect("midnight exists").and_utc().timestamp(),
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
        holidays.binary_search_by_key(&date, |h| h.date).ok().map(|i| &holidays[i])
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

    /// The number of working days in `[start, end)` when `start <= end`;
    /// when `end < start`, minus the number in `(end, start]`. This is
    /// exactly `numpy.busday_count`, including its convention for reversed
    /// bounds (both shift by one day), so swapping the arguments does not
    /// always just negate the count: 27 → 28 March 2025 counts 1 (the 27th
    /// works) but 28 → 27 March counts 0 (the 28th is cuti bersama).
    ///
    /// # Errors
    /// [`CalendarError::OutOfRange`] if a day that would be counted or a
    /// bound is outside the calendar: for `start <= end` both must lie in
    /// [`first_date`](Self::first_date) to the day after
    /// [`last_date`](Self::last_date); for `end < start`, `start` must be
    /// covered and `end` may be as early as the day before `first_date`.
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
    /// assert_eq!(calendar.working_days_between(date(2025, 3, 28), date(2025, 3, 27)), Ok(0));
    /// assert_eq!(calendar.working_days_between(date(2024, 1, 1), date(2027, 1, 1)), Ok(715));
    /// assert!(calendar.working_days_between(date(2027, 1, 1), date(2024, 1, 1)).is_err());
    /// ```
    pub fn working_days_between(&self, start: NaiveDate, end: NaiveDate) -> Result<i64, CalendarError> {
        if let (Some(s), Some(e)) = (self.offset(start), self.offset(end)) {
            // Written so that the direction needs no branch: random
            // directions are what a batch of pairs brings.
            let reversed = e < s;
            let (low, high) = if reversed { (e + 1, s + 1) } else { (s, e) };
            if high <= self.days() {
                let count = i64::from(self.prefix[high]) - i64::from(self.prefix[low]);
                return Ok(if reversed { -count } else { count });
            }
        }
        self.working_days_between_at_edges(start, end)
    }

    /// [`working_days_between`](Self::working_days_between) for bounds on or
    /// past an edge of the calendar: an error naming the bad date, or a
    /// reversed range ending the day before the first date.
    #[cold]
    fn working_days_between_at_edges(&self, start: NaiveDate, end: NaiveDate) -> Result<i64, CalendarError> {
        if start <= end {
            let (s, e) = (self.bound_index(start)?, self.bound_index(end)?);
            return Ok(i64::from(self.prefix[e]) - i64::from(self.prefix[s]));
        }
        let s = self.day_index(start)?;
        let e = end.succ_opt().and_then(|after| self.offset(after)).ok_or_else(|| self.out_of_range(end))?;
        Ok(i64::from(self.prefix[e]) - i64::from(self.prefix[s + 1]))
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
    pub fn add_working_days(&self, date: NaiveDate, n: impl Into<i64>) -> Result<NaiveDate, CalendarError> {
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
            1.. => self.forward(start, secs, &self.merged_pauses(zone, pauses, start, self.total_secs())),
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
        self.first.checked_add_days(Days::new(u64::from(offset))).expect("offsets are inside the calendar")
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
            // `Zone::local_date` panics for instants whose local time chrono
            // cannot represent, so the far past and future are named by their
            // UTC date instead.
            let local = at.timestamp().checked_add(i64::from(zone.offset_seconds()));
            let date = local
                .and_then(|secs| DateTime::from_timestamp(secs, 0))
                .map_or_else(|| at.date_naive(), |local| local.date_naive());
            Err(self.out_of_range(date))
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
        if into > 0 && self.prefix[day + 1] != self.prefix[day] { before + into } else { before }
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
        if target < 0 { None } else { self.latest_with(target) }
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
                (self.raw_local_secs(zone, start).max(low), self.raw_local_secs(zone, end).min(high))
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
        CalendarError::OutOfRange { date, first: self.first, last: self.last }
    }

    #[cold]
    fn beyond_range(&self, from: NaiveDate) -> CalendarError {
        CalendarError::BeyondRange { from, first: self.first, last: self.last }
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
                format!("Tanggal {} di luar kalender kerja ({})", tanggal(*date), rentang(*first, *last)),
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
            Self::InvalidYears { first_year, last_year } => Text::new(
                format!(
                    "Tahun kalender {first_year}–{last_year} tidak valid: tahun harus antara {MIN_YEAR} dan {MAX_YEAR}, tahun awal tidak melebihi tahun akhir"
                ),
                format!(
                    "Calendar years {first_year}–{last_year} are invalid: years must be between {MIN_YEAR} and {MAX_YEAR}, the first no later than the last"
                ),
            ),
            Self::SpanTooLong { first_year, last_year } => Text::new(
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
            Self::HolidayOutOfRange { date, first_year, last_year } => Text::new(
                format!("Hari libur {} di luar tahun kalender {first_year}–{last_year}", tanggal(*date)),
                format!(
                    "The holiday on {} is outside the calendar's years {first_year}–{last_year}",
                    date_en(*date)
                ),
            ),
            Self::DuplicateDate { date } => Text::new(
                format!("Tanggal {} tercantum lebih dari sekali sebagai hari libur", tanggal(*date)),
                format!("The date {} is listed more than once as a holiday", date_en(*date)),
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

/// "3 Januari 2027".
fn tanggal(date: NaiveDate) -> String {
    crate::format::date(date, crate::Lang::Id)
}

/// "3 January 2027".
fn date_en(date: NaiveDate) -> String {
    crate::format::date(date, crate::Lang::En)
}

fn rentang(first: NaiveDate, last: NaiveDate) -> String {
    format!("{} – {}", tanggal(first), tanggal(last))
}

fn range_en(first: NaiveDate, last: NaiveDate) -> String {
    format!("{} – {}", date_en(first), date_en(last))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use chrono::{Duration, NaiveDateTime};
    use proptest::prelude::*;

    use super::*;

    /// One operation of a table case, on the Indonesian calendar; instants
    /// are WITA wall-clock times "YYYY-MM-DD HH:MM".
    #[derive(Debug)]
    enum Op {
        IsWorking(&'static str),
        Between(&'static str, &'static str),
        AddDays(&'static str, i64),
        Seconds(&'static str, &'static str, &'static [(&'static str, &'static str)]),
        AddSeconds(&'static str, i64, &'static [(&'static str, &'static str)]),
    }

    fn date(s: &str) -> NaiveDate {
        s.parse().unwrap_or_else(|e| panic!("{s:?}: {e}"))
    }

    fn wita(s: &str) -> DateTime<Utc> {
        let local =
            NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_else(|e| panic!("{s:?}: {e}"));
        Zone::WITA.to_utc(local)
    }

    fn wita_pauses(pauses: &[(&str, &str)]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        pauses.iter().map(|&(a, b)| (wita(a), wita(b))).collect()
    }

    /// Runs each case and compares its rendered result, or its error code.
    fn check(cases: &[(Op, &str)]) {
        let cal = Calendar::indonesia();
        let render = |result: Result<String, CalendarError>| result.unwrap_or_else(|e| e.code().to_owned());
        let local = |t: DateTime<Utc>| Zone::WITA.local(t).format("%Y-%m-%d %H:%M").to_string();
        for (op, want) in cases {
            let got = match op {
                Op::IsWorking(d) => render(cal.is_working_day(date(d)).map(|b| b.to_string())),
                Op::Between(a, b) => {
                    render(cal.working_days_between(date(a), date(b)).map(|n| n.to_string()))
                }
                Op::AddDays(d, n) => render(cal.add_working_days(date(d), *n).map(|d| d.to_string())),
                Op::Seconds(a, b, p) => render(
                    cal.working_seconds_excluding(Zone::WITA, wita(a), wita(b), &wita_pauses(p))
                        .map(|s| s.to_string()),
                ),
                Op::AddSeconds(a, s, p) => render(
                    cal.add_working_seconds_excluding(Zone::WITA, wita(a), *s, &wita_pauses(p)).map(local),
                ),
            };
            assert_eq!(got, *want, "{op:?}");
        }
    }

    #[test]
    #[rustfmt::skip]
    fn is_working_day_table() {
        use Op::IsWorking as W;
        check(&[
            (W("2024-01-01"), "false"), // Tahun Baru, the first date covered
            (W("2024-01-02"), "true"),
            (W("2024-02-13"), "true"),
            (W("2024-02-14"), "false"), // Pemilihan Umum 2024
            (W("2024-02-10"), "false"), // Imlek on a Saturday
            (W("2024-04-15"), "false"), // last cuti bersama of Idulfitri 1445 H
            (W("2024-04-16"), "true"),
            (W("2024-11-27"), "false"), // Pilkada serentak
            (W("2025-03-27"), "true"),
            (W("2025-03-28"), "false"),
            (W("2025-04-07"), "false"),
            (W("2025-04-08"), "true"),
            (W("2025-08-18"), "false"), // added by the August 2025 amendment
            (W("2025-08-19"), "true"),
            (W("2026-12-24"), "false"),
            (W("2026-12-31"), "true"), // the last date covered
            (W("2023-12-31"), "calendar.out_of_range"),
            (W("2027-01-01"), "calendar.out_of_range"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn working_days_between_table() {
        use Op::Between as B;
        check(&[
            (B("2025-03-27", "2025-04-09"), "2"), // 27 Mar and 8 Apr, around Idulfitri 1446 H
            (B("2025-03-28", "2025-04-08"), "0"),
            (B("2025-04-09", "2025-03-27"), "-2"),
            (B("2025-03-27", "2025-03-27"), "0"),
            (B("2025-03-27", "2025-03-28"), "1"),
            (B("2025-03-28", "2025-03-27"), "0"), // numpy's convention: (end, start], so not -1
            (B("2024-02-12", "2024-02-19"), "4"), // election week
            (B("2025-08-11", "2025-08-25"), "9"), // 18 Aug 2025 off
            (B("2024-01-01", "2025-01-01"), "238"),
            (B("2025-01-01", "2026-01-01"), "237"),
            (B("2026-01-01", "2027-01-01"), "240"),
            (B("2024-01-01", "2027-01-01"), "715"),
            (B("2026-12-31", "2023-12-31"), "-715"),
            (B("2026-12-28", "2027-01-01"), "4"), // an exclusive end may be the day after
            (B("2024-01-02", "2023-12-31"), "-1"), // an excluded end may be the day before
            (B("2027-01-01", "2024-01-01"), "calendar.out_of_range"), // would count 1 Jan 2027
            (B("2026-12-28", "2027-01-02"), "calendar.out_of_range"),
            (B("2023-12-29", "2024-01-05"), "calendar.out_of_range"),
            (B("2023-12-31", "2024-01-02"), "calendar.out_of_range"),
            (B("2024-01-02", "2023-12-30"), "calendar.out_of_range"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn add_working_days_table() {
        use Op::AddDays as A;
        check(&[
            (A("2025-03-27", 1), "2025-04-08"),
            (A("2025-03-27", 2), "2025-04-09"),
            (A("2025-03-27", 0), "2025-03-27"),
            (A("2025-03-28", 0), "2025-04-08"), // rolls forward over the whole block
            (A("2025-04-05", 1), "2025-04-08"),
            (A("2025-04-08", -1), "2025-03-27"),
            (A("2025-04-05", -1), "2025-03-27"),
            (A("2024-02-13", 1), "2024-02-15"),
            (A("2024-04-05", 5), "2024-04-22"), // a 5-day SLA across Lebaran 2024
            (A("2025-08-15", 1), "2025-08-19"),
            (A("2025-08-15", 3), "2025-08-21"),
            (A("2024-01-01", 0), "2024-01-02"),
            (A("2026-12-31", 0), "2026-12-31"),
            (A("2026-12-30", 1), "2026-12-31"),
            (A("2024-01-02", -1), "calendar.result_out_of_range"),
            (A("2026-12-30", 2), "calendar.result_out_of_range"),
            (A("2026-12-30", i64::MAX), "calendar.result_out_of_range"),
            (A("2026-12-30", i64::MIN), "calendar.result_out_of_range"),
            (A("2027-01-01", 0), "calendar.out_of_range"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn working_seconds_table() {
        use Op::Seconds as S;
        check(&[
            (S("2025-07-07 10:00", "2025-07-10 10:00", &[]), "259200"),
            (S("2025-07-05 00:00", "2025-07-07 00:00", &[]), "0"), // a weekend
            (S("2025-07-04 12:00", "2025-07-07 12:00", &[]), "86400"),
            (S("2025-03-27 12:00", "2025-04-08 06:00", &[]), "64800"), // 12 h + 6 h across Idulfitri
            (S("2025-07-10 10:00", "2025-07-07 10:00", &[]), "0"),
            (S("2025-07-07 10:00", "2025-07-10 10:00", &[("2025-07-08 00:00", "2025-07-09 00:00")]), "172800"),
            // Unsorted, overlapping, sticking out before `from`, one empty:
            // Mon 10:00–Tue 06:00 and Wed 00:00–18:00 are paused, 20 h + 18 h.
            (S("2025-07-07 10:00", "2025-07-10 10:00", &[
                ("2025-07-09 00:00", "2025-07-09 12:00"),
                ("2025-07-07 00:00", "2025-07-08 06:00"),
                ("2025-07-09 06:00", "2025-07-09 18:00"),
                ("2025-07-09 18:00", "2025-07-09 12:00"),
            ]), "122400"),
            // Nested pauses count once.
            (S("2025-07-07 00:00", "2025-07-08 00:00", &[
                ("2025-07-07 02:00", "2025-07-07 20:00"),
                ("2025-07-07 04:00", "2025-07-07 06:00"),
            ]), "21600"),
            // A pause over the weekend removes nothing.
            (S("2025-07-04 12:00", "2025-07-07 12:00", &[("2025-07-05 00:00", "2025-07-07 00:00")]), "86400"),
            (S("2024-01-01 00:00", "2024-01-02 12:00", &[]), "43200"), // from the very beginning
            (S("2026-12-31 10:00", "2027-01-01 00:00", &[]), "50400"), // to the very end
            (S("2026-12-31 10:00", "2027-01-01 00:01", &[]), "calendar.out_of_range"),
            (S("2023-12-31 23:59", "2024-01-02 00:00", &[]), "calendar.out_of_range"),
            // Pauses outside the calendar are clipped, never an error.
            (S("2026-12-31 10:00", "2027-01-01 00:00", &[("2026-12-31 20:00", "2027-03-01 00:00")]), "36000"),
        ]);
    }

    #[test]
    #[rustfmt::skip]
    fn add_working_seconds_table() {
        use Op::AddSeconds as A;
        const DAYS_3: i64 = 3 * 86_400;
        check(&[
            (A("2025-07-07 10:00", DAYS_3, &[]), "2025-07-10 10:00"),
            (A("2025-07-05 10:00", DAYS_3, &[]), "2025-07-10 00:00"), // from Saturday: end of Wednesday
            (A("2025-07-05 10:00", 1, &[]), "2025-07-07 00:00"),
            (A("2025-07-05 10:00", 0, &[]), "2025-07-05 10:00"),
            (A("2025-03-27 12:00", 43_200, &[]), "2025-03-28 00:00"), // not 8 April 00:00
            (A("2025-03-27 12:00", 43_201, &[]), "2025-04-08 00:00"),
            (A("2025-03-27 12:00", 86_400, &[]), "2025-04-08 12:00"),
            (A("2025-07-07 10:00", DAYS_3, &[("2025-07-08 00:00", "2025-07-09 00:00")]), "2025-07-11 10:00"),
            (A("2025-07-07 10:00", 3_600, &[("2025-07-07 09:00", "2025-07-07 12:00")]), "2025-07-07 13:00"),
            // Used up exactly where a pause starts: the pause does not push it.
            (A("2025-07-07 10:00", 3_600, &[("2025-07-07 11:00", "2025-07-07 12:00")]), "2025-07-07 11:00"),
            (A("2025-07-10 10:00", -DAYS_3, &[]), "2025-07-07 10:00"),
            (A("2025-04-08 06:00", -43_200, &[]), "2025-03-27 18:00"),
            (A("2025-07-07 00:00", -1, &[]), "2025-07-04 23:59"), // 23:59:59, shown to the minute
            (A("2025-07-10 10:00", -DAYS_3, &[("2025-07-08 00:00", "2025-07-09 00:00")]), "2025-07-04 10:00"),
            (A("2026-12-31 10:00", 50_400, &[]), "2027-01-01 00:00"),
            (A("2026-12-31 10:00", 50_401, &[]), "calendar.result_out_of_range"),
            (A("2026-12-31 10:00", i64::MAX, &[]), "calendar.result_out_of_range"),
            (A("2024-01-02 10:00", -36_000, &[]), "2024-01-02 00:00"),
            (A("2024-01-02 10:00", -36_001, &[]), "calendar.result_out_of_range"),
            (A("2024-01-02 10:00", i64::MIN, &[]), "calendar.result_out_of_range"),
            (A("2027-01-01 00:01", 0, &[]), "calendar.out_of_range"),
        ]);
    }

    #[test]
    fn other_zones_judge_dates_locally() {
        let cal = Calendar::indonesia();
        // 16:30 UTC on Tuesday 19 August 2025 is still Tuesday in WIB but
        // Wednesday 00:30 in WITA and WIT; 23:30 UTC on Sunday 17 August is
        // already Monday 18 August (cuti bersama) in all three.
        let at = |s: &str| s.parse::<DateTime<Utc>>().unwrap();
        let hour =
            |zone| cal.working_seconds_between(zone, at("2025-08-19T16:00:00Z"), at("2025-08-19T17:00:00Z"));
        assert_eq!(hour(Zone::WIB), Ok(3600));
        assert_eq!(hour(Zone::WITA), Ok(3600));
        let sunday_night =
            cal.working_seconds_between(Zone::WIB, at("2025-08-17T16:00:00Z"), at("2025-08-18T17:00:00Z"));
        assert_eq!(sunday_night, Ok(0));
        let instant = at("2025-08-19T17:00:00Z");
        assert_eq!(cal.add_working_seconds(Zone::UTC, instant, 3600), Ok(at("2025-08-19T18:00:00Z")));
        // Far-away instants are refused, not overflowed.
        assert!(cal.working_seconds_between(Zone::WIT, DateTime::<Utc>::MIN_UTC, instant).is_err());
        assert!(cal.add_working_seconds(Zone::WIT, DateTime::<Utc>::MAX_UTC, 1).is_err());
        // Sub-second parts are dropped.
        let frac = instant + Duration::milliseconds(999);
        assert_eq!(cal.working_seconds_between(Zone::WIB, instant, frac), Ok(0));
    }

    /// The embedded data against the brief's list (SKB 3 Menteri 2024, 2025
    /// and 2026, with the amendments and the two election days).
    #[test]
    fn indonesia_matches_the_decrees() {
        let libur = "
            2024-01-01 2024-02-08 2024-02-10 2024-02-14 2024-03-11 2024-03-29 2024-03-31
            2024-04-10 2024-04-11 2024-05-01 2024-05-09 2024-05-23 2024-06-01 2024-06-17
            2024-07-07 2024-08-17 2024-09-16 2024-11-27 2024-12-25
            2025-01-01 2025-01-27 2025-01-29 2025-03-29 2025-03-31 2025-04-01 2025-04-18
            2025-04-20 2025-05-01 2025-05-12 2025-05-29 2025-06-01 2025-06-06 2025-06-27
            2025-08-17 2025-09-05 2025-12-25
            2026-01-01 2026-01-16 2026-02-17 2026-03-19 2026-03-21 2026-03-22 2026-04-03
            2026-04-05 2026-05-01 2026-05-14 2026-05-27 2026-05-31 2026-06-01 2026-06-16
            2026-08-17 2026-08-25 2026-12-25
        ";
        let cuti = "
            2024-02-09 2024-03-12 2024-04-08 2024-04-09 2024-04-12 2024-04-15 2024-05-10
            2024-05-24 2024-06-18 2024-12-26
            2025-01-28 2025-03-28 2025-04-02 2025-04-03 2025-04-04 2025-04-07 2025-05-13
            2025-05-30 2025-06-09 2025-08-18 2025-12-26
            2026-02-16 2026-03-18 2026-03-20 2026-03-23 2026-03-24 2026-05-15 2026-05-28
            2026-12-24
        ";
        let cal = Calendar::indonesia();
        let of_kind = |kind| -> BTreeSet<String> {
            cal.holidays().filter(|h| h.kind == kind).map(|h| h.date.to_string()).collect()
        };
        let expect = |dates: &str| dates.split_whitespace().map(str::to_owned).collect::<BTreeSet<_>>();
        assert_eq!(of_kind(HolidayKind::LiburNasional), expect(libur));
        assert_eq!(of_kind(HolidayKind::CutiBersama), expect(cuti));
        assert_eq!(cal.spec().weekend, [Weekday::Sat, Weekday::Sun]);
        assert!(cal.holidays().all(|h| h.name.len() > 5 && h.name.trim() == h.name));
        let names = |d| cal.holiday(date(d)).map(|h| h.name.as_str());
        assert_eq!(names("2024-02-14"), Some("Pemilihan Umum 2024"));
        assert_eq!(names("2025-03-31"), Some("Hari Raya Idulfitri 1446 H"));
        assert_eq!(names("2024-04-08"), Some("Cuti bersama Idulfitri 1445 H"));
    }

    #[test]
    fn spec_round_trips_and_accepts_weekday_spellings() {
        let cal = Calendar::indonesia();
        let json = serde_json::to_string(cal.spec()).unwrap();
        assert!(json.contains(r#""weekend":["sat","sun"]"#), "{json}");
        assert_eq!(Calendar::from_json(&json).unwrap(), cal);
        assert_eq!(Calendar::try_from(cal.spec().clone()).unwrap(), cal);

        let spec: CalendarSpec = serde_json::from_str(
            r#"{"first_year": 2025, "last_year": 2025, "weekend": ["Fri", "SATURDAY"]}"#,
        )
        .unwrap();
        assert_eq!(spec.weekend, [Weekday::Fri, Weekday::Sat]);
        // Holidays given out of order are sorted.
        let cal = Calendar::from_json(
            r#"{"first_year": 2025, "last_year": 2025, "holidays": [
                {"date": "2025-12-25", "kind": "libur_nasional", "name": "Natal"},
                {"date": "2025-01-01", "kind": "libur_nasional", "name": "Tahun Baru"}]}"#,
        )
        .unwrap();
        let dates: Vec<_> = cal.holidays().map(|h| h.date.to_string()).collect();
        assert_eq!(dates, ["2025-01-01", "2025-12-25"]);
        assert_eq!(
            format!("{cal:?}"),
            "Calendar { first: 2025-01-01, last: 2025-12-31, weekend: [Sat, Sun], holidays: 2, .. }"
        );
    }

    #[test]
    #[rustfmt::skip]
    fn invalid_specs() {
        // `{Y}` stands for a 2025 calendar, `{H}` for a valid holiday object.
        let cases: &[(&str, &str)] = &[
            (r#"{Y}"#, "ok"),
            (r#"{Y, "weekend": []}"#, "ok"),
            (r#"{Y, "holidays": [{H}]}"#, "ok"),
            (r#"{"first_year": 9999, "last_year": 9999}"#, "ok"),
            (r#"{"first_year": 1900, "last_year": 2099}"#, "ok"),
            (r#"{"first_year": 2026, "last_year": 2025}"#, "calendar.invalid_years"),
            (r#"{"first_year": 0, "last_year": 2025}"#, "calendar.invalid_years"),
            (r#"{"first_year": 9999, "last_year": 10000}"#, "calendar.invalid_years"),
            (r#"{"first_year": 1900, "last_year": 2100}"#, "calendar.span_too_long"),
            (r#"{Y, "weekend": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}"#, "calendar.invalid_weekend"),
            (r#"{Y, "holidays": [{"date": "2026-01-01", "kind": "cuti_bersama", "name": "X"}]}"#, "calendar.holiday_out_of_range"),
            (r#"{Y, "holidays": [{"date": "2025-05-01", "kind": "cuti_bersama", "name": " "}]}"#, "calendar.empty_name"),
            (r#"{Y, "holidays": [{H}, {"date": "2025-01-01", "kind": "cuti_bersama", "name": "X"}, {H}]}"#, "calendar.duplicate_date"),
            (r#"{Y, "weekend": ["sabtu"]}"#, "calendar.invalid_spec"),
            (r#"{Y, "holidays": [{"date": "2025-02-30", "kind": "cuti_bersama", "name": "X"}]}"#, "calendar.invalid_spec"),
            (r#"{Y, "holidays": [{"date": "2025-02-03", "kind": "libur", "name": "X"}]}"#, "calendar.invalid_spec"),
            (r#"{Y, "holidays": [{"date": "2025-02-03", "kind": "cuti_bersama"}]}"#, "calendar.invalid_spec"),
            (r#"{Y, "holidays": [{"date": "2025-02-03", "kind": "cuti_bersama", "name": "X", "note": ""}]}"#, "calendar.invalid_spec"),
            (r#"{Y, "holiday": []}"#, "calendar.invalid_spec"),
            (r#"{"first_year": 2025}"#, "calendar.invalid_spec"),
            ("not json", "calendar.invalid_spec"),
        ];
        for (template, want) in cases {
            let json = template
                .replace("{Y", r#"{"first_year": 2025, "last_year": 2025"#)
                .replace("{H}", r#"{"date": "2025-05-01", "kind": "libur_nasional", "name": "Hari Buruh"}"#);
            let got = Calendar::from_json(&json).map_or_else(|e| e.code(), |_| "ok");
            assert_eq!(got, *want, "{json}");
        }
    }

    #[test]
    fn error_messages() {
        let d = |s| date(s);
        let (first, last) = (d("2024-01-01"), d("2026-12-31"));
        let errors = [
            CalendarError::OutOfRange { date: d("2027-01-03"), first, last },
            CalendarError::BeyondRange { from: d("2026-12-24"), first, last },
            CalendarError::InvalidSpec { reason: "missing field `last_year`".to_owned() },
            CalendarError::InvalidYears { first_year: 2027, last_year: 2026 },
            CalendarError::SpanTooLong { first_year: 1900, last_year: 2100 },
            CalendarError::InvalidWeekend,
            CalendarError::HolidayOutOfRange { date: d("2027-01-01"), first_year: 2024, last_year: 2026 },
            CalendarError::DuplicateDate { date: d("2025-08-18") },
            CalendarError::EmptyName { date: d("2025-05-01") },
        ];
        let text: String = errors
            .iter()
            .map(|e| format!("{}\n  id: {}\n  en: {}\n", e.code(), e.message().id, e.message().en))
            .collect();
        insta::assert_snapshot!(text, @r"
        calendar.out_of_range
          id: Tanggal 3 Januari 2027 di luar kalender kerja (1 Januari 2024 – 31 Desember 2026)
          en: The date 3 January 2027 is outside the working-day calendar (1 January 2024 – 31 December 2026)
        calendar.result_out_of_range
          id: Hitungan hari kerja dari 24 Desember 2026 melewati batas kalender kerja (1 Januari 2024 – 31 Desember 2026)
          en: Counting working days from 24 December 2026 goes past the working-day calendar (1 January 2024 – 31 December 2026)
        calendar.invalid_spec
          id: Definisi kalender kerja tidak sesuai format: missing field `last_year`
          en: The working-day calendar definition does not match the format: missing field `last_year`
        calendar.invalid_years
          id: Tahun kalender 2027–2026 tidak valid: tahun harus antara 1 dan 9999, tahun awal tidak melebihi tahun akhir
          en: Calendar years 2027–2026 are invalid: years must be between 1 and 9999, the first no later than the last
        calendar.span_too_long
          id: Kalender 1900–2100 mencakup 201 tahun; paling banyak 200 tahun
          en: Calendar 1900–2100 covers 201 years; at most 200 years are allowed
        calendar.invalid_weekend
          id: Akhir pekan tidak boleh mencakup ketujuh hari: minimal satu hari harus hari kerja
          en: The weekend cannot cover all seven days: at least one day must be a working day
        calendar.holiday_out_of_range
          id: Hari libur 1 Januari 2027 di luar tahun kalender 2024–2026
          en: The holiday on 1 January 2027 is outside the calendar's years 2024–2026
        calendar.duplicate_date
          id: Tanggal 18 Agustus 2025 tercantum lebih dari sekali sebagai hari libur
          en: The date 18 August 2025 is listed more than once as a holiday
        calendar.empty_name
          id: Hari libur 1 Mei 2025 harus diberi nama
          en: The holiday on 1 May 2025 needs a name
        ");
        assert!(errors[0].to_string().starts_with("Tanggal 3 Januari 2027"));
        assert!(errors[0].is_out_of_range() && errors[1].is_out_of_range() && !errors[2].is_out_of_range());
        let wrapped: crate::Error = errors[7].clone().into();
        assert_eq!(wrapped.code(), "calendar.duplicate_date");
    }

    #[test]
    fn working_days_newtype() {
        assert_eq!(serde_json::to_string(&WorkingDays::new(5)).unwrap(), "5");
        assert!(serde_json::from_str::<WorkingDays>("-1").is_err());
        assert_eq!(WorkingDays::new(u32::MAX).seconds(), i64::from(u32::MAX) * 86_400);
        assert_eq!(i64::from(WorkingDays::new(10)), 10);
    }

    // ----- Property tests against a naive, day-by-day reference -----

    /// Whether `day` works, straight from the definition.
    fn naive_is_working(spec: &CalendarSpec, day: NaiveDate) -> bool {
        !spec.weekend.contains(&day.weekday()) && !spec.holidays.iter().any(|h| h.date == day)
    }

    /// numpy's busday_count: `[start, end)` forwards, `(end, start]`
    /// negated backwards; `None` when a day it would look at, or a bound, is
    /// not covered.
    fn naive_between(spec: &CalendarSpec, start: NaiveDate, end: NaiveDate) -> Option<i64> {
        let first = NaiveDate::from_ymd_opt(spec.first_year, 1, 1)?;
        let after_last = NaiveDate::from_ymd_opt(spec.last_year + 1, 1, 1)?;
        let count = |days: &mut dyn Iterator<Item = NaiveDate>| {
            days.filter(|d| naive_is_working(spec, *d)).count() as i64
        };
        if start <= end {
            let ok = first <= start && end <= after_last;
            ok.then(|| count(&mut start.iter_days().take_while(|d| *d < end)))
        } else {
            let ok = first.pred_opt()? <= end && start < after_last;
            ok.then(|| -count(&mut end.iter_days().skip(1).take_while(|d| *d <= start)))
        }
    }

    fn naive_add_days(spec: &CalendarSpec, start: NaiveDate, n: i64) -> Option<NaiveDate> {
        let first = NaiveDate::from_ymd_opt(spec.first_year, 1, 1)?;
        let last = NaiveDate::from_ymd_opt(spec.last_year, 12, 31)?;
        let in_range = |d: &NaiveDate| (first..=last).contains(d);
        let mut working = |d: &NaiveDate| naive_is_working(spec, *d);
        match n {
            0 => start.iter_days().take_while(in_range).find(&mut working),
            1.. => start.iter_days().skip(1).take_while(in_range).filter(working).nth(n as usize - 1),
            _ => {
                let back = start.pred_opt()?;
                back.iter_days().rev().take_while(in_range).filter(working).nth((-n) as usize - 1)
            }
        }
    }

    /// Working seconds of `[from, to)` minus pauses, by cutting the interval
    /// at every midnight and pause boundary and testing each piece.
    fn naive_seconds(
        spec: &CalendarSpec,
        zone: Zone,
        from: DateTime<Utc>,
        to: DateTime<Utc>,
        pauses: &[(DateTime<Utc>, DateTime<Utc>)],
    ) -> i64 {
        if to <= from {
            return 0;
        }
        let mut cuts = vec![from, to];
        cuts.extend(pauses.iter().flat_map(|&(a, b)| [a, b]).filter(|t| from < *t && *t < to));
        let mut day = zone.local_date(from);
        while zone.start_of(day) < to {
            cuts.push(zone.start_of(day).max(from));
            day = day.succ_opt().unwrap();
        }
        cuts.sort();
        cuts.dedup();
        cuts.windows(2)
            .filter(|w| naive_is_working(spec, zone.local_date(w[0])))
            .filter(|w| !pauses.iter().any(|&(a, b)| a <= w[0] && w[0] < b))
            .map(|w| (w[1] - w[0]).num_seconds())
            .sum()
    }

    /// Random small calendars: 1–3 years around now, any weekend but the
    /// full week, up to 80 holidays (of either kind).
    fn spec_strategy() -> impl Strategy<Value = CalendarSpec> {
        (2020..2030i32, 0..3i32, 0..127u8, proptest::collection::vec((0..1096u32, any::<bool>()), 0..80))
            .prop_map(|(first_year, extra, weekend_bits, holidays)| {
                let last_year = first_year + extra;
                let first = NaiveDate::from_ymd_opt(first_year, 1, 1).unwrap();
                let last = NaiveDate::from_ymd_opt(last_year, 12, 31).unwrap();
                let weekend = (0..7)
                    .filter(|i| weekend_bits & (1 << i) != 0)
                    .map(|i| Weekday::try_from(i).unwrap())
                    .collect();
                let mut seen = BTreeSet::new();
                let holidays = holidays
                    .into_iter()
                    .map(|(offset, cuti)| (first + Days::new(u64::from(offset)), cuti))
                    .filter(|(d, _)| *d <= last && seen.insert(*d))
                    .map(|(date, cuti)| Holiday {
                        date,
                        kind: if cuti { HolidayKind::CutiBersama } else { HolidayKind::LiburNasional },
                        name: format!("Libur {date}"),
                    })
                    .collect();
                CalendarSpec { first_year, last_year, weekend, holidays }
            })
    }

    fn zone_strategy() -> impl Strategy<Value = Zone> {
        prop_oneof![
            Just(Zone::WIB),
            Just(Zone::WITA),
            Just(Zone::WIT),
            Just(Zone::UTC),
            Just(Zone::from_offset_seconds(-12_600).unwrap()),
            Just(Zone::from_offset_seconds(20_700).unwrap()),
        ]
    }

    /// A date from a fraction in `0..=1` of the way from a day before the
    /// calendar to a day after its exclusive end, so both edges get hit.
    fn date_in(cal: &Calendar, fraction: f64) -> NaiveDate {
        let span = (cal.last_date() - cal.first_date()).num_days() + 3;
        cal.first_date() - Duration::days(1) + Duration::days((fraction * span as f64) as i64)
    }

    /// An instant from a fraction, similarly a little beyond both edges, to
    /// whole seconds but often on a round hour so that midnights are hit.
    fn instant_in(cal: &Calendar, zone: Zone, fraction: f64, round: bool) -> DateTime<Utc> {
        let start = zone.start_of(cal.first_date()) - Duration::hours(6);
        let span = (zone.start_of(cal.last_date() + Days::new(1)) - start).num_seconds() + 6 * 3600;
        let mut secs = (fraction * span as f64) as i64;
        if round {
            secs -= secs % 3600;
        }
        start + Duration::seconds(secs)
    }

    fn in_calendar(cal: &Calendar, zone: Zone, at: DateTime<Utc>) -> bool {
        zone.start_of(cal.first_date()) <= at && at <= zone.start_of(cal.last_date() + Days::new(1))
    }

    /// Pauses as (offset from an anchor, length, round to the hour): near
    /// each other and the anchor, so that they overlap, nest and touch.
    fn pauses_strategy() -> impl Strategy<Value = Vec<(i64, i64, bool)>> {
        proptest::collection::vec((-864_000..864_000i64, -86_400..432_000i64, any::<bool>()), 0..5)
    }

    fn pauses_around(anchor: DateTime<Utc>, raw: &[(i64, i64, bool)]) -> Vec<(DateTime<Utc>, DateTime<Utc>)> {
        raw.iter()
            .map(|&(offset, len, round)| {
                let (offset, len) =
                    if round { (offset - offset % 3600, len - len % 3600) } else { (offset, len) };
                let start = anchor + Duration::seconds(offset);
                (start, start + Duration::seconds(len))
            })
            .collect()
    }

    proptest! {
        #[test]
        fn dates_match_reference(spec in spec_strategy(), a in 0.0..=1.0f64, b in 0.0..=1.0f64, n in -30..30i64) {
            let cal = Calendar::new(&spec).unwrap();
            let (start, end) = (date_in(&cal, a), date_in(&cal, b));
            let covered = |d: NaiveDate| cal.first_date() <= d && d <= cal.last_date();

            let working = cal.is_working_day(start);
            if covered(start) {
                prop_assert_eq!(working, Ok(naive_is_working(&spec, start)));
                prop_assert_eq!(cal.holiday(start).is_some(), spec.holidays.iter().any(|h| h.date == start));
            } else {
                prop_assert_eq!(working.unwrap_err().code(), "calendar.out_of_range");
            }

            let between = cal.working_days_between(start, end);
            match naive_between(&spec, start, end) {
                Some(want) => prop_assert_eq!(between, Ok(want)),
                None => prop_assert_eq!(between.unwrap_err().code(), "calendar.out_of_range"),
            }

            let added = cal.add_working_days(start, n);
            if covered(start) {
                match naive_add_days(&spec, start, n) {
                    Some(want) => prop_assert_eq!(added, Ok(want)),
                    None => prop_assert_eq!(added.unwrap_err().code(), "calendar.result_out_of_range"),
                }
            } else {
                prop_assert_eq!(added.unwrap_err().code(), "calendar.out_of_range");
            }
        }

        #[test]
        fn seconds_match_reference(
            spec in spec_strategy(),
            zone in zone_strategy(),
            from in (0.0..=1.0f64, any::<bool>()),
            to in prop_oneof![(-5_000_000..5_000_000i64).prop_map(Some), Just(None)],
            far in 0.0..=1.0f64,
            pauses in pauses_strategy(),
        ) {
            let cal = Calendar::new(&spec).unwrap();
            let from = instant_in(&cal, zone, from.0, from.1);
            let to = to.map_or_else(|| instant_in(&cal, zone, far, false), |delta| from + Duration::seconds(delta));
            let pauses = pauses_around(from, &pauses);
            let covered = in_calendar(&cal, zone, from) && in_calendar(&cal, zone, to);
            for (a, b) in [(from, to), (to, from)] {
                let got = cal.working_seconds_excluding(zone, a, b, &pauses);
                if covered {
                    prop_assert_eq!(got, Ok(naive_seconds(&spec, zone, a, b, &pauses)));
                    prop_assert_eq!(cal.working_seconds_between(zone, a, b), Ok(naive_seconds(&spec, zone, a, b, &[])));
                } else {
                    prop_assert_eq!(got.unwrap_err().code(), "calendar.out_of_range");
                }
            }
        }

        #[test]
        fn add_seconds_is_the_minimal_inverse(
            spec in spec_strategy(),
            zone in zone_strategy(),
            start in (0.0..=1.0f64, any::<bool>()),
            secs in prop_oneof![-3_000_000..3_000_000i64, (-40..40i64).prop_map(|d| d * 86_400)],
            aim in proptest::option::of((any::<proptest::sample::Index>(), any::<bool>())),
            pauses in pauses_strategy(),
        ) {
            let cal = Calendar::new(&spec).unwrap();
            let from = instant_in(&cal, zone, start.0, start.1);
            let pauses = pauses_around(from, &pauses);
            let got = cal.add_working_seconds_excluding(zone, from, secs, &pauses);
            if !in_calendar(&cal, zone, from) {
                prop_assert_eq!(got.unwrap_err().code(), "calendar.out_of_range");
                return Ok(());
            }
            let measure = |a, b| naive_seconds(&spec, zone, a, b, &pauses);
            // Aiming exactly at a pause boundary hits the ties of the walk.
            let secs = match aim {
                Some((index, at_end)) if !pauses.is_empty() => {
                    let pause = pauses[index.index(pauses.len())];
                    let target = if at_end { pause.1 } else { pause.0 };
                    let target = target.clamp(zone.start_of(cal.first_date()), zone.start_of(cal.last_date() + Days::new(1)));
                    if target >= from { measure(from, target) } else { -measure(target, from) }
                }
                _ => secs,
            };
            let got = cal.add_working_seconds_excluding(zone, from, secs, &pauses);
            let calendar_start = zone.start_of(cal.first_date());
            let calendar_end = zone.start_of(cal.last_date() + Days::new(1));
            let one = Duration::seconds(1);
            let measure = |a, b| naive_seconds(&spec, zone, a, b, &pauses);
            match got {
                Ok(t) if secs >= 0 => {
                    prop_assert!(t >= from);
                    prop_assert_eq!(measure(from, t), secs);
                    if t > from {
                        prop_assert!(measure(from, t - one) < secs, "not the earliest");
                    }
                    // Its plain variant agrees when nothing is paused.
                    if pauses.is_empty() {
                        prop_assert_eq!(cal.add_working_seconds(zone, from, secs), Ok(t));
                    }
                    // And so does the counting operation.
                    prop_assert_eq!(cal.working_seconds_excluding(zone, from, t, &pauses), Ok(secs));
                }
                Ok(t) => {
                    prop_assert!(t <= from);
                    prop_assert_eq!(measure(t, from), -secs);
                    if t < from {
                        prop_assert!(measure(t + one, from) < -secs, "not the latest");
                    }
                    prop_assert_eq!(cal.working_seconds_excluding(zone, t, from, &pauses), Ok(-secs));
                }
                Err(e) => {
                    prop_assert_eq!(e.code(), "calendar.result_out_of_range");
                    if secs > 0 {
                        prop_assert!(measure(from, calendar_end) < secs);
                    } else {
                        prop_assert!(measure(calendar_start, from) < -secs);
                    }
                }
            }
        }
    }
}
