package com.acme.intake.source.control;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Random;

/**
 * DEMO ONLY. On the embedded default (no database configured) a JDBC source {@value #NAME} is
 * registered: an H2 file database {@code <data-dir>/demo-source} with a table {@code customers} of
 * {@value #ROWS} invented people (Japanese and Latin names, e-mails on example domains, phone
 * numbers, birth dates, incomes), so the whole flow can be tried without a real source. The rows
 * come from a fixed seed, the same on every machine. Production registers its sources by
 * configuration and never has this one.
 */
final class DemoSource {

    static final String NAME = "demo";
    static final String TABLE = "customers";
    static final int ROWS = 200;

    private static final String[] FAMILY_JA = {"山田", "佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "中村", "小林", "加藤"};
    private static final String[] FAMILY_JA_LATIN = {"yamada", "sato", "suzuki", "takahashi", "tanaka", "ito",
            "watanabe", "nakamura", "kobayashi", "kato"};
    private static final String[] GIVEN_JA = {"太郎", "花子", "一郎", "美咲", "健太", "陽子", "翔", "さくら"};
    private static final String[] GIVEN_JA_LATIN = {"taro", "hanako", "ichiro", "misaki", "kenta", "yoko", "sho",
            "sakura"};
    private static final String[] GIVEN_LATIN = {"Emma", "Liam", "Sophie", "Lucas", "Mia", "Noah", "Clara", "Jonas"};
    private static final String[] FAMILY_LATIN = {"Smith", "Müller", "Garcia", "Rossi", "Dubois", "Novak", "Jensen",
            "Silva"};
    private static final String[] CITIES_JA = {"東京", "大阪", "札幌", "福岡", "名古屋", "横浜"};
    private static final String[] CITIES_LATIN = {"Berlin", "London", "Paris", "Madrid", "Amsterdam", "New York"};
    private static final String[] SEGMENTS = {"retail", "premium", "business"};

    private DemoSource() {
    }

    static RegisteredSource registered(Path dataDir) {
        return registered("jdbc:h2:file:" + dataDir.resolve("demo-source"));
    }

    static RegisteredSource registered(String url) {
        return new RegisteredSource(NAME, url, "sa", "", true);
    }

    /** Creates and fills {@code customers} unless it already has rows; returns the rows added. */
    static int ensureFilled(RegisteredSource demo) {
        try (Connection connection = demo.connect()) {
            connection.setReadOnly(false);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("CREATE TABLE IF NOT EXISTS \"customers\" ("
                        + "\"customer_id\" BIGINT NOT NULL PRIMARY KEY, "
                        + "\"full_name\" VARCHAR(100) NOT NULL, "
                        + "\"email\" VARCHAR(200), "
                        + "\"phone\" VARCHAR(30), "
                        + "\"birth_date\" DATE, "
                        + "\"city\" VARCHAR(60), "
                        + "\"annual_income\" DECIMAL(12, 2), "
                        + "\"signed_up_at\" TIMESTAMP NOT NULL, "
                        + "\"segment\" VARCHAR(20) NOT NULL)");
                try (ResultSet count = ddl.executeQuery("SELECT COUNT(*) FROM \"customers\"")) {
                    count.next();
                    if (count.getLong(1) > 0) {
                        connection.commit();
                        return 0;
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO \"customers\" VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                Random random = new Random(20240401L);
                for (int id = 1; id <= ROWS; id++) {
                    fill(insert, id, random);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            connection.commit();
            return ROWS;
        } catch (SQLException e) {
            throw demo.unreachable(e);
        }
    }

    private static void fill(PreparedStatement insert, int id, Random random) throws SQLException {
        boolean japanese = id % 2 == 1;
        String name;
        String mail;
        String phone;
        String city;
        if (japanese) {
            int family = random.nextInt(FAMILY_JA.length);
            int given = random.nextInt(GIVEN_JA.length);
            name = FAMILY_JA[family] + GIVEN_JA[given];
            mail = GIVEN_JA_LATIN[given] + "." + FAMILY_JA_LATIN[family] + id + "@example.jp";
            phone = String.format(Locale.ROOT, "090-%04d-%04d", random.nextInt(10_000), random.nextInt(10_000));
            city = CITIES_JA[random.nextInt(CITIES_JA.length)];
        } else {
            String given = GIVEN_LATIN[random.nextInt(GIVEN_LATIN.length)];
            String family = FAMILY_LATIN[random.nextInt(FAMILY_LATIN.length)];
            name = given + " " + family;
            mail = (given + "." + family).toLowerCase(Locale.ROOT).replace("ü", "ue") + id + "@example.com";
            phone = String.format(Locale.ROOT, "+1 555-01%02d", random.nextInt(100));
            city = CITIES_LATIN[random.nextInt(CITIES_LATIN.length)];
        }
        insert.setLong(1, id);
        insert.setString(2, name);
        insert.setString(3, id % 17 == 0 ? null : mail);
        insert.setString(4, id % 23 == 0 ? null : phone);
        insert.setObject(5, LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55)));
        insert.setString(6, city);
        insert.setBigDecimal(7, id % 29 == 0 ? null : BigDecimal.valueOf(2_000_000 + random.nextInt(150_000_000), 2));
        insert.setObject(8, LocalDateTime.of(2019, 1, 1, 9, 0).plusMinutes(random.nextInt(60 * 24 * 365 * 5)));
        insert.setString(9, SEGMENTS[random.nextInt(SEGMENTS.length)]);
    }
}
