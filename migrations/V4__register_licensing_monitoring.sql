-- The full agency register, licence applications with their review, four-eyes proposals for
-- adverse decisions, and monitoring (inspections, findings, compliance obligations).

ALTER TABLE agency ADD COLUMN website VARCHAR(300) NULL;

CREATE TABLE agency_branch (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    agency_id BIGINT       NOT NULL,
    name      VARCHAR(300) NOT NULL,
    address   VARCHAR(500) NOT NULL,
    country   CHAR(2)      NOT NULL,
    phone     VARCHAR(64)  NULL,
    opened_on DATE         NULL,
    closed_on DATE         NULL,
    CONSTRAINT fk_branch_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_branch_agency (agency_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Countries of destination the agency recruits for (ISO 3166-1 alpha-2).
CREATE TABLE agency_destination (
    agency_id BIGINT  NOT NULL,
    country   CHAR(2) NOT NULL,
    PRIMARY KEY (agency_id, country),
    CONSTRAINT fk_destination_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- role: OWNER, DIRECTOR, MANAGER. ended_on is set when the person leaves the role.
CREATE TABLE key_person (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    agency_id   BIGINT       NOT NULL,
    full_name   VARCHAR(300) NOT NULL,
    native_name VARCHAR(300) NULL,
    role        VARCHAR(16)  NOT NULL,
    nationality CHAR(2)      NULL,
    birth_year  INT          NULL,
    started_on  DATE         NOT NULL,
    ended_on    DATE         NULL,
    CONSTRAINT fk_key_person_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_key_person_agency (agency_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE licence ADD COLUMN suspended_until DATE NULL;

-- A transition the system makes (expiry, end of a suspension) records a message key instead of
-- free text, so its reason reads in every language; a four-eyes decision links its proposal.
ALTER TABLE licence_status_change MODIFY reason VARCHAR(1000) NULL;
ALTER TABLE licence_status_change ADD COLUMN reason_key VARCHAR(64) NULL;
ALTER TABLE licence_status_change ADD COLUMN proposal_id BIGINT NULL;

-- Licence numbers are issued from this counter under a row lock; together with the unique key on
-- licence.licence_number (rows are never deleted) a number is never issued twice.
CREATE TABLE licence_number_counter (
    id         INT    NOT NULL PRIMARY KEY,
    last_value BIGINT NOT NULL
) ENGINE=InnoDB;
INSERT INTO licence_number_counter (id, last_value) VALUES (1, 0);

-- kind NEW (the licence is PENDING until decided) or RENEWAL (of an ACTIVE licence).
-- status OPEN, GRANTED, REFUSED, CLOSED (the licence ended first). Only a renewal filed inside the
-- renewal window is accepted, and while it is open the licence does not expire.
CREATE TABLE licence_application (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    licence_id    BIGINT       NOT NULL,
    kind          VARCHAR(16)  NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    filed_on      DATE         NOT NULL,
    filed_by      VARCHAR(128) NOT NULL,
    decided_at    DATETIME(6)  NULL,
    version       BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT fk_application_licence FOREIGN KEY (licence_id) REFERENCES licence (id),
    INDEX ix_application_licence (licence_id, status)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE application_checklist (
    application_id BIGINT       NOT NULL,
    item           VARCHAR(64)  NOT NULL,
    checked_by     VARCHAR(128) NOT NULL,
    checked_at     DATETIME(6)  NOT NULL,
    PRIMARY KEY (application_id, item),
    CONSTRAINT fk_checklist_application FOREIGN KEY (application_id) REFERENCES licence_application (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE application_document (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    content_type   VARCHAR(100) NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         CHAR(64)     NOT NULL,
    content        LONGBLOB     NOT NULL,
    uploaded_by    VARCHAR(128) NOT NULL,
    uploaded_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_document_application FOREIGN KEY (application_id) REFERENCES licence_application (id),
    INDEX ix_document_application (application_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE application_note (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT        NOT NULL,
    author         VARCHAR(128)  NOT NULL,
    body           VARCHAR(4000) NOT NULL,
    written_at     DATETIME(6)   NOT NULL,
    CONSTRAINT fk_note_application FOREIGN KEY (application_id) REFERENCES licence_application (id),
    INDEX ix_note_application (application_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the matcher said about the agency and each key person when the application was screened.
-- list: BLACKLIST or DISQUALIFIED (officer of an agency revoked in the disqualification period).
CREATE TABLE application_screening_hit (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT        NOT NULL,
    screened_at    DATETIME(6)   NOT NULL,
    subject        VARCHAR(300)  NOT NULL,
    list_name      VARCHAR(16)   NOT NULL,
    matched_id     VARCHAR(64)   NOT NULL,
    matched_name   VARCHAR(300)  NOT NULL,
    score          DECIMAL(4, 3) NOT NULL,
    verdict        VARCHAR(16)   NOT NULL,
    explanation    VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_hit_application FOREIGN KEY (application_id) REFERENCES licence_application (id),
    INDEX ix_hit_application (application_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Four-eyes: an adverse decision proposed by one staff member, carried out only when a supervisor
-- who is not the proposer approves. subject_kind names the handler (LICENCE, BLACKLIST_ENTRY, ...);
-- details holds the action's own fields as JSON. status OPEN, APPROVED, REJECTED.
CREATE TABLE proposal (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_kind  VARCHAR(32)   NOT NULL,
    subject_id    BIGINT        NOT NULL,
    action        VARCHAR(32)   NOT NULL,
    reason        VARCHAR(2000) NOT NULL,
    legal_basis   VARCHAR(300)  NOT NULL,
    details       VARCHAR(4000) NULL,
    status        VARCHAR(16)   NOT NULL,
    proposed_by   VARCHAR(128)  NOT NULL,
    proposed_at   DATETIME(6)   NOT NULL,
    decided_by    VARCHAR(128)  NULL,
    decided_at    DATETIME(6)   NULL,
    decision_note VARCHAR(2000) NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    INDEX ix_proposal_subject (subject_kind, subject_id, status),
    INDEX ix_proposal_status (status, proposed_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Renewal reminders already queued: one per licence, validity end and threshold, whichever replica sends it.
CREATE TABLE renewal_reminder (
    licence_id  BIGINT      NOT NULL,
    valid_until DATE        NOT NULL,
    days_before INT         NOT NULL,
    queued_at   DATETIME(6) NOT NULL,
    PRIMARY KEY (licence_id, valid_until, days_before),
    CONSTRAINT fk_reminder_licence FOREIGN KEY (licence_id) REFERENCES licence (id)
) ENGINE=InnoDB;

CREATE TABLE inspection (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    agency_id    BIGINT        NOT NULL,
    inspected_on DATE          NOT NULL,
    inspector    VARCHAR(128)  NOT NULL,
    summary      VARCHAR(4000) NOT NULL,
    recorded_at  DATETIME(6)   NOT NULL,
    CONSTRAINT fk_inspection_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_inspection_agency (agency_id, inspected_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- severity MINOR, MAJOR, CRITICAL. A finding is open until resolved_on is set.
CREATE TABLE inspection_finding (
    id            BIGINT AUTO_INCREMENT PRIMARY KEY,
    inspection_id BIGINT        NOT NULL,
    agency_id     BIGINT        NOT NULL,
    severity      VARCHAR(16)   NOT NULL,
    description   VARCHAR(2000) NOT NULL,
    follow_up_on  DATE          NULL,
    resolved_on   DATE          NULL,
    version       BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_finding_inspection FOREIGN KEY (inspection_id) REFERENCES inspection (id),
    CONSTRAINT fk_finding_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_finding_agency (agency_id),
    INDEX ix_finding_follow_up (resolved_on, follow_up_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: BOND, ESCROW, INSURANCE, REPORT, OTHER. Overdue when due_on has passed and it is not fulfilled.
CREATE TABLE compliance_obligation (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    agency_id    BIGINT        NOT NULL,
    kind         VARCHAR(16)   NOT NULL,
    description  VARCHAR(1000) NOT NULL,
    due_on       DATE          NOT NULL,
    fulfilled_on DATE          NULL,
    version      BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT fk_obligation_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_obligation_agency (agency_id),
    INDEX ix_obligation_due (fulfilled_on, due_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
