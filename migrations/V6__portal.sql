-- Public licence lookup ignores case (the collation does) and punctuation: "ra 2024/0001" finds
-- RA-2024-0001. The key drops the separators licence numbers use, so the lookup is an index seek.
ALTER TABLE licence ADD COLUMN licence_key VARCHAR(32)
    AS (REPLACE(REPLACE(REPLACE(REPLACE(REPLACE(licence_number, '-', ''), ' ', ''), '/', ''), '.', ''), '_', '')) STORED;
CREATE INDEX ix_licence_key ON licence (licence_key);
