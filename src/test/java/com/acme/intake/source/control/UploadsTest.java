package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.acme.intake.source.entity.FileFormat;
import com.acme.intake.kernel.Refusal;

class UploadsTest {

    @ParameterizedTest
    @ValueSource(strings = {"customers.csv", "顧客一覧.CSV", "export 2024-05.xlsx", "a.b.Xlsx"})
    void plainCsvAndXlsxNamesAreAccepted(String name) {
        assertThat(Uploads.fileFormat(name)).isIn(FileFormat.CSV, FileFormat.XLSX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc/passwd.csv", "dir/file.csv", "C:\\\\data\\\\file.xlsx", "file.txt", "file.xls", ".csv",
            "file.csv\n", "", " "})
    void pathsOtherExtensionsAndControlCharactersAreRefused(String name) {
        assertThatThrownBy(() -> Uploads.fileFormat(name)).isInstanceOfSatisfying(Refusal.class,
                r -> assertThat(r.kind()).isEqualTo(Refusal.Kind.INVALID));
    }

    @ParameterizedTest
    @ValueSource(ints = {255, 256})
    void namesAreAtMost255Characters(int length) {
        String name = "a".repeat(length - 4) + ".csv";
        if (length <= Uploads.MAX_FILE_NAME_LENGTH) {
            assertThat(Uploads.fileFormat(name)).isEqualTo(FileFormat.CSV);
        } else {
            assertThatThrownBy(() -> Uploads.fileFormat(name)).isInstanceOf(Refusal.class);
        }
    }

    @Test
    void theTimeToKeepUnusedUploadsIsAPositiveIsoDuration() {
        assertThat(Uploads.ttl(Uploads.DEFAULT_TTL)).isEqualTo(Duration.ofDays(1));
        assertThat(Uploads.ttl("PT12H")).isEqualTo(Duration.ofHours(12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1 day", "", "PT0S", "-P1D", "P1Y"})
    void anyOtherTimeToKeepStopsTheStartupSayingWhy(String ttl) {
        assertThatThrownBy(() -> Uploads.ttl(ttl)).isInstanceOf(IllegalStateException.class)
                .hasMessage("intake.uploads.ttl (INTAKE_UPLOADS_TTL) must be a positive ISO-8601 duration such as P1D"
                        + " or PT12H, not '" + ttl + "'");
    }
}
