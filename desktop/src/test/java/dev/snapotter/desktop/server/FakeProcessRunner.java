package dev.snapotter.desktop.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/** A scripted child process: prints its lines, then exits with {@link #exitCode}; records starts and destroys. */
final class FakeProcessRunner implements ProcessRunner {

    final List<String> lines = new ArrayList<>();
    int exitCode;
    /** Called with the index of each line as it is read (a test cancels from here, as the user would mid-build). */
    IntConsumer onLine = i -> {
    };
    /** Runs instead of producing the output; a build that "loads" its image into the fake Docker. */
    Runnable onSuccessfulExit = () -> {
    };
    final List<List<String>> started = new ArrayList<>();
    final List<Path> workDirs = new ArrayList<>();
    int destroyed;
    boolean waitedFor;

    @Override
    public RunningProcess start(List<String> command, Path workDir) {
        started.add(command);
        workDirs.add(workDir);
        return new RunningProcess() {
            private int next;

            @Override
            public String readLine() {
                if (destroyed > 0 || next >= lines.size()) return null; // a destroyed process's output ends
                int i = next++;
                onLine.accept(i);
                return lines.get(i);
            }

            @Override
            public int waitFor() {
                waitedFor = true;
                if (destroyed > 0) return 143;
                if (exitCode == 0) onSuccessfulExit.run();
                return exitCode;
            }

            @Override
            public void destroyTree() {
                destroyed++;
            }
        };
    }
}
