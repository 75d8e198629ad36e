package dev.snapotter.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where JMH benchmarks keep their generated inputs between forks (-Dsnapotter.bench.dir). */
final class BenchmarkFiles {

    private BenchmarkFiles() {
    }

    static Path dir() throws IOException {
        String configured = System.getProperty("snapotter.bench.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of(System.getProperty("java.io.tmpdir"), "snapotter-bench");
        return Files.createDirectories(dir);
    }
}
