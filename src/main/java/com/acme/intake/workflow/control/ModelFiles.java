package com.acme.intake.workflow.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The process models and forms packaged from the top-level {@code bpmn/} and {@code forms/}
 * folders into the classpath folder {@value #FOLDER}. They are the single source: the
 * application deploys exactly these files, and so do the process tests.
 */
public final class ModelFiles {

    public static final String FOLDER = "models";

    private ModelFiles() {
    }

    /** Classpath names ({@code models/…}) of every .bpmn, .dmn and .form file, sorted. */
    public static List<String> all(ClassLoader loader) {
        URL folder = loader.getResource(FOLDER);
        if (folder == null || !"file".equals(folder.getProtocol())) {
            throw new IllegalStateException("The models folder is not on the classpath as a directory: " + folder);
        }
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".bpmn") || n.endsWith(".dmn") || n.endsWith(".form"))
                    .sorted()
                    .map(n -> FOLDER + "/" + n)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
