package dev.snapotter.cli.run;

import java.nio.file.Path;

/** Paths as the user thinks of them: relative to the working folder when inside it, else absolute. */
public final class PathDisplay {

    private final Path base;

    public PathDisplay(Path workingDir) {
        this.base = workingDir.toAbsolutePath().normalize();
    }

    public String show(Path path) {
        if (path == null) return "";
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith(base) && !abs.equals(base) ? base.relativize(abs).toString() : abs.toString();
    }
}
