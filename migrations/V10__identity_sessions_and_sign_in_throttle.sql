-- Server-side sessions: every session token names one row here, so logout and "sign out
-- everywhere" end it on every replica (replicas cache a check for seconds at most).
CREATE TABLE staff_session (
    id          CHAR(43)     NOT NULL PRIMARY KEY,
    user_id     BIGINT       NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    expires_at  DATETIME(6)  NOT NULL,
    revoked_at  DATETIME(6)  NULL,
    INDEX ix_staff_session_user (user_id),
    CONSTRAINT fk_staff_session_user FOREIGN KEY (user_id) REFERENCES staff_user (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Failed sign-ins counted per account and client address (scope 'A') and per client address
-- over all accounts (scope 'C', username ''), whether or not the account exists, so a stranger
-- elsewhere only locks themselves out and unknown names cost the same as known ones.
CREATE TABLE sign_in_throttle (
    scope           CHAR(1)      NOT NULL,
    username        VARCHAR(64)  NOT NULL,
    client_address  VARCHAR(64)  NOT NULL,
    failures        INT          NOT NULL,
    window_until    DATETIME(6)  NOT NULL,
    PRIMARY KEY (scope, username, client_address),
    INDEX ix_sign_in_throttle_until (window_until)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The per-account counter and lock of V1 lived on the account row, where a stranger's five
-- guesses locked the real officer out; sign_in_throttle replaces them.
ALTER TABLE staff_user DROP COLUMN failed_logins, DROP COLUMN locked_until;
