/**
 * What the outside calls of the audit feature: {@code /api/audit} (query, verify, Excel export), the
 * recording of refused calls and failed logins, and the sealing of pre-chain events at start.
 */
package com.acme.intake.audit.boundary;
