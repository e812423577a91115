package com.acme.intake.request.control;

import java.util.List;

import com.acme.intake.request.entity.RequestView;

/**
 * The provisioning attempts of a request, as its view shows them. Implemented by provisioning, which
 * records the runs; an interface here so that request does not depend on provisioning, which depends
 * on request.
 */
public interface ProvisioningHistory {

    /** The request's provisioning runs, oldest first. */
    List<RequestView.ProvisioningRunView> runsOf(long requestId);
}
