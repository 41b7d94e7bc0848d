-- Staff accounts. Roles are a comma-separated set of Role names; token_version invalidates
-- issued session tokens when an account is disabled or its roles change.
CREATE TABLE staff_user (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    username        VARCHAR(64)  NOT NULL,
    display_name    VARCHAR(200) NOT NULL,
    email           VARCHAR(254) NOT NULL,
    password_hash   VARCHAR(255) NOT NULL,
    roles           VARCHAR(255) NOT NULL,
    enabled         BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins   INT          NOT NULL DEFAULT 0,
    locked_until    DATETIME(6)  NULL,
    token_version   INT          NOT NULL DEFAULT 0,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT uk_staff_user_username UNIQUE (username)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Append-only audit trail. Each entry's hash covers its canonical form and the previous hash,
-- so editing, deleting or reordering any entry breaks the chain from that point on.
CREATE TABLE audit_entry (
    seq           BIGINT       NOT NULL PRIMARY KEY,
    occurred_at   DATETIME(6)  NOT NULL,
    actor         VARCHAR(128) NOT NULL,
    action        VARCHAR(64)  NOT NULL,
    entity_type   VARCHAR(64)  NOT NULL,
    entity_id     VARCHAR(64)  NOT NULL,
    reason        VARCHAR(1000) NULL,
    before_state  MEDIUMTEXT   NULL,
    after_state   MEDIUMTEXT   NULL,
    prev_hash     CHAR(64)     NOT NULL,
    hash          CHAR(64)     NOT NULL,
    INDEX ix_audit_entity (entity_type, entity_id, seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The chain's head: locking this single row serialises appenders so the chain stays linear.
CREATE TABLE audit_head (
    id        TINYINT  NOT NULL PRIMARY KEY,
    last_seq  BIGINT   NOT NULL,
    last_hash CHAR(64) NOT NULL
) ENGINE=InnoDB;
INSERT INTO audit_head (id, last_seq, last_hash)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');

-- Messages leave only through this table, written in the transaction of the change that causes
-- them. message_key is the stable Message-ID / delivery id that lets receivers drop duplicates.
CREATE TABLE outbox_message (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    message_key     VARCHAR(100)  NOT NULL,
    channel         VARCHAR(16)   NOT NULL,
    recipient       VARCHAR(1000) NOT NULL,
    subject         VARCHAR(500)  NOT NULL,
    body_text       MEDIUMTEXT    NOT NULL,
    body_html       MEDIUMTEXT    NULL,
    status          VARCHAR(16)   NOT NULL,
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(6)   NOT NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(6)   NOT NULL,
    sent_at         DATETIME(6)   NULL,
    CONSTRAINT uk_outbox_message_key UNIQUE (message_key),
    INDEX ix_outbox_due (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
