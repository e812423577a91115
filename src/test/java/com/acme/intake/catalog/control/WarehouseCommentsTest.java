package com.acme.intake.catalog.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogSnapshot;

import static com.acme.intake.catalog.control.CatalogFixtures.crmColumns;
import static com.acme.intake.catalog.control.CatalogFixtures.load;
import static com.acme.intake.catalog.control.CatalogFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class WarehouseCommentsTest {

    /** Records what the catalog asks of the warehouse. */
    private static final class Recording implements WarehouseComments {

        record Call(String table, String tableComment, Map<String, String> columnComments) {
        }

        final List<Call> calls = new ArrayList<>();

        @Override
        public void apply(String table, String tableComment, Map<String, String> columnComments) {
            calls.add(new Call(table, tableComment, columnComments));
        }
    }

    @Test
    void theStagingTableGetsTheDescriptionsOfItsLoadedColumns() {
        // given
        var warehouse = new Recording();
        CatalogSnapshot snapshot = CatalogEdits.apply(
                SnapshotBuilder.fromRequest(request(12, crmColumns()), load(10), null),
                new CatalogEdit("Curated", null, List.of(new CatalogEdit.ColumnEdit("email", "Masked e-mail"))));

        // when
        warehouse.follow(snapshot);

        // then: dropped columns are not in the table; a column without description is cleared
        assertThat(warehouse.calls).hasSize(1);
        Recording.Call call = warehouse.calls.get(0);
        assertThat(call.table()).isEqualTo("staging.marketing__crm_customers");
        assertThat(call.tableComment()).isEqualTo("Curated");
        assertThat(call.columnComments()).containsExactly(entry("customer_id", "顧客ID"),
                entry("email", "Masked e-mail"), entry("phone", "Mobile number"), entry("birth_date", ""),
                entry("income", ""), entry("segment", "Marketing segment"));
    }
}
