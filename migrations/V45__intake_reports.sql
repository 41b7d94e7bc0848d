-- Public hotline reports (issue 16). The case itself is a complaint (complaint tables, V20);
-- intake keeps only what the anonymous channel needs: the follow-up code's Argon2id hash, the
-- reporter's confirmation that they kept it, the conversation with the regulator, idempotency
-- keys and throttles against guessing.

CREATE TABLE intake_report (
    complaint_id      BIGINT       NOT NULL PRIMARY KEY,
    reference         VARCHAR(16)  NOT NULL,
    follow_up_hash    VARCHAR(200) NOT NULL,
    language          VARCHAR(8)   NOT NULL,
    created_at        DATETIME(6)  NOT NULL,
    kept_confirmed_at DATETIME(6)  NULL,
    CONSTRAINT uq_intake_reference UNIQUE (reference),
    CONSTRAINT fk_intake_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Messages between the regulator (TO_REPORTER, written by staff) and the reporter (FROM_REPORTER).
CREATE TABLE intake_message (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    complaint_id BIGINT       NOT NULL,
    direction    VARCHAR(16)  NOT NULL,
    body         TEXT         NOT NULL,
    lang         VARCHAR(8)   NOT NULL,
    author       VARCHAR(100) NOT NULL,
    files        INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT fk_intake_message_report FOREIGN KEY (complaint_id) REFERENCES intake_report (complaint_id),
    INDEX ix_intake_message_report (complaint_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One row per Idempotency-Key (or form submission token), stored as SHA-256 of the key. A retry
-- gets the first answer back: `replay` is the follow-up code sealed with a key derived from the
-- Idempotency-Key itself, so the database alone never yields a code; it is erased after a day.
CREATE TABLE intake_idempotency (
    key_hash     BINARY(32)    NOT NULL PRIMARY KEY,
    fingerprint  BINARY(32)    NOT NULL,
    complaint_id BIGINT        NULL,
    reference    VARCHAR(16)   NULL,
    replay       VARBINARY(128) NULL,
    created_at   DATETIME(6)   NOT NULL,
    INDEX ix_intake_idempotency_created (created_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed follow-up attempts per subject ("reference:<ref>" whether or not it exists, "client:<hash>"),
-- shared by all replicas: after a few free failures each further one doubles the wait.
CREATE TABLE intake_throttle (
    subject       VARCHAR(80) NOT NULL PRIMARY KEY,
    failures      INT         NOT NULL,
    blocked_until DATETIME(6) NOT NULL,
    updated_at    DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
