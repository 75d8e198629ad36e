package dev.snapotter.desktop.server;

import dev.snapotter.desktop.app.ShippedFiles;
import dev.snapotter.desktop.task.TaskContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Consumer;

/**
 * Builds the SnapOtter image with {@code container/image/build.sh}, offered only when the app runs from a source
 * checkout (the script is found by walking up from the working folder, {@link ShippedFiles#inCheckout}). An
 * installed app (jpackage's {@code jpackage.app-path} set) never offers it: its image comes from the kit.
 */
public final class ImageBuilder {

    static final Path SCRIPT_IN_CHECKOUT = Path.of("container", "image", "build.sh");
    /** How many of the last output lines a failure quotes. */
    static final int TAIL_LINES = 12;

    private final Path script;
    private final ProcessRunner runner;

    public ImageBuilder(Path script, ProcessRunner runner) {
        this.script = Objects.requireNonNull(script, "script");
        this.runner = Objects.requireNonNull(runner, "runner");
    }

    /** The builder for this JVM: present only in a source checkout. */
    public static Optional<ImageBuilder> fromCheckout() {
        return locate(System.getProperty(ShippedFiles.APP_PATH_PROPERTY), Path.of(System.getProperty("user.dir")))
                .map(script -> new ImageBuilder(script, ProcessRunner.system()));
    }

    /** The checkout's build script; empty in an installed app or outside a checkout. */
    static Optional<Path> locate(String appPath, Path workDir) {
        if (appPath != null && !appPath.isBlank()) return Optional.empty();
        return ShippedFiles.inCheckout(workDir, SCRIPT_IN_CHECKOUT).stream().filter(Files::isRegularFile).findFirst();
    }

    public Path script() {
        return script;
    }

    /** bash runs it (the script is bash; its executable bit may be lost in a zip download). */
    List<String> command() {
        return List.of("bash", script.toString());
    }

    /** The checkout's root: {@code <root>/container/image/build.sh}. */
    Path checkoutRoot() {
        Path root = script.toAbsolutePath().getParent();
        for (int i = 0; i < 2 && root.getParent() != null; i++) root = root.getParent();
        return root;
    }

    /** One run; {@link Run#cancel()} may come from the UI thread while {@link Run#execute} blocks on output. */
    Run newRun() {
        return new Run();
    }

    /** The script ended with a non-zero exit code. */
    static final class BuildFailedException extends Exception {
        private final int exitCode;
        private final List<String> lastLines;

        BuildFailedException(int exitCode, List<String> lastLines) {
            super("build.sh exited with code " + exitCode);
            this.exitCode = exitCode;
            this.lastLines = List.copyOf(lastLines);
        }

        int exitCode() {
            return exitCode;
        }

        List<String> lastLines() {
            return lastLines;
        }
    }

    final class Run {
        private volatile boolean cancelled;
        private volatile ProcessRunner.RunningProcess process;

        /**
         * Runs the script to its end, handing every output line to {@code lines} (on this background thread).
         * Throws {@link BuildFailedException} on a non-zero exit, {@link CancellationException} once cancelled.
         */
        void execute(TaskContext ctx, Consumer<String> lines) throws IOException, InterruptedException, BuildFailedException {
            ProcessRunner.RunningProcess p = runner.start(command(), checkoutRoot());
            process = p;
            Deque<String> tail = new ArrayDeque<>();
            try {
                if (cancelled || ctx.isCancelled()) throw new CancellationException("cancelled");
                for (String line; (line = p.readLine()) != null; ) {
                    if (tail.size() == TAIL_LINES) tail.removeFirst();
                    tail.addLast(line);
                    lines.accept(line);
                    if (cancelled || ctx.isCancelled()) throw new CancellationException("cancelled");
                }
                int code = p.waitFor();
                if (cancelled) throw new CancellationException("cancelled");
                if (code != 0) throw new BuildFailedException(code, List.copyOf(tail));
            } catch (CancellationException | InterruptedException e) {
                p.destroyTree();
                throw e;
            } catch (IOException e) {
                p.destroyTree();
                if (cancelled) throw new CancellationException("cancelled"); // the destroyed process's closed pipe
                throw e;
            }
        }

        /** Destroys the process tree now (so a read blocked on its output returns) and marks the run cancelled. */
        void cancel() {
            cancelled = true;
            ProcessRunner.RunningProcess p = process;
            if (p != null) p.destroyTree();
        }
    }
}
