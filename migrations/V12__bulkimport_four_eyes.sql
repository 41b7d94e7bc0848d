-- An import is checked, then waits for a supervisor other than the uploader; only an approved job
-- is applied. The approval travels with the job so the worker applies it in the approver's name.
ALTER TABLE import_job
    ADD COLUMN approved_by VARCHAR(128) NULL,
    ADD COLUMN proposal_id BIGINT NULL,
    MODIFY COLUMN status VARCHAR(24) NOT NULL;
