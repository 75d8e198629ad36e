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
