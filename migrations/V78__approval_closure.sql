-- Four-eyes closure (issue 13): a proposal can also end WITHDRAWN (by its proposer) or OBSOLETE (its
-- subject changed so that it can no longer apply). An obsolete proposal keeps the rule that now refuses
-- it as a message key and its arguments (JSON array), so each reader sees it in their own language.
ALTER TABLE proposal
    ADD COLUMN closing_key  VARCHAR(128)  NULL,
    ADD COLUMN closing_args VARCHAR(1000) NULL;
CREATE INDEX ix_proposal_proposer ON proposal (proposed_by, proposed_at);
