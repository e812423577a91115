package com.acme.intake.catalog.control;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogEntry;
import com.acme.intake.catalog.entity.CatalogEntryView;
import com.acme.intake.catalog.entity.CatalogRevision;
import com.acme.intake.catalog.entity.CatalogSnapshot;
import com.acme.intake.catalog.entity.CatalogSummary;
import com.acme.intake.catalog.entity.Changes;
import com.acme.intake.catalog.entity.Registration;
import com.acme.intake.catalog.entity.RevisionSummary;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.security.AppUser;
import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.Refusal;

/**
 * The catalog: registers approved datasets, edits their descriptions, and reads and searches
 * entries. Every change is a new immutable revision, an audit event, and new warehouse comments, in
 * one transaction.
 */
@ApplicationScoped
public class CatalogRegistry {

    /** The most search hits answered at once. */
    public static final int MAX_HITS = 200;
    /** The longest search query accepted. */
    public static final int MAX_QUERY = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    @Inject
    WarehouseComments warehouseComments;

    private final Clock clock = Clock.systemUTC();

    /**
     * Registers a provisioned request: the dataset's first revision, or a new revision of an entry
     * already registered by an earlier request. Runs in the caller's (the engine's) transaction. A
     * re-run that would store the same snapshot as the latest revision adds nothing, so a retried job
     * is harmless. Two first registrations of one key racing each other: one fails on the primary key
     * and its job is retried, then finds the entry.
     *
     * @return the number of the entry's latest revision
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int register(IntakeRequest request, Registration facts) {
        String key = request.datasetKey();
        CatalogEntry entry = em.find(CatalogEntry.class, key, LockModeType.PESSIMISTIC_WRITE);
        CatalogSnapshot previous = entry == null ? null : snapshot(revision(key, entry.latestRevision()));
        CatalogSnapshot next = SnapshotBuilder.fromRequest(request, facts, previous);
        if (next.equals(previous)) {
            return entry.latestRevision();
        }
        if (entry == null) {
            entry = new CatalogEntry(key);
        }
        int number = store(entry, next, AuditTrail.SYSTEM, "approved request " + request.id(), request.id());
        audit.record(AuditTrail.SYSTEM, AuditAction.CATALOG_REGISTERED, request.id(), null, request.businessUnit(),
                "key=" + key + "; revision=" + number + "; columns=" + next.columns().size()
                        + "; rows=" + facts.rowCount());
        warehouseComments.follow(next);
        return number;
    }

    /**
     * {@link #register} in a transaction of its own, for the engine's job: a failure rolls back only
     * the registration (revision, audit event and warehouse comments), and the job can still hand it
     * to the platform team. A retried job whose earlier registration committed adds nothing.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public int registerAlone(IntakeRequest request, Registration facts) {
        return register(request, facts);
    }

    /**
     * Edits descriptions and gap notes as {@code editor}: 404 for an unknown key, 403 unless the editor
     * owns the dataset or is a platform engineer, 400 for invalid input. An edit that changes nothing
     * adds no revision.
     */
    @Transactional
    public CatalogEntryView edit(String key, CatalogEdit edit, AppUser editor) {
        CatalogEntry entry = entry(key, LockModeType.PESSIMISTIC_WRITE);
        CatalogSnapshot current = snapshot(revision(key, entry.latestRevision()));
        if (!EditRights.mayEdit(editor.name(), editor.roles(), current.owner())) {
            throw Refusal.forbidden(ErrorCode.CATALOG_EDIT_FORBIDDEN, EditRights.refusal(key, current.owner()));
        }
        CatalogSnapshot next = CatalogEdits.apply(current, edit);
        if (next.equals(current)) {
            return view(key, entry.latestRevision());
        }
        Long requestId = current.lineage() == null ? null : current.lineage().requestId();
        int number = store(entry, next, editor.name(), "edited by " + editor.name(), requestId);
        audit.record(editor.name(), AuditAction.CATALOG_EDITED, requestId, null, current.businessUnit(),
                "key=" + key + "; revision=" + number + "; changed="
                        + String.join(",", CatalogDiff.between(current, next).names()));
        warehouseComments.follow(next);
        return view(key, number);
    }

    /** The entry at its latest revision. */
    public CatalogEntryView view(String key) {
        return view(key, entry(key, LockModeType.NONE).latestRevision());
    }

    /** The entry at revision {@code number}, with the changes from the revision before. */
    public CatalogEntryView view(String key, int number) {
        entry(key, LockModeType.NONE);
        CatalogRevision revision = revision(key, number);
        if (revision == null) {
            throw Refusal.notFound(ErrorCode.CATALOG_REVISION_NOT_FOUND,
                    "catalog entry " + key + " has no revision " + number);
        }
        CatalogSnapshot snapshot = snapshot(revision);
        CatalogSnapshot before = number > 1 ? snapshot(revision(key, number - 1)) : null;
        return CatalogViews.entry(revision, snapshot, CatalogDiff.between(before, snapshot));
    }

    /** Every revision, oldest first, each with its changes. */
    public List<RevisionSummary> revisions(String key) {
        entry(key, LockModeType.NONE);
        List<RevisionSummary> revisions = new ArrayList<>();
        CatalogSnapshot before = null;
        for (CatalogRevision revision : em.createNamedQuery(CatalogRevision.OF_ENTRY, CatalogRevision.class)
                .setParameter("key", key).getResultList()) {
            CatalogSnapshot snapshot = snapshot(revision);
            Changes changes = CatalogDiff.between(before, snapshot);
            revisions.add(new RevisionSummary(revision.number(), revision.author(), revision.createdAt(),
                    revision.reason(), changes));
            before = snapshot;
        }
        return revisions;
    }

    /** The latest snapshot, e.g. for an export. */
    public CatalogSnapshot latest(String key) {
        return snapshot(revision(key, entry(key, LockModeType.NONE).latestRevision()));
    }

    /**
     * Entries matching every given filter, by key. {@code query} is a substring of the normalised
     * search text ({@link SearchText}); {@code layer} a {@link Layer} name; {@code pii} {@code true} or
     * {@code false}. Null or blank filters are ignored.
     */
    public List<CatalogSummary> search(String query, String businessUnit, String layer, String pii) {
        var jpql = new StringBuilder("SELECT e FROM CatalogEntry e WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (query != null && !query.isBlank()) {
            if (query.length() > MAX_QUERY) {
                throw Refusal.invalid(ErrorCode.INVALID_PARAMETER, "q must be at most " + MAX_QUERY + " characters");
            }
            jpql.append(" AND e.searchText LIKE :pattern ESCAPE '\\'");
            parameters.put("pattern", SearchText.likePattern(query));
        }
        if (businessUnit != null && !businessUnit.isBlank()) {
            jpql.append(" AND e.businessUnit = :businessUnit");
            parameters.put("businessUnit", businessUnit.strip());
        }
        if (layer != null && !layer.isBlank()) {
            jpql.append(" AND e.layer = :layer");
            parameters.put("layer", parseLayer(layer));
        }
        if (pii != null && !pii.isBlank()) {
            jpql.append(" AND e.pii = :pii");
            parameters.put("pii", parsePii(pii));
        }
        jpql.append(" ORDER BY e.datasetKey");
        var select = em.createQuery(jpql.toString(), CatalogEntry.class).setMaxResults(MAX_HITS);
        parameters.forEach(select::setParameter);
        return select.getResultList().stream().map(CatalogEntry::summary).toList();
    }

    private int store(CatalogEntry entry, CatalogSnapshot snapshot, String author, String reason, Long requestId) {
        Instant now = Instant.now(clock);
        int number = entry.latestRevision() + 1;
        boolean created = number == 1;
        entry.revisedTo(number, snapshot, SearchText.of(snapshot), now);
        if (created) {
            em.persist(entry);
            // The revision's foreign key needs the entry row first; JPA does not order unrelated inserts.
            em.flush();
        }
        em.persist(new CatalogRevision(entry.key(), number, author, now, reason, requestId,
                SnapshotJson.write(snapshot)));
        return number;
    }

    private CatalogEntry entry(String key, LockModeType lock) {
        CatalogEntry entry = key == null ? null : em.find(CatalogEntry.class, key, lock);
        if (entry == null) {
            throw Refusal.notFound(ErrorCode.CATALOG_ENTRY_NOT_FOUND, "no catalog entry " + key);
        }
        return entry;
    }

    private CatalogRevision revision(String key, int number) {
        return em.createNamedQuery(CatalogRevision.BY_NUMBER, CatalogRevision.class)
                .setParameter("key", key)
                .setParameter("number", number)
                .getResultStream().findFirst().orElse(null);
    }

    private static CatalogSnapshot snapshot(CatalogRevision revision) {
        return SnapshotJson.read(revision.snapshotJson());
    }

    private static Layer parseLayer(String layer) {
        try {
            return Layer.valueOf(layer.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid(ErrorCode.INVALID_PARAMETER, "layer must be one of " + List.of(Layer.values()));
        }
    }

    private static boolean parsePii(String pii) {
        return switch (pii.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Refusal.invalid(ErrorCode.INVALID_PARAMETER, "pii must be true or false");
        };
    }
}
