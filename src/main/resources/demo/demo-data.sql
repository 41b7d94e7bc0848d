-- Clearly fictional demo data: every name below is invented ("Demo" or "Example" in most of them).
-- The agencies themselves are registered through the agency register by DemoData (audited, on the
-- change feed); this script adds the history before them: past licence decisions, listings,
-- complaints and inspections, dated in the past as no service can date a decision.
-- One licence in every status.
INSERT INTO licence (id, agency_id, licence_number, status, valid_from, valid_until, conditions, created_at) VALUES
 (1, 1, 'RA-2024-0001', 'ACTIVE', '2024-03-12', '2028-03-12', 'Deployment to GCC countries only.', NOW(6)),
 (2, 2, 'RA-2023-0002', 'SUSPENDED', '2023-06-01', '2027-06-01', NULL, NOW(6)),
 (3, 3, 'RA-2021-0003', 'REVOKED', '2021-01-15', '2025-01-15', NULL, NOW(6)),
 (4, 4, 'RA-2020-0004', 'EXPIRED', '2020-09-30', '2024-09-30', NULL, NOW(6)),
 (5, 5, 'RA-2022-0005', 'SURRENDERED', '2022-02-01', '2026-02-01', NULL, NOW(6)),
 (6, 6, NULL, 'PENDING', NULL, NULL, NULL, NOW(6)),
 (7, 7, NULL, 'REFUSED', NULL, NULL, NULL, NOW(6)),
 (8, 8, 'RA-2025-0008', 'ACTIVE', '2025-05-20', '2029-05-20', NULL, NOW(6));
INSERT INTO licence_status_change (licence_id, from_status, to_status, reason, legal_basis, actor, occurred_at) VALUES
 (1, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2024-03-12 09:00:00'),
 (2, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2023-06-01 09:00:00'),
 (2, 'ACTIVE', 'SUSPENDED', 'Charged workers placement fees above the ceiling.', 'Demo Regulation s. 12(1)', 'demo', '2026-08-03 10:00:00'),
 (3, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2021-01-15 09:00:00'),
 (3, 'ACTIVE', 'REVOKED', 'Repeated prohibited fees and falsified job orders.', 'Demo Regulation s. 13', 'demo', '2024-02-20 10:00:00'),
 (4, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2020-09-30 09:00:00'),
 (4, 'ACTIVE', 'EXPIRED', 'Validity ended without renewal.', 'Demo Regulation s. 6', 'system', '2024-09-30 00:00:00'),
 (5, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2022-02-01 09:00:00'),
 (5, 'ACTIVE', 'SURRENDERED', 'Agency closed its business.', 'Demo Regulation s. 15', 'demo', '2025-11-10 09:00:00'),
 (7, 'PENDING', 'REFUSED', 'Director listed on the blacklist.', 'Demo Regulation s. 5(2)', 'demo', '2026-04-01 09:00:00'),
 (8, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2025-05-20 09:00:00');
INSERT INTO blacklist_entry (id, subject_type, agency_id, name, nationality, birth_year, id_document, reason_category,
    legal_basis, case_reference, listed_on, expires_on, created_at) VALUES
 (1, 'AGENCY', 3, 'PT Nusantara Contoh Tenaga Kerja', 'ID', NULL, NULL, 'PROHIBITED_FEES', 'Demo Regulation s. 13', 'DEMO-CASE-2024-001', '2024-02-20', NULL, NOW(6)),
 (2, 'PERSON', NULL, 'Ramesh Example Thapa', 'NP', 1979, 'NPDEMO1234567', 'ILLEGAL_RECRUITMENT', 'Demo Act s. 6', 'DEMO-CASE-2025-014', '2025-07-01', NULL, NOW(6)),
 (3, 'PERSON', NULL, 'Maria Demo Santos', 'PH', 1985, 'PDEMO7654321', 'ILLEGAL_RECRUITMENT', 'Demo Act s. 6', 'DEMO-CASE-2025-022', '2025-09-15', '2030-09-15', NOW(6)),
 (4, 'PERSON', NULL, 'Budi Contoh Hartono', 'ID', 1990, NULL, 'OFFICER_OF_REVOKED_AGENCY', 'Demo Regulation s. 13(4)', 'DEMO-CASE-2024-001', '2024-02-20', '2027-02-20', NOW(6));
INSERT INTO blacklist_alias (entry_id, name) VALUES
 (2, 'रमेश उदाहरण थापा'), (2, 'Ramesh Thapa Magar'), (3, 'Mariah Santos'), (4, 'Budi Hartono');
INSERT INTO complaint (reference, channel, category, agency_id, recruiter_name, summary, destination_country, status, outcome, received_at, status_since, public_reason) VALUES
 ('D3M-0A1-00D', 'WEB', 'PROHIBITED_FEES', 2, NULL, 'Charged a placement fee of three months salary.', 'MY', 'RESOLVED', 'SUBSTANTIATED', '2026-07-10 08:30:00', '2026-08-20 10:00:00', 'EVIDENCE_CONFIRMS'),
 ('D3M-0A2-00B', 'PHONE', 'ILLEGAL_RECRUITMENT', NULL, 'Ramesh Example Thapa', 'Collected money for jobs in Malaysia that did not exist.', 'MY', 'RESOLVED', 'SUBSTANTIATED', '2025-05-02 11:00:00', '2025-06-30 09:00:00', 'EVIDENCE_CONFIRMS'),
 ('D3M-0A3-009', 'WALK_IN', 'DOCUMENT_RETENTION', 1, NULL, 'Passport kept by the agency.', 'SA', 'UNDER_INVESTIGATION', NULL, '2026-11-01 14:15:00', '2026-11-03 09:00:00', NULL),
 ('D3M-0A4-007', 'EMAIL', 'CONTRACT_SUBSTITUTION', 8, NULL, 'Contract terms changed after arrival.', 'TW', 'RESOLVED', 'UNSUBSTANTIATED', '2026-09-20 16:45:00', '2026-10-15 12:00:00', 'INSUFFICIENT_EVIDENCE');
-- The pending licence is an open application with part of its checklist done.
INSERT INTO licence_application (id, licence_id, kind, status, filed_on, filed_by) VALUES (1, 6, 'NEW', 'OPEN', '2026-10-15', 'demo');
INSERT INTO application_checklist (application_id, item, checked_by, checked_at) VALUES
 (1, 'REGISTRATION_CERTIFICATE', 'demo', '2026-10-16 09:00:00'), (1, 'OFFICE_VERIFIED', 'demo', '2026-10-20 11:00:00');
INSERT INTO application_note (application_id, author, body, written_at) VALUES
 (1, 'demo', 'Bond certificate promised for next week.', '2026-10-20 11:05:00');
INSERT INTO licence_status_change (licence_id, from_status, to_status, reason, reason_key, legal_basis, actor, occurred_at) VALUES
 (6, NULL, 'PENDING', NULL, 'licence.reason.applied', NULL, 'demo', '2026-10-15 09:00:00');
-- Monitoring: an inspection with findings, obligations (one overdue).
INSERT INTO inspection (id, agency_id, inspected_on, inspector, summary, recorded_at) VALUES
 (1, 8, '2026-09-10', 'demo', 'Routine inspection of the Surabaya office.', '2026-09-10 16:00:00');
INSERT INTO inspection_finding (inspection_id, agency_id, severity, description, follow_up_on) VALUES
 (1, 8, 'MAJOR', 'Workers signed contracts in a language they do not read.', '2026-10-10'),
 (1, 8, 'MINOR', 'Licence certificate not displayed at the counter.', NULL);
INSERT INTO compliance_obligation (agency_id, kind, description, due_on) VALUES
 (8, 'BOND', 'Bank guarantee renewal', '2026-11-01'),
 (1, 'ESCROW', 'Escrow deposit statement', '2027-01-31');
-- Coded licence terms, read on the portal in the reader's language (licence.condition.*, licence.activity.*).
INSERT INTO licence_condition (licence_id, code) VALUES
 (1, 'DESTINATIONS_LISTED_ONLY'), (8, 'MONTHLY_DEPLOYMENT_REPORT');
INSERT INTO licence_activity (licence_id, activity) VALUES
 (1, 'RECRUITMENT'), (1, 'OVERSEAS_PLACEMENT'), (1, 'PRE_DEPARTURE_TRAINING'),
 (2, 'RECRUITMENT'), (2, 'OVERSEAS_PLACEMENT'), (8, 'RECRUITMENT'), (8, 'OVERSEAS_PLACEMENT');
