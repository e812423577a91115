package com.acme.intake.classification.control;

import java.util.List;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;

import com.acme.intake.classification.entity.ColumnSample;
import com.acme.intake.classification.entity.Suggestion;

/**
 * The application's entry to PII detection: how many rows to sample ({@link #sampleRows()}, from
 * {@link ClassificationSettings}) and the suggestions for a sampled table. The caller reads at most
 * that many rows; the values stay in its memory and this bean's, and go nowhere else.
 */
@ApplicationScoped
public class PiiDetection {

    private ClassificationSettings settings;

    @PostConstruct
    void init() {
        settings = ClassificationSettings.load();
    }

    public int sampleRows() {
        return settings.sampleRows();
    }

    /** Suggestions for the columns of one table, in order. */
    public List<Suggestion> classify(List<ColumnSample> table) {
        return new PiiClassifier().classify(table);
    }
}
