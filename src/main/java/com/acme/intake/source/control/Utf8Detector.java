package com.acme.intake.source.control;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decides a CSV file's character set while its bytes stream past: valid UTF-8 throughout means
 * UTF-8, anything else is taken as Shift_JIS in Microsoft's variant {@code windows-31j} (what Excel
 * on Japanese Windows writes, a superset of Shift_JIS with NEC and IBM extensions). Shift_JIS
 * text with kanji is practically never valid UTF-8, so the check is a safe discriminator.
 */
final class Utf8Detector {

    static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private int pending;
    private boolean valid = true;

    void update(byte[] bytes, int offset, int length) {
        for (int i = offset; i < offset + length && valid; i++) {
            int b = bytes[i] & 0xFF;
            if (pending > 0) {
                if ((b & 0xC0) != 0x80) {
                    valid = false;
                }
                pending--;
            } else if (b < 0x80) {
                pending = 0;
            } else if (b >= 0xC2 && b <= 0xDF) {
                pending = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                pending = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                pending = 3;
            } else {
                valid = false;
            }
        }
    }

    Charset charset() {
        return valid && pending == 0 ? StandardCharsets.UTF_8 : SHIFT_JIS;
    }

    static Charset detect(byte[] bytes) {
        Utf8Detector detector = new Utf8Detector();
        detector.update(bytes, 0, bytes.length);
        return detector.charset();
    }
}
