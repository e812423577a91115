package com.acme.intake.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Demo users and the demo key come only with the embedded default, or when asked for on purpose. */
class InstallationTest {

    private static final String PG = "jdbc:postgresql://db:5432/";

    private static Installation of(String... keyValues) {
        Map<String, String> config = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            config.put(keyValues[i], keyValues[i + 1]);
        }
        return Installation.of(key -> Optional.ofNullable(config.get(key)));
    }

    @Test
    void nothing_configured_is_the_embedded_default_in_demo_mode() {
        assertThat(of()).isEqualTo(new Installation(true, true));
        assertThat(of("intake.db.url", " ", "intake.warehouse.url", "", "intake.sources", ""))
                .as("blank values are unset, as failsafe passes them").isEqualTo(new Installation(true, true));
    }

    @Test
    void a_real_application_database_turns_demo_mode_off() {
        assertThat(of("intake.db.url", PG + "intake", "intake.warehouse.url", PG + "wh", "intake.sources", "crm"))
                .isEqualTo(new Installation(false, false));
        assertThat(of("intake.db.url", PG + "intake")).isEqualTo(new Installation(false, false));
    }

    @Test
    void demo_mode_with_real_databases_only_when_set_on_purpose() {
        assertThat(of("intake.db.url", PG + "intake", "intake.warehouse.url", PG + "wh", "intake.demo", "true"))
                .isEqualTo(new Installation(false, true));
        assertThat(of("intake.demo", "false")).as("and it can be turned off on the embedded default")
                .isEqualTo(new Installation(true, false));
    }

    @Test
    void a_real_warehouse_without_an_application_database_refuses_to_start() {
        assertThatThrownBy(() -> of("intake.warehouse.url", PG + "wh"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_WAREHOUSE_URL is set but INTAKE_DB_URL is not")
                .hasMessageContaining("Set INTAKE_DB_URL");
        assertThatThrownBy(() -> of("intake.warehouse.url", PG + "wh", "intake.demo", "true"))
                .as("not even in demo mode").hasMessageContaining("INTAKE_DB_URL is not");
    }

    @Test
    void a_real_source_without_an_application_database_refuses_to_start() {
        assertThatThrownBy(() -> of("intake.sources", "crm", "intake.sources.crm.url", PG + "crm"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_SOURCES is set but INTAKE_DB_URL is not");
    }

    @Test
    void the_former_demo_users_switch_refuses_to_start_rather_than_mean_something_else() {
        assertThatThrownBy(() -> of("intake.db.url", PG + "intake", "intake.demo-users", "true"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("INTAKE_DEMO_USERS").hasMessageContaining("INTAKE_DEMO=true");
    }

    @Test
    void demo_is_true_or_false() {
        assertThatThrownBy(() -> of("intake.demo", "yes")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be true or false");
    }
}
