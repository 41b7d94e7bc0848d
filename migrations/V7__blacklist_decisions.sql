-- A proposal to list someone on the blacklist has no subject until a second person approves it:
-- the proposed entry travels in the proposal's details and the entry is created on approval.
ALTER TABLE proposal MODIFY subject_id BIGINT NULL;
