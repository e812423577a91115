package com.acme.intake.classification.control;

import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.acme.intake.classification.entity.ColumnSample;
import com.acme.intake.classification.entity.Detected;
import com.acme.intake.classification.entity.ReasonCode;
import com.acme.intake.classification.entity.Suggestion;
import com.acme.intake.masking.entity.ColumnType;
import com.acme.intake.masking.entity.DateGranularity;
import com.acme.intake.masking.entity.MaskingMethod;
import com.acme.intake.masking.entity.MaskingParameter;
import com.acme.intake.masking.entity.MaskingSpec;
import com.acme.intake.masking.entity.PiiCategory;

/**
 * Suggests a PII category and a masking for each column of a table from the column's name and a
 * sample of its values. Plain Java, no engine, no database: the caller reads the sample.
 * <p>
 * How it decides, per column:
 * <ol>
 *   <li>A name that points to a special category (病歴, diagnosis, religion…) makes it SENSITIVE.</li>
 *   <li>Otherwise each non-blank value is checked for one format (e-mail, IP, card, My Number,
 *       postal code, phone, address, health condition, person name; dates for a date of birth). The
 *       most frequent format counts when its share reaches its threshold (lower when the name
 *       agrees); a postal code without 〒 needs the name or an address column in the same table.
 *       Free text in which at least a tenth of the values carry a phone number or an e-mail address
 *       is personal too.</li>
 *   <li>Otherwise a name that points to PII counts if it is strong evidence on its own (氏名,
 *       first_name, birth…) or if there are too few values to contradict it; a name that the
 *       values contradict ({@code email_status} holding "sent") does not.</li>
 * </ol>
 * Confidence grows with the share of matching values; a suggestion's masking always fits the
 * column's type. Reasons hold shares, counts and words of the name, never a value. Thread-safe:
 * the classifier holds no state, and each call builds its own name tagger and phone-number cache.
 */
public final class PiiClassifier {

    /** Fewer non-blank values than this cannot contradict what the name says. */
    static final int FEW_VALUES = 20;
    /** Share of values needed for a format alone, and with a name that agrees. */
    static final double FORMAT_SHARE = 0.5;
    static final double FORMAT_SHARE_WITH_NAME = 0.2;
    static final double NAME_SHARE = 0.6;
    static final double NAME_SHARE_WITH_NAME = 0.3;
    /** Of the dates in a column, this share must lie where birth dates do, spread over at least BIRTH_SPREAD_YEARS. */
    static final double BIRTH_SHARE = 0.9;
    /** Free text where this share of values carries a phone number or e-mail address is personal as a whole. */
    static final double CONTACT_SHARE = 0.1;
    /** Distinct values remembered per column; a sample holds at most its row count of them anyway. */
    static final int MEMO_LIMIT = 100_000;
    /**
     * After this many distinct values tagged without a single person name, the column holds no
     * names (their threshold is a share of at least {@value #NAME_SHARE_WITH_NAME}), and the
     * tagger, by far the costliest check, is spared the rest.
     */
    static final int NAME_CHECKS_BEFORE_GIVING_UP = 100;
    static final int BIRTH_SPREAD_YEARS = 20;

    private static final Pattern DATE_TEXT = Pattern.compile("\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{4}年\\d{1,2}月\\d{1,2}日");
    private static final DateTimeFormatter DATE_TEXT_FORMAT = DateTimeFormatter.ofPattern("uuuu-M-d");

    private final LocalDate today;

    /** Dates of birth are judged relative to {@code today}. */
    public PiiClassifier(LocalDate today) {
        this.today = today;
    }

    public PiiClassifier() {
        this(LocalDate.now());
    }

    /** Suggestions for the columns of one table, in the same order. */
    public List<Suggestion> classify(List<ColumnSample> table) {
        List<Analysis> analyses = new ArrayList<>(table.size());
        PhoneNumbers phones = new PhoneNumbers();
        try (PersonNames names = new PersonNames()) {
            for (ColumnSample column : table) {
                analyses.add(analyse(column, names, phones));
            }
        }
        boolean hasAddress = analyses.stream().anyMatch(a -> a.address);
        return analyses.stream().map(a -> decide(a, hasAddress)).toList();
    }

    /** The suggestion for one column on its own (a postal code without 〒 then needs its name). */
    public Suggestion classify(ColumnSample column) {
        return classify(List.of(column)).get(0);
    }

    /** What was counted in one column. */
    private static final class Analysis {
        final ColumnSample column;
        final ColumnName name;
        final Map<Detected, Integer> counts = new EnumMap<>(Detected.class);
        /** The outcome of each distinct text value seen. */
        final Map<String, Object> seen = new HashMap<>();
        /** Values given to the name tagger, the costliest check. */
        int nameChecks;
        int values;
        int unmarkedPostal;
        /** Free texts with a phone number or an e-mail address inside. */
        int withContact;
        int dates;
        int birthLike;
        LocalDate earliest;
        LocalDate latest;
        boolean address;

        Analysis(ColumnSample column) {
            this.column = column;
            this.name = ColumnName.of(column.name());
        }

        void count(Detected detected) {
            counts.merge(detected, 1, Integer::sum);
        }
    }

    private Analysis analyse(ColumnSample column, PersonNames names, PhoneNumbers phones) {
        Analysis a = new Analysis(column);
        ColumnType.Kind kind = column.type().kind();
        for (Object value : column.values()) {
            if (value == null) {
                continue;
            }
            switch (kind) {
                case TEXT -> text(a, value.toString(), names, phones);
                case INTEGER -> integer(a, value.toString());
                case DATE, TIMESTAMP -> date(a, value);
                default -> a.values++;
            }
        }
        Optional<Map.Entry<Detected, Integer>> top = top(a);
        a.address = top.isPresent() && top.get().getKey() == Detected.ADDRESS
                && share(top.get().getValue(), a.values) >= FORMAT_SHARE
                || (a.name.personal().map(h -> h.detected() == Detected.ADDRESS).orElse(false) && kind == ColumnType.Kind.TEXT);
        return a;
    }

    /** What a text value is, when it is neither a {@link Detected} nor a {@link LocalDate}. */
    private enum Outcome { BLANK, UNMARKED_POSTAL, WITH_CONTACT, NOTHING }

    private void text(Analysis a, String raw, PersonNames names, PhoneNumbers phones) {
        // Categorical columns repeat their values: each distinct value is checked once per column.
        Object outcome = a.seen.get(raw);
        if (outcome == null) {
            outcome = outcome(raw, a, names, phones);
            if (a.seen.size() < MEMO_LIMIT) {
                a.seen.put(raw, outcome);
            }
        }
        if (outcome == Outcome.BLANK) {
            return;
        }
        a.values++;
        if (outcome instanceof Detected detected) {
            a.count(detected);
        } else if (outcome instanceof LocalDate date) {
            a.values--;
            dateValue(a, date);
        } else if (outcome == Outcome.UNMARKED_POSTAL) {
            a.unmarkedPostal++;
        } else if (outcome == Outcome.WITH_CONTACT) {
            a.withContact++;
        }
    }

    /**
     * The first format the value has, most specific first. One pass over the characters tells
     * which checks can match at all (no '@', no e-mail; fewer than 10 digits, no phone number), so
     * most values meet one or two patterns, not all of them.
     */
    private Object outcome(String raw, Analysis a, PersonNames names, PhoneNumbers phones) {
        String v = normalize(raw);
        if (v.isEmpty()) {
            return Outcome.BLANK;
        }
        int digitCount = 0;
        boolean at = false;
        boolean numeric = true;   // digits, spaces and hyphens only: card, My Number, postal code
        boolean dialled = true;   // what a dialled number may hold
        boolean ascii = true;
        boolean dot = false;
        boolean colon = false;
        boolean space = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c >= '0' && c <= '9') {
                digitCount++;
                continue;
            }
            at |= c == '@';
            dot |= c == '.';
            colon |= c == ':';
            space |= c == ' ';
            ascii &= c < 0x80;
            numeric &= c == ' ' || c == '-';
            dialled &= c == ' ' || c == '-' || c == '+' || c == '(' || c == ')' || c == '.' || c == '/';
        }
        if (at && ValueChecks.email(v)) {
            return Detected.EMAIL;
        }
        if (ascii && (dot || colon) && ValueChecks.ipAddress(v)) {
            return Detected.IP_ADDRESS;
        }
        if (numeric && (digitCount == 12 || (digitCount >= 14 && digitCount <= 19))) {
            String digits = ValueChecks.digits(v);
            if (ValueChecks.cardNumber(digits)) {
                return Detected.CREDIT_CARD;
            }
            if (ValueChecks.myNumber(digits)) {
                return Detected.MY_NUMBER;
            }
        }
        if (numeric && digitCount == 7 && ValueChecks.unmarkedPostalCode(v)) {
            return Outcome.UNMARKED_POSTAL;
        }
        if (digitCount == 7 && v.charAt(0) == '〒' && ValueChecks.markedPostalCode(v)) {
            return Detected.POSTAL_CODE;
        }
        if (dialled && digitCount >= 10) {
            Detected phone = phones.kind(v);
            if (phone != null) {
                return phone;
            }
        }
        if (!ascii && ValueChecks.japaneseAddress(v)) {
            return Detected.ADDRESS;
        }
        if (digitCount >= 5 && v.length() <= 11) {
            LocalDate date = parseDate(v);
            if (date != null) {
                return date;
            }
        }
        if (digitCount <= 2 && ValueChecks.healthCondition(v)) {
            return Detected.HEALTH;
        }
        if (digitCount == 0 && (a.nameChecks < NAME_CHECKS_BEFORE_GIVING_UP || a.counts.containsKey(Detected.PERSON_NAME))) {
            a.nameChecks++;
            if (names.looksLikeName(v)) {
                return Detected.PERSON_NAME;
            }
        }
        // Contact details inside a text: the text has words (spaces or Japanese), an id such as ORD-2024-000123 has none.
        if ((at || digitCount >= 10) && (space || !ascii) && ValueChecks.containsContact(v)) {
            return Outcome.WITH_CONTACT;
        }
        return Outcome.NOTHING;
    }

    /** NFKC and strip; plain ASCII is already in NFKC, and most values are. */
    private static String normalize(String raw) {
        for (int i = 0; i < raw.length(); i++) {
            if (raw.charAt(i) >= 0x80) {
                return (Normalizer.isNormalized(raw, Normalizer.Form.NFKC) ? raw
                        : Normalizer.normalize(raw, Normalizer.Form.NFKC)).strip();
            }
        }
        return raw.strip();
    }

    private static void integer(Analysis a, String v) {
        a.values++;
        if (ValueChecks.cardNumber(v)) {
            a.count(Detected.CREDIT_CARD);
        } else if (ValueChecks.myNumber(v)) {
            a.count(Detected.MY_NUMBER);
        }
    }

    private void date(Analysis a, Object value) {
        LocalDate date;
        if (value instanceof LocalDate d) {
            date = d;
        } else if (value instanceof LocalDateTime t) {
            // A birth date stored as a timestamp is at midnight; a moment of the day is an event.
            date = t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : null;
        } else if (value instanceof OffsetDateTime t) {
            date = t.toLocalTime().equals(LocalTime.MIDNIGHT) ? t.toLocalDate() : null;
        } else {
            date = parseDate(value.toString());
        }
        if (date == null) {
            a.values++;
            a.dates++;
            return;
        }
        dateValue(a, date);
    }

    private void dateValue(Analysis a, LocalDate date) {
        a.values++;
        a.dates++;
        if (!date.isBefore(today.minusYears(100)) && !date.isAfter(today.minusYears(15))) {
            a.birthLike++;
        }
        a.earliest = a.earliest == null || date.isBefore(a.earliest) ? date : a.earliest;
        a.latest = a.latest == null || date.isAfter(a.latest) ? date : a.latest;
    }

    private static LocalDate parseDate(String raw) {
        String v = raw.strip();
        if (v.length() > 11 || !DATE_TEXT.matcher(v).matches()) {
            return null;
        }
        String iso = v.replace('/', '-').replace('.', '-').replace("年", "-").replace("月", "-").replace("日", "");
        try {
            return LocalDate.parse(iso, DATE_TEXT_FORMAT);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Optional<Map.Entry<Detected, Integer>> top(Analysis a) {
        Map<Detected, Integer> merged = new EnumMap<>(Detected.class);
        a.counts.forEach((detected, n) -> merged.merge(phone(detected) ? Detected.PHONE : detected, n, Integer::sum));
        return merged.entrySet().stream().max(Map.Entry.comparingByValue());
    }

    private static boolean phone(Detected d) {
        return d == Detected.PHONE || d == Detected.JP_MOBILE || d == Detected.JP_FIXED_LINE
                || d == Detected.JP_FREE_DIAL || d == Detected.PHONE_INTERNATIONAL;
    }

    private Suggestion decide(Analysis a, boolean tableHasAddress) {
        ColumnType type = a.column.type();
        Optional<ColumnName.Hint> sensitive = a.name.sensitive();
        if (sensitive.isPresent()) {
            Detected d = sensitive.get().detected();
            return suggestion(PiiCategory.SENSITIVE, d, type, 0.85, ReasonCode.NAME_SENSITIVE,
                    args(null, a.values, d, sensitive.get().word()));
        }
        Optional<ColumnName.Hint> hint = a.name.personal().filter(h -> applies(h.detected(), type));

        Optional<Map.Entry<Detected, Integer>> top = top(a);
        if (top.isPresent()) {
            Detected family = top.get().getKey();
            double share = share(top.get().getValue(), a.values);
            boolean nameAgrees = hint.isPresent() && hint.get().detected() == family;
            double needed = family == Detected.PERSON_NAME
                    ? (nameAgrees ? NAME_SHARE_WITH_NAME : NAME_SHARE)
                    : (nameAgrees ? FORMAT_SHARE_WITH_NAME : FORMAT_SHARE);
            if (share >= needed) {
                Detected shown = family == Detected.PHONE ? dominantPhone(a) : family;
                return byValues(a, shown, share, nameAgrees ? hint.get() : null);
            }
        }
        double postalShare = share(a.unmarkedPostal + a.counts.getOrDefault(Detected.POSTAL_CODE, 0), a.values);
        boolean postalName = hint.isPresent() && hint.get().detected() == Detected.POSTAL_CODE;
        if (a.values > 0 && postalShare >= (postalName ? FORMAT_SHARE_WITH_NAME : NAME_SHARE)
                && (postalName || tableHasAddress)) {
            return byValues(a, Detected.POSTAL_CODE, postalShare, postalName ? hint.get() : null);
        }
        if (a.dates > 0 && (double) a.birthLike / a.dates >= BIRTH_SHARE && a.dates >= FEW_VALUES
                && a.earliest.plusYears(BIRTH_SPREAD_YEARS).isBefore(a.latest)) {
            boolean birthName = hint.isPresent() && hint.get().detected() == Detected.BIRTH_DATE;
            return byValues(a, Detected.BIRTH_DATE, share(a.birthLike, a.values), birthName ? hint.get() : null);
        }
        double contactShare = share(a.withContact, a.values);
        if (contactShare >= CONTACT_SHARE) {
            return suggestion(PiiCategory.PERSONAL, Detected.CONTACT_IN_TEXT, type,
                    Math.min(0.95, 0.6 + contactShare), ReasonCode.VALUES_CONTAIN,
                    args(contactShare, a.values, Detected.CONTACT_IN_TEXT, null));
        }
        if (hint.isPresent() && (trustedAlone(hint.get()) || a.values < FEW_VALUES)) {
            Detected d = hint.get().detected();
            double confidence = hint.get().strong() ? 0.75 : 0.55;
            return suggestion(PiiCategory.PERSONAL, d, type, confidence, ReasonCode.NAME,
                    args(null, a.values, d, hint.get().word()));
        }
        double confidence = a.values >= 100 ? 0.9 : a.values >= FEW_VALUES ? 0.75 : 0.5;
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("sampled", a.values);
        return Suggestion.of(PiiCategory.NONE, MaskingSpec.of(MaskingMethod.KEEP), confidence, null,
                ReasonCode.NOTHING_FOUND, args);
    }

    /**
     * A name the values cannot disprove: a date of birth may be stored in many ways, and person
     * names in scripts and spellings no check knows, so 氏名 or first_name stand on their own. An
     * e-mail or phone name is disproved by values that are no e-mail or phone.
     */
    private static boolean trustedAlone(ColumnName.Hint hint) {
        return switch (hint.detected()) {
            case BIRTH_DATE, ADDRESS, MY_NUMBER -> true;
            case PERSON_NAME -> hint.strong();
            default -> false;
        };
    }

    /** Personal data of these kinds is text (or digits, or a date); a boolean "email_verified" is not an e-mail. */
    private static boolean applies(Detected detected, ColumnType type) {
        return switch (type.kind()) {
            case TEXT -> true;
            case INTEGER -> detected == Detected.MY_NUMBER || detected == Detected.CREDIT_CARD
                    || detected == Detected.PHONE || detected == Detected.BIRTH_DATE;
            case DATE, TIMESTAMP -> detected == Detected.BIRTH_DATE;
            case DECIMAL, BOOLEAN -> false;
        };
    }

    private Suggestion byValues(Analysis a, Detected detected, double share, ColumnName.Hint hint) {
        double confidence = Math.min(0.99, 0.5 + 0.45 * share + (hint != null ? 0.05 : 0));
        ReasonCode code;
        if (detected.category() == PiiCategory.SENSITIVE) {
            code = ReasonCode.VALUES_SENSITIVE;
        } else {
            code = hint != null ? ReasonCode.VALUES_AND_NAME : ReasonCode.VALUES;
        }
        return suggestion(detected.category(), detected, a.column.type(), confidence, code,
                args(share, a.values, detected, hint == null ? null : hint.word()));
    }

    private static Detected dominantPhone(Analysis a) {
        Detected best = Detected.PHONE;
        int most = -1;
        for (Map.Entry<Detected, Integer> e : a.counts.entrySet()) {
            if (phone(e.getKey()) && e.getValue() > most) {
                best = e.getKey();
                most = e.getValue();
            }
        }
        return best;
    }

    private static double share(int n, int of) {
        return of == 0 ? 0 : (double) n / of;
    }

    private static Map<String, Object> args(Double share, int sampled, Detected detected, String hint) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (share != null) {
            args.put("percent", (int) Math.round(share * 100));
        }
        args.put("sampled", sampled);
        args.put("detected", detected.name());
        if (hint != null) {
            args.put("hint", hint);
        }
        return args;
    }

    private static Suggestion suggestion(PiiCategory pii, Detected detected, ColumnType type, double confidence,
                                         ReasonCode code, Map<String, Object> args) {
        return Suggestion.of(pii, masking(detected, type, pii), Math.round(confidence * 100) / 100.0, detected, code, args);
    }

    /** The masking that keeps what analysts usually need of this kind of data, or a safe fallback for the type. */
    static MaskingSpec masking(Detected detected, ColumnType type, PiiCategory pii) {
        MaskingSpec preferred = switch (detected) {
            case EMAIL -> MaskingSpec.of(MaskingMethod.EMAIL);
            case JP_MOBILE, JP_FIXED_LINE, JP_FREE_DIAL, PHONE_INTERNATIONAL, PHONE, CREDIT_CARD ->
                    type.kind() == ColumnType.Kind.TEXT
                            ? MaskingSpec.of(MaskingMethod.SHOW_LAST_N).with(MaskingParameter.N, 4)
                            : MaskingSpec.of(detected == Detected.CREDIT_CARD ? MaskingMethod.DROP : MaskingMethod.PSEUDONYMIZE);
            case CONTACT_IN_TEXT -> MaskingSpec.of(MaskingMethod.REDACT);
            case POSTAL_CODE, ADDRESS -> MaskingSpec.of(MaskingMethod.SHOW_FIRST_N).with(MaskingParameter.N, 3);
            case MY_NUMBER -> MaskingSpec.of(MaskingMethod.DROP);
            case IP_ADDRESS, PERSON_NAME -> MaskingSpec.of(MaskingMethod.PSEUDONYMIZE);
            case BIRTH_DATE -> switch (type.kind()) {
                case DATE, TIMESTAMP -> MaskingSpec.of(MaskingMethod.GENERALIZE_DATE).with(MaskingParameter.TO, DateGranularity.YEAR.name());
                case INTEGER -> MaskingSpec.of(MaskingMethod.GENERALIZE_NUMBER).with(MaskingParameter.WIDTH, 10);
                default -> MaskingSpec.of(MaskingMethod.SHOW_FIRST_N).with(MaskingParameter.N, 4);
            };
            default -> MaskingSpec.of(MaskingMethod.DROP);
        };
        if (preferred.problems(type, pii).isEmpty()) {
            return preferred;
        }
        return MaskingSpec.of(type.kind() == ColumnType.Kind.INTEGER || type.kind() == ColumnType.Kind.TEXT
                ? MaskingMethod.PSEUDONYMIZE : MaskingMethod.NULLIFY);
    }
}
