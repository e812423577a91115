/** Startup check of the detection settings. */
package com.acme.intake.classification.boundary;
