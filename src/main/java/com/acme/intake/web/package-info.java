/** Cross-cutting web concerns: the JAX-RS application, the mapping of refusals to HTTP answers and
 * the security headers of every answer. */
package com.acme.intake.web;
