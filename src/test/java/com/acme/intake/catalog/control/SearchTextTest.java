package com.acme.intake.catalog.control;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.acme.intake.catalog.entity.CatalogEdit;
import com.acme.intake.catalog.entity.CatalogSnapshot;

import static com.acme.intake.catalog.control.CatalogFixtures.crmColumns;
import static com.acme.intake.catalog.control.CatalogFixtures.load;
import static com.acme.intake.catalog.control.CatalogFixtures.request;
import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    private final CatalogSnapshot snapshot = CatalogEdits.apply(
            SnapshotBuilder.fromRequest(request(12, crmColumns()), load(10), null),
            new CatalogEdit(null, "Rows before 2020 have no ｾｸﾞﾒﾝﾄ", null));

    private final String text = SearchText.of(snapshot);

    /** What the database does with the pattern: SQL LIKE with escape character '\'. */
    private static boolean like(String text, String pattern) {
        var regex = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\') {
                regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
            } else if (c == '%') {
                regex.append("(?s:.*)");
            } else if (c == '_') {
                regex.append("(?s:.)");
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return text.matches(regex.toString());
    }

    @Test
    void fullWidthLatinInTheEntryIsFoundByHalfWidthLowerCase() {
        assertThat(like(text, SearchText.likePattern("crm"))).isTrue();
        assertThat(like(text, SearchText.likePattern("CRM"))).isTrue();
    }

    @Test
    void japaneseIsFoundAsASubstring() {
        assertThat(like(text, SearchText.likePattern("顧客"))).isTrue();
        assertThat(like(text, SearchText.likePattern("顧客ID"))).isTrue();
        assertThat(like(text, SearchText.likePattern("顧客ＩＤ"))).isTrue();
    }

    @Test
    void halfWidthKatakanaMatchesFullWidth() {
        assertThat(like(text, SearchText.likePattern("セグメント"))).isTrue();
    }

    @Test
    void keyColumnNamesColumnDescriptionsAndGapsAreSearched() {
        assertThat(like(text, SearchText.likePattern("marketing__crm"))).isTrue();
        assertThat(like(text, SearchText.likePattern("birth_date"))).isTrue();
        assertThat(like(text, SearchText.likePattern("mobile NUMBER"))).isTrue();
        assertThat(like(text, SearchText.likePattern("before 2020"))).isTrue();
        assertThat(like(text, SearchText.likePattern("churn"))).isTrue();
        assertThat(like(text, SearchText.likePattern("payroll"))).isFalse();
    }

    @Test
    void likeWildcardsInTheQueryAreLiteral() {
        assertThat(SearchText.likePattern(" 50%_off\\x ")).isEqualTo("%50\\%\\_off\\\\x%");
        assertThat(like(text, SearchText.likePattern("birth%date"))).isFalse();
        assertThat(like(text, SearchText.likePattern("birth_date"))).isTrue();
    }

    @Test
    void normalisationIsNfkcAndLowerCase() {
        assertThat(SearchText.normalize("ＣＲＭ ｶｽﾀﾏｰ Ⅳ")).isEqualTo("crm カスタマー iv");
        assertThat(SearchText.normalize(null)).isEmpty();
        assertThat(List.of(text.split("\n"))).contains("marketing__crm_customers", "crm 顧客マスタ");
    }
}
