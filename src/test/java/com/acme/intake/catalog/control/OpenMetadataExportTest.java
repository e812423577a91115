package com.acme.intake.catalog.control;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.PiiCategory;

import static com.acme.intake.catalog.control.CatalogFixtures.crmColumns;
import static com.acme.intake.catalog.control.CatalogFixtures.load;
import static com.acme.intake.catalog.control.CatalogFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class OpenMetadataExportTest {

    /** The properties OpenMetadata's createTable.json allows ("additionalProperties": false). */
    private static final Set<String> CREATE_TABLE_PROPERTIES = Set.of("name", "displayName", "description",
            "tableType", "columns", "dataModel", "locationPath", "tableConstraints", "tablePartition",
            "tableProfilerConfig", "owners", "databaseSchema", "tags", "schemaDefinition", "retentionPeriod",
            "extension", "sourceUrl", "domain", "dataProducts", "fileFormat", "lifeCycle", "sourceHash");

    private static final Set<String> OPENMETADATA_TYPES = Set.of("VARCHAR", "BIGINT", "INT", "SMALLINT", "DECIMAL",
            "DOUBLE", "BOOLEAN", "DATE", "TIMESTAMP", "TEXT");

    private final CatalogSnapshot snapshot = CatalogEdits.apply(
            SnapshotBuilder.fromRequest(request(12, crmColumns()), load(1000), null),
            new CatalogEdit(null, "No rows before 2020", null));

    /** Exported, written and parsed back, as a client receives it. */
    private JsonObject exported() {
        String json = OpenMetadataExport.createTableRequest(snapshot, "warehouse.analytics.staging").toString();
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void theTableIsACreateTableRequest() {
        // when
        JsonObject table = exported();

        // then
        assertThat(CREATE_TABLE_PROPERTIES).containsAll(table.keySet());
        assertThat(table.getString("name")).isEqualTo("marketing__crm_customers");
        assertThat(table.getString("displayName")).isEqualTo("ＣＲＭ 顧客マスタ");
        assertThat(table.getString("tableType")).isEqualTo("Regular");
        assertThat(table.getString("databaseSchema")).isEqualTo("warehouse.analytics.staging");
        assertThat(table.getString("retentionPeriod")).isEqualTo("P365D");
        assertThat(table.getString("description")).startsWith(snapshot.description())
                .contains("**Owner:** alice (marketing)",
                        "JDBC crm: public.customers → staging.marketing__crm_customers (request 12)",
                        "**Not loaded (dropped):** notes", "### Known gaps", "No rows before 2020");
        assertThat(table.getJsonArray("tags").getJsonObject(0).getString("tagFQN")).isEqualTo("PII.Sensitive");
    }

    @Test
    void columnsAreTheLoadedOnesWithOpenMetadataTypesAndPiiTags() {
        // when
        var columns = exported().getJsonArray("columns").getValuesAs(JsonObject.class);

        // then
        assertThat(columns).extracting(c -> c.getString("name"))
                .containsExactly("customer_id", "email", "phone", "birth_date", "income", "segment");
        assertThat(columns).extracting(c -> c.getString("dataType")).allSatisfy(t -> assertThat(OPENMETADATA_TYPES)
                .contains(t));
        assertThat(columns).extracting(c -> c.getString("dataType"))
                .containsExactly("VARCHAR", "VARCHAR", "VARCHAR", "DATE", "INT", "VARCHAR");
        assertThat(columns).extracting(c -> c.getJsonArray("tags").getJsonObject(0).getString("tagFQN"))
                .containsExactly("PII.Sensitive", "PII.Sensitive", "PII.Sensitive", "PII.Sensitive",
                        "PII.Sensitive", "PII.None");
        assertThat(columns).extracting(c -> c.getInt("ordinalPosition")).containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void aColumnCarriesItsDescriptionMaskingAndTagLabel() {
        // when
        JsonObject id = exported().getJsonArray("columns").getJsonObject(0);
        JsonObject phone = exported().getJsonArray("columns").getJsonObject(2);

        // then: a pseudonym is 64 hex characters; other VARCHARs are unbounded
        assertThat(id.getString("dataTypeDisplay")).isEqualTo("varchar(64)");
        assertThat(id.getInt("dataLength")).isEqualTo(64);
        assertThat(id.getString("description")).isEqualTo("顧客ID\n\nPII: PERSONAL. Masking: PSEUDONYMIZE.");
        assertThat(phone.getInt("dataLength")).isEqualTo(1);
        assertThat(phone.getString("description")).endsWith("Masking: SHOW_LAST_N (n=4).");
        assertThat(phone.getJsonArray("tags").getJsonObject(0)).isEqualTo(Json.createObjectBuilder()
                .add("tagFQN", "PII.Sensitive").add("source", "Classification").add("labelType", "Manual")
                .add("state", "Confirmed").build());
        assertThat(exported().getJsonArray("columns").getJsonObject(3).containsKey("dataLength")).isFalse();
    }

    @Test
    void typeAndTagMappings() {
        assertThat(List.of(ColumnType.values())).extracting(OpenMetadataExport::dataType)
                .containsExactly("VARCHAR", "TEXT", "SMALLINT", "INT", "BIGINT", "DECIMAL", "DOUBLE", "BOOLEAN",
                        "DATE", "TIMESTAMP");
        assertThat(List.of(PiiCategory.values())).extracting(OpenMetadataExport::piiTag)
                .containsExactly("PII.None", "PII.Sensitive", "PII.Sensitive");
    }
}
