-- The register's published read model in SQL: what other capabilities may show of an agency in lists
-- that page and sort in the database (licence applications by agency name, the public registers). They
-- join agency_listing, never the agency table, so the register may change its own tables freely. The
-- view merges into the outer query: a join on id stays a primary-key seek.
CREATE VIEW agency_listing AS
SELECT a.id, a.legal_name, a.registration_number, a.country, a.address
FROM agency a;
