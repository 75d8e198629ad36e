package dev.snapotter.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real Ctrl-C: the CLI runs in its own JVM, gets SIGINT mid-batch, and must stop cleanly —
 * exit code 130, a "Cancelled" summary, only complete images in the output folder, no temp files.
 * This covers what the in-process tests cannot: the JVM's signal → shutdown hook → token path.
 */
@DisabledOnOs(OS.WINDOWS)
class CtrlCProcessTest {

    private static final int FILES = 40;

    @TempDir
    Path tmp;

    @Test
    void sigintMidBatchExits130AndLeavesOnlyCompleteFiles() throws Exception {
        Path in = tmp.resolve("in");
        Path first = TestImages.write(in.resolve("img00.png"), 1600, 1200);
        for (int i = 1; i < FILES; i++) Files.copy(first, in.resolve(String.format("img%02d.png", i)));
        Path pipeline = TestImages.text(tmp.resolve("p.json"), RunCommandTest.THREE_STEPS);
        Path out = tmp.resolve("out");

        Process cli = new ProcessBuilder(javaExecutable(), "-cp", System.getProperty("java.class.path"),
                "-Djava.awt.headless=true", Main.class.getName(),
                "run", "-p", pipeline.toString(), "-o", out.toString(), "--jobs", "1", in.toString())
                .redirectErrorStream(false)
                .start();
        CompletableFuture<String> stderr = CompletableFuture.supplyAsync(() -> readAll(cli.getErrorStream()));
        List<String> stdout = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            boolean signalled = false;
            while ((line = reader.readLine()) != null) {
                stdout.add(line);
                if (!signalled && line.contains("done")) {
                    // The first file is written: press Ctrl-C.
                    // The shell's built-in kill: no procps needed on a minimal CI image.
                    new ProcessBuilder("/bin/sh", "-c", "kill -INT " + cli.pid()).inheritIO().start().waitFor();
                    signalled = true;
                }
            }
        } finally {
            if (!cli.waitFor(60, TimeUnit.SECONDS)) cli.destroyForcibly();
        }
        String report = "stdout:\n" + String.join("\n", stdout) + "\nstderr:\n" + stderr.get(10, TimeUnit.SECONDS);

        assertThat(cli.exitValue()).as(report).isEqualTo(ExitCodes.CANCELLED);
        List<String> written = RunCommandTest.names(out);
        assertThat(written).as(report).isNotEmpty().hasSizeLessThan(FILES);
        for (String name : written) {
            assertThat(name).endsWith(".png");
            // Decodes completely: 1600×1200 → 200×150 → rotated 150×200 → +10 px border.
            assertThat(TestImages.read(out.resolve(name)).getHeight()).isEqualTo(220);
        }
        assertThat(String.join("\n", stdout)).as(report).contains("Cancelled: " + written.size() + " written");
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }
}
