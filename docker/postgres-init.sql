-- The warehouse database beside the application database (first start of the volume only).
CREATE DATABASE warehouse OWNER intake;
