/** Writing and reading the audit trail. */
package com.acme.intake.audit.control;
