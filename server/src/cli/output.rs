//! The writers `aduan score` and `aduan stats` share: one table of columns
//! and cells, written as an aligned terminal table, CSV or Markdown (JSON is
//! each command's wire type, written by [`write_json`]).
//!
//! Human formats (table, Markdown) write numbers the Indonesian way
//! (`84,25`, `87,5%`), headers in Indonesian with English after a slash;
//! CSV is for programs and spreadsheets: a `key` header per column, numbers
//! as Rust writes them (`84.25`, shares as `0.875`), text cells that a
//! spreadsheet would run as formulas prefixed with `'` (as the server's CSV
//! downloads do), CRLF line ends, no byte-order mark.

use std::io::Write;

use aduan_core::{Lang, Text, format};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets};
use serde::Serialize;

use super::CliError;
use crate::export::text_cell;

/// How a command writes its result (`--format`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// An aligned table for the terminal.
    #[default]
    Table,
    /// CSV (RFC 4180, CRLF) for spreadsheets and programs.
    Csv,
    /// JSON: the same wire types the HTTP API answers with.
    Json,
    /// A Markdown table, for reports and issues.
    Markdown,
}

/// One column: its CSV key, its human label and its alignment.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The CSV header, e.g. `score`.
    pub key: String,
    /// The header of human formats, e.g. "Skor / Score".
    pub label: Text,
    /// Numbers align right.
    pub numeric: bool,
}

impl Column {
    /// A left-aligned text column.
    #[must_use]
    pub fn text(key: impl Into<String>, label: Text) -> Self {
        Self { key: key.into(), label, numeric: false }
    }

    /// A right-aligned number column.
    #[must_use]
    pub fn number(key: impl Into<String>, label: Text) -> Self {
        Self { key: key.into(), label, numeric: true }
    }
}

/// One cell's value, rendered per format.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Nothing (a missing value): empty in every format.
    Empty,
    /// Text, written as is (formula-like text is quoted in CSV).
    Text(String),
    /// A whole number.
    Int(i64),
    /// A number shown with `places` decimals (CSV keeps every digit).
    Number {
        /// The value.
        value: f64,
        /// Decimals in human formats.
        places: u8,
    },
    /// A share in 0..=1, shown as a percentage with one decimal (CSV keeps
    /// the share).
    Share(f64),
    /// A raw value shown with at most three decimals, trailing zeros
    /// dropped (`80`, `0,875`).
    Value(f64),
    /// Yes or no: "ya"/"tidak" in every format, as the server's CSV
    /// downloads write it.
    Flag(bool),
}

impl Cell {
    /// An optional number.
    #[must_use]
    pub fn number(value: Option<f64>, places: u8) -> Self {
        value.map_or(Self::Empty, |value| Self::Number { value, places })
    }

    /// An optional share.
    #[must_use]
    pub fn share(value: Option<f64>) -> Self {
        value.map_or(Self::Empty, Self::Share)
    }

    /// The cell as people read it (Indonesian number formatting).
    #[must_use]
    pub fn human(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => s.clone(),
            Self::Int(n) => format::integer(*n, Lang::Id),
            Self::Number { value, places } => format::decimal(*value, *places, Lang::Id),
            Self::Share(s) => format::percent(*s, 1, Lang::Id),
            Self::Value(v) => {
                let fixed = format::decimal(*v, 3, Lang::Id);
                fixed.trim_end_matches('0').trim_end_matches(',').to_owned()
            }
            Self::Flag(b) => flag(*b).to_owned(),
        }
    }

    /// The cell as CSV carries it.
    #[must_use]
    pub fn machine(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => text_cell(s),
            Self::Int(n) => n.to_string(),
            // Rounded to the engine's score resolution, so that binary noise
            // (78.30000000000001) does not reach a spreadsheet.
            Self::Number { value, .. } | Self::Share(value) | Self::Value(value) => {
                ((value * 1e9).round() / 1e9).to_string()
            }
            Self::Flag(b) => flag(*b).to_owned(),
        }
    }
}

fn flag(b: bool) -> &'static str {
    if b { "ya" } else { "tidak" }
}

/// A header as human formats show it: "Indonesia / English", or one of
/// them when both are the same.
#[must_use]
pub fn label(text: &Text) -> String {
    if text.id == text.en { text.id.clone() } else { format!("{} / {}", text.id, text.en) }
}

/// `rows` under `columns` as an aligned terminal table, headers in
/// Indonesian over English. Widths count what a
/// terminal shows (wide and combining characters included), so names with
/// diacritics stay aligned.
#[must_use]
pub fn table(columns: &[Column], rows: &[Vec<Cell>]) -> String {
    let mut t = Table::new();
    t.load_preset(presets::UTF8_FULL_CONDENSED).set_content_arrangement(ContentArrangement::Disabled);
    // Two lines (Indonesian over English) keep wide tables narrow.
    t.set_header(columns.iter().map(|c| {
        if c.label.id == c.label.en { c.label.id.clone() } else { format!("{}\n{}", c.label.id, c.label.en) }
    }));
    for row in rows {
        t.add_row(row.iter().map(Cell::human));
    }
    for (i, c) in columns.iter().enumerate() {
        if c.numeric {
            if let Some(column) = t.column_mut(i) {
                column.set_cell_alignment(CellAlignment::Right);
            }
        }
    }
    t.to_string()
}

/// `rows` under `columns` as a Markdown (GitHub) table, numbers
/// right-aligned; `|` in cells escaped and line breaks turned into spaces.
#[must_use]
pub fn markdown(columns: &[Column], rows: &[Vec<Cell>]) -> String {
    let escape = |s: &str| s.replace('\\', "\\\\").replace('|', "\\|").replace(['\r', '\n'], " ");
    let mut out = String::new();
    out.push('|');
    for c in columns {
        out.push_str(&format!(" {} |", escape(&label(&c.label))));
    }
    out.push_str("\n|");
    for c in columns {
        out.push_str(if c.numeric { " ---: |" } else { " --- |" });
    }
    out.push('\n');
    for row in rows {
        out.push('|');
        for cell in row {
            out.push_str(&format!(" {} |", escape(&cell.human())));
        }
        out.push('\n');
    }
    out
}

/// `rows` under `columns` as CSV with a header of column keys.
///
/// # Errors
/// [`CliError::output`] when `out` fails.
pub fn csv(columns: &[Column], rows: &[Vec<Cell>], out: &mut dyn Write) -> Result<(), CliError> {
    let mut writer = csv::WriterBuilder::new().terminator(csv::Terminator::CRLF).from_writer(out);
    let fail = |e: csv::Error| match e.into_kind() {
        csv::ErrorKind::Io(io) => CliError::output(&io),
        other => CliError::output(&std::io::Error::other(format!("{other:?}"))),
    };
    writer.write_record(columns.iter().map(|c| c.key.as_str())).map_err(fail)?;
    for row in rows {
        writer.write_record(row.iter().map(Cell::machine)).map_err(fail)?;
    }
    writer.flush()?;
    Ok(())
}

/// `value` as pretty-printed JSON and a line end.
///
/// # Errors
/// [`CliError::output`] when `out` fails.
pub fn write_json<T: Serialize>(value: &T, out: &mut dyn Write) -> Result<(), CliError> {
    serde_json::to_writer_pretty(&mut *out, value)
        .map_err(|e| CliError::output(&std::io::Error::other(e)))?;
    writeln!(out)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns() -> Vec<Column> {
        vec![
            Column::text("name", Text::new("Instansi", "Agency")),
            Column::number("score", Text::new("Skor", "Score")),
        ]
    }

    #[test]
    fn cells_render_per_format() {
        let cases = [
            (Cell::Number { value: 1250.456, places: 2 }, "1.250,46", "1250.456"),
            (Cell::Share(0.875), "87,5%", "0.875"),
            (Cell::Number { value: 78.30000000000001, places: 2 }, "78,30", "78.3"),
            (Cell::Value(80.0), "80", "80"),
            (Cell::Value(0.8751), "0,875", "0.8751"),
            (Cell::Int(1250), "1.250", "1250"),
            (Cell::Flag(true), "ya", "ya"),
            (Cell::Empty, "", ""),
            (Cell::Text("=SUM(A1)".into()), "=SUM(A1)", "'=SUM(A1)"),
        ];
        for (cell, human, machine) in cases {
            assert_eq!((cell.human().as_str(), cell.machine().as_str()), (human, machine), "{cell:?}");
        }
    }

    #[test]
    fn table_aligns_unicode_names() {
        let rows = vec![
            vec![Cell::Text("Dinas Kesehatan".into()), Cell::Number { value: 84.0, places: 2 }],
            vec![Cell::Text("Dinas Pariwisata — Ünit".into()), Cell::Number { value: 7.5, places: 2 }],
            // A combining diaeresis takes no column of its own.
            vec![Cell::Text("Dinas Pariwisata — U\u{308}nit".into()), Cell::Int(12)],
        ];
        let out = table(&columns(), &rows);
        let widths: Vec<usize> = out.lines().map(unicode_width::UnicodeWidthStr::width).collect::<Vec<_>>();
        assert!(widths.windows(2).all(|w| w[0] == w[1]), "{out}");
        assert!(out.contains("Instansi") && out.contains("Agency") && out.contains("84,00"), "{out}");
        assert!(out.contains(" 7,50 │") && out.contains("    12 │"), "{out}");
    }

    #[test]
    fn markdown_escapes_pipes() {
        let rows = vec![vec![Cell::Text("A | B\nC".into()), Cell::Int(3)]];
        assert_eq!(
            markdown(&columns(), &rows),
            "| Instansi / Agency | Skor / Score |\n| --- | ---: |\n| A \\| B C | 3 |\n"
        );
    }

    #[test]
    fn csv_has_keys_and_crlf() {
        let mut out = Vec::new();
        csv(&columns(), &[vec![Cell::Text("Dinas, \"Kesehatan\"".into()), Cell::Share(0.5)]], &mut out)
            .unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "name,score\r\n\"Dinas, \"\"Kesehatan\"\"\",0.5\r\n");
    }
}
