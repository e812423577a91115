package com.acme.intake.masking.entity;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymKeyTest {

    @Test
    void toStringShowsTheIdButNeverTheSecret() {
        // given
        PseudonymKey key = PseudonymKey.ofUtf8("2025-01", "s3cr3t-鍵");

        // when
        String text = key.toString();

        // then
        assertThat(text).contains("2025-01").doesNotContain("s3cr3t").doesNotContain("鍵");
    }

    @Test
    void utf8SecretIsTheUtf8Encoding() {
        // given / when
        PseudonymKey key = PseudonymKey.ofUtf8("k", "鍵");

        // then
        assertThat(key.secret()).isEqualTo("鍵".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void secretIsCopiedInAndOut() {
        // given
        byte[] secret = {1, 2, 3};
        PseudonymKey key = new PseudonymKey("k", secret);

        // when
        secret[0] = 9;
        key.secret()[1] = 9;

        // then
        assertThat(key.secret()).containsExactly(1, 2, 3);
    }

    @Test
    void keysWithTheSameIdAndSecretAreEqual() {
        // given
        PseudonymKey a = new PseudonymKey("k", new byte[] {1, 2, 3});
        PseudonymKey b = new PseudonymKey("k", new byte[] {1, 2, 3});
        PseudonymKey otherSecret = new PseudonymKey("k", new byte[] {1, 2, 4});
        PseudonymKey otherId = new PseudonymKey("j", new byte[] {1, 2, 3});

        // then
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(otherSecret).isNotEqualTo(otherId);
    }

    @Test
    void hashCodeDependsOnTheIdOnly() {
        assertThat(new PseudonymKey("k", new byte[] {1}).hashCode()).isEqualTo("k".hashCode());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "\t"})
    void idMustNotBeBlank(String id) {
        assertThatThrownBy(() -> new PseudonymKey(id, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("id");
    }

    @Test
    void secretMustNotBeEmpty() {
        assertThatThrownBy(() -> PseudonymKey.ofUtf8("k", ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty secret");
    }
}
