/**
 * The outside's way to sources: {@code /api/sources} (registered JDBC sources and their columns),
 * {@code /api/uploads} (CSV/XLSX files), the mapping of source problems to HTTP answers, and the
 * startup of the embedded default's demo source.
 */
package com.acme.intake.source.boundary;
