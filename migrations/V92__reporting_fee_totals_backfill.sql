-- Fills report_fee_total (V91) from the agency summaries. Safe to run again: after a bulk load that
-- bypassed the service, run V61 and then this file (bin/reports-bench and bin/scale-data do so).
DELETE FROM report_fee_total;
INSERT INTO report_fee_total (month, currency, destination_country, proven, slot, fees, prohibited, ordered, refunded)
SELECT month, currency, destination_country, proven, 0, SUM(fees), SUM(prohibited), SUM(ordered), SUM(refunded)
FROM report_fee_month GROUP BY 1, 2, 3, 4;
