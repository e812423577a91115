/**
 * The REST boundary of the data catalog, {@code /api/catalog}, and the catalog registration step of
 * the process ({@link com.acme.intake.catalog.boundary.RegisterCatalogEntryDelegate}).
 */
package com.acme.intake.catalog.boundary;
