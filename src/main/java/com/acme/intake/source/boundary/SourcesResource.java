package com.acme.intake.source.boundary;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.acme.intake.security.CurrentUser;
import com.acme.intake.security.Role;
import com.acme.intake.source.control.Sources;
import com.acme.intake.source.entity.SourceSummary;
import com.acme.intake.source.entity.TableColumn;
import com.acme.intake.source.entity.TableName;
import com.acme.intake.kernel.Refusal;

/**
 * {@code /api/sources}: the registered JDBC sources and the columns of their tables, so the intake
 * form can offer them. Names and types only; where a source is and how to log in stays configuration.
 */
@Path("sources")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.REQUESTER, Role.PLATFORM_ENGINEER, Role.PRIVACY_REVIEWER, Role.ADMIN})
public class SourcesResource {

    @Inject
    Sources sources;

    @Inject
    CurrentUser user;

    @GET
    public List<SourceSummary> list() {
        return sources.registered();
    }

    /**
     * {@code GET /api/sources/{name}/columns?table=schema.table}: 404 unknown source or table, or a
     * schema not open to the caller (requesters: their business unit's, see {@code INTAKE_SOURCES_<NAME>_SCHEMAS}), 400 invalid name.
     */
    @GET
    @Path("{name}/columns")
    public List<TableColumn> columns(@PathParam("name") String name, @QueryParam("table") String table) {
        TableName.problem(table).ifPresent(problem -> {
            throw Refusal.invalid(problem);
        });
        boolean staff = user.roles().stream().anyMatch(Role.STAFF::contains);
        return sources.tableColumns(name, table, staff, user.businessUnit());
    }
}
