package com.acme.intake.masking.control;

/**
 * The text methods REDACT, SHOW_FIRST_N, SHOW_LAST_N and EMAIL. Works on Unicode code points, so a
 * surrogate pair (an emoji, a rare kanji) is kept or replaced whole and never split. Reuses one
 * buffer, hence not thread-safe.
 */
final class TextMasker {

    /** What replaces the local part of an e-mail address. */
    static final String EMAIL_LOCAL_PART = "XXXXX";

    private final StringBuilder out = new StringBuilder(64);

    /** The whole value redacted. */
    String redact(String value) {
        return redactRange(value, 0, value.length());
    }

    /** All but the first {@code n} code points redacted; unchanged with {@code n} or fewer. */
    String showFirst(String value, int n) {
        int length = value.length();
        // a code point is one or two chars, so only values of n+1 to 2n chars need counting
        if (length <= n || (length <= 2 * n && value.codePointCount(0, length) <= n)) {
            return value;
        }
        return redactRange(value, value.offsetByCodePoints(0, n), length);
    }

    /** All but the last {@code n} code points redacted; unchanged with {@code n} or fewer. */
    String showLast(String value, int n) {
        int length = value.length();
        if (length <= n || (length <= 2 * n && value.codePointCount(0, length) <= n)) {
            return value;
        }
        return redactRange(value, 0, value.offsetByCodePoints(length, -n));
    }

    /** {@code XXXXX@domain} for an e-mail address, otherwise the whole value redacted. */
    String email(String value) {
        int at = emailAt(value);
        if (at < 0) {
            return redact(value);
        }
        out.setLength(0);
        return out.append(EMAIL_LOCAL_PART).append(value, at, value.length()).toString();
    }

    /**
     * The index of the {@code @} when {@code value} is an e-mail address by this deliberately simple
     * check, otherwise -1: exactly one {@code @}; a non-empty local part; a domain of at least two
     * non-empty dot-separated labels; no whitespace, space separator or control character anywhere.
     * Letters of any script are allowed (internationalised addresses).
     */
    static int emailAt(String value) {
        int at = value.indexOf('@');
        int length = value.length();
        if (at <= 0 || value.indexOf('@', at + 1) >= 0) {
            return -1;
        }
        int domainStart = at + 1;
        if (domainStart >= length || value.charAt(domainStart) == '.' || value.charAt(length - 1) == '.'
                || value.indexOf('.', domainStart) < 0 || value.indexOf("..", domainStart) >= 0) {
            return -1;
        }
        for (int i = 0; i < length; ) {
            int cp = value.codePointAt(i);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp) || Character.isISOControl(cp)) {
                return -1;
            }
            i += Character.charCount(cp);
        }
        return at;
    }

    /**
     * What REDACT turns one code point into: a Latin capital letter into {@code X}, any other letter
     * into {@code x}, a decimal digit into {@code 0}, anything else into itself.
     * <ul>
     *   <li>Latin capital: {@link Character#isLetter}, {@link Character#isUpperCase} and
     *       {@link Character.UnicodeScript#LATIN}, so {@code É} and the full-width {@code Ａ} are
     *       capitals, while Greek, Cyrillic and title-case letters ({@code ǅ}) give {@code x};</li>
     *   <li>letter: {@link Character#isLetter} — Latin lower case, kana, kanji, Hangul, Cyrillic…;</li>
     *   <li>digit: {@link Character#isDigit} (general category Nd), full-width {@code ０–９} too;
     *       other numerals (Roman {@code Ⅻ}, circled {@code ①}, superscript {@code ²}) are not
     *       digits and are kept;</li>
     *   <li>kept: spaces, punctuation, symbols, emoji, combining marks (e.g. U+0301) and lone
     *       surrogates.</li>
     * </ul>
     */
    static int redact(int cp) {
        if (cp < 0x80) {
            if (cp >= 'A' && cp <= 'Z') {
                return 'X';
            }
            if (cp >= 'a' && cp <= 'z') {
                return 'x';
            }
            return cp >= '0' && cp <= '9' ? '0' : cp;
        }
        if (Character.isLetter(cp)) {
            return Character.isUpperCase(cp) && Character.UnicodeScript.of(cp) == Character.UnicodeScript.LATIN
                    ? 'X' : 'x';
        }
        return Character.isDigit(cp) ? '0' : cp;
    }

    private String redactRange(String value, int from, int to) {
        out.setLength(0);
        out.append(value, 0, from);
        for (int i = from; i < to; ) {
            int cp = value.codePointAt(i);
            out.appendCodePoint(redact(cp));
            i += Character.charCount(cp);
        }
        return out.append(value, to, value.length()).toString();
    }
}
