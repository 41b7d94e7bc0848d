-- Fills the complaint totals (V97) from the summaries by destination and agency. Safe to run again:
-- after a bulk load that bypassed the service, run V61 and then this file (bin/reports-bench and
-- bin/scale-data do so).
DELETE FROM report_complaint_total;
INSERT INTO report_complaint_total (month, category, channel, slot, complaints)
SELECT month, category, channel, 0, SUM(complaints) FROM report_complaint_month GROUP BY 1, 2, 3;

DELETE FROM report_open_case_total;
INSERT INTO report_open_case_total (due_on, slot, cases)
SELECT due_on, 0, SUM(cases) FROM report_open_case GROUP BY 1;
