//! A complaint's detail as the console shows it: its content (anonymity
//! respected: a field the server left out is not shown, an anonymous
//! reporter is "Anonim"), its SLA clocks and its timeline, in the
//! complaint's zone.

use aduan_core::api::v1::{Deadline, OfficerComplaintView};
use aduan_core::lifecycle::ActionKind;
use aduan_core::sla::{ClockKind, ClockState};
use aduan_core::{Lang, Privacy, format};

use crate::actions::{OFFICER_ACTIONS, privacy_label, who};
use crate::inbox::{kind_label, remaining};

/// One labelled line of the complaint's content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// The label ("Judul").
    pub label: &'static str,
    /// The value as shown.
    pub value: String,
}

/// The content fields present in `view`, in reading order.
#[must_use]
pub fn fields(view: &OfficerComplaintView, agency_name: &dyn Fn(&str) -> String) -> Vec<Field> {
    let c = &view.complaint;
    let mut out = Vec::new();
    let mut push = |label: &'static str, value: Option<String>| {
        if let Some(value) = value.filter(|v| !v.trim().is_empty()) {
            out.push(Field { label, value });
        }
    };
    push("Judul", c.title.clone());
    push("Jenis", c.kind.map(|k| kind_label(k).to_owned()));
    push("Isi aduan", c.description.clone());
    push("Tanggal kejadian", c.incident_date.map(|d| format::date(d, Lang::Id)));
    push("Lokasi", c.location.clone());
    push("Diterima", Some(format::instant(c.received_at, c.zone, Lang::Id)));
    push(
        "Instansi",
        Some(
            c.agency.as_ref().map_or_else(|| "Belum didisposisikan".to_owned(), |a| agency_name(a.as_str())),
        ),
    );
    push("Privasi", c.privacy.map(|p| privacy_label(p).to_owned()));
    let anonymous = c.privacy == Some(Privacy::Anonim) && c.reporter_name.is_none();
    push("Nama pelapor", if anonymous { Some("Anonim".to_owned()) } else { c.reporter_name.clone() });
    push("Email pelapor", view.reporter_email.clone());
    push("Nomor ponsel pelapor", view.reporter_phone.clone());
    out
}

/// The map point as numbers ("-3,316694, 114,590111") and its
/// OpenStreetMap link.
#[must_use]
pub fn map_point(view: &OfficerComplaintView) -> Option<(String, String)> {
    let c = view.coordinates?;
    let text = format!("{}, {}", format::decimal(c.lat, 6, Lang::Id), format::decimal(c.lon, 6, Lang::Id));
    let link =
        format!("https://www.openstreetmap.org/?mlat={}&mlon={}#map=17/{}/{}", c.lat, c.lon, c.lat, c.lon);
    Some((text, link))
}

/// One SLA clock as a table row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClockRow {
    /// What is due.
    pub what: &'static str,
    /// When, in the zone.
    pub due: String,
    /// Time left or overdue, in words.
    pub remaining: String,
    /// The state, in words.
    pub state: &'static str,
    /// The state's code (for the CSS class; the text says it too).
    pub state_code: &'static str,
}

/// The rows of the SLA clocks.
#[must_use]
pub fn clocks(view: &OfficerComplaintView) -> Vec<ClockRow> {
    view.complaint.deadlines.iter().map(|d| clock_row(d, view.complaint.zone)).collect()
}

fn clock_row(d: &Deadline, zone: aduan_core::Zone) -> ClockRow {
    let (state, state_code) = match d.state {
        ClockState::Running => ("Berjalan", "running"),
        ClockState::AtRisk => ("Hampir lewat batas", "at-risk"),
        ClockState::Paused => ("Berhenti sementara (ditunda)", "paused"),
        ClockState::Met => ("Terpenuhi", "met"),
        ClockState::Breached => ("Terlambat", "breached"),
        ClockState::Cancelled => ("Dibatalkan", "cancelled"),
    };
    let counting = matches!(d.state, ClockState::Running | ClockState::AtRisk | ClockState::Breached)
        && d.stopped_at.is_none();
    ClockRow {
        what: match d.clock {
            ClockKind::Disposition => "Verifikasi dan disposisi",
            ClockKind::FollowUp => "Tindak lanjut instansi",
        },
        due: d
            .due_at
            .map_or_else(|| "Belum dapat dihitung".to_owned(), |at| format::instant(at, zone, Lang::Id)),
        remaining: if counting {
            remaining(Some(d.remaining_working_days), d.state == ClockState::Breached)
        } else {
            "–".to_owned()
        },
        state,
        state_code,
    }
}

/// One timeline entry as a list item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// When, in the zone.
    pub at: String,
    /// The instant for `<time datetime>`.
    pub datetime: String,
    /// What happened.
    pub label: String,
    /// Who did it.
    pub who: String,
    /// The agency it went to (disposition) or was suggested (reroute).
    pub to: Option<String>,
    /// The message or reason, when shown.
    pub message: Option<String>,
}

/// The timeline, oldest first (newest last).
#[must_use]
pub fn timeline(view: &OfficerComplaintView, agency_name: &dyn Fn(&str) -> String) -> Vec<Step> {
    let zone = view.complaint.zone;
    view.complaint
        .timeline
        .iter()
        .map(|e| Step {
            at: format::instant(e.at, zone, Lang::Id),
            datetime: e.at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            label: e.label.id.clone(),
            who: who(e, agency_name).id,
            to: e.to_agency.as_ref().map(|a| agency_name(a.as_str())),
            message: e.message.clone(),
        })
        .collect()
}

/// The officer actions of the view, in form order.
#[must_use]
pub fn officer_actions(view: &OfficerComplaintView) -> Vec<ActionKind> {
    OFFICER_ACTIONS.iter().copied().filter(|k| view.complaint.actions.contains(k)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn view(extra: &serde_json::Value) -> OfficerComplaintView {
        let mut base = json!({
            "ticket": "K7M-4QX-9RJ", "status": {"code": "didisposisikan", "label": {"id": "Didisposisikan", "en": "Assigned"}},
            "agency": "dinkes", "received_at": "2026-11-23T06:30:00Z", "zone": "WITA",
            "kind": "pengaduan", "privacy": "anonim", "title": "Antrean obat", "description": "Tiga jam",
            "incident_date": "2026-11-22", "location": "Banjarmasin",
            "timeline": [
                {"at": "2026-11-23T06:30:00Z", "action": "received", "label": {"id": "Pengaduan diterima", "en": "Received"}, "role": "reporter"},
                {"at": "2026-11-23T07:00:00Z", "action": "disposed", "label": {"id": "Didisposisikan ke instansi", "en": "Assigned"}, "role": "koordinator", "to_agency": "dinkes"}
            ],
            "deadlines": [
                {"clock": "disposition", "state": "met", "started_at": "2026-11-23T06:30:00Z", "due_at": "2026-11-26T06:30:00Z", "stopped_at": "2026-11-23T07:00:00Z", "remaining_working_days": 2.9},
                {"clock": "follow_up", "state": "breached", "started_at": "2026-11-23T07:00:00Z", "due_at": "2026-11-30T07:00:00Z", "remaining_working_days": -1.25}
            ],
            "actions": ["rerouted", "held", "responded", "info_added"],
            "version": 2
        });
        if let (Some(base), Some(extra)) = (base.as_object_mut(), extra.as_object()) {
            base.extend(extra.clone());
        }
        serde_json::from_value(base).unwrap()
    }

    #[test]
    fn anonymous_reporters_stay_anonymous() {
        let v = view(&json!({}));
        let f = fields(&v, &|a| format!("Dinas {a}"));
        let get = |label: &str| f.iter().find(|x| x.label == label).map(|x| x.value.clone());
        assert_eq!(get("Nama pelapor").as_deref(), Some("Anonim"));
        assert_eq!(get("Email pelapor"), None);
        assert_eq!(get("Instansi").as_deref(), Some("Dinas dinkes"));
        assert_eq!(get("Tanggal kejadian").as_deref(), Some("22 November 2026"));
        assert_eq!(get("Diterima").as_deref(), Some("23 November 2026 pukul 14.30 WITA"));
        let named =
            view(&json!({"privacy": "publik", "reporter_name": "Siti", "reporter_email": "s@example.id",
            "coordinates": {"lat": -3.316694, "lon": 114.590111}}));
        let f = fields(&named, &|a| a.to_owned());
        assert!(f.iter().any(|x| x.label == "Nama pelapor" && x.value == "Siti"));
        assert!(f.iter().any(|x| x.label == "Email pelapor" && x.value == "s@example.id"));
        let (text, link) = map_point(&named).unwrap();
        assert_eq!(text, "-3,316694, 114,590111");
        assert!(link.starts_with("https://www.openstreetmap.org/?mlat=-3.316694&mlon=114.590111"));
        assert_eq!(map_point(&v), None);
    }

    #[test]
    fn clocks_and_timeline_in_the_zone() {
        let v = view(&json!({}));
        let rows = clocks(&v);
        assert_eq!(rows[0].state, "Terpenuhi");
        assert_eq!(rows[0].remaining, "–");
        assert_eq!(rows[1].remaining, "terlambat 1,3 hari kerja");
        assert_eq!(rows[1].due, "30 November 2026 pukul 15.00 WITA");
        let steps = timeline(&v, &|a| format!("Dinas {a}"));
        assert_eq!(steps.len(), 2);
        assert_eq!(steps[1].who, "admin koordinator");
        assert_eq!(steps[1].to.as_deref(), Some("Dinas dinkes"));
        assert_eq!(steps[0].datetime, "2026-11-23T06:30:00Z");
        assert_eq!(officer_actions(&v), [ActionKind::Rerouted, ActionKind::Held, ActionKind::Responded]);
    }
}
