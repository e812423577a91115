package com.acme.intake.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.AuditFilter;
import com.acme.intake.audit.entity.ChainHead;
import com.acme.intake.audit.entity.RequestInfo;
import com.acme.intake.audit.entity.Verification;

/**
 * Reads the audit trail with plain JDBC on a connection the caller owns (the container's pool in the
 * application, a bare one in tests and benchmarks). Long reads go by pages of {@link #PAGE} events,
 * never the whole trail at once, and each page is a short statement that works the same on either
 * database and in autocommit.
 */
public final class AuditReader {

    public static final int PAGE = 2000;

    /** Locks the head until the transaction ends; every append starts with it. */
    public static final String LOCK_HEAD = "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE";
    public static final String MOVE_HEAD = "UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1";
    public static final String INSERT = "INSERT INTO audit_event (seq, occurred_at, actor, action, request_id, task_id, "
            + "business_unit, details, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private static final String COLUMNS =
            "seq, occurred_at, actor, action, request_id, task_id, business_unit, details, prev_hash, hash";
    private static final int IN_BATCH = 500;

    private final Connection connection;

    public AuditReader(Connection connection) {
        this.connection = connection;
    }

    public ChainHead head() {
        try (PreparedStatement st = connection.prepareStatement(
                "SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1");
             ResultSet rs = st.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("The audit chain head is missing (migration V5 not applied?)");
            }
            return new ChainHead(rs.getLong(1), rs.getString(2));
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Verifies the whole chain up to the current head. */
    public Verification verify() {
        ChainHead head = head();
        return ChainVerifier.verify(chain(head.lastSeq()), head);
    }

    /**
     * Every event up to {@code lastSeq}, in sequence order, read page by page as the iterator
     * advances. Sequence numbers have no gaps, so a page is the window {@code seq BETWEEN a AND a+PAGE-1}
     * on the primary key: cheap whatever the planner's statistics, and a missing event only makes its
     * page shorter.
     */
    public Iterator<AuditEntry> chain(long lastSeq) {
        return new Iterator<>() {
            private Iterator<AuditEntry> page = List.<AuditEntry>of().iterator();
            private long next = 1;

            @Override
            public boolean hasNext() {
                while (!page.hasNext() && next <= lastSeq) {
                    long last = Math.min(lastSeq, next + PAGE - 1);
                    page = query("SELECT " + COLUMNS + " FROM audit_event WHERE seq BETWEEN ? AND ? ORDER BY seq",
                            List.of(next, last)).iterator();
                    next = last + 1;
                }
                return page.hasNext();
            }

            @Override
            public AuditEntry next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return page.next();
            }
        };
    }

    /** One page of the events the filter selects, in sequence order. */
    public List<AuditEntry> page(AuditFilter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM audit_event" + where(filter, params)
                + " ORDER BY seq OFFSET ? ROWS FETCH NEXT ? ROWS ONLY";
        params.add((long) page * size);
        params.add(size);
        return query(sql, params);
    }

    /** The requests with these ids that still exist, with their columns' masking, by id. */
    public Map<Long, RequestInfo> requests(Collection<Long> ids) {
        Map<Long, RequestInfo> found = new LinkedHashMap<>();
        List<Long> all = List.copyOf(ids);
        for (int i = 0; i < all.size(); i += IN_BATCH) {
            List<Long> batch = all.subList(i, Math.min(all.size(), i + IN_BATCH));
            String in = String.join(",", Collections.nCopies(batch.size(), "?"));
            Map<Long, List<String>> masking = new LinkedHashMap<>();
            try (PreparedStatement st = connection.prepareStatement("SELECT request_id, name, pii, masking_method "
                    + "FROM intake_request_column WHERE request_id IN (" + in + ") ORDER BY request_id, col_index")) {
                bind(st, batch);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        masking.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>())
                                .add(rs.getString(2) + ":" + rs.getString(3) + "/" + rs.getString(4));
                    }
                }
            } catch (SQLException e) {
                throw failure(e);
            }
            try (PreparedStatement st = connection.prepareStatement("SELECT id, title, business_unit, dataset, "
                    + "requester, status FROM intake_request WHERE id IN (" + in + ")")) {
                bind(st, batch);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        found.put(id, new RequestInfo(id, rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), masking.getOrDefault(id, List.of())));
                    }
                }
            } catch (SQLException e) {
                throw failure(e);
            }
        }
        return found;
    }

    /** The WHERE clause of the filter (empty when it selects everything); the same as {@link AuditFilter#test}. */
    static String where(AuditFilter f, List<Object> params) {
        List<String> terms = new ArrayList<>();
        if (f.from() != null) {
            terms.add("occurred_at >= ?");
            params.add(utc(f.from()));
        }
        if (f.toExclusive() != null) {
            terms.add("occurred_at < ?");
            params.add(utc(f.toExclusive()));
        }
        if (f.requestId() != null) {
            terms.add("request_id = ?");
            params.add(f.requestId());
        }
        if (f.actor() != null) {
            terms.add("actor = ?");
            params.add(f.actor());
        }
        if (f.businessUnit() != null) {
            terms.add("business_unit = ?");
            params.add(f.businessUnit());
        }
        if (f.action() != null) {
            terms.add("action = ?");
            params.add(f.action());
        }
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private List<AuditEntry> query(String sql, List<Object> params) {
        try (PreparedStatement st = connection.prepareStatement(sql)) {
            bind(st, params);
            try (ResultSet rs = st.executeQuery()) {
                List<AuditEntry> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(entry(rs));
                }
                return rows;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        long requestId = rs.getLong(5);
        Long request = rs.wasNull() ? null : requestId;
        LocalDateTime at = rs.getObject(2, LocalDateTime.class);
        return new AuditEntry(rs.getLong(1), at == null ? null : at.toInstant(ZoneOffset.UTC), rs.getString(3),
                rs.getString(4), request, rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10));
    }

    /** Binds the event's fields in the order of {@link #INSERT}. */
    public static void bindInsert(PreparedStatement st, AuditEntry e) throws SQLException {
        st.setLong(1, e.seq());
        st.setObject(2, utc(e.occurredAt()));
        st.setString(3, e.actor());
        st.setString(4, e.action());
        if (e.requestId() == null) {
            st.setNull(5, Types.BIGINT);
        } else {
            st.setLong(5, e.requestId());
        }
        st.setString(6, e.taskId());
        st.setString(7, e.businessUnit());
        st.setString(8, e.details());
        st.setString(9, e.prevHash());
        st.setString(10, e.hash());
    }

    private static void bind(PreparedStatement st, List<?> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            st.setObject(i + 1, params.get(i));
        }
    }

    static LocalDateTime utc(Instant at) {
        return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    private static IllegalStateException failure(SQLException e) {
        return new IllegalStateException("Cannot read the audit trail: " + e.getMessage(), e);
    }
}
