-- Clearly fictional demo data: every name below is invented ("Demo" or "Example" in most of them).
-- The agencies are registered through the agency register (DemoAgencies), and the recent history
-- through the services (DemoHistory: listings, licence decisions, applications, monitoring;
-- DemoComplaints: the complaints from the hotline to their outcome);
-- this script adds the older past that no service can date: the licences granted years ago under
-- their historic numbers (all ACTIVE here: DemoHistory suspends, revokes, expires and surrenders
-- them through the licensing rules) and their coded terms.
INSERT INTO licence (id, agency_id, licence_number, status, valid_from, valid_until, conditions, created_at) VALUES
 (1, 1, 'RA-2024-0001', 'ACTIVE', '2024-03-12', '2028-03-12', 'Deployment to GCC countries only.', NOW(6)),
 (2, 2, 'RA-2023-0002', 'ACTIVE', '2023-06-01', '2027-06-01', NULL, NOW(6)),
 (3, 3, 'RA-2021-0003', 'ACTIVE', '2021-01-15', '2025-01-15', NULL, NOW(6)),
 (4, 4, 'RA-2020-0004', 'ACTIVE', '2020-09-30', '2024-09-30', NULL, NOW(6)),
 (5, 5, 'RA-2022-0005', 'ACTIVE', '2022-02-01', '2026-02-01', NULL, NOW(6)),
 (8, 8, 'RA-2025-0008', 'ACTIVE', '2025-05-20', '2029-05-20', NULL, NOW(6));
INSERT INTO licence_status_change (licence_id, from_status, to_status, reason, legal_basis, actor, occurred_at) VALUES
 (1, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2024-03-12 09:00:00'),
 (2, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2023-06-01 09:00:00'),
 (3, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2021-01-15 09:00:00'),
 (4, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2020-09-30 09:00:00'),
 (5, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2022-02-01 09:00:00'),
 (8, 'PENDING', 'ACTIVE', 'All requirements met.', 'Demo Regulation s. 4', 'demo', '2025-05-20 09:00:00');
-- Coded licence terms, read on the portal in the reader's language (licence.condition.*, licence.activity.*).
INSERT INTO licence_condition (licence_id, code) VALUES
 (1, 'DESTINATIONS_LISTED_ONLY'), (8, 'MONTHLY_DEPLOYMENT_REPORT');
INSERT INTO licence_activity (licence_id, activity) VALUES
 (1, 'RECRUITMENT'), (1, 'OVERSEAS_PLACEMENT'), (1, 'PRE_DEPARTURE_TRAINING'),
 (2, 'RECRUITMENT'), (2, 'OVERSEAS_PLACEMENT'), (8, 'RECRUITMENT'), (8, 'OVERSEAS_PLACEMENT');
