//! Counts working days between many pairs of dates, as `numpy.busday_count`
//! does, to compare the two: `bench/vs_numpy.py` writes the pairs and runs it.
//!
//! Usage: `busday_count PAIRS.bin`, where the file holds pairs of
//! little-endian `i32` day numbers (days since 1970-01-01), begin then end.
//! Prints one JSON line: `{"n":…,"seconds":…,"checksum":…,"convert_seconds":…}`,
//! where `seconds` times the counting alone (numpy is likewise handed
//! `datetime64[D]` arrays prepared outside its timing) and `convert_seconds`
//! the conversion of day numbers to dates, reported so that nothing is hidden.

#![allow(clippy::print_stdout)]

use std::error::Error;
use std::hint::black_box;
use std::time::Instant;

use aduan_core::calendar::Calendar;
use chrono::NaiveDate;

/// `NaiveDate::num_days_from_ce` of 1970-01-01.
const UNIX_EPOCH_DAYS_FROM_CE: i32 = 719_163;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args().nth(1).ok_or("usage: busday_count PAIRS.bin")?;
    let bytes = std::fs::read(&path)?;
    if bytes.len() % 8 != 0 {
        return Err(format!("{path}: {} bytes is not a whole number of i32 pairs", bytes.len()).into());
    }
    let calendar = Calendar::indonesia();

    let converting = Instant::now();
    let date = |b: &[u8]| {
        let days = i32::from_le_bytes(b.try_into().expect("chunks of 4"));
        days.checked_add(UNIX_EPOCH_DAYS_FROM_CE).and_then(NaiveDate::from_num_days_from_ce_opt)
    };
    let pairs = bytes
        .chunks_exact(8)
        .map(|pair| Some((date(&pair[..4])?, date(&pair[4..])?)))
        .collect::<Option<Vec<(NaiveDate, NaiveDate)>>>()
        .ok_or("a day number is outside chrono's range")?;
    let convert_seconds = converting.elapsed().as_secs_f64();

    let counting = Instant::now();
    let mut checksum = 0i64;
    for &(begin, end) in black_box(&pairs) {
        checksum += calendar.working_days_between(begin, end)?;
    }
    let checksum = black_box(checksum);
    let seconds = counting.elapsed().as_secs_f64();

    println!(
        "{{\"n\":{},\"seconds\":{seconds},\"checksum\":{checksum},\"convert_seconds\":{convert_seconds}}}",
        pairs.len()
    );
    Ok(())
}
