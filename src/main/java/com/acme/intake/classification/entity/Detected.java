package com.acme.intake.classification.entity;

import com.acme.intake.masking.entity.PiiCategory;

/**
 * What a column was recognised as. The name is the stable code the UI translates
 * ({@code classification.detected.<NAME>} in the bundles); {@link #english()} is the English
 * phrase of the reason text.
 */
public enum Detected {
    EMAIL("e-mail addresses", PiiCategory.PERSONAL),
    JP_MOBILE("Japanese mobile numbers", PiiCategory.PERSONAL),
    JP_FIXED_LINE("Japanese fixed-line numbers", PiiCategory.PERSONAL),
    JP_FREE_DIAL("Japanese toll-free or navi-dial numbers", PiiCategory.PERSONAL),
    PHONE_INTERNATIONAL("international phone numbers", PiiCategory.PERSONAL),
    PHONE("phone numbers", PiiCategory.PERSONAL),
    POSTAL_CODE("Japanese postal codes", PiiCategory.PERSONAL),
    MY_NUMBER("My Numbers (individual numbers)", PiiCategory.PERSONAL),
    CREDIT_CARD("credit-card numbers", PiiCategory.PERSONAL),
    IP_ADDRESS("IP addresses", PiiCategory.PERSONAL),
    BIRTH_DATE("dates of birth", PiiCategory.PERSONAL),
    ADDRESS("addresses", PiiCategory.PERSONAL),
    PERSON_NAME("person names", PiiCategory.PERSONAL),
    /** Free text that carries phone numbers or e-mail addresses. */
    CONTACT_IN_TEXT("phone numbers or e-mail addresses", PiiCategory.PERSONAL),
    HEALTH("health data", PiiCategory.SENSITIVE),
    RELIGION("religion or belief", PiiCategory.SENSITIVE),
    CRIMINAL_RECORD("criminal records", PiiCategory.SENSITIVE),
    ETHNICITY("race or ethnic origin", PiiCategory.SENSITIVE),
    POLITICS("political opinions", PiiCategory.SENSITIVE),
    TRADE_UNION("trade-union membership", PiiCategory.SENSITIVE),
    SEXUALITY("sex life or sexual orientation", PiiCategory.SENSITIVE);

    private final String english;
    private final PiiCategory category;

    Detected(String english, PiiCategory category) {
        this.english = english;
        this.category = category;
    }

    public String english() {
        return english;
    }

    /** PERSONAL, or SENSITIVE for the special categories. */
    public PiiCategory category() {
        return category;
    }
}
