package com.acme.intake.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.eclipse.microprofile.config.ConfigProvider;

import com.acme.intake.kernel.ErrorCode;

/**
 * Caps every JSON body before anything parses it: a body over the limit is a 413 and nothing is
 * read further, so a client cannot make the binding (or {@link UnknownFieldsCheck}, which reads the
 * whole body) hold megabytes of JSON per request. Uploads are not JSON and keep their own limit.
 * It runs before the other reader interceptors (lower priority value).
 */
@Provider
@Priority(1000)
public class JsonBodyLimit implements ReaderInterceptor {

    public static final String MAX_BYTES_PROPERTY = "intake.json.max-bytes";
    /** A request of 500 columns with long Japanese justifications stays well below this. */
    public static final long DEFAULT_MAX_BYTES = 4L * 1024 * 1024;

    private final long maxBytes;

    public JsonBodyLimit() {
        this(ConfigProvider.getConfig(JsonBodyLimit.class.getClassLoader())
                .getOptionalValue(MAX_BYTES_PROPERTY, String.class).orElse(null));
    }

    JsonBodyLimit(String configured) {
        this.maxBytes = parse(configured);
    }

    /** Refuses a limit that is not a whole number from 1 KiB to 64 MiB: the node must not start on a typo. */
    static long parse(String configured) {
        if (configured == null || configured.isBlank()) {
            return DEFAULT_MAX_BYTES;
        }
        long value;
        try {
            value = Long.parseLong(configured.strip());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("INTAKE_JSON_MAX_BYTES (" + MAX_BYTES_PROPERTY
                    + ") must be a whole number of bytes, got '" + configured + "'");
        }
        if (value < 1024 || value > 64L * 1024 * 1024) {
            throw new IllegalStateException("INTAKE_JSON_MAX_BYTES (" + MAX_BYTES_PROPERTY
                    + ") must be from 1024 to 67108864 bytes, got " + value);
        }
        return value;
    }

    long maxBytes() {
        return maxBytes;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType media = context.getMediaType();
        if (media == null || !isJson(media.getType(), media.getSubtype())) {
            return context.proceed();
        }
        String declared = context.getHeaders().getFirst(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > maxBytes) {
            throw tooLarge(maxBytes);
        }
        byte[] body = readAtMost(context.getInputStream(), maxBytes);
        if (body == null) {
            throw tooLarge(maxBytes);
        }
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }

    /** {@code application/json} and the {@code application/*+json} types; a wildcard type counts as JSON too. */
    static boolean isJson(String type, String subtype) {
        boolean application = "application".equalsIgnoreCase(type) || "*".equals(type);
        return application && ("json".equalsIgnoreCase(subtype) || "*".equals(subtype)
                || subtype.toLowerCase(java.util.Locale.ROOT).endsWith("+json"));
    }

    /** The body, or null as soon as it passes {@code max}: never more than {@code max + 1} bytes are held. */
    static byte[] readAtMost(InputStream in, long max) throws IOException {
        byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        return body.length > max ? null : body;
    }

    private static long declaredLength(String header) {
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static WebApplicationException tooLarge(long max) {
        return new WebApplicationException(Errors.response(413, ErrorCode.BODY_TOO_LARGE,
                "the JSON body is larger than the limit of " + max + " bytes (INTAKE_JSON_MAX_BYTES)"));
    }
}
