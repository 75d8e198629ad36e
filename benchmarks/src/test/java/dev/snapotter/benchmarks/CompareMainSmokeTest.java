package dev.snapotter.benchmarks;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** One tiny run of each comparison command, so the script's engine side cannot rot unnoticed. */
class CompareMainSmokeTest {

    @TempDir
    Path dir;

    @Test
    void singleAndBatchPrintParsableTimings() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        SyntheticPhoto.writeJpeg(SyntheticPhoto.create(600, 400, 1), in.resolve("a.jpg"), 0.9f);
        SyntheticPhoto.writeJpeg(SyntheticPhoto.create(500, 300, 2), in.resolve("b.jpg"), 0.9f);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        CompareMain main = new CompareMain(new PrintStream(buf, true, StandardCharsets.UTF_8));
        main.run(new String[]{"single", in.resolve("a.jpg").toString(), dir.resolve("out").toString(), "192", "0", "1"});
        main.run(new String[]{"batch", in.toString(), dir.resolve("batch").toString(), "192", "2", "1"});
        String text = buf.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("engine_pipeline [0-9.]+ [0-9.]+ [0-9.]+")
                .contains("engine_decode", "engine_resize", "engine_encode24_q90", "engine_batch");
        assertThat(dir.resolve("out/engine-java.jpg")).exists();
        // without -Dsnapotter.compare.vips no command-line reference runs; the libvips BACKEND runs when installed
        assertThat(text).doesNotContainPattern("(?m)^vips_").doesNotContain("_per_vips");
        if (dev.snapotter.engine.codec.CodecSelection.vipsUnavailableReason() == null) {
            assertThat(text).contains("engine_vips_pipeline", "engine_vips_batch");
        }
        try (var files = Files.list(dir.resolve("batch/engine"))) {
            assertThat(files.filter(p -> p.toString().endsWith(".jpg")).count()).isEqualTo(2);
        }
    }
}
