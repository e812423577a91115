package com.acme.intake.classification.control;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import com.acme.intake.classification.entity.Detected;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers with libphonenumber: a number without a country code is read as Japanese. Only
 * values that look like a dialled number (digits, {@code + - ( ) . space}, 10 to 15 digits) are
 * parsed, and only numbers libphonenumber holds valid for their region count.
 * <p>
 * libphonenumber's check costs some 10 µs a number. A Japanese national number's validity and
 * type follow from its length and its first digits: the trunk 0 and three more (libphonenumber's
 * Japanese ranges are a prefix of up to three digits followed by free digits, e.g. mobile
 * {@code [7-9]0[1-9]\d{7}}), so the answer is kept per first {@value #PREFIX_DIGITS} digits and
 * length, and a column of mobile numbers asks libphonenumber a few times, not a thousand.
 * International numbers (with +, or dialled from Japan with 010 or 00 and a country code) are
 * always asked; a test compares both answers over 30,000 random national numbers. One instance serves
 * one thread.
 */
final class PhoneNumbers {

    private static final Pattern DIALLED = Pattern.compile("\\+?[\\d()][\\d ()./-]{8,22}\\d");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int JAPAN = 81;
    static final int PREFIX_DIGITS = 4;
    private static final Object INVALID = new Object();

    private final Map<String, Object> byPrefix = new HashMap<>();

    /** What kind of phone number the value is, or null when it is none. */
    Detected kind(String v) {
        if (v.length() > 24 || !DIALLED.matcher(v).matches()) {
            return null;
        }
        StringBuilder digits = new StringBuilder(16);
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                digits.append(v.charAt(i));
            }
        }
        if (digits.length() < 10 || digits.length() > 15) {
            return null;
        }
        // A national number starts with its trunk prefix 0; without it and without + it is no number.
        char first = v.charAt(0);
        if (first != '+' && first != '0' && first != '(') {
            return null;
        }
        if (first != '0' || digits.charAt(1) == '0' || digits.indexOf("010") == 0) {
            // international: with +, or dialled from Japan with 010 (or 00…) and a country code
            return check(v);
        }
        String key = digits.substring(0, PREFIX_DIGITS) + "/" + digits.length();
        Object known = byPrefix.get(key);
        if (known == null) {
            Detected kind = check(v);
            known = kind == null ? INVALID : kind;
            byPrefix.put(key, known);
        }
        return known == INVALID ? null : (Detected) known;
    }

    private static Detected check(String v) {
        PhoneNumber number;
        try {
            number = UTIL.parse(v, "JP");
        } catch (NumberParseException e) {
            return null;
        }
        // The type is UNKNOWN exactly when the number is not valid for its region.
        PhoneNumberUtil.PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberUtil.PhoneNumberType.UNKNOWN) {
            return null;
        }
        if (number.getCountryCode() != JAPAN) {
            return Detected.PHONE_INTERNATIONAL;
        }
        return switch (type) {
            case MOBILE -> Detected.JP_MOBILE;
            case FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP -> Detected.JP_FIXED_LINE;
            case TOLL_FREE, SHARED_COST, UAN, PREMIUM_RATE -> Detected.JP_FREE_DIAL;
            default -> Detected.PHONE;
        };
    }
}
