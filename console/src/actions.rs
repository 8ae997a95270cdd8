//! An officer's actions on a complaint: what each form asks, the checks
//! made before sending (the same error-summary pattern as the server's
//! 422), the [`ActionRequest`] body, and the texts after success or a
//! conflict.

use aduan_core::api::v1::{ActionRequest, OfficerComplaintView, Problem, TimelineEntry};
use aduan_core::lifecycle::{Action, ActionKind, ArchiveReason};
use aduan_core::{AgencyId, Lang, Privacy, Text, format};

/// The actions an officer performs in the console, in the order their
/// forms are shown. Reporter actions in a view's `actions` are skipped.
pub const OFFICER_ACTIONS: [ActionKind; 8] = [
    ActionKind::Verified,
    ActionKind::Disposed,
    ActionKind::Rerouted,
    ActionKind::Held,
    ActionKind::Resumed,
    ActionKind::Responded,
    ActionKind::FollowedUp,
    ActionKind::Archived,
];

/// What an action form holds, as typed (field names are the inputs' `name`s).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActionFields {
    /// `privacy` (verify): empty keeps the reporter's choice.
    pub privacy: String,
    /// `agency` (dispose: required; reroute: suggestion, optional).
    pub agency: String,
    /// `reason` (reroute, hold, archive: the archive reason code).
    pub reason: String,
    /// `message` (respond, follow up).
    pub message: String,
    /// `note` (archive).
    pub note: String,
}

/// A problem with one field of an action form, shown in the error summary
/// and beside the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldIssue {
    /// The input's `name`.
    pub field: String,
    /// What to do, in both languages.
    pub message: Text,
}

/// The form's heading, e.g. "Verifikasi aduan".
#[must_use]
pub fn title(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Verified => "Verifikasi aduan",
        ActionKind::Disposed => "Disposisikan ke instansi",
        ActionKind::Rerouted => "Kembalikan: bukan wewenang instansi",
        ActionKind::Held => "Tunda",
        ActionKind::Resumed => "Lanjutkan",
        ActionKind::Responded => "Beri tanggapan",
        ActionKind::FollowedUp => "Laporkan tindak lanjut",
        ActionKind::Archived => "Arsipkan",
        _ => "Tindakan",
    }
}

/// The submit button's text, naming the action.
#[must_use]
pub fn button(kind: ActionKind) -> &'static str {
    match kind {
        ActionKind::Verified => "Verifikasi",
        ActionKind::Disposed => "Disposisikan",
        ActionKind::Rerouted => "Kembalikan untuk dirutekan ulang",
        ActionKind::Held => "Tunda aduan",
        ActionKind::Resumed => "Lanjutkan aduan",
        ActionKind::Responded => "Kirim tanggapan",
        ActionKind::FollowedUp => "Kirim tindak lanjut",
        ActionKind::Archived => "Arsipkan aduan",
        _ => "Kirim",
    }
}

/// The status message after the action succeeded.
#[must_use]
pub fn done(kind: ActionKind, ticket: &str) -> Text {
    let (id, en) = match kind {
        ActionKind::Verified => ("diverifikasi", "verified"),
        ActionKind::Disposed => ("didisposisikan", "assigned to the agency"),
        ActionKind::Rerouted => ("dikembalikan untuk dirutekan ulang", "returned for rerouting"),
        ActionKind::Held => ("ditunda", "put on hold"),
        ActionKind::Resumed => ("dilanjutkan", "resumed"),
        ActionKind::Responded => ("ditanggapi", "answered"),
        ActionKind::FollowedUp => ("ditindaklanjuti", "followed up"),
        ActionKind::Archived => ("diarsipkan", "archived"),
        _ => ("diperbarui", "updated"),
    };
    Text::new(format!("Aduan {ticket} berhasil {id}"), format!("Complaint {ticket} {en}"))
}

/// The archive reasons: (code, label).
#[must_use]
pub fn archive_reasons() -> [(ArchiveReason, &'static str); 3] {
    [
        (ArchiveReason::Spam, "Spam atau penyalahgunaan"),
        (ArchiveReason::Duplikat, "Duplikat aduan lain"),
        (ArchiveReason::TidakValid, "Bukan aduan, aspirasi, atau permintaan informasi"),
    ]
}

/// The privacy choices a verifier may switch to from `current` (only
/// stricter ones), with their labels.
#[must_use]
pub fn privacy_choices(current: Option<Privacy>) -> Vec<(Privacy, &'static str)> {
    let Some(current) = current else { return Vec::new() };
    Privacy::ALL
        .iter()
        .copied()
        .filter(|p| *p != current && current.can_become(*p))
        .map(|p| (p, privacy_label(p)))
        .collect()
}

/// The Indonesian name of a privacy choice.
#[must_use]
pub fn privacy_label(p: Privacy) -> &'static str {
    match p {
        Privacy::Publik => "Publik",
        Privacy::Anonim => "Anonim",
        Privacy::Rahasia => "Rahasia",
    }
}

/// Checks `fields` for `kind` and builds the request body, or says what is
/// missing, field by field.
///
/// # Errors
/// Every [`FieldIssue`] of the form, in the form's order.
///
/// # Example
/// ```
/// use aduan_console::actions::{ActionFields, request};
/// use aduan_core::lifecycle::ActionKind;
/// let fields = ActionFields { message: "Kami tinjau besok".into(), ..Default::default() };
/// let body = request(ActionKind::Responded, &fields, 3).unwrap();
/// assert_eq!(body.version, 3);
/// assert!(request(ActionKind::Responded, &ActionFields::default(), 3).is_err());
/// ```
pub fn request(
    kind: ActionKind,
    fields: &ActionFields,
    version: u32,
) -> Result<ActionRequest, Vec<FieldIssue>> {
    let mut issues = Vec::new();
    let need = |issues: &mut Vec<FieldIssue>, field: &str, value: &str, id: &str, en: &str| -> String {
        let value = value.trim();
        if value.is_empty() {
            issues.push(FieldIssue { field: field.to_owned(), message: Text::new(id, en) });
        }
        value.to_owned()
    };
    let agency = |value: &str| AgencyId::new(value.trim()).ok();
    let action = match kind {
        ActionKind::Verified => Action::Verified { privacy: parse_privacy(&fields.privacy) },
        ActionKind::Disposed => {
            let to =
                need(&mut issues, "agency", &fields.agency, "Pilih instansi tujuan", "Choose the agency");
            match agency(&to) {
                Some(to) => Action::Disposed { to },
                None => return Err(issues_or_agency(issues)),
            }
        }
        ActionKind::Rerouted => Action::Rerouted {
            reason: need(
                &mut issues,
                "reason",
                &fields.reason,
                "Masukkan alasan aduan ini bukan wewenang instansi",
                "Enter why this is not the agency's responsibility",
            ),
            suggested: agency(&fields.agency),
        },
        ActionKind::Held => Action::Held {
            reason: need(
                &mut issues,
                "reason",
                &fields.reason,
                "Masukkan alasan penundaan",
                "Enter why the complaint is on hold",
            ),
        },
        ActionKind::Resumed => Action::Resumed,
        ActionKind::Responded => Action::Responded {
            message: need(&mut issues, "message", &fields.message, "Masukkan tanggapan", "Enter the answer"),
        },
        ActionKind::FollowedUp => Action::FollowedUp {
            message: need(
                &mut issues,
                "message",
                &fields.message,
                "Masukkan tindak lanjut yang sudah dilakukan",
                "Enter what was done",
            ),
        },
        ActionKind::Archived => {
            let reason =
                archive_reasons().into_iter().find(|(r, _)| r.code() == fields.reason).map(|(r, _)| r);
            if reason.is_none() {
                issues.push(FieldIssue {
                    field: "reason".to_owned(),
                    message: Text::new("Pilih alasan pengarsipan", "Choose why it is archived"),
                });
            }
            let note = need(
                &mut issues,
                "note",
                &fields.note,
                "Masukkan catatan pengarsipan",
                "Enter a note on the archiving",
            );
            match reason {
                Some(reason) => Action::Archived { reason, note },
                None => return Err(issues),
            }
        }
        _ => {
            return Err(vec![FieldIssue {
                field: String::new(),
                message: Text::new(
                    "Tindakan ini tidak dilakukan petugas",
                    "Officers do not take this action",
                ),
            }]);
        }
    };
    if issues.is_empty() { Ok(ActionRequest { version, action }) } else { Err(issues) }
}

fn issues_or_agency(issues: Vec<FieldIssue>) -> Vec<FieldIssue> {
    if issues.is_empty() {
        vec![FieldIssue {
            field: "agency".to_owned(),
            message: Text::new("Pilih instansi dari daftar", "Choose an agency from the list"),
        }]
    } else {
        issues
    }
}

fn parse_privacy(code: &str) -> Option<Privacy> {
    Privacy::ALL.iter().copied().find(|p| p.code() == code)
}

/// The server's field errors (`action.message`, `action.to`) as the form's
/// inputs name them; errors without a field keep an empty name.
#[must_use]
pub fn issues_from_problem(problem: &Problem) -> Vec<FieldIssue> {
    problem
        .errors
        .iter()
        .map(|e| {
            let last = e.field.rsplit('.').next().unwrap_or_default();
            let field = match last {
                "to" | "suggested" => "agency",
                "message" | "reason" | "note" | "privacy" => last,
                _ => "",
            };
            FieldIssue { field: field.to_owned(), message: e.message.clone() }
        })
        .collect()
}

/// What a 409 means, told from the reloaded view: who did what since the
/// version this officer saw.
#[must_use]
pub fn conflict(
    seen_version: u32,
    reloaded: &OfficerComplaintView,
    agency_name: &dyn Fn(&str) -> String,
) -> Text {
    let view = &reloaded.complaint;
    let zone = view.zone;
    let new: Vec<&TimelineEntry> = view.timeline.iter().skip(seen_version as usize).collect();
    let describe = |lang: Lang| -> String {
        new.iter()
            .map(|e| {
                let who = who(e, agency_name);
                format!("{} ({}, {})", e.label.get(lang), who.get(lang), format::instant(e.at, zone, lang))
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let status = &view.status.label;
    if new.is_empty() {
        return Text::new(
            format!(
                "Petugas lain sudah bertindak lebih dulu. Aduan ini sudah dimuat ulang dan kini berstatus {}. Periksa lalu coba lagi bila masih perlu",
                status.id
            ),
            format!(
                "Someone else acted first. The complaint was reloaded and is now {}. Check it, then try again if still needed",
                status.en
            ),
        );
    }
    Text::new(
        format!(
            "Petugas lain sudah bertindak lebih dulu: {}. Aduan ini sudah dimuat ulang dan kini berstatus {}. Periksa lalu coba lagi bila masih perlu",
            describe(Lang::Id),
            status.id
        ),
        format!(
            "Someone else acted first: {}. The complaint was reloaded and is now {}. Check it, then try again if still needed",
            describe(Lang::En),
            status.en
        ),
    )
}

/// Who performed a timeline entry.
#[must_use]
pub fn who(entry: &TimelineEntry, agency_name: &dyn Fn(&str) -> String) -> Text {
    match entry.role.as_str() {
        "reporter" => Text::new("pelapor", "the reporter"),
        "koordinator" => Text::new("admin koordinator", "the coordinator"),
        "penghubung" => match &entry.agency {
            Some(a) => {
                let name = agency_name(a.as_str());
                Text::new(format!("admin penghubung {name}"), format!("the liaison of {name}"))
            }
            None => Text::new("admin penghubung", "an agency liaison"),
        },
        _ => Text::new("sistem", "the system"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn fields(f: impl FnOnce(&mut ActionFields)) -> ActionFields {
        let mut out = ActionFields::default();
        f(&mut out);
        out
    }

    #[test]
    fn bodies_are_the_cores_json() {
        let check = |kind: ActionKind, f: ActionFields, expected: serde_json::Value| {
            let body = request(kind, &f, 4).unwrap_or_else(|e| panic!("{kind:?}: {e:?}"));
            assert_eq!(serde_json::to_value(&body).unwrap(), json!({"version": 4, "action": expected}));
            // And the server reads it back as the same request.
            let back: ActionRequest = serde_json::from_value(serde_json::to_value(&body).unwrap()).unwrap();
            assert_eq!(back, body);
        };
        check(ActionKind::Verified, fields(|_| ()), json!({"type": "verified", "privacy": null}));
        check(
            ActionKind::Verified,
            fields(|f| f.privacy = "rahasia".into()),
            json!({"type": "verified", "privacy": "rahasia"}),
        );
        check(
            ActionKind::Disposed,
            fields(|f| f.agency = "dinkes".into()),
            json!({"type": "disposed", "to": "dinkes"}),
        );
        check(
            ActionKind::Rerouted,
            fields(|f| {
                f.reason = " Bukan urusan kami ".into();
                f.agency = "dishub".into();
            }),
            json!({"type": "rerouted", "reason": "Bukan urusan kami", "suggested": "dishub"}),
        );
        check(
            ActionKind::Rerouted,
            fields(|f| f.reason = "Jalan nasional".into()),
            json!({"type": "rerouted", "reason": "Jalan nasional", "suggested": null}),
        );
        check(
            ActionKind::Held,
            fields(|f| f.reason = "Menunggu foto".into()),
            json!({"type": "held", "reason": "Menunggu foto"}),
        );
        check(ActionKind::Resumed, fields(|_| ()), json!({"type": "resumed"}));
        check(
            ActionKind::Responded,
            fields(|f| f.message = "Kami cek".into()),
            json!({"type": "responded", "message": "Kami cek"}),
        );
        check(
            ActionKind::FollowedUp,
            fields(|f| f.message = "Loket ditambah".into()),
            json!({"type": "followed_up", "message": "Loket ditambah"}),
        );
        check(
            ActionKind::Archived,
            fields(|f| {
                f.reason = "tidak_valid".into();
                f.note = "Iklan".into();
            }),
            json!({"type": "archived", "reason": "tidak_valid", "note": "Iklan"}),
        );
    }

    #[test]
    fn empty_fields_are_caught_before_sending() {
        let check = |kind: ActionKind, f: ActionFields, expected: &[(&str, &str)]| {
            let issues = request(kind, &f, 1).expect_err("refused");
            let got: Vec<(&str, &str)> =
                issues.iter().map(|i| (i.field.as_str(), i.message.id.as_str())).collect();
            assert_eq!(got, expected, "{kind:?}");
        };
        check(ActionKind::Disposed, fields(|_| ()), &[("agency", "Pilih instansi tujuan")]);
        check(
            ActionKind::Held,
            fields(|f| f.reason = "   ".into()),
            &[("reason", "Masukkan alasan penundaan")],
        );
        check(ActionKind::Responded, fields(|_| ()), &[("message", "Masukkan tanggapan")]);
        check(
            ActionKind::FollowedUp,
            fields(|_| ()),
            &[("message", "Masukkan tindak lanjut yang sudah dilakukan")],
        );
        check(
            ActionKind::Rerouted,
            fields(|_| ()),
            &[("reason", "Masukkan alasan aduan ini bukan wewenang instansi")],
        );
        check(
            ActionKind::Archived,
            fields(|_| ()),
            &[("reason", "Pilih alasan pengarsipan"), ("note", "Masukkan catatan pengarsipan")],
        );
        check(ActionKind::Rated, fields(|_| ()), &[("", "Tindakan ini tidak dilakukan petugas")]);
        for kind in OFFICER_ACTIONS {
            assert!(!title(kind).is_empty() && !button(kind).is_empty());
            assert!(done(kind, "X").id.starts_with("Aduan X berhasil"));
        }
    }

    #[test]
    fn privacy_only_tightens() {
        let codes = |p| privacy_choices(p).into_iter().map(|(p, _)| p).collect::<Vec<_>>();
        assert_eq!(codes(Some(Privacy::Publik)), [Privacy::Anonim, Privacy::Rahasia]);
        assert!(codes(Some(Privacy::Anonim)).is_empty());
        assert!(codes(None).is_empty());
    }

    #[test]
    fn server_field_errors_map_to_inputs() {
        let problem: Problem = serde_json::from_value(json!({
            "type": "urn:aduan:problem:validation", "title": "x", "status": 422, "code": "validation",
            "message": {"id": "Periksa isian", "en": "Check"},
            "errors": [
                {"field": "action.message", "code": "too_long", "message": {"id": "Tanggapan terlalu panjang", "en": "Too long"}},
                {"field": "action.to", "code": "unknown", "message": {"id": "Instansi tidak dikenal", "en": "Unknown agency"}},
                {"field": "version", "code": "x", "message": {"id": "a", "en": "b"}}
            ]
        }))
        .unwrap();
        let fields: Vec<String> = issues_from_problem(&problem).into_iter().map(|i| i.field).collect();
        assert_eq!(fields, ["message", "agency", ""]);
    }

    fn view(timeline: &serde_json::Value) -> OfficerComplaintView {
        serde_json::from_value(json!({
            "ticket": "K7M-4QX-9RJ", "status": {"code": "terverifikasi", "label": {"id": "Terverifikasi", "en": "Verified"}},
            "received_at": "2026-11-23T06:30:00Z", "zone": "WITA", "timeline": timeline, "deadlines": [], "version": 2,
            "reporter_email": "siti@example.id"
        }))
        .unwrap()
    }

    #[test]
    fn a_conflict_names_who_acted_first() {
        let reloaded = view(&json!([
            {"at": "2026-11-23T06:30:00Z", "action": "received", "label": {"id": "Pengaduan diterima", "en": "Complaint received"}, "role": "reporter"},
            {"at": "2026-11-23T07:00:00Z", "action": "verified", "label": {"id": "Diverifikasi", "en": "Verified"}, "role": "koordinator"}
        ]));
        assert_eq!(reloaded.reporter_email.as_deref(), Some("siti@example.id"));
        let text = conflict(1, &reloaded, &|a| a.to_owned());
        assert_eq!(
            text.id,
            "Petugas lain sudah bertindak lebih dulu: Diverifikasi (admin koordinator, 23 November 2026 pukul 15.00 WITA). Aduan ini sudah dimuat ulang dan kini berstatus Terverifikasi. Periksa lalu coba lagi bila masih perlu"
        );
        assert!(text.en.starts_with(
            "Someone else acted first: Verified (the coordinator, 23 November 2026, 15:00 WITA)"
        ));
        let unknown = conflict(2, &reloaded, &|a| a.to_owned());
        assert!(unknown.id.starts_with("Petugas lain sudah bertindak lebih dulu. Aduan ini"));
    }
}
