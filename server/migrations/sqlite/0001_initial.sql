-- Aduan's SQLite schema. Its shape matches migrations/postgres/0001_initial.sql
-- column for column, so the two backends share their SQL wherever the
-- dialects agree. Instants are BIGINT unix milliseconds (UTC) in both.

-- One row per complaint: what was filed (never changed after submission)
-- and the read model derived from its events (replaced on every append).
CREATE TABLE complaints (
    id               INTEGER PRIMARY KEY,
    ticket           TEXT    NOT NULL UNIQUE,
    secret_hash      TEXT    NOT NULL,
    requested_agency TEXT    NOT NULL,
    -- The embedding site's origin, for web-widget submissions only.
    origin           TEXT,
    channel          TEXT    NOT NULL,
    kind             TEXT    NOT NULL,
    title            TEXT    NOT NULL,
    description      TEXT    NOT NULL,
    -- YYYY-MM-DD, a calendar date without a zone.
    incident_date    TEXT,
    location         TEXT,
    lat              REAL,
    lon              REAL,
    reporter_name    TEXT,
    reporter_email   TEXT,
    -- E.164, e.g. +6281234567890.
    reporter_phone   TEXT,
    received_at      BIGINT  NOT NULL,
    -- The read model: a cache of the fold of `events`, always rebuildable.
    status           TEXT    NOT NULL,
    agency           TEXT,
    -- The effective privacy (the reporter's choice, possibly tightened at
    -- verification); the original choice stays in the `received` event.
    privacy          TEXT    NOT NULL,
    version          BIGINT  NOT NULL CHECK (version >= 1),
    due_at           BIGINT,
    at_risk_at       BIGINT,
    auto_close_at    BIGINT,
    updated_at       BIGINT  NOT NULL
);

-- The inbox filters by agency and status and sorts by deadline.
CREATE INDEX complaints_inbox ON complaints (agency, status, due_at);
-- The auto-close sweep looks for followed-up complaints past their window.
CREATE INDEX complaints_auto_close ON complaints (status, auto_close_at);

-- The history of each complaint, append-only: the source of truth.
CREATE TABLE events (
    complaint_id BIGINT NOT NULL REFERENCES complaints (id),
    seq          BIGINT NOT NULL CHECK (seq >= 1),
    at           BIGINT NOT NULL,
    -- serde_json of aduan_core::lifecycle::Event.
    event        TEXT   NOT NULL,
    PRIMARY KEY (complaint_id, seq)
);

-- A stored event is evidence: no statement may change or remove it.
CREATE TRIGGER events_no_update BEFORE UPDATE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

CREATE TRIGGER events_no_delete BEFORE DELETE ON events
BEGIN
    SELECT RAISE(ABORT, 'events are append-only');
END;

-- Client idempotency keys, so a retried submission returns the first ticket.
CREATE TABLE idempotency_keys (
    key          TEXT   PRIMARY KEY,
    complaint_id BIGINT NOT NULL REFERENCES complaints (id),
    created_at   BIGINT NOT NULL
);

-- Officers from the configuration; only the hash of each bearer token.
CREATE TABLE officers (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    -- NULL for an admin koordinator.
    agency     TEXT,
    token_hash TEXT NOT NULL UNIQUE
);
