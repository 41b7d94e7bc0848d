-- The dashboard's top agencies by prohibited fees ranked every agency's sum over the period: at the
-- scale set a year of report_fee_month is 124,169 rows in 68,548 (agency, currency) groups, 0.4-0.7 s
-- for ten names. An agency's all-time prohibited fees bound what it can have in any period (amounts
-- are never negative), so the ranking reads the period's sums of the agencies with the most fees of
-- all time only, in this table's order, and stops once no agency left could reach the last place
-- (reporting.ReportAggregates.prohibitedByAgency). Kept current by ReportAggregates in the
-- transaction of the change; not slotted: a row is one agency's, so parallel writers to it are rare.
CREATE TABLE report_fee_agency_total (
    currency   CHAR(3)       NOT NULL,
    agency_id  BIGINT        NOT NULL,
    fees       BIGINT        NOT NULL,
    prohibited DECIMAL(23,4) NOT NULL,
    PRIMARY KEY (currency, agency_id),
    INDEX ix_report_fee_agency_total_rank (currency, prohibited)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
