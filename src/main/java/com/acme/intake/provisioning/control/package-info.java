/**
 * Provisioning of masked staging tables: the DDL per warehouse dialect, the loader that streams,
 * masks and swaps, the warehouse data source and the masking key. Plain JDBC, no engine, no JPA;
 * only {@link com.acme.intake.provisioning.control.Warehouse} and
 * {@link com.acme.intake.provisioning.control.MaskingKeys} are CDI beans.
 */
package com.acme.intake.provisioning.control;
