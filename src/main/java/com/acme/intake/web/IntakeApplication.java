package com.acme.intake.web;

import java.util.Map;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API under {@code /api}; resources are discovered, {@code @RolesAllowed} is enforced.
 * Its OpenAPI document is served by the runtime at {@code /openapi}.
 */
@ApplicationPath("api")
@OpenAPIDefinition(
        info = @Info(title = "Data Intake API", version = "1.0",
                description = "Requests for new warehouse data sources: intake form, reviews, masked provisioning, "
                        + "catalog and audit. Every call needs HTTP Basic (or the browser session) and a role.",
                license = @License(name = "Proprietary")),
        security = @SecurityRequirement(name = IntakeApplication.SECURITY_SCHEME))
@SecurityScheme(securitySchemeName = IntakeApplication.SECURITY_SCHEME, type = SecuritySchemeType.HTTP,
        scheme = "basic", description = "User name and password (demo users on the embedded default only)")
public class IntakeApplication extends Application {

    static final String SECURITY_SCHEME = "basic";

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.provider.classnames",
                "org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature");
    }
}
