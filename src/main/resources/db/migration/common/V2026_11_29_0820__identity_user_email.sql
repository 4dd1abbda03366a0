-- An optional email address per login, for notifications by email.
ALTER TABLE app_user ADD COLUMN email VARCHAR(200);
