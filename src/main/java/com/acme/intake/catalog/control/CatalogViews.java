package com.acme.intake.catalog.control;

import com.acme.intake.catalog.entity.CatalogEntryView;
import com.acme.intake.catalog.entity.CatalogRevision;
import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.catalog.entity.Changes;

/** Builds the API's views of a revision, with markdown rendered by {@link MarkdownRenderer}. */
public final class CatalogViews {

    private CatalogViews() {
    }

    public static CatalogEntryView entry(CatalogRevision revision, CatalogSnapshot s, Changes changes) {
        return new CatalogEntryView(s.key(), revision.number(), revision.createdAt(), revision.author(),
                revision.reason(), s.title(), s.description(), MarkdownRenderer.toHtml(s.description()), s.owner(),
                s.businessUnit(), s.layer(), s.lineage(), s.lineage() == null ? null : s.lineage().text(), s.refresh(),
                s.retentionDays(), s.lastLoad(), s.knownGaps(), MarkdownRenderer.toHtml(s.knownGaps()), s.columns(),
                changes);
    }
}
