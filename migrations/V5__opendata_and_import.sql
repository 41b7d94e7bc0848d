-- A listing whose expires_on has passed leaves the public list by itself; the expiry job marks it
-- here once it has written the audit entry and the change feed row that tell every replica.
ALTER TABLE blacklist_entry ADD COLUMN expiry_processed_at DATETIME(6) NULL;
CREATE INDEX ix_blacklist_expiry ON blacklist_entry (expiry_processed_at, expires_on);

-- Bulk imports. The uploaded file lives in the row, so whichever replica claims the job can run it.
-- kind: AGENCIES, LICENCES, BLACKLIST; status: QUEUED, DONE, REJECTED (invalid rows, nothing imported),
-- FAILED (an unexpected error, nothing imported).
-- errors: JSON list of {row, field, messageKey, args}, rendered in the reader's language.
CREATE TABLE import_job (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind         VARCHAR(16)  NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content      MEDIUMTEXT   NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    rows_total   INT          NULL,
    error_count  INT          NOT NULL DEFAULT 0,
    errors       MEDIUMTEXT   NULL,
    created_by   VARCHAR(128) NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    finished_at  DATETIME(6)  NULL,
    INDEX ix_import_job_status (status, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Progress of the job being processed. The worker holds the job row locked until the import
-- commits (so exactly one replica runs it), and reports progress here in short transactions of
-- its own that readers can see while the import is still running. No foreign key: its check
-- would wait for the lock on the job row that the worker itself holds.
CREATE TABLE import_progress (
    job_id     BIGINT      NOT NULL PRIMARY KEY,
    phase      VARCHAR(16) NOT NULL,
    rows_done  INT         NOT NULL,
    rows_total INT         NOT NULL,
    updated_at DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
