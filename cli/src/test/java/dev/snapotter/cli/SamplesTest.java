package dev.snapotter.cli;

import dev.snapotter.cli.CliHarness.Result;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.codec.ImageHeader;
import dev.snapotter.engine.codec.Picture;
import dev.snapotter.engine.pipeline.PipelineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The committed samples in assets/samples are what the README and docs/cli.md use: they must
 * decode, carry what LICENSE.md says (EXIF orientation 6), come from the committed generator,
 * and the sample pipeline must run over them.
 */
class SamplesTest {

    /** Surefire runs with the module folder as working directory. */
    static final Path SAMPLES = Path.of("..", "assets", "samples").toAbsolutePath().normalize();
    static final List<String> IMAGES = List.of("landscape.jpg", "portrait-exif6.jpg", "shapes-alpha.png", "tiles.gif");

    @TempDir
    Path tmp;

    @Test
    void samplesAreSmallAndDecode() throws IOException {
        ImageEngine engine = CliHarness.engine();
        long total = 0;
        for (String name : IMAGES) {
            Path file = SAMPLES.resolve(name);
            total += Files.size(file);
            Picture picture = engine.codec().decode(file, engine.limits());
            assertThat(picture.width()).as(name).isGreaterThan(100);
        }
        assertThat(total).as("samples stay small").isLessThan(200 * 1024);
        assertThat(SAMPLES.resolve("LICENSE.md")).content().contains("CC0");
    }

    @Test
    void thePortraitIsStoredSidewaysAndShownUpright() {
        ImageEngine engine = CliHarness.engine();
        Path portrait = SAMPLES.resolve("portrait-exif6.jpg");

        ImageHeader header = engine.codec().probe(portrait);
        Picture picture = engine.codec().decode(portrait, engine.limits());

        assertThat(header.orientation()).isEqualTo(6);
        assertThat(header.width()).isEqualTo(640);
        assertThat(picture.width()).isEqualTo(480);
        assertThat(picture.height()).isEqualTo(640);
        // The white arrow's shaft is in the lower middle once upright.
        int rgb = picture.pixels().getRGB(240, 400);
        assertThat((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)).isGreaterThan(3 * 230);
    }

    @Test
    void theSamplePipelineIsValidAndRunsOverTheSamples() throws IOException {
        Path pipeline = SAMPLES.resolve("pipelines/web-ready.json");
        assertThat(CliHarness.engine().validate(PipelineJson.parse(Files.readString(pipeline))).steps()).hasSize(3);
        Path out = tmp.resolve("web");

        Result r = CliHarness.exec("run", "--pipeline", pipeline.toString(), "--out", out.toString(), SAMPLES.toString());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(RunCommandTest.names(out)).hasSize(IMAGES.size());
        // The generator source next to the images is listed as ignored, not failed.
        assertThat(r.err()).contains("GenerateSamples.java");
    }

    @Test
    void theCommittedImagesComeFromTheCommittedGenerator() throws Exception {
        Path java = Path.of(ProcessHandle.current().info().command().orElseThrow());
        Process gen = new ProcessBuilder(java.toString(), "-Djava.awt.headless=true",
                SAMPLES.resolve("GenerateSamples.java").toString(), tmp.toString())
                .redirectErrorStream(true).start();
        String log = new String(gen.getInputStream().readAllBytes());
        assertThat(gen.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(gen.exitValue()).as(log).isZero();

        try (Stream<Path> files = Files.list(tmp)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactlyInAnyOrderElementsOf(IMAGES);
        }
        for (String name : IMAGES) {
            BufferedImage committed = TestImages.read(SAMPLES.resolve(name));
            BufferedImage regenerated = TestImages.read(tmp.resolve(name));
            assertThat(regenerated.getWidth()).as(name).isEqualTo(committed.getWidth());
            assertThat(regenerated.getHeight()).as(name).isEqualTo(committed.getHeight());
            // Text rendering depends on installed fonts, so compare on average rather than bit for bit.
            assertThat(meanAbsoluteDifference(committed, regenerated)).as(name).isLessThan(2.0);
        }
    }

    private static double meanAbsoluteDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) sum += Math.abs((p >> shift & 0xff) - (q >> shift & 0xff));
            }
        }
        return sum / (4.0 * a.getWidth() * a.getHeight());
    }
}
