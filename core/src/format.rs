//! Indonesian and English formatting of numbers, percentages, durations,
//! dates and instants, shared by the widgets and the server so that both
//! write "1,1 hari" and "23 November 2026 pukul 14.30 WITA" the same way.
//!
//! The conventions follow PUEBI and `Intl.NumberFormat('id-ID')` for
//! Indonesian (decimal comma, thousands point, time with a period) and
//! British-style English for English (day month year, 24-hour clock):
//!
//! | function | Indonesian | English |
//! |---|---|---|
//! | [`integer`] | `1.250` | `1,250` |
//! | [`decimal`] | `1.250,5` | `1,250.5` |
//! | [`percent`] | `87,5%` | `87.5%` |
//! | [`days`] | `1,1 hari` | `1.1 days`, `1 day` |
//! | [`working_days`] | `3 hari kerja` | `3 working days` |
//! | [`date`] | `23 November 2026` | `23 November 2026` |
//! | [`instant`] | `23 November 2026 pukul 14.30 WITA` | `23 November 2026, 14:30 WITA` |
//!
//! **Rounding** is half away from zero, applied to the shortest decimal
//! text that reads back as the same `f64` (what `{}` prints). So `2.675`
//! rounds to `2,68` and a ratio of `0.285` to `29%`, as a person doing the
//! sum on paper expects, even though neither number is exact in binary.
//!
//! **Signs and non-numbers.** Negative numbers get an ASCII hyphen-minus
//! (`-1.250`), as `Intl.NumberFormat` writes them; a value that rounds to
//! zero loses its sign (`-0.04` with one place is `0,0`). `NaN`, which is what
//! an average of nothing gives, formats as an en dash `–`, the usual "no
//! data" mark in tables; infinities as `∞` and `-∞`.

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use crate::error::Lang;
use crate::zone::Zone;

/// What [`decimal`] and friends print for `NaN`: an en dash, "no data".
pub const NO_DATA: &str = "–";

const MONTHS_ID: [&str; 12] = [
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

const MONTHS_EN: [&str; 12] = [
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

/// Formats an integer with thousands separators: `1.250` in Indonesian,
/// `1,250` in English.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang};
/// assert_eq!(format::integer(1250, Lang::Id), "1.250");
/// assert_eq!(format::integer(-1_250_000, Lang::En), "-1,250,000");
/// assert_eq!(format::integer(999, Lang::Id), "999");
/// ```
#[must_use]
pub fn integer(n: i64, lang: Lang) -> String {
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    push_grouped(&mut out, &n.unsigned_abs().to_string(), lang);
    out
}

/// Formats a number with exactly `places` decimal places, rounded half away
/// from zero, with thousands separators: `1,1` / `1.1`, `1.250,50` /
/// `1,250.50`.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang};
/// assert_eq!(format::decimal(1.05, 1, Lang::Id), "1,1");
/// assert_eq!(format::decimal(1250.5, 2, Lang::En), "1,250.50");
/// assert_eq!(format::decimal(-2.5, 0, Lang::Id), "-3");
/// assert_eq!(format::decimal(f64::NAN, 1, Lang::Id), "–");
/// ```
#[must_use]
pub fn decimal(x: f64, places: u8, lang: Lang) -> String {
    match Rounded::new(x, 0, places) {
        Some(r) => r.render(lang, false),
        None => special(x),
    }
}

/// Formats a ratio as a percentage with `places` decimal places: `0.875`
/// gives `87,5%` / `87.5%`. No space before the sign, as PUEBI writes it.
///
/// The input is a ratio (1.0 is 100%) because that is what the statistics
/// compute; the shift by two places is done on decimal digits, so it adds
/// no binary rounding error.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang};
/// assert_eq!(format::percent(0.875, 1, Lang::Id), "87,5%");
/// assert_eq!(format::percent(0.875, 1, Lang::En), "87.5%");
/// assert_eq!(format::percent(0.285, 0, Lang::Id), "29%");
/// assert_eq!(format::percent(f64::NAN, 0, Lang::Id), "–");
/// ```
#[must_use]
pub fn percent(ratio: f64, places: u8, lang: Lang) -> String {
    match Rounded::new(ratio, 2, places) {
        Some(r) => r.render(lang, false) + "%",
        None if ratio.is_nan() => NO_DATA.to_owned(),
        None => special(ratio) + "%",
    }
}

/// Formats a number of calendar days with at most `max_places` decimal
/// places, trailing zeros dropped: `1,1 hari`, `2 hari` / `1.1 days`,
/// `1 day`. Indonesian nouns do not inflect for plural; English says "day"
/// only for exactly one.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang};
/// assert_eq!(format::days(1.1, 1, Lang::Id), "1,1 hari");
/// assert_eq!(format::days(1.1, 1, Lang::En), "1.1 days");
/// assert_eq!(format::days(1.04, 1, Lang::En), "1 day");
/// assert_eq!(format::days(2.0, 1, Lang::Id), "2 hari");
/// ```
#[must_use]
pub fn days(value: f64, max_places: u8, lang: Lang) -> String {
    with_unit(value, max_places, lang, ("hari", "day", "days"))
}

/// Formats a number of working days (*hari kerja*) like [`days`]:
/// `3 hari kerja` / `3 working days`, `1 working day`.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang};
/// assert_eq!(format::working_days(3.0, 0, Lang::Id), "3 hari kerja");
/// assert_eq!(format::working_days(3.0, 0, Lang::En), "3 working days");
/// assert_eq!(format::working_days(1.0, 1, Lang::En), "1 working day");
/// assert_eq!(format::working_days(2.25, 1, Lang::Id), "2,3 hari kerja");
/// ```
#[must_use]
pub fn working_days(value: f64, max_places: u8, lang: Lang) -> String {
    with_unit(value, max_places, lang, ("hari kerja", "working day", "working days"))
}

/// The name of a month (1–12) in `lang`: `Agustus` / `August`.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang};
/// assert_eq!(format::month_name(8, Lang::Id), Some("Agustus"));
/// assert_eq!(format::month_name(5, Lang::En), Some("May"));
/// assert_eq!(format::month_name(13, Lang::Id), None);
/// ```
#[must_use]
pub fn month_name(month: u32, lang: Lang) -> Option<&'static str> {
    let i = usize::try_from(month.checked_sub(1)?).ok()?;
    match lang {
        Lang::Id => MONTHS_ID.get(i).copied(),
        Lang::En => MONTHS_EN.get(i).copied(),
    }
}

/// Formats a date as day, month name and year without a leading zero:
/// `23 November 2026`, `1 Agustus 2026` / `1 August 2026`.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang};
/// use chrono::NaiveDate;
/// let d = NaiveDate::from_ymd_opt(2026, 8, 1).unwrap();
/// assert_eq!(format::date(d, Lang::Id), "1 Agustus 2026");
/// assert_eq!(format::date(d, Lang::En), "1 August 2026");
/// ```
#[must_use]
pub fn date(d: NaiveDate, lang: Lang) -> String {
    let month = month_name(d.month(), lang).expect("chrono months are 1 to 12");
    format!("{} {} {}", d.day(), month, d.year())
}

/// Formats a UTC instant as the local date and time in `zone`, labelled
/// with the zone's name: `23 November 2026 pukul 14.30 WITA` /
/// `23 November 2026, 14:30 WITA`. Seconds are dropped (not rounded), as a
/// clock shows them.
///
/// An instant within hours of the end of chrono's range (some 262,000
/// years away) may have no local time in `zone`; it is then written in UTC
/// and labelled so, which is still true, rather than panicking.
///
/// # Example
/// ```
/// use aduan_core::{format, Lang, Zone};
/// use chrono::{DateTime, Utc};
/// let at: DateTime<Utc> = "2026-11-23T06:30:59Z".parse().unwrap();
/// assert_eq!(format::instant(at, Zone::WITA, Lang::Id), "23 November 2026 pukul 14.30 WITA");
/// assert_eq!(format::instant(at, Zone::WITA, Lang::En), "23 November 2026, 14:30 WITA");
/// assert_eq!(format::instant(at, Zone::WIB, Lang::Id), "23 November 2026 pukul 13.30 WIB");
/// assert_eq!(
///     format::instant(DateTime::<Utc>::MAX_UTC, Zone::WITA, Lang::En),
///     "31 December 262142, 23:59 UTC+00:00",
/// );
/// ```
#[must_use]
pub fn instant(at: DateTime<Utc>, zone: Zone, lang: Lang) -> String {
    let (local, zone) = match zone.checked_local(at) {
        Some(local) => (local, zone),
        None => (at.naive_utc(), Zone::UTC),
    };
    let day = date(local.date(), lang);
    let (h, m, name) = (local.hour(), local.minute(), zone.name());
    match lang {
        Lang::Id => format!("{day} pukul {h:02}.{m:02} {name}"),
        Lang::En => format!("{day}, {h:02}:{m:02} {name}"),
    }
}

/// Reads a month as people type it into the date field's month box: a
/// number (`8`, `08`), or a full or short month name in Indonesian or
/// English, in any case, with an optional trailing full stop (`agu`,
/// `Agustus`, `aug.`, `Mei`, `may`, `okt`, `oct`, `des`, `dec`). The old
/// spellings `Pebruari` and `Nopember`, still common, are accepted too.
///
/// # Example
/// ```
/// use aduan_core::format::parse_month;
/// assert_eq!(parse_month("agu"), Some(8));
/// assert_eq!(parse_month(" Mei "), Some(5));
/// assert_eq!(parse_month("DEC."), Some(12));
/// assert_eq!(parse_month("03"), Some(3));
/// assert_eq!(parse_month("13"), None);
/// assert_eq!(parse_month("ma"), None);
/// ```
#[must_use]
pub fn parse_month(s: &str) -> Option<u32> {
    let t = s.trim();
    let t = t.strip_suffix('.').unwrap_or(t).trim_end();
    if !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()) {
        let n: u32 = t.parse().ok()?;
        return (1..=12).contains(&n).then_some(n);
    }
    // Month names are ASCII; ASCII case folding keeps Unicode's case
    // tables out of the widgets' bundle.
    let month = match t.to_ascii_lowercase().as_str() {
        "januari" | "january" | "jan" => 1,
        "februari" | "february" | "pebruari" | "feb" | "peb" => 2,
        "maret" | "march" | "mar" => 3,
        "april" | "apr" => 4,
        "mei" | "may" => 5,
        "juni" | "june" | "jun" => 6,
        "juli" | "july" | "jul" => 7,
        "agustus" | "august" | "agu" | "agt" | "ags" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "oktober" | "october" | "okt" | "oct" => 10,
        "november" | "nopember" | "nov" | "nop" => 11,
        "desember" | "december" | "des" | "dec" => 12,
        _ => return None,
    };
    Some(month)
}

fn with_unit(value: f64, max_places: u8, lang: Lang, (id, one, many): (&str, &str, &str)) -> String {
    let number = match Rounded::new(value, 0, max_places) {
        Some(r) => r.render(lang, true),
        None if value.is_nan() => return NO_DATA.to_owned(),
        None => special(value),
    };
    let unit = match lang {
        Lang::Id => id,
        Lang::En if number == "1" || number == "-1" => one,
        Lang::En => many,
    };
    format!("{number} {unit}")
}

fn special(x: f64) -> String {
    if x.is_nan() {
        NO_DATA.to_owned()
    } else if x < 0.0 {
        "-∞".to_owned()
    } else {
        "∞".to_owned()
    }
}

/// Appends the ASCII digits `digits` with a separator every three digits
/// from the right.
fn push_grouped(out: &mut String, digits: &str, lang: Lang) {
    let sep = match lang {
        Lang::Id => '.',
        Lang::En => ',',
    };
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i) % 3 == 0 {
            out.push(sep);
        }
        out.push(c);
    }
}

/// A finite number rounded to a number of decimal places, as decimal digits.
struct Rounded {
    negative: bool,
    /// The integer part's digits, without leading zeros ("0" for zero).
    int: String,
    /// Exactly `places` fraction digits.
    frac: String,
}

impl Rounded {
    /// Rounds `x × 10^shift` half away from zero to `places` decimals, or
    /// `None` if `x` is not finite.
    fn new(x: f64, shift: usize, places: u8) -> Option<Self> {
        if !x.is_finite() {
            return None;
        }
        // `{}` never uses an exponent for f64 and prints the shortest text
        // that reads back as `x`, which is the number the user thinks of.
        let text = format!("{}", x.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).map(|b| b - b'0').collect();
        let mut int_len = int.len() + shift;
        // Enough digits for the shift, the kept places and the rounding digit.
        let places = usize::from(places);
        while digits.len() < int_len + places + 1 {
            digits.push(0);
        }
        let round_up = digits[int_len + places] >= 5;
        digits.truncate(int_len + places);
        if round_up {
            let mut i = digits.len();
            loop {
                if i == 0 {
                    digits.insert(0, 1);
                    int_len += 1;
                    break;
                }
                i -= 1;
                if digits[i] == 9 {
                    digits[i] = 0;
                } else {
                    digits[i] += 1;
                    break;
                }
            }
        }
        let to_text = |ds: &[u8]| ds.iter().map(|d| char::from(b'0' + d)).collect::<String>();
        let int = to_text(&digits[..int_len]);
        let int = int.trim_start_matches('0');
        let int = if int.is_empty() { "0".to_owned() } else { int.to_owned() };
        let frac = to_text(&digits[int_len..]);
        let is_zero = int == "0" && frac.bytes().all(|b| b == b'0');
        Some(Self { negative: x.is_sign_negative() && !is_zero, int, frac })
    }

    /// Writes the number in `lang`; `trim` drops trailing fraction zeros.
    fn render(&self, lang: Lang, trim: bool) -> String {
        let mut out = String::new();
        if self.negative {
            out.push('-');
        }
        push_grouped(&mut out, &self.int, lang);
        let frac = if trim { self.frac.trim_end_matches('0') } else { &self.frac };
        if !frac.is_empty() {
            out.push(match lang {
                Lang::Id => ',',
                Lang::En => '.',
            });
            out.push_str(frac);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use Lang::{En, Id};

    /// One formatting case: what `format` gives in Indonesian and English.
    fn check(format: impl Fn(Lang) -> String, want: (&str, &str), case: &str) {
        assert_eq!((format(Id).as_str(), format(En).as_str()), want, "{case}");
    }

    #[test]
    fn integers() {
        let cases: &[(i64, (&str, &str))] = &[
            (0, ("0", "0")),
            (7, ("7", "7")),
            (999, ("999", "999")),
            (1000, ("1.000", "1,000")),
            (1250, ("1.250", "1,250")),
            (-1250, ("-1.250", "-1,250")),
            (123_456_789, ("123.456.789", "123,456,789")),
            (i64::MIN, ("-9.223.372.036.854.775.808", "-9,223,372,036,854,775,808")),
        ];
        for &(n, want) in cases {
            check(|l| integer(n, l), want, &n.to_string());
        }
    }

    #[test]
    fn decimals() {
        let cases: &[(f64, u8, (&str, &str))] = &[
            (1.1, 1, ("1,1", "1.1")),
            (1.05, 1, ("1,1", "1.1")),
            (1.04999, 1, ("1,0", "1.0")),
            (2.5, 0, ("3", "3")),
            (-2.5, 0, ("-3", "-3")),
            (2.675, 2, ("2,68", "2.68")),
            (1.005, 2, ("1,01", "1.01")),
            (0.1 + 0.2, 2, ("0,30", "0.30")),
            (9.99, 1, ("10,0", "10.0")),
            (999.95, 1, ("1.000,0", "1,000.0")),
            (1250.5, 2, ("1.250,50", "1,250.50")),
            (-0.04, 1, ("0,0", "0.0")),
            (-0.0, 0, ("0", "0")),
            (0.000_001, 3, ("0,000", "0.000")),
            (1e21, 0, ("1.000.000.000.000.000.000.000", "1,000,000,000,000,000,000,000")),
            (f64::NAN, 1, ("–", "–")),
            (f64::INFINITY, 1, ("∞", "∞")),
            (f64::NEG_INFINITY, 1, ("-∞", "-∞")),
        ];
        for &(x, places, want) in cases {
            check(|l| decimal(x, places, l), want, &format!("{x} {places}"));
        }
    }

    #[test]
    fn percents() {
        let cases: &[(f64, u8, (&str, &str))] = &[
            (0.875, 1, ("87,5%", "87.5%")),
            (0.875, 0, ("88%", "88%")),
            (0.285, 0, ("29%", "29%")),
            (1.0, 0, ("100%", "100%")),
            (0.0, 1, ("0,0%", "0.0%")),
            (12.5, 0, ("1.250%", "1,250%")),
            (-0.125, 1, ("-12,5%", "-12.5%")),
            (0.00004, 2, ("0,00%", "0.00%")),
            (f64::NAN, 1, ("–", "–")),
        ];
        for &(x, places, want) in cases {
            check(|l| percent(x, places, l), want, &format!("{x} {places}"));
        }
    }

    #[test]
    fn durations() {
        let cases: &[(f64, u8, (&str, &str))] = &[
            (1.1, 1, ("1,1 hari", "1.1 days")),
            (1.0, 1, ("1 hari", "1 day")),
            (1.04, 1, ("1 hari", "1 day")),
            (0.96, 1, ("1 hari", "1 day")),
            (2.0, 1, ("2 hari", "2 days")),
            (0.0, 1, ("0 hari", "0 days")),
            (-1.0, 0, ("-1 hari", "-1 day")),
            (1250.25, 2, ("1.250,25 hari", "1,250.25 days")),
            (f64::NAN, 1, ("–", "–")),
        ];
        for &(x, places, want) in cases {
            check(|l| days(x, places, l), want, &format!("{x} {places}"));
        }
        check(|l| working_days(3.0, 0, l), ("3 hari kerja", "3 working days"), "3");
        check(|l| working_days(1.0, 0, l), ("1 hari kerja", "1 working day"), "1");
        check(|l| working_days(4.75, 1, l), ("4,8 hari kerja", "4.8 working days"), "4.75");
    }

    #[test]
    fn dates_and_instants() {
        let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap();
        check(|l| date(d(2026, 11, 23), l), ("23 November 2026", "23 November 2026"), "nov");
        check(|l| date(d(2026, 8, 1), l), ("1 Agustus 2026", "1 August 2026"), "aug");
        check(|l| date(d(2025, 5, 9), l), ("9 Mei 2025", "9 May 2025"), "may");
        for m in 1..=12 {
            assert!(date(d(2026, m, 1), Id).starts_with("1 "));
        }
        let at: DateTime<Utc> = "2026-11-23T06:30:00Z".parse().unwrap();
        check(
            |l| instant(at, Zone::WITA, l),
            ("23 November 2026 pukul 14.30 WITA", "23 November 2026, 14:30 WITA"),
            "wita",
        );
        // 17:05 UTC is already the next day in WIT.
        let late: DateTime<Utc> = "2026-12-31T17:05:00Z".parse().unwrap();
        check(
            |l| instant(late, Zone::WIT, l),
            ("1 Januari 2027 pukul 02.05 WIT", "1 January 2027, 02:05 WIT"),
            "wit",
        );
        check(
            |l| instant(late, Zone::UTC, l),
            ("31 Desember 2026 pukul 17.05 UTC+00:00", "31 December 2026, 17:05 UTC+00:00"),
            "utc",
        );
    }

    #[test]
    fn instants_beyond_a_zones_range_fall_back_to_utc() {
        let max = DateTime::<Utc>::MAX_UTC;
        check(
            |l| instant(max, Zone::WITA, l),
            ("31 Desember 262142 pukul 23.59 UTC+00:00", "31 December 262142, 23:59 UTC+00:00"),
            "max in WITA",
        );
        let min = DateTime::<Utc>::MIN_UTC;
        let west = Zone::from_offset_seconds(-3 * 3600).unwrap();
        check(
            |l| instant(min, west, l),
            ("1 Januari -262143 pukul 00.00 UTC+00:00", "1 January -262143, 00:00 UTC+00:00"),
            "min west of UTC",
        );
        // Where the local time exists, the zone is used as usual.
        check(
            |l| instant(min, Zone::WITA, l),
            ("1 Januari -262143 pukul 08.00 WITA", "1 January -262143, 08:00 WITA"),
            "min in WITA",
        );
    }

    #[test]
    fn months() {
        let cases: &[(&str, Option<u32>)] = &[
            ("1", Some(1)),
            ("01", Some(1)),
            ("12", Some(12)),
            ("0", None),
            ("13", None),
            ("", None),
            ("  ", None),
            ("jan", Some(1)),
            ("Januari", Some(1)),
            ("JANUARY", Some(1)),
            ("peb", Some(2)),
            ("Pebruari", Some(2)),
            ("mar", Some(3)),
            ("Mei", Some(5)),
            ("may", Some(5)),
            ("juni", Some(6)),
            ("jul", Some(7)),
            ("agu", Some(8)),
            ("Agt", Some(8)),
            ("agustus", Some(8)),
            ("aug", Some(8)),
            ("Aug.", Some(8)),
            ("sept", Some(9)),
            ("okt", Some(10)),
            ("oct", Some(10)),
            ("Nopember", Some(11)),
            ("des", Some(12)),
            ("dec", Some(12)),
            ("desember", Some(12)),
            ("ma", None),
            ("augustus", None),
            ("8a", None),
            ("-1", None),
            ("١", None),
        ];
        for &(input, want) in cases {
            assert_eq!(parse_month(input), want, "{input:?}");
        }
        for m in 1..=12 {
            for lang in [Id, En] {
                let name = month_name(m, lang).unwrap();
                assert_eq!(parse_month(name), Some(m), "{name}");
                let short: String = name.chars().take(3).collect();
                assert_eq!(parse_month(&short), Some(m), "{short}");
            }
        }
        assert_eq!(month_name(0, Id), None);
    }

    proptest! {
        #[test]
        fn decimals_round_to_the_nearest_and_agree_across_languages(
            x in -1e12f64..1e12,
            places in 0u8..7,
        ) {
            let en = decimal(x, places, En);
            let id = decimal(x, places, Id);
            // Indonesian is English with the separators swapped.
            let swapped: String = en
                .chars()
                .map(|c| match c { ',' => '.', '.' => ',', c => c })
                .collect();
            prop_assert_eq!(&id, &swapped);
            let back: f64 = en.replace(',', "").parse().unwrap();
            let half_step = 0.5 * 10f64.powi(-i32::from(places));
            prop_assert!((back - x).abs() <= half_step + 1e-9 * x.abs().max(1.0), "{} -> {}", x, en);
            let fraction = en.split_once('.').map_or(0, |(_, f)| f.len());
            prop_assert_eq!(fraction, usize::from(places));
        }

        #[test]
        fn instants_never_panic(
            seconds in {
                let (min, max) = (DateTime::<Utc>::MIN_UTC.timestamp(), DateTime::<Utc>::MAX_UTC.timestamp());
                prop_oneof![min..=max, min..min + 100_000, max - 100_000..=max]
            },
            minutes in -18 * 60..=18 * 60,
        ) {
            let at = DateTime::from_timestamp(seconds, 0).unwrap();
            let zone = Zone::from_offset_seconds(minutes * 60).unwrap();
            for lang in [Id, En] {
                let text = instant(at, zone, lang);
                prop_assert!(text.ends_with(&zone.name()) || text.ends_with(&Zone::UTC.name()), "{}", text);
            }
        }

        #[test]
        fn formatting_never_panics(x in any::<f64>(), places in any::<u8>(), n in any::<i64>()) {
            for lang in [Id, En] {
                let _ = (decimal(x, places, lang), percent(x, places, lang), days(x, places, lang));
                prop_assert!(integer(n, lang).len() >= n.to_string().len());
            }
        }
    }
}
