package com.acme.intake.request.control;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import com.acme.intake.audit.control.AuditTrail;
import com.acme.intake.audit.control.ChainedAtEnd;
import com.acme.intake.audit.entity.AuditAction;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;
import com.acme.intake.kernel.FieldError;
import com.acme.intake.request.entity.IntakeRequest;
import com.acme.intake.request.entity.IntakeRequestCommand;
import com.acme.intake.request.entity.Layer;
import com.acme.intake.request.entity.Refresh;
import com.acme.intake.request.entity.RequestColumn;
import com.acme.intake.request.entity.RequestStatus;
import com.acme.intake.request.entity.RequestSummary;
import com.acme.intake.request.entity.RequestView;
import com.acme.intake.request.entity.SourceKind;
import com.acme.intake.kernel.ValidationFailed;
import com.acme.intake.security.AppUser;
import com.acme.intake.security.BusinessUnitAccess;
import com.acme.intake.source.control.Sources;
import com.acme.intake.source.entity.SourceSummary;
import com.acme.intake.source.entity.Upload;
import com.acme.intake.security.Role;
import com.acme.intake.kernel.ErrorCode;
import com.acme.intake.kernel.Refusal;
import com.acme.intake.workflow.control.ApprovalProcess;
import com.acme.intake.workflow.entity.RoutingFacts;

/**
 * Submitting, revising, withdrawing and reading intake requests. Each change is one transaction:
 * the request row, its process state and its audit event are stored together or not at all.
 */
@ApplicationScoped
public class IntakeRequests {

    @PersistenceContext
    EntityManager em;

    @Inject
    ApprovalProcess process;

    @Inject
    AuditTrail audit;

    @Inject
    Sources sources;

    @Inject
    ProvisioningHistory runs;

    private final Clock clock = Clock.systemUTC();

    @Transactional
    @ChainedAtEnd
    public IntakeRequest submit(IntakeRequestCommand command, AppUser requester) {
        validate(command);
        requireOwnBusinessUnit(command.businessUnit(), requester);
        Instant now = Instant.now(clock);
        var request = new IntakeRequest(requester.name(), now);
        describe(request, command, now);
        // persist assigns the id (sequence); the row is written once, at the end, with the status the
        // process reached and its instance id, instead of being inserted here and updated after the start
        em.persist(request);
        // noted before the start, so that the status changes the process makes follow it on the trail
        audit.record(requester.name(), AuditAction.REQUEST_SUBMITTED, request.id(), null, request.businessUnit(),
                summary(request));
        request.startedAs(process.start(facts(request)));
        return request;
    }

    @Transactional
    @ChainedAtEnd
    public IntakeRequest revise(long id, IntakeRequestCommand command, AppUser requester) {
        IntakeRequest request = visible(id, requester, LockModeType.PESSIMISTIC_WRITE);
        if (!request.requester().equals(requester.name())) {
            throw Refusal.forbidden(ErrorCode.NOT_YOUR_REQUEST,
                    "only " + request.requester() + ", who submitted request " + id + ", may revise it");
        }
        if (!revisable(request)) {
            throw Refusal.conflict(ErrorCode.REQUEST_NOT_REVISABLE,
                    "request " + id + " is " + request.status() + "; it can be revised only while "
                    + RequestStatus.CHANGES_REQUESTED);
        }
        validate(command);
        if (!request.businessUnit().equals(command.businessUnit()) || !request.dataset().equals(command.dataset())) {
            throw new ValidationFailed(List.of(new FieldError("dataset",
                    "business unit and dataset cannot change on revision; withdraw and submit a new request")));
        }
        Instant now = Instant.now(clock);
        describe(request, command, now);
        audit.record(requester.name(), AuditAction.REQUEST_REVISED, request.id(), null, request.businessUnit(),
                summary(request));
        process.revised(request.processInstanceId(), facts(request), requester.name(), requester.roles());
        return request;
    }

    @Transactional
    @ChainedAtEnd
    public IntakeRequest withdraw(long id, AppUser requester) {
        IntakeRequest request = visible(id, requester, LockModeType.PESSIMISTIC_WRITE);
        if (!request.requester().equals(requester.name())) {
            throw Refusal.forbidden(ErrorCode.NOT_YOUR_REQUEST,
                    "only " + request.requester() + ", who submitted request " + id
                    + ", may withdraw it");
        }
        if (!withdrawable(request)) {
            throw Refusal.conflict(ErrorCode.REQUEST_NOT_WITHDRAWABLE, "request " + id + " is " + request.status()
                    + " and can no longer be withdrawn");
        }
        audit.record(requester.name(), AuditAction.REQUEST_WITHDRAWN, request.id(), null, request.businessUnit(), null);
        process.withdraw(request.processInstanceId(), "withdrawn by " + requester.name());
        request.moveTo(RequestStatus.WITHDRAWN, Instant.now(clock));
        releaseUpload(request);
        return request;
    }

    /** Moves a request to a new status (called by the process); records the change. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void moveTo(long id, RequestStatus status, String actor) {
        IntakeRequest request = em.find(IntakeRequest.class, id);
        if (request == null) {
            throw new IllegalStateException("The process refers to request " + id + ", which does not exist");
        }
        RequestStatus before = request.status();
        request.moveTo(status, Instant.now(clock));
        audit.record(actor, AuditAction.STATUS_CHANGED, id, null, request.businessUnit(), before + " -> " + status);
        if (status.ended()) {
            releaseUpload(request);
        }
    }

    /**
     * An ended request's uploaded file is deleted, unless another request that has not ended names
     * it too. A provisioning failure (PROVISIONING_FAILED) can be retried and keeps it; an aborted one
     * (PROVISIONING_ABORTED) has ended and does not.
     */
    private void releaseUpload(IntakeRequest request) {
        String upload = request.sourceUploadId();
        if (upload == null) {
            return;
        }
        long others = em.createQuery("SELECT COUNT(r) FROM IntakeRequest r WHERE r.sourceUploadId = :upload"
                        + " AND r.id <> :id AND r.status NOT IN :ended", Long.class)
                .setParameter("upload", upload).setParameter("id", request.id())
                .setParameter("ended", List.copyOf(RequestStatus.endedOnes()))
                .getSingleResult();
        if (others == 0) {
            sources.discardUpload(upload);
        }
    }

    public RequestView view(long id, AppUser reader) {
        IntakeRequest request = visible(id, reader, LockModeType.NONE);
        return RequestView.of(request, runs.runsOf(id), audit.forRequest(id).stream()
                .map(e -> new RequestView.HistoryEntry(e.seq(), e.occurredAt(), e.actor(), e.action(), e.taskId(),
                        e.details()))
                .toList(), allowedActions(request, reader));
    }

    /**
     * What the reader may do with the request, by the rules {@link #revise} and {@link #withdraw}
     * enforce: only its requester (role requester), revise while changes are requested, withdraw
     * while it is still under review.
     */
    static List<String> allowedActions(IntakeRequest request, AppUser reader) {
        if (!reader.roles().contains(Role.REQUESTER) || !request.requester().equals(reader.name())) {
            return List.of();
        }
        List<String> actions = new ArrayList<>();
        if (revisable(request)) {
            actions.add(RequestView.REVISE);
        }
        if (withdrawable(request)) {
            actions.add(RequestView.WITHDRAW);
        }
        return List.copyOf(actions);
    }

    private static boolean revisable(IntakeRequest request) {
        return request.status() == RequestStatus.CHANGES_REQUESTED;
    }

    private static boolean withdrawable(IntakeRequest request) {
        return request.status().withdrawable();
    }

    /** Requests a user may see: requesters their business unit's, staff all (or only their own with mine). */
    public List<RequestSummary> list(AppUser reader, boolean mine, String status) {
        var jpql = new StringBuilder("SELECT " + RequestSummary.SELECTED + " FROM IntakeRequest r WHERE 1 = 1");
        if (mine) {
            jpql.append(" AND r.requester = :requester");
        }
        // Anyone who is not staff sees only their business unit's requests (none without one).
        boolean scoped = !BusinessUnitAccess.seesEveryUnit(reader);
        if (scoped) {
            jpql.append(" AND r.businessUnit = :businessUnit");
        }
        RequestStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = RequestStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw Refusal.invalid(ErrorCode.INVALID_PARAMETER,
                        "status must be one of " + List.of(RequestStatus.values()));
            }
            jpql.append(" AND r.status = :status");
        }
        jpql.append(" ORDER BY r.createdAt DESC, r.id DESC");
        var query = em.createQuery(jpql.toString(), Object[].class).setMaxResults(500);
        if (mine) {
            query.setParameter("requester", reader.name());
        }
        if (scoped) {
            query.setParameter("businessUnit", reader.businessUnit());
        }
        if (wanted != null) {
            query.setParameter("status", wanted);
        }
        return query.getResultList().stream().map(row -> RequestSummary.of(row, 0)).toList();
    }

    /** Summaries of the requests of these process instances, by process instance, in one query. */
    public Map<String, RequestSummary> summariesByProcessInstance(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, RequestSummary> summaries = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT r.processInstanceId, " + RequestSummary.SELECTED
                        + " FROM IntakeRequest r WHERE r.processInstanceId IN :ids", Object[].class)
                .setParameter("ids", List.copyOf(processInstanceIds))
                .getResultList()) {
            summaries.put((String) row[0], RequestSummary.of(row, 1));
        }
        return summaries;
    }

    /**
     * The request of a process instance, its row locked until the transaction ends, read afresh
     * after any wait: what claims and decisions serialise on (withdraw and revise lock the same row).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public IntakeRequest lockForProcess(String processInstanceId) {
        List<IntakeRequest> found = em.createNamedQuery(IntakeRequest.BY_PROCESS_INSTANCES, IntakeRequest.class)
                .setParameter("ids", List.of(processInstanceId))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
        if (found.isEmpty()) {
            throw new IllegalStateException("No request belongs to process instance " + processInstanceId);
        }
        return found.get(0);
    }

    public List<IntakeRequest> byProcessInstances(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(IntakeRequest.BY_PROCESS_INSTANCES, IntakeRequest.class)
                .setParameter("ids", List.copyOf(processInstanceIds))
                .getResultList();
    }

    public IntakeRequest find(long id) {
        IntakeRequest request = em.find(IntakeRequest.class, id);
        if (request == null) {
            throw Refusal.notFound(ErrorCode.REQUEST_NOT_FOUND, "no request " + id);
        }
        return request;
    }

    private IntakeRequest visible(long id, AppUser reader, LockModeType lock) {
        IntakeRequest request = em.find(IntakeRequest.class, id, lock);
        // Another business unit's request answers like a missing one: ids are not to be probed.
        if (request == null || !BusinessUnitAccess.sees(reader, request.businessUnit())) {
            throw Refusal.notFound(ErrorCode.REQUEST_NOT_FOUND, "no request " + id);
        }
        return request;
    }

    /** The request on its own, then its source against what is registered and uploaded. */
    private void validate(IntakeRequestCommand command) {
        List<FieldError> errors = new ArrayList<>(RequestValidator.validate(command));
        if (errors.stream().noneMatch(e -> e.field().startsWith("source") || e.field().equals("businessUnit"))) {
            errors.addAll(sourceErrors(command));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    private List<FieldError> sourceErrors(IntakeRequestCommand command) {
        IntakeRequestCommand.Source source = command.source();
        if (SourceKind.JDBC.name().equalsIgnoreCase(source.kind().strip())) {
            List<String> names = sources.registered().stream().map(SourceSummary::name).toList();
            if (!names.contains(source.connection())) {
                return List.of(new FieldError("source.connection", "no registered source '" + source.connection()
                        + "'" + (names.isEmpty() ? "" : "; registered: " + String.join(", ", names))));
            }
            if (!sources.openTo(command.businessUnit(), source.connection(), source.table())) {
                return List.of(new FieldError("source.table", "its schema is not open to business unit "
                        + command.businessUnit() + " in source " + source.connection()
                        + " (a table without a schema is in public)"));
            }
            return List.of();
        }
        Optional<Upload> upload = sources.upload(source.uploadId());
        if (upload.isEmpty() || !upload.get().businessUnit().equals(command.businessUnit())) {
            return List.of(new FieldError("source.uploadId", "no upload " + source.uploadId()
                    + " of business unit " + command.businessUnit()));
        }
        return List.of();
    }

    private static void requireOwnBusinessUnit(String businessUnit, AppUser requester) {
        if (!businessUnit.equals(requester.businessUnit())) {
            throw Refusal.forbidden(ErrorCode.NOT_YOUR_BUSINESS_UNIT,
                    requester.name() + " submits for business unit '" + requester.businessUnit()
                    + "', not for '" + businessUnit + "'");
        }
    }

    private static void describe(IntakeRequest request, IntakeRequestCommand c, Instant now) {
        List<RequestColumn> columns = c.columns().stream().map(col -> new RequestColumn(
                col.name(), enumOf(ColumnType.class, col.type()), enumOf(PiiCategory.class, col.pii()),
                blankToNull(col.description()), enumOf(MaskingMethod.class, col.masking().method()),
                col.masking().n() == null ? null : col.masking().n().intValueExact(), col.masking().to(),
                col.masking().width(),
                blankToNull(col.masking().justification()))).toList();
        SourceKind kind = enumOf(SourceKind.class, c.source().kind());
        request.describe(c.title().strip(), c.businessUnit(), c.dataset(), c.owner().strip(), c.purpose().strip(),
                enumOf(Layer.class, c.layer()), kind,
                kind == SourceKind.JDBC ? c.source().connection() : null,
                kind == SourceKind.JDBC ? c.source().table() : null,
                kind == SourceKind.FILE ? c.source().fileName() : null,
                kind == SourceKind.FILE ? c.source().uploadId() : null,
                enumOf(Refresh.class, c.refresh()), c.retentionDays(), columns, now);
    }

    private static RoutingFacts facts(IntakeRequest r) {
        return new RoutingFacts(r.id(), r.requester(), r.businessUnit(), r.dataset(), r.highestPii().name(),
                r.piiKeptUnmasked(), r.sourceKind().name());
    }

    /** Audit details name the columns and their masking, never values. */
    private static String summary(IntakeRequest r) {
        var sb = new StringBuilder("dataset=").append(r.datasetKey()).append("; columns=");
        for (RequestColumn c : r.columns()) {
            sb.append(c.name()).append(':').append(c.pii()).append('/').append(c.method()).append(' ');
        }
        String s = sb.toString().strip();
        return s.length() > 4000 ? s.substring(0, 3997) + "..." : s;
    }

    private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
        return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
