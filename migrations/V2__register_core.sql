-- The core of the register: agencies with all their names, their licences and status history,
-- blacklist entries with aliases, and complaints. Later capabilities extend these tables.
CREATE TABLE agency (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    legal_name          VARCHAR(300) NOT NULL,
    registration_number VARCHAR(64)  NOT NULL,
    country             CHAR(2)      NOT NULL,
    address             VARCHAR(500) NULL,
    phone               VARCHAR(64)  NULL,
    email               VARCHAR(254) NULL,
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          DATETIME(6)  NOT NULL,
    CONSTRAINT uk_agency_registration UNIQUE (registration_number)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kind: LEGAL, TRADE, ALIAS, FORMER or NATIVE (a native-script spelling).
CREATE TABLE agency_name (
    id        BIGINT AUTO_INCREMENT PRIMARY KEY,
    agency_id BIGINT       NOT NULL,
    name      VARCHAR(300) NOT NULL,
    kind      VARCHAR(16)  NOT NULL,
    CONSTRAINT fk_agency_name_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_agency_name_agency (agency_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Licence numbers are unique and never reused; a PENDING or REFUSED application has none.
CREATE TABLE licence (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    agency_id      BIGINT       NOT NULL,
    licence_number VARCHAR(32)  NULL,
    status         VARCHAR(16)  NOT NULL,
    valid_from     DATE         NULL,
    valid_until    DATE         NULL,
    conditions     VARCHAR(2000) NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    CONSTRAINT uk_licence_number UNIQUE (licence_number),
    CONSTRAINT fk_licence_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_licence_agency (agency_id),
    INDEX ix_licence_status_until (status, valid_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE licence_status_change (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    licence_id  BIGINT       NOT NULL,
    from_status VARCHAR(16)  NULL,
    to_status   VARCHAR(16)  NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    legal_basis VARCHAR(300) NULL,
    actor       VARCHAR(128) NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    CONSTRAINT fk_status_change_licence FOREIGN KEY (licence_id) REFERENCES licence (id),
    INDEX ix_status_change_licence (licence_id, occurred_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- subject_type AGENCY (agency_id set) or PERSON. Identifiers are stored whole and shown masked.
CREATE TABLE blacklist_entry (
    id              BIGINT AUTO_INCREMENT PRIMARY KEY,
    subject_type    VARCHAR(16)  NOT NULL,
    agency_id       BIGINT       NULL,
    name            VARCHAR(300) NOT NULL,
    nationality     CHAR(2)      NULL,
    birth_year      INT          NULL,
    id_document     VARCHAR(64)  NULL,
    reason_category VARCHAR(64)  NOT NULL,
    legal_basis     VARCHAR(300) NOT NULL,
    case_reference  VARCHAR(64)  NULL,
    listed_on       DATE         NOT NULL,
    expires_on      DATE         NULL,
    delisted_on     DATE         NULL,
    delisting_reason VARCHAR(1000) NULL,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    CONSTRAINT fk_blacklist_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE blacklist_alias (
    id       BIGINT AUTO_INCREMENT PRIMARY KEY,
    entry_id BIGINT       NOT NULL,
    name     VARCHAR(300) NOT NULL,
    CONSTRAINT fk_alias_entry FOREIGN KEY (entry_id) REFERENCES blacklist_entry (id),
    INDEX ix_alias_entry (entry_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- channel: FORM, PHONE, WALK_IN, EMAIL, REFERRAL. Either an agency or an unlicensed recruiter's name.
CREATE TABLE complaint (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    reference      VARCHAR(32)  NOT NULL,
    channel        VARCHAR(16)  NOT NULL,
    agency_id      BIGINT       NULL,
    recruiter_name VARCHAR(300) NULL,
    summary        TEXT         NOT NULL,
    status         VARCHAR(16)  NOT NULL,
    outcome        VARCHAR(20)  NULL,
    received_at    DATETIME(6)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uk_complaint_reference UNIQUE (reference),
    CONSTRAINT fk_complaint_agency FOREIGN KEY (agency_id) REFERENCES agency (id),
    INDEX ix_complaint_agency (agency_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
