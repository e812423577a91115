package com.acme.intake.classification.control;

import java.util.regex.Pattern;

import com.acme.intake.classification.entity.Detected;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/**
 * Phone numbers with libphonenumber: a number without a country code is read as Japanese. Only
 * values that look like a dialled number (digits, {@code + - ( ) . space}, 10 to 15 digits) are
 * parsed, and only numbers libphonenumber holds valid for their region count.
 */
final class PhoneNumbers {

    private static final Pattern DIALLED = Pattern.compile("\\+?[\\d()][\\d ()./-]{8,22}\\d");
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    private static final int JAPAN = 81;

    private PhoneNumbers() {
    }

    /** What kind of phone number the value is, or null when it is none. */
    static Detected kind(String v) {
        if (v.length() > 24 || !DIALLED.matcher(v).matches()) {
            return null;
        }
        int digits = 0;
        for (int i = 0; i < v.length(); i++) {
            if (Character.isDigit(v.charAt(i))) {
                digits++;
            }
        }
        if (digits < 10 || digits > 15) {
            return null;
        }
        // A national number starts with its trunk prefix 0; without it and without + it is no number.
        if (v.charAt(0) != '+' && v.charAt(0) != '0' && v.charAt(0) != '(') {
            return null;
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(v, "JP");
        } catch (NumberParseException e) {
            return null;
        }
        if (!UTIL.isValidNumber(number)) {
            return null;
        }
        if (number.getCountryCode() != JAPAN) {
            return Detected.PHONE_INTERNATIONAL;
        }
        return switch (UTIL.getNumberType(number)) {
            case MOBILE -> Detected.JP_MOBILE;
            case FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP -> Detected.JP_FIXED_LINE;
            case TOLL_FREE, SHARED_COST, UAN, PREMIUM_RATE -> Detected.JP_FREE_DIAL;
            default -> Detected.PHONE;
        };
    }
}
