package com.acme.intake.source.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SourceRegistryTest {

    private final List<String> logged = new ArrayList<>();
    private final Logger logger = Logger.getLogger(SourceRegistry.class.getName());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    @Test
    void sourcesAreReadFromConfigurationAndBadEntriesSkipped() {
        Map<String, String> config = Map.of(
                "intake.sources", " crm , BadName, no_url, dwh_eu,,",
                "intake.sources.crm.url", "jdbc:postgresql://crm-db/crm?password=url-secret",
                "intake.sources.crm.user", "crm_user",
                "intake.sources.crm.password", "crm-secret",
                "intake.sources.BadName.url", "jdbc:h2:mem:bad",
                "intake.sources.dwh_eu.url", "jdbc:h2:mem:dwh");

        SourceRegistry registry = SourceRegistry.from(key -> Optional.ofNullable(config.get(key)), Optional.empty());

        assertThat(registry.all()).extracting(RegisteredSource::name).containsExactly("crm", "dwh_eu");
        assertThat(registry.find("crm")).isPresent();
        assertThat(registry.find("BadName")).isEmpty();
        assertThat(logged).hasSize(2);
        assertThat(String.join("\n", logged) + registry.all())
                .doesNotContain("url-secret").doesNotContain("crm-secret").doesNotContain("crm_user").doesNotContain("crm-db");
    }

    @Test
    void theDemoSourceIsRegisteredUnlessConfigurationNamesItsOwnDemo() {
        RegisteredSource demo = DemoSource.registered("jdbc:h2:mem:demo");

        SourceRegistry onlyDemo = SourceRegistry.from(key -> Optional.empty(), Optional.of(demo));
        SourceRegistry configured = SourceRegistry.from(key -> Optional.ofNullable(Map.of(
                "intake.sources", "demo", "intake.sources.demo.url", "jdbc:h2:mem:mine").get(key)), Optional.of(demo));

        assertThat(onlyDemo.find("demo")).get().extracting(RegisteredSource::demo).isEqualTo(true);
        assertThat(configured.find("demo")).get().extracting(RegisteredSource::demo).isEqualTo(false);
    }
}
