/** The REST boundary of intake requests. */
package com.acme.intake.request.boundary;
