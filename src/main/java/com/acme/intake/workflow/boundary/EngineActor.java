package com.acme.intake.workflow.boundary;

import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who caused what the engine is doing: the authenticated user, or null for jobs and timers. */
final class EngineActor {

    private EngineActor() {
    }

    static String of(VariableScope scope) {
        if (scope instanceof ProcessEngineServicesAware aware) {
            Authentication authentication = aware.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
            if (authentication != null && authentication.getUserId() != null) {
                return authentication.getUserId();
            }
        }
        return null;
    }
}
