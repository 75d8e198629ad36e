package dev.snapotter.installers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command with a bounded wait; output (stdout + stderr) is kept for assertions and failure messages. */
final class Cmd {

    record Result(int exit, String output) {
        Result orFail(String what) {
            if (exit != 0) throw new AssertionError(what + " failed (exit " + exit + "):\n" + output);
            return this;
        }
    }

    private Cmd() {
    }

    static Result run(Duration timeout, List<String> command) {
        return run(timeout, null, command);
    }

    static Result run(Duration timeout, Path dir, List<String> command) {
        try {
            Path log = Files.createTempFile("installers-cmd", ".log");
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
                if (dir != null) pb.directory(dir.toFile());
                Process p = pb.start();
                if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                    throw new AssertionError("timed out after " + timeout + ": " + command + "\n" + Files.readString(log, StandardCharsets.UTF_8));
                }
                return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            return new Result(127, command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    /** True when a Docker daemon answers (the Docker tests skip, saying so, when not). */
    static boolean dockerAvailable() {
        return run(Duration.ofSeconds(15), List.of("docker", "info", "--format", "{{.ServerVersion}}")).exit() == 0;
    }
}
