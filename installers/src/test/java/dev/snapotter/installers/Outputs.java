package dev.snapotter.installers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Where `mvn package` in installers/ put its outputs (failsafe passes the folders as system properties). */
final class Outputs {

    private Outputs() {
    }

    /**
     * What a test needs from the build: skipped with the reason on a developer machine that cannot make it, but a
     * failure under {@code CI=true}, where {@code .ci/run} provides everything (Docker, the model) and a skip would
     * hide a broken build.
     */
    static void require(boolean present, String reason) {
        if (ci()) {
            if (!present) throw new AssertionError("CI must build this: " + reason);
        } else {
            org.junit.jupiter.api.Assumptions.assumeTrue(present, "SKIPPED: " + reason);
        }
    }

    /** Running under {@code .ci/run}, which promises every tool and build output (ADR 0012). */
    static boolean ci() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Path out() {
        return Path.of(System.getProperty("snapotter.installers.out", "target/installers")).toAbsolutePath();
    }

    static String version() {
        return System.getProperty("snapotter.version", "0.1.0-SNAPSHOT");
    }

    static Path repo() {
        return Path.of(System.getProperty("snapotter.repo", "..")).toAbsolutePath().normalize();
    }

    static Path buildDir() {
        return out().getParent();
    }

    static Optional<Path> deb() throws IOException {
        return find("snapotter_", ".deb");
    }

    static Path tarball() {
        return out().resolve("snapotter-" + version() + "-linux-amd64.tar.gz");
    }

    static Path kit() {
        return out().resolve("snapotter-airgap-" + version() + "-linux-amd64.tar");
    }

    static Path sbom(String name) {
        return out().resolve("sbom").resolve(name);
    }

    private static Optional<Path> find(String prefix, String suffix) throws IOException {
        if (!Files.isDirectory(out())) return Optional.empty();
        try (Stream<Path> files = Files.list(out())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.getFileName().toString().endsWith(suffix)).findFirst();
        }
    }
}
