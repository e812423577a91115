package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.source.entity.SourceProblem;
import com.acme.intake.source.entity.UploadColumn;

/** A file whose first row is data is refused, so its values never become column names. */
class HeaderRowTest {

    @Test
    void aHeaderlessCsvIsRefusedWithoutNamingItsValues() {
        assertThatThrownBy(() -> csv(HostileFiles.headerlessCsv()).analyse())
                .isInstanceOfSatisfying(SourceProblem.class, p -> assertThat(p.kind()).isEqualTo(SourceProblem.Kind.UNREADABLE_FILE))
                .hasMessage("the header row is missing: the first row holds an e-mail address in column 1 where a column"
                        + " name should be; add a first row with the column names")
                .hasMessageNotContaining("alice");
    }

    @Test
    void phoneNumbersAndNumbersWhereNamesShouldBeAreRefused() {
        assertThat(reason("name,090-1234-5678")).contains("a phone number in column 2");
        assertThat(reason("name,+81 90 1234 5678")).contains("a phone number in column 2");
        assertThat(reason("Alice,42,tokyo")).contains("a number in column 2");
        assertThat(reason("id,3.14")).contains("a number in column 2");
    }

    @Test
    void ordinaryHeadersAreKept() {
        assertThat(csv("Customer ID,E-Mail Address,2nd Phone,phone_2,顧客ID,Q1 2024,tel (mobile)\n1,a,b,c,d,e,f\n"
                .getBytes(StandardCharsets.UTF_8)).uploadColumns()).extracting(UploadColumn::header)
                .containsExactly("Customer ID", "E-Mail Address", "2nd Phone", "phone_2", "顧客ID", "Q1 2024", "tel (mobile)");
    }

    @Test
    void aWorkbookWhoseFirstRowIsDataIsRefusedToo() {
        byte[] file = HostileFiles.xlsx("<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>bob@example.com</t></is></c>"
                + "<c r=\"B1\"><v>42</v></c></row>", null);

        assertThatThrownBy(() -> new FileRowSource("the file", FileFormat.XLSX, null, () -> new ByteArrayInputStream(file))
                .analyse()).isInstanceOf(SourceProblem.class).hasMessageStartingWith("the header row is missing");
    }

    @Test
    void aHeaderLongerThanItsColumnCanHoldIsRefused() {
        assertThatThrownBy(() -> csv(("id," + "n".repeat(1001) + "\n").getBytes(StandardCharsets.UTF_8)).analyse())
                .isInstanceOf(SourceProblem.class).hasMessage("the header of column 2 is longer than 1000 characters");
    }

    private static String reason(String firstRow) {
        return HeaderNames.dataInsteadOfNames(List.of(firstRow.split(","))).orElse("");
    }

    private static FileRowSource csv(byte[] file) {
        return new FileRowSource("the file", FileFormat.CSV, StandardCharsets.UTF_8, () -> new ByteArrayInputStream(file));
    }
}
