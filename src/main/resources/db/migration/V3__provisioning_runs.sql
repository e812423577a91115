-- One row per provisioning run of a request: what was loaded, with which key, and how it ended.
-- Written by the application; never holds data values (error_message is a ProvisioningFailure message).

CREATE SEQUENCE provisioning_run_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE provisioning_run (
    id            BIGINT        NOT NULL PRIMARY KEY,
    request_id    BIGINT        NOT NULL REFERENCES intake_request (id),
    started_at    TIMESTAMP     NOT NULL,
    finished_at   TIMESTAMP,
    rows_read     BIGINT,
    rows_written  BIGINT,
    duration_ms   BIGINT,
    key_id        VARCHAR(64),
    outcome       VARCHAR(20)   NOT NULL,
    error_message VARCHAR(2000),
    target_table  VARCHAR(200)  NOT NULL
);
CREATE INDEX provisioning_run_request_idx ON provisioning_run (request_id, started_at);
