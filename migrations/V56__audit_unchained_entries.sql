-- Writers insert audit entries unchained (seq, prev_hash and hash empty) in their own transaction, so
-- they no longer queue on the audit_head row lock; the chainer (audit.AuditChainer, one replica at a
-- time under that lock) gives committed entries their chain position and hash in the order it finds
-- them. id is only the insertion order; seq stays the chain order the verifier walks.
ALTER TABLE audit_entry
    DROP PRIMARY KEY,
    ADD COLUMN id BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST,
    MODIFY seq BIGINT NULL,
    MODIFY prev_hash CHAR(64) NULL,
    MODIFY hash CHAR(64) NULL,
    ADD CONSTRAINT uk_audit_entry_seq UNIQUE (seq);
