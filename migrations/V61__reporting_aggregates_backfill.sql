-- Fills the report summaries (V60) from the stored cases and fees. Safe to run again: after a bulk
-- load that bypassed the service (bin/reports-bench does so), run this file to count what it loaded.
-- The open statuses are ComplaintStatus.open() as of this version.
DELETE FROM report_complaint_month;
INSERT INTO report_complaint_month (month, category, channel, destination_country, agency_id, complaints)
SELECT DATE_FORMAT(received_at, '%Y-%m-01'), category, channel, COALESCE(destination_country, ''),
       COALESCE(agency_id, 0), COUNT(*)
FROM complaint GROUP BY 1, 2, 3, 4, 5;

DELETE FROM report_open_case;
INSERT INTO report_open_case (due_on, category, destination_country, agency_id, cases)
SELECT COALESCE(due_on, '9999-12-31'), category, COALESCE(destination_country, ''), COALESCE(agency_id, 0), COUNT(*)
FROM complaint WHERE status IN ('RECEIVED', 'TRIAGED', 'UNDER_INVESTIGATION') GROUP BY 1, 2, 3, 4;

DELETE FROM report_fee_month;
INSERT INTO report_fee_month (month, currency, destination_country, agency_id, proven, fees, prohibited, ordered, refunded)
SELECT DATE_FORMAT(f.paid_on, '%Y-%m-01'), f.currency, COALESCE(f.destination_country, ''), COALESCE(f.agency_id, 0),
       f.proven, COUNT(*), SUM(f.prohibited_amount), COALESCE(SUM(o.amount), 0), COALESCE(SUM(p.amount), 0)
FROM fee_record f
     LEFT JOIN (SELECT fee_id, SUM(amount) AS amount FROM refund_order GROUP BY fee_id) o ON o.fee_id = f.id
     LEFT JOIN (SELECT fee_id, SUM(amount) AS amount FROM refund_payment GROUP BY fee_id) p ON p.fee_id = f.id
WHERE f.evaluation = 'PROHIBITED' AND f.paid_on IS NOT NULL
GROUP BY 1, 2, 3, 4, 5;

DELETE FROM report_fee_case;
INSERT INTO report_fee_case (month, currency, destination_country, complaint_id, fees)
SELECT DATE_FORMAT(paid_on, '%Y-%m-01'), currency, COALESCE(destination_country, ''), complaint_id, COUNT(*)
FROM fee_record WHERE proven AND evaluation = 'PROHIBITED' AND paid_on IS NOT NULL
GROUP BY 1, 2, 3, 4;
