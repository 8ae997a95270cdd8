//! The OpenAPI 3 document of `/api/v1`, served at `/api/v1/openapi.json`.
//!
//! Written by hand next to the router; a test checks that every route the
//! router serves is documented here and the other way round.

use serde_json::{Value, json};

/// Every path of the document with its methods, as the router serves them.
pub const PATHS: &[(&str, &str)] = &[
    ("/api/v1/complaints", "post"),
    ("/api/v1/complaints/{ticket}", "get"),
    ("/api/v1/complaints/{ticket}/actions", "post"),
    ("/api/v1/inbox", "get"),
    ("/api/v1/inbox.csv", "get"),
    ("/api/v1/me", "get"),
    ("/api/v1/agencies", "get"),
    ("/api/v1/stats", "get"),
    ("/api/v1/stats.csv", "get"),
    ("/api/v1/agencies/{agency}/stats", "get"),
    ("/api/v1/agencies/{agency}/badge", "get"),
    ("/api/v1/awards", "get"),
    ("/api/v1/awards/{award}/leaderboard", "get"),
    ("/badge/{file}", "get"),
    ("/widgets/{file}", "get"),
    ("/console", "get"),
    ("/healthz", "get"),
    ("/readyz", "get"),
];

fn problem_responses(codes: &[&str]) -> Value {
    let mut map = serde_json::Map::new();
    for code in codes {
        map.insert(
            (*code).to_owned(),
            json!({
                "description": "A problem document with a stable `code` and the message in Indonesian (`message.id`) and English (`message.en`); validation problems list every field error in `errors`.",
                "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}
            }),
        );
    }
    Value::Object(map)
}

fn merge(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Object(b)) = (a.as_object_mut(), b) {
        a.extend(b);
    }
    a
}

fn ok(description: &str, schema: &str) -> Value {
    json!({"200": {"description": description, "content": {"application/json": {"schema": {"$ref": format!("#/components/schemas/{schema}")}}}}})
}

fn merge_params(mut a: Value, b: Value) -> Value {
    if let (Some(a), Value::Array(b)) = (a.as_array_mut(), b) {
        a.extend(b);
    }
    a
}

fn period_params() -> Value {
    json!([
        {"name": "period", "in": "query", "schema": {"type": "string"}, "description": "A year (`2025`) or a month (`2025-03`); the current year by default."},
        {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "First day, with `to`, instead of `period`."},
        {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "Last day, included."}
    ])
}

/// The whole document.
#[must_use]
pub fn document() -> Value {
    let ticket = json!({"name": "ticket", "in": "path", "required": true, "schema": {"type": "string"}, "description": "Ticket number such as `K7M-4QX-9RJ`; case, spaces and dashes are ignored; a mistyped number fails its check character."});
    let agency = json!({"name": "agency", "in": "path", "required": true, "schema": {"type": "string"}});
    let mut stats_params = period_params();
    stats_params.as_array_mut().expect("array").insert(0, agency.clone());
    let mut badge_params = stats_params.clone();
    badge_params
        .as_array_mut()
        .expect("array")
        .push(json!({"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["id", "en"]}}));
    let mut board_params = period_params();
    board_params.as_array_mut().expect("array").extend([
        json!({"name": "award", "in": "path", "required": true, "schema": {"type": "string"}}),
        json!({"name": "category", "in": "query", "schema": {"type": "string"}, "description": "Only this category, e.g. `opd`."}),
    ]);
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "Aduan API",
            "version": "1",
            "description": "Public complaints for Indonesian government websites (SP4N-LAPOR!). Every error is `application/problem+json` with a stable `code`. Times are UTC (RFC 3339); working days follow the configured holiday calendar in each agency's zone."
        },
        "components": {
            "securitySchemes": {
                "officer": {"type": "http", "scheme": "bearer", "description": "An officer's token (admin koordinator or admin penghubung of one agency)."},
                "secret": {"type": "apiKey", "in": "header", "name": "X-Access-Secret", "description": "The access secret issued with the ticket: the reporter's proof."}
            },
            "schemas": {
                "Problem": {"type": "object", "required": ["type", "title", "status", "code", "message"], "properties": {
                    "type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                    "code": {"type": "string"}, "message": {"$ref": "#/components/schemas/Text"},
                    "errors": {"type": "array", "items": {"type": "object", "properties": {
                        "field": {"type": "string"}, "code": {"type": "string"}, "message": {"$ref": "#/components/schemas/Text"}}}}}},
                "Text": {"type": "object", "required": ["id", "en"], "properties": {"id": {"type": "string"}, "en": {"type": "string"}}},
                "SubmitComplaint": {"type": "object", "properties": {
                    "kind": {"type": "string", "enum": ["pengaduan", "aspirasi", "permintaan_informasi"]},
                    "title": {"type": "string", "description": "10–150 characters"},
                    "description": {"type": "string", "description": "30–4,000 characters"},
                    "incident_date": {"type": "string", "format": "date", "description": "Required for pengaduan; not in the future"},
                    "location": {"type": "string"},
                    "coordinates": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}},
                    "agency": {"type": "string"},
                    "privacy": {"type": "string", "enum": ["anonim", "publik", "rahasia"]},
                    "reporter": {"type": "object", "properties": {"name": {"type": "string"}, "email": {"type": "string"}, "phone": {"type": "string"}}},
                    "website": {"type": "string", "description": "Honeypot: leave empty."}}},
                "Submitted": {"type": "object", "properties": {
                    "ticket": {"type": "string"}, "secret": {"type": "string"}, "status": {"$ref": "#/components/schemas/Status"},
                    "received_at": {"type": "string", "format": "date-time"}, "agency": {"type": "string"},
                    "verification_due_at": {"type": "string", "format": "date-time"}}},
                "Status": {"type": "object", "properties": {"code": {"type": "string"}, "label": {"$ref": "#/components/schemas/Text"}}},
                "ComplaintView": {"type": "object", "description": "Fields the viewer may not see are absent.", "properties": {
                    "ticket": {"type": "string"}, "status": {"$ref": "#/components/schemas/Status"}, "agency": {"type": "string"},
                    "received_at": {"type": "string", "format": "date-time"}, "zone": {"type": "string"},
                    "kind": {"type": "string"}, "privacy": {"type": "string"}, "title": {"type": "string"},
                    "description": {"type": "string"}, "incident_date": {"type": "string", "format": "date"},
                    "location": {"type": "string"}, "reporter_name": {"type": "string"},
                    "timeline": {"type": "array", "items": {"type": "object"}},
                    "deadlines": {"type": "array", "items": {"type": "object"}},
                    "auto_close_at": {"type": "string", "format": "date-time"},
                    "actions": {"type": "array", "items": {"type": "string"}},
                    "version": {"type": "integer"}}},
                "OfficerComplaintView": {"allOf": [{"$ref": "#/components/schemas/ComplaintView"}, {"type": "object",
                    "description": "What an officer sees: each field only where the complaint's privacy lets this officer see it (no contact of an anonymous report for its agency).",
                    "properties": {
                        "reporter_email": {"type": "string"}, "reporter_phone": {"type": "string", "description": "E.164"},
                        "coordinates": {"type": "object", "properties": {"lat": {"type": "number"}, "lon": {"type": "number"}}}}}]},
                "ActionRequest": {"type": "object", "required": ["version", "action"], "properties": {
                    "version": {"type": "integer", "description": "The version acted on; a stale one is a 409."},
                    "action": {"type": "object", "required": ["type"], "description": "`{\"type\": \"verified\", \"privacy\": null}`, `{\"type\": \"disposed\", \"to\": \"dinkes\"}`, `{\"type\": \"rerouted\", \"reason\": \"…\", \"suggested\": null}`, `{\"type\": \"held\", \"reason\": \"…\"}`, `{\"type\": \"resumed\"}`, `{\"type\": \"responded\", \"message\": \"…\"}`, `{\"type\": \"followed_up\", \"message\": \"…\"}`, `{\"type\": \"info_added\", \"message\": \"…\"}`, `{\"type\": \"confirmed\"}`, `{\"type\": \"disputed\", \"reason\": \"…\"}`, `{\"type\": \"rated\", \"rating\": 5}`, `{\"type\": \"archived\", \"reason\": \"spam\", \"note\": \"…\"}`",
                        "properties": {"type": {"type": "string"}}}}},
                "OfficerView": {"type": "object", "required": ["id", "name", "role"], "properties": {
                    "id": {"type": "string"}, "name": {"type": "string"},
                    "role": {"type": "string", "enum": ["koordinator", "penghubung"]},
                    "agency": {"type": "string", "description": "The penghubung's agency; absent for the koordinator."},
                    "agency_name": {"type": "string"}}},
                "InboxPage": {"type": "object", "properties": {"total": {"type": "integer"}, "items": {"type": "array", "items": {"type": "object"}}}},
                "Agency": {"type": "object", "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "category": {"type": "string"}, "zone": {"type": "string"}}},
                "StatsView": {"type": "object", "description": "Counts, shares, response-time distributions, the monthly series and `response_histogram`: consecutive `HistogramBucket`s of answered complaints' working-day response times, the last open-ended."},
                "HistogramBucket": {"type": "object", "required": ["from_working_days", "label", "count"], "properties": {
                    "from_working_days": {"type": "number", "description": "Lower bound, exclusive (inclusive for the first bucket)"},
                    "to_working_days": {"type": "number", "description": "Upper bound, inclusive; absent for the last bucket"},
                    "label": {"$ref": "#/components/schemas/Text"}, "count": {"type": "integer"}}},
                "Badge": {"type": "object"},
                "AwardSummary": {"type": "object", "required": ["id", "name"], "properties": {
                    "id": {"type": "string", "description": "As in `/api/v1/awards/{award}/leaderboard`"},
                    "name": {"$ref": "#/components/schemas/Text"}}},
                "LeaderboardView": {"type": "object", "description": "`criteria` (id, name, weight in points of 100, `explanation`: what it measures and how points are given) and one entry per category in `categories`: `ranked` entrants best first (rank, score, winner, each criterion's `contributions`) and `unranked` ones with their `reasons`; every entrant carries `monthly`, one point per month of the period (`month`, `received`, `median_working_days`, `median_days`, `within_standard`), for its response-time chart."}
            }
        },
        "paths": {
            "/api/v1/complaints": {"post": {
                "summary": "Submit a complaint, aspiration or information request",
                "parameters": [
                    {"name": "Idempotency-Key", "in": "header", "required": true, "schema": {"type": "string", "minLength": 8, "maxLength": 200}, "description": "Unique per complaint; a retry with the same key returns the same ticket and secret and stores nothing new."},
                    {"name": "X-Aduan-Channel", "in": "header", "schema": {"type": "string", "enum": ["lapor", "sms_1708", "whats_app", "social_media", "walk_in"]}, "description": "Officers only: the channel a complaint they enter came through. Otherwise the Origin is recorded as the web channel."}
                ],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SubmitComplaint"}}}},
                "responses": merge(json!({
                    "201": {"description": "Stored and committed", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submitted"}}}},
                    "200": {"description": "A retry of an earlier submission", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Submitted"}}}}
                }), problem_responses(&["400", "413", "415", "422", "429"]))
            }},
            "/api/v1/complaints/{ticket}": {"get": {
                "summary": "A complaint as the requester may see it",
                "security": [{}, {"secret": []}, {"officer": []}],
                "parameters": [ticket.clone()],
                "responses": merge(json!({"200": {"description": "Public fields and the status timeline; full content with the secret; a confidential report shows its status only. With an officer token: an `OfficerComplaintView`, adding the reporter's contact and map point where the privacy allows.", "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/ComplaintView"}, {"$ref": "#/components/schemas/OfficerComplaintView"}]}}}}}), problem_responses(&["401", "403", "404", "422"]))
            }},
            "/api/v1/complaints/{ticket}/actions": {"post": {
                "summary": "Act on a complaint: officers' lifecycle actions, reporters' info, confirmation, dispute and rating",
                "security": [{"secret": []}, {"officer": []}],
                "parameters": [ticket],
                "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ActionRequest"}}}},
                "responses": merge(json!({"200": {"description": "The complaint after the action (an `OfficerComplaintView` for an officer)", "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/ComplaintView"}, {"$ref": "#/components/schemas/OfficerComplaintView"}]}}}}}), problem_responses(&["400", "401", "403", "404", "409", "422"]))
            }},
            "/api/v1/inbox": {"get": {
                "summary": "Officers' inbox, most urgent first",
                "security": [{"officer": []}],
                "parameters": [
                    {"name": "status", "in": "query", "schema": {"type": "string"}, "description": "Comma-separated status codes"},
                    {"name": "agency", "in": "query", "schema": {"type": "string"}},
                    {"name": "kind", "in": "query", "schema": {"type": "string"}},
                    {"name": "overdue", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "at_risk", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "q", "in": "query", "schema": {"type": "string"}, "description": "Text in the ticket, title or description"},
                    {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200}},
                    {"name": "offset", "in": "query", "schema": {"type": "integer", "minimum": 0}}
                ],
                "responses": merge(ok("A page of the inbox", "InboxPage"), problem_responses(&["400", "401", "403"]))
            }},
            "/api/v1/inbox.csv": {"get": {
                "summary": "The inbox as CSV: every match of the inbox's filters (at most 10,000), most urgent first. UTF-8 with a byte-order mark, CRLF, decimal points; columns tiket, jenis, judul, status, instansi_id, instansi, diterima and tenggat (RFC 3339 in the agency's zone), sisa_hari_kerja (negative when overdue), terlambat (ya/tidak). Text cells a spreadsheet would read as formulas start with an apostrophe.",
                "security": [{"officer": []}],
                "parameters": [
                    {"name": "status", "in": "query", "schema": {"type": "string"}, "description": "Comma-separated status codes"},
                    {"name": "agency", "in": "query", "schema": {"type": "string"}},
                    {"name": "kind", "in": "query", "schema": {"type": "string"}},
                    {"name": "overdue", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "at_risk", "in": "query", "schema": {"type": "boolean"}},
                    {"name": "q", "in": "query", "schema": {"type": "string"}}
                ],
                "responses": merge(json!({"200": {"description": "`aduan-kotak-masuk-YYYY-MM-DD.csv`", "content": {"text/csv": {}}}}), problem_responses(&["400", "401", "403", "422"]))
            }},
            "/api/v1/me": {"get": {
                "summary": "The signed-in officer: id, name, role (koordinator or penghubung) and agency",
                "security": [{"officer": []}],
                "responses": merge(ok("The officer", "OfficerView"), problem_responses(&["401"]))
            }},
            "/api/v1/agencies": {"get": {
                "summary": "The agencies complaints may be addressed to",
                "responses": {"200": {"description": "Agencies", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Agency"}}}}}}
            }},
            "/api/v1/stats": {"get": {
                "summary": "The province's complaint statistics for a period: every agency's complaints and those not yet disposed, in the default zone",
                "parameters": period_params(),
                "responses": merge(ok("Statistics", "StatsView"), problem_responses(&["400", "422"]))
            }},
            "/api/v1/stats.csv": {"get": {
                "summary": "Statistics as CSV (UTF-8 with a byte-order mark, CRLF, decimal points, shares 0–1): one row per agency and a last `provinsi` row, columns instansi_id, instansi, kategori, diterima, ditangani, dijawab, median_hari_kerja, rerata_hari, dalam_standar, tindak_lanjut, selesai, terbuka, terlambat, kepuasan_rerata, kepuasan_jumlah; with `agency`, that agency's months: bulan, diterima, median_hari_kerja, median_hari, dalam_standar",
                "parameters": merge_params(period_params(), json!([{"name": "agency", "in": "query", "schema": {"type": "string"}, "description": "One agency's monthly rows instead."}])),
                "responses": merge(json!({"200": {"description": "`aduan-statistik-<period>.csv`", "content": {"text/csv": {}}}}), problem_responses(&["400", "404", "422"]))
            }},
            "/api/v1/agencies/{agency}/stats": {"get": {
                "summary": "An agency's complaint statistics for a period",
                "parameters": stats_params,
                "responses": merge(ok("Statistics", "StatsView"), problem_responses(&["400", "404", "422"]))
            }},
            "/api/v1/agencies/{agency}/badge": {"get": {
                "summary": "What the response-time badge shows",
                "parameters": badge_params.clone(),
                "responses": merge(ok("The badge", "Badge"), problem_responses(&["400", "404", "422"]))
            }},
            "/api/v1/awards": {"get": {
                "summary": "The awards this server scores",
                "responses": {"200": {"description": "Awards, in configuration order", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/AwardSummary"}}}}}}
            }},
            "/api/v1/awards/{award}/leaderboard": {"get": {
                "summary": "An award's ranking per category with each criterion's contribution",
                "parameters": board_params,
                "responses": merge(ok("The leaderboard", "LeaderboardView"), problem_responses(&["400", "404", "422"]))
            }},
            "/badge/{file}": {"get": {
                "summary": "The badge without JavaScript: `{agency}.svg` (an image with a <title>) or `{agency}.json` (a shields.io endpoint)",
                "parameters": [{"name": "file", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": merge(json!({"200": {"description": "SVG image or shields.io endpoint JSON", "content": {"image/svg+xml": {}, "application/json": {}}}}), problem_responses(&["404"]))
            }},
            "/widgets/{file}": {"get": {
                "summary": "The embeddable widgets: the loader `aduan.js` (cached 5 minutes) and the content-hashed bundle it loads (cached for a year); brotli or gzip by Accept-Encoding, ETag revalidation",
                "parameters": [{"name": "file", "in": "path", "required": true, "schema": {"type": "string"}}],
                "responses": merge(json!({"200": {"description": "JavaScript or WebAssembly", "content": {"text/javascript": {}, "application/wasm": {}}}, "304": {"description": "Not modified"}}), problem_responses(&["404", "503"]))
            }},
            "/console": {"get": {
                "summary": "The officers' console (an HTML page; sign in with an officer token)",
                "responses": {"200": {"description": "The console page", "content": {"text/html": {}}}, "503": {"description": "This build has no console bundle"}}
            }},
            "/healthz": {"get": {"summary": "The process is up", "responses": {"200": {"description": "ok"}}}},
            "/readyz": {"get": {"summary": "The database answers", "responses": {"200": {"description": "ready"}, "503": {"description": "database unavailable"}}}}
        }
    })
}
