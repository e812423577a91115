package com.acme.intake.workflow.entity;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/** A user task of the process as the people it concerns see it: id, key in the model, candidate groups, assignee. */
public record OpenTask(String id, String key, Set<String> candidateGroups, String assignee) {

    public OpenTask {
        candidateGroups = Collections.unmodifiableSet(new TreeSet<>(candidateGroups));
    }
}
