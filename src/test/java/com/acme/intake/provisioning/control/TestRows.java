package com.acme.intake.provisioning.control;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.masking.entity.PseudonymKey;
import com.acme.intake.provisioning.entity.LoadPlan;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.SourceKind;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;
import com.acme.intake.source.entity.SourceProblem;

/**
 * The representative request of the provisioning tests (every column type, a dropped and a
 * pseudonymized column, comments with a quote, a line break and Japanese text) and an in-memory
 * {@link RowSource} over its rows.
 */
final class TestRows {

    static final PseudonymKey KEY = PseudonymKey.ofUtf8("test-2025", "a test key of more than thirty-two bytes");

    /** Columns of the request, in order; index constants below match. */
    static final int CUSTOMER_ID = 0, EMAIL = 1, FULL_NAME = 2, PHONE = 3, NOTES = 4, AGE = 5, VISITS = 6,
            BALANCE = 7, SCORE = 8, ACTIVE = 9, BIRTH_DATE = 10, SIGNED_UP_AT = 11;

    private TestRows() {
    }

    static IntakeRequest request(String dataset) {
        List<RequestColumn> columns = List.of(
                new RequestColumn("customer_id", ColumnType.BIGINT, PiiCategory.PERSONAL, "Customer number in the CRM",
                        MaskingMethod.PSEUDONYMIZE, null, null, null, null),
                new RequestColumn("email", ColumnType.VARCHAR, PiiCategory.PERSONAL, "E-mail address (メールアドレス)",
                        MaskingMethod.EMAIL, null, null, null, null),
                new RequestColumn("full_name", ColumnType.TEXT, PiiCategory.PERSONAL, "Customer's full name, 氏名",
                        MaskingMethod.PSEUDONYMIZE, null, null, null, null),
                new RequestColumn("phone", ColumnType.VARCHAR, PiiCategory.PERSONAL, "Phone number",
                        MaskingMethod.SHOW_LAST_N, 4, null, null, null),
                new RequestColumn("notes", ColumnType.TEXT, PiiCategory.SENSITIVE, "Free-text notes of the support desk",
                        MaskingMethod.DROP, null, null, null, null),
                new RequestColumn("age", ColumnType.SMALLINT, PiiCategory.PERSONAL, "Age in years",
                        MaskingMethod.GENERALIZE_NUMBER, null, null, BigDecimal.TEN, null),
                new RequestColumn("visits", ColumnType.INTEGER, PiiCategory.NONE, "Visits\nper year",
                        MaskingMethod.KEEP, null, null, null, null),
                new RequestColumn("balance", ColumnType.DECIMAL, PiiCategory.NONE, "Account balance in EUR",
                        MaskingMethod.KEEP, null, null, null, null),
                new RequestColumn("score", ColumnType.DOUBLE, PiiCategory.NONE, null,
                        MaskingMethod.NULLIFY, null, null, null, null),
                new RequestColumn("active", ColumnType.BOOLEAN, PiiCategory.NONE, "",
                        MaskingMethod.KEEP, null, null, null, null),
                new RequestColumn("birth_date", ColumnType.DATE, PiiCategory.PERSONAL, "Date of birth",
                        MaskingMethod.GENERALIZE_DATE, null, "YEAR", null, null),
                new RequestColumn("signed_up_at", ColumnType.TIMESTAMP, PiiCategory.NONE, "When the customer signed up",
                        MaskingMethod.GENERALIZE_DATE, null, "MONTH", null, null));
        Instant now = Instant.parse("2025-01-15T09:00:00Z");
        IntakeRequest request = new IntakeRequest("alice", now);
        request.describe("CRM customers", "marketing", dataset, "alice",
                "Churn analysis for the 'retention' team, 顧客の解約分析", Layer.ENTITY, SourceKind.JDBC, "crm",
                "public.customers", null, null, Refresh.DAILY, 365, columns, now);
        return request;
    }

    static LoadPlan plan(String dataset) {
        return LoadPlan.forRequest(request(dataset), KEY);
    }

    /** A row of the request's twelve columns, notes included (the loader never asks for them). */
    static Object[] row(long id, String email, String name, String phone, String notes, Short age, Integer visits,
                        String balance, Double score, Boolean active, LocalDate birth, LocalDateTime signedUp) {
        return new Object[] {id, email, name, phone, notes, age, visits, balance == null ? null : new BigDecimal(balance),
                score, active, birth, signedUp};
    }

    static List<Object[]> sampleRows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(row(1001L, "taro.yamada@example.co.jp", "山田太郎", "090-1234-5678", "prefers calls after 6", (short) 37, 12,
                "1234.56", 0.75, true, LocalDate.of(1990, 7, 15), LocalDateTime.of(2023, 12, 31, 23, 59, 59, 999_000_000)));
        rows.add(new Object[12]);
        rows.add(row(42L, "anna.o'brien@example.com", "Anna O'Brien\twith a tab\\and a backslash\nand a line",
                "+44 20 7946 0958", null, (short) -1, 0, "-0.05", -2.5e-3, false, LocalDate.of(2000, 2, 29),
                LocalDateTime.of(2024, 2, 29, 0, 0)));
        rows.add(row(-7L, "not an e-mail", "", "12", "x", (short) 100, Integer.MAX_VALUE, "0", Double.NaN, true,
                LocalDate.of(1, 1, 1), LocalDateTime.of(1999, 12, 31, 12, 0, 0, 123_456_000)));
        return rows;
    }

    /** A source over fixed rows; the cursor hands out the wanted columns by name. */
    static RowSource source(List<Object[]> rows) {
        return source(rows, n -> false);
    }

    /** A source whose cursor throws when asked for row {@code failAt} (1-based) and closes cleanly. */
    static RowSource source(List<Object[]> rows, IntPredicate failAt) {
        return new RowSource() {
            @Override
            public List<SourceColumn> columns() {
                return request("unused").columns().stream()
                        .map(c -> new SourceColumn(c.name(), c.type(), true))
                        .toList();
            }

            @Override
            public RowCursor open(List<SourceColumn> wanted) {
                List<String> names = columns().stream().map(SourceColumn::name).toList();
                int[] indexes = wanted.stream().mapToInt(c -> {
                    int index = names.indexOf(c.name());
                    if (index < 0) {
                        throw new SourceProblem(SourceProblem.Kind.MISSING_COLUMN, "no column " + c.name());
                    }
                    return index;
                }).toArray();
                return new RowCursor() {
                    private int position = -1;

                    @Override
                    public boolean next() {
                        if (failAt.test(position + 2)) {
                            throw new SourceProblem(SourceProblem.Kind.UNREACHABLE, "the test source went away");
                        }
                        return ++position < rows.size();
                    }

                    @Override
                    public Object get(int index) {
                        return rows.get(position)[indexes[index]];
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
    }

    /** {@code count} generated rows, all distinct. */
    static List<Object[]> generated(int count) {
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(row(i, "user" + i + "@example.org", "Name " + i, "555-" + i, null, (short) (i % 90), i,
                    i + ".5", (double) i, i % 2 == 0, LocalDate.of(1980, 1, 1).plusDays(i),
                    LocalDateTime.of(2024, 1, 1, 0, 0).plusMinutes(i)));
        }
        return rows;
    }
}
