-- A FILE source names the upload it was submitted with.
ALTER TABLE intake_request ADD COLUMN source_upload_id VARCHAR(64);
