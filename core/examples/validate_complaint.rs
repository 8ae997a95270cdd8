//! Validates complaints the way the Aduan server and form do: a raw
//! [`ComplaintInput`] (here read from JSON, as an API request would send it)
//! becomes a typed [`NewComplaint`], or every field error at once with its
//! stable code and its message in Indonesian and English.
//!
//! Run: `cargo run -p aduan-core --example validate_complaint`

#![allow(clippy::print_stdout)]

use aduan_core::complaint::ComplaintInput;
use aduan_core::{AgencyId, Channel, Lang, ValidationContext, Zone};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // The deployment's agencies, the current instant and the agency's zone
    // come from the program: the core never reads a clock or a file.
    let agencies = [AgencyId::new("dinkes")?, AgencyId::new("dpupr")?];
    let ctx = ValidationContext {
        now: "2025-03-10T02:00:00Z".parse()?,
        zone: Zone::WITA,
        known_agencies: Some(&agencies),
    };

    let good: ComplaintInput = serde_json::from_str(
        r#"{
            "kind": "pengaduan",
            "title": "Jalan berlubang di Jl. A. Yani km 5",
            "description": "Lubang sedalam 20 cm di lajur kiri, sudah dua minggu, membahayakan pengendara motor.",
            "incident_date": "2025-03-01",
            "location": "Jl. A. Yani km 5, Banjarmasin",
            "agency": "dpupr",
            "privacy": "publik",
            "reporter": { "name": "Siti Rahmah", "phone": "0812 3456 7890" }
        }"#,
    )?;
    let complaint =
        good.validate(Channel::Lapor, &ctx).map_err(|e| format!("the good example should validate: {e}"))?;
    let phone = complaint.reporter().and_then(|r| r.phone()).map(|p| p.as_str().to_owned());
    println!(
        "valid: {} (agency {}, phone {})",
        complaint.title().as_str(),
        complaint.agency(),
        phone.unwrap_or_default()
    );
    // Phone numbers are normalised to E.164.
    assert_eq!(complaint.reporter().and_then(|r| r.phone()).map(|p| p.as_str()), Some("+6281234567890"));

    // A badly filled form: every problem is reported, in field order.
    let bad: ComplaintInput = serde_json::from_str(
        r#"{ "kind": "pengaduan", "title": "Rusak", "description": "", "agency": "dinsos",
             "incident_date": "2025-04-01", "privacy": "publik", "reporter": { "name": "S" } }"#,
    )?;
    let Err(errors) = bad.validate(Channel::Lapor, &ctx) else {
        return Err("the bad example should not validate".into());
    };
    for e in errors.errors() {
        println!("{:<16} {:<18} {}", e.field, e.code, e.message.get(Lang::Id));
        println!("{:<16} {:<18} {}", "", "", e.message.get(Lang::En));
    }
    let fields: Vec<&str> = errors.errors().iter().map(|e| e.field).collect();
    assert_eq!(
        fields,
        ["title", "description", "incident_date", "agency", "reporter.name", "reporter"],
        "every field error, in field order"
    );
    Ok(())
}
