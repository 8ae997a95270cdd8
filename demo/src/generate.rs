//! The deterministic generator: two years of complaints for the demo
//! agencies, each a validated submission and an event history that the
//! core's lifecycle accepts, with every officer acting in office hours on
//! working days of the core's calendar.
//!
//! Nothing here reads a clock or the system's randomness: the seed and the
//! demo's "now" are parameters, so one seed always gives the same
//! complaints. Figures such as the yearly counts and response times are
//! not written anywhere; they follow from the distributions below (the
//! [`Pace`] of each year), and the statistics code measures them.

use std::collections::{BTreeMap, HashSet};
use std::fmt;

use aduan_core::calendar::{Calendar, CalendarError};
use aduan_core::complaint::ComplaintInput;
use aduan_core::lifecycle::{Action, Actor, ArchiveReason, Event, Lifecycle};
use aduan_core::sla::{SlaContext, apply_checked, evaluate};
use aduan_core::{AgencyId, Channel, ComplaintKind, Privacy, Rating, TicketNumber, Zone};
use aduan_server::config::Config;
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc, Weekday};
use rand_chacha::ChaCha8Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};

use crate::catalog::{self, Handler, Misroute, Place, REGENCIES, Regency, TOPICS, Topic};

/// The years the demo covers.
pub const YEARS: [i32; 2] = [2024, 2025];

/// One generated complaint: what the reporter sent and everything that
/// happened to it up to the demo's "now".
#[derive(Debug, Clone, PartialEq)]
pub struct DemoComplaint {
    /// The client's `Idempotency-Key`, as a form would send it.
    pub idempotency_key: String,
    /// Its ticket number (drawn from the seeded generator, as the server
    /// draws one from random bytes).
    pub ticket: TicketNumber,
    /// The submission as typed into the form.
    pub input: ComplaintInput,
    /// The channel it came through.
    pub channel: Channel,
    /// Its history, oldest first; the first event is `received`.
    pub events: Vec<Event>,
}

/// Why the generator could not run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateError {
    /// The configuration lacks an agency the topics route to.
    MissingAgency(String),
    /// The calendar does not cover an instant the demo needs.
    Calendar(String),
    /// The lifecycle refused a planned event: a bug in the generator.
    Refused {
        /// The ticket concerned.
        ticket: String,
        /// The core's reason.
        reason: String,
    },
}

impl fmt::Display for GenerateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MissingAgency(id) => {
                write!(f, "the configuration has no agency {id:?}, which demo topics need")
            }
            Self::Calendar(e) => write!(f, "the holiday calendar does not cover the demo: {e}"),
            Self::Refused { ticket, reason } => {
                write!(f, "the lifecycle refused a generated event of {ticket}: {reason}")
            }
        }
    }
}

impl std::error::Error for GenerateError {}

impl From<CalendarError> for GenerateError {
    fn from(e: CalendarError) -> Self {
        Self::Calendar(e.to_string())
    }
}

/// How fast complaints were handled in a year: the parameters of the delay
/// distributions, in office hours (7 make a working day). They were tuned once so
/// that the statistics of the seeded database match the figures Diskominfo
/// Kalsel reported for each year; the figures themselves are not here.
#[derive(Debug, Clone, Copy)]
struct Pace {
    /// Complaints received in the year, before a little seeded jitter.
    complaints: u32,
    /// Mean office hours from receipt to the coordinator's verification.
    verify_hours: f64,
    /// Mean office hours from disposition to the agency's first answer.
    answer_hours: f64,
    /// Share of answers that take several times longer (backlogs, leave).
    slow_share: f64,
    /// Mean office hours from the first answer to the follow-up.
    follow_up_hours: f64,
}

fn pace(year: i32) -> Pace {
    if year <= 2024 {
        Pace { complaints: 800, verify_hours: 1.7, answer_hours: 4.2, slow_share: 0.05, follow_up_hours: 8.0 }
    } else {
        Pace { complaints: 700, verify_hours: 0.9, answer_hours: 2.5, slow_share: 0.02, follow_up_hours: 6.0 }
    }
}

/// The demo's default "now": Thursday 15 January 2026, 10:00 WITA, a
/// fortnight after the last generated complaint, so the tail of December
/// is still being handled.
#[must_use]
pub fn default_now() -> DateTime<Utc> {
    Zone::WITA
        .to_utc(NaiveDate::from_ymd_opt(2026, 1, 15).expect("a date").and_hms_opt(10, 0, 0).expect("a time"))
}

/// Generates the demo's complaints for `config`'s agencies from `seed`,
/// with histories cut at `now`, ordered by receipt.
///
/// # Errors
/// [`GenerateError`] when the configuration lacks a demo agency, the
/// calendar does not cover 2024–2025, or (a bug) the lifecycle refuses a
/// generated event.
pub fn generate(config: &Config, seed: u64, now: DateTime<Utc>) -> Result<Vec<DemoComplaint>, GenerateError> {
    let world = World::new(config)?;
    let mut dice = Dice::new(seed);
    let speeds = agency_speeds(config);
    let mut out = Vec::new();
    let mut tickets = HashSet::new();
    for year in YEARS {
        let pace = pace(year);
        let jitter = i64::from(pace.complaints / 80);
        let n = (i64::from(pace.complaints) + dice.below(2 * jitter as u64 + 1) as i64 - jitter) as usize;
        let receipts = receipts(&world, &mut dice, year, n)?;
        let answer_quantiles = dice.stratified(n);
        let verify_quantiles = dice.stratified(n);
        for (i, received_at) in receipts.into_iter().enumerate() {
            let ticket = loop {
                let t = TicketNumber::from_entropy(dice.next());
                if tickets.insert(t) {
                    break t;
                }
            };
            let draft = draft(&world, &mut dice, received_at, &out)?;
            let plan = Plan {
                pace,
                answer_quantile: answer_quantiles[i],
                verify_quantile: verify_quantiles[i],
                speeds: &speeds,
                now,
            };
            let complaint = live(&world, &mut dice, ticket, draft, &plan)?;
            if complaint.events[0].at <= now {
                out.push(complaint);
            }
        }
    }
    // Entering a complaint later than it arrived reorders a few.
    out.sort_by_key(|c| c.events[0].at);
    Ok(out)
}

/// The configuration as the generator needs it.
struct World<'c> {
    config: &'c Config,
    calendar: &'c Calendar,
    zone: Zone,
    names: BTreeMap<&'c str, &'c str>,
}

impl<'c> World<'c> {
    fn new(config: &'c Config) -> Result<Self, GenerateError> {
        let names: BTreeMap<&str, &str> =
            config.agencies.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
        let mut needed: Vec<&str> = vec!["diskominfo"];
        for topic in TOPICS {
            if let Handler::Province(list) = topic.handler {
                needed.extend(list.iter().map(|(id, _)| *id));
            }
            if let Some((Misroute::Province(id), _)) = topic.misroute {
                needed.push(id);
            }
        }
        needed.extend(REGENCIES.iter().map(|r| r.id));
        if let Some(missing) = needed.into_iter().find(|id| !names.contains_key(id)) {
            return Err(GenerateError::MissingAgency(missing.to_owned()));
        }
        Ok(Self { config, calendar: &config.calendar, zone: config.default_zone, names })
    }

    fn agency(&self, id: &str) -> AgencyId {
        AgencyId::new(id).expect("catalog ids are valid slugs")
    }

    fn name<'a>(&'a self, id: &'a str) -> &'a str {
        self.names.get(id).copied().unwrap_or(id)
    }

    fn sla(&self, agency: Option<&AgencyId>) -> SlaContext<'c> {
        let zone = agency.map_or(self.zone, |a| self.config.zone_of(a));
        SlaContext { policy: &self.config.sla, calendar: self.calendar, zone }
    }

    fn local(&self, at: DateTime<Utc>) -> chrono::NaiveDateTime {
        self.zone.local(at)
    }
}

// ----- Randomness -----------------------------------------------------------

/// The seeded source of every choice, with the few distributions needed.
struct Dice(ChaCha8Rng);

impl Dice {
    fn new(seed: u64) -> Self {
        Self(ChaCha8Rng::seed_from_u64(seed))
    }

    fn next(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// Uniform in [0, 1).
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in 0..n.
    fn below(&mut self, n: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(n)) >> 64) as u64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize]
    }

    fn weighted<T: Copy>(&mut self, items: &[(T, f64)]) -> T {
        let total: f64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.unit() * total;
        for (item, w) in items {
            if x < *w {
                return *item;
            }
            x -= w;
        }
        items[items.len() - 1].0
    }

    /// Exponential with this mean.
    fn exp(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }

    /// `n` uniforms in [0, 1), one in each n-th of the interval, shuffled:
    /// a sample whose spread is the distribution's own, whatever the seed.
    fn stratified(&mut self, n: usize) -> Vec<f64> {
        let mut u: Vec<f64> = (0..n).map(|i| (i as f64 + self.unit()) / n as f64).collect();
        for i in (1..n).rev() {
            let j = self.below(i as u64 + 1) as usize;
            u.swap(i, j);
        }
        u
    }
}

/// How quickly each agency answers, relative to the year's pace: some
/// are quick, some slow (regencies a little slower), the same whatever the
/// seed, so that the province's figures do not hang on which agencies one
/// seed happens to make slow.
fn agency_speeds(config: &Config) -> BTreeMap<AgencyId, f64> {
    config
        .agencies
        .iter()
        .map(|a| {
            let regency_lag = if a.category.as_str().starts_with("kabupaten-kota") { 1.15 } else { 1.0 };
            // A stable spread in 0.7..1.3 from the id (FNV-1a).
            let hash =
                a.id.as_str()
                    .bytes()
                    .fold(0xcbf2_9ce4_8422_2325_u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3));
            (a.id.clone(), regency_lag * (0.7 + 0.6 * (hash % 1000) as f64 / 1000.0))
        })
        .collect()
}

// ----- When complaints arrive -------------------------------------------------

/// How many complaints arrive at each local hour, relative to the busiest.
const HOUR_WEIGHTS: [f64; 24] = [
    0.10, 0.05, 0.03, 0.03, 0.05, 0.15, 0.40, 0.80, 1.30, 1.60, 1.60, 1.40, 1.00, 1.20, 1.30, 1.20, 1.00,
    0.80, 0.70, 0.90, 1.10, 1.00, 0.60, 0.30,
];

/// `n` receipt instants in `year`, in order, spread by stratified sampling
/// over the year's intensity: seasons (the sum of the topics' seasons),
/// days (fewer on weekends and holidays) and hours of the day.
fn receipts(
    world: &World<'_>,
    dice: &mut Dice,
    year: i32,
    n: usize,
) -> Result<Vec<DateTime<Utc>>, GenerateError> {
    let mut month_weight = [0.0; 12];
    for topic in TOPICS {
        for (m, w) in month_weight.iter_mut().enumerate() {
            *w += topic.weight * topic.season[m];
        }
    }
    let first = NaiveDate::from_ymd_opt(year, 1, 1).expect("a date");
    let mut hours = Vec::with_capacity(8784);
    let mut cumulative = Vec::with_capacity(8784);
    let mut total = 0.0;
    let mut date = first;
    while date.year() == year {
        let day = if world.calendar.is_working_day(date)? {
            1.0
        } else {
            match date.weekday() {
                Weekday::Sat => 0.55,
                Weekday::Sun => 0.45,
                _ => 0.5,
            }
        };
        for (hour, w) in HOUR_WEIGHTS.iter().enumerate() {
            total += month_weight[date.month0() as usize] * day * w;
            hours.push(date.and_hms_opt(hour as u32, 0, 0).expect("a time"));
            cumulative.push(total);
        }
        date = date.succ_opt().expect("a next day");
    }
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let target = (i as f64 + dice.unit()) / n as f64 * total;
        let h = cumulative.partition_point(|c| *c <= target).min(hours.len() - 1);
        let local = hours[h] + Duration::seconds(dice.below(3600) as i64);
        out.push(world.zone.to_utc(local));
    }
    Ok(out)
}

// ----- What a complaint says ----------------------------------------------------

/// A complaint before it is handled.
struct Draft {
    received_at: DateTime<Utc>,
    topic: Option<&'static Topic>,
    handler: String,
    requested: String,
    misroute_to: Option<String>,
    reroute_reason: &'static str,
    /// Which of the topic's bodies the description is.
    body: usize,
    fill: Fill,
    input: ComplaintInput,
    channel: Channel,
    actor: Actor,
    /// Archived at verification, with a note.
    archive: Option<(ArchiveReason, String)>,
}

/// Values for the placeholders of the catalog's phrases.
#[derive(Debug, Clone)]
struct Fill {
    street: String,
    district: String,
    regency: &'static Regency,
    unit: String,
    duration: &'static str,
    school: String,
}

impl Fill {
    fn lokasi(&self) -> String {
        format!("{}, Kecamatan {}, {}", self.street, self.district, self.regency.name)
    }

    fn apply(&self, template: &str) -> String {
        template
            .replace("{lokasi}", &self.lokasi())
            .replace("{jalan}", &self.street)
            .replace("{kec}", &self.district)
            .replace("{kab}", self.regency.name)
            .replace("{kota}", self.regency.seat)
            .replace("{unit}", &self.unit)
            .replace("{rs}", &self.unit)
            .replace("{samsat}", &self.unit)
            .replace("{lama}", self.duration)
            .replace("{sekolah}", &self.school)
    }
}

fn pick_regency(dice: &mut Dice) -> &'static Regency {
    let weighted: Vec<(&'static Regency, f64)> = REGENCIES.iter().map(|r| (r, r.weight)).collect();
    dice.weighted(&weighted)
}

fn pick_topic(dice: &mut Dice, month0: usize) -> &'static Topic {
    let weighted: Vec<(&'static Topic, f64)> =
        TOPICS.iter().map(|t| (t, t.weight * t.season[month0])).collect();
    dice.weighted(&weighted)
}

fn reporter_name(dice: &mut Dice) -> String {
    let (first, second) = if dice.chance(0.5) { catalog::MEN } else { catalog::WOMEN };
    let first = dice.pick(first);
    let second = dice.pick(second);
    // Many people go by one name; the two names are never the same.
    let alone = dice.chance(0.2) && !catalog::NAME_PREFIXES.contains(&first);
    if alone || first == second { first.to_owned() } else { format!("{first} {second}") }
}

fn email_of(dice: &mut Dice, name: &str) -> String {
    let base: String =
        name.to_lowercase().chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '.' }).collect();
    let domain = dice.pick(&["gmail.com", "gmail.com", "gmail.com", "yahoo.co.id", "yahoo.com"]);
    format!("{base}{}@{domain}", dice.below(90) + 10)
}

fn phone(dice: &mut Dice) -> String {
    let prefix = dice.pick(&["0812", "0813", "0821", "0822", "0852", "0853", "0857", "0878"]);
    format!("{prefix}{:08}", dice.below(100_000_000))
}

fn web_origin(world: &World<'_>, agency: &str) -> String {
    world
        .config
        .agency(&world.agency(agency))
        .and_then(|a| a.origins.first().cloned())
        .unwrap_or_else(|| "https://kalselprov.go.id".to_owned())
}

/// Draws what a complaint received at `received_at` is about and says.
fn draft(
    world: &World<'_>,
    dice: &mut Dice,
    arrived_at: DateTime<Utc>,
    earlier: &[DemoComplaint],
) -> Result<Draft, GenerateError> {
    let local = world.local(arrived_at);
    let regency = pick_regency(dice);
    let spam = dice.chance(0.025);
    let topic = (!spam).then(|| pick_topic(dice, local.month0() as usize));
    let handler = match topic.map(|t| t.handler) {
        Some(Handler::Province(list)) => dice.weighted(list).to_owned(),
        Some(Handler::Regency) => regency.id.to_owned(),
        None => "diskominfo".to_owned(),
    };
    let fill = Fill {
        street: format!("{} RT {:02}", dice.pick(regency.streets), dice.below(30) + 1),
        district: dice.pick(regency.districts).to_owned(),
        regency,
        unit: world.name(&handler).to_owned(),
        duration: dice.pick(catalog::DURATIONS),
        school: format!(
            "{} Negeri {} {}",
            dice.pick(&["SMA", "SMA", "SMK"]),
            dice.below(if regency.weight > 8.0 { 13 } else { 4 }) + 1,
            regency.seat
        ),
    };
    let (misroute_to, reroute_reason) = match topic.and_then(|t| t.misroute) {
        Some((target, reason)) if dice.chance(0.09) => {
            let to = match target {
                Misroute::Province(id) => id.to_owned(),
                Misroute::Regency => regency.id.to_owned(),
            };
            (Some(to).filter(|to| *to != handler), reason)
        }
        _ => (None, ""),
    };
    // Citizens address the agency they think handles it, the province's
    // Diskominfo (LAPOR PAMAN), or the agency it was wrongly sent to.
    let requested = if misroute_to.is_some() && dice.chance(0.5) {
        misroute_to.clone().expect("checked")
    } else if dice.chance(0.22) {
        "diskominfo".to_owned()
    } else {
        handler.clone()
    };
    let kind = topic.map_or(ComplaintKind::Pengaduan, |t| t.kind);
    let sensitive = topic.is_some_and(|t| t.sensitive);
    let privacy = match dice.unit() {
        x if x < if sensitive { 0.35 } else { 0.15 } => Privacy::Anonim,
        x if x < if sensitive { 0.55 } else { 0.24 } => Privacy::Rahasia,
        _ => Privacy::Publik,
    };
    let channel_roll = dice.unit();
    let (channel, actor) = match channel_roll {
        x if x < 0.36 => (Channel::WebWidget { origin: web_origin(world, &requested) }, Actor::Reporter),
        x if x < 0.66 => (Channel::Lapor, Actor::Koordinator),
        x if x < 0.81 => (Channel::WhatsApp, Actor::Koordinator),
        x if x < 0.86 => (Channel::Sms1708, Actor::Koordinator),
        x if x < 0.94 => (Channel::SocialMedia, Actor::Koordinator),
        _ => (Channel::WalkIn, Actor::Koordinator),
    };
    // A web form files the complaint itself, at any hour; complaints from
    // LAPOR!, WhatsApp, SMS, social media and the service desk are entered
    // by the coordinator, in office hours.
    // One that would be entered only next year (arriving on the last
    // evening of the year) is counted as filed on the web form instead, so
    // each year holds what arrived in it.
    let entered_at = office_after(world, arrived_at, dice.below(5400) as f64)?;
    let next_year = world.local(entered_at).year() != local.year();
    let (channel, actor, received_at) = match actor {
        Actor::Koordinator if !next_year => (channel, actor, entered_at),
        Actor::Koordinator => {
            (Channel::WebWidget { origin: web_origin(world, &requested) }, Actor::Reporter, arrived_at)
        }
        _ => (channel, actor, arrived_at),
    };
    let name = reporter_name(dice);
    let identified = privacy != Privacy::Anonim || dice.chance(0.3);
    let reporter = if identified {
        let email = if dice.chance(0.55) { email_of(dice, &name) } else { String::new() };
        let phone = if email.is_empty() || dice.chance(0.4) { phone(dice) } else { String::new() };
        aduan_core::complaint::ReporterInput { name, email, phone }
    } else {
        aduan_core::complaint::ReporterInput::default()
    };
    // A duplicate: the same reporter sends an earlier complaint again.
    let duplicate_of = (!spam && dice.chance(0.015)).then(|| earlier.last()).flatten();
    let mut body = 0;
    let (title, description, location, archive) = match (topic, duplicate_of) {
        (_, Some(original)) => (
            original.input.title.clone(),
            original.input.description.clone(),
            original.input.location.clone(),
            Some((ArchiveReason::Duplikat, format!("Sama dengan laporan {}.", original.ticket))),
        ),
        (Some(topic), None) => {
            let location = match topic.place {
                Place::Street => fill.lokasi(),
                Place::Office if topic.key.contains("sekolah") || topic.key == "ppdb-sma" => {
                    format!("{}, {}", fill.school, regency.name)
                }
                Place::Office => fill.unit.clone(),
            };
            let location =
                if kind != ComplaintKind::Pengaduan && dice.chance(0.5) { String::new() } else { location };
            {
                let t = dice.below(topic.titles.len() as u64) as usize;
                let b = topic.pairs.get(t).copied().unwrap_or(t);
                body = b;
                (fill.apply(topic.titles[t]), fill.apply(topic.bodies[b]), location, None)
            }
        }
        (None, None) => (
            dice.pick(catalog::SPAM_TITLES).to_owned(),
            dice.pick(catalog::SPAM_BODIES).to_owned(),
            String::new(),
            Some((
                ArchiveReason::Spam,
                "Isi laporan berupa promosi atau percobaan, tidak berkaitan dengan pelayanan publik."
                    .to_owned(),
            )),
        ),
    };
    let (title, description, location, requested) = match duplicate_of {
        Some(original) => (title, description, location, original.input.agency.clone()),
        None => (title, description, location, requested),
    };
    let today = local.date();
    let incident_date = match kind {
        ComplaintKind::Pengaduan => Some(today - Duration::days(dice.below(15) as i64)),
        _ => None,
    };
    let input = ComplaintInput {
        kind: Some(kind),
        title,
        description,
        incident_date,
        location,
        coordinates: None,
        agency: requested.clone(),
        privacy: Some(privacy),
        reporter,
    };
    Ok(Draft {
        received_at,
        topic: topic.filter(|_| duplicate_of.is_none()),
        handler,
        requested,
        misroute_to: misroute_to.filter(|_| duplicate_of.is_none()),
        reroute_reason,
        body,
        fill,
        input,
        channel,
        actor,
        archive,
    })
}

// ----- Office time ----------------------------------------------------------------

/// Office hours on a working day, as seconds of the local day: 08:00–12:00
/// and 13:00–16:00, on Friday 08:00–11:00 and 13:30–16:30 (Friday prayers).
fn office_hours(date: NaiveDate) -> [(u32, u32); 2] {
    let h = |hours: u32, minutes: u32| hours * 3600 + minutes * 60;
    if date.weekday() == Weekday::Fri {
        [(h(8, 0), h(11, 0)), (h(13, 30), h(16, 30))]
    } else {
        [(h(8, 0), h(12, 0)), (h(13, 0), h(16, 0))]
    }
}

/// The instant after `seconds` of office time counted from `from`: the
/// time an officer who works through their queue in office hours gets to
/// something. Days off come from the core's calendar.
fn office_after(
    world: &World<'_>,
    from: DateTime<Utc>,
    seconds: f64,
) -> Result<DateTime<Utc>, GenerateError> {
    let mut left = seconds.max(0.0).round() as i64;
    let local = world.local(from);
    let mut date = local.date();
    let mut cursor = i64::from(local.num_seconds_from_midnight());
    loop {
        if world.calendar.is_working_day(date)? {
            for (start, end) in office_hours(date) {
                let (start, end) = (i64::from(start), i64::from(end));
                let begin = cursor.max(start);
                if begin >= end {
                    continue;
                }
                if begin + left < end {
                    let at = date.and_time(NaiveTime::MIN) + Duration::seconds(begin + left);
                    return Ok(world.zone.to_utc(at));
                }
                left -= end - begin;
            }
        }
        date = date.succ_opt().expect("a next day");
        cursor = 0;
    }
}

/// When a citizen does something, at least `least` hours (calendar time)
/// after `from` and `mean` more on average: not at night.
fn citizen_after(
    world: &World<'_>,
    dice: &mut Dice,
    from: DateTime<Utc>,
    least: f64,
    mean: f64,
) -> DateTime<Utc> {
    let hours = least + dice.exp(mean);
    let at = from + Duration::seconds((hours * 3600.0) as i64 + 60);
    let local = world.local(at);
    if local.hour() < 6 {
        world.zone.to_utc(
            local.date().and_hms_opt(6, 0, 0).expect("a time") + Duration::seconds(dice.below(7200) as i64),
        )
    } else if local.hour() >= 23 {
        let next = local.date().succ_opt().expect("a next day");
        world
            .zone
            .to_utc(next.and_hms_opt(6, 30, 0).expect("a time") + Duration::seconds(dice.below(7200) as i64))
    } else {
        at
    }
}

// ----- What happens to it ----------------------------------------------------------

/// The history being built, checked by the core event by event and cut at
/// the demo's "now".
struct Timeline<'w, 'c> {
    world: &'w World<'c>,
    ticket: TicketNumber,
    life: Lifecycle,
    events: Vec<Event>,
    now: DateTime<Utc>,
    open: bool,
    refused: Option<String>,
}

impl Timeline<'_, '_> {
    fn last(&self) -> DateTime<Utc> {
        self.life.last_event_at()
    }

    /// Appends an event if the history is still before `now`; `false` once
    /// it has reached `now` (nothing later happened yet).
    fn push(&mut self, at: DateTime<Utc>, actor: Actor, action: Action) -> bool {
        if !self.open || self.refused.is_some() {
            return false;
        }
        let at = at.max(self.last());
        if at > self.now {
            self.open = false;
            return false;
        }
        let event = Event { at, actor, action };
        let ctx = self.world.sla(self.life.agency());
        match apply_checked(&mut self.life, &event, &ctx) {
            Ok(()) => {
                self.events.push(event);
                true
            }
            Err(e) => {
                self.refused = Some(format!("{:?} at {at}: {e}", event.action.kind()));
                false
            }
        }
    }
}

/// What a year's handling looks like for one complaint.
struct Plan<'s> {
    pace: Pace,
    /// This complaint's place in the year's distribution of answer times.
    answer_quantile: f64,
    /// Its place in the distribution of the coordinator's first look.
    verify_quantile: f64,
    speeds: &'s BTreeMap<AgencyId, f64>,
    now: DateTime<Utc>,
}

const HOUR: f64 = 3600.0;

fn live(
    world: &World<'_>,
    dice: &mut Dice,
    ticket: TicketNumber,
    draft: Draft,
    plan: &Plan<'_>,
) -> Result<DemoComplaint, GenerateError> {
    let received = Event {
        at: draft.received_at,
        actor: draft.actor.clone(),
        action: Action::Received {
            kind: draft.input.kind.unwrap_or(ComplaintKind::Pengaduan),
            agency: world.agency(&draft.requested),
            privacy: draft.input.privacy.unwrap_or(Privacy::Publik),
            channel: draft.channel.kind(),
        },
    };
    let life = Lifecycle::start(&received)
        .map_err(|e| GenerateError::Refused { ticket: ticket.to_string(), reason: e.to_string() })?;
    let mut tl =
        Timeline { world, ticket, life, events: vec![received], now: plan.now, open: true, refused: None };
    handle(&mut tl, dice, &draft, plan)?;
    if let Some(reason) = tl.refused {
        return Err(GenerateError::Refused { ticket: tl.ticket.to_string(), reason });
    }
    Ok(DemoComplaint {
        idempotency_key: idempotency_key(dice),
        ticket,
        input: draft.input,
        channel: draft.channel,
        events: tl.events,
    })
}

/// A key as a browser's `crypto.randomUUID()` makes one.
fn idempotency_key(dice: &mut Dice) -> String {
    let (a, b) = (dice.next(), dice.next());
    format!(
        "{:08x}-{:04x}-4{:03x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xfff,
        0x8000 | (b >> 48) & 0x3fff,
        b & 0xffff_ffff_ffff
    )
}

fn handle(
    tl: &mut Timeline<'_, '_>,
    dice: &mut Dice,
    draft: &Draft,
    plan: &Plan<'_>,
) -> Result<(), GenerateError> {
    let world = tl.world;
    let pace = plan.pace;
    let koordinator = Actor::Koordinator;
    let fill = &draft.fill;
    // The coordinator's first look.
    let look = -(1.0 - plan.verify_quantile).ln() * pace.verify_hours * HOUR;
    let first_look = office_after(world, draft.received_at, look + 300.0)?;
    if let Some((reason, note)) = &draft.archive {
        tl.push(first_look, koordinator, Action::Archived { reason: *reason, note: note.clone() });
        return Ok(());
    }
    let mut verify_at = first_look;
    if dice.chance(0.04) {
        // Something is missing: on hold until the reporter adds it.
        let reason = dice.pick(catalog::HOLD_REASONS).to_owned();
        if !tl.push(first_look, koordinator.clone(), Action::Held { reason }) {
            return Ok(());
        }
        if dice.chance(0.2) {
            // The reporter never answers: archived after two weeks of office time.
            let at = office_after(world, first_look, 10.0 * 7.0 * HOUR + dice.exp(4.0 * HOUR))?;
            let note =
                "Pelapor tidak melengkapi informasi yang diminta sehingga laporan tidak dapat diproses.";
            tl.push(
                at,
                koordinator,
                Action::Archived { reason: ArchiveReason::TidakValid, note: note.to_owned() },
            );
            return Ok(());
        }
        let resumed = if dice.chance(0.3) {
            // The reporter answered by telephone; the coordinator resumes it.
            let at = office_after(world, first_look, dice.exp(6.0 * HOUR) + 1800.0)?;
            tl.push(at, koordinator.clone(), Action::Resumed)
        } else {
            let added = citizen_after(world, dice, first_look, 2.0, 30.0);
            let message = fill.apply(dice.pick(catalog::INFO_ADDED));
            tl.push(added, Actor::Reporter, Action::InfoAdded { message })
        };
        if !resumed {
            return Ok(());
        }
        verify_at = office_after(world, tl.last(), dice.exp(pace.verify_hours * HOUR) + 300.0)?;
    }
    let tighten = draft.input.privacy == Some(Privacy::Publik)
        && draft.topic.is_some_and(|t| t.sensitive)
        && dice.chance(0.3);
    let privacy = tighten.then_some(Privacy::Rahasia);
    if !tl.push(verify_at, koordinator.clone(), Action::Verified { privacy }) {
        return Ok(());
    }
    let mut dispose_at = office_after(world, tl.last(), 120.0 + dice.below(1200) as f64)?;
    let handler = world.agency(&draft.handler);
    if let Some(wrong) = &draft.misroute_to {
        let wrong = world.agency(wrong);
        if !tl.push(dispose_at, koordinator.clone(), Action::Disposed { to: wrong.clone() }) {
            return Ok(());
        }
        let speed = plan.speeds.get(&wrong).copied().unwrap_or(1.0);
        let at = office_after(world, tl.last(), dice.exp(pace.answer_hours * speed * HOUR) + 600.0)?;
        let reason = draft.reroute_reason.to_owned();
        let officer = Actor::Penghubung { agency: wrong };
        if !tl.push(at, officer, Action::Rerouted { reason, suggested: Some(handler.clone()) }) {
            return Ok(());
        }
        dispose_at = office_after(world, tl.last(), dice.exp(pace.verify_hours * HOUR) + 300.0)?;
    }
    if !tl.push(dispose_at, koordinator.clone(), Action::Disposed { to: handler.clone() }) {
        return Ok(());
    }
    let officer = Actor::Penghubung { agency: handler.clone() };
    let speed = plan.speeds.get(&handler).copied().unwrap_or(1.0);
    if dice.chance(0.006) {
        // Never answered: left overdue, as happens.
        return Ok(());
    }
    // The agency's first answer: the year's distribution at this
    // complaint's quantile, slower for slow agencies and for a few cases.
    let q = plan.answer_quantile;
    let base = -(1.0 - q).ln() * pace.answer_hours * speed;
    let slow_from = 1.0 - pace.slow_share;
    let slow = if q > slow_from { 2.0 + 2.0 * (q - slow_from) / pace.slow_share } else { 1.0 };
    let answer_at = office_after(world, tl.last(), base * slow * HOUR + 600.0)?;
    let topic = draft.topic.expect("archived drafts returned earlier");
    let answer_directly = topic.kind == ComplaintKind::PermintaanInformasi && dice.chance(0.7);
    // The follow-up that answers this description (the catalog lists them
    // in the order of the bodies; a topic with fewer has general ones).
    let follow_up_text = fill.apply(topic.follow_ups[draft.body % topic.follow_ups.len()]);
    if answer_directly {
        if !tl.push(answer_at, officer.clone(), Action::FollowedUp { message: follow_up_text }) {
            return Ok(());
        }
    } else {
        let responses =
            if topic.place == Place::Street { catalog::FIELD_RESPONSES } else { catalog::RESPONSES };
        let message = dice.pick(responses).to_owned();
        if !tl.push(answer_at, officer.clone(), Action::Responded { message }) {
            return Ok(());
        }
        if dice.chance(0.015) {
            // Answered, never followed up: overdue.
            return Ok(());
        }
        if dice.chance(0.015) {
            // The agency needs the reporter: the coordinator holds it.
            let at = office_after(world, tl.last(), dice.exp(2.0 * HOUR) + 600.0)?;
            let reason = dice.pick(catalog::HOLD_REASONS).to_owned();
            if !tl.push(at, koordinator.clone(), Action::Held { reason }) {
                return Ok(());
            }
            let added = citizen_after(world, dice, tl.last(), 3.0, 36.0);
            let message = fill.apply(dice.pick(catalog::INFO_ADDED));
            if !tl.push(added, Actor::Reporter, Action::InfoAdded { message }) {
                return Ok(());
            }
        }
        let slow = if dice.chance(0.03) { 3.0 + 2.0 * dice.unit() } else { 1.0 };
        let at =
            office_after(world, tl.last(), dice.exp(pace.follow_up_hours * speed * HOUR) * slow + 1800.0)?;
        if !tl.push(at, officer.clone(), Action::FollowedUp { message: follow_up_text }) {
            return Ok(());
        }
    }
    reply(tl, dice, &officer)
}

/// The reporter's side after a follow-up: confirm, dispute, add thanks, rate,
/// or stay silent until the automatic close.
fn reply(tl: &mut Timeline<'_, '_>, dice: &mut Dice, officer: &Actor) -> Result<(), GenerateError> {
    let world = tl.world;
    let roll = dice.unit();
    if roll < 0.05 {
        let at = citizen_after(world, dice, tl.last(), 6.0, 30.0);
        if within_reply_window(tl, at)? {
            let reason = dice.pick(catalog::DISPUTES).to_owned();
            if !tl.push(at, Actor::Reporter, Action::Disputed { reason }) {
                return Ok(());
            }
            let at = office_after(world, tl.last(), dice.exp(8.0 * HOUR) + 1800.0)?;
            let message = dice.pick(catalog::SECOND_FOLLOW_UPS).to_owned();
            if !tl.push(at, officer.clone(), Action::FollowedUp { message }) {
                return Ok(());
            }
            if dice.chance(0.5) {
                let at = citizen_after(world, dice, tl.last(), 4.0, 24.0);
                if tl.push(at, Actor::Reporter, Action::Confirmed) && dice.chance(0.6) {
                    let stars = dice.weighted(&[(2u8, 2.0), (3, 4.0), (4, 3.0), (5, 1.0)]);
                    rate(tl, dice, stars);
                }
                return Ok(());
            }
        }
        return auto_close(tl, dice);
    }
    if roll < 0.45 {
        let at = citizen_after(world, dice, tl.last(), 1.0, 20.0);
        if within_reply_window(tl, at)? && tl.push(at, Actor::Reporter, Action::Confirmed) {
            if dice.chance(0.65) {
                let stars = dice.weighted(&[(1u8, 2.0), (2, 4.0), (3, 12.0), (4, 37.0), (5, 45.0)]);
                rate(tl, dice, stars);
            }
            return Ok(());
        }
        return auto_close(tl, dice);
    }
    if roll < 0.48 {
        let at = citizen_after(world, dice, tl.last(), 2.0, 24.0);
        if within_reply_window(tl, at)? {
            let message = dice.pick(catalog::THANKS).to_owned();
            tl.push(at, Actor::Reporter, Action::InfoAdded { message });
        }
    } else if roll < 0.60 {
        let at = citizen_after(world, dice, tl.last(), 2.0, 48.0);
        if within_reply_window(tl, at)? {
            let stars = dice.weighted(&[(1u8, 10.0), (2, 12.0), (3, 30.0), (4, 30.0), (5, 18.0)]);
            rate(tl, dice, stars);
        }
    }
    auto_close(tl, dice)?;
    if tl.life.rating().is_none() && dice.chance(0.03) {
        let at = citizen_after(world, dice, tl.last(), 4.0, 48.0);
        let stars = dice.weighted(&[(2u8, 1.0), (3, 2.0), (4, 2.0), (5, 1.0)]);
        tl.push(at, Actor::Reporter, Action::Rated { rating: Rating::new(stars).expect("1-5 stars") });
    }
    Ok(())
}

fn rate(tl: &mut Timeline<'_, '_>, dice: &mut Dice, stars: u8) {
    let at = tl.last() + Duration::seconds(30 + dice.below(600) as i64);
    tl.push(at, Actor::Reporter, Action::Rated { rating: Rating::new(stars).expect("1-5 stars") });
}

/// Whether the reporter's window to reply is still open at `at`.
fn within_reply_window(tl: &Timeline<'_, '_>, at: DateTime<Utc>) -> Result<bool, GenerateError> {
    let ctx = tl.world.sla(tl.life.agency());
    let report = evaluate(&tl.life, &ctx, at)?;
    Ok(report.auto_close.is_some_and(|w| !w.is_due))
}

/// The server's sweep closes a followed-up complaint within its interval
/// (5 minutes) after the reporter's window ends.
fn auto_close(tl: &mut Timeline<'_, '_>, dice: &mut Dice) -> Result<(), GenerateError> {
    let ctx = tl.world.sla(tl.life.agency());
    let report = evaluate(&tl.life, &ctx, tl.last())?;
    if let Some(due) = report.auto_close.and_then(|w| w.due_at) {
        let at = due + Duration::seconds(dice.below(300) as i64);
        tl.push(at, Actor::System, Action::AutoClosed);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use aduan_core::complaint::{Description, Title};

    use super::*;

    fn fill(regency: &'static Regency) -> Fill {
        Fill {
            street: format!("{} RT 07", regency.streets[0]),
            district: regency.districts[0].to_owned(),
            regency,
            unit: "RSUD dr. H. Moch. Ansari Saleh Banjarmasin".to_owned(),
            duration: catalog::DURATIONS[5],
            school: format!("SMA Negeri 13 {}", regency.seat),
        }
    }

    /// Every phrase of the catalog, filled for the regency with the longest
    /// names, is a valid title or description with no placeholder left, and
    /// every title goes with a body.
    #[test]
    fn the_catalog_makes_valid_complaints() {
        let longest =
            REGENCIES.iter().max_by_key(|r| r.name.len() + r.streets[0].len() + r.districts[0].len());
        let fill = fill(longest.unwrap());
        let filled = |text: &str| {
            let out = fill.apply(text);
            assert!(!out.contains('{') && !out.contains('}'), "{out}");
            out
        };
        for topic in TOPICS {
            assert!(
                topic.pairs.is_empty() && topic.titles.len() == topic.bodies.len()
                    || topic.pairs.len() == topic.titles.len(),
                "{}: titles and bodies do not pair up",
                topic.key
            );
            for b in 0..topic.bodies.len() {
                let used = (0..topic.titles.len()).any(|t| topic.pairs.get(t).copied().unwrap_or(t) == b);
                assert!(used, "{}: body {b} has no title", topic.key);
            }
            for title in topic.titles {
                Title::parse(&filled(title)).unwrap();
            }
            for text in topic.bodies.iter().chain(topic.follow_ups) {
                Description::parse(&filled(text)).unwrap();
            }
            assert!(topic.season.iter().all(|w| *w > 0.0), "{}", topic.key);
            assert!(fill.lokasi().chars().count() <= aduan_core::complaint::LOCATION_MAX);
        }
        for text in catalog::INFO_ADDED.iter().chain(catalog::SPAM_BODIES) {
            Description::parse(&filled(text)).unwrap();
        }
    }

    /// Office time skips nights, weekends and holidays: from Thursday
    /// 27 March 2025, 15:30 WITA, one office hour ends after Idulfitri,
    /// on Tuesday 8 April at 08:30.
    #[test]
    fn office_time_skips_days_off() {
        let config = crate::config(&|_| None).unwrap();
        let world = World::new(&config).unwrap();
        let wita = |d: &str| Zone::WITA.to_utc(d.parse().unwrap());
        let cases = [
            ("2025-03-27T15:30:00", 3600.0, "2025-04-08T08:30:00"),
            ("2025-03-27T10:30:00", 3600.0, "2025-03-27T11:30:00"),
            ("2025-03-27T11:30:00", 3600.0, "2025-03-27T13:30:00"),
            ("2025-03-27T20:00:00", 0.0, "2025-04-08T08:00:00"),
            // Friday: the morning ends at 11:00, the afternoon starts at 13:30.
            ("2025-07-04T10:30:00", 3600.0, "2025-07-04T14:00:00"),
        ];
        for (from, seconds, want) in cases {
            let got = office_after(&world, wita(from), seconds).unwrap();
            assert_eq!(got, wita(want), "{from} + {seconds} s");
        }
    }
}
