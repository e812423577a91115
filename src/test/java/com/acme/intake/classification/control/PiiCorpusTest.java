package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.acme.intake.classification.entity.Suggestion;
import com.acme.intake.masking.entity.PiiCategory;

/**
 * Precision and recall of detection over the labelled corpus (Japanese and Latin columns, a good
 * share with misleading names: {@code notes} of phone numbers, {@code field_7} of e-mails,
 * {@code title} of product names). A PII column counts as found when it is suggested PERSONAL or
 * SENSITIVE; the figures are printed, and the goal is asserted: recall ≥ 0.95, precision ≥ 0.9.
 */
class PiiCorpusTest {

    /** The corpus's birth dates are relative to the day it was generated. */
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 4);

    @Test
    void finds_pii_columns_with_the_recall_and_precision_of_the_goal() {
        List<PiiCorpus.Column> corpus = PiiCorpus.load();
        PiiClassifier classifier = new PiiClassifier(TODAY);
        int truePositives = 0;
        int falsePositives = 0;
        int falseNegatives = 0;
        int sensitiveRight = 0;
        int sensitive = 0;
        int misleading = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, List<PiiCorpus.Column>> table : PiiCorpus.byTable(corpus).entrySet()) {
            List<Suggestion> suggestions = classifier.classify(table.getValue().stream().map(PiiCorpus.Column::sample).toList());
            for (int i = 0; i < suggestions.size(); i++) {
                PiiCorpus.Column column = table.getValue().get(i);
                Suggestion suggestion = suggestions.get(i);
                boolean actual = column.label().isPii();
                boolean found = suggestion.pii().isPii();
                misleading += column.why().startsWith("misleading") ? 1 : 0;
                if (column.label() == PiiCategory.SENSITIVE) {
                    sensitive++;
                    sensitiveRight += suggestion.pii() == PiiCategory.SENSITIVE ? 1 : 0;
                }
                if (actual && found) {
                    truePositives++;
                } else if (found) {
                    falsePositives++;
                } else if (actual) {
                    falseNegatives++;
                }
                if (actual != found || (column.label() == PiiCategory.SENSITIVE) != (suggestion.pii() == PiiCategory.SENSITIVE)) {
                    wrong.add(table.getKey() + "." + column.sample().name() + " (" + column.why() + "): labelled "
                            + column.label() + ", suggested " + suggestion.pii() + " — " + suggestion.reason());
                }
            }
        }
        double recall = (double) truePositives / (truePositives + falseNegatives);
        double precision = (double) truePositives / (truePositives + falsePositives);
        System.out.printf("PII corpus: %d columns (%d PII, %d misleading names); recall %.3f, precision %.3f;"
                        + " SENSITIVE found as SENSITIVE %d/%d%n", corpus.size(), truePositives + falseNegatives,
                misleading, recall, precision, sensitiveRight, sensitive);
        wrong.forEach(w -> System.out.println("  miss: " + w));

        assertThat(corpus).hasSizeGreaterThanOrEqualTo(80);
        assertThat(recall).as("recall of PII columns").isGreaterThanOrEqualTo(0.95);
        assertThat(precision).as("precision").isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void every_suggestion_of_the_corpus_is_a_valid_masking_for_its_column() {
        PiiClassifier classifier = new PiiClassifier(TODAY);
        for (List<PiiCorpus.Column> table : PiiCorpus.byTable(PiiCorpus.load()).values()) {
            List<Suggestion> suggestions = classifier.classify(table.stream().map(PiiCorpus.Column::sample).toList());
            for (int i = 0; i < suggestions.size(); i++) {
                Suggestion s = suggestions.get(i);
                assertThat(s.masking().problems(table.get(i).sample().type(), s.pii()))
                        .as(table.get(i).sample().name()).isEmpty();
                assertThat(s.confidence()).isBetween(0.0, 1.0);
            }
        }
    }
}
