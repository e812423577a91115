package com.acme.intake.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

class JsonBodyLimitTest {

    @Test
    void a_body_within_the_limit_is_handed_on_whole() throws IOException {
        byte[] body = "{\"title\": \"x\"}".getBytes();

        assertThat(JsonBodyLimit.readAtMost(new ByteArrayInputStream(body), body.length)).isEqualTo(body);
    }

    @Test
    void a_body_over_the_limit_is_refused_after_reading_one_byte_past_it() throws IOException {
        CountingStream endless = new CountingStream();

        assertThat(JsonBodyLimit.readAtMost(endless, 1024)).as("over the limit").isNull();
        assertThat(endless.read).as("never reads more than the limit and one byte").isEqualTo(1025);
    }

    @Test
    void the_limit_defaults_to_4_mib_and_a_bad_setting_refuses_to_start() {
        assertThat(new JsonBodyLimit(null).maxBytes()).isEqualTo(4L * 1024 * 1024);
        assertThat(new JsonBodyLimit(" 65536 ").maxBytes()).isEqualTo(65536);
        assertThatThrownBy(() -> new JsonBodyLimit("4MB")).hasMessageContaining("INTAKE_JSON_MAX_BYTES");
        assertThatThrownBy(() -> new JsonBodyLimit("10")).hasMessageContaining("from 1024");
    }

    @Test
    void json_and_its_suffixed_types_are_limited_files_are_not() {
        assertThat(JsonBodyLimit.isJson("application", "json")).isTrue();
        assertThat(JsonBodyLimit.isJson("application", "merge-patch+json")).isTrue();
        assertThat(JsonBodyLimit.isJson("text", "csv")).isFalse();
        assertThat(JsonBodyLimit.isJson("application", "octet-stream")).isFalse();
    }

    /** An endless stream that counts what was taken from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return '1';
        }
    }
}
