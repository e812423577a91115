package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class ClassificationSettingsTest {

    private static ClassificationSettings with(String value) {
        Map<String, String> config = value == null ? Map.of() : Map.of(ClassificationSettings.SAMPLE_ROWS, value);
        return ClassificationSettings.from(name -> Optional.ofNullable(config.get(name)));
    }

    @Test
    void samples_1000_rows_unless_told_otherwise() {
        assertThat(with(null).sampleRows()).isEqualTo(1000);
        assertThat(with(" 250 ").sampleRows()).isEqualTo(250);
        assertThat(with("1").sampleRows()).isEqualTo(1);
    }

    @Test
    void refuses_anything_but_a_positive_whole_number_naming_the_setting() {
        assertThatThrownBy(() -> with("0")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_PII_SAMPLE_ROWS").hasMessageContaining("not 0");
        assertThatThrownBy(() -> with("-5")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> with("1k")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_PII_SAMPLE_ROWS").hasMessageContaining("'1k'");
        assertThatThrownBy(() -> with("")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> with("100001")).isInstanceOf(IllegalStateException.class);
    }
}
