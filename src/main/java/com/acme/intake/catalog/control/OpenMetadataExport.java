package com.acme.intake.catalog.control;

import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;

/**
 * A catalog entry as an OpenMetadata {@code CreateTableRequest} (the body of
 * {@code PUT /api/v1/tables}), so the entry can be ingested into OpenMetadata as it is. Only fields
 * of that schema appear (it allows no others); see {@code docs/catalog.md} for the mapping.
 * <p>
 * PII tags follow the column's category in the request, not its masked form: pseudonymised or
 * generalised values are still personal data. OpenMetadata's {@code PII.NonSensitive} means data
 * "easily accessible from public sources", which our {@code PERSONAL} (names, e-mails, phones) is
 * not, so both {@code PERSONAL} and {@code SENSITIVE} map to {@code PII.Sensitive}; the exact
 * category and the masking are stated in the column description.
 */
public final class OpenMetadataExport {

    /** The length OpenMetadata records for a VARCHAR of unbounded length, as its own connectors do. */
    static final int UNBOUNDED_VARCHAR_LENGTH = 1;
    /** A pseudonym is 64 lowercase hex characters. */
    static final int PSEUDONYM_LENGTH = 64;

    private OpenMetadataExport() {
    }

    /**
     * @param databaseSchema fully qualified name of the staging schema in OpenMetadata, e.g.
     *                       {@code warehouse.analytics.staging}
     */
    public static JsonObject createTableRequest(CatalogSnapshot snapshot, String databaseSchema) {
        JsonArrayBuilder columns = Json.createArrayBuilder();
        int position = 1;
        for (CatalogSnapshot.Column column : snapshot.columns()) {
            if (column.loaded()) {
                columns.add(column(column, position++));
            }
        }
        JsonObjectBuilder table = Json.createObjectBuilder()
                .add("name", snapshot.key())
                .add("displayName", snapshot.title())
                .add("description", tableDescription(snapshot))
                .add("tableType", "Regular")
                .add("columns", columns)
                .add("databaseSchema", databaseSchema)
                .add("retentionPeriod", "P" + snapshot.retentionDays() + "D");
        if (snapshot.hasPii()) {
            table.add("tags", Json.createArrayBuilder().add(tag("PII.Sensitive")));
        }
        return table.build();
    }

    /** The OpenMetadata tag for a PII category. */
    public static String piiTag(PiiCategory pii) {
        return pii == PiiCategory.NONE ? "PII.None" : "PII.Sensitive";
    }

    /** The OpenMetadata {@code dataType} for a warehouse column type. */
    public static String dataType(ColumnType type) {
        return switch (type) {
            case INTEGER -> "INT";
            default -> type.name();
        };
    }

    private static JsonObject column(CatalogSnapshot.Column column, int position) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("name", column.name())
                .add("dataType", dataType(column.type()))
                .add("dataTypeDisplay", dataTypeDisplay(column));
        if (column.type() == ColumnType.VARCHAR) {
            json.add("dataLength", column.method() == MaskingMethod.PSEUDONYMIZE
                    ? PSEUDONYM_LENGTH : UNBOUNDED_VARCHAR_LENGTH);
        }
        return json.add("description", columnDescription(column))
                .add("ordinalPosition", position)
                .add("tags", Json.createArrayBuilder().add(tag(piiTag(column.pii()))))
                .build();
    }

    private static String dataTypeDisplay(CatalogSnapshot.Column column) {
        String display = column.type() == ColumnType.DOUBLE ? "double precision" : column.type().name().toLowerCase(Locale.ROOT);
        return column.method() == MaskingMethod.PSEUDONYMIZE ? display + "(" + PSEUDONYM_LENGTH + ")" : display;
    }

    private static JsonObject tag(String fqn) {
        return Json.createObjectBuilder()
                .add("tagFQN", fqn)
                .add("source", "Classification")
                .add("labelType", "Manual")
                .add("state", "Confirmed")
                .build();
    }

    private static String columnDescription(CatalogSnapshot.Column column) {
        String facts = "PII: " + column.pii() + ". Masking: " + column.masking() + ".";
        return column.description() == null ? facts : column.description() + "\n\n" + facts;
    }

    private static String tableDescription(CatalogSnapshot snapshot) {
        var text = new StringBuilder(snapshot.description() == null ? "" : snapshot.description());
        text.append("\n\n---\n\n")
                .append("- **Owner:** ").append(snapshot.owner()).append(" (").append(snapshot.businessUnit()).append(")\n")
                .append("- **Layer:** ").append(snapshot.layer()).append('\n')
                .append("- **Lineage:** ").append(snapshot.lineage().text()).append('\n')
                .append("- **Refresh:** ").append(snapshot.refresh()).append('\n')
                .append("- **Retention:** ").append(snapshot.retentionDays()).append(" days\n");
        if (snapshot.lastLoad() != null) {
            text.append("- **Last load:** ").append(snapshot.lastLoad().loadedAt()).append(", ")
                    .append(snapshot.lastLoad().rowCount()).append(" rows\n");
        }
        String dropped = snapshot.columns().stream().filter(c -> !c.loaded()).map(CatalogSnapshot.Column::name)
                .collect(Collectors.joining(", "));
        if (!dropped.isEmpty()) {
            text.append("- **Not loaded (dropped):** ").append(dropped).append('\n');
        }
        if (!snapshot.knownGaps().isBlank()) {
            text.append("\n### Known gaps\n\n").append(snapshot.knownGaps()).append('\n');
        }
        return text.toString();
    }
}
