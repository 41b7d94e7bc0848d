-- The agency page and certificate count an agency's substantiated complaints. At national scale a
-- few agencies gather thousands of complaints; with (agency_id, outcome) the count reads the index
-- alone instead of every complaint row of the agency.
CREATE INDEX ix_complaint_agency_outcome ON complaint (agency_id, outcome);
