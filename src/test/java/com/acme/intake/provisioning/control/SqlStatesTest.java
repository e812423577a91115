package com.acme.intake.provisioning.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.BatchUpdateException;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

class SqlStatesTest {

    @Test
    void a_precise_state_has_its_own_meaning_and_others_that_of_their_class() {
        assertThat(SqlStates.meaning("42501")).isEqualTo("the warehouse user lacks a privilege");
        assertThat(SqlStates.meaning("42P01")).isEqualTo("the warehouse refused a statement");
        assertThat(SqlStates.meaning("22001")).isEqualTo("a value does not fit its column");
        assertThat(SqlStates.meaning("XX000")).isEqualTo("database error");
        assertThat(SqlStates.meaning(null)).isEqualTo("database error");
    }

    @Test
    void the_state_is_found_in_the_chain_and_in_a_batch_failures_cause() {
        // given: a batch failure without a state of its own, caused by one with a state
        BatchUpdateException batch = new BatchUpdateException("batch failed", (String) null, 0, new int[0],
                new SQLException("value too long for 'secret value'", "22001"));
        SQLException chained = new SQLException("outer");
        chained.setNextException(new SQLException("inner", "23505"));

        // when / then
        assertThat(SqlStates.of(batch)).isEqualTo("22001");
        assertThat(SqlStates.of(chained)).isEqualTo("23505");
        assertThat(SqlStates.of(new SQLException("no state"))).isNull();
    }
}
