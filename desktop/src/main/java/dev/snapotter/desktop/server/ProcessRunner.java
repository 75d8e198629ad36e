package dev.snapotter.desktop.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Starts child processes. The onboarding's image build runs behind this seam so that its tests use a scripted
 * process and never run the real {@code build.sh}.
 */
public interface ProcessRunner {

    /** Starts {@code command} in {@code workDir}, stdout and stderr merged into one stream of lines. */
    RunningProcess start(List<String> command, Path workDir) throws IOException;

    /** A started process. */
    interface RunningProcess {

        /** The next output line, blocking; null once the process closed its output. */
        String readLine() throws IOException;

        /** Waits for the exit code (after the output ended). */
        int waitFor() throws InterruptedException;

        /**
         * Ends the process and every process it started (a build script's docker, maven, …). Does not block:
         * asks politely first, kills forcibly a few seconds later if anything is still alive.
         */
        void destroyTree();
    }

    /** Real child processes ({@link ProcessBuilder}). */
    static ProcessRunner system() {
        return (command, workDir) -> {
            Process process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).start();
            process.getOutputStream().close(); // the script never reads stdin; a prompt must not hang it
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            return new RunningProcess() {
                @Override
                public String readLine() throws IOException {
                    return out.readLine();
                }

                @Override
                public int waitFor() throws InterruptedException {
                    return process.waitFor();
                }

                @Override
                public void destroyTree() {
                    List<ProcessHandle> tree = process.descendants().toList(); // before the parent dies and they are re-parented
                    tree.forEach(ProcessHandle::destroy);
                    process.destroy();
                    CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(() -> {
                        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
                        if (process.isAlive()) process.destroyForcibly();
                    });
                }
            };
        };
    }
}
