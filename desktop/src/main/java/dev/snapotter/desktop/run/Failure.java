package dev.snapotter.desktop.run;

import java.nio.file.Path;

/** A file the last run could not process, with the engine's reason. */
public record Failure(Path input, String reason) {

    @Override
    public String toString() {
        return input.getFileName() + " — " + reason;
    }
}
