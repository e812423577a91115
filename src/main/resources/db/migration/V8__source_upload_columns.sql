-- The columns of an upload as its analysis found them when it was stored, so that showing an
-- upload never reads and infers its file again. The index serves the deletion of uploads that no
-- request uses once they are older than intake.uploads.ttl.

CREATE TABLE source_upload_column (
    upload_id   VARCHAR(36)   NOT NULL REFERENCES source_upload (id) ON DELETE CASCADE,
    column_no   INTEGER       NOT NULL,
    name        VARCHAR(63)   NOT NULL,
    header      VARCHAR(1000) NOT NULL,
    column_type VARCHAR(20)   NOT NULL,
    PRIMARY KEY (upload_id, column_no)
);
CREATE INDEX source_upload_created_idx ON source_upload (created_at);
