package com.acme.intake.classification.control;

import java.util.Optional;
import java.util.function.Function;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * How many rows of a source PII detection samples: {@value #SAMPLE_ROWS} (environment variable
 * {@code INTAKE_PII_SAMPLE_ROWS}), default {@value #DEFAULT_SAMPLE_ROWS}. A value that is not a
 * whole number from 1 to {@value #MAX_SAMPLE_ROWS} stops the service at startup with a message
 * naming the setting: a typo must not silently turn detection off or make it read a whole table.
 */
public record ClassificationSettings(int sampleRows) {

    public static final String SAMPLE_ROWS = "intake.pii.sample-rows";
    public static final int DEFAULT_SAMPLE_ROWS = 1000;
    /** Bounds the memory of one sample (rows × columns values held at once) and the time to read it. */
    public static final int MAX_SAMPLE_ROWS = 100_000;

    public static ClassificationSettings load() {
        Config config = ConfigProvider.getConfig(ClassificationSettings.class.getClassLoader());
        return from(name -> config.getOptionalValue(name, String.class));
    }

    /** Reads the settings through a lookup (MicroProfile Config in the application, a map in tests). */
    public static ClassificationSettings from(Function<String, Optional<String>> lookup) {
        Optional<String> value = lookup.apply(SAMPLE_ROWS).map(String::strip);
        if (value.isEmpty()) {
            return new ClassificationSettings(DEFAULT_SAMPLE_ROWS);
        }
        String text = value.get();
        int rows;
        try {
            rows = Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalStateException(SAMPLE_ROWS + " (INTAKE_PII_SAMPLE_ROWS) must be a whole number from 1 to "
                    + MAX_SAMPLE_ROWS + ", not '" + text + "'");
        }
        if (rows < 1 || rows > MAX_SAMPLE_ROWS) {
            throw new IllegalStateException(SAMPLE_ROWS + " (INTAKE_PII_SAMPLE_ROWS) must be from 1 to "
                    + MAX_SAMPLE_ROWS + ", not " + rows);
        }
        return new ClassificationSettings(rows);
    }
}
