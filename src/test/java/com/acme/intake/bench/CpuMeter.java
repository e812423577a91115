package com.acme.intake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time used by the benchmark's own JVM, the server's JVM and all PostgreSQL processes during a
 * phase, read from {@code /proc} (Linux only; elsewhere every figure is zero). Clock ticks are 10 ms,
 * so a phase needs thousands of operations for the per-operation figure to mean anything. A
 * PostgreSQL process that ends within the phase (an autovacuum worker) is not counted.
 */
final class CpuMeter {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double TICK_MS = 10.0;
    private static final Path PROC = Path.of("/proc");

    /** CPU milliseconds of the bench's JVM, the server's JVM and PostgreSQL within a phase. */
    record Reading(double bench, double server, double postgres) {
        Reading plus(Reading other) {
            return new Reading(bench + other.bench, server + other.server, postgres + other.postgres);
        }
    }

    /** Ticks so far per process: the bench's, the server's and each PostgreSQL process's. */
    record Snapshot(long bench, long server, Map<Long, Long> postgres) {
        /** What was used since the earlier snapshot; a PostgreSQL process new since then counts whole. */
        Reading since(Snapshot earlier) {
            long pg = 0;
            for (var e : postgres.entrySet()) {
                pg += Math.max(0, e.getValue() - earlier.postgres.getOrDefault(e.getKey(), 0L)); // 0: ended meanwhile
            }
            return new Reading((bench - earlier.bench) * TICK_MS, (server - earlier.server) * TICK_MS, pg * TICK_MS);
        }
    }

    private final long serverPid;

    /** @param serverPid the server's process, or 0 when there is none */
    CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    Snapshot read() {
        Map<Long, Long> postgres = new HashMap<>();
        if (!Files.isDirectory(PROC)) {
            return new Snapshot(0, 0, postgres);
        }
        try (Stream<Path> entries = Files.list(PROC)) {
            entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(comm(p)))
                    .forEach(p -> {
                        long pid = Long.parseLong(p.getFileName().toString());
                        postgres.put(pid, ticks(pid));
                    });
        } catch (IOException e) {
            // a process list that cannot be read counts as none
        }
        return new Snapshot(ticks(ProcessHandle.current().pid()), serverPid == 0 ? 0 : ticks(serverPid), postgres);
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the process ended meanwhile
        }
    }

    /** utime + stime of a process (fields 14 and 15 of its stat line; the name in field 2 may hold spaces). */
    private static long ticks(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
    }
}
