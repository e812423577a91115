package com.acme.intake.request.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import com.acme.intake.request.entity.RequestColumn;

/**
 * The fingerprint of what a final approval approved: the SHA-256 of a canonical form of the
 * request's columns in order, each with its name, type, PII category, masking method and masking
 * parameters. Descriptions and justifications are left out: they change no loaded value. The load
 * compares it with the request as it is then, so columns or masking edited after the approval (in
 * the database, say) are never loaded.
 */
public final class ApprovedColumns {

    private ApprovedColumns() {
    }

    /** The fingerprint, 64 lower-case hex digits. */
    public static String hash(List<RequestColumn> columns) {
        StringBuilder canonical = new StringBuilder("v1");
        for (RequestColumn c : columns) {
            canonical.append('\n');
            field(canonical, c.name());
            field(canonical, c.type() == null ? null : c.type().name());
            field(canonical, c.pii() == null ? null : c.pii().name());
            field(canonical, c.method() == null ? null : c.method().name());
            field(canonical, c.n() == null ? null : c.n().toString());
            field(canonical, c.to());
            field(canonical, c.width() == null ? null : c.width().stripTrailingZeros().toPlainString());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Each field length-prefixed, so no value can pass for a field boundary; null is "-". */
    private static void field(StringBuilder canonical, String value) {
        if (value == null) {
            canonical.append("-;");
        } else {
            canonical.append(value.length()).append(':').append(value).append(';');
        }
    }
}
