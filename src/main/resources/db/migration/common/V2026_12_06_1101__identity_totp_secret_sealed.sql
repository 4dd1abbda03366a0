-- TOTP secrets at rest: `secret` now holds the secret sealed with AES-256-GCM (identity.TotpSecrets) under a key from
-- GONGJIAN_TOTP_KEYS, whose id is `secret_key_id`. Rows with secret_key_id NULL are still clear text; they are sealed
-- with the current key at the next start (TotpSecrets.sealClearSecrets).
ALTER TABLE user_totp ALTER COLUMN secret SET DATA TYPE VARCHAR(255);
ALTER TABLE user_totp ADD COLUMN secret_key_id VARCHAR(16);
