-- The licence that speaks for an agency now is its newest one. Written here once, as a view the
-- licensing capability publishes; every reader (the register's list, screening's standings, the
-- portal) joins current_licence instead of repeating "MAX(id)". The view merges into the outer
-- query, so a join on agency_id stays an index seek on ix_licence_agency.
CREATE VIEW current_licence AS
SELECT l.id, l.agency_id, l.licence_number, l.status, l.valid_from, l.valid_until, l.suspended_until,
       l.licence_loose_key, l.created_at
FROM licence l
WHERE l.id = (SELECT MAX(x.id) FROM licence x WHERE x.agency_id = l.agency_id);

-- The loose keys are the image of database.LooseKey (the definition): every character but the ASCII
-- letters and digits dropped, upper case, O read as 0 and I as 1. V50's keys only dropped five
-- separators, so "RA#2024" was stored with its '#' while the code looked for "RA2024". Binary
-- collation keeps the pattern from folding case (a Kelvin sign would otherwise count as K).
-- LooseKeyColumnsTest holds both against tricky inputs.
DROP INDEX ix_licence_loose_key ON licence;
ALTER TABLE licence DROP COLUMN licence_loose_key;
ALTER TABLE licence ADD COLUMN licence_loose_key VARCHAR(32)
    AS (REPLACE(REPLACE(UPPER(REGEXP_REPLACE(licence_number COLLATE utf8mb4_bin, '[^A-Za-z0-9]', '')),
        'O', '0'), 'I', '1')) STORED;
CREATE INDEX ix_licence_loose_key ON licence (licence_loose_key);
DROP INDEX ix_agency_registration_loose_key ON agency;
ALTER TABLE agency DROP COLUMN registration_loose_key;
ALTER TABLE agency ADD COLUMN registration_loose_key VARCHAR(64)
    AS (REPLACE(REPLACE(UPPER(REGEXP_REPLACE(registration_number COLLATE utf8mb4_bin, '[^A-Za-z0-9]', '')),
        'O', '0'), 'I', '1')) STORED;
CREATE INDEX ix_agency_registration_loose_key ON agency (registration_loose_key);
