package com.acme.intake.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.acme.intake.classification.control.PiiClassifier;
import com.acme.intake.classification.entity.ColumnSample;
import com.acme.intake.classification.entity.Suggestion;
import com.acme.intake.source.control.BenchSourceReader;
import com.acme.intake.source.entity.RowCursor;
import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.SourceColumn;

/**
 * PII detection against the read it needs, on the local PostgreSQL (127.0.0.1:5432, user
 * postgres): a generated table of 50 columns (a fifth PII of every kind detection knows, the rest
 * ids, amounts, timestamps, product names, free text…) and {@code bench.rows} rows, in a database
 * {@code bench.database} this creates and drops. Each round (a) reads the first
 * {@code bench.sample} rows through the product's JDBC reader ({@code JdbcRowSource}, connection,
 * metadata, query, conversion of every value) into per-column lists, the baseline, then (b)
 * classifies those 50 columns (wall time, and the CPU time of the classifying thread). The first
 * round is reported apart: it includes loading Kuromoji's dictionary (once per JVM); then
 * {@code bench.warmup} rounds are not counted. Prints the medians of the measured rounds, the
 * median of their ratios classify/read (goal ≤ 1) and the heap.
 * <p>
 * Run: {@code MAVEN_OPTS=-Xmx256m mvn -Pbench -Dbench=ClassificationBench test-compile exec:java}
 * (options {@code -Dbench.rounds=15}, {@code -Dbench.warmup=5}, {@code -Dbench.rows=5000}, {@code -Dbench.sample=1000},
 * {@code -Dbench.database=intake_bench_pii}).
 */
public final class ClassificationBench {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = System.getProperty("bench.database", "intake_bench_pii");
    private static final int ROUNDS = Integer.getInteger("bench.rounds", 15);
    /** Rounds run before measuring, so both sides are compiled by the JIT as in a server that has been up a while. */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 5);
    private static final int ROWS = Integer.getInteger("bench.rows", 5000);
    private static final int SAMPLE = Integer.getInteger("bench.sample", 1000);
    private static final String TABLE = "customers_wide";

    /** 50 columns: name, SQL type and the SQL expression of row {@code i}. */
    private static final List<String[]> COLUMNS = columns();

    public static void main(String[] args) throws Exception {
        if (!DATABASE.matches("[a-z][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("bench.database must be a plain lower-case name");
        }
        admin("DROP DATABASE IF EXISTS " + DATABASE);
        admin("CREATE DATABASE " + DATABASE);
        try {
            fill();
            run();
        } finally {
            admin("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    private static void run() {
        RowSource source = BenchSourceReader.jdbc(SERVER + DATABASE, "postgres", TABLE);
        List<SourceColumn> columns = source.columns();
        PiiClassifier classifier = new PiiClassifier();
        System.out.printf("ClassificationBench: %d columns, table of %,d rows, sample %,d rows, %d rounds; max heap %d MiB; %s%n",
                columns.size(), ROWS, SAMPLE, ROUNDS, Runtime.getRuntime().maxMemory() >> 20, LoadBench.loadAverage());
        double[] reads = new double[ROUNDS];
        double[] classifies = new double[ROUNDS];
        double[] ratios = new double[ROUNDS];
        double[] classifyCpu = new double[ROUNDS];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long peakUsed = 0;
        List<Suggestion> last = List.of();
        for (int round = -WARMUP; round <= ROUNDS; round++) {
            System.gc();
            long t0 = System.nanoTime();
            List<ColumnSample> sample = read(source, columns);
            long t1 = System.nanoTime();
            long cpu0 = threads.getCurrentThreadCpuTime();
            last = classifier.classify(sample);
            long cpu1 = threads.getCurrentThreadCpuTime();
            long t2 = System.nanoTime();
            peakUsed = Math.max(peakUsed, Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
            double read = (t1 - t0) / 1e6;
            double classify = (t2 - t1) / 1e6;
            if (round == -WARMUP) {
                System.out.printf("first round (Kuromoji's dictionary loads, nothing compiled yet): read %.1f ms, classify %.1f ms%n",
                        read, classify);
            }
            if (round <= 0) {
                continue;
            }
            reads[round - 1] = read;
            classifies[round - 1] = classify;
            ratios[round - 1] = classify / read;
            classifyCpu[round - 1] = (cpu1 - cpu0) / 1e6;
            System.out.printf("round %d: read %.1f ms, classify %.1f ms (CPU %.1f ms): %.2fx%n", round, read, classify,
                    classifyCpu[round - 1], classify / read);
        }
        long pii = last.stream().filter(s -> s.pii().isPii()).count();
        List<String> found = new ArrayList<>();
        for (int c = 0; c < last.size(); c++) {
            if (last.get(c).pii().isPii()) {
                found.add(columns.get(c).name() + " " + last.get(c).pii());
            }
        }
        System.out.println("suggested as PII: " + String.join(", ", found));
        System.out.printf("%nmedian of %d rounds: read %,d rows x %d columns %.1f ms, classify %.1f ms (CPU %.1f ms);"
                        + " classification adds %.2fx the read time (median of the rounds' ratios; goal <= 1)"
                        + "; best rounds: read %.1f ms, classify %.1f ms; %d of %d columns suggested as PII%n",
                ROUNDS, SAMPLE, columns.size(), median(reads), median(classifies), median(classifyCpu), median(ratios),
                Arrays.stream(reads).min().orElse(0), Arrays.stream(classifies).min().orElse(0), pii, last.size());
        System.out.printf("heap: used at most %d MiB at the end of a round, max %d MiB%n", peakUsed >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    /** What sampling is: the first SAMPLE rows of every column, as the reader converts them. */
    private static List<ColumnSample> read(RowSource source, List<SourceColumn> columns) {
        List<List<Object>> values = new ArrayList<>();
        columns.forEach(c -> values.add(new ArrayList<>(SAMPLE)));
        try (RowCursor cursor = source.open(columns)) {
            for (int row = 0; row < SAMPLE && cursor.next(); row++) {
                for (int c = 0; c < columns.size(); c++) {
                    values.get(c).add(cursor.get(c));
                }
            }
        }
        List<ColumnSample> sample = new ArrayList<>(columns.size());
        for (int c = 0; c < columns.size(); c++) {
            sample.add(new ColumnSample(columns.get(c).name(), columns.get(c).type(), values.get(c)));
        }
        return sample;
    }

    private static void fill() throws SQLException {
        StringBuilder create = new StringBuilder("CREATE TABLE " + TABLE + " (");
        StringBuilder select = new StringBuilder("SELECT ");
        for (int c = 0; c < COLUMNS.size(); c++) {
            String[] column = COLUMNS.get(c);
            create.append(c == 0 ? "" : ", ").append('"').append(column[0]).append("\" ").append(column[1]);
            select.append(c == 0 ? "" : ", ").append(column[2]);
        }
        create.append(')');
        try (Connection connection = DriverManager.getConnection(SERVER + DATABASE, "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute(create.toString());
            statement.execute("INSERT INTO " + TABLE + " " + select + " FROM generate_series(1, " + ROWS + ") AS g(i)");
            statement.execute("ANALYZE " + TABLE);
        }
    }

    private static void admin(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String[]> columns() {
        String surname = "(ARRAY['佐藤','鈴木','高橋','田中','伊藤','渡辺','山本','中村','小林','加藤'])[1 + i % 10]";
        String given = "(ARRAY['太郎','花子','翔太','陽菜','大輔','美咲','健太','結衣','拓也','直樹','千尋'])[1 + i % 11]";
        String kanaSurname = "(ARRAY['サトウ','スズキ','タカハシ','タナカ','イトウ','ワタナベ','ヤマモト'])[1 + i % 7]";
        String kanaGiven = "(ARRAY['タロウ','ハナコ','ショウタ','ヒナ','ダイスケ','ミサキ','ケンタ','ユイ'])[1 + i % 8]";
        String prefecture = "(ARRAY['東京都','大阪府','北海道','神奈川県','愛知県','福岡県'])[1 + i % 6]";
        String product = "(ARRAY['ワイヤレスマウス','緑茶ティーバッグ','LED Desk Lamp','Ceramic Mug','電気ケトル','Yoga Mat Blue'])[1 + i % 6]";
        List<String[]> c = new ArrayList<>();
        c.add(new String[] {"id", "BIGINT", "i"});
        c.add(new String[] {"email", "VARCHAR(100)", "'user' || i || '@example.com'"});
        c.add(new String[] {"氏名", "VARCHAR(40)", surname + " || ' ' || " + given});
        c.add(new String[] {"フリガナ", "VARCHAR(40)", kanaSurname + " || ' ' || " + kanaGiven});
        c.add(new String[] {"携帯", "VARCHAR(20)", "'090-' || lpad(((i * 7) % 10000)::text, 4, '0') || '-' || lpad(((i * 13) % 10000)::text, 4, '0')"});
        c.add(new String[] {"phone_fixed", "VARCHAR(20)", "'03-' || (5000 + i % 4000) || '-' || lpad((i % 10000)::text, 4, '0')"});
        c.add(new String[] {"zip", "VARCHAR(10)", "lpad((100 + i % 900)::text, 3, '0') || '-' || lpad((i % 10000)::text, 4, '0')"});
        c.add(new String[] {"住所", "TEXT", prefecture + " || '中央区本町' || (1 + i % 9) || '-' || (1 + i % 20) || '-' || (1 + i % 15)"});
        c.add(new String[] {"birth_date", "DATE", "DATE '1950-01-01' + (i * 37) % 20000"});
        c.add(new String[] {"ip", "VARCHAR(40)", "'10.' || (i % 256) || '.' || ((i / 256) % 256) || '.' || (1 + i % 250)"});
        c.add(new String[] {"notes", "TEXT", "'080' || lpad(((i * 7919) % 100000000)::text, 8, '0')"});
        c.add(new String[] {"customer_name", "VARCHAR(60)", "(ARRAY['Emily','James','Olivia','Daniel'])[1 + i % 4] || ' ' || (ARRAY['Smith','Brown','Taylor'])[1 + i % 3]"});
        c.add(new String[] {"病歴", "TEXT", "(ARRAY['糖尿病','高血圧症','なし','胃炎'])[1 + i % 4]"});
        for (int n = 1; n <= 8; n++) {
            c.add(new String[] {"amount_" + n, "NUMERIC(12,2)", "((i * " + (n * 31) + ") % 100000) / 100.0"});
        }
        for (int n = 1; n <= 6; n++) {
            c.add(new String[] {"created_" + n, "TIMESTAMP", "TIMESTAMP '2024-01-01 09:00' + (i * " + n + ") * INTERVAL '17 minutes'"});
        }
        for (int n = 1; n <= 6; n++) {
            c.add(new String[] {"product_" + n, "VARCHAR(100)", product + " || ' ' || (i % " + (n + 5) + ")"});
        }
        for (int n = 1; n <= 6; n++) {
            c.add(new String[] {"order_no_" + n, "VARCHAR(30)", "'ORD-2024-' || lpad((i * " + n + ")::text, 6, '0')"});
        }
        for (int n = 1; n <= 4; n++) {
            c.add(new String[] {"flag_" + n, "BOOLEAN", "i % " + (n + 1) + " = 0"});
        }
        for (int n = 1; n <= 4; n++) {
            c.add(new String[] {"comment_" + n, "TEXT", "(ARRAY['配送が早くて助かりました','梱包が丁寧でした','Leave at the door','また購入したいです'])[1 + (i + " + n + ") % 4]"});
        }
        c.add(new String[] {"prefecture", "VARCHAR(10)", prefecture});
        c.add(new String[] {"quantity", "INTEGER", "1 + i % 9"});
        c.add(new String[] {"status", "VARCHAR(10)", "(ARRAY['NEW','PAID','SHIPPED'])[1 + i % 3]"});
        if (c.size() != 50) {
            throw new IllegalStateException("the bench table must have 50 columns, not " + c.size());
        }
        return List.copyOf(c);
    }

    private ClassificationBench() {
    }
}
