package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.acme.intake.classification.entity.Detected;

class ColumnNameTest {

    private static Optional<Detected> personal(String name) {
        return ColumnName.of(name).personal().map(ColumnName.Hint::detected);
    }

    @Test
    void japanese_and_english_names_after_nfkc() {
        assertThat(personal("携帯")).contains(Detected.PHONE);
        assertThat(personal("ﾌﾘｶﾞﾅ")).as("half-width kana").contains(Detected.PERSON_NAME);
        assertThat(personal("ＥＭＡＩＬ")).as("full-width letters").contains(Detected.EMAIL);
        assertThat(personal("emailAddress")).contains(Detected.EMAIL);
        assertThat(personal("顧客_郵便番号")).contains(Detected.POSTAL_CODE);
        assertThat(personal("dateOfBirth")).contains(Detected.BIRTH_DATE);
    }

    @Test
    void the_most_specific_kind_wins() {
        assertThat(personal("ip_address")).contains(Detected.IP_ADDRESS);
        assertThat(personal("email_address")).contains(Detected.EMAIL);
        assertThat(personal("home_address")).contains(Detected.ADDRESS);
    }

    @Test
    void name_counts_for_people_only() {
        assertThat(ColumnName.of("customer_name").personal()).hasValueSatisfying(h -> assertThat(h.strong()).isTrue());
        assertThat(ColumnName.of("name").personal()).hasValueSatisfying(h -> assertThat(h.strong()).isFalse());
        assertThat(personal("product_name")).isEmpty();
        assertThat(personal("file_name")).isEmpty();
        assertThat(personal("商品名")).isEmpty();
        assertThat(personal("氏名")).contains(Detected.PERSON_NAME);
        assertThat(personal("担当者名")).contains(Detected.PERSON_NAME);
    }

    @Test
    void special_categories() {
        assertThat(ColumnName.of("既往歴").sensitive().map(ColumnName.Hint::detected)).contains(Detected.HEALTH);
        assertThat(ColumnName.of("診断コード").sensitive().map(ColumnName.Hint::detected)).contains(Detected.HEALTH);
        assertThat(ColumnName.of("religion").sensitive().map(ColumnName.Hint::detected)).contains(Detected.RELIGION);
        assertThat(ColumnName.of("has_criminal_record").sensitive().map(ColumnName.Hint::detected))
                .contains(Detected.CRIMINAL_RECORD);
        assertThat(ColumnName.of("order_total").sensitive()).isEmpty();
        assertThat(ColumnName.of("wardrobe").sensitive()).as("whole words only").isEmpty();
    }

    @Test
    void short_words_match_whole_words_only() {
        assertThat(personal("tip_amount")).as("'ip' inside a word").isEmpty();
        assertThat(personal("hotel")).as("'tel' inside a word").isEmpty();
        assertThat(personal("pandemic_flag")).as("'pan' inside a word").isEmpty();
    }
}
