package com.acme.intake.security;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /api/me}: who the caller is, for the UI's header and start page. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    CurrentUser user;

    @GET
    public Map<String, Object> me() {
        var me = new LinkedHashMap<String, Object>();
        me.put("username", user.name());
        me.put("roles", user.roles().stream().sorted().toList());
        me.put("businessUnit", user.businessUnit());
        return me;
    }
}
