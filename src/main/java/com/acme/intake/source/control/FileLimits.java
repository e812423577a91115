package com.acme.intake.source.control;

/**
 * How far an uploaded file may stretch while it is read. Any requester can upload, so each bound is
 * checked as the bytes arrive, before anything is built from them: a file beyond one is refused
 * (400) in the time it takes to read up to the bound, and memory stays proportional to the bounds.
 *
 * @param columns header cells; the same maximum as a request's columns
 * @param fieldChars characters of one CSV field or XLSX cell
 * @param headerChars characters of one header cell (kept with the upload's columns)
 * @param numberChars characters of a text that is still parsed as a number ({@code new BigDecimal}
 *        is quadratic in the digits); longer digit strings are text
 * @param sharedStrings entries of an XLSX shared-strings table
 * @param sharedStringChars characters of all of them together
 * @param xmlRunBytes bytes of XML between two angle brackets (one text node or one tag), checked
 *        before the parser sees them
 * @param stylesBytes bytes of an XLSX styles part (POI builds it as a tree)
 */
record FileLimits(int columns, int fieldChars, int headerChars, int numberChars, int sharedStrings, long sharedStringChars,
        int xmlRunBytes, int stylesBytes) {

    /** The limits of every upload. */
    static final FileLimits DEFAULT = new FileLimits(500, 65_536, 1000, 100, 1_000_000, 8_000_000L, 1 << 20, 4 << 20);
}
