-- Tamper-evident audit trail (DESIGN §9): every event carries the SHA-256 of its content and of
-- the previous event's hash. Portable between H2 and PostgreSQL.
--
-- Times are stored as UTC wall-clock time from now on, so a hash stays verifiable whatever the
-- server's time zone. Hashes stay nullable because events written before this migration are sealed
-- by the application at its next start (AuditTrail.sealUnchained), which SQL cannot do portably.
ALTER TABLE audit_event ADD COLUMN prev_hash VARCHAR(64);
ALTER TABLE audit_event ADD COLUMN hash VARCHAR(64);
CREATE INDEX audit_event_time_idx ON audit_event (occurred_at);

-- The one row that serialises appends: a writer locks it (SELECT ... FOR UPDATE) in its own
-- transaction, takes the next sequence number and the previous hash from it and moves it on, so
-- transactions on any number of nodes chain in commit order and sequence numbers have no gaps.
-- last_hash is NULL only while events from before this migration wait to be sealed.
CREATE TABLE audit_chain_head (
    id        INTEGER     NOT NULL PRIMARY KEY,
    last_seq  BIGINT      NOT NULL,
    last_hash VARCHAR(64),
    CONSTRAINT audit_chain_head_one_row CHECK (id = 1)
);
INSERT INTO audit_chain_head (id, last_seq, last_hash)
SELECT 1, COALESCE(MAX(seq), 0),
       CASE WHEN COUNT(*) = 0 THEN '0000000000000000000000000000000000000000000000000000000000000000' END
FROM audit_event;
