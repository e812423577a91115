package com.acme.intake.source.boundary;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.acme.intake.security.AppUser;
import com.acme.intake.security.CurrentUser;
import com.acme.intake.security.Role;
import com.acme.intake.source.control.Uploads;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.UploadColumn;
import com.acme.intake.source.entity.UploadView;
import com.acme.intake.web.Errors;

/**
 * {@code /api/uploads}: a CSV or XLSX file as the source of a request. The body is the raw file
 * (curl {@code --data-binary @file}), its name in {@code ?fileName=} (best for non-ASCII names,
 * URL-encoded) or the {@code X-File-Name} header. The body streams into the database; a body over
 * {@code intake.uploads.max-bytes} is refused with 413 as soon as the limit is passed.
 */
@Path("uploads")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class UploadsResource {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final Set<String> ACCEPTED_TYPES = Set.of("text/csv", XLSX_TYPE, MediaType.APPLICATION_OCTET_STREAM);

    @Inject
    Uploads uploads;

    @Inject
    CurrentUser user;

    @POST
    @RolesAllowed(Role.REQUESTER)
    @Consumes(MediaType.WILDCARD)
    public Response upload(InputStream body,
            @QueryParam("fileName") String queryFileName,
            @HeaderParam("X-File-Name") String headerFileName,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @Context UriInfo uriInfo,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String contentLength) {
        String type = contentType == null ? MediaType.APPLICATION_OCTET_STREAM
                : contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!ACCEPTED_TYPES.contains(type)) {
            return Errors.response(415, "send the raw file as text/csv, " + XLSX_TYPE + " or application/octet-stream");
        }
        if (declaredLength(contentLength) > uploads.maxBytes()) {
            return Errors.response(413, "the file is larger than the limit of " + uploads.maxBytes()
                    + " bytes (intake.uploads.max-bytes)");
        }
        String fileName = queryFileName != null && !queryFileName.isBlank() ? queryFileName : headerFileName;
        UploadView view;
        try {
            view = uploads.upload(fileName, type, body, caller());
        } catch (SourceProblem e) {
            if (e.kind() != SourceProblem.Kind.TOO_LARGE) {
                discardRest(body, uploads.maxBytes());
            }
            throw e;
        }
        URI location = uriInfo.getBaseUriBuilder().path("uploads").path(view.uploadId()).build();
        return Response.created(location).entity(view).build();
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Role.REQUESTER, Role.PLATFORM_ENGINEER, Role.PRIVACY_REVIEWER, Role.ADMIN})
    public UploadView get(@PathParam("id") String id) {
        return uploads.view(id, caller());
    }

    @GET
    @Path("{id}/columns")
    @RolesAllowed({Role.REQUESTER, Role.PLATFORM_ENGINEER, Role.PRIVACY_REVIEWER, Role.ADMIN})
    public List<UploadColumn> columns(@PathParam("id") String id) {
        return uploads.columns(id, caller());
    }

    /**
     * A file refused while it arrives (a field or header beyond the limits) is answered before its
     * end; the rest of the body, within the size limit, is read and dropped so that the client,
     * which may still be sending, receives the 400 instead of a connection closed under it.
     */
    private static void discardRest(InputStream body, long limit) {
        byte[] buffer = new byte[64 * 1024];
        long left = limit;
        try {
            for (int n; left > 0 && (n = body.read(buffer, 0, (int) Math.min(buffer.length, left))) > 0; ) {
                left -= n;
            }
        } catch (IOException | RuntimeException e) {
            // The answer is the refusal either way.
        }
    }

    private static long declaredLength(String contentLength) {
        try {
            return contentLength == null ? -1 : Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private AppUser caller() {
        return new AppUser(user.name(), user.roles(), user.businessUnit());
    }
}
