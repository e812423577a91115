package com.acme.intake.masking.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * The secret that {@code PSEUDONYMIZE} keys its HMAC with, and the id recorded on each provisioning
 * run so a pseudonym can later be traced to the key that made it (and a rotated key recognised).
 * <p>
 * The secret is copied in and out, so nobody can change it behind the masker's back, and it never
 * appears in {@link #toString()}, {@link #hashCode()} or any exception message. HMAC-SHA-256 accepts
 * keys of any non-zero length; 32 random bytes or more are recommended.
 *
 * @param id     a non-blank key id, e.g. {@code "2025-01"}; not secret
 * @param secret the key bytes, not empty
 */
public record PseudonymKey(String id, byte[] secret) {

    public PseudonymKey {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a pseudonym key needs a non-blank id");
        }
        Objects.requireNonNull(secret, "secret");
        if (secret.length == 0) {
            throw new IllegalArgumentException("pseudonym key '" + id + "' has an empty secret");
        }
        secret = secret.clone();
    }

    /** A key whose secret is the UTF-8 encoding of {@code secret}, as DESIGN §6 defines it for configuration. */
    public static PseudonymKey ofUtf8(String id, String secret) {
        Objects.requireNonNull(secret, "secret");
        return new PseudonymKey(id, secret.getBytes(StandardCharsets.UTF_8));
    }

    /** A copy of the secret. */
    @Override
    public byte[] secret() {
        return secret.clone();
    }

    /** Same id and same secret; the secrets are compared in constant time. */
    @Override
    public boolean equals(Object o) {
        return o instanceof PseudonymKey other
                && id.equals(other.id)
                && MessageDigest.isEqual(secret, other.secret);
    }

    /** Derived from the id alone, so the secret leaks through no hash table. */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "PseudonymKey[id=" + id + ", secret=(hidden)]";
    }
}
