package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.acme.intake.classification.entity.Detected;

class PhoneNumbersTest {

    @Test
    void japanese_mobile_fixed_and_free_dial_numbers() {
        assertThat(PhoneNumbers.kind("090-1234-5678")).isEqualTo(Detected.JP_MOBILE);
        assertThat(PhoneNumbers.kind("08012345678")).isEqualTo(Detected.JP_MOBILE);
        assertThat(PhoneNumbers.kind("070-2345-6789")).isEqualTo(Detected.JP_MOBILE);
        assertThat(PhoneNumbers.kind("03-1234-5678")).isEqualTo(Detected.JP_FIXED_LINE);
        assertThat(PhoneNumbers.kind("045-212-3456")).isEqualTo(Detected.JP_FIXED_LINE);
        assertThat(PhoneNumbers.kind("0120-123-456")).isEqualTo(Detected.JP_FREE_DIAL);
        assertThat(PhoneNumbers.kind("0570-012-345")).isEqualTo(Detected.JP_FREE_DIAL);
        assertThat(PhoneNumbers.kind("+81 90-1234-5678")).isEqualTo(Detected.JP_MOBILE);
    }

    @Test
    void international_numbers() {
        assertThat(PhoneNumbers.kind("+44 20 7946 0018")).isEqualTo(Detected.PHONE_INTERNATIONAL);
        assertThat(PhoneNumbers.kind("+1 415 555 0123")).isEqualTo(Detected.PHONE_INTERNATIONAL);
    }

    @Test
    void ids_and_amounts_are_no_phone_numbers() {
        assertThat(PhoneNumbers.kind("1234567890")).as("no trunk prefix").isNull();
        assertThat(PhoneNumbers.kind("090-1234")).as("too short").isNull();
        assertThat(PhoneNumbers.kind("ORD-2024-000123")).isNull();
        assertThat(PhoneNumbers.kind("2024-01-15")).isNull();
        assertThat(PhoneNumbers.kind("000-0000-0000")).as("not a valid range").isNull();
    }
}
