-- Numbers as people type them from paper: O for 0 and I for 1 are forgiven, besides case and the
-- separators licence_key already drops. Stored and indexed, so the portal's lookup is an index seek.
ALTER TABLE licence ADD COLUMN licence_loose_key VARCHAR(32)
    AS (REPLACE(REPLACE(UPPER(licence_key), 'O', '0'), 'I', '1')) STORED;
CREATE INDEX ix_licence_loose_key ON licence (licence_loose_key);
ALTER TABLE agency ADD COLUMN registration_loose_key VARCHAR(64)
    AS (REPLACE(REPLACE(UPPER(REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(registration_number,
        '-', ''), ' ', ''), '/', ''), '.', ''), '_', '')), 'O', '0'), 'I', '1')) STORED;
CREATE INDEX ix_agency_registration_loose_key ON agency (registration_loose_key);

-- Coded licence conditions and authorised activities: the public reads them in its own language
-- (message keys licence.condition.<code>, licence.activity.<code>); licence.conditions stays the
-- officer's free-text remark, shown marked with the language it was written in.
CREATE TABLE licence_condition (
    licence_id BIGINT      NOT NULL,
    code       VARCHAR(64) NOT NULL,
    PRIMARY KEY (licence_id, code),
    CONSTRAINT fk_condition_licence FOREIGN KEY (licence_id) REFERENCES licence (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE licence_activity (
    licence_id BIGINT      NOT NULL,
    activity   VARCHAR(64) NOT NULL,
    PRIMARY KEY (licence_id, activity),
    CONSTRAINT fk_activity_licence FOREIGN KEY (licence_id) REFERENCES licence (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Short human certificate codes (portal.CertificateCodes): 60 random bits, so the row is the proof.
-- What the certificate stated is kept, so /verify can say what it said and what is true now.
CREATE TABLE certificate (
    code           CHAR(12)    NOT NULL PRIMARY KEY,
    agency_id      BIGINT      NOT NULL,
    licence_number VARCHAR(32) NULL,
    licence_status VARCHAR(16) NULL,
    valid_until    DATE        NULL,
    blacklisted    BOOLEAN     NOT NULL,
    issued_at      DATETIME(6) NOT NULL,
    CONSTRAINT fk_certificate_agency FOREIGN KEY (agency_id) REFERENCES agency (id)
) ENGINE=InnoDB DEFAULT CHARSET=ascii COLLATE=ascii_bin;
