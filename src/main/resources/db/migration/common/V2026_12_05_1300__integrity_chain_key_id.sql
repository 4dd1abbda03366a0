-- Keyed hash chains (#17): every link is an HMAC-SHA-256 under a configured secret key (shared.ChainKeys); the id of
-- that key is stored with the link so keys can rotate. NULL = a legacy unkeyed link (plain SHA-256), re-linked once
-- at start-up by the integrity module while no anchor exists yet.
ALTER TABLE progress_report ADD COLUMN chain_key_id VARCHAR(16);
ALTER TABLE pledge_version ADD COLUMN chain_key_id VARCHAR(16);
ALTER TABLE rectification_seal ADD COLUMN chain_key_id VARCHAR(16);
