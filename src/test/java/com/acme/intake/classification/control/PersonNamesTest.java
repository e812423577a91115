package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonNamesTest {

    private final PersonNames names = new PersonNames();

    @Test
    void kanji_names_tagged_by_kuromoji() {
        assertThat(names.looksLikeName("山田太郎")).isTrue();
        assertThat(names.looksLikeName("長谷川 千尋")).isTrue();
        assertThat(names.looksLikeName("佐々木 蓮")).isTrue();
        assertThat(names.looksLikeName("田中工業")).as("a family name and 'industry'").isFalse();
        assertThat(names.looksLikeName("緑茶ティーバッグ")).isFalse();
        assertThat(names.looksLikeName("渋谷店")).isFalse();
    }

    @Test
    void kana_names_are_two_words_that_are_no_common_nouns() {
        assertThat(names.looksLikeName("ヤマダ タロウ")).isTrue();
        assertThat(names.looksLikeName("たかはし しょうた")).isTrue();
        assertThat(names.looksLikeName("セール アウトレット")).isFalse();
        assertThat(names.looksLikeName("ワイヤレスマウス")).as("one word").isFalse();
    }

    @Test
    void latin_names_by_given_name_or_romaji() {
        assertThat(names.looksLikeName("Emily Smith")).isTrue();
        assertThat(names.looksLikeName("Smith, John")).isTrue();
        assertThat(names.looksLikeName("Taro Yamada")).isTrue();
        assertThat(names.looksLikeName("YAMADA Taro")).isTrue();
        assertThat(names.looksLikeName("Wireless Mouse")).isFalse();
        assertThat(names.looksLikeName("Coffee Beans Dark Roast")).isFalse();
        assertThat(names.looksLikeName("Sakura Tea")).as("'tea' is too short to count as romaji").isFalse();
    }
}
