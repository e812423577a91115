package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueChecksTest {

    @Test
    void e_mail_addresses() {
        assertThat(ValueChecks.email("taro.yamada@example.com")).isTrue();
        assertThat(ValueChecks.email("o'brien+news@mail.example.co.jp")).isTrue();
        assertThat(ValueChecks.email("not an address")).isFalse();
        assertThat(ValueChecks.email("@example.com")).isFalse();
        assertThat(ValueChecks.email("taro@localhost")).isFalse();
    }

    @Test
    void my_number_needs_its_check_digit() {
        // given 11 digits 12345678901: sum of P(n)*Q(n) = 1*2+0*3+9*4+8*5+7*6+6*7+5*2+4*3+3*4+2*5+1*6 = 212,
        // 212 mod 11 = 3, check digit 11 - 3 = 8
        assertThat(ValueChecks.myNumber("123456789018")).isTrue();
        assertThat(ValueChecks.myNumber("123456789017")).isFalse();
        assertThat(ValueChecks.myNumber(ValueChecks.digits("1234 5678 9018"))).isTrue();
        assertThat(ValueChecks.myNumber("12345678901")).isFalse();
        assertThat(ValueChecks.myNumber(null)).isFalse();
    }

    @Test
    void card_numbers_need_luhn_and_a_known_issuer() {
        assertThat(ValueChecks.cardNumber(ValueChecks.digits("4111 1111 1111 1111"))).isTrue();
        assertThat(ValueChecks.cardNumber("5555555555554444")).isTrue();
        assertThat(ValueChecks.cardNumber("378282246310005")).isTrue();
        assertThat(ValueChecks.cardNumber("3530111333300000")).isTrue();
        assertThat(ValueChecks.cardNumber("4111111111111112")).as("Luhn fails").isFalse();
        assertThat(ValueChecks.cardNumber("4901234567894")).as("a 13-digit JAN code that passes Luhn and begins with 4")
                .isFalse();
        assertThat(ValueChecks.cardNumber("9111111111111111")).isFalse();
    }

    @Test
    void ip_addresses_v4_and_v6() {
        assertThat(ValueChecks.ipAddress("192.168.0.1")).isTrue();
        assertThat(ValueChecks.ipAddress("2001:db8::1")).isTrue();
        assertThat(ValueChecks.ipAddress("2001:0db8:0000:0000:0000:ff00:0042:8329")).isTrue();
        assertThat(ValueChecks.ipAddress("::ffff:192.0.2.128")).isTrue();
        assertThat(ValueChecks.ipAddress("256.1.1.1")).isFalse();
        assertThat(ValueChecks.ipAddress("1.2.3")).as("a version number").isFalse();
        assertThat(ValueChecks.ipAddress("12:30")).isFalse();
        assertThat(ValueChecks.ipAddress("2001:db8::1::2")).isFalse();
    }

    @Test
    void postal_codes_with_and_without_their_sign() {
        assertThat(ValueChecks.markedPostalCode("〒150-0041")).isTrue();
        assertThat(ValueChecks.markedPostalCode("〒 1500041")).isTrue();
        assertThat(ValueChecks.markedPostalCode("150-0041")).isFalse();
        assertThat(ValueChecks.unmarkedPostalCode("150-0041")).isTrue();
        assertThat(ValueChecks.unmarkedPostalCode("1500041")).isTrue();
        assertThat(ValueChecks.unmarkedPostalCode("150-00411")).isFalse();
    }

    @Test
    void addresses_begin_with_a_prefecture_and_go_on() {
        assertThat(ValueChecks.PREFECTURES).hasSize(47).doesNotHaveDuplicates();
        assertThat(ValueChecks.japaneseAddress("東京都渋谷区神南1-2-3")).isTrue();
        assertThat(ValueChecks.japaneseAddress("〒150-0041 東京都渋谷区神南1-2-3")).isTrue();
        assertThat(ValueChecks.japaneseAddress("北海道札幌市中央区北1条西2丁目")).isTrue();
        assertThat(ValueChecks.japaneseAddress("東京都")).as("a prefecture alone").isFalse();
        assertThat(ValueChecks.japaneseAddress("北海道産牛乳")).as("a product from a prefecture").isFalse();
        assertThat(ValueChecks.japaneseAddress("渋谷区神南1-2-3")).isFalse();
    }

    @Test
    void health_conditions_by_ending_or_name() {
        assertThat(ValueChecks.healthCondition("糖尿病")).isTrue();
        assertThat(ValueChecks.healthCondition("アトピー性皮膚炎")).isTrue();
        assertThat(ValueChecks.healthCondition("Hypertension")).isTrue();
        assertThat(ValueChecks.healthCondition("東病棟")).isFalse();
        assertThat(ValueChecks.healthCondition("緑茶")).isFalse();
    }

    @Test
    void contact_details_inside_free_text() {
        assertThat(ValueChecks.containsContact("折り返しは 090-1234-5678 までお願いします")).isTrue();
        assertThat(ValueChecks.containsContact("連絡先: taro@example.jp")).isTrue();
        assertThat(ValueChecks.containsContact("注文番号 2024-0001-23 の件")).isFalse();
        assertThat(ValueChecks.containsContact("配送が早くて助かりました")).isFalse();
    }

    @Test
    void a_long_text_is_searched_in_its_beginning_only() {
        String filler = "a".repeat(ValueChecks.CONTACT_SEARCH_CHARS);
        assertThat(ValueChecks.containsContact("連絡先 090-1234-5678 " + filler)).isTrue();
        assertThat(ValueChecks.containsContact(filler + " 090-1234-5678")).isFalse();
        // an '@' after a megabyte of letters: no search over the whole text
        assertThat(ValueChecks.containsContact("x".repeat(1_000_000) + "@example.com")).isFalse();
    }
}
