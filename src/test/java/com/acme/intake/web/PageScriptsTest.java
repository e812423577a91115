package com.acme.intake.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every script of the UI parses as an ES module ({@code node --check}): a syntax error fails the build, not a page. */
class PageScriptsTest {

    @ParameterizedTest
    @MethodSource("scripts")
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

    static List<String> scripts() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/webapp/js"))) {
            List<String> names = files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".js"))
                    .map(n -> n.substring(0, n.length() - ".js".length())).sorted().toList();
            assertThat(names).contains("common", "task", "inbox", "request");
            return names;
        }
    }
}
