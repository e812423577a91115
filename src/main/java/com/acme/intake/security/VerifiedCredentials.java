package com.acme.intake.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Remembers, for a short time, that a user name and password were verified, so that HTTP Basic
 * (credentials on every call) does not pay for a PBKDF2 verification on every request.
 *
 * <p>Safe by construction: the password is never kept; only an HMAC-SHA-256 of name and password
 * under a random key that lives in this JVM only, compared in constant time. Only successful
 * verifications are remembered, a failed one forgets the user, and an entry expires after the
 * time to live: a changed password, a disabled user or a changed role takes effect within it.
 * A zero time to live disables the cache.
 */
final class VerifiedCredentials {

    /** At most this many users are remembered; beyond it the cache starts over. */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(byte[] digest, AppUser user, long expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final long ttlNanos;
    private final LongSupplier nanoClock;
    private final SecretKeySpec key;

    VerifiedCredentials(Duration ttl, LongSupplier nanoClock) {
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = nanoClock;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The user, if this name and password were verified within the time to live. */
    Optional<AppUser> find(String name, char[] password) {
        if (ttlNanos <= 0) {
            return Optional.empty();
        }
        Entry entry = entries.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        if (nanoClock.getAsLong() - entry.expiresAt() >= 0) {
            entries.remove(name, entry);
            return Optional.empty();
        }
        return MessageDigest.isEqual(entry.digest(), digest(name, password)) ? Optional.of(entry.user()) : Optional.empty();
    }

    void remember(String name, char[] password, AppUser user) {
        if (ttlNanos <= 0) {
            return;
        }
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(name, new Entry(digest(name, password), user, nanoClock.getAsLong() + ttlNanos));
    }

    void forget(String name) {
        entries.remove(name);
    }

    private byte[] digest(String name, char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            // every Java SE runtime provides HmacSHA256
            throw new IllegalStateException(e);
        }
    }
}
