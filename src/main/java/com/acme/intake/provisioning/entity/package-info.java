/**
 * Value types of provisioning: warehouse identifiers, the plan of a load, its result and its
 * failure. Plain Java.
 */
package com.acme.intake.provisioning.entity;
