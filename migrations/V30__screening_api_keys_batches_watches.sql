-- Employer API keys. The key is shown once; only its SHA-256 is kept (keys are 190 random bits,
-- so a slow password hash adds nothing). public_id is the key's non-secret part, used to find the row.
CREATE TABLE api_key (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    public_id           CHAR(12)     NOT NULL,
    secret_hash         CHAR(64)     NOT NULL,
    organisation        VARCHAR(200) NOT NULL,
    contact_email       VARCHAR(254) NOT NULL,
    scopes              VARCHAR(100) NOT NULL,
    requests_per_minute INT          NOT NULL,
    created_by          VARCHAR(64)  NOT NULL,
    created_at          DATETIME(6)  NOT NULL,
    revoked_by          VARCHAR(64)  NULL,
    revoked_at          DATETIME(6)  NULL,
    CONSTRAINT uk_api_key_public_id UNIQUE (public_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Requests per key per day (UTC), shown to the ADMIN.
CREATE TABLE api_key_usage (
    key_id   BIGINT NOT NULL,
    day      DATE   NOT NULL,
    requests BIGINT NOT NULL,
    PRIMARY KEY (key_id, day),
    CONSTRAINT fk_usage_key FOREIGN KEY (key_id) REFERENCES api_key (id)
) ENGINE=InnoDB;

-- Every screening answered, so an employer can prove later what the registry said that day.
-- kind MATCH (one /match call) or BATCH (a finished batch; its rows hold the detail).
CREATE TABLE screening (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    key_id      BIGINT      NOT NULL,
    kind        VARCHAR(8)  NOT NULL,
    screened_at DATETIME(6) NOT NULL,
    queries     INT         NOT NULL,
    asked       LONGTEXT    NOT NULL,
    answered    LONGTEXT    NOT NULL,
    CONSTRAINT fk_screening_key FOREIGN KEY (key_id) REFERENCES api_key (id),
    INDEX ix_screening_key (key_id, screened_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A CSV batch. status QUEUED until its last row is done, then DONE with the counts and the
-- SHA-256 of its results CSV, which the signed summary PDF states.
CREATE TABLE screening_batch (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    key_id         BIGINT      NOT NULL,
    file_name      VARCHAR(255) NULL,
    status         VARCHAR(8)  NOT NULL,
    rows_total     INT         NOT NULL,
    rows_done      INT         NOT NULL DEFAULT 0,
    match_count    INT         NULL,
    possible_count INT         NULL,
    none_count     INT         NULL,
    results_sha256 CHAR(64)    NULL,
    created_at     DATETIME(6) NOT NULL,
    finished_at    DATETIME(6) NULL,
    CONSTRAINT fk_batch_key FOREIGN KEY (key_id) REFERENCES api_key (id),
    INDEX ix_batch_status (status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One query of a batch. Workers claim PENDING rows with FOR UPDATE SKIP LOCKED; a crash rolls the
-- claim back, so the rows are simply claimed again (resume).
CREATE TABLE screening_batch_row (
    batch_id       BIGINT       NOT NULL,
    row_no         INT          NOT NULL,
    ref            VARCHAR(100) NOT NULL,
    name           VARCHAR(300) NOT NULL,
    type           VARCHAR(8)   NOT NULL,
    country        CHAR(2)      NULL,
    licence_number VARCHAR(64)  NULL,
    done           BOOLEAN      NOT NULL DEFAULT FALSE,
    PRIMARY KEY (batch_id, row_no),
    INDEX ix_batch_row_pending (done, batch_id, row_no),
    CONSTRAINT fk_row_batch FOREIGN KEY (batch_id) REFERENCES screening_batch (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The answer to one batch row: its candidates as JSON (an empty list is a "no match").
CREATE TABLE screening_batch_result (
    batch_id   BIGINT   NOT NULL,
    row_no     INT      NOT NULL,
    candidates MEDIUMTEXT NOT NULL,
    PRIMARY KEY (batch_id, row_no),
    CONSTRAINT fk_result_batch FOREIGN KEY (batch_id) REFERENCES screening_batch (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A watch on one agency. last_state is what the watcher was last told (licence status, validity,
-- blacklisting); a change whose agency state differs from it notifies, exactly once, because the
-- watch row is locked while it is compared and updated. The webhook endpoint (URL and signing
-- secret) belongs to notification (webhook_endpoint).
CREATE TABLE screening_watch (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    key_id       BIGINT       NOT NULL,
    agency_id    BIGINT       NOT NULL,
    email        VARCHAR(254) NULL,
    endpoint_id  BIGINT       NULL,
    language     VARCHAR(8)   NOT NULL,
    last_state   VARCHAR(300) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    deleted_at   DATETIME(6)  NULL,
    CONSTRAINT fk_watch_key FOREIGN KEY (key_id) REFERENCES api_key (id),
    INDEX ix_watch_agency (agency_id, deleted_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- How far watch alerts have followed the change feed; one row, locked by the replica that follows.
CREATE TABLE screening_watch_cursor (
    id          TINYINT NOT NULL PRIMARY KEY,
    last_change BIGINT  NOT NULL
) ENGINE=InnoDB;
INSERT INTO screening_watch_cursor (id, last_change) VALUES (1, 0);
