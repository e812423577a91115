package com.acme.intake.classification.control;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks of one value (already NFKC-normalised and stripped) for a format of personal data. Each is
 * a pure function of the text; checksums are verified where the format has one (My Number's check
 * digit, Luhn for card numbers), so a column of random 12- or 16-digit ids does not pass.
 */
final class ValueChecks {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+'-]{1,64}@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
    private static final Pattern EMBEDDED_EMAIL = Pattern.compile(
            "[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,24}");
    private static final Pattern EMBEDDED_PHONE = Pattern.compile(
            "(?<![\\d-])(?:0\\d{1,4}-\\d{1,4}-\\d{3,4}|0[789]0\\d{8}|\\+\\d{1,3}[ -]\\d{1,4}[ -]\\d{2,4}[ -]?\\d{3,4})(?![\\d-])");
    /** How much of a long text is searched for contact details. */
    static final int CONTACT_SEARCH_CHARS = 2000;
    private static final Pattern IPV4 = Pattern.compile(
            "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6_GROUP = Pattern.compile("[0-9A-Fa-f]{1,4}");
    private static final Pattern POSTAL_MARKED = Pattern.compile("〒 ?\\d{3}-?\\d{4}");
    private static final Pattern POSTAL_HYPHEN = Pattern.compile("\\d{3}-\\d{4}");
    private static final Pattern POSTAL_DIGITS = Pattern.compile("\\d{7}");
    private static final Pattern SEPARATED_DIGITS = Pattern.compile("\\d[\\d -]*\\d");
    /** What may stand between a prefecture and the rest of an address. */
    private static final Pattern ADDRESS_REST = Pattern.compile(".*(?:[市区町村郡]|\\d|丁目|番地).*");

    /** The 47 prefectures, longest first where one could start another (none do, but the order is kept stable). */
    static final List<String> PREFECTURES = List.of("北海道", "青森県", "岩手県", "宮城県", "秋田県", "山形県", "福島県",
            "茨城県", "栃木県", "群馬県", "埼玉県", "千葉県", "東京都", "神奈川県", "新潟県", "富山県", "石川県", "福井県",
            "山梨県", "長野県", "岐阜県", "静岡県", "愛知県", "三重県", "滋賀県", "京都府", "大阪府", "兵庫県", "奈良県",
            "和歌山県", "鳥取県", "島根県", "岡山県", "広島県", "山口県", "徳島県", "香川県", "愛媛県", "高知県", "福岡県",
            "佐賀県", "長崎県", "熊本県", "大分県", "宮崎県", "鹿児島県", "沖縄県");

    /** Conditions named in English; Japanese ones are recognised by their endings (病, 症, 炎…). */
    private static final Set<String> CONDITIONS = Set.of("diabetes", "hypertension", "asthma", "depression", "cancer",
            "epilepsy", "hepatitis", "hiv", "influenza", "pneumonia", "migraine", "arthritis", "anxiety", "dementia",
            "stroke", "tuberculosis", "schizophrenia", "bipolar disorder", "heart disease", "covid-19", "eczema",
            "anemia", "gastritis", "bronchitis", "obesity", "insomnia", "osteoporosis", "allergy", "leukemia");
    private static final Pattern JAPANESE_CONDITION = Pattern.compile(
            "[\\p{IsHan}\\p{IsKatakana}\\p{IsHiragana}ー・]{1,12}(?:病|症|炎|癌|がん|腫|障害|疾患|感染|骨折)");

    private ValueChecks() {
    }

    static boolean email(String v) {
        return v.length() <= 254 && v.indexOf('@') > 0 && EMAIL.matcher(v).matches();
    }

    static boolean ipAddress(String v) {
        if (v.indexOf(':') < 0) {
            return v.length() <= 15 && IPV4.matcher(v).matches();
        }
        return ipv6(v);
    }

    private static boolean ipv6(String v) {
        if (v.length() > 45 || v.indexOf(":::") >= 0) {
            return false;
        }
        int gap = v.indexOf("::");
        if (gap >= 0 && v.indexOf("::", gap + 1) >= 0) {
            return false;
        }
        String[] groups = v.replace("::", ":x:").split(":", -1);
        int count = 0;
        boolean compressed = false;
        for (int i = 0; i < groups.length; i++) {
            String group = groups[i];
            if (group.equals("x")) {
                compressed = true;
            } else if (group.isEmpty()) {
                if (!(i == 0 || i == groups.length - 1)) {
                    return false;
                }
            } else if (i == groups.length - 1 && group.indexOf('.') >= 0) {
                if (!IPV4.matcher(group).matches()) {
                    return false;
                }
                count += 2;
            } else if (IPV6_GROUP.matcher(group).matches()) {
                count++;
            } else {
                return false;
            }
        }
        return compressed ? count < 8 : count == 8;
    }

    /** The digits of a number written with optional spaces or hyphens; null when it is anything else. */
    static String digits(String v) {
        if (v.length() > 30 || !SEPARATED_DIGITS.matcher(v).matches()) {
            return null;
        }
        return v.replace(" ", "").replace("-", "");
    }

    /** 12 digits whose last is the check digit of the Act on the Use of Numbers (番号法施行令 第8条). */
    static boolean myNumber(String digits) {
        if (digits == null || digits.length() != 12) {
            return false;
        }
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = digits.charAt(11 - n) - '0';
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int remainder = sum % 11;
        int check = remainder <= 1 ? 0 : 11 - remainder;
        return digits.charAt(11) - '0' == check;
    }

    /** A card number of a known issuer range and length that passes the Luhn check. */
    static boolean cardNumber(String digits) {
        if (digits == null || digits.length() < 14 || digits.length() > 19 || !knownIssuer(digits)) {
            return false;
        }
        int sum = 0;
        boolean twice = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (twice) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            twice = !twice;
        }
        return sum % 10 == 0;
    }

    /**
     * Visa, Mastercard, JCB, Discover, UnionPay (16 digits, Visa and UnionPay up to 19), American
     * Express (15), Diners (14). Visa's 13-digit numbers are no longer issued, and a 13-digit JAN
     * code beginning with 49 would otherwise pass as one.
     */
    private static boolean knownIssuer(String d) {
        int length = d.length();
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        if (two == 34 || two == 37) {
            return length == 15;
        }
        if (two == 36 || two == 38 || (four >= 3000 && four <= 3059)) {
            return length == 14;
        }
        boolean sixteen = (two >= 51 && two <= 55) || (four >= 2221 && four <= 2720) || (four >= 3528 && four <= 3589)
                || four == 6011 || two == 65;
        if (sixteen) {
            return length == 16;
        }
        return (d.charAt(0) == '4' || two == 62) && (length == 16 || length == 19);
    }

    /** {@code 〒123-4567}: a postal code by its own sign. */
    static boolean markedPostalCode(String v) {
        return POSTAL_MARKED.matcher(v).matches();
    }

    /** {@code 123-4567} or {@code 1234567}: a postal code only if the name or the table says so. */
    static boolean unmarkedPostalCode(String v) {
        return POSTAL_HYPHEN.matcher(v).matches() || POSTAL_DIGITS.matcher(v).matches();
    }

    /** An address that begins with a prefecture (after an optional postal code) and goes on to a city or number. */
    static boolean japaneseAddress(String v) {
        String rest = v;
        if (rest.startsWith("〒")) {
            int space = rest.indexOf(' ');
            if (space < 0) {
                return false;
            }
            rest = rest.substring(space + 1).strip();
        }
        for (String prefecture : PREFECTURES) {
            if (rest.startsWith(prefecture)) {
                String after = rest.substring(prefecture.length());
                return after.length() >= 2 && ADDRESS_REST.matcher(after).matches();
            }
        }
        return false;
    }

    /**
     * A phone number ({@code 090-1234-5678}, {@code 03-1234-5678}, {@code +81 …}) or an e-mail
     * address inside a longer text, within its first {@value #CONTACT_SEARCH_CHARS} characters.
     */
    static boolean containsContact(String text) {
        if (text.length() <= 12) {
            return false;
        }
        // The searches try every start position; a sample of long texts must not cost quadratic time.
        String v = text.length() > CONTACT_SEARCH_CHARS ? text.substring(0, CONTACT_SEARCH_CHARS) : text;
        if (v.indexOf('@') > 0 && EMBEDDED_EMAIL.matcher(v).find()) {
            return true;
        }
        int digits = 0;
        for (int i = 0; i < v.length() && digits < 10; i++) {
            digits += Character.isDigit(v.charAt(i)) ? 1 : 0;
        }
        return digits >= 10 && EMBEDDED_PHONE.matcher(v).find();
    }

    static boolean healthCondition(String v) {
        if (v.length() > 40) {
            return false;
        }
        char last = v.charAt(v.length() - 1);
        if (last < 0x80) {
            return CONDITIONS.contains(v.toLowerCase(java.util.Locale.ROOT));
        }
        return (last == '病' || last == '症' || last == '炎' || last == '癌' || last == 'ん' || last == '腫' || last == '害'
                || last == '患' || last == '染' || last == '折') && JAPANESE_CONDITION.matcher(v).matches();
    }
}
