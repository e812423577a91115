package com.acme.intake.masking.control;

import com.acme.intake.masking.entity.PseudonymKey;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

/**
 * PSEUDONYMIZE: lowercase hex of HMAC-SHA-256 over the UTF-8 bytes of the value's text. An integer's
 * text is its decimal form ({@code -42}), so {@code 42} and {@code "42"} get the same pseudonym and
 * columns still join across types.
 * <p>
 * Holds one initialised {@link Mac} and its output buffers for the masker's lifetime: creating and
 * keying a {@code Mac} per value would dominate the cost of a million-row load. Not thread-safe.
 */
final class Pseudonymizer {

    private static final String ALGORITHM = "HmacSHA256";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final Mac mac;
    private final byte[] digest;
    private final byte[] hex;
    /** Long.MIN_VALUE has 19 digits and a sign. */
    private final byte[] decimal = new byte[20];

    Pseudonymizer(PseudonymKey key) {
        try {
            mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key.secret(), ALGORITHM));
        } catch (GeneralSecurityException e) {
            // every Java SE runtime must provide HmacSHA256; reaching this means a broken JRE
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
        digest = new byte[mac.getMacLength()];
        hex = new byte[2 * digest.length];
    }

    String pseudonymize(String text) {
        mac.update(text.getBytes(StandardCharsets.UTF_8));
        return finish();
    }

    /** Same result as {@code pseudonymize(Long.toString(value))}, without building the string. */
    String pseudonymize(long value) {
        int position = decimal.length;
        // digits are taken from the negative value, whose range includes Long.MIN_VALUE
        long rest = value < 0 ? value : -value;
        do {
            decimal[--position] = (byte) ('0' - rest % 10);
            rest /= 10;
        } while (rest != 0);
        if (value < 0) {
            decimal[--position] = '-';
        }
        mac.update(decimal, position, decimal.length - position);
        return finish();
    }

    String pseudonymize(BigInteger value) {
        return pseudonymize(value.toString());
    }

    private String finish() {
        try {
            mac.doFinal(digest, 0);
        } catch (ShortBufferException e) {
            throw new IllegalStateException("digest buffer too short", e);
        }
        for (int i = 0; i < digest.length; i++) {
            hex[2 * i] = HEX[(digest[i] >> 4) & 0x0f];
            hex[2 * i + 1] = HEX[digest[i] & 0x0f];
        }
        // ISO-8859-1 copies the ASCII bytes one to one into a compact string
        return new String(hex, StandardCharsets.ISO_8859_1);
    }
}
