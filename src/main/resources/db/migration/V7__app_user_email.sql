-- E-mail address of a production user, for notifications (changes requested, new and overdue tasks, …).
-- Optional: a user without one is simply not mailed.
ALTER TABLE app_user ADD COLUMN email VARCHAR(320);
