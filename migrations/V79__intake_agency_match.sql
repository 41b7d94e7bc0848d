-- Reports that name an agency only in free text wait here for the matcher, which reads the name after
-- the report's commit instead of in the reporter's request (the search was three quarters of a
-- report's CPU). AgencyMatchWorker on any replica claims rows with FOR UPDATE SKIP LOCKED, links the
-- case when the matcher is confident of one agency, and deletes the rows in the same transaction.
CREATE TABLE intake_agency_match (
    complaint_id BIGINT       NOT NULL PRIMARY KEY,
    agency_name  VARCHAR(300) NOT NULL,
    queued_at    DATETIME(6)  NOT NULL,
    CONSTRAINT fk_intake_agency_match_report FOREIGN KEY (complaint_id) REFERENCES intake_report (complaint_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
