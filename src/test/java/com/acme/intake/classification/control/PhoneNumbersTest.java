package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.acme.intake.classification.entity.Detected;

class PhoneNumbersTest {

    private final PhoneNumbers phones = new PhoneNumbers();

    @Test
    void japanese_mobile_fixed_and_free_dial_numbers() {
        assertThat(phones.kind("090-1234-5678")).isEqualTo(Detected.JP_MOBILE);
        assertThat(phones.kind("08012345678")).isEqualTo(Detected.JP_MOBILE);
        assertThat(phones.kind("070-2345-6789")).isEqualTo(Detected.JP_MOBILE);
        assertThat(phones.kind("03-1234-5678")).isEqualTo(Detected.JP_FIXED_LINE);
        assertThat(phones.kind("045-212-3456")).isEqualTo(Detected.JP_FIXED_LINE);
        assertThat(phones.kind("0120-123-456")).isEqualTo(Detected.JP_FREE_DIAL);
        assertThat(phones.kind("0570-012-345")).isEqualTo(Detected.JP_FREE_DIAL);
        assertThat(phones.kind("+81 90-1234-5678")).isEqualTo(Detected.JP_MOBILE);
    }

    @Test
    void international_numbers() {
        assertThat(phones.kind("+44 20 7946 0018")).isEqualTo(Detected.PHONE_INTERNATIONAL);
        assertThat(phones.kind("+1 415 555 0123")).isEqualTo(Detected.PHONE_INTERNATIONAL);
    }

    @Test
    void ids_and_amounts_are_no_phone_numbers() {
        assertThat(phones.kind("1234567890")).as("no trunk prefix").isNull();
        assertThat(phones.kind("090-1234")).as("too short").isNull();
        assertThat(phones.kind("ORD-2024-000123")).isNull();
        assertThat(phones.kind("2024-01-15")).isNull();
        assertThat(phones.kind("000-0000-0000")).as("not a valid range").isNull();
    }

    @Test
    void keeping_the_answer_per_prefix_gives_libphonenumbers_answer_for_every_japanese_number() {
        // given random national numbers of every length and prefix, each asked of a warm cache and of libphonenumber alone
        java.util.Random random = new java.util.Random(16);
        java.util.List<String> mismatches = new java.util.ArrayList<>();
        int valid = 0;
        for (int i = 0; i < 30_000; i++) {
            int length = 10 + random.nextInt(2);
            StringBuilder number = new StringBuilder("0");
            number.append(1 + random.nextInt(9));
            while (number.length() < length) {
                number.append(random.nextInt(10));
            }
            Detected cached = phones.kind(number.toString());
            Detected direct = new PhoneNumbers().kind(number.toString());
            if (!java.util.Objects.equals(cached, direct)) {
                mismatches.add(number + ": " + cached + " instead of " + direct);
            }
            valid += direct != null ? 1 : 0;
        }
        assertThat(valid).as("the sample covers valid numbers").isGreaterThan(10_000);
        assertThat(mismatches).isEmpty();
    }

    @Test
    void the_answer_kept_per_prefix_is_the_answer_of_libphonenumber() {
        // given the first number of a range was checked, later ones of the same prefix and length get the same kind
        assertThat(phones.kind("090-1234-5678")).isEqualTo(Detected.JP_MOBILE);
        assertThat(phones.kind("090-1239-9999")).isEqualTo(Detected.JP_MOBILE);
        assertThat(phones.kind("0901234")).as("too short, before any lookup").isNull();
        assertThat(phones.kind("03-1234-5678")).isEqualTo(Detected.JP_FIXED_LINE);
        assertThat(phones.kind("0312345678")).isEqualTo(Detected.JP_FIXED_LINE);
        assertThat(phones.kind("03-1234-56789")).as("same prefix, one digit too many").isNull();
    }
}
