-- Uploaded source files (CSV/XLSX). The content is stored in chunks of at most 256 KiB, each a
-- BYTEA row: BYTEA is PostgreSQL's binary type and an alias of BINARY VARYING in H2, so this one
-- script serves both, and an upload is written and read one chunk at a time on either database
-- (PostgreSQL reads a bytea value whole, so a single big value would be held in memory).

CREATE TABLE source_upload (
    id            VARCHAR(36)  NOT NULL PRIMARY KEY,
    file_name     VARCHAR(255) NOT NULL,
    file_format   VARCHAR(10)  NOT NULL,
    content_type  VARCHAR(200),
    encoding      VARCHAR(20),
    size_bytes    BIGINT       NOT NULL,
    row_count     BIGINT       NOT NULL,
    uploaded_by   VARCHAR(100) NOT NULL,
    business_unit VARCHAR(63)  NOT NULL,
    created_at    TIMESTAMP    NOT NULL
);
CREATE INDEX source_upload_bu_idx ON source_upload (business_unit, created_at);

CREATE TABLE source_upload_chunk (
    upload_id VARCHAR(36) NOT NULL REFERENCES source_upload (id) ON DELETE CASCADE,
    chunk_no  INTEGER     NOT NULL,
    content   BYTEA       NOT NULL,
    PRIMARY KEY (upload_id, chunk_no)
);
