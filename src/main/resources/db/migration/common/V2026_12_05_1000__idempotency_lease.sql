-- Idempotency-Key as a lease (issue #16): a pending claim (status 0) belongs to the request holding claim_token until
-- lease_until; after that a retry may take it over. The stored answer (status, body, headers) is written in the same
-- transaction as the work it describes, so a crash leaves either both or neither.
ALTER TABLE idempotency_record ADD COLUMN lease_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE idempotency_record ADD COLUMN claim_token VARCHAR(36);
ALTER TABLE idempotency_record ADD COLUMN headers VARCHAR(2000);
