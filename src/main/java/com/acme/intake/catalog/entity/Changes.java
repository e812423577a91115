package com.acme.intake.catalog.entity;

import java.util.ArrayList;
import java.util.List;

import jakarta.json.bind.annotation.JsonbTransient;

/**
 * How a revision differs from the one before it.
 *
 * @param fields         entry fields whose value changed
 * @param columnsAdded   names of columns new in this revision
 * @param columnsRemoved names of columns no longer present
 * @param columnsChanged columns present in both, with what changed in each
 */
public record Changes(List<FieldChange> fields, List<String> columnsAdded, List<String> columnsRemoved,
                      List<ColumnChange> columnsChanged) {

    public Changes {
        fields = List.copyOf(fields);
        columnsAdded = List.copyOf(columnsAdded);
        columnsRemoved = List.copyOf(columnsRemoved);
        columnsChanged = List.copyOf(columnsChanged);
    }

    /** One field: its name and its value before and after, as text (null when absent). */
    public record FieldChange(String field, String before, String after) {
    }

    /** One column present before and after, and its changed fields. */
    public record ColumnChange(String name, List<FieldChange> changes) {

        public ColumnChange {
            changes = List.copyOf(changes);
        }
    }

    /** Whether nothing changed; not part of the JSON answer. */
    @JsonbTransient
    public boolean isEmpty() {
        return fields.isEmpty() && columnsAdded.isEmpty() && columnsRemoved.isEmpty() && columnsChanged.isEmpty();
    }

    /** The names of what changed, e.g. {@code [description, columns[email].description]}; no values. */
    public List<String> names() {
        var names = new ArrayList<String>();
        fields.forEach(f -> names.add(f.field()));
        columnsAdded.forEach(c -> names.add("columns[" + c + "] added"));
        columnsRemoved.forEach(c -> names.add("columns[" + c + "] removed"));
        columnsChanged.forEach(c -> c.changes().forEach(f -> names.add("columns[" + c.name() + "]." + f.field())));
        return List.copyOf(names);
    }
}
