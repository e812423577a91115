package com.acme.intake.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Validates user name and password against the {@link UserDirectory}; the user's roles become their
 * groups. A failure is announced as {@link LoginFailed}, for the audit trail.
 */
@ApplicationScoped
public class IntakeIdentityStore implements IdentityStore {

    @Inject
    UserDirectory users;

    @Inject
    Event<LoginFailed> loginFailed;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        var user = users.authenticate(login.getCaller(), login.getPassword().getValue());
        if (user.isEmpty()) {
            // asked for failures of known and unknown names alike, so both take the same time
            String known = users.find(login.getCaller()).map(AppUser::name).orElse(null);
            loginFailed.fire(new LoginFailed(login.getCaller(), known));
            return CredentialValidationResult.INVALID_RESULT;
        }
        return new CredentialValidationResult(user.get().name(), user.get().roles());
    }
}
