package com.acme.intake.web;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import com.acme.intake.kernel.FieldError;

/**
 * The fields of a JSON body that its record type does not have, each with its path in the body
 * ({@code columns[2].maskng}). JSON-B ignores such fields; a misspelled {@code "retentionColum"}
 * would then pass as if it had been taken into account. Records are checked component by
 * component, lists element by element; any other type (a map, a string…) takes what it takes.
 */
public final class UnknownFields {

    /** At most this many are reported: enough to act on, bounded for a hostile body. */
    static final int MAX_REPORTED = 50;
    /** A field name longer than this is shortened in the report. */
    static final int MAX_NAME = 64;

    private static final Map<Class<?>, Map<String, Type>> COMPONENTS = new ConcurrentHashMap<>();

    private UnknownFields() {
    }

    /** Whether bodies of this type are checked at all: records only. */
    public static boolean checks(Class<?> type) {
        return type.isRecord();
    }

    public static List<FieldError> of(JsonValue body, Type type) {
        List<FieldError> errors = new ArrayList<>();
        walk(body, type, "", errors);
        return errors;
    }

    private static void walk(JsonValue value, Type type, String path, List<FieldError> errors) {
        if (errors.size() >= MAX_REPORTED || value == null) {
            return;
        }
        Class<?> raw = raw(type);
        if (raw == null) {
            return;
        }
        if (raw.isRecord() && value.getValueType() == JsonValue.ValueType.OBJECT) {
            Map<String, Type> components = COMPONENTS.computeIfAbsent(raw, UnknownFields::components);
            for (Map.Entry<String, JsonValue> field : ((JsonObject) value).entrySet()) {
                String at = path.isEmpty() ? name(field.getKey()) : path + "." + name(field.getKey());
                Type component = components.get(field.getKey());
                if (component == null) {
                    if (errors.size() < MAX_REPORTED) {
                        errors.add(new FieldError(at, "unknown field; accepted here: "
                                + String.join(", ", components.keySet())));
                    }
                } else {
                    walk(field.getValue(), component, at, errors);
                }
            }
        } else if (Collection.class.isAssignableFrom(raw) && value.getValueType() == JsonValue.ValueType.ARRAY
                && type instanceof ParameterizedType parameterized) {
            Type element = parameterized.getActualTypeArguments()[0];
            JsonArray array = (JsonArray) value;
            for (int i = 0; i < array.size(); i++) {
                walk(array.get(i), element, path + "[" + i + "]", errors);
            }
        }
    }

    private static Map<String, Type> components(Class<?> record) {
        Map<String, Type> components = new LinkedHashMap<>();
        Arrays.stream(record.getRecordComponents())
                .forEach((RecordComponent c) -> components.put(c.getName(), c.getGenericType()));
        return components;
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    /** The name as sent, shortened and without control characters, since it is echoed back. */
    private static String name(String key) {
        String clean = key.codePoints().filter(cp -> !Character.isISOControl(cp))
                .limit(MAX_NAME + 1L)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.codePointCount(0, clean.length()) > MAX_NAME
                ? clean.substring(0, clean.offsetByCodePoints(0, MAX_NAME)) + "…" : clean;
    }
}
