package com.acme.intake.source.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.acme.intake.source.entity.SourceProblem.Kind;

class SourceProblemMapperTest {

    @Test
    void eachProblemHasTheStatusACallerCanActOn() {
        assertThat(SourceProblemMapper.status(Kind.UNKNOWN_SOURCE)).isEqualTo(404);
        assertThat(SourceProblemMapper.status(Kind.MISSING_TABLE)).isEqualTo(404);
        assertThat(SourceProblemMapper.status(Kind.MISSING_COLUMN)).isEqualTo(409);
        assertThat(SourceProblemMapper.status(Kind.TYPE_CHANGED)).isEqualTo(409);
        assertThat(SourceProblemMapper.status(Kind.UNREACHABLE)).isEqualTo(502);
        assertThat(SourceProblemMapper.status(Kind.UNREADABLE_FILE)).isEqualTo(400);
        assertThat(SourceProblemMapper.status(Kind.TOO_LARGE)).isEqualTo(413);
    }
}
