package com.acme.intake.database.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfiguredDataSourceTest {

    @Test
    void the_socket_timeout_is_a_duration_of_whole_seconds_between_one_second_and_an_hour() {
        assertThat(ConfiguredDataSource.socketTimeoutSeconds("intake.db.socket-timeout",
                ConfiguredDataSource.DB_SOCKET_TIMEOUT)).isEqualTo(60);
        assertThat(ConfiguredDataSource.socketTimeoutSeconds("intake.warehouse.socket-timeout",
                ConfiguredDataSource.WAREHOUSE_SOCKET_TIMEOUT)).isEqualTo(270);
        assertThatThrownBy(() -> ConfiguredDataSource.socketTimeoutSeconds("intake.db.socket-timeout", "60"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("intake.db.socket-timeout");
        assertThatThrownBy(() -> ConfiguredDataSource.socketTimeoutSeconds("intake.db.socket-timeout", "PT0S"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("between PT1S and PT1H");
    }
}
