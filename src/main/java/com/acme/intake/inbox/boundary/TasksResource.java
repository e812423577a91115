package com.acme.intake.inbox.boundary;

import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.acme.intake.inbox.control.Inbox;
import com.acme.intake.security.CurrentUser;
import com.acme.intake.security.Role;
import com.acme.intake.kernel.Refusal;
import com.acme.intake.workflow.entity.Decision;

/** {@code /api/tasks}: the caller's inbox, claiming, and review decisions. */
@Path("tasks")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class TasksResource {

    @Inject
    Inbox inbox;

    @Inject
    CurrentUser user;

    /** Largest page of {@code GET /api/tasks}; the default page holds {@value #DEFAULT_PAGE_SIZE} tasks. */
    public static final int MAX_PAGE_SIZE = 500;
    public static final int DEFAULT_PAGE_SIZE = 50;

    /**
     * A page of the caller's inbox, oldest first: {@code page} (from 0) and {@code size} (1–500,
     * default 50), and {@code requestId} for one request's tasks. Paged because an inbox can hold
     * thousands of tasks.
     */
    @GET
    @RolesAllowed({Role.REQUESTER, Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD})
    public List<Inbox.TaskView> list(@QueryParam("requestId") String requestId,
                                     @QueryParam("page") @DefaultValue("0") String page,
                                     @QueryParam("size") @DefaultValue("" + DEFAULT_PAGE_SIZE) String size) {
        int pageSize = Refusal.wholeNumber("size", size, 1, MAX_PAGE_SIZE);
        int pageNumber = Refusal.wholeNumber("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        Long request = requestId == null || requestId.isBlank() ? null
                : (long) Refusal.wholeNumber("requestId", requestId, 1, Integer.MAX_VALUE);
        return inbox.tasks(user.name(), user.roles(), request, pageNumber, pageSize);
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.REQUESTER, Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD})
    public Inbox.TaskView get(@PathParam("id") String id) {
        return inbox.task(id, user.name(), user.roles());
    }

    @POST
    @Path("{id}/claim")
    @RolesAllowed({Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD})
    public Inbox.TaskView claim(@PathParam("id") String id) {
        return inbox.claim(id, user.name(), user.roles());
    }

    @DELETE
    @Path("{id}/claim")
    @RolesAllowed({Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD})
    public Response unclaim(@PathParam("id") String id) {
        inbox.unclaim(id, user.name(), user.roles());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/decision")
    @RolesAllowed({Role.PRIVACY_REVIEWER, Role.PLATFORM_ENGINEER, Role.GOVERNANCE_LEAD})
    public Map<String, Object> decide(@PathParam("id") String id, Decision decision) {
        return inbox.decide(id, decision, user.name(), user.roles());
    }
}
