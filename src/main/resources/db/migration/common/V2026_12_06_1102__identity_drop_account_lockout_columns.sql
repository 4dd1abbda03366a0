-- The per-account lockout of the first release (failed_attempts, locked_until) was replaced by the login throttle on
-- login_failure (V2026_12_05_1400, identity.LoginThrottle); nothing reads or writes these columns any more.
ALTER TABLE app_user DROP COLUMN failed_attempts;
ALTER TABLE app_user DROP COLUMN locked_until;
