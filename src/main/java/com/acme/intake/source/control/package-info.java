/**
 * Reading sources as streams of rows: JDBC tables of registered sources ({@link
 * com.acme.intake.source.control.Sources}), uploaded CSV and XLSX files (stored in chunks, read
 * back a chunk at a time), type mapping, inference and conversion. Credentials stay in here.
 */
package com.acme.intake.source.control;
