-- Complaint cases from every channel: category, lifecycle with due dates, assignment, links to an
-- agency, its key persons or an unlicensed recruiter, events (moves, notes), evidence attachments
-- and the complainant's contact details, encrypted. Reports (issue 18) aggregate these tables, so
-- dates, category, channel, destination country and agency id are plain, indexed columns.

-- Unlicensed recruiters (a person or a business, with aliases): searchable by name through the
-- matcher and listable on the blacklist from a case.
CREATE TABLE unlicensed_recruiter (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    kind       VARCHAR(16)  NOT NULL,
    name       VARCHAR(300) NOT NULL,
    country    CHAR(2)      NULL,
    created_by VARCHAR(100) NOT NULL,
    created_at DATETIME(6)  NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE unlicensed_recruiter_alias (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    recruiter_id BIGINT       NOT NULL,
    name         VARCHAR(300) NOT NULL,
    CONSTRAINT fk_recruiter_alias FOREIGN KEY (recruiter_id) REFERENCES unlicensed_recruiter (id),
    INDEX ix_recruiter_alias (recruiter_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The core rows of V2 keep their columns; older channel and status words move to the final ones.
ALTER TABLE complaint
    MODIFY status VARCHAR(24) NOT NULL,
    ADD COLUMN category            VARCHAR(32)  NOT NULL DEFAULT 'OTHER' AFTER channel,
    ADD COLUMN language            VARCHAR(8)   NOT NULL DEFAULT 'en' AFTER summary,
    ADD COLUMN destination_country CHAR(2)      NULL AFTER language,
    ADD COLUMN employer            VARCHAR(300) NULL AFTER destination_country,
    ADD COLUMN recruiter_id        BIGINT       NULL AFTER recruiter_name,
    ADD COLUMN monthly_wage        DECIMAL(19,4) NULL,
    ADD COLUMN wage_currency       CHAR(3)      NULL,
    ADD COLUMN assigned_to         VARCHAR(100) NULL,
    ADD COLUMN status_since        DATETIME(6)  NULL,
    ADD COLUMN due_on              DATE         NULL,
    ADD COLUMN created_by          VARCHAR(100) NULL,
    ADD COLUMN resolved_at         DATETIME(6)  NULL,
    ADD COLUMN public_reason       VARCHAR(40)  NULL,
    ADD COLUMN public_remarks      TEXT         NULL,
    ADD COLUMN public_remarks_lang VARCHAR(8)   NULL,
    ADD COLUMN internal_note       TEXT         NULL,
    ADD COLUMN outcome_proposal_id BIGINT       NULL,
    ADD CONSTRAINT fk_complaint_recruiter FOREIGN KEY (recruiter_id) REFERENCES unlicensed_recruiter (id),
    ADD INDEX ix_complaint_status (status, due_on),
    ADD INDEX ix_complaint_received (received_at),
    ADD INDEX ix_complaint_category (category, received_at),
    ADD INDEX ix_complaint_destination (destination_country),
    ADD INDEX ix_complaint_created_by (created_by);

UPDATE complaint SET channel = 'WEB' WHERE channel = 'FORM';
UPDATE complaint SET status = 'RESOLVED' WHERE status = 'CLOSED';
UPDATE complaint SET status = 'UNDER_INVESTIGATION' WHERE status = 'INVESTIGATING';
UPDATE complaint SET status_since = received_at WHERE status_since IS NULL;

-- A case names key persons of the agency it concerns.
CREATE TABLE complaint_key_person (
    complaint_id  BIGINT NOT NULL,
    key_person_id BIGINT NOT NULL,
    PRIMARY KEY (complaint_id, key_person_id),
    CONSTRAINT fk_ckp_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_ckp_person FOREIGN KEY (key_person_id) REFERENCES key_person (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What happened to a case, in order: received, moves with their reason, assignment, investigation
-- notes (kind NOTE, never shown to the hotline operator or the public), fees and evidence added.
CREATE TABLE complaint_event (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    complaint_id BIGINT       NOT NULL,
    kind         VARCHAR(24)  NOT NULL,
    from_status  VARCHAR(24)  NULL,
    to_status    VARCHAR(24)  NULL,
    body         TEXT         NULL,
    lang         VARCHAR(8)   NULL,
    actor        VARCHAR(100) NOT NULL,
    occurred_at  DATETIME(6)  NOT NULL,
    CONSTRAINT fk_event_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    INDEX ix_event_complaint (complaint_id, id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Evidence, stored in the database with its SHA-256.
CREATE TABLE complaint_attachment (
    id           BIGINT AUTO_INCREMENT PRIMARY KEY,
    complaint_id BIGINT       NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       CHAR(64)     NOT NULL,
    content      LONGBLOB     NOT NULL,
    added_by     VARCHAR(100) NOT NULL,
    added_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_attachment_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    INDEX ix_attachment_complaint (complaint_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The complainant's name, phone, e-mail and language as one AES-GCM sealed JSON document; key_id
-- names the key that sealed it (keys rotate), the case id is the associated data.
CREATE TABLE complaint_contact (
    complaint_id BIGINT         NOT NULL PRIMARY KEY,
    key_id       VARCHAR(32)    NOT NULL,
    sealed       VARBINARY(4096) NOT NULL,
    CONSTRAINT fk_contact_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
