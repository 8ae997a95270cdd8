-- Open311 `GET requests` lists the public complaints received in a window
-- of at most 90 days, newest first: an index on the receipt instant keeps
-- that a range scan however many complaints are stored.
CREATE INDEX complaints_received ON complaints (received_at);
