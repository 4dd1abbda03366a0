-- Whether a unit head approves a progress report before the supervision office does (两级审核).
ALTER TABLE campaign ADD COLUMN unit_head_review BOOLEAN DEFAULT FALSE NOT NULL;
