package dev.snapotter.image;

import java.nio.file.Path;

/** Where the module's files are, for tests run by Maven (system property) or from an IDE (cwd). */
final class Paths {

    private Paths() {
    }

    static Path module() {
        return Path.of(System.getProperty("snapotter.image.dir", "."));
    }

    static Path compose() {
        return module().resolve("deploy/docker-compose.yml");
    }

    static Path composeReadOnly() {
        return module().resolve("deploy/docker-compose.readonly.yml");
    }

    static Path kubernetes() {
        return module().resolve("deploy/kubernetes");
    }
}
