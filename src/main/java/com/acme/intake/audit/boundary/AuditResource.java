package com.acme.intake.audit.boundary;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import com.acme.intake.audit.control.AuditExport;
import com.acme.intake.audit.control.AuditReader;
import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.control.AuditWorkbook;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.AuditFilter;
import com.acme.intake.database.boundary.SchemaMigration;
import com.acme.intake.security.CurrentUser;
import com.acme.intake.security.Role;
import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.Refusal;

/**
 * {@code /api/audit}: the trail for auditors and admins, paged or as an Excel workbook, and the
 * verification of its hash chain. Reads go straight to JDBC, outside any transaction, page by page.
 */
@Path("audit")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.AUDITOR, Role.ADMIN})
public class AuditResource {

    static final int MAX_PAGE_SIZE = 500;
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd-HHmmss").withZone(ZoneOffset.UTC);

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    AuditTrail trail;

    @Inject
    CurrentUser user;

    @GET
    public Map<String, Object> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("requestId") String requestId, @QueryParam("actor") String actor,
                                    @QueryParam("businessUnit") String businessUnit,
                                    @QueryParam("action") String action,
                                    @QueryParam("page") @DefaultValue("0") String page,
                                    @QueryParam("size") @DefaultValue("50") String size) {
        AuditFilter filter = filter(from, to, requestId, actor, businessUnit, action);
        int pageNumber = Refusal.wholeNumber("page", page, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
        int pageSize = Refusal.wholeNumber("size", size, 1, MAX_PAGE_SIZE);
        List<AuditEntry> rows = read(c -> new AuditReader(c).page(filter, pageNumber, pageSize + 1));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("page", pageNumber);
        answer.put("size", pageSize);
        answer.put("hasMore", rows.size() > pageSize);
        answer.put("events", rows.stream().limit(pageSize).map(AuditResource::json).toList());
        return answer;
    }

    @GET
    @Path("verify")
    public Map<String, Object> verify() {
        return read(c -> new AuditReader(c).verify()).asJson();
    }

    @GET
    @Path("export.xlsx")
    @Produces(AuditWorkbook.CONTENT_TYPE)
    public Response export(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("requestId") String requestId, @QueryParam("actor") String actor,
                           @QueryParam("businessUnit") String businessUnit, @QueryParam("action") String action,
                           @QueryParam("lang") String lang, @Context HttpHeaders headers) {
        AuditFilter filter = filter(from, to, requestId, actor, businessUnit, action);
        String language = language(lang, headers.getAcceptableLanguages());
        String exporter = user.name();
        Instant now = Instant.now();
        // Recorded before the workbook is read, in its own transaction: an export that fails half-way was still asked for.
        trail.recordInNewTransaction(exporter, AuditAction.AUDIT_EXPORTED, filter.requestId(), null,
                filter.businessUnit(), "xlsx export; filters: " + describe(filter));
        StreamingOutput body = out -> {
            try (Connection c = dataSource.getConnection()) {
                AuditExport.write(c, filter, exporter, now, language, out);
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot read the audit trail", e);
            }
        };
        return Response.ok(body, AuditWorkbook.CONTENT_TYPE)
                .header("Content-Disposition", "attachment; filename=\"audit-" + FILE_TIME.format(now) + ".xlsx\"")
                .build();
    }

    /**
     * The workbook's language: {@code lang} when given (the audit page passes the language it shows,
     * since a download link cannot set headers), else the first of the browser's Accept-Language
     * that the workbook speaks, else English.
     */
    static String language(String lang, List<Locale> acceptable) {
        if (lang != null) {
            if (!AuditWorkbook.LANGUAGES.contains(lang)) {
                throw Refusal.invalid(ErrorCode.INVALID_PARAMETER, "lang must be one of " + AuditWorkbook.LANGUAGES);
            }
            return lang;
        }
        return acceptable.stream().map(Locale::getLanguage).filter(AuditWorkbook.LANGUAGES::contains)
                .findFirst().orElse("en");
    }

    private static AuditFilter filter(String from, String to, String requestId, String actor, String businessUnit,
                                      String action) {
        try {
            return AuditFilter.parse(from, to, requestId, actor, businessUnit, action);
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(ErrorCode.INVALID_PARAMETER, e.getMessage());
        }
    }

    private static String describe(AuditFilter filter) {
        Map<String, String> parts = filter.describe();
        return parts.isEmpty() ? "none" : parts.entrySet().stream()
                .map(p -> p.getKey() + "=" + p.getValue()).collect(Collectors.joining(", "));
    }

    private static Map<String, Object> json(AuditEntry e) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("seq", e.seq());
        json.put("at", e.occurredAt().toString());
        json.put("actor", e.actor());
        json.put("action", e.action());
        json.put("requestId", e.requestId());
        json.put("taskId", e.taskId());
        json.put("businessUnit", e.businessUnit());
        json.put("details", e.details());
        json.put("hash", e.hash());
        return json;
    }

    private <T> T read(Function<Connection, T> read) {
        try (Connection c = dataSource.getConnection()) {
            return read.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the audit trail", e);
        }
    }
}
