/**
 * Catalog logic. {@link com.acme.intake.catalog.control.CatalogRegistry} is the only part that
 * touches JPA; snapshots, diffs, search text, markdown rendering, edit rights and the OpenMetadata
 * export are plain Java, unit-tested without a container.
 */
package com.acme.intake.catalog.control;
