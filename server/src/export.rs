//! CSV downloads: the officers' inbox (`/api/v1/inbox.csv`) and the
//! statistics (`/api/v1/stats.csv`), for spreadsheets.
//!
//! Every file starts with a UTF-8 byte-order mark and ends its lines with
//! CRLF, so Excel in an Indonesian locale opens it with the right encoding;
//! numbers use a decimal point (machine-readable, as the JSON routes give
//! them), and a text cell that a spreadsheet would read as a formula gets a
//! leading apostrophe.

use aduan_core::stats::{Period, Stats, StatsBuilder, StatsContext};
use aduan_core::{AgencyId, Zone};
use axum::extract::State;
use axum::http::{HeaderMap, HeaderValue, header};
use axum::response::{IntoResponse, Response};
use chrono::{DateTime, Datelike, SecondsFormat, Utc};

use crate::app::{
    AppState, InboxQuery, PeriodQuery, QueryParams, field_error, inbox_filter, inbox_item, inbox_officer,
    known, period, period_stats,
};
use crate::error::{AppError, AppResult};
use crate::store::Store;

/// The most rows `/api/v1/inbox.csv` writes.
pub const INBOX_CSV_MAX: u32 = 10_000;

/// The store's largest inbox page, read repeatedly for the whole file.
const PAGE: u32 = 200;

/// `value` made safe for a spreadsheet: a cell starting with `=`, `+`, `-`,
/// `@`, a tab or a carriage return would be read as a formula (or, after a
/// tab, shifted); a leading apostrophe makes it text.
///
/// # Example
/// ```
/// use aduan_server::export::text_cell;
/// assert_eq!(text_cell("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
/// assert_eq!(text_cell("Jalan rusak"), "Jalan rusak");
/// ```
#[must_use]
pub fn text_cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

/// A number as a cell: Rust's shortest round-trip form, as JSON writes it.
fn number(value: f64) -> String {
    value.to_string()
}

fn optional(value: Option<f64>) -> String {
    value.map(number).unwrap_or_default()
}

/// An instant in RFC 3339 at `zone`'s offset, e.g. `2025-03-06T10:00:00+08:00`.
fn local_instant(at: DateTime<Utc>, zone: Zone) -> String {
    at.with_timezone(&zone.offset()).to_rfc3339_opts(SecondsFormat::Secs, false)
}

/// Writes `rows` under `header` as a CSV document with a BOM and CRLF.
fn document(header: &[&str], rows: Vec<Vec<String>>) -> AppResult<Vec<u8>> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(Vec::new());
    let fail = |e: csv::Error| AppError::Internal(anyhow::anyhow!("writing CSV: {e}"));
    writer.write_record(header).map_err(fail)?;
    for row in rows {
        writer.write_record(&row).map_err(fail)?;
    }
    let body = writer.into_inner().map_err(|e| AppError::Internal(anyhow::anyhow!("writing CSV: {e}")))?;
    let mut out = Vec::with_capacity(body.len() + 3);
    out.extend_from_slice("\u{feff}".as_bytes());
    out.extend_from_slice(&body);
    Ok(out)
}

fn download(filename: &str, body: Vec<u8>) -> AppResult<Response> {
    let disposition = HeaderValue::from_str(&format!("attachment; filename=\"{filename}\""))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("file name {filename:?}: {e}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, HeaderValue::from_static("text/csv; charset=utf-8")),
            (header::CONTENT_DISPOSITION, disposition),
            (header::CACHE_CONTROL, HeaderValue::from_static("no-store")),
        ],
        body,
    )
        .into_response())
}

/// The inbox's columns.
pub const INBOX_COLUMNS: [&str; 10] = [
    "tiket",
    "jenis",
    "judul",
    "status",
    "instansi_id",
    "instansi",
    "diterima",
    "tenggat",
    "sisa_hari_kerja",
    "terlambat",
];

/// `GET /api/v1/inbox.csv`: every complaint the inbox's filters match (up
/// to [`INBOX_CSV_MAX`]), most urgent first, for the signed-in officer.
///
/// # Errors
/// As `/api/v1/inbox`; `limit` and `offset` are refused (the file holds
/// every match).
pub(crate) async fn inbox_csv<S: Store>(
    State(state): State<AppState<S>>,
    headers: HeaderMap,
    QueryParams(mut query): QueryParams<InboxQuery>,
) -> AppResult<Response> {
    let officer = inbox_officer(&state, &headers).await?;
    for (name, given) in [("limit", query.limit.is_some()), ("offset", query.offset.is_some())] {
        if given {
            return Err(field_error(
                name,
                "not_supported",
                format!(
                    "Parameter {name} tidak dipakai di CSV: berkas berisi semua hasil (paling banyak 10.000)"
                ),
                format!(
                    "The {name} parameter does not apply to CSV: the file holds every match (at most 10,000)"
                ),
            ));
        }
    }
    let now = (state.now)();
    query.limit = Some(PAGE);
    let mut filter = inbox_filter(&officer, query, now)?;
    let config = &state.config;
    let mut rows = Vec::new();
    while filter.offset < INBOX_CSV_MAX {
        filter.limit = PAGE.min(INBOX_CSV_MAX - filter.offset);
        let page = state.store.inbox(&filter).await?;
        let fetched = u32::try_from(page.rows.len()).unwrap_or(u32::MAX);
        for row in page.rows {
            let item = inbox_item(config, now, row);
            let zone = item.agency.as_ref().map_or(config.default_zone, |a| config.zone_of(a));
            let agency_name = item
                .agency
                .as_ref()
                .and_then(|a| config.agency(a))
                .map(|a| a.name.clone())
                .unwrap_or_default();
            rows.push(vec![
                item.ticket.to_string(),
                item.kind.code().to_owned(),
                text_cell(&item.title),
                item.status.code.code().to_owned(),
                item.agency.as_ref().map(|a| text_cell(a.as_str())).unwrap_or_default(),
                text_cell(&agency_name),
                local_instant(item.received_at, zone),
                item.due_at.map(|d| local_instant(d, zone)).unwrap_or_default(),
                optional(item.remaining_working_days),
                if item.overdue { "ya" } else { "tidak" }.to_owned(),
            ]);
        }
        if fetched < filter.limit {
            break;
        }
        filter.offset += fetched;
    }
    let today = config.default_zone.local_date(now);
    download(&format!("aduan-kotak-masuk-{}.csv", today.format("%Y-%m-%d")), document(&INBOX_COLUMNS, rows)?)
}

/// The province-and-agencies columns of `/api/v1/stats.csv`.
pub const STATS_COLUMNS: [&str; 15] = [
    "instansi_id",
    "instansi",
    "kategori",
    "diterima",
    "ditangani",
    "dijawab",
    "median_hari_kerja",
    "rerata_hari",
    "dalam_standar",
    "tindak_lanjut",
    "selesai",
    "terbuka",
    "terlambat",
    "kepuasan_rerata",
    "kepuasan_jumlah",
];

/// The columns of one agency's monthly rows (`/api/v1/stats.csv?agency=…`).
pub const MONTHLY_COLUMNS: [&str; 5] =
    ["bulan", "diterima", "median_hari_kerja", "median_hari", "dalam_standar"];

fn stats_row(id: &str, name: &str, category: &str, s: &Stats) -> Vec<String> {
    vec![
        text_cell(id),
        text_cell(name),
        text_cell(category),
        s.total.to_string(),
        s.handled().to_string(),
        s.response.map_or(0, |r| r.working_days.count).to_string(),
        optional(s.response.map(|r| r.working_days.median)),
        optional(s.response.map(|r| r.days.mean)),
        optional(s.within_standard.share()),
        optional(s.follow_up.share()),
        optional(s.completion.share()),
        s.open.to_string(),
        s.overdue.to_string(),
        optional(s.satisfaction.map(|r| r.mean)),
        s.satisfaction.map_or(0, |r| r.count).to_string(),
    ]
}

/// A period as a file name part: `2025`, `2025-03`, or `2025-01-01_2025-06-30`.
fn period_name(p: Period) -> String {
    if Some(p) == Period::month(p.from.year(), p.from.month()) {
        p.from.format("%Y-%m").to_string()
    } else if p == Period::year(p.from.year()) {
        p.from.year().to_string()
    } else {
        format!("{}_{}", p.from.format("%Y-%m-%d"), p.to.format("%Y-%m-%d"))
    }
}

/// `GET /api/v1/stats.csv?period=…`: one row per configured agency and a
/// last one, `provinsi`, for the whole province; with `agency=<id>`, that
/// agency's months instead. Public, like the JSON statistics.
///
/// # Errors
/// An invalid period (`period`) or an unknown agency (404).
pub(crate) async fn stats_csv<S: Store>(
    State(state): State<AppState<S>>,
    QueryParams(query): QueryParams<PeriodQuery>,
) -> AppResult<Response> {
    let config = &state.config;
    let now = (state.now)();
    let agency = query.agency.as_deref().map(|a| known(config, a)).transpose()?;
    let today = agency.map_or(config.default_zone, |a| a.zone).local_date(now);
    let period = period(&query, today)?;
    let all = period_stats(&state, period).await?;
    let ctx = StatsContext { policy: &config.sla, calendar: &config.calendar, period, now };
    let stats_of = |id: &AgencyId, zone: Zone| {
        all.agencies.get(id).cloned().unwrap_or_else(|| StatsBuilder::new(ctx, zone).finish())
    };
    let body = match agency {
        Some(agency) => {
            let stats = stats_of(&agency.id, agency.zone);
            let rows = aduan_core::api::v1::MonthPoint::series(&stats)
                .into_iter()
                .map(|m| {
                    vec![
                        m.month,
                        m.received.to_string(),
                        optional(m.median_working_days),
                        optional(m.median_days),
                        optional(m.within_standard.share),
                    ]
                })
                .collect();
            document(&MONTHLY_COLUMNS, rows)?
        }
        None => {
            let mut rows: Vec<Vec<String>> = config
                .agencies
                .iter()
                .map(|a| stats_row(a.id.as_str(), &a.name, a.category.as_str(), &stats_of(&a.id, a.zone)))
                .collect();
            rows.push(stats_row("provinsi", "Seluruh provinsi", "", &all.province));
            document(&STATS_COLUMNS, rows)?
        }
    };
    download(&format!("aduan-statistik-{}.csv", period_name(period)), body)
}
