-- Sanctions against agencies, recorded once a supervisor other than the proposer approved them
-- (until then they live in their proposal's details). kind: WARNING, FINE, SUSPENSION, REVOCATION;
-- a FINE carries an amount and its ISO 4217 currency.
CREATE TABLE sanction (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    agency_id      BIGINT         NOT NULL,
    kind           VARCHAR(16)    NOT NULL,
    amount         DECIMAL(14, 2) NULL,
    currency       CHAR(3)        NULL,
    reason         VARCHAR(2000)  NOT NULL,
    legal_basis    VARCHAR(300)   NOT NULL,
    case_reference VARCHAR(64)    NOT NULL,
    imposed_on     DATE           NOT NULL,
    proposal_id    BIGINT         NOT NULL,
    proposed_by    VARCHAR(128)   NOT NULL,
    decided_by     VARCHAR(128)   NOT NULL,
    CONSTRAINT fk_sanction_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    CONSTRAINT uk_sanction_proposal UNIQUE (proposal_id),
    INDEX ix_sanction_agency (agency_id, imposed_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
