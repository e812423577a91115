/**
 * Process identifiers and value types shared by the BPMN/DMN models and the Java code.
 * Kept free of engine imports so the rest of the application can name them.
 */
package com.acme.intake.workflow.entity;
