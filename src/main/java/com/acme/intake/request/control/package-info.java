/** Submitting, validating, revising and withdrawing intake requests. */
package com.acme.intake.request.control;
