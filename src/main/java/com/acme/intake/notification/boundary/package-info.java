/**
 * Mails people when something happens to a request: {@code Notifications} observes the
 * {@link com.acme.intake.notification.entity.Notice} events after their transaction commits and
 * sends on the container's managed executor, so a slow or failing mail server never delays or
 * rolls back the business transaction.
 */
package com.acme.intake.notification.boundary;
