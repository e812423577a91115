/** The REST boundary of the data catalog, {@code /api/catalog}. */
package com.acme.intake.catalog.boundary;
