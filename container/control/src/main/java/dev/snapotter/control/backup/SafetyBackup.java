package dev.snapotter.control.backup;

import java.nio.file.Path;
import java.util.function.Consumer;

/** Takes the automatic backup of the current data that a restore can fall back to; returns where it is. */
@FunctionalInterface
public interface SafetyBackup {

    Path take(Consumer<String> progress) throws Exception;
}
