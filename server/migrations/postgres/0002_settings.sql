-- Deployment-wide settings every server instance shares, such as the key
-- that derives access secrets from idempotency keys (several instances on
-- one database must derive the same secret for a retried submission).
CREATE TABLE settings (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
