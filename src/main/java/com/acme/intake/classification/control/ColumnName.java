package com.acme.intake.classification.control;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.acme.intake.classification.entity.Detected;

/**
 * What a column's name says. The name is NFKC-normalised (full-width letters and digits, half-width
 * kana, {@code ㈱}-style signs become their plain forms) and lower-cased; Latin words are split at
 * {@code _ - . space} and at camelCase humps, and matched as whole words (or, for long words, inside
 * a compound such as {@code emailaddress}); Japanese words are matched anywhere in the name, since
 * Japanese names have no word breaks.
 */
final class ColumnName {

    /** A word of the name that points to a kind of PII; {@code strong} when it alone is evidence enough. */
    record Hint(Detected detected, String word, boolean strong) {
    }

    /** Words in front of "name" that make it a person's name ({@code customer_name}). */
    private static final Set<String> PERSON_QUALIFIERS = Set.of("customer", "contact", "person", "member", "patient",
            "employee", "applicant", "owner", "holder", "recipient", "sender", "guardian", "student", "staff",
            "full", "first", "last", "given", "family", "middle", "maiden", "kana", "kanji", "legal", "real",
            "account", "card", "billing", "shipping", "emergency", "parent", "spouse", "client", "buyer", "driver");

    private final String raw;
    private final String normalized;
    private final List<String> words;
    private final String joined;

    private ColumnName(String raw) {
        this.raw = raw;
        String nfkc = Normalizer.normalize(raw, Normalizer.Form.NFKC);
        this.normalized = nfkc.toLowerCase(Locale.ROOT);
        List<String> split = new ArrayList<>();
        for (String part : nfkc.replaceAll("([a-z0-9])([A-Z])", "$1 $2").split("[^\\p{L}\\p{N}]+")) {
            if (!part.isEmpty()) {
                split.add(part.toLowerCase(Locale.ROOT));
            }
        }
        this.words = List.copyOf(split);
        this.joined = String.join("", split);
    }

    static ColumnName of(String raw) {
        return new ColumnName(raw);
    }

    String raw() {
        return raw;
    }

    /** The special category the name points to, if any. */
    Optional<Hint> sensitive() {
        return first(SENSITIVE);
    }

    /** The (non-sensitive) kind of PII the name points to, if any; the most specific kind wins. */
    Optional<Hint> personal() {
        Optional<Hint> hint = first(PERSONAL);
        if (hint.isPresent()) {
            return hint;
        }
        return personName();
    }

    private Optional<Hint> personName() {
        for (String japanese : List.of("氏名", "フリガナ", "ふりがな", "苗字", "名字", "姓名", "者名", "顧客名", "会員名",
                "患者名", "宛名", "お名前")) {
            if (normalized.contains(japanese)) {
                return Optional.of(new Hint(Detected.PERSON_NAME, japanese, true));
            }
        }
        if (Set.of("姓", "名", "氏", "せい", "めい", "セイ", "メイ", "カナ", "かな").contains(normalized)) {
            return Optional.of(new Hint(Detected.PERSON_NAME, normalized, true));
        }
        if (normalized.contains("名前")) {
            return Optional.of(new Hint(Detected.PERSON_NAME, "名前", false));
        }
        for (String compound : List.of("fullname", "firstname", "lastname", "givenname", "familyname", "surname",
                "forename", "middlename", "furigana", "namekana", "kananame", "namekanji")) {
            if (joined.contains(compound)) {
                return Optional.of(new Hint(Detected.PERSON_NAME, compound, true));
            }
        }
        int at = words.indexOf("name");
        if (at < 0) {
            return Optional.empty();
        }
        if (at == 0 && words.size() == 1) {
            return Optional.of(new Hint(Detected.PERSON_NAME, "name", false));
        }
        if (at > 0 && PERSON_QUALIFIERS.contains(words.get(at - 1))) {
            return Optional.of(new Hint(Detected.PERSON_NAME, words.get(at - 1) + " name", true));
        }
        if (at == 0 && words.size() > 1 && PERSON_QUALIFIERS.contains(words.get(1))) {
            return Optional.of(new Hint(Detected.PERSON_NAME, "name " + words.get(1), true));
        }
        return Optional.empty();
    }

    private Optional<Hint> first(List<Rule> rules) {
        for (Rule rule : rules) {
            Optional<String> word = rule.match(this);
            if (word.isPresent()) {
                return Optional.of(new Hint(rule.detected, word.get(), rule.strong));
            }
        }
        return Optional.empty();
    }

    /**
     * Japanese words match anywhere in the name; Latin words match a whole word, and those of five
     * letters or more also inside the joined words (so {@code emailAddress}, {@code e_mail} and
     * {@code EMAILADDR} all count).
     */
    private record Rule(Detected detected, boolean strong, List<String> japanese, List<String> latin) {

        Optional<String> match(ColumnName name) {
            for (String word : japanese) {
                if (name.normalized.contains(word)) {
                    return Optional.of(word);
                }
            }
            for (String word : latin) {
                if (name.words.contains(word) || (word.length() >= 5 && name.joined.contains(word))) {
                    return Optional.of(word);
                }
            }
            return Optional.empty();
        }
    }

    private static Rule rule(Detected detected, List<String> japanese, List<String> latin) {
        return new Rule(detected, true, japanese, latin);
    }

    private static final List<Rule> SENSITIVE = List.of(
            rule(Detected.HEALTH, List.of("病歴", "既往歴", "診断", "病名", "傷病", "健康", "疾患", "疾病", "持病", "障害", "障がい",
                    "服薬", "処方", "アレルギー", "症状", "通院", "入院", "妊娠", "治療", "診療", "検診", "健診", "血液型"),
                    List.of("health", "medical", "diagnosis", "diagnoses", "disease", "illness", "allergy", "allergies",
                            "medication", "prescription", "symptom", "symptoms", "disability", "pregnancy", "treatment",
                            "clinical", "icd10", "hiv", "diabetes", "hypertension", "asthma", "cancer", "depression",
                            "dementia", "epilepsy", "hepatitis")),
            rule(Detected.RELIGION, List.of("宗教", "信仰", "宗派"), List.of("religion", "religious", "faith", "denomination")),
            rule(Detected.CRIMINAL_RECORD, List.of("犯罪", "前科", "犯歴", "逮捕", "刑罰", "有罪", "非行"),
                    List.of("criminal", "conviction", "convictions", "offence", "offense", "arrest", "arrests")),
            rule(Detected.ETHNICITY, List.of("人種", "民族", "門地"), List.of("race", "ethnicity", "ethnic")),
            rule(Detected.POLITICS, List.of("政党", "信条", "思想"), List.of("political", "politics", "party_affiliation")),
            rule(Detected.TRADE_UNION, List.of("労働組合", "組合員"), List.of("union_member", "tradeunion", "unionmember")),
            rule(Detected.SEXUALITY, List.of("性的指向", "性自認", "性生活"), List.of("sexual", "sexuality", "orientation")));

    /** Most specific first: "ip_address" is an IP address before it is an address. */
    private static final List<Rule> PERSONAL = List.of(
            rule(Detected.MY_NUMBER, List.of("マイナンバー", "個人番号"), List.of("mynumber", "kojinbango")),
            rule(Detected.CREDIT_CARD, List.of("カード番号", "クレジットカード", "クレカ"),
                    List.of("cardnumber", "creditcard", "cardno", "ccnumber", "pan")),
            rule(Detected.EMAIL, List.of("メール"), List.of("email", "mail", "mailaddress")),
            rule(Detected.IP_ADDRESS, List.of(), List.of("ip", "ipv4", "ipv6", "ipaddr", "ipaddress", "remoteaddr")),
            rule(Detected.PHONE, List.of("電話", "携帯", "ケータイ", "ファックス", "ファクス"),
                    List.of("phone", "tel", "telephone", "mobile", "cell", "cellphone", "fax", "msisdn", "phonenumber")),
            rule(Detected.POSTAL_CODE, List.of("郵便番号", "〒", "郵便"), List.of("zip", "zipcode", "postal", "postcode")),
            rule(Detected.BIRTH_DATE, List.of("生年月日", "誕生日", "生まれ", "出生"), List.of("birth", "dob", "born", "birthday")),
            rule(Detected.ADDRESS, List.of("住所", "所在地", "番地"), List.of("address", "addr", "street")));
}
