package com.acme.intake.classification.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import com.acme.intake.classification.entity.ColumnSample;
import com.acme.intake.classification.entity.Detected;
import com.acme.intake.classification.entity.ReasonCode;
import com.acme.intake.classification.entity.Suggestion;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.PiiCategory;

class PiiClassifierTest {

    private final PiiClassifier classifier = new PiiClassifier(LocalDate.of(2026, 12, 4));

    private static ColumnSample column(String name, ColumnType type, int rows, IntFunction<Object> value) {
        List<Object> values = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            values.add(value.apply(i));
        }
        return new ColumnSample(name, type, values);
    }

    private static String mobile(int i) {
        return String.format("090-%04d-%04d", 1000 + i % 9000, (i * 7919) % 10000);
    }

    @Test
    void the_reason_gives_the_share_the_sample_size_the_kind_and_the_name() {
        // given 870 of 1,000 values are Japanese mobile numbers, the rest are blank-ish notes
        ColumnSample column = column("携帯", ColumnType.VARCHAR, 1000, i -> i < 870 ? mobile(i) : "不明");

        Suggestion s = classifier.classify(column);

        assertThat(s.pii()).isEqualTo(PiiCategory.PERSONAL);
        assertThat(s.detected()).isEqualTo(Detected.JP_MOBILE);
        assertThat(s.reasonCode()).isEqualTo(ReasonCode.VALUES_AND_NAME);
        assertThat(s.reasonArgs()).containsEntry("percent", 87).containsEntry("sampled", 1000)
                .containsEntry("detected", "JP_MOBILE").containsEntry("hint", "携帯");
        assertThat(s.reason()).isEqualTo("87 % of 1,000 sampled values look like Japanese mobile numbers; name 携帯");
        assertThat(s.masking().method()).isEqualTo(MaskingMethod.SHOW_LAST_N);
        assertThat(s.confidence()).isBetween(0.85, 0.99);
    }

    @Test
    void a_misleading_name_does_not_hide_the_values() {
        Suggestion notes = classifier.classify(column("notes", ColumnType.TEXT, 200, PiiClassifierTest::mobile));
        Suggestion field7 = classifier.classify(column("field_7", ColumnType.VARCHAR, 200, i -> "user" + i + "@example.com"));
        Suggestion title = classifier.classify(column("title", ColumnType.VARCHAR, 200,
                i -> List.of("Wireless Mouse", "緑茶ティーバッグ", "LED Desk Lamp", "今治タオル").get(i % 4)));

        assertThat(notes.pii()).isEqualTo(PiiCategory.PERSONAL);
        assertThat(notes.reasonCode()).isEqualTo(ReasonCode.VALUES);
        assertThat(field7.detected()).isEqualTo(Detected.EMAIL);
        assertThat(field7.masking().method()).isEqualTo(MaskingMethod.EMAIL);
        assertThat(title.pii()).isEqualTo(PiiCategory.NONE);
        assertThat(title.masking().method()).isEqualTo(MaskingMethod.KEEP);
        assertThat(title.reasonCode()).isEqualTo(ReasonCode.NOTHING_FOUND);
    }

    @Test
    void no_reason_ever_holds_a_sampled_value() {
        List<ColumnSample> table = List.of(
                column("email", ColumnType.VARCHAR, 50, i -> "hanako" + i + "@example.jp"),
                column("氏名", ColumnType.VARCHAR, 50, i -> "山田 太郎"),
                column("phone", ColumnType.VARCHAR, 50, PiiClassifierTest::mobile),
                column("住所", ColumnType.TEXT, 50, i -> "東京都渋谷区神南1-2-" + i));

        for (Suggestion s : classifier.classify(table)) {
            assertThat(s.reason()).doesNotContain("@example.jp", "山田", "090-", "渋谷");
            assertThat(s.reasonArgs().values()).allSatisfy(v -> assertThat(String.valueOf(v))
                    .doesNotContain("@", "山田", "090", "東京都渋谷区"));
        }
        assertThat(table.get(0).toString()).doesNotContain("hanako");
    }

    @Test
    void things_that_are_not_pii_stay_none() {
        List<ColumnSample> table = List.of(
                column("order_id", ColumnType.VARCHAR, 100, i -> "ORD-2024-" + (100000 + i)),
                column("amount", ColumnType.DECIMAL, 100, i -> new java.math.BigDecimal(i * 13 + ".50")),
                column("created_at", ColumnType.TIMESTAMP, 100, i -> LocalDateTime.of(2025, 3, 1, 10, 15).plusHours(i)),
                column("prefecture", ColumnType.VARCHAR, 100, i -> ValueChecks.PREFECTURES.get(i % 47)),
                column("is_active", ColumnType.BOOLEAN, 100, i -> i % 3 == 0),
                column("email_verified", ColumnType.BOOLEAN, 100, i -> i % 2 == 0),
                column("email_status", ColumnType.VARCHAR, 100, i -> i % 2 == 0 ? "sent" : "bounced"),
                column("product_name", ColumnType.VARCHAR, 100, i -> "Ceramic Mug " + i));

        assertThat(classifier.classify(table)).allSatisfy(s -> assertThat(s.pii()).as(s.reason()).isEqualTo(PiiCategory.NONE));
    }

    @Test
    void an_unmarked_postal_code_needs_the_name_or_an_address_in_the_table() {
        ColumnSample codes = column("pc", ColumnType.VARCHAR, 100, i -> String.format("%03d-%04d", 100 + i, i * 37 % 10000));
        ColumnSample address = column("addr1", ColumnType.TEXT, 100, i -> "大阪府大阪市北区梅田" + (i % 9 + 1) + "-1-1");

        assertThat(classifier.classify(codes).pii()).as("alone: could be a part number").isEqualTo(PiiCategory.NONE);
        assertThat(classifier.classify(List.of(codes, address)).get(0).detected()).isEqualTo(Detected.POSTAL_CODE);
        assertThat(classifier.classify(column("zip", ColumnType.VARCHAR, 100, i -> String.format("%03d-%04d", 100 + i, i)))
                .detected()).isEqualTo(Detected.POSTAL_CODE);
        assertThat(classifier.classify(column("x", ColumnType.VARCHAR, 100, i -> String.format("〒%03d-%04d", 100 + i, i)))
                .detected()).as("〒 is evidence enough").isEqualTo(Detected.POSTAL_CODE);
    }

    @Test
    void dates_of_birth_by_name_and_by_their_range() {
        ColumnSample byName = column("birth_date", ColumnType.DATE, 0, i -> null);
        ColumnSample byValues = column("d1", ColumnType.DATE, 200, i -> LocalDate.of(1950 + i % 55, 1 + i % 12, 1 + i % 28));
        ColumnSample recent = column("d2", ColumnType.DATE, 200, i -> LocalDate.of(2024, 1, 1).plusDays(i));

        Suggestion name = classifier.classify(byName);
        Suggestion values = classifier.classify(byValues);

        assertThat(name.detected()).isEqualTo(Detected.BIRTH_DATE);
        assertThat(name.reasonCode()).isEqualTo(ReasonCode.NAME);
        assertThat(name.masking().method()).isEqualTo(MaskingMethod.GENERALIZE_DATE);
        assertThat(name.masking().parameters()).containsEntry("to", "YEAR");
        assertThat(values.detected()).isEqualTo(Detected.BIRTH_DATE);
        assertThat(values.reasonCode()).isEqualTo(ReasonCode.VALUES);
        assertThat(classifier.classify(recent).pii()).isEqualTo(PiiCategory.NONE);
    }

    @Test
    void identifiers_with_check_digits_and_ip_addresses() {
        Suggestion myNumber = classifier.classify(column("ref_no", ColumnType.VARCHAR, 50, i -> "123456789018"));
        Suggestion cards = classifier.classify(column("payment_ref", ColumnType.BIGINT, 50, i -> 4111111111111111L));
        Suggestion ips = classifier.classify(column("client", ColumnType.VARCHAR, 50, i -> "203.0.113." + (i + 1)));
        Suggestion random12 = classifier.classify(column("tracking", ColumnType.VARCHAR, 110,
                i -> String.valueOf(100000000000L + i)));

        assertThat(myNumber.detected()).isEqualTo(Detected.MY_NUMBER);
        assertThat(myNumber.masking().method()).isEqualTo(MaskingMethod.DROP);
        assertThat(cards.detected()).isEqualTo(Detected.CREDIT_CARD);
        assertThat(cards.masking().method()).as("an integer column cannot show its last digits").isEqualTo(MaskingMethod.DROP);
        assertThat(ips.detected()).isEqualTo(Detected.IP_ADDRESS);
        assertThat(random12.pii()).as("about one in eleven passes the check digit").isEqualTo(PiiCategory.NONE);
    }

    @Test
    void special_categories_are_sensitive_by_name_or_values() {
        Suggestion history = classifier.classify(column("既往歴", ColumnType.TEXT, 10, i -> "特になし"));
        Suggestion flag = classifier.classify(column("has_diabetes", ColumnType.BOOLEAN, 10, i -> i % 2 == 0));
        Suggestion memo = classifier.classify(column("memo", ColumnType.TEXT, 60,
                i -> List.of("糖尿病", "高血圧症", "胃炎").get(i % 3)));

        assertThat(history.pii()).isEqualTo(PiiCategory.SENSITIVE);
        assertThat(history.reasonCode()).isEqualTo(ReasonCode.NAME_SENSITIVE);
        assertThat(history.reason()).isEqualTo("the name 既往歴 suggests health data, a special category");
        assertThat(flag.pii()).isEqualTo(PiiCategory.SENSITIVE);
        assertThat(flag.masking().problems(ColumnType.BOOLEAN, PiiCategory.SENSITIVE)).isEmpty();
        assertThat(memo.pii()).isEqualTo(PiiCategory.SENSITIVE);
        assertThat(memo.reasonCode()).isEqualTo(ReasonCode.VALUES_SENSITIVE);
    }

    @Test
    void names_of_people_from_the_column_name_and_from_values() {
        Suggestion strong = classifier.classify(column("氏名", ColumnType.VARCHAR, 30, i -> "X" + i));
        Suggestion plainName = classifier.classify(column("name", ColumnType.VARCHAR, 60, i -> "Wireless Mouse " + i));
        Suggestion byValues = classifier.classify(column("author", ColumnType.VARCHAR, 60,
                i -> List.of("佐藤花子", "鈴木 一郎", "Emily Smith", "ヤマダ タロウ").get(i % 4)));
        Suggestion freeText = classifier.classify(column("remarks", ColumnType.TEXT, 100,
                i -> i % 5 == 0 ? "折り返しは " + mobile(i) + " まで" : "配送が早くて助かりました"));

        assertThat(strong.detected()).as("氏名 stands on its own").isEqualTo(Detected.PERSON_NAME);
        assertThat(plainName.pii()).as("'name' holding products").isEqualTo(PiiCategory.NONE);
        assertThat(byValues.detected()).isEqualTo(Detected.PERSON_NAME);
        assertThat(byValues.masking().method()).isEqualTo(MaskingMethod.PSEUDONYMIZE);
        assertThat(freeText.detected()).isEqualTo(Detected.CONTACT_IN_TEXT);
        assertThat(freeText.reason()).isEqualTo("20 % of 100 sampled values contain phone numbers or e-mail addresses");
    }

    @Test
    void every_masking_fits_the_column_type() {
        for (Detected detected : Detected.values()) {
            for (ColumnType type : ColumnType.values()) {
                assertThat(PiiClassifier.masking(detected, type, detected.category()).problems(type, detected.category()))
                        .as(detected + " on " + type).isEmpty();
            }
        }
    }

    @Test
    void confidence_is_lower_with_fewer_values() {
        Suggestion many = classifier.classify(column("c", ColumnType.VARCHAR, 500, i -> "ok"));
        Suggestion few = classifier.classify(column("c", ColumnType.VARCHAR, 5, i -> "ok"));
        assertThat(many.confidence()).isGreaterThan(few.confidence());
        assertThat(Map.of("many", many.confidence(), "few", few.confidence()).values()).allSatisfy(
                c -> assertThat(c).isBetween(0.0, 1.0));
    }
}
