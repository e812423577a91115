package com.acme.intake.provisioning.control;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.acme.intake.provisioning.entity.LoadPlan;

import static org.assertj.core.api.Assertions.assertThat;

class StagingDdlTest {

    private static final LoadPlan PLAN = TestRows.plan("crm_customers");

    @ParameterizedTest
    @EnumSource(WarehouseDialect.class)
    void scriptMatchesTheGoldenFile(WarehouseDialect dialect) throws IOException {
        // given: the representative plan (all types, a dropped and pseudonymized columns, quote and Japanese text)
        String golden = golden("golden/staging-" + dialect.name().toLowerCase() + ".sql");

        // when
        String script = new StagingDdl(dialect, PLAN).script();

        // then
        assertThat(script).isEqualTo(golden);
    }

    @Test
    void literalDoublesQuotesAndKeepsJapanese() {
        assertThat(StagingDdl.literal("it's 顧客 'x'")).isEqualTo("'it''s 顧客 ''x'''");
    }

    @Test
    void literalReplacesControlCharactersAndLoneSurrogates() {
        // given: NUL, line breaks, tab, DEL, a C1 control, an unpaired surrogate, and a supplementary character
        String text = "a\u0000b\nc\r\td\u007fe\u0085f\ud800g𠮷";

        // when
        String literal = StagingDdl.literal(text);

        // then
        assertThat(literal).isEqualTo("'a b c  d e f g𠮷'");
    }

    @Test
    void literalKeepsBackslashesBecauseStandardConformingStringsIsOn() {
        assertThat(StagingDdl.literal("C:\\temp\\'")).isEqualTo("'C:\\temp\\'''");
        assertThat(new StagingDdl(WarehouseDialect.POSTGRESQL, PLAN).prepare().get(0))
                .isEqualTo("SET LOCAL standard_conforming_strings = on");
    }

    @Test
    void droppedColumnIsNeitherCreatedNorLoaded() {
        StagingDdl ddl = new StagingDdl(WarehouseDialect.H2, PLAN);

        assertThat(ddl.createWorkTable().get(0)).doesNotContain("\"notes\"");
        assertThat(ddl.insertRow()).doesNotContain("\"notes\"");
        assertThat(ddl.swap()).noneMatch(sql -> sql.contains("\"notes\""));
    }

    @Test
    void lockIdIsStablePerTable() {
        long first = new StagingDdl(WarehouseDialect.POSTGRESQL, PLAN).lockId();
        long again = new StagingDdl(WarehouseDialect.POSTGRESQL, TestRows.plan("crm_customers")).lockId();
        long other = new StagingDdl(WarehouseDialect.POSTGRESQL, TestRows.plan("crm_orders")).lockId();

        assertThat(again).isEqualTo(first);
        assertThat(other).isNotEqualTo(first);
    }

    private static String golden(String resource) throws IOException {
        try (InputStream in = StagingDdlTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
