//! Reading a complaints file as a stream of checked rows.

use std::collections::HashMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use aduan_core::complaint::{Coordinates, ReporterInput};
use aduan_core::lifecycle::{Action, Actor, ArchiveReason, Event, Lifecycle, Status, fold};
use aduan_core::{
    AgencyId, Channel, ChannelKind, ComplaintInput, ComplaintKind, FieldError, NewComplaint, Privacy, Rating,
    Text, TicketNumber, ValidationContext, Zone,
};
use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};
use serde::de::DeserializeOwned;

use super::write::Milestones;
use super::{Column, Encoding, Field, FileError, FileFormat, Mapping, Rejection, RowError, unguard};
use crate::config::Config;

/// What a file is read for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadPurpose {
    /// Storing the complaints: content is validated by the core.
    Import,
    /// Statistics over the histories: content columns are optional and not
    /// validated.
    Analysis,
}

/// How to read a file.
#[derive(Debug, Clone)]
pub struct ReadOptions {
    /// The format; `None` follows the extension (CSV when it names none).
    pub format: Option<FileFormat>,
    /// The text encoding; a UTF-16 byte order mark is always honoured.
    pub encoding: Encoding,
    /// Column names, values and formats of another system's export.
    pub mapping: Mapping,
    /// Import or analysis.
    pub purpose: ReadPurpose,
    /// Each configured agency's zone, for local instants.
    pub zones: HashMap<AgencyId, Zone>,
    /// The zone of local instants of agencies not in `zones`.
    pub default_zone: Zone,
    /// The configured agencies; `None` when the configuration lists none
    /// (then any well-formed agency id is accepted).
    pub known_agencies: Option<Vec<AgencyId>>,
}

impl ReadOptions {
    /// Options from the server's configuration: its agencies, their zones
    /// and its default zone; CSV unless the extension says otherwise.
    #[must_use]
    pub fn from_config(config: &Config, purpose: ReadPurpose) -> Self {
        let zones = config.agencies.iter().map(|a| (a.id.clone(), a.zone)).collect();
        let known = config.agencies.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        Self {
            format: None,
            encoding: Encoding::Utf8,
            mapping: Mapping::default(),
            purpose,
            zones,
            default_zone: config.default_zone,
            known_agencies: (!known.is_empty()).then_some(known),
        }
    }

    fn zone(&self, agency: Option<&AgencyId>) -> Zone {
        agency.and_then(|a| self.zones.get(a)).copied().unwrap_or(self.default_zone)
    }
}

/// One checked row.
#[derive(Debug, Clone)]
pub struct FileComplaint {
    /// The 1-based line the row starts on.
    pub line: u64,
    /// The ticket the file gives, `None` when a new one is to be drawn.
    pub ticket: Option<TicketNumber>,
    /// The validated content (always for [`ReadPurpose::Import`], never for
    /// [`ReadPurpose::Analysis`]).
    pub complaint: Option<NewComplaint>,
    /// The map point, when the row has one.
    pub coordinates: Option<Coordinates>,
    /// The history, oldest first.
    pub events: Vec<Event>,
    /// The fold of `events`.
    pub lifecycle: Lifecycle,
    /// Hex SHA-256 of the reporter's access code, lower case, if given.
    pub secret_sha256: Option<String>,
}

/// The rows of a file, checked one at a time as they are read.
///
/// A row with problems gives a [`RowError`] with every problem found; the
/// rows after it are still read, unless the error is
/// [`fatal`](RowError::fatal) (the file's structure is broken there), in
/// which case it is the last item.
#[derive(Debug)]
pub struct ComplaintReader {
    file: PathBuf,
    options: ReadOptions,
    source: Source,
    columns: Vec<Column>,
    seen: HashMap<TicketNumber, u64>,
    bytes: Arc<AtomicU64>,
    total: u64,
    done: bool,
}

impl ComplaintReader {
    /// Bytes of the file read so far (for a progress bar).
    #[must_use]
    pub fn bytes_read(&self) -> u64 {
        self.bytes.load(Ordering::Relaxed)
    }

    /// The file's size in bytes.
    #[must_use]
    pub fn total_bytes(&self) -> u64 {
        self.total
    }

    /// The file being read.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.file
    }

    /// How errors name the column of `field` in this file.
    #[must_use]
    pub fn column(&self, field: Field) -> Column {
        self.columns[field as usize].clone()
    }
}

/// A reader that counts the bytes it reads.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

type Text8 = Box<dyn Read + Send>;

enum Source {
    Csv(csv::Reader<Text8>, usize),
    Json(JsonArray),
    Jsonl(BufReader<Text8>, u64),
}

impl std::fmt::Debug for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Csv(..) => "Csv",
            Self::Json(..) => "Json",
            Self::Jsonl(..) => "Jsonl",
        })
    }
}

/// Opens a complaints file: checks it is readable, not empty, in the
/// expected encoding, and (for CSV) that its header has the required
/// columns.
///
/// # Errors
/// [`FileError`] with code `file.open`, `file.empty`, `file.encoding`,
/// `file.format` or `file.missing_column`.
pub fn open(path: &Path, options: &ReadOptions) -> Result<ComplaintReader, FileError> {
    let file_error = |code, id: String, en: String| FileError::new(path, code, Text::new(id, en));
    let open_file = || {
        File::open(path).map_err(|e| {
            file_error(
                "file.open",
                format!("Berkas tidak dapat dibuka: {e}"),
                format!("cannot open the file: {e}"),
            )
        })
    };
    let mut file = open_file()?;
    let total = file.metadata().map(|m| m.len()).unwrap_or(0);
    let mut head = [0_u8; 3];
    let head_len = read_up_to(&mut file, &mut head).map_err(|e| {
        file_error(
            "file.open",
            format!("Berkas tidak dapat dibaca: {e}"),
            format!("cannot read the file: {e}"),
        )
    })?;
    if head_len == 0 {
        return Err(empty(path));
    }
    let utf16_bom =
        head[..head_len].starts_with(&[0xFF, 0xFE]) || head[..head_len].starts_with(&[0xFE, 0xFF]);
    let encoding = if utf16_bom { Encoding::Utf16 } else { options.encoding };
    if encoding == Encoding::Utf8 {
        let bom = head[..head_len].starts_with(&[0xEF, 0xBB, 0xBF]);
        check_utf8(path, open_file()?, bom)?;
    }
    let bytes = Arc::new(AtomicU64::new(0));
    let counting = Counting { inner: open_file()?, count: Arc::clone(&bytes) };
    let decoder = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(match encoding {
            Encoding::Utf8 => None,
            Encoding::Windows1252 | Encoding::Latin1 => Some(encoding_rs::WINDOWS_1252),
            Encoding::Utf16 => Some(encoding_rs::UTF_16LE),
        })
        .bom_override(true)
        .utf8_passthru(true)
        .strip_bom(true)
        .build(BufReader::with_capacity(1 << 16, counting));
    let text: Text8 = Box::new(decoder);
    let format = options.format.or_else(|| FileFormat::from_path(path)).unwrap_or(FileFormat::Csv);
    let mapping = &options.mapping;
    let (source, columns) = match format {
        FileFormat::Csv => {
            let text: Text8 = Box::new(CrlfToLf { inner: BufReader::with_capacity(1 << 16, text) });
            let mut csv = csv::ReaderBuilder::new().flexible(true).buffer_capacity(1 << 16).from_reader(text);
            let header = csv.headers().map_err(|e| csv_file_error(path, &e))?.clone();
            if header.iter().all(|h| h.trim().is_empty()) {
                return Err(empty(path));
            }
            if header.iter().any(|h| h.contains('\0')) {
                return Err(file_error(
                    "file.encoding",
                    "Berkas tampaknya UTF-16 tanpa penanda urutan bita: ulangi dengan --encoding utf-16, \
                     atau simpan sebagai UTF-8 (Excel: \"CSV UTF-8\")"
                        .to_owned(),
                    "The file looks like UTF-16 without a byte order mark: run again with --encoding utf-16, \
                     or save it as UTF-8 (Excel: \"CSV UTF-8\")"
                        .to_owned(),
                ));
            }
            let names: Vec<&str> = header.iter().map(|h| h.trim().trim_start_matches('\u{feff}')).collect();
            let columns = Field::ALL
                .iter()
                .map(|&f| {
                    let wanted = mapping.header(f);
                    let index = names.iter().position(|n| *n == wanted).map(|i| i + 1);
                    Column { index, name: wanted.to_owned() }
                })
                .collect::<Vec<_>>();
            let missing: Vec<&str> = required(options.purpose)
                .iter()
                .filter(|f| columns[**f as usize].index.is_none())
                .map(|f| mapping.header(*f))
                .collect();
            if !missing.is_empty() {
                let list = missing.iter().map(|m| format!("\"{m}\"")).collect::<Vec<_>>().join(", ");
                return Err(file_error(
                    "file.missing_column",
                    format!(
                        "Kolom wajib tidak ada di baris judul: {list} (pakai --map atau --mapping untuk berkas dari sistem lain)"
                    ),
                    format!(
                        "Required column(s) missing from the header: {list} (use --map or --mapping for another system's export)"
                    ),
                ));
            }
            (Source::Csv(csv, header.len()), columns)
        }
        FileFormat::Json | FileFormat::Jsonl => {
            let columns = Field::ALL
                .iter()
                .map(|&f| Column { index: None, name: mapping.header(f).to_owned() })
                .collect();
            let reader = BufReader::with_capacity(1 << 16, text);
            let source = if format == FileFormat::Json {
                let mut array = JsonArray { reader, line: 1, started: false };
                array.start().map_err(|(line, message)| {
                    FileError::new(path, "file.format", with_line(line, &message))
                })?;
                Source::Json(array)
            } else {
                Source::Jsonl(reader, 0)
            };
            (source, columns)
        }
    };
    Ok(ComplaintReader {
        file: path.to_owned(),
        options: options.clone(),
        source,
        columns,
        seen: HashMap::new(),
        bytes,
        total,
        done: false,
    })
}

fn with_line(line: u64, message: &Text) -> Text {
    Text::new(format!("baris {line}: {}", message.id), format!("line {line}: {}", message.en))
}

fn empty(path: &Path) -> FileError {
    FileError::new(
        path,
        "file.empty",
        Text::new(
            "Berkas kosong: tidak ada baris judul maupun data",
            "The file is empty: no header and no rows",
        ),
    )
}

/// The columns a file must have for `purpose`.
fn required(purpose: ReadPurpose) -> &'static [Field] {
    match purpose {
        ReadPurpose::Import => {
            &[Field::ReceivedAt, Field::Kind, Field::Agency, Field::Title, Field::Description]
        }
        ReadPurpose::Analysis => &[Field::ReceivedAt, Field::Kind, Field::Agency],
    }
}

fn read_up_to(r: &mut impl Read, buf: &mut [u8]) -> io::Result<usize> {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..])? {
            0 => break,
            k => n += k,
        }
    }
    Ok(n)
}

fn csv_file_error(path: &Path, e: &csv::Error) -> FileError {
    let line = e.position().map_or(1, csv::Position::line);
    FileError::new(
        path,
        "file.format",
        Text::new(
            format!("baris {line}: CSV tidak dapat dibaca: {e}"),
            format!("line {line}: cannot read the CSV: {e}"),
        ),
    )
}

/// Checks a whole file is UTF-8, naming the first invalid byte's line,
/// column (in characters) and byte offset. Reads in chunks: a large file
/// is never held in memory.
fn check_utf8(path: &Path, file: File, bom: bool) -> Result<(), FileError> {
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let mut offset: u64 = 0;
    let mut line: u64 = 1;
    let mut column: u64 = 1;
    let mut carry: Vec<u8> = Vec::new();
    if bom {
        reader.consume(0);
        let mut skip = [0_u8; 3];
        let _ = read_up_to(&mut reader, &mut skip);
        offset = 3;
    }
    let mut chunk = vec![0_u8; 1 << 16];
    loop {
        let n = reader.read(&mut chunk).map_err(|e| {
            FileError::new(
                path,
                "file.open",
                Text::new(format!("Berkas tidak dapat dibaca: {e}"), format!("cannot read the file: {e}")),
            )
        })?;
        let at_end = n == 0;
        carry.extend_from_slice(&chunk[..n]);
        let (valid_len, bad) = match std::str::from_utf8(&carry) {
            Ok(_) => (carry.len(), false),
            // An incomplete sequence at the end of a chunk may be completed
            // by the next one; at the end of the file it is an error.
            Err(e) if e.error_len().is_none() && !at_end => (e.valid_up_to(), false),
            Err(e) => (e.valid_up_to(), true),
        };
        let valid = std::str::from_utf8(&carry[..valid_len]).unwrap_or_default();
        match valid.rfind('\n') {
            Some(last) => {
                line += valid.bytes().filter(|b| *b == b'\n').count() as u64;
                column = valid[last + 1..].chars().count() as u64 + 1;
            }
            None => column += valid.chars().count() as u64,
        }
        offset += valid_len as u64;
        if bad {
            let byte = carry.get(valid_len).copied().unwrap_or(0);
            return Err(FileError::new(
                path,
                "file.encoding",
                Text::new(
                    format!(
                        "Bukan UTF-8 yang sah di baris {line}, kolom {column} (bita ke-{offset}, nilai 0x{byte:02X}). \
                         Simpan berkas sebagai UTF-8 (Excel: \"CSV UTF-8\"), atau ulangi dengan \
                         --encoding windows-1252 untuk ekspor lama"
                    ),
                    format!(
                        "Invalid UTF-8 at line {line}, column {column} (byte offset {offset}, value 0x{byte:02X}). \
                         Save the file as UTF-8 (Excel: \"CSV UTF-8\"), or run again with \
                         --encoding windows-1252 for an old export"
                    ),
                ),
            ));
        }
        carry.drain(..valid_len);
        if at_end {
            return Ok(());
        }
    }
}

/// Turns CRLF into LF. The `csv` crate's record positions count a CRLF
/// file's lines one short (it ends a record at the CR and counts the LF
/// with the next one); the core turns CRLF inside text into LF anyway.
struct CrlfToLf<R> {
    inner: BufReader<R>,
}

impl<R: Read> Read for CrlfToLf<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut written = 0;
        while written == 0 && !out.is_empty() {
            let buf = self.inner.fill_buf()?;
            if buf.is_empty() {
                return Ok(0);
            }
            let (mut i, mut peeked) = (0, false);
            while i < buf.len() && written < out.len() {
                let b = buf[i];
                if b == b'\r' {
                    if i + 1 < buf.len() {
                        if buf[i + 1] == b'\n' {
                            i += 1;
                            continue;
                        }
                    } else if i > 0 {
                        // Look at it again at the start of the next buffer.
                        break;
                    } else {
                        // A CR ends the buffer: whether it is dropped depends
                        // on the next byte.
                        self.inner.consume(1);
                        peeked = true;
                        if self.inner.fill_buf()?.first() != Some(&b'\n') {
                            out[written] = b'\r';
                            written += 1;
                        }
                        break;
                    }
                }
                out[written] = b;
                written += 1;
                i += 1;
            }
            if !peeked {
                self.inner.consume(i);
            }
        }
        Ok(written)
    }
}

/// One JSON object of the file.
type JsonObject = serde_json::Map<String, serde_json::Value>;

/// A JSON array of objects read one element at a time.
struct JsonArray {
    reader: BufReader<Text8>,
    /// The line the reader is on.
    line: u64,
    started: bool,
}

impl JsonArray {
    fn peek(&mut self) -> io::Result<Option<u8>> {
        Ok(self.reader.fill_buf()?.first().copied())
    }

    fn skip_whitespace(&mut self) -> io::Result<Option<u8>> {
        loop {
            match self.peek()? {
                Some(b) if b.is_ascii_whitespace() => {
                    if b == b'\n' {
                        self.line += 1;
                    }
                    self.reader.consume(1);
                }
                other => return Ok(other),
            }
        }
    }

    fn start(&mut self) -> Result<(), (u64, Text)> {
        match self.skip_whitespace().map_err(|e| (self.line, io_text(&e)))? {
            Some(b'[') => {
                self.reader.consume(1);
                Ok(())
            }
            None => Err((self.line, Text::new("berkas kosong", "the file is empty"))),
            Some(_) => Err((
                self.line,
                Text::new(
                    "berkas JSON harus berupa larik objek [ {...}, ... ] (untuk satu objek per baris gunakan .jsonl)",
                    "a JSON file must be an array of objects [ {...}, ... ] (for one object per line use .jsonl)",
                ),
            )),
        }
    }

    /// The next object with its starting line, `None` after `]`.
    fn next_object(&mut self) -> Result<Option<(u64, JsonObject)>, (u64, Text)> {
        let io = |line, e: io::Error| (line, io_text(&e));
        let mut b = self.skip_whitespace().map_err(|e| io(self.line, e))?;
        if self.started {
            match b {
                Some(b',') => {
                    self.reader.consume(1);
                    b = self.skip_whitespace().map_err(|e| io(self.line, e))?;
                }
                Some(b']') => {
                    self.reader.consume(1);
                    return Ok(None);
                }
                _ => {
                    return Err((
                        self.line,
                        Text::new("diharapkan \",\" atau \"]\"", "expected \",\" or \"]\""),
                    ));
                }
            }
        } else if b == Some(b']') {
            self.reader.consume(1);
            return Ok(None);
        }
        if b != Some(b'{') {
            return Err((self.line, Text::new("diharapkan objek {...}", "expected an object {...}")));
        }
        self.started = true;
        let start = self.line;
        let mut counting = LineCounting { inner: &mut self.reader, newlines: 0 };
        let mut de = serde_json::Deserializer::from_reader(&mut counting);
        let object = serde::Deserialize::deserialize(&mut de);
        self.line += counting.newlines;
        match object {
            Ok(object) => Ok(Some((start, object))),
            Err(e) => {
                let line = start + e.line().saturating_sub(1) as u64;
                Err((line, Text::new(format!("JSON tidak sah: {e}"), format!("invalid JSON: {e}"))))
            }
        }
    }
}

/// Reads byte by byte from a buffered reader, counting line feeds, so a
/// JSON value is consumed exactly and the line numbers stay known.
struct LineCounting<'a> {
    inner: &'a mut BufReader<Text8>,
    newlines: u64,
}

impl Read for LineCounting<'_> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let Some(&b) = self.inner.fill_buf()?.first() else { return Ok(0) };
        if buf.is_empty() {
            return Ok(0);
        }
        buf[0] = b;
        self.inner.consume(1);
        if b == b'\n' {
            self.newlines += 1;
        }
        Ok(1)
    }
}

fn io_text(e: &io::Error) -> Text {
    Text::new(format!("Berkas tidak dapat dibaca: {e}"), format!("cannot read the file: {e}"))
}

/// A row's cells by [`Field`], as the file has them.
struct Cells {
    line: u64,
    values: Vec<Option<String>>,
}

impl Iterator for ComplaintReader {
    type Item = Result<FileComplaint, RowError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let cells = match self.next_cells() {
            Ok(Some(cells)) => cells,
            Ok(None) => {
                self.done = true;
                return None;
            }
            Err(error) => {
                if error.fatal {
                    self.done = true;
                }
                return Some(Err(error));
            }
        };
        Some(self.check(&cells))
    }
}

impl ComplaintReader {
    fn fatal(&self, line: u64, code: &'static str, message: Text) -> RowError {
        RowError {
            line,
            rejections: vec![Rejection { file: self.file.clone(), line, column: None, code, message }],
            fatal: true,
        }
    }

    fn next_cells(&mut self) -> Result<Option<Cells>, RowError> {
        match &mut self.source {
            Source::Csv(csv, width) => {
                let width = *width;
                let mut record = csv::StringRecord::new();
                loop {
                    match csv.read_record(&mut record) {
                        Ok(false) => return Ok(None),
                        Ok(true) => {}
                        Err(e) => {
                            let line = e.position().map_or(0, csv::Position::line);
                            return Err(self.fatal(
                                line,
                                "row.csv",
                                Text::new(
                                    format!("CSV tidak dapat dibaca: {e}"),
                                    format!("cannot read the CSV: {e}"),
                                ),
                            ));
                        }
                    }
                    let line = record.position().map_or(0, csv::Position::line);
                    // A blank line between rows is no row.
                    if record.len() == 1 && record.get(0).is_some_and(|c| c.trim().is_empty()) {
                        continue;
                    }
                    if record.len() != width {
                        let joined = record.iter().any(|c| c.contains('\n'));
                        let (id, en) = if joined {
                            (
                                " — tanda kutip \" yang tidak ditutup menggabungkan baris-baris berikutnya",
                                " — an unclosed quote \" joins the following lines into it",
                            )
                        } else {
                            ("", "")
                        };
                        let n = record.len();
                        return Err(RowError {
                            line,
                            rejections: vec![Rejection {
                                file: self.file.clone(),
                                line,
                                column: None,
                                code: "row.cell_count",
                                message: Text::new(
                                    format!("Baris ini berisi {n} sel, baris judul {width} kolom{id}"),
                                    format!(
                                        "This row has {n} cells where the header has {width} columns{en}"
                                    ),
                                ),
                            }],
                            fatal: false,
                        });
                    }
                    let values = self
                        .columns
                        .iter()
                        .map(|c| c.index.and_then(|i| record.get(i - 1)).map(str::to_owned))
                        .collect();
                    return Ok(Some(Cells { line, values }));
                }
            }
            Source::Json(array) => match array.next_object() {
                Ok(None) => Ok(None),
                Ok(Some((line, object))) => Ok(Some(Cells { line, values: self.object_cells(&object) })),
                Err((line, message)) => Err(self.fatal(line, "row.json", message)),
            },
            Source::Jsonl(reader, line_no) => loop {
                let mut line = String::new();
                let n = match reader.read_line(&mut line) {
                    Ok(n) => n,
                    Err(e) => {
                        let line = *line_no + 1;
                        return Err(self.fatal(line, "row.json", io_text(&e)));
                    }
                };
                if n == 0 {
                    return Ok(None);
                }
                *line_no += 1;
                let this = *line_no;
                if line.trim().is_empty() {
                    continue;
                }
                return match serde_json::from_str::<serde_json::Map<String, serde_json::Value>>(&line) {
                    Ok(object) => Ok(Some(Cells { line: this, values: self.object_cells(&object) })),
                    Err(e) => Err(RowError {
                        line: this,
                        rejections: vec![Rejection {
                            file: self.file.clone(),
                            line: this,
                            column: None,
                            code: "row.json",
                            message: Text::new(
                                format!("Baris ini bukan objek JSON yang sah: {e}"),
                                format!("This line is not a valid JSON object: {e}"),
                            ),
                        }],
                        fatal: false,
                    }),
                };
            },
        }
    }

    fn object_cells(&self, object: &serde_json::Map<String, serde_json::Value>) -> Vec<Option<String>> {
        use serde_json::Value;
        self.columns
            .iter()
            .map(|c| match object.get(&c.name) {
                None | Some(Value::Null) => None,
                Some(Value::String(s)) => Some(s.clone()),
                Some(Value::Number(n)) => Some(n.to_string()),
                Some(Value::Bool(b)) => Some(b.to_string()),
                Some(other) => Some(other.to_string()),
            })
            .collect()
    }

    /// Checks one row: every problem is collected, in column order.
    fn check(&mut self, cells: &Cells) -> Result<FileComplaint, RowError> {
        let mut row = Row { reader: self, line: cells.line, cells, rejections: Vec::new() };
        let result = row.check();
        let Row { rejections, .. } = row;
        match result {
            Some(c) if rejections.is_empty() => Ok(c),
            _ => {
                let mut rejections = rejections;
                rejections.sort_by_key(|r| r.column.as_ref().and_then(|c| c.index).unwrap_or(usize::MAX));
                Err(RowError { line: cells.line, rejections, fatal: false })
            }
        }
    }
}

/// One row being checked.
struct Row<'a> {
    reader: &'a mut ComplaintReader,
    line: u64,
    cells: &'a Cells,
    rejections: Vec<Rejection>,
}

impl Row<'_> {
    /// The cell of `field`: formula guard removed (CSV), value mapped,
    /// `None` when empty.
    fn cell(&self, field: Field) -> Option<&str> {
        let raw = self.cells.values[field as usize].as_deref()?;
        // Only CSV cells carry the spreadsheet guard; JSON text is as is.
        let raw = if matches!(self.reader.source, Source::Csv(..)) { unguard(raw) } else { raw };
        let value = self.reader.options.mapping.value(field, raw);
        (!value.trim().is_empty()).then_some(value)
    }

    fn reject(&mut self, field: Option<Field>, code: &'static str, message: Text) {
        let column = field.map(|f| self.reader.columns[f as usize].clone());
        self.rejections.push(Rejection {
            file: self.reader.file.clone(),
            line: self.line,
            column,
            code,
            message,
        });
    }

    fn rejected(&self, field: Field) -> bool {
        let name = &self.reader.columns[field as usize].name;
        self.rejections.iter().any(|r| r.column.as_ref().is_some_and(|c| &c.name == name))
    }

    fn required<T>(&mut self, field: Field, parse: impl FnOnce(&mut Self, &str) -> Option<T>) -> Option<T> {
        match self.cell(field).map(str::to_owned) {
            Some(cell) => parse(self, &cell),
            None => {
                self.reject(
                    Some(field),
                    "row.required",
                    Text::new(format!("Kolom {field} wajib diisi"), format!("Column {field} is required")),
                );
                None
            }
        }
    }

    fn optional<T>(&mut self, field: Field, parse: impl FnOnce(&mut Self, &str) -> Option<T>) -> Option<T> {
        let cell = self.cell(field)?.to_owned();
        parse(self, &cell)
    }

    /// A stable code such as `pengaduan`, read the way the core's serde
    /// reads it.
    fn code<T: DeserializeOwned>(&mut self, field: Field, cell: &str, allowed: &[&str]) -> Option<T> {
        let value = cell.trim().to_ascii_lowercase();
        match serde_json::from_value(serde_json::Value::String(value)) {
            Ok(v) => Some(v),
            Err(_) => {
                self.unknown_value(field, cell, allowed);
                None
            }
        }
    }

    fn unknown_value(&mut self, field: Field, cell: &str, allowed: &[&str]) {
        let list = allowed.join(", ");
        self.reject(
            Some(field),
            "row.invalid_value",
            Text::new(
                format!("Nilai \"{}\" tidak dikenal untuk {field}; pilih salah satu: {list}", cell.trim()),
                format!("Unknown value \"{}\" for {field}; use one of: {list}", cell.trim()),
            ),
        );
    }

    fn agency(&mut self, field: Field, cell: &str) -> Option<AgencyId> {
        match AgencyId::new(cell.trim()) {
            Ok(id) => {
                if self.reader.options.known_agencies.as_ref().is_some_and(|known| !known.contains(&id)) {
                    self.reject(Some(field), "row.unknown_agency", unknown_agency(&id));
                    return None;
                }
                Some(id)
            }
            Err(e) => {
                self.reject(Some(field), e.code, e.message);
                None
            }
        }
    }

    fn instant(&mut self, field: Field, cell: &str, zone: Zone) -> Option<DateTime<Utc>> {
        let cell = cell.trim();
        let parsed = match self.reader.options.mapping.format(field) {
            Some(format) if format.contains("%z") || format.contains("%:z") => {
                DateTime::parse_from_str(cell, format).ok().map(|d| d.with_timezone(&Utc))
            }
            Some(format) => {
                NaiveDateTime::parse_from_str(cell, format).ok().and_then(|n| zone.checked_to_utc(n))
            }
            None => DateTime::parse_from_rfc3339(cell).map(|d| d.with_timezone(&Utc)).ok().or_else(|| {
                ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%dT%H:%M"]
                    .iter()
                    .find_map(|f| NaiveDateTime::parse_from_str(cell, f).ok())
                    .and_then(|n| zone.checked_to_utc(n))
            }),
        };
        if parsed.is_none() {
            let expected = self.reader.options.mapping.format(field).map_or_else(
                || "2025-03-03T10:00:00+08:00 / 2025-03-03 10:00".to_owned(),
                |f| format!("\"{f}\""),
            );
            self.reject(
                Some(field),
                "row.invalid_instant",
                Text::new(
                    format!("\"{cell}\" bukan waktu yang sah untuk {field}; contoh: {expected}"),
                    format!("\"{cell}\" is not a valid time for {field}; expected e.g. {expected}"),
                ),
            );
        }
        parsed
    }

    fn date(&mut self, field: Field, cell: &str) -> Option<NaiveDate> {
        let format = self.reader.options.mapping.format(field).unwrap_or("%Y-%m-%d").to_owned();
        let parsed = NaiveDate::parse_from_str(cell.trim(), &format).ok();
        if parsed.is_none() {
            self.reject(
                Some(field),
                "row.invalid_date",
                Text::new(
                    format!("\"{}\" bukan tanggal yang sah untuk {field} (format {format})", cell.trim()),
                    format!("\"{}\" is not a valid date for {field} (format {format})", cell.trim()),
                ),
            );
        }
        parsed
    }

    fn number(&mut self, field: Field, cell: &str) -> Option<f64> {
        let parsed = cell.trim().parse::<f64>().ok().filter(|n| n.is_finite());
        if parsed.is_none() {
            self.reject(
                Some(field),
                "row.invalid_number",
                Text::new(
                    format!(
                        "\"{}\" bukan angka untuk {field} (pakai titik desimal, mis. -3.3194)",
                        cell.trim()
                    ),
                    format!(
                        "\"{}\" is not a number for {field} (use a decimal point, e.g. -3.3194)",
                        cell.trim()
                    ),
                ),
            );
        }
        parsed
    }

    fn field_error(&mut self, field: Field, e: FieldError) {
        self.reject(Some(field), e.code, e.message);
    }

    fn check(&mut self) -> Option<FileComplaint> {
        let purpose = self.reader.options.purpose;
        let ticket = self.optional(Field::Ticket, |row, cell| match TicketNumber::parse(cell) {
            Ok(t) => Some(t),
            Err(e) => {
                row.field_error(Field::Ticket, e.to_field_error());
                None
            }
        });
        let agency = self.required(Field::Agency, |row, cell| row.agency(Field::Agency, cell));
        let zone = self.reader.options.zone(agency.as_ref());
        let received_at =
            self.required(Field::ReceivedAt, |row, cell| row.instant(Field::ReceivedAt, cell, zone));
        let kinds: Vec<&str> = ComplaintKind::ALL.iter().map(|k| k.code()).collect();
        let kind: Option<ComplaintKind> =
            self.required(Field::Kind, |row, cell| row.code(Field::Kind, cell, &kinds));
        let channels: Vec<&str> = ChannelKind::ALL.iter().map(|k| k.code()).collect();
        // By `code()`, the column's spelling (serde spells `sms_1708` as `sms1708`).
        let mut channel = self.optional(Field::Channel, |row, cell| {
            let found = ChannelKind::ALL.into_iter().find(|k| k.code() == cell.trim().to_ascii_lowercase());
            if found.is_none() {
                row.unknown_value(Field::Channel, cell, &channels);
            }
            found
        });
        let privacies: Vec<&str> = Privacy::ALL.iter().map(|p| p.code()).collect();
        let mut privacy: Option<Privacy> =
            self.optional(Field::Privacy, |row, cell| row.code(Field::Privacy, cell, &privacies));
        let latitude = self.optional(Field::Latitude, |row, cell| row.number(Field::Latitude, cell));
        let longitude = self.optional(Field::Longitude, |row, cell| row.number(Field::Longitude, cell));
        let coordinates = match (latitude, longitude) {
            (Some(lat), Some(lon)) => Some(Coordinates { lat, lon }),
            (None, None) => None,
            (Some(_), None) if !self.rejected(Field::Longitude) => {
                self.reject(
                    Some(Field::Longitude),
                    "row.required",
                    Text::new("Isi longitude bersama latitude", "Give longitude together with latitude"),
                );
                None
            }
            (None, Some(_)) if !self.rejected(Field::Latitude) => {
                self.reject(
                    Some(Field::Latitude),
                    "row.required",
                    Text::new("Isi latitude bersama longitude", "Give latitude together with longitude"),
                );
                None
            }
            _ => None,
        };
        let incident_date =
            self.optional(Field::IncidentDate, |row, cell| row.date(Field::IncidentDate, cell));
        let secret_sha256 = self.optional(Field::AccessSecretSha256, |row, cell| {
            let hash = cell.trim().to_ascii_lowercase();
            if hash.len() == 64 && hash.bytes().all(|b| b.is_ascii_hexdigit()) {
                Some(hash)
            } else {
                row.reject(
                    Some(Field::AccessSecretSha256),
                    "row.invalid_value",
                    Text::new(
                        "access_secret_sha256 harus 64 digit heksadesimal (SHA-256)",
                        "access_secret_sha256 must be 64 hexadecimal digits (SHA-256)",
                    ),
                );
                None
            }
        });
        if let Some(t) = ticket {
            let line = self.line;
            if let Some(first) = self.reader.seen.get(&t).copied() {
                self.reject(
                    Some(Field::Ticket),
                    "row.duplicate_ticket",
                    Text::new(
                        format!("Tiket {t} sudah ada di baris {first} berkas ini"),
                        format!("Ticket {t} already appears on line {first} of this file"),
                    ),
                );
            } else {
                self.reader.seen.insert(t, line);
            }
        }

        let received = match (received_at, kind, agency.clone()) {
            (Some(at), Some(kind), Some(agency)) => Some((at, kind, agency)),
            _ => None,
        };
        let history = match (self.cell(Field::Events).map(str::to_owned), received) {
            (Some(json), Some((at, kind, agency))) => {
                self.given_history(&json, (at, kind, &agency, privacy, channel), zone)
            }
            (Some(_), None) => None,
            (None, received) => {
                let received = received.map(|(at, kind, agency)| Event {
                    at,
                    actor: Actor::System,
                    action: Action::Received {
                        kind,
                        agency,
                        privacy: privacy.unwrap_or(Privacy::Rahasia),
                        channel: channel.unwrap_or(ChannelKind::Lapor),
                    },
                });
                self.synthesised_history(received, agency.as_ref(), zone)
            }
        };
        // The content, validated by the core at the instant it was received,
        // with the privacy and channel the history starts with.
        if let Some((events, _)) = &history
            && let Some(Action::Received { privacy: p, channel: c, .. }) = events.first().map(|e| &e.action)
        {
            privacy = Some(*p);
            channel = Some(*c);
        }
        let origin = self.cell(Field::Origin).map(str::to_owned);
        let complaint = match (purpose, received_at) {
            (ReadPurpose::Import, Some(now)) => {
                let input = ComplaintInput {
                    kind,
                    title: self.cell(Field::Title).unwrap_or_default().to_owned(),
                    description: self.cell(Field::Description).unwrap_or_default().to_owned(),
                    incident_date,
                    location: self.cell(Field::Location).unwrap_or_default().to_owned(),
                    coordinates,
                    agency: agency.as_ref().map(|a| a.as_str().to_owned()).unwrap_or_default(),
                    privacy: Some(privacy.unwrap_or(Privacy::Rahasia)),
                    reporter: ReporterInput {
                        name: self.cell(Field::ReporterName).unwrap_or_default().to_owned(),
                        email: self.cell(Field::ReporterEmail).unwrap_or_default().to_owned(),
                        phone: self.cell(Field::ReporterPhone).unwrap_or_default().to_owned(),
                    },
                };
                let channel = channel_of(channel.unwrap_or(ChannelKind::Lapor), origin.clone());
                let ctx = ValidationContext { now, zone, known_agencies: None };
                match input.validate(channel, &ctx) {
                    Ok(c) => Some(c),
                    Err(errors) => {
                        for e in errors {
                            let field = match e.field {
                                "kind" => Field::Kind,
                                "title" => Field::Title,
                                "description" => Field::Description,
                                "incident_date" => Field::IncidentDate,
                                "location" => Field::Location,
                                "coordinates" => Field::Latitude,
                                "agency" => Field::Agency,
                                "privacy" => Field::Privacy,
                                "reporter.name" => Field::ReporterName,
                                "reporter.phone" => Field::ReporterPhone,
                                "channel.origin" => Field::Origin,
                                _ => Field::ReporterEmail,
                            };
                            if !self.rejected(field) {
                                self.field_error(field, e);
                            }
                        }
                        None
                    }
                }
            }
            _ => None,
        };

        let (events, lifecycle) = history?;
        if let Some(status) = self.optional(Field::Status, |row, cell| {
            let statuses: Vec<&str> = Status::ALL.iter().map(|s| s.code()).collect();
            row.code::<Status>(Field::Status, cell, &statuses)
        }) && status != lifecycle.status()
        {
            self.reject(
                Some(Field::Status),
                "row.status_mismatch",
                Text::new(
                    format!(
                        "Status {} tidak sesuai riwayat, yang berakhir pada status {}",
                        status.code(),
                        lifecycle.status().code()
                    ),
                    format!(
                        "Status {} disagrees with the history, which ends in status {}",
                        status.code(),
                        lifecycle.status().code()
                    ),
                ),
            );
        }
        if purpose == ReadPurpose::Import && complaint.is_none() {
            return None;
        }
        Some(FileComplaint {
            line: self.line,
            ticket,
            coordinates: complaint
                .as_ref()
                .and_then(|c| c.location())
                .and_then(aduan_core::complaint::Location::coordinates)
                .or(coordinates),
            complaint,
            events,
            lifecycle,
            secret_sha256,
        })
    }

    /// The `events` cell: parsed, folded, and checked against the other
    /// cells.
    fn given_history(
        &mut self,
        json: &str,
        received: (DateTime<Utc>, ComplaintKind, &AgencyId, Option<Privacy>, Option<ChannelKind>),
        zone: Zone,
    ) -> Option<(Vec<Event>, Lifecycle)> {
        let events: Vec<Event> = match serde_json::from_str(json) {
            Ok(events) => events,
            Err(e) => {
                self.reject(
                    Some(Field::Events),
                    "row.events_invalid",
                    Text::new(
                        format!("Sel events bukan riwayat JSON yang sah: {e}"),
                        format!("The events cell is not a valid JSON history: {e}"),
                    ),
                );
                return None;
            }
        };
        let lifecycle = match fold(&events) {
            Ok(l) => l,
            Err(e) => {
                let m = e.error.message();
                let n = e.index + 1;
                self.reject(
                    Some(Field::Events),
                    e.error.code(),
                    Text::new(format!("peristiwa ke-{n}: {}", m.id), format!("event {n}: {}", m.en)),
                );
                return None;
            }
        };
        if let Some(known) = self.reader.options.known_agencies.clone() {
            for event in &events {
                let named = match &event.action {
                    Action::Disposed { to } => Some(to),
                    Action::Rerouted { suggested, .. } => suggested.as_ref(),
                    _ => None,
                };
                let acting = match &event.actor {
                    Actor::Penghubung { agency } => Some(agency),
                    _ => None,
                };
                for id in named.into_iter().chain(acting) {
                    if !known.contains(id) {
                        self.reject(Some(Field::Events), "row.unknown_agency", unknown_agency(id));
                        return None;
                    }
                }
            }
        }
        let (at, kind, agency, privacy, channel) = received;
        let disagree = |row: &mut Self, field: Field, ours: String, theirs: String| {
            row.reject(
                Some(field),
                "row.events_disagree",
                Text::new(
                    format!("{field} \"{ours}\" tidak sesuai riwayat di kolom events (\"{theirs}\")"),
                    format!(
                        "{field} \"{ours}\" disagrees with the history in the events column (\"{theirs}\")"
                    ),
                ),
            );
        };
        if lifecycle.received_at() != at {
            disagree(self, Field::ReceivedAt, at.to_rfc3339(), lifecycle.received_at().to_rfc3339());
        }
        if lifecycle.kind() != kind {
            disagree(self, Field::Kind, kind.code().into(), lifecycle.kind().code().into());
        }
        if lifecycle.requested_agency() != agency {
            disagree(self, Field::Agency, agency.to_string(), lifecycle.requested_agency().to_string());
        }
        if let Some(Action::Received { privacy: first, channel: first_channel, .. }) =
            events.first().map(|e| &e.action)
        {
            if let Some(p) = privacy
                && p != *first
            {
                disagree(self, Field::Privacy, p.code().into(), first.code().into());
            }
            if let Some(c) = channel
                && c != *first_channel
            {
                disagree(self, Field::Channel, c.code().into(), first_channel.code().into());
            }
        }
        // Every milestone cell given must say what the history says.
        let derived = Milestones::of(&events);
        for field in Milestones::FIELDS {
            let Some(cell) = self.cell(field).map(str::to_owned) else { continue };
            let expected = derived.get(field);
            let agrees = match (&expected, field.is_instant()) {
                (Some(e), true) => {
                    let given = self.instant(field, &cell, zone);
                    let Some(given) = given else { continue };
                    DateTime::parse_from_rfc3339(e).is_ok_and(|e| e.with_timezone(&Utc) == given)
                }
                (Some(e), false) => e.trim() == cell.trim(),
                (None, _) => false,
            };
            if !agrees {
                disagree(self, field, cell.trim().to_owned(), expected.unwrap_or_default());
            }
        }
        Some((events, lifecycle))
    }

    /// The history built from the milestone cells, in lifecycle order, and
    /// folded by the core.
    /// Every milestone cell is checked even when the `received` event
    /// cannot be built (`received` is `None`), so all problems are reported.
    fn synthesised_history(
        &mut self,
        received: Option<Event>,
        agency: Option<&AgencyId>,
        zone: Zone,
    ) -> Option<(Vec<Event>, Lifecycle)> {
        let before = self.rejections.len();
        let mut events = Vec::new();
        let at =
            |row: &mut Self, field: Field| row.optional(field, |row, cell| row.instant(field, cell, zone));
        if let Some(at) = at(self, Field::VerifiedAt) {
            events.push((
                Field::VerifiedAt,
                Event { at, actor: Actor::Koordinator, action: Action::Verified { privacy: None } },
            ));
        }
        let disposed_to = self
            .optional(Field::DisposedTo, |row, cell| row.agency(Field::DisposedTo, cell))
            .or_else(|| agency.cloned());
        if let Some(at) = at(self, Field::DisposedAt)
            && let Some(to) = disposed_to.clone()
        {
            events.push((
                Field::DisposedAt,
                Event { at, actor: Actor::Koordinator, action: Action::Disposed { to } },
            ));
        }
        // Without an agency the row is rejected already; the actor is moot.
        let penghubung = disposed_to.map_or(Actor::Koordinator, |agency| Actor::Penghubung { agency });
        if let Some(at) = at(self, Field::RespondedAt) {
            let message = self.cell(Field::Response).unwrap_or_default().trim().to_owned();
            events.push((
                Field::RespondedAt,
                Event { at, actor: penghubung.clone(), action: Action::Responded { message } },
            ));
        }
        if let Some(at) = at(self, Field::FollowedUpAt) {
            let message = self.cell(Field::FollowUp).unwrap_or_default().trim().to_owned();
            events.push((
                Field::FollowedUpAt,
                Event { at, actor: penghubung, action: Action::FollowedUp { message } },
            ));
        }
        let closed_at = at(self, Field::ClosedAt);
        let how = self.optional(Field::ClosedHow, |row, cell| {
            row.code::<ClosedHow>(Field::ClosedHow, cell, &["confirmed", "auto_closed", "archived"])
        });
        match (closed_at, how) {
            (Some(at), Some(how)) => {
                let (actor, action) = match how {
                    ClosedHow::Confirmed => (Actor::Reporter, Action::Confirmed),
                    ClosedHow::AutoClosed => (Actor::System, Action::AutoClosed),
                    ClosedHow::Archived => {
                        let reasons = ["spam", "duplikat", "tidak_valid"];
                        let reason = self.required(Field::ArchiveReason, |row, cell| {
                            row.code::<ArchiveReason>(Field::ArchiveReason, cell, &reasons)
                        });
                        let note = self.cell(Field::ArchiveNote).unwrap_or_default().trim().to_owned();
                        (Actor::Koordinator, Action::Archived { reason: reason?, note })
                    }
                };
                events.push((Field::ClosedAt, Event { at, actor, action }));
            }
            (Some(_), None) if !self.rejected(Field::ClosedHow) => self.reject(
                Some(Field::ClosedHow),
                "row.required",
                Text::new(
                    "Isi closed_how (confirmed, auto_closed atau archived) bersama closed_at",
                    "Give closed_how (confirmed, auto_closed or archived) together with closed_at",
                ),
            ),
            (None, Some(_)) if !self.rejected(Field::ClosedAt) => self.reject(
                Some(Field::ClosedAt),
                "row.required",
                Text::new("Isi closed_at bersama closed_how", "Give closed_at together with closed_how"),
            ),
            _ => {}
        }
        let rating = self.optional(Field::Rating, |row, cell| {
            let rating = cell.trim().parse::<u8>().ok().and_then(|n| Rating::new(n).ok());
            if rating.is_none() {
                row.reject(
                    Some(Field::Rating),
                    "row.invalid_value",
                    Text::new(
                        "rating harus bilangan bulat 1 sampai 5",
                        "rating must be a whole number from 1 to 5",
                    ),
                );
            }
            rating
        });
        if let Some(rating) = rating {
            match at(self, Field::RatedAt).or(closed_at) {
                Some(at) => events.push((
                    Field::RatedAt,
                    Event { at, actor: Actor::Reporter, action: Action::Rated { rating } },
                )),
                None => self.reject(
                    Some(Field::RatedAt),
                    "row.required",
                    Text::new(
                        "Isi rated_at (atau closed_at) bersama rating",
                        "Give rated_at (or closed_at) together with rating",
                    ),
                ),
            }
        }
        let received = received?;
        if self.rejections.len() > before {
            return None;
        }
        events.insert(0, (Field::ReceivedAt, received));
        let mut state: Option<Lifecycle> = None;
        for (field, event) in &events {
            match aduan_core::lifecycle::apply(state.take(), event) {
                Ok(next) => state = Some(next),
                Err(e) => {
                    self.reject(Some(*field), e.code(), e.message());
                    return None;
                }
            }
        }
        Some((events.into_iter().map(|(_, e)| e).collect(), state?))
    }
}

/// How a complaint was closed, as the `closed_how` column says.
#[derive(Debug, Clone, Copy, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum ClosedHow {
    Confirmed,
    AutoClosed,
    Archived,
}

fn unknown_agency(id: &AgencyId) -> Text {
    Text::new(
        format!("Instansi \"{id}\" tidak ada di konfigurasi"),
        format!("Agency \"{id}\" is not in the configuration"),
    )
}

/// The channel of a kind; a web widget's origin from the `origin` column.
fn channel_of(kind: ChannelKind, origin: Option<String>) -> Channel {
    match kind {
        ChannelKind::WebWidget => Channel::WebWidget { origin: origin.unwrap_or_default() },
        ChannelKind::Lapor => Channel::Lapor,
        ChannelKind::Sms1708 => Channel::Sms1708,
        ChannelKind::WhatsApp => Channel::WhatsApp,
        ChannelKind::SocialMedia => Channel::SocialMedia,
        ChannelKind::WalkIn => Channel::WalkIn,
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write as _;

    use aduan_core::lifecycle::Status;

    use super::*;

    fn fixture(name: &str) -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/import").join(name)
    }

    fn options(purpose: ReadPurpose) -> ReadOptions {
        let wita = Zone::parse("WITA").unwrap();
        let known = ["dinkes", "dishub"].map(|a| AgencyId::new(a).unwrap());
        ReadOptions {
            format: None,
            encoding: Encoding::Utf8,
            mapping: Mapping::default(),
            purpose,
            zones: known.iter().map(|a| (a.clone(), wita)).collect(),
            default_zone: wita,
            known_agencies: Some(known.to_vec()),
        }
    }

    fn read_all(path: &Path, options: &ReadOptions) -> (Vec<FileComplaint>, Vec<RowError>) {
        let reader = open(path, options).unwrap_or_else(|e| panic!("{e}"));
        let (mut ok, mut bad) = (Vec::new(), Vec::new());
        for row in reader {
            match row {
                Ok(c) => ok.push(c),
                Err(e) => bad.push(e),
            }
        }
        (ok, bad)
    }

    fn temp(ext: &str, bytes: &[u8]) -> tempfile::NamedTempFile {
        let mut file = tempfile::Builder::new().suffix(ext).tempfile().unwrap();
        file.write_all(bytes).unwrap();
        file
    }

    /// The rejections of a file as `line:column-name:code`.
    fn codes(errors: &[RowError]) -> Vec<String> {
        errors
            .iter()
            .flat_map(|e| &e.rejections)
            .map(|r| format!("{}:{}:{}", r.line, r.column.as_ref().map_or("-", |c| c.name.as_str()), r.code))
            .collect()
    }

    #[test]
    fn a_good_file_gives_complaints_with_their_histories() {
        for name in ["good.csv", "good.json", "good.jsonl"] {
            let (ok, bad) = read_all(&fixture(name), &options(ReadPurpose::Import));
            assert!(bad.is_empty(), "{name}: {bad:?}");
            let statuses: Vec<Status> = ok.iter().map(|c| c.lifecycle.status()).collect();
            assert_eq!(statuses, [Status::Diterima, Status::Selesai, Status::Diarsipkan], "{name}");
            assert_eq!(ok[0].ticket, None);
            assert_eq!(ok[1].ticket.unwrap().as_str(), "K7M-4QX-9RJ");
            assert_eq!(ok[1].events.len(), 7, "received … rated");
            assert_eq!(ok[1].lifecycle.rating().map(Rating::stars), Some(5));
            // Local times are read in the agency's zone (WITA, +08:00).
            assert_eq!(ok[1].lifecycle.received_at().to_rfc3339(), "2025-03-04T01:15:00+00:00");
            assert_eq!(ok[0].coordinates, Some(Coordinates { lat: -3.3194, lon: 114.5908 }));
            let c = ok[0].complaint.as_ref().unwrap();
            assert_eq!(c.title().as_str(), "Puskesmas tutup pada jam kerja");
            assert_eq!(c.reporter().unwrap().email().unwrap().as_str(), "siti@example.id");
            // The phone is normalised by the core.
            let phone =
                ok[2].complaint.as_ref().unwrap().reporter().unwrap().phone().unwrap().as_str().to_owned();
            assert_eq!(phone, "+6281234567890");
        }
        let lines: Vec<u64> =
            read_all(&fixture("good.json"), &options(ReadPurpose::Import)).0.iter().map(|c| c.line).collect();
        assert_eq!(lines, [2, 17, 38]);
    }

    #[test]
    fn malformed_rows_are_each_reported_with_line_and_column() {
        let (ok, bad) = read_all(&fixture("malformed.csv"), &options(ReadPurpose::Import));
        assert_eq!(ok.iter().map(|c| c.line).collect::<Vec<_>>(), [2, 8]);
        // The guarded formula is read back without its apostrophe.
        assert_eq!(ok[1].complaint.as_ref().unwrap().title().as_str(), "=HYPERLINK(\"http://x\")");
        assert_eq!(
            codes(&bad),
            [
                "3:ticket:ticket.check",
                "4:received_at:row.invalid_instant",
                "5:kind:row.invalid_value",
                // Nobody was assigned: the penghubung may not respond.
                "6:responded_at:transition.wrong_agency",
                "7:description:too_long",
                "9:-:row.cell_count",
            ]
        );
        let shown: Vec<String> = bad.iter().map(ToString::to_string).collect();
        assert!(shown[0].contains("malformed.csv:3:1 (ticket): "), "{}", shown[0]);
        assert!(
            shown[1].contains("malformed.csv:4:2 (received_at): \"2025-13-45 10:00\" bukan waktu"),
            "{}",
            shown[1]
        );
        assert!(shown[5].contains("an unclosed quote"), "{}", shown[5]);
    }

    #[test]
    fn every_problem_of_a_row_is_reported() {
        let csv = "received_at,kind,agency,title,description,privacy,rating\n\
                   2025-03-03 10:00,keluhan,dinkes,Pendek,,sembunyi,9\n";
        let file = temp(".csv", csv.as_bytes());
        let (_, bad) = read_all(file.path(), &options(ReadPurpose::Import));
        assert_eq!(
            codes(&bad),
            [
                "2:kind:row.invalid_value",
                "2:title:too_short",
                "2:description:required",
                "2:privacy:row.invalid_value",
                "2:rating:row.invalid_value",
                // Without a valid kind the date is required, as for pengaduan.
                "2:incident_date:required",
                "2:reporter_name:required",
                "2:reporter_email:contact_required",
            ]
        );
    }

    #[test]
    fn encodings() {
        let e = open(&fixture("invalid_utf8.csv"), &options(ReadPurpose::Import)).unwrap_err();
        assert_eq!(e.code, "file.encoding");
        assert!(
            e.message.en.starts_with("Invalid UTF-8 at line 2, column 81 (byte offset 380, value 0xE9)"),
            "{e}"
        );
        assert!(e.message.id.contains("CSV UTF-8"), "{e}");
        let mut cp1252 = options(ReadPurpose::Import);
        cp1252.encoding = Encoding::Windows1252;
        for (name, opts) in [("windows1252.csv", &cp1252), ("utf16.csv", &options(ReadPurpose::Import))] {
            let (ok, bad) = read_all(&fixture(name), opts);
            assert!(bad.is_empty(), "{name}: {bad:?}");
            let c = ok[0].complaint.as_ref().unwrap();
            assert_eq!(c.title().as_str(), "Pelayanan café kurang ramah", "{name}");
            assert!(c.description().as_str().contains("“tunggu saja”"), "{name}");
        }
    }

    #[test]
    fn empty_files_and_missing_columns() {
        let e = open(&fixture("empty.csv"), &options(ReadPurpose::Import)).unwrap_err();
        assert_eq!(e.code, "file.empty");
        let (ok, bad) = read_all(&fixture("header_only.csv"), &options(ReadPurpose::Import));
        assert!(ok.is_empty() && bad.is_empty());
        let file = temp(".csv", b"received_at,agency,judul\n");
        let e = open(file.path(), &options(ReadPurpose::Import)).unwrap_err();
        assert_eq!(e.code, "file.missing_column");
        assert!(e.message.en.contains("\"kind\", \"title\", \"description\""), "{e}");
        let e = open(Path::new("/nonexistent/x.csv"), &options(ReadPurpose::Import)).unwrap_err();
        assert_eq!(e.code, "file.open");
        for (ext, text) in [(".json", "   \n"), (".json", "{\"a\": 1}")] {
            let file = temp(ext, text.as_bytes());
            let e = open(file.path(), &options(ReadPurpose::Import)).unwrap_err();
            assert!(matches!(e.code, "file.empty" | "file.format"), "{ext} {text:?}: {e}");
        }
        // No rows at all is not an error of the reader (the import says so).
        for (ext, text) in [(".json", "[]"), (".jsonl", "\n \n")] {
            let (ok, bad) = read_all(temp(ext, text.as_bytes()).path(), &options(ReadPurpose::Import));
            assert!(ok.is_empty() && bad.is_empty());
        }
    }

    #[test]
    fn a_mapping_reads_a_lapor_style_export() {
        let text = std::fs::read_to_string(fixture("lapor.toml")).unwrap();
        let mut opts = options(ReadPurpose::Import);
        opts.mapping = Mapping::from_toml(&text, &fixture("lapor.toml")).unwrap();
        let (ok, bad) = read_all(&fixture("lapor.csv"), &opts);
        assert!(bad.is_empty(), "{bad:?}");
        assert_eq!(ok.len(), 2);
        assert_eq!(ok[0].lifecycle.received_at().to_rfc3339(), "2025-03-03T02:00:00+00:00");
        assert_eq!(ok[0].complaint.as_ref().unwrap().incident_date(), NaiveDate::from_ymd_opt(2025, 3, 2));
        assert_eq!(ok[1].lifecycle.privacy(), Privacy::Anonim);
        assert_eq!(ok[1].lifecycle.kind(), ComplaintKind::Aspirasi);
        // Without the mapping the header lacks our columns.
        let e = open(&fixture("lapor.csv"), &options(ReadPurpose::Import)).unwrap_err();
        assert_eq!(e.code, "file.missing_column");
    }

    #[test]
    fn json_errors_name_their_line() {
        let text = "[\n{\"received_at\": \"2025-03-03 10:00\", \"kind\": \"aspirasi\", \"agency\": \"dinkes\"},\n{\"kind\": \n\"aspirasi\", \"agency\": \"dinkes\"},\n{\"kind\": oops}\n]";
        let (ok, bad) = read_all(temp(".json", text.as_bytes()).path(), &options(ReadPurpose::Analysis));
        assert_eq!(ok.len(), 1);
        assert_eq!(codes(&bad), ["3:received_at:row.required", "5:-:row.json"]);
        assert!(bad[1].fatal);
        let text = "{\"received_at\": \"2025-03-03 10:00\", \"kind\": \"aspirasi\", \"agency\": \"dinkes\"}\nnot json\n\n{\"received_at\": \"2025-03-03 10:00\", \"kind\": \"x\", \"agency\": \"dinkes\"}\n";
        let (ok, bad) = read_all(temp(".jsonl", text.as_bytes()).path(), &options(ReadPurpose::Analysis));
        assert_eq!(ok.len(), 1);
        assert_eq!(codes(&bad), ["2:-:row.json", "4:kind:row.invalid_value"]);
    }

    #[test]
    fn an_events_cell_is_the_history_and_other_cells_must_agree() {
        let (ok, _) = read_all(&fixture("good.csv"), &options(ReadPurpose::Import));
        let events = super::super::events_json(&ok[1].events).unwrap().replace('"', "\"\"");
        let head = "ticket,received_at,kind,agency,title,description,privacy,channel,closed_how,rating,status,events\n";
        let good = format!(
            "K7M-4QX-9RJ,2025-03-04 09:15,aspirasi,dishub,Tambah jadwal bus kota,\
             Bus kota jurusan Banjarbaru penuh setiap pagi hari kerja.,,,confirmed,5,selesai,\"{events}\"\n"
        );
        let bad = format!(
            "33H-2BA-XSK,2025-03-04 09:16,aspirasi,dishub,Tambah jadwal bus kota,\
             Bus kota jurusan Banjarbaru penuh setiap pagi hari kerja.,publik,lapor,auto_closed,4,ditanggapi,\"{events}\"\n"
        );
        let file = temp(".csv", format!("{head}{good}{bad}").as_bytes());
        let (ok, errors) = read_all(file.path(), &options(ReadPurpose::Import));
        assert_eq!(ok.len(), 1, "{errors:?}");
        // Privacy and channel come from the history when their cells are empty.
        assert_eq!(ok[0].complaint.as_ref().unwrap().privacy(), Privacy::Anonim);
        assert_eq!(ok[0].complaint.as_ref().unwrap().channel(), &Channel::WhatsApp);
        assert_eq!(
            codes(&errors),
            [
                "3:received_at:row.events_disagree",
                "3:privacy:row.events_disagree",
                "3:channel:row.events_disagree",
                "3:closed_how:row.events_disagree",
                "3:rating:row.events_disagree",
                "3:status:row.status_mismatch",
            ]
        );
        let broken = format!(
            "{head}K7M-4QX-9RJ,2025-03-04 09:15,aspirasi,dishub,Judul yang cukup,Deskripsi yang cukup panjang untuk lolos.,anonim,,,,,\"[{{\"\"at\"\": 1}}]\"\n"
        );
        let (_, errors) = read_all(temp(".csv", broken.as_bytes()).path(), &options(ReadPurpose::Import));
        assert_eq!(codes(&errors), ["2:events:row.events_invalid"]);
    }

    #[test]
    fn tickets_agencies_and_analysis() {
        let csv = "ticket,received_at,kind,agency,disposed_at,disposed_to\n\
                   K7M-4QX-9RJ,2025-03-03 10:00,aspirasi,dinkes,,\n\
                   K7M-4QX-9RJ,2025-03-03 10:00,aspirasi,dinkes,,\n\
                   ,2025-03-03 10:00,aspirasi,dinsos,,\n\
                   ,2025-03-03 10:00,aspirasi,dinkes,2025-03-03 11:00,dinsos\n\
                   ,2025-03-03 10:00,aspirasi,dinkes,2025-03-03 11:00,dishub\n";
        let (ok, bad) = read_all(temp(".csv", csv.as_bytes()).path(), &options(ReadPurpose::Analysis));
        assert_eq!(
            codes(&bad),
            [
                "3:ticket:row.duplicate_ticket",
                "4:agency:row.unknown_agency",
                "5:disposed_to:row.unknown_agency",
                "6:disposed_at:transition.not_allowed"
            ]
        );
        assert!(bad[0].rejections[0].message.en.contains("line 2"));
        assert_eq!(ok.len(), 1);
        assert!(ok[0].complaint.is_none(), "analysis validates no content");
        // Without configured agencies any well-formed id is accepted.
        let mut open_world = options(ReadPurpose::Analysis);
        open_world.known_agencies = None;
        let (ok, bad) = read_all(temp(".csv", csv.as_bytes()).path(), &open_world);
        assert_eq!(ok.len(), 2);
        assert_eq!(
            codes(&bad),
            [
                "3:ticket:row.duplicate_ticket",
                "5:disposed_at:transition.not_allowed",
                "6:disposed_at:transition.not_allowed"
            ]
        );
    }

    #[test]
    fn a_web_widget_row_needs_its_origin() {
        let csv = "received_at,kind,agency,channel,origin,privacy,title,description\n\
                   2025-03-03 10:00,aspirasi,dinkes,web_widget,,anonim,Tambah jadwal bus kota,Bus kota jurusan Banjarbaru penuh setiap pagi.\n\
                   2025-03-03 10:00,aspirasi,dinkes,web_widget,https://Dinkes.kalselprov.go.id,anonim,Tambah jadwal bus kota,Bus kota jurusan Banjarbaru penuh setiap pagi.\n";
        let (ok, bad) = read_all(temp(".csv", csv.as_bytes()).path(), &options(ReadPurpose::Import));
        assert_eq!(codes(&bad), ["2:origin:invalid_origin"]);
        assert_eq!(
            ok[0].complaint.as_ref().unwrap().channel(),
            &Channel::WebWidget { origin: "https://dinkes.kalselprov.go.id".into() }
        );
    }
}
