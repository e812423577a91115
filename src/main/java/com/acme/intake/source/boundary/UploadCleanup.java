package com.acme.intake.source.boundary;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import com.acme.intake.database.boundary.SchemaMigration;
import com.acme.intake.source.control.Uploads;

/**
 * Deletes uploads that no request names once they are older than {@code intake.uploads.ttl}, on
 * the container's scheduled executor: files uploaded for a form that was never submitted, or
 * replaced when a request was revised. Every node may run it; a deletion is idempotent. A wrong
 * TTL stops the startup (it is read here, when the application starts).
 */
@ApplicationScoped
public class UploadCleanup {

    private static final Logger LOG = Logger.getLogger(UploadCleanup.class.getName());
    private static final Duration LONGEST_PERIOD = Duration.ofHours(1);
    private static final Duration FIRST_RUN = Duration.ofMinutes(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    Uploads uploads;

    private ScheduledFuture<?> task;

    void onStart(@Observes @Priority(SchemaMigration.ORDER + 20) @Initialized(ApplicationScoped.class) Object event) {
        Duration ttl = uploads.ttl();
        long period = period(ttl).toMillis();
        task = scheduler.scheduleWithFixedDelay(this::deleteUnused, Math.min(period, FIRST_RUN.toMillis()), period,
                TimeUnit.MILLISECONDS);
        LOG.info(() -> "Uploads that no request uses are deleted after " + ttl + " (checked every "
                + Duration.ofMillis(period) + ")");
    }

    /** A quarter of the TTL, so an upload outlives it by at most a quarter; at most an hour, at least a second. */
    static Duration period(Duration ttl) {
        Duration quarter = ttl.dividedBy(4);
        if (quarter.compareTo(LONGEST_PERIOD) > 0) {
            return LONGEST_PERIOD;
        }
        return quarter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : quarter;
    }

    void deleteUnused() {
        try {
            int deleted = uploads.deleteUnused();
            if (deleted > 0) {
                LOG.info(() -> "Deleted " + deleted + " upload(s) that no request used");
            }
        } catch (RuntimeException e) {
            // The next run tries again; the message names no upload content.
            LOG.warning(() -> "Deleting unused uploads failed: " + e);
        }
    }

    @PreDestroy
    void stop() {
        if (task != null) {
            task.cancel(false);
        }
    }
}
