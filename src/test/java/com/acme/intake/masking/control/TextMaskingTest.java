package com.acme.intake.masking.control;

import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingSpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** REDACT, SHOW_FIRST_N, SHOW_LAST_N and EMAIL, as the loader calls them. */
class TextMaskingTest {

    private static final String THUMBS_UP_MEDIUM = "\uD83D\uDC4D\uD83C\uDFFD";
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";
    /** 𠮷 (U+20BB7), a kanji outside the BMP: one code point, two chars. */
    private static final String YOSHI = "\uD842\uDFB7";

    private static String mask(MaskingSpec spec, String value) {
        return (String) ColumnMasker.compile(spec, ColumnType.VARCHAR, null).mask(value);
    }

    private static String redact(String value) {
        return mask(MaskingSpec.of(MaskingMethod.REDACT), value);
    }

    private static String showLast(int n, String value) {
        return mask(MaskingSpec.of(MaskingMethod.SHOW_LAST_N).with("n", n), value);
    }

    private static String showFirst(int n, String value) {
        return mask(MaskingSpec.of(MaskingMethod.SHOW_FIRST_N).with("n", n), value);
    }

    private static String email(String value) {
        return mask(MaskingSpec.of(MaskingMethod.EMAIL), value);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                    | \"\"",
            "Tanaka Ichirō             | Xxxxxx Xxxxxx",
            "ÉCOLE Ärger               | XXXXX Xxxxx",
            "山田太郎                    | xxxx",
            "ヤマダ タロウ                | xxx xxx",
            "やまだ　たろう               | xxx　xxx",
            "김민준                     | xxx",
            "Иван Петров               | xxxx xxxxxx",
            "Ωmega                     | xxxxx",
            "ǅemal                     | xxxxx",
            "Ａｂｃ１２３                  | Xxx000",
            "０９０-１２３４-５６７８        | 000-0000-0000",
            "090-1234-5678             | 000-0000-0000",
            "東京都港区1-2-3 〒105-0011    | xxxxx0-0-0 〒000-0000",
            "\"a.b_c+d@e!?\"            | \"x.x_x+x@x!?\"",
            "Ⅻ ① ² ½                    | Ⅻ ① ² ½",
            "一二三                      | xxx"})
    void redactReplacesLettersAndDigitsAndKeepsEverythingElse(String value, String expected) {
        assertThat(redact(value)).isEqualTo(expected);
    }

    @Test
    void redactKeepsCombiningMarks() {
        // given: é written as e + COMBINING ACUTE ACCENT, and が as か + COMBINING VOICED SOUND MARK
        String value = "Rene\u0301 \u304B\u3099";

        // when / then
        assertThat(redact(value)).isEqualTo("Xxxx\u0301 x\u3099");
    }

    @Test
    void redactKeepsEmojiWhole() {
        // given
        String value = "ok " + THUMBS_UP_MEDIUM + " " + FAMILY + "!";

        // when / then
        assertThat(redact(value)).isEqualTo("xx " + THUMBS_UP_MEDIUM + " " + FAMILY + "!");
    }

    @Test
    void redactReplacesASupplementaryLetterByOneCharacter() {
        // given
        String value = YOSHI + "野家";

        // when
        String redacted = redact(value);

        // then: one x per code point, no half surrogate left behind
        assertThat(redacted).isEqualTo("xxx");
    }

    @Test
    void redactKeepsALoneSurrogateAsItIs() {
        assertThat(redact("\uD800a")).isEqualTo("\uD800x");
    }

    @ParameterizedTest(name = "n={0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "4 | 090-1234-5678   | 000-0000-5678",
            "4 | ０９０１２３４５６７８ | 0000000５６７８",
            "2 | 山田太郎          | xx太郎",
            "0 | 山田太郎          | xxxx",
            "4 | 山田太郎          | 山田太郎",
            "4 | abc             | abc",
            "1000 | abc          | abc"})
    void showLastNRedactsAllButTheLastN(int n, String value, String expected) {
        assertThat(showLast(n, value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "n={0}: {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "1 | 山田太郎          | 山xxx",
            "4 | 4111111111111111 | 4111000000000000",
            "0 | ヤマダ            | xxx",
            "3 | ヤマダ            | ヤマダ",
            "9 | ヤマダ            | ヤマダ"})
    void showFirstNRedactsAllButTheFirstN(int n, String value, String expected) {
        assertThat(showFirst(n, value)).isEqualTo(expected);
    }

    @Test
    void showNWithTheDefaultLeavesFourVisible() {
        assertThat(mask(MaskingSpec.of(MaskingMethod.SHOW_LAST_N), "090-1234-5678")).isEqualTo("000-0000-5678");
        assertThat(mask(MaskingSpec.of(MaskingMethod.SHOW_FIRST_N), "090-1234-5678")).isEqualTo("090-0000-0000");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4})
    void showNOfTheEmptyStringIsEmpty(int n) {
        assertThat(showLast(n, "")).isEmpty();
        assertThat(showFirst(n, "")).isEmpty();
    }

    @Test
    void showNCountsCodePointsSoSurrogatePairsAreNeverSplit() {
        // given: 𠮷𠮷野 is five chars but three code points
        String value = YOSHI + YOSHI + "野";

        // then
        assertThat(showLast(2, value)).isEqualTo("x" + YOSHI + "野");
        assertThat(showFirst(1, value)).isEqualTo(YOSHI + "xx");
        assertThat(showLast(3, value)).isEqualTo(value);
        assertThat(showFirst(2, YOSHI + YOSHI)).isEqualTo(YOSHI + YOSHI);
    }

    @Test
    void showLastNCountsACombiningMarkAsACodePointOfItsOwn() {
        // given: café with a decomposed é has five code points
        String value = "cafe\u0301";

        // then: the visible code point is the accent, the e beneath it is redacted
        assertThat(showLast(1, value)).isEqualTo("xxxx\u0301");
        assertThat(showLast(2, value)).isEqualTo("xxxe\u0301");
    }

    @Test
    void showLastNKeepsEmojiWholeWhereverTheBoundaryFalls() {
        // given: 👍🏽 is two code points, the family emoji five
        String value = "ab" + THUMBS_UP_MEDIUM + FAMILY;

        // then
        assertThat(showLast(1, value)).isEqualTo("xx" + THUMBS_UP_MEDIUM + FAMILY);
        assertThat(showLast(6, value)).isEqualTo("xx" + THUMBS_UP_MEDIUM + FAMILY);
        assertThat(showFirst(3, value)).isEqualTo("ab" + THUMBS_UP_MEDIUM + FAMILY);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "taro.yamada@example.co.jp | XXXXX@example.co.jp",
            "Taro+News@Example.COM     | XXXXX@Example.COM",
            "山田@例え.jp               | XXXXX@例え.jp",
            "a@b.c                     | XXXXX@b.c"})
    void emailReplacesTheLocalPartAndKeepsTheDomain(String value, String expected) {
        assertThat(email(value)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\"\"                  | \"\"",
            "not an address        | xxx xx xxxxxxx",
            "@example.com          | @xxxxxxx.xxx",
            "taro@                 | xxxx@",
            "taro@localhost        | xxxx@xxxxxxxxx",
            "a@b@example.com       | x@x@xxxxxxx.xxx",
            "taro@.example.com     | xxxx@.xxxxxxx.xxx",
            "taro@example.com.     | xxxx@xxxxxxx.xxx.",
            "taro@example..com     | xxxx@xxxxxxx..xxx",
            "ta ro@example.com     | xx xx@xxxxxxx.xxx",
            "\"taro@example.com \" | \"xxxx@xxxxxxx.xxx \"",
            "山田　太郎@example.jp     | xx　xx@xxxxxxx.xx",
            "taro＠example.com      | xxxx＠xxxxxxx.xxx",
            "電話 03-1234-5678       | xx 00-0000-0000"})
    void emailRedactsAValueThatIsNotAnAddressWhole(String value, String expected) {
        assertThat(email(value)).isEqualTo(expected);
    }

    @Test
    void emailRefusesControlCharactersAndNoBreakSpaces() {
        assertThat(email("taro\u00A0x@example.com")).isEqualTo("xxxx\u00A0x@xxxxxxx.xxx");
        assertThat(email("taro\n@example.com")).isEqualTo("xxxx\n@xxxxxxx.xxx");
    }

    @Test
    void aMaskerCanBeReusedForManyValues() {
        // given: the masker reuses one buffer
        ColumnMasker masker = ColumnMasker.compile(MaskingSpec.of(MaskingMethod.REDACT), ColumnType.TEXT, null);

        // when
        Object first = masker.mask("長い長い名前です");
        Object second = masker.mask("Ab");

        // then
        assertThat(first).isEqualTo("xxxxxxxx");
        assertThat(second).isEqualTo("Xx");
    }
}
