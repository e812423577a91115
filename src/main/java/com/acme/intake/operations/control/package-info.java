/**
 * What the health checks and metrics measure, in plain Java: whether a data source answers
 * ({@code DataSourceProbe}), requests by status ({@code RequestCounts}), short-lived caching of
 * gauge values ({@code CachedValue}) and the provisioning timer ({@code ProvisioningMetrics}).
 */
package com.acme.intake.operations.control;
