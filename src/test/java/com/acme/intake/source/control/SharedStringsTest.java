package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;

import org.junit.jupiter.api.Test;

import com.acme.intake.source.entity.SourceProblem;

class SharedStringsTest {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    @Test
    void richTextRunsAreJoinedAndPhoneticGuidesLeftOut() throws XMLStreamException {
        // given a plain entry, a rich-text entry of two runs and an entry with furigana
        String sst = "<sst xmlns=\"" + MAIN + "\" count=\"3\" uniqueCount=\"3\">"
                + "<si><t xml:space=\"preserve\"> plain </t></si>"
                + "<si><r><rPr><b/></rPr><t>bold</t></r><r><t> and not</t></r></si>"
                + "<si><t>山田</t><rPh sb=\"0\" eb=\"2\"><t>ヤマダ</t></rPh><phoneticPr fontId=\"1\"/></si>"
                + "</sst>";

        // when
        SharedStrings strings = read(sst, FileLimits.DEFAULT);

        // then
        assertThat(strings.size()).isEqualTo(3);
        assertThat(strings.get(0)).isEqualTo(" plain ");
        assertThat(strings.get(1)).isEqualTo("bold and not");
        assertThat(strings.get(2)).isEqualTo("山田");
        assertThatThrownBy(() -> strings.get(3)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void anEntryLongerThanACellMayBeIsRefused() {
        FileLimits small = new FileLimits(500, 5, 1000, 100, 1000, 1000, 1 << 20, 1 << 20);

        assertThatThrownBy(() -> read("<sst xmlns=\"" + MAIN + "\"><si><t>123456</t></si></sst>", small))
                .isInstanceOf(SourceProblem.class).hasMessage("a shared string of the workbook is longer than 5 characters");
    }

    private static SharedStrings read(String xml, FileLimits limits) throws XMLStreamException {
        return SharedStrings.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), limits);
    }
}
