package com.acme.intake.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.acme.intake.testing.LocalPostgres;

/**
 * Submit → approve → the masked staging table in PostgreSQL, checked from outside: every value is
 * recomputed independently of the application's masking code, analysts may read the table, and a
 * dump of the whole warehouse database contains no raw value of any PII column. Runs in the
 * PostgreSQL profile of {@code .ci/run} (source, warehouse and key come from pom.xml).
 */
@ExtendWith(ArquillianExtension.class)
class WarehousePostgresIT {

    record Customer(long id, String name, String email, String phone, LocalDate birthDate, BigDecimal income,
                    String notes) {
    }

    static final List<Customer> CUSTOMERS = List.of(
            new Customer(1, "山田太郎", "taro.yamada@example.jp", "090-1234-5678", LocalDate.of(1984, 7, 19),
                    new BigDecimal("5123456.78"), "VIP 顧客、電話は夕方のみ"),
            new Customer(2, "Anna Müller", "anna.mueller@example.de", "+49 30 9876 5432", LocalDate.of(1990, 2, 14),
                    new BigDecimal("73999.99"), "prefers e-mail"),
            new Customer(3, "佐藤 花子", "hanako.sato@example.co.jp", "080-2222-3333", LocalDate.of(2001, 12, 31),
                    new BigDecimal("999.00"), null),
            new Customer(4, "Null Person", null, null, null, null, null));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    static String sourceUrl = System.getProperty("it.source.url");
    static String warehouseUrl = System.getProperty("it.warehouse.url");
    static String key = System.getProperty("it.masking.key");

    @BeforeAll
    static void sourceTable() throws SQLException {
        try (Connection c = DriverManager.getConnection(sourceUrl, "postgres", null); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS customers_it");
            s.execute("CREATE TABLE customers_it (customer_id BIGINT PRIMARY KEY, full_name VARCHAR(100), "
                    + "email VARCHAR(200), phone VARCHAR(50), birth_date DATE, income NUMERIC(12,2), notes TEXT)");
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO customers_it VALUES (?,?,?,?,?,?,?)")) {
                for (Customer customer : CUSTOMERS) {
                    insert.setLong(1, customer.id());
                    insert.setString(2, customer.name());
                    insert.setString(3, customer.email());
                    insert.setString(4, customer.phone());
                    insert.setObject(5, customer.birthDate());
                    insert.setBigDecimal(6, customer.income());
                    insert.setString(7, customer.notes());
                    insert.executeUpdate();
                }
            }
        }
    }

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void approved_request_provisions_masked_values_and_no_raw_pii_reaches_the_warehouse() throws Exception {
        long id = submitAndApprove("customers_it", "customers_it");

        JsonObject provisioned = api.awaitStatus("alice", id, "PROVISIONED", Duration.ofSeconds(90));
        assertThat(provisioned.getJsonArray("provisioningRuns").getJsonObject(0).getJsonNumber("rowsWritten")
                .longValue()).isEqualTo(CUSTOMERS.size());

        try (Connection w = DriverManager.getConnection(warehouseUrl, "postgres", null);
             Statement s = w.createStatement();
             ResultSet rs = s.executeQuery("SELECT * FROM staging.marketing__customers_it ORDER BY customer_id")) {
            assertThat(columns(rs)).containsExactly("customer_id", "full_name", "email", "phone", "birth_date",
                    "income");
            int i = 0;
            while (rs.next()) {
                Customer raw = CUSTOMERS.get(i++);
                assertThat(rs.getLong("customer_id")).isEqualTo(raw.id());
                assertThat(rs.getString("full_name")).isEqualTo(hmac(raw.name()));
                assertThat(rs.getString("email")).isEqualTo(raw.email() == null ? null
                        : "XXXXX" + raw.email().substring(raw.email().indexOf('@')));
                assertThat(rs.getString("phone")).isEqualTo(showLast4(raw.phone()));
                assertThat(rs.getObject("birth_date", LocalDate.class)).isEqualTo(raw.birthDate() == null ? null
                        : LocalDate.of(raw.birthDate().getYear(), 1, 1));
                BigDecimal income = rs.getBigDecimal("income");
                if (raw.income() == null) {
                    assertThat(income).isNull();
                } else {
                    assertThat(income).isEqualByComparingTo(raw.income().divideToIntegralValue(BigDecimal.valueOf(1000))
                            .multiply(BigDecimal.valueOf(1000)));
                }
            }
            assertThat(i).isEqualTo(CUSTOMERS.size());
            try (ResultSet grant = s.executeQuery("SELECT has_table_privilege('analyst', "
                    + "'staging.marketing__customers_it', 'SELECT'), has_table_privilege('analyst', "
                    + "'staging.marketing__customers_it', 'INSERT')")) {
                grant.next();
                assertThat(grant.getBoolean(1)).isTrue();
                assertThat(grant.getBoolean(2)).isFalse();
            }
        }

        // the catalog's descriptions become the warehouse comments, and follow an edit
        var edited = api.put("alice", "api/catalog/marketing__customers_it",
                "{\"description\": \"顧客マスタ: one row per customer\", "
                        + "\"columns\": [{\"name\": \"email\", \"description\": \"masked address; domain kept\"}]}");
        assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
        try (Connection w = DriverManager.getConnection(warehouseUrl, "postgres", null);
             Statement s = w.createStatement();
             ResultSet rs = s.executeQuery("SELECT obj_description('staging.marketing__customers_it'::regclass), "
                     + "col_description('staging.marketing__customers_it'::regclass, 3)")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("顧客マスタ: one row per customer");
            assertThat(rs.getString(2)).isEqualTo("masked address; domain kept");
        }

        String dump = dumpWarehouse();
        assertThat(dump).contains("marketing__customers_it", hmac("山田太郎"));
        for (Customer raw : CUSTOMERS) {
            for (String value : new String[] {raw.name(), raw.email(), raw.phone(), raw.notes(),
                    raw.birthDate() == null ? null : raw.birthDate().toString()}) {
                if (value != null) {
                    assertThat(dump).as("raw PII in the warehouse dump").doesNotContain(value);
                }
            }
        }
    }

    @Test
    void approving_the_same_dataset_again_replaces_the_table_without_duplicates() throws Exception {
        long first = submitAndApprove("customers_rerun", "customers_it");
        awaitStatus(first, "PROVISIONED");
        long second = submitAndApprove("customers_rerun", "customers_it");
        awaitStatus(second, "PROVISIONED");

        try (Connection w = DriverManager.getConnection(warehouseUrl, "postgres", null);
             Statement s = w.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT customer_id) FROM "
                     + "staging.marketing__customers_rerun")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(CUSTOMERS.size());
            assertThat(rs.getLong(2)).isEqualTo(CUSTOMERS.size());
        }
        assertThat(workTables()).isEmpty();
    }

    @Test
    void a_missing_source_column_ends_with_a_task_for_the_platform_team_and_nothing_in_the_warehouse()
            throws Exception {
        String body = RequestBodies.withPii("customers_broken")
                .replace("\"table\": \"public.customers\"", "\"table\": \"customers_it\"")
                .replace("\"name\": \"birth_date\"", "\"name\": \"date_of_birth\"");
        long id = api.submit("alice", body);
        api.approveBoth(id, "priya", "paul");

        awaitStatus(id, "PROVISIONING_FAILED");
        JsonObject task = api.get("paul", "api/tasks?requestId=" + id).array().stream().map(JsonValue::asJsonObject)
                .filter(t -> t.getString("key").equals("resolveProvisioningFailure")
                        && t.getJsonNumber("requestId").longValue() == id)
                .findFirst().orElseThrow();
        assertThat(task.getString("problem")).contains("date_of_birth");
        JsonObject request = api.get("alice", "api/requests/" + id).object();
        assertThat(request.getJsonArray("provisioningRuns")).hasSizeGreaterThanOrEqualTo(3)
                .allMatch(r -> r.asJsonObject().getString("outcome").equals("FAILED"));
        try (Connection w = DriverManager.getConnection(warehouseUrl, "postgres", null);
             Statement s = w.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = "
                     + "'staging' AND table_name LIKE 'marketing__customers_broken%'")) {
            rs.next();
            assertThat(rs.getLong(1)).isZero();
        }

        var aborted = api.post("paul", "api/tasks/" + task.getString("id") + "/decision",
                "{\"outcome\": \"ABORT\", \"comment\": \"column renamed at the source; resubmit\"}");
        assertThat(aborted.status()).as(aborted.toString()).isEqualTo(200);
        assertThat(api.get("alice", "api/requests/" + id).object().getString("status")).isEqualTo("PROVISIONING_ABORTED");
    }

    private long submitAndApprove(String dataset, String table) {
        String body = """
                {"title": "Customers", "businessUnit": "marketing", "dataset": "%s",
                 "owner": "alice", "purpose": "segmentation", "layer": "ENTITY",
                 "source": {"kind": "JDBC", "connection": "demo", "table": "%s"},
                 "refresh": "DAILY", "retentionDays": 365,
                 "columns": [
                   {"name": "customer_id", "type": "BIGINT", "pii": "NONE", "masking": {"method": "KEEP"}},
                   {"name": "full_name", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "PSEUDONYMIZE"}},
                   {"name": "email", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "EMAIL"}},
                   {"name": "phone", "type": "VARCHAR", "pii": "PERSONAL", "masking": {"method": "SHOW_LAST_N", "n": 4}},
                   {"name": "birth_date", "type": "DATE", "pii": "PERSONAL",
                    "masking": {"method": "GENERALIZE_DATE", "to": "YEAR"}},
                   {"name": "income", "type": "DECIMAL", "pii": "SENSITIVE",
                    "masking": {"method": "GENERALIZE_NUMBER", "width": 1000}},
                   {"name": "notes", "type": "TEXT", "pii": "SENSITIVE", "masking": {"method": "DROP"}}]}
                """.formatted(dataset, table);
        long id = api.submit("alice", body);
        api.approveBoth(id, "priya", "paul");
        return id;
    }

    private void awaitStatus(long id, String status) {
        api.awaitStatus("alice", id, status, Duration.ofSeconds(120));
    }

    private static List<String> columns(ResultSet rs) throws SQLException {
        List<String> names = new ArrayList<>();
        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
            names.add(rs.getMetaData().getColumnName(i));
        }
        return names;
    }

    private static List<String> workTables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection w = DriverManager.getConnection(warehouseUrl, "postgres", null);
             Statement s = w.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables "
                     + "WHERE table_schema = 'staging' AND table_name LIKE '%\\_\\_w\\_%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    /** HMAC-SHA-256 of the value's UTF-8 bytes under the key's UTF-8 bytes, lowercase hex (DESIGN §6). */
    private static String hmac(String value) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
    }

    /** All but the last four characters: Latin capitals to X, other letters to x, digits to 0. */
    private static String showLast4(String value) {
        if (value == null) {
            return null;
        }
        int[] cps = value.codePoints().toArray();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cps.length; i++) {
            int cp = cps[i];
            if (i >= cps.length - 4) {
                sb.appendCodePoint(cp);
            } else if (Character.isDigit(cp)) {
                sb.append('0');
            } else if (Character.isLetter(cp)) {
                sb.append(Character.isUpperCase(cp) ? 'X' : 'x');
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    private static String dumpWarehouse() throws Exception {
        Process dump = new ProcessBuilder("pg_dump", "-U", LocalPostgres.USER, "--no-owner",
                "--dbname=" + LocalPostgres.libpq(warehouseUrl))
                .redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        dump.getInputStream().transferTo(out);
        assertThat(dump.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(out.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }
}
