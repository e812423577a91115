/** Value types of masking: column types, PII categories and masking methods. Plain Java. */
package com.acme.intake.masking.entity;
