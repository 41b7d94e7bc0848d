-- Every new case adds to the same few summary rows (this month, its category and channel), and a row
-- stays locked until its transaction commits, so the summaries would serialise intake. Each change
-- now adds to one of 16 slots of its row, picked at random; readers sum over the slots anyway.
ALTER TABLE report_complaint_month ADD COLUMN slot TINYINT NOT NULL DEFAULT 0,
    DROP PRIMARY KEY, ADD PRIMARY KEY (month, category, channel, destination_country, agency_id, slot);
ALTER TABLE report_open_case ADD COLUMN slot TINYINT NOT NULL DEFAULT 0,
    DROP PRIMARY KEY, ADD PRIMARY KEY (due_on, category, destination_country, agency_id, slot);
ALTER TABLE report_fee_month ADD COLUMN slot TINYINT NOT NULL DEFAULT 0,
    DROP PRIMARY KEY, ADD PRIMARY KEY (month, currency, destination_country, agency_id, proven, slot);
