package com.acme.intake.scale;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Payara Micro process running the built WAR on a free loopback port, clustering off (nodes
 * share only the database), with the given environment. Its output goes to a log file.
 */
public final class PayaraNode implements AutoCloseable {

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private PayaraNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** The Payara Micro jar and WAR that the build made (failsafe passes them; else under target/). */
    public static Path microJar() {
        return Path.of(System.getProperty("MICRO_JAR", "target/payara-micro.jar"));
    }

    public static Path war() {
        return Path.of(System.getProperty("intake.war", "target/intake.war"));
    }

    public static PayaraNode start(String name, Map<String, String> env, String heap, Path logDir) throws IOException {
        int port = freePort();
        Files.createDirectories(logDir);
        Path log = logDir.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
                "-jar", microJar().toString(), "--deploy", war().toString(), "--contextroot", "/",
                // no --rootdir: with one, Payara Micro deploys the WAR from its saved domain and then
                // again from --deploy, answering 401 and 503 in between
                "--nocluster", "--port", String.valueOf(port)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        // a test JVM that dies or is stopped leaves no server behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new PayaraNode(name, port, process, log);
    }

    /** Waits until the application answers (an unauthenticated call gets 401 once it is deployed). */
    public PayaraNode awaitReady(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        String last = "no answer";
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(base() + "api/tasks"))
                        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 401) {
                    return this;
                }
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.toString(); // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " not ready after " + timeout + " (last: " + last + "); see " + log);
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    public String base() {
        return "http://127.0.0.1:" + port + "/";
    }

    public URL url() {
        try {
            return URI.create(base()).toURL();
        } catch (java.net.MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path log() {
        return log;
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL on Linux: no shutdown hook, no transaction completes. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
