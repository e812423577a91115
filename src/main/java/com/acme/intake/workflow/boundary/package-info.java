/**
 * What the engine calls while it runs {@code bpmn/intake-approval.bpmn}: the process's own task
 * listeners and delegates, each a CDI bean named in {@link com.acme.intake.workflow.entity.ProcessIds}.
 * The service tasks whose work belongs to a feature (provisioning, catalog registration) are that
 * feature's {@link com.acme.intake.workflow.entity.ProcessStep}s, handed to the engine as delegates by
 * {@link com.acme.intake.workflow.boundary.ProcessSteps}. All stay thin: read process variables, apply
 * one rule or call one control, write the result back.
 */
package com.acme.intake.workflow.boundary;
