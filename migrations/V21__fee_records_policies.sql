-- Prohibited recruitment fees: the ILO reference table, fee policies per destination country
-- (versioned by date, changed by four-eyes), fee records with their evaluation, refund orders and
-- refunds. Money is DECIMAL with its ISO 4217 currency and is never summed across currencies.

-- The ILO definition as data, so a deployment can follow its national rule on top of it.
-- class: RECRUITMENT_FEE (never charged to workers), RELATED_COST, ILLEGITIMATE (never legitimate),
-- UNCLASSIFIED (what a worker reports that fits no category yet).
CREATE TABLE fee_type (
    code     VARCHAR(32)  NOT NULL PRIMARY KEY,
    class    VARCHAR(20)  NOT NULL,
    citation VARCHAR(500) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO fee_type (code, class, citation) VALUES
 ('RECRUITMENT_FEE', 'RECRUITMENT_FEE', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: recruitment fees'),
 ('MEDICAL', 'RELATED_COST', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: related costs, medical costs'),
 ('INSURANCE', 'RELATED_COST', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: related costs, insurance costs'),
 ('SKILLS_TEST', 'RELATED_COST', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: related costs, costs of skills and qualification tests'),
 ('TRAINING', 'RELATED_COST', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: related costs, costs for training and orientation'),
 ('EQUIPMENT', 'RELATED_COST', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: related costs, equipment costs'),
 ('TRAVEL_LODGING', 'RELATED_COST', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: related costs, travel and lodging costs'),
 ('ADMINISTRATIVE', 'RELATED_COST', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: related costs, administrative costs'),
 ('BRIBE', 'ILLEGITIMATE', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: illegitimate costs (bribes, tributes, extortion or kickback payments)'),
 ('DEPOSIT_OR_BOND', 'ILLEGITIMATE', 'ILO, General Principles and Operational Guidelines for Fair Recruitment and Definition of Recruitment Fees and Related Costs (2019), Part II: illegitimate costs (bonds, illegal cost-recovery fees, deposits)'),
 ('OTHER', 'UNCLASSIFIED', 'Not classified yet: the investigator assigns a fee type of the ILO definition');

-- rule: EMPLOYER_PAYS (every fee charged to the worker is prohibited) or CEILING (listed fee types
-- may be charged up to their ceiling; any other type is prohibited). The version in force on a day
-- is the one with the latest valid_from not after it.
CREATE TABLE fee_policy (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    country     CHAR(2)      NOT NULL,
    valid_from  DATE         NOT NULL,
    rule        VARCHAR(16)  NOT NULL,
    proposal_id BIGINT       NOT NULL,
    proposed_by VARCHAR(100) NOT NULL,
    approved_by VARCHAR(100) NOT NULL,
    approved_at DATETIME(6)  NOT NULL,
    CONSTRAINT uk_fee_policy_version UNIQUE (country, valid_from),
    CONSTRAINT fk_fee_policy_proposal FOREIGN KEY (proposal_id) REFERENCES proposal (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A ceiling is an amount in a currency, or a number of months of the worker's contract wage.
CREATE TABLE fee_policy_ceiling (
    policy_id          BIGINT        NOT NULL,
    fee_type           VARCHAR(32)   NOT NULL,
    max_amount         DECIMAL(19,4) NULL,
    currency           CHAR(3)       NULL,
    max_months_of_wage DECIMAL(6,2)  NULL,
    PRIMARY KEY (policy_id, fee_type),
    CONSTRAINT fk_ceiling_policy FOREIGN KEY (policy_id) REFERENCES fee_policy (id),
    CONSTRAINT fk_ceiling_type FOREIGN KEY (fee_type) REFERENCES fee_type (code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- One fee a worker paid. agency_id, the worker's monthly contract wage and proven (the case was
-- found SUBSTANTIATED) repeat facts of the case, kept current by the complaint capability, so that
-- evaluation, totals per agency and public figures need no other capability's table.
-- evaluation: PROHIBITED, ALLOWED or UNDETERMINED (no policy for the country and day, a ceiling in
-- another currency, or no contract wage for a months-of-wage ceiling); kept current when a policy
-- version is approved.
CREATE TABLE fee_record (
    id                  BIGINT AUTO_INCREMENT PRIMARY KEY,
    complaint_id        BIGINT        NOT NULL,
    agency_id           BIGINT        NULL,
    fee_type            VARCHAR(32)   NOT NULL,
    amount              DECIMAL(19,4) NOT NULL,
    currency            CHAR(3)       NOT NULL,
    paid_on             DATE          NULL,
    paid_to_kind        VARCHAR(16)   NULL,
    paid_to_name        VARCHAR(300)  NULL,
    destination_country CHAR(2)       NULL,
    evidence_id         BIGINT        NULL,
    monthly_wage        DECIMAL(19,4) NULL,
    wage_currency       CHAR(3)       NULL,
    proven              BOOLEAN       NOT NULL DEFAULT FALSE,
    evaluation          VARCHAR(16)   NOT NULL,
    evaluation_reason   VARCHAR(40)   NOT NULL,
    prohibited_amount   DECIMAL(19,4) NOT NULL,
    policy_id           BIGINT        NULL,
    added_by            VARCHAR(100)  NOT NULL,
    added_at            DATETIME(6)   NOT NULL,
    CONSTRAINT fk_fee_complaint FOREIGN KEY (complaint_id) REFERENCES complaint (id),
    CONSTRAINT fk_fee_type FOREIGN KEY (fee_type) REFERENCES fee_type (code),
    CONSTRAINT fk_fee_policy FOREIGN KEY (policy_id) REFERENCES fee_policy (id),
    CONSTRAINT fk_fee_evidence FOREIGN KEY (evidence_id) REFERENCES complaint_attachment (id),
    INDEX ix_fee_complaint (complaint_id),
    INDEX ix_fee_agency (agency_id, proven, currency),
    INDEX ix_fee_destination (destination_country, paid_on)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Refunds are ordered per fee, in the fee's currency, and paid in one or more instalments.
CREATE TABLE refund_order (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    fee_id     BIGINT        NOT NULL,
    amount     DECIMAL(19,4) NOT NULL,
    currency   CHAR(3)       NOT NULL,
    ordered_on DATE          NOT NULL,
    ordered_by VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_refund_order_fee FOREIGN KEY (fee_id) REFERENCES fee_record (id),
    INDEX ix_refund_order_fee (fee_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE refund_payment (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    fee_id      BIGINT        NOT NULL,
    amount      DECIMAL(19,4) NOT NULL,
    currency    CHAR(3)       NOT NULL,
    paid_on     DATE          NOT NULL,
    recorded_by VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_refund_payment_fee FOREIGN KEY (fee_id) REFERENCES fee_record (id),
    INDEX ix_refund_payment_fee (fee_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
