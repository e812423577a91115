/**
 * What operators and orchestrators call, outside {@code /api} and without a login: MicroProfile
 * Health checks ({@code /health/live}: the application is deployed; {@code /health/ready}: both
 * databases answer and the engine is ready) and MicroProfile Metrics gauges ({@code /metrics}:
 * requests by status, open tasks); the provisioning timer is recorded by the provisioning delegate.
 */
package com.acme.intake.operations.boundary;
