/** Cross-cutting web concerns: the JAX-RS application and the mapping of refusals to HTTP answers. */
package com.acme.intake.web;
