package com.acme.intake.catalog.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.catalog.entity.Registration;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.RequestColumn;

/**
 * Builds the snapshot of an approved request. A new approval of a dataset already in the catalog
 * takes every fact from the new request and load, but keeps what only the catalog knows: the known
 * gaps, a dataset description edited in the catalog, and a column description edited in the
 * catalog when the new request gives none for that column.
 */
public final class SnapshotBuilder {

    private SnapshotBuilder() {
    }

    public static CatalogSnapshot fromRequest(IntakeRequest request, Registration load, CatalogSnapshot previous) {
        List<CatalogSnapshot.Column> columns = new ArrayList<>();
        for (RequestColumn column : request.columns()) {
            String description = blankToNull(column.description());
            if (description == null && previous != null) {
                description = previous.column(column.name()).map(CatalogSnapshot.Column::description).orElse(null);
            }
            columns.add(column(column, description));
        }
        String description = generatedDescription(request.title(), request.purpose());
        if (previous != null && wasEdited(previous)) {
            description = previous.description();
        }
        return new CatalogSnapshot(request.datasetKey(), request.title(), description, request.purpose(),
                request.owner(), request.businessUnit(), request.layer(),
                new CatalogSnapshot.Lineage(request.sourceKind(), request.sourceConnection(), request.sourceTable(),
                        request.sourceFileName(), load.table(), request.id()),
                request.refresh(), request.retentionDays(),
                new CatalogSnapshot.LastLoad(load.rowCount(), load.loadedAt(), load.rowsRead(), load.keyId()),
                previous == null ? "" : previous.knownGaps(), columns);
    }

    /** The description an entry starts with: the request's title as a heading and its purpose. */
    public static String generatedDescription(String title, String purpose) {
        return "## " + title + "\n\n**Purpose:** " + purpose;
    }

    /**
     * The masking as people read it: the method and its parameters, e.g. {@code SHOW_LAST_N (n=4)},
     * {@code GENERALIZE_DATE (to=YEAR)}. A justification for keeping PII unmasked stays with the
     * request and its review; the catalog says only that the column is unmasked.
     */
    public static String maskingText(MaskingSpec spec, boolean pii) {
        MaskingMethod method = spec.method();
        return switch (method) {
            case SHOW_LAST_N, SHOW_FIRST_N -> method + " (n=" + spec.n() + ")";
            case GENERALIZE_DATE -> method + " (to=" + spec.to() + ")";
            case GENERALIZE_NUMBER -> method + " (width=" + spec.width().toPlainString() + ")";
            case KEEP -> pii ? "KEEP (unmasked, approved by privacy review)" : "KEEP";
            case DROP -> "DROP (not loaded)";
            default -> method.name();
        };
    }

    private static CatalogSnapshot.Column column(RequestColumn column, String description) {
        MaskingMethod method = column.method();
        boolean loaded = method != MaskingMethod.DROP;
        return new CatalogSnapshot.Column(column.name(), column.type(), loaded ? method.resultType(column.type()) : null,
                description, column.pii(), method, maskingText(column.maskingSpec(), column.pii().isPii()), loaded);
    }

    private static boolean wasEdited(CatalogSnapshot previous) {
        return !Optional.ofNullable(previous.description()).orElse("")
                .equals(generatedDescription(previous.title(), previous.purpose()));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
