package com.acme.intake.audit.control;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import com.acme.intake.audit.entity.AuditEntry;
import com.acme.intake.audit.entity.ChainHead;

/**
 * The chain over plain JDBC, with the application's SQL, for tests and benchmarks that have no
 * container. The caller owns the connection and its transaction.
 */
public final class JdbcChainStore implements AuditChain.Store {

    private final Connection connection;

    public JdbcChainStore(Connection connection) {
        this.connection = connection;
    }

    @Override
    public ChainHead lockHead() {
        try (PreparedStatement st = connection.prepareStatement(AuditReader.LOCK_HEAD);
             ResultSet rs = st.executeQuery()) {
            rs.next();
            return new ChainHead(rs.getLong(1), rs.getString(2));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void insert(AuditEntry entry) {
        try (PreparedStatement st = connection.prepareStatement(AuditReader.INSERT)) {
            AuditReader.bindInsert(st, entry);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void moveHead(ChainHead head) {
        try (PreparedStatement st = connection.prepareStatement(AuditReader.MOVE_HEAD)) {
            st.setLong(1, head.lastSeq());
            st.setString(2, head.lastHash());
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
