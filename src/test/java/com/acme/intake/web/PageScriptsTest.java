package com.acme.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The page modules of the inbox, task, catalog and audit pages parse as ES modules ({@code node --check}). */
class PageScriptsTest {

    @ParameterizedTest
    @ValueSource(strings = {"inbox", "task", "catalog", "catalog-entry", "audit", "explain"})
    void module_parses(String name) throws IOException, InterruptedException {
        Path copy = Files.createTempFile("page-" + name + "-", ".mjs");
        try {
            Files.copy(Path.of("src/main/webapp/js", name + ".js"), copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            Process node = new ProcessBuilder("node", "--check", copy.toString()).redirectErrorStream(true).start();
            assertThat(node.waitFor(60, TimeUnit.SECONDS)).isTrue();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(node.exitValue()).as(output).isZero();
        } finally {
            Files.deleteIfExists(copy);
        }
    }
}
