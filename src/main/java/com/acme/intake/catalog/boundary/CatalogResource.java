package com.acme.intake.catalog.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.acme.intake.catalog.control.CatalogRegistry;
import com.acme.intake.catalog.control.OpenMetadataExport;
import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogEntryView;
import com.acme.intake.catalog.entity.CatalogSummary;
import com.acme.intake.catalog.entity.RevisionSummary;
import com.acme.intake.security.AppUser;
import com.acme.intake.security.CurrentUser;
import com.acme.intake.security.Role;
import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.Refusal;

/**
 * {@code /api/catalog}: search and read catalog entries and their revisions (every role), edit
 * descriptions and gap notes (the dataset's owner and platform engineers), export to OpenMetadata.
 */
@Path("catalog")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER, Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD, Role.AUDITOR,
        Role.ADMIN})
public class CatalogResource {

    static final String OPENMETADATA = "openmetadata";

    @Inject
    CatalogRegistry catalog;

    @Inject
    CurrentUser user;

    /** Fully qualified name of the staging schema in OpenMetadata (service.database.schema). */
    @Inject
    @ConfigProperty(name = "intake.catalog.openmetadata-schema", defaultValue = "warehouse.analytics.staging")
    String openMetadataSchema;

    @GET
    public List<CatalogSummary> search(@QueryParam("q") String query, @QueryParam("businessUnit") String businessUnit,
                                       @QueryParam("layer") String layer, @QueryParam("pii") String pii) {
        return catalog.search(query, businessUnit, layer, pii);
    }

    @GET
    @Path("{key}")
    public CatalogEntryView get(@PathParam("key") String key) {
        return catalog.view(key);
    }

    /** Edits are checked against the entry's owner in {@link CatalogRegistry#edit}, so every role may call this. */
    @PUT
    @Path("{key}")
    public CatalogEntryView edit(@PathParam("key") String key, CatalogEdit edit) {
        return catalog.edit(key, edit, new AppUser(user.name(), user.roles(), user.businessUnit()));
    }

    @GET
    @Path("{key}/revisions")
    public List<RevisionSummary> revisions(@PathParam("key") String key) {
        return catalog.revisions(key);
    }

    @GET
    @Path("{key}/revisions/{number}")
    public CatalogEntryView revision(@PathParam("key") String key, @PathParam("number") int number) {
        return catalog.view(key, number);
    }

    @GET
    @Path("{key}/export")
    public JsonObject export(@PathParam("key") String key, @QueryParam("format") String format) {
        if (format != null && !format.isBlank() && !OPENMETADATA.equals(format.strip())) {
            throw Refusal.invalid(ErrorCode.INVALID_PARAMETER, "format must be " + OPENMETADATA);
        }
        return OpenMetadataExport.createTableRequest(catalog.latest(key), openMetadataSchema);
    }
}
