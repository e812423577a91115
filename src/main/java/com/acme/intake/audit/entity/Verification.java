package com.acme.intake.audit.entity;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The outcome of checking the hash chain.
 *
 * @param events      how many events were checked before the first break (all of them when ok)
 * @param firstBroken the sequence number of the first event that is missing, altered or out of place
 * @param reason      in words, without event content
 */
public record Verification(boolean ok, long events, Long firstBroken, String reason) {

    public static Verification intact(long events) {
        return new Verification(true, events, null, null);
    }

    public static Verification broken(long events, long firstBroken, String reason) {
        return new Verification(false, events, firstBroken, reason);
    }

    /** The JSON answer of {@code GET /api/audit/verify}. */
    public Map<String, Object> asJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", ok);
        if (ok) {
            json.put("events", events);
        } else {
            json.put("firstBroken", firstBroken);
            json.put("reason", reason);
        }
        return json;
    }

    /** One line for the workbook's Export sheet. */
    public String describe() {
        return ok ? "intact: " + events + " events chained"
                : "BROKEN at event " + firstBroken + ": " + reason;
    }
}
