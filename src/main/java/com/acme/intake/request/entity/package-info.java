/**
 * The intake request: what a business unit asks the data platform team to bring into the
 * warehouse, the command that describes it, and its views.
 */
package com.acme.intake.request.entity;
