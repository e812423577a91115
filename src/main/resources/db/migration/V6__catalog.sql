-- The data catalog (issue 4): an entry per dataset key, and its immutable revisions. Each revision
-- holds the full snapshot of the entry as JSON text; the entry row carries only what search needs.
-- TEXT is unbounded on PostgreSQL and CHARACTER VARYING (up to 1,000,000 characters) on H2 2.x.

CREATE TABLE catalog_entry (
    dataset_key     VARCHAR(63)  NOT NULL PRIMARY KEY,
    title           VARCHAR(200) NOT NULL,
    business_unit   VARCHAR(63)  NOT NULL,
    layer           VARCHAR(20)  NOT NULL,
    owner_name      VARCHAR(100) NOT NULL,
    has_pii         BOOLEAN      NOT NULL,
    latest_revision INTEGER      NOT NULL,
    search_text     TEXT         NOT NULL,
    updated_at      TIMESTAMP    NOT NULL,
    version         BIGINT       NOT NULL
);
CREATE INDEX catalog_entry_bu_idx ON catalog_entry (business_unit, layer);

CREATE SEQUENCE catalog_revision_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE catalog_revision (
    id          BIGINT       NOT NULL PRIMARY KEY,
    dataset_key VARCHAR(63)  NOT NULL REFERENCES catalog_entry (dataset_key),
    revision_no INTEGER      NOT NULL,
    author      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMP    NOT NULL,
    reason      VARCHAR(200) NOT NULL,
    request_id  BIGINT,
    snapshot    TEXT         NOT NULL,
    CONSTRAINT catalog_revision_number_uq UNIQUE (dataset_key, revision_no)
);
