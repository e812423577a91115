package com.acme.intake.it;

/** Request bodies as the intake form sends them (DESIGN §10). */
public final class RequestBodies {

    private RequestBodies() {
    }

    /** A marketing request with PII columns (routed to the privacy review). */
    public static String withPii(String dataset) {
        return withPii("marketing", dataset, "customers");
    }

    /** A request of this business unit with PII columns, read from this demo source table. */
    public static String withPii(String businessUnit, String dataset, String table) {
        return """
                {"title": "CRM customers", "businessUnit": "%1$s", "dataset": "%2$s",
                 "owner": "alice", "purpose": "churn analysis", "layer": "ENTITY",
                 "source": {"kind": "JDBC", "connection": "demo", "table": "public.%3$s"},
                 "refresh": "DAILY", "retentionDays": 365,
                 "columns": [
                   {"name": "customer_id", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
                   {"name": "email", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "EMAIL"}},
                   {"name": "birth_date", "type": "DATE", "pii": "PERSONAL",
                    "masking": {"method": "GENERALIZE_DATE", "to": "YEAR"}}]}
                """.formatted(businessUnit, dataset, table);
    }

    /** A marketing request without PII (the privacy review is skipped). */
    public static String withoutPii(String dataset) {
        return """
                {"title": "Campaign calendar", "businessUnit": "marketing", "dataset": "%s",
                 "owner": "alice", "purpose": "campaign planning", "layer": "EVENT_LOG",
                 "source": {"kind": "JDBC", "connection": "demo", "table": "campaigns"},
                 "refresh": "WEEKLY", "retentionDays": 730,
                 "columns": [
                   {"name": "campaign_id", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
                   {"name": "starts_on", "type": "DATE", "pii": "NONE", "masking": {"method": "KEEP"}}]}
                """.formatted(dataset);
    }
}
