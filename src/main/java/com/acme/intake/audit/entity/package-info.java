/** The audit trail's events. */
package com.acme.intake.audit.entity;
