-- A screening MATCH cleared by four eyes: proposed by one officer, approved by a different supervisor
-- (proposal_id). Keyed by the name screened and the record it matched, not by the hit row, so that a
-- clearance survives screening the application again while the same pair comes back.
CREATE TABLE screening_clearance (
    id             BIGINT AUTO_INCREMENT PRIMARY KEY,
    application_id BIGINT       NOT NULL,
    subject        VARCHAR(300) NOT NULL,
    matched_id     VARCHAR(64)  NOT NULL,
    proposal_id    BIGINT       NOT NULL,
    proposed_by    VARCHAR(128) NOT NULL,
    cleared_by     VARCHAR(128) NOT NULL,
    cleared_at     DATETIME(6)  NOT NULL,
    CONSTRAINT fk_clearance_application FOREIGN KEY (application_id) REFERENCES licence_application (id),
    CONSTRAINT fk_clearance_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id),
    UNIQUE KEY uq_clearance (application_id, subject, matched_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
