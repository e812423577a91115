package com.acme.intake.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used by the benchmark's own JVM, the server's JVM and all PostgreSQL processes, read from
 * {@code /proc} (Linux only; elsewhere every reading is zero). Clock ticks are 10 ms, so a phase
 * needs thousands of operations for the per-operation figure to mean anything.
 */
final class CpuMeter {

    /** Linux's USER_HZ: /proc reports CPU time in hundredths of a second. */
    private static final double TICK_MS = 10.0;
    private static final Path PROC = Path.of("/proc");

    /** CPU milliseconds so far of the bench's JVM, the server's JVM and PostgreSQL. */
    record Reading(double bench, double server, double postgres) {
        Reading minus(Reading earlier) {
            return new Reading(bench - earlier.bench, server - earlier.server, postgres - earlier.postgres);
        }

        Reading plus(Reading other) {
            return new Reading(bench + other.bench, server + other.server, postgres + other.postgres);
        }
    }

    private final long serverPid;

    /** @param serverPid the server's process, or 0 when there is none */
    CpuMeter(long serverPid) {
        this.serverPid = serverPid;
    }

    Reading read() {
        if (!Files.isDirectory(PROC)) {
            return new Reading(0, 0, 0);
        }
        double bench = ticks(ProcessHandle.current().pid());
        double server = serverPid == 0 ? 0 : ticks(serverPid);
        double postgres = 0;
        try (Stream<Path> entries = Files.list(PROC)) {
            postgres = entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> "postgres".equals(comm(p)))
                    .mapToDouble(p -> ticks(Long.parseLong(p.getFileName().toString()))).sum();
        } catch (IOException e) {
            // a process list that cannot be read counts as none
        }
        return new Reading(bench * TICK_MS, server * TICK_MS, postgres * TICK_MS);
    }

    private static String comm(Path process) {
        try {
            return Files.readString(process.resolve("comm")).strip();
        } catch (IOException e) {
            return ""; // the process ended meanwhile
        }
    }

    /** utime + stime of a process (fields 14 and 15 of its stat line; the name in field 2 may hold spaces). */
    private static double ticks(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile (an autovacuum worker, say): counted as none
        }
    }
}
