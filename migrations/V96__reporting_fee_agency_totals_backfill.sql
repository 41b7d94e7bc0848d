-- Fills report_fee_agency_total (V95) from the agency summaries. Safe to run again: after a bulk load
-- that bypassed the service, run V61 and then this file (bin/reports-bench and bin/scale-data do so).
DELETE FROM report_fee_agency_total;
INSERT INTO report_fee_agency_total (currency, agency_id, fees, prohibited)
SELECT currency, agency_id, SUM(fees), SUM(prohibited) FROM report_fee_month GROUP BY 1, 2;
