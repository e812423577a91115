/** Value types of provisioning: warehouse identifiers. Plain Java. */
package com.acme.intake.provisioning.entity;
