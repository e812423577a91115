package com.acme.intake.classification.control;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.acme.intake.classification.entity.ColumnSample;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.PiiCategory;

/**
 * The labelled corpus {@code classification/corpus.jsonl} (written by {@code make_corpus.py}
 * beside it): columns grouped by table, each with its expected category. Values become the Java
 * types a source reader gives for the declared type.
 */
final class PiiCorpus {

    record Column(String table, ColumnSample sample, PiiCategory label, String why) {
    }

    static List<Column> load() {
        List<Column> columns = new ArrayList<>();
        try (InputStream in = PiiCorpus.class.getResourceAsStream("/classification/corpus.jsonl");
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    JsonObject o = reader.readObject();
                    ColumnType type = ColumnType.valueOf(o.getString("type"));
                    List<Object> values = new ArrayList<>();
                    for (JsonValue v : o.getJsonArray("values")) {
                        values.add(value(v, type));
                    }
                    columns.add(new Column(o.getString("table"), new ColumnSample(o.getString("column"), type, values),
                            PiiCategory.valueOf(o.getString("label")), o.getString("why")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return columns;
    }

    /** The corpus's columns by table, in file order. */
    static Map<String, List<Column>> byTable(List<Column> columns) {
        Map<String, List<Column>> tables = new LinkedHashMap<>();
        columns.forEach(c -> tables.computeIfAbsent(c.table(), t -> new ArrayList<>()).add(c));
        return tables;
    }

    private static Object value(JsonValue v, ColumnType type) {
        if (v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        String text = v instanceof JsonString s ? s.getString() : v.toString();
        return switch (type) {
            case VARCHAR, TEXT -> text;
            case SMALLINT, INTEGER, BIGINT -> Long.parseLong(text);
            case DECIMAL -> new BigDecimal(text);
            case DOUBLE -> Double.parseDouble(text);
            case BOOLEAN -> Boolean.parseBoolean(text);
            case DATE -> LocalDate.parse(text);
            case TIMESTAMP -> LocalDateTime.parse(text);
        };
    }
}
