-- TOTP second factor (RFC 6238): the shared secret once enrolment is confirmed, and one-time recovery codes
-- (only their SHA-256 is kept, the codes are shown once).
CREATE TABLE user_totp (
    user_id     BIGINT PRIMARY KEY REFERENCES app_user (id),
    secret      VARCHAR(64) NOT NULL,
    enrolled_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE recovery_code (
    user_id   BIGINT      NOT NULL REFERENCES app_user (id),
    code_hash VARCHAR(64) NOT NULL,
    used_at   TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (user_id, code_hash)
);
