package com.acme.intake.masking.control;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PseudonymKey;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PseudonymizeTest {

    private static final PseudonymKey KEY = PseudonymKey.ofUtf8("test-1", "a demo key, never used in production");
    private static final MaskingSpec PSEUDONYMIZE = MaskingSpec.of(MaskingMethod.PSEUDONYMIZE);

    private static ColumnMasker masker(ColumnType type, PseudonymKey key) {
        return ColumnMasker.compile(PSEUDONYMIZE, type, key);
    }

    /** Computed here with javax.crypto directly, independent of the masker's buffers and hex code. */
    private static String hmacHex(PseudonymKey key, String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void matchesRfc4231TestCase2() {
        // given: RFC 4231 §4.3, key "Jefe"
        PseudonymKey key = PseudonymKey.ofUtf8("rfc4231", "Jefe");

        // when
        Object pseudonym = masker(ColumnType.VARCHAR, key).mask("what do ya want for nothing?");

        // then
        assertThat(pseudonym).isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void matchesRfc4231TestCase1WithABinaryKey() {
        // given: RFC 4231 §4.2, twenty 0x0b bytes
        byte[] secret = new byte[20];
        java.util.Arrays.fill(secret, (byte) 0x0b);

        // when
        Object pseudonym = masker(ColumnType.TEXT, new PseudonymKey("rfc4231", secret)).mask("Hi There");

        // then
        assertThat(pseudonym).isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"山田太郎", "taro.yamada@example.co.jp", "", " ", "👍🏽", "e\u0301", "０９０-１２３４"})
    void isTheHexHmacOfTheUtf8Text(String value) throws Exception {
        assertThat(masker(ColumnType.VARCHAR, KEY).mask(value))
                .isEqualTo(hmacHex(KEY, value))
                .asString().matches("[0-9a-f]{64}");
    }

    @Test
    void integersArePseudonymisedByTheirDecimalTextSoTheyJoinWithText() throws Exception {
        // given
        ColumnMasker text = masker(ColumnType.VARCHAR, KEY);
        ColumnMasker integers = masker(ColumnType.BIGINT, KEY);
        String expected = hmacHex(KEY, "42");

        // then
        assertThat(text.mask("42")).isEqualTo(expected);
        assertThat(integers.mask(42L)).isEqualTo(expected);
        assertThat(integers.mask(42)).isEqualTo(expected);
        assertThat(integers.mask((short) 42)).isEqualTo(expected);
        assertThat(integers.mask(BigInteger.valueOf(42))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 7, -7, 10, -10, 1234567890123L, Long.MAX_VALUE, Long.MIN_VALUE, Long.MIN_VALUE + 1})
    void longsUseTheirToStringText(long value) throws Exception {
        assertThat(masker(ColumnType.BIGINT, KEY).mask(value)).isEqualTo(hmacHex(KEY, Long.toString(value)));
    }

    @Test
    void bigIntegersBeyondLongUseTheirToStringText() throws Exception {
        // given
        BigInteger value = new BigInteger("-123456789012345678901234567890");

        // then
        assertThat(masker(ColumnType.BIGINT, KEY).mask(value)).isEqualTo(hmacHex(KEY, value.toString()));
    }

    @Test
    void isDeterministicAcrossValuesAndMaskers() {
        // given
        ColumnMasker first = masker(ColumnType.VARCHAR, KEY);
        ColumnMasker second = masker(ColumnType.VARCHAR, PseudonymKey.ofUtf8("test-1", "a demo key, never used in production"));

        // when
        Object a = first.mask("山田太郎");
        first.mask("someone else");
        Object b = first.mask("山田太郎");
        Object c = second.mask("山田太郎");

        // then
        assertThat(a).isEqualTo(b).isEqualTo(c);
    }

    @Test
    void differentKeysGiveDifferentPseudonyms() {
        // given
        ColumnMasker first = masker(ColumnType.VARCHAR, KEY);
        ColumnMasker other = masker(ColumnType.VARCHAR, PseudonymKey.ofUtf8("test-2", "another key"));

        // then
        assertThat(first.mask("山田太郎")).isNotEqualTo(other.mask("山田太郎"));
    }

    @Test
    void differentValuesGiveDifferentPseudonyms() {
        ColumnMasker masker = masker(ColumnType.VARCHAR, KEY);
        assertThat(masker.mask("山田太郎")).isNotEqualTo(masker.mask("山田太朗"));
    }

    @Test
    void resultColumnIsVarchar() {
        assertThat(masker(ColumnType.BIGINT, KEY).resultType()).isEqualTo(ColumnType.VARCHAR);
    }

    @Test
    void needsAKey() {
        assertThatThrownBy(() -> masker(ColumnType.VARCHAR, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("key");
    }
}
