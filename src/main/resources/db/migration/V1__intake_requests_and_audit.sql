-- Application schema (the engine creates its own ACT_* tables). Portable between H2 and PostgreSQL.

CREATE SEQUENCE intake_request_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE intake_request (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    title               VARCHAR(200)  NOT NULL,
    business_unit       VARCHAR(63)   NOT NULL,
    dataset             VARCHAR(63)   NOT NULL,
    owner_name          VARCHAR(100)  NOT NULL,
    purpose             VARCHAR(2000) NOT NULL,
    layer               VARCHAR(20)   NOT NULL,
    source_kind         VARCHAR(10)   NOT NULL,
    source_connection   VARCHAR(63),
    source_table        VARCHAR(200),
    source_file_name    VARCHAR(255),
    refresh             VARCHAR(20)   NOT NULL,
    retention_days      INTEGER       NOT NULL,
    status              VARCHAR(30)   NOT NULL,
    requester           VARCHAR(100)  NOT NULL,
    process_instance_id VARCHAR(64),
    created_at          TIMESTAMP     NOT NULL,
    updated_at          TIMESTAMP     NOT NULL,
    version             BIGINT        NOT NULL
);
CREATE INDEX intake_request_bu_idx ON intake_request (business_unit, created_at);
CREATE INDEX intake_request_status_idx ON intake_request (status);
CREATE UNIQUE INDEX intake_request_process_idx ON intake_request (process_instance_id);

CREATE TABLE intake_request_column (
    request_id            BIGINT        NOT NULL REFERENCES intake_request (id) ON DELETE CASCADE,
    col_index             INTEGER       NOT NULL,
    name                  VARCHAR(63)   NOT NULL,
    column_type           VARCHAR(20)   NOT NULL,
    pii                   VARCHAR(20)   NOT NULL,
    description           VARCHAR(2000),
    masking_method        VARCHAR(30)   NOT NULL,
    masking_n             INTEGER,
    masking_to            VARCHAR(10),
    masking_width         DECIMAL(38, 10),
    masking_justification VARCHAR(2000),
    PRIMARY KEY (request_id, col_index)
);

CREATE SEQUENCE audit_event_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE audit_event (
    seq           BIGINT        NOT NULL PRIMARY KEY,
    occurred_at   TIMESTAMP     NOT NULL,
    actor         VARCHAR(100)  NOT NULL,
    action        VARCHAR(40)   NOT NULL,
    request_id    BIGINT,
    task_id       VARCHAR(64),
    business_unit VARCHAR(63),
    details       VARCHAR(4000)
);
CREATE INDEX audit_event_request_idx ON audit_event (request_id, seq);

-- Production users (the embedded default's demo users live in code and never here).
CREATE TABLE app_user (
    username      VARCHAR(100) NOT NULL PRIMARY KEY,
    password_hash VARCHAR(512) NOT NULL,
    business_unit VARCHAR(63),
    enabled       BOOLEAN      NOT NULL
);

CREATE TABLE app_user_role (
    username VARCHAR(100) NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    role     VARCHAR(40)  NOT NULL,
    PRIMARY KEY (username, role)
);
