package com.acme.intake.source.control;

import static com.acme.intake.source.control.CsvFilesTest.col;
import static com.acme.intake.source.control.CsvFilesTest.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.TableColumn;
import com.acme.intake.source.entity.TableName;

class JdbcRowSourceTest {

    private static final String USER = "crm_reader";
    private static final String PASSWORD = "pw-Very-Secret-42";

    private String url;
    private RegisteredSource crm;
    private Connection keepAlive;

    @BeforeEach
    void createSource() throws SQLException {
        url = "jdbc:h2:mem:src-" + UUID.randomUUID();
        keepAlive = new org.h2.Driver().connect(url + ";USER=" + USER + ";PASSWORD=" + PASSWORD, new java.util.Properties());
        try (Statement sql = keepAlive.createStatement()) {
            sql.execute("CREATE SCHEMA sales");
            sql.execute("CREATE TABLE sales.customers (customer_id BIGINT NOT NULL PRIMARY KEY, full_name VARCHAR(100),"
                    + " birth_date DATE, income DECIMAL(12, 2), score INTEGER, rating DOUBLE PRECISION, active BOOLEAN,"
                    + " signed_up_at TIMESTAMP, code NUMERIC(10, 0), doc JSON, photo VARBINARY(100), note VARCHAR(20))");
            sql.execute("INSERT INTO sales.customers VALUES (1, '山田太郎', DATE '1980-04-01', 5250000.50, 7, 4.5, TRUE,"
                    + " TIMESTAMP '2024-03-01 09:30:15', 42, JSON '{\"a\":1}', X'00', '2024-01-01')");
            sql.execute("INSERT INTO sales.customers VALUES (2, 'Emma Smith', NULL, NULL, 70000, NULL, FALSE,"
                    + " NULL, NULL, NULL, NULL, 'SECRET-VALUE')");
            sql.execute("CREATE TABLE plain_table (id INTEGER)");
        }
        crm = new RegisteredSource("crm", url, USER, PASSWORD, false);
    }

    @AfterEach
    void dropSource() throws SQLException {
        keepAlive.close();
    }

    @Test
    void columnsComeFromTheMetadataWithOurTypesAndUnknownOnesMarked() {
        List<TableColumn> columns = source("sales.customers").describe();

        assertThat(columns).extracting(TableColumn::name).containsExactly("CUSTOMER_ID", "FULL_NAME", "BIRTH_DATE", "INCOME",
                "SCORE", "RATING", "ACTIVE", "SIGNED_UP_AT", "CODE", "DOC", "PHOTO", "NOTE");
        assertThat(columns).extracting(TableColumn::type).containsExactly(ColumnType.BIGINT, ColumnType.VARCHAR,
                ColumnType.DATE, ColumnType.DECIMAL, ColumnType.INTEGER, ColumnType.DOUBLE, ColumnType.BOOLEAN,
                ColumnType.TIMESTAMP, ColumnType.BIGINT, null, null, ColumnType.VARCHAR);
        assertThat(columns.get(0).nullable()).isFalse();
        assertThat(columns.get(1).nullable()).isTrue();
        assertThat(columns.get(9).sourceType()).isEqualTo("JSON");
        assertThat(source("sales.customers").columns()).hasSize(12);
    }

    @Test
    void aSchemaThatIsNotOpenAnswersLikeAMissingTableWithoutReadingIt() {
        SchemaAllowance publicOnly = SchemaAllowance.parse("crm", null, w -> { });
        var forMarketing = (java.util.function.Predicate<String>) schema -> publicOnly.allows(false, "marketing", schema);

        assertThat(new JdbcRowSource(crm, TableName.parse("plain_table"), forMarketing).describe())
                .extracting(TableColumn::name).containsExactly("ID");
        for (String table : List.of("sales.customers", "INFORMATION_SCHEMA.TABLES", "information_schema.columns")) {
            SourceProblem problem = assertThrows(SourceProblem.class,
                    () -> new JdbcRowSource(crm, TableName.parse(table), forMarketing).describe(), table);
            assertThat(problem.kind()).isEqualTo(SourceProblem.Kind.MISSING_TABLE);
            assertThat(problem.getMessage()).contains("is not open to you");
        }
    }

    @Test
    void anUnqualifiedTableIsCheckedInTheSchemaItResolvesTo() {
        SchemaAllowance publicOnly = SchemaAllowance.parse("crm", null, w -> { });
        RegisteredSource inSales = new RegisteredSource("crm", url + ";SCHEMA=SALES", USER, PASSWORD, false);

        SourceProblem problem = assertThrows(SourceProblem.class, () -> new JdbcRowSource(inSales,
                TableName.parse("customers"), schema -> publicOnly.allows(false, "marketing", schema)).describe());
        assertThat(problem.getMessage()).contains("schema SALES is not open to you");
    }

    @Test
    void rowsStreamConvertedToTheWantedTypesMatchingNamesIgnoringCase() {
        List<SourceColumn> wanted = List.of(col("customer_id", ColumnType.BIGINT), col("full_name", ColumnType.VARCHAR),
                col("birth_date", ColumnType.DATE), col("income", ColumnType.DECIMAL), col("score", ColumnType.BIGINT),
                col("rating", ColumnType.DECIMAL), col("active", ColumnType.BOOLEAN),
                col("signed_up_at", ColumnType.TIMESTAMP), col("code", ColumnType.INTEGER), col("doc", ColumnType.TEXT),
                col("birth_date", ColumnType.TIMESTAMP), col("income", ColumnType.VARCHAR));

        List<List<Object>> rows = rows(source("SALES.customers"), wanted);

        assertThat(rows).containsExactly(
                List.of(1L, "山田太郎", LocalDate.of(1980, 4, 1), new BigDecimal("5250000.50"), 7L, new BigDecimal("4.5"), true,
                        LocalDateTime.of(2024, 3, 1, 9, 30, 15), 42, "{\"a\":1}", LocalDateTime.of(1980, 4, 1, 0, 0),
                        "5250000.5"),
                Arrays.asList(2L, "Emma Smith", null, null, 70000L, null, false, null, null, null, null, null));
    }

    @Test
    void aTableWithoutSchemaIsLookedUpInTheCurrentSchema() {
        assertThat(rows(source("PLAIN_TABLE"), List.of(col("id", ColumnType.INTEGER)))).isEmpty();
        assertThat(source("plain_table").columns()).extracting(SourceColumn::name).containsExactly("ID");
    }

    @Test
    void aMissingTableIsRefused() {
        assertProblem(() -> source("sales.nothing").columns(), SourceProblem.Kind.MISSING_TABLE)
                .hasMessage("source crm has no table sales.nothing");
        assertProblem(() -> source("customers").open(List.of(col("customer_id", ColumnType.BIGINT))),
                SourceProblem.Kind.MISSING_TABLE);
    }

    @Test
    void underscoresInNamesAreNoWildcards() {
        // PLAIN_TABLE exists; PLAINXTABLE would match an unescaped pattern
        assertProblem(() -> source("plainxtable").columns(), SourceProblem.Kind.MISSING_TABLE);
    }

    @Test
    void missingColumnsAreListedByName() {
        assertProblem(() -> source("sales.customers").open(List.of(col("email", ColumnType.VARCHAR),
                col("customer_id", ColumnType.BIGINT), col("phone", ColumnType.VARCHAR))), SourceProblem.Kind.MISSING_COLUMN)
                .hasMessage("source crm table sales.customers has no column email, phone");
    }

    @Test
    void aWantedTypeTheSourceTypeCannotBecomeIsRefused() {
        assertProblem(() -> source("sales.customers").open(List.of(col("note", ColumnType.DATE))), SourceProblem.Kind.TYPE_CHANGED)
                .hasMessageContaining("note (wanted DATE, the source has CHARACTER VARYING)");
        assertProblem(() -> source("sales.customers").open(List.of(col("income", ColumnType.BIGINT))),
                SourceProblem.Kind.TYPE_CHANGED);
        assertProblem(() -> source("sales.customers").open(List.of(col("photo", ColumnType.VARCHAR))),
                SourceProblem.Kind.TYPE_CHANGED);
        assertProblem(() -> source("sales.customers").open(List.of(col("doc", ColumnType.BIGINT))),
                SourceProblem.Kind.TYPE_CHANGED);
    }

    @Test
    void aValueOutOfRangeForANarrowerTypeNamesTheRowNotTheValue() {
        try (RowCursor cursor = source("sales.customers").open(List.of(col("score", ColumnType.SMALLINT)))) {
            assertThat(cursor.next()).isTrue();
            assertThat(cursor.get(0)).isEqualTo((short) 7);
            assertThat(cursor.next()).isTrue();
            assertProblem(() -> cursor.get(0), SourceProblem.Kind.TYPE_CHANGED)
                    .hasMessage("source crm table sales.customers, row 2: a value of column score cannot be read as SMALLINT")
                    .hasMessageNotContaining("70000");
        }
    }

    @Test
    void anUnreachableSourceIsReportedWithoutUrlUserOrPassword() {
        RegisteredSource missing = new RegisteredSource("crm", "jdbc:h2:mem:absent-" + UUID.randomUUID() + ";IFEXISTS=TRUE",
                USER, PASSWORD, false);
        RegisteredSource wrongPassword = new RegisteredSource("crm", url, USER, "wrong-" + PASSWORD, false);
        RegisteredSource closedPort = new RegisteredSource("crm",
                "jdbc:postgresql://127.0.0.1:1/crm?user=" + USER + "&password=" + PASSWORD, USER, PASSWORD, false);
        RegisteredSource unsupported = new RegisteredSource("crm", "jdbc:oracle:thin:" + USER + "/" + PASSWORD + "@db:1521/x",
                USER, PASSWORD, false);

        for (RegisteredSource source : List.of(missing, wrongPassword, closedPort, unsupported)) {
            Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                    () -> new JdbcRowSource(source, TableName.parse("sales.customers")).columns());
            assertThat(thrown).isInstanceOfSatisfying(SourceProblem.class,
                    p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREACHABLE));
            assertThat(thrown.getMessage()).startsWith("source crm is unreachable");
            assertNoCredentials(thrown);
            assertThat(source.toString()).isEqualTo("RegisteredSource[crm]");
        }
    }

    @Test
    void successfulAnswersCarryNoCredentialsEither() {
        assertThat(source("sales.customers").describe().toString())
                .doesNotContain(USER).doesNotContain(PASSWORD).doesNotContainIgnoringCase(url);
    }

    @Test
    void theConnectionHasAutocommitOffSoPostgresqlStreamsWithTheFetchSize() throws SQLException {
        // H2 ignores the read-only hint (isReadOnly reports the database's mode); PostgreSQL runs read-only transactions.
        try (Connection connection = crm.connect()) {
            assertThat(connection.getAutoCommit()).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"customers; DROP TABLE x", "sales.customers--", "a.b.c", "\"customers\"", "", " ",
            "1table", "sales.", ".customers", "cust omers", "顧客", "a'b"})
    void hostileOrInvalidTableNamesAreRefusedBeforeAnySql(String name) {
        assertThat(TableName.problem(name)).isPresent();
        assertThatThrownBy(() -> TableName.parse(name)).isInstanceOf(IllegalArgumentException.class)
                .satisfies(e -> {
                    if (!name.isBlank()) {
                        assertThat(e.getMessage()).doesNotContain(name);
                    }
                });
    }

    private JdbcRowSource source(String table) {
        return new JdbcRowSource(crm, TableName.parse(table));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertProblem(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, SourceProblem.Kind kind) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(SourceProblem.class, p -> {
            assertThat(p.kind()).isEqualTo(kind);
            assertNoCredentials(p);
        });
    }

    private static void assertNoCredentials(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(USER).doesNotContain(PASSWORD);
        }
        assertThat(thrown.getCause()).isNull();
    }
}
