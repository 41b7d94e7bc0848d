-- A decision's public statement (coded reason in reason_key, optional remarks with the language they
-- were written in) is kept apart from the internal note (reason), which no public page shows.
ALTER TABLE licence_status_change
    ADD COLUMN public_remarks VARCHAR(2000) NULL,
    ADD COLUMN remarks_lang VARCHAR(8) NULL;

-- Until now the typed reason was published verbatim: it stays public, as remarks in an unknown language.
UPDATE licence_status_change SET public_remarks = reason, remarks_lang = 'und' WHERE reason IS NOT NULL;
