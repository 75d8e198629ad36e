package dev.snapotter.desktop.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The real runner on a harmless shell one-liner (never build.sh): merged output, exit code, the tree destroyed. */
@DisabledOnOs(OS.WINDOWS)
class ProcessRunnerTest {

    @TempDir
    Path dir;

    @Test
    void mergesStderrIntoTheLinesAndReportsTheExitCode() throws Exception {
        var p = ProcessRunner.system().start(List.of("sh", "-c", "echo out; echo err >&2; pwd; exit 3"), dir);
        List<String> lines = new ArrayList<>();
        for (String l; (l = p.readLine()) != null; ) lines.add(l);
        assertThat(p.waitFor()).isEqualTo(3);
        assertThat(lines).contains("out", "err", dir.toRealPath().toString());
    }

    @Test
    void destroyTreeEndsTheChildrenToo() throws Exception {
        // the shell starts a long sleep and prints its pid; destroying the tree must end both
        var p = ProcessRunner.system().start(List.of("sh", "-c", "sleep 60 & echo $!; wait"), dir);
        long child = Long.parseLong(p.readLine().trim());
        ProcessHandle sleep = ProcessHandle.of(child).orElseThrow();
        p.destroyTree();
        sleep.onExit().get(10, TimeUnit.SECONDS);
        assertThat(sleep.isAlive()).isFalse();
        // Process.destroy closes the output pipe: a read then ends (null) or fails; ImageBuilder treats both as cancelled
        try {
            assertThat(p.readLine()).isNull();
        } catch (java.io.IOException closed) {
            assertThat(closed).hasMessageContaining("closed");
        }
        long start = System.nanoTime();
        p.waitFor();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }
}
