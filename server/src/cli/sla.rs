//! `aduan sla`: working-day arithmetic with the configured holiday calendar
//! (add working days, count them, measure elapsed working time), every
//! answer computed by the core's [`Calendar`].

use std::io::Write;

use aduan_core::calendar::{Calendar, CalendarError, Holiday};
use aduan_core::{AgencyId, Lang, Text, Zone, format};
use chrono::{DateTime, Datelike, FixedOffset, NaiveDate, NaiveDateTime, SecondsFormat, Utc, Weekday};
use serde::Serialize;

use super::{CliError, Outcome, parse_zone};
use crate::config::Config;

const EXAMPLES: &str = "\
Examples:
  # Five working days after Thursday 27 March 2025, across Idulfitri:
  aduan sla add 2025-03-27 5
  # The instant 3 working days after a complaint arrived, in WITA:
  aduan sla add '2025-03-27 10:00' 3 --zone WITA
  # Working days from 1 April up to (not including) 1 May 2025:
  aduan sla count 2025-04-01 2025-05-01
  # Working time between two instants, as JSON:
  aduan sla elapsed 2025-03-27T10:00:00+08:00 '2025-04-09 12:00' --json";

const ADD_EXAMPLES: &str = "\
Examples:
  aduan sla add 2025-03-27 5                # 2025-04-14
  aduan sla add 2025-03-29 0                # 2025-04-08 (rolls forward)
  aduan sla add 2025-04-08 -1               # 2025-03-27
  aduan sla add '2025-03-27 10:00' 3 --zone WITA --json";

const COUNT_EXAMPLES: &str = "\
Examples:
  aduan sla count 2025-03-27 2025-04-09     # 2 (27 March and 8 April)
  aduan sla count 2025-04-01 2025-04-30 --inclusive --json";

const ELAPSED_EXAMPLES: &str = "\
Examples:
  aduan sla elapsed '2025-03-27 10:00' '2025-04-08 10:00' --zone WITA
  aduan sla elapsed 2025-07-04T12:00:00+08:00 2025-07-07T12:00:00+08:00 --json";

/// `aduan sla`: working-day arithmetic.
#[derive(Debug, clap::Args)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// What to compute.
    #[command(subcommand)]
    pub command: SlaCommand,
    /// The time zone times are read and shown in: WIB, WITA, WIT, UTC or an
    /// offset such as +08:00. Default: the zone of `--agency`, else the
    /// configuration's default zone (WITA without a config file).
    #[arg(long, global = true, value_parser = parse_zone, value_name = "ZONE")]
    pub zone: Option<Zone>,
    /// Use the zone of this agency in the configuration.
    #[arg(long, global = true, value_parser = parse_agency, value_name = "AGENCY")]
    pub agency: Option<AgencyId>,
    /// Write the answer as JSON.
    #[arg(long, global = true)]
    pub json: bool,
}

/// The three computations of `aduan sla`.
#[derive(Debug, clap::Subcommand)]
pub enum SlaCommand {
    /// Add working days. From a date (YYYY-MM-DD): the N-th working day
    /// after it (N = 0: the date itself if it is a working day, else the
    /// next one; negative N: before it). From a time: the instant at which
    /// N working days (N × 24 working hours, counting only hours on working
    /// days in the zone) have passed, as SLA deadlines are computed.
    #[command(after_help = ADD_EXAMPLES)]
    Add {
        /// The start: a date (YYYY-MM-DD), a local time in the zone
        /// (YYYY-MM-DD HH:MM[:SS]) or RFC 3339 with an offset.
        #[arg(value_parser = parse_moment)]
        start: Moment,
        /// How many working days to add (negative to go back).
        #[arg(allow_negative_numbers = true)]
        days: i64,
    },
    /// Count the working days from FROM up to TO: FROM counts, TO does not
    /// (unless --inclusive). With TO before FROM the count is negative.
    #[command(after_help = COUNT_EXAMPLES)]
    Count {
        /// The first date (YYYY-MM-DD).
        #[arg(value_parser = parse_date)]
        from: NaiveDate,
        /// The end date (YYYY-MM-DD), not counted unless --inclusive.
        #[arg(value_parser = parse_date)]
        to: NaiveDate,
        /// Count TO too.
        #[arg(long)]
        inclusive: bool,
    },
    /// The working time between two instants: only the hours that fall on
    /// working days in the zone count, as response times are measured. A
    /// bare date means midnight at its start.
    #[command(after_help = ELAPSED_EXAMPLES)]
    Elapsed {
        /// The start (YYYY-MM-DD, YYYY-MM-DD HH:MM[:SS] in the zone, or RFC 3339).
        #[arg(value_parser = parse_moment)]
        from: Moment,
        /// The end, in the same forms.
        #[arg(value_parser = parse_moment)]
        to: Moment,
    },
}

/// A point in time as written on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Moment {
    /// A calendar date, `YYYY-MM-DD`.
    Date(NaiveDate),
    /// A local date and time, read in the zone.
    Local(NaiveDateTime),
    /// An instant with its own offset (RFC 3339).
    Instant(DateTime<FixedOffset>),
}

impl Moment {
    /// The instant this moment is in `zone` (a date: its midnight).
    fn instant(self, zone: Zone) -> DateTime<Utc> {
        match self {
            Self::Date(d) => zone.start_of(d),
            Self::Local(l) => zone.to_utc(l),
            Self::Instant(i) => i.with_timezone(&Utc),
        }
    }
}

fn moment_hint() -> Text {
    Text::new(
        "Tulis tanggal sebagai YYYY-MM-DD (2025-03-27), waktu setempat sebagai YYYY-MM-DD HH:MM (2025-03-27 10:00), atau RFC 3339 dengan zona (2025-03-27T10:00:00+08:00)",
        "Write a date as YYYY-MM-DD (2025-03-27), a local time as YYYY-MM-DD HH:MM (2025-03-27 10:00), or RFC 3339 with an offset (2025-03-27T10:00:00+08:00)",
    )
}

/// Reads a date, a local time or an RFC 3339 instant.
///
/// # Errors
/// A message in both languages saying which forms are accepted.
pub fn parse_moment(s: &str) -> Result<Moment, String> {
    let s = s.trim();
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(Moment::Date(d));
    }
    if let Ok(i) = DateTime::parse_from_rfc3339(s) {
        return Ok(Moment::Instant(i));
    }
    for pattern in ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"] {
        if let Ok(l) = NaiveDateTime::parse_from_str(s, pattern) {
            return Ok(Moment::Local(l));
        }
    }
    Err(moment_hint().to_string())
}

/// Reads a date `YYYY-MM-DD`.
///
/// # Errors
/// A message in both languages with an example.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        Text::new(
            "Tulis tanggal sebagai YYYY-MM-DD, misalnya 2025-03-27",
            "Write the date as YYYY-MM-DD, for example 2025-03-27",
        )
        .to_string()
    })
}

fn parse_agency(s: &str) -> Result<AgencyId, String> {
    AgencyId::new(s).map_err(|e| e.message.to_string())
}

/// What `--json` writes.
#[derive(Debug, Serialize)]
#[serde(tag = "operation", rename_all = "snake_case")]
enum Answer {
    Add {
        start: String,
        working_days: i64,
        #[serde(skip_serializing_if = "Option::is_none")]
        zone: Option<String>,
        result: String,
        holidays: Vec<Holiday>,
    },
    Count {
        from: String,
        to: String,
        inclusive: bool,
        working_days: i64,
        holidays: Vec<Holiday>,
    },
    Elapsed {
        from: String,
        to: String,
        zone: String,
        working_seconds: i64,
        working_days: f64,
        days: i64,
        hours: i64,
        minutes: i64,
    },
}

/// Runs `aduan sla` and writes the answer to `out`.
///
/// # Errors
/// [`CliError`] with exit code 2 for a date outside the calendar (its
/// years named, with how to add a year) or an unknown `--agency`; exit
/// code 1 when `out` fails.
pub fn run(args: &Args, config: &Config, out: &mut dyn Write) -> Result<Outcome, CliError> {
    let zone = match (&args.zone, &args.agency) {
        (Some(zone), _) => *zone,
        (None, Some(agency)) => config.agency(agency).map(|a| a.zone).ok_or_else(|| {
            CliError::input(&Text::new(
                format!("--agency: instansi {agency} tidak ada di konfigurasi"),
                format!("--agency: agency {agency} is not in the configuration"),
            ))
        })?,
        (None, None) => config.default_zone,
    };
    let calendar = &config.calendar;
    let calendar_error = |e: &CalendarError| calendar_failure(e, calendar);
    match &args.command {
        SlaCommand::Add { start, days } => match *start {
            Moment::Date(date) => {
                let result = calendar.add_working_days(date, *days).map_err(|e| calendar_error(&e))?;
                let holidays = holidays_between(calendar, date.min(result), date.max(result));
                if args.json {
                    return write(
                        out,
                        &Answer::Add {
                            start: date.to_string(),
                            working_days: *days,
                            zone: None,
                            result: result.to_string(),
                            holidays,
                        },
                    );
                }
                writeln!(out, "{result}")?;
                for lang in [Lang::Id, Lang::En] {
                    writeln!(
                        out,
                        "{}",
                        add_sentence(*days, &long_date(date, lang), &long_date(result, lang), lang, true)
                    )?;
                }
                write_holidays(out, &holidays)?;
            }
            moment => {
                let from = moment.instant(zone);
                let secs =
                    days.checked_mul(aduan_core::calendar::SECONDS_PER_WORKING_DAY).ok_or_else(|| {
                        CliError::input(&Text::new(
                            "DAYS: angka terlalu besar",
                            "DAYS: the number is too large",
                        ))
                    })?;
                let result =
                    calendar.add_working_seconds(zone, from, secs).map_err(|e| calendar_error(&e))?;
                let (first, last) = (zone.local_date(from.min(result)), zone.local_date(from.max(result)));
                let holidays = holidays_between(calendar, first, last);
                if args.json {
                    return write(
                        out,
                        &Answer::Add {
                            start: rfc3339(from, zone),
                            working_days: *days,
                            zone: Some(zone.name()),
                            result: rfc3339(result, zone),
                            holidays,
                        },
                    );
                }
                writeln!(out, "{}", rfc3339(result, zone))?;
                for lang in [Lang::Id, Lang::En] {
                    let (a, b) = (format::instant(from, zone, lang), format::instant(result, zone, lang));
                    writeln!(out, "{}", add_sentence(*days, &a, &b, lang, false))?;
                }
                write_holidays(out, &holidays)?;
            }
        },
        SlaCommand::Count { from, to, inclusive } => {
            let end = if *inclusive {
                // Counting TO too moves the exclusive bound one day on (or
                // back, for a reversed range), as the core's convention asks.
                let next = if to >= from { to.succ_opt() } else { to.pred_opt() };
                next.ok_or_else(|| {
                    calendar_error(&CalendarError::OutOfRange {
                        date: *to,
                        first: calendar.first_date(),
                        last: calendar.last_date(),
                    })
                })?
            } else {
                *to
            };
            let n = calendar.working_days_between(*from, end).map_err(|e| calendar_error(&e))?;
            let (low, high) = if from <= to { (*from, *to) } else { (*to, *from) };
            let holidays = holidays_between(calendar, low, high);
            if args.json {
                return write(
                    out,
                    &Answer::Count {
                        from: from.to_string(),
                        to: to.to_string(),
                        inclusive: *inclusive,
                        working_days: n,
                        holidays,
                    },
                );
            }
            writeln!(out, "{n}")?;
            let (id_to, en_to) = if *inclusive {
                ("sampai dengan", "up to and including")
            } else {
                ("sampai sebelum", "up to but not including")
            };
            writeln!(
                out,
                "{n} hari kerja dari {} {id_to} {}.",
                long_date(*from, Lang::Id),
                long_date(*to, Lang::Id)
            )?;
            writeln!(
                out,
                "{n} working {} from {} {en_to} {}.",
                if n.abs() == 1 { "day" } else { "days" },
                long_date(*from, Lang::En),
                long_date(*to, Lang::En)
            )?;
            write_holidays(out, &holidays)?;
        }
        SlaCommand::Elapsed { from, to } => {
            let (a, b) = (from.instant(zone), to.instant(zone));
            if b < a {
                // The core counts an empty span as zero; a reversed pair is
                // a mistake to point out, not a result.
                return Err(CliError::input(&Text::new(
                    "<TO> harus sama dengan atau sesudah <FROM>",
                    "<TO> must be at or after <FROM>",
                )));
            }
            let secs = calendar.working_seconds_between(zone, a, b).map_err(|e| calendar_error(&e))?;
            let day = aduan_core::calendar::SECONDS_PER_WORKING_DAY;
            let (days, hours, minutes) = (secs / day, secs % day / 3600, secs % 3600 / 60);
            let as_days = secs as f64 / day as f64;
            if args.json {
                return write(
                    out,
                    &Answer::Elapsed {
                        from: rfc3339(a, zone),
                        to: rfc3339(b, zone),
                        zone: zone.name(),
                        working_seconds: secs,
                        working_days: as_days,
                        days,
                        hours,
                        minutes,
                    },
                );
            }
            writeln!(
                out,
                "{days} hari kerja {hours} jam {minutes} menit ({})",
                format::working_days(as_days, 2, Lang::Id)
            )?;
            writeln!(
                out,
                "{days} working {} {hours} {} {minutes} {} ({})",
                if days == 1 { "day" } else { "days" },
                if hours == 1 { "hour" } else { "hours" },
                if minutes == 1 { "minute" } else { "minutes" },
                format::working_days(as_days, 2, Lang::En)
            )?;
            for lang in [Lang::Id, Lang::En] {
                let (x, y) = (format::instant(a, zone, lang), format::instant(b, zone, lang));
                writeln!(
                    out,
                    "{}",
                    match lang {
                        Lang::Id => format!("Dari {x} sampai {y}; hanya jam pada hari kerja yang dihitung."),
                        Lang::En => format!("From {x} to {y}; only hours on working days count."),
                    }
                )?;
            }
        }
    }
    Ok(Outcome::Done)
}

fn write(out: &mut dyn Write, answer: &Answer) -> Result<Outcome, CliError> {
    super::output::write_json(answer, out)?;
    Ok(Outcome::Done)
}

/// A calendar error with what to do about it: for a date outside the
/// calendar, the years it covers and where to add more.
fn calendar_failure(e: &CalendarError, calendar: &Calendar) -> CliError {
    let mut message = e.message().to_string();
    if e.is_out_of_range() {
        message.push_str(&format!(
            "\n{}",
            Text::new(
                format!(
                    "Kalender hari kerja mencakup {}–{}; tambahkan hari libur tahun lain di bagian [calendar] konfigurasi (--config)",
                    calendar.first_date().year(),
                    calendar.last_date().year()
                ),
                format!(
                    "The working-day calendar covers {}–{}; add other years' holidays in the [calendar] section of the configuration (--config)",
                    calendar.first_date().year(),
                    calendar.last_date().year()
                ),
            )
        ));
    }
    CliError::input_text(message)
}

/// The holidays in `first..=last` (weekday ones and those on weekends alike).
fn holidays_between(calendar: &Calendar, first: NaiveDate, last: NaiveDate) -> Vec<Holiday> {
    calendar.holidays().filter(|h| first <= h.date && h.date <= last).cloned().collect()
}

fn write_holidays(out: &mut dyn Write, holidays: &[Holiday]) -> Result<(), CliError> {
    if holidays.is_empty() {
        return Ok(());
    }
    writeln!(out, "Hari libur dalam rentang ini / Holidays in this span:")?;
    for h in holidays {
        writeln!(out, "  {}  {}  {}", h.date, super::output::label(&h.kind.label()), h.name)?;
    }
    Ok(())
}

/// The answer of `add` in words. Adding 0 to a date rolls it forward to a
/// working day; adding 0 to an instant leaves it as it is.
fn add_sentence(days: i64, from: &str, to: &str, lang: Lang, dates: bool) -> String {
    let n = days.unsigned_abs();
    match (lang, days) {
        (Lang::Id, 0) if dates => format!("Hari kerja pertama mulai {from}: {to}."),
        (Lang::En, 0) if dates => format!("The first working day from {from}: {to}."),
        (Lang::Id, 0) => format!("0 hari kerja setelah {from}: {to}."),
        (Lang::En, 0) => format!("0 working days after {from}: {to}."),
        (Lang::Id, 1..) => format!("{n} hari kerja setelah {from}: {to}."),
        (Lang::En, 1..) => format!("{n} working {} after {from}: {to}.", if n == 1 { "day" } else { "days" }),
        (Lang::Id, _) => format!("{n} hari kerja sebelum {from}: {to}."),
        (Lang::En, _) => format!("{n} working {} before {from}: {to}.", if n == 1 { "day" } else { "days" }),
    }
}

/// "Kamis, 27 Maret 2025" / "Thursday, 27 March 2025".
fn long_date(date: NaiveDate, lang: Lang) -> String {
    let (id, en) = match date.weekday() {
        Weekday::Mon => ("Senin", "Monday"),
        Weekday::Tue => ("Selasa", "Tuesday"),
        Weekday::Wed => ("Rabu", "Wednesday"),
        Weekday::Thu => ("Kamis", "Thursday"),
        Weekday::Fri => ("Jumat", "Friday"),
        Weekday::Sat => ("Sabtu", "Saturday"),
        Weekday::Sun => ("Minggu", "Sunday"),
    };
    format!("{}, {}", if lang == Lang::Id { id } else { en }, format::date(date, lang))
}

/// An instant in RFC 3339 at `zone`'s offset.
fn rfc3339(at: DateTime<Utc>, zone: Zone) -> String {
    at.with_timezone(&zone.offset()).to_rfc3339_opts(SecondsFormat::Secs, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moments_parse_in_every_form() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(parse_moment("2025-03-27"), Ok(Moment::Date(d(2025, 3, 27))));
        assert_eq!(
            parse_moment("2025-03-27 10:00"),
            Ok(Moment::Local(d(2025, 3, 27).and_hms_opt(10, 0, 0).unwrap()))
        );
        assert_eq!(
            parse_moment("2025-03-27T10:00:30"),
            Ok(Moment::Local(d(2025, 3, 27).and_hms_opt(10, 0, 30).unwrap()))
        );
        let Ok(Moment::Instant(i)) = parse_moment("2025-03-27T10:00:00+08:00") else { panic!() };
        assert_eq!(i.with_timezone(&Utc).to_string(), "2025-03-27 02:00:00 UTC");
        for bad in ["27/03/2025", "2025-02-30", "kemarin", "2025-03-27 25:00"] {
            let e = parse_moment(bad).unwrap_err();
            assert!(e.contains("YYYY-MM-DD") && e.contains(" / "), "{bad}: {e}");
        }
    }

    #[test]
    fn local_moments_are_read_in_the_zone() {
        let m = parse_moment("2025-03-27 10:00").unwrap();
        assert_eq!(m.instant(Zone::WITA).to_rfc3339(), "2025-03-27T02:00:00+00:00");
        assert_eq!(m.instant(Zone::WIB).to_rfc3339(), "2025-03-27T03:00:00+00:00");
        let date = parse_moment("2025-03-27").unwrap();
        assert_eq!(date.instant(Zone::WIT).to_rfc3339(), "2025-03-26T15:00:00+00:00");
    }

    #[test]
    fn long_dates_name_the_weekday() {
        let d = NaiveDate::from_ymd_opt(2025, 3, 27).unwrap();
        assert_eq!(long_date(d, Lang::Id), "Kamis, 27 Maret 2025");
        assert_eq!(long_date(d, Lang::En), "Thursday, 27 March 2025");
    }
}
