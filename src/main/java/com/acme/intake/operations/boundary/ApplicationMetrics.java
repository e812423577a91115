package com.acme.intake.operations.boundary;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import com.acme.intake.database.boundary.SchemaMigration;
import com.acme.intake.operations.control.CachedValue;
import com.acme.intake.operations.control.RequestCounts;
import com.acme.intake.request.entity.RequestStatus;
import com.acme.intake.workflow.control.EngineProbe;

/**
 * Registers the application gauges at startup: {@value #REQUESTS} with one series per status
 * (tag {@code status}) and {@value #OPEN_TASKS}. Values are computed by one query each and cached
 * for {@link #CACHE_PERIOD}, so scrapes do not load the database.
 */
@ApplicationScoped
public class ApplicationMetrics {

    public static final String REQUESTS = "intake_requests";
    public static final String OPEN_TASKS = "intake_open_tasks";
    static final Duration CACHE_PERIOD = Duration.ofSeconds(5);

    @Resource(lookup = SchemaMigration.DATA_SOURCE)
    DataSource dataSource;

    @Inject
    EngineProbe engine;

    @Inject
    MetricRegistry registry;

    void onStart(@Observes @Priority(SchemaMigration.ORDER + 300) @Initialized(ApplicationScoped.class) Object event) {
        CachedValue<Map<RequestStatus, Long>> counts =
                new CachedValue<>(() -> RequestCounts.byStatus(dataSource), CACHE_PERIOD, Clock.systemUTC());
        Metadata requests = Metadata.builder().withName(REQUESTS)
                .withDescription("Intake requests by status").build();
        for (RequestStatus status : RequestStatus.values()) {
            registry.gauge(requests, () -> counts.get().get(status), new Tag("status", status.name()));
        }
        CachedValue<Long> openTasks = new CachedValue<>(engine::openTasks, CACHE_PERIOD, Clock.systemUTC());
        registry.gauge(Metadata.builder().withName(OPEN_TASKS)
                .withDescription("Open user tasks: reviews, revisions and provisioning failures").build(), openTasks);
    }
}
