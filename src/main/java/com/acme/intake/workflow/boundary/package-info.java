/**
 * What the engine calls while it runs {@code bpmn/intake-approval.bpmn}: task listeners and
 * delegates, each a CDI bean named in {@link com.acme.intake.workflow.entity.ProcessIds}. They stay
 * thin: read process variables, apply one rule or call one control, write the result back.
 */
package com.acme.intake.workflow.boundary;
