-- Signed checkpoints of the audit chain head. The signing key lives outside the database, so
-- someone who rewrites entries and recomputes every later hash still cannot produce a checkpoint
-- that agrees with the new chain; copies published and mailed elsewhere keep the old ones.
CREATE TABLE audit_checkpoint (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    seq         BIGINT       NOT NULL,
    hash        CHAR(64)     NOT NULL,
    signed_at   DATETIME(6)  NOT NULL,
    key_id      VARCHAR(64)  NOT NULL,
    signature   VARCHAR(128) NOT NULL,
    INDEX ix_audit_checkpoint_seq (seq)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- When the next scheduled checkpoint is due; the replica that locks this row takes it.
CREATE TABLE audit_checkpoint_schedule (
    id        TINYINT     NOT NULL PRIMARY KEY,
    next_due  DATETIME(6) NOT NULL
) ENGINE=InnoDB;
INSERT INTO audit_checkpoint_schedule (id, next_due) VALUES (1, '2000-01-01 00:00:00');
