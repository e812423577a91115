package com.acme.intake.provisioning.control;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.acme.intake.masking.entity.PseudonymKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MaskingKeysTest {

    private static final String SECRET = "k7Q2p9Zr4Xw8Lm3Nv6Bt1Yc5Hd0Fg2Js";

    @Test
    void theEmbeddedDefaultWithoutAKeyUsesTheDemoKey() {
        PseudonymKey key = MaskingKeys.resolve(Optional.empty(), Optional.empty(), true);

        assertThat(key.id()).isEqualTo(MaskingKeys.DEMO_KEY_ID);
        assertThat(new String(key.secret(), java.nio.charset.StandardCharsets.UTF_8)).startsWith("DEMO-ONLY");
    }

    @Test
    void withoutTheEmbeddedDefaultAMissingKeyStopsTheStart() {
        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.empty(), Optional.of("2025-01"), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_MASKING_KEY");
        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.of("  "), Optional.empty(), false))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("No masking key configured");
    }

    @Test
    void aConfiguredKeyIsUsedWithItsId() {
        PseudonymKey key = MaskingKeys.resolve(Optional.of(SECRET), Optional.of(" 2025-01 "), false);

        assertThat(key).isEqualTo(PseudonymKey.ofUtf8("2025-01", SECRET));
    }

    @Test
    void aConfiguredKeyNeedsAnId() {
        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.of(SECRET), Optional.empty(), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_MASKING_KEY_ID")
                .hasMessageNotContaining(SECRET);
    }

    @Test
    void aShortKeyIsRefusedEvenOnTheEmbeddedDefault() {
        String shortSecret = "only-31-bytes-long-secret-value";

        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.of(shortSecret), Optional.of("k1"), true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("31 bytes")
                .hasMessageNotContaining(shortSecret);
    }

    @Test
    void japaneseKeysCountInUtf8Bytes() {
        String secret = "秘密鍵".repeat(4); // 12 characters, 36 bytes

        assertThat(MaskingKeys.resolve(Optional.of(secret), Optional.of("jp-1"), false).id()).isEqualTo("jp-1");
    }

    @Test
    void theDemoKeyAndItsIdAreRefusedAsConfiguration() {
        PseudonymKey demo = MaskingKeys.resolve(Optional.empty(), Optional.empty(), true);
        String demoSecret = new String(demo.secret(), java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.of(SECRET), Optional.of("demo-key"), false))
                .hasMessageContaining("reserved");
        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.of(demoSecret), Optional.of("prod-1"), false))
                .hasMessageContaining("public demo key")
                .hasMessageNotContaining(demoSecret);
    }

    @Test
    void anIdWithoutAKeyIsAMistakeOnTheEmbeddedDefault() {
        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.empty(), Optional.of("k1"), true))
                .hasMessageContaining("set both");
    }

    @Test
    void keyIdsArePlain() {
        assertThatThrownBy(() -> MaskingKeys.resolve(Optional.of(SECRET), Optional.of("key id with spaces"), false))
                .hasMessageContaining("must be 1 to 64 characters");
    }
}
