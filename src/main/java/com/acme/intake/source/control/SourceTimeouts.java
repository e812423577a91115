package com.acme.intake.source.control;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

/**
 * How long a registered source may keep us waiting, so that a source that hangs fails a read, a run
 * or {@code GET /sources/{name}/columns} instead of holding a thread and a job for ever.
 *
 * @param query  the longest a statement may run before it is cancelled, metadata queries included
 *               ({@value #QUERY_PROPERTY}, INTAKE_SOURCE_QUERY_TIMEOUT): JDBC's query timeout, and on
 *               PostgreSQL the session's {@code statement_timeout} as well
 * @param socket the longest a source may stay silent while we wait for an answer, mid-read included
 *               ({@value #SOCKET_PROPERTY}, INTAKE_SOURCE_SOCKET_TIMEOUT; PostgreSQL's
 *               {@code socketTimeout}: the connection is given up)
 */
public record SourceTimeouts(Duration query, Duration socket) {

    public static final String QUERY_PROPERTY = "intake.source.query-timeout";
    public static final String SOCKET_PROPERTY = "intake.source.socket-timeout";
    public static final SourceTimeouts DEFAULTS = new SourceTimeouts(Duration.ofMinutes(1), Duration.ofMinutes(1));

    public SourceTimeouts {
        requireWhole(query, QUERY_PROPERTY);
        requireWhole(socket, SOCKET_PROPERTY);
    }

    /**
     * The configured timeouts, the defaults where unset.
     *
     * @throws IllegalStateException for a value that is no ISO-8601 duration of 1 s to 1 h in whole seconds
     */
    public static SourceTimeouts from(Function<String, Optional<String>> config) {
        return new SourceTimeouts(duration(config, QUERY_PROPERTY, DEFAULTS.query()),
                duration(config, SOCKET_PROPERTY, DEFAULTS.socket()));
    }

    int querySeconds() {
        return (int) query.toSeconds();
    }

    int socketSeconds() {
        return (int) socket.toSeconds();
    }

    private static Duration duration(Function<String, Optional<String>> config, String property, Duration otherwise) {
        Optional<String> value = config.apply(property).map(String::strip).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return otherwise;
        }
        try {
            return Duration.parse(value.get());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException(property + " must be an ISO-8601 duration such as PT1M");
        }
    }

    private static void requireWhole(Duration d, String property) {
        if (d == null || d.compareTo(Duration.ofSeconds(1)) < 0 || d.compareTo(Duration.ofHours(1)) > 0
                || d.toNanos() % 1_000_000_000L != 0) {
            throw new IllegalStateException(property + " must be between PT1S and PT1H, in whole seconds");
        }
    }
}
