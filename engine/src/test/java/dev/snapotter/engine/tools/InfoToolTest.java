package dev.snapotter.engine.tools;

import dev.snapotter.engine.EngineLimits;
import dev.snapotter.engine.ImageEngine;
import dev.snapotter.engine.ImageException;
import dev.snapotter.engine.testing.ExifBuilder;
import dev.snapotter.engine.testing.HostileCorpus;
import dev.snapotter.engine.testing.TestImages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InfoToolTest {

    private final ImageEngine engine = ImageEngine.create(new dev.snapotter.engine.codec.imageio.ImageIoCodec(), new EngineLimits(100, 20, 1L << 30)) /* the Java backend */;

    @TempDir
    Path dir;

    @Test
    void describesAJpegFromItsHeaders() throws Exception {
        byte[] jpeg = TestImages.jpeg(120, 80);
        jpeg[13] = 1; // JFIF density unit: dots per inch
        jpeg[14] = 1;
        jpeg[15] = 44; // 300
        jpeg[16] = 1;
        jpeg[17] = 44;
        jpeg = TestImages.withIcc(TestImages.withExif(jpeg, ExifBuilder.exif().orientation(6).withGps().build()), TestImages.linearRgbProfile());
        Path f = TestImages.write(dir, "photo.bin", jpeg);

        Map<String, Object> r = engine.report("info", f, Map.of());

        assertThat(r).containsEntry("width", 120).containsEntry("height", 80)
                .containsEntry("displayWidth", 80).containsEntry("displayHeight", 120)
                .containsEntry("format", "jpeg").containsEntry("channels", 3).containsEntry("hasAlpha", false)
                .containsEntry("orientation", 6).containsEntry("frames", 1).containsEntry("hasIcc", true)
                .containsEntry("hasExif", true).containsEntry("hasGps", true).containsEntry("fileSize", Files.size(f))
                .containsEntry("backend", "java");
        assertThat(r.get("dpi")).isEqualTo(Map.of("x", 300.0, "y", 300.0));
        @SuppressWarnings("unchecked")
        Map<String, Object> exif = (Map<String, Object>) r.get("exif");
        assertThat(exif).containsEntry("make", "OtterCam").containsEntry("model", "Model 7");
    }

    @Test
    void describesAlphaAndPages() {
        Map<String, Object> png = engine.report("info", TestImages.write(dir, "a.png", TestImages.png(30, 20, true)), Map.of());
        assertThat(png).containsEntry("format", "png").containsEntry("channels", 4).containsEntry("hasAlpha", true)
                .containsEntry("hasExif", false).doesNotContainKey("dpi");
        Map<String, Object> tiff = engine.report("info", TestImages.write(dir, "p.tif", TestImages.multiPageTiff(20, 20, 3)), Map.of());
        assertThat(tiff).containsEntry("format", "tiff").containsEntry("frames", 3);
    }

    @Test
    void aHugeDeclaredImageIsDescribedWithoutDecoding() {
        HostileCorpus.Entry bomb = HostileCorpus.failing().stream().filter(e -> e.name().equals("huge-png")).findFirst().orElseThrow();
        Map<String, Object> r = engine.report("info", bomb.writeTo(dir), Map.of());
        assertThat(r).containsEntry("width", 100_000).containsEntry("height", 100_000);
    }

    @Test
    void nonImagesFailWithTheEngineError() {
        HostileCorpus.Entry html = HostileCorpus.failing().stream().filter(e -> e.name().equals("html-as-jpg")).findFirst().orElseThrow();
        assertThatThrownBy(() -> engine.report("info", html.writeTo(dir), Map.of())).isInstanceOf(ImageException.class);
        assertThat(engine.catalog().find("info").orElseThrow().descriptor().pipelineCapable()).isFalse();
    }
}
