package com.acme.intake.request.boundary;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.acme.intake.request.control.IntakeRequests;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.IntakeRequestCommand;
import com.acme.intake.request.entity.RequestSummary;
import com.acme.intake.request.entity.RequestView;
import com.acme.intake.security.AppUser;
import com.acme.intake.security.CurrentUser;
import com.acme.intake.security.Role;

/** {@code /api/requests}: submit, read, revise and withdraw intake requests. */
@Path("requests")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RequestsResource {

    @Inject
    IntakeRequests requests;

    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed(Role.REQUESTER)
    public Response submit(IntakeRequestCommand command, @Context UriInfo uriInfo) {
        IntakeRequest created = requests.submit(command, caller());
        URI location = uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build();
        return Response.created(location).entity(Map.of("id", created.id(), "status", created.status())).build();
    }

    @GET
    @RolesAllowed({Role.REQUESTER, Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD, Role.AUDITOR,
            Role.ADMIN})
    public List<RequestSummary> list(@QueryParam("mine") boolean mine, @QueryParam("status") String status) {
        return requests.list(caller(), mine, status);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.REQUESTER, Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD, Role.AUDITOR,
            Role.ADMIN})
    public RequestView get(@PathParam("id") long id) {
        return requests.view(id, caller());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Role.REQUESTER)
    public Map<String, Object> revise(@PathParam("id") long id, IntakeRequestCommand command) {
        IntakeRequest revised = requests.revise(id, command, caller());
        return Map.of("id", revised.id(), "status", revised.status());
    }

    @POST
    @Path("{id}/withdraw")
    @RolesAllowed(Role.REQUESTER)
    public Map<String, Object> withdraw(@PathParam("id") long id) {
        IntakeRequest withdrawn = requests.withdraw(id, caller());
        return Map.of("id", withdrawn.id(), "status", withdrawn.status());
    }

    private AppUser caller() {
        return new AppUser(user.name(), user.roles(), user.businessUnit());
    }
}
