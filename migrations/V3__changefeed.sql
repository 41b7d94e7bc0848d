-- Every change to something the public can see (an agency, its names or licence, a blacklist entry)
-- appends a row here in the same transaction. Replicas follow it to keep their in-process name
-- index current; the Atom feed and watch alerts will read it too.
CREATE TABLE change_feed (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    entity_kind VARCHAR(32) NOT NULL,
    entity_id   BIGINT      NOT NULL,
    changed_at  DATETIME(6) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
