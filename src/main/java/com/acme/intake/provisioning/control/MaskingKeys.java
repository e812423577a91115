package com.acme.intake.provisioning.control;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import com.acme.intake.database.control.Installation;
import com.acme.intake.masking.entity.PseudonymKey;

/**
 * The pseudonym key of this installation, read once at startup from {@code intake.masking.key}
 * and {@code intake.masking.key-id} ({@code INTAKE_MASKING_KEY}, {@code INTAKE_MASKING_KEY_ID}).
 * <p>
 * Outside demo mode ({@code database.control.Installation}) a missing or weak key stops the application at startup, before
 * the engine could run a provisioning job with it: a key of at least {@value #MIN_KEY_BYTES} bytes
 * (UTF-8) and a key id are required, and the demo key and its id are refused. In demo mode
 * without a configured key, a fixed demo key with id {@value #DEMO_KEY_ID} is used and a
 * warning logged: its pseudonyms are reproducible by anyone who reads this source.
 * <p>
 * The secret appears in no log line, message or {@code toString()}.
 */
@ApplicationScoped
public class MaskingKeys {

    public static final String KEY_PROPERTY = "intake.masking.key";
    public static final String KEY_ID_PROPERTY = "intake.masking.key-id";
    public static final String DEMO_KEY_ID = "demo-key";
    public static final int MIN_KEY_BYTES = 32;
    /** Runs before the schema migration (100) so a bad key fails the start before anything else. */
    public static final int ORDER = 90;

    /** Key ids are recorded on runs and shown in logs: short and plain. */
    static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** DEMO-ONLY: public in this source, so its pseudonyms protect nothing. */
    private static final String DEMO_SECRET = "DEMO-ONLY intake masking key, public: never use it for real data";

    private static final Logger LOG = Logger.getLogger(MaskingKeys.class.getName());

    private volatile PseudonymKey key;

    void onStart(@Observes @Priority(ORDER) @Initialized(ApplicationScoped.class) Object event) {
        current();
    }

    /**
     * The key to pseudonymize with.
     *
     * @throws IllegalStateException when the configuration is missing or unacceptable
     */
    public PseudonymKey current() {
        PseudonymKey current = key;
        if (current == null) {
            Config config = ConfigProvider.getConfig(MaskingKeys.class.getClassLoader());
            current = resolve(config.getOptionalValue(KEY_PROPERTY, String.class),
                    config.getOptionalValue(KEY_ID_PROPERTY, String.class),
                    Installation.current().demo());
            key = current;
        }
        return current;
    }

    /**
     * The key the configuration describes.
     *
     * @param secret   the configured key, if any
     * @param keyId    the configured key id, if any
     * @param demo     whether the node is in demo mode (embedded default or INTAKE_DEMO=true)
     * @throws IllegalStateException with a message that says what to configure; never containing the secret
     */
    static PseudonymKey resolve(Optional<String> secret, Optional<String> keyId, boolean demo) {
        Optional<String> configuredSecret = secret.filter(s -> !s.isBlank());
        Optional<String> configuredId = keyId.map(String::strip).filter(s -> !s.isEmpty());
        if (configuredSecret.isEmpty()) {
            if (!demo) {
                throw new IllegalStateException("No masking key configured: set " + KEY_PROPERTY
                        + " (INTAKE_MASKING_KEY, at least " + MIN_KEY_BYTES + " bytes) and " + KEY_ID_PROPERTY
                        + " (INTAKE_MASKING_KEY_ID). The demo key is only used in demo mode (the embedded default or"
                        + " INTAKE_DEMO=true).");
            }
            if (configuredId.isPresent()) {
                throw new IllegalStateException(KEY_ID_PROPERTY + " is set but " + KEY_PROPERTY
                        + " is not; set both, or neither to use the DEMO-ONLY key of demo mode");
            }
            LOG.warning(() -> "Using the DEMO-ONLY masking key (key id " + DEMO_KEY_ID + "): its pseudonyms are"
                    + " reproducible by anyone. Set INTAKE_MASKING_KEY and INTAKE_MASKING_KEY_ID for real data.");
            return PseudonymKey.ofUtf8(DEMO_KEY_ID, DEMO_SECRET);
        }
        String id = configuredId.orElseThrow(() -> new IllegalStateException(KEY_PROPERTY + " is set but "
                + KEY_ID_PROPERTY + " (INTAKE_MASKING_KEY_ID) is not; every run records the key id"));
        if (!KEY_ID.matcher(id).matches()) {
            throw new IllegalStateException(KEY_ID_PROPERTY + " must be 1 to 64 characters of A-Z, a-z, 0-9, '.', '_'"
                    + " or '-', starting with a letter or digit");
        }
        if (id.equals(DEMO_KEY_ID)) {
            throw new IllegalStateException(KEY_ID_PROPERTY + " '" + DEMO_KEY_ID + "' is reserved for the demo key");
        }
        String value = configuredSecret.get();
        if (value.equals(DEMO_SECRET)) {
            throw new IllegalStateException(KEY_PROPERTY + " is the public demo key; generate a secret one");
        }
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length < MIN_KEY_BYTES) {
            throw new IllegalStateException(KEY_PROPERTY + " is too short: " + length + " bytes, at least "
                    + MIN_KEY_BYTES + " are required (e.g. openssl rand -base64 32)");
        }
        return PseudonymKey.ofUtf8(id, value);
    }
}
