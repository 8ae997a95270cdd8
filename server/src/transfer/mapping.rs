//! Reading other systems' exports: column names, value translations and
//! instant formats.

use std::collections::HashMap;
use std::path::Path;

use aduan_core::Text;

use super::Field;

/// How another system's export maps onto our columns.
///
/// # Example
/// ```
/// use aduan_server::transfer::{Field, Mapping};
/// let m = Mapping::from_toml(r#"
/// received_at_format = "%d/%m/%Y %H:%M"
/// [columns]
/// received_at = "Tanggal Laporan"
/// kind = "Kategori"
/// [values.kind]
/// "Pengaduan" = "pengaduan"
/// "#, std::path::Path::new("lapor.toml")).unwrap();
/// assert_eq!(m.header(Field::ReceivedAt), "Tanggal Laporan");
/// assert_eq!(m.value(Field::Kind, "Pengaduan"), "pengaduan");
/// assert_eq!(m.value(Field::Kind, "aspirasi"), "aspirasi");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Mapping {
    columns: HashMap<Field, String>,
    values: HashMap<Field, HashMap<String, String>>,
    formats: HashMap<Field, String>,
}

/// A mapping that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}: {message}")]
pub struct MappingError {
    /// The mapping file, or `--map`.
    pub source_name: String,
    /// What is wrong, in Indonesian and English.
    pub message: Text,
}

impl Mapping {
    /// The header our `field` has in the file: the mapped one, or its own.
    #[must_use]
    pub fn header(&self, field: Field) -> &str {
        self.columns.get(&field).map_or(field.name(), String::as_str)
    }

    /// The value a cell of `field` stands for: translated when the mapping
    /// lists it (compared after trimming), unchanged otherwise.
    #[must_use]
    pub fn value<'a>(&'a self, field: Field, cell: &'a str) -> &'a str {
        self.values.get(&field).and_then(|m| m.get(cell.trim())).map_or(cell, String::as_str)
    }

    /// The `chrono` format instants of `field` are written in, if mapped.
    #[must_use]
    pub fn format(&self, field: Field) -> Option<&str> {
        self.formats.get(&field).map(String::as_str)
    }

    /// Adds `--map ours=theirs`.
    ///
    /// # Errors
    /// When it is not `ours=theirs` or `ours` is not one of our columns.
    pub fn add_column(&mut self, spec: &str) -> Result<(), MappingError> {
        let fail = |message| MappingError { source_name: format!("--map {spec}"), message };
        let Some((ours, theirs)) = spec.split_once('=') else {
            return Err(fail(Text::new(
                "Tulis --map kolom_aduan=kolom_berkas, mis. --map received_at=\"Tanggal Laporan\"",
                "Write --map our_column=their_column, e.g. --map received_at=\"Tanggal Laporan\"",
            )));
        };
        let field = field(ours.trim()).map_err(fail)?;
        self.columns.insert(field, theirs.trim().to_owned());
        Ok(())
    }

    /// Reads a mapping file:
    ///
    /// ```toml
    /// received_at_format = "%d/%m/%Y %H:%M"   # any instant column: <column>_format
    /// [columns]                               # ours = "theirs"
    /// received_at = "Tanggal Laporan"
    /// [values.kind]                           # their value = our value
    /// "Pengaduan" = "pengaduan"
    /// ```
    ///
    /// # Errors
    /// TOML syntax errors (with line and column), unknown columns or keys,
    /// values that are not strings, formats of columns that hold no instant.
    pub fn from_toml(text: &str, path: &Path) -> Result<Self, MappingError> {
        let fail = |message| MappingError { source_name: path.display().to_string(), message };
        let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
            let at = e
                .span()
                .map(|span| {
                    let before = &text[..span.start.min(text.len())];
                    let line = before.matches('\n').count() + 1;
                    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
                    format!(" ({line}:{column})")
                })
                .unwrap_or_default();
            fail(Text::new(
                format!("TOML tidak sah{at}: {}", e.message()),
                format!("invalid TOML{at}: {}", e.message()),
            ))
        })?;
        let mut mapping = Self::default();
        let string = |key: &str, value: &toml::Value| {
            value.as_str().map(str::to_owned).ok_or_else(|| {
                fail(Text::new(
                    format!("{key} harus berupa teks dalam tanda kutip"),
                    format!("{key} must be a quoted string"),
                ))
            })
        };
        for (key, value) in &table {
            match key.as_str() {
                "columns" => {
                    let Some(columns) = value.as_table() else {
                        return Err(fail(Text::new("[columns] harus tabel", "[columns] must be a table")));
                    };
                    for (ours, theirs) in columns {
                        let f = field(ours).map_err(fail)?;
                        mapping.columns.insert(f, string(&format!("columns.{ours}"), theirs)?);
                    }
                }
                "values" => {
                    let Some(values) = value.as_table() else {
                        return Err(fail(Text::new("[values] harus tabel", "[values] must be a table")));
                    };
                    for (ours, map) in values {
                        let f = field(ours).map_err(fail)?;
                        let Some(map) = map.as_table() else {
                            return Err(fail(Text::new(
                                format!("[values.{ours}] harus tabel"),
                                format!("[values.{ours}] must be a table"),
                            )));
                        };
                        let entry = mapping.values.entry(f).or_default();
                        for (theirs, our_value) in map {
                            entry.insert(
                                theirs.trim().to_owned(),
                                string(&format!("values.{ours}.\"{theirs}\""), our_value)?,
                            );
                        }
                    }
                }
                other => {
                    let Some(f) = other.strip_suffix("_format").and_then(Field::from_name) else {
                        return Err(fail(Text::new(
                            format!(
                                "Kunci \"{other}\" tidak dikenal: gunakan [columns], [values.<kolom>] atau <kolom>_format"
                            ),
                            format!(
                                "Unknown key \"{other}\": use [columns], [values.<column>] or <column>_format"
                            ),
                        )));
                    };
                    if !(f.is_instant() || f == Field::IncidentDate) {
                        return Err(fail(Text::new(
                            format!("{other}: kolom {f} tidak berisi tanggal atau waktu"),
                            format!("{other}: column {f} holds no date or time"),
                        )));
                    }
                    mapping.formats.insert(f, string(other, value)?);
                }
            }
        }
        Ok(mapping)
    }
}

/// Our column named `name`.
fn field(name: &str) -> Result<Field, Text> {
    Field::from_name(name).ok_or_else(|| {
        let all: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        Text::new(
            format!("Kolom \"{name}\" tidak dikenal; kolom Aduan: {}", all.join(", ")),
            format!("Unknown column \"{name}\"; Aduan's columns: {}", all.join(", ")),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn command_line_maps_one_column() {
        let mut m = Mapping::default();
        m.add_column("received_at=Tanggal Masuk").unwrap();
        assert_eq!(m.header(Field::ReceivedAt), "Tanggal Masuk");
        assert_eq!(m.header(Field::Kind), "kind");
        let e = m.add_column("tanggal=Tanggal").unwrap_err();
        assert!(e.message.en.contains("Unknown column \"tanggal\""), "{e}");
        assert!(m.add_column("received_at").is_err());
    }

    #[test]
    fn file_errors_name_the_problem() {
        let path = Path::new("m.toml");
        let e = Mapping::from_toml("[columns]\nfoo = \"x\"\n", path).unwrap_err();
        assert!(e.message.en.contains("\"foo\""), "{e}");
        let e = Mapping::from_toml("title_format = \"%d\"\n", path).unwrap_err();
        assert!(e.message.en.contains("holds no date"), "{e}");
        let e = Mapping::from_toml("[columns\n", path).unwrap_err();
        assert!(e.message.en.starts_with("invalid TOML (1:"), "{e}");
        let e = Mapping::from_toml("[columns]\nkind = 3\n", path).unwrap_err();
        assert!(e.message.en.contains("columns.kind must be a quoted string"), "{e}");
    }
}
