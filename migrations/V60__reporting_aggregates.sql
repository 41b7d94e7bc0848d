-- Reports (issue 18) read these summaries instead of the cases and fees themselves, so the dashboard
-- answers in the same time at 500,000 complaints as at 50. reporting.ReportAggregates keeps them
-- current in the transaction of every change (it listens to complaint and fee facts); V61 fills them
-- from what is already stored. Unknown destination is '', no agency is 0: key columns cannot be NULL.

-- Cases received per month, category, channel, destination and agency.
CREATE TABLE report_complaint_month (
    month               DATE        NOT NULL,
    category            VARCHAR(32) NOT NULL,
    channel             VARCHAR(16) NOT NULL,
    destination_country CHAR(2)     NOT NULL,
    agency_id           BIGINT      NOT NULL,
    complaints          BIGINT      NOT NULL,
    PRIMARY KEY (month, category, channel, destination_country, agency_id),
    INDEX ix_report_complaint_agency (agency_id, month),
    INDEX ix_report_complaint_destination (destination_country, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Open cases per due date (9999-12-31: none), category, destination and agency; the ageing buckets
-- move with the day, so they are cut from the due dates when read.
CREATE TABLE report_open_case (
    due_on              DATE        NOT NULL,
    category            VARCHAR(32) NOT NULL,
    destination_country CHAR(2)     NOT NULL,
    agency_id           BIGINT      NOT NULL,
    cases               BIGINT      NOT NULL,
    PRIMARY KEY (due_on, category, destination_country, agency_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Prohibited fees per month paid, currency, destination, agency and whether the case was
-- substantiated: how many, the prohibited amount, and the refunds ordered and paid of them. Never
-- summed across currencies.
CREATE TABLE report_fee_month (
    month               DATE          NOT NULL,
    currency            CHAR(3)       NOT NULL,
    destination_country CHAR(2)       NOT NULL,
    agency_id           BIGINT        NOT NULL,
    proven              BOOLEAN       NOT NULL,
    fees                BIGINT        NOT NULL,
    prohibited          DECIMAL(23,4) NOT NULL,
    ordered             DECIMAL(23,4) NOT NULL,
    refunded            DECIMAL(23,4) NOT NULL,
    PRIMARY KEY (month, currency, destination_country, agency_id, proven),
    INDEX ix_report_fee_agency (agency_id, month),
    INDEX ix_report_fee_destination (destination_country, month)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The public figures withhold an amount from fewer than 5 cases, and a case is counted once however
-- many of its fees: substantiated cases' prohibited fees per month, currency, destination and case.
CREATE TABLE report_fee_case (
    month               DATE    NOT NULL,
    currency            CHAR(3) NOT NULL,
    destination_country CHAR(2) NOT NULL,
    complaint_id        BIGINT  NOT NULL,
    fees                BIGINT  NOT NULL,
    PRIMARY KEY (month, currency, destination_country, complaint_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The risk signals of complaints and fees (monitoring's ranking) read one index range each.
ALTER TABLE complaint
    ADD INDEX ix_complaint_risk (outcome, agency_id, received_at);

ALTER TABLE fee_record
    ADD INDEX ix_fee_risk (proven, evaluation, agency_id, paid_on, added_at);
