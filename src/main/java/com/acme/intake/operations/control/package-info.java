/**
 * What the health checks and metrics measure, in plain Java: whether a data source answers
 * ({@code DataSourceProbe}), requests by status ({@code RequestCounts}) and short-lived caching of
 * gauge values ({@code CachedValue}). The provisioning timer is provisioning's own.
 */
package com.acme.intake.operations.control;
