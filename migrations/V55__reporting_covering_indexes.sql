-- Reports (issue 18) aggregate complaints and fees per month, category, channel, destination and
-- agency. These covering indexes let each chart read a range of one index, never the rows, so the
-- dashboard stays under a second at 500,000 complaints and 1,000,000 fee records; the database
-- keeps them current in the transaction of every change.
ALTER TABLE complaint
    ADD INDEX ix_complaint_report (received_at, category, channel, destination_country, agency_id);

ALTER TABLE fee_record
    ADD INDEX ix_fee_report (evaluation, paid_on, destination_country, currency, agency_id, proven,
                             complaint_id, prohibited_amount);

-- Open cases against their due dates, narrowed by the same filters.
ALTER TABLE complaint
    ADD INDEX ix_complaint_ageing (status, due_on, category, destination_country, agency_id);
