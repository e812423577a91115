package com.acme.intake.workflow.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.Refusal;
import com.acme.intake.workflow.control.ModelFiles;

/** {@code GET /api/forms/{key}}: a Camunda Forms definition from {@code forms/}, for the browser's form-js viewer. */
@Path("forms")
@ApplicationScoped
public class FormsResource {

    @GET
    @Path("{key}")
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    public byte[] form(@PathParam("key") String key) {
        if (!key.matches("[a-z][a-z0-9-]{0,62}")) {
            throw Refusal.notFound(ErrorCode.FORM_NOT_FOUND,
                    "no form " + (key.length() > 64 ? key.substring(0, 64) : key));
        }
        try (InputStream in = FormsResource.class.getClassLoader()
                .getResourceAsStream(ModelFiles.FOLDER + "/" + key + ".form")) {
            if (in == null) {
                throw Refusal.notFound(ErrorCode.FORM_NOT_FOUND, "no form " + key);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
