package com.acme.intake.audit.control;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.time.Instant;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.AuditFilter;
import com.acme.intake.audit.entity.ChainHead;

/**
 * The audit export: one pass over the whole chain, up to the head as it was when the export began.
 * Every event is verified as it passes and those the filter selects go to the workbook. The Export
 * sheet reports the verification, which needs the whole chain anyway, so filtering in Java on that
 * single read costs less than a filtered query plus a second, verifying read.
 */
public final class AuditExport {

    private AuditExport() {
    }

    /** @param language the headers' language, one of {@link AuditWorkbook#LANGUAGES} */
    public static AuditWorkbook.Summary write(Connection connection, AuditFilter filter, String exporter,
                                              Instant exportedAt, String language, OutputStream out) throws IOException {
        var reader = new AuditReader(connection);
        ChainHead head = reader.head();
        var verifier = new ChainVerifier();
        Iterator<AuditEntry> checked = verifier.watch(reader.chain(head.lastSeq()));
        Iterator<AuditEntry> selected = StreamSupport.stream(
                        Spliterators.spliteratorUnknownSize(checked, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .filter(filter::test)
                .iterator();
        return AuditWorkbook.write(out, selected, reader::requests,
                new AuditWorkbook.Export(exporter, exportedAt, filter.describe(), head, language), () -> verifier.result(head));
    }
}
