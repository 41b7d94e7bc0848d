-- The complaint charts of an unnarrowed dashboard (its default) read these counts, which leave the
-- destination and agency out, the way V91's report_fee_total leaves the agency out of the fees: at
-- the scale set a year of report_complaint_month is 103,659 rows and report_open_case 104,777, for
-- charts of a few dozen figures. Open cases are kept per due date: the ageing buckets move with the
-- day, so they are still cut when read. Kept current by reporting.ReportAggregates in the transaction
-- of the change, slotted like V63 (every new case adds to this month's rows); filled by V98.
CREATE TABLE report_complaint_total (
    month      DATE        NOT NULL,
    category   VARCHAR(32) NOT NULL,
    channel    VARCHAR(16) NOT NULL,
    slot       TINYINT     NOT NULL,
    complaints BIGINT      NOT NULL,
    PRIMARY KEY (month, category, channel, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_open_case_total (
    due_on DATE    NOT NULL,
    slot   TINYINT NOT NULL,
    cases  BIGINT  NOT NULL,
    PRIMARY KEY (due_on, slot)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
