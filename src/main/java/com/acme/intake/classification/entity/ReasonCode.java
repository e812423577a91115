package com.acme.intake.classification.entity;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Why a column got its suggestion, as a stable code with an English template. The UI translates
 * the code ({@code classification.reason.<NAME>} in messages.properties and messages_ja.properties,
 * the same placeholders); a test keeps the English bundle equal to {@link #template()}.
 * Arguments: {@code percent} (0–100), {@code sampled} (values looked at), {@code detected} (a
 * {@link Detected} name; the text shows its English phrase), {@code hint} (the word of the column
 * name that counted). No argument ever holds a sampled value.
 */
public enum ReasonCode {
    VALUES("{percent} % of {sampled} sampled values look like {detected}"),
    VALUES_AND_NAME("{percent} % of {sampled} sampled values look like {detected}; name {hint}"),
    VALUES_CONTAIN("{percent} % of {sampled} sampled values contain {detected}"),
    NAME("the name {hint} suggests {detected}"),
    NAME_SENSITIVE("the name {hint} suggests {detected}, a special category"),
    VALUES_SENSITIVE("{percent} % of {sampled} sampled values look like {detected}, a special category"),
    NOTHING_FOUND("nothing personal in the name or in {sampled} sampled values");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+)}");

    private final String template;

    ReasonCode(String template) {
        this.template = template;
    }

    /** The English template, placeholders as {@code {name}}. */
    public String template() {
        return template;
    }

    /** The English text for these arguments; numbers with thousands separators, a Detected as its phrase. */
    public String english(Map<String, Object> args) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            Object value = args.get(m.group(1));
            String shown;
            if (value instanceof Number number) {
                shown = String.format(java.util.Locale.ROOT, "%,d", number.longValue());
            } else if ("detected".equals(m.group(1)) && value != null) {
                shown = Detected.valueOf(value.toString()).english();
            } else {
                shown = String.valueOf(value);
            }
            m.appendReplacement(text, Matcher.quoteReplacement(shown));
        }
        m.appendTail(text);
        return text.toString();
    }
}
