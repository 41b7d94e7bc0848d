-- The fee charts without an agency filter (the dashboard's default, and every public figure) read
-- these sums, which leave the agency out. Keyed by agency, report_fee_month holds almost a row per
-- fee at the scale set (573,779 rows for 1,000,000 fees, most agencies having a few fees a month),
-- so each chart scanned a year of it; without the agency a year is a few hundred rows. Kept current
-- by reporting.ReportAggregates in the transaction of the change, slotted like V63; filled by V92.
CREATE TABLE report_fee_total (
    month               DATE          NOT NULL,
    currency            CHAR(3)       NOT NULL,
    destination_country CHAR(2)       NOT NULL,
    proven              BOOLEAN       NOT NULL,
    slot                TINYINT       NOT NULL,
    fees                BIGINT        NOT NULL,
    prohibited          DECIMAL(23,4) NOT NULL,
    ordered             DECIMAL(23,4) NOT NULL,
    refunded            DECIMAL(23,4) NOT NULL,
    PRIMARY KEY (month, currency, destination_country, proven, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
