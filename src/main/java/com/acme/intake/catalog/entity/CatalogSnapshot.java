package com.acme.intake.catalog.entity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.SourceKind;

/**
 * Everything a catalog entry says at one revision. Stored whole as JSON with each revision, so a
 * revision reads back exactly as it was, whatever later revisions or request edits change.
 *
 * @param key           {@code <business_unit>__<dataset>}
 * @param description   markdown; generated from the request's title and purpose, editable
 * @param purpose       the request's purpose, kept to tell a generated description from an edited one
 * @param owner         user name of the dataset's owner (the request's {@code owner})
 * @param lastLoad      the latest load provisioning reported
 * @param knownGaps     markdown notes on missing or unreliable data; editable, empty at first
 * @param columns       in the request's order, dropped columns included (as not loaded)
 */
public record CatalogSnapshot(String key, String title, String description, String purpose, String owner,
                              String businessUnit, Layer layer, Lineage lineage, Refresh refresh, int retentionDays,
                              LastLoad lastLoad, String knownGaps, List<Column> columns) {

    public CatalogSnapshot {
        columns = columns == null ? List.of() : List.copyOf(columns);
        knownGaps = knownGaps == null ? "" : knownGaps;
    }

    /**
     * Where the data comes from and where it went.
     *
     * @param connection the registered JDBC connection name (JDBC sources)
     * @param sourceTable the source table (JDBC sources)
     * @param fileName   the uploaded file's name (FILE sources)
     * @param target     the staging table, {@code staging.<key>}
     * @param requestId  the approved request that produced the target
     */
    public record Lineage(SourceKind sourceKind, String connection, String sourceTable, String fileName, String target,
                          Long requestId) {

        /** E.g. {@code JDBC crm: public.customers → staging.marketing__crm (request 12)}. */
        public String text() {
            String source = sourceKind == SourceKind.FILE
                    ? "FILE " + fileName
                    : sourceKind + " " + connection + ": " + sourceTable;
            return source + " → " + target + " (request " + requestId + ")";
        }
    }

    /** The latest load: rows in the table, when, rows read from the source, and the key id used. */
    public record LastLoad(long rowCount, Instant loadedAt, long rowsRead, String keyId) {
    }

    /**
     * One column of the dataset.
     *
     * @param sourceType the type the request declared
     * @param type       the type in the warehouse (VARCHAR for PSEUDONYMIZE); null when not loaded
     * @param masking    the masking applied, human readable, e.g. {@code SHOW_LAST_N (n=4)}
     * @param loaded     false for DROP: the column is listed but not in the warehouse
     */
    public record Column(String name, ColumnType sourceType, ColumnType type, String description, PiiCategory pii,
                         MaskingMethod method, String masking, boolean loaded) {

        public Column withDescription(String description) {
            return new Column(name, sourceType, type, description, pii, method, masking, loaded);
        }
    }

    /** Whether a column with personal data reaches the warehouse (dropped columns do not count). */
    public boolean hasPii() {
        return columns.stream().anyMatch(c -> c.loaded() && c.pii() != null && c.pii().isPii());
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** This snapshot with new descriptions and gap notes (an edit); everything else unchanged. */
    public CatalogSnapshot withTexts(String description, String knownGaps, List<Column> columns) {
        return new CatalogSnapshot(key, title, description, purpose, owner, businessUnit, layer, lineage, refresh,
                retentionDays, lastLoad, knownGaps, columns);
    }
}
