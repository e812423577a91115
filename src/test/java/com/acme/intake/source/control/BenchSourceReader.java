package com.acme.intake.source.control;

import com.acme.intake.source.entity.RowSource;
import com.acme.intake.source.entity.TableName;

/**
 * BENCH-ONLY: the product's JDBC reader ({@link JdbcRowSource}, package-private) over one table of
 * a database the bench names, as a registered source would read it, without MicroProfile Config.
 */
public final class BenchSourceReader {

    private BenchSourceReader() {
    }

    public static RowSource jdbc(String url, String user, String table) {
        return new JdbcRowSource(new RegisteredSource("bench", url, user, null, false), TableName.parse(table));
    }
}
