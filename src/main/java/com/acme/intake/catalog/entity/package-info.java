/**
 * The data catalog: one entry per dataset key ({@code <business_unit>__<dataset>}, like the staging
 * table), whose content lives in immutable revisions, each a full {@link
 * com.acme.intake.catalog.entity.CatalogSnapshot}; the commands and views of the catalog API.
 */
package com.acme.intake.catalog.entity;
