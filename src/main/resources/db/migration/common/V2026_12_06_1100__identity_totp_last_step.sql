-- TOTP replay protection: the time step (Unix time / 30 s) of the last code accepted for the user. A code is accepted
-- only for a later step, by one conditional UPDATE, so a code used once is refused on every node afterwards.
ALTER TABLE user_totp ADD COLUMN last_step BIGINT;
