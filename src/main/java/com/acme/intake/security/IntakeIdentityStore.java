package com.acme.intake.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/** Validates user name and password against the {@link UserDirectory}; the user's roles become their groups. */
@ApplicationScoped
public class IntakeIdentityStore implements IdentityStore {

    @Inject
    UserDirectory users;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return users.authenticate(login.getCaller(), login.getPassword().getValue())
                .map(user -> new CredentialValidationResult(user.name(), user.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
